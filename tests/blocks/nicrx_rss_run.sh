#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_rss.v against cmodel/rss.c under Icarus: two seeds
# with RETA_SIZE 128 (the default) and one with 512 and one with 16 (make test runs the first
# seed of 128 only; BLOCKS_FULL=1, make test-full, both).  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen rss tests/blocks/nicrx_rss_gen.c cmodel/rss.c cmodel/geom.c
runs=("5 128" "29 512" "41 16")
[ "${BLOCKS_FULL:-0}" = 1 ] && runs+=("17 128")
for run in "${runs[@]}"; do
    read -r seed reta <<<"$run"
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_rss_tb.NAME="\"rss-block-lockstep\"" -Pnicrx_rss_tb.RETA_SIZE=$reta \
        -o "$out/rss_tb_$reta.vvp" tests/blocks/nicrx_rss_tb.v rtl/nicrx_rss.v \
        || { echo "not ok rss-block: iverilog"; exit 0; }
    "$out/nicrx_rss_gen" 20000 "$seed" "$out/rss_trace.hex" "$reta" || { echo "not ok rss-block: generator"; continue; }
    bench_verdict "$out/rss_tb_$reta.vvp" rss-block-lockstep "seed $seed, RETA_SIZE $reta"
done
