/* nicrx_qsel_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_qsel.v against cmodel/qsel.c: random frames on the fl stream (every
 * field random, the queue field too: the block must replace it), back to back or
 * apart, QSEL changing under traffic, random resets.
 * usage: nicrx_qsel_gen CYCLES SEED TRACE.hex
 * One line per edge: qsel_in and qsel_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qsel.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    qsel_t s;
    qsel_out_t o;
    uint32_t cycles, qsel = 2;
    FILE *f;

    bench_argc(argc, argv, 4, 4, "CYCLES SEED TRACE.hex");
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[1], 1, UINT32_MAX);
    rs = bench_num(argv[0], "SEED", argv[2], 0, UINT64_MAX);
    f = bench_create(argv[0], argv[3]);
    memset(&g, 0, sizeof g);
    qsel_init(&s);
    qsel_out(&s, &o);
    for (uint32_t c = 0; c < cycles; c++) {
        qsel_in_t in;
        fl_stream_t *x = &in.s_fl;

        memset(&in, 0, sizeof in);
        in.rst = c < 2 || rnd() % 3000 == 0;
        if (rnd() % 500 == 0)
            qsel = rnd() % 8;
        in.cfg_qsel_log2 = (uint8_t)qsel;
        in.s_fl_valid = (uint8_t)(rnd() % 3 != 0);
        x->len = (uint16_t)rnd(); x->cls = (uint16_t)(rnd() & 0x3ff);
        x->l3 = (uint8_t)(rnd() & 3); x->l4 = (uint8_t)(rnd() & 3);
        x->vlan = (uint8_t)(rnd() & 1); x->vid = (uint16_t)(rnd() & 0xfff);
        x->frag = (uint8_t)(rnd() & 1); x->l3_off = (uint8_t)rnd(); x->l4_off = (uint8_t)rnd();
        x->hash = rnd() ^ rnd() << 16; x->trunc = (uint8_t)(rnd() & 1); x->perr = (uint8_t)(rnd() & 1);
        x->flow = (uint16_t)rnd(); x->opcode = (uint8_t)(rnd() & 15); x->queue = (uint8_t)rnd();
        qsel_step(&s, &in, &o);
        {
            const qsel_in_trace_t ti = { .rst = in.rst, .s_fl_valid = in.s_fl_valid, .s_fl = in.s_fl,
                                         .cfg_qsel_log2 = in.cfg_qsel_log2 };
            const qsel_out_trace_t to = { .m_fl_valid = o.m_fl_valid, .m_fl = o.m_fl, .idle = o.idle };

            BENCH_LINE(f, qsel, &g, &ti, &to);
        }
    }
    fclose(f);
    return 0;
}
