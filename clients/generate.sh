#!/usr/bin/env bash
# THE one command that regenerates the clients from the engine: ./clients/generate.sh
# 1. clients/openapi.json: the document the engine serves (the API test that compares the two writes it when asked);
# 2. the .NET client's generated code (clients/dotnet/Reservations.Client/Generated), with NSwag;
# 3. the TypeScript client, when clients/typescript/generate.sh exists;
# then lints the document. ./scripts/test.sh fails while any of them is stale. Review the diff of clients/ and commit it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RESERVATIONS_OPENAPI_WRITE=1 dotnet test tests/Api.Tests -c Release \
  --filter "FullyQualifiedName~OpenApiDocumentTests.ServedDocument_EqualsTheCheckedInCopy"
dotnet run -c Release --project clients/dotnet/Reservations.Client.Generator -- \
  clients/openapi.json clients/dotnet/Reservations.Client/Generated
if [ -f clients/typescript/generate.sh ]; then
  bash clients/typescript/generate.sh
fi
./scripts/lint-openapi.sh
