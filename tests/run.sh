#!/usr/bin/env bash
# Runs every tests/t_*.sh and tallies its verdicts.  A test script prints one
# line per check: "ok NAME" or "not ok NAME: reason".  A script that exits
# non-zero without printing "not ok" counts as one failure; one that prints
# nothing and exits 0 counts as one pass.  Closes with "N passed, N failed".
#
#   TESTS="a b"     only tests/t_a.sh and tests/t_b.sh
#   TEST_JOBS=N     scripts at once (default: the CPUs, nproc), longest first (tests/times.txt):
#                   most scripts are one process, so one at a time leaves cores idle.  A
#                   script's line is printed when it ends.  The scripts find their programs
#                   built (make test builds them first, test-build) or build them under a
#                   lock (nicrx-sim's simulators), and each writes only its own files.
#   SHARD=k/N       only the k-th (1..N) of N disjoint parts of the suite, balanced
#                   by the run times in tests/times.txt (the same on every machine,
#                   so N machines running k = 1..N run every test exactly once)
#   SHARD_LIST=1    print the scripts of the part and run nothing
#   JUNIT=FILE      the JUnit XML report (default build/tests/junit.xml): a test
#                   suite per script, a test case per check
#   TESTS_DIR=DIR   the scripts (DIR/t_*.sh) and their times (DIR/times.txt) instead of tests/
#                   (tests/t_tools.sh runs this script on a suite of its own)
#   TESTS_OUT=DIR   the logs and times.txt instead of build/tests/
#   tests/run.sh --merge-junit OUT FILE...   one JUnit report of the shards' reports
#
# Every script's time goes to build/tests/times.txt (copy it over tests/times.txt to
# rebalance the shards and the order).
set -u
cd "$(dirname "$0")/.."


if [ "${1-}" = --merge-junit ]; then
    [ $# -ge 3 ] || { echo "run.sh: --merge-junit OUT FILE..." >&2; exit 2; }
    out=$2; shift 2
    { echo '<?xml version="1.0" encoding="UTF-8"?>'; echo '<testsuites>'
      sed -n '/^<testsuite /,/^<\/testsuite>/p' "$@"; echo '</testsuites>'; } > "$out.tmp" && mv "$out.tmp" "$out"
    exit
fi

only="${TESTS:-}"
dir=${TESTS_DIR:-tests}
out=${TESTS_OUT:-build/tests}
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
if ! [[ $jobs =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: TEST_JOBS takes a number of scripts at once, 1 or more, not '$jobs'" >&2
    exit 2
fi
shard=${SHARD:-1/1}
if ! [[ $shard =~ ^([0-9]+)/([0-9]+)$ ]] || [ "${BASH_REMATCH[1]}" -lt 1 ] ||
   [ "${BASH_REMATCH[1]}" -gt "${BASH_REMATCH[2]}" ]; then
    echo "run.sh: SHARD takes k/N with 1 <= k <= N, not '$shard'" >&2
    exit 2
fi
k=${BASH_REMATCH[1]}; nshards=${BASH_REMATCH[2]}
junit=${JUNIT:-$out/junit.xml}
mkdir -p "$out" "$(dirname "$junit")"

# The scripts of this shard: longest first (DIR/times.txt, "NAME SECONDS"; a script
# not listed counts 10 s), each to the part with the least time so far; ties by name.
# They run in that order too, so the longest do not start last.
mine=$(for t in "$dir"/t_*.sh; do
           n=$(basename "$t" .sh)
           s=$(awk -v n="$n" '$1 == n { print $2 }' "$dir/times.txt" 2>/dev/null)
           echo "${s:-10} $n"
       done | sort -k1,1nr -k2,2 | awk -v k="$k" -v N="$nshards" '{
           b = 1; for (i = 2; i <= N; i++) if (load[i] < load[b]) b = i
           load[b] += $1; if (b == k) print $2 }')

if [ -n "${SHARD_LIST-}" ]; then echo "$mine"; exit 0; fi
# run_one NAME: runs DIR/NAME.sh into OUT/NAME.log, leaves "PASSED FAILED SECONDS" in
# OUT/NAME.res and prints its line (and its first failures) in one write
run_one() {
    local name=$1 log="$out/$1.log" start rc secs p f
    start=$(date +%s)
    bash "$dir/$name.sh" > "$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok $name: exit status $rc" >> "$log"; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then p=1; echo "ok $name" >> "$log"; fi
    echo "$p $f $secs" > "$out/$name.res"
    printf '%s\n' "$(printf '%-28s %6d passed %6d failed  %4ds\n' "$name" "$p" "$f" "$secs"
                     grep '^not ok ' "$log" | head -20 | sed 's/^/    /')"
}
ran=""
for name in $mine; do
    if [ -n "$only" ] && ! [[ " $only " == *" ${name#t_} "* ]]; then continue; fi
    rm -f "$out/$name.res"
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    run_one "$name" &
    ran="$ran $name"
done
wait
pass=0; fail=0; suites=""
for name in $(tr ' ' '\n' <<<"$ran" | sort); do
    log="$out/$name.log"
    read -r p f secs < "$out/$name.res" || { p=0; f=1; secs=0; }
    pass=$((pass + p)); fail=$((fail + f))
    { grep -v "^$name " "$out/times.txt" 2>/dev/null; echo "$name $secs"; } | sort > "$out/times.txt.tmp" &&
        mv "$out/times.txt.tmp" "$out/times.txt"
    suites+="<testsuite name=\"$name\" tests=\"$((p + f))\" failures=\"$f\" time=\"$secs\">"$'\n'
    suites+=$(sed -n 's/^ok \([^ #]*\).*/  <testcase classname="'"$name"'" name="\1"\/>/p
                     s/^not ok \([^:]*\): *\(.*\)/  <testcase classname="'"$name"'" name="\1"><failure message="\2"\/><\/testcase>/p' \
                  < <(sed -n '/^\(not \)\?ok /p' "$log" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g'))$'\n'
    suites+="</testsuite>"$'\n'
done
{ echo '<?xml version="1.0" encoding="UTF-8"?>'; echo '<testsuites>'; printf '%s' "$suites"; echo '</testsuites>'; } > "$junit"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
