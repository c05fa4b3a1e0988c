// nicrx_more_tb - block-level lockstep check of rtl/nicrx_more.v against cmodel/more.c:
// replays the trace of tests/blocks/nicrx_more_gen.c (more_in / more_out of
// tests/blocks/traces.txt) and compares every output after every edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
module nicrx_more_tb;
    parameter FQ_DEPTH = 32;
    parameter CYCLES = 40000;
    parameter TRACE  = "build/tests/blocks/more_trace.hex";
    parameter NAME   = "more-block";
    localparam integer LFQ = $clog2(FQ_DEPTH);
    `include "trace_more_in.vh"
    `include "trace_more_out.vh"
    localparam integer IN_W = MORE_IN_W, OUT_W = MORE_OUT_W;
    `include "bench.vh"

    nicrx_more #(.FQ_DEPTH(FQ_DEPTH)) dut (
        .clk(clk), .rst(in[MORE_IN_RST]),
        .s_push(in[MORE_IN_S_PUSH]), .s_push_key(in[MORE_IN_S_PUSH_KEY +: 16]),
        .s_push_keep(in[MORE_IN_S_PUSH_KEEP]),
        .fq_wr(in[MORE_IN_FQ_WR +: LFQ + 1]), .fq_rd(in[MORE_IN_FQ_RD +: LFQ + 1]),
        .head_key(in[MORE_IN_HEAD_KEY +: 16]),
        .more_cnt(got[MORE_OUT_MORE_CNT +: 4]));
    assign care = {OUT_W{1'b1}};

    // counts: cycles with a nonzero and a saturated count, so a bench that never counts
    // does not pass unnoticed
    integer n_more = 0, n_sat = 0;
    task bench_sample;
        begin
            if (got[MORE_OUT_MORE_CNT +: 4] != 4'd0) n_more = n_more + 1;
            if (got[MORE_OUT_MORE_CNT +: 4] == 4'd15) n_sat = n_sat + 1;
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d cycles counting, %0d saturated", n_more, n_sat);
            bench_ok = n_more > 0 && (n_sat > 0 || FQ_DEPTH < 16);
        end
    endtask
endmodule
