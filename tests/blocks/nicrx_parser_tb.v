// nicrx_parser_tb - block-level lockstep check of rtl/nicrx_parser.v against its twin
// cmodel/parser.c: replays the trace of tests/blocks/nicrx_parser_gen.c (the parser's
// inputs at every edge, from the model's ingress and CSR / flow-block / DMA stand-ins, and what the
// model shows after the edge) and compares every output after every edge.  The reset
// program comes from IMEM_INIT, the same file the generator loaded into the model.
// A mismatch prints the edge and the signal.
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
    localparam PM_AW  = (DATA_WIDTH == 64) ? 11 : 12;   // 16 KB packet memory (the generator's)
    localparam SLOT_W = $clog2(FQ_DEPTH);
    localparam HM_AW  = SLOT_W + $clog2(HEADER_BYTES * 8 / DATA_WIDTH);
    localparam TW     = 4 * 237;

    reg clk = 1'b0;
    reg [TW-1:0] tr [0:CYCLES-1];

    // ---- one trace line, field by field (widths: whole hex digits) ---------------
    reg [3:0]   i_rst, i_hm_wr_en, i_cm_valid, i_swap, i_imem_we, i_hv_ready;
    reg [15:0]  i_hm_wr_addr, i_cm_start, i_cm_len;
    reg [63:0]  i_pm_wr_data;
    reg [7:0]   i_cm_slot, i_step_limit, i_imem_addr;
    reg [127:0] i_imem_data;
    reg [3:0]   e_valid, e_l3, e_l4, e_vlan_cnt, e_frag, e_mf, e_trunc, e_perr, e_bank, e_swap, e_idle;
    reg [15:0]  e_start, e_len, e_frag_off, e_sport, e_dport, e_l4_len;
    reg [7:0]   e_slot, e_proto, e_l3_off, e_l4_off;
    reg [11:0]  e_cls, e_vlan0, e_vlan1, e_tcp_flags, e_tcp_hlen, e_pay_off;
    reg [127:0] e_src, e_dst;
    reg [31:0]  e_seq, e_ack, e_hash, e_cnt_perr, e_cnt_trunc;

    wire hv_valid, hv_frag, hv_mf, hv_trunc, hv_perr, bank, swap_pending, idle;
    wire [PM_AW-1:0] hv_start;
    wire [15:0] hv_len, hv_sport, hv_dport, hv_l4_len;
    wire [SLOT_W-1:0] hv_slot;
    wire [9:0] hv_cls, hv_tcp_hlen, hv_pay_off;
    wire [1:0] hv_l3, hv_l4, hv_vlan_cnt;
    wire [7:0] hv_proto, hv_l3_off, hv_l4_off;
    wire [11:0] hv_vlan0, hv_vlan1, hv_tcp_flags;
    wire [12:0] hv_frag_off;
    wire [127:0] hv_src, hv_dst;
    wire [31:0] hv_seq, hv_ack, hv_hash, cnt_perr, cnt_trunc;

    nicrx_parser #(
        .DATA_WIDTH(DATA_WIDTH), .HEADER_BYTES(HEADER_BYTES), .FQ_DEPTH(FQ_DEPTH), .PM_AW(PM_AW),
        .PARSE_ENGINES(PARSE_ENGINES), .IMEM_DEPTH(IMEM_DEPTH), .IMEM_INIT(IMEM_INIT)
    ) dut (
        .clk(clk), .rst(i_rst[0]),
        .hm_wr_en(i_hm_wr_en[0]), .hm_wr_addr(i_hm_wr_addr[HM_AW-1:0]),
        .pm_wr_data(i_pm_wr_data[DATA_WIDTH-1:0]), .cm_valid(i_cm_valid[0]),
        .cm_start(i_cm_start[PM_AW-1:0]), .cm_len(i_cm_len), .cm_slot(i_cm_slot[SLOT_W-1:0]),
        .cfg_step_limit(i_step_limit), .cfg_swap(i_swap[0]), .cfg_imem_we(i_imem_we[0]),
        .cfg_imem_addr(i_imem_addr), .cfg_imem_data(i_imem_data), .hv_ready(i_hv_ready[0]),
        .hv_valid(hv_valid), .hv_start(hv_start), .hv_len(hv_len), .hv_slot(hv_slot),
        .hv_cls(hv_cls), .hv_l3(hv_l3), .hv_l4(hv_l4), .hv_proto(hv_proto),
        .hv_vlan_cnt(hv_vlan_cnt), .hv_vlan0(hv_vlan0), .hv_vlan1(hv_vlan1), .hv_frag(hv_frag),
        .hv_mf(hv_mf), .hv_frag_off(hv_frag_off), .hv_src(hv_src), .hv_dst(hv_dst),
        .hv_sport(hv_sport), .hv_dport(hv_dport), .hv_seq(hv_seq), .hv_ack(hv_ack),
        .hv_tcp_flags(hv_tcp_flags), .hv_tcp_hlen(hv_tcp_hlen), .hv_l4_len(hv_l4_len),
        .hv_l3_off(hv_l3_off), .hv_l4_off(hv_l4_off), .hv_pay_off(hv_pay_off),
        .hv_trunc(hv_trunc), .hv_perr(hv_perr), .hv_hash(hv_hash), .bank(bank),
        .swap_pending(swap_pending), .cnt_perr(cnt_perr), .cnt_trunc(cnt_trunc), .idle(idle));

    integer c, errors = 0, checks = 0, frames = 0, stalls = 0;

    task check;
        input [8*16-1:0] name;
        input [127:0]    got;
        input [127:0]    exp;
        begin
            checks = checks + 1;
            if (got !== exp) begin
                if (errors < 5) $display("# edge %0d, %0s: expected %h, actual %h", c, name, exp, got);
                errors = errors + 1;
            end
        end
    endtask

    always #5 clk = ~clk;

    initial begin
        $readmemh(TRACE, tr);
        for (c = 0; c < CYCLES; c = c + 1) begin
            @(negedge clk);
            {i_rst, i_hm_wr_en, i_hm_wr_addr, i_pm_wr_data, i_cm_valid, i_cm_start, i_cm_len,
             i_cm_slot, i_step_limit, i_swap, i_imem_we, i_imem_addr, i_imem_data, i_hv_ready,
             e_valid, e_start, e_len, e_slot, e_cls, e_l3, e_l4, e_proto, e_vlan_cnt, e_vlan0,
             e_vlan1, e_frag, e_mf, e_frag_off, e_src, e_dst, e_sport, e_dport, e_seq, e_ack,
             e_tcp_flags, e_tcp_hlen, e_l4_len, e_l3_off, e_l4_off, e_pay_off, e_trunc, e_perr,
             e_hash, e_bank, e_swap, e_cnt_perr, e_cnt_trunc, e_idle} = tr[c];
            // the frames the flow block takes at this edge, and the cycles it holds one
            if (hv_valid && !i_rst[0]) begin
                if (i_hv_ready[0]) frames = frames + 1;
                else stalls = stalls + 1;
            end
            @(posedge clk);
            #1;
            check("hv_valid", hv_valid, e_valid);
            check("hv_start", hv_start, e_start);
            check("hv_len", hv_len, e_len);
            check("hv_slot", hv_slot, e_slot);
            check("hv_cls", hv_cls, e_cls);
            check("hv_l3", hv_l3, e_l3);
            check("hv_l4", hv_l4, e_l4);
            check("hv_proto", hv_proto, e_proto);
            check("hv_vlan_cnt", hv_vlan_cnt, e_vlan_cnt);
            check("hv_vlan0", hv_vlan0, e_vlan0);
            check("hv_vlan1", hv_vlan1, e_vlan1);
            check("hv_frag", hv_frag, e_frag);
            check("hv_mf", hv_mf, e_mf);
            check("hv_frag_off", hv_frag_off, e_frag_off);
            check("hv_src", hv_src, e_src);
            check("hv_dst", hv_dst, e_dst);
            check("hv_sport", hv_sport, e_sport);
            check("hv_dport", hv_dport, e_dport);
            check("hv_seq", hv_seq, e_seq);
            check("hv_ack", hv_ack, e_ack);
            check("hv_tcp_flags", hv_tcp_flags, e_tcp_flags);
            check("hv_tcp_hlen", hv_tcp_hlen, e_tcp_hlen);
            check("hv_l4_len", hv_l4_len, e_l4_len);
            check("hv_l3_off", hv_l3_off, e_l3_off);
            check("hv_l4_off", hv_l4_off, e_l4_off);
            check("hv_pay_off", hv_pay_off, e_pay_off);
            check("hv_trunc", hv_trunc, e_trunc);
            check("hv_perr", hv_perr, e_perr);
            check("hv_hash", hv_hash, e_hash);
            check("bank", bank, e_bank);
            check("swap_pending", swap_pending, e_swap);
            check("cnt_perr", cnt_perr, e_cnt_perr);
            check("cnt_trunc", cnt_trunc, e_cnt_trunc);
            check("idle", idle, e_idle);
        end
        if (errors == 0 && frames > 0 && stalls > 0)
            $display("ok %0s: %0d cycles, %0d frames taken, %0d cycles held, %0d signal checks", NAME,
                     CYCLES, frames, stalls, checks);
        else
            $display("not ok %0s: %0d mismatches in %0d cycles (%0d frames taken, %0d cycles held)", NAME,
                     errors, CYCLES, frames, stalls);
        $finish;
    end
endmodule
