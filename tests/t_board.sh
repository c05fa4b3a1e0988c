#!/usr/bin/env bash
# The board's blocks (fpga/, docs/board.md): tests/board/run_*.sh, each printing ok / not ok lines.
set -u
cd "$(dirname "$0")/.."
bash tests/each.sh tests/board/run_*.sh
