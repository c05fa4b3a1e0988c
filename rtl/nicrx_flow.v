// nicrx_flow - the flow database and its manager: the signature CAM, the key and context
// memories, the recency order, the time, the decisions (docs/architecture.md "nicrx_flow";
// the decisions are docs/opcodes.md).  Its jobs (frames and host commands, with their keys,
// signatures and options digests) come from nicrx_flow_key.  C twin: cmodel/flow.c.
//
// One job at a time, taken at edge E0 and completed at E9, when the next one may be taken
// (9 cycles per job).  A job is taken only after it has been offered for a cycle
// (s_fk_ready rises the edge after s_fk_valid), so the CAM's first half runs in the cycle
// before E0.  Internal schedule (ph_reg one-hot: bit k in the cycle that ends with E<k>,
// none while no job runs):
//   E-1 the offered job's signature into one register per 8 entries (pre_reg: the CAM's
//       fan-out), at every edge
//   E0  take: latch the job, FLOW_THRESH, FLOW_AGE, FLOW_CTRL.evict and now; the
//       signature kept per 8 entries; a command's entry decoded; the context memory's
//       read address is the tail; per entry its signature's four bytes compared with the
//       offered one's (seq_reg, at every edge)
//   E1  the CAM: match_reg, one bit per entry (a command's entry for READ/INVALIDATE)
//   E2  the matched entry's index, rank, valid and used: an AND-OR over groups of 16
//       entries; the tail's generation and time out of the context memory
//   E3  the same over the groups: the entry b; its index is the memories' read address
//   E4  key and context memories read at b; every entry's rank compared with b's; aged(tail)
//   E5  the reads into registers
//   E6  comparisons against b: key (in 32-bit parts), aged, sequence numbers, ACK, ...;
//       the allocation test (no b, may create, the tail free, aged or evicted)
//   E7  the decision: the entry x (b or the tail), what is written, the counters
//   E8  the registered decision into one copy per 8 entries (g_sig): it fans out across the
//       CAM in a cycle of its own, and each copy then reaches only its 8 entries
//   E9  the operation code; every write (valid, signature, ranks, tail, key and context
//       memories, counters); the m_fl stream or flow_* / ctx_load
// Nothing but the job writes the database, so every read during E1..E8 sees the state after
// the previous job.  The recency order is a rank per entry (0 most recently active ..
// FLOWS-1 the tail): moving x to the head adds 1 to the ranks below x's, to the tail
// subtracts 1 from those above, so no entry's neighbours need be looked up; the tail's
// index is kept in tail_reg (the entry ranked FLOWS-2, pen_reg, becomes the tail when the
// tail moves to the head).  Key and context memories are block RAM with a registered read
// and no reset: used (reset 0) marks entries written since reset, the others read as
// generation 0, as after reset (the rest of an entry keeps its contents, as in the model).
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_flow #(
    parameter FLOWS = 64    // flow database entries (nicrx_top)
) (
    input  wire                   clk,
    input  wire                   rst,
    // jobs from nicrx_flow_key (valid/ready, rtl/nicrx_stream_fk.vh)
    input  wire                   s_fk_valid,
    output wire                   s_fk_ready,
    input  wire [FK_W-1:0]        s_fk_data,
    // configuration (nicrx_csr)
    input  wire                   cfg_flow_evict,   // FLOW_CTRL[1]
    input  wire [15:0]            cfg_flow_thresh,
    input  wire [15:0]            cfg_flow_tick,
    input  wire [31:0]            cfg_flow_age,
    input  wire [1:0]             cfg_flow_cmd,     // a pulse: flow_busy rises
    // to the transfer engine: one frame and its flow (valid only, rtl/nicrx_stream_fl.vh)
    output wire                   m_fl_valid,
    output wire [FL_W-1:0]        m_fl_data,
    // to the CSR block (and flow_busy to nicrx_flow_key)
    output wire                   flow_busy,
    output wire                   flow_fail,
    output wire [7:0]             flow_idx,
    output wire [7:0]             flow_gen,
    output wire [31:0]            flow_time,
    output wire                   ctx_load,
    output wire [31:0]            ctx_info,   // ctx_*: meaningful while ctx_load is high
    output wire [31:0]            ctx_seq,
    output wire [31:0]            ctx_ack,
    output wire [31:0]            ctx_opt,
    output wire [31:0]            ctx_time,
    output wire [31:0]            ctx_count,
    output wire [319:0]           ctx_key,
    output wire [31:0]            cnt_created,
    output wire [31:0]            cnt_removed,
    output wire [31:0]            cnt_evicted,
    output wire [31:0]            cnt_aged,
    output wire [31:0]            cnt_no_flow,
    output wire                   idle
);
    localparam integer FW  = $clog2(FLOWS);
    localparam integer G   = (FLOWS >= 32) ? 16 : FLOWS / 2;   // entries per select group
    localparam integer NG  = FLOWS / G;
    localparam integer GW  = $clog2(G);
    localparam integer SG  = 8;                                // entries per signature copy (near them)
    localparam integer NSG = FLOWS / SG;
    `include "nicrx_stream_fk.vh"
    `include "nicrx_stream_fl.vh"

    generate
        `NICRX_CHECK_FLOWS
    endgenerate

    // enum nicrx_opcode, enum nicrx_flow_cmd
    localparam [3:0] OP_NOT_TCP = 4'd0, OP_TCP_OTHER = 4'd1, OP_NO_FLOW = 4'd2, OP_CTRL = 4'd3,
                     OP_FIRST = 4'd4, OP_CONT = 4'd5, OP_OOO = 4'd6, OP_SHORT = 4'd7,
                     OP_NO_MERGE = 4'd8;
    localparam [1:0] CMD_FRAME = 2'd0, CMD_READ = 2'd1, CMD_INSTALL = 2'd2, CMD_INVAL = 2'd3;
    localparam integer F_FIN = 0, F_SYN = 1, F_RST = 2;   // TCP flag bits
    // context memory word: {count, time, noassist, data_seen, flags, hlen, digest, ack, exp, gen}
    localparam integer CTXW = 32 + 32 + 1 + 1 + 12 + 10 + 32 + 32 + 32 + 8;
    localparam [FW-1:0] LAST   = {FW{1'b1}};   // the tail's rank
    localparam [FW-1:0] PENULT = LAST - 1'b1;

    // ---- state ---------------------------------------------------------------------------
    reg [15:0]       presc_reg;
    reg [31:0]       now_reg;
    reg [FW-1:0]     tail_reg;              // the entry ranked LAST
    reg              act_reg;               // a job runs
    reg [9:1]        ph_reg;
    reg              ready_reg;
    // outputs
    reg              m_fl_valid_reg;
    reg [FL_W-1:0]   m_fl_data_reg;
    reg              flow_busy_reg, flow_fail_reg, ctx_load_reg;
    reg [7:0]        flow_idx_reg, flow_gen_reg;
    reg [31:0]       cnt_created_reg, cnt_removed_reg, cnt_evicted_reg, cnt_aged_reg, cnt_no_flow_reg;
    // per entry (g_entry), flattened
    wire [FLOWS-1:0]    valid_flat, used_flat, match_flat, tail_oh_flat, pen_oh_flat;
    wire [FW*FLOWS-1:0] rank_flat;
`ifdef FORMAL
    wire [32*FLOWS-1:0] f_sig_flat;
`endif

    (* no_rw_check *)
    reg [319:0]      key_mem [0:FLOWS-1];
    (* no_rw_check *)
    reg [CTXW-1:0]   ctx_mem [0:FLOWS-1];
    reg [FW-1:0]     rd_addr_reg;           // both memories' read address: the tail (E0), b (E3)
    reg [319:0]      key_rd_reg;            // the memories' read registers
    reg [CTXW-1:0]   ctx_rd_reg;

    // the job, latched at E0
    reg [1:0]        j_cmd_reg;
    reg [FL_W-1:0]   j_fl_reg;              // the frame's fields of the fl stream (all but flow, opcode)
    reg              j_presel_reg, j_may_reg, j_ds_reg, j_na_reg, j_nomerge_reg;
    reg [15:0]       j_pay_reg;
    reg [31:0]       j_seq_reg, j_seq1_reg, j_exp_reg, j_ack_reg, j_dig_reg;
    reg [11:0]       j_flags_reg;
    reg [9:0]        j_hlen_reg;
    reg [319:0]      j_key_reg;             // key byte k in bits 8k+7:8k
    reg              j_evict_reg;
    reg [15:0]       j_thresh_reg;
    reg [31:0]       j_age_reg, j_now_reg;
    wire [32*NSG-1:0] j_sig_flat;           // the signature, one copy per SG entries (g_sig)
    wire [32*NSG-1:0] pre_sig_flat;         // the offered job's signature, likewise
    wire [NSG-1:0]    g_same_flat;          // it equals the job's before, likewise
    wire [NSG-1:0]    j_cam_flat;           // the CAM is used (a frame, INSTALL), likewise
    wire [NSG-1:0]    g_e1_flat, g_e4_flat, g_e9_flat;   // at_e1, at_e4, done, likewise
    wire [NSG-1:0]    g_write_flat, g_inval_flat, g_create_flat, g_is_b_flat;   // d_*_reg, likewise
    // derived job constants (E1, E2)
    reg              j_pay0_reg, j_short_reg, j_age_on_reg, j_wrap_reg;
    reg [31:0]       j_lo_reg;              // now - age: a time in [lo, now] (circularly) is not aged
    (* keep *) reg [31:0] c_now_reg, c_lo_reg;   // j_now_reg, j_lo_reg again for E6 (below)
    // pipeline
    reg [NG-1:0]     b1_any_reg, b1_valid_reg, b1_used_reg;   // E2: per group
    reg [GW*NG-1:0]  b1_lidx_reg;
    reg [FW*NG-1:0]  b1_rank_reg;
    reg              b_any_reg, b_valid_reg, b_used_reg;      // E3: the entry b
    reg [FW-1:0]     b_idx_reg, b_rank_reg;
    reg              b_is_tail_reg;                            // E4
    reg [NG-1:0]     t1_valid_reg, t1_used_reg, p1_any_reg;    // every cycle: the tail's
    reg [GW*NG-1:0]  p1_lidx_reg;                              // valid and used, the index ranked
    reg              t_valid_reg, t_used_reg;                  // PENULT
    reg [FW-1:0]     pen_reg;
    reg [7:0]        tq_gen_reg;            // E2: the tail's word (gen, time)
    reg [31:0]       tq_time_reg;
    reg [7:0]        t_gen_inc_reg;         // E4
    reg              t_aged_reg;
    reg [CTXW-1:0]   e_ctx_reg;             // E5: b's word and key
    reg [319:0]      e_key_reg;
    reg [9:0]        c_keq_reg;             // E6: key parts equal
    reg              c_aged_reg, c_seq_ne_reg, c_synseq_ne_reg, c_seg_gt_reg, c_ack_ne_reg, c_hlen_ne_reg,
                     c_flags_ne_reg, c_dig_ne_reg;
    reg [7:0]        e_gen_reg, e_gen_inc_reg;
    reg [31:0]       e_count_inc_reg;
    reg              c_alloc_reg;           // E6: an allocation may take the tail
    reg              c_mf_reg;              // E7: merging forbidden
    // decision (E7)
    reg              d_flow_reg;            // the frame has a flow / the command succeeded
    reg              d_write_reg;           // context (and valid) written, entry to the head
    reg              d_inval_reg;           // valid cleared, entry to the tail
    reg              d_is_b_reg;            // the entry is b, else the tail
    reg              d_create_reg;          // new generation, key and signature written
    reg              d_upd_reg;             // frame update of the entry's context
    reg              mv_head_reg;           // E9: d_x to the head (written, kept valid)
    reg              mv_tail_reg;           // E9: d_x to the tail (invalidated)
    // the decision at E7 (combinational, below)
    reg              dn_flow, dn_write, dn_create, dn_inval, dn_upd, dn_is_b, dn_created, dn_removed, dn_evicted, dn_aged;
    reg [7:0]        dn_gen;
    reg              d_x_tail_reg;          // the entry is the tail
    reg [FW-1:0]     d_x_reg;               // the entry
    reg [7:0]        d_gen_reg;             // its generation after the job
    reg              d_c_created_reg, d_c_removed_reg, d_c_evicted_reg, d_c_aged_reg;

    // ---- outputs ---------------------------------------------------------------------------
    assign m_fl_valid  = m_fl_valid_reg;
    assign m_fl_data   = m_fl_data_reg;
    assign flow_busy   = flow_busy_reg;
    assign flow_fail   = flow_fail_reg;
    assign flow_idx    = flow_idx_reg;
    assign flow_gen    = flow_gen_reg;
    assign flow_time   = now_reg;
    assign ctx_load    = ctx_load_reg;
    assign cnt_created = cnt_created_reg;
    assign cnt_removed = cnt_removed_reg;
    assign cnt_evicted = cnt_evicted_reg;
    assign cnt_aged    = cnt_aged_reg;
    assign cnt_no_flow = cnt_no_flow_reg;

    // ---- the job's fields --------------------------------------------------------------------
    wire [1:0]   fk_cmd = s_fk_data[FK_CMD +: FK_CMD_W];
    wire [7:0]   fk_sel = s_fk_data[FK_SEL +: FK_SEL_W];
    wire [319:0] fk_key;                    // the stream's key has byte 0 the most significant
    genvar gk;
    generate
        for (gk = 0; gk < 40; gk = gk + 1) begin : g_key
            assign fk_key[8*gk +: 8] = s_fk_data[FK_KEY + 319 - 8*gk -: 8];
        end
    endgenerate

    // ---- control ---------------------------------------------------------------------------
    wire take      = s_fk_valid && ready_reg;
    wire done      = ph_reg[9];
    wire cmd_set   = cfg_flow_cmd != 2'd0 && !flow_busy_reg;
    wire act_next  = take || (act_reg && !done);
    // a job is taken only while none runs or at E9 (ready_reg), so the phase just moves on
    wire [9:1] ph_next = {ph_reg[8:1], take};
    wire at_e1 = ph_reg[1], at_e2 = ph_reg[2], at_e3 = ph_reg[3], at_e4 = ph_reg[4],
         at_e5 = ph_reg[5], at_e6 = ph_reg[6], at_e7 = ph_reg[7], at_e8 = ph_reg[8];
    assign s_fk_ready = ready_reg;
    assign idle       = !act_reg && !m_fl_valid_reg && !ctx_load_reg;

    // the tail after this edge (the memories read it from E0 on): at E9 d_x if it goes to the
    // tail, the entry ranked PENULT if the tail goes to the head
    wire [FW-1:0] tail_next = mv_tail_reg ? d_x_reg : (mv_head_reg && d_x_tail_reg) ? pen_reg : tail_reg;

    // ---- the signature, once per SG entries (kept apart: the CAM's fan-out) ----------------------
    genvar gs;
    generate
        for (gs = 0; gs < NSG; gs = gs + 1) begin : g_sig
            reg [31:0] pre_reg;     // the offered job's signature (every edge)
            reg [31:0] sig_reg;     // the job's (taken at E0)
            reg        same_reg;    // E0: the offered signature is the job's before (g_entry)
            reg        cam_reg;
            // the phases and the decision the entries read, likewise one copy per SG entries;
            // the decision's copies load at E8 from its registers (d_*_reg, E7), so that only
            // flip-flops lie between the decision's logic and the copies spread over the CAM
            (* keep *) reg e1_reg, e4_reg, e9_reg, write_reg, inval_reg, create_reg, is_b_reg;
            (* keep *) always @(posedge clk) begin
                pre_reg  <= s_fk_data[FK_SIG +: FK_SIG_W];
                same_reg <= pre_reg == sig_reg;
                if (take) begin
                    sig_reg <= pre_reg;   // the job was offered the edge before (ready_reg)
                    cam_reg <= fk_cmd == CMD_FRAME || fk_cmd == CMD_INSTALL;
                end
                e1_reg <= !rst && take;
                e4_reg <= !rst && at_e3;
                e9_reg <= !rst && at_e8;
                if (at_e8) begin
                    write_reg  <= d_write_reg;
                    inval_reg  <= d_inval_reg;
                    create_reg <= d_create_reg;
                    is_b_reg   <= d_is_b_reg;
                end
            end
            assign j_sig_flat[32*gs +: 32] = sig_reg;
            assign pre_sig_flat[32*gs +: 32] = pre_reg;
            assign g_same_flat[gs]   = same_reg;
            assign j_cam_flat[gs]          = cam_reg;
            assign g_e1_flat[gs]     = e1_reg;
            assign g_e4_flat[gs]     = e4_reg;
            assign g_e9_flat[gs]     = e9_reg;
            assign g_write_flat[gs]  = write_reg;
            assign g_inval_flat[gs]  = inval_reg;
            assign g_create_flat[gs] = create_reg;
            assign g_is_b_flat[gs]   = is_b_reg;
`ifdef FORMAL
            always @(*) if (f_past_valid && !f_past_rst) begin
                assert(e1_reg == at_e1 && e4_reg == at_e4 && e9_reg == done);
                if (done)
                    assert(write_reg == d_write_reg && inval_reg == d_inval_reg &&
                           create_reg == d_create_reg && is_b_reg == d_is_b_reg);
            end
`endif
        end
    endgenerate

    // ---- the entries ----------------------------------------------------------------------------
    // x, the entry of the job's moves: b (match_reg) or the tail (tail_oh_reg)
    genvar ge;
    generate
        for (ge = 0; ge < FLOWS; ge = ge + 1) begin : g_entry
            localparam [FW-1:0] I = ge;
            reg [31:0]   sig_reg;
            reg          valid_reg, used_reg;
            reg [FW-1:0] rank_reg;
            reg          sel_reg;       // every edge: the offered command's entry (READ, INVALIDATE);
                                        // read only at E1, so it needs no take: the take would
                                        // fan out to every entry (FLOWS=256's path)
            reg [3:0]    seq_reg;       // every edge: its signature's bytes equal the offered one's
            reg          wrote_reg;     // its signature was written at the edge before
            reg          match_reg;     // E1: this is b
            reg          lt_reg;        // E4: ranked above b (more recently active)
            reg          tail_oh_reg, pen_oh_reg;   // every cycle: ranked LAST, PENULT
            wire [31:0]  j_sig = j_sig_flat[32*(ge/SG) +: 32];
            wire [31:0]  p_sig = pre_sig_flat[32*(ge/SG) +: 32];
            wire         is_b = g_is_b_flat[ge/SG], write = g_write_flat[ge/SG];
            wire         inval = g_inval_flat[ge/SG], create = g_create_flat[ge/SG];
            wire         e9   = g_e9_flat[ge/SG];
            wire         x    = is_b ? match_reg : tail_oh_reg;
            wire         lt   = is_b ? lt_reg : !tail_oh_reg;
            wire         gt   = is_b && !lt_reg && !match_reg;
            // the entry's writes at E9, from its group's copy of the decision (E8)
            wire         w_head = e9 && write && !inval && x;        // x to the head: rank 0, valid
            wire         w_inc  = e9 && write && !inval && !x && lt; // ranked above x, x to the head: rank + 1
            wire         w_tail = e9 && inval && x;                  // x to the tail: rank LAST, invalid
            wire         w_dec  = e9 && inval && !x && gt;           // ranked below x, x to the tail: rank - 1
            wire         w_used = e9 && write && x;                  // x's context written
            wire         w_sig  = e9 && create && x;                 // x created: the job's signature
            always @(posedge clk) begin
                sel_reg     <= (fk_cmd == CMD_READ || fk_cmd == CMD_INVAL) && fk_sel[FW-1:0] == I;
                tail_oh_reg <= rank_reg == LAST;
                pen_oh_reg  <= rank_reg == PENULT;
                // the compare in two steps, bytes at E0 then their AND at E1: a signature
                // copy's route and a 32-bit equality do not fit one cycle.  An entry whose
                // signature the job before wrote at E0 (the job taken at that job's E9)
                // compared the old one: the offered signature against the one written instead
                seq_reg   <= {sig_reg[31:24] == p_sig[31:24], sig_reg[23:16] == p_sig[23:16],
                              sig_reg[15:8] == p_sig[15:8], sig_reg[7:0] == p_sig[7:0]};
                wrote_reg <= w_sig;
                if (g_e1_flat[ge/SG])
                    match_reg <= (j_cam_flat[ge/SG] && valid_reg && (wrote_reg ? g_same_flat[ge/SG] : &seq_reg))
                                 || sel_reg;
                if (g_e4_flat[ge/SG]) lt_reg <= rank_reg < b_rank_reg;
            end
            always @(posedge clk) begin
                if (rst) begin
                    sig_reg    <= 32'd0;
                    valid_reg  <= 1'b0;
                    used_reg   <= 1'b0;
                    rank_reg   <= LAST - I;     // reset order: FLOWS-1 at the head ... 0 at the tail
                end else begin
                    if (w_sig)  sig_reg <= j_sig;
                    if (w_used) used_reg <= 1'b1;
                    if (w_head) begin
                        valid_reg <= 1'b1;
                        rank_reg  <= {FW{1'b0}};
                    end else if (w_tail) begin
                        valid_reg <= 1'b0;
                        rank_reg  <= LAST;
                    end else if (w_inc) begin
                        rank_reg  <= rank_reg + 1'b1;
                    end else if (w_dec) begin
                        rank_reg  <= rank_reg - 1'b1;
                    end
                end
            end
            assign valid_flat[ge]            = valid_reg;
            assign used_flat[ge]             = used_reg;
            assign match_flat[ge]            = match_reg;
            assign tail_oh_flat[ge]          = tail_oh_reg;
            assign pen_oh_flat[ge]           = pen_oh_reg;
            assign rank_flat[FW*ge +: FW]    = rank_reg;
`ifdef FORMAL
            assign f_sig_flat[32*ge +: 32]   = sig_reg;
`endif
        end
    endgenerate

    // ---- selects: one-hot vectors AND-ORed over groups of G entries, then over the groups ----------
    // b from match_reg (E2, E3); the tail's valid and used and the index ranked PENULT every
    // cycle (their one-hot vectors change only at E9, the values are needed from E4 on)
    reg [NG-1:0]    b1_any, b1_valid, b1_used, t1_valid, t1_used, p1_any;
    reg [GW*NG-1:0] b1_lidx, p1_lidx;
    reg [FW*NG-1:0] b1_rank;
    integer sg, se;
    always @(*) begin
        b1_any = {NG{1'b0}};  b1_valid = {NG{1'b0}};  b1_used = {NG{1'b0}};
        t1_valid = {NG{1'b0}};  t1_used = {NG{1'b0}};  p1_any = {NG{1'b0}};
        b1_lidx = {GW*NG{1'b0}};  p1_lidx = {GW*NG{1'b0}};  b1_rank = {FW*NG{1'b0}};
        for (sg = 0; sg < NG; sg = sg + 1)
            for (se = 0; se < G; se = se + 1) begin
                b1_any[sg]   = b1_any[sg] | match_flat[G*sg+se];
                b1_valid[sg] = b1_valid[sg] | (match_flat[G*sg+se] & valid_flat[G*sg+se]);
                b1_used[sg]  = b1_used[sg] | (match_flat[G*sg+se] & used_flat[G*sg+se]);
                b1_lidx[GW*sg +: GW] = b1_lidx[GW*sg +: GW] | ({GW{match_flat[G*sg+se]}} & se[GW-1:0]);
                b1_rank[FW*sg +: FW] = b1_rank[FW*sg +: FW] | ({FW{match_flat[G*sg+se]}} & rank_flat[FW*(G*sg+se) +: FW]);
                t1_valid[sg] = t1_valid[sg] | (tail_oh_flat[G*sg+se] & valid_flat[G*sg+se]);
                t1_used[sg]  = t1_used[sg] | (tail_oh_flat[G*sg+se] & used_flat[G*sg+se]);
                p1_any[sg]   = p1_any[sg] | pen_oh_flat[G*sg+se];
                p1_lidx[GW*sg +: GW] = p1_lidx[GW*sg +: GW] | ({GW{pen_oh_flat[G*sg+se]}} & se[GW-1:0]);
            end
    end
    reg [FW-1:0] b2_idx, b2_rank, p2_idx;
    reg          b2_any, b2_valid, b2_used, t2_valid, t2_used;
    integer sh;
    always @(*) begin
        b2_idx = {FW{1'b0}};  b2_rank = {FW{1'b0}};  p2_idx = {FW{1'b0}};
        b2_any = 1'b0;  b2_valid = 1'b0;  b2_used = 1'b0;  t2_valid = 1'b0;  t2_used = 1'b0;
        for (sh = 0; sh < NG; sh = sh + 1) begin
            b2_idx   = b2_idx | ({FW{b1_any_reg[sh]}} & (sh[FW-1:0] << GW)) | {{FW-GW{1'b0}}, b1_lidx_reg[GW*sh +: GW]};
            p2_idx   = p2_idx | ({FW{p1_any_reg[sh]}} & (sh[FW-1:0] << GW)) | {{FW-GW{1'b0}}, p1_lidx_reg[GW*sh +: GW]};
            b2_rank  = b2_rank | b1_rank_reg[FW*sh +: FW];
            b2_any   = b2_any | b1_any_reg[sh];
            b2_valid = b2_valid | b1_valid_reg[sh];
            b2_used  = b2_used | b1_used_reg[sh];
            t2_valid = t2_valid | t1_valid_reg[sh];
            t2_used  = t2_used | t1_used_reg[sh];
        end
    end

    // ---- memories (block RAM; the read registers feed only registers) --------------------------
    always @(posedge clk) begin
        if (done && d_write_reg && !rst) ctx_mem[d_x_reg] <= w_ctx;   // rst abandons the job
        if (done && d_create_reg && !rst) key_mem[d_x_reg] <= j_key_reg;
        ctx_rd_reg <= ctx_mem[rd_addr_reg];
        key_rd_reg <= key_mem[rd_addr_reg];
    end
    integer mi;
    initial begin
        for (mi = 0; mi < FLOWS; mi = mi + 1) begin
            ctx_mem[mi] = {CTXW{1'b0}};
            key_mem[mi] = 320'd0;
        end
    end

    // ---- b's word (E5) and the tail's (E2) ------------------------------------------------------
    wire [7:0]  e_gen_raw = e_ctx_reg[7:0];
    wire [31:0] e_exp     = e_ctx_reg[39:8];
    wire [31:0] e_ack     = e_ctx_reg[71:40];
    wire [31:0] e_dig     = e_ctx_reg[103:72];
    wire [9:0]  e_hlen    = e_ctx_reg[113:104];
    wire [11:0] e_flags   = e_ctx_reg[125:114];
    wire        e_ds      = e_ctx_reg[126];
    wire        e_na      = e_ctx_reg[127];
    wire [31:0] e_time    = e_ctx_reg[159:128];
    wire [31:0] e_count   = e_ctx_reg[191:160];

    assign ctx_info  = {6'd0, e_hlen, e_flags, e_na, e_ds, c_aged_reg, b_valid_reg};
    assign ctx_seq   = e_exp;
    assign ctx_ack   = e_ack;
    assign ctx_opt   = e_dig;
    assign ctx_time  = e_time;
    assign ctx_count = e_count;
    assign ctx_key   = e_key_reg;

    // aged: FLOW_AGE non-zero and now - time > FLOW_AGE (mod 2^32), i.e. the time outside the
    // circular interval [now - age, now]: two comparisons against job constants, no subtraction
    function aged;
        input [31:0] t, lo, now;
        input        wrap, on;
        begin
            aged = on && !(wrap ? (t >= lo || t <= now) : (t >= lo && t <= now));
        end
    endfunction
    function [7:0] gen_inc;   // the next generation: 255 wraps to 1, never 0
        input [7:0] g;
        begin
            gen_inc = (g == 8'd255) ? 8'd1 : g + 8'd1;
        end
    endfunction

    // ---- the decision (E7) ------------------------------------------------------------------
    wire j_syn = j_flags_reg[F_SYN], j_fin = j_flags_reg[F_FIN], j_rst = j_flags_reg[F_RST];
    wire hit   = b_any_reg && (&c_keq_reg);
    always @(*) begin
        dn_flow = 1'b0;  dn_write = 1'b0;  dn_create = 1'b0;  dn_inval = 1'b0;  dn_upd = 1'b0;
        dn_created = 1'b0;  dn_removed = 1'b0;  dn_evicted = 1'b0;  dn_aged = 1'b0;
        dn_is_b = 1'b1;  dn_gen = e_gen_reg;
        case (j_cmd_reg)
            CMD_FRAME, CMD_INSTALL: begin
                if (j_cmd_reg == CMD_FRAME && !j_presel_reg) begin
                    // not pre-selected: the database is not touched
                end else if (hit) begin
                    if (j_cmd_reg == CMD_INSTALL) begin
                        dn_flow = 1'b1;  dn_write = 1'b1;
                    end else if (c_aged_reg) begin
                        dn_aged = 1'b1;
                        if (j_may_reg) begin
                            dn_flow = 1'b1;  dn_write = 1'b1;  dn_create = 1'b1;  dn_created = 1'b1;
                            dn_gen = e_gen_inc_reg;
                        end else begin
                            dn_inval = 1'b1;
                        end
                    end else if (j_syn && j_may_reg && c_synseq_ne_reg) begin
                        dn_flow = 1'b1;  dn_write = 1'b1;  dn_create = 1'b1;  dn_created = 1'b1;
                        dn_gen = e_gen_inc_reg;
                    end else begin
                        dn_flow = 1'b1;  dn_write = 1'b1;  dn_upd = 1'b1;
                        if (j_fin || j_rst) begin
                            dn_inval = 1'b1;  dn_removed = 1'b1;
                        end
                    end
                end else if (c_alloc_reg) begin
                    // allocation: the tail (invalid, aged, or evicted)
                    dn_is_b = 1'b0;  dn_gen = t_gen_inc_reg;
                    dn_flow = 1'b1;  dn_write = 1'b1;  dn_create = 1'b1;
                    dn_created = (j_cmd_reg == CMD_FRAME);
                    dn_aged    = t_valid_reg && t_aged_reg;
                    dn_evicted = t_valid_reg && !t_aged_reg;
                end
            end
            CMD_READ: begin
                dn_flow = 1'b1;
            end
            default: begin   // CMD_INVAL
                dn_flow = b_valid_reg;  dn_inval = b_valid_reg;
            end
        endcase
    end

    // OP_NO_FLOW alone, for its counter (the same rules, without the priority chain)
    wire no_flow = j_presel_reg && !j_pay0_reg && !d_flow_reg;
    // the operation code (E9); the entry's comparisons are against its state before the job
    reg [3:0] op_next;
    always @(*) begin
        if (!j_presel_reg)       op_next = (j_fl_reg[FL_L4 +: FL_L4_W] == 2'd1) ? OP_TCP_OTHER : OP_NOT_TCP;
        else if (j_pay0_reg)     op_next = OP_CTRL;
        else if (!d_flow_reg)    op_next = OP_NO_FLOW;
        else if (d_create_reg)   op_next = OP_FIRST;
        else if (e_na)           op_next = OP_TCP_OTHER;
        else if (c_seq_ne_reg)   op_next = OP_OOO;
        else if (!e_ds)          op_next = OP_FIRST;
        else if (j_short_reg)    op_next = OP_SHORT;
        else if (c_mf_reg)       op_next = OP_NO_MERGE;
        else                     op_next = OP_CONT;
    end

    // the context word written at E9: a frame's update keeps exp if seg_end is not after it
    // (the job's exp), data_seen and noassist; a creation or INSTALL takes the job's context
    wire [31:0] w_exp   = (d_upd_reg && !c_seg_gt_reg) ? e_exp : j_exp_reg;
    wire        w_ds    = (d_upd_reg && e_ds) || j_ds_reg;
    wire        w_na    = (d_upd_reg && e_na) || j_na_reg;
    wire [31:0] w_count = (j_cmd_reg == CMD_INSTALL) ? 32'd0 : d_upd_reg ? e_count_inc_reg : 32'd1;
    wire [CTXW-1:0] w_ctx = {w_count, j_now_reg, w_na, w_ds, j_flags_reg, j_hlen_reg, j_dig_reg, j_ack_reg,
                             w_exp, d_gen_reg};
    reg  [7:0]  d_x8;                       // d_x_reg as an 8-bit flow number
    always @(*) begin
        d_x8 = 8'd0;
        d_x8[FW-1:0] = d_x_reg;
    end

    // ---- job pipeline (no reset needed: every field is loaded before it is used) --------------
    always @(posedge clk) begin
        if (take) begin
            j_cmd_reg     <= fk_cmd;
            j_fl_reg[FL_LEN +: FL_LEN_W]       <= s_fk_data[FK_LEN +: FK_LEN_W];
            j_fl_reg[FL_CLS +: FL_CLS_W]       <= s_fk_data[FK_CLS +: FK_CLS_W];
            j_fl_reg[FL_L3 +: FL_L3_W]         <= s_fk_data[FK_L3 +: FK_L3_W];
            j_fl_reg[FL_L4 +: FL_L4_W]         <= s_fk_data[FK_L4 +: FK_L4_W];
            j_fl_reg[FL_VLAN]                  <= s_fk_data[FK_VLAN];
            j_fl_reg[FL_VID +: FL_VID_W]       <= s_fk_data[FK_VID +: FK_VID_W];
            j_fl_reg[FL_FRAG]                  <= s_fk_data[FK_FRAG];
            j_fl_reg[FL_L3_OFF +: FL_L3_OFF_W] <= s_fk_data[FK_L3_OFF +: FK_L3_OFF_W];
            j_fl_reg[FL_L4_OFF +: FL_L4_OFF_W] <= s_fk_data[FK_L4_OFF +: FK_L4_OFF_W];
            j_fl_reg[FL_HASH +: FL_HASH_W]     <= s_fk_data[FK_HASH +: FK_HASH_W];
            j_fl_reg[FL_TRUNC]                 <= s_fk_data[FK_TRUNC];
            j_fl_reg[FL_PERR]                  <= s_fk_data[FK_PERR];
            j_fl_reg[FL_FLOW +: FL_FLOW_W]     <= 16'd0;   // set at E9 with the opcode
            j_fl_reg[FL_OPCODE +: FL_OPCODE_W] <= 4'd0;
            j_fl_reg[FL_QUEUE +: FL_QUEUE_W]   <= {FL_QUEUE_W{1'b0}};   // chosen by nicrx_rss
            j_fl_reg[FL_RSS_TYPE +: FL_RSS_TYPE_W] <= {FL_RSS_TYPE_W{1'b0}};   // likewise
            j_fl_reg[FL_RED +: FL_RED_W]       <= {FL_RED_W{1'b0}};     // set by nicrx_red
            j_fl_reg[FL_HLEN +: FL_HLEN_W]     <= s_fk_data[FK_HLEN +: FK_HLEN_W];
            j_fl_reg[FL_PAY +: FL_PAY_W]       <= s_fk_data[FK_PAY +: FK_PAY_W];
            j_fl_reg[FL_SEQ +: FL_SEQ_W]       <= s_fk_data[FK_SEQ +: FK_SEQ_W];
            j_fl_reg[FL_ACK +: FL_ACK_W]       <= s_fk_data[FK_ACK +: FK_ACK_W];
            j_fl_reg[FL_WIN +: FL_WIN_W]       <= s_fk_data[FK_WIN +: FK_WIN_W];
            j_fl_reg[FL_FCL +: FL_FCL_W]       <= s_fk_data[FK_FLAGS +: 6] & 6'h2d;   // URG, PSH, RST, FIN
            // the transfer decision, set by nicrx_xfer_plan
            j_fl_reg[FL_SPLIT]                 <= 1'b0;
            j_fl_reg[FL_HDR_LEN +: FL_HDR_LEN_W] <= 16'd0;
            j_fl_reg[FL_DLEN +: FL_DLEN_W]     <= 16'd0;
            j_fl_reg[FL_LERR]                  <= 1'b0;
            j_presel_reg  <= s_fk_data[FK_PRESEL];
            j_may_reg     <= s_fk_data[FK_MAY];
            j_pay_reg     <= s_fk_data[FK_PAY +: FK_PAY_W];
            j_seq_reg     <= s_fk_data[FK_SEQ +: FK_SEQ_W];
            j_seq1_reg    <= s_fk_data[FK_SEQ1 +: FK_SEQ1_W];
            j_exp_reg     <= s_fk_data[FK_EXP +: FK_EXP_W];
            j_ack_reg     <= s_fk_data[FK_ACK +: FK_ACK_W];
            j_flags_reg   <= s_fk_data[FK_FLAGS +: FK_FLAGS_W];
            j_hlen_reg    <= s_fk_data[FK_HLEN +: FK_HLEN_W];
            j_dig_reg     <= s_fk_data[FK_DIGEST +: FK_DIGEST_W];
            j_ds_reg      <= s_fk_data[FK_DATA_SEEN];
            j_na_reg      <= s_fk_data[FK_NOASSIST];
            j_nomerge_reg <= s_fk_data[FK_NOMERGE];
            j_key_reg     <= fk_key;
            j_evict_reg   <= cfg_flow_evict;
            j_thresh_reg  <= cfg_flow_thresh;
            j_age_reg     <= cfg_flow_age;
            j_now_reg     <= now_reg;
        end
        if (take) rd_addr_reg <= tail_next;
        if (at_e3) rd_addr_reg <= b2_idx;
        // job constants
        if (at_e1) begin
            j_pay0_reg   <= j_pay_reg == 16'd0;
            j_short_reg  <= j_pay_reg < j_thresh_reg;
            j_age_on_reg <= j_age_reg != 32'd0;
            j_lo_reg     <= j_now_reg - j_age_reg;
        end
        if (at_e2) j_wrap_reg <= j_lo_reg > j_now_reg;
        // the selects: the tail's and PENULT's every cycle, b's at E2 and E3
        t1_valid_reg <= t1_valid;   t1_used_reg <= t1_used;
        t_valid_reg  <= t2_valid;   t_used_reg  <= t2_used;
        p1_any_reg   <= p1_any;     p1_lidx_reg <= p1_lidx;
        pen_reg      <= p2_idx;
        if (at_e2) begin
            b1_any_reg  <= b1_any;   b1_valid_reg <= b1_valid;  b1_used_reg <= b1_used;
            b1_lidx_reg <= b1_lidx;  b1_rank_reg  <= b1_rank;
            tq_gen_reg  <= ctx_rd_reg[7:0];
            tq_time_reg <= ctx_rd_reg[159:128];
        end
        if (at_e3) begin
            b_any_reg  <= b2_any;   b_valid_reg <= b2_valid;  b_used_reg <= b2_used;
            b_idx_reg  <= b2_idx;   b_rank_reg  <= b2_rank;
        end
        if (at_e4) begin
            b_is_tail_reg <= b_rank_reg == LAST;
            t_aged_reg    <= aged(tq_time_reg, j_lo_reg, j_now_reg, j_wrap_reg, j_age_on_reg);
            t_gen_inc_reg <= gen_inc(t_used_reg ? tq_gen_reg : 8'd0);
        end
        if (at_e5) begin
            e_ctx_reg <= ctx_rd_reg;
            e_key_reg <= key_rd_reg;
        end
        if (at_e6) begin
            c_aged_reg      <= aged(e_time, c_lo_reg, c_now_reg, j_wrap_reg, j_age_on_reg);
            c_seq_ne_reg    <= j_seq_reg != e_exp;
            c_synseq_ne_reg <= j_seq1_reg != e_exp;
            c_seg_gt_reg    <= j_exp_reg != e_exp && !(j_exp_reg - e_exp >= 32'h80000000);
            c_ack_ne_reg    <= j_ack_reg != e_ack;
            c_hlen_ne_reg   <= j_hlen_reg != e_hlen;
            c_flags_ne_reg  <= ((j_flags_reg ^ e_flags) & 12'h176) != 12'd0;
            c_dig_ne_reg    <= j_dig_reg != e_dig;
            e_gen_reg       <= b_used_reg ? e_gen_raw : 8'd0;
            e_gen_inc_reg   <= gen_inc(b_used_reg ? e_gen_raw : 8'd0);
            e_count_inc_reg <= e_count + 32'd1;
            // registered beside the decision: from t_aged_reg (beside the tail's time) it
            // was the decision's critical path into its copies per 8 entries
            c_alloc_reg     <= !b_any_reg && (j_may_reg || j_cmd_reg == CMD_INSTALL)
                               && (!t_valid_reg || t_aged_reg || j_evict_reg);
        end
        if (at_e7) begin
            c_mf_reg <= j_nomerge_reg || c_flags_ne_reg || c_ack_ne_reg || c_hlen_ne_reg || c_dig_ne_reg;
            d_flow_reg   <= dn_flow;   d_write_reg <= dn_write;  d_create_reg <= dn_create;
            d_inval_reg  <= dn_inval;  d_upd_reg   <= dn_upd;  d_is_b_reg <= dn_is_b;
            d_x_reg      <= dn_is_b ? b_idx_reg : tail_reg;
            d_x_tail_reg <= dn_is_b ? b_is_tail_reg : 1'b1;
            d_gen_reg    <= dn_gen;
            d_c_created_reg <= dn_created;  d_c_removed_reg <= dn_removed;
            d_c_evicted_reg <= dn_evicted;  d_c_aged_reg    <= dn_aged;
        end
    end
    // now and now - age again for b's aged test at E6 alone (keep: Yosys would merge them):
    // j_now_reg also feeds now - age, the wrap test, the tail's test and the context word,
    // and its route into E6's comparisons was the critical path
    (* keep *) always @(posedge clk) begin
        if (take)  c_now_reg <= now_reg;
        if (at_e2) c_lo_reg  <= j_lo_reg;
    end
    genvar gq;
    generate
        for (gq = 0; gq < 10; gq = gq + 1) begin : g_keq
            always @(posedge clk)
                if (at_e6) c_keq_reg[gq] <= e_key_reg[32*gq +: 32] == j_key_reg[32*gq +: 32];
        end
    endgenerate

    // Unused: the command's entry beyond FW bits (it is taken mod FLOWS), the job's flow and
    // opcode places (set at E9).
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, fk_sel, j_fl_reg[FL_FLOW +: FL_FLOW_W + FL_OPCODE_W]};
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- registered state -------------------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            presc_reg       <= 16'd0;
            now_reg         <= 32'd0;
            tail_reg        <= {FW{1'b0}};
            mv_head_reg     <= 1'b0;
            mv_tail_reg     <= 1'b0;
            act_reg         <= 1'b0;
            ph_reg          <= 9'd0;
            ready_reg       <= 1'b0;
            m_fl_valid_reg  <= 1'b0;
            m_fl_data_reg   <= {FL_W{1'b0}};
            flow_busy_reg   <= 1'b0;
            flow_fail_reg   <= 1'b0;
            flow_idx_reg    <= 8'd0;
            flow_gen_reg    <= 8'd0;
            ctx_load_reg    <= 1'b0;
            cnt_created_reg <= 32'd0;
            cnt_removed_reg <= 32'd0;
            cnt_evicted_reg <= 32'd0;
            cnt_aged_reg    <= 32'd0;
            cnt_no_flow_reg <= 32'd0;
        end else begin
            // time
            if (presc_reg >= cfg_flow_tick) begin   // >=: a smaller FLOW_TICK takes effect at once
                presc_reg <= 16'd0;
                now_reg   <= now_reg + 32'd1;
            end else begin
                presc_reg <= presc_reg + 16'd1;
            end
            // manager
            act_reg   <= act_next;
            ph_reg    <= ph_next;
            // a job offered now and not taken is still offered after this edge
            ready_reg <= (!act_next || ph_next[9]) && s_fk_valid && !take;
            tail_reg  <= tail_next;
            mv_head_reg <= at_e8 && d_write_reg && !d_inval_reg;
            mv_tail_reg <= at_e8 && d_inval_reg;
            if (cmd_set) flow_busy_reg <= 1'b1;
            m_fl_valid_reg <= done && j_cmd_reg == CMD_FRAME;
            ctx_load_reg   <= done && j_cmd_reg == CMD_READ;
            if (done) begin
                if (j_cmd_reg == CMD_FRAME) begin
                    m_fl_data_reg                           <= j_fl_reg;
                    m_fl_data_reg[FL_FLOW +: FL_FLOW_W]     <= d_flow_reg ? {d_gen_reg, d_x8} : 16'd0;
                    m_fl_data_reg[FL_OPCODE +: FL_OPCODE_W] <= op_next;
                    if (no_flow) cnt_no_flow_reg <= cnt_no_flow_reg + 32'd1;
                end else begin
                    flow_busy_reg <= 1'b0;
                    flow_fail_reg <= !d_flow_reg;
                    flow_idx_reg  <= (d_flow_reg || j_cmd_reg != CMD_INSTALL) ? d_x8 : 8'd0;
                    flow_gen_reg  <= (d_flow_reg || j_cmd_reg != CMD_INSTALL) ? d_gen_reg : 8'd0;
                end
                if (d_c_created_reg) cnt_created_reg <= cnt_created_reg + 32'd1;
                if (d_c_removed_reg) cnt_removed_reg <= cnt_removed_reg + 32'd1;
                if (d_c_evicted_reg) cnt_evicted_reg <= cnt_evicted_reg + 32'd1;
                if (d_c_aged_reg)    cnt_aged_reg    <= cnt_aged_reg + 32'd1;
            end
        end
    end

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md): the manager's bookkeeping, the
    // CAM's unique signatures and the recency order.  Every input is free (the key block
    // may offer any frame at any time, a command as below; the CSR pulses at any time).  Nothing here is
    // synthesized or simulated.
    `include "nicrx_formal_reset.vh"

    // The key block offers a command only after the CSR pulse that set flow_busy, and holds
    // no second one until the first completes (pulses are ignored while busy).
    always @(*) if (!rst && s_fk_valid && fk_cmd != CMD_FRAME)
        assume(flow_busy_reg && !(act_reg && j_cmd_reg != CMD_FRAME));

    // The key block holds an offered job until it is taken (its m_fk register loads only
    // when empty or taken): the signature copies load the job the edge before it is taken.
    reg [FK_W-1:0] f_fk_data;
    reg            f_offered;   // s_fk_valid at the last edge, not taken there
    always @(posedge clk) begin
        f_fk_data <= s_fk_data;
        f_offered <= !rst && s_fk_valid && !take;
    end
    always @(*) if (f_past_valid && f_offered)
        assume(s_fk_valid && s_fk_data == f_fk_data);

    // frames taken and not yet handed on: exactly one output per frame job
    reg [1:0] f_frames;
    always @(posedge clk) begin
        if (rst)
            f_frames <= 2'd0;
        else
            f_frames <= f_frames + {1'b0, take && fk_cmd == CMD_FRAME} - {1'b0, done && j_cmd_reg == CMD_FRAME};
    end

    // the ranks are a permutation of 0..FLOWS-1, the tail's is LAST; signatures are unique
    // among valid entries; a valid entry was written since reset
    reg f_ok;
    integer fa, fb;
    always @(*) begin
        f_ok = rank_flat[FW*tail_reg +: FW] == LAST;
        for (fa = 0; fa < FLOWS; fa = fa + 1) begin
            if (valid_flat[fa] && !used_flat[fa]) f_ok = 1'b0;
            for (fb = fa + 1; fb < FLOWS; fb = fb + 1) begin
                if (rank_flat[FW*fa +: FW] == rank_flat[FW*fb +: FW]) f_ok = 1'b0;
                if (valid_flat[fa] && valid_flat[fb] && f_sig_flat[32*fa +: 32] == f_sig_flat[32*fb +: 32]) f_ok = 1'b0;
            end
        end
    end

    always @(*) if (f_past_valid && !f_past_rst) begin
        // s_fk_ready: exactly when a job would be taken at the next edge
        assert(s_fk_ready == ((!act_reg || ph_reg[9]) && f_offered));
        if (s_fk_ready) assert(pre_sig_flat[31:0] == s_fk_data[FK_SIG +: FK_SIG_W]);
        assert(act_reg == (ph_reg != 9'd0));
        if (act_reg && !at_e1 && !at_e2) assert(c_now_reg == j_now_reg && c_lo_reg == j_lo_reg);
        // the allocation test registered at E6 is the decision's at E7
        if (at_e7) assert(c_alloc_reg == (!b_any_reg && (j_may_reg || j_cmd_reg == CMD_INSTALL)
                                          && (!t_valid_reg || t_aged_reg || j_evict_reg)));
        assert($onehot0(ph_reg));
        // one job: a frame job is the only frame in flight, and it is handed on once
        assert(f_frames == {1'b0, act_reg && j_cmd_reg == CMD_FRAME});
        assert(!(m_fl_valid_reg && ctx_load_reg));
        // a command in the manager is one the CSR pulsed: busy until its result
        if (act_reg && j_cmd_reg != CMD_FRAME) assert(flow_busy_reg);
        assert(f_ok);
    end
`endif

endmodule

`resetall
