/* rss.c - twin of rtl/nicrx_rss.v (docs/architecture.md "nicrx_rss"). */
#include <string.h>
#include "nicrx_hw.h"
#include "rss.h"

/* Byte-wise: the 32-bit key window of each input bit is a slice of a 64-bit window
 * that advances a byte at a time (the harness's check is bit-wise, as the
 * specification's pseudocode). */
uint32_t rss_toeplitz(const uint8_t key[RSS_KEY_BYTES], const uint8_t *in, uint32_t n)
{
    uint64_t win = 0;
    uint32_t h = 0;

    for (uint32_t i = 0; i < 8u; i++)
        win = win << 8 | key[i];
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t b = 0; b < 8u; b++)
            if (in[i] >> (7u - b) & 1u)
                h ^= (uint32_t)(win >> (32u - b));
        win = win << 8 | (i + 8u < RSS_KEY_BYTES ? key[i + 8u] : 0u);
    }
    return h;
}

void rss_toep_build(rss_toep_t *t, const uint8_t key[RSS_KEY_BYTES])
{
    uint8_t in[RSS_IN_MAX];

    memcpy(t->key, key, RSS_KEY_BYTES);
    memset(in, 0, sizeof in);
    for (uint32_t i = 0; i < RSS_IN_MAX; i++) {
        t->t[i][0] = 0;
        /* the values below bit b's are done: with bit b, each is one of them XOR bit b's hash */
        for (uint32_t b = 0; b < 8u; b++) {
            in[i] = (uint8_t)(1u << b);
            const uint32_t h = rss_toeplitz(key, in, i + 1u);
            for (uint32_t v = 0; v < 1u << b; v++)
                t->t[i][1u << b | v] = h ^ t->t[i][v];
        }
        in[i] = 0;
    }
}

uint8_t rss_input(const hv_stream_t *hv, uint8_t types, uint8_t in[RSS_IN_MAX], uint32_t *n)
{
    const uint8_t v6 = hv->l3 == 2u, base = v6 ? NICRX_RSS_IPV6 : NICRX_RSS_IPV4;
    const uint32_t alen = v6 ? 16u : 4u;
    uint8_t t = NICRX_RSS_NONE;

    /* the ports only where the L4 header is there: not a fragment (a first fragment
     * would hash apart from the rest of its datagram) */
    if (hv->perr || (hv->l3 != 1u && hv->l3 != 2u))
        t = NICRX_RSS_NONE;
    else if (!hv->frag && (hv->l4 == 1u || hv->l4 == 2u) && (types >> (base + hv->l4 - 1u) & 1u))
        t = (uint8_t)(base + hv->l4);
    else if (types >> (base - 1u) & 1u)
        t = base;
    *n = 0;
    if (t == NICRX_RSS_NONE)
        return t;
    memcpy(in, hv->src, alen);
    memcpy(in + alen, hv->dst, alen);
    *n = 2u * alen;
    if (t != base) {
        in[*n] = (uint8_t)(hv->sport >> 8);
        in[*n + 1u] = (uint8_t)hv->sport;
        in[*n + 2u] = (uint8_t)(hv->dport >> 8);
        in[*n + 3u] = (uint8_t)hv->dport;
        *n += 4u;
    }
    return t;
}

uint8_t rss_queue(uint32_t hash, uint8_t entry, uint8_t mode, uint8_t qsel_log2)
{
    return (uint8_t)((mode ? hash : entry) & 7u & ~(0xffu << (qsel_log2 & 7u)));
}

void rss_table_write(rss_t *s, const csr_cfg_t *c)
{
    if (c->reta_we)
        s->reta[c->reta_addr & s->reta_mask] = (uint8_t)(c->reta_data & 7u);
}

/* H0's type and hash (the RTL folds the hash over five steps; only the result shows) */
static void rss_take(rss_t *s, const hv_stream_t *hv, const csr_cfg_t *c)
{
    uint8_t b[RSS_IN_MAX];
    uint32_t n;

    s->typ = rss_input(hv, c->rss_types, b, &n);
    s->hash = rss_toeplitz(c->rss_key, b, n);
}

rss_res_t rss_frame(const rss_t *s, const rss_toep_t *t, const hv_stream_t *hv, const csr_cfg_t *c)
{
    uint8_t b[RSS_IN_MAX];
    uint32_t n;
    rss_res_t r;

    r.type = rss_input(hv, c->rss_types, b, &n);
    r.hash = 0;
    for (uint32_t i = 0; i < n; i++)
        r.hash ^= t->t[i][b[i]];
    r.queue = rss_queue(r.hash, s->reta[r.hash & s->reta_mask], c->rss_mode, c->qsel_log2);
    return r;
}

void rss_powerup(rss_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->reta_mask = g->p.reta_size - 1u;
    for (uint32_t i = 0; i < RSS_RETA_MAX; i++)
        s->reta[i] = (uint8_t)(i & 7u);
    rss_init(s);
}

void rss_init(rss_t *s)
{
    s->cnt = s->sv = s->pv = s->lk = s->l1 = s->l2 = 0;
    s->hash = 0;
    s->wr = s->rd_ptr = 0;
    memset(&s->o, 0, sizeof s->o);
    s->o.idle = 1;
}

void rss_out(const rss_t *s, rss_out_t *o)
{
    *o = s->o;
}

void rss_step(rss_t *s, const rss_in_t *in, rss_out_t *out)
{
    const csr_cfg_t *c = &in->cfg;
    const rss_t o = *s;                 /* the registers before the edge */
    const rss_res_t *head = &o.fifo[o.rd_ptr % RSS_FIFO];

    /* the edge's writes that rst does not stop: the table, the lookup data, the FIFO
     * entry, the output's fields */
    rss_table_write(s, c);
    if (o.lk) {
        s->rd = o.reta[o.hash & s->reta_mask];
        s->l1_hash = o.hash;
        s->l1_typ = o.typ;
        s->col = c->reta_we && (c->reta_addr & s->reta_mask) == (o.hash & s->reta_mask);
        s->col_data = c->reta_data & 7u;
    }
    if (o.l1)
        s->ent = o.rd;
    if (o.l2) {
        rss_res_t *e = &s->fifo[o.wr % RSS_FIFO];

        e->hash = o.l1_hash;
        e->type = o.l1_typ;
        e->queue = rss_queue(o.l1_hash, o.col ? o.col_data : o.ent, c->rss_mode, c->qsel_log2);
    }
    if (in->s_fl_valid) {
        s->o.m_fl = in->s_fl;
        s->o.m_fl.hash = head->hash;
        s->o.m_fl.queue = head->queue;
        s->o.m_fl.rss_type = head->type;
    }
    if (in->s_hv_valid && in->s_hv_ready)
        rss_take(s, &in->s_hv, c);
    if (in->rst) {
        rss_init(s);
        rss_out(s, out);
        return;
    }
    if (in->s_hv_valid && in->s_hv_ready)
        s->cnt = RSS_STEPS;
    else if (o.cnt)
        s->cnt = (uint8_t)(o.cnt - 1u);
    s->sv = o.cnt != 0;
    s->pv = o.sv;
    s->lk = o.pv && !o.sv;
    s->l1 = o.lk;
    s->l2 = o.l1;
    if (o.l2)
        s->wr = (uint8_t)((o.wr + 1u) & 7u);
    if (in->s_fl_valid)
        s->rd_ptr = (uint8_t)((o.rd_ptr + 1u) & 7u);
    s->o.m_fl_valid = in->s_fl_valid;
    s->o.idle = !s->o.m_fl_valid && !s->cnt && !s->sv && !s->pv && !s->lk && !s->l1 && !s->l2 && s->wr == s->rd_ptr;
    rss_out(s, out);
}
