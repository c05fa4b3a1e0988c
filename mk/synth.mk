# Lint, synthesis and FPGA flows (docs/synthesis.md).
#   make lint                         Verilator -Wall + Yosys structural checks of rtl/
#   make synth                        iCE40/ECP5 synthesis, place-and-route, the flow block alone
#                                     (FLOWS 64 and 256, ECP5 out-of-context), table
#   make synth-block BLOCK=nicrx_parser [ARCH=ice40|ecp5] [PARAMS="DATA_WIDTH=32 ..."]
#   make fpga                         bitstreams of the place-and-route harness
.PHONY: lint synth synth-block fpga
ARCH   ?= ice40
PARAMS ?=

lint: setup-check
	bash synth/lint.sh

synth: setup-check
	-@bash scripts/setup.sh --check --ecp5 >/dev/null 2>&1 || bash scripts/setup.sh --ecp5 || \
	    echo "synth: ECP5 tools not installed; ECP5 place-and-route will be skipped"
	@start=$$(date +%s); bash synth/synth.sh all; rc=$$?; \
	    echo "make synth: $$(( $$(date +%s) - start ))s"; exit $$rc

synth-block: setup-check
	@test -n "$(BLOCK)" || { echo "usage: make synth-block BLOCK=nicrx_<block> [ARCH=ice40|ecp5] [PARAMS=\"K=V ...\"]"; exit 2; }
	bash synth/synth.sh block $(BLOCK) $(ARCH) "$(PARAMS)"

fpga: setup-check
	-@bash scripts/setup.sh --check --ecp5 >/dev/null 2>&1 || bash scripts/setup.sh --ecp5 || true
	bash synth/synth.sh fpga
