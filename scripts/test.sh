#!/usr/bin/env bash
# Every test, as CI runs it: install the test peers and the workspace, then lint,
# type-check and run every package's tests (the server's against real clients), then
# the codec and item-format benchmarks in quick mode (figures in the log; a benchmark
# whose self-check fails fails the run, a missed speed target does not).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test-peers
pnpm lint
pnpm typecheck
pnpm test
pnpm bench --quick --suite codec --out results/codec.ci.tmp.json
pnpm --filter @syncds/bench run bench --quick --suite items --out results/items.ci.tmp.json
