#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_cpl_write.v against cmodel/cpl_write.c under Icarus (NUM_CQ
# 4): random requests, holder takes, B latencies and error responses, read errors, CQ register
# changes and resets; the generator checks each record's words and the counters against the
# host interface.  Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen cpl_write tests/blocks/nicrx_cpl_write_gen.c cmodel/cpl_write.c
cyc=${CPL_WRITE_CYCLES:-8000}
name="cpl-write-block-lockstep"
trace="$out/cpl_write_trace.hex"
info=$("$out/nicrx_cpl_write_gen" "$cyc" 11 "$trace") \
    || { echo "not ok $name: generator (its check against the host interface)"; exit 0; }
read -r recs datas berrs resets <<< "$info"
iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_cpl_write_tb.CYCLES="$cyc" -Pnicrx_cpl_write_tb.NAME="\"$name\"" \
    -Pnicrx_cpl_write_tb.TRACE="\"$trace\"" -o "$out/cpl_write_tb.vvp" \
    tests/blocks/nicrx_cpl_write_tb.v rtl/nicrx_cpl_write.v \
    || { echo "not ok $name: iverilog"; exit 0; }
bench_verdict "$out/cpl_write_tb.vvp" "$name" "$recs records, $datas data bursts, $berrs B errors, $resets resets"
