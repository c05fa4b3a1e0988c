#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_flist.v against cmodel/flist.c under Icarus: LISTS 1, 4
# (the default) and 8, the generator checking every pop against its own lists.
# Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen flist tests/blocks/nicrx_flist_gen.c cmodel/flist.c
cyc=30000
for lists in 1 4 8; do
    name="flist-block-lockstep-lists$lists"
    trace="$out/flist_trace_$lists.hex"
    info=$("$out/nicrx_flist_gen" "$lists" "$cyc" "$lists" "$trace") \
        || { echo "not ok $name: generator (its check against its own lists)"; continue; }
    read -r lpops rpops bad fb <<< "$info"
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_flist_tb.LISTS="$lists" -Pnicrx_flist_tb.CYCLES="$cyc" \
        -Pnicrx_flist_tb.NAME="\"$name\"" -Pnicrx_flist_tb.TRACE="\"$trace\"" -o "$out/flist_tb_$lists.vvp" \
        tests/blocks/nicrx_flist_tb.v rtl/nicrx_flist.v \
        || { echo "not ok $name: iverilog"; continue; }
    bench_verdict "$out/flist_tb_$lists.vvp" "$name" "generator: $lpops list pops, $rpops ring 3 pops, $bad cycles presenting a small buffer, $fb fallbacks"
done
