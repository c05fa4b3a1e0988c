/* nicrx_more_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_more.v against cmodel/more.c: a frame queue of FQ_DEPTH entries filled and
 * emptied at random (bursts that fill it, heads held from one to forty cycles, as
 * nicrx_dma holds a head until its record), keys from a few flows (flow 0 among them;
 * a burst mostly of one), 
 * frames RED drops, random resets.  Besides the trace, the generator checks the count
 * against the queue it keeps whenever the head has been stable for four cycles (the
 * block's contract) and fails when they differ, so the twin is checked against a
 * definition, not only against the RTL.
 * usage: nicrx_more_gen FQ_DEPTH CYCLES SEED TRACE.hex
 * One line per edge: more_in and more_out of tests/blocks/traces.txt.
 * Prints "CHECKS MAX": the exact checks made and the largest count seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "more.h"
#include "bench.h"

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    more_t s;
    more_out_t o;
    uint16_t qkey[MORE_MAX_FQ];
    uint8_t qkeep[MORE_MAX_FQ];
    uint64_t rs, checks = 0;
    uint32_t depth, cycles, wr = 0, rd = 0, stable = 0, hold = 1, maxc = 0, burst = 0;
    uint16_t head = 0, bkey = 0;
    FILE *f;

    f = bench_start_pow2(argc, argv, "FQ_DEPTH", 2, MORE_MAX_FQ, &depth, &cycles, &rs);
    memset(&g, 0, sizeof g);
    memset(qkey, 0, sizeof qkey);
    memset(qkeep, 0, sizeof qkeep);
    more_init(&s, depth);
    more_out(&s, &o);
    for (uint32_t c = 0; c < cycles; c++) {
        more_in_t in;
        const uint32_t fqm = 2 * depth - 1;
        uint32_t n = (wr - rd) & fqm;

        /* the count the contract promises for this cycle's queue and head */
        if (stable >= 4) {
            uint32_t want = 0;
            for (uint32_t k = rd; k != wr; k = (k + 1) & fqm)
                want += qkeep[k & (depth - 1)] && qkey[k & (depth - 1)] == head && head != 0;
            if (want > 15) want = 15;
            if (o.more_cnt != want) {
                fprintf(stderr, "%s: cycle %u: more_cnt %u, the queue holds %u behind head 0x%04x\n",
                        argv[0], c, o.more_cnt, want, head);
                return 1;
            }
            checks++;
        }
        if (o.more_cnt > maxc) maxc = o.more_cnt;
        memset(&in, 0, sizeof in);
        in.rst = c < 2 || bench_rnd(&rs) % 5000 == 0;
        in.fq_wr = wr;
        in.fq_rd = rd;
        in.head_key = head;
        /* a push when there is room: bursts now and then fill the queue */
        if (burst == 0 && bench_rnd(&rs) % 200 == 0) {
            burst = depth;
            bkey = (uint16_t)(0x100 * (1 + bench_rnd(&rs) % 3) + bench_rnd(&rs) % 3);
        }
        in.s_push_key = (uint16_t)(bench_rnd(&rs) % 6 == 0 ? 0 : burst && bench_rnd(&rs) % 4 ? bkey
                                   : 0x100 * (1 + bench_rnd(&rs) % 3) + bench_rnd(&rs) % 3);
        in.s_push_keep = bench_rnd(&rs) % 8 != 0;
        in.s_push = n < depth && (burst > 0 || bench_rnd(&rs) % 3 == 0);
        if (burst) burst--;
        more_step(&s, &in, &o);
        {
            const more_in_trace_t ti = { .rst = in.rst, .s_push = in.s_push, .s_push_key = in.s_push_key,
                                         .s_push_keep = in.s_push_keep, .fq_wr = in.fq_wr, .fq_rd = in.fq_rd,
                                         .head_key = in.head_key };
            const more_out_trace_t to = { .more_cnt = o.more_cnt };

            BENCH_LINE(f, more, &g, &ti, &to);
        }
        /* the queue after the edge: the push, then the head taken when released */
        if (in.s_push) {
            qkey[wr & (depth - 1)] = in.s_push_key;
            qkeep[wr & (depth - 1)] = in.s_push_keep;
            wr = (wr + 1) & fqm;
        }
        stable++;
        if (--hold == 0) {
            hold = 1 + bench_rnd(&rs) % (c / 5000 % 2 ? 4 : 40); /* draining and filling phases */
            if (rd != in.fq_wr) { /* an entry there before the edge */
                head = qkey[rd & (depth - 1)];
                rd = (rd + 1) & fqm;
                stable = 0;
            }
        }
        if (in.rst) {
            wr = rd = 0;
            stable = 0;
            head = 0;
        }
    }
    fclose(f);
    printf("%llu %u\n", (unsigned long long)checks, maxc);
    return 0;
}
