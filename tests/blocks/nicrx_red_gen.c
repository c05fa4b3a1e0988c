/* nicrx_red_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_red.v against cmodel/red.c: commits and releases moving the occupancy
 * across the whole 128-word packet memory, frames at least 9 cycles apart (the flow
 * manager's pace, which the block relies on) with random operation codes, the
 * configuration redrawn under traffic (both modes, off, bad tables, seed 0, peak
 * clears) and random resets.
 * usage: nicrx_red_gen CYCLES SEED TRACE.hex
 * One line per edge: red_in and red_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "red.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

/* a configuration of both modes, now and then a bad one */
static void draw_cfg(csr_cfg_t *c, uint32_t pm_words)
{
    c->red_mode = (uint8_t)(rnd() % 4 == 0 ? rnd() % 4 : 1 + rnd() % 2);
    c->red_wlog = (uint8_t)(rnd() % 5);
    c->red_maxp = (uint8_t)(rnd() % 8);
    c->red_min = (uint16_t)(rnd() % pm_words);
    c->red_max = (uint16_t)(rnd() % 8 == 0 ? rnd() % (pm_words + 8) : c->red_min + 1 + rnd() % (pm_words - c->red_min));
    c->red_exempt = (uint16_t)rnd();
    c->red_seed = rnd() % 8 == 0 ? 0 : rnd() ^ rnd() << 16;
    uint32_t t = rnd() % (pm_words / 2);
    for (int i = 0; i < 4; i++) {
        c->red_th[i] = (uint16_t)t;
        t += 1 + rnd() % (pm_words / 6);
        c->red_p[i] = (uint16_t)(rnd() % 4 == 0 ? 256 + rnd() % 256 : rnd() % 257);
    }
    if (rnd() % 8 == 0) c->red_th[rnd() % 4] = (uint16_t)rnd();
    if (rnd() % 16 == 0) memset(c->red_p, 0, sizeof c->red_p);
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    red_t s;
    red_out_t o;
    csr_cfg_t cfg;
    uint32_t cycles, held = 0, rel = 0, since = 0;
    FILE *f;

    f = bench_start(argc, argv, &cycles, &rs);
    memset(&g, 0, sizeof g);
    g.p.data_width = 64;
    g.p.pkt_mem_bytes = 1024;
    g.p.fq_depth = 4;
    nicrx_geom_init(&g, &g.p);
    red_init(&s, &g);
    red_out(&s, &o);
    memset(&cfg, 0, sizeof cfg);
    draw_cfg(&cfg, g.pm_words);
    for (uint32_t c = 0; c < cycles; c++) {
        red_in_t in;

        memset(&in, 0, sizeof in);
        in.rst = c < 2 || rnd() % 4000 == 0;
        if (rnd() % 1500 == 0) draw_cfg(&cfg, g.pm_words);
        cfg.red_peak_clr = rnd() % 100 == 0;
        in.cfg = cfg;
        /* releases first (of words held before this edge), then a commit that fits */
        if (rnd() % 3 == 0) {
            uint32_t n = rnd() % (held + 1);
            held -= n;
            rel = (rel + n) & (2 * g.pm_words - 1);
        }
        in.pm_rel_ptr = rel;
        uint16_t len = (uint16_t)(1 + rnd() % 300);
        uint32_t words = (len + 7u) / 8u;
        if (rnd() % 5 == 0 && held + words <= g.pm_words) {
            in.s_cm_valid = 1;
            in.s_cm.len = len;
            in.s_cm.start = (uint16_t)(rnd() % g.pm_words);
            in.s_cm.slot = (uint8_t)(rnd() % 4);
            held += words;
        }
        if (in.rst) {
            held = 0; rel = 0; since = 0;
            in.pm_rel_ptr = 0;
            in.s_cm_valid = 0;
        }
        since++;
        /* a frame at least 9 cycles after the last, and after a reset */
        fl_stream_t *x = &in.s_fl;
        x->len = (uint16_t)rnd(); x->cls = (uint16_t)(rnd() & 0x3ff);
        x->l3 = (uint8_t)(rnd() & 3); x->l4 = (uint8_t)(rnd() & 3);
        x->vlan = (uint8_t)(rnd() & 1); x->vid = (uint16_t)(rnd() & 0xfff);
        x->hash = rnd() ^ rnd() << 16; x->flow = (uint16_t)rnd(); x->opcode = (uint8_t)(rnd() & 15);
        x->queue = (uint8_t)rnd(); x->red = (uint8_t)(rnd() & 3);
        if (!in.rst && since >= 9 && rnd() % 3 == 0) {
            in.s_fl_valid = 1;
            since = 0;
        }
        red_step(&s, &in, &o);
        {
            uint64_t th = 0, p = 0;
            for (int i = 3; i >= 0; i--) {
                th = th << 16 | cfg.red_th[i];
                p = p << 9 | (cfg.red_p[i] & 0x1ff);
            }
            const red_in_trace_t ti = { .rst = in.rst, .s_cm_valid = in.s_cm_valid, .s_cm = in.s_cm,
                                        .pm_rel_ptr = in.pm_rel_ptr, .s_fl_valid = in.s_fl_valid, .s_fl = in.s_fl,
                                        .cfg_red_mode = cfg.red_mode, .cfg_red_wlog = cfg.red_wlog,
                                        .cfg_red_maxp = cfg.red_maxp, .cfg_red_min = cfg.red_min,
                                        .cfg_red_max = cfg.red_max, .cfg_red_exempt = cfg.red_exempt,
                                        .cfg_red_seed = cfg.red_seed, .cfg_red_th = th, .cfg_red_p = p,
                                        .cfg_red_peak_clr = cfg.red_peak_clr };
            const red_out_trace_t to = { .m_fl_valid = o.m_fl_valid, .m_fl = o.m_fl, .avg = o.avg,
                                         .peak = o.peak, .bad = o.bad, .idle = o.idle };

            BENCH_LINE(f, red, &g, &ti, &to);
        }
    }
    fclose(f);
    return 0;
}
