// nicrx_parser - fixed-function header parser (docs/architecture.md, "nicrx_parser").
//
// A three-stage pipeline with no stall: hv_valid is high exactly PARSE_LAT = 3 cycles
// after cm_valid.  A stage loads only when the stage before it holds a frame, so
// between frames every stage (and every hv_* output) keeps the last frame's values.
//   stage 1 (s1_*): L2 - EtherType, up to two VLAN tags, LLC/SNAP -> L3 offset.  Copies
//                   the 64 header bytes from the L3 offset on (all later stages need:
//                   an IPv4 header with options is at most 60 bytes, then 4 port bytes;
//                   IPv6 is 40 + 4).  Bytes past HEADER_BYTES read as 0; bytes past the
//                   frame are never used (every use is guarded by a check against W).
//   stage 2 (s2_*): L3 - IPv4 / IPv6 fields, L4 offset, port bytes, address hash.
//   stage 3 (hv_*): L4 - TCP/UDP length checks, ports, final hash.
// Twin: cmodel/parser.c (nicrx_parse() and a PARSE_LAT-deep delay line).
module nicrx_parser #(
    parameter HEADER_BYTES = 128,
    parameter PM_AW        = 11
) (
    input  wire                      clk,
    input  wire                      rst,
    input  wire                      cm_valid,
    input  wire [PM_AW-1:0]          cm_start,
    input  wire [15:0]               cm_len,
    input  wire [HEADER_BYTES*8-1:0] cm_hdr,
    output wire                      hv_valid,
    output wire [PM_AW-1:0]          hv_start,
    output wire [15:0]               hv_len,
    output wire [1:0]                hv_l3,
    output wire [1:0]                hv_l4,
    output wire [7:0]                hv_proto,
    output wire [1:0]                hv_vlan_cnt,
    output wire [11:0]               hv_vlan0,
    output wire [11:0]               hv_vlan1,
    output wire                      hv_frag,
    output wire                      hv_mf,
    output wire [12:0]               hv_frag_off,
    output wire [127:0]              hv_src,
    output wire [127:0]              hv_dst,
    output wire [15:0]               hv_sport,
    output wire [15:0]               hv_dport,
    output wire [7:0]                hv_l3_off,
    output wire [7:0]                hv_l4_off,
    output wire                      hv_trunc,
    output wire [31:0]               hv_hash,
    output wire                      idle
);
    // PARSE_LAT is the contract with nicrx_dma and the model (PARSER_PARSE_LAT); it
    // documents the three register stages below rather than sizing anything.
    /* verilator lint_off UNUSEDPARAM */
    localparam integer PARSE_LAT = 3;
    /* verilator lint_on UNUSEDPARAM */
    localparam integer WIN       = 64;          // bytes copied from the L3 offset on
    localparam integer PAD       = 30 + WIN;    // highest L3 offset is 30 (2 tags + SNAP)
    localparam [8:0]   HB9       = HEADER_BYTES[8:0];

    // Parameter checks: an out-of-range value instantiates a module that does not exist.
    generate
        if (HEADER_BYTES != 64 && HEADER_BYTES != 128 && HEADER_BYTES != 256) begin : g_bad_hb
            nicrx_parser_bad_HEADER_BYTES u_bad ();
        end
        if (PM_AW < 4 || PM_AW > 16) begin : g_bad_aw
            nicrx_parser_bad_PM_AW u_bad ();
        end
    endgenerate

    // cm_hdr with zero bytes above it, so the window below never indexes past the top.
    // Bytes 0..11 (MAC addresses) and the top of the pad are never read.
    /* verilator lint_off UNUSEDSIGNAL */
    wire [(HEADER_BYTES+PAD)*8-1:0] hdr_pad = {{(PAD*8){1'b0}}, cm_hdr};
    /* verilator lint_on UNUSEDSIGNAL */

    function is_tpid;
        input [15:0] et;
        begin
            is_tpid = (et == 16'h8100) || (et == 16'h88a8) || (et == 16'h9100);
        end
    endfunction

    // ---------------------------------------------------------------- registers
    reg                 s1_valid_reg, s1_valid_next;
    reg [PM_AW-1:0]     s1_start_reg, s1_start_next;
    reg [15:0]          s1_len_reg, s1_len_next;
    reg [8:0]           s1_w_reg, s1_w_next;          // min(len, HEADER_BYTES)
    reg [1:0]           s1_vlan_cnt_reg, s1_vlan_cnt_next;
    reg [11:0]          s1_vlan0_reg, s1_vlan0_next;
    reg [11:0]          s1_vlan1_reg, s1_vlan1_next;
    reg [1:0]           s1_kind_reg, s1_kind_next;    // 0 no L3, 1 IPv4, 2 IPv6 EtherType
    reg [7:0]           s1_off_reg, s1_off_next;      // L3 offset
    reg                 s1_trunc_reg, s1_trunc_next;
    reg [WIN*8-1:0]     s1_win_reg, s1_win_next;      // bytes s1_off .. s1_off+63

    reg                 s2_valid_reg, s2_valid_next;
    reg [PM_AW-1:0]     s2_start_reg, s2_start_next;
    reg [15:0]          s2_len_reg, s2_len_next;
    reg [8:0]           s2_w_reg, s2_w_next;
    reg [1:0]           s2_vlan_cnt_reg, s2_vlan_cnt_next;
    reg [11:0]          s2_vlan0_reg, s2_vlan0_next;
    reg [11:0]          s2_vlan1_reg, s2_vlan1_next;
    reg [1:0]           s2_l3_reg, s2_l3_next;
    reg [7:0]           s2_proto_reg, s2_proto_next;
    reg                 s2_mf_reg, s2_mf_next;
    reg [12:0]          s2_frag_off_reg, s2_frag_off_next;
    reg [127:0]         s2_src_reg, s2_src_next;
    reg [127:0]         s2_dst_reg, s2_dst_next;
    reg [7:0]           s2_l3_off_reg, s2_l3_off_next;
    reg [7:0]           s2_l4_off_reg, s2_l4_off_next;
    reg [1:0]           s2_l4_reg, s2_l4_next;        // candidate: 0 none, 1 TCP, 2 UDP, 3 other
    reg [31:0]          s2_ports_reg, s2_ports_next;  // {sport, dport} bytes, unchecked
    reg                 s2_trunc_reg, s2_trunc_next;
    reg [31:0]          s2_hash_reg, s2_hash_next;    // XOR of the address words

    reg                 hv_valid_reg, hv_valid_next;
    reg [PM_AW-1:0]     hv_start_reg, hv_start_next;
    reg [15:0]          hv_len_reg, hv_len_next;
    reg [1:0]           hv_l3_reg, hv_l3_next;
    reg [1:0]           hv_l4_reg, hv_l4_next;
    reg [7:0]           hv_proto_reg, hv_proto_next;
    reg [1:0]           hv_vlan_cnt_reg, hv_vlan_cnt_next;
    reg [11:0]          hv_vlan0_reg, hv_vlan0_next;
    reg [11:0]          hv_vlan1_reg, hv_vlan1_next;
    reg                 hv_frag_reg, hv_frag_next;
    reg                 hv_mf_reg, hv_mf_next;
    reg [12:0]          hv_frag_off_reg, hv_frag_off_next;
    reg [127:0]         hv_src_reg, hv_src_next;
    reg [127:0]         hv_dst_reg, hv_dst_next;
    reg [15:0]          hv_sport_reg, hv_sport_next;
    reg [15:0]          hv_dport_reg, hv_dport_next;
    reg [7:0]           hv_l3_off_reg, hv_l3_off_next;
    reg [7:0]           hv_l4_off_reg, hv_l4_off_next;
    reg                 hv_trunc_reg, hv_trunc_next;
    reg [31:0]          hv_hash_reg, hv_hash_next;
    reg                 idle_reg, idle_next;

    // ---------------------------------------------------------------- stage 1: L2
    reg [15:0] st1_et;
    reg        st1_stop;
    reg [7:0]  st1_b0, st1_b1, st1_b2;
    reg [15:0] st1_snap_et;

    // The window's offset from byte compares alone: the L3 offset whenever an
    // L3 header is found (truncation only ever clears s1_kind, and then the
    // window is not read), so the 512-bit select does not wait for the length
    // checks.  Keeps the stage short (it was the design's critical path).
    wire        win_t1   = is_tpid({hdr_pad[12*8 +: 8], hdr_pad[13*8 +: 8]});
    wire        win_t2   = win_t1 && is_tpid({hdr_pad[16*8 +: 8], hdr_pad[17*8 +: 8]});
    wire [15:0] win_et   = win_t2 ? {hdr_pad[20*8 +: 8], hdr_pad[21*8 +: 8]} :
                           win_t1 ? {hdr_pad[16*8 +: 8], hdr_pad[17*8 +: 8]} :
                                    {hdr_pad[12*8 +: 8], hdr_pad[13*8 +: 8]};
    wire [23:0] win_llc  = win_t2 ? {hdr_pad[22*8 +: 8], hdr_pad[23*8 +: 8], hdr_pad[24*8 +: 8]} :
                           win_t1 ? {hdr_pad[18*8 +: 8], hdr_pad[19*8 +: 8], hdr_pad[20*8 +: 8]} :
                                    {hdr_pad[14*8 +: 8], hdr_pad[15*8 +: 8], hdr_pad[16*8 +: 8]};
    wire        win_snap = (win_et < 16'h0600) && (win_llc == 24'haaaa03);
    wire [2:0]  win_sel  = {1'b0, win_t2 ? 2'd2 : win_t1 ? 2'd1 : 2'd0} + (win_snap ? 3'd2 : 3'd0);

    always @* begin
        s1_valid_next    = cm_valid;
        s1_start_next    = s1_start_reg;
        s1_len_next      = s1_len_reg;
        s1_w_next        = s1_w_reg;
        s1_vlan_cnt_next = s1_vlan_cnt_reg;
        s1_vlan0_next    = s1_vlan0_reg;
        s1_vlan1_next    = s1_vlan1_reg;
        s1_kind_next     = s1_kind_reg;
        s1_off_next      = s1_off_reg;
        s1_trunc_next    = s1_trunc_reg;
        s1_win_next      = s1_win_reg;
        st1_et      = 16'd0;
        st1_stop    = 1'b0;
        st1_b0      = 8'd0;
        st1_b1      = 8'd0;
        st1_b2      = 8'd0;
        st1_snap_et = 16'd0;
        if (cm_valid) begin
            s1_start_next    = cm_start;
            s1_len_next      = cm_len;
            s1_w_next        = (cm_len < {7'd0, HB9}) ? cm_len[8:0] : HB9;
            s1_vlan_cnt_next = 2'd0;
            s1_vlan0_next    = 12'd0;
            s1_vlan1_next    = 12'd0;
            s1_off_next      = 8'd14;
            s1_trunc_next    = 1'b0;
            st1_et           = {hdr_pad[12*8 +: 8], hdr_pad[13*8 +: 8]};
            // min(len, HEADER_BYTES) < n is len < n here: HEADER_BYTES >= 64 > 30.
            if (cm_len < 16'd14) begin
                s1_trunc_next = 1'b1;
                st1_stop      = 1'b1;
            end else if (is_tpid(st1_et)) begin
                if (cm_len < 16'd18) begin
                    s1_trunc_next = 1'b1;
                    st1_stop      = 1'b1;
                end else begin
                    s1_vlan_cnt_next = 2'd1;
                    s1_vlan0_next    = {hdr_pad[14*8 +: 4], hdr_pad[15*8 +: 8]};
                    st1_et           = {hdr_pad[16*8 +: 8], hdr_pad[17*8 +: 8]};
                    s1_off_next      = 8'd18;
                    if (is_tpid(st1_et)) begin
                        if (cm_len < 16'd22) begin
                            s1_trunc_next = 1'b1;
                            st1_stop      = 1'b1;
                        end else begin
                            s1_vlan_cnt_next = 2'd2;
                            s1_vlan1_next    = {hdr_pad[18*8 +: 4], hdr_pad[19*8 +: 8]};
                            st1_et           = {hdr_pad[20*8 +: 8], hdr_pad[21*8 +: 8]};
                            s1_off_next      = 8'd22;
                        end
                    end
                end
            end
            // 802.3 length field: LLC/SNAP (AA AA 03) gives an EtherType, anything else no L3
            if (!st1_stop && st1_et < 16'h0600) begin
                case (s1_vlan_cnt_next)
                    2'd0: begin
                        st1_b0 = hdr_pad[14*8 +: 8]; st1_b1 = hdr_pad[15*8 +: 8];
                        st1_b2 = hdr_pad[16*8 +: 8];
                        st1_snap_et = {hdr_pad[20*8 +: 8], hdr_pad[21*8 +: 8]};
                    end
                    2'd1: begin
                        st1_b0 = hdr_pad[18*8 +: 8]; st1_b1 = hdr_pad[19*8 +: 8];
                        st1_b2 = hdr_pad[20*8 +: 8];
                        st1_snap_et = {hdr_pad[24*8 +: 8], hdr_pad[25*8 +: 8]};
                    end
                    default: begin
                        st1_b0 = hdr_pad[22*8 +: 8]; st1_b1 = hdr_pad[23*8 +: 8];
                        st1_b2 = hdr_pad[24*8 +: 8];
                        st1_snap_et = {hdr_pad[28*8 +: 8], hdr_pad[29*8 +: 8]};
                    end
                endcase
                if ({8'd0, s1_off_next} + 16'd8 <= cm_len && st1_b0 == 8'haa &&
                    st1_b1 == 8'haa && st1_b2 == 8'h03) begin
                    st1_et      = st1_snap_et;
                    s1_off_next = s1_off_next + 8'd8;
                end else begin
                    st1_stop = 1'b1;
                end
            end
            if (st1_stop)                 s1_kind_next = 2'd0;
            else if (st1_et == 16'h0800)  s1_kind_next = 2'd1;
            else if (st1_et == 16'h86dd)  s1_kind_next = 2'd2;
            else                          s1_kind_next = 2'd0;
            case (win_sel)
                3'd0:    s1_win_next = hdr_pad[14*8 +: WIN*8];
                3'd1:    s1_win_next = hdr_pad[18*8 +: WIN*8];
                3'd2:    s1_win_next = hdr_pad[22*8 +: WIN*8];
                3'd3:    s1_win_next = hdr_pad[26*8 +: WIN*8];
                default: s1_win_next = hdr_pad[30*8 +: WIN*8];
            endcase
        end
    end

    // ---------------------------------------------------------------- stage 2: L3
    reg [3:0]  st2_ihl;
    reg [3:0]  st2_ver;
    reg [3:0]  st2_rel;      // L4 offset from the L3 offset, in 32-bit words
    reg [31:0] st2_ports;
    integer    k;

    always @* begin
        s2_valid_next    = s1_valid_reg;
        s2_start_next    = s2_start_reg;
        s2_len_next      = s2_len_reg;
        s2_w_next        = s2_w_reg;
        s2_vlan_cnt_next = s2_vlan_cnt_reg;
        s2_vlan0_next    = s2_vlan0_reg;
        s2_vlan1_next    = s2_vlan1_reg;
        s2_l3_next       = s2_l3_reg;
        s2_proto_next    = s2_proto_reg;
        s2_mf_next       = s2_mf_reg;
        s2_frag_off_next = s2_frag_off_reg;
        s2_src_next      = s2_src_reg;
        s2_dst_next      = s2_dst_reg;
        s2_l3_off_next   = s2_l3_off_reg;
        s2_l4_off_next   = s2_l4_off_reg;
        s2_l4_next       = s2_l4_reg;
        s2_ports_next    = s2_ports_reg;
        s2_trunc_next    = s2_trunc_reg;
        s2_hash_next     = s2_hash_reg;
        st2_ver   = s1_win_reg[7:4];
        st2_ihl   = s1_win_reg[3:0];
        st2_rel   = (s1_kind_reg == 2'd2) ? 4'd10 : st2_ihl;
        st2_ports = 32'd0;
        for (k = 5; k < 16; k = k + 1) begin
            if (st2_rel == k[3:0])
                st2_ports = {s1_win_reg[(4*k)*8 +: 8], s1_win_reg[(4*k+1)*8 +: 8],
                             s1_win_reg[(4*k+2)*8 +: 8], s1_win_reg[(4*k+3)*8 +: 8]};
        end
        if (s1_valid_reg) begin
            s2_start_next    = s1_start_reg;
            s2_len_next      = s1_len_reg;
            s2_w_next        = s1_w_reg;
            s2_vlan_cnt_next = s1_vlan_cnt_reg;
            s2_vlan0_next    = s1_vlan0_reg;
            s2_vlan1_next    = s1_vlan1_reg;
            s2_trunc_next    = s1_trunc_reg;
            s2_l3_next       = 2'd0;
            s2_proto_next    = 8'd0;
            s2_mf_next       = 1'b0;
            s2_frag_off_next = 13'd0;
            s2_src_next      = 128'd0;
            s2_dst_next      = 128'd0;
            s2_l3_off_next   = 8'd0;
            s2_l4_off_next   = 8'd0;
            s2_l4_next       = 2'd0;
            s2_ports_next    = st2_ports;
            if (s1_kind_reg == 2'd1) begin
                if ({1'b0, s1_off_reg} + 9'd20 > s1_w_reg) begin
                    s2_trunc_next = 1'b1;
                end else if (st2_ver == 4'd4 && st2_ihl >= 4'd5) begin
                    s2_l3_next       = 2'd1;
                    s2_proto_next    = s1_win_reg[9*8 +: 8];
                    s2_mf_next       = s1_win_reg[6*8+5];
                    s2_frag_off_next = {s1_win_reg[6*8 +: 5], s1_win_reg[7*8 +: 8]};
                    s2_src_next      = {s1_win_reg[12*8 +: 8], s1_win_reg[13*8 +: 8],
                                        s1_win_reg[14*8 +: 8], s1_win_reg[15*8 +: 8], 96'd0};
                    s2_dst_next      = {s1_win_reg[16*8 +: 8], s1_win_reg[17*8 +: 8],
                                        s1_win_reg[18*8 +: 8], s1_win_reg[19*8 +: 8], 96'd0};
                    s2_l3_off_next   = s1_off_reg;
                end
            end else if (s1_kind_reg == 2'd2) begin
                if ({1'b0, s1_off_reg} + 9'd40 > s1_w_reg) begin
                    s2_trunc_next = 1'b1;
                end else if (st2_ver == 4'd6) begin
                    s2_l3_next     = 2'd2;
                    s2_proto_next  = s1_win_reg[6*8 +: 8];
                    for (k = 0; k < 16; k = k + 1) begin
                        s2_src_next[(15-k)*8 +: 8] = s1_win_reg[(8+k)*8 +: 8];
                        s2_dst_next[(15-k)*8 +: 8] = s1_win_reg[(24+k)*8 +: 8];
                    end
                    s2_l3_off_next = s1_off_reg;
                end
            end
            // L4 candidate; a non-first IPv4 fragment has none
            if (s2_l3_next != 2'd0 && s2_frag_off_next == 13'd0) begin
                s2_l4_off_next = s1_off_reg + {2'b00, st2_rel, 2'b00};
                if (s2_proto_next == 8'd6)       s2_l4_next = 2'd1;
                else if (s2_proto_next == 8'd17) s2_l4_next = 2'd2;
                else                             s2_l4_next = 2'd3;
            end
            s2_hash_next = s2_src_next[127:96] ^ s2_src_next[95:64] ^ s2_src_next[63:32] ^
                           s2_src_next[31:0] ^ s2_dst_next[127:96] ^ s2_dst_next[95:64] ^
                           s2_dst_next[63:32] ^ s2_dst_next[31:0];
        end
    end

    // ---------------------------------------------------------------- stage 3: L4
    reg st3_need;   // TCP or UDP candidate
    reg st3_fits;   // its header lies inside W

    always @* begin
        hv_valid_next    = s2_valid_reg;
        hv_start_next    = hv_start_reg;
        hv_len_next      = hv_len_reg;
        hv_l3_next       = hv_l3_reg;
        hv_l4_next       = hv_l4_reg;
        hv_proto_next    = hv_proto_reg;
        hv_vlan_cnt_next = hv_vlan_cnt_reg;
        hv_vlan0_next    = hv_vlan0_reg;
        hv_vlan1_next    = hv_vlan1_reg;
        hv_frag_next     = hv_frag_reg;
        hv_mf_next       = hv_mf_reg;
        hv_frag_off_next = hv_frag_off_reg;
        hv_src_next      = hv_src_reg;
        hv_dst_next      = hv_dst_reg;
        hv_sport_next    = hv_sport_reg;
        hv_dport_next    = hv_dport_reg;
        hv_l3_off_next   = hv_l3_off_reg;
        hv_l4_off_next   = hv_l4_off_reg;
        hv_trunc_next    = hv_trunc_reg;
        hv_hash_next     = hv_hash_reg;
        st3_need = (s2_l4_reg == 2'd1) || (s2_l4_reg == 2'd2);
        st3_fits = ({1'b0, s2_l4_off_reg} + ((s2_l4_reg == 2'd1) ? 9'd20 : 9'd8)) <= s2_w_reg;
        if (s2_valid_reg) begin
            hv_start_next    = s2_start_reg;
            hv_len_next      = s2_len_reg;
            hv_l3_next       = s2_l3_reg;
            hv_proto_next    = s2_proto_reg;
            hv_vlan_cnt_next = s2_vlan_cnt_reg;
            hv_vlan0_next    = s2_vlan0_reg;
            hv_vlan1_next    = s2_vlan1_reg;
            hv_frag_next     = s2_mf_reg | (s2_frag_off_reg != 13'd0);
            hv_mf_next       = s2_mf_reg;
            hv_frag_off_next = s2_frag_off_reg;
            hv_src_next      = s2_src_reg;
            hv_dst_next      = s2_dst_reg;
            hv_l3_off_next   = s2_l3_off_reg;
            if (st3_need && st3_fits) begin
                hv_l4_next     = s2_l4_reg;
                hv_l4_off_next = s2_l4_off_reg;
                hv_sport_next  = s2_ports_reg[31:16];
                hv_dport_next  = s2_ports_reg[15:0];
                hv_trunc_next  = s2_trunc_reg;
                hv_hash_next   = s2_hash_reg ^ s2_ports_reg;
            end else begin
                hv_l4_next     = st3_need ? 2'd0 : s2_l4_reg;
                hv_l4_off_next = st3_need ? 8'd0 : s2_l4_off_reg;
                hv_sport_next  = 16'd0;
                hv_dport_next  = 16'd0;
                hv_trunc_next  = s2_trunc_reg | st3_need;
                hv_hash_next   = s2_hash_reg;
            end
        end
        idle_next = !(cm_valid | s1_valid_reg | s2_valid_reg);
    end

    // ---------------------------------------------------------------- state
    always @(posedge clk) begin
        if (rst) begin
            s1_valid_reg    <= 1'b0;
            s1_start_reg    <= {PM_AW{1'b0}};
            s1_len_reg      <= 16'd0;
            s1_w_reg        <= 9'd0;
            s1_vlan_cnt_reg <= 2'd0;
            s1_vlan0_reg    <= 12'd0;
            s1_vlan1_reg    <= 12'd0;
            s1_kind_reg     <= 2'd0;
            s1_off_reg      <= 8'd0;
            s1_trunc_reg    <= 1'b0;
            s1_win_reg      <= {(WIN*8){1'b0}};
            s2_valid_reg    <= 1'b0;
            s2_start_reg    <= {PM_AW{1'b0}};
            s2_len_reg      <= 16'd0;
            s2_w_reg        <= 9'd0;
            s2_vlan_cnt_reg <= 2'd0;
            s2_vlan0_reg    <= 12'd0;
            s2_vlan1_reg    <= 12'd0;
            s2_l3_reg       <= 2'd0;
            s2_proto_reg    <= 8'd0;
            s2_mf_reg       <= 1'b0;
            s2_frag_off_reg <= 13'd0;
            s2_src_reg      <= 128'd0;
            s2_dst_reg      <= 128'd0;
            s2_l3_off_reg   <= 8'd0;
            s2_l4_off_reg   <= 8'd0;
            s2_l4_reg       <= 2'd0;
            s2_ports_reg    <= 32'd0;
            s2_trunc_reg    <= 1'b0;
            s2_hash_reg     <= 32'd0;
            hv_valid_reg    <= 1'b0;
            hv_start_reg    <= {PM_AW{1'b0}};
            hv_len_reg      <= 16'd0;
            hv_l3_reg       <= 2'd0;
            hv_l4_reg       <= 2'd0;
            hv_proto_reg    <= 8'd0;
            hv_vlan_cnt_reg <= 2'd0;
            hv_vlan0_reg    <= 12'd0;
            hv_vlan1_reg    <= 12'd0;
            hv_frag_reg     <= 1'b0;
            hv_mf_reg       <= 1'b0;
            hv_frag_off_reg <= 13'd0;
            hv_src_reg      <= 128'd0;
            hv_dst_reg      <= 128'd0;
            hv_sport_reg    <= 16'd0;
            hv_dport_reg    <= 16'd0;
            hv_l3_off_reg   <= 8'd0;
            hv_l4_off_reg   <= 8'd0;
            hv_trunc_reg    <= 1'b0;
            hv_hash_reg     <= 32'd0;
            idle_reg        <= 1'b1;
        end else begin
            s1_valid_reg    <= s1_valid_next;
            s1_start_reg    <= s1_start_next;
            s1_len_reg      <= s1_len_next;
            s1_w_reg        <= s1_w_next;
            s1_vlan_cnt_reg <= s1_vlan_cnt_next;
            s1_vlan0_reg    <= s1_vlan0_next;
            s1_vlan1_reg    <= s1_vlan1_next;
            s1_kind_reg     <= s1_kind_next;
            s1_off_reg      <= s1_off_next;
            s1_trunc_reg    <= s1_trunc_next;
            s1_win_reg      <= s1_win_next;
            s2_valid_reg    <= s2_valid_next;
            s2_start_reg    <= s2_start_next;
            s2_len_reg      <= s2_len_next;
            s2_w_reg        <= s2_w_next;
            s2_vlan_cnt_reg <= s2_vlan_cnt_next;
            s2_vlan0_reg    <= s2_vlan0_next;
            s2_vlan1_reg    <= s2_vlan1_next;
            s2_l3_reg       <= s2_l3_next;
            s2_proto_reg    <= s2_proto_next;
            s2_mf_reg       <= s2_mf_next;
            s2_frag_off_reg <= s2_frag_off_next;
            s2_src_reg      <= s2_src_next;
            s2_dst_reg      <= s2_dst_next;
            s2_l3_off_reg   <= s2_l3_off_next;
            s2_l4_off_reg   <= s2_l4_off_next;
            s2_l4_reg       <= s2_l4_next;
            s2_ports_reg    <= s2_ports_next;
            s2_trunc_reg    <= s2_trunc_next;
            s2_hash_reg     <= s2_hash_next;
            hv_valid_reg    <= hv_valid_next;
            hv_start_reg    <= hv_start_next;
            hv_len_reg      <= hv_len_next;
            hv_l3_reg       <= hv_l3_next;
            hv_l4_reg       <= hv_l4_next;
            hv_proto_reg    <= hv_proto_next;
            hv_vlan_cnt_reg <= hv_vlan_cnt_next;
            hv_vlan0_reg    <= hv_vlan0_next;
            hv_vlan1_reg    <= hv_vlan1_next;
            hv_frag_reg     <= hv_frag_next;
            hv_mf_reg       <= hv_mf_next;
            hv_frag_off_reg <= hv_frag_off_next;
            hv_src_reg      <= hv_src_next;
            hv_dst_reg      <= hv_dst_next;
            hv_sport_reg    <= hv_sport_next;
            hv_dport_reg    <= hv_dport_next;
            hv_l3_off_reg   <= hv_l3_off_next;
            hv_l4_off_reg   <= hv_l4_off_next;
            hv_trunc_reg    <= hv_trunc_next;
            hv_hash_reg     <= hv_hash_next;
            idle_reg        <= idle_next;
        end
    end

    assign hv_valid    = hv_valid_reg;
    assign hv_start    = hv_start_reg;
    assign hv_len      = hv_len_reg;
    assign hv_l3       = hv_l3_reg;
    assign hv_l4       = hv_l4_reg;
    assign hv_proto    = hv_proto_reg;
    assign hv_vlan_cnt = hv_vlan_cnt_reg;
    assign hv_vlan0    = hv_vlan0_reg;
    assign hv_vlan1    = hv_vlan1_reg;
    assign hv_frag     = hv_frag_reg;
    assign hv_mf       = hv_mf_reg;
    assign hv_frag_off = hv_frag_off_reg;
    assign hv_src      = hv_src_reg;
    assign hv_dst      = hv_dst_reg;
    assign hv_sport    = hv_sport_reg;
    assign hv_dport    = hv_dport_reg;
    assign hv_l3_off   = hv_l3_off_reg;
    assign hv_l4_off   = hv_l4_off_reg;
    assign hv_trunc    = hv_trunc_reg;
    assign hv_hash     = hv_hash_reg;
    assign idle        = idle_reg;

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md): the fixed latency and
    // structural facts of the header vector.  cm_* are free inputs (any header bytes,
    // any length, a frame any cycle).  Nothing here is synthesized or simulated.
    `include "nicrx_formal_reset.vh"

    // cm_valid, cm_start and cm_len delayed by 1, 2 and PARSE_LAT cycles
    reg             f_v1, f_v2, f_v3;
    reg [15:0]      f_len1, f_len2, f_len3;
    reg [PM_AW-1:0] f_st1, f_st2, f_st3;
    always @(posedge clk) begin
        f_v1 <= !rst && cm_valid;
        f_v2 <= !rst && f_v1;
        f_v3 <= !rst && f_v2;
        f_len1 <= cm_len;  f_len2 <= f_len1;  f_len3 <= f_len2;
        f_st1  <= cm_start; f_st2 <= f_st1;   f_st3  <= f_st2;
    end

    // the previous cycle's header vector (it holds between frames)
    reg [1:0]  f_p_l3, f_p_l4;
    reg [7:0]  f_p_l3_off, f_p_l4_off, f_p_proto;
    reg [15:0] f_p_len, f_p_sport, f_p_dport;
    reg [31:0] f_p_hash;
    reg        f_p_trunc;
    always @(posedge clk) begin
        f_p_l3 <= hv_l3_reg;         f_p_l4 <= hv_l4_reg;
        f_p_l3_off <= hv_l3_off_reg; f_p_l4_off <= hv_l4_off_reg;
        f_p_proto <= hv_proto_reg;   f_p_len <= hv_len_reg;
        f_p_sport <= hv_sport_reg;   f_p_dport <= hv_dport_reg;
        f_p_hash <= hv_hash_reg;     f_p_trunc <= hv_trunc_reg;
    end

    wire [15:0] f_hb   = HEADER_BYTES;
    wire [15:0] f_w    = (hv_len_reg < f_hb) ? hv_len_reg : f_hb;   // W of the hv frame
    wire [15:0] f_l3o  = {8'd0, hv_l3_off_reg};
    wire [15:0] f_l4o  = {8'd0, hv_l4_off_reg};
    wire [15:0] f_s2l3 = {8'd0, s2_l3_off_reg};
    wire [15:0] f_s2l4 = {8'd0, s2_l4_off_reg};
    wire [15:0] f_s1o  = {8'd0, s1_off_reg};

    always @(*) if (f_past_valid) begin
        // fixed latency: hv_valid is cm_valid PARSE_LAT (3) cycles later, same frame
        assert(s1_valid_reg == f_v1);
        assert(s2_valid_reg == f_v2);
        assert(hv_valid_reg == f_v3);
        if (hv_valid_reg) assert(hv_len_reg == f_len3 && hv_start_reg == f_st3);
        if (s1_valid_reg) assert(s1_len_reg == f_len1 && s1_start_reg == f_st1);
        if (s2_valid_reg) assert(s2_len_reg == f_len2 && s2_start_reg == f_st2);
        // idle: no stage will hold a frame
        if (idle_reg && !f_past_rst) assert(!s1_valid_reg && !s2_valid_reg);
        // between frames the header vector holds
        if (!f_past_rst && !hv_valid_reg)
            assert(hv_l3_reg == f_p_l3 && hv_l4_reg == f_p_l4 && hv_l3_off_reg == f_p_l3_off &&
                   hv_l4_off_reg == f_p_l4_off && hv_proto_reg == f_p_proto &&
                   hv_len_reg == f_p_len && hv_sport_reg == f_p_sport &&
                   hv_dport_reg == f_p_dport && hv_hash_reg == f_p_hash &&
                   hv_trunc_reg == f_p_trunc);

        // stage 1: W, the L3 offset after 0..2 tags and LLC/SNAP
        if (s1_valid_reg) begin
            assert(s1_w_reg == ((s1_len_reg < f_hb) ? s1_len_reg[8:0] : HB9));
            assert(s1_off_reg == 8'd14 || s1_off_reg == 8'd18 || s1_off_reg == 8'd22 ||
                   s1_off_reg == 8'd26 || s1_off_reg == 8'd30);
            assert(s1_vlan_cnt_reg <= 2'd2);
            assert(s1_kind_reg != 2'd3);
            if (s1_kind_reg != 2'd0) assert(!s1_trunc_reg && f_s1o <= {7'd0, s1_w_reg});
            if (s1_w_reg < 9'd14) assert(s1_trunc_reg);
        end
        // stage 2: L3 fields only with an L3, which fits in W
        if (s2_valid_reg) begin
            assert(s2_w_reg == ((s2_len_reg < f_hb) ? s2_len_reg[8:0] : HB9));
            assert(s2_l3_reg != 2'd3);
            if (s2_l3_reg == 2'd0)
                assert(s2_l3_off_reg == 8'd0 && s2_l4_reg == 2'd0 && s2_l4_off_reg == 8'd0 &&
                       s2_hash_reg == 32'd0 && s2_proto_reg == 8'd0);
            else
                assert(!s2_trunc_reg && f_s2l3 >= 16'd14 && f_s2l3 <= 16'd30);
            if (s2_l3_reg == 2'd1) assert(f_s2l3 + 16'd20 <= {7'd0, s2_w_reg});
            if (s2_l3_reg == 2'd2) assert(f_s2l3 + 16'd40 <= {7'd0, s2_w_reg});
            if (s2_l4_reg != 2'd0)
                assert(f_s2l4 >= f_s2l3 + 16'd20 && f_s2l4 <= f_s2l3 + 16'd60);
            if (s2_frag_off_reg != 13'd0) assert(s2_l4_reg == 2'd0);
            if (s2_w_reg < 9'd14) assert(s2_trunc_reg);
        end
        // the header vector (checked as it arrives; it holds afterwards)
        if (hv_valid_reg) begin
            assert(hv_l3_reg != 2'd3);
            assert(hv_vlan_cnt_reg <= 2'd2);
            if (hv_vlan_cnt_reg < 2'd2) assert(hv_vlan1_reg == 12'd0);
            if (hv_vlan_cnt_reg == 2'd0) assert(hv_vlan0_reg == 12'd0);
            // L4 only with L3; no L3 -> nothing else either
            if (hv_l4_reg != 2'd0) assert(hv_l3_reg != 2'd0);
            if (hv_l3_reg == 2'd0)
                assert(hv_l3_off_reg == 8'd0 && hv_l4_off_reg == 8'd0 && hv_hash_reg == 32'd0 &&
                       hv_src_reg == 128'd0 && hv_dst_reg == 128'd0 && hv_proto_reg == 8'd0 &&
                       hv_sport_reg == 16'd0 && hv_dport_reg == 16'd0);
            // offsets: l3_off within the first 30 bytes and the L3 header inside W, so
            // never past HEADER_BYTES; l4_off inside W for TCP/UDP
            assert(f_l3o <= 16'd30);
            if (hv_l3_reg != 2'd0) assert(f_l3o >= 16'd14);
            if (hv_l4_reg != 2'd0) assert(!hv_trunc_reg);   // truncated only without L4
            if (hv_l3_reg == 2'd1) assert(f_l3o + 16'd20 <= f_w && hv_len_reg >= 16'd34);
            if (hv_l3_reg == 2'd2) assert(f_l3o + 16'd40 <= f_w && hv_len_reg >= 16'd54);
            if (hv_l4_reg == 2'd1) assert(f_l4o + 16'd20 <= f_w);
            if (hv_l4_reg == 2'd2) assert(f_l4o + 16'd8 <= f_w);
            if (hv_l4_reg == 2'd0) assert(hv_l4_off_reg == 8'd0 && hv_sport_reg == 16'd0 &&
                                          hv_dport_reg == 16'd0);
            if (hv_l4_reg != 2'd0) assert(f_l4o >= f_l3o + 16'd20 && f_l4o <= f_l3o + 16'd60);
            if (hv_l4_reg == 2'd3) assert(hv_sport_reg == 16'd0 && hv_dport_reg == 16'd0);
            assert(f_l3o <= f_hb);
            if (hv_l4_reg != 2'd3) assert(f_l4o <= f_hb);
            // fragments: only IPv4; a non-first fragment has no L4
            assert(hv_frag_reg == (hv_mf_reg || hv_frag_off_reg != 13'd0));
            if (hv_l3_reg != 2'd1) assert(!hv_frag_reg);
            if (hv_frag_off_reg != 13'd0) assert(hv_l4_reg == 2'd0);
            // W < 14: truncated and nothing else
            if (f_w < 16'd14) assert(hv_trunc_reg && hv_l3_reg == 2'd0 && hv_vlan_cnt_reg == 2'd0);
        end
    end

    // ---- covers
    always @(*) if (f_past_valid && !rst) begin
        cover(hv_valid_reg && hv_l3_reg == 2'd1 && hv_l4_reg == 2'd1);            // IPv4 TCP
        cover(hv_valid_reg && hv_l3_reg == 2'd1 && hv_l4_reg == 2'd2);            // IPv4 UDP
        cover(hv_valid_reg && hv_l3_reg == 2'd2 && hv_l4_reg == 2'd2);            // IPv6 UDP
        cover(hv_valid_reg && hv_vlan_cnt_reg == 2'd2 && hv_l3_off_reg == 8'd30); // QinQ + SNAP
        cover(hv_valid_reg && hv_trunc_reg);
        cover(hv_valid_reg && hv_frag_off_reg != 13'd0);
        cover(hv_valid_reg && hv_l4_reg == 2'd3 && f_l4o > f_hb);  // documented: other L4 past W
        cover(hv_valid_reg && s2_valid_reg && s1_valid_reg);       // back-to-back frames
    end
`endif
endmodule
