/* desc_fetch.c - twin of rtl/nicrx_desc_fetch.v (see desc_fetch.h and
 * docs/architecture.md "nicrx_desc_fetch").  desc_fetch_step computes every next
 * value from the current state and the inputs (next = *s; ...; *s = next), in the
 * RTL's order. */
#include <stdlib.h>
#include <string.h>
#include "desc_fetch.h"

enum { DF_IDLE = 0, DF_AR = 1, DF_R = 2, DF_PREP = 3 };

static void desc_fetch_reset(desc_fetch_t *s)
{
    /* dq_q and hd_data are not reset (the RTL does not reset them) */
    memset(s->dq_wr, 0, sizeof s->dq_wr);
    memset(s->dq_rd, 0, sizeof s->dq_rd);
    s->rq_v = 0; s->rq_ring = 0; s->rq_slot = 0;
    s->rd_v = 0; s->rd_ring = 0;
    memset(s->hd_valid, 0, sizeof s->hd_valid);
    memset(s->fbr_head, 0, sizeof s->fbr_head);
    memset(s->fbr_err, 0, sizeof s->fbr_err);
    s->df_state = DF_IDLE; s->df_ring = 0; s->df_rr = 0; s->df_beat = 0;
    memset(s->df_p4, 0, sizeof s->df_p4);
    s->df_addr = 0; s->df_bufid = 0; s->df_bad = 0; s->df_base = 0; s->df_slot = 0;
    s->arvalid = 0; s->araddr = 0; s->arlen = 0;
    s->rerr = 0; s->idle = 1;
}

int desc_fetch_init(desc_fetch_t *s, const nicrx_geom_t *g, uint32_t num_fbr)
{
    memset(s, 0, sizeof *s);
    if (num_fbr < 1 || num_fbr > NICRX_FBR_MAX)
        return -1;
    s->num_fbr = num_fbr;
    s->dw = g->p.axi_data_width; /* the host bus */
    s->bpd = 128 / s->dw;
    s->desc_depth = g->p.desc_depth;
    s->dq_mem = calloc(num_fbr * s->desc_depth, sizeof *s->dq_mem);
    if (!s->dq_mem)
        return -1;
    desc_fetch_reset(s);
    return 0;
}

void desc_fetch_free(desc_fetch_t *s)
{
    free(s->dq_mem);
    s->dq_mem = NULL;
}

void desc_fetch_out(const desc_fetch_t *s, desc_fetch_out_t *o)
{
    memset(o, 0, sizeof *o);
    for (uint32_t r = 0; r < s->num_fbr; r++) {
        o->m_desc_valid[r] = s->hd_valid[r];
        o->m_desc[r] = s->hd_data[r];
        o->fbr_head[r] = s->fbr_head[r];
        o->fbr_err[r] = s->fbr_err[r];
    }
    o->rerr = s->rerr;
    o->idle = s->idle;
    o->m_axi_arvalid = s->arvalid;
    o->m_axi_araddr = s->araddr;
    o->m_axi_arlen = s->arlen;
}

void desc_fetch_step(desc_fetch_t *s, const desc_fetch_in_t *in, desc_fetch_out_t *out)
{
    const nicrx_in_t *t = &in->top;
    const desc_fetch_in_t *c = in;
    desc_fetch_t n = *s;
    const uint32_t dd = s->desc_depth, dqm = 2 * dd - 1;
    int cand[NICRX_FBR_MAX], need[NICRX_FBR_MAX];
    int pick = -1, rd_sel = -1;

    n.rq_v = 0;
    n.rd_v = 0;
    n.rerr = t->m_axi_rvalid && t->m_axi_rresp != 0;

    /* candidates: rings to fetch for, rings whose head needs a refill */
    for (uint32_t r = 0; r < s->num_fbr; r++) {
        uint32_t cnt = (s->dq_wr[r] - s->dq_rd[r]) & dqm;

        cand[r] = c->fbr_en[r] && !s->fbr_err[r] && c->fbr_tail[r] != s->fbr_head[r] && cnt != dd;
        need[r] = c->fbr_en[r] && !s->hd_valid[r] && cnt != 0 && !(s->rq_v && s->rq_ring == r)
                  && !(s->rd_v && s->rd_ring == r);
        if (need[r] && rd_sel < 0)
            rd_sel = (int)r;
    }
    /* round robin: the first candidate at or after df_rr */
    for (uint32_t k = 0; k < s->num_fbr && pick < 0; k++)
        if (cand[(s->df_rr + k) % s->num_fbr])
            pick = (int)((s->df_rr + k) % s->num_fbr);

    /* head registers: pop, refill from the RAM read register */
    for (uint32_t r = 0; r < s->num_fbr; r++) {
        if (in->s_desc_pop[r]) n.hd_valid[r] = 0;
        if (s->rd_v && s->rd_ring == r) {
            n.hd_valid[r] = 1;
            n.hd_data[r] = s->dq_q;
        }
    }
    /* the refill in two steps: decide (rq_*, the FIFO pointer moves), then read the RAM;
     * a ring disabled meanwhile loses the read */
    if (rd_sel >= 0) {
        n.rq_v = 1;
        n.rq_ring = (uint8_t)rd_sel;
        n.rq_slot = (uint8_t)(s->dq_rd[rd_sel] & (dd - 1));
        n.dq_rd[rd_sel] = (s->dq_rd[rd_sel] + 1) & dqm;
    }
    n.rd_ring = s->rq_ring;
    if (s->rq_v) {
        n.dq_q = s->dq_mem[(uint32_t)s->rq_ring * dd + s->rq_slot];
        n.rd_v = c->fbr_en[s->rq_ring] != 0;
    }

    /* fetch: DF_PREP sizes the burst of ring df_ring: min(posted, free slots, 4 - head%4,
     * ring size - slot), each term saturated at 4 (the RTL uses 3-bit values) */
    const uint32_t dr = s->df_ring;
    const uint16_t head_r = s->fbr_head[dr];
    const uint32_t dfree = dd - ((s->dq_wr[dr] - s->dq_rd[dr]) & dqm);
    const uint32_t szl = c->fbr_size_log2[dr] & 15;
    const uint16_t slot = (uint16_t)(head_r & ((1u << szl) - 1));
    const int en_r = c->fbr_en[dr] != 0;
    uint32_t f4 = dfree >= 4 ? 4 : dfree;
    uint32_t g4 = szl == 0 ? 1 : szl == 1 ? 2 - (head_r & 1u) : 4 - (head_r & 3u);
    uint32_t nd = g4;
    int dq_we = 0;

    for (uint32_t r = 0; r < s->num_fbr; r++) {  /* registered every cycle, each ring */
        const uint16_t posted = (uint16_t)(c->fbr_tail[r] - s->fbr_head[r]);
        n.df_p4[r] = (uint8_t)(posted >= 4 ? 4 : posted);
    }
    n.df_base = c->fbr_base[dr];
    n.df_slot = slot;
    if (s->df_p4[dr] < nd) nd = s->df_p4[dr];
    if (f4 < nd) nd = f4;
    int df_last_beat = s->df_beat == s->bpd - 1;
    uint16_t bufid_n = s->df_bufid;
    uint64_t addr_n = s->df_addr;
    uint64_t rdata64 = t->m_axi_rdata[0] & (s->dw == 32 ? 0xffffffffull : ~0ull);
    if (s->dw == 128) {
        addr_n = rdata64;
        bufid_n = (uint16_t)t->m_axi_rdata[1];
    } else if (s->dw == 64) {
        if (s->df_beat == 0) addr_n = rdata64;
        if (s->df_beat == 1) bufid_n = (uint16_t)rdata64;
    } else {
        if (s->df_beat == 0) addr_n = (s->df_addr & 0xffffffff00000000ull) | rdata64;
        if (s->df_beat == 1) addr_n = (rdata64 << 32) | (s->df_addr & 0xffffffffull);
        if (s->df_beat == 2) bufid_n = (uint16_t)rdata64;
    }
    switch (s->df_state) {
    case DF_IDLE:
        if (pick >= 0) {
            n.df_state = DF_PREP; n.df_ring = (uint8_t)pick;
            n.df_rr = (uint8_t)(((uint32_t)pick + 1) % s->num_fbr);
            n.df_beat = 0; n.df_bad = 0;
        }
        break;
    case DF_PREP: /* two cycles (df_beat 0, 1): the first registers df_base, df_slot; the
                   * address and length load in both (they count only with arvalid) */
        n.araddr = s->df_base + ((uint64_t)s->df_slot << 4);
        n.arlen = (uint8_t)(nd * s->bpd - 1);
        if (cand[dr] && s->df_beat == 0) {
            n.df_beat = 1;
        } else if (cand[dr]) {
            n.df_state = DF_AR;
            n.df_beat = 0;
            n.arvalid = 1;
        } else {
            n.df_state = DF_IDLE; /* the ring changed: start over */
        }
        break;
    case DF_AR:
        if (t->m_axi_arready) {
            n.arvalid = 0;
            n.df_state = DF_R;
        }
        break;
    default: /* DF_R */
        if (t->m_axi_rvalid) {
            n.df_addr = addr_n; n.df_bufid = bufid_n;
            n.df_beat = df_last_beat ? 0 : (uint8_t)(s->df_beat + 1);
            if (t->m_axi_rresp != 0) n.df_bad = 1;
            dq_we = df_last_beat && !s->df_bad && t->m_axi_rresp == 0 && en_r;
            if (en_r && t->m_axi_rresp != 0) n.fbr_err[dr] = 1;
            if (dq_we) {
                n.dq_wr[dr] = (s->dq_wr[dr] + 1) & dqm;
                n.fbr_head[dr] = (uint16_t)(s->fbr_head[dr] + 1);
            }
            if (t->m_axi_rlast) n.df_state = DF_IDLE;
        }
        break;
    }
    if (s->df_state != DF_IDLE && !en_r) n.df_bad = 1;
    /* a disabled ring: index 0, FIFO and head empty, error cleared */
    for (uint32_t r = 0; r < s->num_fbr; r++) {
        if (!c->fbr_en[r]) {
            n.fbr_head[r] = 0; n.fbr_err[r] = 0; n.dq_wr[r] = 0; n.dq_rd[r] = 0; n.hd_valid[r] = 0;
        }
    }
    n.idle = s->df_state == DF_IDLE && !s->rerr;
    /* the RAM write (after its read above: never the same entry) */
    if (dq_we) {
        n.dq_mem[dr * dd + (s->dq_wr[dr] & (dd - 1))].addr = addr_n;
        n.dq_mem[dr * dd + (s->dq_wr[dr] & (dd - 1))].buf_id = bufid_n;
    }
    if (t->rst) desc_fetch_reset(&n);
    *s = n;
    desc_fetch_out(s, out);
}
