#!/usr/bin/env bash
# Re-assembly (make bench; model only, cycle-exact with the RTL at its ports, every delivered
# frame checked by the harness's host): bulk TCP at line rate, 1460-byte payloads, no PSH, no
# teardown, data one way (nicrx-gen --mode tcp --life 0 --psh 0 --acks 0), over 1, 4, 16 and 64
# concurrent connections, REASM_FRAMES frames (default 4,000) per run or 500 per connection if
# more, with re-assembly off, on (REASM_CTRL.en; the default caps: 64 KB pages, GRO's 64 KB) and
# on with header stripping (REASM_CTRL.strip: an appended segment has no record).  An open run
# holds its page, so the host posts two pages per connection in ring 3 (at least 16, at most
# 128: --reasm-ring), and REASM_TIMEOUT is 1,000 ticks (1 ms): with 64 connections interleaved
# at random a connection's next segment comes 78 us later on average, and the reset's 100 us
# would close about a quarter of the runs early (TIMEOUT; the report's reasm_closed).  Per run: completions
# (records the host consumed, run records included) per 64 KB of TCP payload (goal with
# re-assembly: 1; one record a segment gives 65536 / 1460 = 44.9), host-bus bytes written per
# payload byte (frames, headers and records), drops (goal 0; of the three runs).  Twice: with
# nicrx-gen's default TCP timestamps (a segment's value moves on with probability 10 %: the
# flow block gives it NO_MERGE, its options differ, so it closes its run and goes alone, as GRO
# flushes), and with them fixed (--ts-change 0: at 10 Gb/s the value moves once a millisecond,
# about every 800 segments), where a stripped run costs its first frame's record and its own.
# Then mixed traffic: every shared capture (../shared/pcaps, PCAPS=dir to change) at line rate
# with re-assembly on: frames merged, runs, merged segments per run (what one completion per
# run would carry), completions (frame and run records) and drops against re-assembly off
# (goal: no drop added).
set -u
cd "$(dirname "$0")/.."
out=build/bench; mkdir -p "$out"
n=${REASM_FRAMES:-4000}
status=0; declare -A bus_per
printf '\nre-assembly, model, bulk TCP at line rate: %d frames (500 per connection if more) of 1460-byte payloads per run,\n2 ring-3 pages per connection (16..128), REASM_TIMEOUT 1 ms\n' "$n"
printf '%9s %6s %9s %14s %19s %19s %19s %16s %16s %16s %7s %7s\n' ts-change flows segments "payload bytes" \
    "cpl/64KB reasm off" "cpl/64KB reasm on" "cpl/64KB strip" "bus/payload off" "bus/payload on" \
    "bus/payload strip" "drops" "merged"
for tc in 10 0; do
for f in 1 4 16 64; do
    pcap=$out/reasm_bulk${f}_ts$tc.pcap
    fn=$(( f * 500 > n ? f * 500 : n )); ring=4
    while (( (1 << ring) < 2 * f && ring < 7 )); do ring=$(( ring + 1 )); done
    sum=$(build/bin/nicrx-gen --mode tcp --flows "$f" --count "$fn" --pay 1460-1460 --life 0 --psh 0 \
              --acks 0 --ts-change "$tc" --seed 3 --summary -o "$pcap") || { echo "bench_reasm: nicrx-gen failed"; exit 1; }
    segs=$(sed -n 's/.* data \([0-9]*\) .*/\1/p' <<< "$sum")
    pay=$(( segs * 1460 ))
    line=$(printf '%8s%% %6s %9s %14s' "$tc" "$f" "$segs" "$pay")
    drops=0; merged=0
    for r in off on strip; do
        js=$(build/bin/nicrx-model --json-summary --seed 1 --reasm "$r" --reasm-ring "$ring" --reasm-timeout 1000 "$pcap") \
            || { echo "bench_reasm: flows $f reasm $r run failed"; status=1; continue 2; }
        read -r cpl bus dr mg < <(jq -r '"\((.queues.completions | add) + (.reasm.runs // 0)) \(.host_bus.bus_bytes) \(.traffic.dropped) \(.reasm.merged // 0)"' <<< "$js")
        line+=$(printf ' %19s' "$(awk -v c="$cpl" -v p="$pay" 'BEGIN { printf "%.2f", c * 65536 / p }')")
        bus_per[$r]=$(awk -v b="$bus" -v p="$pay" 'BEGIN { printf "%.3f", b / p }')
        drops=$(( drops + dr )); [ "$r" = on ] && merged=$mg
    done
    printf '%s %16s %16s %16s %7s %7s\n' "$line" "${bus_per[off]}" "${bus_per[on]}" "${bus_per[strip]}" "$drops" "$merged"
    [ "$drops" = 0 ] || status=1
done
done

# ---- mixed traffic: the shared captures ----
dir=${PCAPS:-../shared/pcaps}
if [ -d "$dir" ]; then
    find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort > "$out/reasm_mixed.txt"
    one() {  # CAPTURE: "delivered records-off dropped-off records-on runs merged cont dropped-on" (nothing if a run fails)
        local off on
        off=$(build/bin/nicrx-model --json-summary --seed 1 --reasm off "$1" 2>/dev/null) || return 0
        on=$(build/bin/nicrx-model --json-summary --seed 1 --reasm on "$1" 2>/dev/null) || return 0
        # one write a line: the runs go two at a time into one file
        echo "$(jq -r '"\(.traffic.delivered) \(.queues.completions | add) \(.traffic.dropped)"' <<< "$off") $(jq -r \
              '"\(.queues.completions | add) \(.reasm.runs) \(.reasm.merged) \(.opcodes.cont) \(.traffic.dropped)"' <<< "$on")"
    }
    export -f one
    xargs -a "$out/reasm_mixed.txt" -d '\n' -P2 -n1 bash -c 'one "$0"' > "$out/reasm_mixed.out"
    awk -v n="$(wc -l < "$out/reasm_mixed.txt")" 'NF == 8 { k++; d += $1; off += $2; doff += $3; on += $4 + $5; r += $5; m += $6; c += $7; don += $8 }
        END { printf "\nre-assembly, model, mixed traffic: %d of %d shared captures at line rate\n", k, n
              printf "%10s %9s %7s %7s %11s %12s %11s %10s %9s\n", "delivered", "CONT", "merged", "runs", "merged/run",
                     "records off", "records on", "drops off", "drops on"
              printf "%10d %9d %7d %7d %11.2f %12d %11d %10d %9d\n", d, c, m, r, r ? m / r : 0, off, on, doff, don }' \
        "$out/reasm_mixed.out"
    # the goal: re-assembly adds no drop
    awk 'NF == 8 { a += $3; b += $8 } END { exit !(b <= a) }' "$out/reasm_mixed.out" || status=1
fi
exit $status
