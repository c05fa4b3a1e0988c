#!/usr/bin/env bash
# Block-level lockstep of rtl/nicrx_qsel.v against cmodel/qsel.c under Icarus, two
# seeds.  Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/blocks
mkdir -p "$out"
gcc -std=c11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
    -Icmodel -Itests/blocks tests/blocks/nicrx_qsel_gen.c cmodel/qsel.c -o "$out/nicrx_qsel_gen" \
    || { echo "not ok qsel-block-build"; exit 1; }
iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_qsel_tb.NAME="\"qsel-block-lockstep\"" -o "$out/qsel_tb.vvp" \
    tests/blocks/nicrx_qsel_tb.v rtl/nicrx_qsel.v \
    || { echo "not ok qsel-block: iverilog"; exit 0; }
for seed in 5 17; do
    "$out/nicrx_qsel_gen" 20000 "$seed" "$out/qsel_trace.hex" || { echo "not ok qsel-block: generator"; continue; }
    res=$(vvp -n "$out/qsel_tb.vvp" | grep -E '^(not )?ok|^#')
    [ -n "$res" ] || res="not ok qsel-block-lockstep: no verdict"
    echo "$res" | sed "/^ok /s/\$/ (seed $seed)/"
done
