// nicrx_parser - microcoded header parser (docs/architecture.md, "nicrx_parser";
// the instruction set and the header vector: docs/microcode.md).  Twin:
// cmodel/parser.c.
//
// Committed frames wait in a queue (q_*, FQ_DEPTH entries of start, len, slot).
// Frame s (counted from reset in commit order) runs on engine s mod NE, thread
// (s / NE) mod 4 (rtl/nicrx_parse_engine.v): at an edge where the queue held a frame
// before the edge, no swap is pending and that thread is free, the thread is loaded
// and the frame leaves the queue (d_reg counts dispatched frames).  Frames leave in
// commit order (o_reg counts them) on a valid/ready stream to the flow block: at an
// edge where no frame is held or the held one is taken (hv_valid && hv_ready) and the
// thread of frame o_reg is done, hv_* load its header vector (with l3/l4, offsets,
// lengths and the hash worked out here), hv_valid is high until the edge that takes
// it, and the thread is freed.  cnt_perr / cnt_trunc count at the taking edge.
//   Swap: cfg_swap sets swap_pending; the active bank flips at an edge where it is
//   pending and no thread of any engine runs (so no frame sees two banks).  Program
//   writes (cfg_imem_we) go to the bank that is not active, in every engine's copy.
//   Ingress writes each frame's first HEADER_BYTES into every engine's header memory
//   (slot cm_slot); a slot is reused only after its frame has left the DMA's queue.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_parser #(
    parameter DATA_WIDTH    = 64,   // header-memory write width (nicrx_top)
    parameter HEADER_BYTES  = 128,  // bytes per header slot (nicrx_top)
    parameter FQ_DEPTH      = 32,   // queue entries, header slots (nicrx_top)
    parameter PM_AW         = 11,   // packet-memory word address bits (nicrx_top's PM_AW)
    parameter PARSE_ENGINES = 2,    // engines, four threads each (nicrx_top)
    parameter IMEM_DEPTH    = 64,   // instructions per bank (nicrx_top)
    parameter IMEM_INIT     = ""    // reset program, both banks (nicrx_top)
) (
    input  wire                        clk,
    input  wire                        rst,
    // from ingress
    input  wire                        hm_wr_en,
    input  wire [$clog2(FQ_DEPTH)+$clog2(HEADER_BYTES*8/DATA_WIDTH)-1:0] hm_wr_addr,
    input  wire [DATA_WIDTH-1:0]       pm_wr_data,
    input  wire                        cm_valid,
    input  wire [PM_AW-1:0]            cm_start,
    input  wire [15:0]                 cm_len,
    input  wire [$clog2(FQ_DEPTH)-1:0] cm_slot,
    // from the CSR block
    input  wire [7:0]                  cfg_step_limit,   // 0 means 256
    input  wire                        cfg_swap,
    input  wire                        cfg_imem_we,
    /* verilator lint_off UNUSEDSIGNAL */ // the index wraps at IMEM_DEPTH
    input  wire [7:0]                  cfg_imem_addr,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [127:0]                cfg_imem_data,
    // header vector: a valid/ready stream to the flow block
    input  wire                        hv_ready,
    output wire                        hv_valid,
    output wire [PM_AW-1:0]            hv_start,
    output wire [15:0]                 hv_len,
    output wire [$clog2(FQ_DEPTH)-1:0] hv_slot,
    output wire [9:0]                  hv_cls,
    output wire [1:0]                  hv_l3,
    output wire [1:0]                  hv_l4,
    output wire [7:0]                  hv_proto,
    output wire [1:0]                  hv_vlan_cnt,
    output wire [11:0]                 hv_vlan0,
    output wire [11:0]                 hv_vlan1,
    output wire                        hv_frag,
    output wire                        hv_mf,
    output wire [12:0]                 hv_frag_off,
    output wire [127:0]                hv_src,
    output wire [127:0]                hv_dst,
    output wire [15:0]                 hv_sport,
    output wire [15:0]                 hv_dport,
    output wire [31:0]                 hv_seq,
    output wire [31:0]                 hv_ack,
    output wire [11:0]                 hv_tcp_flags,
    output wire [9:0]                  hv_tcp_hlen,
    output wire [15:0]                 hv_l4_len,
    output wire [7:0]                  hv_l3_off,
    output wire [7:0]                  hv_l4_off,
    output wire [9:0]                  hv_pay_off,
    output wire                        hv_trunc,
    output wire                        hv_perr,
    output wire [31:0]                 hv_hash,
    // status
    output wire                        bank,
    output wire                        swap_pending,
    output wire [31:0]                 cnt_perr,
    output wire [31:0]                 cnt_trunc,
    output wire                        idle
);
    localparam integer NE      = PARSE_ENGINES;
    localparam integer NE_W    = (NE == 2) ? 1 : 0;     // engine bits of a frame number
    localparam integer FN_W    = NE_W + 3;              // frame numbers: in flight <= 4 NE
    localparam integer SLOT_W  = $clog2(FQ_DEPTH);
    localparam integer IMEM_AW = $clog2(IMEM_DEPTH);
    localparam integer QW      = PM_AW + 16 + SLOT_W;   // queue entry {start, len, slot}
    localparam integer CLS_IPV4 = 0, CLS_IPV6 = 1, CLS_TCP = 2, CLS_UDP = 3, CLS_L4OTHER = 4,
                       CLS_PERR = 9;
    `include "nicrx_hv.vh"

    generate
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_PARSE_ENGINES
        `NICRX_CHECK_IMEM_DEPTH
    endgenerate

    // ---------------------------------------------------------------- registers
    reg [SLOT_W:0]     q_wr_reg, q_wr_next;       // queue pointers, wrap bit on top
    reg [SLOT_W:0]     q_rd_reg, q_rd_next;
    reg [FN_W-1:0]     d_reg, d_next;             // frames dispatched (mod 2^FN_W)
    reg [FN_W-1:0]     o_reg, o_next;             // frames output
    reg                bank_reg, bank_next;       // active instruction bank
    reg                swap_reg, swap_next;       // swap pending
    reg                hv_valid_reg, hv_valid_next;
    reg [PM_AW-1:0]    hv_start_reg, hv_start_next;
    reg [15:0]         hv_len_reg, hv_len_next;
    reg [SLOT_W-1:0]   hv_slot_reg, hv_slot_next;
    reg [9:0]          hv_cls_reg, hv_cls_next;
    reg [1:0]          hv_l3_reg, hv_l3_next;
    reg [1:0]          hv_l4_reg, hv_l4_next;
    reg [7:0]          hv_proto_reg, hv_proto_next;
    reg [1:0]          hv_vlan_cnt_reg, hv_vlan_cnt_next;
    reg [11:0]         hv_vlan0_reg, hv_vlan0_next;
    reg [11:0]         hv_vlan1_reg, hv_vlan1_next;
    reg                hv_frag_reg, hv_frag_next;
    reg                hv_mf_reg, hv_mf_next;
    reg [12:0]         hv_frag_off_reg, hv_frag_off_next;
    reg [127:0]        hv_src_reg, hv_src_next;
    reg [127:0]        hv_dst_reg, hv_dst_next;
    reg [15:0]         hv_sport_reg, hv_sport_next;
    reg [15:0]         hv_dport_reg, hv_dport_next;
    reg [31:0]         hv_seq_reg, hv_seq_next;
    reg [31:0]         hv_ack_reg, hv_ack_next;
    reg [11:0]         hv_tcp_flags_reg, hv_tcp_flags_next;
    reg [9:0]          hv_tcp_hlen_reg, hv_tcp_hlen_next;
    reg [15:0]         hv_l4_len_reg, hv_l4_len_next;
    reg [7:0]          hv_l3_off_reg, hv_l3_off_next;
    reg [7:0]          hv_l4_off_reg, hv_l4_off_next;
    reg [9:0]          hv_pay_off_reg, hv_pay_off_next;
    reg                hv_trunc_reg, hv_trunc_next;
    reg [31:0]         hv_hash_reg, hv_hash_next;
    reg [31:0]         cnt_perr_reg, cnt_perr_next;
    reg [31:0]         cnt_trunc_reg, cnt_trunc_next;
    reg                idle_reg, idle_next;

    // the queue's entries: small, read asynchronously at the head (LUT RAM or flops)
    reg [QW-1:0]       q_mem [0:FQ_DEPTH-1];
    always @(posedge clk) begin
        if (cm_valid) q_mem[q_wr_reg[SLOT_W-1:0]] <= {cm_start, cm_len, cm_slot};
    end
    wire [QW-1:0]      q_head = q_mem[q_rd_reg[SLOT_W-1:0]];
    wire [SLOT_W-1:0]  q_slot  = q_head[SLOT_W-1:0];
    wire [15:0]        q_len   = q_head[SLOT_W +: 16];
    wire [PM_AW-1:0]   q_start = q_head[SLOT_W+16 +: PM_AW];

    // engine and thread of the next frame to dispatch and of the next to leave
    wire [1:0]         d_thr = d_reg[NE_W +: 2];
    wire [1:0]         o_thr = o_reg[NE_W +: 2];
    wire               d_eng, o_eng;
    wire               d_free, o_done;     // that thread is free / done
    wire [4*NE-1:0]    e_free, e_run, e_done;
    generate
        if (NE == 2) begin : g_sel2
            assign d_eng  = d_reg[0];
            assign o_eng  = o_reg[0];
            assign d_free = e_free[{d_eng, d_thr}];
            assign o_done = e_done[{o_eng, o_thr}];
        end else begin : g_sel1
            assign d_eng  = 1'b0;
            assign o_eng  = 1'b0;
            assign d_free = e_free[d_thr];
            assign o_done = e_done[o_thr];
        end
    endgenerate

    // ---------------------------------------------------------------- engines
    wire [8:0]          ld_limit = (cfg_step_limit == 8'd0) ? 9'd256 : {1'b0, cfg_step_limit};
    wire [NE*HV_W-1:0]  e_hv;                  // each engine's thread o_thr
    reg                 dispatch, release_hv;
    wire                hv_take = hv_valid_reg && hv_ready;   // the flow block takes the frame

    genvar g;
    generate
        for (g = 0; g < NE; g = g + 1) begin : g_eng
            nicrx_parse_engine #(
                .DATA_WIDTH   (DATA_WIDTH),
                .HEADER_BYTES (HEADER_BYTES),
                .FQ_DEPTH     (FQ_DEPTH),
                .PM_AW        (PM_AW),
                .IMEM_DEPTH   (IMEM_DEPTH),
                .IMEM_INIT    (IMEM_INIT)
            ) u_engine (
                .clk         (clk),
                .rst         (rst),
                .hm_wr_en    (hm_wr_en),
                .hm_wr_addr  (hm_wr_addr),
                .hm_wr_data  (pm_wr_data),
                .im_wr_en    (cfg_imem_we),
                .im_wr_bank  (!bank_reg),
                .im_wr_addr  (cfg_imem_addr[IMEM_AW-1:0]),
                .im_wr_data  (cfg_imem_data),
                .ld_en       (dispatch && d_eng == g[0]),
                .ld_thr      (d_thr),
                .ld_slot     (q_slot),
                .ld_start    (q_start),
                .ld_len      (q_len),
                .ld_bank     (bank_reg),
                .ld_limit    (ld_limit),
                .rel_en      (release_hv && o_eng == g[0]),
                .rel_thr     (o_thr),
                .thr_free    (e_free[4*g +: 4]),
                .thr_run     (e_run[4*g +: 4]),
                .thr_done    (e_done[4*g +: 4]),
                .sel_thr     (o_thr),
                .o_hv        (e_hv[g*HV_W +: HV_W])
            );
        end
    endgenerate

    // ---------------------------------------------------------------- next state
    // the leaving frame's header vector (engine o_eng, thread o_thr), packed as
    // rtl/nicrx_hv.vh lays it out; unpacked into the hv_* registers below
    reg [HV_W-1:0] x_hv;
    reg [9:0]  x_cls, x_cur, x_l3, x_l4;
    reg        x_l45;                 // TCP or UDP
    reg [17:0] x_l4_end;              // where the L4 payload ends
    /* verilator lint_off UNUSEDSIGNAL */ // bit 16: lengths past 65535 are cut (uint16)
    reg [17:0] x_l4_len;              // its length, signed
    /* verilator lint_on UNUSEDSIGNAL */
    reg [31:0] x_hash;
    reg        q_empty_next;
    integer    i;

    always @* begin
        q_wr_next     = q_wr_reg;
        q_rd_next     = q_rd_reg;
        d_next        = d_reg;
        o_next        = o_reg;
        bank_next     = bank_reg;
        swap_next     = swap_reg | cfg_swap;
        hv_valid_next = hv_valid_reg && !hv_take;
        hv_start_next = hv_start_reg;
        hv_len_next   = hv_len_reg;
        hv_slot_next  = hv_slot_reg;
        hv_cls_next   = hv_cls_reg;
        hv_l3_next    = hv_l3_reg;
        hv_l4_next    = hv_l4_reg;
        hv_proto_next = hv_proto_reg;
        hv_vlan_cnt_next  = hv_vlan_cnt_reg;
        hv_vlan0_next     = hv_vlan0_reg;
        hv_vlan1_next     = hv_vlan1_reg;
        hv_frag_next      = hv_frag_reg;
        hv_mf_next        = hv_mf_reg;
        hv_frag_off_next  = hv_frag_off_reg;
        hv_src_next       = hv_src_reg;
        hv_dst_next       = hv_dst_reg;
        hv_sport_next     = hv_sport_reg;
        hv_dport_next     = hv_dport_reg;
        hv_seq_next       = hv_seq_reg;
        hv_ack_next       = hv_ack_reg;
        hv_tcp_flags_next = hv_tcp_flags_reg;
        hv_tcp_hlen_next  = hv_tcp_hlen_reg;
        hv_l4_len_next    = hv_l4_len_reg;
        hv_l3_off_next    = hv_l3_off_reg;
        hv_l4_off_next    = hv_l4_off_reg;
        hv_pay_off_next   = hv_pay_off_reg;
        hv_trunc_next     = hv_trunc_reg;
        hv_hash_next      = hv_hash_reg;

        // commit -> queue
        if (cm_valid) q_wr_next = q_wr_reg + {{SLOT_W{1'b0}}, 1'b1};
        // dispatch: the queue held a frame before this edge, no swap pending, thread free
        dispatch = (q_wr_reg != q_rd_reg) && !swap_reg && d_free;
        if (dispatch) begin
            q_rd_next = q_rd_reg + {{SLOT_W{1'b0}}, 1'b1};
            d_next    = d_reg + {{(FN_W-1){1'b0}}, 1'b1};
        end
        // swap: pending and no thread of any engine running; a cfg_swap at that edge
        // is the same request (PARSER_SWAP reads 0 after it)
        if (swap_reg && e_run == {(4*NE){1'b0}}) begin
            bank_next = !bank_reg;
            swap_next = 1'b0;
        end

        // output
        // the leaving frame's engine (a loop over constant slices: a 2:1 multiplexer)
        x_hv = {HV_W{1'b0}};
        for (i = 0; i < NE; i = i + 1)
            if (o_eng == i[0]) x_hv = e_hv[i*HV_W +: HV_W];
        x_cls   = x_hv[HV_CLS +: HV_CLS_W];
        x_cur   = x_hv[HV_CUR +: HV_CUR_W];
        x_l3    = x_hv[HV_L3 +: HV_L3_W];
        x_l4    = x_hv[HV_L4 +: HV_L4_W];
        x_l45   = x_cls[CLS_TCP] || x_cls[CLS_UDP];
        x_l4_end = x_hv[HV_IPSET] ? {8'd0, x_l3} + {2'd0, x_hv[HV_IPLEN +: HV_IPLEN_W]}
                                  : {2'd0, x_hv[HV_LEN +: HV_LEN_W]};
        x_l4_len = x_l4_end - {8'd0, x_cur};
        x_hash  = 32'd0;
        for (i = 0; i < 4; i = i + 1)
            x_hash = x_hash ^ x_hv[HV_SRC + 32*i +: 32] ^ x_hv[HV_DST + 32*i +: 32];
        if (x_l45) x_hash = x_hash ^ {x_hv[HV_SPORT +: HV_SPORT_W], x_hv[HV_DPORT +: HV_DPORT_W]};
        // the held frame is taken at this edge, or none is held: the next may load
        release_hv = o_done && (!hv_valid_reg || hv_ready);
        if (release_hv) begin
            o_next            = o_reg + {{(FN_W-1){1'b0}}, 1'b1};
            hv_valid_next     = 1'b1;
            hv_start_next     = x_hv[HV_START +: HV_START_W];
            hv_len_next       = x_hv[HV_LEN +: HV_LEN_W];
            hv_slot_next      = x_hv[HV_SLOT +: HV_SLOT_W];
            hv_cls_next       = x_cls;
            hv_l3_next        = x_cls[CLS_IPV4] ? 2'd1 : x_cls[CLS_IPV6] ? 2'd2 : 2'd0;
            hv_l4_next        = x_cls[CLS_TCP] ? 2'd1 : x_cls[CLS_UDP] ? 2'd2 :
                                x_cls[CLS_L4OTHER] ? 2'd3 : 2'd0;
            hv_proto_next     = x_hv[HV_PROTO +: HV_PROTO_W];
            hv_vlan_cnt_next  = x_hv[HV_VCNT +: HV_VCNT_W];
            hv_vlan0_next     = x_hv[HV_VLAN0 +: HV_VLAN0_W];
            hv_vlan1_next     = x_hv[HV_VLAN1 +: HV_VLAN1_W];
            hv_mf_next        = x_hv[HV_MF];
            hv_frag_off_next  = x_hv[HV_FOFF +: HV_FOFF_W];
            hv_frag_next      = x_hv[HV_MF] || x_hv[HV_FOFF +: HV_FOFF_W] != 13'd0;
            hv_src_next       = x_hv[HV_SRC +: HV_SRC_W];
            hv_dst_next       = x_hv[HV_DST +: HV_DST_W];
            hv_sport_next     = x_hv[HV_SPORT +: HV_SPORT_W];
            hv_dport_next     = x_hv[HV_DPORT +: HV_DPORT_W];
            hv_seq_next       = x_hv[HV_SEQ +: HV_SEQ_W];
            hv_ack_next       = x_hv[HV_ACK +: HV_ACK_W];
            hv_tcp_flags_next = x_hv[HV_TFLAGS +: HV_TFLAGS_W];
            hv_tcp_hlen_next  = x_cls[CLS_TCP] ? x_cur - x_l4 : 10'd0;
            hv_l4_len_next    = (x_l45 && !x_l4_len[17]) ? x_l4_len[15:0] : 16'd0;
            hv_l3_off_next    = (x_l3[9:8] != 2'd0) ? 8'd255 : x_l3[7:0];
            hv_l4_off_next    = (x_l4[9:8] != 2'd0) ? 8'd255 : x_l4[7:0];
            hv_pay_off_next   = x_cur;
            hv_trunc_next     = x_hv[HV_TRUNC];
            hv_hash_next      = x_hash;
        end

        cnt_perr_next  = cnt_perr_reg + {31'd0, hv_take && hv_cls_reg[CLS_PERR]};
        cnt_trunc_next = cnt_trunc_reg + {31'd0, hv_take && hv_trunc_reg};

        // idle after the edge: queue empty, every thread free (all dispatched frames
        // have left), no hv_valid (so no counter update pending)
        q_empty_next = q_wr_next == q_rd_next;
        idle_next    = q_empty_next && d_next == o_next && !hv_valid_next;
    end

    always @(posedge clk) begin
        if (rst) begin
            q_wr_reg          <= {(SLOT_W+1){1'b0}};
            q_rd_reg          <= {(SLOT_W+1){1'b0}};
            d_reg             <= {FN_W{1'b0}};
            o_reg             <= {FN_W{1'b0}};
            bank_reg          <= 1'b0;
            swap_reg          <= 1'b0;
            hv_valid_reg      <= 1'b0;
            hv_start_reg      <= {PM_AW{1'b0}};
            hv_len_reg        <= 16'd0;
            hv_slot_reg       <= {SLOT_W{1'b0}};
            hv_cls_reg        <= 10'd0;
            hv_l3_reg         <= 2'd0;
            hv_l4_reg         <= 2'd0;
            hv_proto_reg      <= 8'd0;
            hv_vlan_cnt_reg   <= 2'd0;
            hv_vlan0_reg      <= 12'd0;
            hv_vlan1_reg      <= 12'd0;
            hv_frag_reg       <= 1'b0;
            hv_mf_reg         <= 1'b0;
            hv_frag_off_reg   <= 13'd0;
            hv_src_reg        <= 128'd0;
            hv_dst_reg        <= 128'd0;
            hv_sport_reg      <= 16'd0;
            hv_dport_reg      <= 16'd0;
            hv_seq_reg        <= 32'd0;
            hv_ack_reg        <= 32'd0;
            hv_tcp_flags_reg  <= 12'd0;
            hv_tcp_hlen_reg   <= 10'd0;
            hv_l4_len_reg     <= 16'd0;
            hv_l3_off_reg     <= 8'd0;
            hv_l4_off_reg     <= 8'd0;
            hv_pay_off_reg    <= 10'd0;
            hv_trunc_reg      <= 1'b0;
            hv_hash_reg       <= 32'd0;
            cnt_perr_reg      <= 32'd0;
            cnt_trunc_reg     <= 32'd0;
            idle_reg          <= 1'b1;
        end else begin
            q_wr_reg          <= q_wr_next;
            q_rd_reg          <= q_rd_next;
            d_reg             <= d_next;
            o_reg             <= o_next;
            bank_reg          <= bank_next;
            swap_reg          <= swap_next;
            hv_valid_reg      <= hv_valid_next;
            hv_start_reg      <= hv_start_next;
            hv_len_reg        <= hv_len_next;
            hv_slot_reg       <= hv_slot_next;
            hv_cls_reg        <= hv_cls_next;
            hv_l3_reg         <= hv_l3_next;
            hv_l4_reg         <= hv_l4_next;
            hv_proto_reg      <= hv_proto_next;
            hv_vlan_cnt_reg   <= hv_vlan_cnt_next;
            hv_vlan0_reg      <= hv_vlan0_next;
            hv_vlan1_reg      <= hv_vlan1_next;
            hv_frag_reg       <= hv_frag_next;
            hv_mf_reg         <= hv_mf_next;
            hv_frag_off_reg   <= hv_frag_off_next;
            hv_src_reg        <= hv_src_next;
            hv_dst_reg        <= hv_dst_next;
            hv_sport_reg      <= hv_sport_next;
            hv_dport_reg      <= hv_dport_next;
            hv_seq_reg        <= hv_seq_next;
            hv_ack_reg        <= hv_ack_next;
            hv_tcp_flags_reg  <= hv_tcp_flags_next;
            hv_tcp_hlen_reg   <= hv_tcp_hlen_next;
            hv_l4_len_reg     <= hv_l4_len_next;
            hv_l3_off_reg     <= hv_l3_off_next;
            hv_l4_off_reg     <= hv_l4_off_next;
            hv_pay_off_reg    <= hv_pay_off_next;
            hv_trunc_reg      <= hv_trunc_next;
            hv_hash_reg       <= hv_hash_next;
            cnt_perr_reg      <= cnt_perr_next;
            cnt_trunc_reg     <= cnt_trunc_next;
            idle_reg          <= idle_next;
        end
    end

    assign hv_valid     = hv_valid_reg;
    assign hv_start     = hv_start_reg;
    assign hv_len       = hv_len_reg;
    assign hv_slot      = hv_slot_reg;
    assign hv_cls       = hv_cls_reg;
    assign hv_l3        = hv_l3_reg;
    assign hv_l4        = hv_l4_reg;
    assign hv_proto     = hv_proto_reg;
    assign hv_vlan_cnt  = hv_vlan_cnt_reg;
    assign hv_vlan0     = hv_vlan0_reg;
    assign hv_vlan1     = hv_vlan1_reg;
    assign hv_frag      = hv_frag_reg;
    assign hv_mf        = hv_mf_reg;
    assign hv_frag_off  = hv_frag_off_reg;
    assign hv_src       = hv_src_reg;
    assign hv_dst       = hv_dst_reg;
    assign hv_sport     = hv_sport_reg;
    assign hv_dport     = hv_dport_reg;
    assign hv_seq       = hv_seq_reg;
    assign hv_ack       = hv_ack_reg;
    assign hv_tcp_flags = hv_tcp_flags_reg;
    assign hv_tcp_hlen  = hv_tcp_hlen_reg;
    assign hv_l4_len    = hv_l4_len_reg;
    assign hv_l3_off    = hv_l3_off_reg;
    assign hv_l4_off    = hv_l4_off_reg;
    assign hv_pay_off   = hv_pay_off_reg;
    assign hv_trunc     = hv_trunc_reg;
    assign hv_perr      = hv_cls_reg[CLS_PERR];
    assign hv_hash      = hv_hash_reg;
    assign bank         = bank_reg;
    assign swap_pending = swap_reg;
    assign cnt_perr     = cnt_perr_reg;
    assign cnt_trunc    = cnt_trunc_reg;
    assign idle         = idle_reg;

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md).  The ingress is abstract: it
    // numbers the commits' slots in order and commits only while fewer than FQ_DEPTH
    // frames are outstanding (a frame stops being outstanding at the earliest when the
    // flow block takes it).  Header bytes, programs, step limits, swaps and instruction
    // writes are free, and so is hv_ready.  Nothing here is synthesized or simulated.
    `include "nicrx_formal_reset.vh"

    reg [7:0]         f_commits, f_outs;            // mod 256
    reg [PM_AW-1:0]   f_start [0:FQ_DEPTH-1];       // what each slot's frame was committed with
    reg [15:0]        f_len   [0:FQ_DEPTH-1];
    always @(posedge clk) begin
        if (rst) begin
            f_commits <= 8'd0;
            f_outs    <= 8'd0;
        end else begin
            if (cm_valid)     f_commits <= f_commits + 8'd1;
            if (hv_take)      f_outs    <= f_outs + 8'd1;
        end
        if (cm_valid) begin
            f_start[cm_slot] <= cm_start;
            f_len[cm_slot]   <= cm_len;
        end
    end
    wire [7:0] f_inside = f_commits - f_outs;       // committed, not yet out
    wire [7:0] f_queued = {{(7-SLOT_W){1'b0}}, q_wr_reg - q_rd_reg};
    wire [7:0] f_flight = {{(8-FN_W){1'b0}}, d_reg - o_reg};

    always @(*) if (f_past_valid && !rst) begin
        if (cm_valid) begin
            assume(cm_slot == f_commits[SLOT_W-1:0]);
            assume(f_inside < FQ_DEPTH);
        end
    end

    always @(*) if (f_past_valid && !rst && !f_past_rst) begin
        // every committed frame is in the queue, on a thread, or has left exactly once
        assert(f_inside == f_queued + f_flight + {7'd0, hv_valid_reg});
        assert(f_queued <= FQ_DEPTH);
        assert(f_flight <= 4 * NE);
        // in-order output with the frame's own start and length
        if (hv_valid_reg) begin
            assert(hv_slot_reg == f_outs[SLOT_W-1:0]);
            assert(hv_start_reg == f_start[hv_slot_reg]);
            assert(hv_len_reg == f_len[hv_slot_reg]);
        end
        // nothing is dispatched while a swap is pending
        if (swap_reg) assert(!dispatch);
        if (idle_reg) assert(q_wr_reg == q_rd_reg && d_reg == o_reg && !hv_valid_reg);
    end
    // the active bank changes only while no thread of any engine runs (so no frame sees
    // both banks: a running thread's instructions all come from the bank of its dispatch)
    reg          f_prev_bank;
    reg [4*NE-1:0] f_prev_run;
    always @(posedge clk) begin
        f_prev_bank <= bank_reg;
        f_prev_run  <= e_run;
    end
    always @(*) if (f_past_valid && !rst && !f_past_rst && bank_reg != f_prev_bank)
        assert(f_prev_run == {(4*NE){1'b0}});

    // a frame the flow block has not taken stays as it is (the fields the proofs keep;
    // the others load under the same condition)
    reg                f_prev_hold, f_prev_trunc;
    reg [PM_AW-1:0]    f_prev_start;
    reg [15:0]         f_prev_len;
    reg [SLOT_W-1:0]   f_prev_slot;
    always @(posedge clk) begin
        f_prev_hold  <= !rst && hv_valid_reg && !hv_ready;
        f_prev_start <= hv_start_reg;
        f_prev_len   <= hv_len_reg;
        f_prev_slot  <= hv_slot_reg;
        f_prev_trunc <= hv_trunc_reg;
    end
    always @(*) if (f_past_valid && !rst && !f_past_rst && f_prev_hold)
        assert(hv_valid_reg && hv_start_reg == f_prev_start && hv_len_reg == f_prev_len &&
               hv_slot_reg == f_prev_slot && hv_trunc_reg == f_prev_trunc);

    always @(*) if (f_past_valid && !rst) begin
        cover(hv_valid_reg);
        cover(hv_valid_reg && hv_trunc_reg);
        cover(hv_valid_reg && f_outs == 8'd1);      // a second frame
        cover(f_prev_hold && hv_valid_reg);         // a frame held
        cover(bank_reg && !swap_reg);
        cover(f_queued == FQ_DEPTH);
    end
`endif
endmodule

`resetall
