#!/usr/bin/env bash
# The asynchronous FIFO (fpga/nicrx_async_fifo.v) proven with yosys-smtbmc through
# fpga/formal/nicrx_async_fifo_fv.v: Yosys's clk2fflogic makes the two clocks free inputs
# (every interleaving of their edges); per AW (FIFO_AWS, default "2 4": 4 is the board's),
# a bounded check from reset of FIFO_K + 1 steps (the base case) and a k-induction of
# FIFO_K steps (default 4): together an unbounded proof.  Prints ok / not ok lines.  Logs and
# traces: build/tests/board/.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/board
mkdir -p "$out"
k=${FIFO_K:-4}
for aw in ${FIFO_AWS:-2 4}; do
    smt=$out/fifo_aw$aw.smt2
    yosys -q -l "$out/fifo_formal_aw$aw.yosys.log" -p "read_verilog -formal -DNICRX_FIFO_FV_SEQ fpga/nicrx_async_fifo.v fpga/formal/nicrx_async_fifo_fv.v;
        chparam -set AW $aw nicrx_async_fifo_fv; prep -top nicrx_async_fifo_fv; flatten; memory_map; opt_clean;
        clk2fflogic; opt_clean; write_smt2 -wires $smt" >/dev/null 2>&1 \
        || { echo "not ok fifo-formal-aw$aw: yosys (see $out/fifo_formal_aw$aw.yosys.log)"; continue; }
    for mode in bmc prove; do
        case $mode in bmc) flags="-t $((k + 1))" ;; prove) flags="-i -t $k" ;; esac
        name="async-fifo-$mode-aw$aw"
        start=$(date +%s)
        # shellcheck disable=SC2086
        timeout "${FORMAL_TIMEOUT:-300}" yosys-smtbmc -s z3 --presat --unroll $flags --dump-vcd "$out/$name.vcd" "$smt" \
            > "$out/$name.log" 2>&1
        if tail -1 "$out/$name.log" | grep -q PASSED; then
            echo "ok $name ($flags, $(( $(date +%s) - start ))s)"
        else
            echo "not ok $name: $(grep -m1 -E 'Assert failed|failed|ERROR|Error' "$out/$name.log" | sed 's/^.*## *[0-9:]* *//') (log $out/$name.log)"
        fi
    done
done
