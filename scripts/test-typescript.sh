#!/usr/bin/env bash
# The TypeScript client's checks (clients/typescript): its generated files are current against
# clients/openapi.json and its source, it type-checks, and its tests pass against a running engine
# (node's test runner; each test file starts the engine's Release build on free loopback ports).
# ./scripts/test.sh runs this after dotnet test with --no-build; alone it builds src/Api first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh
  echo "Node.js not found; installing the nodejs and npm packages." >&2
  apt_install nodejs npm
fi

if [[ ${1:-} != --no-build ]]; then
  dotnet build src/Api -c Release --nologo -v quiet
fi

clients/typescript/generate.sh --check
cd clients/typescript
npm test --silent
