// nicrx_async_fifo_tb - the asynchronous FIFO at random clock ratios (tests/board/run_fifo.sh):
// write and read clocks of periods WP and RP (ps, any ratio, edges drifting against each
// other with a jitter of up to a tenth of each period), the writer writing the number of
// its write at random when w_free allows, the reader checking 0, 1, 2, ... (order, no loss,
// no duplicate, no read of an empty FIFO), and that the FIFO fills and drains.
`timescale 1ps / 1ps
module nicrx_async_fifo_tb;
    parameter integer WP = 8000;
    parameter integer RP = 16000;
    parameter integer SEED = 1;
    parameter integer WRITES = 3000;
    parameter NAME = "async-fifo";
    localparam integer AW = 4;

    reg w_clk = 1'b0, r_clk = 1'b0, rst = 1'b1;
    reg w_req = 1'b0;
    reg [15:0] w_cnt = 16'd0, r_cnt = 16'd0;
    wire [AW:0] w_free;
    wire r_valid;
    wire [15:0] r_data;
    integer seed = SEED, full_seen = 0, bad = 0;
    wire w_en = w_req && w_free != 0 && !rst && w_cnt < WRITES;

    nicrx_async_fifo #(.WIDTH(16), .AW(AW)) dut (
        .w_clk(w_clk), .w_rst(rst), .w_en(w_en), .w_data(w_cnt), .w_free(w_free),
        .r_clk(r_clk), .r_rst(rst), .r_valid(r_valid), .r_data(r_data));

    always begin #(WP / 2 + $unsigned($random(seed)) % (WP / 20 + 1)); w_clk = ~w_clk; end
    always begin #(RP / 2 + $unsigned($random(seed)) % (RP / 20 + 1)); r_clk = ~r_clk; end

    always @(posedge w_clk) begin
        if (w_en) w_cnt <= w_cnt + 16'd1;
        if (w_free == 0) full_seen = full_seen + 1;
        // bursts: the writer is busy 7 periods in 8 on average, idle sometimes for long
        w_req <= ($unsigned($random(seed)) % 8) != 0;
    end
    always @(posedge r_clk) if (!rst && r_valid) begin
        if (r_data != r_cnt && !bad) begin
            $display("not ok %s: read %0d, expected %0d", NAME, r_data, r_cnt);
            bad = 1;
        end
        r_cnt <= r_cnt + 16'd1;
    end

    initial begin
        #(4 * (WP + RP)) rst = 1'b0;
        wait (w_cnt == WRITES);
        #(20 * (WP + RP));
        if (!bad && r_cnt != WRITES) $display("not ok %s: %0d read of %0d written", NAME, r_cnt, WRITES);
        else if (!bad) $display("ok %s (write %0d ps, read %0d ps, %0d words, full at %0d write edges)",
                                NAME, WP, RP, WRITES, full_seen);
        $finish;
    end
endmodule
