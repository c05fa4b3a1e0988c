#!/usr/bin/env bash
# Runs every tests/t_*.sh and tallies its verdicts.  A test script prints one
# line per check: "ok NAME" or "not ok NAME: reason".  A script that exits
# non-zero without printing "not ok" counts as one failure; one that prints
# nothing and exits 0 counts as one pass.  Closes with "N passed, N failed".
#
#   TESTS="a b"     only tests/t_a.sh and tests/t_b.sh
#   SHARD=k/N       only the k-th (1..N) of N disjoint parts of the suite, balanced
#                   by the run times in tests/times.txt (the same on every machine,
#                   so N machines running k = 1..N run every test exactly once)
#   SHARD_LIST=1    print the scripts of the part and run nothing
#   JUNIT=FILE      the JUnit XML report (default build/tests/junit.xml): a test
#                   suite per script, a test case per check
#   tests/run.sh --merge-junit OUT FILE...   one JUnit report of the shards' reports
#
# Every script's time goes to build/tests/times.txt (copy it over tests/times.txt to
# rebalance the shards).
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
shard=${SHARD:-1/1}
if ! [[ $shard =~ ^([0-9]+)/([0-9]+)$ ]] || [ "${BASH_REMATCH[1]}" -lt 1 ] ||
   [ "${BASH_REMATCH[1]}" -gt "${BASH_REMATCH[2]}" ]; then
    echo "run.sh: SHARD takes k/N with 1 <= k <= N, not '$shard'" >&2
    exit 2
fi
k=${BASH_REMATCH[1]}; nshards=${BASH_REMATCH[2]}
junit=${JUNIT:-build/tests/junit.xml}
mkdir -p build/tests "$(dirname "$junit")"

# The scripts of this shard: longest first (tests/times.txt, "NAME SECONDS"; a script
# not listed counts 10 s), each to the part with the least time so far; ties by name.
mine=$(for t in tests/t_*.sh; do
           n=$(basename "$t" .sh)
           s=$(awk -v n="$n" '$1 == n { print $2 }' tests/times.txt 2>/dev/null)
           echo "${s:-10} $n"
       done | sort -k1,1nr -k2,2 | awk -v k="$k" -v N="$nshards" '{
           b = 1; for (i = 2; i <= N; i++) if (load[i] < load[b]) b = i
           load[b] += $1; if (b == k) print $2 }')

if [ -n "${SHARD_LIST-}" ]; then echo "$mine"; exit 0; fi
pass=0; fail=0; suites=""
for t in tests/t_*.sh; do
    name=$(basename "$t" .sh)
    grep -qx "$name" <<<"$mine" || continue
    if [ -n "$only" ] && ! [[ " $only " == *" ${name#t_} "* ]]; then continue; fi
    log="build/tests/$name.log"
    start=$(date +%s)
    bash "$t" > "$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok $name: exit status $rc" >> "$log"; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then p=1; echo "ok $name" >> "$log"; fi
    pass=$((pass + p)); fail=$((fail + f))
    printf '%-28s %6d passed %6d failed  %4ds\n' "$name" "$p" "$f" "$secs"
    grep '^not ok ' "$log" | head -20 | sed 's/^/    /'
    { grep -v "^$name " build/tests/times.txt 2>/dev/null; echo "$name $secs"; } | sort > build/tests/times.txt.tmp &&
        mv build/tests/times.txt.tmp build/tests/times.txt
    suites+="<testsuite name=\"$name\" tests=\"$((p + f))\" failures=\"$f\" time=\"$secs\">"$'\n'
    suites+=$(sed -n 's/^ok \([^ #]*\).*/  <testcase classname="'"$name"'" name="\1"\/>/p
                     s/^not ok \([^:]*\): *\(.*\)/  <testcase classname="'"$name"'" name="\1"><failure message="\2"\/><\/testcase>/p' \
                  < <(sed -n '/^\(not \)\?ok /p' "$log" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g'))$'\n'
    suites+="</testsuite>"$'\n'
done
{ echo '<?xml version="1.0" encoding="UTF-8"?>'; echo '<testsuites>'; printf '%s' "$suites"; echo '</testsuites>'; } > "$junit"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
