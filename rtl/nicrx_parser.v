// nicrx_parser - microcoded header parser (docs/architecture.md, "nicrx_parser";
// the instruction set and the header vector: docs/microcode.md).  Twin:
// cmodel/parser.c.
//
// Committed frames (the s_cm stream, rtl/nicrx_stream_cm.vh) wait in a queue (q_*, FQ_DEPTH
// entries).
// Frame s (counted from reset in commit order) runs on engine s mod NE, thread
// (s / NE) mod 8 (rtl/nicrx_parse_engine.v): at an edge where the queue held a frame
// before the edge, no swap is pending and that thread is free, the thread is loaded
// and the frame leaves the queue (d_reg counts dispatched frames).  Frames leave in
// commit order (o_reg counts them) through two registers: at an edge where x_hv_reg is
// empty or moves on and the thread of frame o_reg is done, x_hv_reg takes the thread's
// frame and header vector as the engine keeps them (rtl/nicrx_thread.vh) and the thread
// is freed; at an edge where m_hv_data holds no frame or the flow block takes it
// (m_hv_valid && m_hv_ready), m_hv_data takes x_hv_reg's frame as the m_hv stream lays it
// out (rtl/nicrx_stream_hv.vh: with l3/l4, offsets, lengths and the hash worked out
// here) and m_hv_valid is high until the edge that takes it.  cnt_perr / cnt_trunc count
// at the taking edge.
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
    parameter PARSE_ENGINES = 2,    // engines, eight threads each (nicrx_top)
    parameter IMEM_DEPTH    = 64,   // instructions per bank (nicrx_top)
    parameter IMEM_INIT     = ""    // reset program, both banks (nicrx_top)
) (
    input  wire                        clk,
    input  wire                        rst,
    // from ingress
    input  wire                        hm_wr_en,
    input  wire [$clog2(FQ_DEPTH)+$clog2(HEADER_BYTES*8/DATA_WIDTH)-1:0] hm_wr_addr,
    input  wire [DATA_WIDTH-1:0]       pm_wr_data,
    input  wire                        s_cm_valid,       // the commit stream
    input  wire [CM_W-1:0]             s_cm_data,
    // from the CSR block
    input  wire [7:0]                  cfg_step_limit,   // 0 means 256
    input  wire                        cfg_swap,
    input  wire                        cfg_imem_we,
    /* verilator lint_off UNUSEDSIGNAL */ // the index wraps at IMEM_DEPTH
    input  wire [7:0]                  cfg_imem_addr,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [127:0]                cfg_imem_data,
    // header vector: a valid/ready stream to the flow block
    output wire                        m_hv_valid,
    input  wire                        m_hv_ready,
    output wire [HV_W-1:0]             m_hv_data,
    // status
    output wire                        bank,
    output wire                        swap_pending,
    output wire [31:0]                 cnt_perr,
    output wire [31:0]                 cnt_trunc,
    output wire                        idle
);
    localparam integer NE      = PARSE_ENGINES;
    localparam integer NT      = 8;                     // threads per engine
    localparam integer NE_W    = (NE == 2) ? 1 : 0;     // engine bits of a frame number
    localparam integer FN_W    = NE_W + 4;              // frame numbers: in flight <= 8 NE
    localparam integer TI_W    = NE_W + 3;              // its low bits name the thread
    localparam integer SLOT_W  = $clog2(FQ_DEPTH);
    localparam integer IMEM_AW = $clog2(IMEM_DEPTH);
    localparam integer CLS_IPV4 = 0, CLS_IPV6 = 1, CLS_TCP = 2, CLS_UDP = 3, CLS_L4OTHER = 4,
                       CLS_PERR = 9;
    `include "nicrx_thread.vh"
    `include "nicrx_stream_cm.vh"
    `include "nicrx_stream_hv.vh"

    generate
        `NICRX_CHECK_FQ_DEPTH
        `NICRX_CHECK_PARSE_ENGINES
        `NICRX_CHECK_IMEM_DEPTH
    endgenerate

    // ---------------------------------------------------------------- registers
    reg [SLOT_W:0]     q_wr_reg, q_wr_next;       // queue pointers, wrap bit on top
    reg [SLOT_W:0]     q_rd_reg, q_rd_next;
    reg [FN_W-1:0]     d_reg, d_next;             // frames dispatched (mod 2^FN_W)
    reg [FN_W-1:0]     o_reg, o_next;             // frames out of their threads
    reg [FN_W-1:0]     o_inc_reg;                 // o_reg + 1
    reg                o_done_reg;                // the thread of frame o_reg is done
    reg                d_free_reg, d_free_nx;     // the thread of frame d_reg is free
    reg                q_nempty_reg;              // the queue holds a frame
    reg                x_valid_reg, x_valid_next; // x_hv_reg holds a frame
    reg [TH_W-1:0]     x_hv_reg;                  // its frame and header vector (g_xin)
    reg                bank_reg, bank_next;       // active instruction bank
    reg                swap_reg, swap_next;       // swap pending
    reg                m_hv_valid_reg, m_hv_valid_next;
    reg [HV_W-1:0]     m_hv_data_reg, m_hv_data_next;
    reg [31:0]         cnt_perr_reg, cnt_perr_next;
    reg [31:0]         cnt_trunc_reg, cnt_trunc_next;
    reg                idle_reg, idle_next;

    // the queue's entries: small, read asynchronously at the head (LUT RAM or flops);
    // each keeps W = min(len, HEADER_BYTES) too, worked out on the way in so that the
    // head goes to the engines without an adder
    localparam [8:0]   HB9     = HEADER_BYTES[8:0];
    wire [15:0]        cm_len  = s_cm_data[CM_LEN +: CM_LEN_W];
    reg [CM_W+8:0]     q_mem [0:FQ_DEPTH-1];
    always @(posedge clk) begin
        if (s_cm_valid) q_mem[q_wr_reg[SLOT_W-1:0]] <= {(cm_len > {7'd0, HB9}) ? HB9 : cm_len[8:0], s_cm_data};
    end
    wire [CM_W+8:0]    q_head  = q_mem[q_rd_reg[SLOT_W-1:0]];
    wire [8:0]         q_wlim  = q_head[CM_W +: 9];
    wire [SLOT_W-1:0]  q_slot  = q_head[CM_SLOT +: CM_SLOT_W];
    wire [15:0]        q_len   = q_head[CM_LEN +: CM_LEN_W];
    wire [PM_AW-1:0]   q_start = q_head[CM_START +: CM_START_W];

    // engine and thread of the next frame to dispatch and of the next to leave
    wire [2:0]         d_thr = d_reg[NE_W +: 3];
    wire [2:0]         o_thr = o_reg[NE_W +: 3];
    wire               d_eng;
    /* verilator lint_off UNUSEDSIGNAL */ // one engine: only the proofs read it
    wire               o_eng;
    /* verilator lint_on UNUSEDSIGNAL */
    wire               d1_free;            // the thread of frame d_reg + 1 is free
    wire               o_done_nx;          // o_next's thread is done after this edge
    wire [TI_W-1:0]    d_inc = d_reg[TI_W-1:0] + {{(TI_W-1){1'b0}}, 1'b1};   // thread of d_reg + 1
    /* verilator lint_off UNUSEDSIGNAL */ // the top bit tells laps apart, not threads
    wire [FN_W-1:0]    o_sel_nx = rst ? {FN_W{1'b0}} : o_next;   // o_reg after this edge
    /* verilator lint_on UNUSEDSIGNAL */
    wire [NT*NE-1:0]   e_free, e_run, e_done_nx;
    /* verilator lint_off UNUSEDSIGNAL */ // o_done_reg stands for the state of o_reg's thread
    wire [NT*NE-1:0]   e_done;
    /* verilator lint_on UNUSEDSIGNAL */
    reg                release_hv;
    generate
        if (NE == 2) begin : g_sel2
            assign d_eng  = d_reg[0];
            assign o_eng  = o_reg[0];
            assign d1_free = e_free[{d_inc[0], d_inc[3:1]}];
            assign o_done_nx = release_hv ? e_done_nx[{o_inc_reg[0], o_inc_reg[3:1]}] : e_done_nx[{o_eng, o_thr}];
        end else begin : g_sel1
            assign d_eng  = 1'b0;
            assign o_eng  = 1'b0;
            assign d1_free = e_free[d_inc[2:0]];
            assign o_done_nx = release_hv ? e_done_nx[o_inc_reg[2:0]] : e_done_nx[o_thr];
        end
    endgenerate

    // ---------------------------------------------------------------- engines
    wire [8:0]          ld_limit = (cfg_step_limit == 8'd0) ? 9'd256 : {1'b0, cfg_step_limit};
    wire [NE*TH_W-1:0]  e_hv;                  // each engine's thread o_thr
    reg                 dispatch;
    wire                hv_take = m_hv_valid_reg && m_hv_ready;   // the flow block takes the frame
    wire                x_take  = x_valid_reg && (!m_hv_valid_reg || m_hv_ready);  // x_hv_reg moves on

    genvar g;
    generate
        for (g = 0; g < NE; g = g + 1) begin : g_eng
            // the thread this engine frees at an edge of release_hv, one-hot: the thread
            // of o_sel_nx and the registers release_hv is made of, registered again beside
            // the engine (keep: Yosys would merge the copies), so o_reg does not travel to
            // every engine's thread states
            (* keep *) reg [NT-1:0] ro_reg;
            (* keep *) reg          od_reg, xv_reg, mv_reg;
            (* keep *) always @(posedge clk) begin
                ro_reg <= (NE == 1 || o_sel_nx[0] == g[0]) ? (8'd1 << o_sel_nx[NE_W +: 3]) : 8'd0;
                od_reg <= !rst && o_done_nx;
                xv_reg <= !rst && x_valid_next;
                mv_reg <= !rst && m_hv_valid_next;
            end
            wire [NT-1:0] rel_oh = (od_reg && (!xv_reg || !mv_reg || m_hv_ready)) ? ro_reg : {NT{1'b0}};
`ifdef FORMAL
            always @(*) if (f_past_valid && !rst && !f_past_rst)
                assert(rel_oh == ((release_hv && o_eng == g[0]) ? 8'd1 << o_thr : 8'd0));
`endif
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
                .bank        (bank_reg),
                .ld_en       (dispatch && d_eng == g[0]),
                .ld_thr      (d_thr),
                .ld_slot     (q_slot),
                .ld_start    (q_start),
                .ld_len      (q_len),
                .ld_wlim     (q_wlim),
                .ld_limit    (ld_limit),
                .rel_oh      (rel_oh),
                .thr_free    (e_free[NT*g +: NT]),
                .thr_run     (e_run[NT*g +: NT]),
                .thr_done    (e_done[NT*g +: NT]),
                .thr_done_nx (e_done_nx[NT*g +: NT]),
                .sel_thr_nx  (o_sel_nx[NE_W +: 3]),
                .o_hv        (e_hv[g*TH_W +: TH_W])
            );
        end
    endgenerate

    // x_hv_reg loads the frame o_reg from its engine's LUT RAMs (e_hv) at every edge where
    // it is empty or moves on (those of release_hv among them): when the thread is not
    // done the load is not a frame and x_valid_reg stays low, so the enable does not wait
    // for o_done_reg.  Every engine reads thread o_sel_nx registered (0 under reset, as
    // o_reg); the engine bit and the registers the enable is made of (x_valid_reg,
    // m_hv_valid_reg) are registered again here for every 32 bits of x_hv_reg (keep:
    // Yosys would merge the copies), so no one register or gate fans out to every read
    // port, multiplexer and load enable.  x_hv_reg needs no reset: it is read only while
    // x_valid_reg is high.
    wire [TH_W-1:0]     x_in;
    generate
        for (g = 0; g < TH_W; g = g + 32) begin : g_xin
            localparam integer PW = (TH_W - g < 32) ? TH_W - g : 32;
            (* keep *) reg xv_reg, mv_reg;
            (* keep *) always @(posedge clk) begin
                xv_reg <= !rst && x_valid_next;
                mv_reg <= !rst && m_hv_valid_next;
            end
            always @(posedge clk) begin
                if (!xv_reg || !mv_reg || m_hv_ready) x_hv_reg[g +: PW] <= x_in[g +: PW];
            end
            if (NE == 2) begin : g_two
                (* keep *) reg eng_reg;
                (* keep *) always @(posedge clk) eng_reg <= o_sel_nx[0];
                assign x_in[g +: PW] = eng_reg ? e_hv[TH_W + g +: PW] : e_hv[g +: PW];
            end else begin : g_one
                assign x_in[g +: PW] = e_hv[g +: PW];
            end
        end
    endgenerate

    // o_reg, o_done_reg, x_valid_reg and m_hv_valid_reg have their own flip-flops beside
    // the logic that reads them (keep: Yosys would merge them with a copy above or in an
    // engine, far from that logic)
    (* keep *) always @(posedge clk) begin
        o_reg          <= rst ? {FN_W{1'b0}} : o_next;
        o_done_reg     <= !rst && o_done_nx;
        x_valid_reg    <= !rst && x_valid_next;
        m_hv_valid_reg <= !rst && m_hv_valid_next;
    end

    // ---------------------------------------------------------------- next state
    // x_hv_reg's frame (rtl/nicrx_thread.vh) into m_hv_data as rtl/nicrx_stream_hv.vh
    // lays it out
    reg [9:0]  x_cls, x_cur, x_l3, x_l4;
    reg        x_l45;                 // TCP or UDP
    reg [15:0] x_l4_end;              // where the L4 payload ends: iplen (+ l3, below) or len
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
        m_hv_valid_next = m_hv_valid_reg && !hv_take;
        m_hv_data_next  = m_hv_data_reg;
        x_valid_next    = x_valid_reg && !x_take;

        // commit -> queue
        if (s_cm_valid) q_wr_next = q_wr_reg + {{SLOT_W{1'b0}}, 1'b1};
        // dispatch: the queue held a frame before this edge, no swap pending, thread free
        dispatch = q_nempty_reg && !swap_reg && d_free_reg;
        if (dispatch) begin
            q_rd_next = q_rd_reg + {{SLOT_W{1'b0}}, 1'b1};
            d_next    = d_reg + {{(FN_W-1){1'b0}}, 1'b1};
        end
        // swap: pending and no thread of any engine running; a cfg_swap at that edge
        // is the same request (PARSER_SWAP reads 0 after it)
        if (swap_reg && e_run == {(NT*NE){1'b0}}) begin
            bank_next = !bank_reg;
            swap_next = 1'b0;
        end

        // output: the next frame out of its thread, from its engine, when x_hv_reg is
        // free or moves on
        release_hv = o_done_reg && (!x_valid_reg || x_take);
        if (release_hv) begin
            o_next       = o_inc_reg;
            x_valid_next = 1'b1;
        end
        // the thread of frame d_next is free after this edge: it is free now (and not the
        // one loaded) or it is the one that leaves now
        d_free_nx = dispatch ? d1_free || (release_hv && o_reg[TI_W-1:0] == d_inc)
                             : d_free_reg || (release_hv && o_reg[TI_W-1:0] == d_reg[TI_W-1:0]);
        // and x_hv_reg's into m_hv_data, when it holds none or the held one is taken
        x_cls   = x_hv_reg[TH_CLS +: TH_CLS_W];
        x_cur   = x_hv_reg[TH_CUR +: TH_CUR_W];
        x_l3    = x_hv_reg[TH_L3 +: TH_L3_W];
        x_l4    = x_hv_reg[TH_L4 +: TH_L4_W];
        x_l45   = x_cls[CLS_TCP] || x_cls[CLS_UDP];
        // one three-operand sum (the selects on its operands): Yosys makes it one
        // carry-save level and one adder, where (l3 + iplen) - cur was two adders in series
        x_l4_end = x_hv_reg[TH_IPSET] ? x_hv_reg[TH_IPLEN +: TH_IPLEN_W] : x_hv_reg[TH_LEN +: TH_LEN_W];
        x_l4_len = {2'd0, x_l4_end} + {8'd0, x_hv_reg[TH_IPSET] ? x_l3 : 10'd0} - {8'd0, x_cur};
        x_hash  = 32'd0;
        for (i = 0; i < 4; i = i + 1)
            x_hash = x_hash ^ x_hv_reg[TH_SRC + 32*i +: 32] ^ x_hv_reg[TH_DST + 32*i +: 32];
        if (x_l45) x_hash = x_hash ^ {x_hv_reg[TH_SPORT +: TH_SPORT_W], x_hv_reg[TH_DPORT +: TH_DPORT_W]};
        if (x_take) begin
            m_hv_valid_next = 1'b1;
            m_hv_data_next[HV_START +: HV_START_W]       = x_hv_reg[TH_START +: TH_START_W];
            m_hv_data_next[HV_LEN +: HV_LEN_W]           = x_hv_reg[TH_LEN +: TH_LEN_W];
            m_hv_data_next[HV_SLOT +: HV_SLOT_W]         = x_hv_reg[TH_SLOT +: TH_SLOT_W];
            m_hv_data_next[HV_CLS +: HV_CLS_W]           = x_cls;
            m_hv_data_next[HV_L3 +: HV_L3_W]             = x_cls[CLS_IPV4] ? 2'd1 : x_cls[CLS_IPV6] ? 2'd2 : 2'd0;
            m_hv_data_next[HV_L4 +: HV_L4_W]             = x_cls[CLS_TCP] ? 2'd1 : x_cls[CLS_UDP] ? 2'd2 :
                                                           x_cls[CLS_L4OTHER] ? 2'd3 : 2'd0;
            m_hv_data_next[HV_PROTO +: HV_PROTO_W]       = x_hv_reg[TH_PROTO +: TH_PROTO_W];
            m_hv_data_next[HV_VLAN_CNT +: HV_VLAN_CNT_W] = x_hv_reg[TH_VCNT +: TH_VCNT_W];
            m_hv_data_next[HV_VLAN0 +: HV_VLAN0_W]       = x_hv_reg[TH_VLAN0 +: TH_VLAN0_W];
            m_hv_data_next[HV_VLAN1 +: HV_VLAN1_W]       = x_hv_reg[TH_VLAN1 +: TH_VLAN1_W];
            m_hv_data_next[HV_MF]                        = x_hv_reg[TH_MF];
            m_hv_data_next[HV_FRAG_OFF +: HV_FRAG_OFF_W] = x_hv_reg[TH_FOFF +: TH_FOFF_W];
            m_hv_data_next[HV_FRAG]                      = x_hv_reg[TH_MF] || x_hv_reg[TH_FOFF +: TH_FOFF_W] != 13'd0;
            m_hv_data_next[HV_SRC +: HV_SRC_W]           = x_hv_reg[TH_SRC +: TH_SRC_W];
            m_hv_data_next[HV_DST +: HV_DST_W]           = x_hv_reg[TH_DST +: TH_DST_W];
            m_hv_data_next[HV_SPORT +: HV_SPORT_W]       = x_hv_reg[TH_SPORT +: TH_SPORT_W];
            m_hv_data_next[HV_DPORT +: HV_DPORT_W]       = x_hv_reg[TH_DPORT +: TH_DPORT_W];
            m_hv_data_next[HV_SEQ +: HV_SEQ_W]           = x_hv_reg[TH_SEQ +: TH_SEQ_W];
            m_hv_data_next[HV_ACK +: HV_ACK_W]           = x_hv_reg[TH_ACK +: TH_ACK_W];
            m_hv_data_next[HV_TCP_FLAGS +: HV_TCP_FLAGS_W] = x_hv_reg[TH_TFLAGS +: TH_TFLAGS_W];
            m_hv_data_next[HV_WIN +: HV_WIN_W]           = x_hv_reg[TH_WIN +: TH_WIN_W];
            m_hv_data_next[HV_TCP_HLEN +: HV_TCP_HLEN_W] = x_cls[CLS_TCP] ? x_cur - x_l4 : 10'd0;
            m_hv_data_next[HV_L4_LEN +: HV_L4_LEN_W]     = (x_l45 && !x_l4_len[17]) ? x_l4_len[15:0] : 16'd0;
            m_hv_data_next[HV_L3_OFF +: HV_L3_OFF_W]     = (x_l3[9:8] != 2'd0) ? 8'd255 : x_l3[7:0];
            m_hv_data_next[HV_L4_OFF +: HV_L4_OFF_W]     = (x_l4[9:8] != 2'd0) ? 8'd255 : x_l4[7:0];
            m_hv_data_next[HV_PAY_OFF +: HV_PAY_OFF_W]   = x_cur;
            m_hv_data_next[HV_TRUNC]                     = x_hv_reg[TH_TRUNC];
            m_hv_data_next[HV_PERR]                      = x_cls[CLS_PERR];
            m_hv_data_next[HV_HASH +: HV_HASH_W]         = x_hash;
        end

        cnt_perr_next  = cnt_perr_reg + {31'd0, hv_take && m_hv_data_reg[HV_PERR]};
        cnt_trunc_next = cnt_trunc_reg + {31'd0, hv_take && m_hv_data_reg[HV_TRUNC]};

        // idle after the edge: queue empty, every thread free (all dispatched frames
        // have left), no frame in x_hv_reg, no m_hv_valid (so no counter update pending)
        q_empty_next = q_wr_next == q_rd_next;
        idle_next    = q_empty_next && d_next == o_next && !x_valid_next && !m_hv_valid_next;
    end

    always @(posedge clk) begin
        if (rst) begin
            q_wr_reg          <= {(SLOT_W+1){1'b0}};
            q_rd_reg          <= {(SLOT_W+1){1'b0}};
            d_reg             <= {FN_W{1'b0}};
            d_free_reg        <= 1'b1;
            o_inc_reg         <= {{(FN_W-1){1'b0}}, 1'b1};
            q_nempty_reg      <= 1'b0;
            bank_reg          <= 1'b0;
            swap_reg          <= 1'b0;
            m_hv_data_reg     <= {HV_W{1'b0}};
            cnt_perr_reg      <= 32'd0;
            cnt_trunc_reg     <= 32'd0;
            idle_reg          <= 1'b1;
        end else begin
            q_wr_reg          <= q_wr_next;
            q_rd_reg          <= q_rd_next;
            d_reg             <= d_next;
            d_free_reg        <= d_free_nx;
            o_inc_reg         <= o_next + {{(FN_W-1){1'b0}}, 1'b1};
            q_nempty_reg      <= !q_empty_next;
            bank_reg          <= bank_next;
            swap_reg          <= swap_next;
            m_hv_data_reg     <= m_hv_data_next;
            cnt_perr_reg      <= cnt_perr_next;
            cnt_trunc_reg     <= cnt_trunc_next;
            idle_reg          <= idle_next;
        end
    end

    assign m_hv_valid   = m_hv_valid_reg;
    assign m_hv_data    = m_hv_data_reg;
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
    // writes are free, and so is m_hv_ready.  Nothing here is synthesized or simulated.
    `include "nicrx_formal_reset.vh"
    wire [PM_AW-1:0]  cm_start     = s_cm_data[CM_START +: CM_START_W];
    wire [15:0]       cm_len       = s_cm_data[CM_LEN +: CM_LEN_W];
    wire [SLOT_W-1:0] cm_slot      = s_cm_data[CM_SLOT +: CM_SLOT_W];
    wire [PM_AW-1:0]  hv_start_reg = m_hv_data_reg[HV_START +: HV_START_W];
    wire [15:0]       hv_len_reg   = m_hv_data_reg[HV_LEN +: HV_LEN_W];
    wire [SLOT_W-1:0] hv_slot_reg  = m_hv_data_reg[HV_SLOT +: HV_SLOT_W];
    wire              hv_trunc_reg = m_hv_data_reg[HV_TRUNC];

    reg [7:0]         f_commits, f_outs;            // mod 256
    reg [PM_AW-1:0]   f_start [0:FQ_DEPTH-1];       // what each slot's frame was committed with
    reg [15:0]        f_len   [0:FQ_DEPTH-1];
    always @(posedge clk) begin
        if (rst) begin
            f_commits <= 8'd0;
            f_outs    <= 8'd0;
        end else begin
            if (s_cm_valid)     f_commits <= f_commits + 8'd1;
            if (hv_take)      f_outs    <= f_outs + 8'd1;
        end
        if (s_cm_valid) begin
            f_start[cm_slot] <= cm_start;
            f_len[cm_slot]   <= cm_len;
        end
    end
    wire [7:0] f_inside = f_commits - f_outs;       // committed, not yet out
    wire [7:0] f_queued = {{(7-SLOT_W){1'b0}}, q_wr_reg - q_rd_reg};
    wire [7:0] f_flight = {{(8-FN_W){1'b0}}, d_reg - o_reg};

    always @(*) if (f_past_valid && !rst) begin
        if (s_cm_valid) begin
            assume(cm_slot == f_commits[SLOT_W-1:0]);
            assume(f_inside < FQ_DEPTH);
        end
    end

    always @(*) if (f_past_valid && !rst && !f_past_rst) begin
        // every committed frame is in the queue, on a thread, or has left exactly once
        assert(f_inside == f_queued + f_flight + {7'd0, x_valid_reg} + {7'd0, m_hv_valid_reg});
        assert(f_queued <= FQ_DEPTH);
        // o_done_reg is the state of the next frame's thread, a cycle ahead
        assert(o_done_reg == e_done[{o_eng, o_thr}]);
        assert(o_inc_reg == o_reg + {{(FN_W-1){1'b0}}, 1'b1});
        // d_free_reg and q_nempty_reg are the dispatch conditions, a cycle ahead
        assert(d_free_reg == e_free[{d_eng, d_thr}]);
        assert(q_nempty_reg == (q_wr_reg != q_rd_reg));
        assert(f_flight <= NT * NE);
        // in-order output with the frame's own start and length
        if (m_hv_valid_reg) begin
            assert(hv_slot_reg == f_outs[SLOT_W-1:0]);
            assert(hv_start_reg == f_start[hv_slot_reg]);
            assert(hv_len_reg == f_len[hv_slot_reg]);
        end
        // nothing is dispatched while a swap is pending
        if (swap_reg) assert(!dispatch);
        if (idle_reg) assert(q_wr_reg == q_rd_reg && d_reg == o_reg && !x_valid_reg && !m_hv_valid_reg);
    end
    // the active bank changes only while no thread of any engine runs (so no frame sees
    // both banks: a running thread's instructions all come from the bank of its dispatch)
    reg          f_prev_bank;
    reg [NT*NE-1:0] f_prev_run;
    always @(posedge clk) begin
        f_prev_bank <= bank_reg;
        f_prev_run  <= e_run;
    end
    always @(*) if (f_past_valid && !rst && !f_past_rst && bank_reg != f_prev_bank)
        assert(f_prev_run == {(NT*NE){1'b0}});

    // a frame the flow block has not taken stays as it is (the fields the proofs keep;
    // the others load under the same condition)
    reg                f_prev_hold, f_prev_trunc;
    reg [PM_AW-1:0]    f_prev_start;
    reg [15:0]         f_prev_len;
    reg [SLOT_W-1:0]   f_prev_slot;
    always @(posedge clk) begin
        f_prev_hold  <= !rst && m_hv_valid_reg && !m_hv_ready;
        f_prev_start <= hv_start_reg;
        f_prev_len   <= hv_len_reg;
        f_prev_slot  <= hv_slot_reg;
        f_prev_trunc <= hv_trunc_reg;
    end
    always @(*) if (f_past_valid && !rst && !f_past_rst && f_prev_hold)
        assert(m_hv_valid_reg && hv_start_reg == f_prev_start && hv_len_reg == f_prev_len &&
               hv_slot_reg == f_prev_slot && hv_trunc_reg == f_prev_trunc);

    always @(*) if (f_past_valid && !rst) begin
        cover(m_hv_valid_reg);
        cover(m_hv_valid_reg && hv_trunc_reg);
        cover(m_hv_valid_reg && f_outs == 8'd1);      // a second frame
        cover(f_prev_hold && m_hv_valid_reg);         // a frame held
        cover(bank_reg && !swap_reg);
        cover(f_queued == FQ_DEPTH);
    end
`endif
endmodule

`resetall
