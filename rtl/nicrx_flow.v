// nicrx_flow - flow key, signature CAM, key and context memories, recency list and the
// flow database manager between the parser and the DMA (docs/architecture.md
// "nicrx_flow"; the decisions are docs/opcodes.md).  C twin: cmodel/flow.c.
//
// One job at a time (a frame or a host command), taken at edge E0 and completed at E7,
// idle again after E7.  Internal schedule (ph_reg = k in the cycle that ends with E<k>):
//   E0  take: latch the key (frame's or window's), the frame's fields, cfg, now;
//       header-memory read of option bytes 0..7 (E1..E4: bytes 8..39, 8 per edge; each
//       read lands in s_obuf one edge later, so no block-RAM output feeds the CRC)
//   E1  signature (CRC-32C of the key); context read at the tail
//   E2  CAM match vector; tail's generation and aged(tail)
//   E3  key and context reads at the entry (the match encoded, or sel for READ/INVALIDATE)
//   E4  key compare, comparisons against the entry
//   E5  the decision (what is written where, counters); the last option bytes in s_obuf
//   E6  options digest (the same CRC-32C unit)
//   E7  operation code, every write (valid, sig, key/context memories, recency list,
//       counters), the m_fl stream or flow_* / ctx_load outputs
// Nothing but the job writes the database, so reading it during E1..E4 sees the state
// before E0.  Key and context memories have a registered read (block RAM) and no reset:
// used_reg (flip-flops, reset 0) marks entries written since reset, the others read as
// generation 0, as after reset (the rest of an entry keeps its contents, as in the model).
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_flow #(
    parameter FLOWS        = 64,    // flow database entries (nicrx_top)
    parameter HEADER_BYTES = 128,   // bytes per header slot (nicrx_top)
    parameter FQ_DEPTH     = 32,    // header slots (nicrx_top)
    parameter DATA_WIDTH   = 64,    // header-memory write width (nicrx_top)
    parameter PM_AW        = 11     // packet-memory word address bits: the s_hv stream's start
) (
    input  wire                   clk,
    input  wire                   rst,
    // the parser's stream (valid/ready, rtl/nicrx_stream_hv.vh)
    input  wire                   s_hv_valid,
    output wire                   s_hv_ready,
    input  wire [HV_W-1:0]        s_hv_data,
    // header-memory write from ingress (the options are read from this copy)
    input  wire                   hm_wr_en,
    input  wire [HM_AW-1:0]       hm_wr_addr,
    input  wire [DATA_WIDTH-1:0]  pm_wr_data,
    // configuration and context window (nicrx_csr)
    input  wire [1:0]             cfg_flow_ctrl,
    input  wire [15:0]            cfg_flow_thresh,
    input  wire [15:0]            cfg_flow_tick,
    input  wire [31:0]            cfg_flow_age,
    input  wire [1:0]             cfg_flow_cmd,
    input  wire [7:0]             cfg_flow_sel,
    input  wire [31:0]            cfg_ctx_info,
    input  wire [31:0]            cfg_ctx_seq,
    input  wire [31:0]            cfg_ctx_ack,
    input  wire [31:0]            cfg_ctx_opt,
    input  wire [319:0]           cfg_ctx_key,
    // to the transfer engine: one frame and its flow (valid only, rtl/nicrx_stream_fl.vh)
    output wire                   m_fl_valid,
    output wire [FL_W-1:0]        m_fl_data,
    // to the CSR block
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
    localparam integer FW     = $clog2(FLOWS);
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer OFF_W  = $clog2(HEADER_BYTES);
    localparam integer BEAT_W = $clog2(HEADER_BYTES / (DATA_WIDTH / 8));
    localparam integer HM_AW  = SLOT_W + BEAT_W;
    `include "nicrx_stream_hv.vh"
    `include "nicrx_stream_fl.vh"

    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_FLOWS
    endgenerate

    // enum nicrx_opcode, enum nicrx_flow_cmd
    localparam [3:0] OP_NOT_TCP = 4'd0, OP_TCP_OTHER = 4'd1, OP_NO_FLOW = 4'd2, OP_CTRL = 4'd3,
                     OP_FIRST = 4'd4, OP_CONT = 4'd5, OP_OOO = 4'd6, OP_SHORT = 4'd7,
                     OP_NO_MERGE = 4'd8;
    localparam [1:0] CMD_FRAME = 2'd0, CMD_READ = 2'd1, CMD_INSTALL = 2'd2, CMD_INVAL = 2'd3;
    // TCP flag bits
    localparam integer F_FIN = 0, F_SYN = 1, F_RST = 2, F_URG = 5, F_CWR = 7;
    // context memory word: {count, time, noassist, data_seen, flags, hlen, digest, ack, exp, gen}
    localparam integer CTXW = 32 + 32 + 1 + 1 + 12 + 10 + 32 + 32 + 32 + 8;
    localparam [FW-1:0] FW_ZERO = {FW{1'b0}};
    localparam integer HB_I = HEADER_BYTES;
    localparam [15:0] HB16 = HB_I[15:0];

    // ---- state ---------------------------------------------------------------
    reg [15:0]       presc_reg;
    reg [31:0]       now_reg;
    reg [FLOWS-1:0]  valid_reg, used_reg;
    wire [32*FLOWS-1:0] sig_flat;           // per-entry registers (g_entry), flattened
    wire [FW*FLOWS-1:0] next_flat;          // recency list: toward the tail
    wire [FW*FLOWS-1:0] prev_flat;          // toward the head
    reg [FW-1:0]     head_reg, tail_reg;
    reg              pend_reg;              // a command waits for the manager
    reg [1:0]        pend_cmd_reg;
    reg [7:0]        pend_sel_reg;
    reg              act_reg;               // a job runs
    reg [2:0]        ph_reg;
    reg              ready_reg;
    // outputs
    reg              m_fl_valid_reg;
    reg [FL_W-1:0]   m_fl_data_reg;
    reg              flow_busy_reg, flow_fail_reg, ctx_load_reg;
    reg [7:0]        flow_idx_reg, flow_gen_reg;
    reg [31:0]       cnt_created_reg, cnt_removed_reg, cnt_evicted_reg, cnt_aged_reg, cnt_no_flow_reg;

    (* no_rw_check *)
    reg [319:0]      key_mem [0:FLOWS-1];
    (* no_rw_check *)
    reg [CTXW-1:0]   ctx_mem [0:FLOWS-1];
    reg [319:0]      key_q_reg;
    reg [CTXW-1:0]   ctx_q_reg;

    // job, latched at E0
    reg [1:0]        j_cmd_reg;             // CMD_FRAME for a frame
    reg [FW-1:0]     j_sel_reg;
    reg [319:0]      j_key_reg;
    reg [15:0]       j_len_reg;
    reg [9:0]        j_cls_reg;
    reg [1:0]        j_l3_reg, j_l4_reg;
    reg              j_vlan_reg, j_frag_reg, j_trunc_reg, j_perr_reg;
    reg [11:0]       j_vid_reg;
    reg [7:0]        j_l3_off_reg, j_l4_off_reg;
    reg [31:0]       j_hash_reg, j_seq_reg, j_ack_reg;
    reg [11:0]       j_flags_reg;
    reg [9:0]        j_hlen_reg;
    reg [15:0]       j_pay_reg;
    reg              j_presel_reg, j_ipopt_reg, j_optok_reg;
    reg [5:0]        j_olen_reg;
    reg [SLOT_W-1:0] j_slot_reg;
    reg [8:0]        j_ooff_reg;            // offset of the first option byte
    reg              j_evict_reg;
    reg [15:0]       j_thresh_reg;
    reg [31:0]       j_age_reg, j_now_reg;
    reg [31:0]       j_cinfo_reg, j_cseq_reg, j_cack_reg, j_copt_reg;
    // pipeline
    reg [31:0]       key_sig_reg;           // E1
    reg [31:0]       seg_end_reg;           // E1
    reg [319:0]      obuf_reg;              // option bytes 0..39 (E1..E5)
    reg [FLOWS-1:0]  hit_reg;               // E2: the valid entries holding the signature (at most one)
    reg [7:0]        t_gen_reg;             // E2: the tail's generation
    reg              t_valid_reg, t_aged_reg;  // E2
    reg              e_used_reg, e_valid_reg;  // E3
    reg              c_keq_reg, c_aged_reg, c_seq_ne_reg, c_synseq_ne_reg, c_seg_gt_reg, c_ack_ne_reg, c_hlen_ne_reg,
                     c_flags_ne_reg;             // E4
    reg [31:0]       digest_reg;            // E6
    // decision (E5)
    reg              d_flow_reg;            // the frame has a flow / the command succeeded
    reg              d_write_reg;           // context (and valid) written, entry to the head
    reg              d_create_reg;          // new generation, key and signature written
    reg              d_inval_reg;           // valid cleared, entry to the tail
    reg              d_upd_reg;             // frame update of the entry's context
    reg [FW-1:0]     d_x_reg;               // the entry
    reg [7:0]        d_gen_reg;             // its generation after the job
    reg              d_c_created_reg, d_c_removed_reg, d_c_evicted_reg, d_c_aged_reg;

    // ---- outputs ---------------------------------------------------------------
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

    // ---- the frame's fields (the ones the manager uses), its key at E0 ------------
    wire [15:0]       hv_len       = s_hv_data[HV_LEN +: HV_LEN_W];
    wire [SLOT_W-1:0] hv_slot      = s_hv_data[HV_SLOT +: HV_SLOT_W];
    wire [9:0]        hv_cls       = s_hv_data[HV_CLS +: HV_CLS_W];
    wire [1:0]        hv_l3        = s_hv_data[HV_L3 +: HV_L3_W];
    wire [1:0]        hv_l4        = s_hv_data[HV_L4 +: HV_L4_W];
    wire [7:0]        hv_proto     = s_hv_data[HV_PROTO +: HV_PROTO_W];
    wire [1:0]        hv_vlan_cnt  = s_hv_data[HV_VLAN_CNT +: HV_VLAN_CNT_W];
    wire [11:0]       hv_vlan0     = s_hv_data[HV_VLAN0 +: HV_VLAN0_W];
    wire              hv_frag      = s_hv_data[HV_FRAG];
    wire [127:0]      hv_src       = s_hv_data[HV_SRC +: HV_SRC_W];
    wire [127:0]      hv_dst       = s_hv_data[HV_DST +: HV_DST_W];
    wire [15:0]       hv_sport     = s_hv_data[HV_SPORT +: HV_SPORT_W];
    wire [15:0]       hv_dport     = s_hv_data[HV_DPORT +: HV_DPORT_W];
    wire [31:0]       hv_seq       = s_hv_data[HV_SEQ +: HV_SEQ_W];
    wire [31:0]       hv_ack       = s_hv_data[HV_ACK +: HV_ACK_W];
    wire [11:0]       hv_tcp_flags = s_hv_data[HV_TCP_FLAGS +: HV_TCP_FLAGS_W];
    wire [9:0]        hv_tcp_hlen  = s_hv_data[HV_TCP_HLEN +: HV_TCP_HLEN_W];
    wire [15:0]       hv_l4_len    = s_hv_data[HV_L4_LEN +: HV_L4_LEN_W];
    wire [7:0]        hv_l3_off    = s_hv_data[HV_L3_OFF +: HV_L3_OFF_W];
    wire [7:0]        hv_l4_off    = s_hv_data[HV_L4_OFF +: HV_L4_OFF_W];
    wire              hv_trunc     = s_hv_data[HV_TRUNC];
    wire              hv_perr      = s_hv_data[HV_PERR];
    wire [31:0]       hv_hash      = s_hv_data[HV_HASH +: HV_HASH_W];
    wire        vlan_key = cfg_flow_ctrl[0] && (hv_vlan_cnt != 2'd0);
    wire [7:0]  ipver = (hv_l3 == 2'd1) ? 8'd4 : (hv_l3 == 2'd2) ? 8'd6 : 8'd0;
    wire [319:0] hv_key;
    genvar gk;
    generate
        for (gk = 0; gk < 16; gk = gk + 1) begin : g_key_addr
            assign hv_key[8*gk +: 8]      = hv_src[127-8*gk -: 8];
            assign hv_key[128+8*gk +: 8]  = hv_dst[127-8*gk -: 8];
        end
    endgenerate
    assign hv_key[319:256] = {vlan_key ? hv_vlan0[7:0] : 8'd0, vlan_key ? {4'd0, hv_vlan0[11:8]} : 8'd0,
                              ipver, hv_proto, hv_dport[7:0], hv_dport[15:8],
                              hv_sport[7:0], hv_sport[15:8]};
    wire [7:0]  hv_l34   = hv_l4_off - hv_l3_off;   // mod 256, as the model
    wire        hv_ipopt = (hv_l3 == 2'd1 && hv_l34 != 8'd20) || (hv_l3 == 2'd2 && hv_l34 != 8'd40);
    wire [15:0] hv_lim   = (hv_len < HB16) ? hv_len : HB16;
    wire        hv_optok = (hv_tcp_hlen >= 10'd20) && (hv_tcp_hlen <= 10'd60)
                           && ({8'd0, hv_l4_off} + {6'd0, hv_tcp_hlen} <= hv_lim);
    wire [9:0]  hv_olen  = hv_tcp_hlen - 10'd20;
    wire [8:0]  hv_ooff  = {1'b0, hv_l4_off} + 9'd20;

    // ---- manager control -----------------------------------------------------------
    wire take_cmd   = !act_reg && pend_reg;
    wire take_frame = s_hv_valid && ready_reg;
    wire take       = take_cmd || take_frame;
    wire done       = act_reg && (ph_reg == 3'd7);
    wire cmd_set    = (cfg_flow_cmd != 2'd0) && !flow_busy_reg;
    wire pend_next  = cmd_set || (pend_reg && !take_cmd);
    wire act_next   = take || (act_reg && !done);
    assign s_hv_ready = ready_reg;
    assign idle       = !act_reg && !pend_reg && !m_fl_valid_reg && !ctx_load_reg;

    // ---- options: five 8-byte reads of the own header-memory copy, at E0..E4 --------
    wire [8:0]       ho_off  = act_reg ? j_ooff_reg + {3'd0, ph_reg, 3'd0} : hv_ooff;
    wire [OFF_W-1:0] ho_rd   = ho_off[OFF_W-1:0];
    wire [OFF_W-4:0] ho_row1 = ho_rd[OFF_W-1:3] + 1'b1;
    wire [SLOT_W-1:0] ho_slot = act_reg ? j_slot_reg : hv_slot;
    wire [63:0]      ho_lanes;
    nicrx_hdrmem #(
        .DATA_WIDTH   (DATA_WIDTH),
        .HEADER_BYTES (HEADER_BYTES),
        .FQ_DEPTH     (FQ_DEPTH)
    ) u_opt (
        .clk      (clk),
        .wr_en    (hm_wr_en),
        .wr_addr  (hm_wr_addr),
        .wr_data  (pm_wr_data),
        .rd_en    (1'b1),
        .rd_slot  (ho_slot),
        .rd_off   (ho_rd),
        .rd_row1  (ho_row1),
        .rd_lanes (ho_lanes)
    );
    // byte i of a read is lane (offset + i) mod 8; every read of a job has the same offset mod 8
    wire [127:0] ho_dbl   = {ho_lanes, ho_lanes} >> {j_ooff_reg[2:0], 3'd0};
    wire [63:0]  ho_chunk = ho_dbl[63:0];
    wire [319:0] opt_mask;
    genvar gb;
    generate
        for (gb = 0; gb < 40; gb = gb + 1) begin : g_opt_mask
            assign opt_mask[8*gb +: 8] = (gb < j_olen_reg) ? 8'hff : 8'h00;
        end
    endgenerate
    // one CRC-32C, used twice: the key's signature while ph_reg = 1, the options digest while
    // ph_reg = 6 (a second XOR tree would cost as much as the rest of the manager)
    wire [31:0]  crc_out;
    wire [319:0] crc_in = (ph_reg == 3'd1) ? j_key_reg : (obuf_reg & opt_mask);
    nicrx_crc32c u_crc (.data(crc_in), .crc(crc_out));

    // ---- CAM: the compare registers a match vector at E2, its encoding is used from E3 on
    // (one cycle for both was the block's longest path: key_sig_reg fans out to every entry)
    reg  [FLOWS-1:0] cam_hit;
    reg              hit_any;
    reg  [FW-1:0]    hit_idx;
    integer ci;
    always @(*) begin
        hit_idx = FW_ZERO;
        for (ci = 0; ci < FLOWS; ci = ci + 1) begin
            cam_hit[ci] = valid_reg[ci] && sig_flat[32*ci +: 32] == key_sig_reg;
            if (hit_reg[ci]) hit_idx = hit_idx | ci[FW-1:0];   // signatures are unique: at most one
        end
        hit_any = |hit_reg;
    end

    // ---- entry read at E3 (held in key_q_reg/ctx_q_reg until the next job's E1) -------------
    wire [CTXW-1:0] e_word = ctx_q_reg;
    wire [7:0]  e_gen   = e_used_reg ? e_word[7:0] : 8'd0;
    wire [31:0] e_exp   = e_word[39:8];
    wire [31:0] e_ack   = e_word[71:40];
    wire [31:0] e_dig   = e_word[103:72];
    wire [9:0]  e_hlen  = e_word[113:104];
    wire [11:0] e_flags = e_word[125:114];
    wire        e_ds    = e_word[126];
    wire        e_na    = e_word[127];
    wire [31:0] e_time  = e_word[159:128];
    wire [31:0] e_count = e_word[191:160];
    wire [31:0] t_time  = ctx_q_reg[159:128];     // in E2, the tail's word (read at E1)

    wire [7:0]  e_gen_inc = (e_gen == 8'd255) ? 8'd1 : e_gen + 8'd1;
    wire [7:0]  t_gen_inc = (t_gen_reg == 8'd255) ? 8'd1 : t_gen_reg + 8'd1;

    assign ctx_info  = {6'd0, e_hlen, e_flags, e_na, e_ds, c_aged_reg, e_valid_reg};
    assign ctx_seq   = e_exp;
    assign ctx_ack   = e_ack;
    assign ctx_opt   = e_dig;
    assign ctx_time  = e_time;
    assign ctx_count = e_count;
    assign ctx_key   = key_q_reg;

    // ---- the decision (E5) ----------------------------------------------------------
    wire j_syn = j_flags_reg[F_SYN], j_fin = j_flags_reg[F_FIN], j_rst = j_flags_reg[F_RST];
    wire j_may = (j_syn || j_pay_reg != 16'd0) && !j_fin && !j_rst;
    wire hit   = hit_any && c_keq_reg;
    reg  dn_flow, dn_write, dn_create, dn_inval, dn_upd, dn_created, dn_removed, dn_evicted, dn_aged;
    reg  [FW-1:0] dn_x;
    reg  [7:0]    dn_gen;
    always @(*) begin
        dn_flow = 1'b0;  dn_write = 1'b0;  dn_create = 1'b0;  dn_inval = 1'b0;  dn_upd = 1'b0;
        dn_created = 1'b0;  dn_removed = 1'b0;  dn_evicted = 1'b0;  dn_aged = 1'b0;
        dn_x = hit_idx;  dn_gen = 8'd0;
        case (j_cmd_reg)
            CMD_FRAME, CMD_INSTALL: begin
                if (j_cmd_reg == CMD_FRAME && !j_presel_reg) begin
                    // not pre-selected: the database is not touched
                end else if (hit) begin
                    dn_gen = e_gen;
                    if (j_cmd_reg == CMD_INSTALL) begin
                        dn_flow = 1'b1;  dn_write = 1'b1;
                    end else if (c_aged_reg) begin
                        dn_aged = 1'b1;
                        if (j_may) begin
                            dn_flow = 1'b1;  dn_write = 1'b1;  dn_create = 1'b1;  dn_created = 1'b1;
                            dn_gen = e_gen_inc;
                        end else begin
                            dn_inval = 1'b1;
                        end
                    end else if (j_syn && j_may && c_synseq_ne_reg) begin
                        dn_flow = 1'b1;  dn_write = 1'b1;  dn_create = 1'b1;  dn_created = 1'b1;
                        dn_gen = e_gen_inc;
                    end else begin
                        dn_flow = 1'b1;  dn_write = 1'b1;  dn_upd = 1'b1;
                        if (j_fin || j_rst) begin
                            dn_inval = 1'b1;  dn_removed = 1'b1;
                        end
                    end
                end else if (!hit_any && (j_may || j_cmd_reg == CMD_INSTALL)
                             && (!t_valid_reg || t_aged_reg || j_evict_reg)) begin
                    // allocation: the tail (invalid, aged, or evicted)
                    dn_x = tail_reg;  dn_gen = t_gen_inc;
                    dn_flow = 1'b1;  dn_write = 1'b1;  dn_create = 1'b1;
                    dn_created = (j_cmd_reg == CMD_FRAME);
                    dn_aged    = t_valid_reg && t_aged_reg;
                    dn_evicted = t_valid_reg && !t_aged_reg;
                end
            end
            CMD_READ: begin
                dn_x = j_sel_reg;  dn_gen = e_gen;  dn_flow = 1'b1;
            end
            default: begin   // CMD_INVAL
                dn_x = j_sel_reg;  dn_gen = e_gen;  dn_flow = e_valid_reg;  dn_inval = e_valid_reg;
            end
        endcase
    end

    // operation code (E7); the entry's comparisons are against its state before the job
    wire merge_forbidden = j_flags_reg[F_URG] || j_flags_reg[F_CWR] || c_flags_ne_reg || c_ack_ne_reg
                           || c_hlen_ne_reg || (digest_reg != e_dig) || !j_optok_reg || j_ipopt_reg;
    reg [3:0] op_next;
    always @(*) begin
        if (!j_presel_reg)                    op_next = (j_l4_reg == 2'd1) ? OP_TCP_OTHER : OP_NOT_TCP;
        else if (j_pay_reg == 16'd0)          op_next = OP_CTRL;
        else if (!d_flow_reg)                 op_next = OP_NO_FLOW;
        else if (d_create_reg)                op_next = OP_FIRST;
        else if (e_na)                    op_next = OP_TCP_OTHER;
        else if (c_seq_ne_reg)                op_next = OP_OOO;
        else if (!e_ds)                   op_next = OP_FIRST;
        else if (j_pay_reg < j_thresh_reg)        op_next = OP_SHORT;
        else if (merge_forbidden)         op_next = OP_NO_MERGE;
        else                              op_next = OP_CONT;
    end

    // context word written at E7
    wire [31:0] w_exp   = (j_cmd_reg == CMD_INSTALL) ? j_cseq_reg : (d_upd_reg && !c_seg_gt_reg) ? e_exp : seg_end_reg;
    wire [31:0] w_ack   = (j_cmd_reg == CMD_INSTALL) ? j_cack_reg : j_ack_reg;
    wire [31:0] w_dig   = (j_cmd_reg == CMD_INSTALL) ? j_copt_reg : digest_reg;
    wire [9:0]  w_hlen  = (j_cmd_reg == CMD_INSTALL) ? j_cinfo_reg[25:16] : j_hlen_reg;
    wire [11:0] w_flags = (j_cmd_reg == CMD_INSTALL) ? j_cinfo_reg[15:4] : j_flags_reg;
    wire        w_ds    = (j_cmd_reg == CMD_INSTALL) ? j_cinfo_reg[2] : ((d_upd_reg && e_ds) || j_pay_reg != 16'd0);
    wire        w_na    = (j_cmd_reg == CMD_INSTALL) ? j_cinfo_reg[3] : (d_upd_reg && e_na);
    wire [31:0] w_count = (j_cmd_reg == CMD_INSTALL) ? 32'd0 : d_upd_reg ? e_count + 32'd1 : 32'd1;
    wire [CTXW-1:0] w_ctx = {w_count, j_now_reg, w_na, w_ds, w_flags, w_hlen, w_dig, w_ack, w_exp, d_gen_reg};

    // recency list: move d_x_reg to the head (written) or to the tail (invalidated)
    reg  [7:0]    d_x8;                     // d_x_reg as an 8-bit flow number
    always @(*) begin
        d_x8 = 8'd0;
        d_x8[FW-1:0] = d_x_reg;
    end
    wire          mv_head = done && d_write_reg && !d_inval_reg && (d_x_reg != head_reg);
    wire          mv_tail = done && d_inval_reg && (d_x_reg != tail_reg);
    // the entry's links, selected by a loop over constant slices (a variable part-select
    // becomes a shifter with a multiplier in Yosys), registered at E6 (d_x_reg is known from E5;
    // the FLOWS:1 select in front of the list writes was the longest path at FLOWS=256)
    reg  [FW-1:0] x_prev_sel, x_next_sel, x_prev_reg, x_next_reg;
    integer xi;
    always @(*) begin
        x_prev_sel = FW_ZERO;
        x_next_sel = FW_ZERO;
        for (xi = 0; xi < FLOWS; xi = xi + 1)
            if (d_x_reg == xi[FW-1:0]) begin
                x_prev_sel = prev_flat[FW*xi +: FW];
                x_next_sel = next_flat[FW*xi +: FW];
            end
    end
    // the (at most two) next and prev writes of the move
    wire          nw1 = mv_head || (mv_tail && d_x_reg != head_reg);
    wire          pw1 = mv_tail || (mv_head && d_x_reg != tail_reg);
    wire [FW-1:0] na2 = mv_head ? d_x_reg : tail_reg;
    wire [FW-1:0] nv2 = mv_head ? head_reg : d_x_reg;
    wire [FW-1:0] pa2 = mv_head ? head_reg : d_x_reg;
    wire [FW-1:0] pv2 = mv_head ? d_x_reg : tail_reg;
    genvar ge;
    generate
        for (ge = 0; ge < FLOWS; ge = ge + 1) begin : g_entry
            localparam [FW-1:0] I = ge;
            reg [31:0]   sig_reg;
            reg [FW-1:0] next_reg, prev_reg;
            always @(posedge clk) begin
                if (rst) begin
                    sig_reg <= 32'd0;
                    next_reg <= I - 1'b1;   // reset order: FLOWS-1 at the head ... 0 at the tail
                    prev_reg <= I + 1'b1;
                end else begin
                    if (done && d_create_reg && d_x_reg == I) sig_reg <= key_sig_reg;
                    if ((mv_head || mv_tail) && na2 == I) next_reg <= nv2;
                    else if (nw1 && x_prev_reg == I)          next_reg <= x_next_reg;
                    if ((mv_head || mv_tail) && pa2 == I) prev_reg <= pv2;
                    else if (pw1 && x_next_reg == I)          prev_reg <= x_prev_reg;
                end
            end
            assign sig_flat[32*ge +: 32]  = sig_reg;
            assign next_flat[FW*ge +: FW] = next_reg;
            assign prev_flat[FW*ge +: FW] = prev_reg;
        end
    endgenerate

    // ---- memories ---------------------------------------------------------------------
    wire [FW-1:0] rd_idx = (j_cmd_reg == CMD_READ || j_cmd_reg == CMD_INVAL) ? j_sel_reg : hit_idx;
    always @(posedge clk) begin
        if (done && d_write_reg && !rst) ctx_mem[d_x_reg] <= w_ctx;   // rst abandons the job
        if (done && d_create_reg && !rst) key_mem[d_x_reg] <= j_key_reg;
        if (act_reg && ph_reg == 3'd1) ctx_q_reg <= ctx_mem[tail_reg];
        if (act_reg && ph_reg == 3'd3) begin
            ctx_q_reg <= ctx_mem[rd_idx];
            key_q_reg <= key_mem[rd_idx];
        end
    end
    integer mi;
    initial begin
        for (mi = 0; mi < FLOWS; mi = mi + 1) begin
            ctx_mem[mi] = {CTXW{1'b0}};
            key_mem[mi] = 320'd0;
        end
    end

    // ---- job pipeline (no reset needed: every field is loaded before it is used) --------
    always @(posedge clk) begin
        if (take) begin
            j_cmd_reg    <= take_cmd ? pend_cmd_reg : CMD_FRAME;
            j_sel_reg    <= pend_sel_reg[FW-1:0];
            j_key_reg    <= take_cmd ? cfg_ctx_key : hv_key;
            j_len_reg    <= hv_len;      j_cls_reg    <= hv_cls;     j_l3_reg     <= hv_l3;
            j_l4_reg     <= hv_l4;       j_frag_reg   <= hv_frag;    j_trunc_reg  <= hv_trunc;
            j_perr_reg   <= hv_perr;     j_hash_reg   <= hv_hash;    j_l3_off_reg <= hv_l3_off;
            j_l4_off_reg <= hv_l4_off;   j_seq_reg    <= hv_seq;     j_ack_reg    <= hv_ack;
            j_vlan_reg   <= hv_vlan_cnt != 2'd0;
            j_vid_reg    <= (hv_vlan_cnt != 2'd0) ? hv_vlan0 : 12'd0;
            j_flags_reg  <= hv_tcp_flags;
            j_hlen_reg   <= hv_tcp_hlen;
            j_pay_reg    <= hv_l4_len;   // the parser's l4_len counts the bytes after the TCP header
            j_presel_reg <= hv_cls[5] && hv_l4 == 2'd1 && !hv_perr && !hv_trunc;
            j_ipopt_reg  <= hv_ipopt;
            j_optok_reg  <= hv_optok;
            j_olen_reg   <= hv_optok ? hv_olen[5:0] : 6'd0;
            j_slot_reg   <= hv_slot;
            j_ooff_reg   <= hv_ooff;
            j_evict_reg  <= cfg_flow_ctrl[1];
            j_thresh_reg <= cfg_flow_thresh;
            j_age_reg    <= cfg_flow_age;
            j_now_reg    <= now_reg;
            j_cinfo_reg  <= cfg_ctx_info;  j_cseq_reg <= cfg_ctx_seq;
            j_cack_reg   <= cfg_ctx_ack;   j_copt_reg <= cfg_ctx_opt;
        end
        if (act_reg) begin
            case (ph_reg)
                3'd1: begin
                    key_sig_reg    <= crc_out;
                    seg_end_reg <= j_seq_reg + {16'd0, j_pay_reg} + {31'd0, j_flags_reg[F_SYN]} + {31'd0, j_flags_reg[F_FIN]};
                end
                3'd2: begin
                    hit_reg   <= cam_hit;
                    t_valid_reg <= valid_reg[tail_reg];
                    t_gen_reg   <= used_reg[tail_reg] ? ctx_q_reg[7:0] : 8'd0;
                    t_aged_reg  <= (j_age_reg != 32'd0) && (j_now_reg - t_time > j_age_reg);
                end
                3'd3: begin
                    e_used_reg  <= used_reg[rd_idx];
                    e_valid_reg <= valid_reg[rd_idx];
                end
                3'd4: begin
                    c_keq_reg       <= key_q_reg == j_key_reg;
                    c_aged_reg      <= (j_age_reg != 32'd0) && (j_now_reg - e_time > j_age_reg);
                    c_seq_ne_reg    <= j_seq_reg != e_exp;
                    c_synseq_ne_reg <= j_seq_reg + 32'd1 != e_exp;
                    c_seg_gt_reg    <= ((seg_end_reg - e_exp) != 32'd0) && !(seg_end_reg - e_exp >= 32'h80000000);
                    c_ack_ne_reg    <= j_ack_reg != e_ack;
                    c_hlen_ne_reg   <= j_hlen_reg != e_hlen;
                    c_flags_ne_reg  <= ((j_flags_reg ^ e_flags) & 12'h176) != 12'd0;
                end
                3'd5: begin
                    d_flow_reg   <= dn_flow;   d_write_reg <= dn_write;  d_create_reg <= dn_create;
                    d_inval_reg  <= dn_inval;  d_upd_reg   <= dn_upd;    d_x_reg      <= dn_x;
                    d_gen_reg    <= dn_gen;
                    d_c_created_reg <= dn_created;  d_c_removed_reg <= dn_removed;
                    d_c_evicted_reg <= dn_evicted;  d_c_aged_reg    <= dn_aged;
                end
                3'd6: begin
                    digest_reg <= j_optok_reg ? crc_out : 32'd0;
                    x_prev_reg   <= x_prev_sel;
                    x_next_reg   <= x_next_sel;
                end
                default: ;
            endcase
            // option chunk k (read at E<k>) is in the read register while ph_reg = k + 1
            case (ph_reg)
                3'd1: obuf_reg[63:0]    <= ho_chunk;
                3'd2: obuf_reg[127:64]  <= ho_chunk;
                3'd3: obuf_reg[191:128] <= ho_chunk;
                3'd4: obuf_reg[255:192] <= ho_chunk;
                3'd5: obuf_reg[319:256] <= ho_chunk;
                default: ;
            endcase
        end
    end

    // Unused: FW..7 of the entry index (mod FLOWS), the window's reserved INFO bits, the
    // row wrap of option reads past HEADER_BYTES (those bytes are masked), the
    // rotation's upper half, the header-vector fields the flow decision does not need.
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, pend_sel_reg, j_cinfo_reg[31:26], j_cinfo_reg[1:0], hv_olen[9:6], ho_off[8:OFF_W],
                       ho_dbl[127:64], s_hv_data[HV_START +: HV_START_W], s_hv_data[HV_VLAN1 +: HV_VLAN1_W],
                       s_hv_data[HV_MF], s_hv_data[HV_FRAG_OFF +: HV_FRAG_OFF_W],
                       s_hv_data[HV_PAY_OFF +: HV_PAY_OFF_W]};
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- registered state ---------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            presc_reg    <= 16'd0;
            now_reg      <= 32'd0;
            valid_reg    <= {FLOWS{1'b0}};
            used_reg     <= {FLOWS{1'b0}};
            head_reg     <= {FW{1'b1}};
            tail_reg     <= FW_ZERO;
            pend_reg     <= 1'b0;
            pend_cmd_reg <= 2'd0;
            pend_sel_reg <= 8'd0;
            act_reg      <= 1'b0;
            ph_reg       <= 3'd0;
            ready_reg    <= 1'b1;
            m_fl_valid_reg   <= 1'b0;
            m_fl_data_reg    <= {FL_W{1'b0}};
            flow_busy_reg    <= 1'b0;
            flow_fail_reg    <= 1'b0;
            flow_idx_reg     <= 8'd0;
            flow_gen_reg     <= 8'd0;
            ctx_load_reg     <= 1'b0;
            cnt_created_reg  <= 32'd0;
            cnt_removed_reg  <= 32'd0;
            cnt_evicted_reg  <= 32'd0;
            cnt_aged_reg     <= 32'd0;
            cnt_no_flow_reg  <= 32'd0;
        end else begin
            // time
            if (presc_reg >= cfg_flow_tick) begin   // >=: a smaller FLOW_TICK takes effect at once
                presc_reg <= 16'd0;
                now_reg   <= now_reg + 32'd1;
            end else begin
                presc_reg <= presc_reg + 16'd1;
            end
            // manager
            pend_reg  <= pend_next;
            if (cmd_set) begin
                pend_cmd_reg <= cfg_flow_cmd;
                pend_sel_reg <= cfg_flow_sel;
            end
            act_reg   <= act_next;
            ph_reg    <= take ? 3'd1 : (act_reg && !done) ? ph_reg + 3'd1 : 3'd0;
            ready_reg <= !act_next && !pend_next;
            if (cmd_set) flow_busy_reg <= 1'b1;
            m_fl_valid_reg <= done && j_cmd_reg == CMD_FRAME;
            ctx_load_reg  <= done && j_cmd_reg == CMD_READ;
            if (done) begin
                if (j_cmd_reg == CMD_FRAME) begin
                    m_fl_data_reg[FL_LEN +: FL_LEN_W]       <= j_len_reg;
                    m_fl_data_reg[FL_CLS +: FL_CLS_W]       <= j_cls_reg;
                    m_fl_data_reg[FL_L3 +: FL_L3_W]         <= j_l3_reg;
                    m_fl_data_reg[FL_L4 +: FL_L4_W]         <= j_l4_reg;
                    m_fl_data_reg[FL_VLAN]                  <= j_vlan_reg;
                    m_fl_data_reg[FL_VID +: FL_VID_W]       <= j_vid_reg;
                    m_fl_data_reg[FL_FRAG]                  <= j_frag_reg;
                    m_fl_data_reg[FL_L3_OFF +: FL_L3_OFF_W] <= j_l3_off_reg;
                    m_fl_data_reg[FL_L4_OFF +: FL_L4_OFF_W] <= j_l4_off_reg;
                    m_fl_data_reg[FL_HASH +: FL_HASH_W]     <= j_hash_reg;
                    m_fl_data_reg[FL_TRUNC]                 <= j_trunc_reg;
                    m_fl_data_reg[FL_PERR]                  <= j_perr_reg;
                    m_fl_data_reg[FL_FLOW +: FL_FLOW_W]     <= d_flow_reg ? {d_gen_reg, d_x8} : 16'd0;
                    m_fl_data_reg[FL_OPCODE +: FL_OPCODE_W] <= op_next;
                    if (op_next == OP_NO_FLOW) cnt_no_flow_reg <= cnt_no_flow_reg + 32'd1;
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
                if (d_write_reg) begin
                    valid_reg[d_x_reg] <= !d_inval_reg;
                    used_reg[d_x_reg]  <= 1'b1;
                end else if (d_inval_reg) begin
                    valid_reg[d_x_reg] <= 1'b0;
                end
            end
            // recency list ends (the entries' links are in g_entry)
            if (mv_head) begin
                if (d_x_reg == tail_reg) tail_reg <= x_prev_reg;
                head_reg <= d_x_reg;
            end
            if (mv_tail) begin
                if (d_x_reg == head_reg) head_reg <= x_next_reg;
                tail_reg <= d_x_reg;
            end
        end
    end

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md): the manager's bookkeeping, the
    // CAM's unique signatures and the recency list's shape.  Every input is free (the
    // parser may offer anything, the CSR pulse commands at any time).  Nothing here is
    // synthesized or simulated.
    `include "nicrx_formal_reset.vh"

    // frames taken and not yet handed on: exactly one output per frame job
    reg [1:0] f_frames;
    always @(posedge clk) begin
        if (rst)
            f_frames <= 2'd0;
        else
            f_frames <= f_frames + {1'b0, take_frame} - {1'b0, done && j_cmd_reg == CMD_FRAME};
    end

    // the recency list, walked from the head: FLOWS distinct entries ending at the tail,
    // each one's prev the one before
    reg [FW*FLOWS-1:0] f_walk;
    reg                f_list_ok;
    integer fa, fb;
    always @(*) begin
        f_walk = {FW*FLOWS{1'b0}};
        f_walk[FW-1:0] = head_reg;
        for (fa = 1; fa < FLOWS; fa = fa + 1)
            f_walk[FW*fa +: FW] = next_flat[FW*f_walk[FW*(fa-1) +: FW] +: FW];
        f_list_ok = (f_walk[FW*(FLOWS-1) +: FW] == tail_reg);
        for (fa = 1; fa < FLOWS; fa = fa + 1)
            if (prev_flat[FW*f_walk[FW*fa +: FW] +: FW] != f_walk[FW*(fa-1) +: FW]) f_list_ok = 1'b0;
        for (fa = 0; fa < FLOWS; fa = fa + 1)
            for (fb = fa + 1; fb < FLOWS; fb = fb + 1)
                if (f_walk[FW*fa +: FW] == f_walk[FW*fb +: FW]) f_list_ok = 1'b0;
    end

    // signatures are unique among valid entries; a valid entry was written since reset
    reg f_cam_ok;
    integer fc, fd;
    always @(*) begin
        f_cam_ok = 1'b1;
        for (fc = 0; fc < FLOWS; fc = fc + 1) begin
            if (valid_reg[fc] && !used_reg[fc]) f_cam_ok = 1'b0;
            for (fd = fc + 1; fd < FLOWS; fd = fd + 1)
                if (valid_reg[fc] && valid_reg[fd] && sig_flat[32*fc +: 32] == sig_flat[32*fd +: 32])
                    f_cam_ok = 1'b0;
        end
    end

    always @(*) if (f_past_valid && !f_past_rst) begin
        // s_hv_ready: exactly when the manager is idle and no command waits
        assert(s_hv_ready == (!act_reg && !pend_reg));
        assert(act_reg == (ph_reg != 3'd0));
        // one job: a frame job is the only frame in flight, and it is handed on once
        assert(f_frames == {1'b0, act_reg && j_cmd_reg == CMD_FRAME});
        assert(!(m_fl_valid_reg && ctx_load_reg));
        // busy from the pulse until the command's result
        assert(flow_busy_reg == (pend_reg || (act_reg && j_cmd_reg != CMD_FRAME)));
        if (idle) assert(s_hv_ready);
        assert(f_list_ok);
        assert(f_cam_ok);
    end
`endif

endmodule

`resetall
