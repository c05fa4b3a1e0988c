// nicrx_rgmii_rx - RGMII receive MAC at 1000, 100 and 10 Mb/s (docs/board.md "RGMII receive MAC").
//
// Pins: rgmii_rxd[3:0] and rgmii_rx_ctl, DDR on rx_clk: RX_DV on the rising edge, RX_DV xor
// RX_ER on the falling edge; at 1000 Mb/s (125 MHz) the low nibble on the rising edge and the
// high nibble on the falling edge, a byte a clock; at 100 and 10 Mb/s (nibble high: 25 and
// 2.5 MHz) a nibble a clock on the rising edge, the low nibble first, a byte every two clocks
// (b_en_reg marks the clocks that carry a byte or idle).  ECP5 IDDRX1F primitives take both
// edges (fpga/sim/IDDRX1F.v is their model in simulation).
// A frame: RX_DV high, preamble bytes 0x55 (any number, none included), the SFD 0xD5, the
// frame's bytes, the FCS (4 bytes, CRC-32).  Out: the frame without its FCS as AXI4-Stream
// beats of DATA_WIDTH bits, byte 0 in bits [7:0], tkeep contiguous, the bytes past tkeep 0;
// tuser on the last beat when the FCS is wrong, RX_ER was seen inside the frame, or a beat
// was lost to a full FIFO (nicrx_top drops it as bad_frame).  A beat is pushed when the
// byte after it arrives or the frame ends, so the last beat is always known as such.
// A frame is dropped here, never reaching the core, when it is an alignment error: the data
// bytes change from 0x55 to something other than the SFD (0x5D, an SFD half a byte late,
// included), RX_DV falls before the SFD, or fewer than 4 bytes follow the SFD (not even an
// FCS).  Four bytes (an FCS alone) are an empty frame: one beat, tkeep 0, as the core takes it.  Every RX_DV burst is counted in exactly one of cnt_frames (pushed with
// tlast) and cnt_align, or cnt_ovf_drop (a one-beat frame that found the FIFO full).
// cnt_fcs counts pushed frames with a wrong FCS, cnt_ovf pushed frames that lost a beat.
// FIFO room: fifo_free, the free entries the FIFO's write side sees, is registered here
// (room1_reg, room2_reg) and so misses up to two beats on their way in (pushed at the two
// edges before); a beat that is not the last needs four free (its own, two in flight, one
// kept for the last beat), a last beat three; after a frame's earlier beat went in, its
// last beat always fits.
`timescale 1ns / 1ps
`default_nettype none
module nicrx_rgmii_rx #(
    parameter integer DATA_WIDTH = 64
) (
    input  wire                    rx_clk,
    input  wire                    rst,          // synchronous to rx_clk
    input  wire [3:0]              rgmii_rxd,
    input  wire                    rgmii_rx_ctl,
    input  wire                    nibble,       // 10/100 Mb/s; changes only while RX_DV is low
    output reg                     m_tvalid,
    output reg  [DATA_WIDTH-1:0]   m_tdata,
    output reg  [DATA_WIDTH/8-1:0] m_tkeep,
    output reg                     m_tlast,
    output reg                     m_tuser,
    input  wire [15:0]             fifo_free,
    output reg  [31:0]             cnt_frames,
    output reg  [31:0]             cnt_fcs,
    output reg  [31:0]             cnt_align,
    output reg  [31:0]             cnt_ovf,
    output reg  [31:0]             cnt_ovf_drop
);
    localparam integer BPB = DATA_WIDTH / 8;
    localparam [7:0] BPB8 = BPB[7:0];
    localparam [31:0] CRC_RESIDUE = 32'hdebb20e3;   // the register after data and a good FCS
    localparam [1:0] S_IDLE = 2'd0, S_PRE = 2'd1, S_DATA = 2'd2, S_WAIT = 2'd3;

    // DDR inputs: q0 the rising-edge sample, q1 the falling-edge one of the same period
    wire [4:0] pins = {rgmii_rx_ctl, rgmii_rxd};
    wire [4:0] q0, q1;
    genvar gi;
    generate for (gi = 0; gi < 5; gi = gi + 1) begin : g_iddr
        IDDRX1F u_iddr (.D(pins[gi]), .SCLK(rx_clk), .RST(1'b0),
                        .Q0(q0[gi]), .Q1(q1[gi]));
    end endgenerate

    // bytes, registered from the primitives: one a clock at 1000 Mb/s; at 10/100 the low
    // nibble waits a clock in n_lo_reg (n_half_reg), and idle clocks count as idle bytes
    reg [7:0] b_byte_reg;
    reg       b_dv_reg, b_er_reg, b_en_reg;
    reg [3:0] n_lo_reg;
    reg       n_er_reg, n_half_reg;
    always @(posedge rx_clk) begin
        b_en_reg <= 1'b1;
        n_half_reg <= 1'b0;
        if (!nibble) begin
            b_byte_reg <= {q1[3:0], q0[3:0]};
            b_dv_reg   <= q0[4];
            b_er_reg   <= q0[4] ^ q1[4];
        end else if (!q0[4]) begin
            b_dv_reg   <= 1'b0;
            b_er_reg   <= 1'b0;
        end else if (!n_half_reg) begin
            n_lo_reg   <= q0[3:0];
            n_er_reg   <= q0[4] ^ q1[4];
            n_half_reg <= 1'b1;
            b_en_reg   <= 1'b0;
        end else begin
            b_byte_reg <= {q0[3:0], n_lo_reg};
            b_dv_reg   <= 1'b1;
            b_er_reg   <= n_er_reg | (q0[4] ^ q1[4]);
        end
    end

    function [31:0] crc_byte(input [31:0] c, input [7:0] d);
        integer k;
        reg [31:0] r;
        begin
            r = c;
            for (k = 0; k < 8; k = k + 1)
                r = (r >> 1) ^ (32'hedb88320 & {32{r[0] ^ d[k]}});
            crc_byte = r;
        end
    endfunction

    reg [1:0]            st_reg;
    reg [31:0]           crc_reg;
    reg [31:0]           dl_reg;     // the last four bytes: the FCS once the frame ends
    reg [2:0]            dl_n_reg;   // bytes in dl_reg (saturates at 4)
    reg                  er_reg, ovf_reg, pushed_reg;
    reg [DATA_WIDTH-1:0] pk_data_reg;
    reg [7:0]            pk_cnt_reg; // bytes in pk_data_reg, 0..BPB

    wire in_pre_ok = b_byte_reg == 8'h55;
    wire in_sfd    = b_byte_reg == 8'hd5;
    wire frame_end = b_en_reg && st_reg == S_DATA && !b_dv_reg;
    wire emit      = b_en_reg && st_reg == S_DATA && b_dv_reg && dl_n_reg == 3'd4;  // dl_reg[7:0] leaves
    wire full_push = emit && pk_cnt_reg == BPB8;                        // a beat, not the last
    wire last_push = frame_end && dl_n_reg == 3'd4;
    reg  room1_reg, room2_reg;
    always @(posedge rx_clk) begin
        room1_reg <= fifo_free >= 16'd3;
        room2_reg <= fifo_free >= 16'd4;
    end
    wire fifo_room1 = room1_reg;
    wire fifo_room2 = room2_reg;

    integer i;
    always @(posedge rx_clk) begin
        m_tvalid <= 1'b0;
        if (rst) begin
            st_reg <= S_IDLE;
            pk_data_reg <= {DATA_WIDTH{1'b0}};
            pk_cnt_reg <= 8'd0;
            cnt_frames <= 32'd0;
            cnt_fcs <= 32'd0;
            cnt_align <= 32'd0;
            cnt_ovf <= 32'd0;
            cnt_ovf_drop <= 32'd0;
        end else if (b_en_reg) begin
            case (st_reg)
            S_IDLE, S_PRE:
                if (!b_dv_reg) begin
                    if (st_reg == S_PRE) cnt_align <= cnt_align + 32'd1;
                    st_reg <= S_IDLE;
                end else if (in_sfd) begin
                    st_reg <= S_DATA;
                    crc_reg <= 32'hffffffff;
                    dl_n_reg <= 3'd0;
                    er_reg <= 1'b0;
                    ovf_reg <= 1'b0;
                    pushed_reg <= 1'b0;
                end else if (in_pre_ok) begin
                    st_reg <= S_PRE;
                end else begin
                    cnt_align <= cnt_align + 32'd1;
                    st_reg <= S_WAIT;
                end
            S_DATA:
                if (b_dv_reg) begin
                    crc_reg <= crc_byte(crc_reg, b_byte_reg);
                    dl_reg <= {b_byte_reg, dl_reg[31:8]};
                    if (dl_n_reg != 3'd4) dl_n_reg <= dl_n_reg + 3'd1;
                    if (b_er_reg) er_reg <= 1'b1;
                end else begin
                    st_reg <= S_IDLE;
                    if (dl_n_reg != 3'd4) begin
                        cnt_align <= cnt_align + 32'd1;
                    end else if (!fifo_room1 && !pushed_reg) begin
                        cnt_ovf_drop <= cnt_ovf_drop + 32'd1;
                    end else begin
                        cnt_frames <= cnt_frames + 32'd1;
                        if (crc_reg != CRC_RESIDUE) cnt_fcs <= cnt_fcs + 32'd1;
                        if (ovf_reg) cnt_ovf <= cnt_ovf + 32'd1;
                    end
                end
            default:
                if (!b_dv_reg) st_reg <= S_IDLE;
            endcase

            // the packer: a full beat leaves when the byte after it comes
            if (emit) begin
                if (pk_cnt_reg == BPB8) begin
                    pk_data_reg <= {{(DATA_WIDTH-8){1'b0}}, dl_reg[7:0]};
                    pk_cnt_reg <= 8'd1;
                end else begin
                    for (i = 0; i < BPB; i = i + 1)
                        if (pk_cnt_reg == i[7:0]) pk_data_reg[i*8 +: 8] <= dl_reg[7:0];
                    pk_cnt_reg <= pk_cnt_reg + 8'd1;
                end
            end else if (frame_end) begin
                pk_data_reg <= {DATA_WIDTH{1'b0}};
                pk_cnt_reg <= 8'd0;
            end
            if (full_push) begin
                if (fifo_room2) begin
                    m_tvalid <= 1'b1;
                    pushed_reg <= 1'b1;
                end else begin
                    ovf_reg <= 1'b1;
                end
            end
            if (last_push && (fifo_room1 || pushed_reg)) m_tvalid <= 1'b1;
        end
        m_tdata <= pk_data_reg;
        m_tlast <= frame_end;
        m_tuser <= frame_end && (crc_reg != CRC_RESIDUE || er_reg || ovf_reg);
        for (i = 0; i < BPB; i = i + 1)
            m_tkeep[i] <= !frame_end || pk_cnt_reg > i[7:0];
    end
endmodule
`default_nettype wire
