#!/usr/bin/env bash
# Block-level lockstep of the transfer engine, rtl/nicrx_dma.v (with rtl/nicrx_more.v, rtl/nicrx_page.v, rtl/nicrx_reasm.v,
# rtl/nicrx_mover.v, rtl/nicrx_cpl_write.v), rtl/nicrx_desc_fetch.v and
# rtl/nicrx_irq.v, against cmodel/dma.c with cmodel/desc_fetch.c and cmodel/irq.c under Icarus:
# DATA_WIDTH 64 and 32 with the host bus twice as wide (AXI_DATA_WIDTH 128, 64: the default) and
# DATA_WIDTH 64 with it as wide (64), each with the scenarios of tests/blocks/dma_scenario.h
# (0 ready, 1 burst4-nofit, 2 slowb-descerr, 4 hdr-only, 5 pages: rings 0 and 2 in page mode;
# the unit test's; 3 reset-err: random resets, B/R error responses, ring restarts; 6 reasm:
# re-assembly runs in ring 3's pages, their closes and run records; 7 reasm-strip: the same with
# header stripping, appends with no header buffer and no record).  Prints ok / not ok lines.
# make test runs a sample: every scenario at 64/128 (the default configuration), 0, 3, 5 and 6 at
# 32/64, 1, 2, 4 and 7 at 64/64 (so each scenario runs at two widths at least); BLOCKS_FULL=1 (make
# test-full) all 24.  SCENARIOS="0 2" and DWS="64/128" (DATA_WIDTH/AXI_DATA_WIDTH) pick a subset
# (every scenario of each width given); MAX_CYCLES caps every scenario.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen dma tests/blocks/nicrx_dma_gen.c cmodel/dma.c cmodel/more.c cmodel/page.c cmodel/reasm.c cmodel/mover.c cmodel/cpl_write.c cmodel/desc_fetch.c cmodel/irq.c cmodel/geom.c
all="0 1 2 3 4 5 6 7"
if [ -n "${DWS:-}${SCENARIOS:-}" ] || [ "${BLOCKS_FULL:-0}" = 1 ]; then
    plan=$(for dwa in ${DWS:-64/128 32/64 64/64}; do echo "$dwa ${SCENARIOS:-$all}"; done)
else
    plan="64/128 $all
32/64 0 3 5 6
64/64 1 2 4 7"
fi
while read -r dwa scs; do
    dw=${dwa%/*} adw=${dwa#*/}
    # the default pairing keeps the names it always had
    v=dw$dw; [ "$adw" = $((2 * dw)) ] || v=dw$dw-axi$adw
    for sc in $scs; do
        name="dma-block-lockstep-$v-s$sc"
        trace="$out/dma_trace_${v}_s$sc.hex"
        info=$("$out/nicrx_dma_gen" "$dw" "$adw" "$sc" "$trace" ${MAX_CYCLES:+"$MAX_CYCLES"}) \
            || { echo "not ok $name: generator failed"; continue; }
        read -r cycles mb tag frames resets restarts <<< "$info"
        name="dma-block-lockstep-$v-$tag"
        iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_dma_tb.DATA_WIDTH="$dw" -Pnicrx_dma_tb.AXI_DATA_WIDTH="$adw" -Pnicrx_dma_tb.MAX_BURST="$mb" \
            -Pnicrx_dma_tb.CYCLES="$cycles" -Pnicrx_dma_tb.NAME="\"$name\"" \
            -Pnicrx_dma_tb.TRACE="\"$trace\"" -o "$out/dma_tb_${v}_s$sc.vvp" \
            tests/blocks/nicrx_dma_tb.v rtl/nicrx_dma.v rtl/nicrx_more.v rtl/nicrx_page.v rtl/nicrx_reasm.v rtl/nicrx_mover.v rtl/nicrx_cpl_write.v rtl/nicrx_desc_fetch.v rtl/nicrx_irq.v \
            || { echo "not ok $name: iverilog"; continue; }
        res=$(vvp -n "$out/dma_tb_${v}_s$sc.vvp" | grep -E '^(not )?ok|^#')
        if [ -z "$res" ]; then
            echo "not ok $name: no verdict"
        else
            echo "$res" | sed "/^ok /s/\$/ ($frames frames, $resets reset edges, $restarts ring restarts)/"
            # keep the trace of a failing run for debugging
            echo "$res" | grep -q '^not ok' || rm -f "$trace"
        fi
    done
done <<< "$plan"
