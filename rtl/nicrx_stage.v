// nicrx_stage - one register stage on a valid/ready stream between two blocks placed apart
// (docs/architecture.md "nicrx_stage"). Twin: cmodel/stage.h.
//
// It holds one item. Its ready is "empty" and its valid "full", both a register, so no
// signal passes through it combinationally: the consumer's take decision starts from a
// register placed by the consumer, and the producer's item crosses the die into registers
// with no logic after them. An item offered at edge E (s_valid && s_ready) is offered on at
// E+1; the stage is empty again the edge after it is taken, so it passes one item every two
// cycles at most: for streams whose consumer takes one item in two cycles or fewer (the
// header vector: one frame per flow job of eight cycles).
// The data register loads at every edge where the stage is empty, whether or not an item
// comes (its enable is one register, not the producer's valid).
// m_valid2 is m_valid from a flip-flop of its own, for a second consumer placed apart from
// the first: each consumer's take then starts from a register the placer can put beside it.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_stage #(
    parameter W = 1    // data bits of the stream, 1 or more
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         s_valid,
    output wire         s_ready,
    input  wire [W-1:0] s_data,
    output wire         m_valid,
    output wire         m_valid2,  // the same as m_valid, from a register of its own
    input  wire         m_ready,
    output wire [W-1:0] m_data,
    output wire         idle      // empty
);
    generate
        if (W < 1) begin : g_bad_w
            nicrx_param_error_STAGE_W_at_least_1 u_bad ();
        end
    endgenerate

    reg         full_reg;
    reg [W-1:0] data_reg;
    // kept inverted: Yosys merges a same-valued copy with full_reg, keep or not
    (* keep *) reg empty2_reg;
    wire        full_next = !rst && (full_reg ? !m_ready : s_valid);

    assign s_ready  = !full_reg;
    assign m_valid  = full_reg;
    assign m_valid2 = !empty2_reg;
    assign m_data   = data_reg;
    assign idle     = !full_reg;

    always @(posedge clk) begin
        if (!full_reg) data_reg <= s_data;
        full_reg <= full_next;
        empty2_reg <= !full_next;
    end
`ifdef FORMAL
    // ================================================================ formal
    `include "nicrx_formal_reset.vh"
    always @(posedge clk) if (f_past_valid && !$past(rst) && !rst) begin
        // an item held is held unchanged until it is taken
        if ($past(full_reg && !m_ready)) assert(full_reg && data_reg == $past(data_reg));
        // an item offered to the empty stage is the one it holds next
        if ($past(s_valid && !full_reg)) assert(full_reg && data_reg == $past(s_data));
        // a taken item leaves
        if ($past(full_reg && m_ready)) assert(!full_reg);
        // the second consumer's valid is the first's
        assert(m_valid2 == m_valid);
    end
`ifdef FORMAL_TOP_nicrx_stage
    always @(posedge clk) if (f_past_valid && !rst) cover($past(full_reg && m_ready, 2) && full_reg);   // the next item two edges after a take
`endif
`endif
endmodule

`resetall
