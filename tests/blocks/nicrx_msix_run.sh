#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_msix.v (NUM_CQ 4, AXI_DATA_WIDTH 128) against cmodel/msix.c
# under Icarus, two seeds.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen msix tests/blocks/nicrx_msix_gen.c cmodel/msix.c
bench_build msix rtl/nicrx_msix.v
for seed in 5 17; do
    info=$("$out/nicrx_msix_gen" 20000 "$seed" "$out/msix_trace.hex") || { echo "not ok msix-block: generator"; continue; }
    read -r msgs waited bursts <<< "$info"
    bench_verdict "$out/msix_tb.vvp" msix-block-lockstep "seed $seed: $msgs messages, $waited edges a DMA AW waited behind the gate, $bursts DMA bursts"
done
