/* model.c - the timing shell: rtl/nicrx_top.v's wiring, in C.
 *
 * At every edge each block's inputs are built from the top's inputs and the
 * outputs the blocks registered at the edge before (w[cur]); each block steps
 * once and leaves its outputs after the edge in w[cur ^ 1].  No block reads
 * another's state, so the order of the table below does not matter: built with
 * -DNICRX_MODEL_SHUFFLE the model steps them in a new random order every cycle
 * (seed NICRX_MODEL_SHUFFLE_SEED in the environment, 0: the table's order), and
 * tests/t_shuffle.sh runs that build in lockstep with the RTL. */
#include <stdlib.h>
#include <string.h>

#include "nicrx_model.h"
#include "blocks.h"
#include "ingress.h"
#include "parser.h"
#include "flow_key.h"
#include "flow.h"
#include "ram.h"
#include "dma.h"
#include "rss.h"
#include "red.h"
#include "xfer_plan.h"
#include "desc_fetch.h"
#include "irq.h"
#include "msix.h"
#include "csr.h"
#include "flist.h"
#include "stage.h"
#include "imem.h"

/* The register stage between the parser and the key block and RSS (u_hv_stage): its
 * registers are its outputs. */
typedef struct hv_stage {
    uint8_t     full;
    hv_stream_t data;
} hv_stage_t;

/* What nicrx_top's wires carry between two edges: every block's registered outputs. */
typedef struct wires {
    ingress_out_t ing;
    ram_out_t     pm;
    parser_out_t  par;
    hv_stage_t    hvs;
    flow_key_out_t fk;
    flow_out_t    flow;
    rss_out_t     rss;
    red_out_t     red;
    xfer_plan_out_t xp;
    desc_fetch_out_t dfe;
    irq_out_t     irq;
    msix_out_t    msix;
    dma_out_t     dma;
    flist_out_t   fl;
    csr_cfg_t     cfg;     /* nicrx_csr: the configuration ... */
    nicrx_out_t   axil;    /* ... and its s_axil_* outputs */
} wires_t;

struct nicrx_model {
    nicrx_geom_t g;
    evsink_t     ev;
    uint64_t     cycle;
    nicrx_in_t   in;       /* the top's inputs at the edge being stepped */
    ingress_t    ing;
    ram_t        pm;
    parser_t     par;
    hv_stage_t   hvs;
    flow_key_t   fk;
    flow_t       flow;
    rss_t        rss;
    red_t        red;
    xfer_plan_t  xp;
    desc_fetch_t dfe;
    irq_t        irq;
    msix_t       msix;
    dma_t        dma;
    flist_t      fl;
    csr_t        csr;
    wires_t      w[2];     /* w[cur]: after the last edge */
    unsigned     cur;
    /* the configuration csr_out built last, and the CSR block's state it built it from
     * (step_csr rebuilds it only when that state changed) */
    csr_t        cfg_src;
    csr_cfg_t    cfg;
#ifdef NICRX_MODEL_SHUFFLE
    uint64_t     order;    /* xorshift64 state of the step order, 0: the table's */
    int          inject;   /* NICRX_MODEL_SHUFFLE_INJECT: the flow key block reads the parser's state */
#endif
};

void nicrx_params_default(nicrx_params_t *p)
{
    p->data_width    = 64;
    p->pkt_mem_bytes = 16384;
    p->header_bytes  = 128;
    p->max_frame     = 9018;
    p->num_cq        = 4;
    p->fq_depth      = 64;
    p->desc_depth    = 8;
    p->max_burst     = 16;
    p->parse_engines = 2;
    p->imem_depth    = 64;
    p->flows         = 64;
    p->axi_data_width = 128;
    p->reta_size     = 128;
}

static int is_pow2(uint32_t v) { return v && !(v & (v - 1)); }

/* The same ranges as nicrx_top's elaboration-time checks (rtl/nicrx_params.vh). */
const char *nicrx_params_check(const nicrx_params_t *p)
{
    if (p->data_width != 32 && p->data_width != 64)
        return "DATA_WIDTH must be 32 or 64";
    if (p->axi_data_width != p->data_width && p->axi_data_width != 2 * p->data_width)
        return "AXI_DATA_WIDTH must be DATA_WIDTH or twice it";
    if (!is_pow2(p->pkt_mem_bytes) || p->pkt_mem_bytes < p->max_frame)
        return "PKT_MEM_BYTES must be a power of two and at least MAX_FRAME";
    if (p->pkt_mem_bytes / (p->data_width / 8) < 16 || p->pkt_mem_bytes / (p->data_width / 8) > 32768)
        return "PKT_MEM_BYTES must be 16..32768 words of DATA_WIDTH";
    if (p->header_bytes != 64 && p->header_bytes != 128 && p->header_bytes != 256)
        return "HEADER_BYTES must be 64, 128 or 256";
    if (p->max_frame < 64 || p->max_frame > 16383)
        return "MAX_FRAME must be 64..16383";
    if (p->num_cq != 1 && p->num_cq != 2 && p->num_cq != 4 && p->num_cq != 8)
        return "NUM_CQ must be 1, 2, 4 or 8";
    if (!is_pow2(p->fq_depth) || p->fq_depth < 2 || p->fq_depth > 256)
        return "FQ_DEPTH must be a power of two, 2..256";
    if (!is_pow2(p->desc_depth) || p->desc_depth < 4 || p->desc_depth > 64)
        return "DESC_DEPTH must be a power of two, 4..64";
    if (!is_pow2(p->max_burst) || p->max_burst < 2 || p->max_burst > 256)
        return "MAX_BURST must be a power of two, 2..256";
    if (p->max_burst * p->axi_data_width < 8 * NICRX_CMPL_BYTES)
        return "MAX_BURST beats of AXI_DATA_WIDTH must hold a 32-byte completion record (one burst)";
    if (p->parse_engines != 1 && p->parse_engines != 2)
        return "PARSE_ENGINES must be 1 or 2";
    if (!is_pow2(p->imem_depth) || p->imem_depth < 16 || p->imem_depth > NICRX_IMEM_MAX)
        return "IMEM_DEPTH must be a power of two, 16..256";
    if (!is_pow2(p->flows) || p->flows < 8 || p->flows > 256)
        return "FLOWS must be a power of two, 8..256";
    if (!is_pow2(p->reta_size) || p->reta_size < 16 || p->reta_size > RSS_RETA_MAX)
        return "RETA_SIZE must be a power of two, 16..512";
    return NULL;
}

nicrx_model_t *nicrx_model_new(const nicrx_params_t *p)
{
    if (nicrx_params_check(p))
        return NULL;
    nicrx_model_t *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    nicrx_geom_init(&m->g, p);
    if (ram_init(&m->pm, m->g.pm_words) != 0 || dma_init(&m->dma, &m->g) != 0 ||
        desc_fetch_init(&m->dfe, &m->g, NICRX_NUM_FBR) != 0 ||
        parser_init(&m->par, &m->g) != 0 || flow_key_init(&m->fk, &m->g) != 0 ||
        flow_init(&m->flow, &m->g) != 0) {
        nicrx_model_free(m);
        return NULL;
    }
    /* the default program, like IMEM_INIT; an IMEM_DEPTH too small for it starts empty */
    parser_load_program(&m->par, nicrx_default_program, nicrx_default_program_insns);
    ingress_init(&m->ing, &m->g);
    rss_powerup(&m->rss, &m->g);
    red_init(&m->red, &m->g);
    xfer_plan_init(&m->xp);
    irq_init(&m->irq, m->g.p.num_cq);
    csr_init(&m->csr, &m->g);
    flist_init(&m->fl, NICRX_FLIST_LISTS, NICRX_FLIST_DEPTH);
    /* the outputs after reset, before the first edge */
    ingress_out(&m->ing, &m->w[0].ing);
    ram_out(&m->pm, &m->w[0].pm);
    parser_out(&m->par, &m->w[0].par);
    flow_key_out(&m->fk, &m->w[0].fk);
    flow_out(&m->flow, &m->w[0].flow);
    rss_out(&m->rss, &m->w[0].rss);
    red_out(&m->red, &m->w[0].red);
    xfer_plan_out(&m->xp, &m->w[0].xp);
    desc_fetch_out(&m->dfe, &m->w[0].dfe);
    irq_out(&m->irq, &m->w[0].irq);
    msix_init(&m->msix, m->g.p.num_cq, m->g.p.axi_data_width);
    msix_out(&m->msix, &m->w[0].msix);
    dma_out(&m->dma, &m->w[0].dma);
    flist_out(&m->fl, &m->w[0].fl);
    csr_out(&m->csr, &m->w[0].cfg, &m->w[0].axil);
#ifdef NICRX_MODEL_SHUFFLE
    const char *seed = getenv("NICRX_MODEL_SHUFFLE_SEED");
    m->order = seed ? strtoull(seed, NULL, 0) : 0x9e3779b97f4a7c15ull;
    m->inject = getenv("NICRX_MODEL_SHUFFLE_INJECT") != NULL;
#endif
    return m;
}

void nicrx_model_free(nicrx_model_t *m)
{
    if (!m)
        return;
    ram_free(&m->pm);
    dma_free(&m->dma);
    desc_fetch_free(&m->dfe);
    parser_free(&m->par);
    flow_key_free(&m->fk);
    flow_free(&m->flow);
    free(m);
}

int nicrx_model_load_program(nicrx_model_t *m, const uint32_t *words, uint32_t n_insn)
{
    return parser_load_program(&m->par, words, n_insn);
}

void nicrx_model_set_event_fn(nicrx_model_t *m, nicrx_event_fn fn, void *ctx)
{
    m->ev.fn = fn;
    m->ev.ctx = ctx;
}

/* What nicrx_csr sees: the DMA's status, the descriptor fetch's ring status, the
 * ingress's, the parser's and the flow manager's counters, the parser's bank state,
 * the flow manager's status and
 * window load, and idle only when every block is idle (st_idle in nicrx_top.v). */
static void gather_status(const wires_t *o, csr_status_t *st)
{
    *st = o->dma.st;
    for (unsigned r = 0; r < NICRX_NUM_FBR; r++) {
        st->fbr_head[r] = o->dfe.fbr_head[r];
        st->fbr_err[r] = o->dfe.fbr_err[r];
    }
    for (unsigned i = 0; i < NICRX_NUM_COUNTERS; i++)
        st->cnt[i] |= o->ing.cnt[i] | o->par.cnt[i] | o->flow.cnt[i];
    st->flow = o->flow.st;
    st->parser_bank = o->par.bank;
    st->parser_swap_pending = o->par.swap_pending;
    st->cnt[NICRX_CNT_MSIX_WRITES] = o->msix.cnt_w;
    st->cnt[NICRX_CNT_MSIX_ERROR] = o->msix.cnt_e;
    st->red_avg = o->red.avg;
    st->red_peak = o->red.peak;
    st->red_bad = o->red.bad;
    st->xfer_cfg_err = o->xp.st_cfg_err;
    st->flist_bound = o->fl.st_bound;
    st->flist_err = o->fl.st_err;
    st->flist_cnt = o->fl.st_cnt;
    st->flist_head = o->fl.st_head;
    st->cnt[NICRX_CNT_FLIST_FALLBACK] = o->fl.cnt_fallback;
    st->idle = o->ing.idle && o->par.idle && !o->hvs.full && o->fk.idle && o->flow.idle && o->rss.idle && o->red.idle &&
               o->xp.idle && o->dfe.idle && o->dma.st.idle && o->msix.idle;
}

/* ---- one block's edge: its inputs wired from o (before the edge), its outputs into n */
static void step_csr(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    csr_status_t st;

    gather_status(o, &st);
    const csr_in_t in = { &m->in, &st };
    csr_step(&m->csr, &in);
    memset(&n->axil, 0, sizeof n->axil);
    /* The configuration is a function of the CSR block's state, which changes only on a
     * register access, a pulse or a counted event: built again only then (building it
     * every cycle was the model's costliest step) */
    if (memcmp(&m->csr, &m->cfg_src, sizeof m->csr) != 0) {
        csr_out(&m->csr, &m->cfg, NULL);
        memcpy(&m->cfg_src, &m->csr, sizeof m->csr);
    }
    n->cfg = m->cfg;
    csr_out(&m->csr, NULL, &n->axil);
}

/* The blocks' event sink: none at an edge under reset, where every register takes its reset
 * value and nothing the edge would have done happens (a frame in flight is lost, not
 * delivered, queued or dropped). */
static const evsink_t *ev_sink(const nicrx_model_t *m)
{
    return m->in.rst ? NULL : &m->ev;
}

static void step_dma(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    dma_in_t in = { .top = m->in, .s_fl_valid = o->xp.m_fl_valid, .s_fl = o->xp.m_fl,
                    .pm_rd_data = o->pm.rd_data, .s_rerr = o->dfe.rerr, .now = (uint16_t)o->flow.st.time,
                    .cfg = o->cfg, .ev = ev_sink(m) };

    for (unsigned r = 0; r < NICRX_REASM_RING; r++) {
        in.s_desc_valid[r] = o->dfe.m_desc_valid[r];
        in.s_desc[r] = o->dfe.m_desc[r];
    }
    /* ring 3's lane passes nicrx_flist */
    in.s_desc_valid[NICRX_REASM_RING] = o->fl.o_valid;
    in.s_desc[NICRX_REASM_RING] = o->fl.o_data;
    in.s_desc_bad3 = o->fl.o_bad;
    msix_to_dma(&o->msix, &in.top);   /* the DMA's port is nicrx_msix's */
    dma_step(&m->dma, &in, &n->dma);
}

static void step_msix(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    msix_in_t in = { .rst = m->in.rst, .irq = o->irq.irq, .dma = o->dma.axi, .top = m->in };

    for (unsigned q = 0; q < NICRX_MAX_CQ; q++) {
        in.en[q] = o->cfg.msix_en[q];
        in.addr[q] = o->cfg.msix_addr[q];
        in.data[q] = o->cfg.msix_data[q];
    }
    msix_step(&m->msix, &in, &n->msix);
}

static void step_desc_fetch(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    desc_fetch_in_t in = { .top = m->in };

    for (unsigned r = 0; r < NICRX_NUM_FBR; r++) {
        in.fbr_base[r] = o->cfg.fbr_base[r];
        in.fbr_size_log2[r] = o->cfg.fbr_size_log2[r];
        in.fbr_en[r] = o->cfg.fbr_en[r];
        in.fbr_tail[r] = o->cfg.fbr_tail[r];
        in.s_desc_pop[r] = o->dma.m_desc_pop[r];
    }
    in.s_desc_pop[NICRX_REASM_RING] = flist_pop(&o->fl, o->dma.m_desc_pop[NICRX_REASM_RING]);
    desc_fetch_step(&m->dfe, &in, &n->dfe);
}

static void step_flist(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const flist_in_t in = { .rst = m->in.rst, .cfg_page_log2 = o->cfg.reasm_page_log2,
                            .cfg_cmd = o->cfg.flist_cmd, .cfg_sel = o->cfg.flist_sel,
                            .cfg_flow = o->cfg.flist_flow, .cfg_addr = o->cfg.flist_addr,
                            .cfg_id = o->cfg.flist_id, .cfg_size = o->cfg.flist_size,
                            .s_head = o->dma.m_head, .s_desc_valid = o->dfe.m_desc_valid[NICRX_REASM_RING],
                            .s_desc = o->dfe.m_desc[NICRX_REASM_RING],
                            .s_desc_pop = o->dma.m_desc_pop[NICRX_REASM_RING] };
    flist_step(&m->fl, &in, &n->fl);
}

static void step_irq(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    irq_in_t in = { .rst = m->in.rst, .irq_tick = o->cfg.irq_tick };

    for (unsigned q = 0; q < NICRX_MAX_CQ; q++) {
        in.cq_irq_en[q] = o->cfg.cq_irq_en[q];
        in.cq_head[q] = o->cfg.cq_head[q];
        in.irq_count[q] = o->cfg.irq_count[q];
        in.irq_time[q] = o->cfg.irq_time[q];
        in.irq_mask[q] = o->cfg.irq_mask[q];
        in.s_cq_tail[q] = o->dma.st.cq_tail[q];
    }
    irq_step(&m->irq, &in, &n->irq);
}

static void step_rss(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const rss_in_t in = { .rst = m->in.rst, .s_hv_valid = o->hvs.full, .s_hv_ready = o->fk.s_hv_ready,
                          .s_hv = o->hvs.data, .s_fl_valid = o->flow.m_fl_valid, .s_fl = o->flow.m_fl,
                          .cfg = o->cfg };
    rss_step(&m->rss, &in, &n->rss);
}

static void step_red(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const red_in_t in = { .rst = m->in.rst, .s_cm_valid = o->ing.m_cm_valid, .s_cm = o->ing.m_cm,
                          .pm_rel_ptr = o->dma.pm_rel_ptr, .s_fl_valid = o->rss.m_fl_valid,
                          .s_fl = o->rss.m_fl, .cfg = o->cfg, .ev = ev_sink(m) };
    red_step(&m->red, &in, &n->red);
}

/* the header ring (ring 2): its enable and buffer size decide whether a frame may split */
static void step_xfer_plan(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const xfer_plan_in_t in = { .rst = m->in.rst, .s_fl_valid = o->red.m_fl_valid, .s_fl = o->red.m_fl,
                                .cfg = xfer_cfg_of(&o->cfg) };
    xfer_plan_step(&m->xp, &in, &n->xp);
}

static void step_pm(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const ram_in_t in = { .wr_en = o->ing.pm_wr_en, .wr_addr = o->ing.pm_wr_addr,
                          .wr_data = o->ing.pm_wr_data, .rd_en = o->dma.pm_rd_en,
                          .rd_addr = o->dma.pm_rd_addr };
    ram_step(&m->pm, &in, &n->pm);
}

static void step_flow(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const flow_in_t in = { .rst = m->in.rst, .s_fk_valid = o->fk.m_fk_valid, .s_fk = o->fk.m_fk,
                           .cfg = o->cfg, .ev = ev_sink(m) };
    flow_step(&m->flow, &in, &n->flow);
}

static void step_flow_key(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    flow_key_in_t in = { .rst = m->in.rst, .s_hv_valid = o->hvs.full, .s_hv = o->hvs.data,
                         .hm_wr_en = o->ing.hm_wr_en, .hm_wr_addr = o->ing.hm_wr_addr,
                         .pm_wr_data = o->ing.pm_wr_data, .cfg = o->cfg, .flow_busy = o->flow.st.busy,
                         .m_fk_ready = o->flow.s_fk_ready };
#ifdef NICRX_MODEL_SHUFFLE
    if (m->inject) { /* self-test: a coupling of the kind this model once had, read from the stage's state */
        in.s_hv_valid = m->hvs.full;
        in.s_hv = m->hvs.data;
    }
#endif
    flow_key_step(&m->fk, &in, &n->fk);
}

static void step_parser(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const parser_in_t in = { .rst = m->in.rst, .hm_wr_en = o->ing.hm_wr_en,
                             .hm_wr_addr = o->ing.hm_wr_addr, .pm_wr_data = o->ing.pm_wr_data,
                             .s_cm_valid = o->ing.m_cm_valid, .s_cm = o->ing.m_cm, .cfg = o->cfg,
                             .m_hv_ready = !o->hvs.full, .ev = ev_sink(m) };
    parser_step(&m->par, &in, &n->par);
}

static void step_hv_stage(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const stage_in_t in = { .rst = m->in.rst, .s_valid = o->par.m_hv_valid, .s_data = &o->par.m_hv,
                            .m_ready = o->fk.s_hv_ready };

    stage_step(&m->hvs.full, &m->hvs.data, sizeof m->hvs.data, &in);
    n->hvs = m->hvs;
}

static void step_ingress(nicrx_model_t *m, const wires_t *o, wires_t *n)
{
    const ingress_in_t in = { .top = m->in, .cfg_enable = o->cfg.enable,
                              .pm_rel_ptr = o->dma.pm_rel_ptr, .fq_pop = o->dma.fq_pop,
                              .ev = ev_sink(m) };
    ingress_step(&m->ing, &in, &n->ing);
}

/* The table's order is the one the blocks once had to step in (t_shuffle's self-test
 * relies on the flow key block stepping before the parser); any other is as good. */
typedef void (*block_step_fn)(nicrx_model_t *m, const wires_t *o, wires_t *n);
static const block_step_fn blocks[] = { step_csr, step_dma, step_flist, step_msix, step_desc_fetch, step_irq, step_rss, step_red,
                                        step_xfer_plan, step_pm, step_flow, step_flow_key, step_hv_stage, step_parser,
                                        step_ingress };
#define NUM_BLOCKS (sizeof blocks / sizeof blocks[0])

/* Inputs narrower than 64 bits on the RTL ports lose their upper bits. */
static void mask_inputs(const nicrx_geom_t *g, const nicrx_in_t *in, nicrx_in_t *out)
{
    uint64_t dmask = g->p.data_width == 64 ? ~0ull : (1ull << g->p.data_width) - 1;
    *out = *in;
    out->s_axis_tdata &= dmask;
    out->s_axis_tkeep &= (uint8_t)((1u << g->bytes_per_beat) - 1);
    if (g->p.axi_data_width < 128) out->m_axi_rdata[1] = 0;
    if (g->p.axi_data_width < 64) out->m_axi_rdata[0] &= 0xffffffffull;
    out->m_axi_bresp &= 3;
    out->m_axi_rresp &= 3;
    out->s_axil_awaddr &= 0xfff;
    out->s_axil_araddr &= 0xfff;
    out->s_axil_wstrb &= 0xf;
}

void nicrx_model_step(nicrx_model_t *m, const nicrx_in_t *in_raw)
{
    unsigned order[NUM_BLOCKS];

    mask_inputs(&m->g, in_raw, &m->in);
    m->ev.cycle = m->cycle;
    for (unsigned i = 0; i < NUM_BLOCKS; i++)
        order[i] = i;
#ifdef NICRX_MODEL_SHUFFLE
    for (unsigned i = NUM_BLOCKS; m->order && i > 1; i--) {   /* Fisher-Yates, xorshift64 */
        unsigned k, t;

        m->order ^= m->order << 13;
        m->order ^= m->order >> 7;
        m->order ^= m->order << 17;
        k = (unsigned)(m->order % i);
        t = order[i - 1];
        order[i - 1] = order[k];
        order[k] = t;
    }
#endif
    for (unsigned i = 0; i < NUM_BLOCKS; i++)
        blocks[order[i]](m, &m->w[m->cur], &m->w[m->cur ^ 1u]);
    m->cur ^= 1u;
    m->cycle++;
}

void nicrx_model_outputs(const nicrx_model_t *m, nicrx_out_t *out)
{
    const wires_t *w = &m->w[m->cur];

    *out = w->dma.axi;
    msix_port(&w->msix, m->g.p.axi_data_width / 32, &w->dma.axi, out);
    out->m_axi_arvalid = w->dfe.m_axi_arvalid;
    out->m_axi_araddr  = w->dfe.m_axi_araddr;
    out->m_axi_arlen   = w->dfe.m_axi_arlen;
    out->m_axi_rready  = 1;
    out->irq           = w->irq.irq;
    out->s_axil_awready = w->axil.s_axil_awready;
    out->s_axil_wready  = w->axil.s_axil_wready;
    out->s_axil_bvalid  = w->axil.s_axil_bvalid;
    out->s_axil_bresp   = w->axil.s_axil_bresp;
    out->s_axil_arready = w->axil.s_axil_arready;
    out->s_axil_rvalid  = w->axil.s_axil_rvalid;
    out->s_axil_rresp   = w->axil.s_axil_rresp;
    out->s_axil_rdata   = w->axil.s_axil_rdata;
}

uint64_t nicrx_model_cycle(const nicrx_model_t *m) { return m->cycle; }

void nicrx_model_set_next_frame(nicrx_model_t *m, uint64_t frame) { m->ing.frame_cnt = frame; }

const nicrx_params_t *nicrx_model_params(const nicrx_model_t *m) { return &m->g.p; }

void nicrx_model_occupancy(const nicrx_model_t *m, nicrx_occupancy_t *o)
{
    /* the ingress's pointers carry a wrap bit above PM_AW, as in the RTL */
    uint32_t mask = (2u << m->g.pm_aw) - 1u;

    o->pm_words = (m->ing.wr_ptr_reg - m->w[m->cur].dma.pm_rel_ptr) & mask;
    o->fq_frames = m->ing.outst_reg;
}

uint32_t nicrx_model_peek_reg(const nicrx_model_t *m, uint32_t addr)
{
    csr_status_t st;

    gather_status(&m->w[m->cur], &st);
    return csr_peek(&m->csr, &st, addr);
}
