// nicrx_flow_tb - block-level lockstep check of rtl/nicrx_flow.v against its twin
// cmodel/flow.c: replays the trace of tests/blocks/nicrx_flow_gen.c (the block's inputs
// at every edge from ingress, parser and CSR stand-ins, and what the model shows after
// the edge) and compares every output after every edge; ctx_info .. ctx_key only while
// ctx_load is high (they are the window's contents for that one cycle).
// A mismatch prints the edge and the signal.
`timescale 1ns / 1ps
module nicrx_flow_tb;
    parameter DATA_WIDTH   = 64;
    parameter HEADER_BYTES = 128;
    parameter FQ_DEPTH     = 32;
    parameter FLOWS        = 64;
    parameter TRACE        = "build/tests/blocks/flow_trace.hex";
    parameter CYCLES       = 20000;
    parameter NAME         = "flow-block";
    localparam SLOT_W = $clog2(FQ_DEPTH);
    localparam HM_AW  = SLOT_W + $clog2(HEADER_BYTES * 8 / DATA_WIDTH);
    localparam TW     = 4 * 505;

    reg clk = 1'b0;
    reg [TW-1:0] tr [0:CYCLES-1];

    // ---- one trace line, field by field (widths: whole hex digits) ---------------
    reg [3:0]   i_rst, i_hm_wr_en, i_hv_valid, i_l3, i_l4, i_vlan_cnt, i_frag, i_trunc, i_perr,
                i_ctrl, i_cmd;
    reg [15:0]  i_hm_wr_addr, i_len, i_sport, i_dport, i_l4_len, i_thresh, i_tick;
    reg [63:0]  i_pm_wr_data;
    reg [7:0]   i_slot, i_proto, i_l3_off, i_l4_off, i_sel;
    reg [11:0]  i_cls, i_vlan0, i_flags, i_hlen;
    reg [127:0] i_src, i_dst;
    reg [31:0]  i_seq, i_ack, i_hash, i_age, i_cinfo, i_cseq, i_cack, i_copt;
    reg [319:0] i_ckey;
    reg [3:0]   e_ready, e_valid, e_presel, e_l3, e_l4, e_vlan, e_frag, e_trunc, e_perr, e_opcode,
                e_busy, e_fail, e_load, e_idle;
    reg [15:0]  e_len, e_flow;
    reg [11:0]  e_cls, e_vid;
    reg [7:0]   e_l3_off, e_l4_off, e_idx, e_gen;
    reg [31:0]  e_hash, e_time, e_info, e_cseq, e_cack, e_copt, e_ctime, e_ccount,
                e_created, e_removed, e_evicted, e_aged, e_no_flow;
    reg [319:0] e_key;

    wire hv_ready, fl_valid, fl_presel, fl_vlan, fl_frag, fl_trunc, fl_perr;
    wire flow_busy, flow_fail, ctx_load, idle;
    wire [15:0] fl_len, fl_flow;
    wire [9:0]  fl_cls;
    wire [1:0]  fl_l3, fl_l4;
    wire [11:0] fl_vid;
    wire [7:0]  fl_l3_off, fl_l4_off, flow_idx, flow_gen;
    wire [3:0]  fl_opcode;
    wire [31:0] fl_hash, flow_time, ctx_info, ctx_seq, ctx_ack, ctx_opt, ctx_time, ctx_count;
    wire [31:0] cnt_created, cnt_removed, cnt_evicted, cnt_aged, cnt_no_flow;
    wire [319:0] ctx_key;

    nicrx_flow #(
        .FLOWS(FLOWS), .HEADER_BYTES(HEADER_BYTES), .FQ_DEPTH(FQ_DEPTH), .DATA_WIDTH(DATA_WIDTH)
    ) dut (
        .clk(clk), .rst(i_rst[0]),
        .hv_valid(i_hv_valid[0]), .hv_ready(hv_ready), .hv_len(i_len), .hv_slot(i_slot[SLOT_W-1:0]),
        .hv_cls(i_cls[9:0]), .hv_l3(i_l3[1:0]), .hv_l4(i_l4[1:0]), .hv_proto(i_proto),
        .hv_vlan_cnt(i_vlan_cnt[1:0]), .hv_vlan0(i_vlan0), .hv_frag(i_frag[0]), .hv_src(i_src),
        .hv_dst(i_dst), .hv_sport(i_sport), .hv_dport(i_dport), .hv_seq(i_seq), .hv_ack(i_ack),
        .hv_tcp_flags(i_flags), .hv_tcp_hlen(i_hlen[9:0]), .hv_l4_len(i_l4_len),
        .hv_l3_off(i_l3_off), .hv_l4_off(i_l4_off), .hv_trunc(i_trunc[0]), .hv_perr(i_perr[0]),
        .hv_hash(i_hash), .hm_wr_en(i_hm_wr_en[0]), .hm_wr_addr(i_hm_wr_addr[HM_AW-1:0]),
        .pm_wr_data(i_pm_wr_data[DATA_WIDTH-1:0]),
        .cfg_flow_ctrl(i_ctrl[1:0]), .cfg_flow_thresh(i_thresh), .cfg_flow_tick(i_tick),
        .cfg_flow_age(i_age), .cfg_flow_cmd(i_cmd[1:0]), .cfg_flow_sel(i_sel),
        .cfg_ctx_info(i_cinfo), .cfg_ctx_seq(i_cseq), .cfg_ctx_ack(i_cack), .cfg_ctx_opt(i_copt),
        .cfg_ctx_key(i_ckey),
        .fl_valid(fl_valid), .fl_len(fl_len), .fl_cls(fl_cls), .fl_presel(fl_presel),
        .fl_l3(fl_l3), .fl_l4(fl_l4), .fl_vlan(fl_vlan), .fl_vid(fl_vid), .fl_frag(fl_frag),
        .fl_l3_off(fl_l3_off), .fl_l4_off(fl_l4_off), .fl_hash(fl_hash), .fl_trunc(fl_trunc),
        .fl_perr(fl_perr), .fl_flow(fl_flow), .fl_opcode(fl_opcode),
        .flow_busy(flow_busy), .flow_fail(flow_fail), .flow_idx(flow_idx), .flow_gen(flow_gen),
        .flow_time(flow_time), .ctx_load(ctx_load), .ctx_info(ctx_info), .ctx_seq(ctx_seq),
        .ctx_ack(ctx_ack), .ctx_opt(ctx_opt), .ctx_time(ctx_time), .ctx_count(ctx_count),
        .ctx_key(ctx_key), .cnt_created(cnt_created), .cnt_removed(cnt_removed),
        .cnt_evicted(cnt_evicted), .cnt_aged(cnt_aged), .cnt_no_flow(cnt_no_flow), .idle(idle));

    integer c, errors = 0, checks = 0, frames = 0, loads = 0;

    task check;
        input [8*16-1:0] name;
        input [319:0]    got;
        input [319:0]    exp;
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
            {i_rst, i_hm_wr_en, i_hm_wr_addr, i_pm_wr_data, i_hv_valid, i_len, i_slot, i_cls, i_l3,
             i_l4, i_proto, i_vlan_cnt, i_vlan0, i_frag, i_src, i_dst, i_sport, i_dport, i_seq,
             i_ack, i_flags, i_hlen, i_l4_len, i_l3_off, i_l4_off, i_trunc, i_perr, i_hash, i_ctrl,
             i_thresh, i_tick, i_age, i_cmd, i_sel, i_cinfo, i_cseq, i_cack, i_copt, i_ckey,
             e_ready, e_valid, e_len, e_cls, e_presel, e_l3, e_l4, e_vlan, e_vid, e_frag, e_l3_off,
             e_l4_off, e_hash, e_trunc, e_perr, e_flow, e_opcode, e_busy, e_fail, e_idx, e_gen,
             e_time, e_load, e_info, e_cseq, e_cack, e_copt, e_ctime, e_ccount, e_key, e_created,
             e_removed, e_evicted, e_aged, e_no_flow, e_idle} = tr[c];
            @(posedge clk);
            #1;
            if (fl_valid) frames = frames + 1;
            if (ctx_load) loads = loads + 1;
            check("hv_ready", hv_ready, e_ready);
            check("fl_valid", fl_valid, e_valid);
            check("fl_len", fl_len, e_len);
            check("fl_cls", fl_cls, e_cls);
            check("fl_presel", fl_presel, e_presel);
            check("fl_l3", fl_l3, e_l3);
            check("fl_l4", fl_l4, e_l4);
            check("fl_vlan", fl_vlan, e_vlan);
            check("fl_vid", fl_vid, e_vid);
            check("fl_frag", fl_frag, e_frag);
            check("fl_l3_off", fl_l3_off, e_l3_off);
            check("fl_l4_off", fl_l4_off, e_l4_off);
            check("fl_hash", fl_hash, e_hash);
            check("fl_trunc", fl_trunc, e_trunc);
            check("fl_perr", fl_perr, e_perr);
            check("fl_flow", fl_flow, e_flow);
            check("fl_opcode", fl_opcode, e_opcode);
            check("flow_busy", flow_busy, e_busy);
            check("flow_fail", flow_fail, e_fail);
            check("flow_idx", flow_idx, e_idx);
            check("flow_gen", flow_gen, e_gen);
            check("flow_time", flow_time, e_time);
            check("ctx_load", ctx_load, e_load);
            if (e_load[0]) begin
                check("ctx_info", ctx_info, e_info);
                check("ctx_seq", ctx_seq, e_cseq);
                check("ctx_ack", ctx_ack, e_cack);
                check("ctx_opt", ctx_opt, e_copt);
                check("ctx_time", ctx_time, e_ctime);
                check("ctx_count", ctx_count, e_ccount);
                check("ctx_key", ctx_key, e_key);
            end
            check("cnt_created", cnt_created, e_created);
            check("cnt_removed", cnt_removed, e_removed);
            check("cnt_evicted", cnt_evicted, e_evicted);
            check("cnt_aged", cnt_aged, e_aged);
            check("cnt_no_flow", cnt_no_flow, e_no_flow);
            check("idle", idle, e_idle);
        end
        if (errors == 0 && frames > 0)
            $display("ok %0s: %0d cycles, %0d frames, %0d window loads, %0d signal checks", NAME,
                     CYCLES, frames, loads, checks);
        else
            $display("not ok %0s: %0d mismatches in %0d cycles (%0d frames)", NAME, errors, CYCLES,
                     frames);
        $finish;
    end
endmodule
