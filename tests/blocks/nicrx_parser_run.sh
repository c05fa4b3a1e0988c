#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_parser.v (engines, header and instruction memories)
# against its twin cmodel/parser.c under Icarus: the model's ingress feeds both, random
# and captured headers, random programs built with nicrx_insn_encode and the shipped
# default program, instruction writes and bank swaps under traffic, resets, and hv_ready
# from a flow-block stand-in (always, random, the flow block's own rhythm, long stalls).
# Configurations: DATA_WIDTH, HEADER_BYTES, FQ_DEPTH, PARSE_ENGINES, IMEM_DEPTH.
# Prints ok / not ok lines.
set -u
source "$(dirname "$0")/bench.sh"
CYCLES=${PARSER_CYCLES:-30000}
bench_gen parser tests/blocks/nicrx_parser_gen.c cmodel/parser.c cmodel/parse_engine.c \
    cmodel/isa.c cmodel/hdrmem.c cmodel/imem.c cmodel/ingress.c cmodel/geom.c
RTL="rtl/nicrx_parser.v rtl/nicrx_parse_engine.v rtl/nicrx_hdrmem.v rtl/nicrx_imem.v"
# name | DW HB FQ NE DEPTH | seed | program (rand, or a nicrx-asm hex under build/)
while read -r name dw hb fq ne depth seed prog; do
    [ -z "$name" ] && continue
    n="parser-block-$name"
    if [ "$prog" = rand ]; then
        pf="$out/parser_prog_$name.hex"; mode=rand
    else
        pf="$prog"; mode=file
        [ -f "$pf" ] || { echo "not ok $n: $pf missing (make microcode)"; continue; }
    fi
    stats=$(PARSER_PROG=$mode "$out/nicrx_parser_gen" "$dw" "$hb" "$fq" "$ne" "$depth" "$CYCLES" "$seed" \
        "$pf" "$out/parser_trace_$name.hex" captures/default.pcap) \
        || { echo "not ok $n: generator failed"; continue; }
    iverilog -g2005 -Irtl -Itests/blocks -o "$out/parser_tb_$name.vvp" -Pnicrx_parser_tb.DATA_WIDTH="$dw" \
        -Pnicrx_parser_tb.HEADER_BYTES="$hb" -Pnicrx_parser_tb.FQ_DEPTH="$fq" \
        -Pnicrx_parser_tb.PARSE_ENGINES="$ne" -Pnicrx_parser_tb.IMEM_DEPTH="$depth" \
        -Pnicrx_parser_tb.IMEM_INIT="\"$PWD/$pf\"" -Pnicrx_parser_tb.CYCLES="$CYCLES" \
        -Pnicrx_parser_tb.TRACE="\"$PWD/$out/parser_trace_$name.hex\"" -Pnicrx_parser_tb.NAME="\"$n\"" \
        tests/blocks/nicrx_parser_tb.v $RTL || { echo "not ok $n: iverilog"; continue; }
    set -- $stats
    vvp -n "$out/parser_tb_$name.vvp" | grep -E '^(not )?ok|^#' | head -6 \
        | sed "s/^\(ok .*\)\$/\1; sent $1 frames, $2 swaps, $3 imem writes, $6 resets, $7 taken/"
done <<EOT
dw64-default   64 128 32 2 64  9  build/microcode/default_64.hex
dw64-rand      64 128 32 2 64  7  rand
dw32-small     32 64  8  1 16  11 rand
dw64-hb256     64 256 4  2 256 5  rand
dw32-default   32 128 16 2 256 3  build/microcode/default_256.hex
EOT
