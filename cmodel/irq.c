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
    uint8_t v = 0;

    for (uint32_t q = 0; q < s->num_cq; q++)
        if (in->cq_irq_en[q] && in->s_cq_tail[q] != in->cq_head[q])
            v |= (uint8_t)(1u << q);
    s->o.irq = in->rst ? 0 : v;
    irq_out(s, out);
}
