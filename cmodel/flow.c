/* flow.c - twin of rtl/nicrx_flow.v (see flow.h, docs/architecture.md
 * "nicrx_flow" and docs/opcodes.md). */
#include <stdlib.h>
#include <string.h>
#include "nicrx_model.h"
#include "flow.h"

/* ---- recency order: a rank per entry, 0 the most recently active ------------------ */
static void list_to_head(flow_t *s, uint32_t i)
{
    const uint16_t r = s->rank[i];

    if (s->tail == i)   /* the entry ranked next to it becomes the tail */
        for (uint32_t k = 0; k < s->flows; k++)
            if (s->rank[k] == s->flows - 2u)
                s->tail = (uint16_t)k;
    for (uint32_t k = 0; k < s->flows; k++)
        if (s->rank[k] < r)
            s->rank[k]++;
    s->rank[i] = 0;
}

static void list_to_tail(flow_t *s, uint32_t i)
{
    const uint16_t r = s->rank[i];

    for (uint32_t k = 0; k < s->flows; k++)
        if (s->rank[k] > r)
            s->rank[k]--;
    s->rank[i] = (uint16_t)(s->flows - 1u);
    s->tail = (uint16_t)i;
}

static void flow_reset(flow_t *s)
{
    /* FLOWS-1 at the head ... 0 at the tail, all invalid, every generation 0 */
    for (uint32_t i = 0; i < s->flows; i++) {
        s->valid[i] = 0;
        s->sig[i] = 0;
        s->ctx[i].gen = 0;
        s->rank[i] = (uint16_t)(s->flows - 1u - i);
    }
    s->tail = 0;
    s->pre = 0;
    s->now = 0;
    s->run = 0;
    memset(&s->job, 0, sizeof s->job);
    memset(&s->o, 0, sizeof s->o);
    s->o.idle = 1;
}

int flow_init(flow_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->flows = g->p.flows;
    s->key = calloc(s->flows, sizeof *s->key);
    s->ctx = calloc(s->flows, sizeof *s->ctx);
    s->valid = calloc(s->flows, sizeof *s->valid);
    s->sig = calloc(s->flows, sizeof *s->sig);
    s->rank = calloc(s->flows, sizeof *s->rank);
    if (!s->key || !s->ctx || !s->valid || !s->sig || !s->rank) {
        flow_free(s);
        return -1;
    }
    flow_reset(s);
    return 0;
}

void flow_free(flow_t *s)
{
    free(s->key);
    free(s->ctx);
    free(s->valid);
    free(s->sig);
    free(s->rank);
    s->key = NULL;
    s->ctx = NULL;
    s->valid = NULL;
    s->sig = NULL;
    s->rank = NULL;
}

void flow_out(const flow_t *s, flow_out_t *o)
{
    *o = s->o;
}

/* ---- the database: look-up, allocation, creation --------------------------- */
enum { LK_MISS, LK_HIT, LK_CONFLICT };

/* The CAM: the valid entry holding the job's signature (*m), compared with its key. */
static int lookup(const flow_t *s, const fk_stream_t *fk, uint32_t *m)
{
    for (uint32_t i = 0; i < s->flows; i++) {
        if (s->valid[i] && s->sig[i] == fk->sig) {
            *m = i;
            return memcmp(s->key[i], fk->key, NICRX_FLOW_KEY_BYTES) ? LK_CONFLICT : LK_HIT;
        }
    }
    return LK_MISS;
}

static int aged(const flow_t *s, uint32_t i, const flow_job_t *j)
{
    return j->age != 0 && j->now - s->ctx[i].time > j->age;
}

/* Allocation for a new flow: the tail if it is free, aged or (evict) live;
 * -1 if none.  Counts FLOW_AGED / FLOW_EVICTED and sets *evicted. */
static int victim(flow_t *s, const flow_job_t *j, int *evicted)
{
    uint32_t t = s->tail;

    *evicted = 0;
    if (!s->valid[t])
        return (int)t;
    if (aged(s, t, j)) {
        s->o.cnt[NICRX_CNT_FLOW_AGED]++;
        return (int)t;
    }
    if (j->evict) {
        s->o.cnt[NICRX_CNT_FLOW_EVICTED]++;
        *evicted = 1;
        return (int)t;
    }
    return -1;
}

/* The context a created or installed entry gets: the job's (a frame's seg_end,
 * ACK, digest, header length and flags; or the window's), count `count`. */
static flow_ctx_t job_ctx(const flow_job_t *j, uint32_t count)
{
    const fk_stream_t *fk = &j->fk;
    flow_ctx_t c;

    memset(&c, 0, sizeof c);
    c.exp = fk->exp;
    c.ack = fk->ack;
    c.digest = fk->digest;
    c.hlen = fk->hlen & 0x3ffu;
    c.flags = fk->flags & 0xfffu;
    c.data_seen = fk->data_seen;
    c.noassist = fk->noassist;
    c.time = j->now;
    c.count = count;
    return c;
}

/* Entry i becomes the job's key's, with context c and the next generation (255
 * wraps to 1), the most recently active. */
static void create(flow_t *s, uint32_t i, const fk_stream_t *fk, const flow_ctx_t *c)
{
    uint8_t gen = s->ctx[i].gen == 255 ? 1 : (uint8_t)(s->ctx[i].gen + 1u);

    s->valid[i] = 1;
    s->sig[i] = fk->sig;
    memcpy(s->key[i], fk->key, NICRX_FLOW_KEY_BYTES);
    s->ctx[i] = *c;
    s->ctx[i].gen = gen;
    list_to_head(s, i);
}

static void invalidate(flow_t *s, uint32_t i)
{
    s->valid[i] = 0;
    list_to_tail(s, i);
}

/* ---- a frame ------------------------------------------------------------------- */
static int merge_forbidden(const fk_stream_t *fk, const flow_ctx_t *e)
{
    return fk->nomerge || ((fk->flags ^ e->flags) & ~(NICRX_TCP_CWR | NICRX_TCP_FIN | NICRX_TCP_PSH) & 0x1ffu) ||
           fk->ack != e->ack || fk->hlen != e->hlen || fk->digest != e->digest;
}

void flow_job_take(flow_job_t *j, const fk_stream_t *fk, const csr_cfg_t *c, uint32_t now)
{
    j->fk = *fk;
    j->evict = (c->flow_ctrl & NICRX_FLOW_CTRL_EVICT) != 0;
    j->thresh = c->flow_thresh;
    j->age = c->flow_age;
    j->now = now;
}

void flow_frame_decide(flow_t *s, const evsink_t *ev)
{
    const flow_job_t *j = &s->job;
    const fk_stream_t *fk = &j->fk;
    uint32_t *cnt = s->o.cnt;
    const uint32_t fl = fk->flags;
    const flow_ctx_t c = job_ctx(j, 1);
    flow_ctx_t e;    /* the entry before the update */
    int idx = -1, isnew = 0, evicted;
    uint32_t fev = NICRX_FLOW_EV_NONE, op;

    memset(&e, 0, sizeof e);
    if (fk->presel) {
        uint32_t m = 0;
        int lk = lookup(s, fk, &m);

        if (lk == LK_HIT) {
            e = s->ctx[m];
            if (aged(s, m, j)) {
                fev = NICRX_FLOW_EV_AGED;
                cnt[NICRX_CNT_FLOW_AGED]++;
                if (fk->may) {
                    create(s, m, fk, &c);
                    cnt[NICRX_CNT_FLOW_CREATED]++;
                    idx = (int)m;
                    isnew = 1;
                } else {
                    invalidate(s, m);
                }
            } else if ((fl & NICRX_TCP_SYN) && fk->may && fk->seq1 != e.exp) {
                fev = NICRX_FLOW_EV_CREATED;
                create(s, m, fk, &c);
                cnt[NICRX_CNT_FLOW_CREATED]++;
                idx = (int)m;
                isnew = 1;
            } else {
                flow_ctx_t *u = &s->ctx[m];

                if ((int32_t)(fk->exp - u->exp) > 0) /* exp: the frame's seg_end */
                    u->exp = fk->exp;
                u->ack = c.ack;
                u->digest = c.digest;
                u->hlen = c.hlen;
                u->flags = c.flags;
                u->data_seen |= c.data_seen;
                u->time = j->now;
                u->count++;
                list_to_head(s, m);
                idx = (int)m;
                fev = NICRX_FLOW_EV_UPDATED;
                if (fl & (NICRX_TCP_FIN | NICRX_TCP_RST)) {
                    invalidate(s, m);
                    fev = NICRX_FLOW_EV_REMOVED;
                    cnt[NICRX_CNT_FLOW_REMOVED]++;
                }
            }
        } else if (lk == LK_MISS && fk->may) {
            int t = victim(s, j, &evicted);

            if (t >= 0) {
                fev = evicted ? NICRX_FLOW_EV_EVICTED : NICRX_FLOW_EV_CREATED;
                create(s, (uint32_t)t, fk, &c);
                cnt[NICRX_CNT_FLOW_CREATED]++;
                idx = t;
                isnew = 1;
            }
        }
    }
    /* the operation code (docs/opcodes.md), the first rule that applies */
    if (!fk->presel)
        op = fk->l4 == 1 ? NICRX_OP_TCP_OTHER : NICRX_OP_NOT_TCP;
    else if (fk->pay == 0)
        op = NICRX_OP_CTRL;
    else if (idx < 0)
        op = NICRX_OP_NO_FLOW;
    else if (isnew)
        op = NICRX_OP_FIRST;
    else if (e.noassist)
        op = NICRX_OP_TCP_OTHER;
    else if (fk->seq != e.exp)
        op = NICRX_OP_OOO;
    else if (!e.data_seen)
        op = NICRX_OP_FIRST;
    else if (fk->pay < j->thresh)
        op = NICRX_OP_SHORT;
    else if (merge_forbidden(fk, &e))
        op = NICRX_OP_NO_MERGE;
    else
        op = NICRX_OP_CONT;
    if (op == NICRX_OP_NO_FLOW)
        cnt[NICRX_CNT_FLOW_NO_FLOW]++;

    fl_stream_t *fo = &s->o.m_fl;
    nicrx_event_t ee;

    s->o.m_fl_valid = 1;
    fo->len = fk->len;
    fo->cls = fk->cls;
    fo->l3 = fk->l3;
    fo->l4 = fk->l4;
    fo->vlan = fk->vlan;
    fo->vid = fk->vid;
    fo->frag = fk->frag;
    fo->l3_off = fk->l3_off;
    fo->l4_off = fk->l4_off;
    fo->hash = fk->hash;
    fo->trunc = fk->trunc;
    fo->perr = fk->perr;
    fo->hlen = fk->hlen;
    fo->pay = fk->pay;
    fo->seq = fk->seq;
    fo->ack = fk->ack;
    fo->win = fk->win;
    fo->fcl = (uint8_t)(fk->flags & (NICRX_TCP_URG | NICRX_TCP_PSH | NICRX_TCP_RST | NICRX_TCP_FIN));
    fo->flow = idx < 0 ? 0 : (uint16_t)(s->ctx[idx].gen << 8 | (uint32_t)idx);
    fo->opcode = (uint8_t)op;
    fo->frame = fk->frame;
    memset(&ee, 0, sizeof ee);
    ee.kind = NICRX_EV_FLOW;
    ee.frame = fk->frame;
    ee.len = fk->len;
    ee.flow = fo->flow & 0xffu;
    ee.gen = fo->flow >> 8;
    ee.opcode = op;
    ee.flow_event = fev;
    ev_emit(ev, &ee);
}

/* ---- a command ------------------------------------------------------------------ */
static void cmd_job(flow_t *s)
{
    const flow_job_t *j = &s->job;
    const fk_stream_t *fk = &j->fk;
    flow_status_t *st = &s->o.st;
    uint32_t i = fk->sel & (s->flows - 1u);
    int fail = 0;

    if (fk->cmd == NICRX_FLOW_CMD_READ) {
        const flow_ctx_t *x = &s->ctx[i];

        st->ctx_load = 1;
        st->ctx_info = (uint32_t)(x->hlen & 0x3ffu) << NICRX_FLOW_INFO_HLEN_SHIFT |
                       (uint32_t)(x->flags & 0xfffu) << NICRX_FLOW_INFO_FLAGS_SHIFT |
                       (x->noassist ? NICRX_FLOW_INFO_NOASSIST : 0) |
                       (x->data_seen ? NICRX_FLOW_INFO_DATA_SEEN : 0) |
                       (aged(s, i, j) ? NICRX_FLOW_INFO_AGED : 0) | (s->valid[i] ? NICRX_FLOW_INFO_VALID : 0);
        st->ctx_seq = x->exp;
        st->ctx_ack = x->ack;
        st->ctx_opt = x->digest;
        st->ctx_time = x->time;
        st->ctx_count = x->count;
        memcpy(st->ctx_key, s->key[i], NICRX_FLOW_KEY_BYTES);
    } else if (fk->cmd == NICRX_FLOW_CMD_INSTALL) {
        uint32_t m = 0;
        int lk = lookup(s, fk, &m), t = -1, evicted;
        flow_ctx_t c = job_ctx(j, 0);

        if (lk == LK_HIT) { /* the context is replaced, the generation stays */
            c.gen = s->ctx[m].gen;
            s->ctx[m] = c;
            list_to_head(s, m);
            t = (int)m;
        } else if (lk == LK_MISS && (t = victim(s, j, &evicted)) >= 0) {
            create(s, (uint32_t)t, fk, &c);
        }
        fail = t < 0;
        i = fail ? 0 : (uint32_t)t;
    } else if (s->valid[i]) { /* INVALIDATE */
        invalidate(s, i);
    } else {
        fail = 1;
    }
    st->fail = (uint8_t)fail;
    st->idx = (uint8_t)i;
    /* a failed INSTALL names no entry */
    st->gen = fail && fk->cmd == NICRX_FLOW_CMD_INSTALL ? 0 : s->ctx[i].gen;
}

/* ---- one edge ---------------------------------------------------------------------- */
/* The manager, flow_busy and the time at an edge without reset. */
static void flow_edge(flow_t *s, const flow_in_t *in)
{
    const csr_cfg_t *c = &in->cfg;
    flow_out_t *o = &s->o;
    const uint8_t busy = o->st.busy;
    const int take = in->s_fk_valid && o->s_fk_ready;

    o->m_fl_valid = 0;
    o->st.ctx_load = 0;
    /* a command pulse while no command is pending or running: busy until its result */
    if (c->flow_cmd && !busy)
        o->st.busy = 1;
    /* the manager: complete the job at E0+9, then take the next one if offered */
    if (s->run == FLOW_JOB_CYCLES) {
        if (s->job.fk.cmd) {
            cmd_job(s);
            o->st.busy = 0;
        } else {
            flow_frame_decide(s, in->ev);
        }
        s->run = 0;
    } else if (s->run) {
        s->run++;
    }
    if (take) {
        flow_job_take(&s->job, &in->s_fk, c, s->now);
        s->run = 1;
    }
    /* time */
    if (s->pre >= c->flow_tick) { /* >=: a smaller FLOW_TICK takes effect at once */
        s->pre = 0;
        s->now++;
    } else {
        s->pre++;
    }
    /* a job is taken only after a cycle on offer: the RTL compares its signature's bytes
     * in that cycle */
    o->s_fk_ready = (!s->run || s->run == FLOW_JOB_CYCLES) && in->s_fk_valid && !take;
    o->st.time = s->now;
    o->idle = !s->run && !o->m_fl_valid && !o->st.ctx_load;
}

void flow_step(flow_t *s, const flow_in_t *in, flow_out_t *out)
{
    if (in->rst)
        flow_reset(s); /* a job in progress is abandoned: nothing of it is written */
    else
        flow_edge(s, in);
    flow_out(s, out);
}
