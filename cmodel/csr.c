/* csr.c - C twin of rtl/nicrx_csr.v (see csr.h and docs/registers.md). */
#include "csr.h"

#include <string.h>

#define RESP_OKAY   0u
#define RESP_SLVERR 2u

/* ceil(log2(v)), saturating at max (the RTL's log2_3 / log2_4 functions). */
static uint32_t clog2_sat(uint32_t v, uint32_t max)
{
    uint32_t k = 0;
    while (k < max && (1u << k) < v)
        k++;
    return k;
}

static uint32_t caps0(const nicrx_geom_t *g)
{
    return (((g->p.pkt_mem_bytes / 64u) & 0xffffu) << 16) |
           ((g->p.num_cq & 0xfu) << 8) | (g->p.data_width & 0xffu);
}

static uint32_t caps1(const nicrx_geom_t *g)
{
    return (clog2_sat(g->p.max_burst, 15u) << 28) |
           (clog2_sat(g->p.desc_depth, 15u) << 24) |
           (clog2_sat(g->p.fq_depth, 15u) << 20) |
           (clog2_sat(g->p.header_bytes, 15u) << 16) |
           (g->p.max_frame & 0xffffu);
}

static void csr_reset(csr_t *s)
{
    nicrx_geom_t g = s->g;
    memset(s, 0, sizeof *s);
    s->g = g;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        s->fbr_size_log2[r] = 1;
    for (uint32_t q = 0; q < s->g.p.num_cq && q < NICRX_MAX_CQ; q++)
        s->cq_size_log2[q] = 1;
    s->step_limit = NICRX_PARSER_STEP_LIMIT_RESET;
    s->flow_ctrl = NICRX_FLOW_CTRL_RESET;
    s->flow_thresh = NICRX_FLOW_THRESH_RESET;
    s->flow_tick = NICRX_FLOW_TICK_RESET;
    s->bresp = RESP_OKAY;
    s->rresp = RESP_OKAY;
}

void csr_init(csr_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->g = *g;
    csr_reset(s);
}

void csr_out(const csr_t *s, csr_cfg_t *cfg, nicrx_out_t *o)
{
    if (cfg) {
        memset(cfg, 0, sizeof *cfg);
        cfg->enable = s->enable;
        cfg->qsel_log2 = s->qsel;
        for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
            cfg->fbr_base[r] = s->fbr_base[r];
            cfg->fbr_size_log2[r] = s->fbr_size_log2[r];
            cfg->fbr_buf_size[r] = s->fbr_buf_size[r];
            cfg->fbr_en[r] = s->fbr_en[r];
            cfg->fbr_tail[r] = s->fbr_tail[r];
        }
        for (uint32_t q = 0; q < s->g.p.num_cq && q < NICRX_MAX_CQ; q++) {
            cfg->cq_base[q] = s->cq_base[q];
            cfg->cq_size_log2[q] = s->cq_size_log2[q];
            cfg->cq_en[q] = s->cq_en[q];
            cfg->cq_irq_en[q] = s->cq_irq_en[q];
            cfg->cq_head[q] = s->cq_head[q];
        }
        cfg->step_limit = s->step_limit;
        cfg->swap = s->swap;
        cfg->imem_we = s->imem_we;
        cfg->imem_addr = s->imem_addr;
        memcpy(cfg->imem_data, s->imem_data, sizeof cfg->imem_data);
        cfg->flow_ctrl = s->flow_ctrl;
        cfg->flow_thresh = s->flow_thresh;
        cfg->flow_tick = s->flow_tick;
        cfg->flow_age = s->flow_age;
        cfg->flow_cmd = s->flow_cmd;
        cfg->flow_sel = s->flow_sel;
        cfg->ctx_info = s->ctx_info;
        cfg->ctx_seq = s->ctx_seq;
        cfg->ctx_ack = s->ctx_ack;
        cfg->ctx_opt = s->ctx_opt;
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
            cfg->ctx_key[k] = (uint8_t)(s->ctx_key[k / 4] >> (8 * (k % 4)));
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

/* The read mux: value and response of a read of addr in the current state. */
static uint32_t csr_read(const csr_t *s, const csr_status_t *st, uint32_t addr, uint8_t *resp)
{
    uint32_t page = (addr >> 8) & 0xfu;
    uint32_t idx = (addr >> 5) & 0x7u;
    uint32_t off = (addr >> 2) & 0x7u;
    uint32_t word = (addr >> 2) & 0x3fu;
    uint32_t v = 0;
    uint8_t r = RESP_SLVERR;

    switch (page) {
    case 0x0:
        r = RESP_OKAY;
        switch (word) {
        case 0: v = NICRX_ID_VALUE; break;
        case 1: v = NICRX_VERSION_VALUE; break;
        case 2: v = caps0(&s->g); break;
        case 3: v = caps1(&s->g); break;
        case 4: v = s->enable & 1u; break;
        case 5: v = (st->idle & 1u) | ((uint32_t)(st->fbr_err[0] & 1u) << 1) |
                    ((uint32_t)(st->fbr_err[1] & 1u) << 2); break;
        case 6: v = s->qsel & 7u; break;
        case 0x20: v = s->step_limit; break;
        case 0x21: v = (st->parser_bank & 1u) | (uint32_t)(st->parser_swap_pending & 1u) << 1 |
                       (s->g.p.parse_engines - 1u) << 4 | s->g.p.imem_depth << 8; break;
        case 0x22: v = st->parser_swap_pending & 1u; break;
        case 0x23: v = s->iaddr; break;
        case 0x24: case 0x25: case 0x26: case 0x27: v = s->idata[word - 0x24u]; break;
        default: r = RESP_SLVERR; break;
        }
        break;
    case 0x1:
        if (idx < NICRX_NUM_FBR) {
            r = RESP_OKAY;
            switch (off) {
            case 0: v = (uint32_t)s->fbr_base[idx]; break;
            case 1: v = (uint32_t)(s->fbr_base[idx] >> 32); break;
            case 2: v = s->fbr_size_log2[idx]; break;
            case 3: v = s->fbr_buf_size[idx]; break;
            case 4: v = st->fbr_head[idx]; break;
            case 5: v = s->fbr_tail[idx]; break;
            case 6: v = s->fbr_en[idx] & 1u; break;
            default: r = RESP_SLVERR; break;
            }
        }
        break;
    case 0x2:
        if (idx < s->g.p.num_cq) {
            r = RESP_OKAY;
            switch (off) {
            case 0: v = (uint32_t)s->cq_base[idx]; break;
            case 1: v = (uint32_t)(s->cq_base[idx] >> 32); break;
            case 2: v = s->cq_size_log2[idx]; break;
            case 3: v = s->cq_irq_en[idx] & 1u; break;
            case 4: v = st->cq_tail[idx]; break;
            case 5: v = s->cq_head[idx]; break;
            case 6: v = s->cq_en[idx] & 1u; break;
            default: r = RESP_SLVERR; break;
            }
        }
        break;
    case 0x4:
        if (word < NICRX_NUM_COUNTERS) {
            r = RESP_OKAY;
            v = st->cnt[word];
        }
        break;
    case 0x5:
        r = RESP_OKAY;
        switch (word) {
        case 0: v = s->flow_ctrl; break;
        case 1: v = (st->flow.busy & 1u) | (uint32_t)(st->flow.fail & 1u) << 1 | (uint32_t)st->flow.idx << 8 |
                    (uint32_t)st->flow.gen << 16 | clog2_sat(s->g.p.flows, 15u) << 24; break;
        case 2: v = s->flow_thresh; break;
        case 3: v = s->flow_tick; break;
        case 4: v = s->flow_age; break;
        case 5: v = st->flow.time; break;
        case 6: v = (uint32_t)s->flow_sel << 8 | (st->flow.busy & 1u); break;
        case 8: v = s->ctx_info; break;
        case 9: v = s->ctx_seq; break;
        case 10: v = s->ctx_ack; break;
        case 11: v = s->ctx_opt; break;
        case 12: v = s->ctx_time; break;
        case 13: v = s->ctx_count; break;
        default:
            if (word >= 16 && word < 16 + NICRX_FLOW_KEY_BYTES / 4)
                v = s->ctx_key[word - 16];
            else
                r = RESP_SLVERR;
            break;
        }
        break;
    default:
        break;
    }
    if (resp)
        *resp = r;
    return v;
}

uint32_t csr_peek(const csr_t *s, const csr_status_t *st, uint32_t addr)
{
    return csr_read(s, st, addr & 0xfffu, NULL);
}

static int w_mapped(const csr_t *s, uint32_t addr)
{
    uint32_t page = (addr >> 8) & 0xfu;
    uint32_t idx = (addr >> 5) & 0x7u;
    uint32_t off = (addr >> 2) & 0x7u;
    uint32_t word = (addr >> 2) & 0x3fu;
    switch (page) {
    case 0x0: return word <= 6u || (word >= 0x20u && word <= 0x27u);
    case 0x1: return idx < NICRX_NUM_FBR && off != 7u;
    case 0x2: return idx < s->g.p.num_cq && off != 7u;
    case 0x4: return word < NICRX_NUM_COUNTERS;
    case 0x5: return word <= 6u || (word >= 8u && word <= 13u) || (word >= 16u && word < 16u + NICRX_FLOW_KEY_BYTES / 4);
    default:  return 0;
    }
}

static uint32_t merge(uint32_t old, uint32_t data, uint32_t mask)
{
    return (old & ~mask) | (data & mask);
}

static uint8_t clamp_log2(uint32_t v)
{
    v &= 0xfu;
    return (uint8_t)(v == 0 ? 1u : v);
}

/* The register write performed at an edge where wr_ready is high. */
static void csr_write(const csr_t *s, csr_t *n, uint32_t addr, uint32_t data, uint32_t strb)
{
    uint32_t page = (addr >> 8) & 0xfu;
    uint32_t idx = (addr >> 5) & 0x7u;
    uint32_t off = (addr >> 2) & 0x7u;
    uint32_t word = (addr >> 2) & 0x3fu;
    uint32_t mask = 0, v;

    for (uint32_t b = 0; b < 4; b++)
        if (strb & (1u << b))
            mask |= 0xffu << (8 * b);

    if (page == 0x0) {
        if (word == 4) {
            n->enable = merge(s->enable, data, mask) & 1u;
        } else if (word == 6) {
            uint32_t max = clog2_sat(s->g.p.num_cq, 7u);
            v = merge(s->qsel, data, mask) & 7u;
            n->qsel = (uint8_t)(v > max ? max : v);
        } else if (word == 0x20) {
            n->step_limit = (uint8_t)merge(s->step_limit, data, mask);
        } else if (word == 0x22) {
            n->swap = (uint8_t)(strb & data & 1u);
        } else if (word == 0x23) {
            n->iaddr = (uint8_t)merge(s->iaddr, data, mask);
        } else if (word >= 0x24 && word <= 0x27) {
            uint32_t k = word - 0x24u;
            n->idata[k] = merge(s->idata[k], data, mask);
            if (k == 3 && strb) { /* store the instruction at IADDR, then advance */
                n->imem_we = 1;
                n->imem_addr = s->iaddr;
                memcpy(n->imem_data, n->idata, sizeof n->imem_data);
                n->iaddr = (uint8_t)(s->iaddr + 1u);
            }
        }
    } else if (page == 0x1 && idx < NICRX_NUM_FBR) {
        switch (off) {
        case 0:
            v = merge((uint32_t)s->fbr_base[idx], data, mask) & ~0x3fu;
            n->fbr_base[idx] = (s->fbr_base[idx] & 0xffffffff00000000ull) | v;
            break;
        case 1:
            v = merge((uint32_t)(s->fbr_base[idx] >> 32), data, mask);
            n->fbr_base[idx] = (s->fbr_base[idx] & 0xffffffffull) | ((uint64_t)v << 32);
            break;
        case 2: n->fbr_size_log2[idx] = clamp_log2(merge(s->fbr_size_log2[idx], data, mask)); break;
        case 3: n->fbr_buf_size[idx] = (uint16_t)merge(s->fbr_buf_size[idx], data, mask); break;
        case 5: n->fbr_tail[idx] = (uint16_t)merge(s->fbr_tail[idx], data, mask); break;
        case 6:
            n->fbr_en[idx] = merge(s->fbr_en[idx], data, mask) & 1u;
            if ((strb & 1u) && !(data & 1u))
                n->fbr_tail[idx] = 0; /* writing enable = 0 clears the doorbell */
            break;
        default: break; /* HEAD read-only, 7 unmapped */
        }
    } else if (page == 0x2 && idx < s->g.p.num_cq) {
        switch (off) {
        case 0:
            v = merge((uint32_t)s->cq_base[idx], data, mask) & ~0xfu;
            n->cq_base[idx] = (s->cq_base[idx] & 0xffffffff00000000ull) | v;
            break;
        case 1:
            v = merge((uint32_t)(s->cq_base[idx] >> 32), data, mask);
            n->cq_base[idx] = (s->cq_base[idx] & 0xffffffffull) | ((uint64_t)v << 32);
            break;
        case 2: n->cq_size_log2[idx] = clamp_log2(merge(s->cq_size_log2[idx], data, mask)); break;
        case 3: n->cq_irq_en[idx] = merge(s->cq_irq_en[idx], data, mask) & 1u; break;
        case 5: n->cq_head[idx] = (uint16_t)merge(s->cq_head[idx], data, mask); break;
        case 6:
            n->cq_en[idx] = merge(s->cq_en[idx], data, mask) & 1u;
            if ((strb & 1u) && !(data & 1u))
                n->cq_head[idx] = 0; /* writing enable = 0 clears the doorbell */
            break;
        default: break; /* TAIL read-only, 7 unmapped */
        }
    } else if (page == 0x5) {
        switch (word) {
        case 0: n->flow_ctrl = merge(s->flow_ctrl, data, mask) & 3u; break;
        case 2: n->flow_thresh = (uint16_t)merge(s->flow_thresh, data, mask); break;
        case 3: n->flow_tick = (uint16_t)merge(s->flow_tick, data, mask); break;
        case 4: n->flow_age = merge(s->flow_age, data, mask); break;
        case 6:
            n->flow_sel = (uint8_t)(merge((uint32_t)s->flow_sel << 8, data, mask) >> 8);
            if (strb & 1u)
                n->flow_cmd = (uint8_t)(data & 3u);
            break;
        case 8: n->ctx_info = merge(s->ctx_info, data, mask) & 0x03ffffffu; break;
        case 9: n->ctx_seq = merge(s->ctx_seq, data, mask); break;
        case 10: n->ctx_ack = merge(s->ctx_ack, data, mask); break;
        case 11: n->ctx_opt = merge(s->ctx_opt, data, mask); break;
        case 12: n->ctx_time = merge(s->ctx_time, data, mask); break;
        case 13: n->ctx_count = merge(s->ctx_count, data, mask); break;
        default:
            if (word >= 16 && word < 16 + NICRX_FLOW_KEY_BYTES / 4)
                n->ctx_key[word - 16] = merge(s->ctx_key[word - 16], data, mask);
            break; /* STATUS, TIME read-only; the rest unmapped */
        }
    }
    /* counters are read-only; everything else is unmapped */
}

void csr_step(csr_t *s, const csr_in_t *in)
{
    const nicrx_in_t *t = in->top;
    csr_t next = *s;

    if (t->rst) {
        csr_reset(&next);
        *s = next;
        return;
    }

    next.swap = 0;
    next.imem_we = 0;
    next.flow_cmd = 0;
    /* write channel */
    next.wr_ready = 0;
    if (s->bvalid && t->s_axil_bready)
        next.bvalid = 0;
    if (!s->wr_ready && !s->bvalid && t->s_axil_awvalid && t->s_axil_wvalid)
        next.wr_ready = 1;
    if (s->wr_ready) {
        uint32_t addr = t->s_axil_awaddr & 0xfffu;
        next.bvalid = 1;
        next.bresp = w_mapped(s, addr) ? RESP_OKAY : RESP_SLVERR;
        csr_write(s, &next, addr, t->s_axil_wdata, t->s_axil_wstrb & 0xfu);
    }
    /* a READ command's result loads the window, over a host write at this edge */
    if (in->st->flow.ctx_load) {
        next.ctx_info = in->st->flow.ctx_info & 0x03ffffffu;
        next.ctx_seq = in->st->flow.ctx_seq;
        next.ctx_ack = in->st->flow.ctx_ack;
        next.ctx_opt = in->st->flow.ctx_opt;
        next.ctx_time = in->st->flow.ctx_time;
        next.ctx_count = in->st->flow.ctx_count;
        memset(next.ctx_key, 0, sizeof next.ctx_key);
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
            next.ctx_key[k / 4] |= (uint32_t)in->st->flow.ctx_key[k] << (8 * (k % 4));
    }

    /* read channel: the value before this edge's write */
    next.arready = 0;
    if (s->rvalid && t->s_axil_rready)
        next.rvalid = 0;
    if (!s->arready && !s->rvalid && t->s_axil_arvalid)
        next.arready = 1;
    if (s->arready) {
        next.rvalid = 1;
        next.rdata = csr_read(s, in->st, t->s_axil_araddr & 0xfffu, &next.rresp);
    }

    *s = next;
}
