# The register map (docs/registers.md, docs/developing.md "Adding a register"):
# regs/nicrx.regs is the one description; nicrx-reggen (tools/reggen*.c) writes the
# files below from it, which are committed.  They are remade when the description
# or the generator changes; tests/t_regs.sh fails when a committed one is stale.
#   make regs        regenerate them
REGGEN      := $(BIN)/nicrx-reggen
REGGEN_SRCS := tools/reggen.c tools/reggen_emit.c tools/reggen_main.c tools/reggen.h
REGS_DESC   := regs/nicrx.regs
REGS_OUT    := rtl/nicrx_regs.vh rtl/nicrx_counters.vh rtl/nicrx_csr_regs.vh \
               cmodel/nicrx_regs.h cmodel/csr_regs.h cmodel/csr_map.h docs/registers.md

$(REGGEN): $(REGGEN_SRCS)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(OPT) -g $(CWARN) -Itools -o $@ $(filter %.c,$^)

$(REGS_OUT) &: $(REGS_DESC) $(REGGEN)
	$(REGGEN) --docs docs/registers.md -o . $(REGS_DESC)

.PHONY: regs
regs: $(REGS_OUT)
tools: $(REGGEN)
