# Lint, synthesis and FPGA flows (docs/synthesis.md).
#   make lint                         Verilator -Wall + Yosys structural checks of rtl/
#   make synth                        ECP5: every block alone and the whole core, out of
#                                     context, speed 8 and 6, seeds; the table
#   make synth-block BLOCK=nicrx_parser [PARAMS="DATA_WIDTH=32 ..."]
#   make fpga                         ECP5 bitstream of the place-and-route harness
#   make fpga BOARD=ecpix5            the bitstream of a board (fpga/boards/BOARD/, docs/board.md)
.PHONY: lint synth synth-block fpga
PARAMS ?=

lint: setup-check
	bash synth/lint.sh

synth: setup-check setup-ecp5 $(BUILD)/microcode/default_64.hex $(BUILD)/microcode/default_256.hex
	@start=$$(date +%s); bash synth/synth.sh all; rc=$$?; \
	    echo "make synth: $$(( $$(date +%s) - start ))s"; exit $$rc

synth-block: setup-check
	@test -n "$(BLOCK)" || { echo "usage: make synth-block BLOCK=nicrx_<block> [PARAMS=\"K=V ...\"]"; exit 2; }
	bash synth/synth.sh block $(BLOCK) "$(PARAMS)"

fpga: setup-check setup-ecp5 $(BUILD)/microcode/default_64.hex
	$(if $(BOARD),bash fpga/boards/build.sh $(BOARD),bash synth/synth.sh fpga)
