#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_qsel.v against cmodel/qsel.c under Icarus, two
# seeds.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen qsel tests/blocks/nicrx_qsel_gen.c cmodel/qsel.c
iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_qsel_tb.NAME="\"qsel-block-lockstep\"" -o "$out/qsel_tb.vvp" \
    tests/blocks/nicrx_qsel_tb.v rtl/nicrx_qsel.v \
    || { echo "not ok qsel-block: iverilog"; exit 0; }
for seed in 5 17; do
    "$out/nicrx_qsel_gen" 20000 "$seed" "$out/qsel_trace.hex" || { echo "not ok qsel-block: generator"; continue; }
    bench_verdict "$out/qsel_tb.vvp" qsel-block-lockstep "seed $seed"
done
