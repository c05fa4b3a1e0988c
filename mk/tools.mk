# Command-line programs on the libraries (tools/).
#   build/bin/nicrx-model        the model alone on a capture, JSON Lines per frame, driven by
#                                the harness's host and scheduler (tools/nicrx_model_main.c)
#   build/bin/nicrx-model-asan   the same built with AddressSanitizer and UBSan (tests/t_asan.sh)
$(BIN)/nicrx-model: $(BUILD)/obj/tools/nicrx_model_main.o $(TB_LIB) $(MODEL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -g -o $@ $^ $(TB_LIBS)

# The model's sources find their private headers beside them; the rest sees only MODEL_INC.
$(BIN)/nicrx-model-asan: tools/nicrx_model_main.c $(TB_SRCS) $(MODEL_SRCS) $(wildcard tb/*.h cmodel/*.h) $(MODEL_PUB)
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O1 -g $(CWARN) $(SAN) -I$(MODEL_INC) -Itb -o $@ tools/nicrx_model_main.c $(TB_SRCS) $(MODEL_SRCS) \
	    $(TB_LIBS)

tools: $(BIN)/nicrx-model
