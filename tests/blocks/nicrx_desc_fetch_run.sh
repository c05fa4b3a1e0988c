#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_desc_fetch.v (NUM_FBR 3) against cmodel/desc_fetch.c
# under Icarus, AXI_DATA_WIDTH 64 and 32 (named dw64, dw32: the bus was DATA_WIDTH's) and 128
# (axi128, a descriptor in one beat), two seeds each.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen desc_fetch tests/blocks/nicrx_desc_fetch_gen.c cmodel/desc_fetch.c
for w in 64 32 128; do
    v=dw$w; [ "$w" = 128 ] && v=axi$w
    name="desc-fetch-block-lockstep-$v"
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_desc_fetch_tb.AXI_DATA_WIDTH="$w" \
        -Pnicrx_desc_fetch_tb.NAME="\"$name\"" -o "$out/desc_fetch_tb_$v.vvp" \
        tests/blocks/nicrx_desc_fetch_tb.v rtl/nicrx_desc_fetch.v \
        || { echo "not ok $name: iverilog"; continue; }
    for seed in 7 29; do
        info=$("$out/nicrx_desc_fetch_gen" "$w" 30000 "$seed" "$out/desc_fetch_trace.hex") \
            || { echo "not ok $name: the model's own check failed (seed $seed)"; continue; }
        read -r pops errs restarts resets <<< "$info"
        bench_verdict "$out/desc_fetch_tb_$v.vvp" "$name" \
            "seed $seed: $pops pops, $errs read errors, $restarts ring restarts, $resets resets"
    done
done
