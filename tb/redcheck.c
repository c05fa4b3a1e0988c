/* redcheck.c - the harness's own computation of the RED decisions (redcheck.h). */
#include <stdio.h>
#include "redcheck.h"
#include "nicrx_hw.h"

uint32_t redcheck_writes(const int64_t opt[RED_NUM_OPTS], uint32_t *addr, uint32_t *val)
{
    uint32_t n = 0;
    static const uint32_t regs[RED_OPT_MODE] = {
        NICRX_REG_RED_MIN, NICRX_REG_RED_MAX, NICRX_REG_RED_EXEMPT, NICRX_REG_RED_SEED,
        NICRX_REG_RED_TH(0), NICRX_REG_RED_TH(1), NICRX_REG_RED_TH(2), NICRX_REG_RED_TH(3),
        NICRX_REG_RED_P(0), NICRX_REG_RED_P(1), NICRX_REG_RED_P(2), NICRX_REG_RED_P(3),
    };
    for (uint32_t k = 0; k < RED_OPT_MODE; k++)
        if (opt[k] >= 0) { addr[n] = regs[k]; val[n++] = (uint32_t)opt[k]; }
    if (opt[RED_OPT_MODE] >= 0 || opt[RED_OPT_WLOG] >= 0 || opt[RED_OPT_MAXP] >= 0) {
        uint32_t c = NICRX_RED_CTRL_RESET;
        if (opt[RED_OPT_MODE] >= 0)
            c = (c & ~NICRX_RED_CTRL_MODE_MASK) | (uint32_t)opt[RED_OPT_MODE] << NICRX_RED_CTRL_MODE_SHIFT;
        if (opt[RED_OPT_WLOG] >= 0)
            c = (c & ~NICRX_RED_CTRL_WLOG_MASK) | (uint32_t)opt[RED_OPT_WLOG] << NICRX_RED_CTRL_WLOG_SHIFT;
        if (opt[RED_OPT_MAXP] >= 0)
            c = (c & ~NICRX_RED_CTRL_MAXP_MASK) | (uint32_t)opt[RED_OPT_MAXP] << NICRX_RED_CTRL_MAXP_SHIFT;
        addr[n] = NICRX_REG_RED_CTRL;
        val[n++] = c;
    }
    return n;
}

static uint32_t pick(const int64_t opt[RED_NUM_OPTS], uint32_t k, uint32_t reset)
{
    return opt[k] >= 0 ? (uint32_t)opt[k] : reset;
}

void redcheck_init(redcheck_t *r, const int64_t opt[RED_NUM_OPTS], uint32_t pm_words)
{
    *r = (redcheck_t){ 0 };
    r->mode = pick(opt, RED_OPT_MODE, 0);
    r->wlog = pick(opt, RED_OPT_WLOG, NICRX_RED_CTRL_RESET >> NICRX_RED_CTRL_WLOG_SHIFT & 15u);
    r->maxp = pick(opt, RED_OPT_MAXP, NICRX_RED_CTRL_RESET >> NICRX_RED_CTRL_MAXP_SHIFT & 7u);
    r->min = pick(opt, RED_OPT_MIN, NICRX_RED_MIN_RESET);
    r->max = pick(opt, RED_OPT_MAX, NICRX_RED_MAX_RESET);
    r->exempt = pick(opt, RED_OPT_EXEMPT, NICRX_RED_EXEMPT_RESET);
    uint32_t seed = pick(opt, RED_OPT_SEED, NICRX_RED_SEED_RESET);
    r->lfsr = seed ? seed : 1u;
    uint32_t psum = 0, up = 1;
    for (int i = 0; i < 4; i++) {
        r->th[i] = pick(opt, RED_OPT_TH0 + (uint32_t)i, NICRX_RED_TH_RESET);
        r->p[i] = pick(opt, RED_OPT_P0 + (uint32_t)i, NICRX_RED_P_RESET);
        psum |= r->p[i];
        if (i && r->th[i] <= r->th[i - 1]) up = 0;
    }
    if (r->mode == 1) r->active = r->min < r->max && r->max <= pm_words;
    if (r->mode == 2) r->active = up && r->th[3] <= pm_words && psum != 0;
}

/* The decision as docs/architecture.md "nicrx_red" writes it, in exact integers:
 * avg' = avg + floor((256 q - avg) / 2^wlog); Floyd-Jacobson p = x / ((max - min) 2^maxp
 * - count x) with x = floor(avg'/256) - min (1 when that denominator is x or less, or
 * avg' at or above max: forced); regions p = P(n) / 256 of the highest TH(n) <= avg';
 * the frame drops when draw < p 2^16. */
int redcheck_decision(redcheck_t *r, const nicrx_red_decision_t *d, uint32_t opcode, char *err, size_t n)
{
    int64_t diff = (int64_t)d->q * 256 - (int64_t)r->avg;
    int64_t step = diff >= 0 ? diff >> r->wlog : -((-diff + (1ll << r->wlog) - 1) >> r->wlog);
    uint32_t avg = (uint32_t)((int64_t)r->avg + step);
    uint32_t a = avg >> 8, draw = r->lfsr & 0xffffu;
    uint64_t pn = 0, pd = 1;
    int forced = 0, below = 0;

    if (r->active && r->mode == 1) {
        below = a < r->min;
        if (!below) {
            uint64_t x = a - r->min, dk = (uint64_t)(r->max - r->min) << r->maxp, cx = (uint64_t)r->count * x;
            if (a >= r->max) { pn = 1; forced = 1; }
            else if (cx + x >= dk) pn = 1;
            else { pn = x; pd = dk - cx; }
        }
    } else if (r->active) {
        for (int i = 3; i >= 0; i--)
            if (a >= r->th[i]) { pn = r->p[i] > 256 ? 256 : r->p[i]; forced = r->p[i] >= 256; break; }
        pd = 256;
    }
    int exempt = (r->exempt >> (opcode & 15u)) & 1;
    int drop = r->active && !exempt && (uint64_t)draw * pd < (pn << 16);
    forced = drop && forced;
    if (d->mode != (r->active ? r->mode : 0) || d->avg != avg || d->draw != (r->active ? draw : d->draw) ||
        (uint64_t)d->p_num * pd != pn * d->p_den || d->drop != (uint32_t)drop || d->forced != (uint32_t)forced ||
        d->exempt != (uint32_t)exempt || (r->mode == 1 && r->active && d->count != r->count)) {
        snprintf(err, n, "RED decision: model mode %u avg %u count %u draw %u p %u/%u drop %u forced %u, "
                 "harness mode %u avg %u count %u draw %u p %llu/%llu drop %d forced %d (q %u, opcode %u)",
                 d->mode, d->avg, d->count, d->draw, d->p_num, d->p_den, d->drop, d->forced,
                 r->active ? r->mode : 0, avg, r->count, draw, (unsigned long long)pn, (unsigned long long)pd,
                 drop, forced, d->q, opcode);
        return -1;
    }
    r->avg = avg;
    r->decisions++;
    r->early += drop && !forced;
    r->forced += forced;
    if (r->active) {
        /* x^32 + x^22 + x^2 + x + 1, one bit at a time, 16 bits per decision */
        for (int k = 0; k < 16; k++) {
            uint32_t out = r->lfsr & 1u;
            r->lfsr >>= 1;
            if (out) r->lfsr ^= 0x80200003u;
        }
        r->count = (drop || below) ? 0 : r->count < 0xffffu ? r->count + 1 : r->count;
    } else {
        r->count = 0;
    }
    return 0;
}
