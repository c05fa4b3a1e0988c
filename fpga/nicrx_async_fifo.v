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
    // Invariants for the induction (fpga/formal/nicrx_async_fifo_fv.v is the harness): the
    // Gray registers are the binary pointers' codes; each synchronizer stage holds a value
    // the pointer it follows had (so it is no newer than the stage before it), and no pointer
    // is more than DEPTH ahead of the other.  f_wrs, f_rrs: the side has had an edge in reset;
    // from then on, while its reset lasts, it holds its reset values (so an induction does not
    // start from a side that was never reset when the resets fall).
    reg f_wrs, f_rrs;
    initial begin f_wrs = 1'b0; f_rrs = 1'b0; end
    always @(posedge w_clk) if (w_rst) f_wrs <= 1'b1;
    always @(posedge r_clk) if (r_rst) f_rrs <= 1'b1;
    wire f_on = f_wrs && f_rrs && !w_rst && !r_rst;
    always @(*) begin
        if (w_rst && f_wrs) assert(wbin_reg == 0 && wgray_reg == 0 && rg_s1_reg == 0 && rg_s2_reg == 0 && rb_reg == 0);
        if (r_rst && f_rrs) assert(rbin_reg == 0 && rgray_reg == 0 && wg_s1_reg == 0 && wg_s2_reg == 0 && !r_valid);
    end
    wire [AW:0] rb1 = gray2bin(rg_s1_reg), rb2 = gray2bin(rg_s2_reg);
    wire [AW:0] wb1 = gray2bin(wg_s1_reg), wb2 = gray2bin(wg_s2_reg);
    wire [AW:0] used = wbin_reg - rbin_reg;
    always @(*) if (f_on) begin
        assert(wgray_reg == (wbin_reg ^ (wbin_reg >> 1)));
        assert(rgray_reg == (rbin_reg ^ (rbin_reg >> 1)));
        assert(used <= DEPTH);
        // read pointer, seen by the writer: rb_reg <= rb2 <= rb1 <= rbin_reg, and the writer
        // at most DEPTH ahead of what it sees (the differences are at most DEPTH: no wrap)
        assert((rbin_reg - rb1) <= (rbin_reg - rb2) && (rbin_reg - rb2) <= (rbin_reg - rb_reg)
               && (rbin_reg - rb_reg) <= DEPTH - used);
        // write pointer, seen by the reader: rbin_reg <= wb2 <= wb1 <= wbin_reg
        assert((wbin_reg - wb1) <= (wbin_reg - wb2) && (wb2 - rbin_reg) <= used);
    end
`ifdef NICRX_FIFO_FV_SEQ
    // The harness writes the number of each write (WIDTH bits): the properties, with the
    // contents tied to the counts so that k-induction closes.  f_w: writes taken; f_r:
    // entries the read side took; f_v: reads given out (r_valid).
    reg [WIDTH-1:0] f_w, f_r, f_v;
    always @(posedge w_clk) if (w_rst) f_w <= 0; else if (w_take) f_w <= f_w + 1'b1;
    always @(posedge r_clk)
        if (r_rst) begin f_r <= 0; f_v <= 0; end
        else begin
            if (r_take) f_r <= f_r + 1'b1;
            if (r_valid) f_v <= f_v + 1'b1;
        end
    integer k;
    reg [AW-1:0] f_off;
    wire [WIDTH-1:0] f_wait = f_w - f_v;   // written, not yet given out
    always @(*) begin
        if (w_rst && f_wrs) assert(f_w == 0);
        if (r_rst && f_rrs) assert(f_r == 0 && f_v == 0);
        if (f_wrs) assert(w_data == f_w);                      // the harness's writer
    end
    always @(*) begin
        f_off = 0;
        if (f_on) begin
            assert(f_w[AW:0] == wbin_reg && f_r[AW:0] == rbin_reg && f_w - f_r == {{(WIDTH-AW-1){1'b0}}, used});
            assert(f_v == f_r - {{(WIDTH-1){1'b0}}, r_valid});
            for (k = 0; k < (1 << AW); k = k + 1) begin       // entry f_r + j holds f_r + j
                f_off = k[AW-1:0] - rbin_reg[AW-1:0];
                if ({1'b0, f_off} < used) assert(mem[k] == f_r + {{(WIDTH-AW){1'b0}}, f_off});
            end
            // the properties: reads come out 0, 1, 2, ... (order, no loss, no duplicate), none
            // before its write (underflow), never more than DEPTH written and not taken (overflow)
            if (r_valid) assert(r_data == f_v);
            assert(f_wait <= {{(WIDTH-AW-1){1'b0}}, DEPTH} + 1'b1);
        end
    end
`endif
`endif
endmodule
`default_nettype wire
