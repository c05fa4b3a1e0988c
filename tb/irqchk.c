/* irqchk.c - see irqchk.h. */
#include "irqchk.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "nicrx_hw.h"

void irqchk_init(irqchk_t *c, uint32_t num_cq, uint32_t count, uint32_t time, uint32_t tick)
{
    memset(c, 0, sizeof *c);
    c->num_cq = num_cq;
    c->count = count;
    c->time = time;
    c->tick = tick + 1u;
}

void irqchk_reset(irqchk_t *c)
{
    c->may = c->must = c->prev = c->held = 0;
    memset(c->since, 0, sizeof c->since);
}

int irqchk_edge(irqchk_t *c, uint64_t e, uint8_t irq, const nicrx_model_t *m, char *err, size_t n)
{
    uint8_t may = 0, must = 0;
    uint64_t bound = (uint64_t)c->time * c->tick + 2u;

    for (uint32_t q = 0; q < c->num_cq; q++) {
        uint32_t bit = 1u << q;
        int up = irq & bit, rose = up && !(c->prev & bit);

        if (up && !(c->may & bit)) {
            snprintf(err, n, "interrupt %u high at edge %" PRIu64 " while masked, disabled or empty", q, e);
            return -1;
        }
        if (!up && c->must & bit) {
            snprintf(err, n, "interrupt %u low at edge %" PRIu64 ": unmasked with %s", q, e,
                     c->since[q] && e - c->since[q] > bound ? "the first record past TIME" : "COUNT records pending");
            return -1;
        }
        if (rose) {
            c->unmask_irqs += (c->held & bit) != 0;
            c->held &= (uint8_t)~bit;
            uint64_t age = e - c->since[q];
            c->lat_n++;
            c->lat_sum += age;
            if (age > c->lat_max) c->lat_max = age;
        }
        uint32_t tail = nicrx_model_peek_reg(m, NICRX_REG_CQ(q) + NICRX_CQ_TAIL);
        uint32_t head = nicrx_model_peek_reg(m, NICRX_REG_CQ(q) + NICRX_CQ_HEAD);
        uint32_t en = nicrx_model_peek_reg(m, NICRX_REG_CQ(q) + NICRX_CQ_IRQ_CTRL);
        uint32_t mask = nicrx_model_peek_reg(m, NICRX_REG_IRQ(q) + NICRX_IRQ_MASK);
        uint32_t pend = (tail - head) & 0xffffu;
        if (en && mask && pend) c->held |= (uint8_t)bit;
        else if (!pend) c->held &= (uint8_t)~bit;
        if (!pend || !en) c->since[q] = 0;
        else if (!c->since[q]) c->since[q] = e;
        if (en && !mask && pend) {
            may |= (uint8_t)bit;
            if ((c->count && pend >= c->count) || e + 1u - c->since[q] > bound) must |= (uint8_t)bit;
        }
    }
    c->may = may;
    c->must = must;
    c->prev = irq;
    c->checked++;
    return 0;
}
