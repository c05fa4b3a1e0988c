/* mover.c - twin of rtl/nicrx_mover.v (see mover.h and docs/architecture.md
 * "nicrx_mover").  mover_step computes every next value from the current state and
 * the inputs (next = *s; ...; *s = next), in the RTL's order. */
#include <string.h>
#include "mover.h"

static void mover_reset(mover_t *s)
{
    s->pc_wr = s->pc_rd = 0; s->pc_room = 1; s->rel_ptr = 0;
    s->hd_skip = s->hd_flush = s->hd_lead = s->hd_sh = s->hd_prime = 0; s->hd_left = 0; s->hd_zero = 1; s->hd_one = 0;
    s->pf_wr = s->pf_rd = 0;
    s->t0_v = s->t0_fl = s->t0_ld = s->t0_sh = 0; s->t0_pr = s->t1_pr = s->t2_pr = 0; s->pm_rel = 0; s->pf_room = 1;
    s->t1_v = s->t1_fl = s->t1_ld = s->t1_sh = s->t2_v = s->t2_fl = s->t2_ld = s->t2_sh = 0;
    s->ra_w = s->ra_h = 0;
    s->wc_wr = s->wc_rd = 0; s->wc_room = 1; s->wb_cnt = 0;
    memset(&s->wh, 0, sizeof s->wh); s->wb_first = 1; s->wb_end = 1;
    s->wvalid = 0; s->wdata[0] = s->wdata[1] = 0; s->wstrb = 0; s->wlast = 0;
}

int mover_init(mover_t *s, uint32_t data_width, uint32_t axi_data_width, uint32_t pm_aw)
{
    memset(s, 0, sizeof *s);
    if ((data_width != 32 && data_width != 64)
        || (axi_data_width != data_width && axi_data_width != 2 * data_width) || pm_aw > 15)
        return -1;
    s->dw = data_width;
    s->bpb = data_width / 8;
    s->adw = axi_data_width;
    s->abpb = axi_data_width / 8;
    s->r = axi_data_width / data_width;
    s->pm_aw = pm_aw;
    mover_reset(s);
    return 0;
}

void mover_out(const mover_t *s, mover_out_t *o)
{
    memset(o, 0, sizeof *o);
    o->s_pc_ready = s->pc_room;
    o->s_wc_ready = s->wc_room;
    o->pm_rd_en = s->t0_v && !s->t0_fl;
    o->pm_rd_addr = s->pm_rel & ((1u << s->pm_aw) - 1);
    o->pm_rel_ptr = s->pm_rel;
    o->busy = s->pc_rd != s->pc_wr || s->pf_rd != s->pf_wr || s->t0_v || s->t1_v || s->t2_v
           || s->wc_rd != s->wc_wr || s->wvalid;
    o->m_axi_wvalid = s->wvalid;
    o->m_axi_wdata[0] = s->wdata[0];
    o->m_axi_wdata[1] = s->wdata[1];
    o->m_axi_wstrb = s->wstrb;
    o->m_axi_wlast = s->wlast;
}

/* The gearbox's beat: r words from the prefetch FIFO, one where the burst's first beat
 * skips the lower lane (wfirst) or its last beat ends in it (whalf); the first beat's
 * strobes start at the part's first byte (fstrb), the last beat's end at its last */
typedef struct beat { int last, wfirst, whalf; uint32_t take; int load; } beat_t;

static beat_t mover_beat(const mover_t *s, uint8_t wready)
{
    const wc_stream_t *wh = &s->wh;
    beat_t b;

    b.last = s->wb_end;
    b.wfirst = s->r == 2 && s->wb_first && wh->first_skip;
    b.whalf = s->r == 2 && b.last && wh->last_half;
    b.take = s->r == 2 && !b.wfirst && !b.whalf ? 2 : 1;
    b.load = (!s->wvalid || wready) && s->wc_rd != s->wc_wr
          && (wh->rec || ((s->pf_wr - s->pf_rd) & 31) >= b.take);
    return b;
}

int mover_rec_ready(const mover_t *s, uint8_t m_axi_wready)
{
    beat_t b = mover_beat(s, m_axi_wready);

    return b.load && s->wh.rec && b.last;
}

/* The realigner: byte i of each word is byte i + sh of {w, h}: the word read (w) and the
 * word before (h); a flush (the part's last bytes all in h) has no w: zeros; a lead (the
 * part's first bytes all in the word the part before read) has h in w's place.  Bytes
 * outside the part are don't-care (their strobes are 0). */
static uint64_t mover_realign(const mover_t *s, uint64_t h, uint64_t w, uint32_t sh, int flush, int lead)
{
    const uint64_t m = s->dw == 64 ? ~0ull : 0xffffffffull;
    const uint64_t hi = lead ? h : flush ? 0 : w;

    if (sh == 0) return hi;
    return ((h >> (8 * sh)) | hi << (8 * (s->bpb - sh))) & m;
}

void mover_step(mover_t *s, const mover_in_t *in, mover_out_t *out)
{
    mover_t n = *s;
    const uint16_t strb_ones = (uint16_t)((1u << s->abpb) - 1);
    const uint64_t dwmask = s->dw == 64 ? ~0ull : 0xffffffffull;
    const uint32_t relm = (2u << s->pm_aw) - 1;

    if (in->s_pc_valid) n.pc_wr = (s->pc_wr + 1) & 7;
    if (in->s_wc_valid) n.wc_wr = (s->wc_wr + 1) & 7;
    /* room registered from the pointers before the edge: the sender never pushes at two
     * edges in a row, so one place is enough */
    n.pc_room = ((s->pc_wr - s->pc_rd) & 7) != 4;
    n.wc_room = ((s->wc_wr - s->wc_rd) & 7) != 4;

    /* ---- packet-memory reader, realigner and prefetch FIFO ---- */
    /* the command behind the head, or the one pushed at this edge when it goes to the
     * head's place (the FIFO empty, or holding the head alone) */
    int pc_empty = s->pc_rd == s->pc_wr;
    const pc_stream_t *nx = pc_empty || s->pc_wr == ((s->pc_rd + 1) & 7)
                          ? &in->s_pc : &s->pc_mem[(s->pc_rd + 1) & 7];
    int hd_ld = pc_empty;   /* the head pops (or the FIFO is empty): load nx */
    uint32_t pf_cnt = (s->pf_wr - s->pf_rd) & 31;
    n.t0_v = 0; n.t0_fl = 0; n.t0_ld = 0; n.t0_pr = 0;
    if (!pc_empty) {
        if (s->hd_skip) {
            n.rel_ptr = (s->rel_ptr + s->hd_left) & relm;   /* its nwords: a skip reads none */
            n.pc_rd = (s->pc_rd + 1) & 7;
            hd_ld = 1;
        } else if (s->hd_lead && s->pf_room) {
            /* the part's first word from the shared word alone (no read) */
            n.t0_v = 1; n.t0_fl = 1; n.t0_ld = 1; n.t0_sh = s->hd_sh;
            n.hd_lead = 0;
            if (s->hd_zero && !s->hd_flush) {   /* its only word */
                n.pc_rd = (s->pc_rd + 1) & 7;
                hd_ld = 1;
            }
        } else if (!s->hd_zero && s->pf_room) {
            n.t0_v = 1; n.t0_sh = s->hd_sh; n.t0_pr = s->hd_prime;
            n.hd_prime = 0;
            n.rel_ptr = (s->rel_ptr + 1) & relm;
            if (s->hd_one && !s->hd_flush) {
                n.pc_rd = (s->pc_rd + 1) & 7;
                hd_ld = 1;
            } else {
                n.hd_left = (uint16_t)(s->hd_left - 1);
                n.hd_zero = s->hd_one;
                n.hd_one = s->hd_left == 2;
            }
        } else if (s->pf_room) {
            /* every word read: the part's last word comes from the last one alone */
            n.t0_v = 1; n.t0_fl = 1; n.t0_sh = s->hd_sh;
            n.pc_rd = (s->pc_rd + 1) & 7;
            hd_ld = 1;
        }
    }
    if (hd_ld) {
        n.hd_skip = nx->skip; n.hd_flush = nx->flush; n.hd_lead = nx->lead; n.hd_sh = nx->sh; n.hd_prime = nx->prime;
        n.hd_left = nx->nwords;
        n.hd_zero = nx->zero;  n.hd_one = nx->one;   /* the sender's */
    }
    /* room for the read decided at the next edge: two places free now, one of them for a
     * read decided at this edge */
    n.pf_room = pf_cnt + s->t0_v + s->t1_v + s->t2_v < 15;
    n.pm_rel = s->rel_ptr;
    n.t1_v = s->t0_v; n.t1_fl = s->t0_fl; n.t1_ld = s->t0_ld; n.t1_sh = s->t0_sh; n.t1_pr = s->t0_pr;
    n.t2_v = s->t1_v; n.t2_fl = s->t1_fl; n.t2_ld = s->t1_ld; n.t2_sh = s->t1_sh; n.t2_pr = s->t1_pr;
    if (s->t1_v && !s->t1_fl) n.ra_w = in->pm_rd_data & dwmask;
    if (s->t2_v) {
        if (!s->t2_pr) n.pf_wr = (s->pf_wr + 1) & 31;   /* a prime yields no word */
        if (!s->t2_fl) n.ra_h = s->ra_w;
    }

    /* ---- W channel ---- */
    const wc_stream_t *wh = &s->wh;
    /* the W command behind the head, or the one pushed at this edge when it goes to the
     * head's place */
    int wc_empty = s->wc_rd == s->wc_wr;
    const wc_stream_t *wnx = wc_empty || s->wc_wr == ((s->wc_rd + 1) & 7)
                           ? &in->s_wc : &s->wc_mem[(s->wc_rd + 1) & 3];
    beat_t b = mover_beat(s, in->m_axi_wready);
    if (!s->wvalid || in->m_axi_wready) {
        n.wvalid = 0;
        if (b.load) {
            uint64_t pf_w0 = s->pf_mem[s->pf_rd & 15], pf_w1 = s->pf_mem[(s->pf_rd + 1) & 15];
            uint16_t strb = b.last ? (uint16_t)(wh->strb & strb_ones) : strb_ones;
            n.wvalid = 1;
            n.wlast = (uint8_t)b.last;
            n.wstrb = wh->rec ? strb_ones : s->wb_first ? (uint16_t)(strb & wh->fstrb) : strb;
            if (wh->rec) {
                const uint64_t *rw = in->s_rec;
                uint32_t k = s->wb_cnt & 7u;
                if (s->adw == 128) {
                    n.wdata[0] = rw[2 * (k & 1u)]; n.wdata[1] = rw[2 * (k & 1u) + 1];
                } else if (s->adw == 64) {
                    n.wdata[0] = rw[k & 3u];
                } else {
                    n.wdata[0] = (rw[(k >> 1) & 3u] >> (32 * (k & 1u))) & dwmask;
                }
            } else if (s->r == 1) {
                n.wdata[0] = pf_w0;
                n.pf_rd = (s->pf_rd + 1) & 31;
            } else {
                uint64_t lo = b.wfirst ? 0 : pf_w0, hi = b.whalf ? 0 : b.wfirst ? pf_w0 : pf_w1;
                if (s->dw == 64) {
                    n.wdata[0] = lo; n.wdata[1] = hi;
                } else {
                    n.wdata[0] = lo | hi << 32;
                }
                n.pf_rd = (s->pf_rd + b.take) & 31;
            }
            if (b.last) {
                n.wb_cnt = 0;
                n.wc_rd = (s->wc_rd + 1) & 7;
            } else {
                n.wb_cnt = (uint8_t)(s->wb_cnt + 1);
                n.wb_first = 0;
                n.wb_end = (uint8_t)(s->wb_cnt + 1) == wh->len;
            }
        }
    }
    /* the head pops (or the FIFO is empty): the next one, at its first beat */
    if (wc_empty || (b.load && b.last)) {
        n.wh = *wnx;
        n.wb_first = 1;
        n.wb_end = wnx->len == 0;
    }

    /* ---- memories (written at the edge, also under reset, like the RTL) ---- */
    n.pc_mem[s->pc_wr & 7] = in->s_pc;
    if (s->t2_v && !s->t2_pr) n.pf_mem[s->pf_wr & 15] = mover_realign(s, s->ra_h, s->ra_w, s->t2_sh, s->t2_fl, s->t2_ld);
    if (in->s_wc_valid) n.wc_mem[s->wc_wr & 3] = in->s_wc;

    if (in->rst) mover_reset(&n);
    *s = n;
    mover_out(s, out);
}
