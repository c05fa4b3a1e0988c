#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_desc_fetch.v (NUM_FBR 3) against cmodel/desc_fetch.c
# under Icarus, DATA_WIDTH 64 and 32, two seeds each.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen desc_fetch tests/blocks/nicrx_desc_fetch_gen.c cmodel/desc_fetch.c
for dw in 64 32; do
    name="desc-fetch-block-lockstep-dw$dw"
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_desc_fetch_tb.DATA_WIDTH="$dw" \
        -Pnicrx_desc_fetch_tb.NAME="\"$name\"" -o "$out/desc_fetch_tb_dw$dw.vvp" \
        tests/blocks/nicrx_desc_fetch_tb.v rtl/nicrx_desc_fetch.v \
        || { echo "not ok $name: iverilog"; continue; }
    for seed in 7 29; do
        info=$("$out/nicrx_desc_fetch_gen" "$dw" 30000 "$seed" "$out/desc_fetch_trace.hex") \
            || { echo "not ok $name: the model's own check failed (seed $seed)"; continue; }
        read -r pops errs restarts resets <<< "$info"
        bench_verdict "$out/desc_fetch_tb_dw$dw.vvp" "$name" \
            "seed $seed: $pops pops, $errs read errors, $restarts ring restarts, $resets resets"
    done
done
