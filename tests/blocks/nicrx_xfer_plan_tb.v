// nicrx_xfer_plan_tb - block-level lockstep check of rtl/nicrx_xfer_plan.v against
// cmodel/xfer_plan.c: replays the trace of tests/blocks/nicrx_xfer_plan_gen.c
// (xfer_plan_in / xfer_plan_out of tests/blocks/traces.txt) and compares every output after
// every edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
module nicrx_xfer_plan_tb;
    parameter CYCLES = 40000;
    parameter TRACE  = "build/tests/blocks/xfer_plan_trace.hex";
    parameter NAME   = "xfer-plan-block";
    `include "nicrx_stream_fl.vh"
    `include "trace_xfer_plan_in.vh"
    `include "trace_xfer_plan_out.vh"
    localparam integer IN_W = XFER_PLAN_IN_W, OUT_W = XFER_PLAN_OUT_W;
    `include "bench.vh"

    nicrx_xfer_plan dut (
        .clk(clk), .rst(in[XFER_PLAN_IN_RST]),
        .s_fl_valid(in[XFER_PLAN_IN_S_FL_VALID]), .s_fl_data(in[XFER_PLAN_IN_S_FL +: FL_W]),
        .m_fl_valid(got[XFER_PLAN_OUT_M_FL_VALID]), .m_fl_data(got[XFER_PLAN_OUT_M_FL +: FL_W]),
        .cfg_xfer_split(in[XFER_PLAN_IN_CFG_XFER_SPLIT +: 16]),
        .cfg_xfer_small(in[XFER_PLAN_IN_CFG_XFER_SMALL +: 16]),
        .cfg_hdr_en(in[XFER_PLAN_IN_CFG_HDR_EN]), .cfg_hdr_size(in[XFER_PLAN_IN_CFG_HDR_SIZE +: 16]),
        .cfg_data_en(in[XFER_PLAN_IN_CFG_DATA_EN +: 2]), .cfg_data_size(in[XFER_PLAN_IN_CFG_DATA_SIZE +: 32]),
        .cfg_xfer_page(in[XFER_PLAN_IN_CFG_XFER_PAGE +: 11]), .st_cfg_err(got[XFER_PLAN_OUT_ST_CFG_ERR +: 7]),
        .idle(got[XFER_PLAN_OUT_IDLE]));
    assign care = {OUT_W{1'b1}};

    // counts: split frames (of them all header), whole ones and length errors, so a bench
    // that never reaches a branch does not pass unnoticed
    integer n_frames = 0, n_split = 0, n_all = 0, n_lerr = 0, n_split_lerr = 0;
    reg [6:0] cfg_err_seen = 7'd0;   // each configuration-check bit seen set
    task bench_sample;
        begin
            cfg_err_seen = cfg_err_seen | got[XFER_PLAN_OUT_ST_CFG_ERR +: 7];
            if (got[XFER_PLAN_OUT_M_FL_VALID]) begin
                n_frames = n_frames + 1;
                if (got[XFER_PLAN_OUT_M_FL + FL_SPLIT]) n_split = n_split + 1;
                if (got[XFER_PLAN_OUT_M_FL + FL_SPLIT] && got[XFER_PLAN_OUT_M_FL + FL_DLEN +: FL_DLEN_W] == 16'd0)
                    n_all = n_all + 1;
                if (got[XFER_PLAN_OUT_M_FL + FL_LERR]) n_lerr = n_lerr + 1;
                if (got[XFER_PLAN_OUT_M_FL + FL_LERR] && got[XFER_PLAN_OUT_M_FL + FL_SPLIT])
                    n_split_lerr = n_split_lerr + 1;
            end
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d frames, %0d split (%0d all header, %0d with lerr), %0d lerr, cfg_err bits seen %b",
                     n_frames, n_split, n_all, n_split_lerr, n_lerr, cfg_err_seen);
            bench_ok = n_split > n_all && n_all > 0 && n_split_lerr > 0 && n_lerr > n_split_lerr
                       && n_frames > n_split + n_lerr && &cfg_err_seen;
        end
    endtask
endmodule
