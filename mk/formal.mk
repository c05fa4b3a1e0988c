# Formal checks of the `ifdef FORMAL` properties (docs/formal.md): Yosys + yosys-smtbmc + z3.
#   make formal                       every proof (BMC, k-induction, cover), one line each
#   make formal FORMAL_ONLY="csr-prove parser-bmc"   a subset (formal/run.sh --list)
#   make formal-quick                 the subset tests/t_formal.sh runs
.PHONY: formal formal-quick
FORMAL_ONLY ?=

formal:
	@start=$$(date +%s); bash formal/run.sh $(FORMAL_ONLY); rc=$$?; \
	    echo "make formal: $$(( $$(date +%s) - start ))s"; exit $$rc

formal-quick:
	@bash formal/run.sh --quick
