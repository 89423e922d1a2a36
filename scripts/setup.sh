#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: Debian's Chromium (browser tests run
# in it offline through Playwright) and the npm workspace. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/lib/chromium/chromium ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# `npm ci` is not used: npm 11.19 writes lockfiles without the other platforms' optional
# binaries (biome, esbuild, rolldown) and then refuses them as "out of sync".
npm install --no-audit --no-fund
