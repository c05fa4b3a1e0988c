# Unit tests of the model's blocks: tests/unit/test_*.c, each linked with the model library.
# White-box: they see the model's private headers (CFLAGS_MODEL).
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%)

$(BUILD)/tests/unit/%: tests/unit/%.c $(MODEL_LIB) $(wildcard tests/unit/*.h tests/blocks/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_MODEL) -Itests/unit -Ihost $< $(MODEL_LIB) -o $@

.PHONY: unit
unit: $(UNIT_BINS)

# The same unit tests built with AddressSanitizer and UBSan (tests/t_asan.sh).
UNIT_ASAN_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit-asan/%)

$(BUILD)/tests/unit-asan/%: tests/unit/%.c $(MODEL_SRCS) $(wildcard cmodel/*.h tests/unit/*.h tests/blocks/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_MODEL) $(SAN) -Itests/unit -Ihost $< $(MODEL_SRCS) -o $@

.PHONY: unit-asan
unit-asan: $(UNIT_ASAN_BINS)
