/* nicrx_dma_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_dma.v against cmodel/dma.c: runs one scenario of
 * tests/blocks/dma_scenario.h (the unit test's driver) and writes, for every
 * edge, its inputs and what the model shows.  NUM_CQ 4, FQ_DEPTH 32,
 * DESC_DEPTH 8 (the queue comes on the stream, as nicrx_rss sets it), PM_AW 11 (DATA_WIDTH 64) or 12 (32), MAX_BURST per scenario.
 * usage: nicrx_dma_gen DATA_WIDTH AXI_DATA_WIDTH SCENARIO TRACE.hex [MAX_CYCLES]
 * prints "CYCLES MAX_BURST TAG FRAMES RESET_EDGES RING_RESTARTS" on stdout.
 * One line per edge: dma_in and dma_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dma.h"
#include "dma_scenario.h"
#include "bench.h"

typedef struct gen { FILE *f; uint64_t n; const nicrx_geom_t *geom; } gen_t;

static void edge(void *ctx, const ds_edge_t *e)
{
    gen_t *g = ctx;
    const dma_in_t *in = e->in;
    const nicrx_in_t *t = &in->top;
    const csr_cfg_t *c = &in->cfg;
    const dma_out_t *o = e->o;
    dma_in_trace_t ti;
    dma_out_trace_t to;

    memset(&ti, 0, sizeof ti);
    ti.rst = t->rst;
    ti.s_fl_valid = in->s_fl_valid;
    ti.s_fl = in->s_fl;
    ti.pm_rd_data = in->pm_rd_data;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        bench_elem(ti.cfg_fbr_base, sizeof ti.cfg_fbr_base, 8, r, c->fbr_base[r]);
        ti.cfg_fbr_size_log2 |= (uint16_t)((c->fbr_size_log2[r] & 15u) << (4 * r));
        ti.cfg_fbr_buf_size |= (uint64_t)c->fbr_buf_size[r] << (16 * r);
        ti.cfg_fbr_en |= (uint8_t)((c->fbr_en[r] & 1u) << r);
        ti.cfg_fbr_tail |= (uint64_t)c->fbr_tail[r] << (16 * r);
    }
    ti.cfg_xfer_page = (uint16_t)((c->xfer_page_en & 7u) | (c->xfer_page_log2 & 15u) << 3 | (c->xfer_page_align & 15u) << 7);
    for (uint32_t q = 0; q < 4; q++) {
        bench_elem(ti.cfg_cq_base, sizeof ti.cfg_cq_base, 8, q, c->cq_base[q]);
        ti.cfg_cq_size_log2 |= (uint16_t)((c->cq_size_log2[q] & 15u) << (4 * q));
        ti.cfg_cq_en |= (uint8_t)((c->cq_en[q] & 1u) << q);
        ti.cfg_cq_irq_en |= (uint8_t)((c->cq_irq_en[q] & 1u) << q);
        ti.cfg_cq_head |= (uint64_t)c->cq_head[q] << (16 * q);
    }
    ti.cfg_xfer_buf_wait = c->xfer_buf_wait;
    ti.cfg_reasm = (uint64_t)(c->reasm_en & 1u) | (uint64_t)(c->reasm_flush & 1u) << 1
                 | (uint64_t)(c->reasm_page_log2 & 31u) << 2 | (uint64_t)(c->reasm_max_bytes & 0x1ffffu) << 7
                 | (uint64_t)c->reasm_max_segs << 24 | (uint64_t)c->reasm_timeout << 32
                 | (uint64_t)(c->reasm_strip & 1u) << 48;
    ti.now = in->now;
    ti.m_axi_awready = t->m_axi_awready;
    ti.m_axi_wready = t->m_axi_wready;
    ti.m_axi_bvalid = t->m_axi_bvalid;
    ti.m_axi_bresp = t->m_axi_bresp;
    ti.m_axi_arready = t->m_axi_arready;
    ti.m_axi_rvalid = t->m_axi_rvalid;
    for (uint32_t k = 0; k < 2; k++) bench_elem(ti.m_axi_rdata, sizeof ti.m_axi_rdata, 8, k, t->m_axi_rdata[k]);
    ti.m_axi_rresp = t->m_axi_rresp;
    ti.m_axi_rlast = t->m_axi_rlast;

    memset(&to, 0, sizeof to);
    to.pm_rd_en = o->pm_rd_en;
    to.pm_rd_addr = (uint16_t)o->pm_rd_addr;
    to.pm_rel_ptr = o->pm_rel_ptr;
    to.fq_pop = o->fq_pop;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        to.st_fbr_head |= (uint64_t)o->st.fbr_head[r] << (16 * r);
        to.st_fbr_err |= (uint8_t)((o->st.fbr_err[r] & 1u) << r);
    }
    for (uint32_t q = 0; q < 4; q++)
        to.st_cq_tail |= (uint64_t)o->st.cq_tail[q] << (16 * q);
    to.st_idle = o->st.idle;
    to.cnt_delivered = o->st.cnt[NICRX_CNT_DELIVERED];
    to.cnt_drop_no_fit = o->st.cnt[NICRX_CNT_DROP_NO_FIT];
    to.cnt_drop_no_cq = o->st.cnt[NICRX_CNT_DROP_NO_CQ];
    to.cnt_drop_red_early = o->st.cnt[NICRX_CNT_DROP_RED_EARLY];
    to.cnt_drop_red_forced = o->st.cnt[NICRX_CNT_DROP_RED_FORCED];
    for (uint32_t r = 0; r < NICRX_REASM_RING; r++)
        bench_elem(to.cnt_drop_no_buf, sizeof to.cnt_drop_no_buf, 4, r, o->st.cnt[NICRX_CNT_DROP_NO_BUF_SMALL + r]);
    to.cnt_reasm_no_page = o->st.cnt[NICRX_CNT_REASM_NO_PAGE];
    to.cnt_desc_error = o->st.cnt[NICRX_CNT_DESC_ERROR];
    to.cnt_axi_error = o->st.cnt[NICRX_CNT_AXI_ERROR];
    to.m_axi_awvalid = o->axi.m_axi_awvalid;
    to.m_axi_awaddr = o->axi.m_axi_awaddr;
    to.m_axi_awlen = o->axi.m_axi_awlen;
    to.m_axi_wvalid = o->axi.m_axi_wvalid;
    for (uint32_t k = 0; k < 2; k++) bench_elem(to.m_axi_wdata, sizeof to.m_axi_wdata, 8, k, o->axi.m_axi_wdata[k]);
    to.m_axi_wstrb = o->axi.m_axi_wstrb;
    to.m_axi_wlast = o->axi.m_axi_wlast;
    to.m_axi_bready = o->axi.m_axi_bready;
    to.m_axi_arvalid = o->axi.m_axi_arvalid;
    to.m_axi_araddr = o->axi.m_axi_araddr;
    to.m_axi_arlen = o->axi.m_axi_arlen;
    to.m_axi_rready = o->axi.m_axi_rready;
    to.irq = o->axi.irq;
    BENCH_LINE(g->f, dma, g->geom, &ti, &to);
    g->n++;
}

int main(int argc, char **argv)
{
    static tb_t t;
    gen_t g;
    cfgt_t c;
    uint32_t dw, adw, sc;

    bench_argc(argc, argv, 5, 6, "DATA_WIDTH AXI_DATA_WIDTH SCENARIO TRACE.hex [MAX_CYCLES]");
    dw = (uint32_t)bench_num(argv[0], "DATA_WIDTH", argv[1], 32, 64);
    adw = (uint32_t)bench_num(argv[0], "AXI_DATA_WIDTH", argv[2], 32, 128);
    sc = (uint32_t)bench_num(argv[0], "SCENARIO", argv[3], 0, DS_NUM_SCENARIOS - 1);
    if ((dw != 32 && dw != 64) || (adw != dw && adw != 2 * dw)) {
        fprintf(stderr, "%s: DATA_WIDTH %u with AXI_DATA_WIDTH %u: not 32 or 64, and once or twice it\n",
                argv[0], dw, adw);
        return 2;
    }
    g.f = bench_create(argv[0], argv[4]);
    g.n = 0;
    c = ds_scenario(dw, sc);
    c.adw = adw;
    if (argc == 6)
        c.max_cycles = (uint32_t)bench_num(argv[0], "MAX_CYCLES", argv[5], 1, UINT32_MAX);
    g.geom = &t.g;
    run(&t, &c, ds_seed(dw, sc), edge, &g);
    free(t.mem);
    /* re-assembly: the scenario's host checked every merged frame and run record; runs must
     * have opened, taken frames and closed, frames gone alone for want of a page, and the
     * merged data parts met every destination offset and every length mod the bus's bytes */
    const uint32_t cov_all = (1u << (adw / 8)) - 1;
    if (c.reasm_mix && (t.bad_rec || t.bad_data || t.bad_write || t.runs < 20 || t.merged <= t.runs ||
                        !t.d.cnt_reasm_no_page || !t.got_desc_err || t.ra_cov_off != cov_all || t.ra_cov_len != cov_all ||
                        !c.reasm_strip != !t.stripped)) {
        fprintf(stderr, "%s: re-assembly: %u bad records, %u bad data, %u bad writes, %u runs, %u merged (%u stripped), "
                "%u no page, %u error completions, offsets mod %u seen 0x%x, lengths 0x%x\n", argv[0], t.bad_rec, t.bad_data,
                t.bad_write, t.runs, t.merged, t.stripped, t.d.cnt_reasm_no_page, t.got_desc_err, adw / 8, t.ra_cov_off,
                t.ra_cov_len);
        return 1;
    }
    if (fclose(g.f) != 0)
        return 1;
    printf("%llu %u %s %u %u %u\n", (unsigned long long)g.n, c.max_burst, ds_tag(sc), t.nin, t.resets,
           t.ring_restarts);
    return 0;
}
