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

# The version nicrx-reggen answers is the VERSION register's value, read here: the
# header that holds it for the other tools is one nicrx-reggen writes.
$(REGGEN): $(REGGEN_SRCS) tools/cli.c tools/cli.h $(REGS_DESC)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(OPT) -g $(CWARN) -Itools \
	    -DNICRX_VERSION_VALUE=$(shell sed -n 's/^reg VERSION .* value=\(0x[0-9a-fA-F]*\).*/\1/p' $(REGS_DESC)) \
	    -o $@ $(filter %.c,$^)

$(REGS_OUT) &: $(REGS_DESC) $(REGGEN)
	$(REGGEN) --docs docs/registers.md -o . $(REGS_DESC)

.PHONY: regs
regs: $(REGS_OUT)
tools: $(REGGEN)
