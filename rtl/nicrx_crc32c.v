// nicrx_crc32c - CRC-32C (Castagnoli, reflected, initial value and final XOR all
// ones) of a 40-byte vector, as a two-level XOR tree with a register between
// (docs/architecture.md "nicrx_flow_key").  Twin: cmodel/crc32c.c.  Byte k of the
// message is data[8k+7:8k], byte 0 first.
//
// The CRC is affine in the message: crc = L(data) ^ crc(zeros).  The constant
// functions below run the bit-serial CRC at elaboration, on the 320 message bits as
// symbols, and give for every result bit the set of message bits it is the parity of.
// Level 1 is, per 64-bit chunk of the message and result bit, the parity of the chunk's
// bits in that set (a 64-input XOR, three LUT levels), registered in part_reg at an edge
// with en; level 2 is the parity of the five chunks' bits (two LUT levels), so `crc`
// is the CRC of the data presented at the last edge with en (one XOR per result bit
// over all 320 inputs was five levels and the flow block's longest path).
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_crc32c (
    input  wire         clk,
    input  wire         en,         // part_reg takes the data's level-1 parities
    input  wire [319:0] data,
    output wire [31:0]  crc         // the CRC of the data of the last edge with en
);
    localparam integer N    = 320;
    localparam integer CW   = 64;   // level-1 chunk
    localparam integer NC   = N / CW;
    localparam [31:0]  POLY = 32'h82f63b78;   // 0x1edc6f41 reflected

    // m[N*j +: N]: the message bits register bit j depends on, after all N bits
    /* verilator lint_off UNUSEDSIGNAL */ // the argument only makes this a function
    function [32*N-1:0] lin_matrix;
        input integer unused;
        reg [32*N-1:0] m;
        reg [N-1:0]    fb;
        integer        i, j;
        begin
            m = 0;
            for (i = 0; i < N; i = i + 1) begin
                fb    = m[N-1:0];
                fb[i] = ~fb[i];
                m     = m >> N;
                for (j = 0; j < 32; j = j + 1)
                    if (POLY[j]) m[N*j +: N] = m[N*j +: N] ^ fb;
            end
            lin_matrix = m;
        end
    endfunction
    // the CRC of the all-zero message (initial value and final XOR included)
    function [31:0] zero_crc;
        input integer unused;
        reg [31:0] c;
        integer    i;
        begin
            c = 32'hffffffff;
            for (i = 0; i < N; i = i + 1)
                c = (c >> 1) ^ (c[0] ? POLY : 32'd0);
            zero_crc = ~c;
        end
    endfunction
    /* verilator lint_on UNUSEDSIGNAL */

    localparam [32*N-1:0] M = lin_matrix(0);
    localparam [31:0]     K = zero_crc(0);

    reg [32*NC-1:0] part_reg;       // bit NC*j + c: result bit j's parity over chunk c
    genvar j, c;
    generate
        for (j = 0; j < 32; j = j + 1) begin : g_bit
            for (c = 0; c < NC; c = c + 1) begin : g_chunk
                always @(posedge clk)
                    if (en) part_reg[NC*j + c] <= ^(data[CW*c +: CW] & M[N*j + CW*c +: CW]);
            end
            assign crc[j] = ^part_reg[NC*j +: NC] ^ K[j];
        end
    endgenerate
endmodule

`resetall
