#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_desc_fetch.v against cmodel/desc_fetch.c under Icarus,
# NUM_FBR 4 (the device's rings) and 3 (not a power of two: the round robin wraps early),
# AXI_DATA_WIDTH 64 and 32 (named dw64, dw32: the bus was DATA_WIDTH's) and 128 (axi128, a
# descriptor in one beat), two seeds each; make test samples: NUM_FBR 4 at every width with
# seed 7 and at 64 with seed 29 too, NUM_FBR 3 at 64 with seed 7 (BLOCKS_FULL=1, make
# test-full: all).  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen desc_fetch tests/blocks/nicrx_desc_fetch_gen.c cmodel/desc_fetch.c
for nr in 4 3; do
    widths="64 32 128"; [ "$nr" = 3 ] && [ "${BLOCKS_FULL:-0}" != 1 ] && widths=64
    for w in $widths; do
        v=dw$w; [ "$w" = 128 ] && v=axi$w
        name="desc-fetch-block-lockstep-fbr$nr-$v"
        iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_desc_fetch_tb.AXI_DATA_WIDTH="$w" \
            -Pnicrx_desc_fetch_tb.NUM_FBR="$nr" -Pnicrx_desc_fetch_tb.NAME="\"$name\"" \
            -o "$out/desc_fetch_tb_$nr$v.vvp" tests/blocks/nicrx_desc_fetch_tb.v rtl/nicrx_desc_fetch.v \
            || { echo "not ok $name: iverilog"; continue; }
        seeds="7 29"; { [ "$nr" = 3 ] || [ "$w" != 64 ]; } && [ "${BLOCKS_FULL:-0}" != 1 ] && seeds=7
        for seed in $seeds; do
            info=$("$out/nicrx_desc_fetch_gen" "$w" 30000 "$seed" "$out/desc_fetch_trace.hex" "$nr") \
                || { echo "not ok $name: the model's own check failed (seed $seed)"; continue; }
            read -r pops errs restarts resets <<< "$info"
            bench_verdict "$out/desc_fetch_tb_$nr$v.vvp" "$name" \
                "seed $seed: $pops pops, $errs read errors, $restarts ring restarts, $resets resets"
        done
    done
done
