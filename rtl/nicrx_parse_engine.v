// nicrx_parse_engine - one microcode engine of the parser: four threads on a
// four-stage barrel pipeline (docs/architecture.md, "nicrx_parser"; the
// instruction set is docs/microcode.md).  Twin: cmodel/parse_engine.c, with the
// execution of one instruction in cmodel/isa.c.
//
// ph_reg counts cycles from reset (0 in the first cycle after it).  Thread t issues
// in a cycle where ph_reg = t and it is running; its instruction then passes
//   F  instruction-memory read at {bank, pc}; the thread's cursor, layer starts,
//      slot and byte limit W are registered beside it (a_*)
//   A  a = base + off; header-memory read of the 8 bytes at a; byte-lane selects
//      for raw and the operand worked out from a mod 8, size and cs (c_*)
//   C  truncation test, raw (lanes rotated, cut to the size), operand (w_*)
//   W  test, val = ((o >> shr) << shl) + k; the edge at the end of the cycle updates
//      the thread (store, advance, save, class, pc, end, step limit).
// A thread issues once every four cycles, exactly when its previous instruction has
// been written back, so no stage ever sees a stale thread state: no hazards, no
// forwarding.  Threads are loaded by the parser (ld_*) when free, run until their
// frame ends (done), and are freed by the parser when their header vector leaves
// (rel_*).  The header vector of thread sel_thr is always on o_hv (rtl/nicrx_thread.vh).
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
    // load a free thread with a frame
    input  wire                                              ld_en,
    input  wire [1:0]                                        ld_thr,
    input  wire [$clog2(FQ_DEPTH)-1:0]                       ld_slot,
    input  wire [PM_AW-1:0]                                  ld_start,
    input  wire [15:0]                                       ld_len,
    input  wire                                              ld_bank,
    input  wire [8:0]                                        ld_limit,   // 1..256
    // free a done thread
    input  wire                                              rel_en,
    input  wire [1:0]                                        rel_thr,
    // thread states
    output wire [3:0]                                        thr_free,
    output wire [3:0]                                        thr_run,
    output wire [3:0]                                        thr_done,
    // the frame and header vector of thread sel_thr (layout: rtl/nicrx_thread.vh)
    input  wire [1:0]                                        sel_thr,
    output wire [TH_W-1:0]                                   o_hv
);
    localparam integer SLOT_W  = $clog2(FQ_DEPTH);
    localparam integer OFF_W   = $clog2(HEADER_BYTES);
    localparam integer IMEM_AW = $clog2(IMEM_DEPTH);
    localparam [8:0]   HB9     = HEADER_BYTES[8:0];
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

    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_IMEM_DEPTH
    endgenerate

    // ---------------------------------------------------------------- threads
    reg [4*2-1:0]       st_reg, st_next;
    reg [4*IMEM_AW-1:0] pc_reg, pc_next;
    reg [3:0]           bank_reg, bank_next;
    reg [4*TH_W-1:0]    hv_reg, hv_next;       // frame and header vector, rtl/nicrx_thread.vh
    reg [4*9-1:0]       steps_reg, steps_next;
    reg [4*9-1:0]       limit_reg, limit_next;
    reg [4*9-1:0]       wlim_reg, wlim_next;       // W = min(len, HEADER_BYTES)
    reg [3:0]           clr_reg;                   // clear the thread's stored fields

    // ---------------------------------------------------------------- pipeline
    reg [1:0]          ph_reg;
    // F -> A
    reg                a_valid_reg;
    reg [1:0]          a_thr_reg;
    reg [9:0]          a_cur_reg, a_l3_reg, a_l4_reg;
    reg [OFF_W-1:0]    a_cur8_reg, a_l38_reg, a_l48_reg;   // the same + 8 (next row)
    reg [8:0]          a_wlim_reg;
    reg [SLOT_W-1:0]   a_slot_reg;
    // A -> C
    reg                c_valid_reg;
    reg [1:0]          c_thr_reg;
    reg [10:0]         c_a_reg;        // read address (base + off)
    reg [3:0]          c_n_reg;        // bytes read: 0, 1, 2, 4, 8
    reg [8:0]          c_wlim_reg;
    reg [2:0]          c_r0_reg;       // lane of raw byte 0 (the last byte read)
    reg [7:0]          c_rmask_reg;    // raw byte k exists (k < n)
    reg [2:0]          c_olo_reg, c_ohi_reg;  // lanes of the operand's bytes
    reg                c_volo_reg, c_vohi_reg;
    reg [15:0]         c_mask_reg, c_value_reg;
    reg [2:0]          c_rel_reg;
    reg [3:0]          c_shr_reg;
    reg [1:0]          c_shl_reg;
    reg [7:0]          c_k_reg;
    reg [IMEM_AW-1:0]  c_tt_reg, c_tf_reg;
    reg [1:0]          c_end_reg, c_save_reg;
    reg [4:0]          c_dst_reg;
    reg                c_sval_reg, c_adv_reg;
    reg [9:0]          c_set_reg;
    // C -> W
    reg                w_valid_reg;
    reg [1:0]          w_thr_reg;
    reg                w_trunc_reg;
    reg [15:0]         w_value_reg;
    reg [2:0]          w_rel_reg;
    reg [15:0]         w_o_reg;        // the operand; val is worked out in W
    reg [3:0]          w_shr_reg;
    reg [1:0]          w_shl_reg;
    reg [7:0]          w_k_reg;
    reg [63:0]         w_raw_reg;
    reg [IMEM_AW-1:0]  w_tt_reg, w_tf_reg;
    reg [1:0]          w_end_reg, w_save_reg;
    reg [4:0]          w_dst_reg;
    reg                w_sval_reg, w_adv_reg;
    reg [9:0]          w_set_reg;

    // ---- F: issue
    wire [3:0]         is_run;
    genvar g;
    generate
        for (g = 0; g < 4; g = g + 1) begin : g_st
            assign thr_free[g] = st_reg[2*g +: 2] == ST_FREE;
            assign is_run[g]   = st_reg[2*g +: 2] == ST_RUN;
            assign thr_done[g] = st_reg[2*g +: 2] == ST_DONE;
        end
    endgenerate
    assign thr_run = is_run;
    wire               f_issue = is_run[ph_reg];
    wire               f_bank  = bank_reg[ph_reg];
    // Per-thread values picked by a thread number, written as loops over constant
    // slices so that they become 4:1 multiplexers (not shifters).
    reg [IMEM_AW-1:0]  f_pc;                   // F: thread ph_reg
    reg [9:0]          f_cur, f_l3, f_l4;
    /* verilator lint_off UNUSEDSIGNAL */ // rows wrap inside a slot: bits from OFF_W unused
    reg [9:0]          f_cur8, f_l38, f_l48;   // the same + 8
    /* verilator lint_on UNUSEDSIGNAL */
    reg [8:0]          f_wlim;
    reg [SLOT_W-1:0]   f_slot;
    reg [9:0]          w_cur;                  // W: thread w_thr_reg
    reg [8:0]          w_steps, w_limit;
    reg [1:0]          w_vcnt;
    integer            ts;
    always @* begin
        f_pc    = {IMEM_AW{1'b0}};
        f_cur   = 10'd0;
        f_l3    = 10'd0;
        f_l4    = 10'd0;
        f_wlim  = 9'd0;
        f_slot  = {SLOT_W{1'b0}};
        w_cur   = 10'd0;
        w_steps = 9'd0;
        w_limit = 9'd0;
        w_vcnt  = 2'd0;
        for (ts = 0; ts < 4; ts = ts + 1) begin
            if (ph_reg == ts[1:0]) begin
                f_pc   = pc_reg[ts*IMEM_AW +: IMEM_AW];
                f_cur  = hv_reg[ts*TH_W + TH_CUR +: TH_CUR_W];
                f_l3   = hv_reg[ts*TH_W + TH_L3 +: TH_L3_W];
                f_l4   = hv_reg[ts*TH_W + TH_L4 +: TH_L4_W];
                f_wlim = wlim_reg[ts*9 +: 9];
                f_slot = hv_reg[ts*TH_W + TH_SLOT +: TH_SLOT_W];
            end
            if (w_thr_reg == ts[1:0]) begin
                w_cur   = hv_reg[ts*TH_W + TH_CUR +: TH_CUR_W];
                w_steps = steps_reg[ts*9 +: 9];
                w_limit = limit_reg[ts*9 +: 9];
                w_vcnt  = hv_reg[ts*TH_W + TH_VCNT +: TH_VCNT_W];
            end
        end
        f_cur8 = f_cur + 10'd8;
        f_l38  = f_l3 + 10'd8;
        f_l48  = f_l4 + 10'd8;
    end
    /* verilator lint_off UNUSEDSIGNAL */ // reserved bits (w2[3:0], w3[31:10])
    wire [127:0]       ir;       // the instruction in A
    /* verilator lint_on UNUSEDSIGNAL */

    nicrx_imem #(
        .IMEM_DEPTH (IMEM_DEPTH),
        .IMEM_INIT  (IMEM_INIT)
    ) u_imem (
        .clk     (clk),
        .wr_en   (im_wr_en),
        .wr_bank (im_wr_bank),
        .wr_addr (im_wr_addr),
        .wr_data (im_wr_data),
        .rd_en   (f_issue),
        .rd_bank (f_bank),
        .rd_addr (f_pc),
        .rd_data (ir)
    );

    // ---- A: address, header-memory read, lane selects
    // instruction fields (cmodel/nicrx_isa.h)
    wire [1:0]  i_base  = ir[31:30];
    wire [2:0]  i_size  = ir[29:27];
    wire [2:0]  i_cs    = ir[26:24];
    wire [7:0]  i_off   = ir[23:16];
    wire [15:0] i_mask  = ir[15:0];
    wire [15:0] i_value = ir[63:48];
    /* verilator lint_off UNUSEDSIGNAL */ // targets wrap at IMEM_DEPTH: high bits unused
    wire [7:0]  i_tt    = ir[47:40];
    wire [7:0]  i_tf    = ir[39:32];
    /* verilator lint_on UNUSEDSIGNAL */
    wire [2:0]  i_rel   = ir[95:93];
    wire [1:0]  i_end   = ir[92:91];
    wire [4:0]  i_dst   = ir[90:86];
    wire        i_sval  = ir[85];
    wire        i_adv   = ir[84];
    wire [1:0]  i_save  = ir[83:82];
    wire [3:0]  i_shr   = ir[81:78];
    wire [1:0]  i_shl   = ir[77:76];
    wire [7:0]  i_k     = ir[75:68];
    wire [9:0]  i_set   = ir[105:96];

    reg [9:0]  a_base;
    reg [10:0] a_addr;
    reg [OFF_W-1:0] a_base8;
    /* verilator lint_off UNUSEDSIGNAL */ // only the row: bits [2:0] are a's
    reg [OFF_W-1:0] a_addr8;    // a + 8 (mod HEADER_BYTES): its row is the next row of a
    /* verilator lint_on UNUSEDSIGNAL */
    reg [3:0]  a_n;
    reg [2:0]  a_r0, a_olo;
    always @* begin
        case (i_base)
            2'd0:    begin a_base = a_cur_reg; a_base8 = a_cur8_reg; end
            2'd1:    begin a_base = a_l3_reg;  a_base8 = a_l38_reg;  end
            2'd2:    begin a_base = a_l4_reg;  a_base8 = a_l48_reg;  end
            default: begin a_base = 10'd0;     a_base8 = 8;          end
        endcase
        a_addr  = {1'b0, a_base} + {3'd0, i_off};
        a_addr8 = a_base8 + i_off[OFF_W-1:0];
        case (i_size)
            3'd0:    a_n = 4'd0;
            3'd1:    a_n = 4'd1;
            3'd2:    a_n = 4'd2;
            3'd3:    a_n = 4'd4;
            default: a_n = 4'd8;
        endcase
        // raw byte k (k = 0 least significant) is byte a + n - 1 - k, in lane
        // (a + n - 1 - k) mod 8; the operand is raw bytes cs (low) and cs + 1 (high)
        a_r0  = a_addr[2:0] + a_n[2:0] - 3'd1;
        a_olo = a_r0 - i_cs;
    end
    wire [63:0] lanes;           // the header bytes in C

    nicrx_hdrmem #(
        .DATA_WIDTH   (DATA_WIDTH),
        .HEADER_BYTES (HEADER_BYTES),
        .FQ_DEPTH     (FQ_DEPTH)
    ) u_hdrmem (
        .clk      (clk),
        .wr_en    (hm_wr_en),
        .wr_addr  (hm_wr_addr),
        .wr_data  (hm_wr_data),
        .rd_en    (a_valid_reg),
        .rd_slot  (a_slot_reg),
        .rd_off   (a_addr[OFF_W-1:0]),
        .rd_row1  (a_addr8[OFF_W-1:3]),
        .rd_lanes (lanes)
    );

    // ---- C: truncation, raw, operand, test, val
    reg [11:0] c_end_at;
    reg        c_trunc;
    reg [63:0] c_raw;
    reg [15:0] c_o;
    integer    kb, kj;
    reg [2:0]  c_lane;
    always @* begin
        c_end_at = {1'b0, c_a_reg} + {8'd0, c_n_reg};
        c_trunc  = (c_n_reg != 4'd0) && (c_end_at > {3'd0, c_wlim_reg});
        c_lane   = 3'd0;
        for (kb = 0; kb < 8; kb = kb + 1) begin
            c_lane = c_r0_reg - kb[2:0];   // 3-bit: the lane index wraps
            c_raw[8*kb +: 8] = 8'd0;
            for (kj = 0; kj < 8; kj = kj + 1)
                if (c_rmask_reg[kb] && c_lane == kj[2:0]) c_raw[8*kb +: 8] = lanes[8*kj +: 8];
        end
        c_o = 16'd0;
        for (kj = 0; kj < 8; kj = kj + 1) begin
            if (c_volo_reg && c_olo_reg == kj[2:0]) c_o[7:0]  = lanes[8*kj +: 8];
            if (c_vohi_reg && c_ohi_reg == kj[2:0]) c_o[15:8] = lanes[8*kj +: 8];
        end
        c_o       = c_o & c_mask_reg;
    end

    // ---- W: the thread's new state
    reg [9:0]         w_cur_new;
    reg [10:0]        w_sum;
    reg [15:0]        w_sh;
    reg [18:0]        w_shl;
    reg [19:0]        w_val;
    reg               w_lt, w_eq, w_t;
    reg [8:0]         w_steps_new;
    reg               w_end_now, w_limit_hit;
    reg [63:0]        w_s;
    reg               w_we;
    reg               st_vlan0, st_vlan1, st_vcnt, st_proto, st_frag, st_iplen, st_src_hi;
    reg               st_src_lo, st_dst_hi, st_dst_lo, st_ports, st_seq, st_ack, st_flags;
    reg [63:0]        d_src_hi, d_src_lo, d_dst_hi, d_dst_lo;
    reg [15:0]        d_sport, d_dport;
    reg [31:0]        d_ack;
    reg [11:0]        d_flags;
    always @* begin
        // the test and val = ((o >> shr) << shl) + k: here rather than in C, whose
        // header-memory read (block-RAM clock-to-out) and operand select fill that stage
        w_lt        = w_o_reg < w_value_reg;
        w_eq        = w_o_reg == w_value_reg;
        case (w_rel_reg)
            R_ALWAYS: w_t = 1'b1;
            R_EQ:     w_t = w_eq;
            R_NE:     w_t = !w_eq;
            R_LT:     w_t = w_lt;
            R_GT:     w_t = !w_lt && !w_eq;
            R_LE:     w_t = w_lt || w_eq;
            R_GE:     w_t = !w_lt;
            default:  w_t = (w_o_reg & w_value_reg) != 16'd0;   // any
        endcase
        w_sh        = w_o_reg >> w_shr_reg;
        w_shl       = {3'd0, w_sh} << w_shl_reg;
        w_val       = {1'b0, w_shl} + {12'd0, w_k_reg};
        w_sum       = {1'b0, w_cur} + {1'b0, w_val[9:0]};
        w_cur_new   = w_cur;
        if (w_t && w_adv_reg)
            w_cur_new = (w_val[19:10] != 10'd0 || w_sum[10]) ? 10'd1023 : w_sum[9:0];
        w_steps_new = w_steps + 9'd1;
        w_end_now   = (w_end_reg[0] && w_t) || (w_end_reg[1] && !w_t);
        w_limit_hit = w_steps_new == w_limit;
        w_s         = w_sval_reg ? {44'd0, w_val} : w_raw_reg;
        w_we        = w_valid_reg && !w_trunc_reg;   // a truncated read changes nothing else
        // the header-vector fields the store writes, and their data
        st_vlan0  = w_dst_reg == D_VLAN && w_vcnt == 2'd0;
        st_vlan1  = w_dst_reg == D_VLAN && w_vcnt == 2'd1;
        st_vcnt   = w_dst_reg == D_VLAN && w_vcnt != 2'd2;
        st_proto  = w_dst_reg == D_PROTO;
        st_frag   = w_dst_reg == D_FRAG;
        st_iplen  = w_dst_reg == D_IPLEN;
        st_src_hi = w_dst_reg == D_ADDR4 || w_dst_reg == D_SRC_HI;
        st_src_lo = w_dst_reg == D_ADDR4 || w_dst_reg == D_SRC_LO;
        st_dst_hi = w_dst_reg == D_ADDR4 || w_dst_reg == D_DST_HI;
        st_dst_lo = w_dst_reg == D_ADDR4 || w_dst_reg == D_DST_LO;
        st_ports  = w_dst_reg == D_PORTS || w_dst_reg == D_PORTS_SEQ;
        st_seq    = w_dst_reg == D_SEQ || w_dst_reg == D_PORTS_SEQ;
        st_ack    = w_dst_reg == D_ACK || w_dst_reg == D_ACK_FLAGS;
        st_flags  = w_dst_reg == D_TCP_FLAGS || w_dst_reg == D_ACK_FLAGS;
        d_src_hi  = (w_dst_reg == D_ADDR4) ? {w_s[63:32], 32'd0} : w_s;
        d_src_lo  = (w_dst_reg == D_ADDR4) ? 64'd0 : w_s;
        d_dst_hi  = (w_dst_reg == D_ADDR4) ? {w_s[31:0], 32'd0} : w_s;
        d_dst_lo  = d_src_lo;
        d_sport   = (w_dst_reg == D_PORTS_SEQ) ? w_s[63:48] : w_s[31:16];
        d_dport   = (w_dst_reg == D_PORTS_SEQ) ? w_s[47:32] : w_s[15:0];
        d_ack     = (w_dst_reg == D_ACK_FLAGS) ? w_s[63:32] : w_s[31:0];
        d_flags   = (w_dst_reg == D_ACK_FLAGS) ? w_s[27:16] : w_s[11:0];
    end

    // ---------------------------------------------------------------- next state
    integer t;
    always @* begin
        st_next     = st_reg;
        pc_next     = pc_reg;
        bank_next   = bank_reg;
        hv_next     = hv_reg;
        steps_next  = steps_reg;
        limit_next  = limit_reg;
        wlim_next   = wlim_reg;
        for (t = 0; t < 4; t = t + 1) begin
            if (rel_en && rel_thr == t[1:0])
                st_next[2*t +: 2] = ST_FREE;
            if (w_valid_reg && w_thr_reg == t[1:0]) begin
                if (w_trunc_reg) begin
                    st_next[2*t +: 2] = ST_DONE;
                    hv_next[t*TH_W + TH_TRUNC] = 1'b1;
                end else begin
                    if (w_t) begin
                        hv_next[t*TH_W + TH_CUR +: TH_CUR_W] = w_cur_new;
                        if (w_save_reg[0]) hv_next[t*TH_W + TH_L3 +: TH_L3_W] = w_cur_new;
                        if (w_save_reg[1]) hv_next[t*TH_W + TH_L4 +: TH_L4_W] = w_cur_new;
                        hv_next[t*TH_W + TH_CLS +: TH_CLS_W] =
                            hv_reg[t*TH_W + TH_CLS +: TH_CLS_W] | w_set_reg;
                    end
                    pc_next[t*IMEM_AW +: IMEM_AW] = w_t ? w_tt_reg : w_tf_reg;
                    steps_next[t*9 +: 9]          = w_steps_new;
                    if (w_end_now) begin
                        st_next[2*t +: 2] = ST_DONE;
                    end else if (w_limit_hit) begin
                        st_next[2*t +: 2] = ST_DONE;
                        hv_next[t*TH_W + TH_CLS + CLS_PERR] = 1'b1;
                    end
                end
            end
            // the store happens whether or not the test is true (data and enables
            // are worked out once, above, for whichever thread is in W)
            if (w_we && w_thr_reg == t[1:0]) begin
                if (st_vlan0) hv_next[t*TH_W + TH_VLAN0 +: TH_VLAN0_W] = w_s[11:0];
                if (st_vlan1) hv_next[t*TH_W + TH_VLAN1 +: TH_VLAN1_W] = w_s[11:0];
                if (st_vcnt)  hv_next[t*TH_W + TH_VCNT +: TH_VCNT_W]   = w_vcnt + 2'd1;
                if (st_proto) hv_next[t*TH_W + TH_PROTO +: TH_PROTO_W] = w_s[7:0];
                if (st_frag) begin
                    hv_next[t*TH_W + TH_MF]                    = w_s[13];
                    hv_next[t*TH_W + TH_FOFF +: TH_FOFF_W]     = w_s[12:0];
                end
                if (st_iplen) begin
                    hv_next[t*TH_W + TH_IPLEN +: TH_IPLEN_W]   = w_s[15:0];
                    hv_next[t*TH_W + TH_IPSET]                 = 1'b1;
                end
                if (st_src_hi) hv_next[t*TH_W + TH_SRC + 64 +: 64] = d_src_hi;
                if (st_src_lo) hv_next[t*TH_W + TH_SRC +: 64]      = d_src_lo;
                if (st_dst_hi) hv_next[t*TH_W + TH_DST + 64 +: 64] = d_dst_hi;
                if (st_dst_lo) hv_next[t*TH_W + TH_DST +: 64]      = d_dst_lo;
                if (st_ports) begin
                    hv_next[t*TH_W + TH_SPORT +: TH_SPORT_W]   = d_sport;
                    hv_next[t*TH_W + TH_DPORT +: TH_DPORT_W]   = d_dport;
                end
                if (st_seq)   hv_next[t*TH_W + TH_SEQ +: TH_SEQ_W]       = w_s[31:0];
                if (st_ack)   hv_next[t*TH_W + TH_ACK +: TH_ACK_W]       = d_ack;
                if (st_flags) hv_next[t*TH_W + TH_TFLAGS +: TH_TFLAGS_W] = d_flags;
            end
            // The stored header-vector fields are cleared at the edge after the thread
            // is freed (clr_reg: from a register, so the wide clear does not hang off the
            // dispatch or output decision), which is before or at its next load; the
            // rest of the thread is set at the load.  The clear comes last (no store is
            // in flight for a free thread) and so maps to the flip-flops' reset.
            if (clr_reg[t])
                hv_next[t*TH_W + TH_STORED +: TH_W - TH_STORED] = {(TH_W - TH_STORED){1'b0}};
            if (ld_en && ld_thr == t[1:0]) begin
                st_next[2*t +: 2]             = ST_RUN;
                pc_next[t*IMEM_AW +: IMEM_AW] = {IMEM_AW{1'b0}};
                bank_next[t]                  = ld_bank;
                steps_next[t*9 +: 9]          = 9'd0;
                limit_next[t*9 +: 9]          = ld_limit;
                wlim_next[t*9 +: 9]           = (ld_len > {7'd0, HB9}) ? HB9 : ld_len[8:0];
                // the frame; trunc and the thread state (cls .. l4) start at 0
                hv_next[t*TH_W + TH_SLOT +: TH_SLOT_W]    = ld_slot;
                hv_next[t*TH_W + TH_START +: TH_START_W]  = ld_start;
                hv_next[t*TH_W + TH_LEN +: TH_LEN_W]      = ld_len;
                hv_next[t*TH_W + TH_TRUNC +: TH_VCNT - TH_TRUNC] = {(TH_VCNT - TH_TRUNC){1'b0}};
            end
        end
    end

    // ---------------------------------------------------------------- registers
    always @(posedge clk) begin
        if (rst) begin
            ph_reg      <= 2'd0;
            a_valid_reg <= 1'b0;
            c_valid_reg <= 1'b0;
            w_valid_reg <= 1'b0;
            st_reg      <= {(4*2){1'b0}};
            clr_reg     <= 4'd0;
            pc_reg      <= {(4*IMEM_AW){1'b0}};
            bank_reg    <= 4'd0;
            hv_reg      <= {(4*TH_W){1'b0}};
            steps_reg   <= {(4*9){1'b0}};
            limit_reg   <= {(4*9){1'b0}};
            wlim_reg    <= {(4*9){1'b0}};
            a_thr_reg   <= 2'd0;
            a_cur_reg   <= 10'd0;
            a_cur8_reg  <= {OFF_W{1'b0}};
            a_l38_reg   <= {OFF_W{1'b0}};
            a_l48_reg   <= {OFF_W{1'b0}};
            a_l3_reg    <= 10'd0;
            a_l4_reg    <= 10'd0;
            a_wlim_reg  <= 9'd0;
            a_slot_reg  <= {SLOT_W{1'b0}};
            c_thr_reg   <= 2'd0;
            c_a_reg     <= 11'd0;
            c_n_reg     <= 4'd0;
            c_wlim_reg  <= 9'd0;
            c_r0_reg    <= 3'd0;
            c_rmask_reg <= 8'd0;
            c_olo_reg   <= 3'd0;
            c_ohi_reg   <= 3'd0;
            c_volo_reg  <= 1'b0;
            c_vohi_reg  <= 1'b0;
            c_mask_reg  <= 16'd0;
            c_value_reg <= 16'd0;
            c_rel_reg   <= 3'd0;
            c_shr_reg   <= 4'd0;
            c_shl_reg   <= 2'd0;
            c_k_reg     <= 8'd0;
            c_tt_reg    <= {IMEM_AW{1'b0}};
            c_tf_reg    <= {IMEM_AW{1'b0}};
            c_end_reg   <= 2'd0;
            c_save_reg  <= 2'd0;
            c_dst_reg   <= 5'd0;
            c_sval_reg  <= 1'b0;
            c_adv_reg   <= 1'b0;
            c_set_reg   <= 10'd0;
            w_thr_reg   <= 2'd0;
            w_trunc_reg <= 1'b0;
            w_value_reg <= 16'd0;
            w_rel_reg   <= 3'd0;
            w_o_reg     <= 16'd0;
            w_shr_reg   <= 4'd0;
            w_shl_reg   <= 2'd0;
            w_k_reg     <= 8'd0;
            w_raw_reg   <= 64'd0;
            w_tt_reg    <= {IMEM_AW{1'b0}};
            w_tf_reg    <= {IMEM_AW{1'b0}};
            w_end_reg   <= 2'd0;
            w_save_reg  <= 2'd0;
            w_dst_reg   <= 5'd0;
            w_sval_reg  <= 1'b0;
            w_adv_reg   <= 1'b0;
            w_set_reg   <= 10'd0;
        end else begin
            ph_reg      <= ph_reg + 2'd1;
            a_valid_reg <= f_issue;
            c_valid_reg <= a_valid_reg;
            w_valid_reg <= c_valid_reg;
            st_reg      <= st_next;
            clr_reg     <= rel_en ? (4'd1 << rel_thr) : 4'd0;
            pc_reg      <= pc_next;
            bank_reg    <= bank_next;
            hv_reg      <= hv_next;
            steps_reg   <= steps_next;
            limit_reg   <= limit_next;
            wlim_reg    <= wlim_next;
            a_thr_reg   <= ph_reg;
            a_cur_reg   <= f_cur;
            a_cur8_reg  <= f_cur8[OFF_W-1:0];
            a_l38_reg   <= f_l38[OFF_W-1:0];
            a_l48_reg   <= f_l48[OFF_W-1:0];
            a_l3_reg    <= f_l3;
            a_l4_reg    <= f_l4;
            a_wlim_reg  <= f_wlim;
            a_slot_reg  <= f_slot;
            c_thr_reg   <= a_thr_reg;
            c_a_reg     <= a_addr;
            c_n_reg     <= a_n;
            c_wlim_reg  <= a_wlim_reg;
            c_r0_reg    <= a_r0;
            c_rmask_reg <= ~(8'hff << a_n);
            c_olo_reg   <= a_olo;
            c_ohi_reg   <= a_olo - 3'd1;
            c_volo_reg  <= {1'b0, i_cs} < a_n;
            c_vohi_reg  <= {1'b0, i_cs} + 4'd1 < a_n;
            c_mask_reg  <= i_mask;
            c_value_reg <= i_value;
            c_rel_reg   <= i_rel;
            c_shr_reg   <= i_shr;
            c_shl_reg   <= i_shl;
            c_k_reg     <= i_k;
            c_tt_reg    <= i_tt[IMEM_AW-1:0];   // branch targets wrap at IMEM_DEPTH
            c_tf_reg    <= i_tf[IMEM_AW-1:0];
            c_end_reg   <= i_end;
            c_save_reg  <= i_save;
            c_dst_reg   <= i_dst;
            c_sval_reg  <= i_sval;
            c_adv_reg   <= i_adv;
            c_set_reg   <= i_set;
            w_thr_reg   <= c_thr_reg;
            w_trunc_reg <= c_trunc;
            w_value_reg <= c_value_reg;
            w_rel_reg   <= c_rel_reg;
            w_o_reg     <= c_o;
            w_shr_reg   <= c_shr_reg;
            w_shl_reg   <= c_shl_reg;
            w_k_reg     <= c_k_reg;
            w_raw_reg   <= c_raw;
            w_tt_reg    <= c_tt_reg;
            w_tf_reg    <= c_tf_reg;
            w_end_reg   <= c_end_reg;
            w_save_reg  <= c_save_reg;
            w_dst_reg   <= c_dst_reg;
            w_sval_reg  <= c_sval_reg;
            w_adv_reg   <= c_adv_reg;
            w_set_reg   <= c_set_reg;
        end
    end

    // ---------------------------------------------------------------- outputs
    // the frame and header vector of thread sel_thr (a 4:1 multiplexer)
    reg [TH_W-1:0]     o_hv_sel;
    integer tq;
    always @* begin
        o_hv_sel = {TH_W{1'b0}};
        for (tq = 0; tq < 4; tq = tq + 1)
            if (sel_thr == tq[1:0]) o_hv_sel = hv_reg[tq*TH_W +: TH_W];
    end
    assign o_hv = o_hv_sel;

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked through nicrx_parser by formal/run.sh (docs/formal.md): the
    // barrel needs no hazard logic because a thread has at most one instruction in
    // flight.  ld_* / rel_* come from the parser, whose rules are asserted here too.
    `include "nicrx_formal_reset.vh"

    // cycles since each thread last issued (saturating at 7)
    reg [4*3-1:0] f_since;
    integer f_t;
    always @(posedge clk) begin
        for (f_t = 0; f_t < 4; f_t = f_t + 1) begin
            if (rst || (f_issue && ph_reg == f_t[1:0]))
                f_since[3*f_t +: 3] <= 3'd0;
            else if (f_since[3*f_t +: 3] != 3'd7)
                f_since[3*f_t +: 3] <= f_since[3*f_t +: 3] + 3'd1;
        end
    end

    always @(*) if (f_past_valid && !rst) begin
        // a thread never issues twice within four cycles
        if (f_issue && !f_past_rst) assert(f_since[3*ph_reg +: 3] >= 3'd3);
        // stage k holds the instruction of thread ph - k: the four stages hold four
        // different threads, each of them running
        if (a_valid_reg) assert(a_thr_reg == ph_reg - 2'd1 && is_run[a_thr_reg]);
        if (c_valid_reg) assert(c_thr_reg == ph_reg - 2'd2 && is_run[c_thr_reg]);
        if (w_valid_reg) assert(w_thr_reg == ph_reg - 2'd3 && is_run[w_thr_reg]);
        // no stage's instruction belongs to a thread that is not running: a thread
        // that is done or free has nothing in flight
        // the parser loads only free threads and frees only done ones
        if (ld_en)  assert(thr_free[ld_thr]);
        if (rel_en) assert(thr_done[rel_thr]);
        if (ld_en && rel_en) assert(ld_thr != rel_thr);
        // thread states are one of the three
        for (f_t = 0; f_t < 4; f_t = f_t + 1)
            assert(st_reg[2*f_t +: 2] != 2'd3);
    end
    always @(*) if (f_past_valid && !rst) begin
        cover(is_run[0] && is_run[1]);          // two frames in flight at once
        cover(w_valid_reg && w_trunc_reg);
    end
`endif
endmodule

`resetall
