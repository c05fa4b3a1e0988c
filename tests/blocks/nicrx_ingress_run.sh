#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_ingress.v against cmodel/ingress.c under Icarus,
# DATA_WIDTH 64 and 32, two seeds each.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen ingress tests/blocks/nicrx_ingress_gen.c cmodel/ingress.c cmodel/geom.c
for dw in 64 32; do
    for seed in 3 11; do
        "$out/nicrx_ingress_gen" "$dw" 20000 "$seed" "$out/ingress_trace.hex"
        iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_ingress_tb.DATA_WIDTH="$dw" \
            -Pnicrx_ingress_tb.NAME="\"ingress-block-lockstep-dw$dw\"" -o "$out/ingress_tb.vvp" \
            tests/blocks/nicrx_ingress_tb.v rtl/nicrx_ingress.v \
            || { echo "not ok ingress-block-dw$dw: iverilog"; continue; }
        bench_verdict "$out/ingress_tb.vvp" "ingress-block-dw$dw" "seed $seed"
    done
done
