// nicrx_async_fifo_fv - the formal harness of fpga/nicrx_async_fifo.v (tests/board/run_fifo_formal.sh):
// both clocks and the writer's requests are free inputs (after Yosys's clk2fflogic every
// interleaving of the two clocks' edges is a trace), the writer writes the number of its
// write (taken only when w_free says an entry is free) and the reader checks that the
// reads come out 0, 1, 2, ... (order, no loss, no duplicate) and that no read runs ahead of
// the writes (underflow) nor do more than 2**AW writes wait (overflow).
`timescale 1ns / 1ps
`default_nettype none
module nicrx_async_fifo_fv #(
    parameter integer AW = 2
) (
    input wire w_clk,
    input wire r_clk,
    input wire rst,
    input wire w_req
);
    localparam integer W = 8;
    wire [AW:0]  w_free;
    wire         r_valid;
    wire [W-1:0] r_data;
    reg  [W-1:0] w_cnt, r_cnt;
    wire         w_en = w_req && w_free != 0;

    nicrx_async_fifo #(.WIDTH(W), .AW(AW)) dut (
        .w_clk(w_clk), .w_rst(rst), .w_en(w_en), .w_data(w_cnt), .w_free(w_free),
        .r_clk(r_clk), .r_rst(rst), .r_valid(r_valid), .r_data(r_data));

    // reset held until each clock has had an edge in it, low from then on
    reg w_seen, r_seen;
    initial begin w_seen = 1'b0; r_seen = 1'b0; end
    always @(posedge w_clk) begin
        if (rst) begin w_seen <= 1'b1; w_cnt <= 0; end
        else if (w_en) w_cnt <= w_cnt + 1'b1;
    end
    always @(posedge r_clk) begin
        if (rst) begin r_seen <= 1'b1; r_cnt <= 0; end
        else if (r_valid) r_cnt <= r_cnt + 1'b1;
    end
    always @(*) begin
        assume(rst == !(w_seen && r_seen));
        if (!rst) begin
            if (r_valid) assert(r_data == r_cnt);       // order, no loss, no duplicate
            assert((w_cnt - r_cnt) <= (1 << AW) + 1);   // no overflow, no underflow (one in r_data)
        end
    end
endmodule
`default_nettype wire
