// nicrx_ram - packet memory: simple dual-port RAM, one write and one read port.
//
// Read is registered: at an edge with rd_en, rd_data <= mem[rd_addr]; when the same
// word is written at that edge the old contents are returned (read-before-write).
// rd_data holds its value while rd_en is low.  Neither the contents nor rd_data are
// reset (block RAM output registers have no reset on iCE40); the DMA only reads words
// the ingress has written, and only uses rd_data the cycle after a read.  The model
// (cmodel/ram.c) starts with contents and rd_data zero, and so does simulation here
// (the initial block is the one place an `initial` is allowed: RAM contents).
// Written in the shape yosys maps to SB_RAM40_4K (iCE40) and DP16KD (ECP5).
//
// no_rw_check: neither block RAM defines a read of the word the other port writes at
// the same edge, and without this attribute yosys adds a 141-flop bypass to emulate
// read-before-write.  In nicrx that collision cannot happen: the ingress writes only
// free words (at or past wr_ptr) and the DMA reads only committed ones (between
// pm_rel_ptr and wr_ptr).  Simulation and the model still return the old data.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_ram #(
    parameter WIDTH = 64,   // word width (nicrx_top's DATA_WIDTH)
    parameter AW    = 11    // word address bits (nicrx_top's PM_AW)
) (
    input  wire             clk,
    input  wire             wr_en,
    input  wire [AW-1:0]    wr_addr,
    input  wire [WIDTH-1:0] wr_data,
    input  wire             rd_en,
    input  wire [AW-1:0]    rd_addr,
    output wire [WIDTH-1:0] rd_data
);
    localparam integer WORDS = 1 << AW;

    (* no_rw_check *)
    reg [WIDTH-1:0] mem [0:WORDS-1];
    reg [WIDTH-1:0] rd_data_reg;

    integer i;
    initial begin
        for (i = 0; i < WORDS; i = i + 1) mem[i] = {WIDTH{1'b0}};
    end

    always @(posedge clk) begin
        if (wr_en) mem[wr_addr] <= wr_data;
    end

    always @(posedge clk) begin
        if (rd_en) rd_data_reg <= mem[rd_addr];
    end
    assign rd_data = rd_data_reg;
endmodule

`resetall
