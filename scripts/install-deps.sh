#!/usr/bin/env bash
# Installs node_modules when they are missing or older than the lock file. Electron's binary is
# fetched separately and best-effort: on machines without access to its download host the app
# still runs in browser mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.cadence-installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
  exit 0
fi
echo "cadence: installing dependencies (npm ci)" >&2
ELECTRON_SKIP_BINARY_DOWNLOAD=1 ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip \
  npm ci --no-audit --no-fund --loglevel=error >&2
if [ -z "${CI:-}" ] && [ ! -f node_modules/electron/path.txt ]; then
  # `timeout` is GNU coreutils (not on macOS by default); without it the download runs unbounded.
  limit=()
  command -v timeout >/dev/null && limit=(timeout 300)
  ${limit[@]+"${limit[@]}"} node node_modules/electron/install.js >/dev/null 2>&1 \
    || echo "cadence: the Electron binary could not be downloaded; npm start will use browser mode" >&2
fi
touch "$stamp"
