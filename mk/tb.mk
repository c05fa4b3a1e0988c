# The harness (tb/) and the lockstep simulators.
#   build/bin/nicrx-sim          Verilator RTL + model lockstep, DATA_WIDTH=$(DATA_WIDTH),
#                                FLOWS=64; --flows N runs the simulator built with N
#                                (SIM_FLOWS; made the first time, or by make sim FLOWS=N)
#   build/bin/nicrx-sim-dw32     the same with DATA_WIDTH=32
#   build/bin/nicrx-sim-icarus   Icarus 11 + VPI, smoke runs
#   make run [PCAP=file]         lockstep run on captures/default.pcap (or PCAP)
VERILATOR    ?= verilator
VL_ROOT      := $(shell $(VERILATOR) -V 2>/dev/null | sed -n 's/^ *VERILATOR_ROOT *= *\(\/.*\)/\1/p' | head -1)
PCAP         ?= captures/default.pcap
TB_SRCS      := tools/cli.c tb/capture.c tb/sched.c tb/mem.c tb/axi.c tb/host.c tb/irqchk.c tb/harness.c tb/redcheck.c tb/rss_check.c tb/tcpview.c
TB_OBJS      := $(TB_SRCS:%.c=$(BUILD)/obj/%.o)
TB_LIB       := $(BUILD)/lib/libnicrxtb.a
TB_LIBS      := -lpcap

$(TB_LIB): $(TB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# The reset program of the RTL's instruction memory (IMEM_INIT): the nicrx-asm image of
# microcode/default.nasm at the default IMEM_DEPTH, the program the model loads too.
RTL_PROG     := $(BUILD)/microcode/default_64.hex
# Files the RTL includes (`include "nicrx_hv.vh"), found through -Irtl.
RTL_INCS     := $(wildcard rtl/*.vh)

# ---- Verilator: $(1) variant name, $(2) DATA_WIDTH, $(3) extra verilator flags, $(4) extra
# C flags of the DPI glue, $(5) "pgo" for a profile-guided build: made twice, first
# instrumented and run on make run's capture (the DPI glue built with NICRX_PGO_GEN, whose
# _exit writes the profile first), then optimized with that profile: 11% more cycles a
# second (docs/report.md "Simulation speed"); a source edited between the two builds
# leaves the profile stale, which GCC then warns of instead of failing ---------------------
VL_FLAGS := --top-module nicrx_tb -Itb -Irtl --timing -Wno-fatal -Wno-lint -Wno-style -O3 --x-assign fast --x-initial fast \
            -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O2"
PGO_GEN  := -fprofile-generate -fprofile-update=single
PGO_USE  := -fprofile-use -fprofile-correction -Wno-missing-profile -Wno-error=coverage-mismatch
# VL_LINK variant,DATA_WIDTH,verilator flags,C and link flags,DPI object: verilate and link
VL_LINK = $(VERILATOR) --binary -j 0 $(VL_FLAGS) $(3) -GDATA_WIDTH=$(2) -GIMEM_INIT='"$(abspath $(RTL_PROG))"' \
	    -Mdir $(BUILD)/verilator/$(1) $(if $(4),-CFLAGS "$(4)") $(abspath $(BUILD)/verilator/$(1)/$(5)) \
	    $(abspath $(TB_LIB)) $(abspath $(MODEL_LIB)) -LDFLAGS "$(TB_LIBS) $(filter -fprofile-generate,$(4))" \
	    tb/nicrx_tb.sv $(RTL_SRCS) >$(BUILD)/verilator/$(1).log 2>&1 || { tail -40 $(BUILD)/verilator/$(1).log; exit 1; }
define VL_SIM
VL_DIR_$(1) := $(BUILD)/verilator/$(1)
$(BUILD)/verilator/$(1)/Vnicrx_tb__Dpi.h: tb/nicrx_tb.sv tb/nicrx_tb_dut.vh $(RTL_SRCS) $(RTL_INCS) $(RTL_PROG)
	@mkdir -p $$(dir $$@)
	$(VERILATOR) --dpi-hdr-only --cc $(VL_FLAGS) $(3) -GDATA_WIDTH=$(2) -GIMEM_INIT='"$(abspath $(RTL_PROG))"' -Mdir $(BUILD)/verilator/$(1) tb/nicrx_tb.sv $(RTL_SRCS)
$(BUILD)/verilator/$(1)/dpi.o: tb/dpi.c $(BUILD)/verilator/$(1)/Vnicrx_tb__Dpi.h $(wildcard tb/*.h) $(MODEL_PUB)
	$(CC) $(CFLAGS_TB) $(4) -I$(BUILD)/verilator/$(1) -I$(VL_ROOT)/include -I$(VL_ROOT)/include/vltstd -c $$< -o $$@
$(BUILD)/verilator/$(1)/dpi-gen.o: tb/dpi.c $(BUILD)/verilator/$(1)/Vnicrx_tb__Dpi.h $(wildcard tb/*.h) $(MODEL_PUB)
	$(CC) $(CFLAGS_TB) $(4) -DNICRX_PGO_GEN -I$(BUILD)/verilator/$(1) -I$(VL_ROOT)/include -I$(VL_ROOT)/include/vltstd -c $$< -o $$@
$(BUILD)/verilator/$(1)/Vnicrx_tb: tb/nicrx_tb.sv tb/nicrx_tb_dut.vh $(RTL_SRCS) $(RTL_INCS) $(RTL_PROG) $(BUILD)/verilator/$(1)/dpi.o \
                                   $(if $(5),$(BUILD)/verilator/$(1)/dpi-gen.o) $(TB_LIB) $(MODEL_LIB)
	@rm -f $$@  # verilator's own make does not relink for a changed user object
	$(if $(5),rm -f $(BUILD)/verilator/$(1)/*.gcda $(BUILD)/verilator/$(1)/V*.o $(BUILD)/verilator/$(1)/verilated*.o
	$(call VL_LINK,$(1),$(2),$(3),$(PGO_GEN),dpi-gen.o)
	-$(BUILD)/verilator/$(1)/Vnicrx_tb +prog=nicrx-sim +a=--seed +a=1 +a=captures/default.pcap >/dev/null 2>&1
	rm -f $$@ $(BUILD)/verilator/$(1)/V*.o $(BUILD)/verilator/$(1)/verilated*.o)
	$(call VL_LINK,$(1),$(2),$(3),$(if $(5),$(PGO_USE)),dpi.o)
	$(if $(5),@touch $(BUILD)/verilator/$(1)/dpi.o $(BUILD)/verilator/$(1)/dpi-gen.o  # the second run's other flags rewrote Vnicrx_tb__Dpi.h (the same))
	@touch $$@
endef
$(eval $(call VL_SIM,dw$(DATA_WIDTH),$(DATA_WIDTH),,,pgo))
# Other FLOWS values: nicrx-sim --flows N runs build/verilator/dw$(DATA_WIDTH)f$N (and
# --trace trace$(DATA_WIDTH)f$N), making it the first time.  8 entries evict all the time
# (built with nicrx-sim), 256 is the largest (tests/t_flow.sh).
SIM_FLOWS := 8 16 32 128 256
TRACE_C   := -DNICRX_TRACE
TRACE_VL  := --trace-fst +define+NICRX_TRACE
$(foreach n,$(SIM_FLOWS),$(eval $(call VL_SIM,dw$(DATA_WIDTH)f$(n),$(DATA_WIDTH),-GFLOWS=$(n))))
$(foreach n,$(SIM_FLOWS),$(eval $(call VL_SIM,trace$(DATA_WIDTH)f$(n),$(DATA_WIDTH),-GFLOWS=$(n) $(TRACE_VL),$(TRACE_C))))
ifneq ($(DATA_WIDTH),32)
$(eval $(call VL_SIM,dw32,32,))
endif
$(eval $(call VL_SIM,trace$(DATA_WIDTH),$(DATA_WIDTH),$(TRACE_VL),$(TRACE_C)))
# What nicrx-sim is told at install: its simulators, and where to make more.
SIM_SED = -e 's|@REPO@|$(CURDIR)|' -e 's|@BUILD@|$(abspath $(BUILD))|'

$(BIN)/nicrx-sim: tb/nicrx-sim.sh $(BUILD)/verilator/dw$(DATA_WIDTH)/Vnicrx_tb $(BUILD)/verilator/dw$(DATA_WIDTH)f8/Vnicrx_tb
	@mkdir -p $(dir $@)
	sed $(SIM_SED) -e 's|@VARIANT@|dw$(DATA_WIDTH)|' -e 's|@TRACE@|trace$(DATA_WIDTH)|' $< > $@ && chmod +x $@
$(BIN)/nicrx-sim-dw32: tb/nicrx-sim.sh $(BUILD)/verilator/dw32/Vnicrx_tb
	@mkdir -p $(dir $@)
	sed $(SIM_SED) -e 's|@VARIANT@|dw32|' -e 's|@TRACE@||' $< > $@ && chmod +x $@
# The FST-tracing build, used by `nicrx-sim --trace FILE` to re-run up to a divergence.
.PHONY: trace
trace: $(BIN)/nicrx-sim $(BUILD)/verilator/trace$(DATA_WIDTH)/Vnicrx_tb

# ---- Icarus 11 + VPI ----------------------------------------------------------------
ICARUS_DIR := $(BUILD)/icarus
# One module of the harness and the model; the model's sources find their private
# headers beside them, the harness sees only MODEL_INC.
$(ICARUS_DIR)/nicrx.vpi: tb/vpi.c $(TB_SRCS) $(MODEL_SRCS) $(wildcard tb/*.h cmodel/*.h) $(MODEL_PUB)
	@mkdir -p $(dir $@)
	cd $(ICARUS_DIR) && iverilog-vpi --name=nicrx -I$(abspath $(MODEL_INC)) -I$(CURDIR)/tb -I$(CURDIR)/tools \
	    $(addprefix $(CURDIR)/,tb/vpi.c $(TB_SRCS) $(MODEL_SRCS)) $(TB_LIBS) >vpi.log 2>&1 \
	    || { tail -30 vpi.log; exit 1; }
$(ICARUS_DIR)/nicrx_tb.vvp: tb/nicrx_tb_icarus.v tb/nicrx_tb_dut.vh $(RTL_SRCS) $(RTL_INCS) $(RTL_PROG)
	@mkdir -p $(dir $@)
	iverilog -g2005 -Itb -Irtl -s nicrx_tb -Pnicrx_tb.IMEM_INIT='"$(abspath $(RTL_PROG))"' -o $@ tb/nicrx_tb_icarus.v $(RTL_SRCS)
$(BIN)/nicrx-sim-icarus: tb/nicrx-sim.sh $(ICARUS_DIR)/nicrx.vpi $(ICARUS_DIR)/nicrx_tb.vvp
	@mkdir -p $(dir $@)
	sed $(SIM_SED) -e 's|@VARIANT@|icarus|' -e 's|@TRACE@||' $< > $@ && chmod +x $@

.PHONY: sim icarus run
# make sim [FLOWS=N]: nicrx-sim, and the simulator it runs for --flows N
sim: $(BIN)/nicrx-sim $(if $(filter-out 64,$(FLOWS)),$(BUILD)/verilator/dw$(DATA_WIDTH)f$(FLOWS)/Vnicrx_tb)
icarus: $(BIN)/nicrx-sim-icarus
tools: $(BIN)/nicrx-sim
test: setup-check
# make run [PCAP=file] [TRACE=1]: with TRACE=1 a divergence also writes
# build/divergence.fst, the cycles leading up to it.
run: setup-check $(BIN)/nicrx-sim $(if $(TRACE),trace)
	$(BIN)/nicrx-sim $(if $(TRACE),--trace $(BUILD)/divergence.fst) $(PCAP)

# Checker for the JSON Lines of nicrx-model (tests/t_model_cli.sh).
$(BUILD)/tests/jsonl_check: tests/tools/jsonl_check.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(OPT) $(CWARN) -o $@ $<
