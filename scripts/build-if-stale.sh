#!/usr/bin/env bash
# Builds main, preload and renderer with electron-vite unless out/ is newer than every source.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=out/.build-stamp
if [ -f "$stamp" ] && [ -z "$(find src resources package.json electron.vite.config.ts -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
echo "cadence: building (electron-vite)" >&2
npx electron-vite build >&2
touch "$stamp"
