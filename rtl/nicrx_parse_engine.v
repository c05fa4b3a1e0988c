// nicrx_parse_engine - one microcode engine of the parser: eight threads on an
// eight-stage barrel pipeline (docs/architecture.md, "nicrx_parser"; the instruction set
// is docs/microcode.md).  Twin: cmodel/parse_engine.c, with the execution of one
// instruction in cmodel/isa.c.
//
// ph_reg counts cycles from reset mod 8 (0 in the first cycle after it).  Thread t's
// instruction is fetched in a cycle with ph_reg = t and passes
//   F  instruction-memory read at {bank, pc}: f_pc_reg, which the thread's last W set
//   I  the instruction memory's block-RAM output into a register; the thread's working
//      state (wk_mem: cur, L3, L4, cls, steps, VLAN count) and frame (fr_mem: slot,
//      W = min(len, HEADER_BYTES), step limit) read from LUT RAM, and base + 8 for each base
//   A  a = base + off and the row after it
//   H  header-memory read of the 8 bytes at a; truncation and step-limit tests, cur + k,
//      the operand bits that make val reach 1024
//   L  the header memory's block-RAM output into a register; the lanes of raw and operand
//   C  raw (lanes rotated, cut to the size) and the operand
//   V  the test, (o >> shr) << shl
//   W  cur + val (saturated), L3, L4, cls, steps, the VLAN count and the thread's end
//      into wk_mem; the next pc to F, whose next cycle is this thread's again; val and
//      S = sval ? val : raw to S
//   S  the store: each group of header-vector fields is a LUT RAM (fld_mem) written at
//      the thread; a thread's first instruction writes every group, 0 where it stores
//      nothing, so a field never stored reads 0; a frame that ended at W is done after
//      this edge.
// Every block-RAM output lands in a register (I, L).  A thread has at most one
// instruction in F..W, and its next one issues the cycle after its W: no stage ever
// sees a stale thread state, no hazards, no forwarding.  Threads are loaded by the parser
// (ld_*) when free and issue their first instruction (pc 0, state 0: go_reg) at their
// next F cycle but one, run until their frame ends (done), and are freed by the parser
// when it has taken their header vector (rel_*).  The frame and header vector of the
// thread sel_thr_nx named at the last edge are always on o_hv (rtl/nicrx_thread.vh),
// from the LUT RAMs' read ports.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_parse_engine #(
    parameter DATA_WIDTH   = 64,    // header-memory write width (nicrx_top)
    parameter HEADER_BYTES = 128,   // bytes per header slot (nicrx_top)
    parameter FQ_DEPTH     = 32,    // header slots (nicrx_top)
    parameter PM_AW        = 11,    // packet-memory word address bits (nicrx_top's PM_AW)
    parameter IMEM_DEPTH   = 64,    // instructions per bank (nicrx_top)
    parameter IMEM_INIT    = ""     // reset program, both banks (nicrx_top)
) (
    input  wire                                              clk,
    input  wire                                              rst,
    // header memory write (ingress)
    input  wire                                              hm_wr_en,
    input  wire [$clog2(FQ_DEPTH)+$clog2(HEADER_BYTES*8/DATA_WIDTH)-1:0] hm_wr_addr,
    input  wire [DATA_WIDTH-1:0]                             hm_wr_data,
    // instruction memory write (CSR, into the bank given)
    input  wire                                              im_wr_en,
    input  wire                                              im_wr_bank,
    input  wire [$clog2(IMEM_DEPTH)-1:0]                     im_wr_addr,
    input  wire [127:0]                                      im_wr_data,
    // the active bank: every running thread's (a swap waits until none runs)
    input  wire                                              bank,
    // load a free thread with a frame
    input  wire                                              ld_en,
    input  wire [2:0]                                        ld_thr,
    input  wire [$clog2(FQ_DEPTH)-1:0]                       ld_slot,
    input  wire [PM_AW-1:0]                                  ld_start,
    input  wire [15:0]                                       ld_len,
    input  wire [8:0]                                        ld_wlim,    // min(len, HEADER_BYTES)
    input  wire [8:0]                                        ld_limit,   // 1..256
    // free a done thread: bit t frees thread t (at most one bit; one-hot, so no thread
    // decodes a thread number that comes from the parser's far side)
    input  wire [7:0]                                        rel_oh,
    // thread states
    output wire [7:0]                                        thr_free,
    output wire [7:0]                                        thr_run,
    output wire [7:0]                                        thr_done,
    output wire [7:0]                                        thr_done_nx,  // after this edge, unless freed
    // the frame and header vector of a thread on o_hv (layout: rtl/nicrx_thread.vh):
    // thread sel_thr_nx's after this edge
    input  wire [2:0]                                        sel_thr_nx,
    output wire [TH_W-1:0]                                   o_hv
);
    localparam integer NT      = 8;                 // threads = stages F..W
    localparam integer SLOT_W  = $clog2(FQ_DEPTH);
    localparam integer OFF_W   = $clog2(HEADER_BYTES);
    localparam integer ROW_W   = OFF_W - 3;
    localparam integer IMEM_AW = $clog2(IMEM_DEPTH);
    `include "nicrx_thread.vh"

    // thread states
    localparam [1:0] ST_FREE = 2'd0, ST_RUN = 2'd1, ST_DONE = 2'd2;
    // header-vector destinations (enum nicrx_dst, cmodel/nicrx_isa.h)
    localparam [4:0] D_VLAN = 5'd1, D_PROTO = 5'd2, D_FRAG = 5'd3, D_IPLEN = 5'd4,
                     D_ADDR4 = 5'd5, D_SRC_HI = 5'd6, D_SRC_LO = 5'd7, D_DST_HI = 5'd8,
                     D_DST_LO = 5'd9, D_PORTS = 5'd10, D_PORTS_SEQ = 5'd11, D_SEQ = 5'd12,
                     D_ACK = 5'd13, D_ACK_FLAGS = 5'd14, D_TCP_FLAGS = 5'd15;
    // tests (enum nicrx_rel)
    localparam [2:0] R_ALWAYS = 3'd0, R_EQ = 3'd1, R_NE = 3'd2, R_LT = 3'd3, R_GT = 3'd4,
                     R_LE = 3'd5, R_GE = 3'd6;
    localparam integer CLS_PERR = 9;

    // The instruction's fields (cmodel/nicrx_isa.h) in ir, its bits 105:0 (w3[31:10]
    // is reserved).  Each stage register holds the whole of it; each stage reads its
    // fields and synthesis keeps only the flip-flops read further down.
    localparam integer IR_W = 106;
    `define IR_BASE(v)  v[31:30]
    `define IR_SIZE(v)  v[29:27]
    `define IR_CS(v)    v[26:24]
    `define IR_OFF(v)   v[23:16]
    `define IR_MASK(v)  v[15:0]
    `define IR_VALUE(v) v[63:48]
    `define IR_TT(v)    v[40 +: IMEM_AW]
    `define IR_TF(v)    v[32 +: IMEM_AW]
    `define IR_REL(v)   v[95:93]
    `define IR_END(v)   v[92:91]
    `define IR_DST(v)   v[90:86]
    `define IR_SVAL(v)  v[85]
    `define IR_ADV(v)   v[84]
    `define IR_SAVE3(v) v[82]
    `define IR_SAVE4(v) v[83]
    `define IR_SHR(v)   v[81:78]
    `define IR_SHL(v)   v[77:76]
    `define IR_K(v)     v[75:68]
    `define IR_SET(v)   v[105:96]

    // A thread's working state (wk_mem), written at its W, read at I and for o_hv.
    localparam integer WK_CUR = 0, WK_L3 = 10, WK_L4 = 20, WK_CLS = 30, WK_STEPS = 40,
                       WK_VCNT = 49, WK_TRUNC = 51, WK_W = 52;
    // A thread's frame (fr_mem), written when it is loaded.
    localparam integer FR_SLOT = 0, FR_START = SLOT_W, FR_LEN = FR_START + PM_AW,
                       FR_WLIM = FR_LEN + 16, FR_LIMIT = FR_WLIM + 9, FR_W = FR_LIMIT + 9;
    // The stored header-vector fields, a LUT RAM each, in groups that a store writes
    // together (frag: mf and frag_off; iplen: with ipset, whether it was stored; ports:
    // sport and dport; win: written by ack_flags alone, so a store of ack leaves it).
    localparam integer SF_VLAN0 = 0, SF_VLAN1 = 1, SF_PROTO = 2, SF_FRAG = 3, SF_IPLEN = 4,
                       SF_SRCHI = 5, SF_SRCLO = 6, SF_DSTHI = 7, SF_DSTLO = 8, SF_PORTS = 9,
                       SF_SEQ = 10, SF_ACK = 11, SF_FLAGS = 12, SF_WIN = 13, NSF = 14;
    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_IMEM_DEPTH
    endgenerate

    // ---------------------------------------------------------------- threads
    reg [2*NT-1:0]   st_reg, st_next;       // ST_*
    reg [NT-1:0]     go_reg, go_next;       // loaded, first instruction not issued yet
    // LUT RAMs (one write port, asynchronous reads), indexed by thread.  No reset and no
    // initial contents matter: a thread's entries are written before they are read.
    reg [FR_W-1:0]   fr_mem [0:NT-1];
    reg [WK_W-1:0]   wk_mem [0:NT-1];

    // ---------------------------------------------------------------- pipeline
    reg [2:0]          ph_reg;
    // -> F
    reg                f_valid_reg, f_first_reg;
    reg [IMEM_AW-1:0]  f_pc_reg;
    // -> I
    reg                i_valid_reg, i_first_reg;
    reg [2:0]          i_thr_reg;
    // -> A
    reg                a_valid_reg;
    reg [2:0]          a_thr_reg;
    /* verilator lint_off UNUSEDSIGNAL */ // each stage reads its part (see IR_W)
    reg [IR_W-1:0]     a_ir_reg, h_ir_reg, l_ir_reg, c_ir_reg, v_ir_reg, w_ir_reg;
    reg [WK_W-1:0]     a_wk_reg, h_wk_reg, l_wk_reg, c_wk_reg, v_wk_reg, w_wk_reg;
    /* verilator lint_on UNUSEDSIGNAL */
    reg [ROW_W-1:0]    a_row8_cur_reg, a_row8_l3_reg, a_row8_l4_reg;  // row of base + 8
    reg [SLOT_W-1:0]   a_slot_reg;
    reg [8:0]          a_wlim_reg, a_limit_reg;
    // -> H
    reg                h_valid_reg;
    reg [2:0]          h_thr_reg;
    reg [10:0]         h_a_reg;        // read address (base + off)
    reg [ROW_W-1:0]    h_row1_reg;     // the row after a's (a + 8)
    reg [SLOT_W-1:0]   h_slot_reg;
    reg [8:0]          h_wlim_reg, h_limit_reg;
    reg [4:0]          h_hib_reg;      // shr + 10 - shl (7..25), from the instruction at A
    // -> L
    reg                l_valid_reg;
    reg [2:0]          l_thr_reg;
    reg [2:0]          l_a_reg;        // a mod 8
    reg                l_trunc_reg;    // the read runs past W
    reg                l_lhit_reg;     // this instruction reaches the step limit
    reg [10:0]         l_curk_reg;     // cur + k
    reg [15:0]         l_himask_reg;   // operand bits that make (o >> shr) << shl >= 1024
    // -> C
    reg                c_valid_reg;
    reg [2:0]          c_thr_reg;
    reg [63:0]         c_lanes_reg;    // header bytes, lane j = bits 8j+7:8j
    reg [2:0]          c_r0_reg;       // lane of raw byte 0 (the last byte read)
    reg [7:0]          c_rmask_reg;    // raw byte k exists (k < n)
    reg [2:0]          c_olo_reg, c_ohi_reg;  // lanes of the operand's bytes
    reg                c_volo_reg, c_vohi_reg;
    reg                c_trunc_reg, c_lhit_reg;
    reg [10:0]         c_curk_reg;
    reg [15:0]         c_himask_reg;
    // -> V
    reg                v_valid_reg;
    reg [2:0]          v_thr_reg;
    reg [63:0]         v_raw_reg;
    reg [15:0]         v_o_reg;        // the operand
    reg                v_trunc_reg, v_lhit_reg;
    reg [10:0]         v_curk_reg;
    reg [15:0]         v_himask_reg;
    // -> W
    reg                w_valid_reg;
    reg [2:0]          w_thr_reg;
    reg [63:0]         w_raw_reg;
    reg                w_t_reg;        // the test
    reg [18:0]         w_sh_reg;       // (o >> shr) << shl
    reg                w_hinz_reg;     // w_sh_reg >= 1024
    reg                w_trunc_reg, w_lhit_reg;
    reg [10:0]         w_curk_reg;
    // -> S
    reg [NT-1:0]       s_fin_reg;      // bit t: thread t's frame ended at W (one-hot: no
                                       // thread compares a store thread number)
    // (S's thread number is w_thr_reg registered beside every LUT RAM it writes: g_part)
    reg [63:0]         s_data_reg;     // S = sval ? val : raw
    reg [NSF-1:0]      s_wen_reg;      // the groups written: stored, or all at the first
    reg [NSF-1:0]      s_keep_reg;     // the groups that take the store's data (else 0)
    reg                s_a4_reg, s_ps_reg, s_af_reg;  // addr4, ports_seq, ack_flags

    wire [3:0]         ir_n;           // bytes read by h_ir_reg's instruction
    /* verilator lint_off UNUSEDSIGNAL */ // reserved bits (w3[31:10])
    wire [127:0]       im_q;           // the instruction memory's read (block RAM)
    /* verilator lint_on UNUSEDSIGNAL */
    wire [63:0]        lanes;          // the header memory's read (block RAM)

    // ---- thread states
    genvar g, c;
    generate
        for (g = 0; g < NT; g = g + 1) begin : g_st
            assign thr_free[g] = st_reg[2*g +: 2] == ST_FREE;
            assign thr_run[g]  = st_reg[2*g +: 2] == ST_RUN;
            assign thr_done[g] = st_reg[2*g +: 2] == ST_DONE;
            assign thr_done_nx[g] = thr_done[g] || s_fin_reg[g];
        end
    endgenerate

    // ---- F: instruction-memory read
    nicrx_imem #(
        .IMEM_DEPTH (IMEM_DEPTH),
        .IMEM_INIT  (IMEM_INIT)
    ) u_imem (
        .clk     (clk),
        .wr_en   (im_wr_en),
        .wr_bank (im_wr_bank),
        .wr_addr (im_wr_addr),
        .wr_data (im_wr_data),
        .rd_en   (f_valid_reg),
        .rd_bank (bank),
        .rd_addr (f_pc_reg),
        .rd_data (im_q)
    );

    // ---- I: the thread's state (0 before its first instruction) and frame
    wire [WK_W-1:0] i_wk = i_first_reg ? {WK_W{1'b0}} : wk_mem[i_thr_reg];
    /* verilator lint_off UNUSEDSIGNAL */ // start and len are for o_hv only
    wire [FR_W-1:0] i_fr = fr_mem[i_thr_reg];
    /* verilator lint_on UNUSEDSIGNAL */
    /* verilator lint_off UNUSEDSIGNAL */ // rows wrap inside a slot: bits from OFF_W unused
    wire [9:0]      i_cur8 = i_wk[WK_CUR +: 10] + 10'd8;
    wire [9:0]      i_l38  = i_wk[WK_L3 +: 10] + 10'd8;
    wire [9:0]      i_l48  = i_wk[WK_L4 +: 10] + 10'd8;
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- A: a = base + off, and the row of a + 8 (from base + 8, in parallel)
    wire [7:0]      a_off = `IR_OFF(a_ir_reg);
    reg [9:0]       a_base;
    reg [ROW_W-1:0] a_brow8;
    /* verilator lint_off UNUSEDSIGNAL */ // only the row of a + 8: bits [2:0] are a's
    reg [OFF_W-1:0] a_addr8;
    /* verilator lint_on UNUSEDSIGNAL */
    always @* begin
        case (`IR_BASE(a_ir_reg))
            2'd0:    begin a_base = a_wk_reg[WK_CUR +: 10]; a_brow8 = a_row8_cur_reg; end
            2'd1:    begin a_base = a_wk_reg[WK_L3 +: 10];  a_brow8 = a_row8_l3_reg;  end
            2'd2:    begin a_base = a_wk_reg[WK_L4 +: 10];  a_brow8 = a_row8_l4_reg;  end
            default: begin a_base = 10'd0;  a_brow8 = {{(ROW_W-1){1'b0}}, 1'b1};      end
        endcase
        a_addr8 = {a_brow8, a_base[2:0]} + a_off[OFF_W-1:0];
    end
    wire [10:0] a_addr = {1'b0, a_base} + {3'd0, a_off};
    // val = sh + k reaches 1024 through sh alone exactly when the operand has a bit at or
    // above shr + 10 - shl (7..25): worked out here from the instruction alone, so H only
    // decodes it into l_himask (the sum and its compare at H limited the parser)
    wire [4:0]  a_hib  = {1'b0, `IR_SHR(a_ir_reg)} + 5'd10 - {3'd0, `IR_SHL(a_ir_reg)};

    // ---- H: header-memory read; tests and sums that need only registers
    nicrx_hdrmem #(
        .DATA_WIDTH   (DATA_WIDTH),
        .HEADER_BYTES (HEADER_BYTES),
        .FQ_DEPTH     (FQ_DEPTH)
    ) u_hdrmem (
        .clk      (clk),
        .wr_en    (hm_wr_en),
        .wr_addr  (hm_wr_addr),
        .wr_data  (hm_wr_data),
        .rd_en    (h_valid_reg),
        .rd_slot  (h_slot_reg),
        .rd_off   (h_a_reg[OFF_W-1:0]),
        .rd_row1  (h_row1_reg),
        .rd_lanes (lanes)
    );
    assign ir_n = (`IR_SIZE(h_ir_reg) == 3'd0) ? 4'd0 : (`IR_SIZE(h_ir_reg) == 3'd1) ? 4'd1 :
                  (`IR_SIZE(h_ir_reg) == 3'd2) ? 4'd2 : (`IR_SIZE(h_ir_reg) == 3'd3) ? 4'd4 : 4'd8;
    wire [11:0] h_end_at = {1'b0, h_a_reg} + {8'd0, ir_n};
    // the operand bits at or above shr + 10 - shl (none when it is 16 or more: bit 4)
    wire [15:0] h_himask = h_hib_reg[4] ? 16'd0 : (16'hffff << h_hib_reg[3:0]);

    // ---- L: the lanes of raw and operand: raw byte k (k = 0 least significant) is byte
    // a + n - 1 - k, in lane (a + n - 1 - k) mod 8; the operand is raw bytes cs (low) and
    // cs + 1 (high)
    reg  [3:0] l_n;
    always @* begin
        case (`IR_SIZE(l_ir_reg))
            3'd0:    l_n = 4'd0;
            3'd1:    l_n = 4'd1;
            3'd2:    l_n = 4'd2;
            3'd3:    l_n = 4'd4;
            default: l_n = 4'd8;
        endcase
    end
    wire [2:0] l_r0  = l_a_reg + l_n[2:0] - 3'd1;
    wire [2:0] l_olo = l_r0 - `IR_CS(l_ir_reg);

    // ---- C: raw and the operand (loops over constant lanes: 8:1 multiplexers)
    reg [63:0] c_raw;
    reg [15:0] c_o;
    reg [2:0]  c_lane;
    integer    kb, kj;
    always @* begin
        c_lane = 3'd0;
        for (kb = 0; kb < 8; kb = kb + 1) begin
            c_lane = c_r0_reg - kb[2:0];   // 3-bit: the lane index wraps
            c_raw[8*kb +: 8] = 8'd0;
            for (kj = 0; kj < 8; kj = kj + 1)
                if (c_rmask_reg[kb] && c_lane == kj[2:0]) c_raw[8*kb +: 8] = c_lanes_reg[8*kj +: 8];
        end
        c_o = 16'd0;
        for (kj = 0; kj < 8; kj = kj + 1) begin
            if (c_volo_reg && c_olo_reg == kj[2:0]) c_o[7:0]  = c_lanes_reg[8*kj +: 8];
            if (c_vohi_reg && c_ohi_reg == kj[2:0]) c_o[15:8] = c_lanes_reg[8*kj +: 8];
        end
        c_o = c_o & `IR_MASK(c_ir_reg);
    end

    // ---- V: the test and (o >> shr) << shl
    reg        v_t;
    wire       v_lt = v_o_reg < `IR_VALUE(v_ir_reg);
    wire       v_eq = v_o_reg == `IR_VALUE(v_ir_reg);
    wire [15:0] v_shr = v_o_reg >> `IR_SHR(v_ir_reg);
    wire [18:0] v_sh  = {3'd0, v_shr} << `IR_SHL(v_ir_reg);
    always @* begin
        case (`IR_REL(v_ir_reg))
            R_ALWAYS: v_t = 1'b1;
            R_EQ:     v_t = v_eq;
            R_NE:     v_t = !v_eq;
            R_LT:     v_t = v_lt;
            R_GT:     v_t = !v_lt && !v_eq;
            R_LE:     v_t = v_lt || v_eq;
            R_GE:     v_t = !v_lt;
            default:  v_t = (v_o_reg & `IR_VALUE(v_ir_reg)) != 16'd0;   // any
        endcase
    end

    // ---- W: the thread's new state
    wire [4:0]  w_dst   = `IR_DST(w_ir_reg);
    wire [9:0]  w_cur   = w_wk_reg[WK_CUR +: 10];
    wire [1:0]  w_vcnt  = w_wk_reg[WK_VCNT +: 2];
    wire        w_ok    = !w_trunc_reg;                  // a truncated read changes nothing else
    wire        w_tk    = w_ok && w_t_reg;               // taken
    wire [11:0] w_sum   = {1'b0, w_curk_reg} + {2'd0, w_sh_reg[9:0]};   // cur + val unless w_hinz_reg
    wire [19:0] w_val   = {1'b0, w_sh_reg} + {12'd0, `IR_K(w_ir_reg)};
    wire [9:0]  w_cur_new = !(w_tk && `IR_ADV(w_ir_reg)) ? w_cur :
                            (w_hinz_reg || w_sum[11:10] != 2'd0) ? 10'd1023 : w_sum[9:0];
    wire        w_end_now = (`IR_END(w_ir_reg) == 2'd3) || (`IR_END(w_ir_reg) == 2'd1 && w_t_reg) ||
                            (`IR_END(w_ir_reg) == 2'd2 && !w_t_reg);
    wire        w_perr  = w_ok && !w_end_now && w_lhit_reg;   // ends at the step limit
    wire        w_ended = !w_ok || w_end_now || w_lhit_reg;
    wire        w_vlan  = w_ok && w_dst == D_VLAN && w_vcnt != 2'd2;
    reg  [WK_W-1:0] w_wk;
    always @* begin
        w_wk = w_wk_reg;
        w_wk[WK_CUR +: 10] = w_cur_new;
        if (w_tk && `IR_SAVE3(w_ir_reg)) w_wk[WK_L3 +: 10] = w_cur_new;
        if (w_tk && `IR_SAVE4(w_ir_reg)) w_wk[WK_L4 +: 10] = w_cur_new;
        if (w_tk) w_wk[WK_CLS +: 10] = w_wk_reg[WK_CLS +: 10] | `IR_SET(w_ir_reg);
        if (w_perr) w_wk[WK_CLS + CLS_PERR] = 1'b1;
        w_wk[WK_STEPS +: 9] = w_wk_reg[WK_STEPS +: 9] + 9'd1;
        if (w_vlan) w_wk[WK_VCNT +: 2] = w_vcnt + 2'd1;
        w_wk[WK_TRUNC] = w_trunc_reg;
    end
    // the groups the store writes (whether or not the test is true)
    reg [NSF-1:0] w_set;
    always @* begin
        w_set = {NSF{1'b0}};
        w_set[SF_VLAN0] = w_vlan && w_vcnt == 2'd0;
        w_set[SF_VLAN1] = w_vlan && w_vcnt == 2'd1;
        w_set[SF_PROTO] = w_dst == D_PROTO;
        w_set[SF_FRAG]  = w_dst == D_FRAG;
        w_set[SF_IPLEN] = w_dst == D_IPLEN;
        w_set[SF_SRCHI] = w_dst == D_ADDR4 || w_dst == D_SRC_HI;
        w_set[SF_SRCLO] = w_dst == D_ADDR4 || w_dst == D_SRC_LO;   // addr4: 0
        w_set[SF_DSTHI] = w_dst == D_ADDR4 || w_dst == D_DST_HI;
        w_set[SF_DSTLO] = w_dst == D_ADDR4 || w_dst == D_DST_LO;
        w_set[SF_PORTS] = w_dst == D_PORTS || w_dst == D_PORTS_SEQ;
        w_set[SF_SEQ]   = w_dst == D_SEQ || w_dst == D_PORTS_SEQ;
        w_set[SF_ACK]   = w_dst == D_ACK || w_dst == D_ACK_FLAGS;
        w_set[SF_FLAGS] = w_dst == D_TCP_FLAGS || w_dst == D_ACK_FLAGS;
        w_set[SF_WIN]   = w_dst == D_ACK_FLAGS;
        if (!w_ok) w_set = {NSF{1'b0}};
    end
    // the thread's first instruction (no step before it) writes every group
    wire w_first = w_wk_reg[WK_STEPS +: 9] == 9'd0;

    // ---- S: the store's data, as each group lays it out
    /* verilator lint_off UNUSEDSIGNAL */ // laid out as o_hv: only the groups' bits
    reg [TH_W-1:0] s_fd;
    /* verilator lint_on UNUSEDSIGNAL */
    always @* begin
        s_fd = {TH_W{1'b0}};
        s_fd[TH_VLAN0 +: 12]    = s_data_reg[11:0];
        s_fd[TH_VLAN1 +: 12]    = s_data_reg[11:0];
        s_fd[TH_PROTO +: 8]     = s_data_reg[7:0];
        s_fd[TH_MF]             = s_data_reg[13];
        s_fd[TH_FOFF +: 13]     = s_data_reg[12:0];
        s_fd[TH_IPLEN +: 16]    = s_data_reg[15:0];
        s_fd[TH_IPSET]          = 1'b1;
        s_fd[TH_SRC + 64 +: 64] = s_a4_reg ? {s_data_reg[63:32], 32'd0} : s_data_reg;
        s_fd[TH_SRC +: 64]      = s_a4_reg ? 64'd0 : s_data_reg;
        s_fd[TH_DST + 64 +: 64] = s_a4_reg ? {s_data_reg[31:0], 32'd0} : s_data_reg;
        s_fd[TH_DST +: 64]      = s_a4_reg ? 64'd0 : s_data_reg;
        s_fd[TH_SPORT +: 16]    = s_ps_reg ? s_data_reg[63:48] : s_data_reg[31:16];
        s_fd[TH_DPORT +: 16]    = s_ps_reg ? s_data_reg[47:32] : s_data_reg[15:0];
        s_fd[TH_SEQ +: 32]      = s_data_reg[31:0];
        s_fd[TH_ACK +: 32]      = s_af_reg ? s_data_reg[63:32] : s_data_reg[31:0];
        s_fd[TH_TFLAGS +: 12]   = s_af_reg ? s_data_reg[27:16] : s_data_reg[11:0];
        s_fd[TH_WIN +: 16]      = s_data_reg[15:0];
    end

    // ---- outputs: thread sel's frame and header vector, from the LUT RAMs' read ports.
    // The thread is registered here from sel_thr_nx, a copy for every LUT RAM of up to
    // 32 bits (keep: Yosys would merge them), so that no one register drives the read
    // address of every LUT RAM: the read and x_hv_reg in the parser make a short path.
    (* keep *) reg [2:0] sel_fr_reg, sel_wk_reg;
    (* keep *) always @(posedge clk) sel_fr_reg <= sel_thr_nx;
    (* keep *) always @(posedge clk) sel_wk_reg <= sel_thr_nx;
    /* verilator lint_off UNUSEDSIGNAL */ // W and the step limit are the pipeline's
    wire [FR_W-1:0] o_fr = fr_mem[sel_fr_reg];
    /* verilator lint_on UNUSEDSIGNAL */
    wire [WK_W-1:0] o_wk = wk_mem[sel_wk_reg];
    assign o_hv[TH_SLOT +: TH_SLOT_W]   = o_fr[FR_SLOT +: SLOT_W];
    assign o_hv[TH_START +: TH_START_W] = o_fr[FR_START +: PM_AW];
    assign o_hv[TH_LEN +: TH_LEN_W]     = o_fr[FR_LEN +: 16];
    assign o_hv[TH_TRUNC]               = o_wk[WK_TRUNC];
    assign o_hv[TH_CLS +: TH_CLS_W]     = o_wk[WK_CLS +: 10];
    assign o_hv[TH_CUR +: TH_CUR_W]     = o_wk[WK_CUR +: 10];
    assign o_hv[TH_L3 +: TH_L3_W]       = o_wk[WK_L3 +: 10];
    assign o_hv[TH_L4 +: TH_L4_W]       = o_wk[WK_L4 +: 10];
    assign o_hv[TH_VCNT +: TH_VCNT_W]   = o_wk[WK_VCNT +: 2];
    generate
        for (g = 0; g < NSF; g = g + 1) begin : g_fld
            // the group's lowest bit and width in the thread layout (rtl/nicrx_thread.vh)
            localparam integer LO = g == SF_VLAN0 ? TH_VLAN0 : g == SF_VLAN1 ? TH_VLAN1 :
                                    g == SF_PROTO ? TH_PROTO : g == SF_FRAG ? TH_MF :
                                    g == SF_IPLEN ? TH_IPLEN : g == SF_SRCHI ? TH_SRC + 64 :
                                    g == SF_SRCLO ? TH_SRC : g == SF_DSTHI ? TH_DST + 64 :
                                    g == SF_DSTLO ? TH_DST : g == SF_PORTS ? TH_SPORT :
                                    g == SF_SEQ ? TH_SEQ : g == SF_ACK ? TH_ACK :
                                    g == SF_WIN ? TH_WIN : TH_TFLAGS;
            localparam integer W  = g == SF_PROTO ? 8 : g == SF_FRAG ? 14 : g == SF_IPLEN ? 17 :
                                    g >= SF_SRCHI && g <= SF_DSTLO ? 64 :
                                    g >= SF_PORTS && g <= SF_ACK ? 32 : g == SF_WIN ? 16 : 12;   // vlan, flags
            for (c = 0; c < W; c = c + 32) begin : g_part   // a LUT RAM of up to 32 bits
                localparam integer PW = (W - c < 32) ? W - c : 32;
                reg [PW-1:0] fld_mem [0:NT-1];
                (* keep *) reg [2:0] sel_reg, wa_reg;   // read and write thread, own copies
                always @(posedge clk) begin
                    if (s_wen_reg[g]) fld_mem[wa_reg] <= s_keep_reg[g] ? s_fd[LO + c +: PW] : {PW{1'b0}};
                end
                (* keep *) always @(posedge clk) begin
                    sel_reg <= sel_thr_nx;
                    wa_reg  <= w_thr_reg;
                end
`ifdef FORMAL
                always @(*) if (f_past_valid && !rst && !f_past_rst && s_wen_reg[g]) assert(wa_reg == ph_reg);
`endif
                assign o_hv[LO + c +: PW] = fld_mem[sel_reg];
            end
        end
    endgenerate

    // ---------------------------------------------------------------- next state
    wire [2:0] f_thr_next = ph_reg + 3'd1;     // F's thread in the next cycle: W's now
    integer t;
    always @* begin
        st_next = st_reg;
        go_next = go_reg;
        for (t = 0; t < NT; t = t + 1) begin
            // a frame that ended at W is done after S
            if (s_fin_reg[t])
                st_next[2*t +: 2] = ST_DONE;
            // the first instruction issues (F in the next cycle)
            if (!w_valid_reg && f_thr_next == t[2:0])
                go_next[t] = 1'b0;
            if (rel_oh[t])
                st_next[2*t +: 2] = ST_FREE;
            if (ld_en && ld_thr == t[2:0]) begin
                st_next[2*t +: 2] = ST_RUN;
                go_next[t]        = 1'b1;
            end
        end
    end

    // ---------------------------------------------------------------- registers
    always @(posedge clk) begin
        if (ld_en)
            fr_mem[ld_thr] <= {ld_limit, ld_wlim, ld_len, ld_start, ld_slot};
        if (w_valid_reg)
            wk_mem[w_thr_reg] <= w_wk;
    end

    always @(posedge clk) begin
        if (rst) begin
            ph_reg      <= 3'd0;
            st_reg      <= {(2*NT){1'b0}};
            go_reg      <= {NT{1'b0}};
            f_valid_reg <= 1'b0;
            i_valid_reg <= 1'b0;
            a_valid_reg <= 1'b0;
            h_valid_reg <= 1'b0;
            l_valid_reg <= 1'b0;
            c_valid_reg <= 1'b0;
            v_valid_reg <= 1'b0;
            w_valid_reg <= 1'b0;
            s_wen_reg   <= {NSF{1'b0}};
            s_fin_reg   <= {NT{1'b0}};
        end else begin
            ph_reg      <= ph_reg + 3'd1;
            st_reg      <= st_next;
            go_reg      <= go_next;
            // F: the thread W holds continues, or the thread of the next cycle starts
            f_valid_reg <= w_valid_reg ? !w_ended : go_reg[f_thr_next];
            i_valid_reg <= f_valid_reg;
            a_valid_reg <= i_valid_reg;
            h_valid_reg <= a_valid_reg;
            l_valid_reg <= h_valid_reg;
            c_valid_reg <= l_valid_reg;
            v_valid_reg <= c_valid_reg;
            w_valid_reg <= v_valid_reg;
            s_wen_reg   <= (w_valid_reg && w_first) ? {NSF{1'b1}} : w_valid_reg ? w_set : {NSF{1'b0}};
            for (t = 0; t < NT; t = t + 1)
                s_fin_reg[t] <= w_valid_reg && w_ended && w_thr_reg == t[2:0];
        end
    end

    // pipeline data: no reset needed (the valid bits above say what is meaningful)
    always @(posedge clk) begin
        // -> F
        f_first_reg    <= !w_valid_reg;
        f_pc_reg       <= w_valid_reg ? (w_t_reg ? `IR_TT(w_ir_reg) : `IR_TF(w_ir_reg)) : {IMEM_AW{1'b0}};
        // -> I
        i_first_reg    <= f_first_reg;
        i_thr_reg      <= ph_reg;
        // -> A
        a_thr_reg      <= i_thr_reg;
        a_ir_reg       <= im_q[IR_W-1:0];
        a_wk_reg       <= i_wk;
        a_row8_cur_reg <= i_cur8[OFF_W-1:3];
        a_row8_l3_reg  <= i_l38[OFF_W-1:3];
        a_row8_l4_reg  <= i_l48[OFF_W-1:3];
        a_slot_reg     <= i_fr[FR_SLOT +: SLOT_W];
        a_wlim_reg     <= i_fr[FR_WLIM +: 9];
        a_limit_reg    <= i_fr[FR_LIMIT +: 9];
        // -> H
        h_thr_reg      <= a_thr_reg;
        h_ir_reg       <= a_ir_reg;
        h_wk_reg       <= a_wk_reg;
        h_a_reg        <= a_addr;
        h_row1_reg     <= a_addr8[OFF_W-1:3];
        h_slot_reg     <= a_slot_reg;
        h_wlim_reg     <= a_wlim_reg;
        h_limit_reg    <= a_limit_reg;
        h_hib_reg      <= a_hib;
        // -> L
        l_thr_reg      <= h_thr_reg;
        l_ir_reg       <= h_ir_reg;
        l_wk_reg       <= h_wk_reg;
        l_a_reg        <= h_a_reg[2:0];
        l_trunc_reg    <= (ir_n != 4'd0) && (h_end_at > {3'd0, h_wlim_reg});
        l_lhit_reg     <= h_wk_reg[WK_STEPS +: 9] + 9'd1 == h_limit_reg;
        l_curk_reg     <= {1'b0, h_wk_reg[WK_CUR +: 10]} + {3'd0, `IR_K(h_ir_reg)};
        l_himask_reg   <= h_himask;
        // -> C
        c_thr_reg      <= l_thr_reg;
        c_ir_reg       <= l_ir_reg;
        c_wk_reg       <= l_wk_reg;
        c_lanes_reg    <= lanes;
        c_r0_reg       <= l_r0;
        c_rmask_reg    <= ~(8'hff << l_n);
        c_olo_reg      <= l_olo;
        c_ohi_reg      <= l_olo - 3'd1;
        c_volo_reg     <= {1'b0, `IR_CS(l_ir_reg)} < l_n;
        c_vohi_reg     <= {1'b0, `IR_CS(l_ir_reg)} + 4'd1 < l_n;
        c_trunc_reg    <= l_trunc_reg;
        c_lhit_reg     <= l_lhit_reg;
        c_curk_reg     <= l_curk_reg;
        c_himask_reg   <= l_himask_reg;
        // -> V
        v_thr_reg      <= c_thr_reg;
        v_ir_reg       <= c_ir_reg;
        v_wk_reg       <= c_wk_reg;
        v_raw_reg      <= c_raw;
        v_o_reg        <= c_o;
        v_trunc_reg    <= c_trunc_reg;
        v_lhit_reg     <= c_lhit_reg;
        v_curk_reg     <= c_curk_reg;
        v_himask_reg   <= c_himask_reg;
        // -> W
        w_thr_reg      <= v_thr_reg;
        w_ir_reg       <= v_ir_reg;
        w_wk_reg       <= v_wk_reg;
        w_raw_reg      <= v_raw_reg;
        w_t_reg        <= v_t;
        w_sh_reg       <= v_sh;
        w_hinz_reg     <= (v_o_reg & v_himask_reg) != 16'd0;
        w_trunc_reg    <= v_trunc_reg;
        w_lhit_reg     <= v_lhit_reg;
        w_curk_reg     <= v_curk_reg;
        // -> S
        s_data_reg     <= `IR_SVAL(w_ir_reg) ? {44'd0, w_val} : w_raw_reg;
        s_keep_reg     <= w_set;
        s_a4_reg       <= w_dst == D_ADDR4;
        s_ps_reg       <= w_dst == D_PORTS_SEQ;
        s_af_reg       <= w_dst == D_ACK_FLAGS;
    end

    `undef IR_BASE
    `undef IR_SIZE
    `undef IR_CS
    `undef IR_OFF
    `undef IR_MASK
    `undef IR_VALUE
    `undef IR_TT
    `undef IR_TF
    `undef IR_REL
    `undef IR_END
    `undef IR_DST
    `undef IR_SVAL
    `undef IR_ADV
    `undef IR_SAVE3
    `undef IR_SAVE4
    `undef IR_SHR
    `undef IR_SHL
    `undef IR_K
    `undef IR_SET

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked through nicrx_parser by formal/run.sh (docs/formal.md): the
    // barrel needs no hazard logic because a thread has at most one instruction in
    // flight.  ld_* / rel_* come from the parser, whose rules are asserted here too.
    `include "nicrx_formal_reset.vh"

    // instructions of each thread in flight (F..W, and S when the frame ended at W),
    // plus its first one waiting (go)
    reg [4*NT-1:0] f_inflight;
    integer f_t;
    always @* begin
        for (f_t = 0; f_t < NT; f_t = f_t + 1)
            f_inflight[4*f_t +: 4] = {3'd0, go_reg[f_t]} +
                {3'd0, f_valid_reg && ph_reg == f_t[2:0]} + {3'd0, i_valid_reg && i_thr_reg == f_t[2:0]} +
                {3'd0, a_valid_reg && a_thr_reg == f_t[2:0]} + {3'd0, h_valid_reg && h_thr_reg == f_t[2:0]} +
                {3'd0, l_valid_reg && l_thr_reg == f_t[2:0]} + {3'd0, c_valid_reg && c_thr_reg == f_t[2:0]} +
                {3'd0, v_valid_reg && v_thr_reg == f_t[2:0]} + {3'd0, w_valid_reg && w_thr_reg == f_t[2:0]} +
                {3'd0, s_fin_reg[f_t]};
    end

    always @(*) if (f_past_valid && !rst && !f_past_rst) begin
        // stage k holds the instruction of thread ph - k (F: ph, W: ph - 7 = ph + 1)
        if (i_valid_reg) assert(i_thr_reg == ph_reg - 3'd1);
        if (a_valid_reg) assert(a_thr_reg == ph_reg - 3'd2);
        if (h_valid_reg) assert(h_thr_reg == ph_reg - 3'd3);
        if (l_valid_reg) assert(l_thr_reg == ph_reg - 3'd4);
        if (c_valid_reg) assert(c_thr_reg == ph_reg - 3'd5);
        if (v_valid_reg) assert(v_thr_reg == ph_reg - 3'd6);
        if (w_valid_reg) assert(w_thr_reg == ph_reg - 3'd7);
        for (f_t = 0; f_t < NT; f_t = f_t + 1)
            if (s_fin_reg[f_t]) assert(ph_reg == f_t[2:0]);
        // a running thread has exactly one instruction in flight or waiting, any other
        // none: the stages never hold two of one thread (no hazards), and a thread that
        // is done or free has nothing in flight
        for (f_t = 0; f_t < NT; f_t = f_t + 1) begin
            assert(st_reg[2*f_t +: 2] != 2'd3);
            assert(f_inflight[4*f_t +: 4] == {3'd0, st_reg[2*f_t +: 2] == ST_RUN});
        end
        // the parser loads only free threads and frees only done ones
        if (ld_en)  assert(thr_free[ld_thr]);
        assert((rel_oh & (rel_oh - 8'd1)) == 8'd0);
        for (f_t = 0; f_t < NT; f_t = f_t + 1)
            if (rel_oh[f_t]) assert(thr_done[f_t]);
        if (ld_en) assert(!rel_oh[ld_thr]);
    end
    always @(*) if (f_past_valid && !rst) begin
        cover(thr_run[0] && thr_run[1]);        // two frames in flight at once
        cover(w_valid_reg && w_trunc_reg);
    end
`endif
endmodule

`resetall
