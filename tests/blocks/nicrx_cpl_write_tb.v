// nicrx_cpl_write_tb - block-level lockstep check of rtl/nicrx_cpl_write.v against
// cmodel/cpl_write.c: replays the trace of tests/blocks/nicrx_cpl_write_gen.c (cpl_write_in /
// cpl_write_out of tests/blocks/traces.txt) and compares every output after every edge
// (tests/blocks/bench.vh).  NUM_CQ 4.
`timescale 1ns / 1ps
module nicrx_cpl_write_tb;
    parameter CYCLES = 1000;
    parameter TRACE  = "build/tests/blocks/cpl_write_trace.hex";
    parameter NAME   = "cpl-write-block";
    `include "nicrx_stream_cr.vh"
    `include "trace_cpl_write_in.vh"
    `include "trace_cpl_write_out.vh"
    localparam integer IN_W = CPL_WRITE_IN_W, OUT_W = CPL_WRITE_OUT_W;
    `include "bench.vh"

    nicrx_cpl_write #(.NUM_CQ(4)) dut (
        .clk(clk), .rst(in[CPL_WRITE_IN_RST]),
        .s_cr_valid(in[CPL_WRITE_IN_S_CR_VALID]), .s_cr_data(in[CPL_WRITE_IN_S_CR +: CR_W]),
        .s_cr_ready(got[CPL_WRITE_OUT_S_CR_READY]),
        .m_rec_valid(got[CPL_WRITE_OUT_M_REC_VALID]), .m_rec_data(got[CPL_WRITE_OUT_M_REC +: 256]),
        .m_rec_ready(in[CPL_WRITE_IN_M_REC_READY]),
        .rec_q(in[CPL_WRITE_IN_REC_Q +: 2]), .rec_off(got[CPL_WRITE_OUT_REC_OFF +: 16]),
        .rec_ph(got[CPL_WRITE_OUT_REC_PH]), .rec_base(got[CPL_WRITE_OUT_REC_BASE +: 64]),
        .cq_room(got[CPL_WRITE_OUT_CQ_ROOM +: 4]), .cq_room2(got[CPL_WRITE_OUT_CQ_ROOM2 +: 4]),
        .cfg_cq_base(in[CPL_WRITE_IN_CFG_CQ_BASE +: 256]), .cfg_cq_size_log2(in[CPL_WRITE_IN_CFG_CQ_SIZE_LOG2 +: 16]),
        .cfg_cq_en(in[CPL_WRITE_IN_CFG_CQ_EN +: 4]), .cfg_cq_head(in[CPL_WRITE_IN_CFG_CQ_HEAD +: 64]),
        .st_cq_tail(got[CPL_WRITE_OUT_ST_CQ_TAIL +: 64]), .s_rerr(in[CPL_WRITE_IN_S_RERR]),
        .cnt_delivered(got[CPL_WRITE_OUT_CNT_DELIVERED +: 32]), .cnt_axi_error(got[CPL_WRITE_OUT_CNT_AXI_ERROR +: 32]),
        .busy(got[CPL_WRITE_OUT_BUSY]),
        .m_axi_bvalid(in[CPL_WRITE_IN_M_AXI_BVALID]), .m_axi_bresp(in[CPL_WRITE_IN_M_AXI_BRESP +: 2]),
        .m_axi_bready(got[CPL_WRITE_OUT_M_AXI_BREADY]));
    assign care = {OUT_W{1'b1}};

    // counts: records built and tails moved, so a bench that completes nothing does not pass
    integer n_recs = 0, n_full = 0;
    task bench_sample;
        begin
            if (in[CPL_WRITE_IN_S_CR_VALID] && in[CPL_WRITE_IN_S_CR + CR_REC]) n_recs = n_recs + 1;
            if (!got[CPL_WRITE_OUT_S_CR_READY]) n_full = n_full + 1;
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d record requests, %0d cycles with the B FIFO full", n_recs, n_full);
            bench_ok = n_recs > 100;
        end
    endtask
endmodule
