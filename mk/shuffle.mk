# The model with its blocks stepped in a random order every cycle (cmodel/model.c,
# -DNICRX_MODEL_SHUFFLE) and nicrx-sim-shuffle, the Verilator simulator of
# build/verilator/dw$(DATA_WIDTH) relinked with it (no second Verilator build):
# tests/t_shuffle.sh runs it in lockstep, which shows that no block depends on the
# order the model steps them in.
SHUFFLE_LIB  := $(BUILD)/lib/libnicrx-shuffle.a
SHUFFLE_OBJS := $(MODEL_SRCS:%.c=$(BUILD)/obj-shuffle/%.o)
SHUFFLE_VL   := $(BUILD)/verilator/dw$(DATA_WIDTH)shuffle

$(BUILD)/obj-shuffle/%.o: %.c $(wildcard cmodel/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_MODEL) -DNICRX_MODEL_SHUFFLE -c $< -o $@

$(SHUFFLE_LIB): $(SHUFFLE_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# A hard-linked copy of the Verilator build directory, linked again with the other library.
$(SHUFFLE_VL)/Vnicrx_tb: $(BUILD)/verilator/dw$(DATA_WIDTH)/Vnicrx_tb $(SHUFFLE_LIB) $(TB_LIB)
	rm -rf $(SHUFFLE_VL) && cp -al $(BUILD)/verilator/dw$(DATA_WIDTH) $(SHUFFLE_VL) && rm $@
	$(MAKE) -s -C $(SHUFFLE_VL) -f Vnicrx_tb.mk Vnicrx_tb \
	    VM_USER_LDLIBS="$(abspath $(SHUFFLE_VL))/dpi.o $(abspath $(TB_LIB)) $(abspath $(SHUFFLE_LIB)) $(TB_LIBS)"

$(BIN)/nicrx-sim-shuffle: tb/nicrx-sim.sh $(SHUFFLE_VL)/Vnicrx_tb
	@mkdir -p $(dir $@)
	sed $(SIM_SED) -e 's|@VARIANT@|dw$(DATA_WIDTH)shuffle|' -e 's|@TRACE@||' $< > $@ && chmod +x $@

.PHONY: shuffle
shuffle: $(BIN)/nicrx-sim-shuffle
