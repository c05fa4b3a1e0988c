// nicrx_ingress_tb - block-level lockstep check of rtl/nicrx_ingress.v against
// cmodel/ingress.c: replays the trace of tests/blocks/nicrx_ingress_gen.c (ingress_in /
// ingress_out of tests/blocks/traces.txt) and compares every output after every edge
// (tests/blocks/bench.vh), the header-memory writes and slots included.
// HEADER_BYTES 64, MAX_FRAME 300, FQ_DEPTH 4, 1 KB packet memory.
`timescale 1ns / 1ps
module nicrx_ingress_tb;
    parameter DATA_WIDTH = 64;
    parameter CYCLES     = 20000;
    parameter TRACE      = "build/tests/blocks/ingress_trace.hex";
    parameter NAME       = "ingress-block";
    localparam integer PM_AW  = (DATA_WIDTH == 64) ? 7 : 8;
    localparam integer BPB    = DATA_WIDTH / 8;
    localparam integer SLOT_W = 2;
    localparam integer HM_AW  = SLOT_W + $clog2(64 / BPB);   // {slot, beat}
    `include "nicrx_stream_cm.vh"
    `include "trace_ingress_in.vh"
    `include "trace_ingress_out.vh"
    localparam integer IN_W = INGRESS_IN_W, OUT_W = INGRESS_OUT_W;
    `include "bench.vh"

    nicrx_ingress #(.DATA_WIDTH(DATA_WIDTH), .PM_AW(PM_AW), .HEADER_BYTES(64),
                    .MAX_FRAME(300), .FQ_DEPTH(4)) dut (
        .clk(clk), .rst(in[INGRESS_IN_RST]),
        .s_axis_tdata(in[INGRESS_IN_S_AXIS_TDATA +: DATA_WIDTH]), .s_axis_tkeep(in[INGRESS_IN_S_AXIS_TKEEP +: BPB]),
        .s_axis_tvalid(in[INGRESS_IN_S_AXIS_TVALID]), .s_axis_tlast(in[INGRESS_IN_S_AXIS_TLAST]),
        .s_axis_tuser(in[INGRESS_IN_S_AXIS_TUSER]),
        .cfg_enable(in[INGRESS_IN_CFG_ENABLE]), .pm_rel_ptr(in[INGRESS_IN_PM_REL_PTR +: PM_AW + 1]),
        .fq_pop(in[INGRESS_IN_FQ_POP]),
        .pm_wr_en(got[INGRESS_OUT_PM_WR_EN]), .pm_wr_addr(got[INGRESS_OUT_PM_WR_ADDR +: PM_AW]),
        .pm_wr_data(got[INGRESS_OUT_PM_WR_DATA +: DATA_WIDTH]),
        .m_cm_valid(got[INGRESS_OUT_M_CM_VALID]), .m_cm_data(got[INGRESS_OUT_M_CM +: CM_W]),
        .hm_wr_en(got[INGRESS_OUT_HM_WR_EN]), .hm_wr_addr(got[INGRESS_OUT_HM_WR_ADDR +: HM_AW]),
        .idle(got[INGRESS_OUT_IDLE]),
        .cnt_rx_frames(got[INGRESS_OUT_CNT_RX_FRAMES +: 32]), .cnt_rx_bytes(got[INGRESS_OUT_CNT_RX_BYTES +: 32]),
        .cnt_drop_bad_frame(got[INGRESS_OUT_CNT_DROP_BAD_FRAME +: 32]),
        .cnt_drop_runt(got[INGRESS_OUT_CNT_DROP_RUNT +: 32]),
        .cnt_drop_oversize(got[INGRESS_OUT_CNT_DROP_OVERSIZE +: 32]),
        .cnt_drop_pktmem_full(got[INGRESS_OUT_CNT_DROP_PKTMEM_FULL +: 32]),
        .cnt_drop_disabled(got[INGRESS_OUT_CNT_DROP_DISABLED +: 32]));
    assign care = {OUT_W{1'b1}};

    task bench_sample;
        ;
    endtask
    task bench_note;
        ;
    endtask
endmodule
