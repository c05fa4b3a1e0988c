// nicrx_rss_tb - block-level lockstep check of rtl/nicrx_rss.v against cmodel/rss.c:
// replays the trace of tests/blocks/nicrx_rss_gen.c (rss_in / rss_out of
// tests/blocks/traces.txt) and compares every output after every edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
module nicrx_rss_tb;
    parameter CYCLES    = 20000;
    parameter TRACE     = "build/tests/blocks/rss_trace.hex";
    parameter NAME      = "rss-block";
    parameter RETA_SIZE = 128;
    localparam integer PM_AW = 11, SLOT_W = 5;   // the trace's geometry: nicrx_top's defaults
    `include "nicrx_stream_hv.vh"
    `include "nicrx_stream_fl.vh"
    `include "trace_rss_in.vh"
    `include "trace_rss_out.vh"
    localparam integer IN_W = RSS_IN_W, OUT_W = RSS_OUT_W;
    `include "bench.vh"

    nicrx_rss #(.PM_AW(PM_AW), .FQ_DEPTH(32), .RETA_SIZE(RETA_SIZE)) dut (
        .clk(clk), .rst(in[RSS_IN_RST]),
        .s_hv_valid(in[RSS_IN_S_HV_VALID]), .s_hv_ready(in[RSS_IN_S_HV_READY]),
        .s_hv_data(in[RSS_IN_S_HV +: HV_W]),
        .s_fl_valid(in[RSS_IN_S_FL_VALID]), .s_fl_data(in[RSS_IN_S_FL +: FL_W]),
        .cfg_qsel_log2(in[RSS_IN_CFG_QSEL_LOG2 +: 3]),
        .cfg_rss_key(in[RSS_IN_CFG_RSS_KEY +: 320]),
        .cfg_rss_types(in[RSS_IN_CFG_RSS_TYPES +: 6]),
        .cfg_rss_mode(in[RSS_IN_CFG_RSS_MODE]),
        .cfg_reta_we(in[RSS_IN_CFG_RETA_WE]),
        .cfg_reta_addr(in[RSS_IN_CFG_RETA_ADDR +: 9]),
        .cfg_reta_data(in[RSS_IN_CFG_RETA_DATA +: 3]),
        .m_fl_valid(got[RSS_OUT_M_FL_VALID]), .m_fl_data(got[RSS_OUT_M_FL +: FL_W]),
        .idle(got[RSS_OUT_IDLE]));
    assign care = {OUT_W{1'b1}};

    task bench_sample;
        ;
    endtask
    task bench_note;
        ;
    endtask
endmodule
