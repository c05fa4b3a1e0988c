/* flow.c - twin of rtl/nicrx_flow.v (see flow.h, docs/architecture.md
 * "nicrx_flow" and docs/opcodes.md). */
#include <stdlib.h>
#include <string.h>
#include "nicrx_model.h"
#include "flow.h"

/* ---- recency list: head most recently active, next[] towards the tail ---- */
static void list_unlink(flow_t *s, uint32_t i)
{
    if (s->head == i) s->head = s->next[i]; else s->next[s->prev[i]] = s->next[i];
    if (s->tail == i) s->tail = s->prev[i]; else s->prev[s->next[i]] = s->prev[i];
}

static void list_to_head(flow_t *s, uint32_t i)
{
    if (s->head == i)
        return;
    list_unlink(s, i);
    s->next[i] = s->head;
    s->prev[s->head] = (uint16_t)i;
    s->head = (uint16_t)i;
}

static void list_to_tail(flow_t *s, uint32_t i)
{
    if (s->tail == i)
        return;
    list_unlink(s, i);
    s->prev[i] = s->tail;
    s->next[s->tail] = (uint16_t)i;
    s->tail = (uint16_t)i;
}

static void flow_reset(flow_t *s)
{
    /* FLOWS-1 at the head ... 0 at the tail, all invalid, every generation 0 */
    for (uint32_t i = 0; i < s->flows; i++) {
        s->valid[i] = 0;
        s->sig[i] = 0;
        s->ctx[i].gen = 0;
        s->next[i] = (uint16_t)(i - 1u);
        s->prev[i] = (uint16_t)(i + 1u);
    }
    s->head = (uint16_t)(s->flows - 1u);
    s->tail = 0;
    s->pre = 0;
    s->now = 0;
    s->run = 0;
    memset(&s->job, 0, sizeof s->job);
    s->cmd_pending = s->cmd = s->cmd_sel = 0;
    memset(&s->o, 0, sizeof s->o);
    s->o.s_hv_ready = 1;
    s->o.idle = 1;
}

int flow_init(flow_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->flows = g->p.flows;
    s->header_bytes = g->p.header_bytes;
    s->key = calloc(s->flows, sizeof *s->key);
    s->ctx = calloc(s->flows, sizeof *s->ctx);
    s->valid = calloc(s->flows, sizeof *s->valid);
    s->sig = calloc(s->flows, sizeof *s->sig);
    s->next = calloc(s->flows, sizeof *s->next);
    s->prev = calloc(s->flows, sizeof *s->prev);
    if (!s->key || !s->ctx || !s->valid || !s->sig || !s->next || !s->prev ||
        hdrmem_init(&s->hm, g->p.fq_depth, g->p.header_bytes, g->bytes_per_beat) != 0) {
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
    free(s->next);
    free(s->prev);
    s->key = NULL;
    s->ctx = NULL;
    s->valid = NULL;
    s->sig = NULL;
    s->next = s->prev = NULL;
    hdrmem_free(&s->hm);
}

void flow_out(const flow_t *s, flow_out_t *o)
{
    *o = s->o;
}

/* ---- the database: look-up, allocation, creation --------------------------- */
enum { LK_MISS, LK_HIT, LK_CONFLICT };

/* The CAM: the valid entry holding sig (*m), compared with key. */
static int lookup(const flow_t *s, const uint8_t *key, uint32_t sig, uint32_t *m)
{
    for (uint32_t i = 0; i < s->flows; i++) {
        if (s->valid[i] && s->sig[i] == sig) {
            *m = i;
            return memcmp(s->key[i], key, NICRX_FLOW_KEY_BYTES) ? LK_CONFLICT : LK_HIT;
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
    if (j->ctrl & NICRX_FLOW_CTRL_EVICT) {
        s->o.cnt[NICRX_CNT_FLOW_EVICTED]++;
        *evicted = 1;
        return (int)t;
    }
    return -1;
}

/* Entry i becomes key's, with context c and the next generation (255 wraps
 * to 1), the most recently active. */
static void create(flow_t *s, uint32_t i, const uint8_t *key, uint32_t sig, const flow_ctx_t *c)
{
    uint8_t gen = s->ctx[i].gen == 255 ? 1 : (uint8_t)(s->ctx[i].gen + 1u);

    s->valid[i] = 1;
    s->sig[i] = sig;
    memcpy(s->key[i], key, NICRX_FLOW_KEY_BYTES);
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
static void frame_key(const hv_stream_t *hv, uint8_t ctrl, uint8_t *k)
{
    memset(k, 0, NICRX_FLOW_KEY_BYTES);
    memcpy(k + NICRX_FLOW_KEY_SRC, hv->src, 16);
    memcpy(k + NICRX_FLOW_KEY_DST, hv->dst, 16);
    k[NICRX_FLOW_KEY_SPORT] = (uint8_t)(hv->sport >> 8);
    k[NICRX_FLOW_KEY_SPORT + 1] = (uint8_t)hv->sport;
    k[NICRX_FLOW_KEY_DPORT] = (uint8_t)(hv->dport >> 8);
    k[NICRX_FLOW_KEY_DPORT + 1] = (uint8_t)hv->dport;
    k[NICRX_FLOW_KEY_PROTO] = hv->proto;
    k[NICRX_FLOW_KEY_IPVER] = hv->l3 == 1 ? 4 : hv->l3 == 2 ? 6 : 0;
    if ((ctrl & NICRX_FLOW_CTRL_VLAN) && hv->vlan_cnt) {
        k[NICRX_FLOW_KEY_VID] = (uint8_t)(hv->vlan0 >> 8 & 0xfu);
        k[NICRX_FLOW_KEY_VID + 1] = (uint8_t)hv->vlan0;
    }
}

/* The TCP options digest (docs/opcodes.md "Inputs") from the header copy. */
static void frame_options(const flow_t *s, const hv_stream_t *hv, flow_job_t *j)
{
    uint8_t b[40];
    uint32_t lim = hv->len < s->header_bytes ? hv->len : s->header_bytes;

    j->digest = 0;
    j->optx = 1;
    if (hv->tcp_hlen < 20 || hv->tcp_hlen > 60 || (uint32_t)hv->l4_off + hv->tcp_hlen > lim)
        return;
    memset(b, 0, sizeof b);
    memcpy(b, hdrmem_slot(&s->hm, hv->slot) + hv->l4_off + 20, hv->tcp_hlen - 20u);
    j->digest = nicrx_crc32c(b, sizeof b);
    j->optx = 0;
}

static int merge_forbidden(const flow_job_t *j, const flow_ctx_t *e)
{
    const hv_stream_t *hv = &j->hv;
    uint32_t f = hv->tcp_flags & 0xfffu;
    uint8_t d = (uint8_t)(hv->l4_off - hv->l3_off);

    return (f & (NICRX_TCP_URG | NICRX_TCP_CWR)) || ((f ^ e->flags) & ~(NICRX_TCP_CWR | NICRX_TCP_FIN | NICRX_TCP_PSH) & 0x1ffu) ||
           hv->ack != e->ack || hv->tcp_hlen != e->hlen || j->digest != e->digest || j->optx ||
           (hv->l3 == 1 && d != 20) || (hv->l3 == 2 && d != 40);
}

static void frame_job(flow_t *s, const evsink_t *ev)
{
    const flow_job_t *j = &s->job;
    const hv_stream_t *hv = &j->hv;
    uint32_t *cnt = s->o.cnt;
    const uint32_t fl = hv->tcp_flags, syn = fl >> 1 & 1u, fin = fl & 1u;
    const uint16_t pay = hv->l4_len; /* the parser's l4_len: the bytes after the TCP header */
    const uint32_t seg_end = hv->seq + pay + syn + fin;
    const int presel = (hv->cls >> NICRX_CLS_PRESEL & 1u) && hv->l4 == 1 && !hv->perr && !hv->trunc;
    const int may_create = (syn || pay) && !(fl & (NICRX_TCP_FIN | NICRX_TCP_RST));
    flow_ctx_t e, c;    /* the entry before the update; a created entry's context */
    int idx = -1, isnew = 0, evicted;
    uint32_t fev = NICRX_FLOW_EV_NONE, op;

    memset(&e, 0, sizeof e);
    memset(&c, 0, sizeof c);
    c.exp = seg_end;
    c.ack = hv->ack;
    c.digest = j->digest;
    c.hlen = hv->tcp_hlen & 0x3ffu;
    c.flags = (uint16_t)(fl & 0xfffu);
    c.data_seen = pay > 0;
    c.time = j->now;
    c.count = 1;
    if (presel) {
        uint8_t key[NICRX_FLOW_KEY_BYTES];
        uint32_t sig, m = 0;
        int lk;

        frame_key(hv, j->ctrl, key);
        sig = nicrx_crc32c(key, sizeof key);
        lk = lookup(s, key, sig, &m);
        if (lk == LK_HIT) {
            e = s->ctx[m];
            if (aged(s, m, j)) {
                fev = NICRX_FLOW_EV_AGED;
                cnt[NICRX_CNT_FLOW_AGED]++;
                if (may_create) {
                    create(s, m, key, sig, &c);
                    cnt[NICRX_CNT_FLOW_CREATED]++;
                    idx = (int)m;
                    isnew = 1;
                } else {
                    invalidate(s, m);
                }
            } else if (syn && may_create && hv->seq + 1u != e.exp) {
                fev = NICRX_FLOW_EV_CREATED;
                create(s, m, key, sig, &c);
                cnt[NICRX_CNT_FLOW_CREATED]++;
                idx = (int)m;
                isnew = 1;
            } else {
                flow_ctx_t *u = &s->ctx[m];

                if ((int32_t)(seg_end - u->exp) > 0)
                    u->exp = seg_end;
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
        } else if (lk == LK_MISS && may_create) {
            int t = victim(s, j, &evicted);

            if (t >= 0) {
                fev = evicted ? NICRX_FLOW_EV_EVICTED : NICRX_FLOW_EV_CREATED;
                create(s, (uint32_t)t, key, sig, &c);
                cnt[NICRX_CNT_FLOW_CREATED]++;
                idx = t;
                isnew = 1;
            }
        }
    }
    /* the operation code (docs/opcodes.md), the first rule that applies */
    if (!presel)
        op = hv->l4 == 1 ? NICRX_OP_TCP_OTHER : NICRX_OP_NOT_TCP;
    else if (pay == 0)
        op = NICRX_OP_CTRL;
    else if (idx < 0)
        op = NICRX_OP_NO_FLOW;
    else if (isnew)
        op = NICRX_OP_FIRST;
    else if (e.noassist)
        op = NICRX_OP_TCP_OTHER;
    else if (hv->seq != e.exp)
        op = NICRX_OP_OOO;
    else if (!e.data_seen)
        op = NICRX_OP_FIRST;
    else if (pay < j->thresh)
        op = NICRX_OP_SHORT;
    else if (merge_forbidden(j, &e))
        op = NICRX_OP_NO_MERGE;
    else
        op = NICRX_OP_CONT;
    if (op == NICRX_OP_NO_FLOW)
        cnt[NICRX_CNT_FLOW_NO_FLOW]++;

    fl_stream_t *fo = &s->o.m_fl;
    nicrx_event_t ee;

    s->o.m_fl_valid = 1;
    fo->len = hv->len;
    fo->cls = hv->cls;
    fo->l3 = hv->l3 & 3u;
    fo->l4 = hv->l4 & 3u;
    fo->vlan = hv->vlan_cnt != 0;
    fo->vid = hv->vlan_cnt ? (uint16_t)(hv->vlan0 & 0xfffu) : 0;
    fo->frag = hv->frag & 1u;
    fo->l3_off = hv->l3_off;
    fo->l4_off = hv->l4_off;
    fo->hash = hv->hash;
    fo->trunc = hv->trunc & 1u;
    fo->perr = hv->perr & 1u;
    fo->flow = idx < 0 ? 0 : (uint16_t)(s->ctx[idx].gen << 8 | (uint32_t)idx);
    fo->opcode = (uint8_t)op;
    fo->frame = hv->frame;
    memset(&ee, 0, sizeof ee);
    ee.kind = NICRX_EV_FLOW;
    ee.frame = hv->frame;
    ee.len = hv->len;
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
    flow_status_t *st = &s->o.st;
    uint32_t i = j->sel;
    int fail = 0;

    if (j->cmd == NICRX_FLOW_CMD_READ) {
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
    } else if (j->cmd == NICRX_FLOW_CMD_INSTALL) {
        uint32_t sig = nicrx_crc32c(j->ctx_key, NICRX_FLOW_KEY_BYTES), m = 0;
        int lk = lookup(s, j->ctx_key, sig, &m), t = -1, evicted;
        flow_ctx_t c;

        memset(&c, 0, sizeof c);
        c.exp = j->ctx_seq;
        c.ack = j->ctx_ack;
        c.digest = j->ctx_opt;
        c.hlen = (uint16_t)(j->ctx_info >> NICRX_FLOW_INFO_HLEN_SHIFT & 0x3ffu);
        c.flags = (uint16_t)(j->ctx_info >> NICRX_FLOW_INFO_FLAGS_SHIFT & 0xfffu);
        c.data_seen = (j->ctx_info & NICRX_FLOW_INFO_DATA_SEEN) != 0;
        c.noassist = (j->ctx_info & NICRX_FLOW_INFO_NOASSIST) != 0;
        c.time = j->now;
        c.count = 0;
        if (lk == LK_HIT) { /* the context is replaced, the generation stays */
            c.gen = s->ctx[m].gen;
            s->ctx[m] = c;
            list_to_head(s, m);
            t = (int)m;
        } else if (lk == LK_MISS && (t = victim(s, j, &evicted)) >= 0) {
            create(s, (uint32_t)t, j->ctx_key, sig, &c);
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
    st->gen = fail && j->cmd == NICRX_FLOW_CMD_INSTALL ? 0 : s->ctx[i].gen;
}

/* ---- one edge ---------------------------------------------------------------------- */
/* The manager, the commands and the time at an edge without reset. */
static void flow_edge(flow_t *s, const flow_in_t *in)
{
    const csr_cfg_t *c = &in->cfg;
    flow_out_t *o = &s->o;
    const uint8_t busy = o->st.busy;

    o->m_fl_valid = 0;
    o->st.ctx_load = 0;
    /* the manager: complete the job at E0+7, else take one if idle */
    if (s->run == FLOW_JOB_CYCLES) {
        if (s->job.cmd) {
            cmd_job(s);
            o->st.busy = 0;
        } else {
            frame_job(s, in->ev);
        }
        s->run = 0;
    } else if (s->run) {
        s->run++;
    } else if (s->cmd_pending || (in->s_hv_valid && o->s_hv_ready)) {
        flow_job_t *j = &s->job;

        j->ctrl = c->flow_ctrl & 3u;
        j->thresh = c->flow_thresh;
        j->age = c->flow_age;
        j->now = s->now;
        j->ctx_info = c->ctx_info;
        j->ctx_seq = c->ctx_seq;
        j->ctx_ack = c->ctx_ack;
        j->ctx_opt = c->ctx_opt;
        memcpy(j->ctx_key, c->ctx_key, sizeof j->ctx_key);
        if (s->cmd_pending) {
            j->cmd = s->cmd;
            j->sel = (uint8_t)(s->cmd_sel & (s->flows - 1u));
            s->cmd_pending = 0;
        } else {
            j->cmd = 0;
            j->hv = in->s_hv;
            frame_options(s, &j->hv, j);
        }
        s->run = 1;
    }
    /* a command pulse while no command is pending or running */
    if (c->flow_cmd && !busy) {
        s->cmd_pending = 1;
        s->cmd = c->flow_cmd & 3u;
        s->cmd_sel = c->flow_sel;
        o->st.busy = 1;
    }
    /* time */
    if (s->pre >= c->flow_tick) { /* >=: a smaller FLOW_TICK takes effect at once */
        s->pre = 0;
        s->now++;
    } else {
        s->pre++;
    }
    o->s_hv_ready = !s->run && !s->cmd_pending;
    o->st.time = s->now;
    o->idle = o->s_hv_ready && !o->m_fl_valid && !o->st.ctx_load;
}

void flow_step(flow_t *s, const flow_in_t *in, flow_out_t *out)
{
    if (in->rst)
        flow_reset(s); /* a job in progress is abandoned: nothing of it is written */
    else
        flow_edge(s, in);
    /* the header-memory copy is written at every edge, under reset too, and read by a
     * job taken at this edge before this write (in flow_edge) */
    hdrmem_step(&s->hm, in->hm_wr_en, in->hm_wr_addr, in->pm_wr_data);
    flow_out(s, out);
}
