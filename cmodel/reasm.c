/* reasm.c - twin of rtl/nicrx_reasm.v (reasm.h, docs/architecture.md "nicrx_reasm"). */
#include <string.h>
#include "nicrx_hw.h"
#include "reasm.h"

void reasm_init(reasm_t *s, uint32_t flows)
{
    memset(s, 0, sizeof *s);
    s->flows = flows;
    s->r.ini = 1;
}

void reasm_out(const reasm_t *s, reasm_out_t *o)
{
    const reasm_regs_t *r = &s->r;

    o->m_v = r->d_v;
    o->m_req = r->d_rq.req;
    o->m_flow = r->d_rq.flow;
    o->m_close = r->d_close;
    o->m_reason = r->d_reason;
    o->m_open = r->d_open;
    o->m_merge = r->d_merge;
    o->m_after = r->d_after;
    o->m_dst = r->d_dst;
    o->m_off = r->d_q.off;
    o->m_r_gen = r->d_q.gen;
    o->m_r_id = r->d_q.id;
    o->m_r_len = r->d_rlen;
    o->m_r_segs = r->d_rsegs;
    o->m_r_seq = r->d_q.seq;
    o->m_r_ack = r->d_q.ack;
    o->m_r_win = r->d_q.win;
    o->m_busy = r->fl || r->ini;
}

/* D's decision: the answer for C's request and entry, every condition in parallel as the
 * RTL's (at most one reason holds) */
static void reasm_decide(const reasm_regs_t *r, reasm_regs_t *n)
{
    const reasm_ent_t *q = &r->c_q;
    const reasm_rq_t *c = &r->c_rq;
    const reasm_pre_t *pc = &r->c_pre;
    const uint32_t sum = (q->off + c->len) & 0x1ffffu;
    /* quiet: now - time > timeout, i.e. the time outside [lo, now] */
    const int in_lo = q->time >= r->lo, in_now = q->time <= r->now;
    const int tmo = r->to != 0 && !(r->wrap ? in_lo || in_now : in_lo && in_now);
    const int live = c->req && r->en;
    const int same = q->open && q->gen == c->gen;
    const int sm = live && same;
    const int fit_p = pc->lep && q->off <= pc->rp, fit_b = pc->leb && q->off <= pc->rb;
    const int fit_s = q->segs < r->caps;
    const int full_p = q->off == pc->rp, full_b = q->off == pc->rb, full_s = q->segs == r->caps1;
    const int cont = sm && pc->cn;
    const int app = cont && fit_p && fit_b && fit_s;
    const int fl_all = r->fl || !r->en;
    const int r_flush = q->open && (c->req ? !r->en : fl_all);
    const int r_tmo = !c->req && q->open && !fl_all && tmo;
    const int r_gen = live && q->open && !same;
    const int r_opc = sm && (pc->kop || pc->fn);
    const int r_flags = sm && c->fcl && (pc->ctl || app);
    const int r_page = cont && (!fit_p || (app && !c->fcl && full_p));
    const int r_bytes = cont && ((fit_p && !fit_b) || (app && !c->fcl && !full_p && full_b));
    const int r_segs = cont && ((fit_p && fit_b && !fit_s) || (app && !c->fcl && !full_p && !full_b && full_s));
    const int after = app && (c->fcl || full_p || full_b || full_s);
    const int open = live && pc->ok && !app;

    n->d_close = (uint8_t)(r_flush || r_tmo || r_gen || r_opc || (sm && c->fcl && pc->ctl)
                           || (cont && !(fit_p && fit_b && fit_s)));
    n->d_reason = (uint8_t)((r_opc ? NICRX_REASM_OPCODE : 0) | (r_flags ? NICRX_REASM_FLAGS : 0)
                            | (r_page ? NICRX_REASM_PAGE : 0) | (r_bytes ? NICRX_REASM_BYTES : 0)
                            | (r_segs ? NICRX_REASM_SEGS : 0) | (r_gen ? NICRX_REASM_GEN : 0)
                            | (r_tmo ? NICRX_REASM_TIMEOUT : 0) | (r_flush ? NICRX_REASM_FLUSH : 0));
    n->d_rq = *c;
    n->d_open = (uint8_t)open;
    n->d_merge = (uint8_t)(open || app);
    n->d_after = (uint8_t)after;
    n->d_dst = q->page << 12 | q->off;
    n->d_rlen = after ? sum : q->off;
    n->d_rsegs = (uint8_t)(after ? q->segs + 1 : q->segs);
    n->d_sum = sum;
    n->d_q = *q;
    n->d_now = r->now;
}

/* the entry a take writes: a close alone (s_take_cls: the user merges nothing, as for a
 * frame it drops), a run opened (with the take's page), a run appended to, or the entry as
 * it was (closed by a close before the frame); a run opened or appended to keeps the
 * request's ACK number and window, read at the take (the user holds the request) */
static reasm_ent_t reasm_taken(const reasm_regs_t *r, const reasm_in_t *in)
{
    reasm_ent_t w = r->d_q;

    if (in->s_take_cls) {
        w.open = 0;
    } else if (r->d_open) {
        w = (reasm_ent_t){ .open = 1, .gen = r->d_rq.gen, .page = in->s_take_page & 0xfffffffffffffull,
                           .id = in->s_take_id, .off = r->d_rq.len, .segs = 1, .seq = r->d_rq.seq, .time = r->d_now,
                           .ack = in->s_ack, .win = in->s_win };
    } else if (r->d_merge) {
        w.open = (uint8_t)!r->d_after;
        w.off = r->d_sum;
        w.segs = (uint8_t)(w.segs + 1);
        w.time = r->d_now;   /* the timeout measures quiet time: since the last merge */
        w.ack = in->s_ack;
        w.win = in->s_win;
    } else {
        w.open = (uint8_t)(w.open && !r->d_close);
    }
    return w;
}

void reasm_step(reasm_t *s, const reasm_in_t *in, reasm_out_t *out)
{
    const reasm_regs_t *r = &s->r;
    reasm_regs_t n = *r;
    const uint8_t fmask = (uint8_t)(s->flows - 1);
    const uint8_t pl = in->cfg_page_log2 < 12 ? 12 : in->cfg_page_log2 > 16 ? 16 : in->cfg_page_log2;
    /* the sweep moves on after an answer it needs nothing for; a close it answered is read
     * again after the take (the entry then needs nothing), so the move never waits on it */
    const int sp_move = r->d_v && !r->d_rq.req && !r->d_close;
    const int kill = in->s_chg || in->s_take || r->ini || sp_move || in->s_flush;
    /* the pointer after this edge: A reads the entry it names (an answer after a move is the
     * next entry's) */
    const uint8_t sp_nx = (r->ini || (!in->s_flush && sp_move)) ? (uint8_t)((r->sp + 1) & fmask)
                        : in->s_flush ? 0 : r->sp;

    reasm_decide(r, &n);
    /* configuration */
    n.en = in->cfg_en;
    n.psize = 1u << pl;
    n.capb = (in->cfg_max_bytes == 0 || in->cfg_max_bytes > r->psize) ? r->psize : in->cfg_max_bytes;
    n.caps = in->cfg_max_segs == 0 ? 255 : in->cfg_max_segs;
    n.caps1 = (uint8_t)(n.caps - 1);
    n.to = in->cfg_timeout;
    n.now = in->now;
    n.lo = (uint16_t)(in->now - in->cfg_timeout);
    n.wrap = in->now < in->cfg_timeout;
    /* A, B, C */
    n.a_rq = (reasm_rq_t){ .req = in->s_req, .flow = in->s_req ? in->s_flow & fmask : sp_nx, .gen = in->s_gen,
                           .op = in->s_op, .fcl = in->s_fcl, .len = in->s_len, .seq = in->s_seq };
    n.b_rq = r->a_rq;
    {
        const reasm_rq_t *a = &r->a_rq;
        const int fc = a->op == NICRX_OP_FIRST || a->op == NICRX_OP_CONT, nz = a->len != 0;

        n.b_pre = (reasm_pre_t){
            .cn = a->op == NICRX_OP_CONT && nz, .fn = a->op == NICRX_OP_FIRST && nz,
            .kop = a->op == NICRX_OP_OOO || a->op == NICRX_OP_SHORT || a->op == NICRX_OP_NO_MERGE || (fc && !nz),
            .ctl = a->op == NICRX_OP_CTRL,
            .ok = fc && nz && a->len < r->capb && r->caps != 1 && !a->fcl,
            .lep = a->len <= r->psize, .leb = a->len <= r->capb,
            .rp = (r->psize - a->len) & 0x1ffffu, .rb = (r->capb - a->len) & 0x1ffffu };
    }
    n.b_q = s->tab[r->a_rq.flow & fmask];   /* the table as it was before this edge's write */
    n.c_rq = r->b_rq;
    n.c_pre = r->b_pre;
    n.c_q = r->b_q;
    /* the table's write: the reset's clearing, else a take (an opened run takes the page) */
    if (r->ini) {
        memset(&s->tab[r->sp & fmask], 0, sizeof s->tab[0]);
    } else if (in->s_take) {
        s->tab[r->d_rq.flow & fmask] = reasm_taken(r, in);
    }
    if (in->rst) {
        n.sp = 0;
        n.ini = 1;
        n.fl = 0;
        n.a_v = n.b_v = n.c_v = n.d_v = 0;
    } else {
        /* a change, a take or a move of the sweep empties the stages behind A */
        n.a_v = !r->ini;
        n.b_v = r->a_v && !kill;
        n.c_v = r->b_v && !kill;
        n.d_v = r->c_v && !kill;
        n.sp = sp_nx;
        if (r->ini) {
            n.ini = r->sp != fmask;
        } else if (in->s_flush) {
            n.fl = 1;
        } else if (sp_move) {
            if (r->sp == fmask)
                n.fl = 0;
        }
    }
    s->r = n;
    reasm_out(s, out);
}
