#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_parser.v against nicrx_parse() (cmodel/parser.c),
# for HEADER_BYTES 64, 128 and 256, under Icarus.  Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/blocks
mkdir -p "$out"
gcc -std=c11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
    -Icmodel -Itests/blocks tests/blocks/nicrx_parser_gen.c cmodel/parser.c -o "$out/nicrx_parser_gen" \
    || { echo "not ok parser-block-build"; exit 1; }
n=${COUNT:-5000}
for hb in 64 128 256; do
    "$out/nicrx_parser_gen" "$hb" "$n" "${SEED:-7}" "$out/parser_stim.hex" "$out/parser_exp.hex"
    iverilog -g2005 -Pnicrx_parser_tb.HEADER_BYTES="$hb" -Pnicrx_parser_tb.COUNT="$n" \
        -o "$out/parser_tb.vvp" tests/blocks/nicrx_parser_tb.v rtl/nicrx_parser.v \
        || { echo "not ok parser-block-hb$hb: iverilog"; continue; }
    vvp -n "$out/parser_tb.vvp" | grep -E '^(not )?ok' || echo "not ok parser-block-hb$hb: no verdict"
done
