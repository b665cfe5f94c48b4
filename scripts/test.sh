#!/usr/bin/env bash
# npm test: lint, typecheck, build, unit and integration tests, then the Chromium journeys.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
step() { printf '\n== %s\n' "$1"; }

step "lint"
npx eslint .
npx prettier --check "src/**/*.{ts,tsx}" "e2e/**/*.ts" "bench/**/*.ts" "test/**/*.ts"
step "typecheck"
npx tsc -p tsconfig.node.json --noEmit
npx tsc -p tsconfig.web.json --noEmit
step "build"
bash scripts/build-if-stale.sh

step "unit and integration tests"
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # The OS-keychain secrets tests need a Secret Service: a private D-Bus session with an unlocked keyring.
  bash scripts/with-keyring.sh npx vitest run --project unit
else
  echo "note: dbus-run-session or gnome-keyring-daemon is missing, so the OS-keychain tests are not registered" >&2
  npx vitest run --project unit
fi

step "journeys in Chromium against the headless host"
npx vitest run --project e2e
