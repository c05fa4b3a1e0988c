# The tshark oracles: oracle_cmp (tests/t_oracle.sh) compares nicrx-model
# --parse-only with tshark's dissection field by field; flow_cmp
# (tests/t_flow_oracle.sh) compares the model's flow decisions with tshark's
# TCP conversations and sequence analysis.
$(BUILD)/tests/%_cmp: tests/oracle/%_cmp.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 $(OPT) -g $(CWARN) -o $@ $<

.PHONY: oracle
oracle: all $(BUILD)/tests/oracle_cmp $(BUILD)/tests/flow_cmp $(BIN)/nicrx-gen
	@TESTS="oracle flow_oracle" tests/run.sh
