// bench.vh - the plumbing every block bench shares (tests/blocks/nicrx_<blk>_tb.v includes it
// in its module body).  The bench declares before it: the parameters CYCLES, TRACE and NAME,
// IN_W and OUT_W (its trace layouts' widths, tests/blocks/trace_<blk>_{in,out}.vh, the _out one
// with out_field_name/_lo/_w), and the tasks bench_sample (called with the inputs of an edge
// applied, before it) and bench_note (after the last edge: sets `note`, and `bench_ok` to 0
// when the run proves less than it should).  It wires the DUT's inputs to fields of `in`, its
// outputs to fields of `got`, and drives `care` (the output bits compared: all but those the
// block leaves undefined).  Here: the clock, the trace (one line per edge: {out, in}),
// inputs at the falling edge, every output compared after the rising edge, the verdict
// "ok NAME: ..." or "not ok NAME: ..." with up to five "# edge E, FIELD: ..." lines.
    reg                  clk = 1'b0;
    reg [OUT_W+IN_W-1:0] trace_mem [0:CYCLES-1];
    reg [IN_W-1:0]       in;          // the inputs of the edge
    reg [OUT_W-1:0]      exp;         // what the model shows after it
    wire [OUT_W-1:0]     got;         // what the DUT shows
    wire [OUT_W-1:0]     care;
    reg [8*120-1:0]      note = "";
    reg                  bench_ok = 1'b1;
    integer              c, b, errors = 0, bad_edges = 0;

    always #5 clk = ~clk;

    // every differing field of this edge: one message each (the first five of the run)
    task bench_compare;
        reg [OUT_W-1:0] diff;
        integer lo, w;
        begin
            diff = (got ^ exp) & care;
            if (diff !== {OUT_W{1'b0}}) begin
                bad_edges = bad_edges + 1;
                b = 0;
                while (b < OUT_W) begin
                    lo = out_field_lo(b);
                    w = out_field_w(b);
                    if (diff[b] !== 1'b0) begin
                        if (errors < 5)
                            $display("# edge %0d, %0s: expected %0h, actual %0h", c, out_field_name(b),
                                     (exp >> lo) & ~({OUT_W{1'b1}} << w), (got >> lo) & ~({OUT_W{1'b1}} << w));
                        errors = errors + 1;
                        b = (lo + w > b) ? lo + w : b + 1;
                    end else begin
                        b = b + 1;
                    end
                end
            end
        end
    endtask

    initial begin
        $readmemh(TRACE, trace_mem);
        for (c = 0; c < CYCLES; c = c + 1) begin
            @(negedge clk);
            {exp, in} = trace_mem[c];
            #1;
            bench_sample;
            @(posedge clk);
            #1;
            bench_compare;
        end
        bench_note;
        if (errors == 0 && bench_ok)
            $display("ok %0s: %0d cycles, %0d output bits after each edge%0s", NAME, CYCLES, OUT_W, note);
        else
            $display("not ok %0s: %0d mismatching fields on %0d of %0d edges%0s", NAME, errors, bad_edges,
                     CYCLES, note);
        $finish;
    end
