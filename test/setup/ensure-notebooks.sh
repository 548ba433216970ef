#!/bin/sh
# Install what the notebook tests (test/notebooks/notebooks.test.ts) need when it is missing: Debian's
# jupyter-nbconvert, jupyter-client and python3-nbclient, which execute the notebooks headless with the
# Deno kernel (the npm package `deno`, a devDependency). Idempotent and quiet when all is present;
# needs root (CI) or sudo when it has to install.
# Usage: sh test/setup/ensure-notebooks.sh
set -eu
cd "$(dirname "$0")/../.."
if [ ! -x node_modules/.bin/deno ]; then
  echo "ensure-notebooks: node_modules/.bin/deno is missing: run npm ci (deno is a devDependency)." >&2
  exit 1
fi
if command -v jupyter-nbconvert >/dev/null 2>&1 &&
  /usr/bin/python3 -c "import nbconvert, nbclient, jupyter_client" >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-notebooks: jupyter nbconvert is missing and this user cannot install it (not root, no sudo)." >&2
    exit 1
  fi
fi
echo "ensure-notebooks: installing jupyter-nbconvert, jupyter-client, python3-nbclient (apt-get, about 10 s)..." >&2
# Stale lists on a fresh CI machine make install fail: update first.
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  jupyter-nbconvert jupyter-client python3-nbclient >/dev/null
jupyter nbconvert --version >/dev/null
echo "ensure-notebooks: nbconvert $(jupyter nbconvert --version), $(node_modules/.bin/deno --version | head -n 1)" >&2
