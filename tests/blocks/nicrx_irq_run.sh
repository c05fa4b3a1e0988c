#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_irq.v (NUM_CQ 8, moderation) against cmodel/irq.c under Icarus,
# two seeds.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen irq tests/blocks/nicrx_irq_gen.c cmodel/irq.c
bench_build irq rtl/nicrx_irq.v
for seed in 3 41; do
    info=$("$out/nicrx_irq_gen" 20000 "$seed" "$out/irq_trace.hex") || { echo "not ok irq-block: generator"; continue; }
    read -r high moves unmasks <<< "$info"
    bench_verdict "$out/irq_tb.vvp" irq-block-lockstep "seed $seed: a line high on $high edges, $moves changes, $unmasks unmasks with records pending"
done
