# The board (docs/board.md).
#   build/bin/nicrx-uart         the board's registers over its UART (tools/nicrx_uart_main.c,
#                                the protocol in host/nicrx_uart.c)
NICRX_UART_OBJS := $(BUILD)/obj/tools/nicrx_uart_main.o $(BUILD)/obj/host/nicrx_uart.o $(BUILD)/obj/tools/cli.o
$(BUILD)/obj/tools/nicrx_uart_main.o: CFLAGS_TB += -Ihost
$(BUILD)/obj/tools/nicrx_uart_main.o: host/nicrx_uart.h
$(BUILD)/obj/host/nicrx_uart.o: host/nicrx_uart.h
$(BIN)/nicrx-uart: $(NICRX_UART_OBJS) $(MODEL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -g -o $@ $^

tools: $(BIN)/nicrx-uart
