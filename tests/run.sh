#!/usr/bin/env bash
# Runs every tests/t_*.sh and tallies its verdicts.  A test script prints one
# line per check: "ok NAME" or "not ok NAME: reason".  A script that exits
# non-zero without printing "not ok" counts as one failure; one that prints
# nothing and exits 0 counts as one pass.  Closes with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
pass=0; fail=0
only="${TESTS:-}"
for t in tests/t_*.sh; do
    name=$(basename "$t" .sh)
    if [ -n "$only" ] && ! [[ " $only " == *" ${name#t_} "* ]]; then continue; fi
    log="build/tests/$name.log"
    mkdir -p build/tests
    start=$(date +%s)
    bash "$t" > "$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok $name: exit status $rc" >> "$log"; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then p=1; fi
    pass=$((pass + p)); fail=$((fail + f))
    printf '%-28s %6d passed %6d failed  %4ds\n' "$name" "$p" "$f" "$(( $(date +%s) - start ))"
    grep '^not ok ' "$log" | head -20 | sed 's/^/    /'
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
