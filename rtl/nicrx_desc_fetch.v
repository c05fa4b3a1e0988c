// nicrx_desc_fetch - free-buffer descriptor prefetch for NUM_FBR rings on the AXI4
// read channels (docs/architecture.md "nicrx_desc_fetch").  Twin: cmodel/desc_fetch.c.
//
//   fetch FSM (df_*) -> AR register, R -> per-ring FIFOs in one RAM (dq_mem)
//   -> RAM read register (dq_q) -> per-ring head registers (m_desc_*) -> transfer engine
//
// The transfer engine sees each ring's oldest descriptor in a register (m_desc_valid[r],
// m_desc_data[r]) and takes it with a one-cycle s_desc_pop[r] (a register there): the head
// empties at the edge that sees the pop and is refilled from the RAM three edges later at
// the earliest (one refill decided per cycle, for the lowest-numbered ring whose head is
// empty; the RAM is read the cycle after, from registers).
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_desc_fetch #(
    parameter AXI_DATA_WIDTH = 128, // AXI4 data width (nicrx_top): 32, 64 or 128
    parameter NUM_FBR    = 2,   // free-buffer rings (the register map's count)
    parameter DESC_DEPTH = 8    // descriptors prefetched per ring in the RAM (nicrx_top)
) (
    input  wire                      clk,
    input  wire                      rst,
    input  wire [NUM_FBR*64-1:0]     cfg_fbr_base,
    input  wire [NUM_FBR*4-1:0]      cfg_fbr_size_log2,
    input  wire [NUM_FBR-1:0]        cfg_fbr_en,
    input  wire [NUM_FBR*16-1:0]     cfg_fbr_tail,
    // each ring's oldest descriptor {buf_id[15:0], addr[63:0]}, taken by a pop
    output wire [NUM_FBR-1:0]        m_desc_valid,
    output wire [NUM_FBR*80-1:0]     m_desc_data,
    input  wire [NUM_FBR-1:0]        s_desc_pop,
    output wire [NUM_FBR*16-1:0]     st_fbr_head,
    output wire [NUM_FBR-1:0]        st_fbr_err,
    output wire                      rerr,        // an R beat with a non-OKAY rresp at the edge before
    output wire                      idle,        // no read under way (one cycle late)
    output wire                      m_axi_arvalid,
    output wire [63:0]               m_axi_araddr,
    output wire [7:0]                m_axi_arlen,
    input  wire                      m_axi_arready,
    input  wire                      m_axi_rvalid,
    input  wire [AXI_DATA_WIDTH-1:0] m_axi_rdata,
    input  wire [1:0]                m_axi_rresp,
    input  wire                      m_axi_rlast,
    output wire                      m_axi_rready
);
    generate
        `NICRX_CHECK_AXI_WIDTH
        `NICRX_CHECK_DESC_DEPTH
        `NICRX_CHECK_NUM_FBR
    endgenerate

    localparam BPD  = 128 / AXI_DATA_WIDTH;    // beats per descriptor
    localparam integer DLEN_I = BPD - 1;
    localparam [1:0] DLEN = DLEN_I[1:0];       // last beat of a descriptor
    localparam LBPD = $clog2(BPD);
    localparam LDD  = $clog2(DESC_DEPTH);
    localparam RW   = (NUM_FBR > 1) ? $clog2(NUM_FBR) : 1;
    localparam [LDD:0] DD_N = DESC_DEPTH[LDD:0];
    localparam integer LAST_I = NUM_FBR - 1;
    localparam [RW-1:0] LAST_RING = LAST_I[RW-1:0];
    localparam [RW:0]   N_RINGS = NUM_FBR[RW:0];
    localparam DQW  = 80;
    localparam [1:0] DF_IDLE = 2'd0, DF_AR = 2'd1, DF_R = 2'd2, DF_PREP = 2'd3;

    // ---- registers -------------------------------------------------------
    // The FIFOs are one RAM read through a register.  Only entries already in a FIFO
    // are read, so a read never hits the entry written at the same edge.
    (* no_rw_check *)
    reg [DQW-1:0]           dq_mem [0:(1<<(RW+LDD))-1];  // ring r at r*DESC_DEPTH
    reg [NUM_FBR*(LDD+1)-1:0] dq_wr_reg, dq_wr_next, dq_rd_reg, dq_rd_next;
    reg [DQW-1:0]           dq_q_reg;            // RAM read register, no reset
    reg                     rq_v_reg, rq_v_next; // a read of ring rq_ring at rq_slot this cycle
    reg [RW-1:0]            rq_ring_reg, rq_ring_next;
    reg [LDD-1:0]           rq_slot_reg, rq_slot_next;
    reg                     rd_v_reg, rd_v_next; // dq_q holds a read of ring rd_ring
    reg [RW-1:0]            rd_ring_reg, rd_ring_next;
    reg [NUM_FBR-1:0]       hd_valid_reg, hd_valid_next;
    reg [NUM_FBR*DQW-1:0]   hd_data_reg;         // loaded from dq_q (no reset)
    reg [NUM_FBR*16-1:0]    fbr_head_reg, fbr_head_next;
    reg [NUM_FBR-1:0]       fbr_err_reg, fbr_err_next;

    reg [1:0]               df_state_reg, df_state_next;
    reg [RW-1:0]            df_ring_reg, df_ring_next;
    reg [RW-1:0]            df_rr_reg, df_rr_next;
    reg [1:0]               df_beat_reg, df_beat_next;
    reg [NUM_FBR*3-1:0]     df_p4_reg, df_p4_next;       // each ring's posted, saturated at 4
    reg [63:0]              df_base_reg, df_base_next;   // df_ring's base and head slot: the
    reg [15:0]              df_slot_reg, df_slot_next;   // ring select, then the address add
    reg [63:0]              df_addr_reg, df_addr_next;
    reg [15:0]              df_bufid_reg, df_bufid_next;
    reg                     df_bad_reg, df_bad_next;
    reg                     arvalid_reg, arvalid_next;
    reg [63:0]              araddr_reg, araddr_next;
    reg [7:0]               arlen_reg, arlen_next;
    reg                     rerr_reg, rerr_next;
    reg                     idle_reg, idle_next;

    // RAM ports (computed in the next-state block)
    reg                     dq_we, dq_re;
    reg [RW+LDD-1:0]        dq_waddr, dq_raddr;  // {ring, slot}
    reg [DQW-1:0]           dq_wdata;

    assign m_desc_valid  = hd_valid_reg;
    assign m_desc_data   = hd_data_reg;
    assign st_fbr_head   = fbr_head_reg;
    assign st_fbr_err    = fbr_err_reg;
    assign rerr          = rerr_reg;
    assign idle          = idle_reg;
    assign m_axi_arvalid = arvalid_reg;
    assign m_axi_araddr  = araddr_reg;
    assign m_axi_arlen   = arlen_reg;
    assign m_axi_rready  = 1'b1;            // documented constant

    // ---- combinational temporaries ------------------------------------------
    reg [15:0]              head_r, posted;
    reg [2:0]               p4_r;           // df_ring's df_p4
    reg [LDD:0]             cnt_r, dfree;
    reg [3:0]               szl;
    reg [63:0]              base_r;
    reg                     en_r, cand_r;
    reg [LDD-1:0]           wr_r;           // df_ring's write slot
    reg [15:0]              slot;
    reg [NUM_FBR-1:0]       cand, need;
    reg [RW-1:0]            pick, k_idx, rd_sel;
    reg                     pick_ok, need_ok;
    reg [2:0]               nd, f4, g4;
    reg                     df_last_beat;
    reg [15:0]              bufid_n;
    reg [63:0]              addr_n;
    reg [127:0]             rdata128;
    integer                 i, k;

    always @* begin
        dq_wr_next = dq_wr_reg;  dq_rd_next = dq_rd_reg;
        rq_v_next = 1'b0;  rq_ring_next = rq_ring_reg;  rq_slot_next = rq_slot_reg;
        rd_v_next = 1'b0;  rd_ring_next = rd_ring_reg;
        hd_valid_next = hd_valid_reg;
        fbr_head_next = fbr_head_reg;  fbr_err_next = fbr_err_reg;
        df_state_next = df_state_reg;  df_ring_next = df_ring_reg;  df_rr_next = df_rr_reg;
        df_beat_next = df_beat_reg;  df_addr_next = df_addr_reg;  df_bufid_next = df_bufid_reg;
        df_bad_next = df_bad_reg;  arvalid_next = arvalid_reg;  araddr_next = araddr_reg;
        arlen_next = arlen_reg;
        rerr_next = m_axi_rvalid && (m_axi_rresp != 2'b00);
        dq_we = 1'b0;  dq_waddr = {(RW+LDD){1'b0}};  dq_wdata = {DQW{1'b0}};
        dq_re = 1'b0;  dq_raddr = {(RW+LDD){1'b0}};

        // ---- candidates: rings to fetch for, rings whose head needs a refill ---
        for (i = 0; i < NUM_FBR; i = i + 1) begin
            cnt_r   = dq_wr_reg[i*(LDD+1) +: LDD+1] - dq_rd_reg[i*(LDD+1) +: LDD+1];
            cand[i] = cfg_fbr_en[i] && !fbr_err_reg[i]
                      && (cfg_fbr_tail[i*16 +: 16] != fbr_head_reg[i*16 +: 16])
                      && (cnt_r != DD_N);
            // each ring's posted count, registered every cycle: DF_PREP's second cycle
            // selects df_ring's (no ring select before the subtraction)
            posted  = cfg_fbr_tail[i*16 +: 16] - fbr_head_reg[i*16 +: 16];
            df_p4_next[i*3 +: 3] = (posted[15:2] != 14'd0) ? 3'd4 : {1'b0, posted[1:0]};
            need[i] = cfg_fbr_en[i] && !hd_valid_reg[i] && (cnt_r != {(LDD+1){1'b0}})
                      && !(rq_v_reg && rq_ring_reg == i[RW-1:0])
                      && !(rd_v_reg && rd_ring_reg == i[RW-1:0]);
        end
        // round robin: the first candidate at or after df_rr
        pick = df_rr_reg;  pick_ok = 1'b0;
        for (k = NUM_FBR - 1; k >= 0; k = k - 1) begin
            k_idx = (({1'b0, df_rr_reg} + k[RW:0]) >= N_RINGS)
                    ? df_rr_reg + k[RW-1:0] - N_RINGS[RW-1:0] : df_rr_reg + k[RW-1:0];
            if (cand[k_idx]) begin
                pick = k_idx;  pick_ok = 1'b1;
            end
        end
        // head refill: the lowest-numbered ring that needs one
        rd_sel = {RW{1'b0}};  need_ok = 1'b0;
        for (k = NUM_FBR - 1; k >= 0; k = k - 1) begin
            if (need[k]) begin
                rd_sel = k[RW-1:0];  need_ok = 1'b1;
            end
        end

        // ---- head registers: pop, refill from the RAM read register ---------
        for (i = 0; i < NUM_FBR; i = i + 1) begin
            if (s_desc_pop[i]) hd_valid_next[i] = 1'b0;
            if (rd_v_reg && rd_ring_reg == i[RW-1:0]) hd_valid_next[i] = 1'b1;
        end
        // the refill in two steps: decide (rq_*, the FIFO pointer moves), then read the RAM
        // from those registers alone into dq_q; a ring disabled meanwhile loses the read
        if (need_ok) begin
            rq_v_next = 1'b1;
            rq_ring_next = rd_sel;
            for (i = 0; i < NUM_FBR; i = i + 1) begin
                if (rd_sel == i[RW-1:0]) begin
                    rq_slot_next = dq_rd_reg[i*(LDD+1) +: LDD];
                    dq_rd_next[i*(LDD+1) +: LDD+1] = dq_rd_reg[i*(LDD+1) +: LDD+1] + 1'b1;
                end
            end
        end
        dq_re = rq_v_reg;
        dq_raddr = {rq_ring_reg, rq_slot_reg};
        rd_ring_next = rq_ring_reg;
        for (i = 0; i < NUM_FBR; i = i + 1) begin
            if (rq_v_reg && rq_ring_reg == i[RW-1:0] && cfg_fbr_en[i]) rd_v_next = 1'b1;
        end

        // ---- fetch: df_ring's values, selected over constant slices ---------------
        head_r = 16'd0;  szl = 4'd0;  base_r = 64'd0;  en_r = 1'b0;  cand_r = 1'b0;  p4_r = 3'd0;
        dfree = {(LDD+1){1'b0}};  wr_r = {LDD{1'b0}};
        for (i = 0; i < NUM_FBR; i = i + 1) begin
            if (df_ring_reg == i[RW-1:0]) begin
                head_r = fbr_head_reg[i*16 +: 16];
                szl    = cfg_fbr_size_log2[i*4 +: 4];
                base_r = cfg_fbr_base[i*64 +: 64];
                en_r   = cfg_fbr_en[i];
                cand_r = cand[i];
                p4_r   = df_p4_reg[i*3 +: 3];
                wr_r   = dq_wr_reg[i*(LDD+1) +: LDD];
                dfree  = DD_N - (dq_wr_reg[i*(LDD+1) +: LDD+1] - dq_rd_reg[i*(LDD+1) +: LDD+1]);
            end
        end
        // DF_PREP sizes the burst from registers: min(posted, free slots, 4 - head%4,
        // ring size - slot), each term saturated at 4 (3-bit values)
        slot   = head_r & ~(16'hffff << szl);
        df_base_next = base_r;
        df_slot_next = slot;
        f4     = (dfree[LDD:2] != {(LDD-1){1'b0}}) ? 3'd4 : {1'b0, dfree[1:0]};
        if (szl == 4'd0)      g4 = 3'd1;
        else if (szl == 4'd1) g4 = 3'd2 - {2'd0, head_r[0]};
        else                  g4 = 3'd4 - {1'b0, head_r[1:0]};
        nd = g4;
        if (p4_r < nd) nd = p4_r;
        if (f4 < nd) nd = f4;
        df_last_beat = (df_beat_reg == DLEN);
        bufid_n = df_bufid_reg;
        addr_n  = df_addr_reg;
        rdata128 = 128'd0;
        rdata128[AXI_DATA_WIDTH-1:0] = m_axi_rdata;
        if (AXI_DATA_WIDTH == 128) begin
            addr_n = rdata128[63:0];
            bufid_n = rdata128[79:64];
        end else if (AXI_DATA_WIDTH == 64) begin
            if (df_beat_reg == 2'd0) addr_n = rdata128[63:0];
            if (df_beat_reg == 2'd1) bufid_n = rdata128[15:0];
        end else begin
            if (df_beat_reg == 2'd0) addr_n = {df_addr_reg[63:32], rdata128[31:0]};
            if (df_beat_reg == 2'd1) addr_n = {rdata128[31:0], df_addr_reg[31:0]};
            if (df_beat_reg == 2'd2) bufid_n = rdata128[15:0];
        end
        case (df_state_reg)
            DF_IDLE: begin
                if (pick_ok) begin
                    df_state_next = DF_PREP;  df_ring_next = pick;
                    df_rr_next = (pick == LAST_RING) ? {RW{1'b0}} : pick + 1'b1;
                    df_beat_next = 2'd0;  df_bad_next = 1'b0;
                end
            end
            DF_PREP: begin
                // two cycles (df_beat 0, 1): the first registers df_base, df_slot.  The
                // address and length load in both, whatever the re-check says (they count
                // only with arvalid): their 72 enables do not wait for it
                araddr_next = df_base_reg + {44'd0, df_slot_reg, 4'd0};
                arlen_next = ({5'd0, nd} << LBPD) - 8'd1;
                if (cand_r && df_beat_reg == 2'd0) begin
                    df_beat_next = 2'd1;
                end else if (cand_r) begin
                    df_state_next = DF_AR;
                    df_beat_next = 2'd0;
                    arvalid_next = 1'b1;
                end else begin
                    // the ring changed (disabled, error, tail moved back): start over
                    df_state_next = DF_IDLE;
                end
            end
            DF_AR: begin
                if (m_axi_arready) begin
                    arvalid_next = 1'b0;
                    df_state_next = DF_R;
                end
            end
            default: begin // DF_R
                if (m_axi_rvalid) begin
                    df_addr_next = addr_n;  df_bufid_next = bufid_n;
                    df_beat_next = df_last_beat ? 2'd0 : df_beat_reg + 2'd1;
                    if (m_axi_rresp != 2'b00) df_bad_next = 1'b1;
                    if (df_last_beat && !df_bad_reg && m_axi_rresp == 2'b00) dq_we = 1'b1;
                    if (m_axi_rlast) df_state_next = DF_IDLE;
                end
            end
        endcase
        // a descriptor copied: that ring's write pointer and head; an error stops the ring
        for (i = 0; i < NUM_FBR; i = i + 1) begin
            if (df_ring_reg == i[RW-1:0] && cfg_fbr_en[i] && df_state_reg == DF_R && m_axi_rvalid) begin
                if (m_axi_rresp != 2'b00) fbr_err_next[i] = 1'b1;
                if (dq_we) begin
                    dq_wr_next[i*(LDD+1) +: LDD+1] = dq_wr_reg[i*(LDD+1) +: LDD+1] + 1'b1;
                    fbr_head_next[i*16 +: 16] = fbr_head_reg[i*16 +: 16] + 16'd1;
                end
            end
        end
        dq_waddr = {df_ring_reg, wr_r};
        dq_wdata = {bufid_n, addr_n};
        if (!en_r) dq_we = 1'b0;
        if (df_state_reg != DF_IDLE && !en_r) df_bad_next = 1'b1;
        // a disabled ring: index 0, FIFO and head empty, error cleared
        for (i = 0; i < NUM_FBR; i = i + 1) begin
            if (!cfg_fbr_en[i]) begin
                fbr_head_next[i*16 +: 16] = 16'd0;
                fbr_err_next[i] = 1'b0;
                dq_wr_next[i*(LDD+1) +: LDD+1] = {(LDD+1){1'b0}};
                dq_rd_next[i*(LDD+1) +: LDD+1] = {(LDD+1){1'b0}};
                hd_valid_next[i] = 1'b0;
            end
        end
        idle_next = (df_state_reg == DF_IDLE) && !rerr_reg;
    end

    // ---- memories (no reset: contents are don't-care until written) ---------
    always @(posedge clk) begin
        if (dq_we) dq_mem[dq_waddr] <= dq_wdata;
    end
    always @(posedge clk) begin
        if (dq_re) dq_q_reg <= dq_mem[dq_raddr];
    end
    // head registers: loaded from the RAM read register (the ring's head was empty)
    always @(posedge clk) begin
        for (i = 0; i < NUM_FBR; i = i + 1)
            if (rd_v_reg && rd_ring_reg == i[RW-1:0]) hd_data_reg[i*DQW +: DQW] <= dq_q_reg;
    end

    always @(posedge clk) begin
        if (rst) begin
            dq_wr_reg <= {NUM_FBR*(LDD+1){1'b0}};  dq_rd_reg <= {NUM_FBR*(LDD+1){1'b0}};
            rq_v_reg <= 1'b0;  rq_ring_reg <= {RW{1'b0}};  rq_slot_reg <= {LDD{1'b0}};
            rd_v_reg <= 1'b0;  rd_ring_reg <= {RW{1'b0}};
            hd_valid_reg <= {NUM_FBR{1'b0}};
            fbr_head_reg <= {NUM_FBR*16{1'b0}};  fbr_err_reg <= {NUM_FBR{1'b0}};
            df_state_reg <= DF_IDLE;  df_ring_reg <= {RW{1'b0}};  df_rr_reg <= {RW{1'b0}};
            df_beat_reg <= 2'd0;  df_p4_reg <= {NUM_FBR*3{1'b0}};  df_addr_reg <= 64'd0;
            df_base_reg <= 64'd0;  df_slot_reg <= 16'd0;  df_bufid_reg <= 16'd0;
            df_bad_reg <= 1'b0;  arvalid_reg <= 1'b0;  araddr_reg <= 64'd0;  arlen_reg <= 8'd0;
            rerr_reg <= 1'b0;  idle_reg <= 1'b1;
        end else begin
            dq_wr_reg <= dq_wr_next;  dq_rd_reg <= dq_rd_next;
            rq_v_reg <= rq_v_next;  rq_ring_reg <= rq_ring_next;  rq_slot_reg <= rq_slot_next;
            rd_v_reg <= rd_v_next;  rd_ring_reg <= rd_ring_next;
            hd_valid_reg <= hd_valid_next;
            fbr_head_reg <= fbr_head_next;  fbr_err_reg <= fbr_err_next;
            df_state_reg <= df_state_next;  df_ring_reg <= df_ring_next;  df_rr_reg <= df_rr_next;
            df_beat_reg <= df_beat_next;  df_p4_reg <= df_p4_next;  df_addr_reg <= df_addr_next;
            df_base_reg <= df_base_next;  df_slot_reg <= df_slot_next;
            df_bufid_reg <= df_bufid_next;
            df_bad_reg <= df_bad_next;  arvalid_reg <= arvalid_next;  araddr_reg <= araddr_next;
            arlen_reg <= arlen_next;
            rerr_reg <= rerr_next;  idle_reg <= idle_next;
        end
    end
    // Unused: the bits of a 128-bit R beat above its descriptor.
    /* verilator lint_off UNUSEDSIGNAL */
    wire unused_ok = &{1'b0, rdata128[127:80]};
    /* verilator lint_on UNUSEDSIGNAL */
`ifdef FORMAL
    // ================================================================ formal
    // The AXI4 read channels under the shared protocol checker (docs/formal.md): any legal
    // slave, and this block a legal master. One burst at a time: of at most DESC_DEPTH
    // descriptors, within 64 bytes (4 - head % 4), so never across 4 KB given the ring
    // base's alignment, which the register guarantees (FBR BASE_LO keeps bits [31:6]).
    integer f_r;
    always @(*) for (f_r = 0; f_r < NUM_FBR; f_r = f_r + 1) assume(cfg_fbr_base[f_r*64 +: 6] == 6'd0);
    nicrx_axi4_master_check #(
        .DATA_W(AXI_DATA_WIDTH), .WRITE(0), .READ(1), .MAX_LEN(DESC_DEPTH * BPD), .LQ(1)
    ) f_axi (
        .clk(clk), .rst(rst),
        .awvalid(1'b0), .awready(1'b0), .awaddr(64'd0), .awlen(8'd0),
        .wvalid(1'b0), .wready(1'b0), .wdata({AXI_DATA_WIDTH{1'b0}}),
        .wstrb({AXI_DATA_WIDTH/8{1'b0}}), .wlast(1'b0),
        .bvalid(1'b0), .bready(1'b0), .bresp(2'd0),
        .arvalid(m_axi_arvalid), .arready(m_axi_arready), .araddr(m_axi_araddr),
        .arlen(m_axi_arlen), .rvalid(m_axi_rvalid), .rready(m_axi_rready),
        .rlast(m_axi_rlast), .rresp(m_axi_rresp)
    );
`endif
endmodule

`resetall
