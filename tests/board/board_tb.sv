// board_tb.sv - Verilator top (--binary) of the board simulation (tests/board/run_board.sh):
// fpga/boards/ecpix5/nicrx_ecpix5.v whole, without its PLL (clk100 is the core's clock,
// +core_ps=N picoseconds a period, 16000 by default), the RGMII pins driven from tests/board/rgmii_gen.c's
// stimulus (+stim=FILE +periods=N; eth_rx_clk 8 ns, or +eth_ps=N picoseconds a period: 40000
// for 100 Mb/s with a nibble stimulus), the UART at 8 clocks a bit on a
// pseudo-terminal (tests/board/uart_pty.c) for nicrx-uart.  Ends when the names file goes.
// The core (dut.u_top) in lockstep with the C model (tests/board/board_lockstep.c): at every
// rising edge of its clock, its input ports as they are at the edge and its output ports;
// +lockstep_inject=K flips a bit of the model's outputs at edge K (the negative check).
`timescale 1ps / 1ps
module board_tb;
    import "DPI-C" function int uart_pty_init(input string file, input int clks_per_bit,
                                             input int corrupt_rx, input int corrupt_tx);
    import "DPI-C" function int uart_pty_cycle(input int tx);
    import "DPI-C" context function int board_lockstep_init(input int data_width, input int axi_data_width,
                                                   input int num_cq, input int flows, input longint inject);
    import "DPI-C" context function int board_lockstep_cycle(input longint t,
        input bit rst, input longint tdata, input int tkeep, input bit tvalid, input bit tlast, input bit tuser,
        input bit awready, input bit wready, input bit bvalid, input int bresp, input bit arready,
        input bit rvalid, input int rresp, input bit rlast, input longint rdata,
        input bit l_awvalid, input bit l_wvalid, input bit l_bready, input bit l_arvalid, input bit l_rready,
        input int l_awaddr, input int l_araddr, input int l_wdata, input int l_wstrb,
        input bit o_awvalid, input longint o_awaddr, input int o_awlen, input bit o_wvalid, input bit o_wlast,
        input longint o_wdata, input int o_wstrb, input bit o_bready, input bit o_arvalid,
        input longint o_araddr, input int o_arlen, input bit o_rready,
        input bit o_l_awready, input bit o_l_wready, input bit o_l_bvalid, input int o_l_bresp,
        input bit o_l_arready, input bit o_l_rvalid, input int o_l_rresp, input int o_l_rdata, input int o_irq);
    import "DPI-C" context function int board_lockstep_end(input int unused);
    parameter IMEM_INIT = "";
    localparam integer MAXP = 1 << 22;

    reg clk = 1'b0, eclk = 1'b0, rst_n = 1'b0, rx = 1'b1;
    reg [3:0] rxd = 4'd0;
    reg ctl = 1'b0;
    wire tx, eth_rst_n, led0, led1;
    reg [9:0] stim [0:MAXP-1];

    nicrx_ecpix5 #(.IMEM_INIT(IMEM_INIT), .CLKS_PER_BIT(8)) dut (
        .clk100(clk), .rst_n(rst_n), .uart_rx(rx), .uart_tx(tx),
        .eth_rx_clk(eclk), .eth_rx_ctl(ctl), .eth_rxd(rxd), .eth_rst_n(eth_rst_n),
        .led_g0_n(led0), .led_g1_n(led1));

    int half = 8000;
    always #(half) clk = ~clk;
    int ehalf = 4000;
    always #(ehalf) eclk = ~eclk;

    string file, sfile;
    int periods = 0, r, cyc = 0;
    longint inj;
    initial begin
        if (!$value$plusargs("ptyfile=%s", file) || !$value$plusargs("stim=%s", sfile)
            || !$value$plusargs("periods=%d", periods) || periods > MAXP) begin
            $display("board_tb: +ptyfile= +stim= +periods= (at most %0d)", MAXP); $finish;
        end
        if ($value$plusargs("core_ps=%d", r)) half = r / 2;
        if ($value$plusargs("eth_ps=%d", r)) ehalf = r / 2;
        $readmemh(sfile, stim, 0, periods - 1);
        if (uart_pty_init(file, 8, 0, 0) != 0) $finish;
        if (!$value$plusargs("lockstep_inject=%d", inj)) inj = 0;
        if (board_lockstep_init($bits(dut.u_top.s_axis_tdata), $bits(dut.u_top.m_axi_wdata),
                                $bits(dut.u_top.irq), dut.FLOWS, inj) != 0) $finish;
    end
    // before the edge's non-blocking updates: the values the core samples, and what it drove
    always @(posedge dut.clk) begin
        if (board_lockstep_cycle($time, dut.u_top.rst, 64'(dut.u_top.s_axis_tdata), 32'(dut.u_top.s_axis_tkeep),
                dut.u_top.s_axis_tvalid, dut.u_top.s_axis_tlast, dut.u_top.s_axis_tuser,
                dut.u_top.m_axi_awready, dut.u_top.m_axi_wready, dut.u_top.m_axi_bvalid, 32'(dut.u_top.m_axi_bresp),
                dut.u_top.m_axi_arready, dut.u_top.m_axi_rvalid, 32'(dut.u_top.m_axi_rresp), dut.u_top.m_axi_rlast,
                64'(dut.u_top.m_axi_rdata),
                dut.u_top.s_axil_awvalid, dut.u_top.s_axil_wvalid, dut.u_top.s_axil_bready, dut.u_top.s_axil_arvalid,
                dut.u_top.s_axil_rready, 32'(dut.u_top.s_axil_awaddr), 32'(dut.u_top.s_axil_araddr),
                dut.u_top.s_axil_wdata, 32'(dut.u_top.s_axil_wstrb),
                dut.u_top.m_axi_awvalid, dut.u_top.m_axi_awaddr, 32'(dut.u_top.m_axi_awlen), dut.u_top.m_axi_wvalid,
                dut.u_top.m_axi_wlast, 64'(dut.u_top.m_axi_wdata), 32'(dut.u_top.m_axi_wstrb), dut.u_top.m_axi_bready,
                dut.u_top.m_axi_arvalid, dut.u_top.m_axi_araddr, 32'(dut.u_top.m_axi_arlen), dut.u_top.m_axi_rready,
                dut.u_top.s_axil_awready, dut.u_top.s_axil_wready, dut.u_top.s_axil_bvalid, 32'(dut.u_top.s_axil_bresp),
                dut.u_top.s_axil_arready, dut.u_top.s_axil_rvalid, 32'(dut.u_top.s_axil_rresp), dut.u_top.s_axil_rdata,
                32'(dut.u_top.irq)) != 0) $finish;
    end
    final void'(board_lockstep_end(0));
    always @(negedge clk) begin
        cyc <= cyc + 1;
        if (cyc == 4) rst_n <= 1'b1;
        r = uart_pty_cycle({31'd0, tx});
        if (r < 0) $finish;
        rx <= r[0];
    end
    // the pins: the rising edge's values a quarter period before it, the falling edge's
    // likewise; traffic starts after the bring-up (20 us)
    int p = 0;
    always @(posedge eclk) begin
        #(ehalf / 2);
        if (cyc > 1500 && p < periods) {ctl, rxd} = stim[p][4:0];
        else {ctl, rxd} = 5'd0;
        #(ehalf);
        if (cyc > 1500 && p < periods) begin
            {ctl, rxd} = stim[p + 1 < periods ? p + 1 : p][9:5];
            p = p + 1;
        end else {ctl, rxd} = 5'd0;
    end
endmodule
