/* nicrx_xfer_plan_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_xfer_plan.v against cmodel/xfer_plan.c: frames on any cycle (back to back
 * too) with every operation code, lengths drawn around each boundary of the decision
 * (hlen near 20, pay_off near len, pay_off + pay near len, len near XFER_SMALL_THRESH and
 * PAD_MAX, the header part near the header ring's BUF_SIZE), the configuration redrawn
 * under traffic and random resets.
 * usage: nicrx_xfer_plan_gen CYCLES SEED TRACE.hex
 * One line per edge: xfer_plan_in and xfer_plan_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xfer_plan.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

/* v moved by a few either way, or anywhere now and then (16 bits) */
static uint16_t near(uint32_t v)
{
    if (rnd() % 8 == 0)
        return (uint16_t)rnd();
    return (uint16_t)(v + rnd() % 7 - 3);
}

static void draw_cfg(xfer_cfg_t *c)
{
    c->split = (uint16_t)(rnd() % 4 == 0 ? rnd() : 0x01fcu);
    c->small = (uint16_t)(rnd() % 4 == 0 ? rnd() % 2000 : 64);
    c->hdr_en = rnd() % 6 != 0;
    c->hdr_size = (uint16_t)(rnd() % 4 == 0 ? rnd() % 300 : 256);
    /* the configuration check's inputs: now and then a size 0, above a page or the threshold */
    for (uint32_t r = 0; r < 2; r++) {
        c->data_en[r] = rnd() % 6 != 0;
        c->data_size[r] = (uint16_t)(rnd() % 5 == 0 ? 0 : rnd() % 3 == 0 ? rnd() : 2048);
    }
    if (rnd() % 5 == 0) c->hdr_size = 0;
    c->page_en = (uint8_t)(rnd() & 7);
    c->page_log2 = (uint8_t)(rnd() & 15);
}

static void draw_frame(fl_stream_t *x, const xfer_cfg_t *c)
{
    x->cls = (uint16_t)(rnd() & 0x3ff);
    x->l3 = (uint8_t)(rnd() & 3); x->l4 = (uint8_t)(rnd() & 3);
    x->vlan = (uint8_t)(rnd() & 1); x->vid = (uint16_t)(rnd() & 0xfff);
    x->l3_off = (uint8_t)rnd(); x->hash = rnd() ^ rnd() << 16;
    x->flow = (uint16_t)rnd(); x->queue = (uint8_t)rnd(); x->rss_type = (uint8_t)(rnd() & 7);
    x->red = (uint8_t)(rnd() & 3); x->trunc = (uint8_t)(rnd() & 1); x->perr = (uint8_t)(rnd() & 1);
    x->opcode = (uint8_t)(rnd() % 4 == 0 ? rnd() & 15 : rnd() % NICRX_NUM_OPCODES);
    x->l4_off = (uint8_t)(rnd() % 8 == 0 ? rnd() : 14 + 20 + 4 * (rnd() % 3));
    x->hlen = (uint16_t)((rnd() % 6 == 0 ? rnd() : rnd() % 3 == 0 ? near(20) : 20 + 4 * (rnd() % 11)) & 0x3ff);
    uint32_t pay_off = (uint32_t)x->l4_off + x->hlen;
    uint32_t present = rnd() % 3 == 0 ? rnd() % 64 : rnd() % 1500;
    switch (rnd() % 5) {
    case 0: x->len = near(c->small); break;
    case 1: x->len = near(64); break;
    case 2: x->len = near(pay_off); break;
    default: x->len = (uint16_t)(pay_off + present); break;
    }
    if (rnd() % 5 == 0)
        x->len = near(c->hdr_size);
    uint32_t rest = x->len > pay_off ? x->len - pay_off : 0;
    switch (rnd() % 4) {
    case 0: x->pay = 0; break;
    case 1: x->pay = (uint16_t)rnd(); break;
    default: x->pay = near(rest); break;
    }
    /* the decision's fields as nicrx_flow leaves them, or garbage (they are overwritten) */
    x->split = (uint8_t)(rnd() & 1); x->hdr_len = (uint16_t)rnd();
    x->dlen = (uint16_t)rnd(); x->lerr = (uint8_t)(rnd() & 1);
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    xfer_plan_t s;
    xfer_plan_out_t o;
    xfer_cfg_t cfg;
    uint32_t cycles;
    FILE *f;

    f = bench_start(argc, argv, &cycles, &rs);
    memset(&g, 0, sizeof g);
    xfer_plan_init(&s);
    xfer_plan_out(&s, &o);
    memset(&cfg, 0, sizeof cfg);
    draw_cfg(&cfg);
    for (uint32_t c = 0; c < cycles; c++) {
        xfer_plan_in_t in;

        memset(&in, 0, sizeof in);
        in.rst = c < 2 || rnd() % 3000 == 0;
        if (rnd() % 500 == 0) draw_cfg(&cfg);
        in.cfg = cfg;
        draw_frame(&in.s_fl, &cfg);
        in.s_fl_valid = rnd() % 3 != 0;
        xfer_plan_step(&s, &in, &o);
        {
            const xfer_plan_in_trace_t ti = { .rst = in.rst, .s_fl_valid = in.s_fl_valid, .s_fl = in.s_fl,
                                              .cfg_xfer_split = cfg.split, .cfg_xfer_small = cfg.small,
                                              .cfg_hdr_en = cfg.hdr_en, .cfg_hdr_size = cfg.hdr_size,
                                              .cfg_data_en = (uint8_t)(cfg.data_en[0] | cfg.data_en[1] << 1),
                                              .cfg_data_size = cfg.data_size[0] | (uint32_t)cfg.data_size[1] << 16,
                                              .cfg_xfer_page = (uint16_t)(cfg.page_en | cfg.page_log2 << 3) };
            const xfer_plan_out_trace_t to = { .m_fl_valid = o.m_fl_valid, .m_fl = o.m_fl, .idle = o.idle,
                                               .st_cfg_err = o.st_cfg_err };

            BENCH_LINE(f, xfer_plan, &g, &ti, &to);
        }
    }
    fclose(f);
    return 0;
}
