# nicrx-gen (synthetic captures) and `make bench` (throughput per frame size).
$(BIN)/nicrx-gen: tb/gen.c tb/prng.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TB) $< -lpcap -o $@

tools: $(BIN)/nicrx-gen

bench: all $(BIN)/nicrx-sim-dw32 $(BIN)/nicrx-gen
	@bash scripts/bench.sh
