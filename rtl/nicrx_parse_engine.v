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
// (rel_*).  The header vector of thread sel_thr is always on the o_* outputs.
module nicrx_parse_engine #(
    parameter DATA_WIDTH   = 64,
    parameter HEADER_BYTES = 128,
    parameter FQ_DEPTH     = 32,
    parameter PM_AW        = 11,
    parameter IMEM_DEPTH   = 64,
    parameter IMEM_INIT    = ""
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
    // the frame and header vector of thread sel_thr
    input  wire [1:0]                                        sel_thr,
    output wire [PM_AW-1:0]                                  o_start,
    output wire [15:0]                                       o_len,
    output wire [$clog2(FQ_DEPTH)-1:0]                       o_slot,
    output wire                                              o_trunc,
    output wire [9:0]                                        o_cls,
    output wire [9:0]                                        o_cur,
    output wire [9:0]                                        o_l3,
    output wire [9:0]                                        o_l4,
    output wire [1:0]                                        o_vlan_cnt,
    output wire [11:0]                                       o_vlan0,
    output wire [11:0]                                       o_vlan1,
    output wire [7:0]                                        o_proto,
    output wire                                              o_mf,
    output wire [12:0]                                       o_frag_off,
    output wire [15:0]                                       o_iplen,
    output wire                                              o_iplen_set,
    output wire [127:0]                                      o_src,
    output wire [127:0]                                      o_dst,
    output wire [15:0]                                       o_sport,
    output wire [15:0]                                       o_dport,
    output wire [31:0]                                       o_seq,
    output wire [31:0]                                       o_ack,
    output wire [11:0]                                       o_tcp_flags
);
    localparam integer SLOT_W  = $clog2(FQ_DEPTH);
    localparam integer BEAT_W  = $clog2(HEADER_BYTES * 8 / DATA_WIDTH);
    localparam integer OFF_W   = $clog2(HEADER_BYTES);
    localparam integer IMEM_AW = $clog2(IMEM_DEPTH);
    localparam [8:0]   HB9     = HEADER_BYTES[8:0];

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
        if (DATA_WIDTH != 32 && DATA_WIDTH != 64) begin : g_bad_dw
            nicrx_parse_engine_bad_DATA_WIDTH u_bad ();
        end
        if (HEADER_BYTES != 64 && HEADER_BYTES != 128 && HEADER_BYTES != 256) begin : g_bad_hb
            nicrx_parse_engine_bad_HEADER_BYTES u_bad ();
        end
        if ((1 << SLOT_W) != FQ_DEPTH || FQ_DEPTH < 2) begin : g_bad_fq
            nicrx_parse_engine_bad_FQ_DEPTH u_bad ();
        end
        if ((1 << IMEM_AW) != IMEM_DEPTH || IMEM_DEPTH < 16 || IMEM_DEPTH > 256) begin : g_bad_imem
            nicrx_parse_engine_bad_IMEM_DEPTH u_bad ();
        end
    endgenerate

    // ---------------------------------------------------------------- threads
    reg [4*2-1:0]       st_reg, st_next;
    reg [4*IMEM_AW-1:0] pc_reg, pc_next;
    reg [3:0]           bank_reg, bank_next;
    reg [4*10-1:0]      cur_reg, cur_next;
    reg [4*10-1:0]      l3_reg, l3_next;
    reg [4*10-1:0]      l4_reg, l4_next;
    reg [4*10-1:0]      cls_reg, cls_next;
    reg [4*9-1:0]       steps_reg, steps_next;
    reg [4*9-1:0]       limit_reg, limit_next;
    reg [4*9-1:0]       wlim_reg, wlim_next;       // W = min(len, HEADER_BYTES)
    reg [4*SLOT_W-1:0]  slot_reg, slot_next;
    reg [4*PM_AW-1:0]   start_reg, start_next;
    reg [4*16-1:0]      len_reg, len_next;
    reg [3:0]           trunc_reg, trunc_next;
    reg [4*2-1:0]       vcnt_reg, vcnt_next;
    reg [4*12-1:0]      vlan0_reg, vlan0_next;
    reg [4*12-1:0]      vlan1_reg, vlan1_next;
    reg [4*8-1:0]       proto_reg, proto_next;
    reg [3:0]           mf_reg, mf_next;
    reg [4*13-1:0]      foff_reg, foff_next;
    reg [4*16-1:0]      iplen_reg, iplen_next;
    reg [3:0]           ipset_reg, ipset_next;
    reg [4*128-1:0]     src_reg, src_next;
    reg [4*128-1:0]     dst_reg, dst_next;
    reg [4*16-1:0]      sport_reg, sport_next;
    reg [4*16-1:0]      dport_reg, dport_next;
    reg [4*32-1:0]      seq_reg, seq_next;
    reg [4*32-1:0]      ack_reg, ack_next;
    reg [4*12-1:0]      tflags_reg, tflags_next;
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
                f_cur  = cur_reg[ts*10 +: 10];
                f_l3   = l3_reg[ts*10 +: 10];
                f_l4   = l4_reg[ts*10 +: 10];
                f_wlim = wlim_reg[ts*9 +: 9];
                f_slot = slot_reg[ts*SLOT_W +: SLOT_W];
            end
            if (w_thr_reg == ts[1:0]) begin
                w_cur   = cur_reg[ts*10 +: 10];
                w_steps = steps_reg[ts*9 +: 9];
                w_limit = limit_reg[ts*9 +: 9];
                w_vcnt  = vcnt_reg[2*ts +: 2];
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
        .IMEM_AW    (IMEM_AW),
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
        .FQ_DEPTH     (FQ_DEPTH),
        .SLOT_W       (SLOT_W),
        .BEAT_W       (BEAT_W),
        .OFF_W        (OFF_W)
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
        cur_next    = cur_reg;
        l3_next     = l3_reg;
        l4_next     = l4_reg;
        cls_next    = cls_reg;
        steps_next  = steps_reg;
        limit_next  = limit_reg;
        wlim_next   = wlim_reg;
        slot_next   = slot_reg;
        start_next  = start_reg;
        len_next    = len_reg;
        trunc_next  = trunc_reg;
        vcnt_next   = vcnt_reg;
        vlan0_next  = vlan0_reg;
        vlan1_next  = vlan1_reg;
        proto_next  = proto_reg;
        mf_next     = mf_reg;
        foff_next   = foff_reg;
        iplen_next  = iplen_reg;
        ipset_next  = ipset_reg;
        src_next    = src_reg;
        dst_next    = dst_reg;
        sport_next  = sport_reg;
        dport_next  = dport_reg;
        seq_next    = seq_reg;
        ack_next    = ack_reg;
        tflags_next = tflags_reg;
        for (t = 0; t < 4; t = t + 1) begin
            if (rel_en && rel_thr == t[1:0])
                st_next[2*t +: 2] = ST_FREE;
            if (w_valid_reg && w_thr_reg == t[1:0]) begin
                if (w_trunc_reg) begin
                    st_next[2*t +: 2] = ST_DONE;
                    trunc_next[t]     = 1'b1;
                end else begin
                    if (w_t) begin
                        cur_next[t*10 +: 10] = w_cur_new;
                        if (w_save_reg[0]) l3_next[t*10 +: 10] = w_cur_new;
                        if (w_save_reg[1]) l4_next[t*10 +: 10] = w_cur_new;
                        cls_next[t*10 +: 10] = cls_reg[t*10 +: 10] | w_set_reg;
                    end
                    pc_next[t*IMEM_AW +: IMEM_AW] = w_t ? w_tt_reg : w_tf_reg;
                    steps_next[t*9 +: 9]          = w_steps_new;
                    if (w_end_now) begin
                        st_next[2*t +: 2] = ST_DONE;
                    end else if (w_limit_hit) begin
                        st_next[2*t +: 2] = ST_DONE;
                        cls_next[t*10 + CLS_PERR] = 1'b1;
                    end
                end
            end
            // the store happens whether or not the test is true (data and enables
            // are worked out once, above, for whichever thread is in W)
            if (w_we && w_thr_reg == t[1:0]) begin
                if (st_vlan0)  vlan0_next[t*12 +: 12]     = w_s[11:0];
                if (st_vlan1)  vlan1_next[t*12 +: 12]     = w_s[11:0];
                if (st_vcnt)   vcnt_next[2*t +: 2]        = w_vcnt + 2'd1;
                if (st_proto)  proto_next[t*8 +: 8]       = w_s[7:0];
                if (st_frag) begin
                    mf_next[t]            = w_s[13];
                    foff_next[t*13 +: 13] = w_s[12:0];
                end
                if (st_iplen) begin
                    iplen_next[t*16 +: 16] = w_s[15:0];
                    ipset_next[t]          = 1'b1;
                end
                if (st_src_hi) src_next[t*128 + 64 +: 64] = d_src_hi;
                if (st_src_lo) src_next[t*128 +: 64]      = d_src_lo;
                if (st_dst_hi) dst_next[t*128 + 64 +: 64] = d_dst_hi;
                if (st_dst_lo) dst_next[t*128 +: 64]      = d_dst_lo;
                if (st_ports) begin
                    sport_next[t*16 +: 16] = d_sport;
                    dport_next[t*16 +: 16] = d_dport;
                end
                if (st_seq)    seq_next[t*32 +: 32]       = w_s[31:0];
                if (st_ack)    ack_next[t*32 +: 32]       = d_ack;
                if (st_flags)  tflags_next[t*12 +: 12]    = d_flags;
            end
            // The stored header-vector fields are cleared at the edge after the thread
            // is freed (clr_reg: from a register, so the wide clear does not hang off the
            // dispatch or output decision), which is before or at its next load; the
            // rest of the thread is set at the load.  The clear comes last (no store is
            // in flight for a free thread) and so maps to the flip-flops' reset.
            if (clr_reg[t]) begin
                vcnt_next[2*t +: 2]           = 2'd0;
                vlan0_next[t*12 +: 12]        = 12'd0;
                vlan1_next[t*12 +: 12]        = 12'd0;
                proto_next[t*8 +: 8]          = 8'd0;
                mf_next[t]                    = 1'b0;
                foff_next[t*13 +: 13]         = 13'd0;
                iplen_next[t*16 +: 16]        = 16'd0;
                ipset_next[t]                 = 1'b0;
                src_next[t*128 +: 128]        = 128'd0;
                dst_next[t*128 +: 128]        = 128'd0;
                sport_next[t*16 +: 16]        = 16'd0;
                dport_next[t*16 +: 16]        = 16'd0;
                seq_next[t*32 +: 32]          = 32'd0;
                ack_next[t*32 +: 32]          = 32'd0;
                tflags_next[t*12 +: 12]       = 12'd0;
            end
            if (ld_en && ld_thr == t[1:0]) begin
                st_next[2*t +: 2]             = ST_RUN;
                pc_next[t*IMEM_AW +: IMEM_AW] = {IMEM_AW{1'b0}};
                bank_next[t]                  = ld_bank;
                cur_next[t*10 +: 10]          = 10'd0;
                l3_next[t*10 +: 10]           = 10'd0;
                l4_next[t*10 +: 10]           = 10'd0;
                cls_next[t*10 +: 10]          = 10'd0;
                steps_next[t*9 +: 9]          = 9'd0;
                limit_next[t*9 +: 9]          = ld_limit;
                wlim_next[t*9 +: 9]           = (ld_len > {7'd0, HB9}) ? HB9 : ld_len[8:0];
                slot_next[t*SLOT_W +: SLOT_W] = ld_slot;
                start_next[t*PM_AW +: PM_AW]  = ld_start;
                len_next[t*16 +: 16]          = ld_len;
                trunc_next[t]                 = 1'b0;
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
            cur_reg     <= {(4*10){1'b0}};
            l3_reg      <= {(4*10){1'b0}};
            l4_reg      <= {(4*10){1'b0}};
            cls_reg     <= {(4*10){1'b0}};
            steps_reg   <= {(4*9){1'b0}};
            limit_reg   <= {(4*9){1'b0}};
            wlim_reg    <= {(4*9){1'b0}};
            slot_reg    <= {(4*SLOT_W){1'b0}};
            start_reg   <= {(4*PM_AW){1'b0}};
            len_reg     <= {(4*16){1'b0}};
            trunc_reg   <= 4'd0;
            vcnt_reg    <= {(4*2){1'b0}};
            vlan0_reg   <= {(4*12){1'b0}};
            vlan1_reg   <= {(4*12){1'b0}};
            proto_reg   <= {(4*8){1'b0}};
            mf_reg      <= 4'd0;
            foff_reg    <= {(4*13){1'b0}};
            iplen_reg   <= {(4*16){1'b0}};
            ipset_reg   <= 4'd0;
            src_reg     <= {(4*128){1'b0}};
            dst_reg     <= {(4*128){1'b0}};
            sport_reg   <= {(4*16){1'b0}};
            dport_reg   <= {(4*16){1'b0}};
            seq_reg     <= {(4*32){1'b0}};
            ack_reg     <= {(4*32){1'b0}};
            tflags_reg  <= {(4*12){1'b0}};
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
            cur_reg     <= cur_next;
            l3_reg      <= l3_next;
            l4_reg      <= l4_next;
            cls_reg     <= cls_next;
            steps_reg   <= steps_next;
            limit_reg   <= limit_next;
            wlim_reg    <= wlim_next;
            slot_reg    <= slot_next;
            start_reg   <= start_next;
            len_reg     <= len_next;
            trunc_reg   <= trunc_next;
            vcnt_reg    <= vcnt_next;
            vlan0_reg   <= vlan0_next;
            vlan1_reg   <= vlan1_next;
            proto_reg   <= proto_next;
            mf_reg      <= mf_next;
            foff_reg    <= foff_next;
            iplen_reg   <= iplen_next;
            ipset_reg   <= ipset_next;
            src_reg     <= src_next;
            dst_reg     <= dst_next;
            sport_reg   <= sport_next;
            dport_reg   <= dport_next;
            seq_reg     <= seq_next;
            ack_reg     <= ack_next;
            tflags_reg  <= tflags_next;
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
    // the frame and header vector of thread sel_thr (4:1 multiplexers)
    reg [PM_AW-1:0]    o_start_sel;
    reg [15:0]         o_len_sel;
    reg [SLOT_W-1:0]   o_slot_sel;
    reg                o_trunc_sel;
    reg [9:0]          o_cls_sel;
    reg [9:0]          o_cur_sel;
    reg [9:0]          o_l3_sel;
    reg [9:0]          o_l4_sel;
    reg [1:0]          o_vlan_cnt_sel;
    reg [11:0]         o_vlan0_sel;
    reg [11:0]         o_vlan1_sel;
    reg [7:0]          o_proto_sel;
    reg                o_mf_sel;
    reg [12:0]         o_frag_off_sel;
    reg [15:0]         o_iplen_sel;
    reg                o_iplen_set_sel;
    reg [127:0]        o_src_sel;
    reg [127:0]        o_dst_sel;
    reg [15:0]         o_sport_sel;
    reg [15:0]         o_dport_sel;
    reg [31:0]         o_seq_sel;
    reg [31:0]         o_ack_sel;
    reg [11:0]         o_tcp_flags_sel;
    integer tq;
    always @* begin
        o_start_sel      = {PM_AW{1'b0}};
        o_len_sel        = 16'd0;
        o_slot_sel       = {SLOT_W{1'b0}};
        o_trunc_sel      = 1'b0;
        o_cls_sel        = 10'd0;
        o_cur_sel        = 10'd0;
        o_l3_sel         = 10'd0;
        o_l4_sel         = 10'd0;
        o_vlan_cnt_sel   = 2'd0;
        o_vlan0_sel      = 12'd0;
        o_vlan1_sel      = 12'd0;
        o_proto_sel      = 8'd0;
        o_mf_sel         = 1'b0;
        o_frag_off_sel   = 13'd0;
        o_iplen_sel      = 16'd0;
        o_iplen_set_sel  = 1'b0;
        o_src_sel        = 128'd0;
        o_dst_sel        = 128'd0;
        o_sport_sel      = 16'd0;
        o_dport_sel      = 16'd0;
        o_seq_sel        = 32'd0;
        o_ack_sel        = 32'd0;
        o_tcp_flags_sel  = 12'd0;
        for (tq = 0; tq < 4; tq = tq + 1) begin
            if (sel_thr == tq[1:0]) begin
                o_start_sel      = start_reg[tq*PM_AW +: PM_AW];
                o_len_sel        = len_reg[tq*16 +: 16];
                o_slot_sel       = slot_reg[tq*SLOT_W +: SLOT_W];
                o_trunc_sel      = trunc_reg[tq];
                o_cls_sel        = cls_reg[tq*10 +: 10];
                o_cur_sel        = cur_reg[tq*10 +: 10];
                o_l3_sel         = l3_reg[tq*10 +: 10];
                o_l4_sel         = l4_reg[tq*10 +: 10];
                o_vlan_cnt_sel   = vcnt_reg[tq*2 +: 2];
                o_vlan0_sel      = vlan0_reg[tq*12 +: 12];
                o_vlan1_sel      = vlan1_reg[tq*12 +: 12];
                o_proto_sel      = proto_reg[tq*8 +: 8];
                o_mf_sel         = mf_reg[tq];
                o_frag_off_sel   = foff_reg[tq*13 +: 13];
                o_iplen_sel      = iplen_reg[tq*16 +: 16];
                o_iplen_set_sel  = ipset_reg[tq];
                o_src_sel        = src_reg[tq*128 +: 128];
                o_dst_sel        = dst_reg[tq*128 +: 128];
                o_sport_sel      = sport_reg[tq*16 +: 16];
                o_dport_sel      = dport_reg[tq*16 +: 16];
                o_seq_sel        = seq_reg[tq*32 +: 32];
                o_ack_sel        = ack_reg[tq*32 +: 32];
                o_tcp_flags_sel  = tflags_reg[tq*12 +: 12];
            end
        end
    end
    assign o_start     = o_start_sel;
    assign o_len       = o_len_sel;
    assign o_slot      = o_slot_sel;
    assign o_trunc     = o_trunc_sel;
    assign o_cls       = o_cls_sel;
    assign o_cur       = o_cur_sel;
    assign o_l3        = o_l3_sel;
    assign o_l4        = o_l4_sel;
    assign o_vlan_cnt  = o_vlan_cnt_sel;
    assign o_vlan0     = o_vlan0_sel;
    assign o_vlan1     = o_vlan1_sel;
    assign o_proto     = o_proto_sel;
    assign o_mf        = o_mf_sel;
    assign o_frag_off  = o_frag_off_sel;
    assign o_iplen     = o_iplen_sel;
    assign o_iplen_set = o_iplen_set_sel;
    assign o_src       = o_src_sel;
    assign o_dst       = o_dst_sel;
    assign o_sport     = o_sport_sel;
    assign o_dport     = o_dport_sel;
    assign o_seq       = o_seq_sel;
    assign o_ack       = o_ack_sel;
    assign o_tcp_flags = o_tcp_flags_sel;

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
