# Fuzzing nicrx_parse() with libFuzzer (fuzz/parse_fuzz.c; clang from scripts/setup.sh).
#   make fuzz [FUZZ_SECONDS=600]   runs it; the corpus grows in build/fuzz/corpus and a
#                                  failing input is left as build/fuzz/crash-*
#   build/fuzz/seeds/              seed corpus: every shipped program with each
#                                  fuzz/frames/*.hex frame (layout: fuzz/parse_fuzz.c)
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_BIN     := $(FUZZ_DIR)/parse_fuzz
FUZZ_FRAMES  := $(wildcard fuzz/frames/*.hex)

# White-box: it replays frames with the model's private nicrx_isa_exec() (cmodel/isa.h).
$(FUZZ_BIN): fuzz/parse_fuzz.c $(MODEL_SRCS) $(wildcard cmodel/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=c11 -O1 -g $(CWARN) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -Icmodel -o $@ fuzz/parse_fuzz.c $(MODEL_SRCS)

# Seed header: depth 64 (b0 = 48), step limit 64, HEADER_BYTES 128, len, n instructions.
# The programs' images are mk/microcode.mk's, a fragment read after this one: its names are
# expanded a second time, when the rule is used (read now they would be none, and a parallel
# make would make the seeds before the images).
.SECONDEXPANSION:
$(FUZZ_DIR)/seeds.stamp: $$(patsubst %,$$(UCODE_DIR)/%.bin,$$(UCODE_PROGS)) $(FUZZ_FRAMES)
	@rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/seeds
	@for p in $(UCODE_PROGS); do bin=$(UCODE_DIR)/$$p.bin; n=$$(( $$(stat -c %s $$bin) / 16 )); \
	    for f in $(FUZZ_FRAMES); do len=$$(( $$(tr -d '\n' < $$f | wc -c) / 2 )); \
	        { printf "\\$$(printf %o 48)\\$$(printf %o 64)\\$$(printf %o 127)\\$$(printf %o $$(( (len - 1) / 256 )))"; \
	          printf "\\$$(printf %o $$(( (len - 1) % 256 )))\\$$(printf %o $$n)"; \
	          cat $$bin; xxd -r -p $$f; } > $(FUZZ_DIR)/seeds/$$p-$$(basename $$f .hex); \
	    done; done
	@touch $@

.PHONY: fuzz
fuzz: $(FUZZ_BIN) $(FUZZ_DIR)/seeds.stamp
	@mkdir -p $(FUZZ_DIR)/corpus
	$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/ \
	    $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds
