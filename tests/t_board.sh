#!/usr/bin/env bash
# The board's blocks (fpga/, docs/board.md): tests/board/run_*.sh, each printing ok / not ok lines.
set -u
cd "$(dirname "$0")/.."
for r in tests/board/run_*.sh; do
    bash "$r" || echo "not ok $(basename "$r" .sh): exit status $?"
done
