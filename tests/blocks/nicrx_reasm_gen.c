/* nicrx_reasm_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_reasm.v against cmodel/reasm.c.  The generator drives the block as the transfer
 * engine would: frames of a few flows (their generations moving on now and then) with
 * random operation codes, payload lengths and closing flags, each held until m_v, then
 * taken (a fresh page for a run it opens; after a close alone, as the transfer engine
 * does, and after one take in eight the same frame is asked again, so the table is read
 * at the edge its write lands) or,
 * one time in ten, replaced untaken; idle gaps in which the sweep's closes are taken;
 * flushes, phases with re-assembly off, random configurations (page sizes, caps, timeouts),
 * a clock of ticks and random resets.
 * Besides the trace, it keeps every flow's run as it saw it taken and checks each answer
 * against it (a close names the run's page, bytes, segments, first sequence number, and its
 * last merged segment's ACK number and window before the frame; an
 * append goes at the run's page and offset; an OOO, SHORT or NO_MERGE of an open run
 * closes it; a new generation closes the old run; no run exceeds its page) and fails on a
 * difference, so the twin is checked against a definition, not only against the RTL.
 * usage: nicrx_reasm_gen FLOWS CYCLES SEED TRACE.hex
 * One line per edge: reasm_in and reasm_out of tests/blocks/traces.txt.
 * Prints "OPENS APPENDS CLOSES SWEEPS REASONS": answers taken of each kind and the number
 * of distinct close reasons seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nicrx_hw.h"
#include "reasm.h"
#include "bench.h"

typedef struct run {
    int      open;
    uint8_t  gen;
    uint64_t page;
    uint16_t id;
    uint32_t off, segs, seq;
    uint16_t last;          /* the tick of its open or last append: the timeout counts from it */
    uint32_t ack;           /* its last merged segment's ACK number and window */
    uint16_t win;
} run_t;

typedef struct gen_state {
    const char *prog;
    run_t    run[REASM_MAX_FLOWS];
    uint8_t  gen[REASM_MAX_FLOWS];
    uint64_t opens, appends, closes, sweeps;
    uint32_t reasons;       /* a bit per close reason seen */
} gen_state_t;

static void fail(const gen_state_t *g, uint32_t c, const char *what)
{
    fprintf(stderr, "%s: cycle %u: %s\n", g->prog, c, what);
    exit(1);
}

/* a closing answer names the run as it stands (after the frame when it closes after it, but
 * for the ACK number and window: the entry's, the user has the frame's own);
 * a timeout closes only a run quiet for the timeout (less one tick: the time the answer
 * took through the table) */
static void check_close(gen_state_t *g, uint32_t c, const reasm_out_t *o, run_t *r, const reasm_in_t *in)
{
    if (!r->open) fail(g, c, "a close of a flow with no open run");
    if (o->m_r_id != r->id || o->m_r_len != r->off || o->m_r_segs != r->segs || o->m_r_seq != r->seq
        || o->m_r_gen != r->gen || o->m_r_ack != r->ack || o->m_r_win != r->win)
        fail(g, c, "a close that does not name the run's page, bytes, segments, sequence, generation, ACK or window");
    if (o->m_reason == NICRX_REASM_NONE) fail(g, c, "a close without a reason");
    if (o->m_reason == NICRX_REASM_TIMEOUT && (uint16_t)(in->now - r->last) + 1u < in->cfg_timeout)
        fail(g, c, "a timeout of a run that merged a segment less than the timeout ago");
    r->open = 0;
    g->closes++;
    g->reasons |= 1u << o->m_reason;
}

/* a taken answer for a frame (flow f, generation ge, op, len, seq) against the run */
static void check_frame(gen_state_t *g, uint32_t c, const reasm_out_t *o, const reasm_in_t *rq,
                        const reasm_in_t *in, uint64_t page, uint16_t id)
{
    run_t *r = &g->run[o->m_flow];
    const int kop = rq->s_op == NICRX_OP_OOO || rq->s_op == NICRX_OP_SHORT || rq->s_op == NICRX_OP_NO_MERGE;

    if (o->m_flow != rq->s_flow) fail(g, c, "an answer for another flow");
    if (r->open && rq->cfg_en && (r->gen != rq->s_gen || kop) && !o->m_close)
        fail(g, c, "an OOO, SHORT or NO_MERGE, or a new generation, left the run open");
    if (o->m_close) check_close(g, c, o, r, in);
    if (o->m_open) {
        if (r->open) fail(g, c, "a run opened over an open one");
        if (!o->m_merge) fail(g, c, "an opened run that does not take the payload");
        *r = (run_t){ 1, rq->s_gen, page, id, rq->s_len, 1, rq->s_seq, in->now, rq->s_ack, rq->s_win };
        g->opens++;
    } else if (o->m_merge) {
        if (!r->open || r->gen != rq->s_gen || rq->s_op != NICRX_OP_CONT)
            fail(g, c, "an append to no open run of the frame's generation, or not a CONT");
        if (o->m_off != r->off || o->m_dst != (r->page << 12 | r->off))
            fail(g, c, "an append that does not go at the run's page and offset");
        r->off += rq->s_len;
        r->segs++;
        r->last = in->now;
        g->appends++;
        if (o->m_after) check_close(g, c, o, r, in);
        r->ack = rq->s_ack;
        r->win = rq->s_win;
    } else if (o->m_after) {
        fail(g, c, "a close after a frame that was not merged");
    }
    if (r->open && (r->off > 65536u || r->segs > 255))
        fail(g, c, "a run past the largest page or 255 segments");
}

int main(int argc, char **argv)
{
    static gen_state_t g;
    nicrx_geom_t geo;
    reasm_t s;
    reasm_out_t o;
    reasm_in_t in, rq;
    uint64_t rs, pages = 0;
    uint32_t flows, cycles, hold = 0, phase = 0, tick = 0;
    FILE *f;

    f = bench_start_pow2(argc, argv, "FLOWS", 8, REASM_MAX_FLOWS, &flows, &cycles, &rs);
    g.prog = argv[0];
    memset(&geo, 0, sizeof geo);
    memset(&in, 0, sizeof in);
    reasm_init(&s, flows);
    reasm_out(&s, &o);
    in.cfg_en = 1;
    in.cfg_page_log2 = 16;
    rq = in;
    for (uint32_t c = 0; c < cycles; c++) {
        uint64_t page = 0;
        uint16_t id = 0;

        /* a new configuration every 3000 cycles: page size, caps, timeout, on or off */
        if (c % 3000 == 0) {
            phase++;
            in.cfg_en = bench_rnd(&rs) % 6 != 0;
            in.cfg_page_log2 = (uint8_t)(11 + bench_rnd(&rs) % 7);
            in.cfg_max_bytes = bench_rnd(&rs) % 3 ? 0 : 1000 + bench_rnd(&rs) % 20000;
            in.cfg_max_segs = (uint8_t)(bench_rnd(&rs) % 3 ? 0 : bench_rnd(&rs) % 12);
            in.cfg_timeout = (uint16_t)(bench_rnd(&rs) % 2 ? 0 : 1 + bench_rnd(&rs) % 20);
        }
        if (++tick == 16) {
            tick = 0;
            in.now++;
        }
        in.rst = c < 2 || bench_rnd(&rs) % 20000 == 0;
        in.s_flush = bench_rnd(&rs) % 4000 == 0;
        in.s_chg = 0;
        in.s_take = 0;
        in.s_take_cls = 0;
        in.s_take_page = 0;
        in.s_take_id = 0;
        if (o.m_v && in.s_req && !in.rst) {
            if (bench_rnd(&rs) % 10 == 0) {
                hold = 0;                       /* replaced untaken */
            } else {
                in.s_take = 1;
                /* now and then a close alone (the user drops the frame): the run closes */
                in.s_take_cls = bench_rnd(&rs) % 20 == 0;
                if (o.m_open && !in.s_take_cls) {
                    pages++;
                    page = (0x40000ull + pages) << 4 | (bench_rnd(&rs) & 0xf);
                    id = (uint16_t)pages;
                    in.s_take_page = page;
                    in.s_take_id = id;
                }
                /* a close alone keeps the request, as does one take in eight */
                if (!in.s_take_cls && bench_rnd(&rs) % 8 != 0)
                    hold = 0;
            }
        } else if (o.m_v && !in.s_req && o.m_close && !in.rst && !in.s_flush) {
            in.s_take = 1;                      /* the sweep's close: its run record issued */
        }
        /* the next request after a take or a replacement, or an idle gap's end */
        if (hold == 0 && !in.s_take) {
            const uint32_t fl = (uint32_t)(bench_rnd(&rs) % (flows < 6 ? flows : 6)) * (flows / 8);
            const uint32_t k = bench_rnd(&rs) % 100;

            in.s_chg = 1;
            in.s_req = bench_rnd(&rs) % (phase % 3 == 0 ? 3 : 12) != 0;
            if (bench_rnd(&rs) % 200 == 0) g.gen[fl] = (uint8_t)(g.gen[fl] + 1);
            in.s_flow = (uint8_t)fl;
            in.s_gen = g.gen[fl];
            in.s_op = (uint8_t)(k < 55 ? NICRX_OP_CONT : k < 65 ? NICRX_OP_FIRST : k < 71 ? NICRX_OP_OOO
                                : k < 76 ? NICRX_OP_SHORT : k < 80 ? NICRX_OP_NO_MERGE : k < 90 ? NICRX_OP_CTRL
                                : k < 95 ? NICRX_OP_NOT_TCP : NICRX_OP_NO_FLOW);
            in.s_len = (uint16_t)(bench_rnd(&rs) % 20 == 0 ? 0 : bench_rnd(&rs) % 50 == 0 ? bench_rnd(&rs)
                                  : bench_rnd(&rs) % 10 == 0 ? 1 + bench_rnd(&rs) % 9000 : 1 + bench_rnd(&rs) % 1460);
            in.s_seq = (uint32_t)bench_rnd(&rs);
            in.s_fcl = bench_rnd(&rs) % 10 == 0;
            /* ACK and window from seq: no draw of their own, so the sequence of draws (and the
             * close reasons a seed covers) stays as it was */
            in.s_ack = in.s_seq * 0x9e3779b1u;
            in.s_win = (uint16_t)(in.s_seq >> 16 ^ in.s_seq);
            hold = in.s_req ? UINT32_MAX : 1 + bench_rnd(&rs) % (phase % 2 ? 60 : 600);
        } else if (!in.s_req && hold > 0) {
            hold--;                             /* the idle gap ends when it reaches 0 */
        }
        if (in.s_take && in.s_take_cls)
            g.run[o.m_flow].open = 0;           /* whatever the answer: the entry closes */
        else if (in.s_take && o.m_req)
            check_frame(&g, c, &o, &rq, &in, page, id);
        else if (in.s_take) {
            check_close(&g, c, &o, &g.run[o.m_flow], &in);
            g.sweeps++;
        }
        if (in.rst)
            memset(g.run, 0, sizeof g.run);
        if (in.s_chg) rq = in;
        rq.cfg_en = in.cfg_en;
        reasm_step(&s, &in, &o);
        {
            const reasm_in_trace_t ti = {
                .rst = in.rst, .cfg_en = in.cfg_en, .cfg_page_log2 = in.cfg_page_log2,
                .cfg_max_bytes = in.cfg_max_bytes, .cfg_max_segs = in.cfg_max_segs,
                .cfg_timeout = in.cfg_timeout, .now = in.now, .s_flush = in.s_flush, .s_chg = in.s_chg,
                .s_req = in.s_req, .s_flow = in.s_flow, .s_gen = in.s_gen, .s_op = in.s_op,
                .s_len = in.s_len, .s_seq = in.s_seq, .s_fcl = in.s_fcl, .s_ack = in.s_ack, .s_win = in.s_win, .s_take = in.s_take, .s_take_cls = in.s_take_cls,
                .s_take_page = in.s_take_page, .s_take_id = in.s_take_id };
            const reasm_out_trace_t to = {
                .m_v = o.m_v, .m_req = o.m_req, .m_flow = o.m_flow, .m_close = o.m_close,
                .m_reason = o.m_reason, .m_open = o.m_open, .m_merge = o.m_merge, .m_after = o.m_after,
                .m_dst = o.m_dst, .m_off = o.m_off, .m_r_gen = o.m_r_gen, .m_r_id = o.m_r_id,
                .m_r_len = o.m_r_len, .m_r_segs = o.m_r_segs, .m_r_seq = o.m_r_seq,
                .m_r_ack = o.m_r_ack, .m_r_win = o.m_r_win, .m_busy = o.m_busy };

            BENCH_LINE(f, reasm, &geo, &ti, &to);
        }
    }
    fclose(f);
    printf("%llu %llu %llu %llu %u\n", (unsigned long long)g.opens, (unsigned long long)g.appends,
           (unsigned long long)g.closes, (unsigned long long)g.sweeps, __builtin_popcount(g.reasons));
    return 0;
}
