/* irq.c - twin of rtl/nicrx_irq.v (docs/architecture.md "nicrx_irq"). */
#include <string.h>
#include "irq.h"

void irq_init(irq_t *s, uint32_t num_cq)
{
    memset(s, 0, sizeof *s);
    s->num_cq = num_cq;
}

void irq_out(const irq_t *s, irq_out_t *o)
{
    *o = s->o;
}

void irq_step(irq_t *s, const irq_in_t *in, irq_out_t *out)
{
    irq_t next = *s;

    /* >= rather than ==: a lowered IRQ_TICK takes effect without a wrap of the count */
    next.tick = s->tick_cnt >= in->irq_tick;
    next.tick_cnt = next.tick ? 0 : (uint16_t)(s->tick_cnt + 1u);
    next.o.irq = 0;
    for (uint32_t q = 0; q < s->num_cq; q++) {
        uint16_t pend = (uint16_t)(in->s_cq_tail[q] - in->cq_head[q]);
        uint16_t t = s->timer[q];
        int due = (in->irq_count[q] != 0 && pend >= in->irq_count[q]) || t >= in->irq_time[q];

        /* saturates, so a long mask never wraps it back below TIME */
        next.timer[q] = !in->cq_irq_en[q] || !pend ? 0
                      : s->tick && t != UINT16_MAX ? (uint16_t)(t + 1u) : t;
        if (in->cq_irq_en[q] && !in->irq_mask[q] && pend && due)
            next.o.irq |= (uint8_t)(1u << q);
    }
    if (in->rst) {
        irq_init(&next, s->num_cq);
    }
    *s = next;
    irq_out(s, out);
}
