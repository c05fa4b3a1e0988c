// nicrx_rgmii_side - the RGMII side of a board alone, for an out-of-context place-and-route
// at the PHY's 125 MHz (fpga/boards/build.sh BOARD rgmii; docs/board.md "Figures"): the MAC
// and the asynchronous FIFO wired as fpga/boards/ecpix5/nicrx_ecpix5.v wires them, the FIFO's
// read side and the MAC's counters out on ports.  Not part of any bitstream.
`timescale 1ns / 1ps
`default_nettype none
module nicrx_rgmii_side #(
    parameter integer DATA_WIDTH = 32
) (
    input  wire                      rx_clk,
    input  wire                      rx_rst,
    input  wire [3:0]                rgmii_rxd,
    input  wire                      rgmii_rx_ctl,
    input  wire                      nibble,
    input  wire                      clk,
    input  wire                      rst,
    output wire                      r_valid,
    output wire [DATA_WIDTH+DATA_WIDTH/8+1:0] r_beat,
    output wire [159:0]              cnt
);
    localparam integer KW = DATA_WIDTH / 8;
    wire                  e_valid, e_last, e_user;
    wire [DATA_WIDTH-1:0] e_data;
    wire [KW-1:0]         e_keep;
    wire [4:0]            f_free;
    nicrx_rgmii_rx #(.DATA_WIDTH(DATA_WIDTH)) u_mac (
        .rx_clk(rx_clk), .rst(rx_rst), .rgmii_rxd(rgmii_rxd), .rgmii_rx_ctl(rgmii_rx_ctl),
        .nibble(nibble),
        .m_tvalid(e_valid), .m_tdata(e_data), .m_tkeep(e_keep), .m_tlast(e_last), .m_tuser(e_user),
        .fifo_free({11'd0, f_free}),
        .cnt_frames(cnt[31:0]), .cnt_fcs(cnt[63:32]), .cnt_align(cnt[95:64]), .cnt_ovf(cnt[127:96]),
        .cnt_ovf_drop(cnt[159:128]));
    nicrx_async_fifo #(.WIDTH(DATA_WIDTH + KW + 2), .AW(4)) u_fifo (
        .w_clk(rx_clk), .w_rst(rx_rst), .w_en(e_valid), .w_data({e_user, e_last, e_keep, e_data}),
        .w_free(f_free), .r_clk(clk), .r_rst(rst), .r_valid(r_valid), .r_data(r_beat));
endmodule
`default_nettype wire
