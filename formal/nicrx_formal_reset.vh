// nicrx_formal_reset.vh - the start of every block's `ifdef FORMAL` section
// (formal/run.sh): f_past_valid (a previous cycle exists), f_past_rst (rst
// in that cycle), and the assumption that the first cycle is in reset.
reg f_past_valid;
reg f_past_rst;
initial f_past_valid = 1'b0;
always @(posedge clk) begin
    f_past_valid <= 1'b1;
    f_past_rst   <= rst;
end
always @(*) if (!f_past_valid) assume(rst);
