// nicrx_red - random early discard (docs/architecture.md "nicrx_red").  Twin: cmodel/red.c.
//
// One register stage on the fl stream between nicrx_rss and the transfer engine: each frame
// leaves with its RED verdict in fl.red (1 early drop, 2 forced drop), and the transfer engine
// drops it at its queue head, in order, like a no_fit frame.  The verdict needs the parser's
// operation code (exempt classes), so it is made here, after the flow block, not at ingress.
//
// The decision's arithmetic is a pipeline (S1..S8) recomputed every cycle from the
// occupancy q and the state (avg, count, LFSR), which change only at a decision edge; the
// flow manager hands on at most one frame every 9 cycles (docs/architecture.md "Jobs"), so
// at every decision S8 holds a result computed from the current state (8 stages, 9 cycles).
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_red #(
    parameter integer DATA_WIDTH = 64,  // packet-memory word width (q counts words)
    parameter integer PM_AW      = 11,  // packet-memory word address bits
    parameter integer FQ_DEPTH   = 32   // frames in flight (the cm stream's slot width)
) (
    input  wire             clk,
    input  wire             rst,
    // commits from ingress (q grows) and the transfer engine's release pointer (q shrinks)
    input  wire             s_cm_valid,
    input  wire [CM_W-1:0]  s_cm_data,
    input  wire [PM_AW:0]   pm_rel_ptr,
    // nicrx_rss's stream in, the same stream with its verdict out, one cycle later
    input  wire             s_fl_valid,
    input  wire [FL_W-1:0]  s_fl_data,
    output wire             m_fl_valid,
    output wire [FL_W-1:0]  m_fl_data,
    // configuration (RED_*)
    input  wire [1:0]       cfg_red_mode,
    input  wire [3:0]       cfg_red_wlog,
    input  wire [2:0]       cfg_red_maxp,
    input  wire [15:0]      cfg_red_min,
    input  wire [15:0]      cfg_red_max,
    input  wire [15:0]      cfg_red_exempt,
    input  wire [31:0]      cfg_red_seed,
    input  wire [4*16-1:0]  cfg_red_th,
    input  wire [4*9-1:0]   cfg_red_p,
    input  wire             cfg_red_peak_clr,
    // status
    output wire [23:0]      st_red_avg,
    output wire [15:0]      st_red_peak,
    output wire             st_red_bad,
    output wire             idle
);
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer LBPB   = $clog2(DATA_WIDTH / 8);
    localparam [16:0]  PM_WORDS = 17'd1 << PM_AW;
    localparam [31:0]  LFSR_POLY = 32'h80200003;   // x^32 + x^22 + x^2 + x + 1, Galois, shifting right
    `include "nicrx_stream_cm.vh"
    `include "nicrx_stream_fl.vh"

    // the LFSR 16 steps on: one draw of 16 fresh bits per decision
    function [31:0] lfsr16;
        input [31:0] v;
        integer k;
        reg [31:0] t;
        begin
            t = v;
            for (k = 0; k < 16; k = k + 1)
                t = {1'b0, t[31:1]} ^ (t[0] ? LFSR_POLY : 32'd0);
            lfsr16 = t;
        end
    endfunction

    // ---- state -------------------------------------------------------------------------
    reg             m_fl_valid_reg;
    reg [FL_W-1:0]  m_fl_data_reg;
    reg [15:0]      q_reg, q_next;          // words held by committed, unreleased frames
    reg [PM_AW:0]   rel_reg;                // pm_rel_ptr at the last edge
    reg [15:0]      peak_reg, peak_next;
    reg [23:0]      avg_reg, avg_next;      // words, 8 fraction bits
    reg [15:0]      count_reg, count_next;  // frames since the last drop (saturating)
    reg [31:0]      lfsr_reg, lfsr_next;
    // configuration checks, registered
    reg             bad_reg, act_reg, fj_reg;
    reg [15:0]      span_reg;               // max_th - min_th
    reg [22:0]      dk_reg;                 // (max_th - min_th) / max_p
    // S1..S8
    reg signed [24:0] d1_diff_reg;
    reg [23:0]      d1_avg_reg, d2_avg_reg, d3_avg_reg, d4_avg_reg, d5_avg_reg, d6_avg_reg, d7_avg_reg;
    reg [23:0]      d8_avg_reg;
    reg [15:0]      d3_x_reg, d4_x_reg, d5_x_reg, d6_x_reg, d7_x_reg;
    reg             d3_below_reg, d4_below_reg, d5_below_reg, d6_below_reg, d7_below_reg;
    reg             d3_above_reg, d4_above_reg, d5_above_reg, d6_above_reg, d7_above_reg;
    reg [3:0]       d3_ge_reg;              // avg at or above each region threshold
    reg [8:0]       d4_rp_reg, d5_rp_reg, d6_rp_reg, d7_rp_reg;
    reg [31:0]      d4_cx_reg;
    // the multiplier's own operands: copies that feed nothing else, so the placer puts them
    // beside the DSP (it has no input registers here); count_m is count one cycle late, which
    // S4 allows: count changes only at a decision, four edges before S4 works for the next
    (* keep *) reg [15:0] count_m_reg;
    (* keep *) reg [15:0] d3_xm_reg;
    reg [22:0]      d4_dk_reg, d5_den_reg;
    reg signed [23:0] d4_dmx_reg;           // dk - x
    reg             d5_certain_reg, d6_certain_reg, d7_certain_reg;
    reg [33:0]      d6_plo_reg;             // draw x denominator[17:0]
    reg [20:0]      d6_phi_reg;             // draw x denominator[22:18]
    reg [38:0]      d7_prod_reg;
    reg [15:0]      d6_r_reg, d7_r_reg;
    reg             d8_drop_reg, d8_forced_reg, d8_below_reg;

    assign m_fl_valid  = m_fl_valid_reg;
    assign m_fl_data   = m_fl_data_reg;
    assign st_red_avg  = avg_reg;
    assign st_red_peak = peak_reg;
    assign st_red_bad  = bad_reg;
    assign idle        = !m_fl_valid_reg;

    wire [15:0] cm_len   = s_cm_data[CM_LEN +: CM_LEN_W];
    wire [15:0] cm_words = (cm_len + ((16'd1 << LBPB) - 16'd1)) >> LBPB;
    wire [PM_AW:0] rel_delta = pm_rel_ptr - rel_reg;
    wire [3:0]  opcode   = s_fl_data[FL_OPCODE +: FL_OPCODE_W];
    // (q - avg) / 2^wlog, rounded down (arithmetic shift): avg moves toward q, never past it
    wire signed [24:0] d1_step = d1_diff_reg >>> cfg_red_wlog;

    // region thresholds and probabilities over constant slices
    wire [15:0] th0 = cfg_red_th[0 +: 16], th1 = cfg_red_th[16 +: 16];
    wire [15:0] th2 = cfg_red_th[32 +: 16], th3 = cfg_red_th[48 +: 16];
    wire [8:0]  p0 = cfg_red_p[0 +: 9], p1 = cfg_red_p[9 +: 9];
    wire [8:0]  p2 = cfg_red_p[18 +: 9], p3 = cfg_red_p[27 +: 9];

    // bad configuration of the chosen mode: RED acts as off (st_red_bad)
    wire fj_bad = cfg_red_min >= cfg_red_max || {1'b0, cfg_red_max} > PM_WORDS;
    wire rg_bad = !(th0 < th1 && th1 < th2 && th2 < th3) || {1'b0, th3} > PM_WORDS
                  || (p0 | p1 | p2 | p3) == 9'd0;
    wire mode_on = cfg_red_mode == 2'd1 || cfg_red_mode == 2'd2;
    wire bad_now = (cfg_red_mode == 2'd1 && fj_bad) || (cfg_red_mode == 2'd2 && rg_bad);

    // ---- the decision of a frame at this edge, from S8 ----------------------------------
    wire exempt = cfg_red_exempt[opcode];
    wire drop   = act_reg && d8_drop_reg && !exempt;
    wire forced = drop && d8_forced_reg;

    always @* begin
        q_next = q_reg + (s_cm_valid ? cm_words : 16'd0) - {{(15 - PM_AW){1'b0}}, rel_delta};
        peak_next = (cfg_red_peak_clr || q_reg > peak_reg) ? q_reg : peak_reg;
        avg_next = avg_reg;
        count_next = count_reg;
        lfsr_next = lfsr_reg;
        if (!act_reg) begin
            lfsr_next = (cfg_red_seed == 32'd0) ? 32'd1 : cfg_red_seed;
            if (s_fl_valid) count_next = 16'd0;
        end
        if (s_fl_valid) begin
            avg_next = d8_avg_reg;
            if (act_reg) begin
                lfsr_next = lfsr16(lfsr_reg);
                count_next = (drop || d8_below_reg) ? 16'd0
                           : (count_reg == 16'hffff) ? count_reg : count_reg + 16'd1;
            end
        end
    end

    always @(posedge clk) begin
        // S1: q against avg
        d1_diff_reg <= $signed({1'b0, q_reg, 8'd0}) - $signed({1'b0, avg_reg});
        d1_avg_reg  <= avg_reg;
        // S2: the candidate avg
        d2_avg_reg <= d1_avg_reg + d1_step[23:0];
        // S3: where it lies
        d3_avg_reg   <= d2_avg_reg;
        d3_x_reg     <= d2_avg_reg[23:8] - cfg_red_min;
        d3_xm_reg    <= d2_avg_reg[23:8] - cfg_red_min;
        count_m_reg  <= count_reg;
        d3_below_reg <= d2_avg_reg[23:8] < cfg_red_min;
        d3_above_reg <= d2_avg_reg[23:8] >= cfg_red_max;
        d3_ge_reg    <= {d2_avg_reg[23:8] >= th3, d2_avg_reg[23:8] >= th2, d2_avg_reg[23:8] >= th1,
                         d2_avg_reg[23:8] >= th0};
        // S4: count * x and (max_th - min_th) / max_p
        d4_avg_reg <= d3_avg_reg;  d4_x_reg <= d3_x_reg;  d4_below_reg <= d3_below_reg;
        d4_above_reg <= d3_above_reg;
        // the region's p from S3's comparisons (a priority select, apart from the compares)
        d4_rp_reg    <= d3_ge_reg[3] ? p3 : d3_ge_reg[2] ? p2 : d3_ge_reg[1] ? p1 : d3_ge_reg[0] ? p0 : 9'd0;
        d4_cx_reg <= count_m_reg * d3_xm_reg;
        d4_dk_reg <= dk_reg;
        d4_dmx_reg <= $signed({1'b0, dk_reg}) - $signed({8'd0, d3_x_reg});
        // S5: pa = x / (span / max_p - count * x); certain when that is 1 or more
        d5_avg_reg <= d4_avg_reg;  d5_x_reg <= d4_x_reg;  d5_below_reg <= d4_below_reg;
        d5_above_reg <= d4_above_reg;  d5_rp_reg <= d4_rp_reg;
        // count*x + x >= dk, as count*x >= dk - x: one comparison behind the registers
        d5_certain_reg <= d4_dmx_reg[23] || d4_cx_reg >= {9'd0, d4_dmx_reg[22:0]};
        d5_den_reg <= d4_dk_reg - d4_cx_reg[22:0];
        // S6: the draw times the denominator, in two products (one DSP each, no adder behind)
        d6_avg_reg <= d5_avg_reg;  d6_x_reg <= d5_x_reg;  d6_below_reg <= d5_below_reg;
        d6_above_reg <= d5_above_reg;  d6_rp_reg <= d5_rp_reg;  d6_certain_reg <= d5_certain_reg;
        d6_r_reg <= lfsr_reg[15:0];
        d6_plo_reg <= lfsr_reg[15:0] * d5_den_reg[17:0];
        d6_phi_reg <= lfsr_reg[15:0] * d5_den_reg[22:18];
        // S7: their sum
        d7_avg_reg <= d6_avg_reg;  d7_x_reg <= d6_x_reg;  d7_below_reg <= d6_below_reg;
        d7_above_reg <= d6_above_reg;  d7_rp_reg <= d6_rp_reg;  d7_certain_reg <= d6_certain_reg;
        d7_r_reg <= d6_r_reg;
        d7_prod_reg <= {5'd0, d6_plo_reg} + {d6_phi_reg, 18'd0};
        // S8: the verdict for a frame at the next edge
        d8_avg_reg <= d7_avg_reg;
        d8_below_reg <= fj_reg ? d7_below_reg : 1'b0;
        if (fj_reg) begin
            d8_drop_reg   <= !d7_below_reg && (d7_above_reg || d7_certain_reg
                             || d7_prod_reg < {7'd0, d7_x_reg, 16'd0});
            d8_forced_reg <= d7_above_reg;
        end else begin
            d8_drop_reg   <= {1'b0, d7_r_reg} < {d7_rp_reg, 8'd0};
            d8_forced_reg <= d7_rp_reg[8];
        end
        // configuration checks
        bad_reg  <= bad_now;
        act_reg  <= mode_on && !bad_now;
        fj_reg   <= cfg_red_mode == 2'd1;
        span_reg <= cfg_red_max - cfg_red_min;
        dk_reg   <= {7'd0, span_reg} << cfg_red_maxp;
        if (rst) begin
            m_fl_valid_reg <= 1'b0;
            m_fl_data_reg  <= {FL_W{1'b0}};
            q_reg <= 16'd0;  rel_reg <= {(PM_AW+1){1'b0}};  peak_reg <= 16'd0;
            avg_reg <= 24'd0;  count_reg <= 16'd0;  lfsr_reg <= 32'd1;
            bad_reg <= 1'b0;  act_reg <= 1'b0;
        end else begin
            m_fl_valid_reg <= s_fl_valid;
            if (s_fl_valid) begin
                m_fl_data_reg <= s_fl_data;
                m_fl_data_reg[FL_RED +: FL_RED_W] <= {forced, drop && !forced};
            end
            q_reg <= q_next;  rel_reg <= pm_rel_ptr;  peak_reg <= peak_next;
            avg_reg <= avg_next;  count_reg <= count_next;  lfsr_reg <= lfsr_next;
        end
    end

`ifdef FORMAL
    // The environment as nicrx_top makes it: the flow manager hands on a frame at most every
    // 9 cycles, and not in the 9 cycles after a reset (docs/architecture.md "nicrx_red");
    // commits never overfill packet memory and the transfer engine releases only words
    // committed.  The configuration may change at any edge.
    `include "nicrx_formal_reset.vh"
    reg  [3:0]  f_gap;            // cycles since the last frame or reset, saturating
    reg  [3:0]  f_stable;         // cycles the configuration has been unchanged, saturating
    wire [156:0] f_cfg = {cfg_red_mode, cfg_red_wlog, cfg_red_maxp, cfg_red_min, cfg_red_max, cfg_red_exempt,
                          cfg_red_th, cfg_red_p};
    reg  [156:0] f_cfg_past;
    wire        f_cfg_chg = f_cfg != f_cfg_past;
    wire [PM_AW:0] f_rel = pm_rel_ptr - rel_reg;
    wire [16:0] f_q_next = {1'b0, q_reg} + (s_cm_valid ? {1'b0, cm_words} : 17'd0) - {{(16 - PM_AW){1'b0}}, f_rel};
    wire [8:0]  f_rp = (d8_avg_reg[23:8] >= th3) ? p3 : (d8_avg_reg[23:8] >= th2) ? p2
                     : (d8_avg_reg[23:8] >= th1) ? p1 : (d8_avg_reg[23:8] >= th0) ? p0 : 9'd0;
    wire [FL_W-1:0] f_red_mask = {{(FL_W - FL_RED_W){1'b0}}, {FL_RED_W{1'b1}}} << FL_RED;
    reg  [FL_W-1:0] f_fl_past;
    reg  [3:0]      f_op_past;
    reg             f_exempt_past, f_act_past, f_on_past;
    // the specification restated from the configuration (registers.md "Random early discard"),
    // not from the design's own wires
    wire            f_exempt = cfg_red_exempt[s_fl_data[FL_OPCODE +: FL_OPCODE_W]];
    wire            f_on = (cfg_red_mode == 2'd1 && cfg_red_min < cfg_red_max && {1'b0, cfg_red_max} <= PM_WORDS)
                        || (cfg_red_mode == 2'd2 && th0 < th1 && th1 < th2 && th2 < th3 && {1'b0, th3} <= PM_WORDS
                            && (p0 | p1 | p2 | p3) != 9'd0);
    always @(posedge clk) begin
        f_gap <= (rst || s_fl_valid) ? 4'd0 : (f_gap == 4'd15) ? f_gap : f_gap + 4'd1;
        f_stable <= (rst || f_cfg_chg) ? 4'd0 : (f_stable == 4'd15) ? f_stable : f_stable + 4'd1;
        f_cfg_past <= f_cfg;
        f_fl_past <= s_fl_data;
        f_op_past <= opcode;
        f_exempt_past <= f_exempt;
        f_act_past <= act_reg;
        f_on_past <= f_on;
    end
    always @(*) if (f_past_valid && !rst) begin
        assume(!(s_fl_valid && (f_past_rst || f_gap < 4'd8)));
        assume({1'b0, f_rel} <= {{(16 - PM_AW){1'b0}}, q_reg} && f_q_next <= {1'b0, PM_WORDS});
    end
    always @(*) if (f_past_valid && !rst) begin
        // avg stays within the occupancy's range: it moves toward q, never past it
        assert(avg_reg[23:8] <= PM_WORDS[15:0] && q_reg <= PM_WORDS[15:0]);
        // at a decision, from a configuration older than the pipeline: forced drop iff avg at
        // or above max_th (Floyd-Jacobson) or in a region of probability 1; never an early
        // drop below min_th or below the first region
        if (s_fl_valid && f_stable >= 4'd10 && !f_cfg_chg && act_reg && !f_exempt) begin
            if (fj_reg) begin
                assert(forced == (d8_avg_reg[23:8] >= cfg_red_max));
                assert(!(drop && d8_avg_reg[23:8] < cfg_red_min));
            end else begin
                assert(forced == f_rp[8]);
                assert(!(drop && f_rp == 9'd0));
            end
        end
    end
    always @(posedge clk) if (f_past_valid && !f_past_rst && !rst) begin
        // a fixed latency of one cycle: every frame leaves the next cycle, unchanged but fl.red
        assert(m_fl_valid_reg == $past(s_fl_valid));
        if ($past(s_fl_valid)) begin
            assert((m_fl_data_reg & ~f_red_mask) == (f_fl_past & ~f_red_mask));
            // never both verdicts; none for an exempt operation code or with RED off or
            // badly configured (act_reg: the configuration at the edge before)
            assert(m_fl_data_reg[FL_RED +: FL_RED_W] != 2'b11);
            if (f_exempt_past || !f_act_past) assert(m_fl_data_reg[FL_RED +: FL_RED_W] == 2'b00);
        end
        assert(act_reg == f_on_past);
        cover($past(s_fl_valid) && m_fl_data_reg[FL_RED +: FL_RED_W] == 2'b10);
        cover($past(s_fl_valid) && m_fl_data_reg[FL_RED +: FL_RED_W] == 2'b01);
    end
`endif

    // the stream's own fields pass through; the slot and start of a commit are not needed
    wire unused_ok = &{1'b0, s_cm_data[CM_SLOT +: CM_SLOT_W], s_cm_data[CM_START +: CM_START_W],
                       s_fl_data[FL_RED +: FL_RED_W], d1_step[24]};
endmodule

`resetall
