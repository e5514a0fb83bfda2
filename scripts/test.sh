#!/usr/bin/env bash
# Every test, as CI runs it: install the test peers and the workspace, then lint,
# type-check and run every package's tests (the server's against real clients).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test-peers
pnpm lint
pnpm typecheck
pnpm test
