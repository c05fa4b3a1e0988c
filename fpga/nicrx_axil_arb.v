// nicrx_axil_arb - two AXI4-Lite masters onto the core's one register port (docs/board.md):
// the host agent (a, writes only) and the UART bridge (b).  One transaction at a time: the
// port is given to a master that offers AW or AR while it is free, the agent first, and
// is kept until its B or R handshake; the other master's ready and valid signals stay low
// meanwhile.  Both masters hold bready and rready at 1.
`timescale 1ns / 1ps
`default_nettype none
module nicrx_axil_arb (
    input  wire        clk,
    input  wire        rst,
    // a: the host agent
    input  wire [11:0] a_awaddr,
    input  wire        a_awvalid,
    output wire        a_awready,
    input  wire [31:0] a_wdata,
    input  wire        a_wvalid,
    output wire        a_wready,
    output wire        a_bvalid,
    // b: the bridge
    input  wire [11:0] b_awaddr,
    input  wire        b_awvalid,
    output wire        b_awready,
    input  wire [31:0] b_wdata,
    input  wire        b_wvalid,
    output wire        b_wready,
    output wire [1:0]  b_bresp,
    output wire        b_bvalid,
    input  wire [11:0] b_araddr,
    input  wire        b_arvalid,
    output wire        b_arready,
    output wire [31:0] b_rdata,
    output wire [1:0]  b_rresp,
    output wire        b_rvalid,
    // the core's port
    output wire [11:0] m_awaddr,
    output wire        m_awvalid,
    input  wire        m_awready,
    output wire [31:0] m_wdata,
    output wire        m_wvalid,
    input  wire        m_wready,
    input  wire [1:0]  m_bresp,
    input  wire        m_bvalid,
    output wire [11:0] m_araddr,
    output wire        m_arvalid,
    input  wire        m_arready,
    input  wire [31:0] m_rdata,
    input  wire [1:0]  m_rresp,
    input  wire        m_rvalid
);
    reg busy_reg, own_a_reg;
    wire ga = busy_reg && own_a_reg, gb = busy_reg && !own_a_reg;
    always @(posedge clk) begin
        if (rst) begin
            busy_reg <= 1'b0;
        end else if (!busy_reg) begin
            if (a_awvalid) begin
                busy_reg <= 1'b1;
                own_a_reg <= 1'b1;
            end else if (b_awvalid || b_arvalid) begin
                busy_reg <= 1'b1;
                own_a_reg <= 1'b0;
            end
        end else if (m_bvalid || m_rvalid) begin
            busy_reg <= 1'b0;
        end
    end
    assign m_awaddr  = own_a_reg ? a_awaddr : b_awaddr;
    assign m_wdata   = own_a_reg ? a_wdata : b_wdata;
    assign m_awvalid = ga ? a_awvalid : gb && b_awvalid;
    assign m_wvalid  = ga ? a_wvalid : gb && b_wvalid;
    assign m_araddr  = b_araddr;
    assign m_arvalid = gb && b_arvalid;
    assign a_awready = ga && m_awready;
    assign a_wready  = ga && m_wready;
    assign a_bvalid  = ga && m_bvalid;
    assign b_awready = gb && m_awready;
    assign b_wready  = gb && m_wready;
    assign b_bvalid  = gb && m_bvalid;
    assign b_bresp   = m_bresp;
    assign b_arready = gb && m_arready;
    assign b_rvalid  = gb && m_rvalid;
    assign b_rdata   = m_rdata;
    assign b_rresp   = m_rresp;
endmodule
`default_nettype wire
