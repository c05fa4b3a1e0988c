/* red.c - twin of rtl/nicrx_red.v (docs/architecture.md "nicrx_red"). */
#include <string.h>
#include "red.h"

#define LFSR_POLY 0x80200003u

uint32_t red_lfsr16(uint32_t v)
{
    for (int k = 0; k < 16; k++)
        v = (v >> 1) ^ ((v & 1u) ? LFSR_POLY : 0u);
    return v;
}

void red_init(red_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->pm_aw = g->pm_aw;
    for (uint32_t b = g->bytes_per_beat; b > 1; b >>= 1)
        s->lbpb++;
    s->lfsr = 1;
    s->o.idle = 1;
}

void red_out(const red_t *s, red_out_t *o)
{
    *o = s->o;
    o->avg = s->avg;
    o->peak = s->peak;
    o->bad = s->bad;
}

/* the configuration of the chosen mode is bad: RED acts as off */
static int red_cfg_bad(const csr_cfg_t *c, uint32_t pm_words)
{
    if (c->red_mode == 1)
        return c->red_min >= c->red_max || c->red_max > pm_words;
    if (c->red_mode == 2)
        return !(c->red_th[0] < c->red_th[1] && c->red_th[1] < c->red_th[2] && c->red_th[2] < c->red_th[3])
               || c->red_th[3] > pm_words || (c->red_p[0] | c->red_p[1] | c->red_p[2] | c->red_p[3]) == 0;
    return 0;
}

/* the registers' inputs are those of the edge: S(k) from S(k-1) before it */
static void pipeline(const red_t *s, const csr_cfg_t *c, red_t *n)
{
    const red_stage_t *d1 = &s->d1, *d2 = &s->d2, *d3 = &s->d3, *d4 = &s->d4, *d5 = &s->d5, *d6 = &s->d6,
                      *d7 = &s->d7;

    /* S1: q against avg */
    n->d1 = (red_stage_t){ .diff = (int32_t)((uint32_t)s->q << 8) - (int32_t)s->avg, .avg = s->avg, .q = s->q };
    /* S2: the candidate avg, (q - avg) / 2^wlog rounded down */
    n->d2 = *d1;
    n->d2.avg = (s->d1.avg + (uint32_t)(d1->diff >> (c->red_wlog & 15))) & 0xffffffu;
    /* S3: where it lies */
    n->d3 = *d2;
    uint16_t a = (uint16_t)(d2->avg >> 8);
    n->d3.x = (uint16_t)(a - c->red_min);
    n->d3.below = a < c->red_min;
    n->d3.above = a >= c->red_max;
    n->d3.ge = (uint8_t)((a >= c->red_th[3]) << 3 | (a >= c->red_th[2]) << 2 | (a >= c->red_th[1]) << 1
                         | (a >= c->red_th[0]));
    /* S4: count * x and span / max_p */
    n->d4 = *d3;
    n->d4.count = s->count_m;
    n->d4.rp = d3->ge & 8 ? c->red_p[3] : d3->ge & 4 ? c->red_p[2] : d3->ge & 2 ? c->red_p[1]
             : d3->ge & 1 ? c->red_p[0] : 0;
    /* the RTL's operand d3_xm_reg is a copy of d3_x_reg (placement only) */
    n->d4.cx = (uint32_t)s->count_m * d3->x;
    n->count_m = s->count;
    n->d4.dk = s->dk;
    n->d4.dmx = (int32_t)s->dk - d3->x;
    /* S5: pa = x / (dk - cx), certain when that is 1 or more: cx + x >= dk, as cx >= dk - x */
    n->d5 = *d4;
    n->d5.certain = d4->dmx < 0 || d4->cx >= (uint32_t)d4->dmx;
    n->d5.den = (d4->dk - d4->cx) & 0x7fffffu;
    /* S6: the draw times the denominator, in two products (den[17:0], den[22:18]) */
    n->d6 = *d5;
    n->d6.r = (uint16_t)s->lfsr;
    n->d6.plo = (uint64_t)(uint16_t)s->lfsr * (d5->den & 0x3ffffu);
    n->d6.phi = (uint32_t)(uint16_t)s->lfsr * (d5->den >> 18);
    /* S7: their sum */
    n->d7 = *d6;
    n->d7.prod = d6->plo + ((uint64_t)d6->phi << 18);
    /* S8: the verdict for a frame at the next edge */
    n->d8 = *d7;
    n->d8.below = s->fj ? d7->below : 0;
    if (s->fj) {
        n->d8.drop = !d7->below && (d7->above || d7->certain || d7->prod < ((uint64_t)d7->x << 16));
        n->d8.forced = d7->above;
    } else {
        n->d8.drop = d7->r < ((uint32_t)d7->rp << 8);
        n->d8.forced = (d7->rp >> 8) & 1;
    }
}

static void emit_decision(const red_t *s, const red_in_t *in, int exempt, int drop, int forced, uint32_t avg)
{
    const red_stage_t *d = &s->d8;
    nicrx_event_t e = { .kind = NICRX_EV_RED, .frame = in->s_fl.frame };
    nicrx_red_decision_t *r = &e.red;

    r->mode = s->act ? (s->fj ? 1u : 2u) : 0u;
    r->q = d->q;
    r->avg = avg;
    r->count = d->count;
    r->draw = d->r;
    r->exempt = (uint32_t)exempt;
    r->drop = (uint32_t)drop;
    r->forced = (uint32_t)forced;
    r->p_num = 0;
    r->p_den = 1;
    if (r->mode == 2) {
        r->p_num = d->rp > 256 ? 256 : d->rp;
        r->p_den = 256;
    } else if (r->mode == 1 && !d->below) {
        if (d->above || d->certain)
            r->p_num = 1;
        else {
            r->p_num = d->x;
            r->p_den = d->den;
        }
    }
    ev_emit(in->ev, &e);
}

void red_step(red_t *s, const red_in_t *in, red_out_t *out)
{
    const csr_cfg_t *c = &in->cfg;
    red_t n = *s;
    uint32_t pm_words = 1u << s->pm_aw;
    uint32_t mask = (2u << s->pm_aw) - 1;
    uint32_t bad = red_cfg_bad(c, pm_words);

    /* the pipeline and the configuration's copies have no reset: they load every edge */
    pipeline(s, c, &n);
    n.fj = c->red_mode == 1;
    n.span = (uint16_t)(c->red_max - c->red_min);
    n.dk = ((uint32_t)s->span << (c->red_maxp & 7)) & 0x7fffffu;
    if (in->rst) {
        n.bad = n.act = 0;
        n.q = n.peak = 0;
        n.rel = 0;
        n.avg = 0;
        n.count = 0;
        n.lfsr = 1;
        n.o.m_fl_valid = 0;
        n.o.m_fl = (fl_stream_t){ 0 };
        n.o.idle = 1;
        *s = n;
        red_out(s, out);
        return;
    }
    n.bad = (uint8_t)bad;
    n.act = (uint8_t)((c->red_mode == 1 || c->red_mode == 2) && !bad);

    uint32_t words = in->s_cm_valid ? (uint32_t)(in->s_cm.len + (1u << s->lbpb) - 1) >> s->lbpb : 0;
    n.q = (uint16_t)(s->q + words - ((in->pm_rel_ptr - s->rel) & mask));
    n.rel = in->pm_rel_ptr & mask;
    n.peak = (c->red_peak_clr || s->q > s->peak) ? s->q : s->peak;
    if (!s->act)
        n.lfsr = c->red_seed ? c->red_seed : 1u;
    n.o.m_fl_valid = in->s_fl_valid;
    if (in->s_fl_valid) {
        int exempt = (c->red_exempt >> (in->s_fl.opcode & 15)) & 1;
        int drop = s->act && s->d8.drop && !exempt;
        int forced = drop && s->d8.forced;
        n.avg = s->d8.avg;
        if (s->act)
            n.lfsr = red_lfsr16(s->lfsr);
        n.count = (!s->act || drop || s->d8.below) ? 0 : s->count == 0xffff ? s->count : (uint16_t)(s->count + 1);
        n.o.m_fl = in->s_fl;
        n.o.m_fl.red = (uint8_t)(forced ? 2 : drop ? 1 : 0);
        emit_decision(s, in, exempt, drop, forced, n.avg);
    }
    n.o.idle = !in->s_fl_valid;
    *s = n;
    red_out(s, out);
}
