// nicrx_qsel - the completion queue of each frame (docs/architecture.md "nicrx_qsel").
// Twin: cmodel/qsel.c.
//
// One register stage on the fl stream between the flow block and the transfer engine:
// the frame passes unchanged but for its queue field, fold8(hash) & (2^QSEL - 1)
// (fold8 XORs the hash's four bytes).  The choice lives here alone so that load
// distribution (RSS) can later replace this block without touching the transfer engine,
// which takes the queue from the stream.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_qsel (
    input  wire            clk,
    input  wire            rst,
    // the flow block's stream (its queue field unused), valid only
    input  wire            s_fl_valid,
    input  wire [FL_W-1:0] s_fl_data,
    input  wire [2:0]      cfg_qsel_log2,
    // to the transfer engine: the same frame with its queue, one cycle later
    output wire            m_fl_valid,
    output wire [FL_W-1:0] m_fl_data,
    output wire            idle          // no frame held
);
    `include "nicrx_stream_fl.vh"

    reg            m_fl_valid_reg;
    reg [FL_W-1:0] m_fl_data_reg;

    assign m_fl_valid = m_fl_valid_reg;
    assign m_fl_data  = m_fl_data_reg;
    assign idle       = !m_fl_valid_reg;

    wire [31:0] hash = s_fl_data[FL_HASH +: FL_HASH_W];
    wire [7:0]  q    = (hash[31:24] ^ hash[23:16] ^ hash[15:8] ^ hash[7:0])
                       & ~(8'hff << cfg_qsel_log2);

    // the data holds between frames, like every stream's
    always @(posedge clk) begin
        if (rst) begin
            m_fl_valid_reg <= 1'b0;
            m_fl_data_reg  <= {FL_W{1'b0}};
        end else begin
            m_fl_valid_reg <= s_fl_valid;
            if (s_fl_valid) begin
                m_fl_data_reg <= s_fl_data;
                m_fl_data_reg[FL_QUEUE +: FL_QUEUE_W] <= q;
            end
        end
    end
endmodule

`resetall
