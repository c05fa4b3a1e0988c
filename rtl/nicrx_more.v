// nicrx_more - the batching hint of a completion record: how many other frames of the
// head's flow wait behind it in nicrx_dma's frame queue (issue 13; host-interface.md
// "Completion record" more, more_cnt).  Instantiated by nicrx_dma.
// C twin: cmodel/more.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_more".
//
// A shadow of the frame queue's {gen, flow} in flip-flops, written at the queue's push, is
// compared every cycle against the head's key, over the entries that are in the queue (ok:
// set at the push, cleared at the pop; the pop is seen as fq_rd's change, one cycle late, and
// the entry just popped is masked meanwhile, so that no pointer arithmetic over every entry
// sits in front of the match): the match vector is registered (m), summed
// in groups of 8 (ps), then in whole (base, saturating at 15).  The frames pushed during
// those three stages are counted on the side (p1..p3), so that
//   more_cnt(c) = frames in [fq_rd, fq_wr) at cycle c with the head's key,
// exact once the head (fq_rd, head_key) has been stable for four cycles (nicrx_dma issues
// a record's AW at the earliest five edges after loading its head, and only pushes happen
// behind a stable head).
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_more #(
    parameter FQ_DEPTH = 64   // frame queue entries (nicrx_dma)
) (
    input  wire                       clk,
    input  wire                       rst,
    input  wire                       s_push,      // a frame enters the frame queue at this edge
    input  wire [15:0]                s_push_key,  // its {generation, flow number}
    input  wire                       s_push_keep, // RED keeps it (fl.red 0)
    /* verilator lint_off UNUSEDSIGNAL */ // the top bits: entries are marked, not counted by pointers
    input  wire [$clog2(FQ_DEPTH):0]  fq_wr,       // the queue's write pointer (the entry pushed)
    input  wire [$clog2(FQ_DEPTH):0]  fq_rd,       // its read pointer: [fq_rd, fq_wr) wait behind the head
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [15:0]                head_key,    // the head's {generation, flow number}
    output wire [3:0]                 more_cnt     // the count, saturating at 15
);
    generate
        `NICRX_CHECK_FQ_DEPTH
    endgenerate

    localparam LFQ = $clog2(FQ_DEPTH);
    localparam G   = (FQ_DEPTH < 8) ? FQ_DEPTH : 8;   // match bits per partial sum
    localparam NG  = FQ_DEPTH / G;

    reg [15:0]         key_reg [0:FQ_DEPTH-1];   // the shadow: each entry's key ...
    reg [FQ_DEPTH-1:0] ok_reg;                   // ... and whether it counts (queued, a flow, kept)
    reg [LFQ-1:0]      prd_reg;                  // fq_rd one edge ago: the entry a pop took
    reg [15:0]         hk_reg;                   // the head's key, registered
    reg [FQ_DEPTH-1:0] m_reg;                    // entry behind the head with the head's key
    reg [4*NG-1:0]     ps_reg;                   // popcount of each group of G bits of m
    reg [3:0]          base_reg;                 // popcount of m, saturating at 15
    reg                p1_reg, p2_reg, p3_reg;   // a counted push at the last three edges

    reg [FQ_DEPTH-1:0] m_next;
    reg [4*NG-1:0]     ps_next;
    reg [3:0]          base_next;
    wire               pop = fq_rd[0] != prd_reg[0];   // fq_rd moved (by one) at the last edge
    reg [3:0]          g_sum;
    reg [8:0]          sum;
    reg [9*NG-1:0]     tree;
    reg [5:0]          total;
    integer            i, j;

    always @* begin
        for (i = 0; i < FQ_DEPTH; i = i + 1)
            m_next[i] = ok_reg[i] && !(pop && prd_reg == i[LFQ-1:0]) && (key_reg[i] == hk_reg);
        for (i = 0; i < NG; i = i + 1) begin
            g_sum = 4'd0;
            for (j = 0; j < G; j = j + 1)
                g_sum = g_sum + {3'd0, m_reg[i*G + j]};
            ps_next[i*4 +: 4] = g_sum;
        end
        // the group sums added as a balanced tree (log2 NG adders deep, not NG - 1)
        for (i = 0; i < NG; i = i + 1)
            tree[i*9 +: 9] = {5'd0, ps_reg[i*4 +: 4]};
        for (j = NG; j > 1; j = j / 2)
            for (i = 0; i < j / 2; i = i + 1)
                tree[i*9 +: 9] = tree[2*i*9 +: 9] + tree[(2*i+1)*9 +: 9];
        sum = tree[8:0];
        base_next = (sum > 9'd15) ? 4'd15 : sum[3:0];
    end

    // base counts the queue three edges ago; p1..p3 the pushes since
    always @* total = {2'b00, base_reg} + {5'd0, p1_reg} + {5'd0, p2_reg} + {5'd0, p3_reg};
    assign more_cnt = (total > 6'd15) ? 4'd15 : total[3:0];

    always @(posedge clk) begin
        if (s_push) key_reg[fq_wr[LFQ-1:0]] <= s_push_key;
    end

    always @(posedge clk) begin
        if (rst) begin
            ok_reg <= {FQ_DEPTH{1'b0}};
            prd_reg <= {LFQ{1'b0}};
            hk_reg <= 16'd0;
            m_reg <= {FQ_DEPTH{1'b0}};
            ps_reg <= {4*NG{1'b0}};
            base_reg <= 4'd0;
            p1_reg <= 1'b0;  p2_reg <= 1'b0;  p3_reg <= 1'b0;
        end else begin
            // per entry against constant indices (a variable-index write is a shifter);
            // a push into the entry just freed wins over its pop
            for (i = 0; i < FQ_DEPTH; i = i + 1)
                if (s_push && fq_wr[LFQ-1:0] == i[LFQ-1:0])
                    ok_reg[i] <= s_push_keep && (s_push_key != 16'd0);
                else if (pop && prd_reg == i[LFQ-1:0])
                    ok_reg[i] <= 1'b0;
            prd_reg <= fq_rd[LFQ-1:0];
            hk_reg <= head_key;
            m_reg <= m_next;
            ps_reg <= ps_next;
            base_reg <= base_next;
            p1_reg <= s_push && s_push_keep && (s_push_key != 16'd0) && (s_push_key == hk_reg);
            p2_reg <= p1_reg;
            p3_reg <= p2_reg;
        end
    end
endmodule

`resetall
