#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_mover.v against cmodel/mover.c under Icarus: DATA_WIDTH 64
# and 32 with the host bus twice as wide (the default) and DATA_WIDTH 64 with it as wide, the
# generator playing the issue FSM and the completion writer (random W stalls and resets) and
# checking the block drains.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen mover tests/blocks/nicrx_mover_gen.c cmodel/mover.c
cyc=${MOVER_CYCLES:-6000}
for dwa in 64/128 32/64 64/64; do
    dw=${dwa%/*} adw=${dwa#*/}
    name="mover-block-lockstep-dw$dw-axi$adw"
    trace="$out/mover_trace_${dw}_$adw.hex"
    info=$("$out/nicrx_mover_gen" "$dw" "$adw" "$cyc" "$dw$adw" "$trace") \
        || { echo "not ok $name: generator (its drain check)"; continue; }
    read -r parts recs skips beats stalls resets <<< "$info"
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_mover_tb.DATA_WIDTH="$dw" -Pnicrx_mover_tb.AXI_DATA_WIDTH="$adw" \
        -Pnicrx_mover_tb.CYCLES="$cyc" -Pnicrx_mover_tb.NAME="\"$name\"" -Pnicrx_mover_tb.TRACE="\"$trace\"" \
        -o "$out/mover_tb_${dw}_$adw.vvp" tests/blocks/nicrx_mover_tb.v rtl/nicrx_mover.v \
        || { echo "not ok $name: iverilog"; continue; }
    bench_verdict "$out/mover_tb_${dw}_$adw.vvp" "$name" \
        "$parts parts, $recs records, $skips skips, $stalls W stalls, $resets resets"
done
