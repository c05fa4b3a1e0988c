// nicrx_flist - host-posted buffer lists (issue 12 item 4, claim 41): LISTS lists, each bound
// to one installed flow (flow number and generation) and holding an ordered FIFO of up to
// DEPTH host buffers {size, buf_id, address} the host posts through AXI-Lite (FLIST_*).
// C twin: cmodel/flist.c (same registers, same names without _reg).
// Contract: docs/architecture.md "nicrx_flist".
//
// It sits on ring 3's lane between nicrx_desc_fetch and nicrx_dma: for the frame at the
// transfer engine's queue head (s_head, its {gen, flow}) it presents the head buffer of the
// list bound to that flow instead of ring 3's head page, when that list has one; the page a
// run opened by the head takes (nicrx_dma's pop of ring 3) then comes from the list.  Every
// other frame, and a bound flow whose list is empty (counted: FLIST_FALLBACK), sees ring 3
// unchanged.  The choice is registered in two stages (h_*: the head's list, one cycle after
// s_head; o_*: what nicrx_dma sees, one more: the list's head buffer, or ring 3's head one
// cycle late, so no port of the block is combinational from another), and a pop is routed to
// the source presented in the cycle the transfer engine decided it (p_*: nicrx_dma's pop is
// registered, one edge later), so an unbind or a change of the head between the decision and
// the pop cannot send it elsewhere.
//
// Commands (cfg_cmd, a one-cycle pulse from an FLIST_CMD write, on list cfg_sel):
//   bind   list unbound: bound to {gen, flow} = cfg_flow, emptied; else refused (err)
//   post   list bound and not full: {cfg_size, cfg_id, cfg_addr} appended; else refused (err)
//   unbind the list stops being presented; its remaining buffers are the host's again
//          (st_head: how many were taken since the bind, free-running; a pop in flight
//          when it applies is still honoured and counted there)
// A buffer smaller than the re-assembly page (2^REASM_CTRL.page_log2 at its post) is presented
// with m_desc_bad, so nicrx_dma returns it by an error completion as a misaligned page.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module nicrx_flist #(
    parameter LISTS = 4,   // buffer lists: 1, 2, 4 or 8 (FLIST_SEL has 3 bits)
    parameter DEPTH = 8    // buffers a list holds: a power of two, 2..16 (FLIST_STATUS.cnt has 5 bits)
) (
    input  wire        clk,
    input  wire        rst,
    input  wire [4:0]  cfg_page_log2,  // REASM_CTRL.page_log2: a buffer must hold a page (12..16), checked at its post
    input  wire [1:0]  cfg_cmd,        // FLIST_CMD.op, a pulse: 1 bind, 2 post, 3 unbind (0: none)
    input  wire [2:0]  cfg_sel,        // FLIST_SEL: the list a command and the status name
    input  wire [15:0] cfg_flow,       // FLIST_FLOW: the {gen, flow} a bind binds to
    input  wire [63:0] cfg_addr,       // FLIST_ADDR: a post's buffer address
    input  wire [15:0] cfg_id,         // FLIST_BUF.id: its buf_id
    input  wire [16:0] cfg_size,       // FLIST_SIZE: its bytes
    input  wire [15:0] s_head,         // nicrx_dma's queue head's {gen, flow}
    // ring 3's head (nicrx_desc_fetch) and its pop
    input  wire        s_desc_valid,
    input  wire [79:0] s_desc_data,
    output wire        m_desc_pop,
    // what nicrx_dma sees as ring 3's head, and its pop
    output wire        m_desc_valid,
    output wire [79:0] m_desc_data,    // {buf_id, address}
    output wire        m_desc_bad,     // a list buffer smaller than a page
    input  wire        s_desc_pop,
    // FLIST_STATUS of list cfg_sel (0 when cfg_sel >= LISTS), registered
    output wire        st_bound,
    output wire        st_err,         // a command was refused since the bind
    output wire [4:0]  st_cnt,         // buffers it holds
    output wire [7:0]  st_head,        // buffers taken since the bind (free-running)
    output wire [31:0] cnt_fallback    // FLIST_FALLBACK
);
    generate
        if (LISTS != 1 && LISTS != 2 && LISTS != 4 && LISTS != 8) begin : g_bad_lists
            nicrx_param_error_LISTS_1_2_4_or_8 u_bad ();
        end
        if (DEPTH != 2 && DEPTH != 4 && DEPTH != 8 && DEPTH != 16) begin : g_bad_depth
            nicrx_param_error_FLIST_DEPTH_power_of_two_2_to_16 u_bad ();
        end
    endgenerate

    localparam LL = (LISTS > 1) ? $clog2(LISTS) : 1;   // list index bits
    localparam LD = $clog2(DEPTH);                      // FIFO pointer bits
    localparam LC = LD + 1;                             // count bits (0..DEPTH)
    localparam [1:0] C_BIND = 2'd1, C_POST = 2'd2, C_UNBIND = 2'd3;

    // the buffers: list l's FIFO at {l, pointer}; {smaller than a page at the post, buf_id, address}
    (* no_rw_check *)
    reg  [80:0]        buf_mem [0:LISTS*DEPTH-1];
    reg  [LISTS-1:0]   bnd_reg, err_reg;
    reg  [LISTS*16-1:0] key_reg;               // list l's bound {gen, flow} at [16l +: 16]
    reg  [LISTS*8-1:0] wr_reg;                 // ... buffers posted since its bind at [8l +: 8] (free-running)
    reg  [LISTS*8-1:0] rd_reg;                 // ... buffers taken since its bind (free-running)
    reg  [LISTS*LC-1:0] cnt_reg;               // ... buffers it holds (wr - rd) at [LC l +: LC], kept so
                                               // no check subtracts: bit LD is "full"
    reg  [16:0]        psize_reg;              // the page's bytes
    // h: the head's list; o: what is presented now; p: what was presented in the cycle
    // before (a pop's)
    reg                h_hit_reg, o_hit_reg, o_list_reg, o_valid_reg, o_bad_reg, p_hit_reg, p_list_reg;
    reg  [LL-1:0]      h_idx_reg, o_idx_reg;
    reg  [LISTS-1:0]   p_oh_reg;               // the list presented in the cycle before, one-hot (0: ring 3): each list's pop sees its own bit
    reg  [79:0]        o_data_reg;             // the list's head buffer, or ring 3's head of the cycle before
    reg                st_bound_reg, st_err_reg;
    reg  [4:0]         st_cnt_reg;
    reg  [7:0]         st_head_reg;
    reg  [31:0]        cnt_fb_reg;

    assign m_desc_valid = o_valid_reg;
    assign m_desc_data  = o_data_reg;
    assign m_desc_bad   = o_bad_reg;
    assign m_desc_pop   = s_desc_pop && !p_list_reg;
    assign st_bound     = st_bound_reg;
    assign st_err       = st_err_reg;
    assign st_cnt       = st_cnt_reg;
    assign st_head      = st_head_reg;
    assign cnt_fallback = cnt_fb_reg;

    // the head's list: the lowest bound list with its key
    reg          hit;
    reg [LL-1:0] hidx;
    integer      l;
    always @* begin
        hit = 1'b0;
        hidx = {LL{1'b0}};
        for (l = LISTS - 1; l >= 0; l = l - 1)
            if (bnd_reg[l] && key_reg[l*16 +: 16] == s_head) begin
                hit = 1'b1;
                hidx = l[LL-1:0];
            end
    end
    wire [80:0]   hbuf  = buf_mem[{h_idx_reg, rd_reg[h_idx_reg*8 +: LD]}];
    wire          hlist = h_hit_reg && cnt_reg[h_idx_reg*LC +: LC] != {LC{1'b0}};   // the list is presented next
    // the command's list (a command on a list >= LISTS does nothing)
    wire          sel_ok = {5'd0, cfg_sel} < LISTS;
    wire [LL-1:0] sidx   = cfg_sel[LL-1:0];
    wire [LC-1:0] scnt   = cnt_reg[sidx*LC +: LC];
    // the list is in the choice or a pop to it is in flight: FLIST_STATUS.bound stays 1, so a
    // host that reads bound 0 after an unbind reads a head that counts every take
    wire          sbusy  = (h_hit_reg && h_idx_reg == sidx) || (o_list_reg && o_idx_reg == sidx) || p_oh_reg[sidx];
    /* verilator lint_off UNUSEDSIGNAL */ // FLIST_STATUS.cnt's 5 bits are [4:0]; a count is at most 16
    wire [LC+3:0] scnt_x = {4'd0, scnt};
    /* verilator lint_on UNUSEDSIGNAL */
    // per list, so each checks and moves its own registers with no index selecting them: the
    // command on it (lsel_l: FLIST_SEL names it), and a pop of the list presented at the
    // decision (its bit of p_oh_reg; never below empty)
    reg  [LISTS-1:0] lsel_l, lbind_l, lpost_l, lref_l, lpop_l;
    integer          m;
    always @* for (m = 0; m < LISTS; m = m + 1) begin
        lsel_l[m]  = sel_ok && sidx == m[LL-1:0];
        lbind_l[m] = lsel_l[m] && cfg_cmd == C_BIND && !bnd_reg[m];
        lpost_l[m] = lsel_l[m] && cfg_cmd == C_POST && bnd_reg[m] && !cnt_reg[m*LC + LD];
        lref_l[m]  = lsel_l[m] && (cfg_cmd == C_BIND || cfg_cmd == C_POST) && !lbind_l[m] && !lpost_l[m];
        lpop_l[m]  = s_desc_pop && p_oh_reg[m] && cnt_reg[m*LC +: LC] != {LC{1'b0}};
    end
    wire             do_post = |lpost_l;

    always @(posedge clk) begin
        if (do_post) buf_mem[{sidx, wr_reg[sidx*8 +: LD]}] <= {cfg_size < psize_reg, cfg_id, cfg_addr};
    end

    always @(posedge clk) begin
        psize_reg  <= 17'd1 << ((cfg_page_log2 < 5'd12) ? 5'd12 : (cfg_page_log2 > 5'd16) ? 5'd16 : cfg_page_log2);
        h_idx_reg  <= hidx;
        o_idx_reg  <= h_idx_reg;
        o_data_reg <= hlist ? hbuf[79:0] : s_desc_data;
        if (rst) begin
            bnd_reg <= {LISTS{1'b0}};
            err_reg <= {LISTS{1'b0}};
            key_reg <= {LISTS*16{1'b0}};
            wr_reg  <= {LISTS*8{1'b0}};
            rd_reg  <= {LISTS*8{1'b0}};
            cnt_reg <= {LISTS*LC{1'b0}};
            h_hit_reg  <= 1'b0;  o_hit_reg <= 1'b0;  o_list_reg <= 1'b0;  o_valid_reg <= 1'b0;  o_bad_reg <= 1'b0;
            p_hit_reg  <= 1'b0;  p_list_reg <= 1'b0;  p_oh_reg <= {LISTS{1'b0}};
            cnt_fb_reg <= 32'd0;
            st_bound_reg <= 1'b0;  st_err_reg <= 1'b0;  st_cnt_reg <= 5'd0;  st_head_reg <= 8'd0;
        end else begin
            st_bound_reg <= sel_ok && (bnd_reg[sidx] || sbusy);
            st_err_reg   <= sel_ok && err_reg[sidx];
            st_cnt_reg   <= sel_ok ? scnt_x[4:0] : 5'd0;
            st_head_reg  <= sel_ok ? rd_reg[sidx*8 +: 8] : 8'd0;
            h_hit_reg  <= hit;
            o_hit_reg  <= h_hit_reg;
            o_list_reg  <= hlist;
            o_valid_reg <= hlist || s_desc_valid;
            o_bad_reg   <= hlist && hbuf[80];
            p_hit_reg  <= o_hit_reg;
            p_list_reg <= o_list_reg;
            p_oh_reg   <= {{LISTS-1{1'b0}}, o_list_reg} << o_idx_reg;
            // ring 3's page taken for a frame of a bound flow whose list was empty
            if (s_desc_pop && !p_list_reg && p_hit_reg) cnt_fb_reg <= cnt_fb_reg + 32'd1;
            for (m = 0; m < LISTS; m = m + 1) begin
                if (lpop_l[m]) rd_reg[m*8 +: 8] <= rd_reg[m*8 +: 8] + 8'd1;
                if (lpost_l[m]) wr_reg[m*8 +: 8] <= wr_reg[m*8 +: 8] + 8'd1;
                if (lpop_l[m] != lpost_l[m])
                    cnt_reg[m*LC +: LC] <= lpop_l[m] ? cnt_reg[m*LC +: LC] - 1'b1 : cnt_reg[m*LC +: LC] + 1'b1;
                if (lbind_l[m]) begin
                    bnd_reg[m] <= 1'b1;
                    err_reg[m] <= 1'b0;
                    key_reg[m*16 +: 16] <= cfg_flow;
                    rd_reg[m*8 +: 8]  <= wr_reg[m*8 +: 8];
                    cnt_reg[m*LC +: LC] <= {LC{1'b0}};
                end
                if (lref_l[m]) err_reg[m] <= 1'b1;
                if (lsel_l[m] && cfg_cmd == C_UNBIND) bnd_reg[m] <= 1'b0;
            end
        end
    end
`ifdef FORMAL
    // ================================================================ formal
    // Properties checked by formal/run.sh (docs/formal.md "nicrx_flist").
    `include "nicrx_formal_reset.vh"
    wire lpop = |lpop_l;   // a list's pop
`ifdef FORMAL_TOP_nicrx_flist
    // The inputs are free but for the transfer engine's side and the commands' pace, which
    // the block's own proof assumes (inside a user they are the user's): it pops only a head
    // it saw valid (one edge late), and a bind comes only once a pop in flight has landed
    // (AXI-Lite writes are three cycles apart).
    reg f_pv;
    initial f_pv = 1'b0;
    always @(posedge clk) f_pv <= !rst && m_desc_valid;
    always @(*) if (f_past_valid && s_desc_pop) assume(f_pv);
    always @(*) if (f_past_valid && cfg_cmd == C_BIND) assume(!p_list_reg && !o_list_reg);
    always @(posedge clk) if (f_past_valid && !rst) begin
        cover(lpop);
        cover(s_desc_pop && !p_list_reg && p_hit_reg);
        cover(o_list_reg && o_bad_reg);
    end
`endif
    localparam integer DEPTH_I = DEPTH;
    localparam [7:0] DEPTH8 = DEPTH_I[7:0];
    genvar g;
    for (g = 0; g < LISTS; g = g + 1) begin : g_f
        wire [7:0] f_cnt = wr_reg[g*8 +: 8] - rd_reg[g*8 +: 8];
        // a list never holds more than DEPTH buffers, and its count is its pointers' distance
        always @(*) if (f_past_valid && !f_past_rst) assert(f_cnt <= DEPTH8 && f_cnt == cnt_reg[g*LC +: LC]);
    end
    always @(*) if (f_past_valid && !f_past_rst) begin
        // the pop's select is one list at most, and one exactly when a list was presented
        assert((p_oh_reg & (p_oh_reg - 1'b1)) == {LISTS{1'b0}} && (|p_oh_reg) == p_list_reg);
        // a pop goes to ring 3 or to a list, never both; a presented list is a bound flow's
        if (m_desc_pop) assert(!lpop);
        if (o_list_reg) assert(o_hit_reg && o_valid_reg);
        if (o_bad_reg) assert(o_list_reg);
        if (p_list_reg) assert(p_hit_reg);
    end
`endif
endmodule

`resetall
