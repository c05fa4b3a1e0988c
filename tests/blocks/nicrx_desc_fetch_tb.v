// nicrx_desc_fetch_tb - block-level lockstep check of rtl/nicrx_desc_fetch.v (NUM_FBR 4
// or 3, DESC_DEPTH 4) against cmodel/desc_fetch.c: replays the trace of
// tests/blocks/nicrx_desc_fetch_gen.c (dfe_in / dfe_out of tests/blocks/traces.txt, room
// for four rings; those from NUM_FBR on read 0) and compares every output after every
// edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
module nicrx_desc_fetch_tb;
    parameter AXI_DATA_WIDTH = 128;
    parameter NUM_FBR    = 4;     // 3 or 4
    parameter CYCLES     = 30000;
    parameter TRACE      = "build/tests/blocks/desc_fetch_trace.hex";
    parameter NAME       = "desc-fetch-block";
    `include "trace_dfe_in.vh"
    `include "trace_dfe_out.vh"
    localparam integer IN_W = DFE_IN_W, OUT_W = DFE_OUT_W;
    `include "bench.vh"

    nicrx_desc_fetch #(.AXI_DATA_WIDTH(AXI_DATA_WIDTH), .NUM_FBR(NUM_FBR), .DESC_DEPTH(4)) dut (
        .clk(clk), .rst(in[DFE_IN_RST]),
        .cfg_fbr_base(in[DFE_IN_CFG_FBR_BASE +: NUM_FBR*64]),
        .cfg_fbr_size_log2(in[DFE_IN_CFG_FBR_SIZE_LOG2 +: NUM_FBR*4]),
        .cfg_fbr_en(in[DFE_IN_CFG_FBR_EN +: NUM_FBR]), .cfg_fbr_tail(in[DFE_IN_CFG_FBR_TAIL +: NUM_FBR*16]),
        .m_desc_valid(got[DFE_OUT_M_DESC_VALID +: NUM_FBR]), .m_desc_data(got[DFE_OUT_M_DESC_DATA +: NUM_FBR*80]),
        .s_desc_pop(in[DFE_IN_S_DESC_POP +: NUM_FBR]),
        .st_fbr_head(got[DFE_OUT_ST_FBR_HEAD +: NUM_FBR*16]), .st_fbr_err(got[DFE_OUT_ST_FBR_ERR +: NUM_FBR]),
        .rerr(got[DFE_OUT_RERR]), .idle(got[DFE_OUT_IDLE]),
        .m_axi_arvalid(got[DFE_OUT_M_AXI_ARVALID]), .m_axi_araddr(got[DFE_OUT_M_AXI_ARADDR +: 64]),
        .m_axi_arlen(got[DFE_OUT_M_AXI_ARLEN +: 8]), .m_axi_arready(in[DFE_IN_M_AXI_ARREADY]),
        .m_axi_rvalid(in[DFE_IN_M_AXI_RVALID]), .m_axi_rdata(in[DFE_IN_M_AXI_RDATA +: AXI_DATA_WIDTH]),
        .m_axi_rresp(in[DFE_IN_M_AXI_RRESP +: 2]), .m_axi_rlast(in[DFE_IN_M_AXI_RLAST]),
        .m_axi_rready(got[DFE_OUT_M_AXI_RREADY]));
    // the rings the block does not have (NUM_FBR 3): their outputs read 0, as the trace's
    generate
        if (NUM_FBR < 4) begin : g_none
            assign got[DFE_OUT_M_DESC_VALID + NUM_FBR +: 4 - NUM_FBR] = {(4 - NUM_FBR){1'b0}};
            assign got[DFE_OUT_M_DESC_DATA + NUM_FBR*80 +: (4 - NUM_FBR)*80] = {(4 - NUM_FBR)*80{1'b0}};
            assign got[DFE_OUT_ST_FBR_HEAD + NUM_FBR*16 +: (4 - NUM_FBR)*16] = {(4 - NUM_FBR)*16{1'b0}};
            assign got[DFE_OUT_ST_FBR_ERR + NUM_FBR +: 4 - NUM_FBR] = {(4 - NUM_FBR){1'b0}};
        end
    endgenerate
    // the head registers are not reset: a ring's head data is compared once it has been
    // loaded (valid is unknown until the first reset edge)
    reg [3:0] loaded = 4'b0000;
    always @(posedge clk) if (!in[DFE_IN_RST]) loaded <= loaded | got[DFE_OUT_M_DESC_VALID +: 4];
    generate
        genvar gi;
        for (gi = 0; gi < OUT_W; gi = gi + 1) begin : g_care
            if (gi >= DFE_OUT_M_DESC_DATA && gi < DFE_OUT_M_DESC_DATA + 320) begin : g_d
                assign care[gi] = loaded[(gi - DFE_OUT_M_DESC_DATA) / 80];
            end else begin : g_o
                assign care[gi] = 1'b1;
            end
        end
    endgenerate

    task bench_sample;
        ;
    endtask
    task bench_note;
        ;
    endtask
endmodule
