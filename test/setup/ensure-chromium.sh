#!/bin/sh
# Install Debian's chromium for the browser tests (test/report/screenshot.test.ts) when it is missing.
# Idempotent and quiet when chromium is present; needs root (CI) or sudo when it has to install.
# Usage: sh test/setup/ensure-chromium.sh
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-chromium: /usr/bin/chromium is missing and this user cannot install it (not root, no sudo)." >&2
    exit 1
  fi
fi
echo "ensure-chromium: installing chromium (apt-get, about 30 s)..." >&2
# Stale lists on a fresh CI machine make install fail: update first.
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)" >&2
