/* irqchk.h - the harness's check of the interrupt lines against the moderation rule
 * (docs/architecture.md "nicrx_irq"), from the registers the device holds after each edge:
 * a line is never high unless, after the edge before, its queue was enabled, unmasked and
 * had a record pending; and it is high once COUNT records are pending or the first pending
 * record is TIME x (IRQ_TICK + 1) + 2 cycles old, unmasked.  It also measures the added
 * latency: the age of the oldest pending record when a line rises. */
#ifndef NICRX_IRQCHK_H
#define NICRX_IRQCHK_H

#include <stdint.h>
#include <stddef.h>
#include "nicrx_model.h"

typedef struct irqchk {
    uint32_t num_cq;
    uint32_t count, time, tick;       /* IRQ_COUNT, IRQ_TIME of every queue, IRQ_TICK + 1 */
    uint8_t may, must, prev;          /* bit q: after the edge before, the line may / must rise; the line then */
    uint8_t held;                     /* bit q: records were pending while masked, not announced yet */
    uint64_t since[NICRX_MAX_CQ];     /* the edge from which the queue had a record pending (0: none) */
    uint64_t checked;                 /* edges checked */
    uint64_t lat_n, lat_sum, lat_max; /* interrupts and the age of the oldest pending record at each */
    uint64_t unmask_irqs;             /* interrupts raised at an unmask (records that arrived masked) */
} irqchk_t;

void irqchk_init(irqchk_t *c, uint32_t num_cq, uint32_t count, uint32_t time, uint32_t tick);
/* A reset of the device: nothing pending, no line high; the figures go on. */
void irqchk_reset(irqchk_t *c);
/* The lines after edge e (irq) and the device's registers after that edge (m): returns 0,
 * or -1 with the reason in err. */
int irqchk_edge(irqchk_t *c, uint64_t e, uint8_t irq, const nicrx_model_t *m, char *err, size_t n);

#endif
