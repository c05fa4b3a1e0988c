/* csr.c - C twin of rtl/nicrx_csr.v (see csr.h and docs/registers.md).
 *
 * Decode, storage, reset, byte-strobe merge, clamps and the read mux interpret the
 * table generated from regs/nicrx.regs (csr_map.h), as the RTL includes the decode
 * generated from it; the side effects are written out below, as in nicrx_csr.v. */
#include "csr.h"

#include <string.h>
#include "csr_map.h"

#define RESP_OKAY   0u
#define RESP_SLVERR 2u

/* Element i of a state, whatever its C type. */
static uint64_t elem_get(const csr_regs_t *r, const csr_state_t *st, uint32_t i)
{
    const uint8_t *p = (const uint8_t *)r + st->off + (size_t)i * st->size;
    uint8_t b;
    uint16_t h;
    uint32_t w;
    uint64_t d;

    switch (st->size) {
    case 1: memcpy(&b, p, 1); return b;
    case 2: memcpy(&h, p, 2); return h;
    case 4: memcpy(&w, p, 4); return w;
    default: memcpy(&d, p, 8); return d;
    }
}

static void elem_set(csr_regs_t *r, const csr_state_t *st, uint32_t i, uint64_t v)
{
    uint8_t *p = (uint8_t *)r + st->off + (size_t)i * st->size;
    uint8_t b = (uint8_t)v;
    uint16_t h = (uint16_t)v;
    uint32_t w = (uint32_t)v;

    switch (st->size) {
    case 1: memcpy(p, &b, 1); break;
    case 2: memcpy(p, &h, 2); break;
    case 4: memcpy(p, &w, 4); break;
    default: memcpy(p, &v, 8); break;
    }
}

static uint32_t field_mask(const csr_field_t *f)
{
    return f->width == 32 ? 0xffffffffu : (1u << f->width) - 1u;
}

static void csr_reset(csr_t *s)
{
    nicrx_geom_t g = s->g;
    uint32_t v[CSR_NUM_VALUES];

    memcpy(v, s->values, sizeof v);
    memset(s, 0, sizeof *s);
    s->g = g;
    memcpy(s->values, v, sizeof v);
    for (uint32_t k = 0; k < sizeof csr_states / sizeof csr_states[0]; k++)
        for (uint32_t i = 0; i < csr_states[k].n; i++)
            elem_set(&s->r, &csr_states[k], i, csr_states[k].reset);
    s->bresp = RESP_OKAY;
    s->rresp = RESP_OKAY;
}

void csr_init(csr_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->g = *g;
    csr_map_values(&g->p, s->values);
    csr_reset(s);
}

void csr_out(const csr_t *s, csr_cfg_t *cfg, nicrx_out_t *o)
{
    const csr_regs_t *r = &s->r;

    if (cfg) {
        memset(cfg, 0, sizeof *cfg);
        cfg->enable = r->enable;
        cfg->qsel_log2 = r->qsel;
        for (uint32_t i = 0; i < NICRX_NUM_FBR; i++) {
            cfg->fbr_base[i] = r->fbr_base[i];
            cfg->fbr_size_log2[i] = r->fbr_size_log2[i];
            cfg->fbr_buf_size[i] = r->fbr_buf_size[i];
            cfg->fbr_en[i] = r->fbr_en[i];
            cfg->fbr_tail[i] = r->fbr_tail[i];
        }
        for (uint32_t q = 0; q < s->g.p.num_cq && q < NICRX_MAX_CQ; q++) {
            cfg->cq_base[q] = r->cq_base[q];
            cfg->cq_size_log2[q] = r->cq_size_log2[q];
            cfg->cq_en[q] = r->cq_en[q];
            cfg->cq_irq_en[q] = r->cq_irq_en[q];
            cfg->cq_head[q] = r->cq_head[q];
            cfg->irq_count[q] = r->irq_count[q];
            cfg->irq_time[q] = r->irq_time[q];
            cfg->irq_mask[q] = r->irq_mask[q];
            cfg->msix_en[q] = r->msix_en[q];
            cfg->msix_addr[q] = r->msix_addr[q];
            cfg->msix_data[q] = r->msix_data[q];
        }
        cfg->irq_tick = r->irq_tick;
        cfg->step_limit = r->step_limit;
        cfg->swap = r->swap;
        cfg->imem_we = s->imem_we;
        cfg->imem_addr = s->imem_addr;
        memcpy(cfg->imem_data, s->imem_data, sizeof cfg->imem_data);
        cfg->flow_ctrl = r->flow_ctrl;
        cfg->flow_thresh = r->flow_thresh;
        cfg->flow_tick = r->flow_tick;
        cfg->flow_age = r->flow_age;
        cfg->flow_cmd = r->flow_cmd;
        cfg->flow_sel = r->flow_sel;
        cfg->ctx_info = r->ctx_info;
        cfg->ctx_seq = r->ctx_seq;
        cfg->ctx_ack = r->ctx_ack;
        cfg->ctx_opt = r->ctx_opt;
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
            cfg->ctx_key[k] = (uint8_t)(r->ctx_key[k / 4] >> (8 * (k % 4)));
        cfg->red_mode = r->red_mode;
        cfg->red_wlog = r->red_wlog;
        cfg->red_maxp = r->red_maxp;
        cfg->red_min = r->red_min;
        cfg->red_max = r->red_max;
        cfg->red_exempt = r->red_exempt;
        cfg->red_seed = r->red_seed;
        memcpy(cfg->red_th, r->red_th, sizeof cfg->red_th);
        memcpy(cfg->red_p, r->red_p, sizeof cfg->red_p);
        cfg->red_peak_clr = r->red_peak_clr;
        {
            const uint32_t key[10] = { r->rss_key0, r->rss_key1, r->rss_key2, r->rss_key3, r->rss_key4,
                                       r->rss_key5, r->rss_key6, r->rss_key7, r->rss_key8, r->rss_key9 };

            for (uint32_t k = 0; k < sizeof cfg->rss_key; k++)
                cfg->rss_key[k] = (uint8_t)(key[k / 4] >> (8 * (k % 4)));
        }
        cfg->rss_types = r->rss_types;
        cfg->rss_mode = r->rss_mode;
        cfg->reta_we = s->reta_we;
        cfg->reta_addr = s->reta_addr;
        cfg->reta_data = r->reta_idata;
        cfg->xfer_split = r->xfer_split;
        cfg->xfer_small = r->xfer_small;
        cfg->xfer_page_en = r->xfer_page_en;
        cfg->xfer_page_log2 = r->xfer_page_log2;
        cfg->xfer_page_align = r->xfer_page_align;
        cfg->xfer_buf_wait = r->xfer_buf_wait;
        cfg->reasm_en = r->reasm_en;
        cfg->reasm_flush = r->reasm_flush;
        cfg->reasm_page_log2 = r->reasm_page_log2;
        cfg->reasm_max_bytes = r->reasm_max_bytes;
        cfg->reasm_max_segs = r->reasm_max_segs;
        cfg->reasm_timeout = r->reasm_timeout;
        cfg->reasm_strip = r->reasm_strip;
        cfg->flist_cmd = r->flist_cmd;
        cfg->flist_sel = r->flist_sel;
        cfg->flist_flow = (uint16_t)(r->flist_gen << 8 | r->flist_flow);
        cfg->flist_addr = r->flist_addr;
        cfg->flist_id = r->flist_id;
        cfg->flist_size = r->flist_size;
    }
    if (o) {
        o->s_axil_awready = s->wr_ready;
        o->s_axil_wready = s->wr_ready;
        o->s_axil_bvalid = s->bvalid;
        o->s_axil_bresp = s->bresp;
        o->s_axil_arready = s->arready;
        o->s_axil_rvalid = s->rvalid;
        o->s_axil_rdata = s->rdata;
        o->s_axil_rresp = s->rresp;
    }
}

/* The register instance at addr (bits [1:0] ignored): its id, -1 if unmapped. */
static int lookup(const csr_t *s, uint32_t addr, uint32_t *inst)
{
    addr &= 0xffcu;
    for (int k = 0; k < CSR_NUM_REGS; k++) {
        const csr_reg_t *g = &csr_regs[k];
        if (addr >= g->base && (addr - g->base) % g->stride == 0 &&
            (addr - g->base) / g->stride < s->values[g->count]) {
            *inst = (addr - g->base) / g->stride;
            return k;
        }
    }
    return -1;
}

/* The read mux: value and response of a read of addr in the current state. */
static uint32_t csr_read(const csr_t *s, const csr_status_t *st, uint32_t addr, uint8_t *resp)
{
    uint32_t i = 0, v = 0;
    int id = lookup(s, addr, &i);

    if (resp)
        *resp = id >= 0 ? RESP_OKAY : RESP_SLVERR;
    if (id < 0)
        return 0;
    for (uint32_t k = 0; k < csr_regs[id].n; k++) {
        const csr_field_t *f = &csr_fields[csr_regs[id].first + k];
        uint32_t x;
        if (f->acc == CSR_WP)       /* write-only: reads 0 */
            continue;
        if (f->src == CSR_STATE)
            x = (uint32_t)(elem_get(&s->r, &csr_states[f->idx], i) >> f->slo);
        else if (f->src == CSR_VALUE)
            x = s->values[f->idx];
        else
            x = csr_map_in(st, f->idx, i);
        v |= (x & field_mask(f)) << f->lo;
    }
    return v;
}

uint32_t csr_peek(const csr_t *s, const csr_status_t *st, uint32_t addr)
{
    return csr_read(s, st, addr & 0xfffu, NULL);
}

/* The register write performed at an edge where wr_ready is high: each writable
 * field merged under the byte strobes from the current state into n, then clamped.
 * Returns the register's id (-1: unmapped, nothing written) and *inst its instance. */
static int csr_write(const csr_t *s, csr_t *n, uint32_t addr, uint32_t data, uint32_t strb, uint32_t *inst)
{
    uint32_t mask = 0;
    int id = lookup(s, addr, inst);

    for (uint32_t b = 0; b < 4; b++)
        if (strb & (1u << b))
            mask |= 0xffu << (8 * b);
    for (uint32_t k = 0; id >= 0 && k < csr_regs[id].n; k++) {
        const csr_field_t *f = &csr_fields[csr_regs[id].first + k];
        const csr_state_t *st = &csr_states[f->idx];
        uint32_t m = field_mask(f), d = (data >> f->lo) & m, w = (mask >> f->lo) & m, old, v;
        uint64_t e;
        if (f->acc == CSR_RO)
            continue;
        old = f->acc == CSR_WP ? 0 : (uint32_t)(elem_get(&s->r, st, *inst) >> f->slo) & m;
        v = f->acc == CSR_W1C ? old & ~(d & w) : (old & ~w) | (d & w);
        if (f->has_min && v < f->min)
            v = f->min;
        if (f->max >= 0 && v > s->values[f->max])
            v = s->values[f->max];
        e = elem_get(&n->r, st, *inst) & ~((uint64_t)m << f->slo);
        elem_set(&n->r, st, *inst, e | (uint64_t)v << f->slo);
    }
    return id;
}

void csr_step(csr_t *s, const csr_in_t *in)
{
    const nicrx_in_t *t = in->top;
    const flow_status_t *fl = &in->st->flow;
    csr_t next = *s;

    if (t->rst) {
        csr_reset(&next);
        *s = next;
        return;
    }

    /* WP states and the store pulse last one cycle */
    for (uint32_t k = 0; k < sizeof csr_states / sizeof csr_states[0]; k++)
        for (uint32_t i = 0; csr_states[k].pulse && i < csr_states[k].n; i++)
            elem_set(&next.r, &csr_states[k], i, 0);
    next.imem_we = 0;
    next.reta_we = 0;
    /* write channel */
    next.wr_ready = 0;
    if (s->bvalid && t->s_axil_bready)
        next.bvalid = 0;
    if (!s->wr_ready && !s->bvalid && t->s_axil_awvalid && t->s_axil_wvalid)
        next.wr_ready = 1;
    if (s->wr_ready) {
        uint32_t data = t->s_axil_wdata, strb = t->s_axil_wstrb & 0xfu, i = 0;
        int id = csr_write(s, &next, t->s_axil_awaddr & 0xfffu, data, strb, &i);
        next.bvalid = 1;
        next.bresp = id >= 0 ? RESP_OKAY : RESP_SLVERR;
        /* writing enable = 0 (byte 0 written) also clears the ring's or queue's doorbell */
        if ((strb & 1u) && !(data & 1u) && id == CSR_R_FBR_CTRL)
            next.r.fbr_tail[i] = 0;
        if ((strb & 1u) && !(data & 1u) && id == CSR_R_CQ_CTRL)
            next.r.cq_head[i] = 0;
        /* an IDATA3 write (any byte) stores the instruction at IADDR, then IADDR moves on */
        if (id == CSR_R_PARSER_IDATA && i == 3 && strb) {
            next.imem_we = 1;
            next.imem_addr = s->r.iaddr;
            memcpy(next.imem_data, next.r.idata, sizeof next.imem_data);
            next.r.iaddr = (uint8_t)(s->r.iaddr + 1u);
        }
        /* an RSS_RETA_IDATA write (any byte) stores the entry at IADDR, then IADDR moves on */
        if (id == CSR_R_RSS_RETA_IDATA && strb) {
            next.reta_we = 1;
            next.reta_addr = s->r.reta_iaddr;
            next.r.reta_iaddr = (uint16_t)((s->r.reta_iaddr + 1u) & 0x1ffu);
        }
    }
    /* a READ command's result loads the window, over a host write at this edge */
    if (fl->ctx_load) {
        next.r.ctx_info = fl->ctx_info & NICRX_FLOW_CTX_INFO_MASK;
        next.r.ctx_seq = fl->ctx_seq;
        next.r.ctx_ack = fl->ctx_ack;
        next.r.ctx_opt = fl->ctx_opt;
        next.r.ctx_time = fl->ctx_time;
        next.r.ctx_count = fl->ctx_count;
        memset(next.r.ctx_key, 0, sizeof next.r.ctx_key);
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
            next.r.ctx_key[k / 4] |= (uint32_t)fl->ctx_key[k] << (8 * (k % 4));
    }

    /* read channel: the value before this edge's write (E1), answered at the next (E2) */
    next.arready = 0;
    if (s->rvalid && t->s_axil_rready)
        next.rvalid = 0;
    if (!s->arready && !s->rd_pend && !s->rvalid && t->s_axil_arvalid)
        next.arready = 1;
    next.rd_pend = s->arready;
    if (s->arready)
        next.rd_value = csr_read(s, in->st, t->s_axil_araddr & 0xfffu, &next.rd_resp);
    if (s->rd_pend) {
        next.rvalid = 1;
        next.rdata = s->rd_value;
        next.rresp = s->rd_resp;
    }

    *s = next;
}
