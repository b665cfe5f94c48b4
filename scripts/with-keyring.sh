#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service so the OS-keychain tests exercise keytar for
# real: a private D-Bus session (dbus-run-session) and a gnome-keyring-daemon whose keyrings live
# in a throwaway folder, so the user's own keyring is never read or written. Sets
# CADENCE_TEST_KEYCHAIN=1, which registers the keychain cases in secrets.test.ts.
#   usage: bash scripts/with-keyring.sh npx vitest run src/main/platform/secrets
# (As root, dbus-daemon prints a harmless "Failed to set fd limit" warning.)
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (apt-get install dbus-x11 gnome-keyring)" >&2; exit 1; }
done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/cadence-keyring.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/data" "$scratch/runtime"

# Inside the session the daemon runs in the foreground as our child, so we know its pid and stop
# it ourselves (a daemonised one can outlive the session). --unlock reads the password from stdin
# and creates the "login" keyring, the default collection libsecret writes to. The command starts
# only once the daemon owns org.freedesktop.secrets, else keytar would race its start-up.
XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" CADENCE_TEST_KEYCHAIN=1 \
  dbus-run-session -- bash -c '
    set -uo pipefail
    printf cadence | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
    daemon=$!
    trap "kill \$daemon 2>/dev/null; wait \$daemon 2>/dev/null" EXIT
    for _ in $(seq 100); do
      dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
      sleep 0.1
    done
    "$@"
  ' with-keyring "$@"
