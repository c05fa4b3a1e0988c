// nicrx_red_tb - block-level lockstep check of rtl/nicrx_red.v against cmodel/red.c:
// replays the trace of tests/blocks/nicrx_red_gen.c (red_in / red_out of
// tests/blocks/traces.txt) and compares every output after every edge (tests/blocks/bench.vh).
// DATA_WIDTH 64, 1 KB packet memory (128 words), FQ_DEPTH 4.
`timescale 1ns / 1ps
module nicrx_red_tb;
    parameter CYCLES = 40000;
    parameter TRACE  = "build/tests/blocks/red_trace.hex";
    parameter NAME   = "red-block";
    localparam integer PM_AW  = 7;
    localparam integer SLOT_W = 2;
    `include "nicrx_stream_cm.vh"
    `include "nicrx_stream_fl.vh"
    `include "trace_red_in.vh"
    `include "trace_red_out.vh"
    localparam integer IN_W = RED_IN_W, OUT_W = RED_OUT_W;
    `include "bench.vh"

    nicrx_red #(.DATA_WIDTH(64), .PM_AW(PM_AW), .FQ_DEPTH(4)) dut (
        .clk(clk), .rst(in[RED_IN_RST]),
        .s_cm_valid(in[RED_IN_S_CM_VALID]), .s_cm_data(in[RED_IN_S_CM +: CM_W]),
        .pm_rel_ptr(in[RED_IN_PM_REL_PTR +: PM_AW + 1]),
        .s_fl_valid(in[RED_IN_S_FL_VALID]), .s_fl_data(in[RED_IN_S_FL +: FL_W]),
        .m_fl_valid(got[RED_OUT_M_FL_VALID]), .m_fl_data(got[RED_OUT_M_FL +: FL_W]),
        .cfg_red_mode(in[RED_IN_CFG_RED_MODE +: 2]), .cfg_red_wlog(in[RED_IN_CFG_RED_WLOG +: 4]),
        .cfg_red_maxp(in[RED_IN_CFG_RED_MAXP +: 3]), .cfg_red_min(in[RED_IN_CFG_RED_MIN +: 16]),
        .cfg_red_max(in[RED_IN_CFG_RED_MAX +: 16]), .cfg_red_exempt(in[RED_IN_CFG_RED_EXEMPT +: 16]),
        .cfg_red_seed(in[RED_IN_CFG_RED_SEED +: 32]), .cfg_red_th(in[RED_IN_CFG_RED_TH +: 64]),
        .cfg_red_p(in[RED_IN_CFG_RED_P +: 36]), .cfg_red_peak_clr(in[RED_IN_CFG_RED_PEAK_CLR]),
        .st_red_avg(got[RED_OUT_AVG +: 24]), .st_red_peak(got[RED_OUT_PEAK +: 16]),
        .st_red_bad(got[RED_OUT_BAD]), .idle(got[RED_OUT_IDLE]));
    assign care = {OUT_W{1'b1}};

    // counts: frames and drops seen, so a bench that never drops does not pass unnoticed
    integer n_frames = 0, n_early = 0, n_forced = 0;
    task bench_sample;
        if (got[RED_OUT_M_FL_VALID]) begin
            n_frames = n_frames + 1;
            if (got[RED_OUT_M_FL + FL_RED]) n_early = n_early + 1;
            if (got[RED_OUT_M_FL + FL_RED + 1]) n_forced = n_forced + 1;
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d frames, %0d early and %0d forced drops", n_frames, n_early, n_forced);
            bench_ok = n_early > 0 && n_forced > 0 && n_frames > n_early + n_forced;
        end
    endtask
endmodule
