// nicrx_flow_key - the flow database's front end: takes the parser's frames and the host's
// flow commands and hands each on as a flow job to the manager (nicrx_flow) with everything
// that depends on the job alone worked out: the flow key image and its signature, the TCP
// options digest, the expected sequence number, the flags the decision needs
// (docs/architecture.md "nicrx_flow_key"; the decisions are docs/opcodes.md).
// C twin: cmodel/flow_key.c.
//
// One job at a time, taken at edge K0 and handed on at K8, when the next one may be taken
// (8 cycles per job, as the manager).  Internal schedule (ph_reg one-hot: bit k in the
// cycle that ends with K<k>; bit 0 idle):
//   K0     take: the key (the frame's, or the window's for a command) and the fields into
//          job_reg; header-memory read 0 (option bytes 0..7; the address from
//          s_hv_data, so the reads start at once), reads 1..4 at K1..K4 (8 bytes each)
//   K1     the key from job_reg into crc_in_reg, the option mask from the job's hlen into
//          omask_reg (optok at K1..K2); each read lands in lanes_reg one edge
//          after its edge (no block-RAM output feeds logic)
//   K2     level 1 of the key's CRC; option bytes 0..7, rotated out of the lanes and
//          masked to the option length, shift into crc_in_reg (K2..K6: bytes 0..39)
//   K3     the key's signature (level 2)
//   K7     level 1 of the options' CRC
//   K8     the job (with the digest, level 2) into m_fk_data_reg if it is empty or the
//          manager takes it at this edge, else the job waits here (nothing changes)
// The CRC-32C unit is shared: the key uses it at K1..K3, the options at K6..K8.
// Timing: no enable is decoded from a counter, and none fans out from one register.  The
// phase is one-hot; the job's fields load at every edge where the block is free (idle, or
// the job at K8 handed on) whether or not a job is taken there (a job not taken leaves
// nothing behind), so their enable is one LUT of registers and the manager's ready, not
// the take decision; the CRC's input loads the job's key at every edge where it does not
// shift (so it sits by the CRC, not by the block's inputs), and the CRC's level-1 register
// holds through phase 8 (the digest is read from it at the hand-on).
// Every 64 bits of the job, of the CRC's input and of m_fk_data_reg have their own copies
// of the registers their enables and selects are made of.
// A command pulse sets the pending command unless one is pending or running (flow_busy,
// the manager's); a pending command is taken before the next frame.  s_hv_ready is high
// exactly when a frame would be taken at the next edge: no command pending, and no job,
// or the job at K8 with m_fk_data_reg empty.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_flow_key #(
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
    // configuration, command and context window (nicrx_csr)
    input  wire                   cfg_flow_vlan,    // FLOW_CTRL[0]: the VLAN id in the key
    input  wire [1:0]             cfg_flow_cmd,
    input  wire [7:0]             cfg_flow_sel,
    input  wire [31:0]            cfg_ctx_info,
    input  wire [31:0]            cfg_ctx_seq,
    input  wire [31:0]            cfg_ctx_ack,
    input  wire [31:0]            cfg_ctx_opt,
    input  wire [319:0]           cfg_ctx_key,
    input  wire                   flow_busy,        // nicrx_flow: a command pending or running
    // to the manager: one job per frame or command (valid/ready, rtl/nicrx_stream_fk.vh)
    output wire                   m_fk_valid,
    input  wire                   m_fk_ready,
    output wire [FK_W-1:0]        m_fk_data,
    output wire                   idle
);
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer OFF_W  = $clog2(HEADER_BYTES);
    localparam integer ROW_W  = OFF_W - 3;
    localparam integer BEAT_W = $clog2(HEADER_BYTES / (DATA_WIDTH / 8));
    localparam integer HM_AW  = SLOT_W + BEAT_W;
    `include "nicrx_stream_hv.vh"
    `include "nicrx_stream_fk.vh"

    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_FQ_DEPTH
    endgenerate

    localparam integer F_FIN = 0, F_SYN = 1, F_RST = 2, F_URG = 5, F_CWR = 7;   // TCP flag bits
    localparam integer HB_I = HEADER_BYTES;
    localparam [15:0]  HB16 = HB_I[15:0];

    // ---- state ---------------------------------------------------------------------------
    reg              pend_reg;              // a command waits
    reg [1:0]        pend_cmd_reg;
    reg [7:0]        pend_sel_reg;
    reg [8:0]        ph_reg;                // one-hot phase
    reg              ready_reg;
    reg              m_fk_valid_reg;
    reg [FK_W-1:0]   m_fk_data_reg;
    // the job, latched at K0 (job_reg, laid out below)
    reg [39:0]       omask_reg;             // option byte k kept (k < olen); shifts with the chunks
    reg              optok_reg;             // the options are in the header copy (K2)
    reg [15:0]       lim_reg;               // K1: min(len, HEADER_BYTES)
    reg [10:0]       oend_reg;              // K1: l4_off + hlen, where the options end
    reg              hok_reg;               // K1: 20 <= hlen <= 60
    reg [8:0]        ro_reg;                // offset of the next read
    reg [ROW_W-1:0]  ro_row1_reg;           // its row + 1
    // pipeline
    reg [319:0]      crc_in_reg;            // the key (K1), then the option chunks (K2..K6)
    reg [63:0]       lanes_reg;             // the last read's lanes
    reg [31:0]       sig_reg;               // K3

    assign s_hv_ready = ready_reg;
    assign m_fk_valid = m_fk_valid_reg;
    assign m_fk_data  = m_fk_data_reg;
    assign idle       = ph_reg[0] && !pend_reg && !m_fk_valid_reg;

    // ---- the frame's fields ------------------------------------------------------------
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
    wire [15:0]       hv_win       = s_hv_data[HV_WIN +: HV_WIN_W];
    wire [11:0]       hv_flags     = s_hv_data[HV_TCP_FLAGS +: HV_TCP_FLAGS_W];
    wire [9:0]        hv_hlen      = s_hv_data[HV_TCP_HLEN +: HV_TCP_HLEN_W];
    wire [15:0]       hv_pay       = s_hv_data[HV_L4_LEN +: HV_L4_LEN_W];   // the bytes after the TCP header
    wire [7:0]        hv_l3_off    = s_hv_data[HV_L3_OFF +: HV_L3_OFF_W];
    wire [7:0]        hv_l4_off    = s_hv_data[HV_L4_OFF +: HV_L4_OFF_W];
    wire              hv_trunc     = s_hv_data[HV_TRUNC];
    wire              hv_perr      = s_hv_data[HV_PERR];
    wire [31:0]       hv_hash      = s_hv_data[HV_HASH +: HV_HASH_W];

    // the key image (docs/architecture.md "Flow key")
    wire        vlan_key = cfg_flow_vlan && hv_vlan_cnt != 2'd0;
    wire [7:0]  ipver    = (hv_l3 == 2'd1) ? 8'd4 : (hv_l3 == 2'd2) ? 8'd6 : 8'd0;
    wire [319:0] hv_key;
    genvar gk;
    generate
        for (gk = 0; gk < 16; gk = gk + 1) begin : g_key_addr
            assign hv_key[8*gk +: 8]     = hv_src[127-8*gk -: 8];
            assign hv_key[128+8*gk +: 8] = hv_dst[127-8*gk -: 8];
        end
    endgenerate
    assign hv_key[319:256] = {vlan_key ? hv_vlan0[7:0] : 8'd0, vlan_key ? {4'd0, hv_vlan0[11:8]} : 8'd0,
                              ipver, hv_proto, hv_dport[7:0], hv_dport[15:8], hv_sport[7:0], hv_sport[15:8]};

    // the frame-only parts of the decision (docs/opcodes.md "Inputs")
    wire        hv_syn   = hv_flags[F_SYN];
    wire        hv_fin   = hv_flags[F_FIN];
    wire [7:0]  hv_l34   = hv_l4_off - hv_l3_off;   // mod 256
    wire        hv_ipopt = (hv_l3 == 2'd1 && hv_l34 != 8'd20) || (hv_l3 == 2'd2 && hv_l34 != 8'd40);
    wire [8:0]  hv_ooff  = {1'b0, hv_l4_off} + 9'd20;

    // ---- control ------------------------------------------------------------------------
    wire done       = ph_reg[8] && (!m_fk_valid_reg || m_fk_ready);
    wire free       = ph_reg[0] || done;
    wire take_cmd   = free && pend_reg;
    wire take_frame = s_hv_valid && ready_reg;   // ready_reg: free and no command pending
    wire take       = take_cmd || take_frame;
    wire cmd_set    = cfg_flow_cmd != 2'd0 && !flow_busy;
    wire pend_next  = cmd_set || (pend_reg && !take_cmd);
    wire [8:0] ph_next = {ph_reg[7] || (ph_reg[8] && !done), ph_reg[6:1], take, free && !take};
    wire fkv_next   = done || (m_fk_valid_reg && !m_fk_ready);
    wire at_take    = ph_reg[0] || ph_reg[8];
    wire shift      = |ph_reg[6:2];              // option chunks into the CRC's input
    // what the copies below hold: free = fa || (fb && m_fk_ready), done = da || (fb && m_fk_ready)
    wire fa_next    = !rst && (ph_next[0] || (ph_next[8] && !fkv_next));
    wire fb_next    = !rst && ph_next[8] && fkv_next;
    wire da_next    = !rst && ph_next[8] && !fkv_next;
    wire pd_next    = !rst && pend_next;
    wire sh_next    = !rst && |ph_reg[5:1];

    // ---- the job: loaded at every edge where the block is free, from the pending command's
    // window if one is pending (it is taken there), else from the frame offered
    // a command's context comes from the window: exp = SEQ (adv 0), ack, flags, hlen,
    // data_seen, noassist from INFO, the digest from OPT; a command's frame fields (and win:
    // the window has no TCP window) are 0
    localparam integer JOB_W = 599 + SLOT_W;
    wire [JOB_W-1:0] job_frame = {
        hv_key, 2'd0, 8'd0, hv_len, hv_cls, hv_l3, hv_l4, hv_frag, hv_trunc, hv_perr, hv_hash,
        hv_l3_off, hv_l4_off, hv_pay, hv_vlan_cnt != 2'd0, hv_vlan_cnt != 2'd0 ? hv_vlan0 : 12'd0,
        hv_cls[5] && hv_l4 == 2'd1 && !hv_perr && !hv_trunc,
        (hv_syn || hv_pay != 16'd0) && !hv_fin && !hv_flags[F_RST],
        hv_slot, hv_ipopt, hv_ooff[2:0],
        hv_seq, {1'b0, hv_pay} + {16'd0, hv_syn} + {16'd0, hv_fin}, hv_ack, hv_win, hv_flags, hv_hlen,
        hv_pay != 16'd0, 1'b0, cfg_ctx_opt};
    wire [JOB_W-1:0] job_cmd = {
        cfg_ctx_key, pend_cmd_reg, pend_sel_reg, 16'd0, 10'd0, 2'd0, 2'd0, 3'd0, 32'd0,
        8'd0, 8'd0, 16'd0, 1'b0, 12'd0, 1'b0, 1'b0,
        hv_slot, hv_ipopt, hv_ooff[2:0],
        cfg_ctx_seq, 17'd0, cfg_ctx_ack, 16'd0, cfg_ctx_info[15:4], cfg_ctx_info[25:16],
        cfg_ctx_info[2], cfg_ctx_info[3], cfg_ctx_opt};
    reg  [JOB_W-1:0]  job_reg;
    wire [319:0]      key_j;                // key byte k in bits 8k+7:8k
    wire [1:0]        cmd_j, l3_j, l4_j;
    wire [7:0]        sel_j, l3_off_j, l4_off_j;
    wire [15:0]       len_j, pay_j, win_j;
    wire [9:0]        cls_j, hlen_j;
    wire              frag_j, trunc_j, perr_j, vlan_j, presel_j, may_j, ipopt_j, ds_j, na_j;
    wire [11:0]       vid_j, flags_j;
    wire [31:0]       hash_j, seq_j, ack_j, copt_j;
    wire [SLOT_W-1:0] slot_j;
    wire [2:0]        rot_j;
    wire [16:0]       adv_j;                // seg_end - seq: pay + SYN + FIN (0 for a command)
    assign {key_j, cmd_j, sel_j, len_j, cls_j, l3_j, l4_j, frag_j, trunc_j, perr_j, hash_j,
            l3_off_j, l4_off_j, pay_j, vlan_j, vid_j, presel_j, may_j, slot_j, ipopt_j,
            rot_j, seq_j, adv_j, ack_j, win_j, flags_j, hlen_j, ds_j, na_j, copt_j} = job_reg;
    genvar gj;
    generate
        for (gj = 0; gj < JOB_W; gj = gj + 64) begin : g_job
            localparam integer PW = (JOB_W - gj < 64) ? JOB_W - gj : 64;
            (* keep *) reg fa_reg, fb_reg, pd_reg;
            (* keep *) always @(posedge clk) begin
                fa_reg <= fa_next;
                fb_reg <= fb_next;
                pd_reg <= pd_next;
            end
            always @(posedge clk)
                if (fa_reg || (fb_reg && m_fk_ready))
                    job_reg[gj +: PW] <= pd_reg ? job_cmd[gj +: PW] : job_frame[gj +: PW];
`ifdef FORMAL
            always @(*) if (f_past_valid && !f_past_rst) begin
                assert(fa_reg == (ph_reg[0] || (ph_reg[8] && !m_fk_valid_reg)));
                assert(fb_reg == (ph_reg[8] && m_fk_valid_reg));
                assert(pd_reg == pend_reg);
            end
`endif
        end
    endgenerate

    // ---- options: five 8-byte reads of the own header-memory copy, at K0..K4 ----------------
    // (while no job or the job at K8 the offered frame's first read is presented, so it
    // happens at the edge that takes the frame)
    wire [8:0]       ho_off  = at_take ? hv_ooff : ro_reg;
    wire [ROW_W-1:0] ho_row1 = at_take ? hv_ooff[OFF_W-1:3] + 1'b1 : ro_row1_reg;
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
        .rd_slot  (at_take ? hv_slot : slot_j),
        .rd_off   (ho_off[OFF_W-1:0]),
        .rd_row1  (ho_row1),
        .rd_lanes (ho_lanes)
    );
    // byte i of a read is lane (offset + i) mod 8; every read of a job has the same offset mod 8
    reg [63:0] chunk;
    integer bi, ri;
    always @(*) begin
        chunk = 64'd0;
        for (bi = 0; bi < 8; bi = bi + 1)
            for (ri = 0; ri < 8; ri = ri + 1)
                if (rot_j == ri[2:0] && omask_reg[bi])
                    chunk[8*bi +: 8] = lanes_reg[8*((bi + ri) % 8) +: 8];
    end

    // one CRC-32C unit: level 1 of the key at K2, of the options at K7, held through K8
    wire [31:0] crc;
    nicrx_crc32c u_crc (
        .clk  (clk),
        .en   (!ph_reg[8]),
        .data (crc_in_reg),
        .crc  (crc)
    );

    // ---- the CRC's input and the option reads' state ---------------------------------------
    // the option chunks at K2..K6, else the job's key (so at K1 the key taken at K0: the
    // CRC's input is fed from the job register, not from the block's inputs)
    genvar gc;
    generate
        for (gc = 0; gc < 320; gc = gc + 64) begin : g_crc_in
            (* keep *) reg sh_reg;
            (* keep *) always @(posedge clk) sh_reg <= sh_next;
            wire [63:0] shifted;
            if (gc == 256) begin : g_last
                assign shifted = chunk;
            end else begin : g_next
                assign shifted = crc_in_reg[gc + 64 +: 64];
            end
            always @(posedge clk)
                crc_in_reg[gc +: 64] <= sh_reg ? shifted : key_j[gc +: 64];
`ifdef FORMAL
            always @(*) if (f_past_valid && !f_past_rst) assert(sh_reg == shift);
`endif
        end
    endgenerate

    // the options' mask at K1 from the job's hlen (first used at K2), whether they are in
    // the header copy at K1 (its terms) and K2, so no logic sits between the parser's output
    // and the job.  The mask need not know optok: without it the digest is 0.
    wire [9:0]  j_olen  = hlen_j - 10'd20;
    wire [39:0] j_omask;
    genvar gm;
    generate
        for (gm = 0; gm < 40; gm = gm + 1) begin : g_omask
            assign j_omask[gm] = gm < j_olen;
        end
    endgenerate

    always @(posedge clk) begin
        lanes_reg <= ho_lanes;
        if (ph_reg[1]) begin
            lim_reg   <= (len_j < HB16) ? len_j : HB16;
            oend_reg  <= {3'd0, l4_off_j} + {1'b0, hlen_j};
            hok_reg   <= hlen_j >= 10'd20 && hlen_j <= 10'd60;
            omask_reg <= j_omask;
        end else if (shift) begin
            omask_reg <= omask_reg >> 8;
        end
        if (ph_reg[2]) optok_reg <= hok_reg && {5'd0, oend_reg} <= lim_reg;
        if (free) begin
            ro_reg      <= hv_ooff + 9'd8;
            ro_row1_reg <= hv_ooff[OFF_W-1:3] + {{ROW_W-2{1'b0}}, 2'd2};
        end else begin
            ro_reg      <= ro_reg + 9'd8;
            ro_row1_reg <= ro_row1_reg + 1'b1;
        end
        if (ph_reg[3]) sig_reg <= crc;
    end

    // the stream's key: byte 0 the most significant (rtl/nicrx_streams.txt)
    wire [319:0] key_be;
    genvar gb;
    generate
        for (gb = 0; gb < 40; gb = gb + 1) begin : g_key_be
            assign key_be[319-8*gb -: 8] = key_j[8*gb +: 8];
        end
    endgenerate

    // Unused: the frame's start (the flow database does not carry it), the fields of the
    // header vector the decision does not need, the window's reserved INFO bits, the
    // offsets' bits past the slot (such option bytes are masked).
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, s_hv_data[HV_START +: HV_START_W], s_hv_data[HV_VLAN1 +: HV_VLAN1_W],
                       s_hv_data[HV_MF], s_hv_data[HV_FRAG_OFF +: HV_FRAG_OFF_W],
                       s_hv_data[HV_PAY_OFF +: HV_PAY_OFF_W], cfg_ctx_info[31:26], cfg_ctx_info[1:0],
                       ho_off[8:OFF_W], hv_ooff[8:OFF_W]};
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- registered state -----------------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            pend_reg       <= 1'b0;
            pend_cmd_reg   <= 2'd0;
            pend_sel_reg   <= 8'd0;
            ph_reg         <= 9'd1;
            ready_reg      <= 1'b1;
            m_fk_valid_reg <= 1'b0;
        end else begin
            pend_reg <= pend_next;
            if (cmd_set) begin
                pend_cmd_reg <= cfg_flow_cmd;
                pend_sel_reg <= cfg_flow_sel;
            end
            ph_reg         <= ph_next;
            ready_reg      <= !pend_next && (ph_next[0] || (ph_next[8] && !fkv_next));
            m_fk_valid_reg <= fkv_next;
        end
    end

    // the job handed on, into m_fk_data_reg at the edges of done
    reg [FK_W-1:0] fk_d;
    always @(*) begin
        fk_d = {FK_W{1'b0}};
        fk_d[FK_CMD +: FK_CMD_W]             = cmd_j;
        fk_d[FK_SEL +: FK_SEL_W]             = sel_j;
        fk_d[FK_LEN +: FK_LEN_W]             = len_j;
        fk_d[FK_CLS +: FK_CLS_W]             = cls_j;
        fk_d[FK_L3 +: FK_L3_W]               = l3_j;
        fk_d[FK_L4 +: FK_L4_W]               = l4_j;
        fk_d[FK_VLAN]                        = vlan_j;
        fk_d[FK_VID +: FK_VID_W]             = vid_j;
        fk_d[FK_FRAG]                        = frag_j;
        fk_d[FK_L3_OFF +: FK_L3_OFF_W]       = l3_off_j;
        fk_d[FK_L4_OFF +: FK_L4_OFF_W]       = l4_off_j;
        fk_d[FK_HASH +: FK_HASH_W]           = hash_j;
        fk_d[FK_TRUNC]                       = trunc_j;
        fk_d[FK_PERR]                        = perr_j;
        fk_d[FK_PRESEL]                      = presel_j;
        fk_d[FK_MAY]                         = may_j;
        fk_d[FK_PAY +: FK_PAY_W]             = pay_j;
        fk_d[FK_SEQ +: FK_SEQ_W]             = seq_j;
        fk_d[FK_SEQ1 +: FK_SEQ1_W]           = seq_j + 32'd1;
        fk_d[FK_EXP +: FK_EXP_W]             = seq_j + {15'd0, adv_j};
        fk_d[FK_ACK +: FK_ACK_W]             = ack_j;
        fk_d[FK_WIN +: FK_WIN_W]             = win_j;
        fk_d[FK_FLAGS +: FK_FLAGS_W]         = flags_j;
        fk_d[FK_HLEN +: FK_HLEN_W]           = hlen_j;
        fk_d[FK_DIGEST +: FK_DIGEST_W]       = (cmd_j != 2'd0) ? copt_j : optok_reg ? crc : 32'd0;
        fk_d[FK_DATA_SEEN]                   = ds_j;
        fk_d[FK_NOASSIST]                    = na_j;
        fk_d[FK_NOMERGE]                     = cmd_j == 2'd0 &&
                                                 (flags_j[F_URG] || flags_j[F_CWR] || !optok_reg || ipopt_j);
        fk_d[FK_KEY +: FK_KEY_W]             = key_be;
        fk_d[FK_SIG +: FK_SIG_W]             = sig_reg;
    end
    genvar gf;
    generate
        for (gf = 0; gf < FK_W; gf = gf + 64) begin : g_fk
            localparam integer PW = (FK_W - gf < 64) ? FK_W - gf : 64;
            (* keep *) reg da_reg, fb_reg;
            (* keep *) always @(posedge clk) begin
                da_reg <= da_next;
                fb_reg <= fb_next;
            end
            always @(posedge clk)
                if (rst)
                    m_fk_data_reg[gf +: PW] <= {PW{1'b0}};
                else if (da_reg || (fb_reg && m_fk_ready))
                    m_fk_data_reg[gf +: PW] <= fk_d[gf +: PW];
`ifdef FORMAL
            always @(*) if (f_past_valid && !f_past_rst) begin
                assert(da_reg == (ph_reg[8] && !m_fk_valid_reg));
                assert(fb_reg == (ph_reg[8] && m_fk_valid_reg));
            end
`endif
        end
    endgenerate

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md): one job at a time, every job
    // handed on once, never overwritten, the ready/pending rules.  Every input is free.
    `include "nicrx_formal_reset.vh"

    // jobs taken and not yet handed on (at most one), jobs held in m_fk_data_reg (at most one)
    reg f_inflight;
    always @(posedge clk) begin
        if (rst)
            f_inflight <= 1'b0;
        else
            f_inflight <= (f_inflight && !done) || take;
    end

    always @(*) if (f_past_valid && !f_past_rst) begin
        assert(f_inflight == !ph_reg[0]);
        assert($onehot(ph_reg));
        // s_hv_ready: exactly when a frame would be taken at the next edge
        assert(ready_reg == (!pend_reg && (ph_reg[0] || (ph_reg[8] && !m_fk_valid_reg))));
        if (ready_reg) assert(free);
        if (take_cmd) assert(!take_frame);
        if (idle) assert(s_hv_ready);
    end
`endif

endmodule

`resetall
