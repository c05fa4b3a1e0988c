// nicrx_imem - the parser's instruction memory: two banks of IMEM_DEPTH 128-bit
// instructions (docs/microcode.md, "Loading and switching programs").  Twin:
// cmodel/imem.c.
//
// One write port (the CSR's IDATA3 write, always into the bank that is not active)
// and one synchronous read port (the engine's F stage): at an edge with rd_en,
// rd_data <= mem[{rd_bank, rd_addr}].  Address {bank, index}: bank b is words
// b*IMEM_DEPTH .. b*IMEM_DEPTH + IMEM_DEPTH - 1.  At configuration both banks hold
// the program in IMEM_INIT (nicrx-asm hex: one instruction per line, 32 hex digits
// w3..w0), or zeros when IMEM_INIT is "" (the one place an `initial` is allowed:
// RAM contents).  No reset: the contents are configuration.
// no_rw_check: the engine never reads the bank being written (the shadow bank is
// never active while a thread runs), so the read-during-write case does not arise.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_imem #(
    parameter IMEM_DEPTH = 64,         // instructions per bank (nicrx_top)
    parameter IMEM_INIT  = ""          // both banks' contents at configuration (nicrx_top)
) (
    input  wire               clk,
    input  wire               wr_en,
    input  wire               wr_bank,
    input  wire [$clog2(IMEM_DEPTH)-1:0] wr_addr,
    input  wire [127:0]       wr_data,
    input  wire               rd_en,
    input  wire               rd_bank,
    input  wire [$clog2(IMEM_DEPTH)-1:0] rd_addr,
    output wire [127:0]       rd_data
);
    generate
        `NICRX_CHECK_IMEM_DEPTH
    endgenerate

    (* no_rw_check *)
    reg [127:0] mem [0:2*IMEM_DEPTH-1];
    reg [127:0] rd_data_reg;

    integer i;
    initial begin
        if (IMEM_INIT == "") begin
            for (i = 0; i < 2 * IMEM_DEPTH; i = i + 1) mem[i] = 128'd0;
        end else begin
            $readmemh(IMEM_INIT, mem, 0, IMEM_DEPTH - 1);
            $readmemh(IMEM_INIT, mem, IMEM_DEPTH, 2 * IMEM_DEPTH - 1);
        end
    end

    always @(posedge clk) begin
        if (wr_en) mem[{wr_bank, wr_addr}] <= wr_data;
    end

    always @(posedge clk) begin
        if (rd_en) rd_data_reg <= mem[{rd_bank, rd_addr}];
    end
    assign rd_data = rd_data_reg;
endmodule

`resetall
