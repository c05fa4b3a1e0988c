/* nicrx_irq_gen.c - per-edge trace for the block-level lockstep check of rtl/nicrx_irq.v
 * (NUM_CQ 8) against cmodel/irq.c: tails that advance by one now and then (as B
 * responses move them), a host that catches up with its head, interrupts enabled and
 * disabled under traffic, a queue disabled (its tail back to 0), random resets.
 * usage: nicrx_irq_gen CYCLES SEED TRACE.hex
 * One line per edge: irq_in and irq_out of tests/blocks/traces.txt; prints the number of
 * edges with an interrupt line high and of those that moved one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "irq.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    irq_t s;
    irq_out_t o;
    irq_in_t in;
    uint32_t cycles, high = 0, moves = 0;
    uint8_t last = 0;
    FILE *f;

    bench_argc(argc, argv, 4, 4, "CYCLES SEED TRACE.hex");
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[1], 1, UINT32_MAX);
    rs = bench_num(argv[0], "SEED", argv[2], 0, UINT64_MAX);
    f = bench_create(argv[0], argv[3]);
    memset(&g, 0, sizeof g);
    memset(&in, 0, sizeof in);
    irq_init(&s, 8);
    irq_out(&s, &o);
    for (uint32_t c = 0; c < cycles; c++) {
        irq_in_trace_t ti;
        irq_out_trace_t to;

        in.rst = c < 2 || rnd() % 2000 == 0;
        for (uint32_t q = 0; q < 8; q++) {
            uint32_t r = rnd();
            if (r % 5 == 0) in.s_cq_tail[q]++;
            if (r % 7 == 0) in.cq_head[q] = in.s_cq_tail[q];
            if (r % 997 == 0) in.cq_irq_en[q] ^= 1;
            if (r % 1511 == 0) in.s_cq_tail[q] = in.cq_head[q] = 0;
            if (r % 4099 == 0) in.cq_head[q] = (uint16_t)rnd();
        }
        irq_step(&s, &in, &o);
        memset(&ti, 0, sizeof ti);
        ti.rst = in.rst;
        for (uint32_t q = 0; q < 8; q++) {
            ti.cfg_cq_irq_en |= (uint8_t)((in.cq_irq_en[q] & 1u) << q);
            bench_elem(ti.cfg_cq_head, sizeof ti.cfg_cq_head, 2, q, in.cq_head[q]);
            bench_elem(ti.s_cq_tail, sizeof ti.s_cq_tail, 2, q, in.s_cq_tail[q]);
        }
        to.irq = o.irq;
        BENCH_LINE(f, irq, &g, &ti, &to);
        high += o.irq != 0;
        moves += o.irq != last;
        last = o.irq;
    }
    fclose(f);
    printf("%u %u\n", high, moves);
    return 0;
}
