#!/usr/bin/env bash
# Block-level lockstep of single RTL blocks against their C twins under Icarus
# (tests/blocks/*_run.sh): random stimulus beyond what captures exercise; and every
# trace generator refuses a bad command line.
set -u
cd "$(dirname "$0")/.."
bash tests/each.sh tests/blocks/*_run.sh
# Every generator refuses a bad command line with its name and status 2 (a slip in a run
# script must not become a bench of 0 cycles that passes).
# The list is the sources' (a stale binary of a removed block is not counted; a generator
# that was not built fails).
for src in tests/blocks/nicrx_*_gen.c; do
    n=$(basename "$src" .c); g=build/tests/blocks/$n
    [ -x "$g" ] || { echo "not ok $n-bad-args: $g was not built"; continue; }
    msg=$("$g" x 2>&1 >/dev/null); rc=$?
    if [ "$rc" -eq 2 ] && [[ "$msg" == "$g: "* ]]; then echo "ok $n-bad-args"
    else echo "not ok $n-bad-args: status $rc, message '$msg'"; fi
done
