// nicrx_rgmii_rx_tb - the RGMII receive MAC against tests/board/rgmii_gen.c's expectations:
// drives the pins from STIM (one line per rx_clk period: {ctl, rxd} for the rising and the
// falling edge), compares every pushed beat in order with EXPECT and the counters at the end.
// The FIFO is never full here (fifo_free 16).
`timescale 1ns / 1ps
module nicrx_rgmii_rx_tb;
    parameter DATA_WIDTH = 64;
    parameter PERIODS = 100;
    parameter BEATS = 1;
    parameter FRAMES = 0;
    parameter FCS = 0;
    parameter ALIGN = 0;
    parameter STIM = "stim.hex";
    parameter EXPECT = "exp.hex";
    parameter NAME = "rgmii-rx";
    localparam integer BPB = DATA_WIDTH / 8;

    reg [9:0]  stim [0:PERIODS-1];
    reg [79:0] exp_b [0:BEATS-1];
    reg clk = 1'b0, rst = 1'b1;
    reg [3:0] rxd = 4'd0;
    reg ctl = 1'b0;
    wire m_tvalid, m_tlast, m_tuser;
    wire [DATA_WIDTH-1:0] m_tdata;
    wire [BPB-1:0] m_tkeep;
    wire [31:0] c_frames, c_fcs, c_align, c_ovf, c_ovf_drop;

    nicrx_rgmii_rx #(.DATA_WIDTH(DATA_WIDTH)) dut (
        .rx_clk(clk), .rst(rst), .rgmii_rxd(rxd), .rgmii_rx_ctl(ctl),
        .m_tvalid(m_tvalid), .m_tdata(m_tdata), .m_tkeep(m_tkeep), .m_tlast(m_tlast), .m_tuser(m_tuser),
        .fifo_free(16'd16),
        .cnt_frames(c_frames), .cnt_fcs(c_fcs), .cnt_align(c_align), .cnt_ovf(c_ovf), .cnt_ovf_drop(c_ovf_drop));

    always #4 clk = ~clk;   // rising edges at 4 + 8k

    integer p, nb = 0, bad = 0;
    initial begin
        $readmemh(STIM, stim);
        $readmemh(EXPECT, exp_b);
        #2;
        for (p = 0; p < PERIODS; p = p + 1) begin
            {ctl, rxd} = stim[p][9:5];
            if (p == 4) rst = 1'b0;
            #4 {ctl, rxd} = stim[p][4:0];
            #4;
        end
        #80;
        if (nb != BEATS) begin
            $display("not ok %s: %0d beats out, %0d expected", NAME, nb, BEATS); bad = 1;
        end else if (c_frames != FRAMES || c_fcs != FCS || c_align != ALIGN || c_ovf != 0 || c_ovf_drop != 0) begin
            $display("not ok %s: counters frames %0d fcs %0d align %0d ovf %0d/%0d, expected %0d %0d %0d 0 0",
                     NAME, c_frames, c_fcs, c_align, c_ovf, c_ovf_drop, FRAMES, FCS, ALIGN); bad = 1;
        end
        if (!bad) $display("ok %s (%0d frames, %0d with a bad FCS, %0d alignment errors, %0d beats)",
                           NAME, FRAMES, FCS, ALIGN, BEATS);
        $finish;
    end

    reg [79:0] want;
    always @(posedge clk) if (m_tvalid && !bad) begin
        want = exp_b[nb];
        if (nb >= BEATS || m_tdata != want[DATA_WIDTH-1:0] || m_tkeep != want[64 +: BPB]
            || m_tlast != want[72] || m_tuser != want[73]) begin
            $display("not ok %s: beat %0d: data %h keep %h last %b user %b, expected %h", NAME, nb,
                     m_tdata, m_tkeep, m_tlast, m_tuser, want);
            bad = 1;
            $finish;
        end
        nb = nb + 1;
    end
endmodule
