/* irq.h - twin of rtl/nicrx_irq.v: interrupt moderation, one level per completion queue
 * (COUNT records pending or TIME ticks since the first, unless masked), one register stage
 * after the transfer engine's visible tails and the host's heads. */
#ifndef NICRX_IRQ_H
#define NICRX_IRQ_H

#include <stdint.h>
#include "blocks.h"

typedef struct irq {
    uint32_t num_cq;
    uint16_t tick_cnt;              /* tick_cnt_reg */
    uint8_t  tick;                  /* tick_reg */
    uint16_t timer[NICRX_MAX_CQ];   /* timer_reg */
    irq_out_t o;                    /* irq_reg */
} irq_t;

typedef struct irq_in {
    uint8_t  rst;
    uint8_t  cq_irq_en[NICRX_MAX_CQ];   /* cfg_cq_irq_en */
    uint16_t cq_head[NICRX_MAX_CQ];     /* cfg_cq_head */
    uint16_t irq_count[NICRX_MAX_CQ];   /* cfg_irq_count */
    uint16_t irq_time[NICRX_MAX_CQ];    /* cfg_irq_time */
    uint8_t  irq_mask[NICRX_MAX_CQ];    /* cfg_irq_mask */
    uint16_t irq_tick;                  /* cfg_irq_tick */
    uint16_t s_cq_tail[NICRX_MAX_CQ];   /* the transfer engine's st_cq_tail */
} irq_in_t;

/* num_cq lines (the RTL's NUM_CQ, 1..NICRX_MAX_CQ) */
void irq_init(irq_t *s, uint32_t num_cq);
void irq_out(const irq_t *s, irq_out_t *o);
void irq_step(irq_t *s, const irq_in_t *in, irq_out_t *out);

#endif
