/* qsel.c - twin of rtl/nicrx_qsel.v (docs/architecture.md "nicrx_qsel"). */
#include <string.h>
#include "qsel.h"

uint8_t qsel_queue(uint32_t hash, uint8_t qsel_log2)
{
    return (uint8_t)((hash ^ hash >> 8 ^ hash >> 16 ^ hash >> 24) & ~(0xffu << (qsel_log2 & 7u)));
}

void qsel_init(qsel_t *s)
{
    memset(s, 0, sizeof *s);
    s->o.idle = 1;
}

void qsel_out(const qsel_t *s, qsel_out_t *o)
{
    *o = s->o;
}

void qsel_step(qsel_t *s, const qsel_in_t *in, qsel_out_t *out)
{
    if (in->rst) {
        qsel_init(s);
    } else {
        s->o.m_fl_valid = in->s_fl_valid;
        s->o.idle = !in->s_fl_valid;
        if (in->s_fl_valid) {
            s->o.m_fl = in->s_fl;
            s->o.m_fl.queue = qsel_queue(in->s_fl.hash, in->cfg_qsel_log2);
        }
    }
    qsel_out(s, out);
}
