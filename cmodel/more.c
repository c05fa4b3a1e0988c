/* more.c - twin of rtl/nicrx_more.v (docs/architecture.md "nicrx_more"). */
#include <string.h>
#include "more.h"

static void more_reset(more_t *s)
{
    /* the keys are not reset, as the RTL's shadow */
    memset(s->ok, 0, sizeof s->ok);
    s->prd = 0;
    s->hk = 0;
    memset(s->m, 0, sizeof s->m);
    memset(s->ps, 0, sizeof s->ps);
    s->base = 0;
    s->p1 = s->p2 = s->p3 = 0;
}

void more_init(more_t *s, uint32_t fq_depth)
{
    memset(s, 0, sizeof *s);
    s->depth = fq_depth;
    more_reset(s);
}

void more_out(const more_t *s, more_out_t *o)
{
    /* base counts the queue three edges ago; p1..p3 the pushes since */
    uint32_t t = (uint32_t)s->base + s->p1 + s->p2 + s->p3;
    o->more_cnt = (uint8_t)(t > 15 ? 15 : t);
}

/* In place, in an order that reads every register before it is written (ps from m, then
 * m from the shadow, then the shadow), so no copy of the shadow is made per cycle. */
void more_step(more_t *s, const more_in_t *in, more_out_t *out)
{
    const uint32_t d = s->depth, g = d < 8 ? d : 8, ng = d / g;
    const uint8_t pop = (in->fq_rd ^ s->prd) & 1;   /* fq_rd moved (by one) at the last edge */
    const uint8_t counts = in->s_push_keep && in->s_push_key != 0;
    uint32_t sum = 0;

    for (uint32_t k = 0; k < ng; k++) {
        uint32_t gs = 0;
        for (uint32_t j = 0; j < g; j++)
            gs += s->m[k * g + j];
        sum += s->ps[k];
        s->ps[k] = (uint8_t)gs;
    }
    s->base = (uint8_t)(sum > 15 ? 15 : sum);
    for (uint32_t i = 0; i < d; i++)
        s->m[i] = s->ok[i] && !(pop && i == s->prd) && s->key[i] == s->hk;
    s->p3 = s->p2;
    s->p2 = s->p1;
    s->p1 = in->s_push && counts && in->s_push_key == s->hk;
    s->hk = in->head_key;
    if (pop)
        s->ok[s->prd] = 0;
    s->prd = in->fq_rd & (d - 1);
    if (in->s_push) {
        s->key[in->fq_wr & (d - 1)] = in->s_push_key;
        s->ok[in->fq_wr & (d - 1)] = counts;
    }
    if (in->rst) more_reset(s);
    more_out(s, out);
}
