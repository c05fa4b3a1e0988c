#!/usr/bin/env bash
# Block-level lockstep of single RTL blocks against their C twins under Icarus
# (tests/blocks/*_run.sh): random stimulus beyond what captures exercise.
set -u
cd "$(dirname "$0")/.."
for r in tests/blocks/*_run.sh; do
    bash "$r" || echo "not ok $(basename "$r" .sh): exit status $?"
done
