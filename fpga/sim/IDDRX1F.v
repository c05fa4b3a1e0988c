// IDDRX1F - behavioural model of the ECP5 DDR input primitive, for simulation only
// (Verilator, Icarus).  Synthesis uses Yosys's ECP5 cell library instead, so this file is
// never given to Yosys.  As the primitive does: D is sampled at the rising edge of SCLK and
// at the falling edge that follows; both samples appear together on Q0 (rising) and Q1
// (falling) after the next rising edge, so a (Q0, Q1) pair is one clock period of D in
// order.  RST is synchronous here (the board holds it through the first edges only).
`timescale 1ns / 1ps
`default_nettype none
module IDDRX1F (
    input  wire D,
    input  wire SCLK,
    input  wire RST,
    output reg  Q0,
    output reg  Q1
);
    reg pos_s, neg_s;
    always @(posedge SCLK) pos_s <= D;
    always @(negedge SCLK) neg_s <= D;
    always @(posedge SCLK) begin
        if (RST) begin
            Q0 <= 1'b0;
            Q1 <= 1'b0;
        end else begin
            Q0 <= pos_s;
            Q1 <= neg_s;
        end
    end
endmodule
`default_nettype wire
