// nicrx_dma_tb - block-level lockstep check of the transfer engine, rtl/nicrx_dma.v with
// rtl/nicrx_desc_fetch.v and rtl/nicrx_irq.v wired as nicrx_top wires them, against
// cmodel/dma.c with cmodel/desc_fetch.c and cmodel/irq.c:
// replays the trace of tests/blocks/nicrx_dma_gen.c (one scenario of
// tests/blocks/dma_scenario.h; dma_in / dma_out of tests/blocks/traces.txt) and compares
// every output after every edge (tests/blocks/bench.vh), the packet-memory read request
// (logic of the DMA's registers only) included.  NUM_CQ 4, FQ_DEPTH 32, DESC_DEPTH 8.
`timescale 1ns / 1ps
module nicrx_dma_tb;
    parameter DATA_WIDTH = 64;
    parameter AXI_DATA_WIDTH = 2 * DATA_WIDTH;
    parameter MAX_BURST  = 16;
    parameter CYCLES     = 1000;
    parameter TRACE      = "build/tests/blocks/dma_trace.hex";
    parameter NAME       = "dma-block";
    localparam integer PM_AW = (DATA_WIDTH == 64) ? 11 : 12;
    localparam integer BPB   = DATA_WIDTH / 8;
    `include "nicrx_stream_fl.vh"
    `include "trace_dma_in.vh"
    `include "trace_dma_out.vh"
    localparam integer IN_W = DMA_IN_W, OUT_W = DMA_OUT_W;
    `include "bench.vh"

    wire [3:0]   desc_valid, desc_pop;
    wire [319:0] desc_data;
    wire         desc_rerr, dma_idle, dfe_idle;
    wire [63:0]  cq_tail;
    assign got[DMA_OUT_ST_CQ_TAIL +: 64] = cq_tail;
    assign got[DMA_OUT_ST_IDLE] = dma_idle & dfe_idle;
    // the host bus in the trace's 128-bit fields (zero above AXI_DATA_WIDTH)
    wire [AXI_DATA_WIDTH-1:0]   wdata;
    wire [AXI_DATA_WIDTH/8-1:0] wstrb;
    wire [127:0]                wdata_x = wdata;
    wire [15:0]                 wstrb_x = wstrb;
    assign got[DMA_OUT_M_AXI_WDATA +: 128] = wdata_x;
    assign got[DMA_OUT_M_AXI_WSTRB +: 16] = wstrb_x;

    nicrx_desc_fetch #(.AXI_DATA_WIDTH(AXI_DATA_WIDTH), .NUM_FBR(4), .DESC_DEPTH(8)) dut_df (
        .clk(clk), .rst(in[DMA_IN_RST]),
        .cfg_fbr_base(in[DMA_IN_CFG_FBR_BASE +: 256]), .cfg_fbr_size_log2(in[DMA_IN_CFG_FBR_SIZE_LOG2 +: 16]),
        .cfg_fbr_en(in[DMA_IN_CFG_FBR_EN +: 4]), .cfg_fbr_tail(in[DMA_IN_CFG_FBR_TAIL +: 64]),
        .m_desc_valid(desc_valid), .m_desc_data(desc_data), .s_desc_pop(desc_pop),
        .st_fbr_head(got[DMA_OUT_ST_FBR_HEAD +: 64]), .st_fbr_err(got[DMA_OUT_ST_FBR_ERR +: 4]),
        .rerr(desc_rerr), .idle(dfe_idle),
        .m_axi_arvalid(got[DMA_OUT_M_AXI_ARVALID]), .m_axi_araddr(got[DMA_OUT_M_AXI_ARADDR +: 64]),
        .m_axi_arlen(got[DMA_OUT_M_AXI_ARLEN +: 8]), .m_axi_arready(in[DMA_IN_M_AXI_ARREADY]),
        .m_axi_rvalid(in[DMA_IN_M_AXI_RVALID]), .m_axi_rdata(in[DMA_IN_M_AXI_RDATA +: AXI_DATA_WIDTH]),
        .m_axi_rresp(in[DMA_IN_M_AXI_RRESP +: 2]), .m_axi_rlast(in[DMA_IN_M_AXI_RLAST]),
        .m_axi_rready(got[DMA_OUT_M_AXI_RREADY]));

    nicrx_dma #(.DATA_WIDTH(DATA_WIDTH), .AXI_DATA_WIDTH(AXI_DATA_WIDTH), .PM_AW(PM_AW), .NUM_CQ(4), .FQ_DEPTH(32),
                .MAX_BURST(MAX_BURST)) dut (
        .clk(clk), .rst(in[DMA_IN_RST]),
        .s_fl_valid(in[DMA_IN_S_FL_VALID]), .s_fl_data(in[DMA_IN_S_FL +: FL_W]),
        .pm_rd_en(got[DMA_OUT_PM_RD_EN]), .pm_rd_addr(got[DMA_OUT_PM_RD_ADDR +: PM_AW]),
        .pm_rd_data(in[DMA_IN_PM_RD_DATA +: DATA_WIDTH]),
        .pm_rel_ptr(got[DMA_OUT_PM_REL_PTR +: PM_AW + 1]), .fq_pop(got[DMA_OUT_FQ_POP]),
        .cfg_fbr_buf_size(in[DMA_IN_CFG_FBR_BUF_SIZE +: 64]), .cfg_fbr_en(in[DMA_IN_CFG_FBR_EN +: 4]),
        .cfg_xfer_page(in[DMA_IN_CFG_XFER_PAGE +: 11]),
        .cfg_xfer_buf_wait(in[DMA_IN_CFG_XFER_BUF_WAIT +: 16]),
        .cfg_reasm(in[DMA_IN_CFG_REASM +: 49]), .now(in[DMA_IN_NOW +: 16]),
        .s_desc_valid(desc_valid), .s_desc_data(desc_data), .s_desc_bad3(1'b0), .m_desc_pop(desc_pop),
        .m_head(), .s_rerr(desc_rerr),
        .cfg_cq_base(in[DMA_IN_CFG_CQ_BASE +: 256]), .cfg_cq_size_log2(in[DMA_IN_CFG_CQ_SIZE_LOG2 +: 16]),
        .cfg_cq_en(in[DMA_IN_CFG_CQ_EN +: 4]), .cfg_cq_head(in[DMA_IN_CFG_CQ_HEAD +: 64]),
        .st_cq_tail(cq_tail), .st_idle(dma_idle),
        .cnt_delivered(got[DMA_OUT_CNT_DELIVERED +: 32]), .cnt_drop_no_fit(got[DMA_OUT_CNT_DROP_NO_FIT +: 32]),
        .cnt_drop_no_cq(got[DMA_OUT_CNT_DROP_NO_CQ +: 32]),
        .cnt_drop_red_early(got[DMA_OUT_CNT_DROP_RED_EARLY +: 32]),
        .cnt_drop_red_forced(got[DMA_OUT_CNT_DROP_RED_FORCED +: 32]), .cnt_drop_no_buf(got[DMA_OUT_CNT_DROP_NO_BUF +: 96]),
        .cnt_reasm_no_page(got[DMA_OUT_CNT_REASM_NO_PAGE +: 32]),
        .cnt_desc_error(got[DMA_OUT_CNT_DESC_ERROR +: 32]),
        .cnt_axi_error(got[DMA_OUT_CNT_AXI_ERROR +: 32]),
        .m_axi_awvalid(got[DMA_OUT_M_AXI_AWVALID]), .m_axi_awaddr(got[DMA_OUT_M_AXI_AWADDR +: 64]),
        .m_axi_awlen(got[DMA_OUT_M_AXI_AWLEN +: 8]), .m_axi_awready(in[DMA_IN_M_AXI_AWREADY]),
        .m_axi_wvalid(got[DMA_OUT_M_AXI_WVALID]), .m_axi_wdata(wdata),
        .m_axi_wstrb(wstrb), .m_axi_wlast(got[DMA_OUT_M_AXI_WLAST]),
        .m_axi_wready(in[DMA_IN_M_AXI_WREADY]),
        .m_axi_bvalid(in[DMA_IN_M_AXI_BVALID]), .m_axi_bresp(in[DMA_IN_M_AXI_BRESP +: 2]),
        .m_axi_bready(got[DMA_OUT_M_AXI_BREADY]));

    nicrx_irq #(.NUM_CQ(4)) dut_irq (
        .clk(clk), .rst(in[DMA_IN_RST]),
        .cfg_cq_irq_en(in[DMA_IN_CFG_CQ_IRQ_EN +: 4]), .cfg_cq_head(in[DMA_IN_CFG_CQ_HEAD +: 64]),
        .s_cq_tail(cq_tail), .irq(got[DMA_OUT_IRQ +: 4]));
    assign care = {OUT_W{1'b1}};

    task bench_sample;
        ;
    endtask
    task bench_note;
        ;
    endtask
endmodule
