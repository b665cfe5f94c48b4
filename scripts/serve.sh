#!/usr/bin/env bash
# npm run serve -- [--port <n>] [--data <folder>]: the headless host, for a browser.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
bash scripts/build-if-stale.sh
exec node out/main/host.js "$@"
