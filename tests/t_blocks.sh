#!/usr/bin/env bash
# Block-level lockstep of single RTL blocks against their C twins under Icarus
# (tests/blocks/*_run.sh): random stimulus beyond what captures exercise; and every
# trace generator refuses a bad command line.
set -u
cd "$(dirname "$0")/.."
for r in tests/blocks/*_run.sh; do
    bash "$r" || echo "not ok $(basename "$r" .sh): exit status $?"
done
# Every generator refuses a bad command line with its name and status 2 (a slip in a run
# script must not become a bench of 0 cycles that passes).
for g in build/tests/blocks/nicrx_*_gen; do
    [ -x "$g" ] || continue
    n=$(basename "$g")
    msg=$("$g" x 2>&1 >/dev/null); rc=$?
    if [ "$rc" -eq 2 ] && [[ "$msg" == "$g: "* ]]; then echo "ok $n-bad-args"
    else echo "not ok $n-bad-args: status $rc, message '$msg'"; fi
done
