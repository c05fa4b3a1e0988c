// nicrx_ingress_tb - block-level lockstep check of rtl/nicrx_ingress.v against
// cmodel/ingress.c: replays the trace of tests/blocks/nicrx_ingress_gen.c (inputs and
// the model's outputs after every edge) and compares every output after every edge,
// the header-memory writes and slots included.
// HEADER_BYTES 64, MAX_FRAME 300, FQ_DEPTH 4, 1 KB packet memory.
`timescale 1ns / 1ps
module nicrx_ingress_tb;
    parameter DATA_WIDTH = 64;
    parameter CYCLES     = 20000;
    localparam PM_AW = (DATA_WIDTH == 64) ? 7 : 8;
    localparam BPB   = DATA_WIDTH / 8;
    localparam HM_AW = (DATA_WIDTH == 64) ? 5 : 6;     // {slot[1:0], beat}
    localparam TW    = 4 + 8 + 64 + 4 + 16 + 4 + 16 + 64 + 4 + 16 + 16 + 4 + 7 * 32 + 32;

    reg clk = 1'b0;
    reg [TW-1:0] tr [0:CYCLES-1];
    reg rst = 1'b1, tvalid = 1'b0, tlast = 1'b0, tuser = 1'b0, cfg_enable = 1'b0, fq_pop = 1'b0;
    reg [BPB-1:0] tkeep = {BPB{1'b0}};
    reg [DATA_WIDTH-1:0] tdata = {DATA_WIDTH{1'b0}};
    reg [PM_AW:0] rel = {(PM_AW+1){1'b0}};
    wire pm_wr_en, cm_valid, idle;
    wire [PM_AW-1:0] pm_wr_addr, cm_start;
    wire [DATA_WIDTH-1:0] pm_wr_data;
    wire [15:0] cm_len;
    wire [1:0] cm_slot;
    wire hm_wr_en;
    wire [HM_AW-1:0] hm_wr_addr;
    wire [31:0] c0, c1, c2, c3, c4, c5, c6;

    nicrx_ingress #(.DATA_WIDTH(DATA_WIDTH), .PM_AW(PM_AW), .HEADER_BYTES(64),
                    .MAX_FRAME(300), .FQ_DEPTH(4)) dut (
        .clk(clk), .rst(rst), .s_axis_tdata(tdata), .s_axis_tkeep(tkeep),
        .s_axis_tvalid(tvalid), .s_axis_tlast(tlast), .s_axis_tuser(tuser),
        .cfg_enable(cfg_enable), .pm_rel_ptr(rel), .fq_pop(fq_pop),
        .pm_wr_en(pm_wr_en), .pm_wr_addr(pm_wr_addr), .pm_wr_data(pm_wr_data),
        .cm_valid(cm_valid), .cm_start(cm_start), .cm_len(cm_len), .cm_slot(cm_slot),
        .hm_wr_en(hm_wr_en), .hm_wr_addr(hm_wr_addr),
        .idle(idle), .cnt_rx_frames(c0), .cnt_rx_bytes(c1), .cnt_drop_bad_frame(c2),
        .cnt_drop_runt(c3), .cnt_drop_oversize(c4), .cnt_drop_pktmem_full(c5),
        .cnt_drop_disabled(c6));

    reg [TW-1:0] t;
    reg [4+16+64+4+16+16+4+7*32+32-1:0] got, expv;
    integer c, errors = 0;

    always #5 clk = ~clk;

    initial begin
        $readmemh("build/tests/blocks/ingress_trace.hex", tr);
        for (c = 0; c < CYCLES; c = c + 1) begin
            @(negedge clk);
            t = tr[c];
            rst        = t[TW-1];
            tvalid     = t[TW-2];
            tlast      = t[TW-3];
            tuser      = t[TW-4];
            tkeep      = t[TW-5 -: 8];
            tdata      = t[TW-13 -: 64];
            cfg_enable = t[TW-79];
            fq_pop     = t[TW-80];
            rel        = t[TW-81 -: 16];
            expv       = t[TW-97:0];
            @(posedge clk);
            #1;
            got = {3'd0, pm_wr_en, 16'd0 | pm_wr_addr, 64'd0 | pm_wr_data, 3'd0, cm_valid,
                   16'd0 | cm_start, cm_len, 3'd0, idle, c0, c1, c2, c3, c4, c5, c6,
                   3'd0, hm_wr_en, 16'd0 | hm_wr_addr, 12'd0 | cm_slot};
            if (got !== expv) begin
                errors = errors + 1;
                if (errors < 5) $display("edge %0d:\n got %h\n exp %h", c, got, expv);
            end
        end
        if (errors == 0) $display("ok ingress-block-lockstep-dw%0d: %0d cycles", DATA_WIDTH, CYCLES);
        else             $display("not ok ingress-block-lockstep-dw%0d: %0d mismatching edges", DATA_WIDTH, errors);
        $finish;
    end
endmodule
