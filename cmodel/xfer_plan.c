/* xfer_plan.c - twin of rtl/nicrx_xfer_plan.v (docs/architecture.md "nicrx_xfer_plan"). */
#include <string.h>
#include "nicrx_hw.h"
#include "xfer_plan.h"

/* the longest frame Ethernet pads: 60 bytes and a VLAN tag */
#define PAD_MAX 64u

xfer_s1_t xfer_plan_s1(const xfer_cfg_t *c, const fl_stream_t *f)
{
    xfer_s1_t s;
    uint32_t op = f->opcode & 15u;

    s.pay_off = (uint16_t)(f->l4_off + (f->hlen & 0x3ffu));
    s.pay_end = (uint32_t)s.pay_off + f->pay;
    s.tcp = op >= NICRX_OP_NO_FLOW && op <= NICRX_OP_NO_MERGE;
    s.elig = ((c->split >> op) & 1u) && f->len > c->small;
    s.all = op == NICRX_OP_CTRL || op == NICRX_OP_SHORT;
    s.badh = (f->hlen & 0x3ffu) < 20;
    s.hfit = s.all ? f->len <= c->hdr_size : s.pay_off <= c->hdr_size;
    s.hen = c->hdr_en;
    return s;
}

void xfer_plan_s2(const xfer_s1_t *s1, fl_stream_t *f)
{
    int past = s1->pay_off > f->len;
    int lie_long = s1->pay_end > f->len;
    int lie_short = s1->pay_end < f->len && f->len > PAD_MAX;
    int split = s1->tcp && s1->elig && s1->hen && s1->hfit && !s1->badh && !past;

    f->lerr = (uint8_t)(s1->tcp && (s1->badh || past || lie_long || lie_short));
    f->split = (uint8_t)split;
    f->hdr_len = !split ? 0 : s1->all ? f->len : s1->pay_off;
    f->dlen = !split ? f->len : s1->all ? 0 : (uint16_t)(f->len - s1->pay_off);
}

void xfer_plan_frame(const xfer_cfg_t *c, fl_stream_t *f)
{
    const xfer_s1_t s1 = xfer_plan_s1(c, f);

    xfer_plan_s2(&s1, f);
}

uint8_t xfer_cfg_err(const xfer_cfg_t *c)
{
    const uint8_t en[3] = { c->data_en[0], c->data_en[1], c->hdr_en };
    const uint16_t size[3] = { c->data_size[0], c->data_size[1], c->hdr_size };
    const uint32_t page = 1u << (c->page_log2 < 6 ? 6 : c->page_log2); /* nicrx_page's PAGE_SIZE */
    uint8_t e = 0;

    for (uint32_t r = 0; r < 3; r++) {
        e |= (uint8_t)((en[r] && size[r] == 0) << r);
        e |= (uint8_t)(((c->page_en >> r & 1) && en[r] && size[r] > page) << (4 + r));
    }
    return (uint8_t)(e | (en[0] && c->small > size[0]) << 3);
}

void xfer_plan_init(xfer_plan_t *s)
{
    memset(s, 0, sizeof *s);
    s->o.idle = 1;
}

void xfer_plan_out(const xfer_plan_t *s, xfer_plan_out_t *o)
{
    *o = s->o;
    o->st_cfg_err = s->cfg_err;
}

void xfer_plan_step(xfer_plan_t *s, const xfer_plan_in_t *in, xfer_plan_out_t *out)
{
    xfer_plan_t n = *s;

    /* S1's derived fields load with the frame, reset or not (no reset in the RTL) */
    if (in->s_fl_valid)
        n.s1 = xfer_plan_s1(&in->cfg, &in->s_fl);
    if (in->rst) {
        n.v1 = 0;
        n.f1 = (fl_stream_t){ 0 };
        n.o.m_fl_valid = 0;
        n.o.m_fl = (fl_stream_t){ 0 };
        n.cfg_err = 0;
    } else {
        n.cfg_err = xfer_cfg_err(&in->cfg);
        n.v1 = in->s_fl_valid;
        if (in->s_fl_valid)
            n.f1 = in->s_fl;
        n.o.m_fl_valid = s->v1;
        if (s->v1) {
            n.o.m_fl = s->f1;
            xfer_plan_s2(&s->s1, &n.o.m_fl);
        }
    }
    n.o.idle = !n.v1 && !n.o.m_fl_valid;
    *s = n;
    xfer_plan_out(s, out);
}
