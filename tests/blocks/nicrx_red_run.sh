#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_red.v against cmodel/red.c under Icarus, two
# seeds.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen red tests/blocks/nicrx_red_gen.c cmodel/red.c cmodel/geom.c
bench_build red rtl/nicrx_red.v
for seed in 7 23; do
    "$out/nicrx_red_gen" 40000 "$seed" "$out/red_trace.hex" || { echo "not ok red-block: generator"; continue; }
    bench_verdict "$out/red_tb.vvp" red-block-lockstep "seed $seed"
done
