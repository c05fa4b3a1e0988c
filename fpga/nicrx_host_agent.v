// nicrx_host_agent - the host a board does not have (docs/board.md "Host agent"): block-RAM
// host memory behind an AXI4 slave on the core's host port, and a state machine that brings
// the core up over its AXI4-Lite port (re-assembly on), posts buffers and pages, takes every
// completion record (v2, 32 bytes) as the core writes it, counts it, and posts its buffers
// again (a run record's page), so the board receives forever.  AXI_DATA_WIDTH 64 or 128, the
// core's (a record is one burst of four or two beats).
//
// Host memory (byte addresses): 4 KB of block RAM at 0x0000: the descriptors of ring 0 (small
// buffers, 16) at 0x0000, ring 2 (header buffers) at 0x0100, ring 3 (re-assembly pages) at
// 0x0200, completion queue q (16 records) at 0x0800 + 0x200 q.  NBUF buffers in each ring: ring
// 0's of 9216 bytes (every frame up to the core's MAX_FRAME fits; ring 1 is off), ring 2's of
// 512, ring 3's pages of 64 KB; buffer id of ring r is at 0x10000 + 0x100000 r + 0x10000 id
// (64 KB-aligned, as pages must be), outside the RAM: the frames' bytes are taken on the bus
// and not kept (nothing on the board reads them).  Writes into the RAM take whole beats only (a record,
// a descriptor); reads return the RAM (the descriptors).  The slave answers OKAY always,
// one burst at a time, and relies on the core's bready and rready being always 1
// (docs/interfaces.md).
// Records are taken from the W channel as they go by (the RAM keeps them too): word 0 (buf_id,
// ring, opcode), word 1 (a run record's segs) and word 2 (the data part, split, err, merged,
// run).  Each goes into a 4-deep FIFO (wready is low while it is full); for each the agent
// counts it and posts again what the record gives back: its first part's buffer (a run
// record: its page), and a split frame's data part's buffer unless it was merged (a merged
// frame's page goes back with its run's record): the descriptor at the ring's tail, then
// that ring's FBR_TAIL; then the queue's CQ_HEAD.
// Statistics (st_addr, word index; st_rdata the same cycle): 0 state (0 bring-up, 1 running),
// 1 frame records, 2 buffers posted again, 3 records with err, 4..7 records per queue,
// 8..23 frame records per operation code (enum nicrx_opcode), 24 reads 0, 25 run records,
// 26 merged frame records, 27 the segments the run records name (= 26 once every run closed).
`timescale 1ns / 1ps
`default_nettype none
module nicrx_host_agent #(
    parameter integer NBUF = 12,         // buffers of each ring, 1..15 (the bring-up counts them in 4 bits)
    parameter integer AXI_DATA_WIDTH = 128   // the core's host bus: 64 or 128
) (
    input  wire         clk,
    input  wire         rst,
    // AXI4 slave: the core's host port
    input  wire [63:0]  s_axi_awaddr,
    input  wire         s_axi_awvalid,
    output wire         s_axi_awready,
    input  wire [AXI_DATA_WIDTH-1:0]   s_axi_wdata,
    input  wire [AXI_DATA_WIDTH/8-1:0] s_axi_wstrb,
    input  wire         s_axi_wlast,
    input  wire         s_axi_wvalid,
    output wire         s_axi_wready,
    output wire [1:0]   s_axi_bresp,
    output wire         s_axi_bvalid,
    /* verilator lint_off UNUSEDSIGNAL */
    input  wire [63:0]  s_axi_araddr,     // the RAM's 4 KB: bits [11:3]
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [7:0]   s_axi_arlen,
    input  wire         s_axi_arvalid,
    output wire         s_axi_arready,
    output reg  [AXI_DATA_WIDTH-1:0] s_axi_rdata,
    output wire [1:0]   s_axi_rresp,
    output reg          s_axi_rlast,
    output reg          s_axi_rvalid,
    // AXI4-Lite master (writes only): the core's registers
    output reg  [11:0]  m_axil_awaddr,
    output reg          m_axil_awvalid,
    input  wire         m_axil_awready,
    output reg  [31:0]  m_axil_wdata,
    output reg          m_axil_wvalid,
    input  wire         m_axil_wready,
    input  wire         m_axil_bvalid,
    // statistics
    input  wire [4:0]   st_addr,
    output wire [31:0]  st_rdata
);
    localparam [11:0] FBR0 = 12'h100, FBR2 = 12'h140, FBR3 = 12'h160, CQ0 = 12'h200, REG_CTRL = 12'h010,
                      REG_QSEL = 12'h018, REG_REASM_CTRL = 12'ha40;
    localparam [11:0] FBR_BASE_LO = 12'h00, FBR_SIZE_LOG2 = 12'h08, FBR_BUF_SIZE = 12'h0c,
                      FBR_TAIL = 12'h14, FBR_CTRL = 12'h18;
    localparam [11:0] CQ_BASE_LO = 12'h00, CQ_SIZE_LOG2 = 12'h08, CQ_HEAD = 12'h14, CQ_CTRL = 12'h18;
    localparam [63:0] BUF_BASE = 64'h10000;
    // NBUF in the bring-up post counter's 4-bit buffer field, hence at most 15
    localparam [3:0]  NB = NBUF[3:0];
    initial if (NBUF < 1 || NBUF > 15) begin
        $display("nicrx_host_agent: NBUF %0d outside 1..15", NBUF);
        $finish;
    end

    localparam         WIDE = AXI_DATA_WIDTH == 128;   // a beat covers both halves of a line
    localparam [63:0]  BEAT_STEP = WIDE ? 64'd16 : 64'd8;   // bytes a beat
    // a record's beats by address bits [4:3]: byte 0's beat, byte 16's beat
    localparam [1:0]   BEAT_MASK = WIDE ? 2'b10 : 2'b11;
    localparam [1:0]   W1_BEAT   = WIDE ? 2'b00 : 2'b01;   // the beat that holds word 1

    // ---- host memory: 256 lines of 16 bytes as two halves (bytes 0-7, 8-15), each with
    // one write port and one read port: a 64-bit beat writes one half, a descriptor both ----
    reg  [63:0]  mem_lo [0:255], mem_hi [0:255];
    reg  [127:0] mem_q;
    reg  [1:0]   mem_we;         // per half
    reg  [7:0]   mem_wa;
    wire [7:0]   mem_ra;
    reg  [127:0] mem_wd;
    always @(posedge clk) begin
        if (mem_we[0]) mem_lo[mem_wa] <= mem_wd[63:0];
        if (mem_we[1]) mem_hi[mem_wa] <= mem_wd[127:64];
        mem_q <= {mem_hi[mem_ra], mem_lo[mem_ra]};
    end
    wire [127:0] w_line;         // the W beat where it goes in a line
    generate if (WIDE) begin : g_w128
        assign w_line = s_axi_wdata;
    end else begin : g_w64
        assign w_line = {s_axi_wdata, s_axi_wdata};
    end endgenerate

    // ---- AXI4 write slave, and the records as they go by ----
    reg          w_busy_reg, b_pend_reg;
    reg  [63:0]  w_addr_reg;
    reg          ag_we;          // the agent writes a descriptor this cycle: W waits
    reg  [15:0]  ag_wa_buf;      // its buffer id
    reg  [1:0]   ag_wa_ring;     // its ring
    reg  [3:0]   ag_wa_slot;     // its ring slot
    // record FIFO: {queue[1:0], opcode[3:0], err, run, merged, data part to post, ring[1:0],
    // dring[1:0], segs[7:0], buf_id[15:0], dbuf_id[15:0]}
    localparam RF_W = 54;
    reg  [RF_W-1:0] rf [0:3];
    reg  [2:0]   rf_wr_reg, rf_rd_reg;
    wire         rf_full = (rf_wr_reg - rf_rd_reg) == 3'd4;
    wire         rf_empty = rf_wr_reg == rf_rd_reg;
    reg  [23:0]  rec_lo_reg;     // from word 0: queue, opcode, ring, buf_id
    reg  [7:0]   rec_segs_reg;   // from word 1: a run record's segs
    assign s_axi_awready = !w_busy_reg && !b_pend_reg;
    assign s_axi_wready  = w_busy_reg && !ag_we && !rf_full;
    assign s_axi_bvalid  = b_pend_reg;
    assign s_axi_bresp   = 2'b00;
    wire         w_take = s_axi_wvalid && s_axi_wready;
    wire         in_ram = w_addr_reg[63:12] == 52'd0;
    wire         in_cq  = in_ram && w_addr_reg[11];
    wire [1:0]   w_q    = w_addr_reg[10:9];
    wire [1:0]   w_beat = w_addr_reg[4:3] & BEAT_MASK;
    wire [7:0]   w1_segs = s_axi_wdata[AXI_DATA_WIDTH-64+56 -: 8];   // word 1's segs in its beat
    // word 2: what the record gives back besides its first part
    wire [39:0]  w2 = s_axi_wdata[39:0];
    wire         w2_run = w2[39], w2_merged = w2[38];
    wire         unused_w2 = &{1'b0, w2[36:35]};   // large, lerr: nothing to do with them here
    wire         w2_dpost = w2[34] && w2[15:0] != 16'd0 && !w2_merged && !w2_run;

    // ---- AXI4 read slave: the RAM's data into flip-flops, then the half a 64-bit beat
    // takes: three cycles from the RAM's address to rdata ----
    reg          r_busy_reg, r_v1_reg, r_v2_reg;
    reg  [7:0]   r_left_reg;
    reg          r_last1_reg, r_last2_reg;
    reg  [8:0]   r_a_reg;        // the beat's address, bits [11:3]
    reg          r_hi1_reg, r_hi2_reg;
    reg  [127:0] r_q_reg;
    assign mem_ra = r_a_reg[8:1];
    assign s_axi_arready = !r_busy_reg;
    assign s_axi_rresp = 2'b00;

    // ---- the agent ----
    localparam [1:0] A_INIT = 2'd0, A_POST = 2'd1, A_RUN = 2'd2, A_LITE = 2'd3;
    reg  [1:0]   a_st_reg, a_ret_reg;
    reg  [4:0]   a_step_reg;     // bring-up write
    reg  [5:0]   a_post_reg;     // bring-up descriptors: {ring index 0..2 (rings 0, 2, 3), buffer}
    reg  [15:0]  fbr_tail_reg [0:3];   // per ring (ring 1 unused)
    reg  [15:0]  cq_head_reg [0:3];
    reg          running_reg;
    reg  [1:0]   lite_n_reg;     // AXI4-Lite writes still to make for a record (FBR_TAIL, CQ_HEAD)
    reg  [RF_W-1:0] cur_reg;
    reg          dpost_reg;      // the record's data part still to post
    reg  [31:0]  st_rec, st_repost, st_err, st_runs, st_merged, st_segs;
    reg  [31:0]  st_q [0:3];
    reg  [31:0]  st_op [0:15];

    // the bring-up writes: {address, data}; step A_TAILS waits for the descriptors (A_POST)
    localparam [4:0] A_TAILS = 5'd25, A_LAST = 5'd28;
    reg [43:0] init_w;
    always @(*) begin
        case (a_step_reg)
        5'd0:  init_w = {FBR0 + FBR_BASE_LO,   32'h0};
        5'd1:  init_w = {FBR0 + FBR_SIZE_LOG2, 32'd4};
        5'd2:  init_w = {FBR0 + FBR_BUF_SIZE,  32'd9216};
        5'd3:  init_w = {FBR0 + FBR_CTRL,      32'd1};
        5'd4:  init_w = {FBR2 + FBR_BASE_LO,   32'h100};
        5'd5:  init_w = {FBR2 + FBR_SIZE_LOG2, 32'd4};
        5'd6:  init_w = {FBR2 + FBR_BUF_SIZE,  32'd512};
        5'd7:  init_w = {FBR2 + FBR_CTRL,      32'd1};
        5'd8:  init_w = {FBR3 + FBR_BASE_LO,   32'h200};
        5'd9:  init_w = {FBR3 + FBR_SIZE_LOG2, 32'd4};
        5'd10: init_w = {FBR3 + FBR_CTRL,      32'd1};
        5'd11: init_w = {CQ0 + CQ_BASE_LO,         32'h800};
        5'd12: init_w = {CQ0 + CQ_SIZE_LOG2,       32'd4};
        5'd13: init_w = {CQ0 + CQ_CTRL,            32'd1};
        5'd14: init_w = {CQ0 + 12'h20 + CQ_BASE_LO,   32'ha00};
        5'd15: init_w = {CQ0 + 12'h20 + CQ_SIZE_LOG2, 32'd4};
        5'd16: init_w = {CQ0 + 12'h20 + CQ_CTRL,      32'd1};
        5'd17: init_w = {CQ0 + 12'h40 + CQ_BASE_LO,   32'hc00};
        5'd18: init_w = {CQ0 + 12'h40 + CQ_SIZE_LOG2, 32'd4};
        5'd19: init_w = {CQ0 + 12'h40 + CQ_CTRL,      32'd1};
        5'd20: init_w = {CQ0 + 12'h60 + CQ_BASE_LO,   32'he00};
        5'd21: init_w = {CQ0 + 12'h60 + CQ_SIZE_LOG2, 32'd4};
        5'd22: init_w = {CQ0 + 12'h60 + CQ_CTRL,      32'd1};
        5'd23: init_w = {REG_QSEL, 32'd2};
        5'd24: init_w = {REG_REASM_CTRL, 32'h1001};   // on, 64 KB pages
        5'd25: init_w = {FBR0 + FBR_TAIL, NBUF[31:0]}; // after the descriptors (A_POST)
        5'd26: init_w = {FBR2 + FBR_TAIL, NBUF[31:0]};
        5'd27: init_w = {FBR3 + FBR_TAIL, NBUF[31:0]};
        default: init_w = {REG_CTRL, 32'd1};
        endcase
    end
    // the ring of bring-up descriptor group g (0, 1, 2: rings 0, 2, 3)
    wire [1:0] post_ring = {a_post_reg[5:4] != 2'd0, a_post_reg[5:4] == 2'd2};

    // cur_reg's fields (the record FIFO's layout)
    localparam C_DBUF = 0, C_BUF = 16, C_SEGS = 32, C_DRING = 40, C_RING = 42, C_DPOST = 44, C_MERGED = 45,
               C_RUN = 46, C_ERR = 47, C_OP = 48, C_Q = 52;
    // the ring of the buffer posted now: the first part's, then the data part's
    wire [1:0] p_ring = lite_n_reg == 2'd3 ? cur_reg[C_RING +: 2] : cur_reg[C_DRING +: 2];

    integer i;
    always @(posedge clk) begin
        mem_we <= 2'b00;
        ag_we <= 1'b0;
        if (rst) begin
            w_busy_reg <= 1'b0;
            b_pend_reg <= 1'b0;
            r_busy_reg <= 1'b0;
            r_v1_reg <= 1'b0;
            r_v2_reg <= 1'b0;
            s_axi_rvalid <= 1'b0;
            rf_wr_reg <= 3'd0;
            rf_rd_reg <= 3'd0;
            a_st_reg <= A_INIT;
            a_step_reg <= 5'd0;
            a_post_reg <= 6'd0;
            running_reg <= 1'b0;
            m_axil_awvalid <= 1'b0;
            m_axil_wvalid <= 1'b0;
            st_rec <= 32'd0;
            st_repost <= 32'd0;
            st_err <= 32'd0;
            st_runs <= 32'd0;
            st_merged <= 32'd0;
            st_segs <= 32'd0;
            for (i = 0; i < 4; i = i + 1) begin
                st_q[i] <= 32'd0;
                cq_head_reg[i] <= 16'd0;
                fbr_tail_reg[i] <= NBUF[15:0];
            end
            for (i = 0; i < 16; i = i + 1) st_op[i] <= 32'd0;
        end else begin
            // write slave
            if (s_axi_awvalid && s_axi_awready) begin
                w_busy_reg <= 1'b1;
                w_addr_reg <= s_axi_awaddr;
            end
            if (b_pend_reg) b_pend_reg <= 1'b0;   // bready is always 1
            if (w_take) begin
                w_addr_reg <= w_addr_reg + BEAT_STEP;
                if (in_ram && &s_axi_wstrb) begin
                    mem_we <= {WIDE || w_addr_reg[3], WIDE || !w_addr_reg[3]};
                    mem_wa <= w_addr_reg[11:4];
                    mem_wd <= w_line;
                end
                if (in_cq && w_beat == 2'b00)
                    rec_lo_reg <= {w_q, s_axi_wdata[43:40], s_axi_wdata[33:32], s_axi_wdata[31:16]};
                if (in_cq && w_beat == W1_BEAT)
                    rec_segs_reg <= w1_segs;
                if (in_cq && w_beat == 2'b10) begin
                    for (i = 0; i < 4; i = i + 1)
                        if (rf_wr_reg[1:0] == i[1:0])
                            rf[i] <= {rec_lo_reg[23:18], w2[37], w2_run, w2_merged, w2_dpost, rec_lo_reg[17:16],
                                      w2[33:32], rec_segs_reg, rec_lo_reg[15:0], w2[31:16]};
                    rf_wr_reg <= rf_wr_reg + 3'd1;
                end
                if (s_axi_wlast) begin
                    w_busy_reg <= 1'b0;
                    b_pend_reg <= 1'b1;
                end
            end
            if (ag_we) begin
                // ring r's descriptors at 0x100 x (0, 1, 2 for rings 0, 2, 3)
                mem_we <= 2'b11;
                mem_wa <= {2'd0, ag_wa_ring[1] & ag_wa_ring[0], ag_wa_ring[1] & !ag_wa_ring[0], ag_wa_slot};
                mem_wd <= {48'd0, ag_wa_buf, BUF_BASE + {42'd0, ag_wa_ring, ag_wa_buf[3:0], 16'd0}};
            end

            // read slave: address to the RAM, its data to rdata (rready is always 1)
            if (s_axi_arvalid && s_axi_arready) begin
                r_busy_reg <= 1'b1;
                r_a_reg <= s_axi_araddr[11:3];
                r_left_reg <= s_axi_arlen;
            end
            r_v1_reg <= 1'b0;
            if (r_busy_reg) begin
                r_v1_reg <= 1'b1;
                r_last1_reg <= r_left_reg == 8'd0;
                r_hi1_reg <= r_a_reg[0];
                r_a_reg <= r_a_reg + (WIDE ? 9'd2 : 9'd1);
                r_left_reg <= r_left_reg - 8'd1;
                if (r_left_reg == 8'd0) r_busy_reg <= 1'b0;
            end
            r_v2_reg <= r_v1_reg;
            r_last2_reg <= r_last1_reg;
            r_hi2_reg <= r_hi1_reg;
            r_q_reg <= mem_q;
            s_axi_rvalid <= r_v2_reg;
            s_axi_rlast <= r_v2_reg && r_last2_reg;

            // the agent's AXI4-Lite writes: both channels offered, done at the response
            if (m_axil_awvalid && m_axil_awready) m_axil_awvalid <= 1'b0;
            if (m_axil_wvalid && m_axil_wready) m_axil_wvalid <= 1'b0;
            case (a_st_reg)
            A_INIT: begin
                if (a_step_reg == A_TAILS && a_post_reg != {2'd3, 4'd0}) begin
                    a_st_reg <= A_POST;
                end else begin
                    {m_axil_awaddr, m_axil_wdata} <= init_w;
                    lite_n_reg <= 2'd0;
                    m_axil_awvalid <= 1'b1;
                    m_axil_wvalid <= 1'b1;
                    a_st_reg <= A_LITE;
                    a_ret_reg <= A_INIT;
                end
            end
            A_POST:
                if (!w_take && mem_we == 2'b00) begin
                    // a descriptor: buffer b of the group's ring in slot b
                    ag_we <= 1'b1;
                    ag_wa_ring <= post_ring;
                    ag_wa_slot <= a_post_reg[3:0];
                    ag_wa_buf <= {12'd0, a_post_reg[3:0]};
                    a_post_reg <= a_post_reg[3:0] == NB - 4'd1 ? {a_post_reg[5:4] + 2'd1, 4'd0} : a_post_reg + 6'd1;
                    a_st_reg <= A_INIT;
                end
            A_RUN:
                if (!rf_empty && !w_take && mem_we == 2'b00) begin
                    for (i = 0; i < 4; i = i + 1)
                        if (rf_rd_reg[1:0] == i[1:0]) cur_reg <= rf[i];
                    rf_rd_reg <= rf_rd_reg + 3'd1;
                    a_st_reg <= A_LITE;
                    a_ret_reg <= A_RUN;
                    lite_n_reg <= 2'd3;   // count and post, then FBR_TAIL (twice: a data part), then CQ_HEAD
                end
            default: // A_LITE
                if (lite_n_reg == 2'd3 || (lite_n_reg == 2'd2 && m_axil_bvalid && dpost_reg)) begin
                    // the record at hand: count it and post its first part's buffer, or
                    // (after that FBR_TAIL) its data part's
                    if (lite_n_reg == 2'd3) begin
                        if (cur_reg[C_RUN]) begin
                            st_runs <= st_runs + 32'd1;
                            st_segs <= st_segs + {24'd0, cur_reg[C_SEGS +: 8]};
                        end else begin
                            st_rec <= st_rec + 32'd1;
                            if (cur_reg[C_MERGED]) st_merged <= st_merged + 32'd1;
                            for (i = 0; i < 16; i = i + 1)
                                if (cur_reg[C_OP +: 4] == i[3:0]) st_op[i] <= st_op[i] + 32'd1;
                        end
                        if (cur_reg[C_ERR]) st_err <= st_err + 32'd1;
                        for (i = 0; i < 4; i = i + 1)
                            if (cur_reg[C_Q +: 2] == i[1:0]) st_q[i] <= st_q[i] + 32'd1;
                    end
                    st_repost <= st_repost + 32'd1;
                    dpost_reg <= lite_n_reg == 2'd3 && cur_reg[C_DPOST];
                    ag_we <= 1'b1;
                    ag_wa_ring <= p_ring;
                    ag_wa_slot <= fbr_tail_reg[p_ring][3:0];
                    ag_wa_buf <= lite_n_reg == 2'd3 ? cur_reg[C_BUF +: 16] : cur_reg[C_DBUF +: 16];
                    fbr_tail_reg[p_ring] <= fbr_tail_reg[p_ring] + 16'd1;
                    m_axil_awaddr <= FBR0 + {5'd0, p_ring, 5'd0} + FBR_TAIL;
                    m_axil_wdata <= {16'd0, fbr_tail_reg[p_ring] + 16'd1};
                    m_axil_awvalid <= 1'b1;
                    m_axil_wvalid <= 1'b1;
                    lite_n_reg <= 2'd2;
                end else if (m_axil_bvalid) begin
                    if (a_ret_reg == A_INIT) begin
                        a_step_reg <= a_step_reg + 5'd1;
                        a_st_reg <= a_step_reg == A_LAST ? A_RUN : A_INIT;
                        if (a_step_reg == A_LAST) running_reg <= 1'b1;
                    end else if (lite_n_reg == 2'd2) begin
                        for (i = 0; i < 4; i = i + 1)
                            if (cur_reg[C_Q +: 2] == i[1:0]) begin
                                cq_head_reg[i] <= cq_head_reg[i] + 16'd1;
                                m_axil_wdata <= {16'd0, cq_head_reg[i] + 16'd1};
                            end
                        m_axil_awaddr <= CQ0 + {5'd0, cur_reg[C_Q +: 2], 5'd0} + CQ_HEAD;
                        m_axil_awvalid <= 1'b1;
                        m_axil_wvalid <= 1'b1;
                        lite_n_reg <= 2'd1;
                    end else begin
                        a_st_reg <= A_RUN;
                    end
                end
            endcase
        end
    end

    generate if (WIDE) begin : g_r128
        always @(posedge clk) s_axi_rdata <= r_q_reg;
        wire unused_r = &{1'b0, r_hi2_reg};
    end else begin : g_r64
        always @(posedge clk) s_axi_rdata <= r_hi2_reg ? r_q_reg[127:64] : r_q_reg[63:0];
    end endgenerate

    // one multiplexer, not a chain of comparisons: the address picks a group, then an entry
    reg [31:0] st_mux;
    wire [3:0] op_i = st_addr[3:0] - 4'd8;   // 8..23 -> 0..15
    always @(*) begin
        case (st_addr[4:2])
        3'd0:    case (st_addr[1:0])
                 2'd0: st_mux = {31'd0, running_reg};
                 2'd1: st_mux = st_rec;
                 2'd2: st_mux = st_repost;
                 default: st_mux = st_err;
                 endcase
        3'd1:    st_mux = st_q[st_addr[1:0]];
        3'd6:    case (st_addr[1:0])
                 2'd0: st_mux = 32'd0;
                 2'd1: st_mux = st_runs;
                 2'd2: st_mux = st_merged;
                 default: st_mux = st_segs;
                 endcase
        3'd7:    st_mux = 32'd0;
        default: st_mux = st_op[op_i];
        endcase
    end
    assign st_rdata = st_mux;
endmodule
`default_nettype wire
