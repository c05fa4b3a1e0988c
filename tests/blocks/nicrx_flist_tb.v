// nicrx_flist_tb - block-level lockstep check of rtl/nicrx_flist.v against cmodel/flist.c:
// replays the trace of tests/blocks/nicrx_flist_gen.c (flist_in / flist_out of
// tests/blocks/traces.txt) and compares every output after every edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
`include "nicrx_regs.vh"
module nicrx_flist_tb;
    parameter LISTS  = 4;
    parameter CYCLES = 40000;
    parameter TRACE  = "build/tests/blocks/flist_trace.hex";
    parameter NAME   = "flist-block";
    `include "trace_flist_in.vh"
    `include "trace_flist_out.vh"
    localparam integer IN_W = FLIST_IN_W, OUT_W = FLIST_OUT_W;
    `include "bench.vh"

    nicrx_flist #(.LISTS(LISTS), .DEPTH(`NICRX_FLIST_DEPTH)) dut (
        .clk(clk), .rst(in[FLIST_IN_RST]),
        .cfg_page_log2(in[FLIST_IN_CFG_PAGE_LOG2 +: 5]), .cfg_cmd(in[FLIST_IN_CFG_CMD +: 2]),
        .cfg_sel(in[FLIST_IN_CFG_SEL +: 3]), .cfg_flow(in[FLIST_IN_CFG_FLOW +: 16]),
        .cfg_addr(in[FLIST_IN_CFG_ADDR +: 64]), .cfg_id(in[FLIST_IN_CFG_ID +: 16]),
        .cfg_size(in[FLIST_IN_CFG_SIZE +: 17]), .s_head(in[FLIST_IN_S_HEAD +: 16]),
        .s_desc_valid(in[FLIST_IN_S_DESC_VALID]), .s_desc_data(in[FLIST_IN_S_DESC_DATA +: 80]),
        .m_desc_pop(got[FLIST_OUT_M_DESC_POP]),
        .m_desc_valid(got[FLIST_OUT_M_DESC_VALID]), .m_desc_data(got[FLIST_OUT_M_DESC_DATA +: 80]),
        .m_desc_bad(got[FLIST_OUT_M_DESC_BAD]), .s_desc_pop(in[FLIST_IN_S_DESC_POP]),
        .st_bound(got[FLIST_OUT_ST_BOUND]), .st_err(got[FLIST_OUT_ST_ERR]),
        .st_cnt(got[FLIST_OUT_ST_CNT +: 5]), .st_head(got[FLIST_OUT_ST_HEAD +: 8]),
        .cnt_fallback(got[FLIST_OUT_CNT_FALLBACK +: 32]));
    // the presented data is compared only while it is valid
    assign care = ~({OUT_W{~got[FLIST_OUT_M_DESC_VALID]}} & ({{(OUT_W-80){1'b0}}, {80{1'b1}}} << FLIST_OUT_M_DESC_DATA));

    // counts: cycles presenting a list buffer and pops of one, so a bench that never
    // takes a list buffer does not pass unnoticed
    integer n_lpop = 0, n_rpop = 0;
    task bench_sample;
        begin
            if (in[FLIST_IN_S_DESC_POP] && !dut.m_desc_pop) n_lpop = n_lpop + 1;
            if (dut.m_desc_pop) n_rpop = n_rpop + 1;
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d list pops, %0d ring 3 pops", n_lpop, n_rpop);
            bench_ok = n_lpop > 0 && n_rpop > 0;
        end
    endtask
endmodule
