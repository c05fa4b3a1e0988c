/* nicrx_dma_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_dma.v against cmodel/dma.c: runs one scenario of
 * tests/blocks/dma_scenario.h (the unit test's driver) and writes, for every
 * edge, its inputs and what the model shows.  NUM_CQ 4, FQ_DEPTH 32,
 * DESC_DEPTH 8, PM_AW 11 (DATA_WIDTH 64) or 12 (32), MAX_BURST per scenario.
 * usage: nicrx_dma_gen DATA_WIDTH SCENARIO TRACE.hex [MAX_CYCLES]
 * prints "CYCLES MAX_BURST TAG FRAMES RESET_EDGES RING_RESTARTS" on stdout.
 * One line per edge, each field a whole number of hex digits, zero-extended
 * (the order of the Verilog concatenation in tests/blocks/nicrx_dma_tb.v):
 *   inputs:  rst 1, hv_valid 1, hv_len 4, hv_l3 1, hv_l4 1, hv_vlan 1,
 *            hv_vid 3, hv_frag 1, {hv_presel, hv_perr, hv_trunc} 1, hv_l3_off 2, hv_l4_off 2, hv_hash 8,
 *            hv_flow 4, hv_opcode 1, pm_rd_data 16,
 *            cfg_qsel_log2 1, cfg_fbr_base 32, cfg_fbr_size_log2 2, cfg_fbr_buf_size 8,
 *            cfg_fbr_en 1, cfg_fbr_tail 8, cfg_cq_base 64, cfg_cq_size_log2 4, cfg_cq_en 1,
 *            cfg_cq_irq_en 1, cfg_cq_head 16, awready 1, wready 1, bvalid 1, bresp 1,
 *            arready 1, rvalid 1, rdata 16, rresp 1, rlast 1
 *            (vectors of rings / queues as the RTL ports pack them: index 0 lowest)
 *   after the edge: pm_rd_en 1, pm_rd_addr 4 (the read in the next cycle), pm_rel_ptr 4, fq_pop 1, st_fbr_head 8, st_fbr_err 1, st_cq_tail 16,
 *            st_idle 1, cnt_delivered 8, cnt_drop_no_fit 8, cnt_drop_no_cq 8,
 *            cnt_desc_error 8, cnt_axi_error 8, awvalid 1, awaddr 16, awlen 2, wvalid 1,
 *            wdata 16, wstrb 2, wlast 1, bready 1, arvalid 1, araddr 16, arlen 2,
 *            rready 1, irq 1 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dma.h"
#include "dma_scenario.h"

typedef struct gen { FILE *f; uint64_t n; } gen_t;

static void put(FILE *f, uint64_t v, uint32_t hexdigits)
{
    while (hexdigits--)
        fputc("0123456789abcdef"[(v >> (4 * hexdigits)) & 0xf], f);
}

static void edge(void *ctx, const ds_edge_t *e)
{
    gen_t *g = ctx;
    FILE *f = g->f;
    const nicrx_in_t *in = &e->in->top;
    const fl_stream_t *fo = &e->in->s_fl;
    const int v = e->in->s_fl_valid;   /* the flow block holds its outputs between frames: 0 here */
    const csr_cfg_t *c = &e->in->cfg;
    const dma_out_t *o = e->o;
    uint32_t r, q;

    put(f, in->rst, 1);
    put(f, v, 1);
    put(f, v ? fo->len : 0, 4);
    put(f, v ? fo->l3 : 0, 1);
    put(f, v ? fo->l4 : 0, 1);
    put(f, v ? fo->vlan : 0, 1);
    put(f, v ? fo->vid & 0xfff : 0, 3);
    put(f, v ? fo->frag : 0, 1);
    put(f, v ? (uint32_t)(fo->cls >> NICRX_CLS_PRESEL & 1u) << 2 | (uint32_t)(fo->perr & 1u) << 1 | (fo->trunc & 1u) : 0, 1);
    put(f, v ? fo->l3_off : 0, 2);
    put(f, v ? fo->l4_off : 0, 2);
    put(f, v ? fo->hash : 0, 8);
    put(f, v ? fo->flow : 0, 4);
    put(f, v ? fo->opcode : 0, 1);
    put(f, e->in->pm_rd_data, 16);
    put(f, c->qsel_log2, 1);
    for (r = 2; r-- > 0;) put(f, c->fbr_base[r], 16);
    for (r = 2; r-- > 0;) put(f, c->fbr_size_log2[r], 1);
    for (r = 2; r-- > 0;) put(f, c->fbr_buf_size[r], 4);
    put(f, (uint64_t)(c->fbr_en[1] << 1 | c->fbr_en[0]), 1);
    for (r = 2; r-- > 0;) put(f, c->fbr_tail[r], 4);
    for (q = 4; q-- > 0;) put(f, c->cq_base[q], 16);
    for (q = 4; q-- > 0;) put(f, c->cq_size_log2[q], 1);
    put(f, (uint64_t)(c->cq_en[3] << 3 | c->cq_en[2] << 2 | c->cq_en[1] << 1 | c->cq_en[0]), 1);
    put(f, (uint64_t)(c->cq_irq_en[3] << 3 | c->cq_irq_en[2] << 2 | c->cq_irq_en[1] << 1 | c->cq_irq_en[0]), 1);
    for (q = 4; q-- > 0;) put(f, c->cq_head[q], 4);
    put(f, in->m_axi_awready, 1);
    put(f, in->m_axi_wready, 1);
    put(f, in->m_axi_bvalid, 1);
    put(f, in->m_axi_bresp, 1);
    put(f, in->m_axi_arready, 1);
    put(f, in->m_axi_rvalid, 1);
    put(f, in->m_axi_rdata, 16);
    put(f, in->m_axi_rresp, 1);
    put(f, in->m_axi_rlast, 1);

    put(f, o->pm_rd_en, 1);
    put(f, o->pm_rd_addr, 4);

    put(f, o->pm_rel_ptr, 4);
    put(f, o->fq_pop, 1);
    for (r = 2; r-- > 0;) put(f, o->st.fbr_head[r], 4);
    put(f, (uint64_t)(o->st.fbr_err[1] << 1 | o->st.fbr_err[0]), 1);
    for (q = 4; q-- > 0;) put(f, o->st.cq_tail[q], 4);
    put(f, o->st.idle, 1);
    put(f, o->st.cnt[NICRX_CNT_DELIVERED], 8);
    put(f, o->st.cnt[NICRX_CNT_DROP_NO_FIT], 8);
    put(f, o->st.cnt[NICRX_CNT_DROP_NO_CQ], 8);
    put(f, o->st.cnt[NICRX_CNT_DESC_ERROR], 8);
    put(f, o->st.cnt[NICRX_CNT_AXI_ERROR], 8);
    put(f, o->axi.m_axi_awvalid, 1);
    put(f, o->axi.m_axi_awaddr, 16);
    put(f, o->axi.m_axi_awlen, 2);
    put(f, o->axi.m_axi_wvalid, 1);
    put(f, o->axi.m_axi_wdata, 16);
    put(f, o->axi.m_axi_wstrb, 2);
    put(f, o->axi.m_axi_wlast, 1);
    put(f, o->axi.m_axi_bready, 1);
    put(f, o->axi.m_axi_arvalid, 1);
    put(f, o->axi.m_axi_araddr, 16);
    put(f, o->axi.m_axi_arlen, 2);
    put(f, o->axi.m_axi_rready, 1);
    put(f, o->axi.irq, 1);
    fputc('\n', f);
    g->n++;
}

int main(int argc, char **argv)
{
    static tb_t t;
    gen_t g;
    cfgt_t c;
    uint32_t dw, sc;

    if (argc != 4 && argc != 5)
        return 2;
    dw = (uint32_t)atoi(argv[1]);
    sc = (uint32_t)atoi(argv[2]);
    if ((dw != 32 && dw != 64) || sc >= DS_NUM_SCENARIOS)
        return 2;
    g.f = fopen(argv[3], "w");
    g.n = 0;
    if (!g.f)
        return 1;
    c = ds_scenario(dw, sc);
    if (argc == 5)
        c.max_cycles = (uint32_t)strtoul(argv[4], NULL, 0);
    run(&t, &c, ds_seed(dw, sc), edge, &g);
    free(t.mem);
    if (fclose(g.f) != 0)
        return 1;
    printf("%llu %u %s %u %u %u\n", (unsigned long long)g.n, c.max_burst, ds_tag(sc), t.nin, t.resets,
           t.ring_restarts);
    return 0;
}
