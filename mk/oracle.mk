# The tshark oracle (tests/t_oracle.sh): oracle_cmp compares nicrx-model
# --parse-only with tshark's dissection field by field.
$(BUILD)/tests/oracle_cmp: tests/oracle/oracle_cmp.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 $(OPT) -g $(CWARN) -o $@ $<

.PHONY: oracle
oracle: all $(BUILD)/tests/oracle_cmp
	@TESTS=oracle tests/run.sh
