// nicrx_rgmii_rx_tb - the RGMII receive MAC against tests/board/rgmii_gen.c's expectations:
// drives the pins from STIM (one line per rx_clk period: {ctl, rxd} for the rising and the
// falling edge), compares every pushed beat in order with EXPECT and the counters at the end.
// DRAIN 0: the FIFO is never full (fifo_free 16).  DRAIN N: a FIFO of 16 beats that loses
// one beat every N clocks stands behind the MAC: it must never be pushed when full, and
// every RX_DV burst must still be counted once (frames, alignment errors, one-beat frames
// dropped); the beats are not compared then (frames lose beats and are sent with tuser).
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
    parameter integer DRAIN = 0;
    parameter integer NIBBLE = 0;   // 10/100 Mb/s: the stimulus has a nibble a clock
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
        .rx_clk(clk), .rst(rst), .rgmii_rxd(rxd), .rgmii_rx_ctl(ctl), .nibble(NIBBLE != 0),
        .m_tvalid(m_tvalid), .m_tdata(m_tdata), .m_tkeep(m_tkeep), .m_tlast(m_tlast), .m_tuser(m_tuser),
        .fifo_free(DRAIN == 0 ? 16'd16 : 16'd16 - occ),
        .cnt_frames(c_frames), .cnt_fcs(c_fcs), .cnt_align(c_align), .cnt_ovf(c_ovf), .cnt_ovf_drop(c_ovf_drop));

    always #4 clk = ~clk;   // rising edges at 4 + 8k

    integer p, nb = 0, bad = 0, dcnt = 0, lasts = 0;
    reg [15:0] occ = 16'd0;
    // the FIFO's side: occupancy, one beat out every DRAIN clocks
    always @(posedge clk) begin
        dcnt = dcnt + 1;
        if (DRAIN != 0 && m_tvalid && occ == 16'd16 && !bad) begin
            $display("not ok %s: a beat pushed into a full FIFO", NAME); bad = 1;
        end
        occ <= occ + (m_tvalid === 1'b1 ? 16'd1 : 16'd0) - ((DRAIN != 0 && dcnt % (DRAIN == 0 ? 1 : DRAIN) == 0 && occ != 0) ? 16'd1 : 16'd0);
        if (m_tvalid && m_tlast) lasts = lasts + 1;
    end
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
        if (DRAIN != 0) begin
            if (!bad && (c_frames + c_align + c_ovf_drop != FRAMES + ALIGN || lasts != c_frames || c_ovf + c_ovf_drop == 0)) begin
                $display("not ok %s: frames %0d + align %0d + dropped %0d != %0d bursts, %0d last beats, %0d lost a beat",
                         NAME, c_frames, c_align, c_ovf_drop, FRAMES + ALIGN, lasts, c_ovf);
                bad = 1;
            end
            if (!bad) $display("ok %s (%0d bursts: %0d frames of which %0d lost beats, %0d one-beat frames dropped, %0d alignment errors)",
                               NAME, FRAMES + ALIGN, c_frames, c_ovf, c_ovf_drop, c_align);
            $finish;
        end
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
    always @(posedge clk) if (m_tvalid && !bad && DRAIN == 0) begin
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
