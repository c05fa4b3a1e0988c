#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_flow_key.v (with nicrx_crc32c and its header-memory copy)
# feeding rtl/nicrx_flow.v against their twins cmodel/flow_key.c and cmodel/flow.c under Icarus: random frames of many or few flows (with a
# signature collision), commands interleaved, random hv_valid timing, short ticks and
# ages, resets; FLOWS 8, 64 and 256, DATA_WIDTH 64 and 32.  Prints ok / not ok lines.
# FLOW_CYCLES caps every run.
set -u
source "$(dirname "$0")/bench.sh"
bench_gen flow tests/blocks/nicrx_flow_gen.c cmodel/flow_key.c cmodel/flow.c cmodel/crc32c.c \
    cmodel/hdrmem.c cmodel/geom.c
RTL="rtl/nicrx_flow_key.v rtl/nicrx_flow.v rtl/nicrx_crc32c.v rtl/nicrx_hdrmem.v"
# name | DW HB FQ FLOWS | cycles | seed | mode (many, few, mixed)
while read -r name dw hb fq flows cycles seed mode; do
    [ -z "$name" ] && continue
    n="flow-block-$name"
    cycles=${FLOW_CYCLES:-$cycles}
    trace="$out/flow_trace_$name.hex"
    stats=$("$out/nicrx_flow_gen" "$dw" "$hb" "$fq" "$flows" "$cycles" "$seed" "$mode" "$trace") \
        || { echo "not ok $n: generator failed"; continue; }
    iverilog -g2005 -Irtl -Itests/blocks -o "$out/flow_tb_$name.vvp" -Pnicrx_flow_tb.DATA_WIDTH="$dw" \
        -Pnicrx_flow_tb.HEADER_BYTES="$hb" -Pnicrx_flow_tb.FQ_DEPTH="$fq" \
        -Pnicrx_flow_tb.FLOWS="$flows" -Pnicrx_flow_tb.CYCLES="$cycles" \
        -Pnicrx_flow_tb.TRACE="\"$PWD/$trace\"" -Pnicrx_flow_tb.NAME="\"$n\"" \
        tests/blocks/nicrx_flow_tb.v $RTL || { echo "not ok $n: iverilog"; continue; }
    set -- $stats
    res=$(vvp -n "$out/flow_tb_$name.vvp" | grep -E '^(not )?ok|^#' | head -6)
    if [ -z "$res" ]; then
        echo "not ok $n: no verdict"
        continue
    fi
    # every operation code must have occurred, or the run proves less than it claims
    missing=""
    for i in 0 1 2 3 4 5 6 7 8; do
        [ "${@:$((4 + i)):1}" -gt 0 ] || missing="$missing $i"
    done
    if [ -n "$missing" ] && echo "$res" | grep -q '^ok'; then
        echo "not ok $n: operation codes never produced:$missing"
    else
        echo "$res" | sed "/^ok /s/\$/; $2 commands, $3 resets; opcodes 0..8: ${*:4:9}/"
    fi
    echo "$res" | grep -q '^not ok' || rm -f "$trace"
done <<EOT
flows64-mixed     64 128 32 64  30000 12 mixed
flows8-evict      64 128 32 8   30000 2  many
dw32-flows8-few   32 64  8  8   30000 3  few
flows256-hb256    64 256 16 256 20000 4  mixed
EOT
