#!/usr/bin/env bash
# Quick start: set up, create a demo account on first run, and run the server on the
# embedded store (./data). Settings come from SYNCDS_* variables (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export SYNCDS_DATA_DIR="${SYNCDS_DATA_DIR:-$PWD/data}"
CLI=(node apps/server/dist/main.js)
if [ ! -e "$SYNCDS_DATA_DIR/syncds.db" ]; then
  "${CLI[@]}" domain add example.com
  "${CLI[@]}" account add demo@example.com --password demo
  echo "created the demo account demo@example.com (password: demo)"
fi
exec "${CLI[@]}" serve "$@"
