// nicrx_rss - receive-side scaling: each frame's Toeplitz hash (Microsoft's RSS
// specification), its hash type and its completion queue (docs/architecture.md
// "nicrx_rss"; host-interface.md "Receive-side scaling").  Twin: cmodel/rss.c.
//
// The hash is computed from the header vector, beside the flow block's job: at the
// edge H0 where the parser hands a frame to the key block (s_hv_valid && s_hv_ready,
// observed), the type, the input (addresses then ports, zero-padded to 288 bits) and
// the key load; edges H0+1..H0+5 copy 64 input bits each and their key window, four
// times (a copy per 8 hash bits, so no register drives more than 8 terms), H0+2..H0+6
// take them into partial sums, H0+3..H0+7 fold those into the hash; H0+8 reads the
// indirection table; H0+9 registers the entry; H0+10 pushes {hash, type, queue} into a
// small FIFO.
// The flow block hands the same frames on, in the same order, on fl at K0+19 at the
// earliest (H0 = K0): at that edge's successor the frame leaves here with the FIFO's
// head in its hash, queue and rss_type fields, one register stage as before
// (nicrx_qsel's latency).
`resetall
`timescale 1ns / 1ps
`default_nettype none

`include "nicrx_params.vh"

module nicrx_rss #(
    parameter PM_AW     = 11,   // packet-memory word address bits (the hv stream's start)
    parameter FQ_DEPTH  = 32,   // header slots (the hv stream's slot)
    parameter RETA_SIZE = 128   // indirection table entries: power of two, 16..512
) (
    input  wire            clk,
    input  wire            rst,
    // the parser's stream to the key block, observed: a frame is taken where both are high
    input  wire            s_hv_valid,
    input  wire            s_hv_ready,
    input  wire [HV_W-1:0] s_hv_data,
    // the flow block's stream (hash as hv, queue and rss_type 0), valid only
    input  wire            s_fl_valid,
    input  wire [FL_W-1:0] s_fl_data,
    input  wire [2:0]      cfg_qsel_log2,   // QSEL: 2^QSEL queues in use
    input  wire [319:0]    cfg_rss_key,     // key byte 0 in [319:312]
    input  wire [5:0]      cfg_rss_types,   // RSS_CTRL.types
    input  wire            cfg_rss_mode,    // RSS_CTRL.mode: 1 modulo
    input  wire            cfg_reta_we,     // one cycle: entry cfg_reta_addr := cfg_reta_data
    input  wire [8:0]      cfg_reta_addr,
    input  wire [2:0]      cfg_reta_data,
    // to the transfer engine: the frame with its hash, queue and type, one cycle later
    output wire            m_fl_valid,
    output wire [FL_W-1:0] m_fl_data,
    output wire            idle          // no frame between the parser's hand-off and here
);
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer RAW    = $clog2(RETA_SIZE);
    localparam integer STEPS  = 5;        // 288 input bits, 64 a cycle
    localparam integer FD     = 4;        // results in flight: see the FIFO below
    `include "nicrx_stream_hv.vh"
    `include "nicrx_stream_fl.vh"

    generate
        `NICRX_CHECK_RETA_SIZE
    endgenerate

    // ---- H0: the type and the input -------------------------------------------
    wire [1:0] hv_l3 = s_hv_data[HV_L3 +: 2];
    wire [1:0] hv_l4 = s_hv_data[HV_L4 +: 2];
    wire       v4 = hv_l3 == 2'd1, v6 = hv_l3 == 2'd2;
    wire       l4ok = !s_hv_data[HV_FRAG] && (hv_l4 == 2'd1 || hv_l4 == 2'd2);
    // type t is enabled by types[t-1]: IPv4 1, TCP/IPv4 2, UDP/IPv4 3, IPv6 4, TCP 5, UDP 6
    wire [2:0] base = v6 ? 3'd4 : 3'd1;
    wire       en_l4 = hv_l4 == 2'd1 ? (v6 ? cfg_rss_types[4] : cfg_rss_types[1])
                                     : (v6 ? cfg_rss_types[5] : cfg_rss_types[2]);
    wire       en_ip = v6 ? cfg_rss_types[3] : cfg_rss_types[0];
    wire       ok = !s_hv_data[HV_PERR] && (v4 || v6);
    wire       use_l4 = ok && l4ok && en_l4;
    wire [2:0] typ = use_l4 ? base + {1'b0, hv_l4} : (ok && en_ip) ? base : 3'd0;
    wire [31:0]  ports = use_l4 ? {s_hv_data[HV_SPORT +: 16], s_hv_data[HV_DPORT +: 16]} : 32'd0;
    wire [287:0] in_v4 = {s_hv_data[HV_SRC + 96 +: 32], s_hv_data[HV_DST + 96 +: 32], ports, 192'd0};
    wire [287:0] in_v6 = {s_hv_data[HV_SRC +: 128], s_hv_data[HV_DST +: 128], ports};
    wire [287:0] in_h0 = typ == 3'd0 ? 288'd0 : v6 ? in_v6 : in_v4;
    wire         take = s_hv_valid && s_hv_ready;

    // ---- the hash: 64 input bits a cycle, each set bit XORs its 32-bit key window; the
    // 64 terms of a hash bit in two registered levels (four partial sums of 16, then their
    // XOR into the hash), so a step is about three LUT levels and the accumulate two.  The
    // step's input bits and key window are registered first in four copies, one per 8 hash
    // bits (each drove all 32 before: the route was the limit, docs/synthesis.md)
    reg [287:0] in_reg;
    reg [319:0] key_reg;
    reg [31:0]  hash_reg;
    reg [2:0]   typ_reg;
    reg [2:0]   cnt_reg;          // steps left
    reg         sv_reg;           // the copies hold a step's input and key window
    reg         pv_reg;           // p_reg holds a step's partial sums
    reg [127:0] p_reg;
    wire [127:0] step_p;
    genvar g, gk;
    generate
        for (g = 0; g < 4; g = g + 1) begin : g_cp
            // bit i of the copies is in_reg[224 + i] and key_reg[225 + i]: input bit j of the
            // step (from the top) is in_c_reg[63 - j], bit b of its window key_c_reg[63 - j + b]
            reg [63:0] in_c_reg;
            reg [94:0] key_c_reg;
            // loaded every cycle (no enable to fan out): used only while sv_reg says so
            (* keep *) always @(posedge clk) begin
                in_c_reg  <= in_reg[287:224];
                key_c_reg <= key_reg[319:225];
            end
            for (gk = 0; gk < 4; gk = gk + 1) begin : g_sum
                reg [7:0] sp;             // hash bits 8g..8g+7 of partial sum gk (input bits 16gk..16gk+15)
                integer j, b;
                always @* begin
                    sp = 8'd0;
                    for (j = 16 * gk; j < 16 * gk + 16; j = j + 1)
                        for (b = 0; b < 8; b = b + 1)
                            if (in_c_reg[63 - j]) sp[b] = sp[b] ^ key_c_reg[63 - j + 8 * g + b];
                end
                assign step_p[gk * 32 + 8 * g +: 8] = sp;
            end
        end
    endgenerate

    // ---- the table: block RAM, a registered read straight into fabric flip-flops
    reg [2:0] reta_mem [0:RETA_SIZE-1];
    reg [2:0] reta_rd_reg;        // the RAM's output register
    integer i;
    initial begin
        for (i = 0; i < RETA_SIZE; i = i + 1) reta_mem[i] = i[2:0];
    end
    reg            lk_reg;        // H0+8: read the table
    reg            l1_reg;        // H0+9: the entry in reta_rd_reg
    reg            l2_reg;        // H0+10: push
    reg [31:0]     l1_hash_reg;
    reg [2:0]      l1_typ_reg;
    reg            col_reg;       // the host wrote the entry read, at the read's edge
    reg [2:0]      col_data_reg;
    reg [2:0]      ent_reg;
    always @(posedge clk) begin
        if (cfg_reta_we) reta_mem[cfg_reta_addr[RAW-1:0]] <= cfg_reta_data;
        if (lk_reg) reta_rd_reg <= reta_mem[hash_reg[RAW-1:0]];
    end

    // ---- the results in frame order: the flow block holds at most one job, the key block
    // one in progress and one handed on, so at most three frames are past H0+10 and not yet
    // on fl (FD = 4; an overflow is an assertion)
    reg [37:0]          fifo_mem [0:FD-1];   // {type, queue, hash}
    reg [2:0]           fifo_wr_reg, fifo_rd_reg;
    wire [2:0]          mask = {cfg_qsel_log2 >= 3'd3, cfg_qsel_log2 >= 3'd2, cfg_qsel_log2 >= 3'd1};
    wire [2:0]          q = (cfg_rss_mode ? l1_hash_reg[2:0] : col_reg ? col_data_reg : ent_reg) & mask;
    reg  [37:0]         head;
    integer k;
    always @* begin
        head = 38'd0;
        for (k = 0; k < FD; k = k + 1)
            if (fifo_rd_reg[1:0] == k[1:0]) head = fifo_mem[k];
    end

    wire unused_ok = &{1'b0, cfg_reta_addr};   // the entries past RETA_SIZE wrap

    reg            m_fl_valid_reg;
    reg [FL_W-1:0] m_fl_data_reg;
    assign m_fl_valid = m_fl_valid_reg;
    assign m_fl_data  = m_fl_data_reg;
    assign idle = !m_fl_valid_reg && cnt_reg == 3'd0 && !sv_reg && !pv_reg && !lk_reg && !l1_reg && !l2_reg &&
                  fifo_wr_reg == fifo_rd_reg;

    always @(posedge clk) begin
        if (take) begin
            in_reg  <= in_h0;
            key_reg <= cfg_rss_key;
            typ_reg <= typ;
        end else begin
            // shifted every cycle but at a take (no enable to fan out to 600 flip-flops):
            // only the five steps after a take are used
            in_reg  <= {in_reg[223:0], 64'd0};
            key_reg <= {key_reg[255:0], 64'd0};
        end
        p_reg <= step_p;   // used only while pv_reg says so
        if (lk_reg) begin
            l1_hash_reg  <= hash_reg;
            l1_typ_reg   <= typ_reg;
            col_reg      <= cfg_reta_we && cfg_reta_addr[RAW-1:0] == hash_reg[RAW-1:0];
            col_data_reg <= cfg_reta_data;
        end
        if (l1_reg) ent_reg <= reta_rd_reg;
        if (l2_reg) fifo_mem[fifo_wr_reg[1:0]] <= {l1_typ_reg, q, l1_hash_reg};
        if (s_fl_valid) begin
            m_fl_data_reg <= s_fl_data;
            m_fl_data_reg[FL_HASH +: FL_HASH_W]         <= head[31:0];
            m_fl_data_reg[FL_QUEUE +: FL_QUEUE_W]       <= {{FL_QUEUE_W-3{1'b0}}, head[34:32]};
            m_fl_data_reg[FL_RSS_TYPE +: FL_RSS_TYPE_W] <= head[37:35];
        end
        if (rst) begin
            hash_reg       <= 32'd0;
            cnt_reg        <= 3'd0;
            sv_reg         <= 1'b0;
            pv_reg         <= 1'b0;
            lk_reg         <= 1'b0;
            l1_reg         <= 1'b0;
            l2_reg         <= 1'b0;
            fifo_wr_reg    <= 3'd0;
            fifo_rd_reg    <= 3'd0;
            m_fl_valid_reg <= 1'b0;
            m_fl_data_reg  <= {FL_W{1'b0}};
        end else begin
            if (take) begin
                hash_reg <= 32'd0;
                cnt_reg  <= STEPS[2:0];
            end else begin
                if (pv_reg)
                    hash_reg <= hash_reg ^ p_reg[0 +: 32] ^ p_reg[32 +: 32] ^ p_reg[64 +: 32] ^ p_reg[96 +: 32];
                if (cnt_reg != 3'd0)
                    cnt_reg <= cnt_reg - 3'd1;
            end
            sv_reg <= cnt_reg != 3'd0;
            pv_reg <= sv_reg;
            lk_reg <= pv_reg && !sv_reg;
            l1_reg <= lk_reg;
            l2_reg <= l1_reg;
            if (l2_reg) fifo_wr_reg <= fifo_wr_reg + 3'd1;
            if (s_fl_valid) fifo_rd_reg <= fifo_rd_reg + 3'd1;
            m_fl_valid_reg <= s_fl_valid;
        end
    end

`ifdef FORMAL
    // The environment as nicrx_top makes it: the key block takes a frame at most every 8
    // cycles (docs/architecture.md "nicrx_flow_key"), so never during a hash; at most
    // three frames are between the take and fl; a frame leaves the flow block on fl only
    // after its result is in the FIFO (K0+19 at the earliest against H0+10).
    `include "nicrx_formal_reset.vh"
    reg  [2:0] f_inflight;        // taken, not yet on fl
    wire [2:0] f_used = fifo_wr_reg - fifo_rd_reg;
    always @(posedge clk)
        if (rst) f_inflight <= 3'd0;
        else     f_inflight <= f_inflight + {2'd0, take} - {2'd0, s_fl_valid};
    always @(*) if (f_past_valid && !rst) begin
        assume(!(take && (cnt_reg != 3'd0 || sv_reg || pv_reg)));
        assume(!(take && f_inflight >= 3'd3));
        assume(!(s_fl_valid && f_used == 3'd0));
    end
    always @(posedge clk) if (f_past_valid && !f_past_rst && !rst) begin
        assert(f_used <= f_inflight && f_inflight <= 3'd3);
        assert(cnt_reg <= STEPS);
        assert(!(lk_reg && l1_reg) && !(l1_reg && l2_reg) && !(pv_reg && lk_reg) && !(sv_reg && lk_reg));
        assert(m_fl_data_reg[FL_QUEUE + 3 +: FL_QUEUE_W - 3] == 0);
        cover(f_used == 3'd2);
        cover(m_fl_valid_reg && m_fl_data_reg[FL_RSS_TYPE +: FL_RSS_TYPE_W] == 3'd6);
    end
`endif
endmodule

`resetall
