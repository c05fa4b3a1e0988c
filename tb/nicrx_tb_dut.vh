// nicrx_tb_dut.vh - the device under test for both simulator tops
// (nicrx_tb.sv for Verilator, nicrx_tb_icarus.v for Icarus): its output nets,
// nicrx_top with the top's parameters, and the constant AXI attributes packed
// for the harness to check.  The including module declares clk and the inputs.
    wire m_axi_awid, m_axi_awlock, m_axi_arid, m_axi_arlock;
    wire [63:0] m_axi_awaddr, m_axi_araddr;
    wire [7:0] m_axi_awlen, m_axi_arlen;
    wire [2:0] m_axi_awsize, m_axi_arsize, m_axi_awprot, m_axi_arprot;
    wire [1:0] m_axi_awburst, m_axi_arburst;
    wire [3:0] m_axi_awcache, m_axi_arcache;
    wire m_axi_awvalid, m_axi_wvalid, m_axi_wlast, m_axi_bready, m_axi_arvalid, m_axi_rready;
    wire [AXI_DATA_WIDTH-1:0] m_axi_wdata;
    wire [AXI_DATA_WIDTH/8-1:0] m_axi_wstrb;
    // the host bus at its widest for the harness (two 64-bit words); the inputs come the same way
    wire [127:0] m_axi_wdata_x = m_axi_wdata;
    wire [15:0] m_axi_wstrb_x = m_axi_wstrb;
    wire [127:0] m_axi_rdata_x = {m_axi_rdata_hi, m_axi_rdata_lo};
    wire s_axil_awready, s_axil_wready, s_axil_bvalid, s_axil_arready, s_axil_rvalid;
    wire [1:0] s_axil_bresp, s_axil_rresp;
    wire [31:0] s_axil_rdata;
    wire [NUM_CQ-1:0] irq;

    nicrx_top #(
        .DATA_WIDTH(DATA_WIDTH), .AXI_DATA_WIDTH(AXI_DATA_WIDTH), .PKT_MEM_BYTES(PKT_MEM_BYTES), .HEADER_BYTES(HEADER_BYTES),
        .MAX_FRAME(MAX_FRAME), .NUM_CQ(NUM_CQ), .FQ_DEPTH(FQ_DEPTH), .DESC_DEPTH(DESC_DEPTH),
        .MAX_BURST(MAX_BURST), .PARSE_ENGINES(PARSE_ENGINES), .IMEM_DEPTH(IMEM_DEPTH),
        .FLOWS(FLOWS), .IMEM_INIT(IMEM_INIT)
    ) dut (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_axis_tdata), .s_axis_tkeep(s_axis_tkeep), .s_axis_tvalid(s_axis_tvalid),
        .s_axis_tlast(s_axis_tlast), .s_axis_tuser(s_axis_tuser),
        .m_axi_awid(m_axi_awid), .m_axi_awaddr(m_axi_awaddr), .m_axi_awlen(m_axi_awlen),
        .m_axi_awsize(m_axi_awsize), .m_axi_awburst(m_axi_awburst), .m_axi_awlock(m_axi_awlock),
        .m_axi_awcache(m_axi_awcache), .m_axi_awprot(m_axi_awprot), .m_axi_awvalid(m_axi_awvalid),
        .m_axi_awready(m_axi_awready), .m_axi_wdata(m_axi_wdata), .m_axi_wstrb(m_axi_wstrb),
        .m_axi_wlast(m_axi_wlast), .m_axi_wvalid(m_axi_wvalid), .m_axi_wready(m_axi_wready),
        .m_axi_bid(1'b0), .m_axi_bresp(m_axi_bresp), .m_axi_bvalid(m_axi_bvalid),
        .m_axi_bready(m_axi_bready), .m_axi_arid(m_axi_arid), .m_axi_araddr(m_axi_araddr),
        .m_axi_arlen(m_axi_arlen), .m_axi_arsize(m_axi_arsize), .m_axi_arburst(m_axi_arburst),
        .m_axi_arlock(m_axi_arlock), .m_axi_arcache(m_axi_arcache), .m_axi_arprot(m_axi_arprot),
        .m_axi_arvalid(m_axi_arvalid), .m_axi_arready(m_axi_arready), .m_axi_rid(1'b0),
        .m_axi_rdata(m_axi_rdata_x[AXI_DATA_WIDTH-1:0]), .m_axi_rresp(m_axi_rresp), .m_axi_rlast(m_axi_rlast),
        .m_axi_rvalid(m_axi_rvalid), .m_axi_rready(m_axi_rready),
        .s_axil_awaddr(s_axil_awaddr), .s_axil_awprot(3'b000), .s_axil_awvalid(s_axil_awvalid),
        .s_axil_awready(s_axil_awready), .s_axil_wdata(s_axil_wdata), .s_axil_wstrb(s_axil_wstrb),
        .s_axil_wvalid(s_axil_wvalid), .s_axil_wready(s_axil_wready), .s_axil_bresp(s_axil_bresp),
        .s_axil_bvalid(s_axil_bvalid), .s_axil_bready(s_axil_bready), .s_axil_araddr(s_axil_araddr),
        .s_axil_arprot(3'b000), .s_axil_arvalid(s_axil_arvalid), .s_axil_arready(s_axil_arready),
        .s_axil_rdata(s_axil_rdata), .s_axil_rresp(s_axil_rresp), .s_axil_rvalid(s_axil_rvalid),
        .s_axil_rready(s_axil_rready),
        .irq(irq)
    );

    // {id, lock, prot, cache, burst, size}: checked against the constants of interfaces.md
    wire [31:0] aw_consts = {18'd0, m_axi_awid, m_axi_awlock, m_axi_awprot, m_axi_awcache, m_axi_awburst, m_axi_awsize};
    wire [31:0] ar_consts = {18'd0, m_axi_arid, m_axi_arlock, m_axi_arprot, m_axi_arcache, m_axi_arburst, m_axi_arsize};
