# Unit tests of the model's blocks: tests/unit/test_*.c, each linked with the model library.
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%)

$(BUILD)/tests/unit/%: tests/unit/%.c $(MODEL_LIB) $(wildcard tests/unit/*.h tests/blocks/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_MODEL) -Itests/unit $< $(MODEL_LIB) -o $@

.PHONY: unit
unit: $(UNIT_BINS)
