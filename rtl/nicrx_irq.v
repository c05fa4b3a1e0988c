// nicrx_irq - interrupt moderation, one level per completion queue
// (docs/architecture.md "nicrx_irq").  Twin: cmodel/irq.c.
//
// Queue q's records pending are its visible tail (the transfer engine's st_cq_tail, a
// register) minus the host's head.  irq[q] is high while the queue's interrupt is enabled,
// not masked, a record is pending, and either COUNT (nonzero) records are pending or the
// queue's timer, in ticks since its first pending record, has reached TIME.  The timer runs
// while masked, so a record that arrived while masked raises the line at the unmask once
// its COUNT or TIME is met.  TIME 0 raises the line at once; with any COUNT the line rises
// at most TIME ticks after the first record, so no setting leaves a record unannounced.
// One register stage from a tail, head, mask or setting to the line.
`resetall
`timescale 1ns / 1ps
`default_nettype none
`include "nicrx_params.vh"

module nicrx_irq #(
    parameter NUM_CQ = 4        // completion queues and interrupt lines (nicrx_top)
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire [NUM_CQ-1:0]    cfg_cq_irq_en,
    input  wire [NUM_CQ*16-1:0] cfg_cq_head,
    input  wire [NUM_CQ*16-1:0] cfg_irq_count,  // IRQ_COUNT: records that raise the line, 0: none
    input  wire [NUM_CQ*16-1:0] cfg_irq_time,   // IRQ_TIME: ticks after the first record
    input  wire [NUM_CQ-1:0]    cfg_irq_mask,   // IRQ_MASK
    input  wire [15:0]          cfg_irq_tick,   // IRQ_TICK: cycles per tick - 1
    input  wire [NUM_CQ*16-1:0] s_cq_tail,      // the transfer engine's visible tails
    output wire [NUM_CQ-1:0]    irq
);
    generate
        `NICRX_CHECK_NUM_CQ
    endgenerate

    reg [NUM_CQ-1:0]    irq_reg, irq_next;
    reg [15:0]          tick_cnt_reg, tick_cnt_next;   // cycles since the last tick
    reg                 tick_reg, tick_next;           // one cycle per tick
    reg [NUM_CQ*16-1:0] timer_reg, timer_next;         // ticks since the first pending record
    reg [15:0]          pend, timer;
    reg                 busy;
    integer             i;

    assign irq = irq_reg;

    always @* begin
        // >= rather than ==: a lowered IRQ_TICK takes effect without a wrap of the count
        tick_next     = tick_cnt_reg >= cfg_irq_tick;
        tick_cnt_next = tick_next ? 16'd0 : tick_cnt_reg + 16'd1;
        for (i = 0; i < NUM_CQ; i = i + 1) begin
            pend  = s_cq_tail[i*16 +: 16] - cfg_cq_head[i*16 +: 16];
            busy  = s_cq_tail[i*16 +: 16] != cfg_cq_head[i*16 +: 16];
            timer = timer_reg[i*16 +: 16];
            // saturates, so a long mask never wraps it back below TIME
            timer_next[i*16 +: 16] = !cfg_cq_irq_en[i] || !busy ? 16'd0
                                   : tick_reg && timer != 16'hffff ? timer + 16'd1 : timer;
            irq_next[i] = cfg_cq_irq_en[i] && !cfg_irq_mask[i] && busy
                       && ((cfg_irq_count[i*16 +: 16] != 16'd0 && pend >= cfg_irq_count[i*16 +: 16])
                           || timer >= cfg_irq_time[i*16 +: 16]);
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            irq_reg      <= {NUM_CQ{1'b0}};
            tick_cnt_reg <= 16'd0;
            tick_reg     <= 1'b0;
            timer_reg    <= {NUM_CQ*16{1'b0}};
        end else begin
            irq_reg      <= irq_next;
            tick_cnt_reg <= tick_cnt_next;
            tick_reg     <= tick_next;
            timer_reg    <= timer_next;
        end
    end

`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md "nicrx_irq"); the inputs are free.
    `include "nicrx_formal_reset.vh"

    reg [NUM_CQ-1:0]    f_p_mask, f_p_en;
    reg [NUM_CQ*16-1:0] f_p_tail, f_p_head, f_p_count, f_p_time, f_p_timer;
    always @(posedge clk) begin
        f_p_mask  <= cfg_irq_mask;   f_p_en   <= cfg_cq_irq_en;
        f_p_tail  <= s_cq_tail;      f_p_head <= cfg_cq_head;
        f_p_count <= cfg_irq_count;  f_p_time <= cfg_irq_time;
        f_p_timer <= timer_reg;
    end

    integer f_q;
    always @(*) if (f_past_valid) begin
        if (f_past_rst) assert(irq == {NUM_CQ{1'b0}});
        if (!f_past_rst && tick_reg) assert(tick_cnt_reg == 16'd0);
        for (f_q = 0; f_q < NUM_CQ; f_q = f_q + 1) if (!f_past_rst) begin
            // never while masked, disabled or with nothing pending
            if (f_p_mask[f_q] || !f_p_en[f_q] || f_p_tail[f_q*16 +: 16] == f_p_head[f_q*16 +: 16])
                assert(!irq[f_q]);
            // COUNT records pending and unmasked: the line is up one cycle later
            if (f_p_en[f_q] && !f_p_mask[f_q] && f_p_count[f_q*16 +: 16] != 16'd0
                && f_p_tail[f_q*16 +: 16] - f_p_head[f_q*16 +: 16] >= f_p_count[f_q*16 +: 16])
                assert(irq[f_q]);
            // TIME 0 and unmasked: at once
            if (f_p_en[f_q] && !f_p_mask[f_q] && f_p_time[f_q*16 +: 16] == 16'd0
                && f_p_tail[f_q*16 +: 16] != f_p_head[f_q*16 +: 16])
                assert(irq[f_q]);
            // the timer counts only while a record is pending
            if (!f_p_en[f_q] || f_p_tail[f_q*16 +: 16] == f_p_head[f_q*16 +: 16])
                assert(timer_reg[f_q*16 +: 16] == 16'd0);
        end
    end

    // a record pending on an enabled queue, unmasked, is announced within TIME ticks: the
    // timer reaches TIME (then the line is up as above) unless the host empties the queue
    integer f_k;
    always @(*) if (f_past_valid && !f_past_rst)
        for (f_k = 0; f_k < NUM_CQ; f_k = f_k + 1)
            if (f_p_en[f_k] && !f_p_mask[f_k] && f_p_tail[f_k*16 +: 16] != f_p_head[f_k*16 +: 16]
                && f_p_timer[f_k*16 +: 16] >= f_p_time[f_k*16 +: 16])
                assert(irq[f_k]);

    always @(*) if (f_past_valid && !f_past_rst) begin
        cover(irq[0] && cfg_irq_time[15:0] > 16'd1 && timer_reg[15:0] >= 16'd2
              && s_cq_tail[15:0] - cfg_cq_head[15:0] == 16'd1);
        cover(f_p_mask[0] && !cfg_irq_mask[0] && !irq[0] && timer_reg[15:0] != 16'd0);
    end
`endif
endmodule

`resetall
