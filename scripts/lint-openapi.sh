#!/usr/bin/env bash
# Lints the checked-in OpenAPI document with Redocly CLI (fetched by npx, pinned): ./scripts/lint-openapi.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v npx >/dev/null 2>&1; then
  echo "error: npx (Node.js) is not installed; apt-get install -y nodejs npm" >&2
  exit 1
fi
npx --yes @redocly/cli@2.77.0 lint --config clients/redocly.yaml clients/openapi.json
