/* nicrx_irq_gen.c - per-edge trace for the block-level lockstep check of rtl/nicrx_irq.v
 * (NUM_CQ 8) against cmodel/irq.c: tails that advance by one now and then (as B
 * responses move them), a host that catches up with its head, interrupts enabled and
 * disabled under traffic, a queue disabled (its tail back to 0), random resets; and the
 * moderation: COUNT and TIME redrawn under traffic (0, small, large and the contradictory
 * COUNT 0 / TIME 0), a short or lowered IRQ_TICK, a NAPI-style host that masks at an
 * interrupt and unmasks later.
 * usage: nicrx_irq_gen CYCLES SEED TRACE.hex
 * One line per edge: irq_in and irq_out of tests/blocks/traces.txt; prints the number of
 * edges with an interrupt line high, of those that moved one, and of unmasks that found a
 * line to raise at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "irq.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

/* COUNT or TIME: zero, small (most often) or anything */
static uint16_t setting(void)
{
    uint32_t r = rnd() % 8;
    return r == 0 ? 0 : r < 6 ? (uint16_t)(rnd() % 6) : (uint16_t)rnd();
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    irq_t s;
    irq_out_t o;
    irq_in_t in;
    uint32_t cycles, high = 0, moves = 0, unmasks = 0;
    uint8_t last = 0;
    FILE *f;

    f = bench_start(argc, argv, &cycles, &rs);
    memset(&g, 0, sizeof g);
    memset(&in, 0, sizeof in);
    irq_init(&s, 8);
    irq_out(&s, &o);
    for (uint32_t q = 0; q < 8; q++)
        in.irq_count[q] = 1;
    in.irq_tick = 3;
    for (uint32_t c = 0; c < cycles; c++) {
        irq_in_trace_t ti;
        irq_out_trace_t to;

        in.rst = c < 2 || rnd() % 2000 == 0;
        if (rnd() % 3001 == 0) in.irq_tick = (uint16_t)(rnd() % 8);
        for (uint32_t q = 0; q < 8; q++) {
            uint32_t r = rnd();
            if (r % 5 == 0) in.s_cq_tail[q]++;
            if (r % 7 == 0 && (!in.irq_mask[q] || r % 3 == 0)) in.cq_head[q] = in.s_cq_tail[q];
            if (r % 997 == 0) in.cq_irq_en[q] ^= 1;
            if (r % 1511 == 0) in.s_cq_tail[q] = in.cq_head[q] = 0;
            if (r % 4099 == 0) in.cq_head[q] = (uint16_t)rnd();
            if (r % 401 == 0) in.irq_count[q] = setting();
            if (r % 409 == 0) in.irq_time[q] = setting();
            /* the host masks at its interrupt and unmasks after a while */
            if (o.irq >> q & 1 && r % 4 == 0) in.irq_mask[q] = 1;
            else if (in.irq_mask[q] && r % 23 == 0) {
                in.irq_mask[q] = 0;
                unmasks += in.s_cq_tail[q] != in.cq_head[q];
            }
        }
        irq_step(&s, &in, &o);
        memset(&ti, 0, sizeof ti);
        ti.rst = in.rst;
        ti.cfg_irq_tick = in.irq_tick;
        for (uint32_t q = 0; q < 8; q++) {
            ti.cfg_cq_irq_en |= (uint8_t)((in.cq_irq_en[q] & 1u) << q);
            ti.cfg_irq_mask |= (uint8_t)((in.irq_mask[q] & 1u) << q);
            bench_elem(ti.cfg_cq_head, sizeof ti.cfg_cq_head, 2, q, in.cq_head[q]);
            bench_elem(ti.cfg_irq_count, sizeof ti.cfg_irq_count, 2, q, in.irq_count[q]);
            bench_elem(ti.cfg_irq_time, sizeof ti.cfg_irq_time, 2, q, in.irq_time[q]);
            bench_elem(ti.s_cq_tail, sizeof ti.s_cq_tail, 2, q, in.s_cq_tail[q]);
        }
        to.irq = o.irq;
        BENCH_LINE(f, irq, &g, &ti, &to);
        high += o.irq != 0;
        moves += o.irq != last;
        last = o.irq;
    }
    fclose(f);
    printf("%u %u %u\n", high, moves, unmasks);
    return 0;
}
