/* nicrx_rss_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_rss.v against cmodel/rss.c: random header vectors taken by the key
 * block (at least 8 cycles apart, as it takes them, with hv_valid held without
 * ready in between), each frame back on fl 9 to 40 cycles later in order with at
 * most three waiting (the flow block's contract), the key, types, mode, QSEL and
 * table entries changing under traffic (entries written at the lookup's edge
 * too), random resets.
 * usage: nicrx_rss_gen CYCLES SEED TRACE.hex [RETA_SIZE]
 * One line per edge: rss_in and rss_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rss.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

#define PEND 8u

int main(int argc, char **argv)
{
    nicrx_params_t p;
    nicrx_geom_t g;
    rss_t s;
    rss_out_t o;
    csr_cfg_t cfg;
    uint32_t cycles, last_take = 0, pend[PEND], np = 0;

    bench_argc(argc, argv, 4, 5, "CYCLES SEED TRACE.hex [RETA_SIZE]");
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[1], 1, UINT32_MAX);
    rs = bench_num(argv[0], "SEED", argv[2], 0, UINT64_MAX);
    FILE *f = bench_create(argv[0], argv[3]);
    memset(&p, 0, sizeof p);       /* the hv stream's geometry: nicrx_top's defaults */
    p.data_width = 64;
    p.pkt_mem_bytes = 16384;
    p.header_bytes = 128;
    p.fq_depth = 32;
    p.reta_size = argc > 4 ? (uint32_t)bench_num(argv[0], "RETA_SIZE", argv[4], 16, RSS_RETA_MAX) : 128u;
    nicrx_geom_init(&g, &p);
    memset(&cfg, 0, sizeof cfg);
    for (uint32_t k = 0; k < sizeof cfg.rss_key; k++)
        cfg.rss_key[k] = (uint8_t)rnd();
    cfg.rss_types = 0x3f;
    cfg.qsel_log2 = 2;
    rss_powerup(&s, &g);
    rss_out(&s, &o);
    for (uint32_t c = 0; c < cycles; c++) {
        rss_in_t in;
        hv_stream_t *h = &in.s_hv;
        fl_stream_t *x = &in.s_fl;

        memset(&in, 0, sizeof in);
        in.rst = c < 2 || rnd() % 4000 == 0;
        if (in.rst)
            np = 0;
        if (rnd() % 700 == 0) cfg.qsel_log2 = (uint8_t)(rnd() % 4);
        if (rnd() % 900 == 0) cfg.rss_mode = (uint8_t)(rnd() & 1);
        if (rnd() % 600 == 0) cfg.rss_types = (uint8_t)(rnd() % 3 == 0 ? rnd() & 0x3f : 0x3f);
        if (rnd() % 300 == 0) cfg.rss_key[rnd() % 40] = (uint8_t)rnd();
        cfg.reta_we = (uint8_t)(rnd() % 6 == 0);
        cfg.reta_addr = (uint16_t)(rnd() % 4 == 0 ? s.hash : rnd()) & 0x1ffu;  /* often the entry being read */
        cfg.reta_data = (uint8_t)(rnd() & 7);
        in.cfg = cfg;

        /* the parser's stream: valid often, taken when the key block is free */
        in.s_hv_valid = (uint8_t)(rnd() % 4 != 0);
        in.s_hv_ready = (uint8_t)(c >= last_take + 8u + rnd() % 2 && np < 3 && rnd() % 3 == 0 && !in.rst);
        h->len = (uint16_t)rnd(); h->cls = (uint16_t)(rnd() & 0x3ff);
        h->l3 = (uint8_t)(rnd() % 8 < 7 ? 1 + rnd() % 2 : rnd() & 3);
        h->l4 = (uint8_t)(rnd() & 3); h->frag = (uint8_t)(rnd() % 8 == 0);
        h->perr = (uint8_t)(rnd() % 16 == 0);
        for (uint32_t k = 0; k < 16; k++) { h->src[k] = (uint8_t)rnd(); h->dst[k] = (uint8_t)rnd(); }
        h->sport = (uint16_t)rnd(); h->dport = (uint16_t)rnd(); h->hash = rnd();
        if (in.s_hv_valid && in.s_hv_ready) {
            last_take = c;
            pend[np++] = c + 9u + rnd() % 32;
        }
        /* the flow block's stream: the oldest frame when its time has come */
        in.s_fl_valid = (uint8_t)(np && c >= pend[0] && !in.rst);
        if (in.s_fl_valid) {
            memmove(pend, pend + 1, --np * sizeof pend[0]);
            if (np && pend[0] <= c) pend[0] = c + 1u;
        }
        x->len = (uint16_t)rnd(); x->cls = (uint16_t)(rnd() & 0x3ff);
        x->l3 = (uint8_t)(rnd() & 3); x->l4 = (uint8_t)(rnd() & 3);
        x->vlan = (uint8_t)(rnd() & 1); x->vid = (uint16_t)(rnd() & 0xfff);
        x->frag = (uint8_t)(rnd() & 1); x->l3_off = (uint8_t)rnd(); x->l4_off = (uint8_t)rnd();
        x->hash = rnd(); x->trunc = (uint8_t)(rnd() & 1); x->perr = (uint8_t)(rnd() & 1);
        x->flow = (uint16_t)rnd(); x->opcode = (uint8_t)(rnd() & 15); x->queue = (uint8_t)rnd();
        x->rss_type = (uint8_t)(rnd() & 7);
        rss_step(&s, &in, &o);
        {
            rss_in_trace_t ti = { .rst = in.rst, .s_hv_valid = in.s_hv_valid, .s_hv_ready = in.s_hv_ready,
                                  .s_hv = in.s_hv, .s_fl_valid = in.s_fl_valid, .s_fl = in.s_fl,
                                  .cfg_qsel_log2 = cfg.qsel_log2, .cfg_rss_types = cfg.rss_types,
                                  .cfg_rss_mode = cfg.rss_mode, .cfg_reta_we = cfg.reta_we,
                                  .cfg_reta_addr = cfg.reta_addr, .cfg_reta_data = cfg.reta_data };
            const rss_out_trace_t to = { .m_fl_valid = o.m_fl_valid, .m_fl = o.m_fl, .idle = o.idle };

            memcpy(ti.cfg_rss_key, cfg.rss_key, sizeof ti.cfg_rss_key);
            BENCH_LINE(f, rss, &g, &ti, &to);
        }
    }
    fclose(f);
    return 0;
}
