/* mover.c - twin of rtl/nicrx_mover.v (see mover.h and docs/architecture.md
 * "nicrx_mover").  mover_step computes every next value from the current state and
 * the inputs (next = *s; ...; *s = next), in the RTL's order. */
#include <string.h>
#include "mover.h"

static void mover_reset(mover_t *s)
{
    s->pc_wr = s->pc_rd = 0; s->pc_room = 1; s->pr_cnt = 0; s->rel_ptr = 0;
    s->pf_wr = s->pf_rd = 0;
    s->t0_v = s->t0_fl = s->t0_sh = 0; s->pm_rel = 0; s->pf_room = 1;
    s->t1_v = s->t1_fl = s->t1_sh = s->t2_v = s->t2_fl = s->t2_sh = 0; s->ra_w = s->ra_h = 0;
    s->wc_wr = s->wc_rd = 0; s->wc_room = 1; s->wb_cnt = 0;
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
 * skips the lower lane (wfirst) or its last beat ends in it (whalf) */
typedef struct beat { int last, wfirst, whalf; uint32_t take; int load; } beat_t;

static beat_t mover_beat(const mover_t *s, uint8_t wready)
{
    const wc_stream_t *wh = &s->wc_mem[s->wc_rd & 3];
    beat_t b;

    b.last = s->wb_cnt == wh->len;
    b.wfirst = s->r == 2 && s->wb_cnt == 0 && wh->first_skip;
    b.whalf = s->r == 2 && b.last && wh->last_half;
    b.take = s->r == 2 && !b.wfirst && !b.whalf ? 2 : 1;
    b.load = (!s->wvalid || wready) && s->wc_rd != s->wc_wr
          && (wh->rec || ((s->pf_wr - s->pf_rd) & 31) >= b.take);
    return b;
}

int mover_rec_ready(const mover_t *s, uint8_t m_axi_wready)
{
    beat_t b = mover_beat(s, m_axi_wready);

    return b.load && s->wc_mem[s->wc_rd & 3].rec && b.last;
}

/* The realigner: a data part that starts sh bytes into a packet-memory word takes each of
 * its words from the word before (h, from byte sh) and the word read (w, its first sh
 * bytes); a flush (the part's last bytes all in h) has no w: zeros. */
static uint64_t mover_realign(const mover_t *s, uint64_t h, uint64_t w, uint32_t sh, int flush)
{
    const uint64_t m = s->dw == 64 ? ~0ull : 0xffffffffull;

    if (sh == 0) return w;
    return ((h >> (8 * sh)) | (flush ? 0 : w << (8 * (s->bpb - sh)))) & m;
}

void mover_step(mover_t *s, const mover_in_t *in, mover_out_t *out)
{
    mover_t n = *s;
    const uint16_t strb_ones = (uint16_t)((1u << s->abpb) - 1);
    /* the upper lane of a W beat (r = 2) */
    const uint16_t strb_hi = (uint16_t)(strb_ones & ~((1u << s->bpb) - 1));
    const uint64_t dwmask = s->dw == 64 ? ~0ull : 0xffffffffull;
    const uint32_t relm = (2u << s->pm_aw) - 1;

    if (in->s_pc_valid) n.pc_wr = (s->pc_wr + 1) & 7;
    if (in->s_wc_valid) n.wc_wr = (s->wc_wr + 1) & 7;
    /* room registered from the pointers before the edge: the sender never pushes at two
     * edges in a row, so one place is enough */
    n.pc_room = ((s->pc_wr - s->pc_rd) & 7) != 4;
    n.wc_room = ((s->wc_wr - s->wc_rd) & 7) != 4;

    /* ---- packet-memory reader, realigner and prefetch FIFO ---- */
    const pc_stream_t *ph = &s->pc_mem[s->pc_rd & 3];
    uint32_t pf_cnt = (s->pf_wr - s->pf_rd) & 31;
    n.t0_v = 0; n.t0_fl = 0;
    if (s->pc_rd != s->pc_wr) {
        if (ph->skip) {
            n.rel_ptr = (s->rel_ptr + ph->nwords) & relm;
            n.pc_rd = (s->pc_rd + 1) & 7;
        } else if (s->pr_cnt != ph->nwords && s->pf_room) {
            n.t0_v = 1; n.t0_sh = ph->sh;
            n.rel_ptr = (s->rel_ptr + 1) & relm;
            if (s->pr_cnt == (uint16_t)(ph->nwords - 1) && !ph->flush) {
                n.pr_cnt = 0;
                n.pc_rd = (s->pc_rd + 1) & 7;
            } else {
                n.pr_cnt = (uint16_t)(s->pr_cnt + 1);
            }
        } else if (s->pf_room) {
            /* every word read: the part's last word comes from the last one alone */
            n.t0_v = 1; n.t0_fl = 1; n.t0_sh = ph->sh;
            n.pr_cnt = 0;
            n.pc_rd = (s->pc_rd + 1) & 7;
        }
    }
    /* room for the read decided at the next edge: two places free now, one of them for a
     * read decided at this edge */
    n.pf_room = pf_cnt + s->t0_v + s->t1_v + s->t2_v < 15;
    n.pm_rel = s->rel_ptr;
    n.t1_v = s->t0_v; n.t1_fl = s->t0_fl; n.t1_sh = s->t0_sh;
    n.t2_v = s->t1_v; n.t2_fl = s->t1_fl; n.t2_sh = s->t1_sh;
    if (s->t1_v && !s->t1_fl) n.ra_w = in->pm_rd_data & dwmask;
    if (s->t2_v) {
        n.pf_wr = (s->pf_wr + 1) & 31;
        if (!s->t2_fl) n.ra_h = s->ra_w;
    }

    /* ---- W channel ---- */
    const wc_stream_t *wh = &s->wc_mem[s->wc_rd & 3];
    beat_t b = mover_beat(s, in->m_axi_wready);
    if (!s->wvalid || in->m_axi_wready) {
        n.wvalid = 0;
        if (b.load) {
            uint64_t pf_w0 = s->pf_mem[s->pf_rd & 15], pf_w1 = s->pf_mem[(s->pf_rd + 1) & 15];
            uint16_t strb = b.last ? (uint16_t)(wh->strb & strb_ones) : strb_ones;
            n.wvalid = 1;
            n.wlast = (uint8_t)b.last;
            n.wstrb = wh->rec ? strb_ones : b.wfirst ? (uint16_t)(strb & strb_hi) : strb;
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
            }
        }
    }

    /* ---- memories (written at the edge, also under reset, like the RTL) ---- */
    if (in->s_pc_valid) n.pc_mem[s->pc_wr & 3] = in->s_pc;
    if (s->t2_v) n.pf_mem[s->pf_wr & 15] = mover_realign(s, s->ra_h, s->ra_w, s->t2_sh, s->t2_fl);
    if (in->s_wc_valid) n.wc_mem[s->wc_wr & 3] = in->s_wc;

    if (in->rst) mover_reset(&n);
    *s = n;
    mover_out(s, out);
}
