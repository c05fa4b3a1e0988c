// nicrx_async_fifo_fv - the formal harness of fpga/nicrx_async_fifo.v (tests/board/run_fifo_formal.sh):
// both clocks and the writer's requests are free inputs (after Yosys's clk2fflogic every
// interleaving of the two clocks' edges is a trace) and the writer writes the number of its
// write (taken only when w_free says an entry is free).  The properties are the FIFO's own,
// under NICRX_FIFO_FV_SEQ (fpga/nicrx_async_fifo.v): the reads come out 0, 1, 2, ... (order,
// no loss, no duplicate), none runs ahead of the writes (underflow), never more than 2**AW
// writes wait (overflow); with the invariants that let k-induction prove them.
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
    reg  [W-1:0] w_cnt;
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
    always @(posedge r_clk) if (rst) r_seen <= 1'b1;
    always @(*) assume(rst == !(w_seen && r_seen));
    wire unused = &{1'b0, r_valid, r_data};
endmodule
`default_nettype wire
