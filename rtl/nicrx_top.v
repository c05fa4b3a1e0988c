// nicrx_top - receive path of the nicrx network interface.
//
// MAC stream in, frames and completion records out to host memory over AXI4,
// registers over AXI4-Lite, one level interrupt per completion queue.
// docs/interfaces.md describes the ports, docs/architecture.md the blocks.
// Every output is a register or a constant, so the C model (cmodel/model.c)
// is compared at these ports after every edge.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"
`include "nicrx_regs.vh"

// The ranges are rtl/nicrx_params.vh's (checked below); docs/architecture.md "Parameters".
module nicrx_top #(
    parameter integer DATA_WIDTH    = 64,    // stream and packet-memory data width: 32 or 64
    parameter integer AXI_DATA_WIDTH = 2 * DATA_WIDTH, // AXI4 data width: DATA_WIDTH or 2 x DATA_WIDTH
    parameter integer PKT_MEM_BYTES = 16384, // packet memory: power of two, >= MAX_FRAME, 16..32768 words
    parameter integer HEADER_BYTES  = 128,   // bytes of each frame copied for the parser: 64, 128, 256
    parameter integer MAX_FRAME     = 9018,  // longest frame accepted, bytes: 64..16383
    parameter integer NUM_CQ        = 4,     // completion queues and interrupt lines: 1, 2, 4, 8
    parameter integer FQ_DEPTH      = 64,    // frames waiting in packet memory: power of two, 2..256
    parameter integer DESC_DEPTH    = 8,     // descriptors prefetched per ring: power of two, 4..64
    parameter integer MAX_BURST     = 16,    // beats per AXI4 write burst: power of two, 2..256
    parameter integer PARSE_ENGINES = 2,     // parser engines (four threads each): 1 or 2
    parameter integer IMEM_DEPTH    = 64,    // instructions per program bank: power of two, 16..256
    parameter integer FLOWS         = 64,    // flow database entries: power of two, 8..256
    parameter integer RETA_SIZE     = 128,   // RSS indirection table entries: power of two, 16..512
    parameter         IMEM_INIT     = ""     // reset program: nicrx-asm hex, both banks ("": zero)
) (
    input  wire                    clk,
    input  wire                    rst,

    // ingress AXI4-Stream from the MAC (never back-pressured)
    input  wire [DATA_WIDTH-1:0]   s_axis_tdata,
    input  wire [DATA_WIDTH/8-1:0] s_axis_tkeep,
    input  wire                    s_axis_tvalid,
    input  wire                    s_axis_tlast,
    input  wire                    s_axis_tuser,

    // host AXI4 master
    output wire                    m_axi_awid,
    output wire [63:0]             m_axi_awaddr,
    output wire [7:0]              m_axi_awlen,
    output wire [2:0]              m_axi_awsize,
    output wire [1:0]              m_axi_awburst,
    output wire                    m_axi_awlock,
    output wire [3:0]              m_axi_awcache,
    output wire [2:0]              m_axi_awprot,
    output wire                    m_axi_awvalid,
    input  wire                    m_axi_awready,
    output wire [AXI_DATA_WIDTH-1:0] m_axi_wdata,
    output wire [AXI_DATA_WIDTH/8-1:0] m_axi_wstrb,
    output wire                    m_axi_wlast,
    output wire                    m_axi_wvalid,
    input  wire                    m_axi_wready,
    input  wire                    m_axi_bid,
    input  wire [1:0]              m_axi_bresp,
    input  wire                    m_axi_bvalid,
    output wire                    m_axi_bready,
    output wire                    m_axi_arid,
    output wire [63:0]             m_axi_araddr,
    output wire [7:0]              m_axi_arlen,
    output wire [2:0]              m_axi_arsize,
    output wire [1:0]              m_axi_arburst,
    output wire                    m_axi_arlock,
    output wire [3:0]              m_axi_arcache,
    output wire [2:0]              m_axi_arprot,
    output wire                    m_axi_arvalid,
    input  wire                    m_axi_arready,
    input  wire                    m_axi_rid,
    input  wire [AXI_DATA_WIDTH-1:0] m_axi_rdata,
    input  wire [1:0]              m_axi_rresp,
    input  wire                    m_axi_rlast,
    input  wire                    m_axi_rvalid,
    output wire                    m_axi_rready,

    // control AXI4-Lite slave
    input  wire [11:0]             s_axil_awaddr,
    input  wire [2:0]              s_axil_awprot,
    input  wire                    s_axil_awvalid,
    output wire                    s_axil_awready,
    input  wire [31:0]             s_axil_wdata,
    input  wire [3:0]              s_axil_wstrb,
    input  wire                    s_axil_wvalid,
    output wire                    s_axil_wready,
    output wire [1:0]              s_axil_bresp,
    output wire                    s_axil_bvalid,
    input  wire                    s_axil_bready,
    input  wire [11:0]             s_axil_araddr,
    input  wire [2:0]              s_axil_arprot,
    input  wire                    s_axil_arvalid,
    output wire                    s_axil_arready,
    output wire [31:0]             s_axil_rdata,
    output wire [1:0]              s_axil_rresp,
    output wire                    s_axil_rvalid,
    input  wire                    s_axil_rready,

    output wire [NUM_CQ-1:0]       irq
);

    localparam integer BPB      = DATA_WIDTH / 8;
    localparam integer PM_WORDS = PKT_MEM_BYTES / BPB;
    localparam integer PM_AW    = $clog2(PM_WORDS);
    `include "nicrx_counters.vh" // NUM_CNT: the counters of regs/nicrx.regs (enum nicrx_counter)
    localparam integer SLOT_W   = $clog2(FQ_DEPTH);
    localparam integer HM_AW    = SLOT_W + $clog2(HEADER_BYTES / BPB);
    localparam integer AXSIZE_I = $clog2(AXI_DATA_WIDTH / 8);
    localparam [2:0]   AXSIZE   = AXSIZE_I[2:0];
    localparam integer NUM_FBR  = `NICRX_NUM_FBR;  // free-buffer rings (regs/nicrx.regs): 2 the header ring, 3 the re-assembly ring
    // the streams between blocks (rtl/nicrx_streams.txt)
    `include "nicrx_stream_cm.vh"
    `include "nicrx_stream_hv.vh"
    `include "nicrx_stream_fk.vh"
    `include "nicrx_stream_fl.vh"

    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_AXI_DATA_WIDTH
        `NICRX_CHECK_PKT_MEM_BYTES
        `NICRX_CHECK_PM_AW
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_MAX_FRAME
        `NICRX_CHECK_NUM_CQ
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_DESC_DEPTH
        `NICRX_CHECK_MAX_BURST
        `NICRX_CHECK_PARSE_ENGINES
        `NICRX_CHECK_IMEM_DEPTH
        `NICRX_CHECK_FLOWS
        `NICRX_CHECK_RETA_SIZE
    endgenerate

    // constant AXI4 attributes (docs/interfaces.md)
    assign m_axi_awid    = 1'b0;
    assign m_axi_bready  = dma_axi_bready;  // constant 1 (nicrx_dma)
    assign m_axi_awsize  = AXSIZE;
    assign m_axi_awburst = 2'b01;
    assign m_axi_awlock  = 1'b0;
    assign m_axi_awcache = 4'b0011;
    assign m_axi_awprot  = 3'b000;
    assign m_axi_arid    = 1'b0;
    assign m_axi_arsize  = AXSIZE;
    assign m_axi_arburst = 2'b01;
    assign m_axi_arlock  = 1'b0;
    assign m_axi_arcache = 4'b0011;
    assign m_axi_arprot  = 3'b000;

    // ---- configuration and status -------------------------------------------
    wire                    cfg_enable;
    wire [2:0]              cfg_qsel_log2;
    wire [NUM_FBR*64-1:0] cfg_fbr_base;
    wire [NUM_FBR*4-1:0] cfg_fbr_size_log2;
    wire [NUM_FBR*16-1:0] cfg_fbr_buf_size;
    wire [NUM_FBR-1:0] cfg_fbr_en;
    wire [NUM_FBR*16-1:0] cfg_fbr_tail;
    wire [NUM_CQ*64-1:0]    cfg_cq_base;
    wire [NUM_CQ*4-1:0]     cfg_cq_size_log2;
    wire [NUM_CQ-1:0]       cfg_cq_en;
    wire [NUM_CQ-1:0]       cfg_cq_irq_en;
    wire [NUM_CQ*16-1:0]    cfg_cq_head;
    wire [NUM_CQ*16-1:0]    cfg_irq_count, cfg_irq_time;
    wire [NUM_CQ-1:0]       cfg_irq_mask;
    wire [15:0]             cfg_irq_tick;
    wire [NUM_CQ-1:0]       cfg_msix_en;
    wire [NUM_CQ*64-1:0]    cfg_msix_addr;
    wire [NUM_CQ*32-1:0]    cfg_msix_data;
    wire [NUM_FBR*16-1:0] st_fbr_head;
    wire [NUM_FBR-1:0] st_fbr_err;
    wire [NUM_CQ*16-1:0]    st_cq_tail;
    wire                    dma_idle;
    wire                    msx_idle;
    wire                    ing_idle;
    wire                    par_idle;
    wire [7:0]              cfg_step_limit;
    wire                    cfg_swap;
    wire                    cfg_imem_we;
    wire [7:0]              cfg_imem_addr;
    wire [127:0]            cfg_imem_data;
    wire                    st_parser_bank;
    wire                    st_parser_swap_pending;

    // counters in enum nicrx_counter order
    wire [31:0] cnt_rx_frames, cnt_rx_bytes, cnt_delivered;
    wire [31:0] cnt_drop_bad_frame, cnt_drop_runt, cnt_drop_oversize;
    wire [31:0] cnt_drop_pktmem_full, cnt_drop_disabled;
    wire [31:0] cnt_drop_no_fit, cnt_drop_no_cq, cnt_desc_error, cnt_axi_error;
    wire [31:0] cnt_parse_error, cnt_parse_trunc;
    wire [31:0] cnt_flow_created, cnt_flow_removed, cnt_flow_evicted, cnt_flow_aged, cnt_flow_no_flow;
    wire [31:0] cnt_drop_red_early, cnt_drop_red_forced;
    wire [31:0] cnt_msix_writes, cnt_msix_error;
    wire [3*32-1:0] cnt_drop_no_buf;  // ring 0 lowest: DROP_NO_BUF_SMALL, _LARGE, _HDR
    wire [31:0] cnt_reasm_no_page;
    wire [31:0] cnt_flist_fallback;
    // nicrx_dma's write master, into nicrx_msix
    wire                          dma_axi_awvalid, dma_axi_awready, dma_axi_wvalid, dma_axi_wready;
    wire [63:0]                   dma_axi_awaddr;
    wire [7:0]                    dma_axi_awlen;
    wire [AXI_DATA_WIDTH-1:0]     dma_axi_wdata;
    wire [AXI_DATA_WIDTH/8-1:0]   dma_axi_wstrb;
    wire                          dma_axi_wlast, dma_axi_bvalid, dma_axi_bready;
    wire [1:0]                    dma_axi_bresp;
    wire [NUM_CNT*32-1:0] cnt_flat = {
        cnt_flist_fallback, cnt_reasm_no_page, cnt_drop_no_buf, cnt_msix_error, cnt_msix_writes, cnt_drop_red_forced, cnt_drop_red_early,
        cnt_flow_no_flow, cnt_flow_aged, cnt_flow_evicted, cnt_flow_removed, cnt_flow_created,
        cnt_parse_trunc, cnt_parse_error, cnt_axi_error, cnt_desc_error, cnt_drop_no_cq, cnt_drop_no_fit,
        cnt_drop_disabled, cnt_drop_pktmem_full, cnt_drop_oversize, cnt_drop_runt,
        cnt_drop_bad_frame, cnt_delivered, cnt_rx_bytes, cnt_rx_frames};

    // ---- ingress -> packet memory, parser -----------------------------------
    wire                        pm_wr_en;
    wire [PM_AW-1:0]            pm_wr_addr;
    wire [DATA_WIDTH-1:0]       pm_wr_data;
    wire                        pm_rd_en;
    wire [PM_AW-1:0]            pm_rd_addr;
    wire [DATA_WIDTH-1:0]       pm_rd_data;
    wire [PM_AW:0]              pm_rel_ptr;
    wire                        fq_pop;
    wire                        cm_valid;       // ingress -> parser: committed frames
    wire [CM_W-1:0]             cm_data;
    wire                        hm_wr_en;
    wire [HM_AW-1:0]            hm_wr_addr;

    nicrx_ingress #(
        .DATA_WIDTH   (DATA_WIDTH),
        .PM_AW        (PM_AW),
        .HEADER_BYTES (HEADER_BYTES),
        .MAX_FRAME    (MAX_FRAME),
        .FQ_DEPTH     (FQ_DEPTH)
    ) u_ingress (
        .clk                  (clk),
        .rst                  (rst),
        .s_axis_tdata         (s_axis_tdata),
        .s_axis_tkeep         (s_axis_tkeep),
        .s_axis_tvalid        (s_axis_tvalid),
        .s_axis_tlast         (s_axis_tlast),
        .s_axis_tuser         (s_axis_tuser),
        .cfg_enable           (cfg_enable),
        .pm_rel_ptr           (pm_rel_ptr),
        .fq_pop               (fq_pop),
        .pm_wr_en             (pm_wr_en),
        .pm_wr_addr           (pm_wr_addr),
        .pm_wr_data           (pm_wr_data),
        .m_cm_valid           (cm_valid),
        .m_cm_data            (cm_data),
        .hm_wr_en             (hm_wr_en),
        .hm_wr_addr           (hm_wr_addr),
        .idle                 (ing_idle),
        .cnt_rx_frames        (cnt_rx_frames),
        .cnt_rx_bytes         (cnt_rx_bytes),
        .cnt_drop_bad_frame   (cnt_drop_bad_frame),
        .cnt_drop_runt        (cnt_drop_runt),
        .cnt_drop_oversize    (cnt_drop_oversize),
        .cnt_drop_pktmem_full (cnt_drop_pktmem_full),
        .cnt_drop_disabled    (cnt_drop_disabled)
    );

    nicrx_ram #(
        .WIDTH (DATA_WIDTH),
        .AW    (PM_AW)
    ) u_pktmem (
        .clk     (clk),
        .wr_en   (pm_wr_en),
        .wr_addr (pm_wr_addr),
        .wr_data (pm_wr_data),
        .rd_en   (pm_rd_en),
        .rd_addr (pm_rd_addr),
        .rd_data (pm_rd_data)
    );

    // ---- parser: header vector ------------------------------------------------
    wire                        hvp_valid;      // parser -> nicrx_stage
    wire                        hvp_ready;
    wire [HV_W-1:0]             hvp_data;
    wire                        hv_valid;       // nicrx_stage -> RSS
    wire                        hv_valid_fk;    // nicrx_stage -> key block (the same, its own register)
    wire                        hv_ready;
    wire [HV_W-1:0]             hv_data;
    wire                        hvs_idle;

    nicrx_parser #(
        .DATA_WIDTH    (DATA_WIDTH),
        .HEADER_BYTES  (HEADER_BYTES),
        .FQ_DEPTH      (FQ_DEPTH),
        .PM_AW         (PM_AW),
        .PARSE_ENGINES (PARSE_ENGINES),
        .IMEM_DEPTH    (IMEM_DEPTH),
        .IMEM_INIT     (IMEM_INIT)
    ) u_parser (
        .clk            (clk),
        .rst            (rst),
        .hm_wr_en       (hm_wr_en),
        .hm_wr_addr     (hm_wr_addr),
        .pm_wr_data     (pm_wr_data),
        .s_cm_valid     (cm_valid),
        .s_cm_data      (cm_data),
        .cfg_step_limit (cfg_step_limit),
        .cfg_swap       (cfg_swap),
        .cfg_imem_we    (cfg_imem_we),
        .cfg_imem_addr  (cfg_imem_addr),
        .cfg_imem_data  (cfg_imem_data),
        .m_hv_valid     (hvp_valid),
        .m_hv_ready     (hvp_ready),
        .m_hv_data      (hvp_data),
        .bank           (st_parser_bank),
        .swap_pending   (st_parser_swap_pending),
        .cnt_perr       (cnt_parse_error),
        .cnt_trunc      (cnt_parse_trunc),
        .idle           (par_idle)
    );

    // the header vector crosses the die from the parser to the key block and RSS: a register
    // stage, so their take starts from a register of their own (docs/architecture.md): RSS
    // takes m_valid, the key block m_valid2, a copy placed beside it
    nicrx_stage #(.W(HV_W)) u_hv_stage (
        .clk      (clk),
        .rst      (rst),
        .s_valid  (hvp_valid),
        .s_ready  (hvp_ready),
        .s_data   (hvp_data),
        .m_valid  (hv_valid),
        .m_valid2 (hv_valid_fk),
        .m_ready  (hv_ready),
        .m_data   (hv_data),
        .idle     (hvs_idle)
    );

    // ---- flow database: the key block (key, signature, options digest), the manager ---------
    wire            fk_valid;                   // key block -> manager: flow jobs
    wire            fk_ready;
    wire [FK_W-1:0] fk_data;
    wire            fk_idle;
    wire            fl_valid;                   // manager -> RSS
    wire [FL_W-1:0] fl_data;
    wire            flq_valid;                  // RSS -> RED
    wire [FL_W-1:0] flq_data;
    wire            qsl_idle;
    wire [319:0]    cfg_rss_key;                // RSS configuration
    wire [5:0]      cfg_rss_types;
    wire            cfg_rss_mode;
    wire            cfg_reta_we;
    wire [8:0]      cfg_reta_addr;
    wire [2:0]      cfg_reta_data;
    wire [NUM_FBR-1:0]    desc_valid;           // descriptor fetch <-> transfer engine
    wire [NUM_FBR*80-1:0] desc_data;
    wire [NUM_FBR-1:0]    desc_pop;
    wire                  desc_rerr;
    wire                  dfe_idle;
    wire            flw_idle;
    wire [1:0]      cfg_flow_ctrl, cfg_flow_cmd;
    wire [15:0]     cfg_flow_thresh, cfg_flow_tick;
    wire [31:0]     cfg_flow_age;
    wire [7:0]      cfg_flow_sel;
    wire [31:0]     cfg_ctx_info, cfg_ctx_seq, cfg_ctx_ack, cfg_ctx_opt;
    wire [319:0]    cfg_ctx_key;
    wire            st_flow_busy, st_flow_fail, st_ctx_load;
    wire [7:0]      st_flow_idx, st_flow_gen;
    wire [31:0]     st_flow_time;
    wire [31:0]     st_ctx_info, st_ctx_seq, st_ctx_ack, st_ctx_opt, st_ctx_time, st_ctx_count;
    wire [319:0]    st_ctx_key;

    nicrx_flow_key #(
        .HEADER_BYTES (HEADER_BYTES),
        .FQ_DEPTH     (FQ_DEPTH),
        .DATA_WIDTH   (DATA_WIDTH),
        .PM_AW        (PM_AW)
    ) u_flow_key (
        .clk             (clk),
        .rst             (rst),
        .s_hv_valid      (hv_valid_fk),
        .s_hv_ready      (hv_ready),
        .s_hv_data       (hv_data),
        .hm_wr_en        (hm_wr_en),
        .hm_wr_addr      (hm_wr_addr),
        .pm_wr_data      (pm_wr_data),
        .cfg_flow_vlan   (cfg_flow_ctrl[0]),
        .cfg_flow_cmd    (cfg_flow_cmd),
        .cfg_flow_sel    (cfg_flow_sel),
        .cfg_ctx_info    (cfg_ctx_info),
        .cfg_ctx_seq     (cfg_ctx_seq),
        .cfg_ctx_ack     (cfg_ctx_ack),
        .cfg_ctx_opt     (cfg_ctx_opt),
        .cfg_ctx_key     (cfg_ctx_key),
        .flow_busy       (st_flow_busy),
        .m_fk_valid      (fk_valid),
        .m_fk_ready      (fk_ready),
        .m_fk_data       (fk_data),
        .idle            (fk_idle)
    );

    nicrx_flow #(
        .FLOWS (FLOWS)
    ) u_flow (
        .clk             (clk),
        .rst             (rst),
        .s_fk_valid      (fk_valid),
        .s_fk_ready      (fk_ready),
        .s_fk_data       (fk_data),
        .cfg_flow_evict  (cfg_flow_ctrl[1]),
        .cfg_flow_thresh (cfg_flow_thresh),
        .cfg_flow_tick   (cfg_flow_tick),
        .cfg_flow_age    (cfg_flow_age),
        .cfg_flow_cmd    (cfg_flow_cmd),
        .m_fl_valid      (fl_valid),
        .m_fl_data       (fl_data),
        .flow_busy       (st_flow_busy),
        .flow_fail       (st_flow_fail),
        .flow_idx        (st_flow_idx),
        .flow_gen        (st_flow_gen),
        .flow_time       (st_flow_time),
        .ctx_load        (st_ctx_load),
        .ctx_info        (st_ctx_info),
        .ctx_seq         (st_ctx_seq),
        .ctx_ack         (st_ctx_ack),
        .ctx_opt         (st_ctx_opt),
        .ctx_time        (st_ctx_time),
        .ctx_count       (st_ctx_count),
        .ctx_key         (st_ctx_key),
        .cnt_created     (cnt_flow_created),
        .cnt_removed     (cnt_flow_removed),
        .cnt_evicted     (cnt_flow_evicted),
        .cnt_aged        (cnt_flow_aged),
        .cnt_no_flow     (cnt_flow_no_flow),
        .idle            (flw_idle)
    );

    // ---- receive-side scaling: each frame's Toeplitz hash and completion queue --------
    nicrx_rss #(
        .PM_AW     (PM_AW),
        .FQ_DEPTH  (FQ_DEPTH),
        .RETA_SIZE (RETA_SIZE)
    ) u_rss (
        .clk           (clk),
        .rst           (rst),
        .s_hv_valid    (hv_valid),
        .s_hv_ready    (hv_ready),
        .s_hv_data     (hv_data),
        .s_fl_valid    (fl_valid),
        .s_fl_data     (fl_data),
        .cfg_qsel_log2 (cfg_qsel_log2),
        .cfg_rss_key   (cfg_rss_key),
        .cfg_rss_types (cfg_rss_types),
        .cfg_rss_mode  (cfg_rss_mode),
        .cfg_reta_we   (cfg_reta_we),
        .cfg_reta_addr (cfg_reta_addr),
        .cfg_reta_data (cfg_reta_data),
        .m_fl_valid    (flq_valid),
        .m_fl_data     (flq_data),
        .idle          (qsl_idle)
    );

    // ---- random early discard: the verdict rides the fl stream to the transfer engine ----
    wire                    cfg_red_peak_clr, st_red_bad, red_idle;
    wire [1:0]              cfg_red_mode;
    wire [3:0]              cfg_red_wlog;
    wire [2:0]              cfg_red_maxp;
    wire [15:0]             cfg_red_min, cfg_red_max, cfg_red_exempt, st_red_peak;
    wire [31:0]             cfg_red_seed;
    wire [4*16-1:0]         cfg_red_th;
    wire [4*9-1:0]          cfg_red_p;
    wire [23:0]             st_red_avg;
    wire                    flr_valid;
    wire [FL_W-1:0]         flr_data;

    nicrx_red #(
        .DATA_WIDTH (DATA_WIDTH),
        .PM_AW      (PM_AW),
        .FQ_DEPTH   (FQ_DEPTH)
    ) u_red (
        .clk              (clk),
        .rst              (rst),
        .s_cm_valid       (cm_valid),
        .s_cm_data        (cm_data),
        .pm_rel_ptr       (pm_rel_ptr),
        .s_fl_valid       (flq_valid),
        .s_fl_data        (flq_data),
        .m_fl_valid       (flr_valid),
        .m_fl_data        (flr_data),
        .cfg_red_mode     (cfg_red_mode),
        .cfg_red_wlog     (cfg_red_wlog),
        .cfg_red_maxp     (cfg_red_maxp),
        .cfg_red_min      (cfg_red_min),
        .cfg_red_max      (cfg_red_max),
        .cfg_red_exempt   (cfg_red_exempt),
        .cfg_red_seed     (cfg_red_seed),
        .cfg_red_th       (cfg_red_th),
        .cfg_red_p        (cfg_red_p),
        .cfg_red_peak_clr (cfg_red_peak_clr),
        .st_red_avg       (st_red_avg),
        .st_red_peak      (st_red_peak),
        .st_red_bad       (st_red_bad),
        .idle             (red_idle)
    );

    // ---- transfer decision: split or whole, on the fl stream to the transfer engine ----
    // The header ring is ring 2: its enable and buffer size decide whether a frame may split.
    wire                    xfp_valid, xfp_idle;
    wire [FL_W-1:0]         xfp_data;
    wire [15:0]             cfg_xfer_split, cfg_xfer_small;
    wire [10:0]             cfg_xfer_page;
    wire [15:0]             cfg_xfer_buf_wait;
    wire [48:0]             cfg_reasm;      // REASM_* (nicrx_dma's nicrx_reasm; strip, nicrx_dma's)
    wire [6:0]              st_xfer_cfg_err;

    nicrx_xfer_plan u_xfer_plan (
        .clk            (clk),
        .rst            (rst),
        .s_fl_valid     (flr_valid),
        .s_fl_data      (flr_data),
        .m_fl_valid     (xfp_valid),
        .m_fl_data      (xfp_data),
        .cfg_xfer_split (cfg_xfer_split),
        .cfg_xfer_small (cfg_xfer_small),
        .cfg_hdr_en     (cfg_fbr_en[2]),
        .cfg_hdr_size   (cfg_fbr_buf_size[2*16 +: 16]),
        .cfg_data_en    (cfg_fbr_en[1:0]),
        .cfg_data_size  (cfg_fbr_buf_size[0 +: 32]),
        .cfg_xfer_page  (cfg_xfer_page),
        .st_cfg_err     (st_xfer_cfg_err),
        .idle           (xfp_idle)
    );

    // ---- descriptor fetch (AR/R) ---------------------------------------------------
    nicrx_desc_fetch #(
        .AXI_DATA_WIDTH (AXI_DATA_WIDTH),
        .NUM_FBR    (NUM_FBR),
        .DESC_DEPTH (DESC_DEPTH)
    ) u_desc_fetch (
        .clk               (clk),
        .rst               (rst),
        .cfg_fbr_base      (cfg_fbr_base),
        .cfg_fbr_size_log2 (cfg_fbr_size_log2),
        .cfg_fbr_en        (cfg_fbr_en),
        .cfg_fbr_tail      (cfg_fbr_tail),
        .m_desc_valid      (desc_valid),
        .m_desc_data       (desc_data),
        .s_desc_pop        (desc_pop),
        .st_fbr_head       (st_fbr_head),
        .st_fbr_err        (st_fbr_err),
        .rerr              (desc_rerr),
        .idle              (dfe_idle),
        .m_axi_arvalid     (m_axi_arvalid),
        .m_axi_araddr      (m_axi_araddr),
        .m_axi_arlen       (m_axi_arlen),
        .m_axi_arready     (m_axi_arready),
        .m_axi_rvalid      (m_axi_rvalid),
        .m_axi_rdata       (m_axi_rdata),
        .m_axi_rresp       (m_axi_rresp),
        .m_axi_rlast       (m_axi_rlast),
        .m_axi_rready      (m_axi_rready)
    );

    // ---- buffer lists on ring 3's lane: the transfer engine's queue head takes its
    // flow's list buffer instead of ring 3's page when its list has one ---------------
    wire [1:0]              cfg_flist_cmd;
    wire [2:0]              cfg_flist_sel;
    wire [15:0]             cfg_flist_flow, cfg_flist_id;
    wire [63:0]             cfg_flist_addr;
    wire [16:0]             cfg_flist_size;
    wire                    st_flist_bound, st_flist_err;
    wire [4:0]              st_flist_cnt;
    wire [7:0]              st_flist_head;
    wire [15:0]             dma_head;             // the transfer engine's queue head's {gen, flow}
    wire                    r3_valid, r3_bad, r3_pop;
    wire [79:0]             r3_data;
    wire [NUM_FBR-1:0]      dma_desc_pop;
    assign desc_pop = {r3_pop, dma_desc_pop[NUM_FBR-2:0]};

    nicrx_flist #(
        .LISTS (`NICRX_FLIST_LISTS),
        .DEPTH (`NICRX_FLIST_DEPTH)
    ) u_flist (
        .clk           (clk),
        .rst           (rst),
        .cfg_page_log2 (cfg_reasm[6:2]),
        .cfg_cmd       (cfg_flist_cmd),
        .cfg_sel       (cfg_flist_sel),
        .cfg_flow      (cfg_flist_flow),
        .cfg_addr      (cfg_flist_addr),
        .cfg_id        (cfg_flist_id),
        .cfg_size      (cfg_flist_size),
        .s_head        (dma_head),
        .s_desc_valid  (desc_valid[NUM_FBR-1]),
        .s_desc_data   (desc_data[(NUM_FBR-1)*80 +: 80]),
        .m_desc_pop    (r3_pop),
        .m_desc_valid  (r3_valid),
        .m_desc_data   (r3_data),
        .m_desc_bad    (r3_bad),
        .s_desc_pop    (dma_desc_pop[NUM_FBR-1]),
        .st_bound      (st_flist_bound),
        .st_err        (st_flist_err),
        .st_cnt        (st_flist_cnt),
        .st_head       (st_flist_head),
        .cnt_fallback  (cnt_flist_fallback)
    );

    // ---- transfer engine (AW/W/B) ---------------------------------------------------
    nicrx_dma #(
        .DATA_WIDTH (DATA_WIDTH),
        .AXI_DATA_WIDTH (AXI_DATA_WIDTH),
        .PM_AW      (PM_AW),
        .NUM_CQ     (NUM_CQ),
        .FQ_DEPTH   (FQ_DEPTH),
        .MAX_BURST  (MAX_BURST),
        .FLOWS      (FLOWS)
    ) u_dma (
        .clk               (clk),
        .rst               (rst),
        .s_fl_valid        (xfp_valid),
        .s_fl_data         (xfp_data),
        .pm_rd_en          (pm_rd_en),
        .pm_rd_addr        (pm_rd_addr),
        .pm_rd_data        (pm_rd_data),
        .pm_rel_ptr        (pm_rel_ptr),
        .fq_pop            (fq_pop),
        .cfg_fbr_buf_size  (cfg_fbr_buf_size),
        .cfg_fbr_en        (cfg_fbr_en),
        .cfg_xfer_page     (cfg_xfer_page),
        .cfg_xfer_buf_wait (cfg_xfer_buf_wait),
        .cfg_reasm         (cfg_reasm),
        .now               (st_flow_time[15:0]),
        .s_desc_valid      ({r3_valid, desc_valid[NUM_FBR-2:0]}),
        .s_desc_data       ({r3_data, desc_data[0 +: (NUM_FBR-1)*80]}),
        .s_desc_bad3       (r3_bad),
        .m_desc_pop        (dma_desc_pop),
        .m_head            (dma_head),
        .s_rerr            (desc_rerr),
        .cfg_cq_base       (cfg_cq_base),
        .cfg_cq_size_log2  (cfg_cq_size_log2),
        .cfg_cq_en         (cfg_cq_en),
        .cfg_cq_head       (cfg_cq_head),
        .st_cq_tail        (st_cq_tail),
        .st_idle           (dma_idle),
        .cnt_delivered     (cnt_delivered),
        .cnt_drop_no_fit   (cnt_drop_no_fit),
        .cnt_drop_no_cq    (cnt_drop_no_cq),
        .cnt_drop_red_early  (cnt_drop_red_early),
        .cnt_drop_red_forced (cnt_drop_red_forced),
        .cnt_drop_no_buf   (cnt_drop_no_buf),
        .cnt_reasm_no_page (cnt_reasm_no_page),
        .cnt_desc_error    (cnt_desc_error),
        .cnt_axi_error     (cnt_axi_error),
        .m_axi_awvalid     (dma_axi_awvalid),
        .m_axi_awaddr      (dma_axi_awaddr),
        .m_axi_awlen       (dma_axi_awlen),
        .m_axi_awready     (dma_axi_awready),
        .m_axi_wvalid      (dma_axi_wvalid),
        .m_axi_wdata       (dma_axi_wdata),
        .m_axi_wstrb       (dma_axi_wstrb),
        .m_axi_wlast       (dma_axi_wlast),
        .m_axi_wready      (dma_axi_wready),
        .m_axi_bvalid      (dma_axi_bvalid),
        .m_axi_bresp       (dma_axi_bresp),
        .m_axi_bready      (dma_axi_bready)
    );

    // ---- interrupt messages, merged into the DMA's writes --------------------------------
    nicrx_msix #(
        .NUM_CQ         (NUM_CQ),
        .AXI_DATA_WIDTH (AXI_DATA_WIDTH)
    ) u_msix (
        .clk           (clk),
        .rst           (rst),
        .cfg_msix_en   (cfg_msix_en),
        .cfg_msix_addr (cfg_msix_addr),
        .cfg_msix_data (cfg_msix_data),
        .s_irq         (irq),
        .cnt_writes    (cnt_msix_writes),
        .cnt_error     (cnt_msix_error),
        .idle          (msx_idle),
        .s_axi_awvalid (dma_axi_awvalid),
        .s_axi_awaddr  (dma_axi_awaddr),
        .s_axi_awlen   (dma_axi_awlen),
        .s_axi_awready (dma_axi_awready),
        .s_axi_wvalid  (dma_axi_wvalid),
        .s_axi_wdata   (dma_axi_wdata),
        .s_axi_wstrb   (dma_axi_wstrb),
        .s_axi_wlast   (dma_axi_wlast),
        .s_axi_wready  (dma_axi_wready),
        .s_axi_bvalid  (dma_axi_bvalid),
        .s_axi_bresp   (dma_axi_bresp),
        .m_axi_awvalid (m_axi_awvalid),
        .m_axi_awaddr  (m_axi_awaddr),
        .m_axi_awlen   (m_axi_awlen),
        .m_axi_awready (m_axi_awready),
        .m_axi_wvalid  (m_axi_wvalid),
        .m_axi_wdata   (m_axi_wdata),
        .m_axi_wstrb   (m_axi_wstrb),
        .m_axi_wlast   (m_axi_wlast),
        .m_axi_wready  (m_axi_wready),
        .m_axi_bvalid  (m_axi_bvalid),
        .m_axi_bresp   (m_axi_bresp)
    );

    // ---- interrupt lines -----------------------------------------------------------
    nicrx_irq #(
        .NUM_CQ (NUM_CQ)
    ) u_irq (
        .clk           (clk),
        .rst           (rst),
        .cfg_cq_irq_en (cfg_cq_irq_en),
        .cfg_cq_head   (cfg_cq_head),
        .cfg_irq_count (cfg_irq_count),
        .cfg_irq_time  (cfg_irq_time),
        .cfg_irq_mask  (cfg_irq_mask),
        .cfg_irq_tick  (cfg_irq_tick),
        .s_cq_tail     (st_cq_tail),
        .irq           (irq)
    );

    // ---- registers ---------------------------------------------------------------
    // The device is idle when no frame is being received, parsed, looked up or moved.
    wire st_idle = ing_idle & par_idle & hvs_idle & fk_idle & flw_idle & qsl_idle & red_idle & xfp_idle & dfe_idle & dma_idle &
                   msx_idle;

    nicrx_csr #(
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
        .FLOWS         (FLOWS)
    ) u_csr (
        .clk               (clk),
        .rst               (rst),
        .s_axil_awaddr     (s_axil_awaddr),
        .s_axil_awprot     (s_axil_awprot),
        .s_axil_awvalid    (s_axil_awvalid),
        .s_axil_awready    (s_axil_awready),
        .s_axil_wdata      (s_axil_wdata),
        .s_axil_wstrb      (s_axil_wstrb),
        .s_axil_wvalid     (s_axil_wvalid),
        .s_axil_wready     (s_axil_wready),
        .s_axil_bresp      (s_axil_bresp),
        .s_axil_bvalid     (s_axil_bvalid),
        .s_axil_bready     (s_axil_bready),
        .s_axil_araddr     (s_axil_araddr),
        .s_axil_arprot     (s_axil_arprot),
        .s_axil_arvalid    (s_axil_arvalid),
        .s_axil_arready    (s_axil_arready),
        .s_axil_rdata      (s_axil_rdata),
        .s_axil_rresp      (s_axil_rresp),
        .s_axil_rvalid     (s_axil_rvalid),
        .s_axil_rready     (s_axil_rready),
        .cfg_enable        (cfg_enable),
        .cfg_qsel_log2     (cfg_qsel_log2),
        .cfg_fbr_base      (cfg_fbr_base),
        .cfg_fbr_size_log2 (cfg_fbr_size_log2),
        .cfg_fbr_buf_size  (cfg_fbr_buf_size),
        .cfg_fbr_en        (cfg_fbr_en),
        .cfg_fbr_tail      (cfg_fbr_tail),
        .cfg_cq_base       (cfg_cq_base),
        .cfg_cq_size_log2  (cfg_cq_size_log2),
        .cfg_cq_en         (cfg_cq_en),
        .cfg_cq_irq_en     (cfg_cq_irq_en),
        .cfg_cq_head       (cfg_cq_head),
        .cfg_irq_count     (cfg_irq_count),
        .cfg_irq_time      (cfg_irq_time),
        .cfg_irq_mask      (cfg_irq_mask),
        .cfg_irq_tick      (cfg_irq_tick),
        .cfg_msix_en       (cfg_msix_en),
        .cfg_msix_addr     (cfg_msix_addr),
        .cfg_msix_data     (cfg_msix_data),
        .cfg_step_limit    (cfg_step_limit),
        .cfg_swap          (cfg_swap),
        .cfg_imem_we       (cfg_imem_we),
        .cfg_imem_addr     (cfg_imem_addr),
        .cfg_imem_data     (cfg_imem_data),
        .cfg_flow_ctrl     (cfg_flow_ctrl),
        .cfg_flow_thresh   (cfg_flow_thresh),
        .cfg_flow_tick     (cfg_flow_tick),
        .cfg_flow_age      (cfg_flow_age),
        .cfg_flow_cmd      (cfg_flow_cmd),
        .cfg_flow_sel      (cfg_flow_sel),
        .cfg_ctx_info      (cfg_ctx_info),
        .cfg_ctx_seq       (cfg_ctx_seq),
        .cfg_ctx_ack       (cfg_ctx_ack),
        .cfg_ctx_opt       (cfg_ctx_opt),
        .cfg_ctx_key       (cfg_ctx_key),
        .cfg_red_mode      (cfg_red_mode),
        .cfg_red_wlog      (cfg_red_wlog),
        .cfg_red_maxp      (cfg_red_maxp),
        .cfg_red_min       (cfg_red_min),
        .cfg_red_max       (cfg_red_max),
        .cfg_red_exempt    (cfg_red_exempt),
        .cfg_red_seed      (cfg_red_seed),
        .cfg_red_th        (cfg_red_th),
        .cfg_red_p         (cfg_red_p),
        .cfg_red_peak_clr  (cfg_red_peak_clr),
        .st_red_avg        (st_red_avg),
        .st_red_peak       (st_red_peak),
        .st_red_bad        (st_red_bad),
        .cfg_rss_key       (cfg_rss_key),
        .cfg_rss_types     (cfg_rss_types),
        .cfg_rss_mode      (cfg_rss_mode),
        .cfg_reta_we       (cfg_reta_we),
        .cfg_reta_addr     (cfg_reta_addr),
        .cfg_reta_data     (cfg_reta_data),
        .cfg_xfer_split    (cfg_xfer_split),
        .cfg_xfer_small    (cfg_xfer_small),
        .cfg_xfer_page     (cfg_xfer_page),
        .cfg_xfer_buf_wait (cfg_xfer_buf_wait),
        .cfg_reasm         (cfg_reasm),
        .st_xfer_cfg_err   (st_xfer_cfg_err),
        .cfg_flist_cmd     (cfg_flist_cmd),
        .cfg_flist_sel     (cfg_flist_sel),
        .cfg_flist_flow    (cfg_flist_flow),
        .cfg_flist_addr    (cfg_flist_addr),
        .cfg_flist_id      (cfg_flist_id),
        .cfg_flist_size    (cfg_flist_size),
        .st_flist_bound    (st_flist_bound),
        .st_flist_err      (st_flist_err),
        .st_flist_cnt      (st_flist_cnt),
        .st_flist_head     (st_flist_head),
        .cnt_flat          (cnt_flat),
        .st_parser_bank    (st_parser_bank),
        .st_parser_swap_pending (st_parser_swap_pending),
        .st_fbr_head       (st_fbr_head),
        .st_fbr_err        (st_fbr_err),
        .st_cq_tail        (st_cq_tail),
        .st_idle           (st_idle),
        .flow_busy         (st_flow_busy),
        .flow_fail         (st_flow_fail),
        .flow_idx          (st_flow_idx),
        .flow_gen          (st_flow_gen),
        .flow_time         (st_flow_time),
        .ctx_load          (st_ctx_load),
        .ctx_info          (st_ctx_info),
        .ctx_seq           (st_ctx_seq),
        .ctx_ack           (st_ctx_ack),
        .ctx_opt           (st_ctx_opt),
        .ctx_time          (st_ctx_time),
        .ctx_count         (st_ctx_count),
        .ctx_key           (st_ctx_key)
    );

    // Unused: IDs (one ID in flight), AXI4-Lite protection bits.
    /* verilator lint_off UNUSED */
    wire unused_ok = &{1'b0, m_axi_bid, m_axi_rid, s_axil_awprot, s_axil_arprot};
    /* verilator lint_on UNUSED */

endmodule

`resetall
