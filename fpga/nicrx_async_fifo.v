// nicrx_async_fifo - a FIFO from one clock domain into another (docs/board.md "Clock crossing").
//
// 2**AW entries of WIDTH bits in LUT RAM, written in the w domain, read in the r domain.
// Each side keeps a binary pointer with a wrap bit and its Gray code in a register; the
// Gray code crosses into the other domain through two flip-flops (it changes one bit per
// step, so a sample taken mid-change is the old or the new value, never a third).  The write
// side sees the read pointer late, the read side the write pointer late: both err on the
// safe side (fewer free entries, fewer entries to read).
// Write: w_en with w_data, taken only when an entry is free (w_free, the entries the write
// side knows to be free, counts down as it writes).  Read: there is no ready: whenever the
// read side knows of an entry it reads it, r_valid high for one cycle with r_data (the core's
// stream input takes a beat at every edge).  Resets: each side's own, both held together
// through at least one edge of each clock.
`timescale 1ns / 1ps
`default_nettype none
module nicrx_async_fifo #(
    parameter integer WIDTH = 74,
    parameter integer AW    = 4
) (
    input  wire             w_clk,
    input  wire             w_rst,
    input  wire             w_en,
    input  wire [WIDTH-1:0] w_data,
    output wire [AW:0]      w_free,
    input  wire             r_clk,
    input  wire             r_rst,
    output reg              r_valid,
    output reg  [WIDTH-1:0] r_data
);
    localparam [AW:0] DEPTH = 1 << AW;

    function [AW:0] gray2bin(input [AW:0] g);
        integer k;
        begin
            gray2bin[AW] = g[AW];
            for (k = AW - 1; k >= 0; k = k - 1) gray2bin[k] = gray2bin[k + 1] ^ g[k];
        end
    endfunction

    reg [WIDTH-1:0] mem [0:(1 << AW) - 1];

    // write side
    reg  [AW:0] wbin_reg, wgray_reg, rg_s1_reg, rg_s2_reg, rb_reg;
    wire [AW:0] w_used = wbin_reg - rb_reg;   // rb_reg: the read pointer in binary, a clock later
    assign w_free = DEPTH - w_used;
    wire        w_take = w_en && w_free != 0;
    wire [AW:0] wbin_next = wbin_reg + 1'b1;
    always @(posedge w_clk) begin
        if (w_take) mem[wbin_reg[AW-1:0]] <= w_data;
        if (w_rst) begin
            wbin_reg <= 0;
            wgray_reg <= 0;
            rg_s1_reg <= 0;
            rg_s2_reg <= 0;
            rb_reg <= 0;
        end else begin
            if (w_take) begin
                wbin_reg <= wbin_next;
                wgray_reg <= wbin_next ^ (wbin_next >> 1);
            end
            rg_s1_reg <= rgray_reg;
            rg_s2_reg <= rg_s1_reg;
            rb_reg <= gray2bin(rg_s2_reg);
        end
    end

    // read side
    reg  [AW:0] rbin_reg, rgray_reg, wg_s1_reg, wg_s2_reg;
    wire        r_take = rgray_reg != wg_s2_reg;
    wire [AW:0] rbin_next = rbin_reg + 1'b1;
    always @(posedge r_clk) begin
        r_data <= mem[rbin_reg[AW-1:0]];
        if (r_rst) begin
            rbin_reg <= 0;
            rgray_reg <= 0;
            wg_s1_reg <= 0;
            wg_s2_reg <= 0;
            r_valid <= 1'b0;
        end else begin
            r_valid <= r_take;
            if (r_take) begin
                rbin_reg <= rbin_next;
                rgray_reg <= rbin_next ^ (rbin_next >> 1);
            end
            wg_s1_reg <= wgray_reg;
            wg_s2_reg <= wg_s1_reg;
        end
    end

`ifdef FORMAL
    // Invariants for the induction (fpga/formal/nicrx_async_fifo_fv.v has the properties):
    // the Gray registers are the binary pointers' codes; every synchronizer stage holds a
    // pointer value no newer than the one before it and at most DEPTH behind (the read
    // pointer never passes the write pointer, nor the write pointer the read one by more than DEPTH).
    wire [AW:0] rb1 = gray2bin(rg_s1_reg), rb2 = gray2bin(rg_s2_reg);
    always @(*) if (!w_rst && !r_rst) assert((rb2 - rb_reg) <= (rbin_reg - rb_reg) && (wbin_reg - rb_reg) <= DEPTH);
    wire [AW:0] wb1 = gray2bin(wg_s1_reg), wb2 = gray2bin(wg_s2_reg);
    always @(*) if (!w_rst && !r_rst) begin
        assert(wgray_reg == (wbin_reg ^ (wbin_reg >> 1)));
        assert(rgray_reg == (rbin_reg ^ (rbin_reg >> 1)));
        assert((wbin_reg - rbin_reg) <= DEPTH);
        assert((rbin_reg - rb1) <= (rbin_reg - rb2) && (wbin_reg - rb2) <= DEPTH);
        assert((wbin_reg - wb1) <= (wbin_reg - wb2) && (wb2 - rbin_reg) <= DEPTH && (wb1 - rbin_reg) <= DEPTH);
    end
`endif
endmodule
`default_nettype wire
