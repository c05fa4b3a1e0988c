// csr_rtl_tb.v - replays a stimulus file from csr_rtl_stim on rtl/nicrx_csr.v and
// prints its outputs after every edge in the format of the model's expect file.
// +STIM=file +OUT=file +CYCLES=n; parameter NUM_CQ.
`timescale 1ns / 1ps
`include "nicrx_regs.vh"
module csr_rtl_tb;
    parameter NUM_CQ = 4;
    reg clk = 1'b0, rst = 1'b1;
    reg [11:0] awaddr = 0, araddr = 0;
    reg awvalid = 0, wvalid = 0, bready = 0, arvalid = 0, rready = 0;
    reg [31:0] wdata = 0;
    reg [3:0] wstrb = 0;
    reg [`NICRX_NUM_COUNTERS*32-1:0] cnt_flat = 0;
    reg pbank = 0, ppend = 0;
    reg [`NICRX_NUM_FBR*16-1:0] fbr_head = 0;
    reg [`NICRX_NUM_FBR-1:0] fbr_err = 0;
    reg [NUM_CQ*16-1:0] cq_tail = 0;
    reg idle = 0;
    reg fbusy = 0, ffail = 0, cload = 0;
    reg [7:0] fidx = 0, fgen = 0;
    reg [31:0] ftime = 0, cinfo = 0, cseq = 0, cack = 0, copt = 0, ctime = 0, ccount = 0;
    reg [319:0] ckey = 0;
    reg [23:0] ravg = 0;
    reg [15:0] rpeak = 0;
    reg rbad = 0;
    reg [6:0] xerr = 0;
    wire [1:0] red_mode;
    wire [3:0] red_wlog;
    wire [2:0] red_maxp;
    wire [15:0] red_min, red_max, red_exempt;
    wire [31:0] red_seed;
    wire [63:0] red_th;
    wire [35:0] red_p;
    wire red_clr;
    wire [1:0] fl_ctrl, fl_cmd;
    wire [15:0] fl_thresh, fl_tick;
    wire [31:0] fl_age, x_info, x_seq, x_ack, x_opt;
    wire [7:0] fl_sel;
    wire [319:0] x_key;
    wire awready, wready, bvalid, arready, rvalid;
    wire [1:0] bresp, rresp;
    wire [31:0] rdata;
    wire enable;
    wire [2:0] qsel;
    wire [`NICRX_NUM_FBR*64-1:0] fbr_base;
    wire [`NICRX_NUM_FBR*4-1:0] fbr_size;
    wire [`NICRX_NUM_FBR*16-1:0] fbr_buf, fbr_tail;
    wire [`NICRX_NUM_FBR-1:0] fbr_en;
    wire [NUM_CQ*64-1:0] cq_base;
    wire [NUM_CQ*4-1:0] cq_size;
    wire [NUM_CQ-1:0] cq_en, cq_irq;
    wire [NUM_CQ*16-1:0] cq_head;
    wire [7:0] step_limit, imem_addr;
    wire swap, imem_we;
    wire [127:0] imem_data;

    nicrx_csr #(.NUM_CQ(NUM_CQ)) dut (
        .clk(clk), .rst(rst),
        .s_axil_awaddr(awaddr), .s_axil_awprot(3'd0), .s_axil_awvalid(awvalid), .s_axil_awready(awready),
        .s_axil_wdata(wdata), .s_axil_wstrb(wstrb), .s_axil_wvalid(wvalid), .s_axil_wready(wready),
        .s_axil_bresp(bresp), .s_axil_bvalid(bvalid), .s_axil_bready(bready),
        .s_axil_araddr(araddr), .s_axil_arprot(3'd0), .s_axil_arvalid(arvalid), .s_axil_arready(arready),
        .s_axil_rdata(rdata), .s_axil_rresp(rresp), .s_axil_rvalid(rvalid), .s_axil_rready(rready),
        .cfg_enable(enable), .cfg_qsel_log2(qsel), .cfg_fbr_base(fbr_base), .cfg_fbr_size_log2(fbr_size),
        .cfg_fbr_buf_size(fbr_buf), .cfg_fbr_en(fbr_en), .cfg_fbr_tail(fbr_tail), .cfg_cq_base(cq_base),
        .cfg_cq_size_log2(cq_size), .cfg_cq_en(cq_en), .cfg_cq_irq_en(cq_irq), .cfg_cq_head(cq_head),
        .cfg_step_limit(step_limit), .cfg_swap(swap), .cfg_imem_we(imem_we), .cfg_imem_addr(imem_addr),
        .cfg_imem_data(imem_data), .st_parser_bank(pbank), .st_parser_swap_pending(ppend),
        .cnt_flat(cnt_flat), .st_fbr_head(fbr_head), .st_fbr_err(fbr_err), .st_cq_tail(cq_tail), .st_idle(idle),
        .cfg_flow_ctrl(fl_ctrl), .cfg_flow_thresh(fl_thresh), .cfg_flow_tick(fl_tick), .cfg_flow_age(fl_age),
        .cfg_flow_cmd(fl_cmd), .cfg_flow_sel(fl_sel), .cfg_ctx_info(x_info), .cfg_ctx_seq(x_seq),
        .cfg_ctx_ack(x_ack), .cfg_ctx_opt(x_opt), .cfg_ctx_key(x_key),
        .flow_busy(fbusy), .flow_fail(ffail), .flow_idx(fidx), .flow_gen(fgen), .flow_time(ftime),
        .ctx_load(cload), .ctx_info(cinfo), .ctx_seq(cseq), .ctx_ack(cack), .ctx_opt(copt), .ctx_time(ctime),
        .ctx_count(ccount), .ctx_key(ckey),
        .cfg_red_mode(red_mode), .cfg_red_wlog(red_wlog), .cfg_red_maxp(red_maxp), .cfg_red_min(red_min),
        .cfg_red_max(red_max), .cfg_red_exempt(red_exempt), .cfg_red_seed(red_seed), .cfg_red_th(red_th),
        .cfg_red_p(red_p), .cfg_red_peak_clr(red_clr), .st_red_avg(ravg), .st_red_peak(rpeak), .st_red_bad(rbad),
        .st_xfer_cfg_err(xerr), .st_flist_bound(1'b0), .st_flist_err(1'b0), .st_flist_cnt(5'd0),
        .st_flist_head(8'd0));

    integer fs, fo, cyc, ncyc, i, r;
    reg [31:0] v;
    reg [1023:0] stim_name, out_name;
    initial begin
        if (!$value$plusargs("STIM=%s", stim_name) || !$value$plusargs("OUT=%s", out_name) ||
            !$value$plusargs("CYCLES=%d", ncyc)) begin
            $display("usage: +STIM= +OUT= +CYCLES="); $finish;
        end
        fs = $fopen(stim_name, "r");
        fo = $fopen(out_name, "w");
        for (cyc = 0; cyc < ncyc; cyc = cyc + 1) begin
            r = $fscanf(fs, "%h %h %h %h %h %h %h %h %h %h %h", rst, awaddr, awvalid, wdata, wstrb, wvalid,
                        bready, araddr, arvalid, rready, idle);
            r = $fscanf(fs, " %h %h", pbank, ppend);
            for (i = 0; i < `NICRX_NUM_COUNTERS; i = i + 1) begin r = $fscanf(fs, " %h", v); cnt_flat[i*32 +: 32] = v; end
            for (i = 0; i < `NICRX_NUM_FBR; i = i + 1) begin
                r = $fscanf(fs, " %h", v); fbr_head[i*16 +: 16] = v[15:0];
                r = $fscanf(fs, " %h", v); fbr_err[i] = v[0];
            end
            for (i = 0; i < NUM_CQ; i = i + 1) begin r = $fscanf(fs, " %h", v); cq_tail[i*16 +: 16] = v[15:0]; end
            r = $fscanf(fs, " %h %h %h %h %h %h %h %h %h %h %h %h", fbusy, ffail, fidx, fgen, ftime, cload, cinfo,
                        cseq, cack, copt, ctime, ccount);
            for (i = 0; i < 10; i = i + 1) begin r = $fscanf(fs, " %h", v); ckey[i*32 +: 32] = v; end
            r = $fscanf(fs, " %h %h %h %h", ravg, rpeak, rbad, xerr);
            #1 clk = 1'b1;
            #1;
            $fwrite(fo, "%0d %h %h %h %h %h %h %h %h %h %h", cyc, awready, wready, bvalid, bresp, arready,
                    rvalid, rdata, rresp, enable, qsel);
            for (i = 0; i < `NICRX_NUM_FBR; i = i + 1)
                $fwrite(fo, " %h %h %h %h %h", fbr_base[i*64 +: 64], fbr_size[i*4 +: 4], fbr_buf[i*16 +: 16],
                        fbr_en[i], fbr_tail[i*16 +: 16]);
            for (i = 0; i < NUM_CQ; i = i + 1)
                $fwrite(fo, " %h %h %h %h %h", cq_base[i*64 +: 64], cq_size[i*4 +: 4], cq_en[i], cq_irq[i],
                        cq_head[i*16 +: 16]);
            $fwrite(fo, " %h %h %h %h %h %h %h %h %h %h", red_mode, red_wlog, red_maxp, red_min, red_max, red_exempt,
                    red_seed, red_th, red_p, red_clr);
            $fwrite(fo, " %h %h %h %h %h", step_limit, swap, imem_we, imem_addr, imem_data);
            $fwrite(fo, " %h %h %h %h %h %h %h %h %h %h %h", fl_ctrl, fl_thresh, fl_tick, fl_age, fl_cmd, fl_sel, x_info,
                    x_seq, x_ack, x_opt, x_key);
            $fwrite(fo, "\n");
            #1 clk = 1'b0;
        end
        $fclose(fo);
        $finish;
    end
endmodule
