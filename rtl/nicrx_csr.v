// nicrx_csr - the control block: AXI4-Lite slave holding every configuration
// register of docs/registers.md and returning status and counters.
//
// Register map: cmodel/nicrx_hw.h (binding) and docs/registers.md.  Every output
// is a register.  The C twin is cmodel/csr.c (same register names without the
// _reg suffix).
//
// AXI4-Lite timing (docs/registers.md has the cycle-by-cycle picture):
//   write: idle, no response pending, awvalid & wvalid seen at edge E0
//          -> awready = wready = 1 for exactly one cycle; at edge E1 the register
//          is written (address, data and strobes as presented in that cycle)
//          -> bvalid = 1 (bresp) from E1 until an edge that sees bready.
//          A new write is looked for only once bvalid is low again.
//   read:  idle, no data pending, arvalid seen at edge E0 -> arready = 1 for one
//          cycle; at edge E1 rdata/rresp are registered from araddr as presented
//          in that cycle -> rvalid = 1 from E1 until an edge that sees rready.
// Address bits [1:0] are ignored (32-bit registers).  Unmapped offsets and queues
// >= NUM_CQ read 0 and answer SLVERR; writes to read-only registers are ignored
// and answer OKAY.  A read and a write at the same edge: the read returns the
// value before the write.
`timescale 1ns / 1ps
`default_nettype none

module nicrx_csr #(
    parameter DATA_WIDTH    = 64,
    parameter PKT_MEM_BYTES = 16384,
    parameter HEADER_BYTES  = 128,
    parameter MAX_FRAME     = 9018,
    parameter NUM_CQ        = 4,
    parameter FQ_DEPTH      = 32,
    parameter DESC_DEPTH    = 8,
    parameter MAX_BURST     = 16,
    parameter PARSE_ENGINES = 2,
    parameter IMEM_DEPTH    = 64,
    parameter FLOWS         = 64
) (
    input  wire                   clk,
    input  wire                   rst,
    // AXI4-Lite slave
    /* verilator lint_off UNUSEDSIGNAL */ // bits [1:0]: registers are 32-bit words
    input  wire [11:0]            s_axil_awaddr,
    /* verilator lint_on UNUSEDSIGNAL */
    /* verilator lint_off UNUSEDSIGNAL */ // protection is not checked
    input  wire [2:0]             s_axil_awprot,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire                   s_axil_awvalid,
    output wire                   s_axil_awready,
    input  wire [31:0]            s_axil_wdata,
    input  wire [3:0]             s_axil_wstrb,
    input  wire                   s_axil_wvalid,
    output wire                   s_axil_wready,
    output wire [1:0]             s_axil_bresp,
    output wire                   s_axil_bvalid,
    input  wire                   s_axil_bready,
    /* verilator lint_off UNUSEDSIGNAL */ // bits [1:0]: registers are 32-bit words
    input  wire [11:0]            s_axil_araddr,
    /* verilator lint_on UNUSEDSIGNAL */
    /* verilator lint_off UNUSEDSIGNAL */ // protection is not checked
    input  wire [2:0]             s_axil_arprot,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire                   s_axil_arvalid,
    output wire                   s_axil_arready,
    output wire [31:0]            s_axil_rdata,
    output wire [1:0]             s_axil_rresp,
    output wire                   s_axil_rvalid,
    input  wire                   s_axil_rready,
    // configuration (registered)
    output wire                   cfg_enable,
    output wire [2:0]             cfg_qsel_log2,
    output wire [2*64-1:0]        cfg_fbr_base,
    output wire [2*4-1:0]         cfg_fbr_size_log2,
    output wire [2*16-1:0]        cfg_fbr_buf_size,
    output wire [1:0]             cfg_fbr_en,
    output wire [2*16-1:0]        cfg_fbr_tail,
    output wire [NUM_CQ*64-1:0]   cfg_cq_base,
    output wire [NUM_CQ*4-1:0]    cfg_cq_size_log2,
    output wire [NUM_CQ-1:0]      cfg_cq_en,
    output wire [NUM_CQ-1:0]      cfg_cq_irq_en,
    output wire [NUM_CQ*16-1:0]   cfg_cq_head,
    output wire [7:0]             cfg_step_limit,   // PARSER_CTRL
    output wire                   cfg_swap,         // pulse after a PARSER_SWAP write of 1
    output wire                   cfg_imem_we,      // pulse after a PARSER_IDATA3 write
    output wire [7:0]             cfg_imem_addr,    // IADDR of that write
    output wire [127:0]           cfg_imem_data,    // IDATA3..0 of that write
    // flow database (FLOW_*); the context window lives here
    output wire [1:0]             cfg_flow_ctrl,
    output wire [15:0]            cfg_flow_thresh,
    output wire [15:0]            cfg_flow_tick,
    output wire [31:0]            cfg_flow_age,
    output wire [1:0]             cfg_flow_cmd,     // pulse after a FLOW_CMD write starting one
    output wire [7:0]             cfg_flow_sel,
    output wire [31:0]            cfg_ctx_info,
    output wire [31:0]            cfg_ctx_seq,
    output wire [31:0]            cfg_ctx_ack,
    output wire [31:0]            cfg_ctx_opt,
    output wire [319:0]           cfg_ctx_key,
    // status (registered at its sources)
    input  wire [19*32-1:0]       cnt_flat,
    input  wire                   st_parser_bank,
    input  wire                   st_parser_swap_pending,
    input  wire [2*16-1:0]        st_fbr_head,
    input  wire [1:0]             st_fbr_err,
    input  wire [NUM_CQ*16-1:0]   st_cq_tail,
    input  wire                   st_idle,
    input  wire                   flow_busy,
    input  wire                   flow_fail,
    input  wire [7:0]             flow_idx,
    input  wire [7:0]             flow_gen,
    input  wire [31:0]            flow_time,
    input  wire                   ctx_load,         // a READ completed: load the window
    /* verilator lint_off UNUSEDSIGNAL */ // [31:26] are 0
    input  wire [31:0]            ctx_info,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [31:0]            ctx_seq,
    input  wire [31:0]            ctx_ack,
    input  wire [31:0]            ctx_opt,
    input  wire [31:0]            ctx_time,
    input  wire [31:0]            ctx_count,
    input  wire [319:0]           ctx_key
);
    // ---- parameter checks: a bad value instantiates a module that does not exist
    generate
        if (NUM_CQ != 1 && NUM_CQ != 2 && NUM_CQ != 4 && NUM_CQ != 8) begin : g_bad_num_cq
            nicrx_csr_bad_parameter_NUM_CQ u_bad ();
        end
        if (PKT_MEM_BYTES < 64 || PKT_MEM_BYTES / 64 > 65535) begin : g_bad_pkt_mem
            nicrx_csr_bad_parameter_PKT_MEM_BYTES u_bad ();
        end
        if (MAX_FRAME > 65535) begin : g_bad_max_frame
            nicrx_csr_bad_parameter_MAX_FRAME u_bad ();
        end
        if (PARSE_ENGINES < 1 || PARSE_ENGINES > 4 || IMEM_DEPTH < 1 || IMEM_DEPTH > 256) begin : g_bad_parser
            nicrx_csr_bad_parameter_PARSE_ENGINES_or_IMEM_DEPTH u_bad ();
        end
    endgenerate

    // Constant fields built by functions so every width is explicit.
    /* verilator lint_off UNUSEDSIGNAL */ // integer arguments: only their low bits are fields
    function [2:0] log2_3;
        input integer v;
        integer k;
        begin
            log2_3 = 3'd0;
            for (k = 0; k < 8; k = k + 1)
                if ((1 << k) < v) log2_3 = k[2:0] + 3'd1;
        end
    endfunction
    function [3:0] log2_4;
        input integer v;
        integer k;
        begin
            log2_4 = 4'd0;
            for (k = 0; k < 15; k = k + 1)
                if ((1 << k) < v) log2_4 = k[3:0] + 4'd1;
        end
    endfunction
    function [31:0] caps0_f;
        input integer pm_bytes;
        input integer ncq;
        input integer dw;
        integer pm64;
        begin
            pm64 = pm_bytes / 64;
            caps0_f = {pm64[15:0], 4'd0, ncq[3:0], dw[7:0]};
        end
    endfunction
    function [15:0] lo16;
        input integer v;
        begin
            lo16 = v[15:0];
        end
    endfunction
    function [31:0] parser_stat_f;
        input integer ne;
        input integer depth;
        integer ne1;
        begin
            ne1 = ne - 1;
            parser_stat_f = {15'd0, depth[8:0], 2'd0, ne1[1:0], 4'd0};
        end
    endfunction
    /* verilator lint_on UNUSEDSIGNAL */

    localparam [2:0]  QSEL_MAX = log2_3(NUM_CQ);

    // ---- read-only identification and capabilities
    localparam [31:0] ID_VALUE      = 32'h6e727831;   // "nrx1"
    localparam [31:0] VERSION_VALUE = 32'h00010200;   // 1.2.0: flow database and operation codes
    localparam [31:0] CAPS0 = caps0_f(PKT_MEM_BYTES, NUM_CQ, DATA_WIDTH);
    localparam [31:0] CAPS1 = {log2_4(MAX_BURST), log2_4(DESC_DEPTH), log2_4(FQ_DEPTH),
                               log2_4(HEADER_BYTES), lo16(MAX_FRAME)};
    // PARSER_STATUS constant fields: [5:4] engines - 1, [16:8] IMEM_DEPTH
    localparam [31:0] PSTAT = parser_stat_f(PARSE_ENGINES, IMEM_DEPTH);
    localparam [7:0]  STEP_LIMIT_RESET = 8'd64;       // NICRX_PARSER_STEP_LIMIT_RESET
    localparam [1:0]  FLOW_CTRL_RESET   = 2'd2;     // evict on
    localparam [15:0] FLOW_THRESH_RESET = 16'd64;
    localparam [15:0] FLOW_TICK_RESET   = 16'd155;   // 1 us at 156.25 MHz
    localparam [3:0]  FLOWS_LOG2        = log2_4(FLOWS);

    localparam [1:0] RESP_OKAY   = 2'b00;
    localparam [1:0] RESP_SLVERR = 2'b10;

    // ---- registers
    reg                  enable_reg,        enable_next;
    reg [2:0]            qsel_reg,          qsel_next;
    reg [2*64-1:0]       fbr_base_reg,      fbr_base_next;
    reg [2*4-1:0]        fbr_size_log2_reg, fbr_size_log2_next;
    reg [2*16-1:0]       fbr_buf_size_reg,  fbr_buf_size_next;
    reg [1:0]            fbr_en_reg,        fbr_en_next;
    reg [2*16-1:0]       fbr_tail_reg,      fbr_tail_next;
    reg [NUM_CQ*64-1:0]  cq_base_reg,       cq_base_next;
    reg [NUM_CQ*4-1:0]   cq_size_log2_reg,  cq_size_log2_next;
    reg [NUM_CQ-1:0]     cq_en_reg,         cq_en_next;
    reg [NUM_CQ-1:0]     cq_irq_en_reg,     cq_irq_en_next;
    reg [NUM_CQ*16-1:0]  cq_head_reg,       cq_head_next;
    reg [7:0]            step_limit_reg,    step_limit_next;
    reg [7:0]            iaddr_reg,         iaddr_next;
    reg [127:0]          idata_reg,         idata_next;      // IDATA3..0
    reg                  swap_reg,          swap_next;
    reg                  imem_we_reg,       imem_we_next;
    reg [7:0]            imem_addr_reg,     imem_addr_next;
    reg [127:0]          imem_data_reg,     imem_data_next;
    reg [1:0]            fctrl_reg,         fctrl_next;
    reg [15:0]           fthresh_reg,       fthresh_next;
    reg [15:0]           ftick_reg,         ftick_next;
    reg [31:0]           fage_reg,          fage_next;
    reg [1:0]            fcmd_reg,          fcmd_next;       // pulse
    reg [7:0]            fsel_reg,          fsel_next;
    reg [25:0]           cinfo_reg,         cinfo_next;      // context window
    reg [31:0]           cseq_reg,          cseq_next;
    reg [31:0]           cack_reg,          cack_next;
    reg [31:0]           copt_reg,          copt_next;
    reg [31:0]           ctime_reg,         ctime_next;
    reg [31:0]           ccount_reg,        ccount_next;
    reg [319:0]          ckey_reg,          ckey_next;
    reg                  wr_ready_reg,      wr_ready_next;   // awready and wready
    reg                  bvalid_reg,        bvalid_next;
    reg [1:0]            bresp_reg,         bresp_next;
    reg                  arready_reg,       arready_next;
    reg                  rvalid_reg,        rvalid_next;
    reg [31:0]           rdata_reg,         rdata_next;
    reg [1:0]            rresp_reg,         rresp_next;

    // ---- write-side decode (address as presented while wr_ready_reg is high)
    wire [31:0] wmask = {{8{s_axil_wstrb[3]}}, {8{s_axil_wstrb[2]}},
                         {8{s_axil_wstrb[1]}}, {8{s_axil_wstrb[0]}}};
    wire [3:0]  w_page = s_axil_awaddr[11:8];
    wire [2:0]  w_idx  = s_axil_awaddr[7:5];   // ring / queue number
    wire [2:0]  w_off  = s_axil_awaddr[4:2];   // register within a ring / queue
    wire [5:0]  w_word = s_axil_awaddr[7:2];   // register in page 0 / 4

    // Byte-masked merge of a write into an old 32-bit value.
    function [31:0] merge;
        input [31:0] old;
        input [31:0] data;
        input [31:0] mask;
        begin
            merge = (old & ~mask) | (data & mask);
        end
    endfunction

    // SIZE_LOG2 writes: 0 becomes 1 (4 bits hold at most 15).
    function [3:0] clamp_log2;
        input [3:0] v;
        begin
            clamp_log2 = (v == 4'd0) ? 4'd1 : v;
        end
    endfunction

    // Is a write to this address decoded (not SLVERR)?
    function w_mapped;
        input [3:0] page;
        input [2:0] idx;
        input [2:0] off;
        input [5:0] word;
        begin
            case (page)
                4'h0:    w_mapped = (word <= 6'd6) || (word >= 6'h20 && word <= 6'h27);
                4'h1:    w_mapped = (idx < 3'd2) && (off != 3'd7);
                4'h2:    w_mapped = ({1'b0, idx} < CAPS0[11:8]) && (off != 3'd7);
                4'h4:    w_mapped = (word < 6'd19);
                4'h5:    w_mapped = (word <= 6'h06) || (word >= 6'h08 && word <= 6'h0d)
                                    || (word >= 6'h10 && word <= 6'h19);
                default: w_mapped = 1'b0;
            endcase
        end
    endfunction

    integer ri;   // loop index of the read mux
    integer wi;   // loop index of the write decode

    // ---- read mux: value and response of a read of araddr, current state
    reg  [31:0] rd_value;
    reg  [1:0]  rd_resp;
    wire [3:0]  r_page = s_axil_araddr[11:8];
    wire [2:0]  r_idx  = s_axil_araddr[7:5];
    wire [2:0]  r_off  = s_axil_araddr[4:2];
    wire [5:0]  r_word = s_axil_araddr[7:2];

    always @* begin
        ri       = 0;
        rd_value = 32'd0;
        rd_resp  = RESP_SLVERR;
        case (r_page)
            4'h0: begin
                rd_resp = RESP_OKAY;
                case (r_word)
                    6'd0:    rd_value = ID_VALUE;
                    6'd1:    rd_value = VERSION_VALUE;
                    6'd2:    rd_value = CAPS0;
                    6'd3:    rd_value = CAPS1;
                    6'd4:    rd_value = {31'd0, enable_reg};
                    6'd5:    rd_value = {29'd0, st_fbr_err, st_idle};
                    6'd6:    rd_value = {29'd0, qsel_reg};
                    6'h20:   rd_value = {24'd0, step_limit_reg};
                    6'h21:   rd_value = PSTAT | {30'd0, st_parser_swap_pending, st_parser_bank};
                    6'h22:   rd_value = {31'd0, st_parser_swap_pending};
                    6'h23:   rd_value = {24'd0, iaddr_reg};
                    6'h24:   rd_value = idata_reg[31:0];
                    6'h25:   rd_value = idata_reg[63:32];
                    6'h26:   rd_value = idata_reg[95:64];
                    6'h27:   rd_value = idata_reg[127:96];
                    default: rd_resp  = RESP_SLVERR;
                endcase
            end
            4'h1: begin
                if (r_idx < 3'd2) begin
                    rd_resp = RESP_OKAY;
                    case (r_off)
                        3'd0:    rd_value = fbr_base_reg[r_idx[0]*64 +: 32];
                        3'd1:    rd_value = fbr_base_reg[r_idx[0]*64 + 32 +: 32];
                        3'd2:    rd_value = {28'd0, fbr_size_log2_reg[r_idx[0]*4 +: 4]};
                        3'd3:    rd_value = {16'd0, fbr_buf_size_reg[r_idx[0]*16 +: 16]};
                        3'd4:    rd_value = {16'd0, st_fbr_head[r_idx[0]*16 +: 16]};
                        3'd5:    rd_value = {16'd0, fbr_tail_reg[r_idx[0]*16 +: 16]};
                        3'd6:    rd_value = {31'd0, fbr_en_reg[r_idx[0]]};
                        default: rd_resp  = RESP_SLVERR;
                    endcase
                end
            end
            4'h2: begin
                for (ri = 0; ri < NUM_CQ; ri = ri + 1) begin
                    if (r_idx == ri[2:0]) begin
                        rd_resp = RESP_OKAY;
                        case (r_off)
                            3'd0:    rd_value = cq_base_reg[ri*64 +: 32];
                            3'd1:    rd_value = cq_base_reg[ri*64 + 32 +: 32];
                            3'd2:    rd_value = {28'd0, cq_size_log2_reg[ri*4 +: 4]};
                            3'd3:    rd_value = {31'd0, cq_irq_en_reg[ri]};
                            3'd4:    rd_value = {16'd0, st_cq_tail[ri*16 +: 16]};
                            3'd5:    rd_value = {16'd0, cq_head_reg[ri*16 +: 16]};
                            3'd6:    rd_value = {31'd0, cq_en_reg[ri]};
                            default: rd_resp  = RESP_SLVERR;
                        endcase
                    end
                end
            end
            4'h4: begin
                if (r_word < 6'd19) begin
                    rd_resp  = RESP_OKAY;
                    rd_value = cnt_flat[r_word[4:0]*32 +: 32];
                end
            end
            4'h5: begin
                rd_resp = RESP_OKAY;
                case (r_word)
                    6'h00: rd_value = {30'd0, fctrl_reg};
                    6'h01: rd_value = {4'd0, FLOWS_LOG2, flow_gen, flow_idx, 6'd0, flow_fail, flow_busy};
                    6'h02: rd_value = {16'd0, fthresh_reg};
                    6'h03: rd_value = {16'd0, ftick_reg};
                    6'h04: rd_value = fage_reg;
                    6'h05: rd_value = flow_time;
                    6'h06: rd_value = {16'd0, fsel_reg, 7'd0, flow_busy};
                    6'h08: rd_value = {6'd0, cinfo_reg};
                    6'h09: rd_value = cseq_reg;
                    6'h0a: rd_value = cack_reg;
                    6'h0b: rd_value = copt_reg;
                    6'h0c: rd_value = ctime_reg;
                    6'h0d: rd_value = ccount_reg;
                    default: begin
                        rd_resp = RESP_SLVERR;
                        for (ri = 0; ri < 10; ri = ri + 1)
                            if (r_word == 6'h10 + ri[5:0]) begin
                                rd_resp  = RESP_OKAY;
                                rd_value = ckey_reg[32*ri +: 32];
                            end
                    end
                endcase
            end
            default: ;
        endcase
    end

    // ---- next state
    reg do_write;
    reg [31:0] new_v;

    always @* begin
        enable_next        = enable_reg;
        qsel_next          = qsel_reg;
        fbr_base_next      = fbr_base_reg;
        fbr_size_log2_next = fbr_size_log2_reg;
        fbr_buf_size_next  = fbr_buf_size_reg;
        fbr_en_next        = fbr_en_reg;
        fbr_tail_next      = fbr_tail_reg;
        cq_base_next       = cq_base_reg;
        cq_size_log2_next  = cq_size_log2_reg;
        cq_en_next         = cq_en_reg;
        cq_irq_en_next     = cq_irq_en_reg;
        cq_head_next       = cq_head_reg;
        step_limit_next    = step_limit_reg;
        iaddr_next         = iaddr_reg;
        idata_next         = idata_reg;
        swap_next          = 1'b0;
        imem_we_next       = 1'b0;
        imem_addr_next     = imem_addr_reg;
        imem_data_next     = imem_data_reg;
        fctrl_next         = fctrl_reg;
        fthresh_next       = fthresh_reg;
        ftick_next         = ftick_reg;
        fage_next          = fage_reg;
        fcmd_next          = 2'd0;
        fsel_next          = fsel_reg;
        cinfo_next         = cinfo_reg;
        cseq_next          = cseq_reg;
        cack_next          = cack_reg;
        copt_next          = copt_reg;
        ctime_next         = ctime_reg;
        ccount_next        = ccount_reg;
        ckey_next          = ckey_reg;
        wr_ready_next      = 1'b0;
        bvalid_next        = bvalid_reg;
        bresp_next         = bresp_reg;
        arready_next       = 1'b0;
        rvalid_next        = rvalid_reg;
        rdata_next         = rdata_reg;
        rresp_next         = rresp_reg;
        new_v              = 32'd0;
        wi                 = 0;

        // write channel
        do_write = wr_ready_reg;
        if (bvalid_reg && s_axil_bready)
            bvalid_next = 1'b0;
        if (!wr_ready_reg && !bvalid_reg && s_axil_awvalid && s_axil_wvalid)
            wr_ready_next = 1'b1;
        if (do_write) begin
            bvalid_next = 1'b1;
            bresp_next  = w_mapped(w_page, w_idx, w_off, w_word) ? RESP_OKAY : RESP_SLVERR;
            case (w_page)
                4'h0: begin
                    if (w_word == 6'd4) begin
                        new_v = merge({31'd0, enable_reg}, s_axil_wdata, wmask);
                        enable_next = new_v[0];
                    end
                    if (w_word == 6'd6) begin
                        new_v = merge({29'd0, qsel_reg}, s_axil_wdata, wmask);
                        qsel_next = (new_v[2:0] > QSEL_MAX) ? QSEL_MAX : new_v[2:0];
                    end
                    if (w_word == 6'h20) begin
                        new_v = merge({24'd0, step_limit_reg}, s_axil_wdata, wmask);
                        step_limit_next = new_v[7:0];
                    end
                    if (w_word == 6'h22)
                        swap_next = s_axil_wstrb[0] && s_axil_wdata[0];
                    if (w_word == 6'h23) begin
                        new_v = merge({24'd0, iaddr_reg}, s_axil_wdata, wmask);
                        iaddr_next = new_v[7:0];
                    end
                    for (wi = 0; wi < 4; wi = wi + 1) begin
                        if (w_word == 6'h24 + wi[5:0])
                            idata_next[32*wi +: 32] = merge(idata_reg[32*wi +: 32], s_axil_wdata, wmask);
                    end
                    // an IDATA3 write (any byte) stores the instruction at IADDR, then
                    // IADDR moves on
                    if (w_word == 6'h27 && s_axil_wstrb != 4'd0) begin
                        imem_we_next   = 1'b1;
                        imem_addr_next = iaddr_reg;
                        imem_data_next = idata_next;
                        iaddr_next     = iaddr_reg + 8'd1;
                    end
                end
                4'h1: begin
                    for (wi = 0; wi < 2; wi = wi + 1) begin
                        if (w_idx == wi[2:0]) begin
                            case (w_off)
                                3'd0: begin
                                    new_v = merge(fbr_base_reg[wi*64 +: 32], s_axil_wdata, wmask);
                                    fbr_base_next[wi*64 +: 32] = {new_v[31:6], 6'd0};
                                end
                                3'd1: begin
                                    new_v = merge(fbr_base_reg[wi*64 + 32 +: 32], s_axil_wdata, wmask);
                                    fbr_base_next[wi*64 + 32 +: 32] = new_v;
                                end
                                3'd2: begin
                                    new_v = merge({28'd0, fbr_size_log2_reg[wi*4 +: 4]}, s_axil_wdata, wmask);
                                    fbr_size_log2_next[wi*4 +: 4] = clamp_log2(new_v[3:0]);
                                end
                                3'd3: begin
                                    new_v = merge({16'd0, fbr_buf_size_reg[wi*16 +: 16]}, s_axil_wdata, wmask);
                                    fbr_buf_size_next[wi*16 +: 16] = new_v[15:0];
                                end
                                3'd5: begin
                                    new_v = merge({16'd0, fbr_tail_reg[wi*16 +: 16]}, s_axil_wdata, wmask);
                                    fbr_tail_next[wi*16 +: 16] = new_v[15:0];
                                end
                                3'd6: begin
                                    new_v = merge({31'd0, fbr_en_reg[wi]}, s_axil_wdata, wmask);
                                    fbr_en_next[wi] = new_v[0];
                                    // writing enable = 0 also clears the doorbell
                                    if (s_axil_wstrb[0] && !s_axil_wdata[0]) fbr_tail_next[wi*16 +: 16] = 16'd0;
                                end
                                default: ;  // HEAD is read-only, 7 unmapped
                            endcase
                        end
                    end
                end
                4'h2: begin
                    for (wi = 0; wi < NUM_CQ; wi = wi + 1) begin
                        if (w_idx == wi[2:0]) begin
                            case (w_off)
                                3'd0: begin
                                    new_v = merge(cq_base_reg[wi*64 +: 32], s_axil_wdata, wmask);
                                    cq_base_next[wi*64 +: 32] = {new_v[31:4], 4'd0};
                                end
                                3'd1: begin
                                    new_v = merge(cq_base_reg[wi*64 + 32 +: 32], s_axil_wdata, wmask);
                                    cq_base_next[wi*64 + 32 +: 32] = new_v;
                                end
                                3'd2: begin
                                    new_v = merge({28'd0, cq_size_log2_reg[wi*4 +: 4]}, s_axil_wdata, wmask);
                                    cq_size_log2_next[wi*4 +: 4] = clamp_log2(new_v[3:0]);
                                end
                                3'd3: begin
                                    new_v = merge({31'd0, cq_irq_en_reg[wi]}, s_axil_wdata, wmask);
                                    cq_irq_en_next[wi] = new_v[0];
                                end
                                3'd5: begin
                                    new_v = merge({16'd0, cq_head_reg[wi*16 +: 16]}, s_axil_wdata, wmask);
                                    cq_head_next[wi*16 +: 16] = new_v[15:0];
                                end
                                3'd6: begin
                                    new_v = merge({31'd0, cq_en_reg[wi]}, s_axil_wdata, wmask);
                                    cq_en_next[wi] = new_v[0];
                                    // writing enable = 0 also clears the doorbell
                                    if (s_axil_wstrb[0] && !s_axil_wdata[0]) cq_head_next[wi*16 +: 16] = 16'd0;
                                end
                                default: ;  // TAIL is read-only, 7 unmapped
                            endcase
                        end
                    end
                end
                4'h5: begin
                    case (w_word)
                        6'h00: begin
                            new_v = merge({30'd0, fctrl_reg}, s_axil_wdata, wmask);
                            fctrl_next = new_v[1:0];
                        end
                        6'h02: begin
                            new_v = merge({16'd0, fthresh_reg}, s_axil_wdata, wmask);
                            fthresh_next = new_v[15:0];
                        end
                        6'h03: begin
                            new_v = merge({16'd0, ftick_reg}, s_axil_wdata, wmask);
                            ftick_next = new_v[15:0];
                        end
                        6'h04: fage_next = merge(fage_reg, s_axil_wdata, wmask);
                        6'h06: begin
                            new_v = merge({16'd0, fsel_reg, 8'd0}, s_axil_wdata, wmask);
                            fsel_next = new_v[15:8];
                            if (s_axil_wstrb[0]) fcmd_next = s_axil_wdata[1:0];
                        end
                        6'h08: begin
                            new_v = merge({6'd0, cinfo_reg}, s_axil_wdata, wmask);
                            cinfo_next = new_v[25:0];
                        end
                        6'h09: cseq_next   = merge(cseq_reg, s_axil_wdata, wmask);
                        6'h0a: cack_next   = merge(cack_reg, s_axil_wdata, wmask);
                        6'h0b: copt_next   = merge(copt_reg, s_axil_wdata, wmask);
                        6'h0c: ctime_next  = merge(ctime_reg, s_axil_wdata, wmask);
                        6'h0d: ccount_next = merge(ccount_reg, s_axil_wdata, wmask);
                        default: begin
                            for (wi = 0; wi < 10; wi = wi + 1)
                                if (w_word == 6'h10 + wi[5:0])
                                    ckey_next[32*wi +: 32] = merge(ckey_reg[32*wi +: 32], s_axil_wdata, wmask);
                        end
                    endcase
                end
                default: ;  // counters are read-only; the rest is unmapped
            endcase
        end
        // a READ command's result loads the window and wins over a host write
        if (ctx_load) begin
            cinfo_next  = ctx_info[25:0];
            cseq_next   = ctx_seq;
            cack_next   = ctx_ack;
            copt_next   = ctx_opt;
            ctime_next  = ctx_time;
            ccount_next = ctx_count;
            ckey_next   = ctx_key;
        end

        // read channel
        if (rvalid_reg && s_axil_rready)
            rvalid_next = 1'b0;
        if (!arready_reg && !rvalid_reg && s_axil_arvalid)
            arready_next = 1'b1;
        if (arready_reg) begin
            rvalid_next = 1'b1;
            rdata_next  = rd_value;
            rresp_next  = rd_resp;
        end
    end

    // ---- registers
    always @(posedge clk) begin
        if (rst) begin
            enable_reg        <= 1'b0;
            qsel_reg          <= 3'd0;
            fbr_base_reg      <= {2*64{1'b0}};
            fbr_size_log2_reg <= {2{4'd1}};
            fbr_buf_size_reg  <= {2*16{1'b0}};
            fbr_en_reg        <= 2'b00;
            fbr_tail_reg      <= {2*16{1'b0}};
            cq_base_reg       <= {NUM_CQ*64{1'b0}};
            cq_size_log2_reg  <= {NUM_CQ{4'd1}};
            cq_en_reg         <= {NUM_CQ{1'b0}};
            cq_irq_en_reg     <= {NUM_CQ{1'b0}};
            cq_head_reg       <= {NUM_CQ*16{1'b0}};
            step_limit_reg    <= STEP_LIMIT_RESET;
            iaddr_reg         <= 8'd0;
            idata_reg         <= 128'd0;
            swap_reg          <= 1'b0;
            imem_we_reg       <= 1'b0;
            imem_addr_reg     <= 8'd0;
            imem_data_reg     <= 128'd0;
            fctrl_reg         <= FLOW_CTRL_RESET;
            fthresh_reg       <= FLOW_THRESH_RESET;
            ftick_reg         <= FLOW_TICK_RESET;
            fage_reg          <= 32'd0;
            fcmd_reg          <= 2'd0;
            fsel_reg          <= 8'd0;
            cinfo_reg         <= 26'd0;
            cseq_reg          <= 32'd0;
            cack_reg          <= 32'd0;
            copt_reg          <= 32'd0;
            ctime_reg         <= 32'd0;
            ccount_reg        <= 32'd0;
            ckey_reg          <= 320'd0;
            wr_ready_reg      <= 1'b0;
            bvalid_reg        <= 1'b0;
            bresp_reg         <= RESP_OKAY;
            arready_reg       <= 1'b0;
            rvalid_reg        <= 1'b0;
            rdata_reg         <= 32'd0;
            rresp_reg         <= RESP_OKAY;
        end else begin
            enable_reg        <= enable_next;
            qsel_reg          <= qsel_next;
            fbr_base_reg      <= fbr_base_next;
            fbr_size_log2_reg <= fbr_size_log2_next;
            fbr_buf_size_reg  <= fbr_buf_size_next;
            fbr_en_reg        <= fbr_en_next;
            fbr_tail_reg      <= fbr_tail_next;
            cq_base_reg       <= cq_base_next;
            cq_size_log2_reg  <= cq_size_log2_next;
            cq_en_reg         <= cq_en_next;
            cq_irq_en_reg     <= cq_irq_en_next;
            cq_head_reg       <= cq_head_next;
            step_limit_reg    <= step_limit_next;
            iaddr_reg         <= iaddr_next;
            idata_reg         <= idata_next;
            swap_reg          <= swap_next;
            imem_we_reg       <= imem_we_next;
            imem_addr_reg     <= imem_addr_next;
            imem_data_reg     <= imem_data_next;
            fctrl_reg         <= fctrl_next;
            fthresh_reg       <= fthresh_next;
            ftick_reg         <= ftick_next;
            fage_reg          <= fage_next;
            fcmd_reg          <= fcmd_next;
            fsel_reg          <= fsel_next;
            cinfo_reg         <= cinfo_next;
            cseq_reg          <= cseq_next;
            cack_reg          <= cack_next;
            copt_reg          <= copt_next;
            ctime_reg         <= ctime_next;
            ccount_reg        <= ccount_next;
            ckey_reg          <= ckey_next;
            wr_ready_reg      <= wr_ready_next;
            bvalid_reg        <= bvalid_next;
            bresp_reg         <= bresp_next;
            arready_reg       <= arready_next;
            rvalid_reg        <= rvalid_next;
            rdata_reg         <= rdata_next;
            rresp_reg         <= rresp_next;
        end
    end

    // ---- outputs: straight from registers
    assign s_axil_awready    = wr_ready_reg;
    assign s_axil_wready     = wr_ready_reg;
    assign s_axil_bvalid     = bvalid_reg;
    assign s_axil_bresp      = bresp_reg;
    assign s_axil_arready    = arready_reg;
    assign s_axil_rvalid     = rvalid_reg;
    assign s_axil_rdata      = rdata_reg;
    assign s_axil_rresp      = rresp_reg;
    assign cfg_enable        = enable_reg;
    assign cfg_qsel_log2     = qsel_reg;
    assign cfg_fbr_base      = fbr_base_reg;
    assign cfg_fbr_size_log2 = fbr_size_log2_reg;
    assign cfg_fbr_buf_size  = fbr_buf_size_reg;
    assign cfg_fbr_en        = fbr_en_reg;
    assign cfg_fbr_tail      = fbr_tail_reg;
    assign cfg_cq_base       = cq_base_reg;
    assign cfg_cq_size_log2  = cq_size_log2_reg;
    assign cfg_cq_en         = cq_en_reg;
    assign cfg_cq_irq_en     = cq_irq_en_reg;
    assign cfg_cq_head       = cq_head_reg;
    assign cfg_step_limit    = step_limit_reg;
    assign cfg_swap          = swap_reg;
    assign cfg_imem_we       = imem_we_reg;
    assign cfg_imem_addr     = imem_addr_reg;
    assign cfg_imem_data     = imem_data_reg;
    assign cfg_flow_ctrl     = fctrl_reg;
    assign cfg_flow_thresh   = fthresh_reg;
    assign cfg_flow_tick     = ftick_reg;
    assign cfg_flow_age      = fage_reg;
    assign cfg_flow_cmd      = fcmd_reg;
    assign cfg_flow_sel      = fsel_reg;
    assign cfg_ctx_info      = {6'd0, cinfo_reg};
    assign cfg_ctx_seq       = cseq_reg;
    assign cfg_ctx_ack       = cack_reg;
    assign cfg_ctx_opt       = copt_reg;
    assign cfg_ctx_key       = ckey_reg;

`ifdef FORMAL
    // ================================================================ formal
    // AXI4-Lite slave properties checked by formal/run.sh (docs/formal.md).  The master
    // is constrained to the AXI rules only (a valid stays up, its payload stable, until
    // its ready); bready and rready are free.  Nothing here is synthesized or simulated.
    `include "nicrx_formal_reset.vh"

    // the previous cycle's bus
    reg        f_p_awvalid, f_p_awready, f_p_wvalid, f_p_arvalid, f_p_arready;
    reg        f_p_bvalid, f_p_bready, f_p_rvalid, f_p_rready;
    reg [11:0] f_p_awaddr, f_p_araddr;
    reg [31:0] f_p_wdata, f_p_rdata;
    reg [3:0]  f_p_wstrb;
    reg [1:0]  f_p_bresp, f_p_rresp;
    always @(posedge clk) begin
        f_p_awvalid <= s_axil_awvalid;  f_p_awready <= s_axil_awready;
        f_p_wvalid  <= s_axil_wvalid;   f_p_arvalid <= s_axil_arvalid;
        f_p_arready <= s_axil_arready;  f_p_bvalid  <= s_axil_bvalid;
        f_p_bready  <= s_axil_bready;   f_p_rvalid  <= s_axil_rvalid;
        f_p_rready  <= s_axil_rready;   f_p_awaddr  <= s_axil_awaddr;
        f_p_araddr  <= s_axil_araddr;   f_p_wdata   <= s_axil_wdata;
        f_p_rdata   <= s_axil_rdata;    f_p_wstrb   <= s_axil_wstrb;
        f_p_bresp   <= s_axil_bresp;    f_p_rresp   <= s_axil_rresp;
    end

    // ---- master: valid and payload held until the handshake (AXI A3.2.1)
    always @(*) if (f_past_valid && !f_past_rst) begin
        if (f_p_awvalid && !f_p_awready) assume(s_axil_awvalid && s_axil_awaddr == f_p_awaddr);
        if (f_p_wvalid && !f_p_wready)
            assume(s_axil_wvalid && s_axil_wdata == f_p_wdata && s_axil_wstrb == f_p_wstrb);
        if (f_p_arvalid && !f_p_arready) assume(s_axil_arvalid && s_axil_araddr == f_p_araddr);
    end
    wire f_p_wready = f_p_awready;   // one register drives both

    // ---- transactions in flight: requests taken minus responses taken
    wire f_aw_hs = s_axil_awvalid && s_axil_awready;
    wire f_w_hs  = s_axil_wvalid  && s_axil_wready;
    wire f_b_hs  = s_axil_bvalid  && s_axil_bready;
    wire f_ar_hs = s_axil_arvalid && s_axil_arready;
    wire f_r_hs  = s_axil_rvalid  && s_axil_rready;
    reg [1:0] f_wr_out, f_rd_out;
    reg       f_p_id_read, f_p_ver_read, f_p_unmapped_read, f_p_ctrl_write;
    always @(posedge clk) begin
        if (rst) begin
            f_wr_out <= 2'd0;
            f_rd_out <= 2'd0;
        end else begin
            f_wr_out <= f_wr_out + {1'b0, f_aw_hs} - {1'b0, f_b_hs};
            f_rd_out <= f_rd_out + {1'b0, f_ar_hs} - {1'b0, f_r_hs};
        end
        f_p_id_read       <= f_ar_hs && s_axil_araddr[11:2] == 10'h000;
        f_p_ver_read      <= f_ar_hs && s_axil_araddr[11:2] == 10'h001;
        f_p_unmapped_read <= f_ar_hs && s_axil_araddr[11:8] == 4'h3;
        f_p_ctrl_write    <= f_aw_hs && s_axil_awaddr[11:2] == 10'h004 && s_axil_wstrb[0];
    end

    always @(*) if (f_past_valid) begin
        // after reset every valid and ready is low and the responses are OKAY / 0
        if (f_past_rst) begin
            assert(!s_axil_awready && !s_axil_wready && !s_axil_arready);
            assert(!s_axil_bvalid && !s_axil_rvalid);
            assert(s_axil_bresp == RESP_OKAY && s_axil_rresp == RESP_OKAY);
            assert(s_axil_rdata == 32'd0);
        end else begin
            // awready / wready: together, one cycle, only on a request, never with B
            // pending; arready: one cycle, only on a request, never with R pending
            if (f_p_awready) assert(!s_axil_awready);
            if (f_p_arready) assert(!s_axil_arready);
            // a response, once up, holds with its payload until taken
            if (f_p_bvalid && !f_p_bready)
                assert(s_axil_bvalid && s_axil_bresp == f_p_bresp);
            if (f_p_rvalid && !f_p_rready)
                assert(s_axil_rvalid && s_axil_rdata == f_p_rdata && s_axil_rresp == f_p_rresp);
            // a request is answered at the next edge
            if (f_p_awvalid && f_p_awready) assert(s_axil_bvalid);
            if (f_p_arvalid && f_p_arready) assert(s_axil_rvalid);
            // an idle slave takes a request at the next edge
            if (f_p_awvalid && f_p_wvalid && !f_p_awready && !f_p_bvalid) assert(s_axil_awready);
            if (f_p_arvalid && !f_p_arready && !f_p_rvalid) assert(s_axil_arready);
            // register contents
            if (f_p_id_read)  assert(s_axil_rdata == ID_VALUE && s_axil_rresp == RESP_OKAY);
            if (f_p_ver_read) assert(s_axil_rdata == VERSION_VALUE && s_axil_rresp == RESP_OKAY);
            if (f_p_unmapped_read) assert(s_axil_rdata == 32'd0 && s_axil_rresp == RESP_SLVERR);
            if (f_p_ctrl_write) assert(cfg_enable == f_p_wdata[0] && s_axil_bresp == RESP_OKAY);
        end
        assert(s_axil_awready == s_axil_wready);
        if (s_axil_awready) assert(s_axil_awvalid && s_axil_wvalid && !s_axil_bvalid);
        if (s_axil_arready) assert(s_axil_arvalid && !s_axil_rvalid);
        // exactly one response per request: at most one in flight, and a response is
        // up exactly while one is in flight (no response without a request)
        assert(f_wr_out == {1'b0, s_axil_bvalid});
        assert(f_rd_out == {1'b0, s_axil_rvalid});
        assert(s_axil_bresp == RESP_OKAY || s_axil_bresp == RESP_SLVERR);
        assert(s_axil_rresp == RESP_OKAY || s_axil_rresp == RESP_SLVERR);
        // configuration invariants (registers.md)
        assert(cfg_qsel_log2 <= QSEL_MAX);
        assert(fbr_size_log2_reg[3:0] != 4'd0 && fbr_size_log2_reg[7:4] != 4'd0);
        assert(fbr_base_reg[5:0] == 6'd0 && fbr_base_reg[64 +: 6] == 6'd0);
    end
    genvar f_q;
    generate
        for (f_q = 0; f_q < NUM_CQ; f_q = f_q + 1) begin : g_f_cq
            always @(*) if (f_past_valid) begin
                assert(cq_size_log2_reg[f_q*4 +: 4] != 4'd0);
                assert(cq_base_reg[f_q*64 +: 4] == 4'd0);
            end
        end
    endgenerate

    // ---- covers
    always @(*) if (f_past_valid && !rst) begin
        cover(f_b_hs && s_axil_bresp == RESP_OKAY);
        cover(f_b_hs && s_axil_bresp == RESP_SLVERR);
        cover(f_r_hs && s_axil_rresp == RESP_OKAY);
        cover(f_r_hs && s_axil_rresp == RESP_SLVERR);
        cover(f_p_id_read && s_axil_rvalid);
        cover(f_p_bvalid && !f_p_bready && s_axil_bvalid);      // B held under back-pressure
        cover(f_p_rvalid && !f_p_rready && s_axil_rvalid);      // R held under back-pressure
        cover(s_axil_bvalid && s_axil_rvalid);                  // both channels busy
        cover(cfg_enable && cfg_qsel_log2 == QSEL_MAX);
    end
`endif
endmodule

`default_nettype wire
