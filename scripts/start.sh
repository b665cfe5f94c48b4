#!/usr/bin/env bash
# npm start: the desktop app; where Electron cannot start, the same app in browser mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
bash scripts/build-if-stale.sh
reason=""
if ! electron_bin="$(node -e "process.stdout.write(require('electron'))" 2>/dev/null)" || [ ! -x "$electron_bin" ]; then
  reason="its binary is missing (it could not be downloaded when dependencies were installed)"
elif [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  reason="there is no display (DISPLAY and WAYLAND_DISPLAY are unset)"
fi
if [ -z "$reason" ]; then
  exec npx electron . "$@"
fi
echo "cadence: Electron cannot start here because ${reason}; starting browser mode instead — open the URL below." >&2
exec node out/main/host.js "$@"
