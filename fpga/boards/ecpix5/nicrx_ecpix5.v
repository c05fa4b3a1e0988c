// nicrx_ecpix5 - nicrx on the LambdaConcept ECPIX-5 (docs/board.md): the RTL8211's RGMII
// receive pins -> nicrx_rgmii_rx (125 MHz, the PHY's rx clock) -> nicrx_async_fifo ->
// nicrx_top (CORE_MHZ from the 100 MHz oscillator through an EHXPLLL) -> nicrx_host_agent
// (host memory and the host's work); the UART (FT2232, channel B) -> nicrx_uart_bridge ->
// the core's registers (shared with the agent through nicrx_axil_arb) and the board's:
// 0x1000 + 4 i, i = 0..4 the MAC's counters (crossed into the core's clock as Gray codes),
// 5..28 the agent's statistics (nicrx_host_agent's st_addr i - 5), 29 the link's speed as the
// rx clock's rate shows it (1: 1000 Mb/s, 0: 10 or 100 Mb/s, the MAC then takes nibbles),
// 30..32 the agent's re-assembly statistics (its st_addr 25..27: (i - 5) mod 32).
// Without SYNTHESIS (simulation, lint) there is no PLL: clk100 is the core's clock, and no
// DCCA or DELAYG (fpga/sim/IDDRX1F.v stands for the DDR inputs).
`timescale 1ns / 1ps
`default_nettype none
module nicrx_ecpix5 #(
    parameter         IMEM_INIT    = "",
    parameter integer CLKS_PER_BIT = 543      // 62.5 MHz / 115200 baud
) (
    input  wire       clk100,
    input  wire       rst_n,
    input  wire       uart_rx,
    output wire       uart_tx,
    input  wire       eth_rx_clk,
    input  wire       eth_rx_ctl,
    input  wire [3:0] eth_rxd,
    output wire       eth_rst_n,
    output wire       led_g0_n,
    output wire       led_g1_n
);
    // the core's configuration for 1 GbE (docs/board.md "The core"): a 32-bit stream, a
    // 64-bit host bus, 16 flows
    localparam integer DW = 32, KW = DW / 8, AW = 2 * DW, SW = AW / 8, FLOWS = 16;

    // ---- clocks and resets ----
    wire clk, pll_lock;
`ifdef SYNTHESIS
    (* FREQUENCY_PIN_CLKI="100", FREQUENCY_PIN_CLKOP="62.5", ICP_CURRENT="12", LPF_RESISTOR="8", MFG_ENABLE_FILTEROPAMP="1", MFG_GMCREF_SEL="2" *)
    EHXPLLL #(
        .PLLRST_ENA("DISABLED"), .INTFB_WAKE("DISABLED"), .STDBY_ENABLE("DISABLED"), .DPHASE_SOURCE("DISABLED"),
        .OUTDIVIDER_MUXA("DIVA"), .OUTDIVIDER_MUXB("DIVB"), .OUTDIVIDER_MUXC("DIVC"), .OUTDIVIDER_MUXD("DIVD"),
        .CLKI_DIV(8), .CLKOP_ENABLE("ENABLED"), .CLKOP_DIV(10), .CLKOP_CPHASE(4), .CLKOP_FPHASE(0),
        .FEEDBK_PATH("CLKOP"), .CLKFB_DIV(5)    // 100 / 8 * 5 = 62.5 MHz, VCO 625 MHz
    ) u_pll (
        .RST(1'b0), .STDBY(1'b0), .CLKI(clk100), .CLKOP(clk), .CLKFB(clk), .CLKINTFB(),
        .PHASESEL0(1'b0), .PHASESEL1(1'b0), .PHASEDIR(1'b1), .PHASESTEP(1'b1), .PHASELOADREG(1'b1),
        .PLLWAKESYNC(1'b0), .ENCLKOP(1'b0), .LOCK(pll_lock));
`else
    assign clk = clk100;
    assign pll_lock = 1'b1;
`endif

    // the core's reset: held 64 cycles after the button and the lock, then on a global
    // network (docs/synthesis.md: its fan-out does not route on general routing)
    reg [1:0] rst_s;
    reg [6:0] rst_cnt;
    reg       rst_q;
    always @(posedge clk) begin
        rst_s <= {rst_s[0], rst_n & pll_lock};
        if (!rst_s[1]) rst_cnt <= 7'd0;
        else if (!rst_cnt[6]) rst_cnt <= rst_cnt + 7'd1;
        rst_q <= !rst_cnt[6];
    end
    wire rst;
`ifdef SYNTHESIS
    DCCA u_rst_g (.CLKI(rst_q), .CE(1'b1), .CLKO(rst));
`else
    assign rst = rst_q;
`endif
    // the RGMII side's reset: the core's, taken into eth_rx_clk
    reg [2:0] erst_s;
    always @(posedge eth_rx_clk) erst_s <= {erst_s[1:0], rst_q};
    wire erst = erst_s[2];
    assign eth_rst_n = 1'b1;   // the PHY runs from power-up (its straps: RGMII, autonegotiation)

    // ---- RGMII in, FIFO into the core's clock ----
    wire [4:0] pins_d;
`ifdef SYNTHESIS
    // 2 ns on the data and control, as the PHY sends them edge-aligned with its clock
    genvar gd;
    generate for (gd = 0; gd < 5; gd = gd + 1) begin : g_dly
        DELAYG #(.DEL_MODE("USER_DEFINED"), .DEL_VALUE(80)) u_dly (
            .A(gd < 4 ? eth_rxd[gd % 4] : eth_rx_ctl), .Z(pins_d[gd]));
    end endgenerate
`else
    assign pins_d = {eth_rx_ctl, eth_rxd};
`endif
    // the link's speed from the rx clock's rate (125, 25 or 2.5 MHz): e_div_reg[3] toggles
    // every 8 of its clocks; over 512 core clocks (8.2 us at 62.5 MHz) 1000 Mb/s gives 128
    // toggles, 100 Mb/s 26: 64 or more is 1000 Mb/s.  The decision crosses back into the rx
    // clock through two flip-flops (it changes only when the link does).
    reg [3:0] e_div_reg;
    always @(posedge eth_rx_clk) e_div_reg <= e_div_reg + 4'd1;
    reg [2:0] sp_s_reg;          // e_div_reg[3] synchronized, and the one before
    reg [8:0] sp_win_reg;
    reg [7:0] sp_cnt_reg;
    reg       sp_fast_reg;
    always @(posedge clk) begin
        sp_s_reg <= {sp_s_reg[1:0], e_div_reg[3]};
        sp_win_reg <= sp_win_reg + 9'd1;
        if (rst) begin
            sp_win_reg <= 9'd0;
            sp_cnt_reg <= 8'd0;
            sp_fast_reg <= 1'b1;
        end else if (&sp_win_reg) begin
            sp_fast_reg <= sp_cnt_reg[7:6] != 2'b00;
            sp_cnt_reg <= 8'd0;
        end else if ((sp_s_reg[2] ^ sp_s_reg[1]) && !(&sp_cnt_reg)) begin
            sp_cnt_reg <= sp_cnt_reg + 8'd1;
        end
    end
    reg [1:0] e_fast_s;
    always @(posedge eth_rx_clk) e_fast_s <= {e_fast_s[0], sp_fast_reg};

    wire          e_valid, e_last, e_user;
    wire [DW-1:0] e_data;
    wire [KW-1:0] e_keep;
    wire [4:0]    f_free;
    wire [31:0]   e_cnt [0:4];
    nicrx_rgmii_rx #(.DATA_WIDTH(DW)) u_mac (
        .rx_clk(eth_rx_clk), .rst(erst), .rgmii_rxd(pins_d[3:0]), .rgmii_rx_ctl(pins_d[4]),
        .nibble(!e_fast_s[1]),
        .m_tvalid(e_valid), .m_tdata(e_data), .m_tkeep(e_keep), .m_tlast(e_last), .m_tuser(e_user),
        .fifo_free({11'd0, f_free}),
        .cnt_frames(e_cnt[0]), .cnt_fcs(e_cnt[1]), .cnt_align(e_cnt[2]), .cnt_ovf(e_cnt[3]),
        .cnt_ovf_drop(e_cnt[4]));

    wire          s_valid;
    wire [DW+KW+1:0] s_beat;
    nicrx_async_fifo #(.WIDTH(DW + KW + 2), .AW(4)) u_fifo (
        .w_clk(eth_rx_clk), .w_rst(erst), .w_en(e_valid), .w_data({e_user, e_last, e_keep, e_data}),
        .w_free(f_free), .r_clk(clk), .r_rst(rst), .r_valid(s_valid), .r_data(s_beat));

    // the MAC's counters into the core's clock: Gray codes (they step by one at most)
    wire [31:0] mac_cnt [0:4];
    genvar gc;
    generate for (gc = 0; gc < 5; gc = gc + 1) begin : g_cnt
        reg [31:0] e_gray, g_s1, g_s2, bin;
        integer b;
        always @(posedge eth_rx_clk) e_gray <= e_cnt[gc] ^ (e_cnt[gc] >> 1);
        always @(posedge clk) begin
            g_s1 <= e_gray;
            g_s2 <= g_s1;
            for (b = 0; b < 32; b = b + 1) bin[b] <= ^(g_s2 >> b);
        end
        assign mac_cnt[gc] = bin;
    end endgenerate

    // ---- the core ----
    wire         awid, awlock, awvalid, wlast, wvalid, bready, arid, arlock, arvalid, rready;
    wire [63:0]  awaddr, araddr;
    wire [7:0]   awlen, arlen;
    wire [2:0]   awsize, awprot, arsize, arprot;
    wire [1:0]   awburst, arburst, bresp, rresp;
    wire [3:0]   awcache, arcache;
    wire [AW-1:0] wdata, rdata;
    wire [SW-1:0] wstrb;
    wire         awready, wready, bvalid, arready, rlast, rvalid;
    wire [11:0]  l_awaddr, l_araddr;
    wire         l_awvalid, l_awready, l_wvalid, l_wready, l_bvalid, l_arvalid, l_arready, l_rvalid;
    wire [31:0]  l_wdata, l_rdata;
    wire [1:0]   l_bresp, l_rresp;
    wire [3:0]   irq;
    nicrx_top #(
        .DATA_WIDTH(DW), .AXI_DATA_WIDTH(AW), .NUM_CQ(4), .FLOWS(FLOWS), .IMEM_INIT(IMEM_INIT)
    ) u_top (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_beat[DW-1:0]), .s_axis_tkeep(s_beat[DW +: KW]), .s_axis_tvalid(s_valid),
        .s_axis_tlast(s_beat[DW+KW]), .s_axis_tuser(s_beat[DW+KW+1]),
        .m_axi_awid(awid), .m_axi_awaddr(awaddr), .m_axi_awlen(awlen), .m_axi_awsize(awsize),
        .m_axi_awburst(awburst), .m_axi_awlock(awlock), .m_axi_awcache(awcache), .m_axi_awprot(awprot),
        .m_axi_awvalid(awvalid), .m_axi_awready(awready),
        .m_axi_wdata(wdata), .m_axi_wstrb(wstrb), .m_axi_wlast(wlast), .m_axi_wvalid(wvalid), .m_axi_wready(wready),
        .m_axi_bid(1'b0), .m_axi_bresp(bresp), .m_axi_bvalid(bvalid), .m_axi_bready(bready),
        .m_axi_arid(arid), .m_axi_araddr(araddr), .m_axi_arlen(arlen), .m_axi_arsize(arsize),
        .m_axi_arburst(arburst), .m_axi_arlock(arlock), .m_axi_arcache(arcache), .m_axi_arprot(arprot),
        .m_axi_arvalid(arvalid), .m_axi_arready(arready),
        .m_axi_rid(1'b0), .m_axi_rdata(rdata), .m_axi_rresp(rresp), .m_axi_rlast(rlast), .m_axi_rvalid(rvalid),
        .m_axi_rready(rready),
        .s_axil_awaddr(l_awaddr), .s_axil_awprot(3'd0), .s_axil_awvalid(l_awvalid), .s_axil_awready(l_awready),
        .s_axil_wdata(l_wdata), .s_axil_wstrb(4'hf), .s_axil_wvalid(l_wvalid), .s_axil_wready(l_wready),
        .s_axil_bresp(l_bresp), .s_axil_bvalid(l_bvalid), .s_axil_bready(1'b1),
        .s_axil_araddr(l_araddr), .s_axil_arprot(3'd0), .s_axil_arvalid(l_arvalid), .s_axil_arready(l_arready),
        .s_axil_rdata(l_rdata), .s_axil_rresp(l_rresp), .s_axil_rvalid(l_rvalid), .s_axil_rready(1'b1),
        .irq(irq));

    // ---- the host agent and the register port's two masters ----
    wire [11:0] a_awaddr, b_awaddr, b_araddr, brd_addr;
    wire [31:0] a_wdata, b_wdata, b_rdata, brd_wdata, st_rdata;
    wire        a_awvalid, a_awready, a_wvalid, a_wready, a_bvalid;
    wire        b_awvalid, b_awready, b_wvalid, b_wready, b_bvalid, b_arvalid, b_arready, b_rvalid;
    wire        b_bready, b_rready, brd_rd, brd_wr;
    wire [1:0]  b_bresp, b_rresp;
    wire [3:0]  b_wstrb;
    reg  [31:0] brd_rdata;
    nicrx_host_agent #(.AXI_DATA_WIDTH(AW)) u_agent (
        .clk(clk), .rst(rst),
        .s_axi_awaddr(awaddr), .s_axi_awvalid(awvalid), .s_axi_awready(awready),
        .s_axi_wdata(wdata), .s_axi_wstrb(wstrb), .s_axi_wlast(wlast), .s_axi_wvalid(wvalid), .s_axi_wready(wready),
        .s_axi_bresp(bresp), .s_axi_bvalid(bvalid),
        .s_axi_araddr(araddr), .s_axi_arlen(arlen), .s_axi_arvalid(arvalid), .s_axi_arready(arready),
        .s_axi_rdata(rdata), .s_axi_rresp(rresp), .s_axi_rlast(rlast), .s_axi_rvalid(rvalid),
        .m_axil_awaddr(a_awaddr), .m_axil_awvalid(a_awvalid), .m_axil_awready(a_awready),
        .m_axil_wdata(a_wdata), .m_axil_wvalid(a_wvalid), .m_axil_wready(a_wready), .m_axil_bvalid(a_bvalid),
        .st_addr(brd_addr[6:2] - 5'd5), .st_rdata(st_rdata));
    nicrx_uart_bridge #(.CLKS_PER_BIT(CLKS_PER_BIT)) u_bridge (
        .clk(clk), .rst(rst), .uart_rx(uart_rx), .uart_tx(uart_tx),
        .m_axil_awaddr(b_awaddr), .m_axil_awvalid(b_awvalid), .m_axil_awready(b_awready),
        .m_axil_wdata(b_wdata), .m_axil_wstrb(b_wstrb), .m_axil_wvalid(b_wvalid), .m_axil_wready(b_wready),
        .m_axil_bresp(b_bresp), .m_axil_bvalid(b_bvalid), .m_axil_bready(b_bready),
        .m_axil_araddr(b_araddr), .m_axil_arvalid(b_arvalid), .m_axil_arready(b_arready),
        .m_axil_rdata(b_rdata), .m_axil_rresp(b_rresp), .m_axil_rvalid(b_rvalid), .m_axil_rready(b_rready),
        .brd_addr(brd_addr), .brd_rd(brd_rd), .brd_wr(brd_wr), .brd_wdata(brd_wdata), .brd_rdata(brd_rdata));
    nicrx_axil_arb u_arb (
        .clk(clk), .rst(rst),
        .a_awaddr(a_awaddr), .a_awvalid(a_awvalid), .a_awready(a_awready), .a_wdata(a_wdata),
        .a_wvalid(a_wvalid), .a_wready(a_wready), .a_bvalid(a_bvalid),
        .b_awaddr(b_awaddr), .b_awvalid(b_awvalid), .b_awready(b_awready), .b_wdata(b_wdata),
        .b_wvalid(b_wvalid), .b_wready(b_wready), .b_bresp(b_bresp), .b_bvalid(b_bvalid),
        .b_araddr(b_araddr), .b_arvalid(b_arvalid), .b_arready(b_arready), .b_rdata(b_rdata),
        .b_rresp(b_rresp), .b_rvalid(b_rvalid),
        .m_awaddr(l_awaddr), .m_awvalid(l_awvalid), .m_awready(l_awready), .m_wdata(l_wdata),
        .m_wvalid(l_wvalid), .m_wready(l_wready), .m_bresp(l_bresp), .m_bvalid(l_bvalid),
        .m_araddr(l_araddr), .m_arvalid(l_arvalid), .m_arready(l_arready), .m_rdata(l_rdata),
        .m_rresp(l_rresp), .m_rvalid(l_rvalid));
    // the board's registers (read only; writes are ignored): one cycle after brd_rd
    always @(posedge clk)
        if (brd_addr[11:2] < 10'd5) brd_rdata <= mac_cnt[brd_addr[4:2]];
        else if (brd_addr[11:2] <= 10'd28) brd_rdata <= st_rdata;
        else if (brd_addr[11:2] == 10'd29) brd_rdata <= {31'd0, sp_fast_reg};
        else if (brd_addr[11:2] <= 10'd32) brd_rdata <= st_rdata;
        else brd_rdata <= 32'd0;

    // ---- LEDs: a heartbeat of the core's clock, and one that toggles with every 1024 frames ----
    reg [24:0] hb;
    always @(posedge clk) hb <= hb + 25'd1;
    assign led_g0_n = hb[24];
    assign led_g1_n = e_cnt[0][10];

    // outputs of the core and the masters nothing reads
    wire unused = &{1'b0, awid, awlock, awlen, awsize, awburst, awcache, awprot, arid, arlock, arsize,
                    arburst, arcache, arprot, bready, rready, irq, b_wstrb, b_bready, b_rready, brd_rd,
                    brd_wr, brd_wdata, brd_addr[1:0]};
endmodule
`default_nettype wire
