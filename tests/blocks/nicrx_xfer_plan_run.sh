#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_xfer_plan.v against cmodel/xfer_plan.c under Icarus,
# two seeds.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen xfer_plan tests/blocks/nicrx_xfer_plan_gen.c cmodel/xfer_plan.c
bench_build xfer_plan rtl/nicrx_xfer_plan.v
for seed in 5 31; do
    "$out/nicrx_xfer_plan_gen" 40000 "$seed" "$out/xfer_plan_trace.hex" \
        || { echo "not ok xfer-plan-block: generator"; continue; }
    bench_verdict "$out/xfer_plan_tb.vvp" xfer-plan-block-lockstep "seed $seed"
done
