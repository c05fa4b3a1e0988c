// nicrx_reasm - the per-flow re-assembly table (issue 12): for each flow number, the run of
// in-order payload the transfer engine is merging into one re-assembly page, and the
// decision for the frame at the frame queue's head (open, append, close before or after it)
// or, with no head, for the entry the sweep looks at (timeout, flush, disable).
// C twin: cmodel/reasm.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_reasm".
//
// Request/response: the user holds the request (s_req and the head's fields) and raises
// s_chg at the edge where it changed; the request is read through four register stages
// (A: address and request; B: the table, a registered read; C: its data into fabric
// flip-flops; D: the decision), so m_v says, from the fourth edge on, that m_* answer the
// request held since.  A one-cycle s_take (only with m_v) commits the answer: the entry
// after it is written at that edge (a run opened there takes the page s_take_page,
// s_take_id; with s_take_cls the entry's run only closes) and the pipeline starts again; a
// run opened or appended to keeps the frame's ACK number and window (s_ack, s_win), taken
// there from the request held since it changed (no stage carries them).  With s_req low
// the sweep walks the table one entry per answer: an open run that timed out, or every
// open run during a flush (s_flush, m_busy) or with re-assembly off, is answered with
// m_close for the user to issue its run record and take; otherwise the sweep moves on by
// itself.  The table's write is registered (it lands an edge after the take, the read
// forwarding it), so no take or answer reaches the table's 4 x FLOWS/16 LUT-RAM cells of a
// bit; the behaviour at the ports is as if it were written at the take.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_reasm #(
    parameter FLOWS = 64             // flow database entries (nicrx_top)
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        cfg_en,           // REASM.en: merge; off, every open run is closed
    input  wire [4:0]  cfg_page_log2,    // the re-assembly pages' size, 12..16 (4..64 KB)
    input  wire [16:0] cfg_max_bytes,    // bytes a run may hold (0: the page's size)
    input  wire [7:0]  cfg_max_segs,     // segments a run may hold (0: 255)
    input  wire [15:0] cfg_timeout,      // ticks a run may stay quiet (0: no timeout)
    input  wire [15:0] now,              // the device time in ticks (nicrx_flow's flow_time)
    input  wire        s_flush,          // close every open run (one pass of the sweep)
    // the request: the frame at the queue head, held while m_v is low
    input  wire        s_chg,            // the request changed at this edge
    input  wire        s_req,            // a frame is presented (else the sweep runs)
    input  wire [7:0]  s_flow,           // its flow number
    input  wire [7:0]  s_gen,            // its generation
    input  wire [3:0]  s_op,             // its operation code (enum nicrx_opcode)
    input  wire [15:0] s_len,            // the payload it would merge (0: nothing to merge)
    input  wire [31:0] s_seq,            // its first payload byte's sequence number
    input  wire        s_fcl,            // it carries PSH, FIN, URG or RST
    input  wire [31:0] s_ack,            // its ACK number and window: a run it opens or
    input  wire [15:0] s_win,            //   grows keeps them (its last merged segment's)
    input  wire        s_take,           // commit the answer (with m_v)
    input  wire        s_take_cls,       // ... as a close alone: the entry's run closes, nothing merges
    input  wire [51:0] s_take_page,      // the page a run opened by it takes (m_open): address bits 63:12
    input  wire [15:0] s_take_id,        // ... and its buf_id
    output wire        m_v,              // m_* answer the request (or the sweep's entry)
    output wire        m_req,            // the answer is a frame's (else the sweep's)
    output wire [7:0]  m_flow,           // the entry's flow number
    output wire        m_close,          // the entry's open run closes before the frame
    output wire [3:0]  m_reason,         // why (enum nicrx_reasm_reason)
    output wire        m_open,           // the frame opens a run: its payload at a new page's offset 0
    output wire        m_merge,          // the frame's payload goes into a run (opened or appended)
    output wire        m_after,          // the run closes after the frame (appended)
    output wire [63:0] m_dst,            // appended (m_merge, not m_open): where its payload goes (page | offset)
    output wire [16:0] m_off,            // ... its offset in the run's page (an opened run's payload goes at 0)
    output wire [7:0]  m_r_gen,          // the run that closes (m_close, m_after): generation,
    output wire [15:0] m_r_id,           //   page buf_id,
    output wire [16:0] m_r_len,          //   bytes,
    output wire [7:0]  m_r_segs,         //   segments,
    output wire [31:0] m_r_seq,          //   first sequence number,
    output wire [31:0] m_r_ack,          //   last merged segment's ACK number and window
    output wire [15:0] m_r_win,          //   (the entry's: an appended frame's own are the user's)
    output wire        m_busy            // a flush or the reset's clearing is under way
);
    generate
        `NICRX_CHECK_FLOWS
    endgenerate

    localparam LF = $clog2(FLOWS);
    localparam integer FM = FLOWS - 1;
    localparam [7:0] FMASK = FM[7:0];
    // operation codes (cmodel/nicrx_hw.h enum nicrx_opcode) and close reasons (enum nicrx_reasm_reason)
    localparam [3:0] OP_CTRL = 4'd3, OP_FIRST = 4'd4, OP_CONT = 4'd5, OP_OOO = 4'd6,
                     OP_SHORT = 4'd7, OP_NO_MERGE = 4'd8;
    localparam [3:0] R_NONE = 4'd0, R_OPCODE = 4'd1, R_FLAGS = 4'd2, R_PAGE = 4'd3, R_BYTES = 4'd4,
                     R_SEGS = 4'd5, R_GEN = 4'd6, R_TIMEOUT = 4'd7, R_FLUSH = 4'd8;
    // an entry: {win, ack (of the last merged segment), seq, id, addr[63:12], time (of the
    // open or the last append), segs, off, gen, open}.  What D compares (gen, off, segs,
    // time) comes first, so that it lies in the table's first two block RAMs (36 bits each)
    // and not in four across the die (the core's critical path at seed 1 of 00cdce6: C's
    // entry -> the decision, 92.2 MHz, its gen and open bits 65 columns apart)
    localparam E_OPEN = 0, E_GEN = 1, E_OFF = 9, E_SEGS = 26, E_TIME = 34, E_ADDR = 50,
               E_ID = 102, E_SEQ = 118, E_ACK = 150, E_WIN = 182, E_W = 198;
    // the request as it travels through the stages: {fcl, seq, len, op, gen, flow, req}
    localparam RQ_REQ = 0, RQ_FLOW = 1, RQ_GEN = 9, RQ_OP = 17, RQ_LEN = 21, RQ_SEQ = 37,
               RQ_FCL = 69, RQ_W = 70;
    // what B derives from the request, so that D compares only with the entry: {cap - len,
    // page - len (the offsets at which it still fits), len <= cap, len <= page, it may open
    // a run (a FIRST or CONT with a payload shorter than the page and the cap, a segments cap
    // above 1, no closing flag), CTRL, it closes its flow's run (OOO, SHORT, NO_MERGE, a FIRST
    // or CONT with nothing to merge), a FIRST with a payload, a CONT with a payload}
    localparam P_CN = 0, P_FN = 1, P_KOP = 2, P_CTL = 3, P_OK = 4, P_LEP = 5, P_LEB = 6,
               P_RP = 7, P_RB = 24, P_W = 41;

    // the table: the open bit alone, so that a take that only closes a run (or keeps it)
    // writes one bit and the rest's write data depends on no decision made at the take
    (* no_rw_check *)
    reg  [E_W-1:1]  tab_mem [0:FLOWS-1];
    (* no_rw_check *)
    reg             open_mem [0:FLOWS-1];
    // the write, registered: it lands an edge after the take (or the clearing's step)
    reg              wr_reg, wo_reg;          // write the rest, write the open bit
    reg  [LF-1:0]    wa_reg;
    reg  [E_W-1:0]   wd_reg;

    // configuration, registered
    reg              en_reg;
    reg  [16:0]      psize_reg, capb_reg;   // the page's size; the bytes cap, at most the page's size
    reg  [7:0]       caps_reg, caps1_reg;   // the segments cap, 1..255, and the cap - 1
    reg  [15:0]      to_reg, now_reg;
    reg  [15:0]      lo_reg;                // now - timeout: a last-merge time in [lo, now] (circularly) is not quiet
    reg              wrap_reg;              // lo > now
    // sweep pointer (the reset's clearing pointer too) and state
    reg  [7:0]       sp_reg;              // below FLOWS
    reg              ini_reg, fl_reg;
    // the stages: A the address and the request, B the table's read register and what the
    // length gives, C the entry in flip-flops
    reg              a_v_reg, b_v_reg, c_v_reg;
    reg  [RQ_W-1:0]  a_rq_reg, b_rq_reg, c_rq_reg;
    reg  [P_W-1:0]   b_pre_reg, c_pre_reg;
    reg  [E_W-1:0]   b_q_reg, c_q_reg;
    // D: the answer, with the entry and the request it was made from (the entry after a
    // take is selected from them by the answer, at the write)
    reg              d_v_reg, d_close_reg, d_open_reg, d_merge_reg, d_after_reg;
    reg  [RQ_W-1:0]  d_rq_reg;
    reg  [3:0]       d_reason_reg;
    reg  [63:0]      d_dst_reg;
    reg  [7:0]       d_rsegs_reg;
    reg  [16:0]      d_rlen_reg, d_sum_reg;
    reg  [E_W-1:0]   d_q_reg;
    reg  [15:0]      d_now_reg;

    assign m_v      = d_v_reg;
    assign m_req    = d_rq_reg[RQ_REQ];
    assign m_flow   = d_rq_reg[RQ_FLOW +: 8];
    assign m_close  = d_close_reg;
    assign m_reason = d_reason_reg;
    assign m_open   = d_open_reg;
    assign m_merge  = d_merge_reg;
    assign m_after  = d_after_reg;
    assign m_dst    = d_dst_reg;
    assign m_off    = d_q_reg[E_OFF +: 17];
    assign m_r_gen  = d_q_reg[E_GEN +: 8];
    assign m_r_id   = d_q_reg[E_ID +: 16];
    assign m_r_len  = d_rlen_reg;
    assign m_r_segs = d_rsegs_reg;
    assign m_r_seq  = d_q_reg[E_SEQ +: 32];
    assign m_r_ack  = d_q_reg[E_ACK +: 32];
    assign m_r_win  = d_q_reg[E_WIN +: 16];
    assign m_busy   = fl_reg || ini_reg;

    // the sweep moves on after an answer it needs nothing for; a close it answered is read
    // again after the user's take (the run now closed, the entry needs nothing), so the
    // move never waits on s_take, the user's deepest logic (in nicrx_dma the take reached A's
    // register through the increment: its critical path alone, 113 to 115 MHz)
    wire [15:0] a_len = a_rq_reg[RQ_LEN +: 16];
    wire [3:0]  a_op  = a_rq_reg[RQ_OP +: 4];
    wire        a_fc  = a_op == OP_FIRST || a_op == OP_CONT;
    wire        a_nz  = a_len != 16'd0;
    wire sp_move = d_v_reg && !d_rq_reg[RQ_REQ] && !d_close_reg;
    wire kill    = s_chg || s_take || ini_reg || sp_move || s_flush;
    // the pointer after this edge: A reads the entry it names, so an answer after a move is
    // the next entry's (A reading the old pointer at the move answered an entry twice and
    // skipped the next one: a flush could leave runs open)
    wire [7:0] sp_nx = (ini_reg || (!s_flush && sp_move)) ? (sp_reg + 8'd1) & FMASK : s_flush ? 8'd0 : sp_reg;

    // ---- D: the decision, from C's entry and request ----
    // Every condition in parallel, mutually exclusive where they name a reason, so that
    // the comparisons with the entry are followed by an AND-OR and nothing longer.
    wire          c_req  = c_rq_reg[RQ_REQ];
    wire          c_fcl  = c_rq_reg[RQ_FCL];
    wire [15:0]   c_len  = c_rq_reg[RQ_LEN +: 16];
    wire          q_open = c_q_reg[E_OPEN];
    wire [16:0]   q_off  = c_q_reg[E_OFF +: 17];
    wire [7:0]    q_segs = c_q_reg[E_SEGS +: 8];
    wire [15:0]   q_time = c_q_reg[E_TIME +: 16];
    wire [16:0]   sum    = q_off + {1'b0, c_len};
    // quiet: now - time > timeout, i.e. the time outside [lo, now] (two comparisons in parallel)
    wire          tmo    = to_reg != 16'd0 && !(wrap_reg ? (q_time >= lo_reg || q_time <= now_reg)
                                                         : (q_time >= lo_reg && q_time <= now_reg));
    wire          live   = c_req && en_reg;
    wire          same   = q_open && c_q_reg[E_GEN +: 8] == c_rq_reg[RQ_GEN +: 8];
    wire          sm     = live && same;                      // the frame's own run is open
    wire          fit_p  = c_pre_reg[P_LEP] && q_off <= c_pre_reg[P_RP +: 17];
    wire          fit_b  = c_pre_reg[P_LEB] && q_off <= c_pre_reg[P_RB +: 17];
    wire          fit_s  = q_segs < caps_reg;
    wire          full_p = q_off == c_pre_reg[P_RP +: 17];
    wire          full_b = q_off == c_pre_reg[P_RB +: 17];
    wire          full_s = q_segs == caps1_reg;
    wire          cont   = sm && c_pre_reg[P_CN];
    wire          app    = cont && fit_p && fit_b && fit_s;   // appended
    wire          fl_all = fl_reg || !en_reg;
    // the reasons (at most one holds)
    wire          r_flush = q_open && (c_req ? !en_reg : fl_all);
    wire          r_tmo   = !c_req && q_open && !fl_all && tmo;
    wire          r_gen   = live && q_open && !same;          // the flow number was reused
    wire          r_opc   = sm && (c_pre_reg[P_KOP] || c_pre_reg[P_FN]);
    wire          r_flags = sm && c_fcl && (c_pre_reg[P_CTL] || app);
    wire          r_page  = cont && (!fit_p || (app && !c_fcl && full_p));
    wire          r_bytes = cont && ((fit_p && !fit_b) || (app && !c_fcl && !full_p && full_b));
    wire          r_segs  = cont && ((fit_p && fit_b && !fit_s) || (app && !c_fcl && !full_p && !full_b && full_s));
    wire          after  = app && (c_fcl || full_p || full_b || full_s);
    wire          close  = r_flush || r_tmo || r_gen || r_opc || (sm && c_fcl && c_pre_reg[P_CTL])
                           || (cont && !(fit_p && fit_b && fit_s));
    wire          open   = live && c_pre_reg[P_OK] && !app;
    wire          merge  = open || app;
    wire [3:0]    reason = (r_opc ? R_OPCODE : R_NONE) | (r_flags ? R_FLAGS : R_NONE) | (r_page ? R_PAGE : R_NONE)
                         | (r_bytes ? R_BYTES : R_NONE) | (r_segs ? R_SEGS : R_NONE) | (r_gen ? R_GEN : R_NONE)
                         | (r_tmo ? R_TIMEOUT : R_NONE) | (r_flush ? R_FLUSH : R_NONE);

    // the table's write: the reset's clearing, else a take: a run opened (with the take's
    // page), a run appended to, or a close alone (s_take_cls: the user closes the entry's run
    // and merges nothing, as for a frame it drops) or the entry kept (its run closed by a
    // close before the frame): these two write only the open bit, the rest being the table's
    // already (the entry was read after the last take).  Registered, and a read of the
    // entry at the edge it lands (the only one: takes are four edges apart) forwards it.
    wire [7:0]     d_qsegs = d_q_reg[E_SEGS +: 8];
    reg  [E_W-1:1] w_open, w_app;
    always @* begin
        w_open[E_GEN +: 8]   = d_rq_reg[RQ_GEN +: 8];
        w_open[E_OFF +: 17]  = {1'b0, d_rq_reg[RQ_LEN +: 16]};
        w_open[E_SEGS +: 8]  = 8'd1;
        w_open[E_TIME +: 16] = d_now_reg;
        w_open[E_ADDR +: 52] = s_take_page;
        w_open[E_ID +: 16]   = s_take_id;
        w_open[E_SEQ +: 32]  = d_rq_reg[RQ_SEQ +: 32];
        w_open[E_ACK +: 32]  = s_ack;
        w_open[E_WIN +: 16]  = s_win;
        w_app                = d_q_reg[E_W-1:1];
        w_app[E_OFF +: 17]   = d_sum_reg;
        w_app[E_SEGS +: 8]   = d_qsegs + 8'd1;
        w_app[E_TIME +: 16]  = d_now_reg;
        w_app[E_ACK +: 32]   = s_ack;
        w_app[E_WIN +: 16]   = s_win;
    end
    wire           w_obit  = !ini_reg && !s_take_cls && (d_open_reg || (d_merge_reg ? !d_after_reg : d_q_reg[E_OPEN] && !d_close_reg));
    wire [LF-1:0]  a_flow  = a_rq_reg[RQ_FLOW +: LF];
    wire           fwd_r   = wr_reg && wa_reg == a_flow;
    wire           fwd_o   = wo_reg && wa_reg == a_flow;

    always @(posedge clk) begin
        wa_reg <= ini_reg ? sp_reg[LF-1:0] : d_rq_reg[RQ_FLOW +: LF];
        wd_reg <= {ini_reg ? {E_W-1{1'b0}} : d_open_reg ? w_open : w_app, w_obit};
        if (wr_reg) tab_mem[wa_reg] <= wd_reg[E_W-1:1];
        if (wo_reg) open_mem[wa_reg] <= wd_reg[E_OPEN];
        b_q_reg <= {fwd_r ? wd_reg[E_W-1:1] : tab_mem[a_flow], fwd_o ? wd_reg[E_OPEN] : open_mem[a_flow]};
    end

    always @(posedge clk) begin
        // configuration
        en_reg    <= cfg_en;
        psize_reg <= 17'd1 << ((cfg_page_log2 < 5'd12) ? 5'd12 : (cfg_page_log2 > 5'd16) ? 5'd16 : cfg_page_log2);
        capb_reg  <= (cfg_max_bytes == 17'd0 || cfg_max_bytes > psize_reg) ? psize_reg : cfg_max_bytes;
        caps_reg  <= (cfg_max_segs == 8'd0) ? 8'd255 : cfg_max_segs;
        caps1_reg <= (cfg_max_segs == 8'd0) ? 8'd254 : cfg_max_segs - 8'd1;
        to_reg    <= cfg_timeout;
        now_reg   <= now;
        lo_reg    <= now - cfg_timeout;
        wrap_reg  <= now < cfg_timeout;
        // A, B, C
        a_rq_reg   <= {s_fcl, s_seq, s_len, s_op, s_gen, s_req ? s_flow & FMASK : sp_nx, s_req};
        b_rq_reg   <= a_rq_reg;
        b_pre_reg  <= {capb_reg - {1'b0, a_len}, psize_reg - {1'b0, a_len},
                       {1'b0, a_len} <= capb_reg, {1'b0, a_len} <= psize_reg,
                       a_fc && a_nz && {1'b0, a_len} < capb_reg && caps_reg != 8'd1 && !a_rq_reg[RQ_FCL],
                       a_op == OP_CTRL,
                       a_op == OP_OOO || a_op == OP_SHORT || a_op == OP_NO_MERGE || (a_fc && !a_nz),
                       a_op == OP_FIRST && a_nz, a_op == OP_CONT && a_nz};
        c_rq_reg   <= b_rq_reg;
        c_pre_reg  <= b_pre_reg;
        c_q_reg    <= b_q_reg;
        // D
        d_rq_reg     <= c_rq_reg;
        d_close_reg  <= close;
        d_reason_reg <= reason;
        d_open_reg   <= open;
        d_merge_reg  <= merge;
        d_after_reg  <= after;
        d_dst_reg    <= {c_q_reg[E_ADDR +: 52], 12'd0} | {47'd0, q_off};
        d_rlen_reg   <= after ? sum : q_off;
        d_rsegs_reg  <= after ? q_segs + 8'd1 : q_segs;
        d_sum_reg    <= sum;
        d_q_reg      <= c_q_reg;
        d_now_reg    <= now_reg;
        if (rst) begin
            sp_reg  <= 8'd0;
            ini_reg <= 1'b1;
            wr_reg  <= 1'b0;  wo_reg <= 1'b0;
            fl_reg  <= 1'b0;
            a_v_reg <= 1'b0;  b_v_reg <= 1'b0;  c_v_reg <= 1'b0;  d_v_reg <= 1'b0;
        end else begin
            // the valid bits: A always holds the request of this edge; a change, a take
            // or a move of the sweep empties the stages behind it
            wr_reg  <= ini_reg || (s_take && !s_take_cls && d_merge_reg);
            wo_reg  <= ini_reg || s_take;
            a_v_reg <= !ini_reg;
            b_v_reg <= a_v_reg && !kill;
            c_v_reg <= b_v_reg && !kill;
            d_v_reg <= c_v_reg && !kill;
            sp_reg <= sp_nx;
            if (ini_reg) begin
                ini_reg <= sp_reg != FMASK;
            end else if (s_flush) begin
                fl_reg <= 1'b1;
            end else if (sp_move) begin
                if (sp_reg == FMASK) fl_reg <= 1'b0;
            end
        end
    end
`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md "nicrx_reasm"); the inputs are free.
    `include "nicrx_formal_reset.vh"

    always @(*) if (f_past_valid) begin
        if (f_past_rst || ini_reg) assert(!m_v);
        if (m_v) begin
            // a run opened takes the frame's payload (at the page's start) and stays open
            if (m_open) assert(m_merge && !m_after);
            // a close after the frame only follows an append
            if (m_after) assert(m_merge && !m_open && !m_close);
            // a close has a reason, an answer without one has none
            assert((m_close || m_after) == (m_reason != R_NONE));
            // the sweep merges nothing, and closes only for a timeout or a flush
            if (!m_req) assert(!m_merge && (!m_close || m_reason == R_TIMEOUT || m_reason == R_FLUSH));
        end
    end
    // the registered write: for any one entry (f_a), the table as a read sees it (the pending
    // write forwarded) and the entry in each valid stage are what a write at the take would
    // have left: f_e, kept by the old write's definition
    (* anyconst *) reg [LF-1:0] f_a;
    reg  [E_W-1:0] f_e;
    reg            f_ev;          // f_e is defined: the clearing has written entry f_a
    wire [E_W-1:0] f_w = ini_reg ? {E_W{1'b0}} : s_take_cls ? {d_q_reg[E_W-1:1], 1'b0}
                       : d_open_reg ? {w_open, 1'b1} : d_merge_reg ? {w_app, !d_after_reg}
                       : {d_q_reg[E_W-1:1], d_q_reg[E_OPEN] && !d_close_reg};
    wire [E_W-1:0] f_view = {(wr_reg && wa_reg == f_a) ? wd_reg[E_W-1:1] : tab_mem[f_a],
                             (wo_reg && wa_reg == f_a) ? wd_reg[E_OPEN] : open_mem[f_a]};
    initial f_ev = 1'b0;
    always @(posedge clk) begin
        if (rst) f_ev <= 1'b0;
        else if ((ini_reg || s_take) && (ini_reg ? sp_reg[LF-1:0] : d_rq_reg[RQ_FLOW +: LF]) == f_a) begin
            f_e  <= f_w;
            f_ev <= 1'b1;
        end
    end
    always @(*) if (f_past_valid && !f_past_rst) begin
        assert(f_ev || (ini_reg && sp_reg[LF-1:0] <= f_a));
        if (f_ev) begin
            assert(f_view == f_e);
            if (b_v_reg && b_rq_reg[RQ_FLOW +: LF] == f_a) assert(b_q_reg == f_e);
            if (c_v_reg && c_rq_reg[RQ_FLOW +: LF] == f_a) assert(c_q_reg == f_e);
            if (d_v_reg && d_rq_reg[RQ_FLOW +: LF] == f_a) assert(d_q_reg == f_e);
        end
    end
`ifdef FORMAL_TOP_nicrx_reasm
    // the user takes only an answer (the contract: the write forwarding relies on takes
    // four edges apart)
    always @(*) if (s_take) assume(m_v);
    // covers of the user's takes: only with s_take free (this block's own proof; formal/run.sh
    // defines FORMAL_TOP_<module> for the proof's top), not inside a user that holds it
    always @(posedge clk) if (f_past_valid && !rst && m_v) begin
        cover(m_after && s_take);
        cover(m_close && m_open && s_take);
    end
`endif
`endif
endmodule

`resetall
