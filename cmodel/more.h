/* more.h - twin of rtl/nicrx_more.v: the batching hint, the number of other frames of the
 * head's flow behind it in nicrx_dma's frame queue (docs/architecture.md "nicrx_more").
 * Instantiated by the transfer engine (dma.c) as the RTL's nicrx_dma instantiates it. */
#ifndef NICRX_MORE_H
#define NICRX_MORE_H

#include <stdint.h>

#define MORE_MAX_FQ 256u  /* FQ_DEPTH's largest value */

typedef struct more {
    uint32_t depth;                 /* FQ_DEPTH */
    uint16_t key[MORE_MAX_FQ];      /* the shadow: each entry's {gen, flow} (not reset) */
    uint8_t  ok[MORE_MAX_FQ];       /* ... and whether it counts (queued, a flow RED keeps) */
    uint32_t prd;                   /* fq_rd one edge ago: the entry a pop took */
    uint16_t hk;                    /* the head's key, registered */
    uint8_t  m[MORE_MAX_FQ];        /* entry behind the head with the head's key */
    uint8_t  ps[MORE_MAX_FQ / 8];   /* popcount of each group of 8 bits of m */
    uint8_t  base;                  /* popcount of m, saturating at 15 */
    uint8_t  p1, p2, p3;            /* a counted push at the last three edges */
} more_t;

typedef struct more_in {
    uint8_t  rst;
    uint8_t  s_push;       /* a frame enters the frame queue at this edge */
    uint16_t s_push_key;   /* its {gen, flow} */
    uint8_t  s_push_keep;  /* RED keeps it */
    uint32_t fq_wr, fq_rd; /* the queue's pointers (LFQ + 1 bits) before the edge */
    uint16_t head_key;     /* the head's {gen, flow} */
} more_in_t;

typedef struct more_out {
    uint8_t more_cnt;      /* combinational from the registers, as the RTL's */
} more_out_t;

void more_init(more_t *s, uint32_t fq_depth);
void more_out(const more_t *s, more_out_t *o);
void more_step(more_t *s, const more_in_t *in, more_out_t *out);

#endif
