#!/usr/bin/env bash
# npm run server: one instance of the Cadence sync service on this machine. Settings come from the
# environment (src/server/config.ts lists them all); DATABASE_URL and JWT_SECRET are required.
# Installs dependencies when needed, bundles src/server into out/server/main.js when it is stale
# (scripts/build-server.sh), then runs it until Ctrl-C or SIGTERM (it drains before exiting).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Checked before anything slow, so a missing setting is reported in a second, not after an install.
missing=()
[ -n "${DATABASE_URL:-}" ] || missing+=(DATABASE_URL)
[ -n "${JWT_SECRET:-}" ] || missing+=(JWT_SECRET)
if [ "${#missing[@]}" -gt 0 ]; then
  cat >&2 <<EOF
cadence server: $(
    if [ "${#missing[@]}" -gt 1 ]; then echo "${missing[0]} and ${missing[1]} are"; else echo "${missing[0]} is"; fi
  ) not set.

The sync service keeps everything in PostgreSQL and signs access tokens with JWT_SECRET.
For a local PostgreSQL (Debian/Ubuntu package "postgresql"), start the project's cluster; it
prints the URL to use:

  bash scripts/postgres.sh start

Then, with a secret of at least 32 characters that stays the same across restarts (tokens signed
with another secret stop working):

  export DATABASE_URL="\$(bash scripts/postgres.sh url)"
  export JWT_SECRET="\$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')"
  npm run server

Optional: PORT (8787), HOST (127.0.0.1), SMTP_URL (smtp://127.0.0.1:2525, for verification and
reset emails), PUBLIC_URL, AI_UPSTREAM_URL + AI_UPSTREAM_KEY, RELAY_PRIVATE_KEY, LOG_LEVEL.
EOF
  exit 2
fi

bash scripts/install-deps.sh
bash scripts/build-server.sh
exec node --enable-source-maps out/server/main.js "$@"
