// nicrx_ingress - stream in, length, errors, tail drop, header copy
// (docs/architecture.md, "nicrx_ingress").  Twin: cmodel/ingress.c.
//
// Every input beat is first registered (in_*_reg, with its byte count worked out from
// tkeep), so no port drives logic; the rest of this description is about the edge that
// takes the beat from that register: at that edge the frame's length and drop marks are
// updated and the
// beat's write to packet memory is registered (pm_wr_* : written one edge later); while
// the frame is within its first HEADER_BYTES the same write goes to the parser's header
// memory (hm_wr_*: {slot, beat}, data pm_wr_data).
// At the edge that takes the last beat the frame is committed (m_cm_valid for one cycle,
// m_cm_data laid out by rtl/nicrx_stream_cm.vh)
// or dropped (wr_ptr rewinds to the frame's first word), and an end-of-frame record
// (eof_*) is registered; the counters take it at the next edge.
//   len_reg saturates at 65535: longer frames (possible in captures) are oversize drops
//   and add 65535 to RX_BYTES.
//   Credits: outst_reg = frames committed - fq_pop pulses; a frame whose first beat finds
//   FQ_DEPTH outstanding is a pktmem_full drop and writes nothing.  Otherwise it owns
//   header slot slot_reg (frames committed so far, mod FQ_DEPTH) to its end: only this
//   frame can commit meanwhile, so the count it saw can only fall.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_ingress #(
    parameter DATA_WIDTH   = 64,    // stream width (nicrx_top)
    parameter PM_AW        = 11,    // packet-memory word address bits (nicrx_top's PM_AW)
    parameter HEADER_BYTES = 128,   // bytes copied to a header slot (nicrx_top)
    parameter MAX_FRAME    = 9018,  // longest frame kept, bytes (nicrx_top)
    parameter FQ_DEPTH     = 32     // frames outstanding, header slots (nicrx_top)
) (
    input  wire                      clk,
    input  wire                      rst,
    input  wire [DATA_WIDTH-1:0]     s_axis_tdata,
    input  wire [DATA_WIDTH/8-1:0]   s_axis_tkeep,
    input  wire                      s_axis_tvalid,
    input  wire                      s_axis_tlast,
    input  wire                      s_axis_tuser,
    input  wire                      cfg_enable,
    input  wire [PM_AW:0]            pm_rel_ptr,
    input  wire                      fq_pop,
    output wire                      pm_wr_en,
    output wire [PM_AW-1:0]          pm_wr_addr,
    output wire [DATA_WIDTH-1:0]     pm_wr_data,
    output wire                      m_cm_valid,   // the commit stream, to the parser
    output wire [CM_W-1:0]           m_cm_data,
    output wire                      hm_wr_en,
    output wire [$clog2(FQ_DEPTH)+$clog2(HEADER_BYTES*8/DATA_WIDTH)-1:0] hm_wr_addr,
    output wire                      idle,
    output wire [31:0]               cnt_rx_frames,
    output wire [31:0]               cnt_rx_bytes,
    output wire [31:0]               cnt_drop_bad_frame,
    output wire [31:0]               cnt_drop_runt,
    output wire [31:0]               cnt_drop_oversize,
    output wire [31:0]               cnt_drop_pktmem_full,
    output wire [31:0]               cnt_drop_disabled
);
    localparam integer BPB       = DATA_WIDTH / 8;
    localparam integer BPB_LOG2  = (DATA_WIDTH == 64) ? 3 : 2;
    localparam integer SLOT_W    = $clog2(FQ_DEPTH);
    localparam integer BEAT_W    = $clog2(HEADER_BYTES / BPB); // beats copied to a header slot
    localparam integer FQ_W      = SLOT_W + 1;                // 0..FQ_DEPTH
    localparam [PM_AW:0] PM_WORDS = {1'b1, {PM_AW{1'b0}}};
    localparam [15:0]  MAX_LEN   = MAX_FRAME[15:0];
    localparam [FQ_W-1:0] FQ_FULL = FQ_DEPTH[FQ_W-1:0];
    localparam [15:0]  HB16      = HEADER_BYTES[15:0];
    `include "nicrx_stream_cm.vh"
    // drop reasons: enum nicrx_reason (cmodel/nicrx_hw.h)
    localparam [2:0] R_NONE = 3'd0, R_BAD = 3'd1, R_RUNT = 3'd2, R_OVER = 3'd3,
                     R_FULL = 3'd4, R_DIS = 3'd5;

    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_MAX_FRAME
        `NICRX_CHECK_FQ_DEPTH
    endgenerate

    // ---------------------------------------------------------------- registers
    reg                      in_frame_reg, in_frame_next;     // between first and last beat
    reg                      in_valid_reg;                    // the input beat, registered
    reg [DATA_WIDTH-1:0]     in_data_reg;
    reg [3:0]                in_nbytes_reg;                   // its bytes: popcount(tkeep)
    reg [BPB:0]              in_nb_reg;                       // the same one-hot: bit k when k bytes
    reg                      in_last_reg, in_user_reg;
    reg [PM_AW:0]            wr_ptr_reg, wr_ptr_next;         // next word to write, wrap bit on top
    reg [PM_AW:0]            frm_start_reg, frm_start_next;   // first word of the current frame
    reg [15:0]               len_reg, len_next;               // bytes so far, saturating
    reg                      dis_reg, dis_next;               // frame marks
    reg                      over_reg, over_next;
    reg                      full_reg, full_next;
    reg [BPB:0]              ovr_at_reg, ovr_at_next;         // bit k: len_reg + k > MAX_FRAME
    reg [BPB:0]              runt_at_reg, runt_at_next;       // bit k: len_reg + k < 14
    reg [FQ_W-1:0]           outst_reg, outst_next;           // committed, not yet popped
    reg                      pm_wr_en_reg, pm_wr_en_next;
    reg [PM_AW-1:0]          pm_wr_addr_reg, pm_wr_addr_next;
    reg [DATA_WIDTH-1:0]     pm_wr_data_reg, pm_wr_data_next;
    reg                      m_cm_valid_reg, m_cm_valid_next;
    reg [CM_W-1:0]           m_cm_data_reg, m_cm_data_next;
    reg [SLOT_W-1:0]         slot_reg, slot_next;             // frames committed, mod FQ_DEPTH
    reg                      hm_wr_en_reg, hm_wr_en_next;
    reg [SLOT_W+BEAT_W-1:0]  hm_wr_addr_reg, hm_wr_addr_next;
    reg                      eof_reg, eof_next;               // a frame ended at the last edge
    reg [2:0]                eof_reason_reg, eof_reason_next;
    reg [15:0]               eof_len_reg, eof_len_next;
    reg [31:0]               cnt_rx_frames_reg, cnt_rx_frames_next;
    reg [31:0]               cnt_rx_bytes_reg, cnt_rx_bytes_next;
    reg [31:0]               cnt_bad_reg, cnt_bad_next;
    reg [31:0]               cnt_runt_reg, cnt_runt_next;
    reg [31:0]               cnt_over_reg, cnt_over_next;
    reg [31:0]               cnt_full_reg, cnt_full_next;
    reg [31:0]               cnt_dis_reg, cnt_dis_next;
    reg                      idle_reg, idle_next;

    // ---------------------------------------------------------------- next state
    reg [3:0]     nbytes;       // the registered beat's byte count
    reg [16:0]    sum;
    reg [15:0]    cur_len, new_len;
    reg           cur_dis, cur_over, cur_full, over_n, full_n, over_hit, runt_hit, runt;
    reg [PM_AW:0] start, used, wr_ptr_inc;
    reg [FQ_W-1:0] outst_inc, outst_dec;
    reg           no_free, try_write, do_write, keep;
    reg [2:0]     reason;
    reg           hi_gt, hi_eq, hi_eqm, hi_zero;
    reg [15:0]    lo_mask;
    reg [4:0]     lo5;
    reg           lh_gt, lh_eq, lh_eq1, lh_eq2, lh_zero;
    integer       i, c_lim;

    always @* begin
        in_frame_next      = in_frame_reg;
        wr_ptr_next        = wr_ptr_reg;
        frm_start_next     = frm_start_reg;
        len_next           = len_reg;
        dis_next           = dis_reg;
        over_next          = over_reg;
        full_next          = full_reg;
        ovr_at_next        = ovr_at_reg;
        runt_at_next       = runt_at_reg;
        lo_mask            = 16'd0;  // loop temporaries: defaults so no latch is inferred
        c_lim              = 0;
        i                  = 0;
        pm_wr_en_next      = 1'b0;
        pm_wr_addr_next    = pm_wr_addr_reg;
        pm_wr_data_next    = pm_wr_data_reg;
        m_cm_valid_next    = 1'b0;
        m_cm_data_next     = m_cm_data_reg;
        slot_next          = slot_reg;
        hm_wr_en_next      = 1'b0;
        hm_wr_addr_next    = hm_wr_addr_reg;
        eof_next           = 1'b0;
        eof_reason_next    = eof_reason_reg;
        eof_len_next       = eof_len_reg;

        nbytes   = in_nbytes_reg;
        cur_len  = in_frame_reg ? len_reg : 16'd0;
        // the length sum only feeds registers (len, eof_len, cm_len, ovr_at); the drop and
        // write decisions below use the registered ovr_at flags and a 4-bit runt check
        sum      = {1'b0, cur_len} + {13'd0, nbytes};
        new_len  = sum[16] ? 16'hffff : sum[15:0];
        // sum[16:4] = cur_len[15:4] + lo5[4], compared without waiting for the sum
        lo5      = {1'b0, cur_len[3:0]} + {1'b0, nbytes};
        lh_gt    = len_reg[15:4] >  MAX_LEN[15:4];
        lh_eq    = len_reg[15:4] == MAX_LEN[15:4];
        lh_eq1   = len_reg[15:4] == MAX_LEN[15:4] - 12'd1;
        lh_eq2   = len_reg[15:4] == MAX_LEN[15:4] - 12'd2;
        lh_zero  = len_reg[15:4] == 12'd0;
        hi_gt    = in_frame_reg & (lo5[4] ? (lh_gt | lh_eq) : lh_gt);   // sum[16:4] > MAXH
        hi_eq    = in_frame_reg & (lo5[4] ? lh_eq1 : lh_eq);            // == MAXH
        hi_eqm   = in_frame_reg & (lo5[4] ? lh_eq2 : lh_eq1);           // == MAXH - 1
        hi_zero  = !lo5[4] & (!in_frame_reg | lh_zero);                 // == 0
        cur_dis  = in_frame_reg ? dis_reg : !cfg_enable;
        cur_over = in_frame_reg & over_reg;
        // the first beat claims a header slot: none free -> pktmem_full, nothing written
        cur_full = in_frame_reg ? full_reg : (outst_reg >= FQ_FULL);
        start    = in_frame_reg ? frm_start_reg : wr_ptr_reg;
        used     = wr_ptr_reg - pm_rel_ptr;
        no_free  = used >= PM_WORDS;
        wr_ptr_inc = wr_ptr_reg + {{PM_AW{1'b0}}, 1'b1};
        outst_inc  = outst_reg + {{(FQ_W-1){1'b0}}, 1'b1};
        outst_dec  = outst_reg - {{(FQ_W-1){1'b0}}, 1'b1};
        // new_len > MAX_LEN and new_len < 14: outside a frame new_len = nbytes <= BPB,
        // neither oversize nor long enough; inside, len_reg + nbytes is compared, the
        // comparisons being registered for every nbytes as ovr_at_reg / runt_at_reg
        over_hit = |(ovr_at_reg & in_nb_reg);
        runt_hit = |(runt_at_reg & in_nb_reg);
        over_n    = cur_over | (in_frame_reg & over_hit);
        runt      = !in_frame_reg | runt_hit;
        try_write = !cur_dis & !over_n & !cur_full;
        do_write  = try_write & !no_free;
        full_n    = cur_full | (try_write & no_free);
        // at the last beat; the first reason that applies wins
        if (cur_dis)                          reason = R_DIS;
        else if (in_user_reg)                 reason = R_BAD;
        else if (runt)                        reason = R_RUNT;
        else if (over_n)                      reason = R_OVER;
        else if (full_n)                      reason = R_FULL;
        else                                  reason = R_NONE;
        keep = (reason == R_NONE);

        if (in_valid_reg) begin
            in_frame_next  = !in_last_reg;
            frm_start_next = start;
            len_next       = new_len;
            dis_next       = cur_dis;
            over_next      = over_n;
            full_next      = full_n;
            // len_next + k > MAX_LEN and len_next + k < 14, i.e. sum > MAX_LEN - k and
            // sum < 14 - k (the saturated length compares like the sum).  Split at bit 4:
            // one compare of sum[16:4] and a constant lookup on sum[3:0] per k.
            for (i = 0; i <= BPB; i = i + 1) begin
                c_lim   = MAX_FRAME - i;
                lo_mask = 16'hffff << ((c_lim % 16) + 1);          // sum[3:0] > c_lim % 16
                if (c_lim / 16 == MAX_FRAME / 16)
                    ovr_at_next[i] = hi_gt | (hi_eq & lo_mask[lo5[3:0]]);
                else                                                // one 16 below
                    ovr_at_next[i] = hi_gt | hi_eq | (hi_eqm & lo_mask[lo5[3:0]]);
                lo_mask = ~(16'hffff << (14 - i));                   // sum[3:0] < 14 - k
                runt_at_next[i] = hi_zero & lo_mask[lo5[3:0]];
            end
            // Addresses and data are loaded with every beat (and the commit's fields
            // with every last beat): only the enables wait for the drop decision, so
            // it does not fan out to the wide registers' clock enables.
            pm_wr_en_next   = do_write;
            pm_wr_addr_next = wr_ptr_reg[PM_AW-1:0];
            pm_wr_data_next = in_data_reg;
            // header copy: beat k of the frame (bytes k*BPB ..) while k < HEADER_BYTES/BPB
            hm_wr_en_next   = do_write && cur_len < HB16;
            hm_wr_addr_next = {slot_reg, cur_len[BPB_LOG2 +: BEAT_W]};
            if (in_last_reg) begin
                eof_next        = 1'b1;
                eof_reason_next = reason;
                eof_len_next    = new_len;
                m_cm_data_next[CM_START +: CM_START_W] = start[PM_AW-1:0];
                m_cm_data_next[CM_LEN +: CM_LEN_W]     = new_len;
                m_cm_data_next[CM_SLOT +: CM_SLOT_W]   = slot_reg;
                if (keep) begin
                    wr_ptr_next   = do_write ? wr_ptr_inc : wr_ptr_reg;
                    m_cm_valid_next = 1'b1;
                    slot_next     = slot_reg + {{(SLOT_W-1){1'b0}}, 1'b1};
                end else begin
                    wr_ptr_next   = start;   // the dropped frame leaves no trace
                end
            end else begin
                wr_ptr_next = do_write ? wr_ptr_inc : wr_ptr_reg;
            end
        end

        case ({m_cm_valid_next, fq_pop})
            2'b10:   outst_next = outst_inc;
            2'b01:   outst_next = outst_dec;
            default: outst_next = outst_reg;
        endcase

        cnt_rx_frames_next = cnt_rx_frames_reg;
        cnt_rx_bytes_next  = cnt_rx_bytes_reg;
        cnt_bad_next       = cnt_bad_reg;
        cnt_runt_next      = cnt_runt_reg;
        cnt_over_next      = cnt_over_reg;
        cnt_full_next      = cnt_full_reg;
        cnt_dis_next       = cnt_dis_reg;
        if (eof_reg) begin
            cnt_rx_frames_next = cnt_rx_frames_reg + 32'd1;
            cnt_rx_bytes_next  = cnt_rx_bytes_reg + {16'd0, eof_len_reg};
            case (eof_reason_reg)
                R_BAD:   cnt_bad_next  = cnt_bad_reg + 32'd1;
                R_RUNT:  cnt_runt_next = cnt_runt_reg + 32'd1;
                R_OVER:  cnt_over_next = cnt_over_reg + 32'd1;
                R_FULL:  cnt_full_next = cnt_full_reg + 32'd1;
                R_DIS:   cnt_dis_next  = cnt_dis_reg + 32'd1;
                default: ;
            endcase
        end

        idle_next = !s_axis_tvalid & !in_frame_next & !pm_wr_en_next & !m_cm_valid_next & !eof_next;
    end

    // ---------------------------------------------------------------- state
    // ---------------------------------------------------------------- input register
    // The beat as it arrived, with its byte count (popcount of tkeep) in binary and
    // one-hot: the drop decision then starts from registers.
    reg [3:0]     in_cnt;
    integer       k;
    always @* begin
        in_cnt = 4'd0;
        for (k = 0; k < BPB; k = k + 1)
            in_cnt = in_cnt + {3'd0, s_axis_tkeep[k]};
    end
    always @(posedge clk) begin
        if (rst) begin
            in_valid_reg  <= 1'b0;
            in_data_reg   <= {DATA_WIDTH{1'b0}};
            in_nbytes_reg <= 4'd0;
            in_nb_reg     <= {{BPB{1'b0}}, 1'b1};
            in_last_reg   <= 1'b0;
            in_user_reg   <= 1'b0;
        end else begin
            in_valid_reg  <= s_axis_tvalid;
            in_data_reg   <= s_axis_tdata;
            in_nbytes_reg <= in_cnt;
            in_nb_reg     <= {{BPB{1'b0}}, 1'b1} << in_cnt;
            in_last_reg   <= s_axis_tlast;
            in_user_reg   <= s_axis_tuser;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            in_frame_reg      <= 1'b0;
            wr_ptr_reg        <= {(PM_AW+1){1'b0}};
            frm_start_reg     <= {(PM_AW+1){1'b0}};
            len_reg           <= 16'd0;
            dis_reg           <= 1'b0;
            over_reg          <= 1'b0;
            full_reg          <= 1'b0;
            ovr_at_reg        <= {(BPB+1){1'b0}};
            runt_at_reg       <= {(BPB+1){1'b0}};
            outst_reg         <= {FQ_W{1'b0}};
            pm_wr_en_reg      <= 1'b0;
            pm_wr_addr_reg    <= {PM_AW{1'b0}};
            pm_wr_data_reg    <= {DATA_WIDTH{1'b0}};
            m_cm_valid_reg    <= 1'b0;
            m_cm_data_reg     <= {CM_W{1'b0}};
            slot_reg          <= {SLOT_W{1'b0}};
            hm_wr_en_reg      <= 1'b0;
            hm_wr_addr_reg    <= {(SLOT_W+BEAT_W){1'b0}};
            eof_reg           <= 1'b0;
            eof_reason_reg    <= R_NONE;
            eof_len_reg       <= 16'd0;
            cnt_rx_frames_reg <= 32'd0;
            cnt_rx_bytes_reg  <= 32'd0;
            cnt_bad_reg       <= 32'd0;
            cnt_runt_reg      <= 32'd0;
            cnt_over_reg      <= 32'd0;
            cnt_full_reg      <= 32'd0;
            cnt_dis_reg       <= 32'd0;
            idle_reg          <= 1'b1;
        end else begin
            in_frame_reg      <= in_frame_next;
            wr_ptr_reg        <= wr_ptr_next;
            frm_start_reg     <= frm_start_next;
            len_reg           <= len_next;
            dis_reg           <= dis_next;
            over_reg          <= over_next;
            full_reg          <= full_next;
            ovr_at_reg        <= ovr_at_next;
            runt_at_reg       <= runt_at_next;
            outst_reg         <= outst_next;
            pm_wr_en_reg      <= pm_wr_en_next;
            pm_wr_addr_reg    <= pm_wr_addr_next;
            pm_wr_data_reg    <= pm_wr_data_next;
            m_cm_valid_reg    <= m_cm_valid_next;
            m_cm_data_reg     <= m_cm_data_next;
            slot_reg          <= slot_next;
            hm_wr_en_reg      <= hm_wr_en_next;
            hm_wr_addr_reg    <= hm_wr_addr_next;
            eof_reg           <= eof_next;
            eof_reason_reg    <= eof_reason_next;
            eof_len_reg       <= eof_len_next;
            cnt_rx_frames_reg <= cnt_rx_frames_next;
            cnt_rx_bytes_reg  <= cnt_rx_bytes_next;
            cnt_bad_reg       <= cnt_bad_next;
            cnt_runt_reg      <= cnt_runt_next;
            cnt_over_reg      <= cnt_over_next;
            cnt_full_reg      <= cnt_full_next;
            cnt_dis_reg       <= cnt_dis_next;
            idle_reg          <= idle_next;
        end
    end

    assign pm_wr_en             = pm_wr_en_reg;
    assign pm_wr_addr           = pm_wr_addr_reg;
    assign pm_wr_data           = pm_wr_data_reg;
    assign m_cm_valid           = m_cm_valid_reg;
    assign m_cm_data            = m_cm_data_reg;
    assign hm_wr_en             = hm_wr_en_reg;
    assign hm_wr_addr           = hm_wr_addr_reg;
    assign idle                 = idle_reg;
    assign cnt_rx_frames        = cnt_rx_frames_reg;
    assign cnt_rx_bytes         = cnt_rx_bytes_reg;
    assign cnt_drop_bad_frame   = cnt_bad_reg;
    assign cnt_drop_runt        = cnt_runt_reg;
    assign cnt_drop_oversize    = cnt_over_reg;
    assign cnt_drop_pktmem_full = cnt_full_reg;
    assign cnt_drop_disabled    = cnt_dis_reg;

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md).  The DMA side is a small
    // abstract model: it releases packet-memory words in order and never past the end of
    // the committed frames whose last word has been written, and pops (fq_pop) only
    // frames it holds.  Nothing here is synthesized or simulated.
    `include "nicrx_formal_reset.vh"
    wire [PM_AW-1:0]  cm_start_reg = m_cm_data_reg[CM_START +: CM_START_W];
    wire [15:0]       cm_len_reg   = m_cm_data_reg[CM_LEN +: CM_LEN_W];
    wire [SLOT_W-1:0] cm_slot_reg  = m_cm_data_reg[CM_SLOT +: CM_SLOT_W];

    // ---- input contract: tkeep all ones except on the last beat, contiguous from bit 0
    always @(*) if (s_axis_tvalid) begin
        if (!s_axis_tlast) assume(&s_axis_tkeep);
        else               assume(({1'b0, s_axis_tkeep} & ({1'b0, s_axis_tkeep} + 1'b1)) == 0);
        // all zero only for an empty frame (a single beat); a frame is open at the
        // port when the registered beat did not end one, or none is registered and the
        // stage has one open
        if (in_valid_reg ? !in_last_reg : in_frame_reg) assume(s_axis_tkeep[0]);
    end

    // ---- abstract DMA
    reg  [PM_AW:0]  f_committed;   // end of the committed frames (set at the commit edge)
    reg  [PM_AW:0]  f_rel_limit;   // the same one edge later: their last word is written
    reg  [PM_AW:0]  f_prev_rel;    // pm_rel_ptr of the cycle before
    reg  [FQ_W-1:0] f_dma_frames;  // frames handed to the DMA (m_cm_valid) and not popped
    always @(posedge clk) begin
        if (rst) begin
            f_committed  <= {(PM_AW+1){1'b0}};
            f_rel_limit  <= {(PM_AW+1){1'b0}};
            f_prev_rel   <= {(PM_AW+1){1'b0}};
            f_dma_frames <= {FQ_W{1'b0}};
        end else begin
            if (m_cm_valid_next) f_committed <= wr_ptr_next;
            f_rel_limit  <= f_committed;
            f_prev_rel   <= pm_rel_ptr;
            f_dma_frames <= f_dma_frames + {{(FQ_W-1){1'b0}}, m_cm_valid_reg}
                                         - {{(FQ_W-1){1'b0}}, fq_pop};
        end
    end
    wire [PM_AW:0] f_rel_adv  = pm_rel_ptr - f_prev_rel;
    wire [PM_AW:0] f_rel_room = f_rel_limit - f_prev_rel;
    always @(*) if (f_past_valid) begin
        if (f_past_rst) begin
            assume(pm_rel_ptr == {(PM_AW+1){1'b0}});
            assume(!fq_pop);
        end else begin
            assume(f_rel_adv <= f_rel_room);          // in order, never past the limit
            if (fq_pop) assume(f_dma_frames != {FQ_W{1'b0}});
        end
    end

    // ---- distances ahead of the release pointer (all modulo 2^(PM_AW+1))
    wire [PM_AW:0] f_d_limit = f_rel_limit   - pm_rel_ptr;
    wire [PM_AW:0] f_d_comm  = f_committed   - pm_rel_ptr;
    wire [PM_AW:0] f_d_start = frm_start_reg - pm_rel_ptr;
    wire [PM_AW:0] f_d_wr    = wr_ptr_reg    - pm_rel_ptr;

    // the full (wrap-bit) address of the pending packet-memory write
    reg [PM_AW:0] f_wr_full;
    always @(posedge clk) if (in_valid_reg && do_write) f_wr_full <= wr_ptr_reg;
    wire [PM_AW:0] f_d_pw = f_wr_full - pm_rel_ptr;

    // independent byte count of the open frame (saturating like the contract says)
    reg  [3:0]  f_nb, f_nb_reg;     // the port's beat, counted here and registered
    reg  [16:0] f_sum;
    reg  [15:0] f_bytes;
    integer     f_i;
    always @(*) begin
        f_nb = 4'd0;
        for (f_i = 0; f_i < BPB; f_i = f_i + 1)
            if (s_axis_tkeep[f_i]) f_nb = f_nb + 4'd1;
        f_sum = {1'b0, (in_frame_reg ? f_bytes : 16'd0)} + {13'd0, f_nb_reg};
    end
    always @(posedge clk) f_nb_reg <= f_nb;
    always @(posedge clk) if (in_valid_reg) f_bytes <= f_sum[16] ? 16'hffff : f_sum[15:0];

    // the open frame found FQ_DEPTH frames outstanding at its first beat
    reg  f_cred;
    wire f_no_slot = in_frame_reg ? f_cred : (outst_reg >= FQ_FULL);
    always @(posedge clk) if (in_valid_reg) f_cred <= f_no_slot;

    // frames ended and frames committed
    reg        f_last_taken;       // the edge before took a last beat
    reg        f_credit_drop;      // ... and dropped it for credits (no header slot)
    reg        f_words_drop;       // ... and dropped it for packet-memory words
    reg [31:0] f_commits;
    always @(posedge clk) begin
        f_last_taken <= !rst && in_valid_reg && in_last_reg;
        f_credit_drop <= reason == R_FULL && f_no_slot;
        f_words_drop  <= reason == R_FULL && !f_no_slot;
        if (rst)           f_commits <= 32'd0;
        else if (m_cm_valid) f_commits <= f_commits + 32'd1;
    end
    wire [31:0] f_drops = cnt_bad_reg + cnt_runt_reg + cnt_over_reg + cnt_full_reg + cnt_dis_reg;
    wire [PM_AW:0] f_cm_words = f_committed - f_rel_limit;
    wire [15:0]    f_len_words = (cm_len_reg + (BPB[15:0] - 16'd1)) >> BPB_LOG2;

    always @(*) if (f_past_valid) begin
        // packet-memory accounting: release <= written limit <= committed <= write pointer,
        // and never more than PM_WORDS words in use
        assert(f_d_wr <= PM_WORDS);
        assert(f_d_comm <= f_d_wr);
        assert(f_d_limit <= f_d_comm);
        if (in_frame_reg) assert(frm_start_reg == f_committed);
        else              assert(wr_ptr_reg == f_committed);
        if (!m_cm_valid_reg) assert(f_rel_limit == f_committed);
        // a pending write lands beyond every complete committed frame and inside the
        // window the DMA has released: it never overwrites an unreleased frame
        if (pm_wr_en_reg) begin
            assert(f_wr_full[PM_AW-1:0] == pm_wr_addr_reg);
            assert(f_d_pw >= f_d_limit);
            assert(f_d_pw < PM_WORDS);
        end
        // an open frame that is still being written holds exactly its full beats
        if (in_frame_reg) begin
            assert(len_reg == f_bytes);
            if (!dis_reg && !over_reg && !full_reg) begin
                assert(len_reg <= MAX_LEN);
                assert(len_reg[BPB_LOG2-1:0] == {BPB_LOG2{1'b0}});   // full beats so far
                assert(f_d_wr - f_d_start == {{(PM_AW+1){1'b0}}, len_reg} >> BPB_LOG2);
            end
        end
        // credits: the outstanding count is the DMA's frames (plus the one being handed
        // over) and never exceeds FQ_DEPTH
        assert(outst_reg <= FQ_FULL);
        assert(outst_reg == f_dma_frames + {{(FQ_W-1){1'b0}}, m_cm_valid_reg});
        // header slots: a frame holding a slot found fewer than FQ_DEPTH outstanding, so
        // its slot (frames committed so far) belongs to no outstanding frame; the header
        // write goes to that slot, one edge late like the packet-memory write
        if (in_frame_reg && !f_cred) assert(outst_reg < FQ_FULL);
        if (in_frame_reg && f_cred) assert(full_reg);
        if (hm_wr_en_reg) begin
            assert(pm_wr_en_reg);
            assert(hm_wr_addr_reg[SLOT_W+BEAT_W-1:BEAT_W] == slot_reg - {{(SLOT_W-1){1'b0}}, m_cm_valid_reg});
            assert(outst_reg - {{(FQ_W-1){1'b0}}, m_cm_valid_reg} < FQ_FULL);
        end
        if (m_cm_valid_reg) assert(cm_slot_reg == slot_reg - {{(SLOT_W-1){1'b0}}, 1'b1});
        // every frame whose last beat is taken ends exactly once: committed or one drop
        assert(eof_reg == (f_last_taken && !f_past_rst));
        assert(eof_reason_reg <= R_DIS);
        assert(m_cm_valid_reg == (eof_reg && eof_reason_reg == R_NONE));
        assert(cnt_rx_frames_reg == f_commits + f_drops);
        // the commit: length is the frame's byte count, in range, and the frame occupies
        // exactly ceil(len / BPB) words starting at cm_start
        if (m_cm_valid_reg) begin
            assert(cm_len_reg == f_bytes);
            assert(cm_len_reg == eof_len_reg);
            assert(cm_len_reg >= 16'd14 && cm_len_reg <= MAX_LEN);
            assert(cm_start_reg == f_rel_limit[PM_AW-1:0]);
            assert(f_cm_words == f_len_words[PM_AW:0]);
        end
        // idle means nothing open or pending
        if (idle_reg) assert(!in_frame_reg && !pm_wr_en_reg && !m_cm_valid_reg && !eof_reg);
    end

    // ---- covers
    always @(*) if (f_past_valid && !rst) begin
        cover(m_cm_valid_reg);
        cover(m_cm_valid_reg && cm_len_reg == MAX_LEN);
        cover(m_cm_valid_reg && f_committed[PM_AW] != f_rel_limit[PM_AW]);  // frame wraps
        cover(eof_reg && eof_reason_reg == R_BAD);
        cover(eof_reg && eof_reason_reg == R_RUNT);
        cover(eof_reg && eof_reason_reg == R_OVER);
        cover(eof_reg && eof_reason_reg == R_FULL);
        cover(eof_reg && eof_reason_reg == R_DIS);
        cover(eof_reg && eof_reason_reg == R_FULL && f_credit_drop);   // credits alone
        cover(eof_reg && eof_reason_reg == R_FULL && f_words_drop);    // no free word
        cover(f_d_wr == PM_WORDS);                                        // memory full
        cover(outst_reg == FQ_FULL);
    end
`endif
endmodule

`resetall
