// nicrx_msix - message-signalled interrupts: each rising edge of a queue's interrupt line
// (nicrx_irq), with MSIX_CTRL.en set, becomes one AXI4 write of MSIX_DATA (32 bits) to
// MSIX_ADDR, merged into nicrx_dma's write stream (docs/architecture.md "nicrx_msix").
// Twin: cmodel/msix.c.
//
// The block sits between nicrx_dma's AXI4 write master (s_axi_*) and the top's port
// (m_axi_*). With no message under way it passes everything through, combinationally
// (nicrx_dma's outputs are registers). To insert a message it closes a gate at an edge
// where neither AW nor W shows a beat the slave has not taken and the DMA's W stream is
// not ahead of its AW stream; behind the gate the DMA's next AW and the W bursts of AWs
// not yet on the port are held; the DMA's W bursts already announced drain; then the
// message's AW (awlen 0) and its one W beat go out and the gate opens. So the message is
// ordered after every record whose B response raised the line (one AXI ID: a slave keeps
// one ID's writes in order) and never splits a DMA burst. B responses return in AW
// order: the block counts the bursts awaiting B, and a message's B is the one after those
// that were ahead of it (one message awaits its B at a time).
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_msix #(
    parameter NUM_CQ         = 4,   // completion queues and interrupt lines (nicrx_top)
    parameter AXI_DATA_WIDTH = 128  // AXI4 data width (nicrx_top): 32, 64 or 128
) (
    input  wire                        clk,
    input  wire                        rst,
    input  wire [NUM_CQ-1:0]           cfg_msix_en,    // MSIX_CTRL.en per queue
    input  wire [NUM_CQ*64-1:0]        cfg_msix_addr,  // MSIX_ADDR_HI/LO (bits [1:0] 0)
    input  wire [NUM_CQ*32-1:0]        cfg_msix_data,  // MSIX_DATA
    input  wire [NUM_CQ-1:0]           s_irq,          // nicrx_irq's lines
    output wire [31:0]                 cnt_writes,     // messages written (B received)
    output wire [31:0]                 cnt_error,      // messages answered non-OKAY
    output wire                        idle,           // no message owed, under way or awaiting B
    // nicrx_dma's write master
    input  wire                        s_axi_awvalid,
    input  wire [63:0]                 s_axi_awaddr,
    input  wire [7:0]                  s_axi_awlen,
    output wire                        s_axi_awready,
    input  wire                        s_axi_wvalid,
    input  wire [AXI_DATA_WIDTH-1:0]   s_axi_wdata,
    input  wire [AXI_DATA_WIDTH/8-1:0] s_axi_wstrb,
    input  wire                        s_axi_wlast,
    output wire                        s_axi_wready,
    output wire                        s_axi_bvalid,
    output wire [1:0]                  s_axi_bresp,
    // the top's write port
    output wire                        m_axi_awvalid,
    output wire [63:0]                 m_axi_awaddr,
    output wire [7:0]                  m_axi_awlen,
    input  wire                        m_axi_awready,
    output wire                        m_axi_wvalid,
    output wire [AXI_DATA_WIDTH-1:0]   m_axi_wdata,
    output wire [AXI_DATA_WIDTH/8-1:0] m_axi_wstrb,
    output wire                        m_axi_wlast,
    input  wire                        m_axi_wready,
    input  wire                        m_axi_bvalid,
    input  wire [1:0]                  m_axi_bresp
);
    generate
        `NICRX_CHECK_NUM_CQ
        `NICRX_CHECK_AXI_WIDTH
    endgenerate

    localparam ABPB  = AXI_DATA_WIDTH / 8;
    localparam LANES = AXI_DATA_WIDTH / 32;     // 32-bit lanes in a beat
    localparam LL    = (LANES > 1) ? $clog2(LANES) : 1;
    localparam QW    = (NUM_CQ > 1) ? $clog2(NUM_CQ) : 1;
    // bursts on the port awaiting B: the DMA's B FIFO (8) and one message, rounded up
    localparam LOW   = 4;
    localparam [1:0] M_PASS = 2'd0, M_GATE = 2'd1, M_AW = 2'd2, M_W = 2'd3;

    // ---- registers -------------------------------------------------------
    reg [NUM_CQ-1:0]  irq_d_reg;             // the lines one cycle ago (edge detect)
    reg [NUM_CQ-1:0]  pend_reg, pend_next;   // a message owed per queue
    reg [1:0]         st_reg, st_next;
    reg [63:0]        ma_reg, ma_next;       // the message under way: address, data
    reg [31:0]        md_reg, md_next;
    reg [QW-1:0]      qs_reg, qs_next;       // its queue
    reg signed [5:0]  c_reg, c_next;         // DMA AWs on the port minus its W bursts done
    reg               wmid_reg, wmid_next;   // a DMA W burst has begun and not ended
    // behind the gate, a DMA W beat that would begin a burst of an AW not yet on the port;
    // registered (made from the next state) so the DMA's W ready is one gate from flip-flops
    reg               wblock_reg;
    reg [LOW:0]       out_reg;               // bursts on the port awaiting B
    reg               mb_reg;                // the message awaits its B ...
    reg [LOW:0]       ahead_reg;             // ... behind this many
    reg [31:0]        cnt_w_reg, cnt_e_reg;
    // the gate again, for this block's own count of the DMA's AWs: the one LUT that made
    // both the DMA's AW ready and the count's term was placed beside nicrx_dma, and the
    // count's path went there and back (the core's critical path at seeds 1 and 2 of 51dfb15)
    (* keep *) reg    gate_c_reg;
    // and, inverted, for the DMA's AW ready: a LUT of st_reg shared by that far sink and this
    // block's next state was placed beside nicrx_dma, and st_reg -> st_next -> wblock went
    // there and back (the core's critical path at seed 1 of d3d74cd, 86.4 MHz).  Inverted
    // because Yosys merges flip-flops of the same next value, keep or not
    (* keep *) reg    open_a_reg;
    // the state again, decoded, for the port's muxes (the message's AW, its W: 100-odd LUTs
    // of the W data) and the idle output, registered from the next state: a LUT decoding
    // st_reg for the muxes was placed among them and st_reg -> st_next went there and back,
    // and Yosys merged the idle term with nicrx_dma's logic (the core's critical path at
    // seed 1 of 38b265f, 84.6 MHz: st_reg -> (65,45) -> (19,25) -> (15,4), 10.51 ns routing)
    (* keep *) reg    oa_reg, ow_reg;        // st_reg == M_AW, st_reg == M_W
    reg               idle_reg;
    // the lowest-numbered queue with a message owed, and whether there is one, registered
    // (made from pend_next): the encoder of pend_reg feeding the 96-bit message mux was
    // placed by the configuration registers and pend_reg -> qs_reg went there and back (the
    // core's critical path at seed 1 of 4bb35f8, 105.0 MHz: 8.77 ns of 9.53 routing)
    reg [QW-1:0]      pick_reg;
    reg               any_reg;

    // ---- the port: the DMA, or the message --------------------------------
    wire own_h  = mb_reg && ahead_reg == {(LOW+1){1'b0}};   // the next B is the message's
    reg [AXI_DATA_WIDTH/8-1:0] mstrb;
    integer l;
    always @* begin
        mstrb = {ABPB{1'b0}};
        for (l = 0; l < LANES; l = l + 1)
            if (LANES == 1 || ma_reg[LL+1:2] == l[LL-1:0]) mstrb[l*4 +: 4] = 4'hf;
    end

    assign m_axi_awvalid = oa_reg || (s_axi_awvalid && open_a_reg);
    assign m_axi_awaddr  = oa_reg ? ma_reg : s_axi_awaddr;
    assign m_axi_awlen   = oa_reg ? 8'd0 : s_axi_awlen;
    assign s_axi_awready = m_axi_awready && open_a_reg;
    assign m_axi_wvalid  = ow_reg || (s_axi_wvalid && !wblock_reg);
    assign m_axi_wdata   = ow_reg ? {LANES{md_reg}} : s_axi_wdata;
    assign m_axi_wstrb   = ow_reg ? mstrb : s_axi_wstrb;
    assign m_axi_wlast   = ow_reg || s_axi_wlast;
    assign s_axi_wready  = m_axi_wready && !wblock_reg;
    assign s_axi_bvalid  = m_axi_bvalid && !own_h;
    assign s_axi_bresp   = m_axi_bresp;
    assign cnt_writes    = cnt_w_reg;
    assign cnt_error     = cnt_e_reg;
    assign idle          = idle_reg;

    // ---- next state ------------------------------------------------------
    wire dma_aw = s_axi_awvalid && m_axi_awready && !gate_c_reg;   // s_axi_awready's handshake
    wire dma_w  = s_axi_wvalid && s_axi_wready;
    // the count's sign and zero as LUTs (a signed > became a carry chain before the gate's
    // decision: c_reg -> st_next -> idle_reg was this block's worst path alone, 145.8 MHz)
    wire c_zero = c_reg == 6'sd0;
    wire c_pos  = !c_reg[5] && !c_zero;
    // the message of the queue picked, and the queue under way one-hot (a variable bit
    // select, pend_next[qs_reg], became a 32-bit subtraction's carry chain: the core's worst
    // path at seed 1 of 751e582, 118.5 MHz)
    reg [63:0]        pick_a;
    reg [31:0]        pick_d;
    reg [NUM_CQ-1:0]  qs_1h;
    integer           q;
    always @* begin
        pick_a = cfg_msix_addr[63:0];  pick_d = cfg_msix_data[31:0];
        for (q = 0; q < NUM_CQ; q = q + 1) begin
            qs_1h[q] = qs_reg == q[QW-1:0];
            if (pick_reg == q[QW-1:0]) begin
                pick_a = cfg_msix_addr[q*64 +: 64];
                pick_d = cfg_msix_data[q*32 +: 32];
            end
        end
    end
    always @* begin
        pend_next = pend_reg;
        st_next = st_reg;  ma_next = ma_reg;  md_next = md_reg;  qs_next = qs_reg;
        c_next = c_reg + (dma_aw ? 6'sd1 : 6'sd0) - ((dma_w && s_axi_wlast) ? 6'sd1 : 6'sd0);
        wmid_next = dma_w ? !s_axi_wlast : wmid_reg;
        case (st_reg)
            M_PASS: begin
                // the message of the queue picked is loaded every cycle (not shown until
                // M_AW): no enable waits for the decision
                qs_next = pick_reg;  ma_next = pick_a;  md_next = pick_d;
                // close the gate only where nothing shown is left untaken and the DMA's W
                // stream is not ahead of its AWs after this edge: an AW taken whose W burst is
                // not finished (at most one finishes per edge), or none begun and none shown
                if (any_reg && !mb_reg && (!s_axi_awvalid || m_axi_awready) && (!s_axi_wvalid || m_axi_wready)
                    && (c_pos || (c_zero && !wmid_reg && !s_axi_wvalid))) begin
                    st_next = M_GATE;
                end
            end
            M_GATE: if (c_zero && !wmid_reg) st_next = M_AW;  // announced W drained
            M_AW:   if (m_axi_awready) begin
                        st_next = M_W;
                        // owed until its AW is taken: a rise before that is the same interrupt
                        pend_next = pend_reg & ~qs_1h;
                    end
            default: if (m_axi_wready) st_next = M_PASS;
        endcase
        // a rise at this edge is owed even for the queue whose AW is taken; a queue switched
        // off owes nothing
        pend_next = (pend_next | (s_irq & ~irq_d_reg)) & cfg_msix_en;
    end
    reg  [QW-1:0] pick_next;
    reg           any_next;
    integer       pq;
    always @* begin
        pick_next = {QW{1'b0}};  any_next = 1'b0;
        for (pq = NUM_CQ - 1; pq >= 0; pq = pq - 1)
            if (pend_next[pq]) begin pick_next = pq[QW-1:0]; any_next = 1'b1; end
    end
    wire gate_next   = st_next != M_PASS;
    // the message's AW handshake, and its B; it awaits the B from the one to the other
    wire msg_aw      = st_reg == M_AW && m_axi_awready;
    wire msg_b       = m_axi_bvalid && own_h;
    wire mb_next     = msg_aw || (mb_reg && !msg_b);
    wire wblock_next = gate_next && c_next == 6'sd0 && !wmid_next;

    always @(posedge clk) begin
        if (rst) begin
            irq_d_reg <= {NUM_CQ{1'b0}};  pend_reg <= {NUM_CQ{1'b0}};
            pick_reg <= {QW{1'b0}};  any_reg <= 1'b0;
            st_reg <= M_PASS;  ma_reg <= 64'd0;  md_reg <= 32'd0;  qs_reg <= {QW{1'b0}};
            c_reg <= 6'sd0;  wmid_reg <= 1'b0;  wblock_reg <= 1'b0;  gate_c_reg <= 1'b0;
            open_a_reg <= 1'b1;  oa_reg <= 1'b0;  ow_reg <= 1'b0;  idle_reg <= 1'b1;
            out_reg <= {(LOW+1){1'b0}};  mb_reg <= 1'b0;  ahead_reg <= {(LOW+1){1'b0}};
            cnt_w_reg <= 32'd0;  cnt_e_reg <= 32'd0;
        end else begin
            irq_d_reg <= s_irq;
            pend_reg <= pend_next;  pick_reg <= pick_next;  any_reg <= any_next;
            st_reg <= st_next;  ma_reg <= ma_next;  md_reg <= md_next;  qs_reg <= qs_next;
            c_reg <= c_next;  wmid_reg <= wmid_next;  wblock_reg <= wblock_next;
            gate_c_reg <= gate_next;  open_a_reg <= !gate_next;
            oa_reg <= st_next == M_AW;  ow_reg <= st_next == M_W;
            idle_reg <= pend_next == {NUM_CQ{1'b0}} && !gate_next && !mb_next;
            mb_reg <= mb_next;
            out_reg <= out_reg + {{LOW{1'b0}}, m_axi_awvalid && m_axi_awready} - {{LOW{1'b0}}, m_axi_bvalid};
            if (msg_aw)
                ahead_reg <= out_reg - {{LOW{1'b0}}, m_axi_bvalid};
            else if (m_axi_bvalid && !own_h && mb_reg)
                ahead_reg <= ahead_reg - 1'b1;
            if (msg_b) begin
                cnt_w_reg <= cnt_w_reg + 32'd1;
                if (m_axi_bresp != 2'b00) cnt_e_reg <= cnt_e_reg + 32'd1;
            end
        end
    end
`ifdef FORMAL
    // ================================================================ formal
    // The DMA side under the AXI4 checker as a slave port (the DMA's rules assumed, the
    // responses this block passes it asserted), the port under it as a master port: the
    // merge never breaks the protocol, whatever the DMA and the slave do (docs/formal.md).
    `include "nicrx_formal_reset.vh"
    nicrx_axi4_master_check #(
        .DATA_W(AXI_DATA_WIDTH), .WRITE(1), .READ(0), .MAX_LEN(4), .LQ(2), .MASTER(0)
    ) f_dma (
        .clk(clk), .rst(rst),
        .awvalid(s_axi_awvalid), .awready(s_axi_awready), .awaddr(s_axi_awaddr), .awlen(s_axi_awlen),
        .wvalid(s_axi_wvalid), .wready(s_axi_wready), .wdata(s_axi_wdata), .wstrb(s_axi_wstrb),
        .wlast(s_axi_wlast), .bvalid(s_axi_bvalid), .bready(1'b1), .bresp(s_axi_bresp),
        .arvalid(1'b0), .arready(1'b0), .araddr(64'd0), .arlen(8'd0),
        .rvalid(1'b0), .rready(1'b0), .rlast(1'b0), .rresp(2'd0)
    );
    nicrx_axi4_master_check #(
        .DATA_W(AXI_DATA_WIDTH), .WRITE(1), .READ(0), .MAX_LEN(4), .LQ(3), .MASTER(1)
    ) f_port (
        .clk(clk), .rst(rst),
        .awvalid(m_axi_awvalid), .awready(m_axi_awready), .awaddr(m_axi_awaddr), .awlen(m_axi_awlen),
        .wvalid(m_axi_wvalid), .wready(m_axi_wready), .wdata(m_axi_wdata), .wstrb(m_axi_wstrb),
        .wlast(m_axi_wlast), .bvalid(m_axi_bvalid), .bready(1'b1), .bresp(m_axi_bresp),
        .arvalid(1'b0), .arready(1'b0), .araddr(64'd0), .arlen(8'd0),
        .rvalid(1'b0), .rready(1'b0), .rlast(1'b0), .rresp(2'd0)
    );
    // the configuration keeps a message inside one beat (MSIX_ADDR_LO keeps bits [31:2])
    integer f_q;
    wire gate = st_reg != M_PASS;   // the gate is closed: every copy above says so
    always @(*) for (f_q = 0; f_q < NUM_CQ; f_q = f_q + 1) assume(cfg_msix_addr[f_q*64 +: 2] == 2'd0);
    always @(*) if (f_past_valid && !rst) begin
        assert(out_reg <= 5'd16 && (!mb_reg || ahead_reg < out_reg));
        // the DMA's W stream is never ahead of its AWs while the gate is closed
        if (gate) assert(c_reg >= 6'sd0);
        assert(gate_c_reg == gate);
        assert(open_a_reg == !gate);
        assert(oa_reg == (st_reg == M_AW) && ow_reg == (st_reg == M_W));
        assert(any_reg == (pend_reg != {NUM_CQ{1'b0}}));
        for (f_q = 0; f_q < NUM_CQ; f_q = f_q + 1)
            if (pend_reg[f_q] && (pend_reg & ((1 << f_q) - 1)) == {NUM_CQ{1'b0}}) assert(pick_reg == f_q[QW-1:0]);
        assert(idle_reg == (pend_reg == {NUM_CQ{1'b0}} && st_reg == M_PASS && !mb_reg));
        assert(wblock_reg == (gate && c_reg == 6'sd0 && !wmid_reg));
        if (st_reg == M_AW || st_reg == M_W) assert(c_reg == 6'sd0 && !wmid_reg);
        cover(st_reg == M_W && m_axi_wready && s_axi_awvalid);
        cover(m_axi_bvalid && own_h && out_reg == 5'd2);
    end
`endif
endmodule

`resetall
