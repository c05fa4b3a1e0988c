/* flow_key.c - twin of rtl/nicrx_flow_key.v (see flow_key.h,
 * docs/architecture.md "nicrx_flow_key" and docs/opcodes.md "Inputs"). */
#include <string.h>
#include "nicrx_model.h"
#include "flow_key.h"

static void flow_key_reset(flow_key_t *s)
{
    s->run = 0;
    memset(&s->job, 0, sizeof s->job);
    s->cmd_pending = s->cmd = s->cmd_sel = 0;
    memset(&s->o, 0, sizeof s->o);
    s->o.s_hv_ready = 1;
    s->o.idle = 1;
}

int flow_key_init(flow_key_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->header_bytes = g->p.header_bytes;
    crc32c_tab_init(&s->crc);
    if (hdrmem_init(&s->hm, g->p.fq_depth, g->p.header_bytes, g->bytes_per_beat) != 0)
        return -1;
    flow_key_reset(s);
    return 0;
}

void flow_key_free(flow_key_t *s)
{
    hdrmem_free(&s->hm);
}

void flow_key_out(const flow_key_t *s, flow_key_out_t *o)
{
    *o = s->o;
}

/* The key image (docs/architecture.md "Flow key"). */
static void frame_key(const hv_stream_t *hv, uint8_t vlan, uint8_t *k)
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
    if (vlan && hv->vlan_cnt) {
        k[NICRX_FLOW_KEY_VID] = (uint8_t)(hv->vlan0 >> 8 & 0xfu);
        k[NICRX_FLOW_KEY_VID + 1] = (uint8_t)hv->vlan0;
    }
}

/* The TCP options digest (docs/opcodes.md "Inputs") from the header copy; *optok
 * is 0 when the options are not available (then merging is forbidden). */
static uint32_t frame_digest(const uint8_t *hdr, uint32_t header_bytes, const hv_stream_t *hv,
                             const crc32c_tab_t *crc, int *optok)
{
    uint8_t b[40];
    uint32_t lim = hv->len < header_bytes ? hv->len : header_bytes;

    *optok = hv->tcp_hlen >= 20 && hv->tcp_hlen <= 60 && (uint32_t)hv->l4_off + hv->tcp_hlen <= lim;
    if (!*optok)
        return 0;
    memset(b, 0, sizeof b);
    memcpy(b, hdr + hv->l4_off + 20, hv->tcp_hlen - 20u);
    return crc32c_sliced(crc, b, sizeof b);
}

void flow_key_frame_job(const hv_stream_t *hv, const uint8_t *hdr, uint32_t header_bytes, uint8_t ctrl,
                        const crc32c_tab_t *crc, fk_stream_t *j)
{
    const uint32_t fl = hv->tcp_flags & 0xfffu, syn = fl >> 1 & 1u, fin = fl & 1u;
    const uint8_t d = (uint8_t)(hv->l4_off - hv->l3_off);
    int optok;

    memset(j, 0, sizeof *j);
    j->len = hv->len;
    j->cls = hv->cls;
    j->l3 = hv->l3 & 3u;
    j->l4 = hv->l4 & 3u;
    j->vlan = hv->vlan_cnt != 0;
    j->vid = hv->vlan_cnt ? (uint16_t)(hv->vlan0 & 0xfffu) : 0;
    j->frag = hv->frag & 1u;
    j->l3_off = hv->l3_off;
    j->l4_off = hv->l4_off;
    j->hash = hv->hash;
    j->trunc = hv->trunc & 1u;
    j->perr = hv->perr & 1u;
    j->presel = (hv->cls >> NICRX_CLS_PRESEL & 1u) && hv->l4 == 1 && !hv->perr && !hv->trunc;
    j->may = (syn || hv->l4_len) && !(fl & (NICRX_TCP_FIN | NICRX_TCP_RST));
    j->pay = hv->l4_len; /* the parser's l4_len: the bytes after the TCP header */
    j->seq = hv->seq;
    j->seq1 = hv->seq + 1u;
    j->exp = hv->seq + hv->l4_len + syn + fin; /* seg_end */
    j->ack = hv->ack;
    j->win = hv->win;
    j->flags = (uint16_t)fl;
    j->hlen = hv->tcp_hlen & 0x3ffu;
    j->digest = frame_digest(hdr, header_bytes, hv, crc, &optok);
    j->data_seen = hv->l4_len > 0;
    j->nomerge = (fl & (NICRX_TCP_URG | NICRX_TCP_CWR)) || !optok || (hv->l3 == 1 && d != 20) ||
                 (hv->l3 == 2 && d != 40);
    frame_key(hv, ctrl & NICRX_FLOW_CTRL_VLAN, j->key);
    j->sig = crc32c_sliced(crc, j->key, NICRX_FLOW_KEY_BYTES);
    j->frame = hv->frame;
}

/* A command's job: the window's key and context (docs/architecture.md "Commands"). */
static void cmd_job(const csr_cfg_t *c, uint8_t cmd, uint8_t sel, const crc32c_tab_t *crc, fk_stream_t *j)
{
    memset(j, 0, sizeof *j);
    j->cmd = cmd;
    j->sel = sel;
    j->exp = c->ctx_seq;
    j->seq = c->ctx_seq;
    j->seq1 = c->ctx_seq + 1u;
    j->ack = c->ctx_ack;
    j->flags = (uint16_t)(c->ctx_info >> NICRX_FLOW_INFO_FLAGS_SHIFT & 0xfffu);
    j->hlen = (uint16_t)(c->ctx_info >> NICRX_FLOW_INFO_HLEN_SHIFT & 0x3ffu);
    j->digest = c->ctx_opt;
    j->data_seen = (c->ctx_info & NICRX_FLOW_INFO_DATA_SEEN) != 0;
    j->noassist = (c->ctx_info & NICRX_FLOW_INFO_NOASSIST) != 0;
    memcpy(j->key, c->ctx_key, NICRX_FLOW_KEY_BYTES);
    j->sig = crc32c_sliced(crc, j->key, NICRX_FLOW_KEY_BYTES);
}

/* One edge without reset. */
static void flow_key_edge(flow_key_t *s, const flow_key_in_t *in)
{
    const csr_cfg_t *c = &in->cfg;
    flow_key_out_t *o = &s->o;
    const uint8_t ready = o->s_hv_ready;

    /* the manager takes the held job; the job at K8 is handed on if m_fk is free */
    if (o->m_fk_valid && in->m_fk_ready)
        o->m_fk_valid = 0;
    if (s->run == FLOW_KEY_CYCLES && !o->m_fk_valid) {
        o->m_fk = s->job;
        o->m_fk_valid = 1;
        s->run = 0;
    } else if (s->run && s->run < FLOW_KEY_CYCLES) {
        s->run++;
    }
    /* take a job: a pending command first (the window as it is before this edge) */
    if (!s->run && s->cmd_pending) {
        cmd_job(c, s->cmd, s->cmd_sel, &s->crc, &s->job);
        s->cmd_pending = 0;
        s->run = 1;
    } else if (in->s_hv_valid && ready) {
        flow_key_frame_job(&in->s_hv, hdrmem_slot(&s->hm, in->s_hv.slot), s->header_bytes, c->flow_ctrl,
                           &s->crc, &s->job);
        s->run = 1;
    }
    /* a command pulse while no command is pending or running */
    if (c->flow_cmd && !in->flow_busy) {
        s->cmd_pending = 1;
        s->cmd = c->flow_cmd & 3u;
        s->cmd_sel = c->flow_sel;
    }
    o->s_hv_ready = !s->cmd_pending && (!s->run || (s->run == FLOW_KEY_CYCLES && !o->m_fk_valid));
    o->idle = !s->run && !s->cmd_pending && !o->m_fk_valid;
}

void flow_key_step(flow_key_t *s, const flow_key_in_t *in, flow_key_out_t *out)
{
    if (in->rst)
        flow_key_reset(s); /* a job in progress is abandoned */
    else
        flow_key_edge(s, in);
    /* the header-memory copy is written at every edge, under reset too, and read by a
     * job taken at this edge before this write (in flow_key_edge) */
    hdrmem_step(&s->hm, in->hm_wr_en, in->hm_wr_addr, in->pm_wr_data);
    flow_key_out(s, out);
}
