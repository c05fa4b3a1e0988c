// nicrx_flow_tb - block-level lockstep check of rtl/nicrx_flow_key.v feeding rtl/nicrx_flow.v
// (wired as nicrx_top wires them) against their twins cmodel/flow_key.c and cmodel/flow.c:
// replays the trace of tests/blocks/nicrx_flow_gen.c (flow_in / flow_out of
// tests/blocks/traces.txt: the inputs at every edge from ingress, parser and CSR stand-ins,
// and what the models show after it, the job stream between the two blocks included) and
// compares every output after every edge (tests/blocks/bench.vh); ctx_info .. ctx_key only
// while ctx_load is high (they are the window's contents for that one cycle).
`timescale 1ns / 1ps
module nicrx_flow_tb;
    parameter DATA_WIDTH   = 64;
    parameter HEADER_BYTES = 128;
    parameter FQ_DEPTH     = 32;
    parameter FLOWS        = 64;
    parameter TRACE        = "build/tests/blocks/flow_trace.hex";
    parameter CYCLES       = 20000;
    parameter NAME         = "flow-block";
    localparam integer PM_AW  = (DATA_WIDTH == 64) ? 11 : 12;   // 16 KB packet memory (the generator's): the hv start field
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer HM_AW  = SLOT_W + $clog2(HEADER_BYTES * 8 / DATA_WIDTH);
    `include "nicrx_stream_hv.vh"
    `include "nicrx_stream_fk.vh"
    `include "nicrx_stream_fl.vh"
    `include "trace_flow_in.vh"
    `include "trace_flow_out.vh"
    localparam integer IN_W = FLOW_IN_W, OUT_W = FLOW_OUT_W;
    `include "bench.vh"

    wire key_idle, flow_idle;
    nicrx_flow_key #(
        .HEADER_BYTES(HEADER_BYTES), .FQ_DEPTH(FQ_DEPTH), .DATA_WIDTH(DATA_WIDTH), .PM_AW(PM_AW)
    ) dut_key (
        .clk(clk), .rst(in[FLOW_IN_RST]),
        .s_hv_valid(in[FLOW_IN_S_HV_VALID]), .s_hv_ready(got[FLOW_OUT_S_HV_READY]),
        .s_hv_data(in[FLOW_IN_S_HV +: HV_W]),
        .hm_wr_en(in[FLOW_IN_HM_WR_EN]), .hm_wr_addr(in[FLOW_IN_HM_WR_ADDR +: HM_AW]),
        .pm_wr_data(in[FLOW_IN_PM_WR_DATA +: DATA_WIDTH]),
        .cfg_flow_vlan(in[FLOW_IN_CFG_FLOW_CTRL]),
        .cfg_flow_cmd(in[FLOW_IN_CFG_FLOW_CMD +: 2]), .cfg_flow_sel(in[FLOW_IN_CFG_FLOW_SEL +: 8]),
        .cfg_ctx_info(in[FLOW_IN_CFG_CTX_INFO +: 32]), .cfg_ctx_seq(in[FLOW_IN_CFG_CTX_SEQ +: 32]),
        .cfg_ctx_ack(in[FLOW_IN_CFG_CTX_ACK +: 32]), .cfg_ctx_opt(in[FLOW_IN_CFG_CTX_OPT +: 32]),
        .cfg_ctx_key(in[FLOW_IN_CFG_CTX_KEY +: 320]), .flow_busy(got[FLOW_OUT_FLOW_BUSY]),
        .m_fk_valid(got[FLOW_OUT_M_FK_VALID]), .m_fk_ready(got[FLOW_OUT_S_FK_READY]),
        .m_fk_data(got[FLOW_OUT_M_FK +: FK_W]), .idle(key_idle));

    nicrx_flow #(
        .FLOWS(FLOWS)
    ) dut (
        .clk(clk), .rst(in[FLOW_IN_RST]),
        .s_fk_valid(got[FLOW_OUT_M_FK_VALID]), .s_fk_ready(got[FLOW_OUT_S_FK_READY]),
        .s_fk_data(got[FLOW_OUT_M_FK +: FK_W]),
        .cfg_flow_evict(in[FLOW_IN_CFG_FLOW_CTRL + 1]),
        .cfg_flow_thresh(in[FLOW_IN_CFG_FLOW_THRESH +: 16]),
        .cfg_flow_tick(in[FLOW_IN_CFG_FLOW_TICK +: 16]), .cfg_flow_age(in[FLOW_IN_CFG_FLOW_AGE +: 32]),
        .cfg_flow_cmd(in[FLOW_IN_CFG_FLOW_CMD +: 2]),
        .m_fl_valid(got[FLOW_OUT_M_FL_VALID]), .m_fl_data(got[FLOW_OUT_M_FL +: FL_W]),
        .flow_busy(got[FLOW_OUT_FLOW_BUSY]), .flow_fail(got[FLOW_OUT_FLOW_FAIL]),
        .flow_idx(got[FLOW_OUT_FLOW_IDX +: 8]), .flow_gen(got[FLOW_OUT_FLOW_GEN +: 8]),
        .flow_time(got[FLOW_OUT_FLOW_TIME +: 32]), .ctx_load(got[FLOW_OUT_CTX_LOAD]),
        .ctx_info(got[FLOW_OUT_CTX_INFO +: 32]), .ctx_seq(got[FLOW_OUT_CTX_SEQ +: 32]),
        .ctx_ack(got[FLOW_OUT_CTX_ACK +: 32]), .ctx_opt(got[FLOW_OUT_CTX_OPT +: 32]),
        .ctx_time(got[FLOW_OUT_CTX_TIME +: 32]), .ctx_count(got[FLOW_OUT_CTX_COUNT +: 32]),
        .ctx_key(got[FLOW_OUT_CTX_KEY +: 320]),
        .cnt_created(got[FLOW_OUT_CNT_CREATED +: 32]), .cnt_removed(got[FLOW_OUT_CNT_REMOVED +: 32]),
        .cnt_evicted(got[FLOW_OUT_CNT_EVICTED +: 32]), .cnt_aged(got[FLOW_OUT_CNT_AGED +: 32]),
        .cnt_no_flow(got[FLOW_OUT_CNT_NO_FLOW +: 32]), .idle(flow_idle));
    assign got[FLOW_OUT_IDLE] = key_idle && flow_idle;   // nicrx_top ANDs them

    // the window's contents (ctx_info .. ctx_key, one run of fields) only while it loads
    localparam integer WIN = FLOW_OUT_CTX_INFO, WIN_W = FLOW_OUT_CTX_KEY + FLOW_OUT_CTX_KEY_W - WIN;
    assign care = exp[FLOW_OUT_CTX_LOAD] ? {OUT_W{1'b1}} : ~({{(OUT_W-WIN_W){1'b0}}, {WIN_W{1'b1}}} << WIN);

    integer frames = 0, loads = 0;
    task bench_sample;
        begin
            frames = frames + exp[FLOW_OUT_M_FL_VALID];
            loads = loads + exp[FLOW_OUT_CTX_LOAD];
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d frames, %0d window loads", frames, loads);
            bench_ok = frames > 0;
        end
    endtask
endmodule
