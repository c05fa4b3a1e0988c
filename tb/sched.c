/* sched.c - see sched.h.  Line rate: a frame of L bytes holds the wire for
 * L + 20 byte times (8 preamble/SFD, 12 inter-frame gap); start times are kept
 * in byte times from t0 so rounding to cycles never accumulates. */
#include "sched.h"

#include <string.h>


void sched_init(sched_t *s, const capture_t *cap, uint32_t bpb, sched_pace_t pace, double clk_hz)
{
    memset(s, 0, sizeof *s);
    s->cap = cap;
    s->bpb = bpb;
    s->pace = pace;
    s->clk_hz = clk_hz > 0 ? clk_hz : 156.25e6;
    s->last_frame = UINT64_MAX;
}

static uint64_t frame_cycle(sched_t *s, size_t i)
{
    switch (s->pace) {
    case PACE_LINE:
        return s->t0 + (s->wire_bytes + s->bpb - 1) / s->bpb;
    case PACE_TS: {
        const cap_frame_t *f0 = &s->cap->f[s->first], *fi = &s->cap->f[i];
        double dt = fi->ts_ns > f0->ts_ns ? (double)(fi->ts_ns - f0->ts_ns) * 1e-9 * s->clk_hz : 0.0;
        uint64_t raw = dt > 1e18 ? (uint64_t)1e18 : (uint64_t)(dt + 0.5);
        if (raw < s->ts_prev) raw = s->ts_prev; /* timestamps going backwards: no gap */
        if (raw - s->ts_prev > SCHED_TS_GAP_MAX) s->ts_skip += raw - s->ts_prev - SCHED_TS_GAP_MAX;
        s->ts_prev = raw;
        return s->t0 + raw - s->ts_skip;
    }
    default:
        return s->t0;
    }
}

void sched_start(sched_t *s, uint64_t t0)
{
    if (s->started) return;
    s->started = 1;
    s->t0 = t0;
    s->next_cycle = sched_done(s) ? t0 : frame_cycle(s, s->next);
}

void sched_restart(sched_t *s)
{
    if (s->off) s->next++;
    s->off = 0;
    s->started = 0;
    s->first = s->next;
    s->wire_bytes = s->ts_prev = s->ts_skip = 0;
}

int sched_done(const sched_t *s)
{
    return s->next >= s->cap->n;
}

void sched_beat(sched_t *s, uint64_t cycle, nicrx_in_t *in)
{
    in->s_axis_tdata = 0;
    in->s_axis_tkeep = 0;
    in->s_axis_tvalid = 0;
    in->s_axis_tlast = 0;
    in->s_axis_tuser = 0;
    if (!s->started || sched_done(s) || cycle < s->next_cycle)
        return;
    const cap_frame_t *f = &s->cap->f[s->next];
    if (s->off == 0)
        s->last_frame = s->next;
    uint32_t n = f->len - s->off;
    if (n > s->bpb) n = s->bpb;
    uint64_t d = 0;
    for (uint32_t b = 0; b < n; b++)
        d |= (uint64_t)f->data[s->off + b] << (8 * b);
    in->s_axis_tdata = d;
    in->s_axis_tkeep = (uint8_t)((1u << n) - 1u);
    in->s_axis_tvalid = 1;
    s->off += n;
    if (s->off >= f->len) {
        in->s_axis_tlast = 1;
        s->wire_bytes += (uint64_t)f->len + WIRE_OVERHEAD;
        s->next++;
        s->off = 0;
        if (!sched_done(s)) {
            uint64_t c = frame_cycle(s, s->next);
            s->next_cycle = c > cycle + 1 ? c : cycle + 1;
        }
    }
}

int sched_pace_parse(const char *name)
{
    if (!strcmp(name, "line")) return PACE_LINE;
    if (!strcmp(name, "b2b")) return PACE_B2B;
    if (!strcmp(name, "ts")) return PACE_TS;
    return -1;
}
