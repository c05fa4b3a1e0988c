// nicrx_mover_tb - block-level lockstep check of rtl/nicrx_mover.v against cmodel/mover.c:
// replays the trace of tests/blocks/nicrx_mover_gen.c (mover_in / mover_out of
// tests/blocks/traces.txt) and compares every output after every edge (tests/blocks/bench.vh).
`timescale 1ns / 1ps
module nicrx_mover_tb;
    parameter DATA_WIDTH = 64;
    parameter AXI_DATA_WIDTH = 2 * DATA_WIDTH;
    parameter CYCLES = 1000;
    parameter TRACE  = "build/tests/blocks/mover_trace.hex";
    parameter NAME   = "mover-block";
    localparam integer PM_AW = 6;
    `include "nicrx_stream_pc.vh"
    `include "nicrx_stream_wc.vh"
    `include "trace_mover_in.vh"
    `include "trace_mover_out.vh"
    localparam integer IN_W = MOVER_IN_W, OUT_W = MOVER_OUT_W;
    `include "bench.vh"

    // the host bus in the trace's 128-bit fields (zero above AXI_DATA_WIDTH)
    wire [AXI_DATA_WIDTH-1:0]   wdata;
    wire [AXI_DATA_WIDTH/8-1:0] wstrb;
    wire [127:0]                wdata_x = wdata;
    wire [15:0]                 wstrb_x = wstrb;
    assign got[MOVER_OUT_M_AXI_WDATA +: 128] = wdata_x;
    assign got[MOVER_OUT_M_AXI_WSTRB +: 16] = wstrb_x;

    nicrx_mover #(.DATA_WIDTH(DATA_WIDTH), .AXI_DATA_WIDTH(AXI_DATA_WIDTH), .PM_AW(PM_AW)) dut (
        .clk(clk), .rst(in[MOVER_IN_RST]),
        .s_pc_valid(in[MOVER_IN_S_PC_VALID]), .s_pc_data(in[MOVER_IN_S_PC +: PC_W]),
        .s_pc_ready(got[MOVER_OUT_S_PC_READY]),
        .s_wc_valid(in[MOVER_IN_S_WC_VALID]), .s_wc_data(in[MOVER_IN_S_WC +: WC_W]),
        .s_wc_ready(got[MOVER_OUT_S_WC_READY]),
        .s_rec_valid(in[MOVER_IN_S_REC_VALID]), .s_rec_data(in[MOVER_IN_S_REC +: 256]),
        .s_rec_ready(got[MOVER_OUT_S_REC_READY]),
        .pm_rd_en(got[MOVER_OUT_PM_RD_EN]), .pm_rd_addr(got[MOVER_OUT_PM_RD_ADDR +: PM_AW]),
        .pm_rd_data(in[MOVER_IN_PM_RD_DATA +: DATA_WIDTH]), .pm_rel_ptr(got[MOVER_OUT_PM_REL_PTR +: PM_AW + 1]),
        .busy(got[MOVER_OUT_BUSY]),
        .m_axi_wvalid(got[MOVER_OUT_M_AXI_WVALID]), .m_axi_wdata(wdata), .m_axi_wstrb(wstrb),
        .m_axi_wlast(got[MOVER_OUT_M_AXI_WLAST]), .m_axi_wready(in[MOVER_IN_M_AXI_WREADY]));
    assign care = {OUT_W{1'b1}};

    // counts: beats of records and of data, so a bench that moves nothing does not pass
    integer n_beats = 0, n_lasts = 0;
    task bench_sample;
        begin
            if (got[MOVER_OUT_M_AXI_WVALID] && in[MOVER_IN_M_AXI_WREADY]) n_beats = n_beats + 1;
            if (got[MOVER_OUT_M_AXI_WVALID] && got[MOVER_OUT_M_AXI_WLAST] && in[MOVER_IN_M_AXI_WREADY])
                n_lasts = n_lasts + 1;
        end
    endtask
    task bench_note;
        begin
            $sformat(note, ", %0d W beats in %0d bursts", n_beats, n_lasts);
            bench_ok = n_beats > 500 && n_lasts > 100;
        end
    endtask
endmodule
