// nicrx_parser_tb - block-level lockstep check of rtl/nicrx_parser.v against its twin
// cmodel/parser.c: replays the trace of tests/blocks/nicrx_parser_gen.c (parser_in /
// parser_out of tests/blocks/traces.txt: the inputs at every edge, from the model's ingress
// and CSR / flow-block / DMA stand-ins, and what the model shows after it) and compares every
// output after every edge (tests/blocks/bench.vh).  The reset program comes from IMEM_INIT,
// the same file the generator loaded into the model.
`timescale 1ns / 1ps
module nicrx_parser_tb;
    parameter DATA_WIDTH    = 64;
    parameter HEADER_BYTES  = 128;
    parameter FQ_DEPTH      = 32;
    parameter PARSE_ENGINES = 2;
    parameter IMEM_DEPTH    = 64;
    parameter IMEM_INIT     = "build/tests/blocks/parser_prog.hex";
    parameter TRACE         = "build/tests/blocks/parser_trace.hex";
    parameter CYCLES        = 20000;
    parameter NAME          = "parser-block";
    localparam integer PM_AW  = (DATA_WIDTH == 64) ? 11 : 12;   // 16 KB packet memory (the generator's)
    localparam integer SLOT_W = $clog2(FQ_DEPTH);
    localparam integer HM_AW  = SLOT_W + $clog2(HEADER_BYTES * 8 / DATA_WIDTH);
    `include "nicrx_stream_cm.vh"
    `include "nicrx_stream_hv.vh"
    `include "trace_parser_in.vh"
    `include "trace_parser_out.vh"
    localparam integer IN_W = PARSER_IN_W, OUT_W = PARSER_OUT_W;
    `include "bench.vh"

    nicrx_parser #(
        .DATA_WIDTH(DATA_WIDTH), .HEADER_BYTES(HEADER_BYTES), .FQ_DEPTH(FQ_DEPTH), .PM_AW(PM_AW),
        .PARSE_ENGINES(PARSE_ENGINES), .IMEM_DEPTH(IMEM_DEPTH), .IMEM_INIT(IMEM_INIT)
    ) dut (
        .clk(clk), .rst(in[PARSER_IN_RST]),
        .hm_wr_en(in[PARSER_IN_HM_WR_EN]), .hm_wr_addr(in[PARSER_IN_HM_WR_ADDR +: HM_AW]),
        .pm_wr_data(in[PARSER_IN_PM_WR_DATA +: DATA_WIDTH]),
        .s_cm_valid(in[PARSER_IN_S_CM_VALID]), .s_cm_data(in[PARSER_IN_S_CM +: CM_W]),
        .cfg_step_limit(in[PARSER_IN_CFG_STEP_LIMIT +: 8]), .cfg_swap(in[PARSER_IN_CFG_SWAP]),
        .cfg_imem_we(in[PARSER_IN_CFG_IMEM_WE]), .cfg_imem_addr(in[PARSER_IN_CFG_IMEM_ADDR +: 8]),
        .cfg_imem_data(in[PARSER_IN_CFG_IMEM_DATA +: 128]),
        .m_hv_valid(got[PARSER_OUT_M_HV_VALID]), .m_hv_ready(in[PARSER_IN_M_HV_READY]),
        .m_hv_data(got[PARSER_OUT_M_HV +: HV_W]),
        .bank(got[PARSER_OUT_BANK]), .swap_pending(got[PARSER_OUT_SWAP_PENDING]),
        .cnt_perr(got[PARSER_OUT_CNT_PERR +: 32]), .cnt_trunc(got[PARSER_OUT_CNT_TRUNC +: 32]),
        .idle(got[PARSER_OUT_IDLE]));
    assign care = {OUT_W{1'b1}};

    // the frames the flow block takes at an edge, and the cycles it holds one
    integer frames = 0, stalls = 0;
    task bench_sample;
        begin
            if (got[PARSER_OUT_M_HV_VALID] && !in[PARSER_IN_RST]) begin
                if (in[PARSER_IN_M_HV_READY]) frames = frames + 1;
                else stalls = stalls + 1;
            end
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d frames taken, %0d cycles held", frames, stalls);
            bench_ok = frames > 0 && stalls > 0;
        end
    endtask
endmodule
