// nicrx_irq - the interrupt lines, one level per completion queue
// (docs/architecture.md "nicrx_irq").  Twin: cmodel/irq.c.
//
// irq[q] is high while queue q's interrupt is enabled and its visible tail (the transfer
// engine's st_cq_tail, a register) differs from the host's head: one register stage, so
// a line follows a tail or a head one cycle later.  Interrupt moderation replaces this
// block alone.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_irq #(
    parameter NUM_CQ = 4        // completion queues and interrupt lines (nicrx_top)
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire [NUM_CQ-1:0]    cfg_cq_irq_en,
    input  wire [NUM_CQ*16-1:0] cfg_cq_head,
    input  wire [NUM_CQ*16-1:0] s_cq_tail,     // the transfer engine's visible tails
    output wire [NUM_CQ-1:0]    irq
);
    generate
        `NICRX_CHECK_NUM_CQ
    endgenerate

    reg [NUM_CQ-1:0] irq_reg, irq_next;
    integer          i;

    assign irq = irq_reg;

    always @* begin
        for (i = 0; i < NUM_CQ; i = i + 1)
            irq_next[i] = cfg_cq_irq_en[i] && (s_cq_tail[i*16 +: 16] != cfg_cq_head[i*16 +: 16]);
    end

    always @(posedge clk) begin
        if (rst) irq_reg <= {NUM_CQ{1'b0}};
        else     irq_reg <= irq_next;
    end
endmodule

`resetall
