/* model.c - the timing shell: wires the blocks as rtl/nicrx_top.v does and
 * advances them one edge at a time. */
#include <stdlib.h>
#include <string.h>

#include "nicrx_model.h"
#include "blocks.h"
#include "ingress.h"
#include "parser.h"
#include "flow.h"
#include "ram.h"
#include "dma.h"
#include "csr.h"
#include "imem.h"

struct nicrx_model {
    nicrx_geom_t g;
    evsink_t     ev;
    uint64_t     cycle;
    ingress_t    ing;
    parser_t     par;
    flow_t       flow;
    ram_t        pm;
    dma_t        dma;
    csr_t        csr;
    /* The blocks' registered outputs after the last edge: computed once per
     * edge, used by the next step and by nicrx_model_outputs(). */
    ingress_out_t io;
    parser_out_t  po;
    flow_out_t    fo;
    dma_out_t     dout;
    csr_cfg_t     cfg;
    csr_status_t  st;
    nicrx_out_t   out;
};

static void refresh_outputs(nicrx_model_t *m);

void nicrx_params_default(nicrx_params_t *p)
{
    p->data_width    = 64;
    p->pkt_mem_bytes = 16384;
    p->header_bytes  = 128;
    p->max_frame     = 9018;
    p->num_cq        = 4;
    p->fq_depth      = 32;
    p->desc_depth    = 8;
    p->max_burst     = 16;
    p->parse_engines = 2;
    p->imem_depth    = 64;
    p->flows         = 64;
}

static int is_pow2(uint32_t v) { return v && !(v & (v - 1)); }

/* The same ranges as nicrx_top's elaboration-time checks (rtl/nicrx_params.vh). */
const char *nicrx_params_check(const nicrx_params_t *p)
{
    if (p->data_width != 32 && p->data_width != 64)
        return "DATA_WIDTH must be 32 or 64";
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
    if (p->parse_engines != 1 && p->parse_engines != 2)
        return "PARSE_ENGINES must be 1 or 2";
    if (!is_pow2(p->imem_depth) || p->imem_depth < 16 || p->imem_depth > NICRX_IMEM_MAX)
        return "IMEM_DEPTH must be a power of two, 16..256";
    if (!is_pow2(p->flows) || p->flows < 8 || p->flows > 256)
        return "FLOWS must be a power of two, 8..256";
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
        parser_init(&m->par, &m->g) != 0 || flow_init(&m->flow, &m->g) != 0) {
        nicrx_model_free(m);
        return NULL;
    }
    /* the default program, like IMEM_INIT; an IMEM_DEPTH too small for it starts empty */
    parser_load_program(&m->par, nicrx_default_program, nicrx_default_program_insns);
    ingress_init(&m->ing, &m->g);
    csr_init(&m->csr, &m->g);
    refresh_outputs(m);
    return m;
}

void nicrx_model_free(nicrx_model_t *m)
{
    if (!m)
        return;
    ram_free(&m->pm);
    dma_free(&m->dma);
    parser_free(&m->par);
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

/* What nicrx_csr sees: the DMA's status plus the ingress's, the parser's and the
 * flow block's counters, the parser's bank state, the flow block's status and
 * window load, and idle only when every block is idle (st_idle in nicrx_top.v). */
static void gather_status(const ingress_out_t *io, const parser_out_t *po, const flow_out_t *fo,
                          const dma_out_t *dout, csr_status_t *st)
{
    *st = dout->st;
    for (unsigned i = 0; i < NICRX_NUM_COUNTERS; i++)
        st->cnt[i] |= io->cnt[i] | po->cnt[i] | fo->cnt[i];
    st->flow = fo->st;
    st->parser_bank = po->bank;
    st->parser_swap_pending = po->swap_pending;
    st->idle = io->idle && po->idle && fo->idle && dout->st.idle;
}

static void refresh_outputs(nicrx_model_t *m)
{
    nicrx_out_t axil;

    ingress_out(&m->ing, &m->io);
    parser_out(&m->par, &m->po);
    flow_out(&m->flow, &m->fo);
    dma_out(&m->dma, &m->dout);
    csr_out(&m->csr, &m->cfg, &axil);
    gather_status(&m->io, &m->po, &m->fo, &m->dout, &m->st);
    m->out = m->dout.axi;
    m->out.s_axil_awready = axil.s_axil_awready;
    m->out.s_axil_wready  = axil.s_axil_wready;
    m->out.s_axil_bvalid  = axil.s_axil_bvalid;
    m->out.s_axil_bresp   = axil.s_axil_bresp;
    m->out.s_axil_arready = axil.s_axil_arready;
    m->out.s_axil_rvalid  = axil.s_axil_rvalid;
    m->out.s_axil_rresp   = axil.s_axil_rresp;
    m->out.s_axil_rdata   = axil.s_axil_rdata;
}

/* Inputs narrower than 64 bits on the RTL ports lose their upper bits. */
static void mask_inputs(const nicrx_geom_t *g, const nicrx_in_t *in, nicrx_in_t *out)
{
    uint64_t dmask = g->p.data_width == 64 ? ~0ull : (1ull << g->p.data_width) - 1;
    *out = *in;
    out->s_axis_tdata &= dmask;
    out->s_axis_tkeep &= (uint8_t)((1u << g->bytes_per_beat) - 1);
    out->m_axi_rdata &= dmask;
    out->m_axi_bresp &= 3;
    out->m_axi_rresp &= 3;
    out->s_axil_awaddr &= 0xfff;
    out->s_axil_araddr &= 0xfff;
    out->s_axil_wstrb &= 0xf;
}

void nicrx_model_step(nicrx_model_t *m, const nicrx_in_t *in_raw)
{
    nicrx_in_t in;
    pm_rd_req_t rd;

    mask_inputs(&m->g, in_raw, &in);
    m->ev.cycle = m->cycle;

    /* m->po.hv points into the parser state, so the flow block steps before the
     * parser; the other blocks' outputs are copies. */
    csr_in_t ci = { &in, &m->st };
    csr_step(&m->csr, &ci);
    dma_in_t di = { &in, &m->fo, m->pm.rd_data, &m->cfg };
    dma_step(&m->dma, &di, &rd, &m->ev);
    ram_step(&m->pm, m->io.pm_wr_en, m->io.pm_wr_addr, m->io.pm_wr_data, rd.en, rd.addr);
    flow_in_t fi = { &in, &m->po, &m->io, &m->cfg };
    flow_step(&m->flow, &fi, &m->ev);
    parser_step(&m->par, &m->io, &m->cfg, &in, m->fo.hv_ready, &m->ev);
    ingress_in_t ii = { &in, m->cfg.enable, m->dout.pm_rel_ptr, m->dout.fq_pop };
    ingress_step(&m->ing, &ii, &m->ev);
    m->cycle++;
    refresh_outputs(m);
}

void nicrx_model_outputs(const nicrx_model_t *m, nicrx_out_t *out)
{
    *out = m->out;
}

uint64_t nicrx_model_cycle(const nicrx_model_t *m) { return m->cycle; }

const nicrx_params_t *nicrx_model_params(const nicrx_model_t *m) { return &m->g.p; }

uint32_t nicrx_model_peek_reg(const nicrx_model_t *m, uint32_t addr)
{
    return csr_peek(&m->csr, &m->st, addr);
}

const char *nicrx_reason_name(uint32_t reason)
{
    static const char *const names[NICRX_NUM_REASONS] = {
        "none", "bad_frame", "runt", "oversize", "pktmem_full", "disabled", "no_fit", "no_cq",
    };
    return reason < NICRX_NUM_REASONS ? names[reason] : "unknown";
}
