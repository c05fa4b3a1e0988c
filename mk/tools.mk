# Command-line programs on the libraries (tools/).
#   build/bin/nicrx-model        the model alone on a capture, JSON Lines per frame, driven by
#                                the harness's host and scheduler (tools/nicrx_model_main.c)
#   build/bin/nicrx-model-asan   the same built with AddressSanitizer and UBSan (tests/t_asan.sh)
#   It links the assembler's library (mk/microcode.mk) for --trace-parser's disassembly.
ASM_LIB_OBJS := $(ASM_LIB_SRCS:%.c=$(BUILD)/obj/%.o)
$(BUILD)/obj/tools/nicrx_model_main.o $(ASM_LIB_OBJS): CFLAGS_TB += -Imicrocode
$(BUILD)/obj/tools/nicrx_model_main.o $(ASM_LIB_OBJS): $(ASM_HDRS)
$(BIN)/nicrx-model: $(BUILD)/obj/tools/nicrx_model_main.o $(ASM_LIB_OBJS) $(TB_LIB) $(MODEL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -g -o $@ $^ $(TB_LIBS)

# The model's sources find their private headers beside them; the rest sees only MODEL_INC.
$(BIN)/nicrx-model-asan: tools/nicrx_model_main.c $(ASM_LIB_SRCS) $(TB_SRCS) $(MODEL_SRCS) $(wildcard tb/*.h cmodel/*.h tools/cli.h) \
                         $(ASM_HDRS) $(MODEL_PUB)
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O1 -g $(CWARN) $(SAN) -I$(MODEL_INC) -Itb -Itools -Imicrocode -o $@ tools/nicrx_model_main.c $(ASM_LIB_SRCS) \
	    $(TB_SRCS) $(MODEL_SRCS) \
	    $(TB_LIBS)

tools: $(BIN)/nicrx-model
