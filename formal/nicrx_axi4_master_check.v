// nicrx_axi4_master_check - AXI4 master protocol properties, for formal runs only
// (formal/run.sh reads it with `-DFORMAL`; docs/formal.md "AXI4 master checker").
//
// Instantiate it in a block's `ifdef FORMAL` section on the block's AXI4 master ports
// (MASTER 1): it asserts what the master drives and assumes what the slave drives, so a
// block's proof covers every legal slave: any ready pattern, responses in any later cycle.
// On a block's AXI4 slave ports (MASTER 0) the roles swap: the master's rules are assumed
// of whatever drives the block, and the slave's responses are asserted.
// INCR bursts of 2^LB-byte beats (AxSIZE the bus width, as nicrx_top drives it), one ID.
//
// Master (asserted):
//   - no AWVALID, WVALID or ARVALID in the cycle after a reset cycle;
//   - a valid AW, W or AR stays valid and unchanged until it is accepted;
//   - a burst never crosses a 4 KB boundary, and has at most MAX_LEN beats;
//   - the n-th W burst has exactly AWLEN+1 beats of the n-th AW and WLAST on its last
//     beat only; W may run ahead of AW (AXI allows it) or behind;
//   - at most MAXQ-1 bursts outstanding in each direction, awaiting W or B (the checker's
//     own queues: a design that needs more gets a larger LQ).
// Slave (assumed):
//   - a B response only for a burst whose AW and last W beat were both accepted;
//     an R beat only for an accepted AR, RLAST on its last beat only;
//   - BVALID and RVALID stay up, unchanged, until accepted; nothing while in reset.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_axi4_master_check #(
    parameter DATA_W  = 128,  // AXI4 data width (bits)
    parameter WRITE   = 1,    // 1: check the write channels (AW, W, B)
    parameter READ    = 0,    // 1: check the read channels (AR, R)
    parameter MAX_LEN = 16,   // most beats per burst the master may issue (1..256)
    parameter LQ      = 3,    // log2 of the checker's burst queues (MAXQ = 2^LQ)
    parameter MASTER  = 1     // 1: the block under proof is the master, 0: the slave
) (
    input wire              clk,
    input wire              rst,
    input wire              awvalid,
    input wire              awready,
    input wire [63:0]       awaddr,
    input wire [7:0]        awlen,
    input wire              wvalid,
    input wire              wready,
    input wire [DATA_W-1:0] wdata,
    input wire [DATA_W/8-1:0] wstrb,
    input wire              wlast,
    input wire              bvalid,
    input wire              bready,
    input wire [1:0]        bresp,
    input wire              arvalid,
    input wire              arready,
    input wire [63:0]       araddr,
    input wire [7:0]        arlen,
    input wire              rvalid,
    input wire              rready,
    input wire              rlast,
    input wire [1:0]        rresp
);
`ifdef FORMAL
    localparam LB = $clog2(DATA_W / 8);          // address bits within a beat
    localparam BEATS_4K = 4096 >> LB;            // beats in a 4 KB page
    localparam MAXQ = 1 << LQ;

    `include "nicrx_formal_reset.vh"

    // a master's rule (F_M) or a slave's (F_S): asserted of the block under proof
`define F_M(p) begin if (MASTER) assert(p); else assume(p); end
`define F_S(p) begin if (MASTER) assume(p); else assert(p); end

    // ---- write: the AW lengths and the W bursts' lengths not yet paired --------------
    // At most one of the two queues holds entries: a new AW pairs with the oldest
    // finished W burst, a finished W burst with the oldest unpaired AW.
    reg [7:0]  f_awq [0:MAXQ-1];   // unpaired AW lengths (awlen)
    reg [LQ:0] f_awq_wr, f_awq_rd;
    reg [8:0]  f_wq [0:MAXQ-1];    // beats of finished W bursts not yet paired with an AW
    reg [LQ:0] f_wq_wr, f_wq_rd;
    reg [8:0]  f_wbeat;            // beats of the W burst under way
    reg [LQ+1:0] f_b_owed;         // paired bursts whose B has not arrived

    wire       f_aw   = awvalid && awready;
    wire       f_w    = wvalid && wready;
    wire       f_b    = bvalid && bready;
    wire [LQ:0] f_awn = f_awq_wr - f_awq_rd;
    wire [LQ:0] f_wn  = f_wq_wr - f_wq_rd;
    // the AW the W burst under way belongs to, when that AW was accepted before
    wire       f_w_known = (f_awn != 0);
    wire [7:0] f_w_len   = f_awq[f_awq_rd[LQ-1:0]];
    wire       f_w_end   = f_w && wlast;           // a W burst finishes at this edge
    // a pairing at this edge: an AW with a finished W burst, or a finished W burst with an AW
    wire       f_pair_aw = f_aw && (f_wn != 0);
    wire       f_pair_w  = f_w_end && (f_awn != 0);
    // both at once with the queues empty: this AW and this W burst pair with each other
    wire       f_pair_now = f_aw && f_w_end && f_awn == 0 && f_wn == 0;

    initial begin
        f_awq_wr = 0; f_awq_rd = 0; f_wq_wr = 0; f_wq_rd = 0; f_wbeat = 0; f_b_owed = 0;
    end
    always @(posedge clk) begin
        if (rst) begin
            f_awq_wr <= 0; f_awq_rd <= 0; f_wq_wr <= 0; f_wq_rd <= 0;
            f_wbeat <= 0; f_b_owed <= 0;
        end else begin
            if (f_aw && !f_pair_aw && !f_pair_now) begin
                f_awq[f_awq_wr[LQ-1:0]] <= awlen;
                f_awq_wr <= f_awq_wr + 1'b1;
            end
            if (f_pair_aw) f_wq_rd <= f_wq_rd + 1'b1;
            if (f_w_end && !f_pair_w && !f_pair_now) begin
                f_wq[f_wq_wr[LQ-1:0]] <= f_wbeat + 9'd1;
                f_wq_wr <= f_wq_wr + 1'b1;
            end
            if (f_pair_w) f_awq_rd <= f_awq_rd + 1'b1;
            if (f_w) f_wbeat <= wlast ? 9'd0 : f_wbeat + 9'd1;
            f_b_owed <= f_b_owed + {{LQ+1{1'b0}}, f_pair_aw || f_pair_w || f_pair_now}
                                 - {{LQ+1{1'b0}}, f_b};
        end
    end

    generate if (WRITE) begin : g_write
        always @(*) if (f_past_valid && !rst) begin
            // the checker's queues: one of them empty, neither full
            `F_M(f_awn == 0 || f_wn == 0)
            `F_M(f_awn < MAXQ && f_wn < MAXQ && f_b_owed < MAXQ)
            if (awvalid) begin
                `F_M({1'b0, awlen} < MAX_LEN)
                `F_M({1'b0, awaddr[11:LB]} + {1'b0, awlen} < BEATS_4K)
            end
            // WLAST exactly on the AW's last beat, when that AW is known; a W burst that
            // runs ahead of its AW stays within MAX_LEN beats
            if (wvalid && f_w_known) `F_M(wlast == (f_wbeat == {1'b0, f_w_len}))
            if (wvalid) `F_M(f_wbeat < MAX_LEN)
            // an AW accepted after its W burst finished has that burst's length
            if (awvalid && f_wn != 0) `F_M({1'b0, awlen} + 9'd1 == f_wq[f_wq_rd[LQ-1:0]])
            // an AW accepted while its W burst is under way: the beats so far fit in it
            if (awvalid && f_wn == 0 && f_awn == 0 && f_wbeat != 0) begin
                `F_M(f_wbeat <= {1'b0, awlen})
                if (wvalid) `F_M(wlast == (f_wbeat == {1'b0, awlen}))
            end
            // slave: a B only for a paired burst
            if (bvalid) `F_S(f_b_owed != 0)
        end
        always @(posedge clk) if (f_past_valid && !$past(rst) && !rst) begin
            if ($past(awvalid && !awready))
                `F_M(awvalid && awaddr == $past(awaddr) && awlen == $past(awlen))
            if ($past(wvalid && !wready))
                `F_M(wvalid && wdata == $past(wdata) && wstrb == $past(wstrb)
                       && wlast == $past(wlast))
            if ($past(bvalid && !bready))
                `F_S(bvalid && bresp == $past(bresp))
        end
        always @(*) if (f_past_valid && f_past_rst) `F_M(!awvalid && !wvalid)
        always @(*) if (rst) `F_S(!bvalid)
        always @(*) if (f_past_valid && !rst) begin
            cover(f_b && f_b_owed == 1 && f_awn == 0 && f_wn == 0);
            cover(f_w_end && f_wbeat != 0);
        end
    end endgenerate

    // ---- read: the AR lengths outstanding, the beats of the burst under way -----------
    reg [7:0]  f_arq [0:MAXQ-1];
    reg [LQ:0] f_arq_wr, f_arq_rd;
    reg [7:0]  f_rbeat;
    wire       f_ar  = arvalid && arready;
    wire       f_r   = rvalid && rready;
    wire [LQ:0] f_arn = f_arq_wr - f_arq_rd;
    initial begin f_arq_wr = 0; f_arq_rd = 0; f_rbeat = 0; end
    always @(posedge clk) begin
        if (rst) begin
            f_arq_wr <= 0; f_arq_rd <= 0; f_rbeat <= 0;
        end else begin
            if (f_ar) begin
                f_arq[f_arq_wr[LQ-1:0]] <= arlen;
                f_arq_wr <= f_arq_wr + 1'b1;
            end
            if (f_r) begin
                f_rbeat <= rlast ? 8'd0 : f_rbeat + 8'd1;
                if (rlast) f_arq_rd <= f_arq_rd + 1'b1;
            end
        end
    end

    generate if (READ) begin : g_read
        always @(*) if (f_past_valid && !rst) begin
            `F_M(f_arn < MAXQ)
            if (arvalid) begin
                `F_M({1'b0, arlen} < MAX_LEN)
                `F_M({1'b0, araddr[11:LB]} + {1'b0, arlen} < BEATS_4K)
            end
            // slave: R beats only for an accepted AR, RLAST on its last beat only
            if (rvalid) begin
                `F_S(f_arn != 0)
                `F_S(rlast == (f_rbeat == f_arq[f_arq_rd[LQ-1:0]]))
            end
        end
        always @(posedge clk) if (f_past_valid && !$past(rst) && !rst) begin
            if ($past(arvalid && !arready))
                `F_M(arvalid && araddr == $past(araddr) && arlen == $past(arlen))
            if ($past(rvalid && !rready))
                `F_S(rvalid && rlast == $past(rlast) && rresp == $past(rresp))
        end
        always @(*) if (f_past_valid && f_past_rst) `F_M(!arvalid)
        always @(*) if (rst) `F_S(!rvalid)
        always @(*) if (f_past_valid && !rst) cover(f_r && rlast && f_rbeat != 0);
    end endgenerate
`undef F_M
`undef F_S
`endif
endmodule

`resetall
