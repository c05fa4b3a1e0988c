// board_tb.sv - Verilator top (--binary) of the board simulation (tests/board/run_board.sh):
// fpga/boards/ecpix5/nicrx_ecpix5.v whole, without its PLL (clk100 is the core's clock,
// +core_ps=N picoseconds a period, 16000 by default), the RGMII pins driven from tests/board/rgmii_gen.c's
// stimulus (+stim=FILE +periods=N; eth_rx_clk 8 ns, or +eth_ps=N picoseconds a period: 40000
// for 100 Mb/s with a nibble stimulus), the UART at 8 clocks a bit on a
// pseudo-terminal (tests/board/uart_pty.c) for nicrx-uart.  Ends when the names file goes.
`timescale 1ps / 1ps
module board_tb;
    import "DPI-C" function int uart_pty_init(input string file, input int clks_per_bit,
                                             input int corrupt_rx, input int corrupt_tx);
    import "DPI-C" function int uart_pty_cycle(input int tx);
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
    initial begin
        if (!$value$plusargs("ptyfile=%s", file) || !$value$plusargs("stim=%s", sfile)
            || !$value$plusargs("periods=%d", periods) || periods > MAXP) begin
            $display("board_tb: +ptyfile= +stim= +periods= (at most %0d)", MAXP); $finish;
        end
        if ($value$plusargs("core_ps=%d", r)) half = r / 2;
        if ($value$plusargs("eth_ps=%d", r)) ehalf = r / 2;
        $readmemh(sfile, stim, 0, periods - 1);
        if (uart_pty_init(file, 8, 0, 0) != 0) $finish;
    end
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
