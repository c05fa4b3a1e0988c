// nicrx_fpga_wrap - a timing and area harness for place-and-route, NOT a board design.
//
// nicrx_top has several hundred ports, far more than any package has pins.  This
// wrapper feeds every input of nicrx_top from a shift register loaded four bits
// per clock from the din pins, and XOR-reduces every output (pipelined, 16 bits
// per first-stage register) into the one dout pin.  Every input is therefore
// variable and every output observable, so synthesis cannot optimise logic away
// (logic that reaches no output of nicrx_top is removed, as it would be in any
// design).  The extra logic is about IW flip-flops for the shift register plus
// OW/16 XOR LUT trees and registers; the figures in docs/synthesis.md include it.
// The stimulus is not protocol-correct: nothing here makes the design do real work.
`timescale 1ns / 1ps
`default_nettype none

module nicrx_fpga_wrap #(
    parameter integer DATA_WIDTH    = 64,
    parameter integer AXI_DATA_WIDTH = 2 * DATA_WIDTH,
    parameter integer PKT_MEM_BYTES = 16384,
    parameter integer HEADER_BYTES  = 128,
    parameter integer MAX_FRAME     = 9018,
    parameter integer NUM_CQ        = 4,
    parameter integer FQ_DEPTH      = 64,
    parameter integer DESC_DEPTH    = 8,
    parameter integer MAX_BURST     = 16,
    parameter integer PARSE_ENGINES = 2,
    parameter integer IMEM_DEPTH    = 64,
    parameter         IMEM_INIT     = ""   // synth/synth.sh: the nicrx-asm hex of default.nasm
) (
    input  wire       clk,
    input  wire       rst_pin,
    input  wire [3:0] din,
    output wire       dout
);
    localparam integer KW = DATA_WIDTH / 8;
    localparam integer AKW = AXI_DATA_WIDTH / 8;
    // inputs of nicrx_top: s_axis, m_axi responses, s_axil requests
    localparam integer IW = (DATA_WIDTH + KW + 3) + (12 + AXI_DATA_WIDTH) + 71;

    reg rst_meta, rst_q;
    always @(posedge clk) begin
        rst_meta <= rst_pin;
        rst_q    <= rst_meta;
    end

    // The core's reset reaches about 15,000 flip-flops.  On general routing the wrapper
    // does not route (router2 diverges, router1 stalls with 93,000 arcs left); on a
    // primary clock network, driven through a DCCA as a clock would be, it routes.
    // Lint (Verilator, no ECP5 library) sees a wire.
    wire rst_g;
`ifdef SYNTHESIS
    DCCA u_rst_g (.CLKI(rst_q), .CE(1'b1), .CLKO(rst_g));
`else
    assign rst_g = rst_q;
`endif

    reg [IW-1:0] sr;
    always @(posedge clk) sr <= {sr[IW-5:0], din};

    wire [DATA_WIDTH-1:0] s_axis_tdata;
    wire [KW-1:0]         s_axis_tkeep;
    wire                  s_axis_tvalid, s_axis_tlast, s_axis_tuser;
    wire                  m_axi_awready, m_axi_wready, m_axi_bid, m_axi_bvalid;
    wire [1:0]            m_axi_bresp, m_axi_rresp;
    wire                  m_axi_arready, m_axi_rid, m_axi_rlast, m_axi_rvalid;
    wire [AXI_DATA_WIDTH-1:0] m_axi_rdata;
    wire [11:0]           s_axil_awaddr, s_axil_araddr;
    wire [2:0]            s_axil_awprot, s_axil_arprot;
    wire                  s_axil_awvalid, s_axil_wvalid, s_axil_bready, s_axil_arvalid, s_axil_rready;
    wire [31:0]           s_axil_wdata;
    wire [3:0]            s_axil_wstrb;

    assign {s_axis_tdata, s_axis_tkeep, s_axis_tvalid, s_axis_tlast, s_axis_tuser,
            m_axi_awready, m_axi_wready, m_axi_bid, m_axi_bresp, m_axi_bvalid,
            m_axi_arready, m_axi_rid, m_axi_rdata, m_axi_rresp, m_axi_rlast, m_axi_rvalid,
            s_axil_awaddr, s_axil_awprot, s_axil_awvalid, s_axil_wdata, s_axil_wstrb,
            s_axil_wvalid, s_axil_bready, s_axil_araddr, s_axil_arprot, s_axil_arvalid,
            s_axil_rready} = sr;

    wire                  m_axi_awid, m_axi_awlock, m_axi_awvalid, m_axi_wlast, m_axi_wvalid, m_axi_bready;
    wire [63:0]           m_axi_awaddr, m_axi_araddr;
    wire [7:0]            m_axi_awlen, m_axi_arlen;
    wire [2:0]            m_axi_awsize, m_axi_awprot, m_axi_arsize, m_axi_arprot;
    wire [1:0]            m_axi_awburst, m_axi_arburst;
    wire [3:0]            m_axi_awcache, m_axi_arcache;
    wire [AXI_DATA_WIDTH-1:0] m_axi_wdata;
    wire [AKW-1:0]        m_axi_wstrb;
    wire                  m_axi_arid, m_axi_arlock, m_axi_arvalid, m_axi_rready;
    wire                  s_axil_awready, s_axil_wready, s_axil_bvalid, s_axil_arready, s_axil_rvalid;
    wire [1:0]            s_axil_bresp, s_axil_rresp;
    wire [31:0]           s_axil_rdata;
    wire [NUM_CQ-1:0]     irq;

    nicrx_top #(
        .DATA_WIDTH    (DATA_WIDTH),
        .AXI_DATA_WIDTH (AXI_DATA_WIDTH),
        .PKT_MEM_BYTES (PKT_MEM_BYTES),
        .HEADER_BYTES  (HEADER_BYTES),
        .MAX_FRAME     (MAX_FRAME),
        .NUM_CQ        (NUM_CQ),
        .FQ_DEPTH      (FQ_DEPTH),
        .DESC_DEPTH    (DESC_DEPTH),
        .MAX_BURST     (MAX_BURST),
        .PARSE_ENGINES (PARSE_ENGINES),
        .IMEM_DEPTH    (IMEM_DEPTH),
        .IMEM_INIT     (IMEM_INIT)
    ) u_top (
        .clk (clk), .rst (rst_g),
        .s_axis_tdata (s_axis_tdata), .s_axis_tkeep (s_axis_tkeep), .s_axis_tvalid (s_axis_tvalid),
        .s_axis_tlast (s_axis_tlast), .s_axis_tuser (s_axis_tuser),
        .m_axi_awid (m_axi_awid), .m_axi_awaddr (m_axi_awaddr), .m_axi_awlen (m_axi_awlen),
        .m_axi_awsize (m_axi_awsize), .m_axi_awburst (m_axi_awburst), .m_axi_awlock (m_axi_awlock),
        .m_axi_awcache (m_axi_awcache), .m_axi_awprot (m_axi_awprot), .m_axi_awvalid (m_axi_awvalid),
        .m_axi_awready (m_axi_awready),
        .m_axi_wdata (m_axi_wdata), .m_axi_wstrb (m_axi_wstrb), .m_axi_wlast (m_axi_wlast),
        .m_axi_wvalid (m_axi_wvalid), .m_axi_wready (m_axi_wready),
        .m_axi_bid (m_axi_bid), .m_axi_bresp (m_axi_bresp), .m_axi_bvalid (m_axi_bvalid),
        .m_axi_bready (m_axi_bready),
        .m_axi_arid (m_axi_arid), .m_axi_araddr (m_axi_araddr), .m_axi_arlen (m_axi_arlen),
        .m_axi_arsize (m_axi_arsize), .m_axi_arburst (m_axi_arburst), .m_axi_arlock (m_axi_arlock),
        .m_axi_arcache (m_axi_arcache), .m_axi_arprot (m_axi_arprot), .m_axi_arvalid (m_axi_arvalid),
        .m_axi_arready (m_axi_arready),
        .m_axi_rid (m_axi_rid), .m_axi_rdata (m_axi_rdata), .m_axi_rresp (m_axi_rresp),
        .m_axi_rlast (m_axi_rlast), .m_axi_rvalid (m_axi_rvalid), .m_axi_rready (m_axi_rready),
        .s_axil_awaddr (s_axil_awaddr), .s_axil_awprot (s_axil_awprot), .s_axil_awvalid (s_axil_awvalid),
        .s_axil_awready (s_axil_awready), .s_axil_wdata (s_axil_wdata), .s_axil_wstrb (s_axil_wstrb),
        .s_axil_wvalid (s_axil_wvalid), .s_axil_wready (s_axil_wready), .s_axil_bresp (s_axil_bresp),
        .s_axil_bvalid (s_axil_bvalid), .s_axil_bready (s_axil_bready), .s_axil_araddr (s_axil_araddr),
        .s_axil_arprot (s_axil_arprot), .s_axil_arvalid (s_axil_arvalid), .s_axil_arready (s_axil_arready),
        .s_axil_rdata (s_axil_rdata), .s_axil_rresp (s_axil_rresp), .s_axil_rvalid (s_axil_rvalid),
        .s_axil_rready (s_axil_rready),
        .irq (irq)
    );

    // outputs of nicrx_top: AW 87 bits, W AXI_DATA_WIDTH+AKW+3, AR+R 88, s_axil 41, irq
    localparam integer OW = 219 + AXI_DATA_WIDTH + AKW + NUM_CQ;
    wire [OW-1:0] outs;
    assign outs = {m_axi_awid, m_axi_awaddr, m_axi_awlen, m_axi_awsize, m_axi_awburst, m_axi_awlock,
                   m_axi_awcache, m_axi_awprot, m_axi_awvalid, m_axi_wdata, m_axi_wstrb, m_axi_wlast,
                   m_axi_wvalid, m_axi_bready, m_axi_arid, m_axi_araddr, m_axi_arlen, m_axi_arsize,
                   m_axi_arburst, m_axi_arlock, m_axi_arcache, m_axi_arprot, m_axi_arvalid, m_axi_rready,
                   s_axil_awready, s_axil_wready, s_axil_bresp, s_axil_bvalid, s_axil_arready,
                   s_axil_rdata, s_axil_rresp, s_axil_rvalid, irq};
    localparam integer NG = (OW + 15) / 16;
    // outs zero-extended to whole groups of 16
    wire [NG*16-1:0] outs_pad;
    assign outs_pad[OW-1:0] = outs;
    generate if (NG * 16 > OW) begin : g_pad
        assign outs_pad[NG*16-1:OW] = {(NG*16-OW){1'b0}};
    end endgenerate

    reg [NG-1:0] x1;
    reg          x2;
    integer g;
    always @(posedge clk) begin
        for (g = 0; g < NG; g = g + 1) x1[g] <= ^outs_pad[g*16 +: 16];
        x2 <= ^x1;
    end
    assign dout = x2;
endmodule

`default_nettype wire
