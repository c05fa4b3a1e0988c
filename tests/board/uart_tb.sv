// uart_tb.sv - Verilator top (--binary) of the UART bridge's test (tests/board/run_uart.sh):
// fpga/nicrx_uart_bridge.v at 8 clocks a bit, its pins on a pseudo-terminal
// (tests/board/uart_pty.c), a small AXI4-Lite register file in the core's place (4 KB,
// OKAY but SLVERR at 0xffc; PARSER_SWAP reads 0, as the core clears it once the swap is
// done) and board registers reading 0xb0000000 | (address - 0x1000).
`timescale 1ns / 1ps
module uart_tb;
    import "DPI-C" function int uart_pty_init(input string file, input int clks_per_bit,
                                             input int corrupt_rx, input int corrupt_tx);
    import "DPI-C" function int uart_pty_cycle(input int tx);
    localparam integer CPB = 8;
    localparam [11:0] REG_PARSER_SWAP = `PARSER_SWAP;   // NICRX_REG_PARSER_SWAP (run_uart.sh)

    reg clk = 1'b0, rst = 1'b1, rx = 1'b1;
    wire tx;
    wire [11:0] awaddr, araddr, brd_addr;
    wire awvalid, wvalid, arvalid, bready, rready, brd_rd, brd_wr;
    wire [31:0] wdata, brd_wdata;
    wire [3:0] wstrb;
    reg awready = 1'b0, wready = 1'b0, bvalid = 1'b0, arready = 1'b0, rvalid = 1'b0;
    reg [1:0] bresp = 2'b00, rresp = 2'b00;
    reg [31:0] rdata = 32'd0, brd_rdata = 32'd0;
    reg [31:0] regs [0:1023];

    nicrx_uart_bridge #(.CLKS_PER_BIT(CPB)) dut (
        .clk(clk), .rst(rst), .uart_rx(rx), .uart_tx(tx),
        .m_axil_awaddr(awaddr), .m_axil_awvalid(awvalid), .m_axil_awready(awready),
        .m_axil_wdata(wdata), .m_axil_wstrb(wstrb), .m_axil_wvalid(wvalid), .m_axil_wready(wready),
        .m_axil_bresp(bresp), .m_axil_bvalid(bvalid), .m_axil_bready(bready),
        .m_axil_araddr(araddr), .m_axil_arvalid(arvalid), .m_axil_arready(arready),
        .m_axil_rdata(rdata), .m_axil_rresp(rresp), .m_axil_rvalid(rvalid), .m_axil_rready(rready),
        .brd_addr(brd_addr), .brd_rd(brd_rd), .brd_wr(brd_wr), .brd_wdata(brd_wdata), .brd_rdata(brd_rdata));

    always #5 clk = ~clk;

    // the register file: a write when both AW and W are offered, a read the cycle after AR
    always @(posedge clk) begin
        awready <= 1'b0; wready <= 1'b0; arready <= 1'b0;
        if (bvalid && bready) bvalid <= 1'b0;
        if (rvalid && rready) rvalid <= 1'b0;
        if (awvalid && wvalid && !awready && !bvalid) begin
            awready <= 1'b1; wready <= 1'b1; bvalid <= 1'b1;
            bresp <= awaddr == 12'hffc ? 2'b10 : 2'b00;
            regs[awaddr[11:2]] <= wdata;
        end
        if (arvalid && !arready && !rvalid) begin
            arready <= 1'b1; rvalid <= 1'b1;
            rresp <= araddr == 12'hffc ? 2'b10 : 2'b00;
            rdata <= araddr == REG_PARSER_SWAP ? 32'd0 : regs[araddr[11:2]];
        end
        if (brd_rd) brd_rdata <= 32'hb0000000 | {20'd0, brd_addr};
    end

    string file;
    int crx = 0, ctx = 0, r, i, cyc = 0;
    initial begin
        for (i = 0; i < 1024; i = i + 1) regs[i] = 32'd0;
        if (!$value$plusargs("ptyfile=%s", file)) begin $display("uart_tb: +ptyfile= missing"); $finish; end
        r = $value$plusargs("corrupt_rx=%d", crx);
        r = $value$plusargs("corrupt_tx=%d", ctx);
        if (uart_pty_init(file, CPB, crx, ctx) != 0) $finish;
    end
    always @(negedge clk) begin
        cyc <= cyc + 1;
        if (cyc == 4) rst <= 1'b0;
        r = uart_pty_cycle({31'd0, tx});
        if (r < 0) $finish;
        rx <= r[0];
    end
endmodule
