// nicrx_tb.sv - Verilator top for the lockstep run (verilator --binary).
// A clock, nicrx_top with the -G parameters, and at every falling edge one
// call into the C harness (tb/dpi.c) with the outputs after the last rising
// edge; the inputs it returns are driven at once, half a period before the
// next rising edge.  The C prints the report and exits non-zero on failure.
`timescale 1ns / 1ps
module nicrx_tb #(
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
    parameter integer FLOWS         = 64,
    parameter         IMEM_INIT     = ""   // reset program (mk/tb.mk: nicrx-asm hex of default.nasm)
);
    // the harness reads the command line itself (tb/dpi.c)
    import "DPI-C" context function int nicrx_dpi_init(
        input int data_width, input int pkt_mem_bytes, input int header_bytes,
        input int max_frame, input int num_cq, input int fq_depth, input int desc_depth,
        input int max_burst, input int flows, input int axi_data_width);
    import "DPI-C" context function int nicrx_dpi_cycle(
        input bit o_awvalid, input longint o_awaddr, input int o_awlen,
        input bit o_wvalid, input bit o_wlast, input longint o_wdata, input longint o_wdata_hi,
        input int o_wstrb,
        input bit o_bready, input bit o_arvalid, input longint o_araddr, input int o_arlen,
        input bit o_rready, input bit o_l_awready, input bit o_l_wready, input bit o_l_bvalid,
        input int o_l_bresp, input bit o_l_arready, input bit o_l_rvalid, input int o_l_rresp,
        input int o_l_rdata, input int o_irq, input int aw_consts, input int ar_consts,
        output bit i_rst, output longint i_tdata, output int i_tkeep, output bit i_tvalid,
        output bit i_tlast, output bit i_tuser,
        output bit i_awready, output bit i_wready, output bit i_bvalid, output int i_bresp,
        output bit i_arready, output bit i_rvalid, output int i_rresp, output bit i_rlast,
        output longint i_rdata, output longint i_rdata_hi,
        output bit i_l_awvalid, output bit i_l_wvalid, output bit i_l_bready,
        output bit i_l_arvalid, output bit i_l_rready, output int i_l_awaddr,
        output int i_l_araddr, output int i_l_wdata, output int i_l_wstrb);

    localparam integer BPB = DATA_WIDTH / 8;

    bit clk = 1'b1;
    always #5 clk = ~clk;

    // inputs of the device
    bit rst = 1'b1;
    bit [DATA_WIDTH-1:0] s_axis_tdata;
    bit [BPB-1:0] s_axis_tkeep;
    bit s_axis_tvalid, s_axis_tlast, s_axis_tuser;
    bit m_axi_awready, m_axi_wready, m_axi_bvalid, m_axi_arready, m_axi_rvalid, m_axi_rlast;
    bit [1:0] m_axi_bresp, m_axi_rresp;
    bit [63:0] m_axi_rdata_lo, m_axi_rdata_hi;
    bit s_axil_awvalid, s_axil_wvalid, s_axil_bready, s_axil_arvalid, s_axil_rready;
    bit [11:0] s_axil_awaddr, s_axil_araddr;
    bit [31:0] s_axil_wdata;
    bit [3:0] s_axil_wstrb;

    // outputs of the device
    `include "nicrx_tb_dut.vh"

    longint cyc = 0;
`ifdef NICRX_TRACE
    string trace_file;
    longint trace_from = 0, trace_to = -1;
`endif

    initial begin
`ifdef NICRX_TRACE
        if (!$value$plusargs("trace_file=%s", trace_file)) trace_file = "nicrx.fst";
        if (!$value$plusargs("trace_from=%d", trace_from)) trace_from = 0;
        if (!$value$plusargs("trace_to=%d", trace_to)) trace_to = -1;
        // here, not next to $dumpvars: Verilator 5.006 opens the dump before a $dumpfile
        // in the same block takes effect
        $dumpfile(trace_file);
`endif
        if (nicrx_dpi_init(DATA_WIDTH, PKT_MEM_BYTES, HEADER_BYTES, MAX_FRAME, NUM_CQ,
                           FQ_DEPTH, DESC_DEPTH, MAX_BURST, FLOWS, AXI_DATA_WIDTH) != 0)
            $fatal(1, "nicrx: harness initialisation failed");
    end

    longint tdata, rdata, rdata_hi;
    int tkeep, bresp, rresp, l_awaddr, l_araddr, l_wdata, l_wstrb;
    always @(negedge clk) begin
`ifdef NICRX_TRACE
        if (cyc == trace_from) $dumpvars(0, nicrx_tb);
        if (cyc == trace_to) begin
            $finish;  // before the call: the C side would stop the run at the divergence
        end else
`endif
        if (nicrx_dpi_cycle(m_axi_awvalid, m_axi_awaddr, {24'd0, m_axi_awlen}, m_axi_wvalid,
                            m_axi_wlast, m_axi_wdata_x[63:0], m_axi_wdata_x[127:64], 32'(m_axi_wstrb_x), m_axi_bready,
                            m_axi_arvalid, m_axi_araddr, {24'd0, m_axi_arlen}, m_axi_rready,
                            s_axil_awready, s_axil_wready, s_axil_bvalid, {30'd0, s_axil_bresp},
                            s_axil_arready, s_axil_rvalid, {30'd0, s_axil_rresp}, s_axil_rdata,
                            32'(irq), aw_consts, ar_consts,
                            rst, tdata, tkeep, s_axis_tvalid, s_axis_tlast, s_axis_tuser,
                            m_axi_awready, m_axi_wready, m_axi_bvalid, bresp, m_axi_arready,
                            m_axi_rvalid, rresp, m_axi_rlast, rdata, rdata_hi,
                            s_axil_awvalid, s_axil_wvalid, s_axil_bready, s_axil_arvalid,
                            s_axil_rready, l_awaddr, l_araddr, l_wdata, l_wstrb) != 0)
            $finish;
        else begin
            s_axis_tdata = tdata[DATA_WIDTH-1:0];
            s_axis_tkeep = tkeep[BPB-1:0];
            m_axi_bresp = bresp[1:0];
            m_axi_rresp = rresp[1:0];
            m_axi_rdata_lo = rdata;
            m_axi_rdata_hi = rdata_hi;
            s_axil_awaddr = l_awaddr[11:0];
            s_axil_araddr = l_araddr[11:0];
            s_axil_wdata = l_wdata;
            s_axil_wstrb = l_wstrb[3:0];
            cyc = cyc + 1;
        end
    end
endmodule
