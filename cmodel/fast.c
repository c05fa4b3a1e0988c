/* fast.c - the functional golden model (nicrx_model.h "nicrx_fast"): every
 * frame decided at once by the decision functions the cycle model's blocks use
 * (ingress_reason, nicrx_parse, flow_key_frame_job, flow_frame_decide,
 * rss_frame, dma_ring_fit), so the two cannot disagree on a rule; what it
 * leaves out is only when things happen. */
#include <stdlib.h>
#include <string.h>

#include "nicrx_model.h"
#include "blocks.h"
#include "csr.h"
#include "dma.h"
#include "flow.h"
#include "flow_key.h"
#include "ingress.h"
#include "parser.h"
#include "xfer_plan.h"
#include "rss.h"

struct nicrx_fast {
    nicrx_geom_t g;
    csr_t csr;        /* the configuration, written through the CSR block's decode */
    csr_cfg_t cfg;
    flow_t flow;      /* the flow database, decided on as the manager does */
    rss_t rss;        /* the indirection table */
    rss_toep_t toep;  /* the Toeplitz hash's tables, built again when the key has changed */
    crc32c_tab_t crc; /* the flow key's CRC-32C tables */
    uint64_t frame;   /* frames seen: the model's frame index */
    uint32_t imem[NICRX_IMEM_MAX * NICRX_INSN_WORDS];
};

nicrx_fast_t *nicrx_fast_new(const nicrx_params_t *p)
{
    if (nicrx_params_check(p))
        return NULL;
    nicrx_fast_t *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    nicrx_geom_init(&f->g, p);
    csr_init(&f->csr, &f->g);
    csr_out(&f->csr, &f->cfg, NULL);
    rss_powerup(&f->rss, &f->g);
    rss_toep_build(&f->toep, f->cfg.rss_key);
    crc32c_tab_init(&f->crc);
    if (flow_init(&f->flow, &f->g) != 0) {
        free(f);
        return NULL;
    }
    uint32_t n;
    const uint32_t *w = nicrx_default_program_words(&n);
    if (n <= p->imem_depth)
        nicrx_fast_load_program(f, w, n);
    return f;
}

void nicrx_fast_free(nicrx_fast_t *f)
{
    if (!f)
        return;
    flow_free(&f->flow);
    free(f);
}

int nicrx_fast_load_program(nicrx_fast_t *f, const uint32_t *words, uint32_t n_insn)
{
    if (n_insn > f->g.p.imem_depth)
        return -1;
    memset(f->imem, 0, sizeof f->imem);
    memcpy(f->imem, words, (size_t)n_insn * NICRX_INSN_BYTES);
    return 0;
}

/* One AXI4-Lite write through the CSR block, edge by edge until its response. */
int nicrx_fast_write_reg(nicrx_fast_t *f, uint32_t addr, uint32_t data)
{
    /* what starts something in time has no place in a timing-free run: flow
     * commands, program swaps, and ageing (an entry ages by the clock); nor does
     * the program's store, which nicrx_fast_load_program replaces */
    if (addr == NICRX_REG_FLOW_CMD || addr == NICRX_REG_PARSER_SWAP || (addr == NICRX_REG_FLOW_AGE && data) ||
        addr == NICRX_REG_PARSER_IADDR || (addr >= NICRX_REG_PARSER_IDATA(0) && addr <= NICRX_REG_PARSER_IDATA(3)))
        return -1;
    nicrx_in_t t;
    csr_status_t st;
    csr_in_t in = { &t, &st };
    nicrx_out_t o;

    memset(&t, 0, sizeof t);
    memset(&st, 0, sizeof st);
    t.s_axil_awvalid = t.s_axil_wvalid = t.s_axil_bready = 1;
    t.s_axil_awaddr = (uint16_t)addr;
    t.s_axil_wdata = data;
    t.s_axil_wstrb = 0xf;
    for (int e = 0; e < 4; e++) {
        csr_step(&f->csr, &in);
        csr_out(&f->csr, &f->cfg, &o);
        rss_table_write(&f->rss, &f->cfg);
        if (o.s_axil_bvalid)
            return o.s_axil_bresp ? -1 : 0;
    }
    return -1;
}

/* The flow block's event: the decision of the frame in hand. */
static void on_flow(void *ctx, const nicrx_event_t *e)
{
    nicrx_fast_frame_t *r = ctx;

    r->flow_seen = 1;
    r->flow = e->flow;
    r->gen = e->gen;
    r->opcode = e->opcode;
    r->flow_event = e->flow_event;
}

void nicrx_fast_frame(nicrx_fast_t *f, const uint8_t *bytes, uint32_t len, int bad, nicrx_fast_frame_t *r)
{
    const csr_cfg_t *c = &f->cfg;
    const uint32_t slen = len > 0xffffu ? 0xffffu : len; /* the ingress's length saturates */

    memset(r, 0, sizeof *r);
    r->verdict = 2;
    r->reason = ingress_reason(!c->enable, bad, slen < INGRESS_MIN_LEN, slen > f->g.p.max_frame, 0);
    f->frame++;
    if (r->reason != NICRX_REASON_NONE)
        return;

    /* the parser */
    cm_stream_t cm;
    hv_stream_t hv;

    memset(&cm, 0, sizeof cm);
    cm.len = (uint16_t)slen;
    cm.frame = f->frame - 1u;
    r->parsed = 1;
    r->steps = nicrx_parse(f->imem, f->g.p.imem_depth, bytes, len, f->g.p.header_bytes, c->step_limit, &r->hv);
    hv_stream_from_parse(&hv, &r->hv, &cm);

    /* the flow key block and the flow manager */
    fk_stream_t fk;
    evsink_t ev = { on_flow, r, 0 };

    memset(&fk, 0, sizeof fk);
    flow_key_frame_job(&hv, bytes, f->g.p.header_bytes, c->flow_ctrl, &f->crc, &fk);
    flow_job_take(&f->flow.job, &fk, c, 0);   /* time 0: fast mode refuses ageing */
    flow_frame_decide(&f->flow, &ev);

    /* RSS, the transfer decision and the transfer engine: the data rings fit the data part
     * (a whole frame: all of it); a split frame's first part goes into a header buffer */
    fl_stream_t fl = f->flow.o.m_fl;
    const xfer_cfg_t xc = xfer_cfg_of(c);
    xfer_plan_frame(&xc, &fl);
    if (memcmp(f->toep.key, c->rss_key, RSS_KEY_BYTES))
        rss_toep_build(&f->toep, c->rss_key);
    const rss_res_t rs = rss_frame(&f->rss, &f->toep, &hv, c);
    const uint8_t q = rs.queue, fit = dma_ring_fit(c, fl.dlen);

    r->rss_hash = rs.hash;
    r->rss_type = rs.type;
    if (!fit && (!fl.split || fl.dlen)) {
        r->reason = NICRX_REASON_NO_FIT;
    } else if (!dma_queue_ok(c, f->g.p.num_cq, q)) {
        r->reason = NICRX_REASON_NO_CQ;
    } else {
        r->verdict = 1;
        r->queue = q & (f->g.p.num_cq - 1u);
        r->ring = fl.split ? NICRX_HDR_RING : dma_ring_sel(fit);
        r->split = fl.split;
        r->hdr_len = fl.hdr_len;
        if (fl.split && fl.dlen) {
            r->dring = dma_ring_sel(fit);
            r->dlen = fl.dlen;
        }
    }
}
