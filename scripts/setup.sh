#!/usr/bin/env bash
# Installs what the tests need: a Chromium for the browser tests (driven offline through
# Playwright; never `playwright install`) and the npm workspace. Safe to run again.
#
# - CHROMIUM_PATH set: that binary is used and nothing is installed (any OS).
# - Debian/Ubuntu without Chromium: installs Debian's `chromium` with apt-get (sudo when not root).
# - Anywhere else: says how to point CHROMIUM_PATH at a Chromium or Chrome you have, then goes on
#   with the npm install (everything but the browser tests works without one).
set -euo pipefail
cd "$(dirname "$0")/.."
DEBIAN_CHROMIUM=/usr/lib/chromium/chromium

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
    exit 1
  fi
  echo "setup: browser tests will use CHROMIUM_PATH=$CHROMIUM_PATH"
elif [ -x "$DEBIAN_CHROMIUM" ]; then
  echo "setup: browser tests will use $DEBIAN_CHROMIUM"
elif command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  echo "setup: installed Debian's chromium ($DEBIAN_CHROMIUM)"
else
  found=""
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then found=$(command -v "$candidate"); break; fi
  done
  mac="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
  [ -z "$found" ] && [ -x "$mac" ] && found="$mac"
  echo "setup: no Debian chromium and no apt-get. The browser tests need a Chromium or Chrome:" >&2
  if [ -n "$found" ]; then
    echo "  export CHROMIUM_PATH=\"$found\"" >&2
  else
    echo "  install one with your package manager, then export CHROMIUM_PATH=/path/to/chromium" >&2
  fi
  echo "setup: continuing with the npm install (everything else works without a browser)." >&2
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# `npm ci` is not used: npm 11.19 writes lockfiles without the other platforms' optional
# binaries (biome, esbuild, rolldown) and then refuses them as "out of sync".
npm install --no-audit --no-fund
