// nicrx_page - the page cursor of each free-buffer ring: where the next entry goes in the
// ring's current page, and whether it is the page's last (the release).
// C twin: cmodel/page.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_page".
//
// Request/response: the user presents, per ring, the length of the entry it would place
// there (s_len, held while it decides); one cycle later m_off, m_cnt and m_rel describe
// that entry. A one-cycle s_take[r] places it: m_off and m_cnt move at the next edge (back
// to 0 after a release) and m_rel follows them one cycle later. The offset after the entry is
// registered with m_rel (nxt), so a take only selects. A ring not in page mode
// answers offset 0, count 0 and release 1 (one entry a buffer).
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_page #(
    parameter NUM_FBR = 3       // free-buffer rings (nicrx_top)
) (
    input  wire                   clk,
    input  wire                   rst,
    input  wire [NUM_FBR-1:0]     cfg_page_en,     // XFER_PAGE.en
    input  wire [3:0]             cfg_page_log2,   // XFER_PAGE.page_log2
    input  wire [3:0]             cfg_page_align,  // XFER_PAGE.align_log2
    input  wire [NUM_FBR-1:0]     cfg_fbr_en,
    input  wire [NUM_FBR*16-1:0]  cfg_fbr_buf_size,
    input  wire [NUM_FBR*16-1:0]  s_len,           // per ring: the entry's length
    input  wire [NUM_FBR-1:0]     s_take,          // per ring: place it
    output wire [NUM_FBR-1:0]     m_on,            // page mode in effect
    output wire [NUM_FBR*16-1:0]  m_lim,           // the largest entry: BUF_SIZE, at most PAGE_SIZE in page mode
    output wire [NUM_FBR*16-1:0]  m_amask,         // address bits a buffer must have 0 (PAGE_SIZE - 1 in page mode, else 7)
    output wire [NUM_FBR*16-1:0]  m_off,           // the entry's offset in the page
    output wire [NUM_FBR*13-1:0]  m_cnt,           // entries placed in the page before it
    output wire [NUM_FBR-1:0]     m_rel            // it is the page's last: the page is released
);
    // configuration, registered (a ring is programmed while it is disabled)
    reg  [3:0]             pl_reg, pl_next, al_reg, al_next;  // page_log2 in 6..15, align_log2 in 3..pl
    reg  [NUM_FBR-1:0]     on_reg, on_next;
    reg  [NUM_FBR*16-1:0]  lim_reg, lim_next, amask_reg, amask_next;
    reg  [NUM_FBR*16-1:0]  base_reg, base_next;   // the last offset an entry of lim bytes may take
    reg  [NUM_FBR*16-1:0]  off_reg, off_next;
    reg  [NUM_FBR*13-1:0]  cnt_reg, cnt_next;
    reg  [NUM_FBR-1:0]     rel_reg, rel_next;
    reg  [15:0]            psize_reg, psize_next, amsk_reg, amsk_next;  // PAGE_SIZE, the alignment - 1
    reg  [NUM_FBR*16-1:0]  nxt_reg, nxt_next;     // the offset after the entry, registered as rel

    reg  [15:0]            lim;
    reg  [16:0]            fin;
    integer                r;

    assign m_on    = on_reg;
    assign m_lim   = lim_reg;
    assign m_amask = amask_reg;
    assign m_off   = off_reg;
    assign m_cnt   = cnt_reg;
    assign m_rel   = rel_reg;

    always @* begin
        pl_next = (cfg_page_log2 < 4'd6) ? 4'd6 : cfg_page_log2;
        al_next = (cfg_page_align < 4'd3) ? 4'd3 : (cfg_page_align > pl_reg) ? pl_reg : cfg_page_align;
        on_next = cfg_page_en;
        psize_next = 16'd1 << pl_reg;
        amsk_next  = ~(16'hffff << al_reg);
        for (r = 0; r < NUM_FBR; r = r + 1) begin
            lim = cfg_fbr_buf_size[r*16 +: 16];
            if (on_reg[r] && lim > psize_reg) lim = psize_reg;
            lim_next[r*16 +: 16]   = lim;
            amask_next[r*16 +: 16] = on_reg[r] ? psize_reg - 16'd1 : 16'd7;
            base_next[r*16 +: 16]  = (psize_reg - lim_reg[r*16 +: 16]) & ~amsk_reg;
            // the entry ends the page when the next aligned offset leaves no room for an
            // entry of lim bytes: off + len > base says just that (off and base aligned)
            fin = {1'b0, off_reg[r*16 +: 16]} + {1'b0, s_len[r*16 +: 16]};
            rel_next[r] = !on_reg[r] || (fin > {1'b0, base_reg[r*16 +: 16]});
            nxt_next[r*16 +: 16] = off_reg[r*16 +: 16] + ((s_len[r*16 +: 16] + amsk_reg) & ~amsk_reg);
            off_next[r*16 +: 16] = off_reg[r*16 +: 16];
            cnt_next[r*13 +: 13] = cnt_reg[r*13 +: 13];
            if (!cfg_fbr_en[r] || !on_reg[r]) begin
                off_next[r*16 +: 16] = 16'd0;
                cnt_next[r*13 +: 13] = 13'd0;
            end else if (s_take[r]) begin
                off_next[r*16 +: 16] = rel_reg[r] ? 16'd0 : nxt_reg[r*16 +: 16];
                cnt_next[r*13 +: 13] = rel_reg[r] ? 13'd0 : cnt_reg[r*13 +: 13] + 13'd1;
            end
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            pl_reg <= 4'd12;  al_reg <= 4'd6;  on_reg <= {NUM_FBR{1'b0}};
            psize_reg <= 16'h1000;  amsk_reg <= 16'h003f;  nxt_reg <= {NUM_FBR*16{1'b0}};
            lim_reg <= {NUM_FBR*16{1'b0}};  amask_reg <= {NUM_FBR{16'd7}};  base_reg <= {NUM_FBR*16{1'b0}};
            off_reg <= {NUM_FBR*16{1'b0}};  cnt_reg <= {NUM_FBR*13{1'b0}};  rel_reg <= {NUM_FBR{1'b1}};
        end else begin
            pl_reg <= pl_next;  al_reg <= al_next;  on_reg <= on_next;
            psize_reg <= psize_next;  amsk_reg <= amsk_next;  nxt_reg <= nxt_next;
            lim_reg <= lim_next;  amask_reg <= amask_next;  base_reg <= base_next;
            off_reg <= off_next;  cnt_reg <= cnt_next;  rel_reg <= rel_next;
        end
    end
endmodule

`resetall
