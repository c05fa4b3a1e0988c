# Programs that use the model as a library (examples/), built against its public headers
# alone: -I$(MODEL_INC) and nothing else, so an include of a private header fails to build.
# tests/t_lib.sh runs them.
EXAMPLE_BINS := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))

$(BUILD)/examples/%: examples/%.c $(MODEL_PUB) $(MODEL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_PCAP) -o $@ $< $(MODEL_LIB) -lpcap

.PHONY: examples
examples: $(EXAMPLE_BINS)
all: examples
