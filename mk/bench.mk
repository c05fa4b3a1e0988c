# nicrx-gen (synthetic captures) and `make bench` (parser cycles per frame, flow block decisions
# per cycle with many flows, throughput per frame size: scripts/bench.sh).
$(BIN)/nicrx-gen: tb/gen.c tb/bytes.h tb/prng.h tools/cli.c tools/cli.h $(MODEL_PUB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TB) $< tools/cli.c -lpcap -o $@

tools: $(BIN)/nicrx-gen

bench: all $(BIN)/nicrx-sim-dw32 $(BIN)/nicrx-sim-icarus $(BIN)/nicrx-gen
	@bash scripts/bench.sh
