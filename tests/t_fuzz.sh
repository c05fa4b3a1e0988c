#!/usr/bin/env bash
# Fuzz smoke: the libFuzzer target on nicrx_parse() (fuzz/parse_fuzz.c: ASan, UBSan and
# the header-vector invariants) for FUZZ_SMOKE_SECONDS (default 20) from the seed corpus
# (the shipped programs with fuzz/frames/*).  `make fuzz` is the long run.
set -u
cd "$(dirname "$0")/.."
secs=${FUZZ_SMOKE_SECONDS:-20}
make -s build/fuzz/parse_fuzz build/fuzz/seeds.stamp >build/tests/fuzz-build.log 2>&1 ||
    { echo "not ok fuzz-build: $(grep -m1 'error' build/tests/fuzz-build.log)"; exit 1; }
d=build/fuzz/smoke
rm -rf "$d" && mkdir -p "$d/corpus"
build/fuzz/parse_fuzz -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$d/" \
    "$d/corpus" build/fuzz/seeds >"$d/log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$d/log")
if [ $rc -eq 0 ] && [ "${runs:-0}" -gt 1000 ]; then
    echo "ok fuzz-smoke # $runs inputs in ${secs}s, $(ls "$d/corpus" | wc -l) in the corpus"
else
    echo "not ok fuzz-smoke: exit $rc after ${runs:-0} inputs: $(grep -m1 'parse_fuzz:\|ERROR\|runtime error' "$d/log")" \
         "(input: $(ls "$d"/crash-* "$d"/leak-* "$d"/timeout-* 2>/dev/null | head -1))"
fi
