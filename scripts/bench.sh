#!/usr/bin/env bash
# make bench: throughput of the RTL (in lockstep with the model) per frame size.
# Line rate, host never stalling: every frame must be delivered (0 drops), at
# the wire's frame rate.  Back to back (no preamble/gap, faster than any wire):
# the most frames per cycle the device delivers.  Also the lockstep speed.
set -u
cd "$(dirname "$0")/.."
out=build/bench; mkdir -p "$out"
sizes=${SIZES:-"64 128 256 512 1024 1280 1518 9000"}
status=0; tot_cycles=0; tot_ns=0

field() { sed -n "s/^  $1 *\([0-9]*\).*/\1/p" "$2"; }

run_table() {  # run_table SIM LABEL
    local sim=$1 label=$2
    printf '\n%s\n' "$label"
    printf '%6s %7s %6s %14s %11s %7s %18s\n' size frames drops "frames/cycle" "wire limit" "of wire" "b2b frames/cycle"
    for s in $sizes; do
        local n=$(( 3000000 / (s + 20) )); [ $n -gt 4000 ] && n=4000
        build/bin/nicrx-gen --count $n --size "$s" --flows 64 --seed 1 -o "$out/s$s.pcap" || return 1
        local t0=$(date +%s%N)
        "$sim" --summary --seed 1 "$out/s$s.pcap" > "$out/line$s.txt"; local rc=$?
        local t1=$(date +%s%N)
        "$sim" --summary --seed 1 --pace b2b "$out/s$s.pcap" > "$out/b2b$s.txt"; local rc2=$?
        if [ $rc -ne 0 ] || [ $rc2 -ne 0 ]; then
            echo "FAIL size $s:"; grep FAIL "$out/line$s.txt" "$out/b2b$s.txt"; status=1; continue
        fi
        tot_cycles=$(( tot_cycles + $(field cycles "$out/line$s.txt") )); tot_ns=$(( tot_ns + t1 - t0 ))
        local drops; drops=$(field dropped "$out/line$s.txt")
        [ "$drops" = 0 ] || status=1
        read -r rate limit pct < <(sed -n 's/^  traffic .*: \([0-9.]*\) frames\/cycle, wire limit \([0-9.]*\) (\([0-9.]*\)%).*/\1 \2 \3/p' "$out/line$s.txt")
        # back to back: delivered frames over the traffic span
        local del a b
        del=$(field delivered "$out/b2b$s.txt")
        read -r a b < <(sed -n 's/^  traffic *cycles \([0-9]*\)\.\.\([0-9]*\):.*/\1 \2/p' "$out/b2b$s.txt")
        printf '%6s %7s %6s %14s %11s %6s%% %18s\n' "$s" "$n" "$drops" "$rate" "$limit" "$pct" \
            "$(awk -v d="$del" -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", d / (b - a) }')"
    done
}

run_table build/bin/nicrx-sim "DATA_WIDTH 64 (10 Gb/s at 156.25 MHz), line rate, host never stalling"
[ -x build/bin/nicrx-sim-dw32 ] && run_table build/bin/nicrx-sim-dw32 "DATA_WIDTH 32, line rate, host never stalling"
printf '\nlockstep speed (RTL + model + harness, line-rate runs): %d cycles in %.2f s = %.0f cycles/s\n' \
    "$tot_cycles" "$(awk -v n="$tot_ns" 'BEGIN { print n / 1e9 }')" \
    "$(awk -v c="$tot_cycles" -v n="$tot_ns" 'BEGIN { print c / (n / 1e9) }')"
[ $status -eq 0 ] && echo "bench: zero drops at line rate at every size" || echo "bench: FAILED (drops or errors above)"
exit $status
