#!/usr/bin/env bash
# Static checks of rtl/ (synth/lint.sh): Verilator -Wall of nicrx_top at DATA_WIDTH
# 64 and 32 and two parser shapes, make fpga's wrapper at both widths, Yosys proc + check -assert + no latches.  Prints ok / not ok lines.
cd "$(dirname "$0")/.."
bash synth/lint.sh
