// nicrx_dma - frame queue, frame data and completion record writes on the AXI4 write
// channels, completion-queue tails; the descriptors come from nicrx_desc_fetch, the
// interrupt lines from nicrx_irq.
// C twin: cmodel/dma.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_dma".
//
// Pipeline:
//   s_fl (nicrx_rss's stream) -> frame queue (fq, with flm_mem and ctl_mem) -> issue FSM (is_*) -> AW register
//                                 |  \-> pc, wc streams -> nicrx_mover (packet memory to W)
//                                 \----> cr stream -> nicrx_cpl_write (record words -^, B, CQ tails, DELIVERED)
//   nicrx_desc_fetch's head registers (s_desc_*) -> issue FSM -> m_desc_pop
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_dma #(
    parameter DATA_WIDTH = 64,  // packet-memory data width (nicrx_top)
    parameter AXI_DATA_WIDTH = 128, // AXI4 W data width: DATA_WIDTH or 2 x DATA_WIDTH (nicrx_top)
    parameter PM_AW      = 11,  // packet-memory word address bits (nicrx_top's PM_AW)
    parameter NUM_CQ     = 4,   // completion queues and interrupt lines (nicrx_top)
    parameter FQ_DEPTH   = 32,  // frame queue entries (nicrx_top)
    parameter MAX_BURST  = 16,  // beats per AXI4 write burst (nicrx_top)
    parameter FLOWS      = 64   // flow database entries: the re-assembly table's (nicrx_top)
) (
    input  wire                      clk,
    input  wire                      rst,
    // the flow block's stream: one frame and its flow (valid only, rtl/nicrx_stream_fl.vh)
    input  wire                      s_fl_valid,
    input  wire [FL_W-1:0]           s_fl_data,
    output wire                      pm_rd_en,
    output wire [PM_AW-1:0]          pm_rd_addr,
    input  wire [DATA_WIDTH-1:0]     pm_rd_data,
    output wire [PM_AW:0]            pm_rel_ptr,
    output wire                      fq_pop,
    input  wire [4*16-1:0]           cfg_fbr_buf_size,  // rings 0 small, 1 large, 2 header, 3 re-assembly
    input  wire [3:0]                cfg_fbr_en,
    input  wire [10:0]               cfg_xfer_page,     // XFER_PAGE {align_log2, page_log2, en} (nicrx_page)
    input  wire [15:0]               cfg_xfer_buf_wait, // XFER_BUF_WAIT: cycles the head waits for a descriptor (0: forever)
    input  wire [48:0]               cfg_reasm,   // REASM_*: {strip, timeout, max_segs, max_bytes, page_log2, flush, en} (nicrx_csr)
    input  wire [15:0]               now,         // the device time in ticks (nicrx_flow's flow_time)
    // nicrx_desc_fetch: each ring's oldest descriptor {buf_id, addr}, a pop takes it
    input  wire [3:0]                s_desc_valid,
    input  wire [4*80-1:0]           s_desc_data,
    input  wire                      s_desc_bad3, // ring 3's head is a list buffer smaller than a page (nicrx_flist)
    output wire [3:0]                m_desc_pop,
    output wire [15:0]               m_head,      // the queue head's {gen, flow} (nicrx_flist picks its buffer)
    input  wire                      s_rerr,      // a read error nicrx_desc_fetch saw (AXI_ERROR)
    input  wire [NUM_CQ*64-1:0]      cfg_cq_base,
    input  wire [NUM_CQ*4-1:0]       cfg_cq_size_log2,
    input  wire [NUM_CQ-1:0]         cfg_cq_en,
    input  wire [NUM_CQ*16-1:0]      cfg_cq_head,
    output wire [NUM_CQ*16-1:0]      st_cq_tail,
    output wire                      st_idle,
    output wire [31:0]               cnt_delivered,
    output wire [31:0]               cnt_drop_no_fit,
    output wire [31:0]               cnt_drop_no_cq,
    output wire [31:0]               cnt_drop_red_early,
    output wire [31:0]               cnt_drop_red_forced,
    output wire [3*32-1:0]           cnt_drop_no_buf,   // DROP_NO_BUF_SMALL, _LARGE, _HDR: ring 0 lowest
    output wire [31:0]               cnt_reasm_no_page, // REASM_NO_PAGE
    output wire [31:0]               cnt_desc_error,
    output wire [31:0]               cnt_axi_error,
    output wire                      m_axi_awvalid,
    output wire [63:0]               m_axi_awaddr,
    output wire [7:0]                m_axi_awlen,
    input  wire                      m_axi_awready,
    output wire                      m_axi_wvalid,
    output wire [AXI_DATA_WIDTH-1:0] m_axi_wdata,
    output wire [AXI_DATA_WIDTH/8-1:0] m_axi_wstrb,
    output wire                      m_axi_wlast,
    input  wire                      m_axi_wready,
    input  wire                      m_axi_bvalid,
    input  wire [1:0]                m_axi_bresp,
    output wire                      m_axi_bready
);
    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_AXI_DATA_WIDTH
        `NICRX_CHECK_PM_AW
        `NICRX_CHECK_NUM_CQ
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_MAX_BURST
        `NICRX_CHECK_FLOWS
    endgenerate

    localparam BPB   = DATA_WIDTH / 8;          // bytes per packet-memory word
    localparam LBPB  = (DATA_WIDTH == 64) ? 3 : 2;
    localparam ABPB  = AXI_DATA_WIDTH / 8;      // bytes per W beat
    localparam LABPB = $clog2(ABPB);
    localparam R     = AXI_DATA_WIDTH / DATA_WIDTH; // words per W beat (the gearbox): 1 or 2
    localparam RB    = 32 / ABPB;               // beats per completion record (v2: 32 bytes)
    localparam integer REC_LEN_I = RB - 1;
    localparam [7:0]  REC_LEN = REC_LEN_I[7:0];  // awlen of a completion record
    localparam [8:0]  NUM_CQ_9 = NUM_CQ[8:0];
    localparam [15:0] MAX_BURST_16 = MAX_BURST[15:0];
    localparam [15:0] BPB_16 = BPB[15:0];
    localparam LFQ   = $clog2(FQ_DEPTH);
    localparam QW    = (NUM_CQ > 1) ? $clog2(NUM_CQ) : 1;
    // frame queue entry: len, l3, l4, vlan, frag, l3_off, l4_off, hash, trunc, perr,
    // presel, queue, rss_type, for the record's word 2 pay and lerr, nicrx_xfer_plan's split,
    // hdr_len and dlen, for the re-assembly table's request seq and fcl (URG, PSH, RST, FIN),
    // and for a run record the ACK number and window (fh bits 203:172, 219:204)
    localparam FQW   = 16 + 2 + 2 + 1 + 1 + 8 + 8 + 32 + 3 + 8 + 3 + 16 + 1 + 1 + 16 + 16 + 32 + 6 + 32 + 16;
    localparam integer BPB_M1_I = BPB - 1;
    localparam [2:0] BPB_M1 = BPB_M1_I[2:0];   // a byte's offset in a packet-memory word
    localparam integer UP_OFF_I = ABPB - BPB;  // the upper lane's first byte in a beat (R = 2)
    localparam [LABPB-1:0] UP_OFF = UP_OFF_I[LABPB-1:0];
    localparam [2:0] IS_IDLE = 3'd0, IS_DATA = 3'd1, IS_REC = 3'd2, IS_WAIT = 3'd3,
                     IS_SIZE = 3'd4, IS_PRE = 3'd5, IS_P2 = 3'd6, IS_SKIP = 3'd7;
    localparam [1:0] HDR_RING = 2'd2;          // the header ring (regs/nicrx.regs HDR_RING)
    localparam [1:0] RA_RING = 2'd3;           // the re-assembly ring (REASM_RING): a run's page
    localparam [3:0] R_DROP = 4'd9;            // enum nicrx_reasm_reason: the close this block adds
    localparam [ABPB-1:0] STRB_ONES = {ABPB{1'b1}};
    localparam integer   CLS_PRESEL = 5;  // enum nicrx_class_bit
    localparam [3:0] OP_CTRL = 4'd3, OP_NO_MERGE = 4'd8;  // enum nicrx_opcode: CTRL..NO_MERGE can touch a run
    `include "nicrx_stream_fl.vh"
    `include "nicrx_stream_pc.vh"
    `include "nicrx_stream_wc.vh"
    `include "nicrx_stream_cr.vh"

    // ---- registers -------------------------------------------------------
    // The frame queue is a RAM read through a register.  A read never hits the entry written at the same edge (only
    // entries already in the FIFO are read, or the data is marked invalid), so the
    // read-during-write result does not matter.  Distributed RAM: in a block RAM the head
    // register would be the RAM's own output latch, whose clock-to-out (5.8 ns on ECP5) starts
    // the issue FSM's paths (73.6 MHz out of context at FQ_DEPTH 64 with it in block RAM).
    // An entry (FQW bits, fq_word's layout) is kept in two parts.  Part A (len, queue, lerr,
    // split, hdr_len, dlen: what the hd_* registers and the page cursors compute from in the
    // cycle after a take), the flow and the control bits load the head's registers at the
    // take, as a RAM read register.  Part B (the completion's fields, the sequence and ACK
    // numbers, the flags, the window) loads its register a cycle later (fh_ld), from the
    // head's place (fh_ptr), and is read from the RAM itself in that cycle: the decision that
    // releases the head is not the enable of its 160-odd flip-flops (issue 10), and the paths
    // that start at part A do not start at a RAM read.  The entry stays whole that cycle: it
    // is written again at the next edge at the earliest.
    localparam FQA_W = 16 + 8 + 1 + 1 + 16 + 16;
    localparam FQB_W = FQW - FQA_W;
    (* no_rw_check, ram_style = "distributed" *)
    reg [FQA_W-1:0]      fqa_mem [0:FQ_DEPTH-1];
    (* no_rw_check, ram_style = "distributed" *)
    reg [FQB_W-1:0]      fqb_mem [0:FQ_DEPTH-1];
    reg [LFQ:0]          fq_wr_reg, fq_wr_next, fq_rd_reg, fq_rd_next;
    reg                  fq_pop_reg, fq_pop_next;
    reg [FQA_W-1:0]      fha_reg;            // head's part A (RAM read register, no reset)
    reg [FQB_W-1:0]      fhb_reg;            // head's part B (loaded a cycle later, no reset)
    // flow and control memories beside fqa_mem: same pointers, same read register timing
    (* no_rw_check *)
    reg [15:0]           flm_mem [0:FQ_DEPTH-1];
    (* no_rw_check *)
    reg [6:0]            ctl_mem [0:FQ_DEPTH-1];  // {asks the re-assembly table, RED verdict, operation code}
    reg [15:0]           fh_flow_reg;        // head's {gen, flow} (RAM read register)
    reg [6:0]            fh_ctl_reg;         // head's ctl_mem entry (RAM read register)
    reg [LFQ-1:0]        fh_ptr_reg;         // the head's place in the RAMs
    reg                  fh_ld_reg;          // the head was taken at the last edge: part B loads
    reg                  fh_valid_reg, fh_valid_next;

    reg [3:0]            desc_pop_reg, desc_pop_next;
    reg [2:0]            is_state_reg, is_state_next;
    reg [QW-1:0]         f_q_reg, f_q_next;
    reg [1:0]            f_ring_reg, f_ring_next;     // the first part's ring (2: a split frame's header)
    reg                  f_err_reg, f_err_next;
    reg [15:0]           f_bufid_reg, f_bufid_next;
    reg [63:0]           f_addr_reg, f_addr_next;
    // beats of the part still to issue, less 1: the burst's size compares with the page's
    // beats left less 1 (the address's beat inverted) and takes its own length from it, no
    // carry before or after the compares
    reg [15:0]           f_rm1_reg, f_rm1_next;
    reg [LABPB-1:0]      f_soff_reg, f_soff_next; // the part's first byte in its first beat
    reg                  f_first_reg, f_first_next;  // the next burst is the frame's first
    reg [7:0]            f_bm1_reg, f_bm1_next;       // next burst's beats less 1 (sized in IS_SIZE): the AW's and W command's length
    reg                  f_blast_reg, f_blast_next;   // it is the frame's last
    reg                  f_phase_reg, f_phase_next;   // record phase, computed in IS_REC
    reg [15:0]           f_plen_reg, f_plen_next;     // bytes of the part being issued
    // a split frame's data part: its buffer, taken with the header buffer, waits for the
    // header part's last burst (g_pend)
    reg                  g_pend_reg, g_pend_next;
    // each part's place in its page (nicrx_page): offset, entries before it in the page,
    // release (a buffer that is not a page: 0, 0, 1), for the record's word 3
    reg [15:0]           f_off_reg, f_off_next, g_off_reg, g_off_next;
    reg [12:0]           f_cnt_reg, f_cnt_next, g_cnt_reg, g_cnt_next;
    reg                  f_prel_reg, f_prel_next, g_prel_reg, g_prel_next;
    reg [2:0]            pg_take_reg, pg_take_next;   // the rings an entry was placed in (nicrx_page's s_take)
    reg                  g_ring_reg, g_ring_next;     // ring 0 or 1
    reg                  g_mrg_reg, g_mrg_next;       // ... or merged into a re-assembly run's page (dring 3)
    reg                  g_strip_reg, g_strip_next;   // ... appended with its header stripped (REASM_CTRL.strip)
    reg [15:0]           g_bufid_reg, g_bufid_next;
    reg [63:0]           g_addr_reg, g_addr_next;
    reg                  rec_rdy_reg, rec_rdy_next;   // f_addr, f_phase hold the record's (IS_REC); IS_SKIP's second cycle
    // queue-head decision, registered every cycle from fh (valid when fh did not
    // change at the last edge: hd_v)
    reg                  hd_v_reg, hd_v_next;
    reg                  dr_rel_reg, dr_rel_next;  // the head was dropped at the last edge: released now
    reg [1:0]            hd_ring_ok_reg, hd_ring_ok_next;
    reg [QW-1:0]         hd_q_reg, hd_q_next;
    reg                  hd_q_ok_reg, hd_q_ok_next;
    reg [1:0]            hd_red_reg, hd_red_next;   // the head's RED verdict
    reg [15:0]           hd_nb0_reg, hd_nb0_next;    // W beats of the first part from lane 0
    reg [15:0]           hd_nb1_reg, hd_nb1_next;    // ... from the upper lane (R = 2)
    reg [15:0]           hd_nd_reg, hd_nd_next;      // ... of the data part (split) at g_addr
    reg [15:0]           hd_nw1_reg, hd_nw1_next;    // packet-memory words the first part reads
    reg [15:0]           hd_nw2_reg, hd_nw2_next;    // ... the data part reads
    // its words without the stripped append's own read of the shared word, and whether there
    // is a shared word (hdr_len not whole words): hd_nw2 is made from these a cycle after the
    // head (three carry chains in series were nicrx_dma's critical path alone, 128.5 MHz),
    // and from g_strip at the same edge as before
    reg [15:0]           hd_nwa_reg, hd_nwa_next;
    reg                  hd_hodd_reg, hd_hodd_next;
    reg [15:0]           hd_cwd_reg, hd_cwd_next;    // ... the data part writes at g_addr
    reg                  hd_ld2_reg, hd_ld2_next;    // the data part's first word is a lead
    reg                  hd_pr2_reg, hd_pr2_next;    // a stripped data part's first word is a prime
    reg                  hd_fl2_reg, hd_fl2_next;    // hd_cwd + hd_pr2 != hd_nw2 + hd_ld2 (one cycle later): a flush
    // {is 1, is 0} of each word count a command can carry (the pc stream's one and zero),
    // registered beside the counts so the mover's head loads them and compares nothing:
    // the frame's words (a drop), hd_nw1, the stripped header's whole words, hd_nw2 (from
    // hd_nw2_reg, a cycle later: its sum of three counts and a compare was the block's
    // critical path)
    reg [1:0]            hd_nfh_reg, hd_nfh_next, hd_nf1_reg, hd_nf1_next;
    reg [1:0]            hd_nfs_reg, hd_nfs_next, hd_nf2_reg, hd_nf2_next;
    reg                  hd_dneed_reg, hd_dneed_next; // a data buffer needed (whole, or dlen > 0)
    reg                  hd_hfit_reg, hd_hfit_next;   // a split frame's header part fits ring 2's entries
    reg [3:0]            hd_dv_reg, hd_dv_next;       // each ring's head descriptor was valid at the last edge
    reg [3:0]            hd_bad_reg, hd_bad_next;     // ... and its address is misaligned (nicrx_page's amask; ring 3: the page size)
    // a run record to issue (rp), after the frame's record (raft), and its fields: the run's
    // flow, generation, page buf_id, bytes, segments, first sequence number, close reason,
    // its last merged frame's flags, ACK number and window.  A run closing after the head
    // (r_aft) takes its bytes, reason, flags, ACK and window from one set, a close from the
    // other: both are kept and r_aft picks at the record (the choice at the load put the
    // decision before 75 flip-flops: hd_dneed_reg -> h_drop -> aft -> r_ack_reg was the
    // core's worst path at seed 1 of 2a72349, 124.7 MHz)
    reg                  rp_reg, rp_next, raft_reg, raft_next;
    reg                  r_aft_reg, r_aft_next;
    reg [7:0]            r_flow_reg, r_flow_next, r_gen_reg, r_gen_next, r_segs_reg, r_segs_next;
    reg [15:0]           r_id_reg, r_id_next;
    reg [16:0]           r_len_reg, r_len_next;       // the run's bytes (after the head)
    reg [16:0]           r_off_reg, r_off_next;       // the entry's offset (a close)
    reg [31:0]           r_seq_reg, r_seq_next;
    reg [3:0]            r_reason_reg, r_reason_next; // the entry's reason (after the head, or a close's own)
    reg                  r_rcls_reg, r_rcls_next;     // the entry closes before the head (else DROP)
    reg [5:0]            r_flags_reg, r_flags_next;   // the head's URG, PSH, RST, FIN (after the head)
    reg [31:0]           r_ack_reg, r_ack_next, r_eack_reg, r_eack_next;   // the head's, the entry's
    reg [15:0]           r_win_reg, r_win_next, r_ewin_reg, r_ewin_next;
    reg [31:0]           cnt_no_page_reg, cnt_no_page_next;
    // the wait bound (XFER_BUF_WAIT): cycles in a row the head has waited for a descriptor
    // alone (hd_wait, saturating), and, registered from it, the bound is reached (hd_to)
    reg [15:0]           hd_wait_reg, hd_wait_next;
    reg                  hd_to_reg, hd_to_next;
    reg [1:0]            hd_nbr_reg;          // nb_ring in the last cycle (the one hd_to's wait was for)


    reg                  awvalid_reg, awvalid_next;
    reg [63:0]           awaddr_reg, awaddr_next;
    reg [7:0]            awlen_reg, awlen_next;



    reg [31:0]           cnt_no_fit_reg, cnt_no_fit_next;
    reg [31:0]           cnt_no_cq_reg, cnt_no_cq_next;
    reg [31:0]           cnt_red_early_reg, cnt_red_early_next;
    reg [31:0]           cnt_red_forced_reg, cnt_red_forced_next;
    reg [3*32-1:0]       cnt_no_buf_reg, cnt_no_buf_next;  // per ring, ring 0 lowest
    reg [31:0]           cnt_desc_err_reg, cnt_desc_err_next;
    reg                  idle_reg, idle_next;

    // memory ports (computed in the next-state block)
    reg                  fq_we, fq_re;
    reg                  fh_rel;             // the head is released (its record's AW, or a drop)
    reg                  pc_we;
    reg [PC_W-1:0]       pc_wdata;
    reg                  wc_we;
    reg [WC_W-1:0]       wc_wdata;
    reg                  bq_we;

    // the entry as pushed: {win, ack, fcl, seq, dlen, hdr_len, split, lerr, pay, rss_type,
    // queue, presel, perr, trunc, hash, l4off, l3off, frag, vlan, l4, l3, len}
    wire [FQW-1:0] fq_word = {s_fl_data[FL_WIN +: FL_WIN_W], s_fl_data[FL_ACK +: FL_ACK_W],
            s_fl_data[FL_FCL +: FL_FCL_W], s_fl_data[FL_SEQ +: FL_SEQ_W], s_fl_data[FL_DLEN +: FL_DLEN_W], s_fl_data[FL_HDR_LEN +: FL_HDR_LEN_W],
            s_fl_data[FL_SPLIT], s_fl_data[FL_LERR], s_fl_data[FL_PAY +: FL_PAY_W],
            s_fl_data[FL_RSS_TYPE +: FL_RSS_TYPE_W], s_fl_data[FL_QUEUE +: FL_QUEUE_W],
            s_fl_data[FL_CLS + CLS_PRESEL], s_fl_data[FL_PERR],
            s_fl_data[FL_TRUNC], s_fl_data[FL_HASH +: FL_HASH_W],
            s_fl_data[FL_L4_OFF +: FL_L4_OFF_W], s_fl_data[FL_L3_OFF +: FL_L3_OFF_W], s_fl_data[FL_FRAG],
            s_fl_data[FL_VLAN], s_fl_data[FL_L4 +: FL_L4_W], s_fl_data[FL_L3 +: FL_L3_W],
            s_fl_data[FL_LEN +: FL_LEN_W]};
    // part A: bits 133:100 and 80:73 and 15:0; part B: 219:134, 99:81 and 72:16
    wire [FQA_W-1:0] fq_a = {fq_word[133:100], fq_word[80:73], fq_word[15:0]};
    wire [FQB_W-1:0] fq_b = {fq_word[219:134], fq_word[99:81], fq_word[72:16]};
    // the head: part B is its entry in the RAM the cycle after the take, then its register
    wire [FQB_W-1:0] fhb   = fh_ld_reg ? fqb_mem[fh_ptr_reg] : fhb_reg;
    wire [FQW-1:0] fh      = {fhb[FQB_W-1 -: 86], fha_reg[FQA_W-1 -: 34], fhb[75:57], fha_reg[23:16],
                              fhb[56:0], fha_reg[15:0]};
    wire [3:0]     fh_op   = fh_ctl_reg[3:0];
    wire [1:0]     fh_red  = fh_ctl_reg[5:4];
    wire [6:0]     ctl_q   = ctl_mem[fq_rd_reg[LFQ-1:0]];
    wire           fq_nonempty = fq_rd_reg != fq_wr_reg;

    // ---- outputs ---------------------------------------------------------
    // a word is free once the RAM has read it: pm_rel_reg follows rel_ptr_reg by the cycle
    // the read decided at an edge waits before the RAM takes it
    assign fq_pop          = fq_pop_reg;
    assign m_desc_pop      = desc_pop_reg;
    assign m_head          = fh_flow_reg;
    assign cnt_reasm_no_page = cnt_no_page_reg;
    assign st_idle         = idle_reg;
    assign cnt_drop_no_fit = cnt_no_fit_reg;
    assign cnt_drop_no_cq  = cnt_no_cq_reg;
    assign cnt_drop_red_early  = cnt_red_early_reg;
    assign cnt_drop_red_forced = cnt_red_forced_reg;
    assign cnt_drop_no_buf = cnt_no_buf_reg;
    assign cnt_desc_error  = cnt_desc_err_reg;
    assign m_axi_awvalid   = awvalid_reg;
    assign m_axi_awaddr    = awaddr_reg;
    assign m_axi_awlen     = awlen_reg;

    // ---- batching hint: other frames of the head's flow behind it (nicrx_more) ----
    wire [3:0] more_cnt;
    nicrx_more #(.FQ_DEPTH(FQ_DEPTH)) u_more (
        .clk(clk), .rst(rst),
        .s_push(s_fl_valid), .s_push_key(s_fl_data[FL_FLOW +: FL_FLOW_W]),
        .s_push_keep(s_fl_data[FL_RED +: FL_RED_W] == 2'b00),
        .fq_wr(fq_wr_reg), .fq_rd(fq_rd_reg), .head_key(fh_flow_reg),
        .more_cnt(more_cnt));

    // ---- the page cursors (nicrx_page): ring 2's entry is a header part, rings 0 and 1's a
    // whole frame or a data part (dlen); their answers are one cycle old, as hd_*
    wire [2:0]  pg_on, pg_rel;
    wire [47:0] pg_lim, pg_amask, pg_off;
    wire [38:0] pg_cnt;
    nicrx_page #(.NUM_FBR(3)) u_page (
        .clk(clk), .rst(rst),
        .cfg_page_en(cfg_xfer_page[2:0]), .cfg_page_log2(cfg_xfer_page[6:3]),
        .cfg_page_align(cfg_xfer_page[10:7]), .cfg_fbr_en(cfg_fbr_en[2:0]), .cfg_fbr_buf_size(cfg_fbr_buf_size[0 +: 48]),
        .s_len({fh[117:102], fh[133:118], fh[133:118]}), .s_take(pg_take_reg),
        .m_on(pg_on), .m_lim(pg_lim), .m_amask(pg_amask), .m_off(pg_off), .m_cnt(pg_cnt), .m_rel(pg_rel));

    // ---- the re-assembly table (nicrx_reasm): its request is the head frame when it can
    // touch a run (re-assembly on, an operation code CTRL..NO_MERGE: a pre-selected TCP
    // frame of a flow; a CTRL frame only with PSH, FIN, URG or RST: a pure ACK changes no
    // run, so it does not wait for the answer); the request changes with fh (a reload or a release) and with the
    // registered enable (rq_en), s_chg (rq_chg) in the request's first cycle, and IS_IDLE
    // decides such a head only with the answer; it takes the answer (ra_take) when it acts
    // on it, or a close alone (ra_cls) when it closes the run and merges nothing
    reg         rq_en_reg, rq_chg_reg;
    reg         rq_req_reg;        // the head asks (below), registered from the head's next values
    reg         ra_take, ra_cls;
    reg [15:0]  rq_pmask_reg;      // a page's address bits that must be 0 (ring 3: REASM_CTRL.page_log2, 12..16)
    function asks(input [3:0] op, input [5:0] fcl);
        asks = op >= OP_CTRL && op <= OP_NO_MERGE && (op != OP_CTRL || (|fcl));
    endfunction
    wire        ra_v, ra_req, ra_close, ra_open, ra_merge, ra_after, ra_busy;
    wire [7:0]  ra_flow, ra_r_gen, ra_r_segs;
    wire [3:0]  ra_reason;
    wire [63:0] ra_dst;
    wire [16:0] ra_off, ra_r_len;
    wire [15:0] ra_r_id;
    wire [31:0] ra_r_seq, ra_r_ack;
    wire [15:0] ra_r_win;
    wire        rq_ans = ra_v && ra_req && !rq_chg_reg;   // the answer for the head (held since it changed)
    nicrx_reasm #(.FLOWS(FLOWS)) u_reasm (
        .clk(clk), .rst(rst),
        .cfg_en(cfg_reasm[0]), .cfg_page_log2(cfg_reasm[6:2]), .cfg_max_bytes(cfg_reasm[23:7]),
        .cfg_max_segs(cfg_reasm[31:24]), .cfg_timeout(cfg_reasm[47:32]), .now(now), .s_flush(cfg_reasm[1]),
        .s_chg(rq_chg_reg), .s_req(rq_req_reg), .s_flow(fh_flow_reg[7:0]), .s_gen(fh_flow_reg[15:8]), .s_op(fh_op),
        // the payload it would merge: a split frame's data part (a length that lies merges nothing)
        .s_len((fh[101] && !fh[100]) ? fh[133:118] : 16'd0),
        .s_seq(fh[165:134]), .s_fcl(|fh[171:166]), .s_ack(fh[203:172]), .s_win(fh[219:204]),
        .s_take(ra_take), .s_take_cls(ra_cls), .s_take_page(s_desc_data[3*80+12 +: 52]),
        .s_take_id(s_desc_data[3*80+64 +: 16]),
        .m_v(ra_v), .m_req(ra_req), .m_flow(ra_flow), .m_close(ra_close), .m_reason(ra_reason),
        .m_open(ra_open), .m_merge(ra_merge), .m_after(ra_after), .m_dst(ra_dst), .m_off(ra_off),
        .m_r_gen(ra_r_gen), .m_r_id(ra_r_id), .m_r_len(ra_r_len), .m_r_segs(ra_r_segs), .m_r_seq(ra_r_seq),
        .m_r_ack(ra_r_ack), .m_r_win(ra_r_win),
        .m_busy(ra_busy));

    // ---- the mover (nicrx_mover): packet memory to W, from the issue FSM's pc and wc
    // streams and the record holder's words
    wire         pc_room, wc_room, rec_taken, mv_busy;
    wire         rec_full;    // the completion writer's holder has a record the mover has not taken
    wire [255:0] rec_words;
    nicrx_mover #(.DATA_WIDTH(DATA_WIDTH), .AXI_DATA_WIDTH(AXI_DATA_WIDTH), .PM_AW(PM_AW)) u_mover (
        .clk(clk), .rst(rst),
        .s_pc_valid(pc_we), .s_pc_data(pc_wdata), .s_pc_ready(pc_room),
        .s_wc_valid(wc_we), .s_wc_data(wc_wdata), .s_wc_ready(wc_room),
        .s_rec_valid(rec_full), .s_rec_data(rec_words), .s_rec_ready(rec_taken),
        .pm_rd_en(pm_rd_en), .pm_rd_addr(pm_rd_addr), .pm_rd_data(pm_rd_data), .pm_rel_ptr(pm_rel_ptr),
        .busy(mv_busy),
        .m_axi_wvalid(m_axi_wvalid), .m_axi_wdata(m_axi_wdata), .m_axi_wstrb(m_axi_wstrb),
        .m_axi_wlast(m_axi_wlast), .m_axi_wready(m_axi_wready));

    // ---- the completion writer (nicrx_cpl_write): a completion request with every AW (the
    // issue FSM's bq_we), a record's fields from the head and the f_*, g_* registers; the
    // record's slot, phase and CQ room for the issue FSM.  The request's kind comes from the
    // state alone, not from the issue's condition, so that the holder's 256 bits it selects
    // are a function of registers (issue 10: the AW's ready was on that path):
    // IS_DATA's bursts (a stripped append's last: DELIVERED) or IS_REC's record (a run
    // record, an error completion, or the frame's)
    wire              cr_rec = is_state_reg == IS_REC;
    wire              cr_run = cr_rec && rp_reg && !raft_reg;
    wire              cr_err = cr_rec && f_err_reg && !cr_run;
    wire              cr_dlv = is_state_reg == IS_DATA && f_blast_reg && !g_pend_reg && g_strip_reg;
    wire              cr_room, cw_busy;
    wire [15:0]       rec_off;
    wire              rec_ph;
    wire [63:0]       rec_base;
    wire [NUM_CQ-1:0] cq_room, cq_room2;
    reg  [CR_W-1:0]   cr_data;
    always @* begin
        cr_data = {CR_W{1'b0}};
        cr_data[CR_REC] = cr_rec;  cr_data[CR_ERR] = cr_err;  cr_data[CR_Q +: QW] = f_q_reg;
        cr_data[CR_PHASE] = f_phase_reg;
        // a run record: its page in ring 3, its flow, the run (docs/host-interface.md "Run record")
        cr_data[CR_RUN] = cr_run;  cr_data[CR_DLV] = cr_dlv;
        cr_data[CR_RING +: CR_RING_W] = cr_run ? RA_RING : f_ring_reg;
        cr_data[CR_BUFID +: CR_BUFID_W] = cr_run ? r_id_reg : f_bufid_reg;
        cr_data[CR_RLEN +: CR_RLEN_W] = r_aft_reg ? r_len_reg : r_off_reg;
        cr_data[CR_RSEGS +: CR_RSEGS_W] = r_segs_reg;  cr_data[CR_RSEQ +: CR_RSEQ_W] = r_seq_reg;
        cr_data[CR_RREASON +: CR_RREASON_W] = (r_aft_reg || r_rcls_reg) ? r_reason_reg : R_DROP;
        cr_data[CR_RFLAGS +: CR_RFLAGS_W] = r_aft_reg ? r_flags_reg : 6'd0;
        cr_data[CR_RACK +: CR_RACK_W] = r_aft_reg ? r_ack_reg : r_eack_reg;
        cr_data[CR_RWIN +: CR_RWIN_W] = r_aft_reg ? r_win_reg : r_ewin_reg;
        cr_data[CR_LEN +: CR_LEN_W] = fh[101] ? fh[117:102] : fh[15:0];   // the first part's
        cr_data[CR_OFF +: CR_OFF_W] = f_off_reg;  cr_data[CR_CNT +: CR_CNT_W] = f_cnt_reg;
        cr_data[CR_PREL] = f_prel_reg;
        cr_data[CR_SPLIT] = fh[101];  cr_data[CR_DLEN +: CR_DLEN_W] = fh[133:118];
        cr_data[CR_DRING +: CR_DRING_W] = g_mrg_reg ? RA_RING : {1'b0, g_ring_reg};
        cr_data[CR_MRG] = g_mrg_reg;  cr_data[CR_DBUFID +: CR_DBUFID_W] = g_bufid_reg;
        cr_data[CR_DOFF +: CR_DOFF_W] = g_off_reg;  cr_data[CR_DCNT +: CR_DCNT_W] = g_cnt_reg;
        cr_data[CR_DPREL] = g_prel_reg;
        cr_data[CR_FLOW +: CR_FLOW_W] = cr_run ? {r_gen_reg, r_flow_reg} : fh_flow_reg;
        cr_data[CR_OPCODE +: CR_OPCODE_W] = fh_op;
        // fh: {rss_type[3], queue[8], presel, perr, trunc, hash[32], l4off[8], l3off[8], frag,
        //      vlan, l4[2], l3[2], len[16]}
        cr_data[CR_L3 +: CR_L3_W] = fh[17:16];  cr_data[CR_L4 +: CR_L4_W] = fh[19:18];
        cr_data[CR_VLAN] = fh[20];  cr_data[CR_FRAG] = fh[21];
        cr_data[CR_TRUNC] = fh[70];  cr_data[CR_PERR] = fh[71];  cr_data[CR_PRESEL] = fh[72];
        cr_data[CR_MORE_CNT +: CR_MORE_CNT_W] = more_cnt;
        cr_data[CR_HASH +: CR_HASH_W] = fh[69:38];
        cr_data[CR_L3_OFF +: CR_L3_OFF_W] = fh[29:22];  cr_data[CR_L4_OFF +: CR_L4_OFF_W] = fh[37:30];
        cr_data[CR_RSS_TYPE +: CR_RSS_TYPE_W] = fh[83:81];
        cr_data[CR_PAY +: CR_PAY_W] = fh[99:84];  cr_data[CR_LERR] = fh[100];
    end
    nicrx_cpl_write #(.NUM_CQ(NUM_CQ)) u_cpl_write (
        .clk(clk), .rst(rst),
        .s_cr_valid(bq_we), .s_cr_data(cr_data), .s_cr_ready(cr_room),
        .m_rec_valid(rec_full), .m_rec_data(rec_words), .m_rec_ready(rec_taken),
        .rec_q(f_q_reg), .rec_off(rec_off), .rec_ph(rec_ph), .rec_base(rec_base), .cq_room(cq_room), .cq_room2(cq_room2),
        .cfg_cq_base(cfg_cq_base), .cfg_cq_size_log2(cfg_cq_size_log2), .cfg_cq_en(cfg_cq_en),
        .cfg_cq_head(cfg_cq_head), .st_cq_tail(st_cq_tail), .s_rerr(s_rerr),
        .cnt_delivered(cnt_delivered), .cnt_axi_error(cnt_axi_error), .busy(cw_busy),
        .m_axi_bvalid(m_axi_bvalid), .m_axi_bresp(m_axi_bresp), .m_axi_bready(m_axi_bready));
    // W command and B FIFOs have room (each registered in its block, one cycle old)
    wire       wb_room = wc_room && cr_room;

    // ---- combinational temporaries ------------------------------------------
    reg [15:0]           h_len;
    reg                  h_split;             // the head frame is split (nicrx_xfer_plan)
    reg [15:0]           h_hlen, h_dlen;      // its header part's and data part's bytes
    reg [15:0]           h_nw;                // the packet-memory words of the whole frame
    reg                  h_hodd;              // the header part ends inside a word (a shared word)
    reg [15:0]           p1len;               // its first part's: header part, or whole frame
    reg                  hq_ok;               // the header ring has a descriptor
    reg [79:0]           hq_head;
    reg                  herr, derr;          // the header (data) buffer is misaligned
    reg [7:0]            h_q8;
    reg                  h_q_ok;
    reg [1:0]            ring_ok;
    reg                  sel;
    reg [PC_W-1:0]       pc_drop;   // a dropped frame's command: its words released unread
    reg                  dq_ok;
    reg                  pq_ok;               // ring 3 has a page (a run's)
    reg [79:0]           pq_head;
    reg                  m_go;                // the head's data part goes into its flow's run
    reg                  need2;               // ... and the run closes after it: two records
    reg                  s_app;               // ... appended with its header stripped: no header buffer, no record
    reg                  rooms;               // CQ room for the records the take needs
    reg                  d_ring;              // the head takes a data ring's buffer
    reg                  h_nofit, h_drop;     // the head is dropped no_fit; dropped for any reason
    reg                  cstep;               // the head's run closes alone first
    reg                  aft;                 // the run closes after the head (else a close's record)
    reg [QW-1:0]         rcq;                 // ... its run record's CQ
    reg                  rcq_en;              // ... enabled
    reg                  sw_go;               // the sweep's close is issued
    reg                  perr;                // ring 3's page is misaligned
    reg                  bufs_ok;             // the head has the descriptors it needs
    reg                  bwait;               // ... and waits for them alone (IS_IDLE)
    reg [1:0]            nb_ring;             // the ring it waits for (the header ring first)
    reg [79:0]           dq_head;
    reg [15:0]           d_off, h_off;        // the data (header) ring's entry offset in its page
    reg                  aw_free;
    reg [7:0]            aw_len;              // the AW's length (and its W command's): the record's or the burst's
    reg                  rem_le_mb, rem_le_pg, mb_le_pg;
    reg [7:0]            beats_m1;            // the burst's beats less 1, each choice's own
    reg [ABPB-1:0]       strb_end, strb_first;
    reg [LABPB-1:0]      end_off;             // the part's end within its last beat
    reg                  end_half;            // ... is in the lower lane (R = 2)
    reg                  p1_lane;             // the first part's buffer starts in a beat's upper lane (R = 2)
    reg [2:0]            sh2;                 // the data part's realigner shift
    integer              i;

    // W beats, less 1, of a part of len bytes (len > 0) whose first byte is at soff in its
    // first beat: the beat of its last byte
    function [15:0] part_bm1(input [15:0] len, input [LABPB-1:0] soff);
        reg [16:0] e;
        begin
            e = {1'b0, len} + {{(17-LABPB){1'b0}}, soff};
            part_bm1 = {{(LABPB-1){1'b0}}, e[16:LABPB]} - {15'd0, e[LABPB-1:0] == {LABPB{1'b0}}};
        end
    endfunction
    // packet-memory words holding len bytes from a word's start
    function [15:0] part_words(input [15:0] len);
        part_words = {{LBPB{1'b0}}, len[15:LBPB]} + {15'd0, len[LBPB-1:0] != {LBPB{1'b0}}};
    endfunction
    // a word count's {is 1, is 0}: the pc stream's one and zero
    function [1:0] nw_flags(input [15:0] n);
        nw_flags = {n == 16'd1, n == 16'd0};
    endfunction
    // the same flags of part_words(len), from len without its adder: one word is 1 to BPB bytes
    function [1:0] len_flags(input [15:0] len);
        len_flags = {len != 16'd0 && len <= BPB_16, len == 16'd0};
    endfunction

    always @* begin
        // defaults: hold
        fq_wr_next = fq_wr_reg;  fq_rd_next = fq_rd_reg;  fq_pop_next = 1'b0;
        fh_valid_next = fh_valid_reg;
        desc_pop_next = 4'b0000;
        is_state_next = is_state_reg;
        f_q_next = f_q_reg;  f_ring_next = f_ring_reg;  f_err_next = f_err_reg;
        f_bufid_next = f_bufid_reg;  f_addr_next = f_addr_reg;  f_rm1_next = f_rm1_reg;
        f_soff_next = f_soff_reg;  f_first_next = f_first_reg;
        f_bm1_next = f_bm1_reg;  f_blast_next = f_blast_reg;
        f_phase_next = f_phase_reg;  rec_rdy_next = 1'b0;  f_plen_next = f_plen_reg;
        g_pend_next = g_pend_reg;  g_ring_next = g_ring_reg;  g_bufid_next = g_bufid_reg;
        g_addr_next = g_addr_reg;
        f_off_next = f_off_reg;  f_cnt_next = f_cnt_reg;  f_prel_next = f_prel_reg;
        g_off_next = g_off_reg;  g_cnt_next = g_cnt_reg;  g_prel_next = g_prel_reg;
        pg_take_next = 3'b000;
        g_mrg_next = g_mrg_reg;  g_strip_next = g_strip_reg;
        rp_next = rp_reg;  raft_next = raft_reg;
        r_flow_next = r_flow_reg;  r_gen_next = r_gen_reg;  r_id_next = r_id_reg;  r_len_next = r_len_reg;
        r_segs_next = r_segs_reg;  r_seq_next = r_seq_reg;  r_reason_next = r_reason_reg;  r_flags_next = r_flags_reg;
        r_ack_next = r_ack_reg;  r_win_next = r_win_reg;
        r_aft_next = r_aft_reg;  r_off_next = r_off_reg;  r_rcls_next = r_rcls_reg;
        r_eack_next = r_eack_reg;  r_ewin_next = r_ewin_reg;
        cnt_no_page_next = cnt_no_page_reg;
        ra_take = 1'b0;  ra_cls = 1'b0;
        awvalid_next = awvalid_reg;  awaddr_next = awaddr_reg;  awlen_next = awlen_reg;
        cnt_no_fit_next = cnt_no_fit_reg;
        cnt_no_cq_next = cnt_no_cq_reg;  cnt_desc_err_next = cnt_desc_err_reg;
        cnt_red_early_next = cnt_red_early_reg;  cnt_red_forced_next = cnt_red_forced_reg;
        cnt_no_buf_next = cnt_no_buf_reg;
        fq_we = 1'b0;  fq_re = 1'b0;
        pc_we = 1'b0;  wc_we = 1'b0;  wc_wdata = {WC_W{1'b0}};
        bq_we = 1'b0;
        // a drop releases the head at the next edge (dr_rel): the decision is not the
        // enable of the head's registers (fq_re)
        fh_rel = dr_rel_reg;  dr_rel_next = 1'b0;

        // ---- frame queue push ----------------------------------------------
        if (s_fl_valid) begin
            fq_we = 1'b1;
            fq_wr_next = fq_wr_reg + 1'b1;
        end

        // ---- issue FSM ------------------------------------------------------
        // The head (fh) stays until its record is issued (or it is dropped); the
        // credit (fq_pop) goes back when it is taken, which is safe because the
        // head register is a queue place of its own.
        h_len    = fh[15:0];
        h_q8     = fh[80:73];  // the stream's queue (nicrx_rss)
        h_split  = fh[101];
        h_hlen   = fh[117:102];
        h_dlen   = fh[133:118];   // nicrx_xfer_plan: len when whole
        h_nw     = part_words(h_len);
        h_hodd   = (h_hlen[2:0] & BPB_M1) != 3'd0;
        p1len    = h_split ? h_hlen : h_len;
        h_q_ok   = ({1'b0, h_q8} < NUM_CQ_9) && cfg_cq_en[h_q8[QW-1:0]];
        // the data rings fit the data part (a whole frame: all of it)
        ring_ok[0] = cfg_fbr_en[0] && (pg_lim[15:0]  >= h_dlen);
        ring_ok[1] = cfg_fbr_en[1] && (pg_lim[31:16] >= h_dlen);
        // registered (hd_*): IS_IDLE decides from values one cycle old, once fh has
        // been stable for a cycle (hd_v); fh is reloaded at the record's AW, so the
        // IS_WAIT cycle covers it
        hd_ring_ok_next = fh_valid_reg ? ring_ok : 2'b01;  // fh is not reset: ring 0 when empty
        hd_q_next       = h_q8[QW-1:0];
        hd_q_ok_next    = h_q_ok;
        hd_red_next     = fh_valid_reg ? fh_red : 2'b00;
        hd_dneed_next   = !h_split || (h_dlen != 16'd0);
        // a header ring in page mode with BUF_SIZE above PAGE_SIZE takes no longer header part
        hd_hfit_next    = !h_split || (h_hlen <= pg_lim[47:32]);
        // the first part's W beats for either start lane (its buffer starts at a whole
        // word), so IS_IDLE only selects; the data part's at its destination g_addr (any
        // byte: a run's offset), from the g_addr the take set (IS_P2 comes at least three
        // cycles after it)
        hd_nb0_next     = part_bm1(p1len, {LABPB{1'b0}});
        hd_nb1_next     = part_bm1(p1len, UP_OFF);
        hd_nd_next      = part_bm1(h_dlen, g_addr_reg[LABPB-1:0]);
        // packet-memory words: the first part reads its own; the data part those after the
        // header part's last (shared when hdr_len is not a whole word) and writes hd_cwd
        // (from its destination's offset in a word): a lead word first when its first
        // bytes sit in the shared word at or below their destination's offset, and a flush
        // word last when it writes more than it reads and leads (compared a cycle later)
        hd_nw1_next     = part_words(p1len);
        // A stripped append (g_strip, set at the take, at least three cycles before IS_P2)
        // had its header's whole words skipped: it reads the shared word itself, in place of
        // the lead, or as a prime (a word that only becomes the word before) when its first
        // bytes sit above their destination's offset
        hd_nwa_next     = h_nw - part_words(h_hlen);
        hd_hodd_next    = h_hodd;
        hd_nw2_next     = hd_nwa_reg + {15'd0, g_strip_reg && hd_hodd_reg};
        hd_cwd_next     = part_words(h_dlen + {13'd0, g_addr_reg[2:0] & BPB_M1});
        hd_ld2_next     = !g_strip_reg && h_hodd
                          && (g_addr_reg[2:0] & BPB_M1) >= (h_hlen[2:0] & BPB_M1);
        hd_pr2_next     = g_strip_reg && h_hodd
                          && (g_addr_reg[2:0] & BPB_M1) < (h_hlen[2:0] & BPB_M1);
        hd_fl2_next     = hd_cwd_reg + {15'd0, hd_pr2_reg} != hd_nw2_reg + {15'd0, hd_ld2_reg};
        hd_nfh_next     = len_flags(h_len);
        hd_nf1_next     = len_flags(p1len);
        hd_nfs_next     = nw_flags({{LBPB{1'b0}}, h_hlen[15:LBPB]});
        hd_nf2_next     = nw_flags(hd_nw2_reg);   // a cycle later, as hd_fl2
        // ring 0 when the head is empty (its register is not reset)
        sel      = fh_valid_reg && !hd_ring_ok_reg[0];
        pc_drop  = {hd_nfh_reg, 6'd0, h_nw, 1'b1};
        // the selected ring's head descriptor (nicrx_desc_fetch); the pop of the last
        // one taken reaches it before IS_IDLE comes round again
        dq_ok    = sel ? s_desc_valid[1] && hd_dv_reg[1] : s_desc_valid[0] && hd_dv_reg[0];
        dq_head  = sel ? s_desc_data[80 +: 80] : s_desc_data[0 +: 80];
        // the header ring's head descriptor (a split frame's first part)
        hq_ok    = s_desc_valid[HDR_RING] && hd_dv_reg[HDR_RING];
        hq_head  = s_desc_data[160 +: 80];
        // ring 3's head: the page a run opened by the head takes
        pq_ok    = s_desc_valid[RA_RING] && hd_dv_reg[RA_RING];
        pq_head  = s_desc_data[240 +: 80];
        // the answer merges the head's data part: an append, or an open with a page (an
        // open without one: the frame goes alone, REASM_NO_PAGE); it needs no data buffer
        m_go     = rq_ans && ra_merge && (!ra_open || pq_ok);
        need2    = m_go && ra_after;
        d_ring   = hd_dneed_reg && !m_go;
        // an append with its header stripped (REASM_CTRL.strip): no header buffer, no record
        s_app    = m_go && !ra_open && cfg_reasm[48];
        bufs_ok  = h_split ? (hq_ok || s_app) && (!hd_dneed_reg || dq_ok || m_go) : dq_ok;
        nb_ring  = (h_split && !hq_ok) ? HDR_RING : {1'b0, sel};
        h_nofit  = (hd_ring_ok_reg == 2'b00 && hd_dneed_reg) || !hd_hfit_reg;
        // the wait bound: a head that could be taken but for a descriptor counts its cycles;
        // the comparison with XFER_BUF_WAIT is registered (hd_to), so IS_IDLE drops it
        // no_buf in the cycle after BUF_WAIT + 1 such cycles in a row
        bwait    = (is_state_reg == IS_IDLE) && fh_valid_reg && hd_v_reg && (hd_red_reg == 2'b00)
                   && !h_nofit && hd_q_ok_reg && !bufs_ok;
        hd_wait_next = bwait ? hd_wait_reg + {15'd0, hd_wait_reg != 16'hffff} : 16'd0;
        hd_to_next   = bwait && (cfg_xfer_buf_wait != 16'd0) && (hd_wait_reg >= cfg_xfer_buf_wait);
        // hd_to: the head waited XFER_BUF_WAIT for a descriptor up to the last cycle; it is
        // dropped now even if one came at this edge, so no drop reads bufs_ok (the answer's
        // and the descriptors' depth)
        h_drop   = (hd_red_reg != 2'b00) || h_nofit || !hd_q_ok_reg || hd_to_reg;
        // the head's run closes alone before anything else: a close before the frame, or an
        // append of a frame that is dropped (DROP)
        cstep    = rq_ans && (ra_close || (ra_merge && !ra_open && h_drop));
        aft      = ra_after && !h_drop;
        rcq      = hd_q_ok_reg ? hd_q_reg : {QW{1'b0}};
        rcq_en   = hd_q_ok_reg || cfg_cq_en[0];
        // a sweep's close (no frame asks; IS_IDLE)
        sw_go    = ra_v && !ra_req && ra_close && (!cfg_cq_en[0] || cq_room[0]) && !dr_rel_reg;
        // a misaligned buffer goes back alone by an error completion, the header buffer
        // looked at first
        herr     = h_split && !s_app && hd_bad_reg[HDR_RING];
        // the records the take needs CQ room for: the frame's (none when stripped) and its run's
        rooms    = s_app ? !need2 || cq_room[hd_q_reg] : cq_room[hd_q_reg] && (!need2 || cq_room2[hd_q_reg]);
        perr     = !herr && m_go && ra_open && hd_bad_reg[RA_RING];
        derr     = !herr && d_ring && (sel ? hd_bad_reg[1] : hd_bad_reg[0]);
        // a page's entry: its address is the page's (PAGE_SIZE-aligned) with the offset in the low bits
        d_off    = sel ? pg_off[31:16] : pg_off[15:0];
        h_off    = pg_off[47:32];
        // CQ room (nicrx_cpl_write's cq_room) is one cycle old: the issue FSM waits a cycle
        // after each record
        // AW: free once the last one went (the ready not looked at: it comes from outside,
        // through nicrx_msix's arbiter, and would start the issue's paths; no AW follows
        // another at the next edge anyway: IS_SIZE or IS_REC's first cycle lies between)
        aw_free  = !awvalid_reg;
        // (the burst's from a register: its decrement before the mover's W command bypass
        // and wcan was nicrx_dma's worst path alone, 139.6 MHz)
        aw_len   = (is_state_reg == IS_REC) ? REC_LEN : f_bm1_reg;
        // W command and B FIFO room (wb_room), registered in their blocks: only the issue FSM
        // writes them, never at two edges in a row (IS_DATA is followed by IS_SIZE or IS_REC
        // without rec_rdy, the record's AW by IS_WAIT), so a value one cycle old never lets
        // them overflow
        // the packet-memory command FIFO's room (nicrx_mover's pc_room) is registered like
        // wb_room: the issue FSM never writes it at two edges in a row (a take or an IS_P2 is
        // followed by IS_SIZE or IS_PRE, a drop by a cycle without hd_v)
        // each ring's head descriptor: valid at the last edge too, and its address's bits that
        // must be 0 (nicrx_page's amask: 7, or PAGE_SIZE - 1 for a page; ring 3: the run's
        // page size, or a list buffer smaller than a page: nicrx_flist), registered
        hd_dv_next = s_desc_valid;
        for (i = 0; i < 3; i = i + 1)
            hd_bad_next[i] = (s_desc_data[i*80 +: 16] & pg_amask[i*16 +: 16]) != 16'd0;
        hd_bad_next[RA_RING] = (s_desc_data[3*80 +: 16] & rq_pmask_reg) != 16'd0 || s_desc_bad3;
        // burst size: up to MAX_BURST, never across 4 KB; the least of the part's beats
        // left, MAX_BURST and the page's beats left, from three comparisons made in parallel
        // (the part's last burst when its beats left are the least), all less 1: the page's
        // beats left less 1 are the address's beat inverted
        rem_le_mb = (f_rm1_reg <= MAX_BURST_16 - 16'd1);
        rem_le_pg = (f_rm1_reg <= {{(4+LABPB){1'b0}}, ~f_addr_reg[11:LABPB]});
        mb_le_pg  = (MAX_BURST_16 - 16'd1 <= {{(4+LABPB){1'b0}}, ~f_addr_reg[11:LABPB]});
        if (rem_le_mb && rem_le_pg)
            beats_m1 = f_rm1_reg[7:0];
        else if (mb_le_pg)
            beats_m1 = MAX_BURST_16[7:0] - 8'd1;
        else
            beats_m1 = ~f_addr_reg[LABPB +: 8];
        // the part's end in its last beat (0: the whole beat), from its first byte's place
        // in the first; the first beat's strobes from that byte on
        end_off  = f_plen_reg[LABPB-1:0] + f_soff_reg;
        for (i = 0; i < ABPB; i = i + 1) begin
            strb_end[i] = (end_off == {LABPB{1'b0}}) || (i < end_off);
            strb_first[i] = i >= f_soff_reg;
        end
        end_half = (R == 2) && (end_off != {LABPB{1'b0}}) && (end_off <= UP_OFF);
        // the first part's buffer (a descriptor's address, 8-byte aligned, and a page entry's
        // offset) starts at a whole packet-memory word: in the upper lane or not
        p1_lane  = (R == 2) && (h_split ? hq_head[LBPB] | h_off[LBPB] : dq_head[LBPB] | d_off[LBPB]);
        // the data part's shift: its first byte's place in the shared word (hdr_len mod BPB)
        // less its destination's in a word
        sh2      = ((h_hlen[2:0] & BPB_M1) - (g_addr_reg[2:0] & BPB_M1)) & BPB_M1;
        // the pm command the issue FSM writes (pc_we), chosen without the decision (the
        // mover's command FIFO is written at every edge, its pointer moves with pc_we): IS_P2's
        // data part; in IS_IDLE a drop's skip, or a take's first part (stripped: the header's
        // whole words released unread, the word it shares with the data part read by the data
        // part; IS_SKIP waits for its hd_*)
        if (is_state_reg == IS_P2)
            pc_wdata = {hd_nf2_reg, hd_pr2_reg, hd_ld2_reg, hd_fl2_reg, sh2, hd_nw2_reg, 1'b0};
        else if (h_drop)
            pc_wdata = pc_drop;
        else if (s_app)
            pc_wdata = {hd_nfs_reg, 6'd0, {LBPB{1'b0}}, h_hlen[15:LBPB], 1'b1};
        else
            pc_wdata = {hd_nf1_reg, 3'b000, 3'd0, hd_nw1_reg, h_len == 16'd0};
        // the record's slot (rec_off) and phase (rec_ph) follow f_q one cycle later (nicrx_cpl_write;
        // IS_PRE covers a frame going straight to IS_REC), the base is added in IS_REC
        if (m_axi_awready) awvalid_next = 1'b0;
        case (is_state_reg)
            IS_IDLE: begin
                // What a decision here loads is loaded in every IS_IDLE cycle, whatever it
                // decides (nothing reads it before the FSM leaves IS_IDLE), so that the
                // decision is not the enable of those 400-odd flip-flops (issue 10): the
                // record's CQ (the sweep's is 0, a close before the head's rcq), whether it
                // is an error completion, the first part's buffer, ring and start lane, the
                // data part's and its kind (read only by a frame's record, IS_DATA and the
                // hd_* of IS_P2), and the run record: the close's (the sweep's, a close
                // before the head, DROP), or the one after the head (aft). f_ring and
                // f_bufid are a taken frame's first part's, from the head alone: an error
                // completion's (the misaligned buffer's) follow in IS_PRE from its pop, so
                // that no decision term selects them
                f_q_next = sw_go ? {QW{1'b0}} : cstep ? rcq : hd_q_reg;
                f_err_next = herr || perr || derr;
                f_ring_next = h_split ? HDR_RING : {1'b0, sel};   // f_bufid's ring
                // a buffer at an odd word of a beat (R = 2) starts in its upper lane
                f_soff_next = p1_lane ? UP_OFF : {LABPB{1'b0}};
                f_first_next = 1'b1;
                g_pend_next = h_split && hd_dneed_reg;
                g_ring_next = sel;  g_mrg_next = m_go;  g_strip_next = s_app;
                f_bufid_next = h_split ? hq_head[79:64] : dq_head[79:64];
                f_addr_next = h_split ? {hq_head[63:16], hq_head[15:0] | h_off}
                                      : {dq_head[63:16], dq_head[15:0] | d_off};
                f_off_next = h_split ? h_off : d_off;
                f_cnt_next = h_split ? pg_cnt[38:26] : sel ? pg_cnt[25:13] : pg_cnt[12:0];
                f_prel_next = h_split ? pg_rel[2] : sel ? pg_rel[1] : pg_rel[0];
                f_rm1_next = p1_lane ? hd_nb1_reg : hd_nb0_reg;
                f_plen_next = p1len;
                // merged: at the run's page and offset (an opened run's at 0), no entry count,
                // no release (the run record gives the page back)
                g_bufid_next = !m_go ? dq_head[79:64] : ra_open ? pq_head[79:64] : ra_r_id;
                g_addr_next = !m_go ? {dq_head[63:16], dq_head[15:0] | d_off} : ra_open ? pq_head[63:0] : ra_dst;
                g_off_next = !m_go ? d_off : ra_open ? 16'd0 : ra_off[15:0];
                g_cnt_next = !m_go ? (sel ? pg_cnt[25:13] : pg_cnt[12:0]) : 13'h1fff;  // dcnt = g_cnt + 1 = 0
                g_prel_next = !m_go && (sel ? pg_rel[1] : pg_rel[0]);
                // a close names the entry's run as it was (a dropped append's run without
                // it); the run closing after the head has it, the head's flags, ACK and window
                r_flow_next = ra_flow;  r_gen_next = ra_r_gen;  r_id_next = ra_r_id;
                r_aft_next = aft;
                r_len_next = ra_r_len;  r_off_next = ra_off;
                // (the decrement made beside the choice: h_drop is the decision's depth)
                r_segs_next = (ra_after && h_drop) ? ra_r_segs - 8'd1 : ra_r_segs;
                r_seq_next = ra_r_seq;
                r_reason_next = ra_reason;  r_rcls_next = ra_close;
                r_flags_next = fh[171:166];
                r_ack_next = fh[203:172];  r_eack_next = ra_r_ack;
                r_win_next = fh[219:204];  r_ewin_next = ra_r_win;
                if (sw_go) begin
                    // the sweep's close (timeout, flush, re-assembly off): its run record on
                    // CQ 0 (none when CQ 0 is disabled), then the table moves on
                    ra_take = 1'b1;  ra_cls = 1'b1;
                    rp_next = cfg_cq_en[0];  raft_next = 1'b0;
                    is_state_next = cfg_cq_en[0] ? IS_PRE : IS_IDLE;
                end else if (fh_valid_reg && hd_v_reg && (!rq_req_reg || rq_ans)) begin
                    if (cstep) begin
                        // the head's run closes first, alone (a close before the frame, a
                        // frame it would take that is dropped):
                        // its run record on the frame's CQ (CQ 0 when that is not enabled;
                        // none when neither is), then the table answers the frame again
                        if (!rcq_en || cq_room[rcq]) begin
                            ra_take = 1'b1;  ra_cls = 1'b1;
                            rp_next = rcq_en;  raft_next = 1'b0;
                            is_state_next = rcq_en ? IS_PRE : IS_IDLE;
                        end
                    end else if (h_drop) begin
                        // dropped, counted by its reason: RED's verdict (nicrx_red) before the
                        // placement (no buffer is looked at), no ring fits, no CQ, or it waited
                        // XFER_BUF_WAIT for a descriptor (counted by the ring it waited for)
                        if (pc_room) begin
                            pc_we = 1'b1;
                            dr_rel_next = 1'b1;  fq_pop_next = 1'b1;
                            if (hd_red_reg[1])             cnt_red_forced_next = cnt_red_forced_reg + 32'd1;
                            else if (hd_red_reg[0])        cnt_red_early_next  = cnt_red_early_reg + 32'd1;
                            else if (h_nofit)              cnt_no_fit_next = cnt_no_fit_reg + 32'd1;
                            else if (!hd_q_ok_reg)         cnt_no_cq_next = cnt_no_cq_reg + 32'd1;
                            else
                                for (i = 0; i < 3; i = i + 1)
                                    if (hd_nbr_reg == i[1:0])
                                        cnt_no_buf_next[i*32 +: 32] = cnt_no_buf_reg[i*32 +: 32] + 32'd1;
                        end
                    end else if (rooms && pc_room && bufs_ok) begin
                        // a split frame takes a header buffer and, with bytes after its
                        // headers, a data buffer, or its data part goes into its flow's run
                        // (m_go: a run's page, ring 3's head when it opens one); a run that
                        // closes after it needs CQ room for both records
                        if (herr || perr || derr) begin
                            // misaligned buffer or page: returned alone by an error completion
                            desc_pop_next = herr ? 4'b0100 : perr ? 4'b1000 : sel ? 4'b0010 : 4'b0001;
                            cnt_desc_err_next = cnt_desc_err_reg + 32'd1;
                            is_state_next = IS_PRE;
                        end else begin
                            // a page goes back (pop) only with its last entry; a run's page
                            // is taken when the run opens
                            desc_pop_next = {m_go && ra_open, h_split && !s_app && pg_rel[2],
                                             d_ring && sel && pg_rel[1],
                                             d_ring && !sel && pg_rel[0]};
                            pg_take_next = {h_split && !s_app, d_ring && sel, d_ring && !sel};
                            ra_take = m_go;
                            // the run closes after the frame: its record follows the frame's
                            rp_next = m_go && ra_after;  raft_next = 1'b1;
                            // a frame that would open a run but finds no page goes alone
                            if (rq_req_reg && ra_open && !m_go) cnt_no_page_next = cnt_no_page_reg + 32'd1;
                            fq_pop_next = 1'b1;
                            pc_we = 1'b1;
                            is_state_next = s_app ? IS_SKIP : (h_len == 16'd0) ? IS_PRE : IS_SIZE;
                        end
                    end
                end
            end
            IS_P2: begin
                // the data part of a split frame: its own buffer or its run's page at any
                // byte, realigned from the header part's end in its last word to g_addr's
                // place in a word
                if (pc_room) begin
                    pc_we = 1'b1;
                    f_addr_next = g_addr_reg;
                    f_soff_next = g_addr_reg[LABPB-1:0];
                    f_first_next = 1'b1;
                    f_rm1_next = hd_nd_reg;
                    f_plen_next = h_dlen;
                    g_pend_next = 1'b0;
                    is_state_next = IS_SIZE;
                end
            end
            IS_SKIP: begin
                // a stripped append's two cycles before IS_P2: g_addr, then hd_* from it
                rec_rdy_next = 1'b1;
                if (rec_rdy_reg) is_state_next = IS_P2;
            end
            IS_PRE: begin
                // f_q was set at the last edge: rec_off, rec_ph follow it now; an error
                // completion's buffer is the one its pop (one-hot, at the last edge) returns,
                // still its ring's head
                if (f_err_reg) begin
                    f_ring_next = {desc_pop_reg[3] | desc_pop_reg[2], desc_pop_reg[3] | desc_pop_reg[1]};
                    f_bufid_next = desc_pop_reg[3] ? pq_head[79:64] : desc_pop_reg[2] ? hq_head[79:64] : dq_head[79:64];
                end
                is_state_next = IS_REC;
            end
            IS_SIZE: begin
                f_bm1_next = beats_m1;
                f_blast_next = rem_le_mb && rem_le_pg;
                is_state_next = IS_DATA;
            end
            IS_DATA: begin
                if (aw_free && wb_room) begin
                    awvalid_next = 1'b1;
                    wc_we = 1'b1;
                    wc_wdata[WC_STRB +: ABPB] = f_blast_reg ? strb_end : STRB_ONES;
                    wc_wdata[WC_FSTRB +: ABPB] = f_first_reg ? strb_first : STRB_ONES;
                    wc_wdata[WC_FIRST_SKIP] = (R == 2) && f_first_reg && f_soff_reg[LABPB-1];
                    wc_wdata[WC_LAST_HALF] = f_blast_reg && end_half;
                    wc_wdata[WC_LEN +: WC_LEN_W] = aw_len;
                    bq_we = 1'b1;
                    // the next burst starts at a whole beat
                    // (the burst's beats: its length less 1, and a carry in; what is left less
                    // 1: f_rm1 - f_bm1 - 1 = f_rm1 + ~f_bm1)
                    f_addr_next = {f_addr_reg[63:LABPB] + {{(56-LABPB){1'b0}}, f_bm1_reg} + 1'b1, {LABPB{1'b0}}};
                    f_first_next = 1'b0;
                    f_rm1_next = f_rm1_reg + ~{8'd0, f_bm1_reg};
                    is_state_next = !f_blast_reg ? IS_SIZE : g_pend_reg ? IS_P2 : IS_REC;
                    if (cr_dlv) begin
                        // a stripped append is delivered by its last burst's B (no record):
                        // the head goes, then its run's record if the run closes after it
                        fh_rel = 1'b1;
                        raft_next = 1'b0;
                        is_state_next = rp_reg ? IS_REC : IS_IDLE;
                    end
                end
            end
            IS_REC: begin
                // first cycle: the record's address (into f_addr, free now) and phase
                // from rec_base, rec_off, rec_ph; they are re-computed every cycle and used from
                // the second cycle on
                f_addr_next = rec_base + {43'd0, rec_off, 5'd0};
                f_phase_next = rec_ph;
                rec_rdy_next = 1'b1;
                if (rec_rdy_reg && aw_free && wb_room && !rec_full) begin
                    rec_rdy_next = 1'b0;
                    awvalid_next = 1'b1;
                    wc_we = 1'b1;
                    wc_wdata[WC_REC] = 1'b1;  wc_wdata[WC_LEN +: WC_LEN_W] = aw_len;
                    // the record's words into the completion writer's holder: a run record
                    // (alone, or after the frame's), else the frame's or an error completion
                    bq_we = 1'b1;
                    if (cr_run) begin
                        rp_next = 1'b0;
                    end else begin
                        raft_next = 1'b0;
                        if (!f_err_reg) fh_rel = 1'b1;
                    end
                    is_state_next = IS_WAIT;
                end
            end
            IS_WAIT: begin
                // lets cq_room see the new issued tail (and rec_off, rec_ph the record after
                // it: a run record after its frame's)
                is_state_next = rp_reg ? IS_REC : IS_IDLE;
            end
            default: begin
                is_state_next = IS_IDLE;
            end
        endcase
        // the AW's address and length follow the burst (IS_DATA) or the record (IS_REC once
        // its address is made) while no AW waits, so that the issue's decision is not the
        // enable of their 72 flip-flops: an AW issued at this edge has them as it did
        if (!awvalid_reg && (is_state_reg == IS_DATA || (is_state_reg == IS_REC && rec_rdy_reg))) begin
            awaddr_next = f_addr_reg;
            awlen_next = aw_len;
        end
        // frame queue head: refill from the RAM when empty or released
        if (fh_rel) fh_valid_next = 1'b0;
        if (fq_nonempty && (!fh_valid_reg || fh_rel)) begin
            fq_re = 1'b1;
            fq_rd_next = fq_rd_reg + 1'b1;
            fh_valid_next = 1'b1;
        end
        hd_v_next = !fq_re && !dr_rel_next;

        // ---- idle -------------------------------------------------------------
        idle_next = !fq_nonempty && !fh_valid_reg && (is_state_reg == IS_IDLE)
                    && !mv_busy && !awvalid_reg
                    && !cw_busy && !s_fl_valid && !ra_busy && !cfg_reasm[1];
    end

    // ---- memories (no reset: contents are don't-care until written) ---------
    always @(posedge clk) begin
        if (fq_we) fqa_mem[fq_wr_reg[LFQ-1:0]] <= fq_a;
        if (fq_we) fqb_mem[fq_wr_reg[LFQ-1:0]] <= fq_b;
        if (fq_we) flm_mem[fq_wr_reg[LFQ-1:0]] <= s_fl_data[FL_FLOW +: FL_FLOW_W];   // {generation, flow number}
        if (fq_we) ctl_mem[fq_wr_reg[LFQ-1:0]] <= {asks(s_fl_data[FL_OPCODE +: FL_OPCODE_W], s_fl_data[FL_FCL +: FL_FCL_W]),
            s_fl_data[FL_RED +: FL_RED_W], s_fl_data[FL_OPCODE +: FL_OPCODE_W]};
    end
    always @(posedge clk) begin
        if (fq_re) fha_reg     <= fqa_mem[fq_rd_reg[LFQ-1:0]];
        if (fq_re) fh_flow_reg <= flm_mem[fq_rd_reg[LFQ-1:0]];
        if (fq_re) fh_ctl_reg  <= ctl_q;
        if (fh_ld_reg) fhb_reg <= fqb_mem[fh_ptr_reg];
    end

    // ---- registers --------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            fq_wr_reg <= {(LFQ+1){1'b0}};  fq_rd_reg <= {(LFQ+1){1'b0}};  fq_pop_reg <= 1'b0;
            fh_valid_reg <= 1'b0;  fh_ld_reg <= 1'b0;  fh_ptr_reg <= {LFQ{1'b0}};
            desc_pop_reg <= 4'b0000;
            rp_reg <= 1'b0;  raft_reg <= 1'b0;  g_mrg_reg <= 1'b0;  g_strip_reg <= 1'b0;  cnt_no_page_reg <= 32'd0;
            r_flow_reg <= 8'd0;  r_gen_reg <= 8'd0;  r_id_reg <= 16'd0;  r_len_reg <= 17'd0;
            r_segs_reg <= 8'd0;  r_seq_reg <= 32'd0;  r_reason_reg <= 4'd0;  r_flags_reg <= 6'd0;
            r_ack_reg <= 32'd0;  r_win_reg <= 16'd0;
            r_aft_reg <= 1'b0;  r_off_reg <= 17'd0;  r_rcls_reg <= 1'b0;  r_eack_reg <= 32'd0;  r_ewin_reg <= 16'd0;
            rq_chg_reg <= 1'b0;  rq_req_reg <= 1'b0;  rq_pmask_reg <= 16'h0fff;
            is_state_reg <= IS_IDLE;
            f_q_reg <= {QW{1'b0}};  f_ring_reg <= 2'd0;  f_err_reg <= 1'b0;  f_plen_reg <= 16'd0;
            f_off_reg <= 16'd0;  f_cnt_reg <= 13'd0;  f_prel_reg <= 1'b0;
            g_off_reg <= 16'd0;  g_cnt_reg <= 13'd0;  g_prel_reg <= 1'b0;  pg_take_reg <= 3'b000;
            hd_hfit_reg <= 1'b1;  hd_dv_reg <= 4'b0000;  hd_bad_reg <= 4'b0000;
            hd_wait_reg <= 16'd0;  hd_to_reg <= 1'b0;  hd_nbr_reg <= 2'd0;
            g_pend_reg <= 1'b0;  g_ring_reg <= 1'b0;  g_bufid_reg <= 16'd0;  g_addr_reg <= 64'd0;
            f_bufid_reg <= 16'd0;  f_addr_reg <= 64'd0;  f_rm1_reg <= 16'd0;
            f_soff_reg <= {LABPB{1'b0}};  f_first_reg <= 1'b0;
            f_bm1_reg <= 8'd0;  f_blast_reg <= 1'b0;
            f_phase_reg <= 1'b0;  rec_rdy_reg <= 1'b0;
            hd_v_reg <= 1'b0;  dr_rel_reg <= 1'b0;  hd_ring_ok_reg <= 2'b00;  hd_q_reg <= {QW{1'b0}};  hd_q_ok_reg <= 1'b0;
            hd_red_reg <= 2'b00;
            hd_nb0_reg <= 16'd0;  hd_nb1_reg <= 16'd0;  hd_nd_reg <= 16'd0;
            hd_nw1_reg <= 16'd0;  hd_nw2_reg <= 16'd0;  hd_nwa_reg <= 16'd0;  hd_hodd_reg <= 1'b0;  hd_cwd_reg <= 16'd0;  hd_ld2_reg <= 1'b0;  hd_pr2_reg <= 1'b0;  hd_fl2_reg <= 1'b0;
            hd_nfh_reg <= 2'b01;  hd_nf1_reg <= 2'b01;  hd_nfs_reg <= 2'b01;  hd_nf2_reg <= 2'b01;
            hd_dneed_reg <= 1'b0;  rq_en_reg <= 1'b0;
          
            awvalid_reg <= 1'b0;  awaddr_reg <= 64'd0;  awlen_reg <= 8'd0;
            cnt_no_fit_reg <= 32'd0;  cnt_no_cq_reg <= 32'd0;
            cnt_desc_err_reg <= 32'd0;  idle_reg <= 1'b1;
            cnt_red_early_reg <= 32'd0;  cnt_red_forced_reg <= 32'd0;  cnt_no_buf_reg <= 96'd0;
        end else begin
            fq_wr_reg <= fq_wr_next;  fq_rd_reg <= fq_rd_next;  fq_pop_reg <= fq_pop_next;
            fh_valid_reg <= fh_valid_next;
            if (fq_re) fh_ptr_reg <= fq_rd_reg[LFQ-1:0];
            desc_pop_reg <= desc_pop_next;
            rp_reg <= rp_next;  raft_reg <= raft_next;  g_mrg_reg <= g_mrg_next;  g_strip_reg <= g_strip_next;
            cnt_no_page_reg <= cnt_no_page_next;
            r_flow_reg <= r_flow_next;  r_gen_reg <= r_gen_next;  r_id_reg <= r_id_next;  r_len_reg <= r_len_next;
            r_segs_reg <= r_segs_next;  r_seq_reg <= r_seq_next;  r_reason_reg <= r_reason_next;  r_flags_reg <= r_flags_next;
            r_ack_reg <= r_ack_next;  r_win_reg <= r_win_next;
            r_aft_reg <= r_aft_next;  r_off_reg <= r_off_next;  r_rcls_reg <= r_rcls_next;
            r_eack_reg <= r_eack_next;  r_ewin_reg <= r_ewin_next;
            // fq_re || fh_rel, without going through fq_re
            rq_chg_reg <= fh_rel || (fq_nonempty && !fh_valid_reg) || (rq_en_reg != cfg_reasm[0]);
            rq_req_reg <= cfg_reasm[0] && fh_valid_next && (fq_re ? ctl_q[6] : fh_ctl_reg[6]);
            fh_ld_reg <= fq_re;
            rq_pmask_reg <= (cfg_reasm[6:2] >= 5'd16) ? 16'hffff : (cfg_reasm[6:2] <= 5'd12) ? 16'h0fff
                          : ~(16'hffff << cfg_reasm[6:2]);
            is_state_reg <= is_state_next;
            f_q_reg <= f_q_next;  f_ring_reg <= f_ring_next;  f_err_reg <= f_err_next;  f_plen_reg <= f_plen_next;
            f_off_reg <= f_off_next;  f_cnt_reg <= f_cnt_next;  f_prel_reg <= f_prel_next;
            g_off_reg <= g_off_next;  g_cnt_reg <= g_cnt_next;  g_prel_reg <= g_prel_next;  pg_take_reg <= pg_take_next;
            hd_hfit_reg <= hd_hfit_next;  hd_dv_reg <= hd_dv_next;  hd_bad_reg <= hd_bad_next;
            hd_wait_reg <= hd_wait_next;  hd_to_reg <= hd_to_next;  hd_nbr_reg <= nb_ring;
            g_pend_reg <= g_pend_next;  g_ring_reg <= g_ring_next;  g_bufid_reg <= g_bufid_next;
            g_addr_reg <= g_addr_next;
            f_bufid_reg <= f_bufid_next;  f_addr_reg <= f_addr_next;  f_rm1_reg <= f_rm1_next;
            f_soff_reg <= f_soff_next;  f_first_reg <= f_first_next;
            f_bm1_reg <= f_bm1_next;  f_blast_reg <= f_blast_next;
            f_phase_reg <= f_phase_next;  rec_rdy_reg <= rec_rdy_next;
            hd_v_reg <= hd_v_next;  dr_rel_reg <= dr_rel_next;  hd_ring_ok_reg <= hd_ring_ok_next;  hd_q_reg <= hd_q_next;
            hd_q_ok_reg <= hd_q_ok_next;  hd_red_reg <= hd_red_next;
            hd_nb0_reg <= hd_nb0_next;  hd_nb1_reg <= hd_nb1_next;
            hd_nd_reg <= hd_nd_next;
            hd_nw1_reg <= hd_nw1_next;  hd_nw2_reg <= hd_nw2_next;  hd_nwa_reg <= hd_nwa_next;  hd_hodd_reg <= hd_hodd_next;  hd_cwd_reg <= hd_cwd_next;  hd_ld2_reg <= hd_ld2_next;
            hd_fl2_reg <= hd_fl2_next;  hd_pr2_reg <= hd_pr2_next;  hd_dneed_reg <= hd_dneed_next;  rq_en_reg <= cfg_reasm[0];
            hd_nfh_reg <= hd_nfh_next;  hd_nf1_reg <= hd_nf1_next;  hd_nfs_reg <= hd_nfs_next;  hd_nf2_reg <= hd_nf2_next;
            awvalid_reg <= awvalid_next;  awaddr_reg <= awaddr_next;  awlen_reg <= awlen_next;
            cnt_no_fit_reg <= cnt_no_fit_next;
            cnt_no_cq_reg <= cnt_no_cq_next;  cnt_desc_err_reg <= cnt_desc_err_next;
            idle_reg <= idle_next;
            cnt_red_early_reg <= cnt_red_early_next;  cnt_red_forced_reg <= cnt_red_forced_next;
            cnt_no_buf_reg <= cnt_no_buf_next;
        end
    end
    // Unused: the class bits but presel (the completion record carries presel only), the
    // VLAN id (the host reads the tag from the frame's bytes); the header ring's enable
    // (nicrx_xfer_plan splits a frame only with it); which rings are pages (the cursors say it all);
    // the re-assembly table's offset bit 16 (an append's offset is below 64 KB); ring 3's enable and
    // BUF_SIZE (its pages are REASM_CTRL.page_log2's size; nicrx_desc_fetch has it empty
    // while it is disabled).
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, s_fl_data[FL_CLS +: CLS_PRESEL], s_fl_data[FL_CLS + CLS_PRESEL + 1 +: FL_CLS_W - CLS_PRESEL - 1],
                       s_fl_data[FL_VID +: FL_VID_W], cfg_fbr_en[3:2], cfg_fbr_buf_size[3*16 +: 16], pg_on,
                       ra_off[16]};
    /* verilator lint_on UNUSEDSIGNAL */
`ifdef FORMAL
    // ================================================================ formal
    // The AXI4 write channels under the shared protocol checker (docs/formal.md): any
    // legal slave, and this block a legal master. A record's burst (32 bytes) stays inside
    // 4 KB because the queue's base is 32-byte aligned, which the register guarantees (CQ
    // BASE_LO keeps bits [31:5]).
    integer f_q;
    always @(*) for (f_q = 0; f_q < NUM_CQ; f_q = f_q + 1) assume(cfg_cq_base[f_q*64 +: 5] == 5'd0);
    // The fl stream's contract (nicrx_xfer_plan): a split frame's header part holds at least
    // its headers and its two parts make the frame; a whole frame's dlen is its length.
    wire [16:0] f_parts = {1'b0, s_fl_data[FL_HDR_LEN +: 16]} + {1'b0, s_fl_data[FL_DLEN +: 16]};
    always @(*) if (s_fl_valid)
        assume(s_fl_data[FL_SPLIT] ? s_fl_data[FL_HDR_LEN +: 16] != 16'd0 && f_parts == {1'b0, s_fl_data[FL_LEN +: 16]}
                                   : s_fl_data[FL_DLEN +: 16] == s_fl_data[FL_LEN +: 16]);
    // The wait bound (XFER_BUF_WAIT): hd_to is set only by a waiting cycle whose count had
    // reached the bound (not 0), so a frame dropped no_buf has waited two cycles at least.
    reg f_rst_seen;
    initial f_rst_seen = 1'b0;
    always @(posedge clk) if (rst) f_rst_seen <= 1'b1;
    always @(*) if (f_rst_seen && hd_to_reg) assert(hd_wait_reg >= 16'd2);
    // The re-assembly table's answer is taken only while it is valid, and a close alone is a take.
    always @(*) if (f_rst_seen && !rst) begin
        if (ra_take) assert(ra_v);
        if (ra_cls) assert(ra_take);
    end
    // A packet-memory command's zero and one, from registers a cycle ahead, say what its
    // word count is.
    always @(*) if (f_rst_seen && !rst && pc_we)
        assert(pc_wdata[PC_ZERO] == (pc_wdata[PC_NWORDS +: PC_NWORDS_W] == 16'd0)
               && pc_wdata[PC_ONE] == (pc_wdata[PC_NWORDS +: PC_NWORDS_W] == 16'd1));
    // a part sized has a beat left to issue (f_rm1 does not wrap)
    always @(*) if (f_rst_seen && !rst && is_state_reg == IS_SIZE) assert(f_rm1_reg[15] == 1'b0);
    nicrx_axi4_master_check #(
        .DATA_W(AXI_DATA_WIDTH), .WRITE(1), .READ(0), .MAX_LEN(MAX_BURST), .LQ(3)
    ) f_axi (
        .clk(clk), .rst(rst),
        .awvalid(m_axi_awvalid), .awready(m_axi_awready), .awaddr(m_axi_awaddr),
        .awlen(m_axi_awlen), .wvalid(m_axi_wvalid), .wready(m_axi_wready),
        .wdata(m_axi_wdata), .wstrb(m_axi_wstrb), .wlast(m_axi_wlast),
        .bvalid(m_axi_bvalid), .bready(m_axi_bready), .bresp(m_axi_bresp),
        .arvalid(1'b0), .arready(1'b0), .araddr(64'd0), .arlen(8'd0),
        .rvalid(1'b0), .rready(1'b0), .rlast(1'b0), .rresp(2'd0)
    );
`endif
endmodule

`resetall
