#!/usr/bin/env bash
# Static checks of the board's RTL: Verilator -Wall of every board block alone and of the
# ECPIX-5 top with the core, and Yosys's elaboration of the top as synthesis sees it
# (SYNTHESIS defined: the PLL, DCCA and DELAYG primitives; hierarchy, proc, check -assert).
# Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/board
mkdir -p "$out"
for f in fpga/nicrx_rgmii_rx.v fpga/nicrx_async_fifo.v fpga/nicrx_uart_bridge.v fpga/nicrx_host_agent.v fpga/nicrx_axil_arb.v; do
    m=$(basename "$f" .v)
    if verilator --lint-only -Wall -Wno-DECLFILENAME --top-module "$m" "$f" fpga/sim/IDDRX1F.v >"$out/lint_$m.log" 2>&1
    then echo "ok board-lint-$m"; else echo "not ok board-lint-$m: $(grep -m1 '%' "$out/lint_$m.log")"; fi
done
if verilator --lint-only -Wall -Wno-DECLFILENAME -Irtl --top-module nicrx_ecpix5 fpga/boards/ecpix5/nicrx_ecpix5.v \
    $(ls fpga/nicrx_*.v | grep -v fpga_wrap) fpga/sim/IDDRX1F.v rtl/*.v >"$out/lint_ecpix5.log" 2>&1
then echo "ok board-lint-ecpix5"; else echo "not ok board-lint-ecpix5: $(grep -m1 '%' "$out/lint_ecpix5.log")"; fi
if res=$(ELAB=1 bash fpga/boards/build.sh ecpix5 synth 2>&1); then echo "ok board-elab-ecpix5 ${res##* }"
else echo "not ok board-elab-ecpix5: see build/board/ecpix5/elab.log"; fi
