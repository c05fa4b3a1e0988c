// nicrx_mover - the transfer engine's mover: packet memory to the AXI4 W channel.  It reads
// each part's words (the packet-memory command stream, pc), realigns each to its destination's
// byte offset in a word, keeps them in a prefetch FIFO and packs them into W beats as the W
// command stream (wc, one per AW burst) says; a record's beats come from the completion writer's record
// stream (rec).  It frees packet memory (pm_rel_ptr) as it reads.  Instantiated by nicrx_dma.
// C twin: cmodel/mover.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_mover".
//
// Pipeline:
//   s_pc -> pm command FIFO (pc; its head in flip-flops, hd) -> reader (t0: pm_rd_en, pm_rd_addr)
//        -> RAM (t1) -> ra_w (t2) -> realigner (ra_w, ra_h) -> prefetch FIFO (pf) -+
//   s_wc -> W command FIFO (wc) ---------------------------------------------------+-> gearbox -> W register
//   s_rec (the record holder's words) ---------------------------------------------/
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_mover #(
    parameter DATA_WIDTH     = 64,  // packet-memory data width (nicrx_top)
    parameter AXI_DATA_WIDTH = 128, // AXI4 W data width: DATA_WIDTH or 2 x DATA_WIDTH (nicrx_top)
    parameter PM_AW          = 11   // packet-memory word address bits (nicrx_top's PM_AW)
) (
    input  wire                        clk,
    input  wire                        rst,
    // packet-memory commands (rtl/nicrx_stream_pc.vh); ready is registered, one cycle old:
    // the sender never pushes at two edges in a row
    input  wire                        s_pc_valid,
    input  wire [PC_W-1:0]             s_pc_data,
    output wire                        s_pc_ready,
    // W commands, one per AW burst (rtl/nicrx_stream_wc.vh); ready as s_pc_ready's
    input  wire                        s_wc_valid,
    input  wire [WC_W-1:0]             s_wc_data,
    output wire                        s_wc_ready,
    // the completion record's 32 bytes, word 0 lowest; ready (combinational) at the edge
    // the W register takes the record's last beat
    input  wire                        s_rec_valid,
    input  wire [255:0]                s_rec_data,
    output wire                        s_rec_ready,
    output wire                        pm_rd_en,
    output wire [PM_AW-1:0]            pm_rd_addr,
    input  wire [DATA_WIDTH-1:0]       pm_rd_data,
    output wire [PM_AW:0]              pm_rel_ptr,
    output wire                        busy,    // a command, word or beat not yet out (combinational)
    output wire                        m_axi_wvalid,
    output wire [AXI_DATA_WIDTH-1:0]   m_axi_wdata,
    output wire [AXI_DATA_WIDTH/8-1:0] m_axi_wstrb,
    output wire                        m_axi_wlast,
    input  wire                        m_axi_wready
);
    generate
        `NICRX_CHECK_DATA_WIDTH
        `NICRX_CHECK_AXI_DATA_WIDTH
        `NICRX_CHECK_PM_AW
    endgenerate

    localparam BPB   = DATA_WIDTH / 8;          // bytes per packet-memory word
    localparam ABPB  = AXI_DATA_WIDTH / 8;      // bytes per W beat
    localparam R     = AXI_DATA_WIDTH / DATA_WIDTH; // words per W beat (the gearbox): 1 or 2
    localparam RB    = 32 / ABPB;               // beats per completion record (v2: 32 bytes)
    localparam [ABPB-1:0] STRB_ONES = {ABPB{1'b1}};
    `include "nicrx_stream_pc.vh"
    `include "nicrx_stream_wc.vh"

    // ---- registers -------------------------------------------------------
    reg [PC_W-1:0]       pc_mem [0:7];
    reg [2:0]            pc_wr_reg, pc_wr_next, pc_rd_reg, pc_rd_next;
    reg                  pc_room_reg;        // the pm command FIFO has room (one cycle old)
    // The head command in flip-flops, loaded as it becomes the head, and its words counted
    // down with "none left" and "one left" registered, so the reader's decision reads no
    // LUT RAM and compares nothing (a compare of a count with the LUT RAM's nwords limited
    // the block)
    reg                  hd_skip_reg, hd_skip_next, hd_flush_reg, hd_flush_next;
    reg                  hd_lead_reg, hd_lead_next;   // the lead word is still to come
    reg                  hd_prime_reg, hd_prime_next; // the first read is still to come and yields no word
    reg [2:0]            hd_sh_reg, hd_sh_next;
    reg [15:0]           hd_left_reg, hd_left_next;   // words still to read (nwords until it starts)
    reg                  hd_zero_reg, hd_zero_next;   // hd_left is 0
    reg                  hd_one_reg, hd_one_next;     // hd_left is 1
    reg [PM_AW:0]        rel_ptr_reg, rel_ptr_next;

    // 16 words (a DPR16X4's depth): the reader keeps reading while W carries a record, with
    // its three words on their way (decided, read, realigned) counted against the room
    reg [DATA_WIDTH-1:0] pf_mem [0:15];
    reg [4:0]            pf_wr_reg, pf_wr_next, pf_rd_reg, pf_rd_next;
    reg [4:0]            pf_cnt_reg, pf_cnt_next;   // its words (pf_wr - pf_rd), counted
    // The reader decides a read (or flush) a cycle ahead: at edge E it is t0, and the block
    // RAM's enable and address are flip-flops (pm_rd_en_reg, pm_rel_reg: the pointer before
    // E's read), so no logic sits before the RAM, which is far away in the core.
    // t*_fl: a word that reads nothing (a flush or a lead); t*_ld: a lead
    reg                  t0_v_reg, t0_v_next, t0_fl_reg, t0_fl_next, t0_ld_reg, t0_ld_next, pm_rd_en_reg;
    reg [2:0]            t0_sh_reg, t0_sh_next;
    reg                  t0_pr_reg, t0_pr_next, t1_pr_reg, t2_pr_reg;  // a prime: the word only becomes ra_h
    reg [PM_AW:0]        pm_rel_reg;
    // room for the read decided at the next edge, registered: the FIFO's words and those on
    // their way leave two of its places free now (one for a read decided at this edge)
    reg                  pf_room_reg, pf_room_next;
    // "the FIFO holds a word, two words" after the edge, for wcan_next
    reg                  pf_ge1_next, pf_ge2_next;
    // the realigner: the RAM reads at E+1 (t1), its word is in ra_w after E+2 (t2; the read
    // data straight into flip-flops), realigned with ra_h (the word before) into the prefetch
    // FIFO at E+3
    reg                  t1_v_reg, t1_fl_reg, t1_ld_reg;
    reg [2:0]            t1_sh_reg;
    reg                  t2_v_reg, t2_fl_reg, t2_ld_reg;
    reg [2:0]            t2_sh_reg;
    reg [DATA_WIDTH-1:0] ra_w_reg, ra_h_reg;

    reg [WC_W-1:0]       wc_mem [0:3];
    // each place's command is a one-beat burst (length 0), kept beside it in flip-flops: the
    // head's "last beat" after a pop is a select, not a compare after the LUT RAM (wc_rd_reg
    // -> the LUT RAM -> that compare -> wcan_reg was nicrx_dma's worst path alone at seed 1
    // of 17f5644, 136.5 MHz)
    reg [3:0]            wc_z_reg;
    reg [2:0]            wc_wr_reg, wc_wr_next, wc_rd_reg, wc_rd_next;
    reg                  wc_room_reg;        // the W command FIFO has room (one cycle old)
    reg [7:0]            wb_cnt_reg, wb_cnt_next;
    // The head W command in flip-flops (as the pm command FIFO's), with "the burst's first
    // beat" (wb_cnt = 0) and "its last" (wb_cnt = len) registered: the beat's decode and the
    // load enable read no LUT RAM and compare nothing
    reg [WC_W-1:0]       wh_reg, wh_next;
    reg                  wb_first_reg, wb_first_next, wb_end_reg, wb_end_next;
    // "a beat can load but for the channel" (a head, and its words in the prefetch FIFO)
    // registered from the next values: the W register's 128-bit load enable is then that
    // flip-flop and the channel's ready, not the beat's decode and the FIFO's flags
    reg                  wcan_reg, wcan_next;
    reg                  wvalid_reg, wvalid_next;
    reg [AXI_DATA_WIDTH-1:0] wdata_reg, wdata_next;
    reg [ABPB-1:0]       wstrb_reg, wstrb_next;
    reg                  wlast_reg, wlast_next;

    // ---- outputs ---------------------------------------------------------
    // a word is free once the RAM has read it: pm_rel_reg follows rel_ptr_reg by the cycle
    // the read decided at an edge waits before the RAM takes it
    assign pm_rel_ptr   = pm_rel_reg;
    assign pm_rd_en     = pm_rd_en_reg;
    assign pm_rd_addr   = pm_rel_reg[PM_AW-1:0];
    assign s_pc_ready   = pc_room_reg;
    assign s_wc_ready   = wc_room_reg;
    assign m_axi_wvalid = wvalid_reg;
    assign m_axi_wdata  = wdata_reg;
    assign m_axi_wstrb  = wstrb_reg;
    assign m_axi_wlast  = wlast_reg;
    assign busy = (pc_rd_reg != pc_wr_reg) || (pf_rd_reg != pf_wr_reg) || t0_v_reg || t1_v_reg || t2_v_reg
                  || (wc_rd_reg != wc_wr_reg) || wvalid_reg;

    // ---- combinational temporaries ------------------------------------------
    reg                  pc_empty;
    reg [2:0]            pc_rd1;              // the place behind the head
    reg [PC_W-1:0]       pc_nx;               // the head after an edge that pops it
    reg                  hd_ld;               // the head pops (or the FIFO is empty): load pc_nx
    reg [DATA_WIDTH-1:0] ra_out;              // the realigner's word
    reg [2*DATA_WIDTH-1:0] ra_cat;            // {the word read, the word before}
    reg [DATA_WIDTH-1:0] ra_hi;               // the word read (a lead: the word before; a flush: 0)
    reg                  pf_inc;              // the realigner writes a word at this edge
    reg [1:0]            pf_dec;              // the words W takes at this edge
    reg [4:0]            pf_at;               // pf_at[k]: the FIFO holds k words or more (k = 0..4)
    reg                  wc_empty;
    reg [1:0]            wc_rd1;              // the place behind the head
    reg                  wc_bp;               // the head after a pop is the command pushed now
    reg [WC_W-1:0]       wc_nx;               // the head after an edge that pops it
    reg [ABPB-1:0]       wc_strb;             // the last beat's strobes
    reg                  wfirst, whalf, wtake2, wload, wend;
    reg [DATA_WIDTH-1:0] pf_w0, pf_w1;
    reg [3:0]            pf_rd1;
    reg [ABPB-1:0]       wstrb_n;
    integer              i, k;

    always @* begin
        pc_wr_next = pc_wr_reg;  pc_rd_next = pc_rd_reg;
        hd_skip_next = hd_skip_reg;  hd_flush_next = hd_flush_reg;  hd_sh_next = hd_sh_reg;
        hd_lead_next = hd_lead_reg;  hd_prime_next = hd_prime_reg;
        hd_left_next = hd_left_reg;  hd_zero_next = hd_zero_reg;  hd_one_next = hd_one_reg;
        rel_ptr_next = rel_ptr_reg;
        pf_wr_next = pf_wr_reg;  pf_dec = 2'd0;
        t0_v_next = 1'b0;  t0_fl_next = 1'b0;  t0_ld_next = 1'b0;  t0_pr_next = 1'b0;  t0_sh_next = t0_sh_reg;
        wc_wr_next = wc_wr_reg;  wc_rd_next = wc_rd_reg;  wb_cnt_next = wb_cnt_reg;
        wh_next = wh_reg;  wb_first_next = wb_first_reg;  wb_end_next = wb_end_reg;
        wvalid_next = wvalid_reg;  wdata_next = wdata_reg;  wstrb_next = wstrb_reg;
        wlast_next = wlast_reg;
        i = 0;   // the loops below run under conditions: no latch for the index

        if (s_pc_valid) pc_wr_next = pc_wr_reg + 1'b1;
        if (s_wc_valid) wc_wr_next = wc_wr_reg + 1'b1;

        // ---- packet-memory reader, realigner and prefetch FIFO -------------
        // the command behind the head, or the one pushed at this edge when it goes to the
        // head's place (the FIFO empty, or holding the head alone)
        pc_empty = pc_rd_reg == pc_wr_reg;
        pc_rd1 = pc_rd_reg + 3'd1;   // a 3-bit index (wraps in every simulator)
        pc_nx = (pc_empty || pc_wr_reg == pc_rd_reg + 3'd1) ? s_pc_data : pc_mem[pc_rd1];
        pf_room_next = ({1'b0, pf_cnt_reg} + {5'd0, t0_v_reg} + {5'd0, t1_v_reg} + {5'd0, t2_v_reg}) < 6'd15;
        hd_ld = pc_empty;
        if (!pc_empty) begin
            if (hd_skip_reg) begin
                rel_ptr_next = rel_ptr_reg + hd_left_reg[PM_AW:0];   // its nwords: a skip reads none
                pc_rd_next = pc_rd_reg + 1'b1;
                hd_ld = 1'b1;
            end else if (pf_room_reg && hd_lead_reg) begin
                // the part's first word from the shared word alone (no read)
                t0_v_next = 1'b1;  t0_fl_next = 1'b1;  t0_ld_next = 1'b1;  t0_sh_next = hd_sh_reg;
                hd_lead_next = 1'b0;
                if (hd_zero_reg && !hd_flush_reg) begin   // its only word
                    pc_rd_next = pc_rd_reg + 1'b1;
                    hd_ld = 1'b1;
                end
            end else if (pf_room_reg && !hd_zero_reg) begin
                t0_v_next = 1'b1;  t0_sh_next = hd_sh_reg;  t0_pr_next = hd_prime_reg;
                hd_prime_next = 1'b0;
                rel_ptr_next = rel_ptr_reg + 1'b1;
                if (hd_one_reg && !hd_flush_reg) begin  // last word, no flush
                    pc_rd_next = pc_rd_reg + 1'b1;
                    hd_ld = 1'b1;
                end else begin
                    hd_left_next = hd_left_reg - 16'd1;
                    hd_zero_next = hd_one_reg;
                    hd_one_next = hd_left_reg == 16'd2;
                end
            end else if (pf_room_reg) begin
                // every word read: the part's last word comes from the last one alone
                t0_v_next = 1'b1;  t0_fl_next = 1'b1;  t0_sh_next = hd_sh_reg;
                pc_rd_next = pc_rd_reg + 1'b1;
                hd_ld = 1'b1;
            end
        end
        if (hd_ld) begin
            hd_skip_next = pc_nx[PC_SKIP];  hd_flush_next = pc_nx[PC_FLUSH];
            hd_lead_next = pc_nx[PC_LEAD];  hd_prime_next = pc_nx[PC_PRIME];
            hd_sh_next = pc_nx[PC_SH +: PC_SH_W];
            hd_left_next = pc_nx[PC_NWORDS +: PC_NWORDS_W];
            hd_zero_next = pc_nx[PC_ZERO];  hd_one_next = pc_nx[PC_ONE];   // the sender's
        end
        pf_inc = t2_v_reg && !t2_pr_reg;   // a prime yields no word
        if (pf_inc) pf_wr_next = pf_wr_reg + 1'b1;
        // the realigner: byte i of each word is byte i + sh of {the word read, the word
        // before} (a flush: no word read, 0; a lead: the word before in the word read's
        // place), as loops over constant slices; bytes outside the part are don't-care
        // (their strobes are 0)
        ra_hi   = t2_ld_reg ? ra_h_reg : t2_fl_reg ? {DATA_WIDTH{1'b0}} : ra_w_reg;
        ra_out  = ra_hi;
        ra_cat  = {ra_hi, ra_h_reg};
        for (k = 1; k < BPB; k = k + 1)
            if (t2_sh_reg == k[2:0])
                for (i = 0; i < BPB; i = i + 1)
                    ra_out[i*8 +: 8] = ra_cat[(i+k)*8 +: 8];

        // ---- W channel ------------------------------------------------------
        // the W command behind the head, or the one pushed at this edge when it goes to the
        // head's place
        wc_empty = wc_rd_reg == wc_wr_reg;
        wc_rd1   = wc_rd_reg[1:0] + 2'd1;
        wc_bp    = wc_empty || wc_wr_reg == wc_rd_reg + 3'd1;
        wc_nx    = wc_bp ? s_wc_data : wc_mem[wc_rd1];
        wc_strb  = wh_reg[WC_STRB +: ABPB];
        wend     = wb_end_reg;   // the burst's last beat
        // the gearbox: a data beat takes R words from the prefetch FIFO, one where the
        // burst's first beat skips the lower lane or its last beat ends in it; a lane
        // that carries no word is 0; the first beat's strobes start at the part's first
        // byte, the last beat's end at its last
        wfirst = (R == 2) && wb_first_reg && wh_reg[WC_FIRST_SKIP];
        whalf  = (R == 2) && wend && wh_reg[WC_LAST_HALF];
        wtake2 = (R == 2) && !wfirst && !whalf;
        pf_w0  = pf_mem[pf_rd_reg[3:0]];
        pf_rd1 = pf_rd_reg[3:0] + 4'd1;   // a 4-bit index (wraps in every simulator)
        pf_w1  = pf_mem[pf_rd1];
        wstrb_n = wend ? wc_strb : STRB_ONES;
        if (wb_first_reg) wstrb_n = wstrb_n & wh_reg[WC_FSTRB +: ABPB];
        wload  = (!wvalid_reg || m_axi_wready) && wcan_reg;
        if (!wvalid_reg || m_axi_wready) begin
            wvalid_next = 1'b0;
            if (wload) begin
                wvalid_next = 1'b1;
                wlast_next = wend;
                wstrb_next = wh_reg[WC_REC] ? STRB_ONES : wstrb_n;
                if (wh_reg[WC_REC]) begin
                    for (i = 0; i < RB; i = i + 1)
                        if (wb_cnt_reg[2:0] == i[2:0]) wdata_next = s_rec_data[i*AXI_DATA_WIDTH +: AXI_DATA_WIDTH];
                end else if (R == 1) begin
                    wdata_next[0 +: DATA_WIDTH] = pf_w0;
                    pf_dec = 2'd1;
                end else begin
                    wdata_next[0 +: DATA_WIDTH] = wfirst ? {DATA_WIDTH{1'b0}} : pf_w0;
                    wdata_next[AXI_DATA_WIDTH-DATA_WIDTH +: DATA_WIDTH] =
                        whalf ? {DATA_WIDTH{1'b0}} : wfirst ? pf_w0 : pf_w1;
                    pf_dec = wtake2 ? 2'd2 : 2'd1;
                end
                if (wend) begin
                    wb_cnt_next = 8'd0;
                    wc_rd_next = wc_rd_reg + 1'b1;
                end else begin
                    wb_cnt_next = wb_cnt_reg + 8'd1;
                    wb_first_next = 1'b0;
                    wb_end_next = wb_cnt_reg + 8'd1 == wh_reg[WC_LEN +: WC_LEN_W];
                end
            end
        end
        pf_rd_next  = pf_rd_reg + {3'd0, pf_dec};
        pf_cnt_next = pf_cnt_reg + {4'd0, pf_inc} - {3'd0, pf_dec};
        // the flags after the edge: the count now against 0 to 4 in LUTs (no carry chain),
        // the one that holds after this edge's write and take picked last
        pf_at = {|pf_cnt_reg[4:2], |pf_cnt_reg[4:2] || &pf_cnt_reg[1:0], |pf_cnt_reg[4:1], |pf_cnt_reg, 1'b1};
        pf_ge1_next = pf_inc ? pf_at[{1'b0, pf_dec}] : pf_at[{1'b0, pf_dec} + 3'd1];
        pf_ge2_next = pf_inc ? pf_at[{1'b0, pf_dec} + 3'd1] : pf_at[{1'b0, pf_dec} + 3'd2];
        // the head pops (or the FIFO is empty): the next one, at its first beat
        if (wc_empty || (wload && wend)) begin
            wh_next = wc_nx;
            wb_first_next = 1'b1;
            wb_end_next = wc_bp ? s_wc_data[WC_LEN +: WC_LEN_W] == 8'd0 : wc_z_reg[wc_rd1];
        end
        wcan_next = (wc_wr_next != wc_rd_next) && (wh_next[WC_REC]
                    || (((R == 2) && !(wb_first_next && wh_next[WC_FIRST_SKIP])
                         && !(wb_end_next && wh_next[WC_LAST_HALF])) ? pf_ge2_next : pf_ge1_next));
    end
    // the record's last beat goes into W: the completion writer's holder is free again
    assign s_rec_ready = wload && wh_reg[WC_REC] && wend;

    // ---- memories (no reset: contents are don't-care until written) ---------
    always @(posedge clk) begin
        // written at every edge, valid or not: its place at the tail is free (eight places
        // for at most four commands), so the sender's decision is not the LUT RAM's enable
        pc_mem[pc_wr_reg] <= s_pc_data;
        if (t2_v_reg && !t2_pr_reg) pf_mem[pf_wr_reg[3:0]] <= ra_out;
        if (s_wc_valid) wc_mem[wc_wr_reg[1:0]] <= s_wc_data;
        if (s_wc_valid) wc_z_reg[wc_wr_reg[1:0]] <= s_wc_data[WC_LEN +: WC_LEN_W] == 8'd0;
    end

    // ---- registers --------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            pc_wr_reg <= 3'd0;  pc_rd_reg <= 3'd0;  pc_room_reg <= 1'b1;
            hd_skip_reg <= 1'b0;  hd_flush_reg <= 1'b0;  hd_lead_reg <= 1'b0;  hd_prime_reg <= 1'b0;  hd_sh_reg <= 3'd0;
            hd_left_reg <= 16'd0;  hd_zero_reg <= 1'b1;  hd_one_reg <= 1'b0;
            rel_ptr_reg <= {(PM_AW+1){1'b0}};
            pf_wr_reg <= 5'd0;  pf_rd_reg <= 5'd0;  pf_cnt_reg <= 5'd0;
            t0_v_reg <= 1'b0;  t0_fl_reg <= 1'b0;  t0_ld_reg <= 1'b0;  t0_sh_reg <= 3'd0;  pm_rd_en_reg <= 1'b0;
            t0_pr_reg <= 1'b0;  t1_pr_reg <= 1'b0;  t2_pr_reg <= 1'b0;
            pm_rel_reg <= {(PM_AW+1){1'b0}};  pf_room_reg <= 1'b1;
            t1_v_reg <= 1'b0;  t1_fl_reg <= 1'b0;  t1_ld_reg <= 1'b0;  t1_sh_reg <= 3'd0;
            t2_v_reg <= 1'b0;  t2_fl_reg <= 1'b0;  t2_ld_reg <= 1'b0;  t2_sh_reg <= 3'd0;
            ra_w_reg <= {DATA_WIDTH{1'b0}};  ra_h_reg <= {DATA_WIDTH{1'b0}};
            wc_wr_reg <= 3'd0;  wc_rd_reg <= 3'd0;  wc_room_reg <= 1'b1;  wb_cnt_reg <= 8'd0;
            wh_reg <= {WC_W{1'b0}};  wb_first_reg <= 1'b1;  wb_end_reg <= 1'b1;  wcan_reg <= 1'b0;
            wvalid_reg <= 1'b0;  wdata_reg <= {AXI_DATA_WIDTH{1'b0}};  wstrb_reg <= {ABPB{1'b0}};
            wlast_reg <= 1'b0;
        end else begin
            pc_wr_reg <= pc_wr_next;  pc_rd_reg <= pc_rd_next;
            hd_skip_reg <= hd_skip_next;  hd_flush_reg <= hd_flush_next;  hd_sh_reg <= hd_sh_next;
            hd_lead_reg <= hd_lead_next;  hd_prime_reg <= hd_prime_next;
            hd_left_reg <= hd_left_next;  hd_zero_reg <= hd_zero_next;  hd_one_reg <= hd_one_next;
            // room registered from the pointers before the edge: with no push at two edges
            // in a row, one place is enough
            pc_room_reg <= (pc_wr_reg - pc_rd_reg) != 3'd4;
            rel_ptr_reg <= rel_ptr_next;
            pf_wr_reg <= pf_wr_next;  pf_rd_reg <= pf_rd_next;  pf_cnt_reg <= pf_cnt_next;
            t0_v_reg <= t0_v_next;  t0_fl_reg <= t0_fl_next;  t0_ld_reg <= t0_ld_next;  t0_sh_reg <= t0_sh_next;
            t0_pr_reg <= t0_pr_next;  t1_pr_reg <= t0_pr_reg;  t2_pr_reg <= t1_pr_reg;
            pm_rd_en_reg <= t0_v_next && !t0_fl_next;
            pm_rel_reg <= rel_ptr_reg;  pf_room_reg <= pf_room_next;
            // the realigner's pipeline: the read data straight into ra_w
            t1_v_reg <= t0_v_reg;  t1_fl_reg <= t0_fl_reg;  t1_ld_reg <= t0_ld_reg;  t1_sh_reg <= t0_sh_reg;
            t2_v_reg <= t1_v_reg;  t2_fl_reg <= t1_fl_reg;  t2_ld_reg <= t1_ld_reg;  t2_sh_reg <= t1_sh_reg;
            if (t1_v_reg && !t1_fl_reg) ra_w_reg <= pm_rd_data;
            if (t2_v_reg && !t2_fl_reg) ra_h_reg <= ra_w_reg;
            wc_wr_reg <= wc_wr_next;  wc_rd_reg <= wc_rd_next;  wb_cnt_reg <= wb_cnt_next;
            wh_reg <= wh_next;  wb_first_reg <= wb_first_next;  wb_end_reg <= wb_end_next;  wcan_reg <= wcan_next;
            wc_room_reg <= (wc_wr_reg - wc_rd_reg) != 3'd4;
            wvalid_reg <= wvalid_next;  wdata_reg <= wdata_next;  wstrb_reg <= wstrb_next;
            wlast_reg <= wlast_next;
        end
    end
    // Unused: a record's words past its beats (32 bytes: all of them), the strobes above the
    // bus's width, and the record stream's valid (a record's W command is pushed with its
    // words, so the holder is full whenever the W command FIFO's head is a record's: checked
    // under FORMAL).
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, s_rec_valid, wh_reg};
    /* verilator lint_on UNUSEDSIGNAL */
`ifdef FORMAL
    // ================================================================ formal
    // Beside the logic; proved within nicrx_dma (dma-bmc, formal/run.sh), whose issue FSM is
    // the sender: the command FIFOs and the prefetch FIFO never overflow, a record's beat
    // is never loaded from an empty holder, and the heads' registers are the FIFOs' heads
    // with their counts (words left, the beat's place in its burst).
    `include "nicrx_formal_reset.vh"
    reg [PC_W-1:0] f_pc_head;
    reg [WC_W-1:0] f_wc_head;
    always @(*) f_pc_head = pc_mem[pc_rd_reg];
    always @(*) f_wc_head = wc_mem[wc_rd_reg[1:0]];
    always @(*) if (f_past_valid) begin
        if (!pc_empty) begin
            // (while it is empty the head loads whatever the sender's data says)
            assert(hd_zero_reg == (hd_left_reg == 16'd0));
            assert(hd_one_reg == (hd_left_reg == 16'd1));
            assert(hd_skip_reg == f_pc_head[PC_SKIP] && hd_flush_reg == f_pc_head[PC_FLUSH]);
            // the lead comes before any word is read
            if (hd_lead_reg) assert(f_pc_head[PC_LEAD] && hd_left_reg == f_pc_head[PC_NWORDS +: PC_NWORDS_W]);
            if (hd_prime_reg) assert(f_pc_head[PC_PRIME] && !hd_lead_reg && !hd_skip_reg
                                     && hd_left_reg == f_pc_head[PC_NWORDS +: PC_NWORDS_W] && !hd_zero_reg);
            assert(hd_sh_reg == f_pc_head[PC_SH +: PC_SH_W]);
            assert(hd_left_reg <= f_pc_head[PC_NWORDS +: PC_NWORDS_W]);
            if (hd_skip_reg) assert(hd_left_reg == f_pc_head[PC_NWORDS +: PC_NWORDS_W]);
        end
        assert((pc_wr_reg - pc_rd_reg) <= 3'd4);
        assert((wc_wr_reg - wc_rd_reg) <= 3'd4);
        assert(pf_cnt_reg == pf_wr_reg - pf_rd_reg);
        assert(pf_cnt_reg + {4'd0, t0_v_reg} + {4'd0, t1_v_reg} + {4'd0, t2_v_reg} <= 5'd16);
        if (wload && wh_reg[WC_REC]) assert(s_rec_valid);
        assert(wb_first_reg == (wb_cnt_reg == 8'd0));
        assert(wcan_reg == (!wc_empty && (wh_reg[WC_REC] || (wtake2 ? pf_cnt_reg > 5'd1 : pf_cnt_reg != 5'd0))));
        if (!wc_empty) begin
            assert(wh_reg == f_wc_head);
            assert(wb_end_reg == (wb_cnt_reg == f_wc_head[WC_LEN +: WC_LEN_W]));
        end
    end
`endif
endmodule

`resetall
