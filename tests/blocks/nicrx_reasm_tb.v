// nicrx_reasm_tb - block-level lockstep check of rtl/nicrx_reasm.v against cmodel/reasm.c:
// replays the trace of tests/blocks/nicrx_reasm_gen.c (reasm_in / reasm_out of
// tests/blocks/traces.txt) and compares every output after every edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
module nicrx_reasm_tb;
    parameter FLOWS  = 64;
    parameter CYCLES = 60000;
    parameter TRACE  = "build/tests/blocks/reasm_trace.hex";
    parameter NAME   = "reasm-block";
    `include "trace_reasm_in.vh"
    `include "trace_reasm_out.vh"
    localparam integer IN_W = REASM_IN_W, OUT_W = REASM_OUT_W;
    `include "bench.vh"

    nicrx_reasm #(.FLOWS(FLOWS)) dut (
        .clk(clk), .rst(in[REASM_IN_RST]),
        .cfg_en(in[REASM_IN_CFG_EN]), .cfg_page_log2(in[REASM_IN_CFG_PAGE_LOG2 +: 5]),
        .cfg_max_bytes(in[REASM_IN_CFG_MAX_BYTES +: 17]), .cfg_max_segs(in[REASM_IN_CFG_MAX_SEGS +: 8]),
        .cfg_timeout(in[REASM_IN_CFG_TIMEOUT +: 16]), .now(in[REASM_IN_NOW +: 16]),
        .s_flush(in[REASM_IN_S_FLUSH]), .s_chg(in[REASM_IN_S_CHG]), .s_req(in[REASM_IN_S_REQ]),
        .s_flow(in[REASM_IN_S_FLOW +: 8]), .s_gen(in[REASM_IN_S_GEN +: 8]), .s_op(in[REASM_IN_S_OP +: 4]),
        .s_len(in[REASM_IN_S_LEN +: 16]), .s_seq(in[REASM_IN_S_SEQ +: 32]), .s_fcl(in[REASM_IN_S_FCL]),
        .s_ack(in[REASM_IN_S_ACK +: 32]), .s_win(in[REASM_IN_S_WIN +: 16]),
        .s_take(in[REASM_IN_S_TAKE]), .s_take_cls(in[REASM_IN_S_TAKE_CLS]), .s_take_page(in[REASM_IN_S_TAKE_PAGE +: 52]),
        .s_take_id(in[REASM_IN_S_TAKE_ID +: 16]),
        .m_v(got[REASM_OUT_M_V]), .m_req(got[REASM_OUT_M_REQ]), .m_flow(got[REASM_OUT_M_FLOW +: 8]),
        .m_close(got[REASM_OUT_M_CLOSE]), .m_reason(got[REASM_OUT_M_REASON +: 4]),
        .m_open(got[REASM_OUT_M_OPEN]), .m_merge(got[REASM_OUT_M_MERGE]), .m_after(got[REASM_OUT_M_AFTER]),
        .m_dst(got[REASM_OUT_M_DST +: 64]), .m_off(got[REASM_OUT_M_OFF +: 17]),
        .m_r_gen(got[REASM_OUT_M_R_GEN +: 8]), .m_r_id(got[REASM_OUT_M_R_ID +: 16]),
        .m_r_len(got[REASM_OUT_M_R_LEN +: 17]), .m_r_segs(got[REASM_OUT_M_R_SEGS +: 8]),
        .m_r_seq(got[REASM_OUT_M_R_SEQ +: 32]), .m_r_ack(got[REASM_OUT_M_R_ACK +: 32]),
        .m_r_win(got[REASM_OUT_M_R_WIN +: 16]), .m_busy(got[REASM_OUT_M_BUSY]));
    // the answer's fields are defined only with m_v (before the reset's clearing the table
    // holds nothing the model knows)
    reg [OUT_W-1:0] vmask;
    initial begin
        vmask = {OUT_W{1'b0}};
        vmask[REASM_OUT_M_V] = 1'b1;
        vmask[REASM_OUT_M_BUSY] = 1'b1;
    end
    assign care = exp[REASM_OUT_M_V] ? {OUT_W{1'b1}} : vmask;

    // counts: answers with each action, so a bench that never merges does not pass unnoticed
    integer n_open = 0, n_app = 0, n_close = 0;
    task bench_sample;
        begin
            if (in[REASM_IN_S_TAKE] && got[REASM_OUT_M_OPEN] === 1'b1) n_open = n_open + 1;
            if (in[REASM_IN_S_TAKE] && got[REASM_OUT_M_MERGE] === 1'b1 && got[REASM_OUT_M_OPEN] === 1'b0) n_app = n_app + 1;
            if (in[REASM_IN_S_TAKE] && (got[REASM_OUT_M_CLOSE] === 1'b1 || got[REASM_OUT_M_AFTER] === 1'b1))
                n_close = n_close + 1;
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d runs opened, %0d appends, %0d closed", n_open, n_app, n_close);
            bench_ok = n_open > 0 && n_app > 0 && n_close > 0;
        end
    endtask
endmodule
