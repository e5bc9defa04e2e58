#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, with
# HOME and the XDG folders in a temporary directory, so keychain tests use a real
# Secret Service and never the developer's own keyring.
set -euo pipefail
if [ -z "${ATTEST_IN_KEYRING_SESSION:-}" ]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    if [ "${CI:-}" = "true" ]; then
      echo "keyring-session: dbus-run-session or gnome-keyring-daemon is missing (install dbus and gnome-keyring)" >&2
      exit 1
    fi
    echo "keyring-session: no D-Bus/gnome-keyring here; keychain tests will say they were skipped" >&2
    exec "$@"
  fi
  export ATTEST_IN_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi
tmp=$(mktemp -d)
# npm keeps the user's own configuration and cache (a test packs and installs Attest).
export NPM_CONFIG_USERCONFIG="${NPM_CONFIG_USERCONFIG:-$HOME/.npmrc}" NPM_CONFIG_CACHE="${NPM_CONFIG_CACHE:-$HOME/.npm}"
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'attest-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
export ATTEST_SECRET_SERVICE=1
"$@"
