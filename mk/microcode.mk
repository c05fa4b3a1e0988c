# The parser microcode (docs/microcode.md): assembler and programs.
#   build/bin/nicrx-asm                 assembler and disassembler (microcode/asm.c)
#   build/microcode/<prog>.bin          image of every microcode/<prog>.nasm
#   build/microcode/<prog>_<D>.hex      $readmemh image padded to D = 64 and 256 instructions
#   build/gen/default_prog.c            microcode/default.nasm as C (nicrx_default_program),
#                                       part of the model library (MODEL_SRCS)
#   build/tests/asm/prog_test           the programs run on crafted frames (tests/t_asm.sh)
ASM          := $(BIN)/nicrx-asm
ASM_LIB_SRCS := microcode/asm.c
ASM_HDRS     := microcode/nicrx_asm.h $(MODEL_INC)/nicrx_isa.h
UCODE_DIR    := $(BUILD)/microcode
UCODE_PROGS  := $(basename $(notdir $(wildcard microcode/*.nasm)))
UCODE_INCS   := $(wildcard microcode/*.inc)
UCODE_DEPTHS := 64 256
UCODE_IMAGES := $(UCODE_PROGS:%=$(UCODE_DIR)/%.bin) \
                $(foreach d,$(UCODE_DEPTHS),$(UCODE_PROGS:%=$(UCODE_DIR)/%_$(d).hex))

$(ASM): $(ASM_LIB_SRCS) microcode/nicrx_asm_main.c $(ASM_HDRS) tools/cli.c tools/cli.h $(MODEL_INC)/nicrx_regs.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_LIB) -Imicrocode -Itools -o $@ $(ASM_LIB_SRCS) microcode/nicrx_asm_main.c tools/cli.c

$(UCODE_DIR)/%.bin: microcode/%.nasm $(UCODE_INCS) $(ASM)
	@mkdir -p $(dir $@)
	$(ASM) -f bin -o $@ $<

define UCODE_HEX
$(UCODE_DIR)/%_$(1).hex: microcode/%.nasm $(UCODE_INCS) $(ASM)
	@mkdir -p $$(dir $$@)
	$(ASM) -f hex --depth $(1) -o $$@ $$<
endef
$(foreach d,$(UCODE_DEPTHS),$(eval $(call UCODE_HEX,$(d))))

$(BUILD)/gen/default_prog.c: microcode/default.nasm $(UCODE_INCS) $(ASM)
	@mkdir -p $(dir $@)
	$(ASM) -f c -n nicrx_default_program -o $@ $<

# Program tests: assembles the shipped sources itself and runs them with nicrx_parse().
$(BUILD)/tests/asm/prog_test: tests/asm/prog_test.c $(ASM_LIB_SRCS) $(ASM_HDRS) $(MODEL_PUB) $(MODEL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_LIB) -Imicrocode -o $@ $< $(ASM_LIB_SRCS) $(MODEL_LIB)

.PHONY: microcode
microcode: $(ASM) $(UCODE_IMAGES) $(BUILD)/gen/default_prog.c
tools: microcode
