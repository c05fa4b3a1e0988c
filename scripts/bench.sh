#!/usr/bin/env bash
# make bench: the parser's cycles per frame per protocol mix, the flow block's
# decisions per cycle with many flows, then throughput of the RTL (in lockstep
# with the model) per frame size.
# Line rate, host never stalling: every frame must be delivered (0 drops), at
# the wire's frame rate.  Back to back (no preamble/gap, faster than any wire):
# the most frames per cycle the device delivers.  Also the simulation speed (speed_table).  And every size
# from 60 to 1518 bytes and 9000 on the model at DATA_WIDTH 64 and 32, header/data split on and off: drops, worst size and its
# margin, host-bus efficiency.  And random early discard under 2x oversubscription
# (scripts/bench_red.sh, RED_FRAMES frames, the plot docs/red-bench.png).
# And the batching hint over 50 interleaved connections (scripts/bench_more.sh), and
# re-assembly's completions per 64 KB of bulk TCP (scripts/bench_reasm.sh).
set -u
cd "$(dirname "$0")/.."
out=build/bench; mkdir -p "$out"
sizes=${SIZES:-"64 128 256 512 1024 1280 1518 9000"}
status=0; tot_cycles=0; tot_ns=0

# j [JQ OPTIONS] FILTER FILE: a figure of a run's report (--json-summary, docs/report.md)
j() { jq -r "$@"; }

run_table() {  # run_table SIM LABEL
    local sim=$1 label=$2
    printf '\n%s\n' "$label"
    printf '%6s %7s %6s %14s %11s %7s %18s\n' size frames drops "frames/cycle" "wire limit" "of wire" "b2b frames/cycle"
    for s in $sizes; do
        local n=$(( 3000000 / (s + 20) )); [ $n -gt 4000 ] && n=4000
        build/bin/nicrx-gen --count $n --size "$s" --flows 64 --seed 1 -o "$out/s$s.pcap" || return 1
        local t0=$(date +%s%N)
        "$sim" --json-summary --seed 1 "$out/s$s.pcap" > "$out/line$s.json"; local rc=$?
        local t1=$(date +%s%N)
        "$sim" --json-summary --seed 1 --pace b2b "$out/s$s.pcap" > "$out/b2b$s.json"; local rc2=$?
        if [ $rc -ne 0 ] || [ $rc2 -ne 0 ]; then
            echo "FAIL size $s:"; jq -r '.failure // empty' "$out/line$s.json" "$out/b2b$s.json"; status=1; continue
        fi
        tot_cycles=$(( tot_cycles + $(j .simulation.cycles "$out/line$s.json") )); tot_ns=$(( tot_ns + t1 - t0 ))
        local drops; drops=$(j .traffic.dropped "$out/line$s.json")
        [ "$drops" = 0 ] || status=1
        read -r rate limit pct < <(j '.traffic | "\(.frames_per_cycle) \(.wire_limit_frames_per_cycle) \(.wire_limit_pct)"' "$out/line$s.json")
        # back to back: delivered frames over the traffic span
        printf '%6s %7s %6s %14s %11s %6s%% %18s\n' "$s" "$n" "$drops" "$rate" "$limit" "$pct" \
            "$(j '.traffic | .delivered / .cycles * 10000 | round / 10000' "$out/b2b$s.json")"
    done
}

# The parser (default program, model only): steps per frame from nicrx_parse;
# a frame holds its thread 8 cycles per step and 8 more between frames (docs/
# architecture.md, nicrx_parser "Timing") and each of the NE engines runs 8
# threads, so the parser needs at least 8*(S+1)/(NE*8) = (S+1)/NE cycles per frame.
# Measured: hv_valid every N cycles at line rate (must equal the wire's pace,
# with no drop) and back to back (limited by the slowest stage, here the DMA).
# Budget: a 64-byte frame every 8 beats + 20 bytes of gap at DATA_WIDTH 64.
parser_table() {
    local ne=2 budget=10.5 worst=0 worst_mix=""
    printf '\nparser, default program, %s engines: cycles per frame (budget %s = 64-byte frames at line rate, DATA_WIDTH 64)\n' "$ne" "$budget"
    printf '%-9s %5s %6s %9s %14s %11s %10s %6s %9s\n' mix bytes steps "max steps" "bound (S+1)/NE" "latency 8S" "line: hv/" drops "b2b: hv/"
    for mix in tcp4 vlan qinq tcp6 tcp6ext udp4 default.pcap; do
        local f="$out/p_$mix.pcap" size=64
        case $mix in tcp6) size=80 ;; tcp6ext) size=96 ;; esac  # whole beats
        if [ "$mix" = default.pcap ]; then f=captures/default.pcap; size=mixed
        else build/bin/nicrx-gen --count 3000 --size $size --flows 64 --seed 1 --kind "$mix" -o "$f" || return 1; fi
        build/bin/nicrx-model --json-summary --seed 1 "$f" > "$out/pl_$mix.json" || { status=1; echo "FAIL $mix"; continue; }
        build/bin/nicrx-model --json-summary --seed 1 --pace b2b "$f" > "$out/pb_$mix.json" || { status=1; echo "FAIL $mix b2b"; continue; }
        local st mx hl hb dr
        read -r st mx hl < <(j '.parser | "\(.steps_mean) \(.steps_max) \(.cycles_per_frame)"' "$out/pl_$mix.json")
        hb=$(j .parser.cycles_per_frame "$out/pb_$mix.json")
        dr=$(j .traffic.dropped "$out/pl_$mix.json")
        [ "$mix" = default.pcap ] || [ "$dr" = 0 ] || status=1
        printf '%-9s %5s %6s %9s %14s %11s %10s %6s %9s\n' "$mix" "$size" "$st" "$mx" \
            "$(awk -v s="$st" -v n=$ne 'BEGIN { printf "%.2f", (s + 1) / n }')" "$(( mx * 8 ))" "$hl" "$dr" "$hb"
        if [ "$mx" -gt "$worst" ]; then worst=$mx; worst_mix=$mix; fi
    done
    awk -v w="$worst" -v m="$worst_mix" -v n=$ne -v b=$budget 'BEGIN {
        c = (w + 1) / n
        printf "worst case: %s, %d steps per frame: %.2f cycles per frame against %.1f: %s\n", m, w, c, b,
               c <= b ? "within the budget" : sprintf("%.0f%% of the budget (longer frames than 64 bytes have a longer slot)", 100 * c / b) }'
}

# The flow block (RTL in lockstep) on 64-byte frames: 10000 flows in turn,
# so every frame misses and replaces the least recently active flow, and 64
# flows in a 64-entry table, so every frame after the first 64 hits.  At line
# rate every frame must be decided and delivered (0 drops); back to back (a
# 64-byte frame every 8 cycles at DATA_WIDTH 64) the fewest cycles 64
# decisions in a row take is the flow block's own pace: one job of 8 cycles
# per frame (docs/architecture.md "nicrx_flow").
flow_table() {
    local mhz=156.25 need t
    need=$(awk 'BEGIN { printf "%.2f", 10000 / ((64 + 20) * 8) }')
    printf '\nflow block, 64-byte frames, DATA_WIDTH 64 (line rate at 10 Gb/s: %s M frames/s = one per %.1f cycles at %s MHz)\n' \
        "$need" "$(awk -v m=$mhz -v n="$need" 'BEGIN { print m / n }')" $mhz
    printf '%-12s %5s %6s %6s %11s %11s %8s %11s %8s\n' flows FLOWS frames drops "line: every" "b2b: best64" closest "M frames/s" evicted
    for t in 10000:64 10000:8 64:64; do
        local nf=${t%%:*} fl=${t#*:}
        local f="$out/flow_$nf.pcap" l="$out/flow_${nf}_${fl}_line.json" b="$out/flow_${nf}_${fl}_b2b.json"
        build/bin/nicrx-gen --count 20000 --seed 1 --size 64 --flows "$nf" -o "$f" >/dev/null || return 1
        build/bin/nicrx-sim --json-summary --seed 1 --flows "$fl" "$f" > "$l" &&
            build/bin/nicrx-sim --json-summary --seed 1 --flows "$fl" --pace b2b "$f" > "$b" ||
            { echo "FAIL flow $nf flows, FLOWS $fl:"; jq -r '.failure // empty' "$l" "$b"; status=1; continue; }
        local dr le be cl ev
        dr=$(j .traffic.dropped "$l")
        [ "$dr" = 0 ] || status=1
        le=$(j .flows.cycles_per_decision "$l")
        be=$(j .flows.busiest_cycles_per_decision "$b")
        cl=$(j .flows.closest_decisions "$b")
        ev=$(j .flow_events.evicted "$l")
        printf '%-12s %5s %6s %6s %11s %11s %8s %11s %8s\n' "$nf" "$fl" 20000 "$dr" "$le" "$be" "$cl" \
            "$(awk -v m=$mhz -v c="$be" 'BEGIN { printf "%.2f", m / c }')" "$ev"
    done
    echo "(line: mean cycles between decisions at line rate; b2b: fewest cycles per decision over 64 in a row,"
    echo " back to back (8 cycles is also how fast 64-byte frames arrive); M frames/s: $mhz MHz over that;"
    echo " the line rate needs $need)"
}

# RSS queue balance: 10,000 TCP flows (10 frames each, nicrx-gen) through the fast model
# with the reset configuration (Microsoft's key, the table's entry i = i mod 8); each
# frame's queue with 2^QSEL queues in use is its entry mod 2^QSEL: over 4 queues it is
# the model's own `queue` (checked), over 8 the entry itself.  Goal: max/mean <= 1.10.
rss_table() {
    local f="$out/rss_10k.pcap" j="$out/rss_10k.json" q
    build/bin/nicrx-gen --count 100000 --seed 1 --size 64 --flows 10000 -o "$f" >/dev/null || return 1
    build/bin/nicrx-model --fast "$f" > "$j" || { echo "FAIL rss: nicrx-model"; status=1; return 0; }
    printf '\nRSS queue balance, 10000 TCP flows, 100000 frames, reset key and table (goal max/mean <= 1.10)\n'
    for q in 4 8; do
        jq -r 'select(.verdict == "delivered") | "\(.rss_hash) \(.queue)"' "$j" | awk -v n=$q '
            { e = ($1 % 128) % 8; c[e % n]++; t++; if (n == 4 && e % 4 != $2) bad++ }
            END { m = 0; for (i = 0; i < n; i++) { if (c[i] > m) m = c[i]; s = s sprintf(" %d", c[i]) }
                  printf "  %d queues: frames per queue%s; max/mean %.3f%s\n", n, s, m / (t / n),
                         bad ? sprintf(" (%d frames not on that queue: FAIL)", bad) : "" }'
    done
}

# Every size from 60 to 1518 bytes in 1-byte steps and 9000, on the model (cycle-exact
# with the RTL at its ports, and fast enough for 1460 runs), at DATA_WIDTH $1 with the
# default host bus (AXI_DATA_WIDTH twice as wide): drops at line rate (2000 frames: enough
# for a deficit of a quarter cycle per frame to overflow the packet memory) and the margin
# in cycles per frame, wire ((L + 20) / bytes per beat) minus the device's own pace back to
# back (delivered frames over the traffic span, 300 frames).  The margin leaves 9000 out:
# the packet memory (16 KB) holds one such frame, so back to back it drops frames it would
# take at line rate and its pace there says nothing of the transfer engine.  Host-bus
# efficiency (delivered frame bytes over the bytes the W channel carried, records
# included) at a few sizes, from the line-rate runs.
sweep_table() {  # sweep_table DATA_WIDTH on|off (header/data split: nicrx-model --split)
    local dw=$1 sp=$2 bpb=$(( $1 / 8 )) s worst="" wm="" lossy="" nl=0 nneg=0 dr m eff=""
    printf '\nevery size 60..1518 and 9000, DATA_WIDTH %s, AXI_DATA_WIDTH %s (model), split %s, line rate, host never stalling\n' \
        "$dw" $(( 2 * dw )) "$sp"
    for s in ${SWEEP:-$(seq 60 1518) 9000}; do
        build/bin/nicrx-gen --count 2000 --size "$s" --flows 64 --seed 1 -o "$out/sw.pcap" >/dev/null || return 1
        build/bin/nicrx-model --json-summary --seed 1 --data-width "$dw" --split "$sp" "$out/sw.pcap" > "$out/sw_line.json" \
            || { echo "FAIL size $s"; status=1; continue; }
        build/bin/nicrx-gen --count 300 --size "$s" --flows 64 --seed 1 -o "$out/sw.pcap" >/dev/null || return 1
        build/bin/nicrx-model --json-summary --seed 1 --data-width "$dw" --split "$sp" --pace b2b "$out/sw.pcap" > "$out/sw_b2b.json" \
            || { echo "FAIL size $s b2b"; status=1; continue; }
        dr=$(j .traffic.dropped "$out/sw_line.json")
        m=$(j --argjson s "$s" --argjson b "$bpb" '.traffic | ($s + 20) / $b - .cycles / .delivered | . * 100 | round / 100' \
            "$out/sw_b2b.json")
        case " 64 66 128 576 1518 " in *" $s "*) eff="$eff $s:$(j .host_bus.efficiency "$out/sw_line.json")" ;; esac
        if [ "$dr" != 0 ]; then lossy="$lossy $s($dr)"; nl=$((nl + 1)); status=1; fi
        [ "$s" -le 1518 ] || continue
        if awk -v a="$m" 'BEGIN { exit !(a < 0) }'; then nneg=$((nneg + 1)); status=1; fi
        if [ -z "$wm" ] || awk -v a="$m" -v b="$wm" 'BEGIN { exit !(a < b) }'; then wm=$m; worst=$s; fi
    done
    echo "sizes with drops (of 2000 frames): $nl${lossy:+:$lossy}"
    echo "worst size 60..1518: $worst bytes, margin $wm cycles per frame (wire minus the device's back-to-back pace)"
    echo "sizes 60..1518 with a negative margin: $nneg (they drop once the backlog outgrows the packet memory)"
    echo "host-bus efficiency (delivered bytes / bus bytes written):${eff:- none of 64 66 128 576 1518 swept}"
}

# The host bus per frame size, the model at line rate, host never stalling, 2000 frames, split
# on: efficiency (delivered frame bytes over the bytes the W channel carried, records
# included) and descriptors read per 1000 frames, with page rings 0 and 2 (the default: many
# entries per descriptor) and without (--pages off: one descriptor a buffer).
hostbus_table() {
    local s p
    printf '\nhost bus, model, DATA_WIDTH 64 / AXI_DATA_WIDTH 128, split on, line rate, 2000 frames\n'
    printf '%6s %17s %17s %22s %22s\n' size "efficiency pages" "efficiency none" "desc/1000 frames pages" "desc/1000 frames none"
    for s in 64 66 128 576 1518; do
        build/bin/nicrx-gen --count 2000 --size "$s" --flows 64 --seed 1 -o "$out/hb.pcap" >/dev/null || return 1
        printf '%6s' "$s"
        for p in on off; do
            build/bin/nicrx-model --json-summary --seed 1 --pages "$p" "$out/hb.pcap" > "$out/hb_$p.json" \
                || { echo " FAIL size $s pages $p"; status=1; continue 2; }
        done
        printf ' %17s %17s %22s %22s\n' "$(j .host_bus.efficiency "$out/hb_on.json")" "$(j .host_bus.efficiency "$out/hb_off.json")" \
            "$(j '.host_bus.desc_reads * 1000 / .traffic.delivered | round' "$out/hb_on.json")" \
            "$(j '.host_bus.desc_reads * 1000 / .traffic.delivered | round' "$out/hb_off.json")"
    done
}

# Simulation speed.  Lockstep (RTL + model + harness): cycles per second on make run's capture
# and on every shared capture, one process per capture as t_lockstep runs them (cycles from
# the reports, wall time of the whole loop: process start and bring-up included), and
# Interrupt moderation (docs/architecture.md "nicrx_irq"), the model at line rate with a
# NAPI host (--irq-napi): interrupts per 1000 frames and the latency moderation adds (the
# age of the oldest pending record when a line rises: record visible to interrupt), for a
# few IRQ_COUNT / IRQ_TIME settings (IRQ_TICK 155: 1 µs ticks).  TIME 0 interrupts at once
# whatever COUNT is (the first row is the default, no moderation).
irq_table() {
    local s n f set c t
    printf '\ninterrupt moderation, model, line rate, NAPI host, 4 queues, 1 µs ticks\n'
    printf '%5s %6s %5s %5s %8s %14s %17s %17s %6s\n' size frames COUNT TIME interrupts "per 1000 frames" \
        "mean age cycles" "max age cycles" drops
    for s in 64 512; do
        n=4000; f="$out/irq$s.pcap"
        build/bin/nicrx-gen --count $n --size "$s" --flows 64 --seed 1 -o "$f" >/dev/null || return 1
        for set in "1 0" "4 10" "16 10" "32 20" "0 2" "0 10"; do
            read -r c t <<<"$set"
            build/bin/nicrx-model --json-summary --seed 1 --irq-napi --irq-count "$c" --irq-time "$t" "$f" \
                > "$out/irq$s-$c-$t.json" || { status=1; echo "FAIL irq size $s COUNT $c TIME $t"; continue; }
            printf '%5s %6s %5s %5s %s\n' "$s" "$n" "$c" "$t" \
                "$(j '"\(.moderation.interrupts | tostring | (" " * (10 - length)) + .) \(.moderation.per_1000_frames | tostring | (" " * (14 - length)) + .) \(.moderation.mean_age_cycles | tostring | (" " * (17 - length)) + .) \(.moderation.max_age_cycles | tostring | (" " * (17 - length)) + .) \(.traffic.dropped | tostring | (" " * (6 - length)) + .)"' "$out/irq$s-$c-$t.json")"
        done
    done
}

# Verilator against Icarus on make run's capture.  The model: its fast mode (no timing,
# docs/report.md "Fast mode") and its cycle mode against tshark reading the same capture
# (tshark -T fields -e frame.number, the least tshark does per frame, and tshark -q -z
# conv,tcp), wall time and peak memory, on the two largest shared captures and a generated
# one of 200,000 TCP frames.  Target: fast mode at ten times tshark -q -z conv,tcp or more.
# Each command runs SPEED_RUNS times (default 3), its best wall time (in ms: the fast mode
# takes a few ms on the shared captures) and its largest peak memory kept: the machine is
# shared, and the best of a few runs is the one least slowed by the others.
speed_table() {
    local pc=captures/default.pcap dir=${PCAPS:-../shared/pcaps} t0 t1 f n k
    printf '
simulation speed
'
    lockstep_rate() {  # lockstep_rate SIM CAPTURE...: "CYCLES SECONDS" over one run per capture
        local sim=$1 i=0; shift
        rm -rf "$out/rate"; mkdir -p "$out/rate"
        t0=$(date +%s%N)
        for f in "$@"; do
            i=$((i + 1))
            "$sim" --json-summary --seed 1 "$f" > "$out/rate/$i.json" 2>/dev/null
        done
        t1=$(date +%s%N)
        echo "$(cat "$out"/rate/*.json | jq -s 'map(.simulation.cycles // 0) | add')" \
             "$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.3f", n / 1e9 }')"
    }
    local vl ic all c s
    read -r c s < <(lockstep_rate build/bin/nicrx-sim "$pc"); vl=$(awk -v c=$c -v s=$s 'BEGIN { printf "%.1f", c / s / 1e3 }')
    printf '  lockstep, Verilator, %s: %s cycles in %s s, %s kcycles/s\n' "$pc" "$c" "$s" "$vl"
    if [ -x build/bin/nicrx-sim-icarus ]; then
        read -r c s < <(lockstep_rate build/bin/nicrx-sim-icarus "$pc"); ic=$(awk -v c=$c -v s=$s 'BEGIN { printf "%.2f", c / s / 1e3 }')
        printf '  lockstep, Icarus,    %s: %s cycles in %s s, %s kcycles/s (Verilator %.0f times as fast)\n' "$pc" "$c" "$s" "$ic" \
            "$(awk -v a="$vl" -v b="$ic" 'BEGIN { print a / b }')"
    fi
    mapfile -t all < <(find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort)
    read -r c s < <(lockstep_rate build/bin/nicrx-sim "${all[@]}")
    printf '  lockstep, Verilator, the %d shared captures: %s cycles in %s s, %s kcycles/s (target 1000)\n' "${#all[@]}" "$c" "$s" \
        "$(awk -v c=$c -v s=$s 'BEGIN { printf "%.1f", c / s / 1e3 }')"
    build/bin/nicrx-gen --mode tcp --flows 1000 --count 200000 --seed 5 -o "$out/speed_tcp.pcap" >/dev/null || return 1
    printf '  %-44s %7s %12s %12s %12s %12s %11s %9s %10s\n' capture frames "fast s/MB" "cycle s/MB" "fields s/MB" "conv s/MB" \
        "fields/fast" "conv/fast" "conv/cycle"
    for f in $(ls -S "${all[@]}" | head -2) "$out/speed_tcp.pcap"; do
        n=$(build/bin/nicrx-model --fast "$f" | wc -l)
        local r=() best mem run ns kb
        for k in "build/bin/nicrx-model --fast" "build/bin/nicrx-model --seed 1" "tshark -T fields -e frame.number -r" \
                 "tshark -q -z conv,tcp -r"; do
            best=""; mem=0
            for run in $(seq "${SPEED_RUNS:-3}"); do
                t0=$(date +%s%N)
                # shellcheck disable=SC2086
                /usr/bin/time -o "$out/time.txt" -f '%M' $k "$f" >/dev/null 2>&1
                t1=$(date +%s%N)
                ns=$((t1 - t0)); kb=$(tail -1 "$out/time.txt")
                if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
                if [ "$kb" -gt "$mem" ]; then mem=$kb; fi
            done
            r+=("$(awk -v n="$best" 'BEGIN { printf "%.3f", n / 1e9 }') $mem")
        done
        printf '  %-44s %7s' "$(basename "$f" | cut -c1-44)" "$n"
        for k in 0 1 2 3; do read -r sec kb <<<"${r[$k]}"; printf ' %6s/%-5s' "$sec" "$((kb / 1024))"; done
        read -r fs _ <<<"${r[0]}"; read -r ys _ <<<"${r[1]}"; read -r ts _ <<<"${r[2]}"; read -r cs _ <<<"${r[3]}"
        printf ' %11s %9s %10s\n' "$(awk -v a="$ts" -v b="$fs" 'BEGIN { printf "%.1f", a / b }')" \
            "$(awk -v a="$cs" -v b="$fs" 'BEGIN { printf "%.1f", a / b }')" \
            "$(awk -v a="$cs" -v b="$ys" 'BEGIN { printf "%.2f", a / b }')"
    done
    echo "  (s/MB: wall seconds, the best of ${SPEED_RUNS:-3} runs, and peak memory; fields: tshark -T fields -e frame.number,"
    echo "   conv: tshark -q -z conv,tcp; a ratio is tshark's time over the model's (conv/cycle: over the cycle mode's),"
    echo "   the target for fast mode ten or more)"
}

# BENCH="sweep red ..." runs only the parts named (default: all, in this order)
parts=" ${BENCH:-parser flow rss sweep hostbus run irq speed red more reasm} "
for p in $parts; do
    case " parser flow rss sweep hostbus run irq speed red more reasm " in *" $p "*) ;;
        *) echo "bench.sh: BENCH names parser flow rss sweep hostbus run irq speed red more reasm, not '$p'" >&2; exit 2 ;; esac
done
want() { [[ $parts == *" $1 "* ]]; }
want parser && parser_table
want flow && flow_table
want rss && rss_table
if want sweep; then
    sweep_table 64 on
    sweep_table 64 off
    sweep_table 32 on
    sweep_table 32 off
fi
want hostbus && hostbus_table
if want run; then
    run_table build/bin/nicrx-sim "DATA_WIDTH 64 (10 Gb/s at 156.25 MHz), line rate, host never stalling"
    [ -x build/bin/nicrx-sim-dw32 ] && run_table build/bin/nicrx-sim-dw32 "DATA_WIDTH 32, line rate, host never stalling"
fi
want irq && irq_table
want speed && speed_table
if want red; then bash scripts/bench_red.sh || status=1; fi    # random early discard under 2x oversubscription
if want more; then bash scripts/bench_more.sh || status=1; fi  # the batching hint over 50 interleaved connections
if want reasm; then bash scripts/bench_reasm.sh || status=1; fi  # re-assembly: completions per 64 KB of bulk TCP
want run && printf '\nlockstep speed (RTL + model + harness, line-rate runs): %d cycles in %.2f s = %.0f cycles/s\n' \
    "$tot_cycles" "$(awk -v n="$tot_ns" 'BEGIN { print n / 1e9 }')" \
    "$(awk -v c="$tot_cycles" -v n="$tot_ns" 'BEGIN { print c / (n / 1e9) }')"
if [ $status -ne 0 ]; then echo "bench: FAILED (drops or errors above)"
elif want sweep || want run; then echo "bench: zero drops at line rate at every size"
else echo "bench: done"; fi
exit $status
