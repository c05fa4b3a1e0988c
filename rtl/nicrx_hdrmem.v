// nicrx_hdrmem - header memory of one parse engine (docs/architecture.md,
// "nicrx_parser", header memory).  Twin: cmodel/hdrmem.c.
//
// FQ_DEPTH slots of HEADER_BYTES bytes in eight byte lanes: lane j holds the bytes
// whose offset in the slot is j mod 8, row r of a slot being bytes 8r .. 8r+7.  Each
// lane is a simple dual-port RAM with a synchronous read (block RAM).
//   write: the ingress beat of hm_wr_addr = {slot, beat} (BPB bytes at offset
//          beat*BPB) goes into lanes 0..BPB-1 (64-bit) or the four lanes of its half
//          row (32-bit) at the same edge as its packet-memory word.
//   read:  rd_en at an edge reads the 8 bytes at offsets rd_off .. rd_off+7 of slot
//          rd_slot: lane j reads row rd_off/8, or the next row (rd_row1, which the
//          engine adds in parallel with rd_off) when j < rd_off mod 8 (the row index
//          wraps inside the slot; such bytes lie past HEADER_BYTES and the engine
//          never uses them).  rd_lanes[8j+7:8j] is lane j's byte.
// No reset and no initial contents matter: the engine reads only bytes below the
// frame's length that the ingress has written (simulation starts from zeros).
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_hdrmem #(
    parameter DATA_WIDTH   = 64,    // write width (nicrx_top)
    parameter HEADER_BYTES = 128,   // bytes per slot (nicrx_top)
    parameter FQ_DEPTH     = 32     // slots (nicrx_top)
) (
    input  wire                     clk,
    input  wire                     wr_en,
    input  wire [$clog2(FQ_DEPTH)+$clog2(HEADER_BYTES*8/DATA_WIDTH)-1:0] wr_addr,   // {slot, beat}
    input  wire [DATA_WIDTH-1:0]    wr_data,
    input  wire                     rd_en,
    input  wire [$clog2(FQ_DEPTH)-1:0] rd_slot,
    input  wire [$clog2(HEADER_BYTES)-1:0] rd_off,
    input  wire [$clog2(HEADER_BYTES)-4:0] rd_row1,    // (rd_off + 8) / 8, from the caller's adder
    output wire [63:0]              rd_lanes
);
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer BEAT_W = $clog2(HEADER_BYTES * 8 / DATA_WIDTH);   // beats per slot
    localparam integer OFF_W  = $clog2(HEADER_BYTES);
    localparam integer ROW_W = OFF_W - 3;              // rows per slot: HEADER_BYTES/8
    localparam integer LA_W  = SLOT_W + ROW_W;         // lane address
    localparam integer ROWS  = 1 << LA_W;

    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_HEADER_BYTES
        `NICRX_CHECK_FQ_DEPTH
    endgenerate

    // read row of each lane: the row of rd_off, or the next one below its byte offset
    wire [ROW_W-1:0] row0 = rd_off[OFF_W-1:3];
    wire [ROW_W-1:0] row1 = rd_row1;
    wire [7:0]       use_next = ~(8'hff << rd_off[2:0]);   // bit j: j < rd_off mod 8

    genvar j;
    generate
        for (j = 0; j < 8; j = j + 1) begin : g_lane
            // write: the lane's byte of the beat, and the row it belongs to
            wire [7:0]      w_byte;
            wire            w_hit;
            wire [LA_W-1:0] w_addr;
            if (DATA_WIDTH == 64) begin : g_w64
                assign w_byte = wr_data[8*j +: 8];
                assign w_hit  = 1'b1;
                assign w_addr = wr_addr;
            end else begin : g_w32
                assign w_byte = wr_data[8*(j % 4) +: 8];
                assign w_hit  = (wr_addr[0] == (j >= 4));
                assign w_addr = wr_addr[SLOT_W+BEAT_W-1:1];
            end
            wire [LA_W-1:0] r_addr = {rd_slot, use_next[j] ? row1 : row0};

            (* no_rw_check *)
            reg [7:0] mem [0:ROWS-1];
            reg [7:0] q_reg;
            integer i;
            initial begin
                for (i = 0; i < ROWS; i = i + 1) mem[i] = 8'd0;
            end
            always @(posedge clk) begin
                if (wr_en && w_hit) mem[w_addr] <= w_byte;
            end
            always @(posedge clk) begin
                if (rd_en) q_reg <= mem[r_addr];
            end
            assign rd_lanes[8*j +: 8] = q_reg;
        end
    endgenerate
endmodule

`resetall
