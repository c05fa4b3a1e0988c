// nicrx_tb_icarus.v - Icarus Verilog top for the lockstep smoke run: the same
// harness as nicrx_tb.sv, reached through VPI (tb/vpi.c, module nicrx.vpi).
// At every falling edge $nicrx_cycle reads the device outputs after the last
// rising edge and writes the inputs for the next one.
`timescale 1ns / 1ps
module nicrx_tb;
    parameter integer DATA_WIDTH    = 64;
    parameter integer AXI_DATA_WIDTH = 2 * DATA_WIDTH;
    parameter integer PKT_MEM_BYTES = 16384;
    parameter integer HEADER_BYTES  = 128;
    parameter integer MAX_FRAME     = 9018;
    parameter integer NUM_CQ        = 4;
    parameter integer FQ_DEPTH      = 64;
    parameter integer DESC_DEPTH    = 8;
    parameter integer MAX_BURST     = 16;
    parameter integer PARSE_ENGINES = 2;
    parameter integer IMEM_DEPTH    = 64;
    parameter integer FLOWS         = 64;
    parameter         IMEM_INIT     = "";   // reset program (mk/tb.mk: nicrx-asm hex of default.nasm)
    localparam integer BPB = DATA_WIDTH / 8;

    reg clk = 1'b1;
    always #5 clk = ~clk;

    reg rst = 1'b1;
    reg [DATA_WIDTH-1:0] s_axis_tdata = 0;
    reg [BPB-1:0] s_axis_tkeep = 0;
    reg s_axis_tvalid = 0, s_axis_tlast = 0, s_axis_tuser = 0;
    reg m_axi_awready = 0, m_axi_wready = 0, m_axi_bvalid = 0, m_axi_arready = 0;
    reg m_axi_rvalid = 0, m_axi_rlast = 0;
    reg [1:0] m_axi_bresp = 0, m_axi_rresp = 0;
    reg [63:0] m_axi_rdata_lo = 0, m_axi_rdata_hi = 0;
    reg s_axil_awvalid = 0, s_axil_wvalid = 0, s_axil_bready = 0, s_axil_arvalid = 0, s_axil_rready = 0;
    reg [11:0] s_axil_awaddr = 0, s_axil_araddr = 0;
    reg [31:0] s_axil_wdata = 0;
    reg [3:0] s_axil_wstrb = 0;

    `include "nicrx_tb_dut.vh"

    initial $nicrx_init(DATA_WIDTH, PKT_MEM_BYTES, HEADER_BYTES, MAX_FRAME, NUM_CQ, FQ_DEPTH,
                        DESC_DEPTH, MAX_BURST, PARSE_ENGINES, IMEM_DEPTH, FLOWS, AXI_DATA_WIDTH);

    always @(negedge clk)
        $nicrx_cycle(m_axi_awvalid, m_axi_awaddr, m_axi_awlen, m_axi_wvalid, m_axi_wlast,
                     m_axi_wdata_x[63:0], m_axi_wdata_x[127:64], m_axi_wstrb_x, m_axi_bready, m_axi_arvalid, m_axi_araddr,
                     m_axi_arlen, m_axi_rready, s_axil_awready, s_axil_wready, s_axil_bvalid,
                     s_axil_bresp, s_axil_arready, s_axil_rvalid, s_axil_rresp, s_axil_rdata, irq,
                     aw_consts, ar_consts,
                     rst, s_axis_tdata, s_axis_tkeep, s_axis_tvalid, s_axis_tlast, s_axis_tuser,
                     m_axi_awready, m_axi_wready, m_axi_bvalid, m_axi_bresp, m_axi_arready,
                     m_axi_rvalid, m_axi_rresp, m_axi_rlast, m_axi_rdata_lo, m_axi_rdata_hi,
                     s_axil_awvalid, s_axil_wvalid, s_axil_bready, s_axil_arvalid, s_axil_rready,
                     s_axil_awaddr, s_axil_araddr, s_axil_wdata, s_axil_wstrb);
endmodule
