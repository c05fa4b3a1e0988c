// nicrx_parser_tb - block-level lockstep check of rtl/nicrx_parser.v against the
// model's nicrx_parse(): vectors from tests/blocks/nicrx_parser_gen.c, frames with
// random gaps (often back to back).  Checks every header-vector field, hv_start,
// the latency PARSE_LAT = 3, and that outputs hold between frames.
`timescale 1ns / 1ps
module nicrx_parser_tb;
    parameter HEADER_BYTES = 128;
    parameter COUNT        = 1000;
    localparam SW = 8 + 16 + HEADER_BYTES * 8;
    localparam LAT = 3;

    reg clk = 1'b0, rst = 1'b1;
    reg                      cm_valid = 1'b0;
    reg [10:0]               cm_start = 11'd0;
    reg [15:0]               cm_len = 16'd0;
    reg [HEADER_BYTES*8-1:0] cm_hdr = {(HEADER_BYTES*8){1'b0}};
    wire hv_valid, hv_frag, hv_mf, hv_trunc, idle;
    wire [10:0] hv_start;
    wire [15:0] hv_len, hv_sport, hv_dport;
    wire [1:0] hv_l3, hv_l4, hv_vlan_cnt;
    wire [7:0] hv_proto, hv_l3_off, hv_l4_off;
    wire [11:0] hv_vlan0, hv_vlan1;
    wire [12:0] hv_frag_off;
    wire [127:0] hv_src, hv_dst;
    wire [31:0] hv_hash;

    nicrx_parser #(.HEADER_BYTES(HEADER_BYTES), .PM_AW(11)) dut (
        .clk(clk), .rst(rst), .cm_valid(cm_valid), .cm_start(cm_start), .cm_len(cm_len),
        .cm_hdr(cm_hdr), .hv_valid(hv_valid), .hv_start(hv_start), .hv_len(hv_len),
        .hv_l3(hv_l3), .hv_l4(hv_l4), .hv_proto(hv_proto), .hv_vlan_cnt(hv_vlan_cnt),
        .hv_vlan0(hv_vlan0), .hv_vlan1(hv_vlan1), .hv_frag(hv_frag), .hv_mf(hv_mf),
        .hv_frag_off(hv_frag_off), .hv_src(hv_src), .hv_dst(hv_dst), .hv_sport(hv_sport),
        .hv_dport(hv_dport), .hv_l3_off(hv_l3_off), .hv_l4_off(hv_l4_off),
        .hv_trunc(hv_trunc), .hv_hash(hv_hash), .idle(idle));

    wire [407:0] got = {2'b0, hv_l3, hv_l4, hv_proto, hv_vlan_cnt, hv_vlan0, hv_vlan1, hv_frag,
                        hv_mf, hv_frag_off, hv_src, hv_dst, hv_sport, hv_dport, hv_l3_off,
                        hv_l4_off, hv_trunc, hv_hash, hv_len};

    reg [SW-1:0]  stim [0:COUNT-1];
    reg [407:0]   expv [0:COUNT-1];
    reg [LAT:0]   vpipe = {(LAT+1){1'b0}};   // cm_valid history: hv_valid must follow it
    integer sent = 0, got_n = 0, errors = 0, gap = 0, cyc = 0;
    reg [407:0] last_got;

    always #5 clk = ~clk;

    initial begin
        $readmemh("build/tests/blocks/parser_stim.hex", stim);
        $readmemh("build/tests/blocks/parser_exp.hex", expv);
        repeat (3) @(negedge clk);
        rst = 1'b0;
        // Inputs change and outputs are checked at the falling edge (no races with the
        // DUT's registers).  Cycle d: hv_valid must equal cm_valid of cycle d-LAT.
        while (sent < COUNT || got_n < COUNT) begin
            @(negedge clk);
            cyc = cyc + 1;
            if (hv_valid !== vpipe[LAT-1]) begin
                errors = errors + 1;
                if (errors < 5) $display("hv_valid %b at cycle %0d: wrong latency", hv_valid, cyc);
            end
            if (hv_valid) begin
                if (got !== expv[got_n] || hv_start !== got_n[10:0]) begin
                    errors = errors + 1;
                    if (errors < 5)
                        $display("mismatch frame %0d:\n got %h\n exp %h", got_n, got, expv[got_n]);
                end
                last_got = got;
                got_n = got_n + 1;
            end else if (got_n > 0 && got !== last_got) begin
                errors = errors + 1;
                if (errors < 5) $display("outputs changed between frames at cycle %0d", cyc);
            end
            if (gap > 0) begin
                gap = gap - 1;
                cm_valid = 1'b0;
                cm_hdr   = ~cm_hdr;        // garbage between frames must not matter
            end else if (sent < COUNT) begin
                cm_valid = 1'b1;
                cm_start = sent[10:0];
                cm_len   = stim[sent][HEADER_BYTES*8 +: 16];
                cm_hdr   = stim[sent][HEADER_BYTES*8-1:0];
                gap      = stim[sent][HEADER_BYTES*8+16 +: 8];
                sent     = sent + 1;
            end else begin
                cm_valid = 1'b0;
            end
            vpipe = {vpipe[LAT-1:0], cm_valid};
            if (cyc > 20 * COUNT + 100) begin
                $display("not ok parser-block: timeout");
                $finish;
            end
        end
        if (errors == 0) $display("ok parser-block-lockstep-hb%0d: %0d frames", HEADER_BYTES, COUNT);
        else             $display("not ok parser-block-lockstep-hb%0d: %0d errors", HEADER_BYTES, errors);
        $finish;
    end
endmodule
