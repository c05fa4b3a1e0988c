#!/usr/bin/env bash
# The tools as a user meets them (docs/report.md, docs/debugging.md):
#  - every tool: usage for -h/--help (stdout, 0) and for no arguments (stderr, 2),
#    --version, messages that begin with its name, one wording for bad values;
#  - the report: its figures present (text and JSON) and consistent with each other
#    and with the frames' own lines; --junit;
#  - repeatable runs: a drawn seed is printed, and the run repeated with it is identical;
#  - a capture cut short: its complete frames run, a warning, exit status 3;
#  - nicrx-sim --flows 256 (the simulator built on demand, or by make test first); --trace on a passing run
#    gives a waveform that fst2vcd reads, of the cycles asked for;
#  - tests/run.sh: SHARD=k/N parts are disjoint and cover the suite, verdicts and exit
#    statuses counted, TEST_JOBS runs scripts side by side, JUnit reports merge.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/bin/nicrx-sim build/bin/nicrx-asm build/bin/nicrx-gen build/bin/nicrx-reggen \
    trace >/dev/null 2>&1 || { echo "not ok tools-build: make failed"; exit 1; }
T=build/tests/tools; rm -rf "$T"; mkdir -p "$T"
pcap=captures/default.pcap
check() {  # NAME CONDITION-STATUS DETAIL
    if [ "$2" -eq 0 ]; then echo "ok tools-$1"; else echo "not ok tools-$1: $3"; fi
}
version=$(printf '%d.%d.%d' $(sed -n 's/^reg VERSION .* value=0x\(..\)\(..\)\(..\)\(..\).*/0x\2 0x\3 0x\4/p' regs/nicrx.regs))

# ---- the command lines ---------------------------------------------------------------
for tool in nicrx-model nicrx-sim nicrx-asm nicrx-gen nicrx-reggen; do
    out=$(build/bin/$tool --help 2>&1); rc=$?
    [ $rc -eq 0 ] && [ "${out%%$'\n'*}" != "${out#usage: $tool }" ]; check "$tool-help" $? "exit $rc: ${out%%$'\n'*}"
    out=$(build/bin/$tool 2>&1 >/dev/null); rc=$?
    [ $rc -eq 2 ] && grep -q "^usage: $tool " <<<"$out"; check "$tool-no-arguments" $? "exit $rc: ${out%%$'\n'*}"
    out=$(build/bin/$tool --version 2>&1); rc=$?
    [ $rc -eq 0 ] && [ "$out" = "$tool $version" ]; check "$tool-version" $? "exit $rc: '$out', want '$tool $version'"
    out=$(build/bin/$tool --no-such-option x 2>&1 >/dev/null); rc=$?
    [ $rc -eq 2 ] && grep -q "^$tool: unknown option --no-such-option$" <<<"$out"; check "$tool-unknown" $? "exit $rc: $out"
done
# a negative or out-of-range number, and a missing value: the same words everywhere
k=0
for c in "nicrx-model:--seed -1 $pcap:--seed takes 0..18446744073709551615, not '-1'" \
         "nicrx-sim:--seed -1 $pcap:--seed takes 0..18446744073709551615, not '-1'" \
         "nicrx-model:--max-cycles 0 $pcap:--max-cycles takes 1..18446744073709551615, not '0'" \
         "nicrx-model:--seed 18446744073709551616 $pcap:--seed takes 0..18446744073709551615, not '18446744073709551616'" \
         "nicrx-sim:--clock -5 $pcap:--clock takes a frequency in MHz above 0, not '-5'" \
         "nicrx-sim:--trace-from 9 --trace-to 5 --trace $T/x.fst $pcap:--trace-to 5 is before --trace-from 9" \
         "nicrx-asm:--depth -1 microcode/default.nasm:--depth takes 1..256, not '-1'" \
         "nicrx-gen:--count -5 -o $T/x.pcap:--count takes 1..100000000, not '-5'" \
         "nicrx-gen:--seed 4294967296 -o $T/x.pcap:--seed takes 0..4294967295, not '4294967296'" \
         "nicrx-model:$pcap --stall:--stall needs a value (none, heavy or half)" \
         "nicrx-gen:-o $T/x.pcap --count:--count needs a value (1..100000000)"; do
    IFS=: read -r tool opts want <<<"$c"
    # shellcheck disable=SC2086
    out=$(build/bin/$tool $opts 2>&1 >/dev/null); rc=$?
    k=$((k + 1))
    [ $rc -eq 2 ] && grep -qF "$tool: $want" <<<"$out"; check "value-$k-$tool$(grep -o -- ' --[a-z-]*' <<<" $opts" | head -1 | tr -d ' ')" $? "exit $rc: $out"
done

# ---- the report ----------------------------------------------------------------------
build/bin/nicrx-model --seed 3 --stall heavy $pcap > "$T/frames.jsonl" 2>"$T/err"; rc=$?
build/bin/nicrx-model --seed 3 --stall heavy --json-summary --junit "$T/model.xml" $pcap > "$T/model.json"; rc2=$?
build/bin/nicrx-sim --seed 3 --stall heavy --json-summary $pcap > "$T/sim.json"; rc3=$?
[ $rc -eq 0 ] && [ $rc2 -eq 0 ] && [ $rc3 -eq 0 ] && [ ! -s "$T/err" ]; check report-runs $? "exit $rc $rc2 $rc3"
# every figure a number where one is due, the sections all there
why=$(jq -r '[ .verdict == "pass", (.cycles_compared | type) == "number",
               ([.run, .traffic, .latency, .occupancy, .drops, .parser, .protocols, .flows, .flow_events, .opcodes,
                 .queues, .simulation] | all(type == "object")),
               .traffic.frames_in == .traffic.delivered + .traffic.dropped,
               .traffic.dropped == ([.drops[]] | add),
               .traffic.delivered == (.queues.completions | add),
               .traffic.delivered == .traffic.verified,
               .latency.frames == .traffic.delivered,
               (.latency | .min_cycles <= .mean_cycles and .mean_cycles <= .p99_cycles and .p99_cycles <= .max_cycles),
               .occupancy.pktmem_peak_words <= .occupancy.pktmem_words and .occupancy.pktmem_peak_words > 0,
               .occupancy.fq_peak <= .occupancy.fq_depth and .occupancy.fq_peak > 0,
               .parser.frames == .protocols.ipv4 + .protocols.ipv6 + .protocols.other_l3,
               .parser.frames + .protocols.not_parsed == .traffic.frames_in,
               .flows.entries_created == .flow_events.created + .flow_events.evicted,
               .flows.decisions == ([.opcodes[]] | add),
               (.traffic.mpps > 0 and .traffic.gbps > 0), .run.seed == 3, .run.program == "default"]
             | to_entries | map(select(.value != true) | .key) | join(" ")' "$T/model.json" 2>&1)
[ -z "$why" ]; check report-consistent $? "checks failing (by position): $why"
# the report against the frames' own lines
d=$(grep -c '"verdict":"delivered"' "$T/frames.jsonl"); p=$(grep -c '"parsed":true' "$T/frames.jsonl")
pe=$(grep -c '"parse_error":true' "$T/frames.jsonl"); tr=$(grep -c '"parsed":true.*"truncated":true' "$T/frames.jsonl")
got=$(jq -r '"\(.traffic.delivered) \(.parser.frames) \(.parser.parse_errors) \(.parser.truncated)"' "$T/model.json")
[ "$got" = "$d $p $pe $tr" ]; check report-frames $? "report '$got', frames' lines '$d $p $pe $tr'"
# model and lockstep agree on the run's figures (not the simulation's)
a=$(jq -c 'del(.simulation, .run.tool, .mode, .cycles_compared)' "$T/model.json")
b=$(jq -c 'del(.simulation, .run.tool, .mode, .cycles_compared)' "$T/sim.json")
[ "$a" = "$b" ] && [ "$(jq .cycles_compared "$T/sim.json")" -gt 0 ]; check report-model-sim $? "the figures differ"
# re-assembly's figures: 64 bulk connections; ring 3's 16 pages (the harness's default) run
# out, 128 do not; a run quiet for 1 tick closes TIMEOUT, 1 ms rarely; the closes add up
build/bin/nicrx-gen --mode tcp --flows 64 --count 1500 --pay 1460-1460 --life 0 --psh 0 --acks 0 --seed 3 -o "$T/bulk.pcap"
rq() { build/bin/nicrx-model --seed 1 --json-summary "$@" "$T/bulk.pcap" |
       jq -r '"\(.reasm.runs) \(.reasm.no_page) \(.reasm_closed.timeout) \([.reasm_closed[]] | add)"'; }
read -r r1 np1 to1 sum1 < <(rq)
read -r r2 np2 to2 sum2 < <(rq --reasm-ring 7 --reasm-timeout 1000)
read -r r3 np3 to3 sum3 < <(rq --reasm-ring 7 --reasm-timeout 1)
[ "$np1" -gt 0 ] && [ "$np2" = 0 ] && [ "$to3" -gt "$to2" ] && [ "$r3" -gt "$r2" ] && [ "$r2" -gt 0 ] &&
    [ "$sum1" = "$r1" ] && [ "$sum2" = "$r2" ] && [ "$sum3" = "$r3" ]
check report-reasm $? "runs/no_page/timeout/closes: 16 pages $r1/$np1/$to1/$sum1, 128 pages $r2/$np2/$to2/$sum2, timeout 1 $r3/$np3/$to3/$sum3"
build/bin/nicrx-model --reasm-ring 8 "$T/bulk.pcap" > /dev/null 2> "$T/err"; rc=$?
[ $rc -ne 0 ] && grep -q -- '--reasm-ring' "$T/err"; check reasm-ring-range $? "exit $rc: $(head -1 "$T/err")"
# the text report: the verdict first, the same figures
build/bin/nicrx-model --seed 3 --stall heavy --summary $pcap > "$T/model.txt"
head -1 "$T/model.txt" | grep -q '^PASS' && grep -q "^  traffic  *$(jq .traffic.frames_in "$T/model.json") frames in" "$T/model.txt" &&
    grep -q "p99 $(jq .latency.p99_cycles "$T/model.json") " "$T/model.txt"
check report-text $? "$(head -3 "$T/model.txt")"
grep -q 'tests="3" failures="0" skipped="0"' "$T/model.xml" && [ "$(grep -c '<testcase ' "$T/model.xml")" -eq 3 ]
check junit-run $? "$(head -3 "$T/model.xml")"
# a failing check shows in the JUnit file
NICRX_INJECT_OPCODE=5 build/bin/nicrx-model --seed 1 --summary --junit "$T/fail.xml" $pcap >/dev/null 2>&1
grep -q 'failures="1" skipped="1"' "$T/fail.xml" && grep -q '<failure message=".*frame 5' "$T/fail.xml"
check junit-failure $? "$(grep -m1 failure "$T/fail.xml")"

# ---- repeatable runs ---------------------------------------------------------------
build/bin/nicrx-model --stall heavy $pcap > "$T/r1.jsonl" 2>"$T/r1.err"
seed=$(sed -n 's/^nicrx-model: seed \([0-9]*\) (drawn; --seed [0-9]* repeats this run), program default$/\1/p' "$T/r1.err")
if [ -z "$seed" ]; then check repeat-model 1 "no seed printed: $(cat "$T/r1.err")"
else
    build/bin/nicrx-model --stall heavy --seed "$seed" $pcap > "$T/r2.jsonl" 2>/dev/null
    cmp -s "$T/r1.jsonl" "$T/r2.jsonl"; check repeat-model $? "--seed $seed gives other frames' lines"
fi
build/bin/nicrx-sim --stall heavy $pcap > "$T/s1.txt" 2>&1
seed=$(sed -n 's/^  run .*, seed \([0-9]*\),.*/\1/p' "$T/s1.txt")
build/bin/nicrx-sim --stall heavy --seed "${seed:-0}" $pcap > "$T/s2.txt" 2>&1
[ -n "$seed" ] && cmp -s <(grep -v '^  simulation' "$T/s1.txt") <(grep -v '^  simulation' "$T/s2.txt")
check repeat-sim $? "seed '$seed': $(diff "$T/s1.txt" "$T/s2.txt" | head -3 | tr '\n' ' ')"

# ---- a capture cut short -----------------------------------------------------------
P=../shared/pcaps
src=$P/tcpdump/dns_tcp.pcap; [ -f "$src" ] || src=$pcap
n=$(tshark -r "$src" -T fields -e frame.number 2>/dev/null | wc -l)
head -c $(( $(stat -c %s "$src") - 10 )) "$src" > "$T/cut.pcap"
build/bin/nicrx-model --seed 1 "$T/cut.pcap" > "$T/cut.jsonl" 2>"$T/cut.err"; rc=$?
[ $rc -eq 3 ] && [ "$(wc -l <"$T/cut.jsonl")" -eq $((n - 1)) ] &&
    grep -q "^nicrx-model: $T/cut.pcap: warning: the capture is cut short after $((n - 1)) complete frames" "$T/cut.err"
check cut-model $? "exit $rc, $(wc -l <"$T/cut.jsonl") lines of $n frames: $(head -1 "$T/cut.err")"
build/bin/nicrx-model --parse-only "$T/cut.pcap" > "$T/cutp.jsonl" 2>"$T/cutp.err"; rc=$?
[ $rc -eq 3 ] && [ "$(wc -l <"$T/cutp.jsonl")" -eq $((n - 1)) ]; check cut-parse-only $? "exit $rc"
build/bin/nicrx-sim --seed 1 --json-summary "$T/cut.pcap" > "$T/cut.json" 2>"$T/cuts.err"; rc=$?
[ $rc -eq 3 ] && [ "$(jq -r .verdict "$T/cut.json")" = pass ] && [ "$(jq -r '.run.capture_cut | type' "$T/cut.json")" = string ] &&
    grep -q "^nicrx-sim: .*warning: the capture is cut short after $((n - 1)) complete frames" "$T/cuts.err"
check cut-sim $? "exit $rc: $(head -1 "$T/cuts.err")"

# ---- nicrx-sim --flows 256: the simulator of that FLOWS, built when first asked for ----------
out=$(build/bin/nicrx-sim --seed 1 --flows 256 --json-summary $pcap 2>"$T/f256.err"); rc=$?
[ $rc -eq 0 ] && [ "$(jq .run.flows <<<"$out")" = 256 ] && [ "$(jq .cycles_compared <<<"$out")" -gt 0 ]
check flows-256 $? "exit $rc: $(tail -1 "$T/f256.err")"

# ---- a waveform of a passing run ---------------------------------------------------
build/bin/nicrx-sim --seed 1 --trace "$T/run.fst" --trace-from 1000 --trace-to 1400 $pcap > "$T/trace.txt" 2>"$T/trace.err"; rc=$?
fst2vcd "$T/run.fst" > "$T/run.vcd" 2>/dev/null
first=$(grep -m1 '^#[0-9]' "$T/run.vcd"); last=$(grep '^#[0-9]' "$T/run.vcd" | tail -1)
[ $rc -eq 0 ] && head -1 "$T/trace.txt" | grep -q '^PASS' && grep -q 's_axis_tvalid' "$T/run.vcd" &&
    [ -n "$first" ] && [ "${last#\#}" -gt "${first#\#}" ]
check trace-passing-run $? "exit $rc, times $first..$last: $(tail -1 "$T/trace.err")"
# the GTKWave layout shipped names signals the waveform has
gone=$(for s in $(sed -n 's/^TOP\.nicrx_tb\.\([a-z_]*\).*/\1/p' tb/nicrx.gtkw); do
           grep -q "^\$var .* $s \(\[[0-9:]*\] \)\?\$end" "$T/run.vcd" || echo "$s"
       done)
[ -z "$gone" ] && [ "$(grep -c '^TOP\.' tb/nicrx.gtkw)" -gt 20 ]; check trace-layout $? "not in the waveform: $(echo $gone)"

# ---- tests/run.sh: shards, scripts side by side, JUnit ---------------------------------
all=$(ls tests/t_*.sh | xargs -n1 basename | sed 's/\.sh$//' | sort)
# SHARD_LIST=1: the scripts of the part, run.sh's own choice
for k in 1 2 3; do SHARD=$k/3 SHARD_LIST=1 tests/run.sh; done > "$T/shards.txt" 2>&1
[ "$(sort "$T/shards.txt")" = "$all" ]; check shards $? "the 3 parts are not the suite: $(sort "$T/shards.txt" | diff - <(echo "$all") | head -3 | tr '\n' ' ')"
# a suite of its own (TESTS_DIR, TESTS_OUT): scripts that pass, fail, exit non-zero without
# a verdict and print nothing; two that each wait for the other, which only ends when they
# run side by side (TEST_JOBS=2)
S=$T/suite; mkdir -p "$S/one" "$S/two"
printf 'echo "ok a-1"; echo "ok a-2"\n' > "$S/one/t_a.sh"
printf 'echo "not ok b-1: as it should"\n' > "$S/one/t_b.sh"
printf 'exit 3\n' > "$S/one/t_c.sh"
printf ':\n' > "$S/one/t_d.sh"
for x in e f; do
    o=$([ $x = e ] && echo f || echo e)
    printf 'touch %s/%s; for i in $(seq 100); do [ -e %s/%s ] && { echo "ok %s"; exit 0; }; sleep 0.1; done; echo "not ok %s: alone"\n' \
        "$S" "$x.up" "$S" "$o.up" "$x" "$x" > "$S/two/t_$x.sh"
done
TESTS= TESTS_DIR=$S/one TESTS_OUT=$T/one TEST_JOBS=2 tests/run.sh > "$T/one.txt" 2>&1; rc=$?
[ $rc -eq 1 ] && [ "$(tail -1 "$T/one.txt")" = "3 passed, 2 failed" ] && grep -q "^    not ok t_c: exit status 3$" "$T/one.txt"
check run-verdicts $? "exit $rc: $(tail -1 "$T/one.txt")"
TESTS= TESTS_DIR=$S/two TESTS_OUT=$T/two TEST_JOBS=2 tests/run.sh > "$T/two.txt" 2>&1; rc=$?
[ $rc -eq 0 ] && [ "$(tail -1 "$T/two.txt")" = "2 passed, 0 failed" ]; check run-side-by-side $? "exit $rc: $(tail -1 "$T/two.txt")"
TESTS= TESTS_DIR=$S/one TESTS_OUT=$T/one TEST_JOBS=0 tests/run.sh > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ]; check run-jobs-0 $? "TEST_JOBS=0: exit $rc"
for k in 1 2; do SHARD=$k/2 TESTS= TESTS_DIR=$S/one TESTS_OUT=$T/s$k JUNIT="$T/s$k.xml" tests/run.sh >/dev/null 2>&1; done
tests/run.sh --merge-junit "$T/all.xml" "$T/s1.xml" "$T/s2.xml"
[ "$(grep -c '^<testsuite ' "$T/all.xml")" -eq 4 ] && [ "$(grep -c '^<testsuite name="t_[abcd]"' "$T/all.xml")" -eq 4 ] &&
    [ "$(grep -c '<failure ' "$T/all.xml")" -eq 2 ] && [ "$(grep -c '<testsuites>' "$T/all.xml")" -eq 1 ]
check junit-merge $? "$(grep -c '^<testsuite ' "$T/all.xml") suites"
