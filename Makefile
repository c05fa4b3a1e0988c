# nicrx top-level Makefile.  `make run` and `make test` install what is missing
# (scripts/setup.sh), so a fresh Debian 12 clone needs nothing else.
.DEFAULT_GOAL := all
SHELL := /bin/bash

BUILD   ?= build
BIN     := $(BUILD)/bin
CC      ?= gcc
OPT     ?= -O2
CWARN   := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Default elaboration parameters (kept equal in RTL builds and the model).
DATA_WIDTH ?= 64

# libnicrx: the C model library (every cmodel/*.c, and the default parser program assembled
# from microcode/default.nasm, mk/microcode.mk) and the host driver (host/).  Its public headers are MODEL_HDRS;
# code outside cmodel/ finds them in MODEL_INC, which holds links to them alone, so an
# include of one of the model's private headers fails to build there.
MODEL_SRCS := $(wildcard cmodel/*.c) $(BUILD)/gen/default_prog.c host/nicrx_drv.c
MODEL_OBJS := $(MODEL_SRCS:%.c=$(BUILD)/obj/%.o)
MODEL_LIB  := $(BUILD)/lib/libnicrx.a
MODEL_HDRS := cmodel/nicrx_model.h cmodel/nicrx_hw.h cmodel/nicrx_regs.h cmodel/nicrx_isa.h host/nicrx_drv.h
MODEL_INC  := $(BUILD)/include
MODEL_PUB  := $(addprefix $(MODEL_INC)/,$(notdir $(MODEL_HDRS)))
RTL_SRCS   := $(sort $(wildcard rtl/*.v))

# The model and its white-box tests (tests/unit, tests/blocks, fuzz/) see all of cmodel/;
# everything else only MODEL_INC: C11, or gnu11 where libpcap is used.
CFLAGS_MODEL := -std=c11 $(OPT) -g $(CWARN) -Icmodel
CFLAGS_LIB   := -std=c11 $(OPT) -g $(CWARN) -I$(MODEL_INC)
CFLAGS_PCAP  := -std=gnu11 $(OPT) -g $(CWARN) -I$(MODEL_INC)
CFLAGS_TB    := $(CFLAGS_PCAP) -Itb -Itools

$(MODEL_INC)/%.h: cmodel/%.h
	@mkdir -p $(dir $@)
	ln -sf $(abspath $<) $@
$(MODEL_INC)/%.h: host/%.h
	@mkdir -p $(dir $@)
	ln -sf $(abspath $<) $@

$(BUILD)/obj/%.o: %.c $(wildcard cmodel/*.h tb/*.h tools/cli.h) $(MODEL_PUB)
	@mkdir -p $(dir $@)
	$(CC) $(if $(filter cmodel/% $(BUILD)/gen/%,$<),$(CFLAGS_MODEL),$(if $(filter host/%,$<),$(CFLAGS_LIB),$(CFLAGS_TB))) -c $< -o $@

$(MODEL_LIB): $(MODEL_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

.PHONY: all tools setup run test test-full bench synth lint fuzz clean
# Fragments add the programs they build to `tools`.
all: setup-check $(MODEL_LIB) tools

# Fragments: one per area.
include $(sort $(wildcard mk/*.mk))

# What the suite runs, built first on every CPU, so that its scripts find it built and run
# side by side (tests/run.sh, TEST_JOBS).  -k: a part that does not build is a failure of
# the scripts that need it, which say so.
NPROC      := $(shell nproc 2>/dev/null || echo 1)
TEST_BUILD := all unit unit-asan trace shuffle microcode $(BIN)/nicrx-model-asan $(BIN)/nicrx-sim-dw32 \
              $(BIN)/nicrx-sim-icarus $(BUILD)/verilator/dw$(DATA_WIDTH)f256/Vnicrx_tb \
              $(BUILD)/tests/jsonl_check $(BUILD)/tests/oracle_cmp $(BUILD)/tests/flow_cmp \
              $(BUILD)/tests/asm/prog_test $(BUILD)/examples/rx_host $(FUZZ_BIN) $(FUZZ_DIR)/seeds.stamp
.PHONY: test-build
test-build: $(TEST_BUILD)

test:
	@$(MAKE) --no-print-directory -k -j$(NPROC) test-build || true
	@tests/run.sh

# The suite with its sampled matrices in full (t_lockstep, t_dw32, t_streams, t_lies, t_reset,
# t_reasm, the DMA and RSS block benches): split, page rings and re-assembly off on every capture,
# DATA_WIDTH 32 on every capture, every followed stream, re-assembly's other settings (FLOWS 8
# heavy, split off, pages off, half stall) on every TCP-rich capture, the buffer lists' cases on
# a second capture (t_flist); about three times make test's time.
test-full:
	@$(MAKE) --no-print-directory -k -j$(NPROC) test-build || true
	@FORMAL_ALL=1 LOCKSTEP_FULL=1 STREAMS_FULL=1 LIES_FULL=1 RESET_ALL=1 BLOCKS_FULL=1 REASM_ALL=1 FLIST_ALL=1 tests/run.sh

clean:
	rm -rf $(BUILD)
