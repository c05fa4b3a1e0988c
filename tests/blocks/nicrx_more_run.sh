#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_more.v against cmodel/more.c under Icarus: FQ_DEPTH 2,
# 8, 32, 64 (the default) and 256, the generator checking the count against its own queue.
# Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen more tests/blocks/nicrx_more_gen.c cmodel/more.c
for depth in 2 8 32 64 256; do
    # FQ_DEPTH 256 is slow in Icarus (256 comparators every cycle): fewer cycles
    cyc=30000; [ "$depth" -gt 32 ] && cyc=8000
    name="more-block-lockstep-fq$depth"
    trace="$out/more_trace_$depth.hex"
    info=$("$out/nicrx_more_gen" "$depth" "$cyc" "$depth" "$trace") \
        || { echo "not ok $name: generator (its check against the queue)"; continue; }
    read -r checks maxc <<< "$info"
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_more_tb.FQ_DEPTH="$depth" -Pnicrx_more_tb.CYCLES="$cyc" \
        -Pnicrx_more_tb.NAME="\"$name\"" -Pnicrx_more_tb.TRACE="\"$trace\"" -o "$out/more_tb_$depth.vvp" \
        tests/blocks/nicrx_more_tb.v rtl/nicrx_more.v \
        || { echo "not ok $name: iverilog"; continue; }
    bench_verdict "$out/more_tb_$depth.vvp" "$name" "$checks exact checks, count up to $maxc"
done
