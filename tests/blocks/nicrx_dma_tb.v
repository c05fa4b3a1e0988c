// nicrx_dma_tb - block-level lockstep check of rtl/nicrx_dma.v against
// cmodel/dma.c: replays the trace of tests/blocks/nicrx_dma_gen.c (one scenario of
// tests/blocks/dma_scenario.h: inputs, and what the model shows, for every edge).
// Inputs change at the falling edge; after the rising edge every output is compared, the
// packet-memory read request (logic of the DMA's registers only) included.  NUM_CQ 4, FQ_DEPTH 32, DESC_DEPTH 8.
// Prints "ok NAME: N cycles" or "not ok NAME: cycle C, SIGNAL, expected E, actual A"
// (C counts edges from 0; the first mismatch, up to 8 more follow as # lines).
`timescale 1ns / 1ps
module nicrx_dma_tb;
    parameter DATA_WIDTH = 64;
    parameter MAX_BURST  = 16;
    parameter CYCLES     = 1000;
    parameter TAG        = "scenario";
    parameter TRACE      = "build/tests/blocks/dma_trace.hex";
    localparam PM_AW = (DATA_WIDTH == 64) ? 11 : 12;
    localparam BPB   = DATA_WIDTH / 8;
    localparam TW    = 4 * 346;

    reg clk = 1'b0;
    reg [TW-1:0] tr [0:CYCLES-1];

    // ---- one trace line, field by field (widths: whole hex digits) -------------
    reg [3:0]   p_rst, p_hv_valid;
    reg [15:0]  p_hv_len, p_hv_flow;
    reg [3:0]   p_hv_l3, p_hv_l4, p_hv_vlan, p_hv_opcode;
    reg [11:0]  p_hv_vid;
    reg [3:0]   p_hv_frag, p_hv_pbits;     // pbits: {presel, perr, trunc}
    reg [7:0]   p_hv_l3_off, p_hv_l4_off;
    reg [31:0]  p_hv_hash;
    reg [63:0]  p_pm_rd_data;
    reg [3:0]   p_qsel;
    reg [127:0] p_fbr_base;
    reg [7:0]   p_fbr_size_log2;
    reg [31:0]  p_fbr_buf_size;
    reg [3:0]   p_fbr_en;
    reg [31:0]  p_fbr_tail;
    reg [255:0] p_cq_base;
    reg [15:0]  p_cq_size_log2;
    reg [3:0]   p_cq_en, p_cq_irq_en;
    reg [63:0]  p_cq_head;
    reg [3:0]   p_awready, p_wready, p_bvalid, p_bresp, p_arready, p_rvalid;
    reg [63:0]  p_rdata;
    reg [3:0]   p_rresp, p_rlast;
    reg [3:0]   e_pm_rd_en;
    reg [15:0]  e_pm_rd_addr, e_pm_rel_ptr;
    reg [3:0]   e_fq_pop;
    reg [31:0]  e_fbr_head;
    reg [3:0]   e_fbr_err;
    reg [63:0]  e_cq_tail;
    reg [3:0]   e_idle;
    reg [31:0]  e_cnt_delivered, e_cnt_no_fit, e_cnt_no_cq, e_cnt_desc_err, e_cnt_axi_err;
    reg [3:0]   e_awvalid;
    reg [63:0]  e_awaddr;
    reg [7:0]   e_awlen;
    reg [3:0]   e_wvalid;
    reg [63:0]  e_wdata;
    reg [7:0]   e_wstrb;
    reg [3:0]   e_wlast, e_bready, e_arvalid;
    reg [63:0]  e_araddr;
    reg [7:0]   e_arlen;
    reg [3:0]   e_rready, e_irq;

    // ---- the DUT ---------------------------------------------------------------
    wire                  pm_rd_en, fq_pop, st_idle;
    wire [PM_AW-1:0]      pm_rd_addr;
    wire [PM_AW:0]        pm_rel_ptr;
    wire [31:0]           st_fbr_head;
    wire [1:0]            st_fbr_err;
    wire [63:0]           st_cq_tail;
    wire [31:0]           cnt_delivered, cnt_no_fit, cnt_no_cq, cnt_desc_err, cnt_axi_err;
    wire                  awvalid, wvalid, wlast, bready, arvalid, rready;
    wire [63:0]           awaddr, araddr;
    wire [7:0]            awlen, arlen;
    wire [DATA_WIDTH-1:0] wdata;
    wire [BPB-1:0]        wstrb;
    wire [3:0]            irq;

    nicrx_dma #(.DATA_WIDTH(DATA_WIDTH), .PM_AW(PM_AW), .NUM_CQ(4), .FQ_DEPTH(32),
                .DESC_DEPTH(8), .MAX_BURST(MAX_BURST)) dut (
        .clk(clk), .rst(p_rst[0]),
        .hv_valid(p_hv_valid[0]), .hv_len(p_hv_len),
        .hv_l3(p_hv_l3[1:0]), .hv_l4(p_hv_l4[1:0]), .hv_vlan(p_hv_vlan[0]),
        .hv_vid(p_hv_vid), .hv_frag(p_hv_frag[0]), .hv_l3_off(p_hv_l3_off),
        .hv_l4_off(p_hv_l4_off), .hv_hash(p_hv_hash), .hv_trunc(p_hv_pbits[0]),
        .hv_perr(p_hv_pbits[1]), .hv_presel(p_hv_pbits[2]), .hv_flow(p_hv_flow), .hv_opcode(p_hv_opcode),
        .pm_rd_en(pm_rd_en), .pm_rd_addr(pm_rd_addr), .pm_rd_data(p_pm_rd_data[DATA_WIDTH-1:0]),
        .pm_rel_ptr(pm_rel_ptr), .fq_pop(fq_pop),
        .cfg_qsel_log2(p_qsel[2:0]), .cfg_fbr_base(p_fbr_base),
        .cfg_fbr_size_log2(p_fbr_size_log2), .cfg_fbr_buf_size(p_fbr_buf_size),
        .cfg_fbr_en(p_fbr_en[1:0]), .cfg_fbr_tail(p_fbr_tail), .cfg_cq_base(p_cq_base),
        .cfg_cq_size_log2(p_cq_size_log2), .cfg_cq_en(p_cq_en), .cfg_cq_irq_en(p_cq_irq_en),
        .cfg_cq_head(p_cq_head),
        .st_fbr_head(st_fbr_head), .st_fbr_err(st_fbr_err), .st_cq_tail(st_cq_tail),
        .st_idle(st_idle), .cnt_delivered(cnt_delivered), .cnt_drop_no_fit(cnt_no_fit),
        .cnt_drop_no_cq(cnt_no_cq), .cnt_desc_error(cnt_desc_err), .cnt_axi_error(cnt_axi_err),
        .m_axi_awvalid(awvalid), .m_axi_awaddr(awaddr), .m_axi_awlen(awlen),
        .m_axi_awready(p_awready[0]),
        .m_axi_wvalid(wvalid), .m_axi_wdata(wdata), .m_axi_wstrb(wstrb), .m_axi_wlast(wlast),
        .m_axi_wready(p_wready[0]),
        .m_axi_bvalid(p_bvalid[0]), .m_axi_bresp(p_bresp[1:0]), .m_axi_bready(bready),
        .m_axi_arvalid(arvalid), .m_axi_araddr(araddr), .m_axi_arlen(arlen),
        .m_axi_arready(p_arready[0]),
        .m_axi_rvalid(p_rvalid[0]), .m_axi_rdata(p_rdata[DATA_WIDTH-1:0]),
        .m_axi_rresp(p_rresp[1:0]), .m_axi_rlast(p_rlast[0]), .m_axi_rready(rready),
        .irq(irq));

    // ---- comparison --------------------------------------------------------------
    integer c, k, errors = 0, compared = 0;
    reg [8*200-1:0] msgs [0:8];             // the first 9 mismatches

    task chk;
        input [8*16-1:0] name;
        input [63:0] expv;
        input [63:0] gotv;
        reg [8*200-1:0] msg;
        begin
            compared = compared + 1;
            if (gotv !== expv) begin
                $sformat(msg, "cycle %0d, %0s, expected %0h, actual %0h", c, name, expv, gotv);
                if (errors <= 8) msgs[errors] = msg;
                errors = errors + 1;
            end
        end
    endtask

    always #5 clk = ~clk;

    initial begin
        $readmemh(TRACE, tr);
        for (c = 0; c < CYCLES; c = c + 1) begin
            @(negedge clk);
            {p_rst, p_hv_valid, p_hv_len, p_hv_l3, p_hv_l4, p_hv_vlan, p_hv_vid,
             p_hv_frag, p_hv_pbits, p_hv_l3_off, p_hv_l4_off, p_hv_hash, p_hv_flow, p_hv_opcode, p_pm_rd_data,
             p_qsel, p_fbr_base, p_fbr_size_log2, p_fbr_buf_size, p_fbr_en, p_fbr_tail,
             p_cq_base, p_cq_size_log2, p_cq_en, p_cq_irq_en, p_cq_head,
             p_awready, p_wready, p_bvalid, p_bresp, p_arready, p_rvalid, p_rdata, p_rresp, p_rlast,
             e_pm_rd_en, e_pm_rd_addr,
             e_pm_rel_ptr, e_fq_pop, e_fbr_head, e_fbr_err, e_cq_tail, e_idle,
             e_cnt_delivered, e_cnt_no_fit, e_cnt_no_cq, e_cnt_desc_err, e_cnt_axi_err,
             e_awvalid, e_awaddr, e_awlen, e_wvalid, e_wdata, e_wstrb, e_wlast, e_bready,
             e_arvalid, e_araddr, e_arlen, e_rready, e_irq} = tr[c];
            @(posedge clk);
            #1;
            // the read request is logic of the registers only: known after the edge
            chk("pm_rd_en", e_pm_rd_en, pm_rd_en);
            chk("pm_rd_addr", e_pm_rd_addr, pm_rd_addr);
            chk("pm_rel_ptr", e_pm_rel_ptr, pm_rel_ptr);
            chk("fq_pop", e_fq_pop, fq_pop);
            chk("st_fbr_head", e_fbr_head, st_fbr_head);
            chk("st_fbr_err", e_fbr_err, st_fbr_err);
            chk("st_cq_tail", e_cq_tail, st_cq_tail);
            chk("st_idle", e_idle, st_idle);
            chk("cnt_delivered", e_cnt_delivered, cnt_delivered);
            chk("cnt_drop_no_fit", e_cnt_no_fit, cnt_no_fit);
            chk("cnt_drop_no_cq", e_cnt_no_cq, cnt_no_cq);
            chk("cnt_desc_error", e_cnt_desc_err, cnt_desc_err);
            chk("cnt_axi_error", e_cnt_axi_err, cnt_axi_err);
            chk("m_axi_awvalid", e_awvalid, awvalid);
            chk("m_axi_awaddr", e_awaddr, awaddr);
            chk("m_axi_awlen", e_awlen, awlen);
            chk("m_axi_wvalid", e_wvalid, wvalid);
            chk("m_axi_wdata", e_wdata, wdata);
            chk("m_axi_wstrb", e_wstrb, wstrb);
            chk("m_axi_wlast", e_wlast, wlast);
            chk("m_axi_bready", e_bready, bready);
            chk("m_axi_arvalid", e_arvalid, arvalid);
            chk("m_axi_araddr", e_araddr, araddr);
            chk("m_axi_arlen", e_arlen, arlen);
            chk("m_axi_rready", e_rready, rready);
            chk("irq", e_irq, irq);
        end
        if (errors == 0)
            $display("ok dma-block-lockstep-dw%0d-%0s: %0d cycles, %0d signal checks",
                     DATA_WIDTH, TAG, CYCLES, compared);
        else
            $display("not ok dma-block-lockstep-dw%0d-%0s: %0s (%0d mismatches in %0d cycles)",
                     DATA_WIDTH, TAG, msgs[0], errors, CYCLES);
        for (k = 1; k < errors && k <= 8; k = k + 1) $display("# also %0s", msgs[k]);
        $finish;
    end
endmodule
