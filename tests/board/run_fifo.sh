#!/usr/bin/env bash
# The asynchronous FIFO (fpga/nicrx_async_fifo.v): under Icarus at random clock ratios
# (tests/board/nicrx_async_fifo_tb.v: the board's own 125 MHz into 62.5 MHz and back, then
# random periods), and a bounded formal check with both clocks free (run_fifo_formal.sh).
# Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/board
mkdir -p "$out"
seed=${FIFO_SEED:-7}
runs="8000:16000 16000:8000"
for _ in 1 2 3 4 5 6; do
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    runs="$runs $(( 2000 + seed % 30000 )):$(( 2000 + (seed / 30000) % 30000 ))"
done
n=0
for r in $runs; do
    n=$((n + 1))
    wp=${r%:*} rp=${r#*:}
    iverilog -g2005 -Pnicrx_async_fifo_tb.WP="$wp" -Pnicrx_async_fifo_tb.RP="$rp" -Pnicrx_async_fifo_tb.SEED="$n" \
        -Pnicrx_async_fifo_tb.NAME="\"async-fifo-ratio-$n\"" -o "$out/fifo_tb_$n.vvp" \
        tests/board/nicrx_async_fifo_tb.v fpga/nicrx_async_fifo.v || { echo "not ok async-fifo-ratio-$n: iverilog"; continue; }
    res=$(vvp -n "$out/fifo_tb_$n.vvp" | grep -E '^(not )?ok')
    echo "${res:-not ok async-fifo-ratio-$n: no verdict}"
done
