#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_reasm.v against cmodel/reasm.c under Icarus: FLOWS 8,
# 64 (the default) and 256, the generator checking every answer taken against the runs it
# keeps (tests/blocks/nicrx_reasm_gen.c).  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen reasm tests/blocks/nicrx_reasm_gen.c cmodel/reasm.c
cyc=60000
for flows in 8 64 256; do
    name="reasm-block-lockstep-flows$flows"
    trace="$out/reasm_trace_$flows.hex"
    info=$("$out/nicrx_reasm_gen" "$flows" "$cyc" "$flows" "$trace") \
        || { echo "not ok $name: generator (its check against the runs)"; continue; }
    read -r opens appends closes sweeps reasons <<< "$info"
    if [ "$reasons" -lt 8 ]; then echo "not ok $name: only $reasons close reasons seen"; continue; fi
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_reasm_tb.FLOWS="$flows" -Pnicrx_reasm_tb.CYCLES="$cyc" \
        -Pnicrx_reasm_tb.NAME="\"$name\"" -Pnicrx_reasm_tb.TRACE="\"$trace\"" -o "$out/reasm_tb_$flows.vvp" \
        tests/blocks/nicrx_reasm_tb.v rtl/nicrx_reasm.v \
        || { echo "not ok $name: iverilog"; continue; }
    bench_verdict "$out/reasm_tb_$flows.vvp" "$name" \
        "generator: $opens opened, $appends appended, $closes closed ($sweeps by the sweep), $reasons reasons"
done
