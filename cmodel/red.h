/* red.h - twin of rtl/nicrx_red.v: random early discard, one register stage on the fl
 * stream between nicrx_rss and the transfer engine (docs/architecture.md "nicrx_red"). */
#ifndef NICRX_RED_H
#define NICRX_RED_H

#include <stdint.h>
#include "blocks.h"

/* one stage of the decision pipeline S1..S8 (the RTL's d<k>_* registers) */
typedef struct red_stage {
    int32_t  diff;        /* S1: q * 256 - avg */
    uint32_t avg;         /* the candidate avg (24 bits) */
    uint16_t q;           /* the q it was computed from (model only: the event) */
    uint16_t x;           /* avg - min_th (integer words) */
    uint8_t  below, above, certain;
    uint8_t  ge;          /* S3: avg at or above RED_TH0..3 (bit n) */
    uint16_t rp;          /* regions: the probability in 1/256, from ge in S4 */
    uint32_t cx, dk, den; /* count * x, span << maxp, dk - cx */
    int32_t  dmx;         /* dk - x */
    uint16_t r;           /* the draw */
    uint64_t plo, prod;   /* r * den[17:0], r * den */
    uint32_t phi;         /* r * den[22:18] */
    uint16_t count;       /* the count it was computed with (model only) */
    uint8_t  drop, forced;
} red_stage_t;

typedef struct red {
    uint32_t pm_aw, lbpb;
    red_out_t o;          /* m_fl_valid_reg, m_fl_data_reg, status */
    uint16_t q, peak;
    uint32_t rel;
    uint32_t avg;
    uint16_t count;
    uint16_t count_m;     /* count one cycle late: the multiplier's operand (not reset) */
    uint32_t lfsr;
    uint8_t  bad, act, fj;
    uint16_t span;
    uint32_t dk;          /* span << maxp (dk_reg) */
    red_stage_t d1, d2, d3, d4, d5, d6, d7, d8;
} red_t;

typedef struct red_in {
    uint8_t     rst;
    uint8_t     s_cm_valid;
    cm_stream_t s_cm;
    uint32_t    pm_rel_ptr;
    uint8_t     s_fl_valid;
    fl_stream_t s_fl;
    csr_cfg_t   cfg;       /* the RED_* fields */
    const evsink_t *ev;    /* NICRX_EV_RED */
} red_in_t;

/* the LFSR 16 steps on (x^32 + x^22 + x^2 + x + 1, Galois, shifting right) */
uint32_t red_lfsr16(uint32_t v);
void red_init(red_t *s, const nicrx_geom_t *g);
void red_out(const red_t *s, red_out_t *o);
void red_step(red_t *s, const red_in_t *in, red_out_t *out);

#endif
