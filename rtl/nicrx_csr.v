// nicrx_csr - the control block: AXI4-Lite slave holding every configuration
// register of docs/registers.md and returning status and counters.
//
// The register map is regs/nicrx.regs: its decode, storage, reset, byte-strobe
// merge, read mux and mapped/SLVERR rule are rtl/nicrx_csr_regs.vh, generated
// (make regs); this file adds the AXI4-Lite handshake and the side effects the
// description names (strobes wr_*, device loads *_ld).  Every output is a
// register.  The C twin is cmodel/csr.c (same register names without _reg).
//
// AXI4-Lite timing (docs/registers.md has the cycle-by-cycle picture):
//   write: idle, no response pending, awvalid & wvalid seen at edge E0
//          -> awready = wready = 1 for exactly one cycle; at edge E1 the register
//          is written (address, data and strobes as presented in that cycle)
//          -> bvalid = 1 (bresp) from E1 until an edge that sees bready.
//          A new write is looked for only once bvalid is low again.
//   read:  idle, no read pending, arvalid seen at edge E0 -> arready = 1 for one
//          cycle; at edge E1 the read mux's first level is registered from araddr
//          as presented in that cycle and the values before E1; at edge E2
//          rdata/rresp are registered from it -> rvalid = 1 from E2 until an edge
//          that sees rready.  (Two levels: a flat mux over the whole map was the
//          CSR block's largest and slowest structure; docs/synthesis.md.)
// Address bits [1:0] are ignored (32-bit registers).  Unmapped offsets and queues
// >= NUM_CQ read 0 and answer SLVERR; writes to read-only registers are ignored
// and answer OKAY.  A read and a write at the same edge: the read returns the
// value before the write.
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_regs.vh"

module nicrx_csr #(
    parameter integer DATA_WIDTH    = 64,     // stream data width (CAPS0)
    parameter integer AXI_DATA_WIDTH = 128,   // AXI4 data width (CAPS0)
    parameter integer PKT_MEM_BYTES = 16384,  // packet memory bytes (CAPS0)
    parameter integer HEADER_BYTES  = 128,    // header bytes per frame for the parser (CAPS1)
    parameter integer MAX_FRAME     = 9018,   // longest frame accepted (CAPS1)
    parameter integer NUM_CQ        = 4,      // completion queues: CQ registers and QSEL's range
    parameter integer FQ_DEPTH      = 32,     // frames that may wait in packet memory (CAPS1)
    parameter integer DESC_DEPTH    = 8,      // descriptors prefetched per ring (CAPS1)
    parameter integer MAX_BURST     = 16,     // beats per AXI4 write burst (CAPS1)
    parameter integer PARSE_ENGINES = 2,      // parser engines (PARSER_STATUS)
    parameter integer IMEM_DEPTH    = 64,     // instructions per parser bank (PARSER_STATUS)
    parameter integer FLOWS         = 64      // flow database entries (FLOW_STATUS)
) (
    input  wire                   clk,
    input  wire                   rst,
    // AXI4-Lite slave
    /* verilator lint_off UNUSEDSIGNAL */ // bits [1:0]: registers are 32-bit words
    input  wire [11:0]            s_axil_awaddr,
    /* verilator lint_on UNUSEDSIGNAL */
    /* verilator lint_off UNUSEDSIGNAL */ // protection is not checked
    input  wire [2:0]             s_axil_awprot,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire                   s_axil_awvalid,
    output wire                   s_axil_awready,
    input  wire [31:0]            s_axil_wdata,
    input  wire [3:0]             s_axil_wstrb,
    input  wire                   s_axil_wvalid,
    output wire                   s_axil_wready,
    output wire [1:0]             s_axil_bresp,
    output wire                   s_axil_bvalid,
    input  wire                   s_axil_bready,
    /* verilator lint_off UNUSEDSIGNAL */ // bits [1:0]: registers are 32-bit words
    input  wire [11:0]            s_axil_araddr,
    /* verilator lint_on UNUSEDSIGNAL */
    /* verilator lint_off UNUSEDSIGNAL */ // protection is not checked
    input  wire [2:0]             s_axil_arprot,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire                   s_axil_arvalid,
    output wire                   s_axil_arready,
    output wire [31:0]            s_axil_rdata,
    output wire [1:0]             s_axil_rresp,
    output wire                   s_axil_rvalid,
    input  wire                   s_axil_rready,
    // configuration (registered)
    output wire                   cfg_enable,
    output wire [2:0]             cfg_qsel_log2,
    output wire [`NICRX_NUM_FBR*64-1:0] cfg_fbr_base,
    output wire [`NICRX_NUM_FBR*4-1:0]  cfg_fbr_size_log2,
    output wire [`NICRX_NUM_FBR*16-1:0] cfg_fbr_buf_size,
    output wire [`NICRX_NUM_FBR-1:0]    cfg_fbr_en,
    output wire [`NICRX_NUM_FBR*16-1:0] cfg_fbr_tail,
    output wire [NUM_CQ*64-1:0]   cfg_cq_base,
    output wire [NUM_CQ*4-1:0]    cfg_cq_size_log2,
    output wire [NUM_CQ-1:0]      cfg_cq_en,
    output wire [NUM_CQ-1:0]      cfg_cq_irq_en,
    output wire [NUM_CQ*16-1:0]   cfg_cq_head,
    // interrupt moderation (IRQ_*)
    output wire [NUM_CQ*16-1:0]   cfg_irq_count,
    output wire [NUM_CQ*16-1:0]   cfg_irq_time,
    output wire [NUM_CQ-1:0]      cfg_irq_mask,
    output wire [15:0]            cfg_irq_tick,
    // interrupt messages (MSIX_*)
    output wire [NUM_CQ-1:0]      cfg_msix_en,
    output wire [NUM_CQ*64-1:0]   cfg_msix_addr,
    output wire [NUM_CQ*32-1:0]   cfg_msix_data,
    output wire [7:0]             cfg_step_limit,   // PARSER_CTRL
    output wire                   cfg_swap,         // pulse after a PARSER_SWAP write of 1
    output wire                   cfg_imem_we,      // pulse after a PARSER_IDATA3 write
    output wire [7:0]             cfg_imem_addr,    // IADDR of that write
    output wire [127:0]           cfg_imem_data,    // IDATA3..0 of that write
    // flow database (FLOW_*); the context window lives here
    output wire [1:0]             cfg_flow_ctrl,
    output wire [15:0]            cfg_flow_thresh,
    output wire [15:0]            cfg_flow_tick,
    output wire [31:0]            cfg_flow_age,
    output wire [1:0]             cfg_flow_cmd,     // pulse after a FLOW_CMD write starting one
    output wire [7:0]             cfg_flow_sel,
    output wire [31:0]            cfg_ctx_info,
    output wire [31:0]            cfg_ctx_seq,
    output wire [31:0]            cfg_ctx_ack,
    output wire [31:0]            cfg_ctx_opt,
    output wire [319:0]           cfg_ctx_key,
    // random early discard (RED_*)
    output wire [1:0]             cfg_red_mode,
    output wire [3:0]             cfg_red_wlog,
    output wire [2:0]             cfg_red_maxp,
    output wire [15:0]            cfg_red_min,
    output wire [15:0]            cfg_red_max,
    output wire [15:0]            cfg_red_exempt,
    output wire [31:0]            cfg_red_seed,
    output wire [4*16-1:0]        cfg_red_th,
    output wire [4*9-1:0]         cfg_red_p,
    output wire                   cfg_red_peak_clr, // pulse after a RED_PEAK write of clr
    // receive-side scaling (RSS_*)
    output wire [319:0]           cfg_rss_key,      // key byte 0 in [319:312]
    output wire [5:0]             cfg_rss_types,
    output wire                   cfg_rss_mode,
    output wire                   cfg_reta_we,      // pulse after an RSS_RETA_IDATA write
    output wire [8:0]             cfg_reta_addr,    // IADDR of that write
    output wire [2:0]             cfg_reta_data,    // IDATA of that write
    // transfer decision (XFER_*)
    output wire [15:0]            cfg_xfer_split,
    output wire [15:0]            cfg_xfer_small,
    output wire [10:0]            cfg_xfer_page,     // {align_log2, page_log2, en} (XFER_PAGE, nicrx_page)
    output wire [15:0]            cfg_xfer_buf_wait, // XFER_BUF_WAIT (nicrx_dma)
    // re-assembly (REASM_*, nicrx_dma's nicrx_reasm): {timeout[15:0], max_segs[7:0],
    // max_bytes[16:0], page_log2[4:0], flush (a pulse after the write), en}
    output wire [48:0]            cfg_reasm,
    // buffer lists (FLIST_*, nicrx_flist): FLIST_CMD.op (a pulse after the write) and the
    // values it takes
    output wire [1:0]             cfg_flist_cmd,
    output wire [2:0]             cfg_flist_sel,
    output wire [15:0]            cfg_flist_flow,   // {gen, flow}
    output wire [63:0]            cfg_flist_addr,
    output wire [15:0]            cfg_flist_id,
    output wire [16:0]            cfg_flist_size,
    // status (registered at its sources)
    input  wire [`NICRX_NUM_COUNTERS*32-1:0] cnt_flat,
    input  wire                   st_parser_bank,
    input  wire                   st_parser_swap_pending,
    input  wire [`NICRX_NUM_FBR*16-1:0] st_fbr_head,
    input  wire [`NICRX_NUM_FBR-1:0]    st_fbr_err,
    input  wire [NUM_CQ*16-1:0]   st_cq_tail,
    input  wire                   st_idle,
    input  wire                   flow_busy,
    input  wire                   flow_fail,
    input  wire [7:0]             flow_idx,
    input  wire [7:0]             flow_gen,
    input  wire [31:0]            flow_time,
    input  wire                   ctx_load,         // a READ completed: load the window
    /* verilator lint_off UNUSEDSIGNAL */ // [31:26] are 0
    input  wire [31:0]            ctx_info,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [31:0]            ctx_seq,
    input  wire [31:0]            ctx_ack,
    input  wire [31:0]            ctx_opt,
    input  wire [31:0]            ctx_time,
    input  wire [31:0]            ctx_count,
    input  wire [319:0]           ctx_key,
    input  wire [23:0]            st_red_avg,
    input  wire [15:0]            st_red_peak,
    input  wire                   st_red_bad,
    input  wire [6:0]             st_xfer_cfg_err,  // XFER_STATUS.cfg_err (nicrx_xfer_plan)
    input  wire                   st_flist_bound,   // FLIST_STATUS (nicrx_flist)
    input  wire                   st_flist_err,
    input  wire [4:0]             st_flist_cnt,
    input  wire [7:0]             st_flist_head
);
    // ---- parameter checks: the ranges of nicrx_top (a bad value instantiates a
    // module that does not exist, so every tool stops and names the parameter)
    function pow2;     // is v a power of two?
        input integer v;
        begin
            pow2 = v > 0 && (v & (v - 1)) == 0;
        end
    endfunction
    generate
        if (DATA_WIDTH != 32 && DATA_WIDTH != 64)
            nicrx_param_error_DATA_WIDTH_must_be_32_or_64 u_err_dw ();
        if (!pow2(PKT_MEM_BYTES) || PKT_MEM_BYTES < MAX_FRAME)
            nicrx_param_error_PKT_MEM_BYTES_power_of_two_at_least_MAX_FRAME u_err_pm ();
        if (HEADER_BYTES != 64 && HEADER_BYTES != 128 && HEADER_BYTES != 256)
            nicrx_param_error_HEADER_BYTES_64_128_or_256 u_err_hb ();
        if (MAX_FRAME < 64 || MAX_FRAME > 16383)
            nicrx_param_error_MAX_FRAME_64_to_16383 u_err_mf ();
        if (NUM_CQ != 1 && NUM_CQ != 2 && NUM_CQ != 4 && NUM_CQ != 8)
            nicrx_param_error_NUM_CQ_1_2_4_or_8 u_err_cq ();
        if (!pow2(FQ_DEPTH) || FQ_DEPTH < 2 || FQ_DEPTH > 256)
            nicrx_param_error_FQ_DEPTH_power_of_two_2_to_256 u_err_fq ();
        if (!pow2(DESC_DEPTH) || DESC_DEPTH < 4 || DESC_DEPTH > 64)
            nicrx_param_error_DESC_DEPTH_power_of_two_4_to_64 u_err_dd ();
        if (!pow2(MAX_BURST) || MAX_BURST < 2 || MAX_BURST > 256)
            nicrx_param_error_MAX_BURST_power_of_two_2_to_256 u_err_mb ();
        if (PARSE_ENGINES != 1 && PARSE_ENGINES != 2)
            nicrx_param_error_PARSE_ENGINES_1_or_2 u_err_ne ();
        if (!pow2(IMEM_DEPTH) || IMEM_DEPTH < 16 || IMEM_DEPTH > 256)
            nicrx_param_error_IMEM_DEPTH_power_of_two_16_to_256 u_err_im ();
        if (!pow2(FLOWS) || FLOWS < 8 || FLOWS > 256)
            nicrx_param_error_FLOWS_power_of_two_8_to_256 u_err_fl ();
    endgenerate

    localparam [1:0] RESP_OKAY   = 2'b00;
    localparam [1:0] RESP_SLVERR = 2'b10;

    // ---- AXI4-Lite handshake and the instruction store (the rest is generated)
    reg                  wr_ready_reg,      wr_ready_next;   // awready and wready
    reg                  bvalid_reg,        bvalid_next;
    reg [1:0]            bresp_reg,         bresp_next;
    reg                  arready_reg,       arready_next;
    reg                  rd_pend_reg,       rd_pend_next;    // between E1 and E2
    reg                  rvalid_reg,        rvalid_next;
    reg [31:0]           rdata_reg,         rdata_next;
    reg [1:0]            rresp_reg,         rresp_next;
    reg                  imem_we_reg,       imem_we_next;
    reg [7:0]            imem_addr_reg,     imem_addr_next;
    reg [127:0]          imem_data_reg,     imem_data_next;

    wire wr_en = wr_ready_reg;   // the register write happens at this edge
    wire rd_en = arready_reg;    // the read mux's first level is taken at this edge

    `include "nicrx_csr_regs.vh"

    // ---- side effects, on the generated strobes and device loads
    // Writing enable = 0 (byte 0 written) also clears the ring's or queue's doorbell.
    wire db_clear = s_axil_wstrb[0] && !s_axil_wdata[0];
    assign fbr_tail_ld     = wr_fbr_ctrl & {NUM_FBR{db_clear}};
    assign fbr_tail_ld_val = {NUM_FBR*16{1'b0}};
    assign cq_head_ld      = wr_cq_ctrl & {NUM_CQ{db_clear}};
    assign cq_head_ld_val  = {NUM_CQ*16{1'b0}};
    // An IDATA3 write (any byte) stores the instruction at IADDR, then IADDR moves on.
    wire imem_store = wr_parser_idata[3] && s_axil_wstrb != 4'd0;
    assign iaddr_ld     = imem_store;
    assign iaddr_ld_val = iaddr_reg + 8'd1;
    // A READ command's result loads the context window, over a host write.
    assign ctx_info_ld      = ctx_load;
    assign ctx_info_ld_val  = ctx_info[25:0];
    assign ctx_seq_ld       = ctx_load;
    assign ctx_seq_ld_val   = ctx_seq;
    assign ctx_ack_ld       = ctx_load;
    assign ctx_ack_ld_val   = ctx_ack;
    assign ctx_opt_ld       = ctx_load;
    assign ctx_opt_ld_val   = ctx_opt;
    assign ctx_time_ld      = ctx_load;
    assign ctx_time_ld_val  = ctx_time;
    assign ctx_count_ld     = ctx_load;
    assign ctx_count_ld_val = ctx_count;
    assign ctx_key_ld       = {10{ctx_load}};
    assign ctx_key_ld_val   = ctx_key;

    // ---- next state
    always @* begin
        wr_ready_next  = 1'b0;
        bvalid_next    = bvalid_reg;
        bresp_next     = bresp_reg;
        arready_next   = 1'b0;
        rd_pend_next   = rd_en;
        rvalid_next    = rvalid_reg;
        rdata_next     = rdata_reg;
        rresp_next     = rresp_reg;
        imem_we_next   = imem_store;
        imem_addr_next = imem_addr_reg;
        imem_data_next = imem_data_reg;

        // write channel
        if (bvalid_reg && s_axil_bready)
            bvalid_next = 1'b0;
        if (!wr_ready_reg && !bvalid_reg && s_axil_awvalid && s_axil_wvalid)
            wr_ready_next = 1'b1;
        if (wr_en) begin
            bvalid_next = 1'b1;
            bresp_next  = wr_mapped ? RESP_OKAY : RESP_SLVERR;
        end
        if (imem_store) begin
            imem_addr_next = iaddr_reg;
            imem_data_next = idata_next;    // with IDATA3 just written
        end

        // read channel
        if (rvalid_reg && s_axil_rready)
            rvalid_next = 1'b0;
        if (!arready_reg && !rd_pend_reg && !rvalid_reg && s_axil_arvalid)
            arready_next = 1'b1;
        if (rd_pend_reg) begin
            rvalid_next = 1'b1;
            rdata_next  = rd_value;
            rresp_next  = rd_mapped ? RESP_OKAY : RESP_SLVERR;
        end
    end

    // ---- registers
    always @(posedge clk) begin
        if (rst) begin
            wr_ready_reg  <= 1'b0;
            bvalid_reg    <= 1'b0;
            bresp_reg     <= RESP_OKAY;
            arready_reg   <= 1'b0;
            rd_pend_reg   <= 1'b0;
            rvalid_reg    <= 1'b0;
            rdata_reg     <= 32'd0;
            rresp_reg     <= RESP_OKAY;
            imem_we_reg   <= 1'b0;
            imem_addr_reg <= 8'd0;
            imem_data_reg <= 128'd0;
        end else begin
            wr_ready_reg  <= wr_ready_next;
            bvalid_reg    <= bvalid_next;
            bresp_reg     <= bresp_next;
            arready_reg   <= arready_next;
            rd_pend_reg   <= rd_pend_next;
            rvalid_reg    <= rvalid_next;
            rdata_reg     <= rdata_next;
            rresp_reg     <= rresp_next;
            imem_we_reg   <= imem_we_next;
            imem_addr_reg <= imem_addr_next;
            imem_data_reg <= imem_data_next;
        end
    end

    // ---- outputs: straight from registers
    assign s_axil_awready    = wr_ready_reg;
    assign s_axil_wready     = wr_ready_reg;
    assign s_axil_bvalid     = bvalid_reg;
    assign s_axil_bresp      = bresp_reg;
    assign s_axil_arready    = arready_reg;
    assign s_axil_rvalid     = rvalid_reg;
    assign s_axil_rdata      = rdata_reg;
    assign s_axil_rresp      = rresp_reg;
    assign cfg_enable        = enable_reg;
    assign cfg_qsel_log2     = qsel_reg;
    assign cfg_fbr_base      = fbr_base_reg;
    assign cfg_fbr_size_log2 = fbr_size_log2_reg;
    assign cfg_fbr_buf_size  = fbr_buf_size_reg;
    assign cfg_fbr_en        = fbr_en_reg;
    assign cfg_fbr_tail      = fbr_tail_reg;
    assign cfg_cq_base       = cq_base_reg;
    assign cfg_cq_size_log2  = cq_size_log2_reg;
    assign cfg_cq_en         = cq_en_reg;
    assign cfg_cq_irq_en     = cq_irq_en_reg;
    assign cfg_cq_head       = cq_head_reg;
    assign cfg_irq_count     = irq_count_reg;
    assign cfg_irq_time      = irq_time_reg;
    assign cfg_irq_mask      = irq_mask_reg;
    assign cfg_irq_tick      = irq_tick_reg;
    assign cfg_msix_en       = msix_en_reg;
    assign cfg_msix_addr     = msix_addr_reg;
    assign cfg_msix_data     = msix_data_reg;
    assign cfg_step_limit    = step_limit_reg;
    assign cfg_swap          = swap_reg;
    assign cfg_imem_we       = imem_we_reg;
    assign cfg_imem_addr     = imem_addr_reg;
    assign cfg_imem_data     = imem_data_reg;
    assign cfg_flow_ctrl     = flow_ctrl_reg;
    assign cfg_flow_thresh   = flow_thresh_reg;
    assign cfg_flow_tick     = flow_tick_reg;
    assign cfg_flow_age      = flow_age_reg;
    assign cfg_flow_cmd      = flow_cmd_reg;
    assign cfg_flow_sel      = flow_sel_reg;
    assign cfg_ctx_info      = {6'd0, ctx_info_reg};
    assign cfg_ctx_seq       = ctx_seq_reg;
    assign cfg_ctx_ack       = ctx_ack_reg;
    assign cfg_ctx_opt       = ctx_opt_reg;
    assign cfg_ctx_key       = ctx_key_reg;
    assign cfg_red_mode      = red_mode_reg;
    assign cfg_red_wlog      = red_wlog_reg;
    assign cfg_red_maxp      = red_maxp_reg;
    assign cfg_red_min       = red_min_reg;
    assign cfg_red_max       = red_max_reg;
    assign cfg_red_exempt    = red_exempt_reg;
    assign cfg_red_seed      = red_seed_reg;
    assign cfg_red_th        = red_th_reg;
    assign cfg_red_p         = red_p_reg;
    assign cfg_red_peak_clr  = red_peak_clr_reg;
    assign cfg_xfer_split    = xfer_split_reg;
    assign cfg_xfer_small    = xfer_small_reg;
    assign cfg_xfer_page     = {xfer_page_align_reg, xfer_page_log2_reg, xfer_page_en_reg};
    assign cfg_xfer_buf_wait = xfer_buf_wait_reg;
    assign cfg_reasm         = {reasm_strip_reg, reasm_timeout_reg, reasm_max_segs_reg, reasm_max_bytes_reg, reasm_page_log2_reg,
                                reasm_flush_reg, reasm_en_reg};
    assign cfg_flist_cmd     = flist_cmd_reg;
    assign cfg_flist_sel     = flist_sel_reg;
    assign cfg_flist_flow    = {flist_gen_reg, flist_flow_reg};
    assign cfg_flist_addr    = flist_addr_reg;
    assign cfg_flist_id      = flist_id_reg;
    assign cfg_flist_size    = flist_size_reg;

    // ---- receive-side scaling: an RSS_RETA_IDATA write (any byte) stores the entry at
    // IADDR in the cycle after it, then IADDR moves on; the key's words byte-reversed so
    // that key byte 0 leads
    wire reta_store = wr_rss_reta_idata && s_axil_wstrb != 4'd0;
    reg       reta_we_reg;
    reg [8:0] reta_addr_reg;
    assign reta_iaddr_ld     = reta_store;
    assign reta_iaddr_ld_val = reta_iaddr_reg + 9'd1;
    always @(posedge clk) begin
        reta_we_reg <= !rst && reta_store;
        if (rst)             reta_addr_reg <= 9'd0;
        else if (reta_store) reta_addr_reg <= reta_iaddr_reg;
    end
    wire [319:0] rss_key_words = {rss_key0_reg, rss_key1_reg, rss_key2_reg, rss_key3_reg, rss_key4_reg,
                                  rss_key5_reg, rss_key6_reg, rss_key7_reg, rss_key8_reg, rss_key9_reg};
    genvar kw;
    for (kw = 0; kw < 10; kw = kw + 1) begin : g_rss_key
        assign cfg_rss_key[kw*32 +: 32] = {rss_key_words[kw*32 +: 8], rss_key_words[kw*32 + 8 +: 8],
                                           rss_key_words[kw*32 + 16 +: 8], rss_key_words[kw*32 + 24 +: 8]};
    end
    assign cfg_rss_types = rss_types_reg;
    assign cfg_rss_mode  = rss_mode_reg;
    assign cfg_reta_we   = reta_we_reg;
    assign cfg_reta_addr = reta_addr_reg;
    assign cfg_reta_data = reta_idata_reg;

`ifdef FORMAL
    // ================================================================ formal
    // AXI4-Lite slave properties checked by formal/run.sh (docs/formal.md).  The master
    // is constrained to the AXI rules only (a valid stays up, its payload stable, until
    // its ready); bready and rready are free.  Nothing here is synthesized or simulated.
    `include "nicrx_formal_reset.vh"

    // the previous cycle's bus
    reg        f_p_awvalid, f_p_awready, f_p_wvalid, f_p_arvalid, f_p_arready;
    reg        f_p_bvalid, f_p_bready, f_p_rvalid, f_p_rready;
    reg [11:0] f_p_awaddr, f_p_araddr;
    reg [31:0] f_p_wdata, f_p_rdata;
    reg [3:0]  f_p_wstrb;
    reg [1:0]  f_p_bresp, f_p_rresp;
    always @(posedge clk) begin
        f_p_awvalid <= s_axil_awvalid;  f_p_awready <= s_axil_awready;
        f_p_wvalid  <= s_axil_wvalid;   f_p_arvalid <= s_axil_arvalid;
        f_p_arready <= s_axil_arready;  f_p_bvalid  <= s_axil_bvalid;
        f_p_bready  <= s_axil_bready;   f_p_rvalid  <= s_axil_rvalid;
        f_p_rready  <= s_axil_rready;   f_p_awaddr  <= s_axil_awaddr;
        f_p_araddr  <= s_axil_araddr;   f_p_wdata   <= s_axil_wdata;
        f_p_rdata   <= s_axil_rdata;    f_p_wstrb   <= s_axil_wstrb;
        f_p_bresp   <= s_axil_bresp;    f_p_rresp   <= s_axil_rresp;
    end

    // ---- master: valid and payload held until the handshake (AXI A3.2.1)
    always @(*) if (f_past_valid && !f_past_rst) begin
        if (f_p_awvalid && !f_p_awready) assume(s_axil_awvalid && s_axil_awaddr == f_p_awaddr);
        if (f_p_wvalid && !f_p_wready)
            assume(s_axil_wvalid && s_axil_wdata == f_p_wdata && s_axil_wstrb == f_p_wstrb);
        if (f_p_arvalid && !f_p_arready) assume(s_axil_arvalid && s_axil_araddr == f_p_araddr);
    end
    wire f_p_wready = f_p_awready;   // one register drives both

    // ---- transactions in flight: requests taken minus responses taken
    wire f_aw_hs = s_axil_awvalid && s_axil_awready;
    wire f_w_hs  = s_axil_wvalid  && s_axil_wready;
    wire f_b_hs  = s_axil_bvalid  && s_axil_bready;
    wire f_ar_hs = s_axil_arvalid && s_axil_arready;
    wire f_r_hs  = s_axil_rvalid  && s_axil_rready;
    reg [1:0] f_wr_out, f_rd_out;
    reg       f_p_id_read, f_p_ver_read, f_p_unmapped_read, f_p_ctrl_write;
    reg       f_p_ar_hs, f_pp_ar_hs, f_pp_id_read, f_pp_ver_read, f_pp_unmapped_read;
    always @(posedge clk) begin
        if (rst) begin
            f_wr_out <= 2'd0;
            f_rd_out <= 2'd0;
        end else begin
            f_wr_out <= f_wr_out + {1'b0, f_aw_hs} - {1'b0, f_b_hs};
            f_rd_out <= f_rd_out + {1'b0, f_ar_hs} - {1'b0, f_r_hs};
        end
        // a read answers two edges after its handshake: E1 (first level), E2 (rvalid)
        f_p_ar_hs          <= !rst && f_ar_hs;
        f_p_id_read        <= !rst && f_ar_hs && s_axil_araddr[11:2] == 10'h000;
        f_p_ver_read       <= !rst && f_ar_hs && s_axil_araddr[11:2] == 10'h001;
        f_p_unmapped_read  <= !rst && f_ar_hs && s_axil_araddr[11:8] == 4'h3;
        f_pp_ar_hs         <= !rst && f_p_ar_hs;
        f_pp_id_read       <= !rst && f_p_id_read;
        f_pp_ver_read      <= !rst && f_p_ver_read;
        f_pp_unmapped_read <= !rst && f_p_unmapped_read;
        f_p_ctrl_write    <= f_aw_hs && s_axil_awaddr[11:2] == 10'h004 && s_axil_wstrb[0];
    end

    always @(*) if (f_past_valid) begin
        // after reset every valid and ready is low and the responses are OKAY / 0
        if (f_past_rst) begin
            assert(!s_axil_awready && !s_axil_wready && !s_axil_arready);
            assert(!s_axil_bvalid && !s_axil_rvalid);
            assert(s_axil_bresp == RESP_OKAY && s_axil_rresp == RESP_OKAY);
            assert(s_axil_rdata == 32'd0);
        end else begin
            // awready / wready: together, one cycle, only on a request, never with B
            // pending; arready: one cycle, only on a request, never with R pending
            if (f_p_awready) assert(!s_axil_awready);
            if (f_p_arready) assert(!s_axil_arready);
            // a response, once up, holds with its payload until taken
            if (f_p_bvalid && !f_p_bready)
                assert(s_axil_bvalid && s_axil_bresp == f_p_bresp);
            if (f_p_rvalid && !f_p_rready)
                assert(s_axil_rvalid && s_axil_rdata == f_p_rdata && s_axil_rresp == f_p_rresp);
            // a write is answered at the next edge, a read at the one after
            if (f_p_awvalid && f_p_awready) assert(s_axil_bvalid);
            if (f_p_ar_hs)  assert(rd_pend_reg && !s_axil_rvalid);
            if (f_pp_ar_hs) assert(s_axil_rvalid);
            // an idle slave takes a request at the next edge
            if (f_p_awvalid && f_p_wvalid && !f_p_awready && !f_p_bvalid) assert(s_axil_awready);
            if (f_p_arvalid && !f_p_arready && !f_pp_ar_hs && !f_p_rvalid) assert(s_axil_arready);
            // register contents
            if (f_pp_id_read)  assert(s_axil_rdata == ID_VALUE && s_axil_rresp == RESP_OKAY);
            if (f_pp_ver_read) assert(s_axil_rdata == VERSION_VALUE && s_axil_rresp == RESP_OKAY);
            if (f_pp_unmapped_read) assert(s_axil_rdata == 32'd0 && s_axil_rresp == RESP_SLVERR);
            if (f_p_ctrl_write) assert(cfg_enable == f_p_wdata[0] && s_axil_bresp == RESP_OKAY);
        end
        assert(s_axil_awready == s_axil_wready);
        if (s_axil_awready) assert(s_axil_awvalid && s_axil_wvalid && !s_axil_bvalid);
        if (s_axil_arready) assert(s_axil_arvalid && !s_axil_rvalid && !rd_pend_reg);
        if (rd_pend_reg) assert(!s_axil_rvalid);
        // exactly one response per request: at most one in flight, and a response is
        // up exactly while one is in flight (no response without a request)
        assert(f_wr_out == {1'b0, s_axil_bvalid});
        assert(f_rd_out == {1'b0, s_axil_rvalid || rd_pend_reg});
        assert(s_axil_bresp == RESP_OKAY || s_axil_bresp == RESP_SLVERR);
        assert(s_axil_rresp == RESP_OKAY || s_axil_rresp == RESP_SLVERR);
        // configuration invariants (registers.md)
        assert(cfg_qsel_log2 <= QSEL_MAX);
    end
    genvar f_q, f_r;
    generate
        for (f_r = 0; f_r < NUM_FBR; f_r = f_r + 1) begin : g_f_fbr
            always @(*) if (f_past_valid) begin
                assert(fbr_size_log2_reg[f_r*4 +: 4] != 4'd0);
                assert(fbr_base_reg[f_r*64 +: 6] == 6'd0);
            end
        end
        for (f_q = 0; f_q < NUM_CQ; f_q = f_q + 1) begin : g_f_cq
            always @(*) if (f_past_valid) begin
                assert(cq_size_log2_reg[f_q*4 +: 4] != 4'd0);
                assert(cq_base_reg[f_q*64 +: 4] == 4'd0);
            end
        end
    endgenerate

    // ---- covers
    always @(*) if (f_past_valid && !rst) begin
        cover(f_b_hs && s_axil_bresp == RESP_OKAY);
        cover(f_b_hs && s_axil_bresp == RESP_SLVERR);
        cover(f_r_hs && s_axil_rresp == RESP_OKAY);
        cover(f_r_hs && s_axil_rresp == RESP_SLVERR);
        cover(f_pp_id_read && s_axil_rvalid);
        cover(f_p_bvalid && !f_p_bready && s_axil_bvalid);      // B held under back-pressure
        cover(f_p_rvalid && !f_p_rready && s_axil_rvalid);      // R held under back-pressure
        cover(s_axil_bvalid && s_axil_rvalid);                  // both channels busy
        cover(cfg_enable && cfg_qsel_log2 == QSEL_MAX);
    end
`endif
endmodule

`resetall
`default_nettype wire
