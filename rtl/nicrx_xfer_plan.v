// nicrx_xfer_plan - the transfer decision (docs/architecture.md "nicrx_xfer_plan").
// Twin: cmodel/xfer_plan.c.
//
// Two register stages on the fl stream between nicrx_red and the transfer engine: each
// frame leaves with its decision in fl.split, fl.hdr_len, fl.dlen and fl.lerr, from its
// operation code, its lengths (len, l4_off, the TCP header length hlen and the IP-declared
// payload pay) and XFER_CTRL, XFER_SMALL_THRESH and the header ring's enable and BUF_SIZE.
// The decision never takes a length from the header beyond the bytes that arrived:
//   pay_off = l4_off + hlen, where the payload starts;
//   lerr    = a pre-selected TCP frame (codes NO_FLOW..NO_MERGE) with hlen < 20, pay_off past
//             len, pay_off + pay past len, or pay_off + pay short of len in a frame longer
//             than PAD_MAX (Ethernet pads only minimum-size frames);
//   split   = a pre-selected TCP frame whose XFER_CTRL bit is set, longer than
//             XFER_SMALL_THRESH (small frames go whole: they win over split), with
//             hlen >= 20 and pay_off <= len, the header ring enabled and its part fitting
//             the header ring's BUF_SIZE; CTRL and SHORT put the whole frame in the header
//             part, the others [0, pay_off) (the rest, [pay_off, len), is the data part).
// A frame that does not split goes whole (hdr_len 0, dlen len). Frames come at most one a
// cycle (valid only: the transfer engine's frame queue always has room).
// It also checks the configuration it and the transfer engine read (st_cfg_err, XFER_STATUS,
// registered): bit r (0..2) ring r enabled with BUF_SIZE 0 (it takes nothing); bit 3 ring 0
// enabled with XFER_SMALL_THRESH above its BUF_SIZE (frames called small do not fit a small
// buffer); bit 4 + r ring r enabled, a page ring, with BUF_SIZE above PAGE_SIZE (its entries
// stop at a page).
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_xfer_plan (
    input  wire             clk,
    input  wire             rst,
    // nicrx_red's stream in, the same stream with the decision out, two cycles later
    input  wire             s_fl_valid,
    input  wire [FL_W-1:0]  s_fl_data,
    output wire             m_fl_valid,
    output wire [FL_W-1:0]  m_fl_data,
    // configuration: XFER_CTRL.split, XFER_SMALL_THRESH, the header ring's CTRL.enable and BUF_SIZE
    input  wire [15:0]      cfg_xfer_split,
    input  wire [15:0]      cfg_xfer_small,
    input  wire             cfg_hdr_en,
    input  wire [15:0]      cfg_hdr_size,
    // the data rings' (0 small, 1 large) CTRL.enable and BUF_SIZE and XFER_PAGE
    // {align_log2, page_log2, en}, for the configuration check alone
    input  wire [1:0]       cfg_data_en,
    input  wire [2*16-1:0]  cfg_data_size,
    input  wire [10:0]      cfg_xfer_page,
    output wire [6:0]       st_cfg_err,        // XFER_STATUS.cfg_err
    output wire             idle
);
    localparam [3:0]  OP_NO_FLOW = 4'd2, OP_CTRL = 4'd3, OP_SHORT = 4'd7, OP_NO_MERGE = 4'd8;
    localparam [16:0] PAD_MAX = 17'd64;   // the longest frame Ethernet pads: 60 bytes and a VLAN tag
    `include "nicrx_stream_fl.vh"

    wire [15:0] len    = s_fl_data[FL_LEN +: FL_LEN_W];
    wire [3:0]  opcode = s_fl_data[FL_OPCODE +: FL_OPCODE_W];
    wire [7:0]  l4_off = s_fl_data[FL_L4_OFF +: FL_L4_OFF_W];
    wire [9:0]  hlen   = s_fl_data[FL_HLEN +: FL_HLEN_W];
    wire [15:0] pay    = s_fl_data[FL_PAY +: FL_PAY_W];

    // S1: the sums and everything that needs the configuration
    wire [10:0] pay_off = {3'd0, l4_off} + {1'b0, hlen};
    reg             v1_reg;
    reg [FL_W-1:0]  f1_reg;
    reg [10:0]      pay_off1_reg;
    reg [16:0]      pay_end1_reg;       // pay_off + pay
    reg             tcp1_reg;           // pre-selected TCP (codes NO_FLOW..NO_MERGE)
    reg             elig1_reg;          // XFER_CTRL bit set and len > XFER_SMALL_THRESH
    reg             all1_reg;           // CTRL or SHORT: the whole frame is the header part
    reg             badh1_reg;          // hlen < 20
    reg             hfit1_reg;          // the header part fits the header ring's buffers
    reg             hen1_reg;

    // the configuration check: every ring's enable and BUF_SIZE, PAGE_SIZE (page_log2 below 6
    // acts as 6, nicrx_page)
    wire [2:0]  ring_en   = {cfg_hdr_en, cfg_data_en};
    wire [47:0] ring_size = {cfg_hdr_size, cfg_data_size};
    wire [3:0]  pg_log2   = (cfg_xfer_page[6:3] < 4'd6) ? 4'd6 : cfg_xfer_page[6:3];
    wire [16:0] pg_size   = 17'd1 << pg_log2;
    reg  [6:0]  cfg_err_reg, cfg_err_next;
    integer     r;
    always @* begin
        for (r = 0; r < 3; r = r + 1) begin
            cfg_err_next[r]     = ring_en[r] && ring_size[r*16 +: 16] == 16'd0;
            cfg_err_next[4 + r] = cfg_xfer_page[r] && ring_en[r] && {1'b0, ring_size[r*16 +: 16]} > pg_size;
        end
        cfg_err_next[3] = ring_en[0] && cfg_xfer_small > ring_size[15:0];
    end
    assign st_cfg_err = cfg_err_reg;

    // S2: the decision
    reg             m_fl_valid_reg;
    reg [FL_W-1:0]  m_fl_data_reg;

    wire [15:0] len1   = f1_reg[FL_LEN +: FL_LEN_W];
    wire        past   = {5'd0, pay_off1_reg} > len1;
    wire        lie_long = pay_end1_reg > {1'b0, len1};
    wire        lie_short = pay_end1_reg < {1'b0, len1} && {1'b0, len1} > PAD_MAX;
    wire        lerr   = tcp1_reg && (badh1_reg || past || lie_long || lie_short);
    wire        split  = tcp1_reg && elig1_reg && hen1_reg && hfit1_reg && !badh1_reg && !past;
    wire [15:0] rest   = len1 - {5'd0, pay_off1_reg};

    assign m_fl_valid = m_fl_valid_reg;
    assign m_fl_data  = m_fl_data_reg;
    assign idle       = !v1_reg && !m_fl_valid_reg;

    always @(posedge clk) begin
        if (rst) begin
            v1_reg         <= 1'b0;
            f1_reg         <= {FL_W{1'b0}};
            m_fl_valid_reg <= 1'b0;
            m_fl_data_reg  <= {FL_W{1'b0}};
            cfg_err_reg    <= 7'd0;
        end else begin
            cfg_err_reg <= cfg_err_next;
            v1_reg <= s_fl_valid;
            if (s_fl_valid)
                f1_reg <= s_fl_data;
            m_fl_valid_reg <= v1_reg;
            if (v1_reg) begin
                m_fl_data_reg <= f1_reg;
                m_fl_data_reg[FL_SPLIT]                  <= split;
                m_fl_data_reg[FL_HDR_LEN +: FL_HDR_LEN_W] <= !split ? 16'd0 : all1_reg ? len1 : {5'd0, pay_off1_reg};
                m_fl_data_reg[FL_DLEN +: FL_DLEN_W]       <= !split ? len1 : all1_reg ? 16'd0 : rest;
                m_fl_data_reg[FL_LERR]                    <= lerr;
            end
        end
        // S1's derived fields load with the frame (no reset: S2 reads them only after v1)
        if (s_fl_valid) begin
            pay_off1_reg <= pay_off;
            pay_end1_reg <= {6'd0, pay_off} + {1'b0, pay};
            tcp1_reg     <= opcode >= OP_NO_FLOW && opcode <= OP_NO_MERGE;
            elig1_reg    <= cfg_xfer_split[opcode] && len > cfg_xfer_small;
            all1_reg     <= opcode == OP_CTRL || opcode == OP_SHORT;
            badh1_reg    <= hlen < 10'd20;
            hfit1_reg    <= (opcode == OP_CTRL || opcode == OP_SHORT) ? len <= cfg_hdr_size
                                                                      : {5'd0, pay_off} <= cfg_hdr_size;
            hen1_reg     <= cfg_hdr_en;
        end
    end

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md "nicrx_xfer_plan"); the inputs are free.
    `include "nicrx_formal_reset.vh"

    wire [15:0] f_len  = m_fl_data_reg[FL_LEN +: FL_LEN_W];
    wire [15:0] f_hdr  = m_fl_data_reg[FL_HDR_LEN +: FL_HDR_LEN_W];
    wire [15:0] f_dlen = m_fl_data_reg[FL_DLEN +: FL_DLEN_W];
    wire [3:0]  f_op   = m_fl_data_reg[FL_OPCODE +: FL_OPCODE_W];
    wire        f_split = m_fl_data_reg[FL_SPLIT];
    reg         f_p_v1;
    always @(posedge clk) f_p_v1 <= v1_reg;
    // XFER_STATUS is the configuration check of the cycle before (0 after a reset)
    reg [6:0]   f_p_cfg_err;
    always @(posedge clk) f_p_cfg_err <= cfg_err_next;
    always @(*) if (f_past_valid) assert(st_cfg_err == (f_past_rst ? 7'd0 : f_p_cfg_err));

    always @(*) if (f_past_valid) begin
        if (f_past_rst) assert(!m_fl_valid && !v1_reg);
        // a frame leaves two edges after it came, one a cycle
        if (m_fl_valid) assert(f_p_v1);
        if (m_fl_valid) begin
            // every byte goes somewhere, once: the parts tile [0, len)
            assert(f_hdr + f_dlen == f_len);
            if (!f_split) assert(f_hdr == 16'd0);
            // only pre-selected TCP frames split or carry lerr, and a header part is never empty
            if (f_split || m_fl_data_reg[FL_LERR]) assert(f_op >= OP_NO_FLOW && f_op <= OP_NO_MERGE);
            if (f_split) assert(f_hdr != 16'd0 && f_hdr <= f_len);
        end
    end
    always @(posedge clk) if (f_past_valid && !rst && m_fl_valid) begin
        cover(f_split && f_dlen != 16'd0 && m_fl_data_reg[FL_LERR]);
        cover(f_split && f_dlen == 16'd0);
        cover(!f_split && m_fl_data_reg[FL_LERR]);
    end
`endif

    // the decision's fields of the stream in are overwritten (0 from nicrx_flow)
    wire unused_ok = &{1'b0, s_fl_data[FL_SPLIT], s_fl_data[FL_HDR_LEN +: FL_HDR_LEN_W],
                       s_fl_data[FL_DLEN +: FL_DLEN_W], s_fl_data[FL_LERR]};
endmodule

`resetall
