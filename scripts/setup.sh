#!/usr/bin/env bash
# Installs what building and running syncds needs on a fresh Debian/Ubuntu machine
# with Node.js 20+: pnpm 10, the workspace's packages, and a build of every package.
# With --test-peers it also installs the real peers the tests use (Debian packages):
# libwbxml2-utils (wbxml2xml/xml2wbxml, the reference WBXML codec; libwbxml2-dev for the
# benchmark's same-run baseline) and syncevolution
# (a real SyncML client), plus gcc for syncevo-client's small LD_PRELOAD fix.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "syncds needs Node.js 20 or newer" >&2
  exit 1
fi

if [ "${1:-}" = "--test-peers" ]; then
  need=()
  command -v wbxml2xml >/dev/null || need+=(libwbxml2-utils)
  [ -e /usr/include/libwbxml-1.1/wbxml/wbxml.h ] || [ -e /usr/include/libwbxml-1.0/wbxml/wbxml.h ] || need+=(libwbxml2-dev)
  command -v syncevolution >/dev/null || need+=(syncevolution)
  [ -e /usr/lib/x86_64-linux-gnu/syncevolution/backends/syncfile.so ] || [ -n "$(ls /usr/lib/*/syncevolution/backends/syncfile.so 2>/dev/null)" ] || need+=(syncevolution-libs)
  command -v gcc >/dev/null || need+=(gcc libc6-dev)
  if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

if ! command -v pnpm >/dev/null || [ "$(pnpm --version | cut -d. -f1)" != "10" ]; then
  npm install -g pnpm@10 >/dev/null
fi
# better-sqlite3 compiles against Node's headers; pnpm 10 honours npm's nodedir setting.
if [ -z "${npm_config_nodedir:-}" ] && [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
pnpm install --frozen-lockfile
pnpm build
