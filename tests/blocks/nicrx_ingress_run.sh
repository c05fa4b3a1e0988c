#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_ingress.v against cmodel/ingress.c under Icarus,
# DATA_WIDTH 64 and 32, two seeds each.  Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/blocks
mkdir -p "$out"
gcc -std=c11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
    -Icmodel -Itests/blocks tests/blocks/nicrx_ingress_gen.c cmodel/ingress.c cmodel/geom.c -o "$out/nicrx_ingress_gen" \
    || { echo "not ok ingress-block-build"; exit 1; }
for dw in 64 32; do
    for seed in 3 11; do
        "$out/nicrx_ingress_gen" "$dw" 20000 "$seed" "$out/ingress_trace.hex"
        iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_ingress_tb.DATA_WIDTH="$dw" \
            -Pnicrx_ingress_tb.NAME="\"ingress-block-lockstep-dw$dw\"" -o "$out/ingress_tb.vvp" \
            tests/blocks/nicrx_ingress_tb.v rtl/nicrx_ingress.v \
            || { echo "not ok ingress-block-dw$dw: iverilog"; continue; }
        vvp -n "$out/ingress_tb.vvp" | grep -E '^(not )?ok|^#' | sed "/^ok /s/\$/ (seed $seed)/" \
            || echo "not ok ingress-block-dw$dw: no verdict"
    done
done
