#!/usr/bin/env bash
# Lockstep of rtl/nicrx_csr.v (Icarus) against cmodel/csr.c on random AXI4-Lite
# traffic: every output and cfg_* register compared after every edge, the parser's
# PARSER_* registers and the cfg_swap / cfg_imem_* pulses included, and the flow database's
# FLOW_* registers with the cfg_flow_cmd pulse and the window loads (ctx_load).
set -u
cd "$(dirname "$0")/.."
B=build/tests/csr_rtl
mkdir -p "$B"
CYCLES=${CSR_CYCLES:-20000}
gcc -std=c11 -O2 -Wall -Wextra -Werror -Icmodel tests/unit/csr_rtl_stim.c cmodel/csr.c -o "$B/stim" \
    || { echo "not ok csr-rtl-build: stimulus generator"; exit 1; }
for ncq in 1 2 4 8; do
    iverilog -g2005 -Irtl -o "$B/tb$ncq.vvp" -P csr_rtl_tb.NUM_CQ=$ncq tests/unit/csr_rtl_tb.v rtl/nicrx_csr.v \
        || { echo "not ok csr-rtl-ncq$ncq: iverilog failed"; continue; }
    for seed in 1 2; do
        n="csr-rtl-lockstep-ncq$ncq-seed$seed"
        "$B/stim" $seed $ncq $CYCLES "$B/stim_${ncq}_$seed.txt" "$B/exp_${ncq}_$seed.txt"
        vvp -n "$B/tb$ncq.vvp" +STIM="$B/stim_${ncq}_$seed.txt" +OUT="$B/rtl_${ncq}_$seed.txt" +CYCLES=$CYCLES > /dev/null
        # Icarus prints hex with leading zeros to the full width; normalise both sides
        d=$(diff <(tr 'A-F' 'a-f' < "$B/exp_${ncq}_$seed.txt") "$B/rtl_${ncq}_$seed.txt" | head -3)
        # the parser registers were exercised: SWAP pulses, IDATA3 stores, PARSER_CTRL writes;
        # and the flow commands: cfg_flow_cmd pulses
        cov=$(awk '$(NF-14) == "1" { s++ } $(NF-13) == "1" { w++ } $(NF-15) != "40" { c++ } $(NF-6) != "0" { f++ }
                   END { printf "%d %d %d %d", s, w, c, f }' "$B/exp_${ncq}_$seed.txt")
        set -- $cov
        if [ -z "$d" ] && [ -s "$B/rtl_${ncq}_$seed.txt" ] && [ "$1" -gt 0 ] && [ "$2" -gt 0 ] && [ "$3" -gt 0 ] && [ "$4" -gt 0 ]; then
            echo "ok $n ($CYCLES cycles; parser: $1 swaps, $2 imem writes; $4 flow commands)"
        elif [ -n "$d" ] || [ ! -s "$B/rtl_${ncq}_$seed.txt" ]; then
            echo "not ok $n: first difference: $(echo "$d" | head -3 | tr '\n' '|')"
        else echo "not ok $n: parser or flow registers not exercised (swaps $1, imem writes $2, step-limit edges $3, flow commands $4)"; fi
    done
done
