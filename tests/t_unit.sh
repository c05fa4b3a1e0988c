#!/usr/bin/env bash
# Unit tests of the model's stages (tests/unit/test_*.c).
set -u
make -s unit >/dev/null || { echo "not ok unit-build: make unit failed"; exit 1; }
for t in build/tests/unit/test_*; do
    [ -x "$t" ] || continue
    "$t" || echo "not ok $(basename "$t"): exit status $?"
done
