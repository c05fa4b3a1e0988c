// nicrx_cpl_write - the transfer engine's completion writer: the completion record's words
// (v2, 32 bytes, docs/host-interface.md "Completion record") in a one-record holder for the
// mover, the B responses to expect (B FIFO), each completion queue's tails (issued and
// completed), its room and the next record's slot, DELIVERED and AXI_ERROR.  Instantiated by
// nicrx_dma, whose issue FSM sends a completion request (cr) with each AW burst.
// C twin: cmodel/cpl_write.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_cpl_write".
//
//   s_cr (one per AW) -> B FIFO (bq) -> m_axi_b* -> st_cq_tail, cnt_delivered, cnt_axi_error
//                     \-> issued tail, record holder (rh) -> m_rec (to nicrx_mover)
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_cpl_write #(
    parameter NUM_CQ = 4   // completion queues (nicrx_top)
) (
    input  wire                      clk,
    input  wire                      rst,
    // completion requests, one per AW burst (rtl/nicrx_stream_cr.vh); ready is registered,
    // one cycle old: the sender never pushes at two edges in a row, and pushes a record
    // only while m_rec_valid is low
    input  wire                      s_cr_valid,
    input  wire [CR_W-1:0]           s_cr_data,
    output wire                      s_cr_ready,
    // the record holder: the last record's 32 bytes, word 0 lowest, until the mover takes them
    output wire                      m_rec_valid,
    output wire [255:0]              m_rec_data,
    input  wire                      m_rec_ready,
    // the next record's queue (the issue FSM's), and its slot, phase and CQ base (registered
    // every cycle from it: they follow it one cycle later)
    input  wire [((NUM_CQ > 1) ? $clog2(NUM_CQ) : 1)-1:0] rec_q,
    output wire [15:0]               rec_off,
    output wire                      rec_ph,
    output wire [63:0]               rec_base,
    output wire [NUM_CQ-1:0]         cq_room,   // issued tail - head < size (one cycle old)
    output wire [NUM_CQ-1:0]         cq_room2,  // ... < size - 1: room for two records (a frame's and a run's)
    input  wire [NUM_CQ*64-1:0]      cfg_cq_base,
    input  wire [NUM_CQ*4-1:0]       cfg_cq_size_log2,
    input  wire [NUM_CQ-1:0]         cfg_cq_en,
    input  wire [NUM_CQ*16-1:0]      cfg_cq_head,
    output wire [NUM_CQ*16-1:0]      st_cq_tail,
    input  wire                      s_rerr,    // a read error nicrx_desc_fetch saw (AXI_ERROR)
    output wire [31:0]               cnt_delivered,
    output wire [31:0]               cnt_axi_error,
    output wire                      busy,      // a B response still expected (combinational)
    input  wire                      m_axi_bvalid,
    input  wire [1:0]                m_axi_bresp,
    output wire                      m_axi_bready
);
    generate
        `NICRX_CHECK_NUM_CQ
    endgenerate

    localparam QW  = (NUM_CQ > 1) ? $clog2(NUM_CQ) : 1;
    // B FIFO entry: {q, err, rec}
    localparam BQW = 2 + QW;
    `include "nicrx_stream_cr.vh"

    // ---- registers -------------------------------------------------------
    reg [BQW-1:0]        bq_mem [0:7];
    reg [3:0]            bq_wr_reg, bq_wr_next, bq_rd_reg, bq_rd_next;
    reg                  bq_room_reg;                 // the B FIFO has room (one cycle old)
    reg                  rh_full_reg, rh_full_next;   // record holder: one record's words
    reg [63:0]           rh_w0_reg, rh_w0_next, rh_w1_reg, rh_w1_next;
    reg [63:0]           rh_w2_reg, rh_w2_next, rh_w3_reg, rh_w3_next;
    reg [NUM_CQ*16-1:0]  issued_tail_reg, issued_tail_next;
    reg [NUM_CQ*16-1:0]  cq_tail_reg, cq_tail_next;
    reg [NUM_CQ-1:0]     cq_room_reg, cq_room_next, cq_room2_reg, cq_room2_next;
    reg [15:0]           rec_off_reg, rec_off_next;   // rec_q's issued tail % size (one cycle old)
    reg                  rec_ph_reg, rec_ph_next;     // its phase
    reg [63:0]           rec_base_reg, rec_base_next; // rec_q's CQ_BASE (NUM_CQ > 1 only)
    reg [31:0]           cnt_delivered_reg, cnt_delivered_next;
    reg [31:0]           cnt_axi_err_reg, cnt_axi_err_next;

    assign s_cr_ready    = bq_room_reg;
    assign m_rec_valid   = rh_full_reg;
    assign m_rec_data    = {rh_w3_reg, rh_w2_reg, rh_w1_reg, rh_w0_reg};
    assign rec_off       = rec_off_reg;
    assign rec_ph        = rec_ph_reg;
    // one CQ: its base needs no selection (the register is then unused and removed)
    assign rec_base      = (NUM_CQ > 1) ? rec_base_reg : cfg_cq_base[63:0];
    assign cq_room       = cq_room_reg;
    assign cq_room2      = cq_room2_reg;
    assign st_cq_tail    = cq_tail_reg;
    assign cnt_delivered = cnt_delivered_reg;
    assign cnt_axi_error = cnt_axi_err_reg;
    assign busy          = bq_rd_reg != bq_wr_reg;
    assign m_axi_bready  = 1'b1;             // documented constant

    // ---- the request's fields --------------------------------------------
    wire            c_rec   = s_cr_data[CR_REC];
    wire            c_err   = s_cr_data[CR_ERR];
    wire            c_run   = s_cr_data[CR_RUN];                 // a run record (re-assembly)
    // the B counts DELIVERED: a frame's record (not an error completion nor a run record), or
    // the last data burst of a frame that has none (a stripped append)
    wire            c_dlv   = c_rec ? !(c_err || c_run) : s_cr_data[CR_DLV];
    wire [QW-1:0]   c_q     = s_cr_data[CR_Q +: QW];
    wire [15:0]     c_dlen  = s_cr_data[CR_DLEN +: CR_DLEN_W];
    wire            c_split = s_cr_data[CR_SPLIT];
    wire            c_dpart = c_split && (c_dlen != 16'd0);   // a split frame with a data part
    wire [1:0]      c_dring = s_cr_data[CR_DRING +: CR_DRING_W];  // 0, 1, or 3 (merged into a run's page)
    wire [7:0]      c_rsegs = s_cr_data[CR_RSEGS +: CR_RSEGS_W];
    wire [1:0]      c_ring  = s_cr_data[CR_RING +: CR_RING_W];
    wire [3:0]      c_more  = s_cr_data[CR_MORE_CNT +: CR_MORE_CNT_W];

    // ---- combinational temporaries ------------------------------------------
    reg [63:0]           w0, w1, w2, w3;
    reg [15:0]           rec_tail;
    reg [3:0]            rec_csz;
    reg [BQW-1:0]        bq_head;
    reg [QW-1:0]         bq_q;
    reg [2:0]            axi_err_inc;
    reg [15:0]           cq_d, cq_low;    // a queue's issued tail - head; its size's low-bit mask
    integer              i, j;

    always @* begin
        bq_wr_next = bq_wr_reg;  bq_rd_next = bq_rd_reg;
        rh_full_next = rh_full_reg;  rh_w0_next = rh_w0_reg;  rh_w1_next = rh_w1_reg;
        rh_w2_next = rh_w2_reg;  rh_w3_next = rh_w3_reg;
        issued_tail_next = issued_tail_reg;  cq_tail_next = cq_tail_reg;
        cnt_delivered_next = cnt_delivered_reg;
        axi_err_inc = 3'd0;

        // CQ room for one record and for two, one cycle old (the issue FSM waits a cycle
        // after each record): with d = issued tail - head and the size 2^k, d < 2^k is "no
        // bit of d at k or above" and d + 1 < 2^k is that and "not all of d's k low bits
        // set", so the only carry chain is d's (an add and two compares after it were 142
        // MHz out of context)
        for (i = 0; i < NUM_CQ; i = i + 1) begin
            cq_d = issued_tail_reg[i*16 +: 16] - cfg_cq_head[i*16 +: 16];
            for (j = 0; j < 16; j = j + 1) cq_low[j] = j < cfg_cq_size_log2[i*4 +: 4];
            cq_room_next[i]  = ~|(cq_d & ~cq_low);
            cq_room2_next[i] = cq_room_next[i] && ~&(cq_d | ~cq_low);
        end
        // the next record's slot (issued tail % size) and phase, registered every cycle from
        // rec_q (valid one cycle after the issue FSM sets it); the base is added there
        rec_tail = issued_tail_reg[rec_q*16 +: 16];
        rec_csz  = cfg_cq_size_log2[rec_q*4 +: 4];
        rec_off_next = rec_tail & ~(16'hffff << rec_csz);
        rec_ph_next  = !(rec_tail[rec_csz]);
        rec_base_next = cfg_cq_base[rec_q*64 +: 64];

        // record v2: words 0 and 1 the first part (a split frame's header part, else the whole
        // frame), word 2 the data part and the flags, word 3 each part's place in its page
        // (a data part's 0 without one) and the phase; a run record: its page and flow in
        // word 0, the run in word 1 (docs/host-interface.md "Run record"), the page back
        if (c_err) begin
            w0 = {30'd0, c_ring, s_cr_data[CR_BUFID +: 16], 16'd0};
            w1 = 64'd0;
            w2 = {26'd0, 1'b1, 37'd0};
            w3 = {s_cr_data[CR_PHASE], 16'd0, 13'd1, 1'b0, 1'b1, 32'd0};
        end else if (c_run) begin
            w0 = {s_cr_data[CR_FLOW +: 16], 14'd0, c_ring, s_cr_data[CR_BUFID +: 16], 16'd0};
            w1 = {3'd0, s_cr_data[CR_RREASON +: 4], c_rsegs, s_cr_data[CR_RLEN +: 17], s_cr_data[CR_RSEQ +: 32]};
            // the run's last merged segment's URG, PSH, RST, FIN (TCP header bits) and window
            // in word 2, its ACK number in word 3
            w2 = {18'd0, s_cr_data[CR_RFLAGS +: 6] & 6'h2d, 1'b1, 23'd0, s_cr_data[CR_RWIN +: 16]};
            w3 = {s_cr_data[CR_PHASE], 16'd0, 5'd0, c_rsegs, 1'b0, 1'b1, s_cr_data[CR_RACK +: 32]};
        end else begin
            w0 = {s_cr_data[CR_FLOW +: 16], s_cr_data[CR_PRESEL], s_cr_data[CR_PERR], s_cr_data[CR_TRUNC],
                  c_more != 4'd0, s_cr_data[CR_OPCODE +: 4], s_cr_data[CR_FRAG], s_cr_data[CR_VLAN],
                  s_cr_data[CR_L4 +: 2], s_cr_data[CR_L3 +: 2], c_ring, s_cr_data[CR_BUFID +: 16],
                  s_cr_data[CR_LEN +: 16]};
            w1 = {1'b0, s_cr_data[CR_RSS_TYPE +: 3], 8'd0, c_more, s_cr_data[CR_L4_OFF +: 8],
                  s_cr_data[CR_L3_OFF +: 8], s_cr_data[CR_HASH +: 32]};
            // {pay, merged, err, lerr, large (the class: the ring of the whole frame or of the
            // data part), split, data ring, buf_id, len}
            w2 = {s_cr_data[CR_PAY +: 16], 9'd0, c_dpart && s_cr_data[CR_MRG], 1'b0, s_cr_data[CR_LERR],
                  c_split ? c_dpart && c_dring == 2'd1 : c_ring == 2'd1, c_split, c_dpart ? c_dring : 2'd0,
                  c_dpart ? s_cr_data[CR_DBUFID +: 16] : 16'd0, c_dpart ? c_dlen : 16'd0};
            w3 = {s_cr_data[CR_PHASE], 3'd0, c_dpart ? s_cr_data[CR_DCNT +: 13] + 13'd1 : 13'd0,
                  s_cr_data[CR_CNT +: 13] + 13'd1, c_dpart && s_cr_data[CR_DPREL], s_cr_data[CR_PREL],
                  c_dpart ? s_cr_data[CR_DOFF +: 16] : 16'd0, s_cr_data[CR_OFF +: 16]};
        end

        // ---- a request: a B response to expect; a record's words into the holder and its
        // queue's issued tail on.  The empty holder loads the words at every edge (only a
        // full one is read), so its 256 enables are the holder's own flag, not the request's
        // valid from the issue FSM (issue 10)
        if (!rh_full_reg) begin
            rh_w0_next = w0;  rh_w1_next = w1;  rh_w2_next = w2;  rh_w3_next = w3;
        end
        if (s_cr_valid) begin
            bq_wr_next = bq_wr_reg + 1'b1;
            if (c_rec) begin
                rh_full_next = 1'b1;
                for (i = 0; i < NUM_CQ; i = i + 1)
                    if (c_q == i[QW-1:0])
                        issued_tail_next[i*16 +: 16] = issued_tail_reg[i*16 +: 16] + 16'd1;
            end
        end
        // the mover took the record's last beat into W: the holder is free
        if (m_rec_ready) rh_full_next = 1'b0;

        // ---- B channel: tails, DELIVERED, AXI errors ---------------------------
        bq_head = bq_mem[bq_rd_reg[2:0]];
        bq_q    = bq_head[2 +: QW];
        if (m_axi_bvalid) begin
            bq_rd_next = bq_rd_reg + 1'b1;
            if (m_axi_bresp != 2'b00) axi_err_inc = axi_err_inc + 3'd1;
            if (bq_head[1]) cnt_delivered_next = cnt_delivered_reg + 32'd1;
        end
        // tails per queue: a record's B moves its queue's on
        for (i = 0; i < NUM_CQ; i = i + 1) begin
            if (!cfg_cq_en[i]) begin
                cq_tail_next[i*16 +: 16] = 16'd0;
                issued_tail_next[i*16 +: 16] = 16'd0;
            end else if (m_axi_bvalid && bq_head[0] && bq_q == i[QW-1:0]) begin
                cq_tail_next[i*16 +: 16] = cq_tail_reg[i*16 +: 16] + 16'd1;
            end
        end

        if (s_rerr) axi_err_inc = axi_err_inc + 3'd1;
        cnt_axi_err_next = cnt_axi_err_reg + {29'd0, axi_err_inc};
    end

    // ---- memory (no reset: contents are don't-care until written) -----------
    always @(posedge clk) begin
        if (s_cr_valid) bq_mem[bq_wr_reg[2:0]] <= {c_q, c_dlv, c_rec};
    end

    // ---- registers --------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            bq_wr_reg <= 4'd0;  bq_rd_reg <= 4'd0;  bq_room_reg <= 1'b1;
            rh_full_reg <= 1'b0;  rh_w0_reg <= 64'd0;  rh_w1_reg <= 64'd0;
            rh_w2_reg <= 64'd0;  rh_w3_reg <= 64'd0;
            issued_tail_reg <= {NUM_CQ*16{1'b0}};  cq_tail_reg <= {NUM_CQ*16{1'b0}};
            cq_room_reg <= {NUM_CQ{1'b0}};  cq_room2_reg <= {NUM_CQ{1'b0}};
            rec_off_reg <= 16'd0;  rec_ph_reg <= 1'b0;  rec_base_reg <= 64'd0;
            cnt_delivered_reg <= 32'd0;  cnt_axi_err_reg <= 32'd0;
        end else begin
            bq_wr_reg <= bq_wr_next;  bq_rd_reg <= bq_rd_next;
            // room registered from the pointers before the edge: with no push at two edges
            // in a row, one place is enough
            bq_room_reg <= (bq_wr_reg - bq_rd_reg) != 4'd8;
            rh_full_reg <= rh_full_next;  rh_w0_reg <= rh_w0_next;  rh_w1_reg <= rh_w1_next;
            rh_w2_reg <= rh_w2_next;  rh_w3_reg <= rh_w3_next;
            issued_tail_reg <= issued_tail_next;  cq_tail_reg <= cq_tail_next;
            cq_room_reg <= cq_room_next;  cq_room2_reg <= cq_room2_next;
            rec_off_reg <= rec_off_next;  rec_ph_reg <= rec_ph_next;  rec_base_reg <= rec_base_next;
            cnt_delivered_reg <= cnt_delivered_next;  cnt_axi_err_reg <= cnt_axi_err_next;
        end
    end
    // Unused: the request's queue bits above QW (NUM_CQ below 8).
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, s_cr_data};
    /* verilator lint_on UNUSEDSIGNAL */
`ifdef FORMAL
    // ================================================================ formal
    // Beside the logic; proved within nicrx_dma (dma-bmc, formal/run.sh), whose issue FSM is
    // the sender: the B FIFO never overflows, a record never overwrites one the mover has not
    // taken, and the holder is taken only when full.
    `include "nicrx_formal_reset.vh"
    always @(*) if (f_past_valid) begin
        assert((bq_wr_reg - bq_rd_reg) <= 4'd8);
        if (s_cr_valid && c_rec) assert(!rh_full_reg);
        if (m_rec_ready) assert(rh_full_reg);
    end
`endif
endmodule

`resetall
