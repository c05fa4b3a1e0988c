#!/usr/bin/env bash
# A reset in the middle of a capture, then a fresh bring-up, in lockstep (nicrx-sim --reset-at,
# docs/report.md "Reset under traffic"): a few shared captures chosen by size, the reset at a
# different share of each one's traffic (one with --stall heavy, one at DATA_WIDTH 32), and a
# nicrx-gen TCP capture reset at five points.  Each run must pass (RTL and model agree at every
# edge, the reset's included; every end check, the counters since the reset among them) and
# its report must add up: delivered + dropped + lost = sent, before the reset and over the run.
# Together the runs must have cut a frame's beats, a write burst after some of its beats and a
# record the device wrote but the host had not taken.  A reset of the idle device after the
# traffic, past cycle 200000, model alone.  Then the self-test: NICRX_INJECT_LOST=N
# leaves lost frame N counted but unmarked, and the accounting check must fail.
# The full matrix: RESET_ALL=1 (every shared capture of 100 to 5000 frames, both profiles).
# SEED=N fixes the PRNG seed.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
make -s build/bin/nicrx-sim build/bin/nicrx-sim-dw32 build/bin/nicrx-model build/bin/nicrx-gen >/dev/null 2>&1 ||
    { echo "not ok reset-build: make nicrx-sim, nicrx-sim-dw32, nicrx-model and nicrx-gen failed"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
seed=${SEED:-20240601}
mkdir -p build/tests
gen=build/tests/reset-gen.pcap
build/bin/nicrx-gen --mode tcp --count 1200 --flows 40 --reorder 2 --loss 1 --seed 5 -o "$gen" >/dev/null ||
    echo "not ok reset-gen: nicrx-gen failed"

# NAME SIM FILE OPTIONS...: one line ok/not ok, then "# cut BEATS WRITTEN" for the summary
one() {
    local name=$1 sim=$2 f=$3 log rc why
    shift 3
    log=$(build/bin/$sim --json-summary --seed "$seed" "$@" "$f" 2>&1); rc=$?
    why=$(grep '^{' <<<"$log" | jq -r '
        if .verdict != "pass" then "fail: \(.failure)"
        elif .mode != "lockstep" then "not in lockstep"
        elif .reset.cycle == null then "no reset happened"
        elif .cycles_compared <= .reset.cycle + 4 then "not compared across the reset"
        elif .reset.delivered + .reset.dropped + .reset.lost != .reset.frames_sent then "reset: delivered + dropped + lost != sent"
        elif .traffic.delivered + .traffic.dropped + .traffic.lost_to_reset != .traffic.frames_in then "traffic: delivered + dropped + lost != in"
        elif .traffic.lost_to_reset != .reset.lost then "traffic.lost_to_reset != reset.lost"
        else "ok \(.reset.cut_frame != null) \(.reset.burst_beats_written) \(.reset.lost_written) \(.reset.lost) of \(.reset.frames_sent)"
        end' 2>&1)
    if [ $rc -eq 0 ] && [ "${why%% *}" = ok ]; then
        set -- $why
        echo "ok reset-$name # lost $5 of $7 sent; cut $2, burst beats written $3, records not taken $4"
    else
        echo "not ok reset-$name: exit $rc: ${why:-$(sim_reason "$log")}"
    fi
}
export -f one
export seed

# the runs: NAME SIM FILE OPTIONS, tab-separated.  A capture's traffic takes about
# (bytes + 20 frames) / bytes-per-beat cycles at line rate; the reset lands at a share of it.
{
    find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort |
        xargs -d '\n' capinfos -c -d -T -r -M 2>/dev/null |
        awk -F'\t' -v all="${RESET_ALL:-0}" '
            function run(name, sim, f, opts) { gsub(/ /, "\t", opts); printf "%s\t%s\t%s\t%s\n", name, sim, f, opts }
            function base(f) { sub(/.*\//, "", f); return f }
            all && $2 >= 100 && $2 <= 5000 {
                cyc = int(($3 + 20 * $2) / 8)
                run("all-none-" base($1), "nicrx-sim", $1, "--reset-at " int(cyc * (17 + NR % 67) / 100))
                run("all-heavy-" base($1), "nicrx-sim", $1, "--stall heavy --reset-at " int(cyc * (17 + NR * 7 % 67) / 100))
                next
            }
            # a handful: 150 to 1200 frames, under 600 KB, every fifth of them
            !all && $2 >= 150 && $2 <= 1200 && $3 < 600000 && ++k % 5 == 1 {
                n++
                cyc = int(($3 + 20 * $2) / 8)
                pct = 25 + 15 * (n % 4)
                if (n == 2) run("heavy-" base($1), "nicrx-sim", $1, "--stall heavy --reset-at " int(cyc * pct / 100))
                else if (n == 3) run("dw32-" base($1), "nicrx-sim-dw32", $1, "--reset-at " int(2 * cyc * pct / 100))
                else run(base($1), "nicrx-sim", $1, "--reset-at " int(cyc * pct / 100))
            }'
    # the generated capture, reset at five shares of its traffic
    gcyc=$(capinfos -c -d -T -r -M "$gen" | awk -F'\t' '{ print int(($3 + 20 * $2) / 8) }')
    for pct in 3 21 44 67 90; do
        printf 'gen-at%s\tnicrx-sim\t%s\t--reset-at\t%s\n' "$pct" "$gen" $(( gcyc * pct / 100 ))
    done
} > build/tests/reset-runs.txt
out=$(xargs -a build/tests/reset-runs.txt -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r -a a <<<"$0"; one "${a[@]}"')
echo "$out"
runs=$(grep -c '^ok reset-' <<<"$out")
cut=$(grep -c '^ok reset-.*; cut true' <<<"$out")
burst=$(grep -c '^ok reset-.*burst beats written [1-9]' <<<"$out")
taken=$(grep -c '^ok reset-.*records not taken [1-9]' <<<"$out")
if [ "$runs" -gt 0 ] && [ "$cut" -gt 0 ] && [ "$burst" -gt 0 ] && [ "$taken" -gt 0 ]; then
    echo "ok reset-observed: of $runs passing runs, $cut cut a frame, $burst a write burst, $taken a record not yet taken"
else
    echo "not ok reset-observed: of $runs passing runs, $cut cut a frame, $burst a write burst, $taken a record not yet taken (each wanted at least once)"
fi

# A reset after the traffic's end (the device idle) and past the bring-up's 200000-cycle bound
# from the start, model alone: the bound counts from the reset.
got=$(build/bin/nicrx-model --json-summary --seed 1 --reset-at 250000 captures/default.pcap 2>&1 |
      jq -r 'if .verdict == "pass" and .reset.cycle != null and .reset.lost == 0 then "ok" else "\(.failure) reset \(.reset)" end' 2>&1)
if [ "$got" = ok ]; then echo "ok reset-idle-late"; else echo "not ok reset-idle-late: $got"; fi

# The self-test: frame 15 of default.pcap is the one the reset at 300 cuts.
for sim in nicrx-model nicrx-sim; do
    err=$(NICRX_INJECT_LOST=15 build/bin/$sim --seed 1 --reset-at 300 captures/default.pcap 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 1 ] && grep -q 'frame 15 neither delivered, dropped nor lost to the reset' <<<"$err"; then
        echo "ok reset-inject-lost-$sim # $(head -1 <<<"$err")"
    else
        echo "not ok reset-inject-lost-$sim: exit $rc: $(head -1 <<<"$err")"
    fi
done
err=$(build/bin/nicrx-model --reset-at 300 --msix captures/default.pcap 2>&1 >/dev/null); rc=$?
if [ $rc -eq 2 ] && grep -q -- '--reset-at does not combine with' <<<"$err"; then
    echo "ok reset-refuses-msix"
else
    echo "not ok reset-refuses-msix: exit $rc: $err"
fi
