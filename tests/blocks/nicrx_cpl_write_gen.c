/* nicrx_cpl_write_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_cpl_write.v against cmodel/cpl_write.c.  The generator plays nicrx_dma's issue
 * FSM, the mover and the host by the block's contract (docs/architecture.md
 * "nicrx_cpl_write"): requests for data bursts and records (random fields, error
 * completions and run records among them) never at two edges in a row and only with ready, a record only
 * into an empty holder; the mover taking the holder after a random wait; B responses after
 * a random latency (random stalls), some with an error response; read errors; the queue of
 * the next record, the CQ registers (bases, sizes, enables, heads following the tails) and
 * resets changing at random.  NUM_CQ 4.  Besides the trace it checks the block against the
 * host interface: every record's words decoded (docs/host-interface.md, nicrx_hw.h) give the
 * request's fields back, DELIVERED counts the records' OKAY-or-not B responses of frame
 * records (not error completions, not run records), AXI_ERROR every error response and read error, since the last reset.
 * usage: nicrx_cpl_write_gen CYCLES SEED TRACE.hex
 * prints "RECORDS DATA BURSTS B_ERRORS RESETS". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cpl_write.h"
#include "bench.h"

#define NCQ 4u

static void fail(const char *prog, uint32_t c, const char *what)
{
    fprintf(stderr, "%s: cycle %u: %s\n", prog, c, what);
    exit(1);
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    cpl_write_t s;
    cpl_write_out_t o;
    uint32_t cycles;
    uint64_t rs;
    FILE *f;
    cpl_write_in_t in;
    uint32_t outst = 0, blat = 0, take_wait = 0;
    uint8_t last_cr = 0;
    uint32_t exp_deliv = 0, exp_err = 0;
    uint8_t bq_dlv[16];   /* each burst's B counts DELIVERED */
    uint32_t bq_w = 0, bq_r = 0;
    uint64_t recs = 0, runs = 0, datas = 0, berrs = 0, resets = 0;

    f = bench_start(argc, argv, &cycles, &rs);
    memset(&g, 0, sizeof g);
    cpl_write_init(&s, NCQ);
    memset(&in, 0, sizeof in);
    for (uint32_t q = 0; q < NCQ; q++) {
        in.cq_base[q] = (uint64_t)(bench_rnd(&rs) & 0xfffff) << 12 | (uint64_t)q << 40;
        in.cq_size_log2[q] = (uint8_t)(1 + q);
        in.cq_en[q] = 1;
    }
    cpl_write_out(&s, in.cq_base[0], &o);
    for (uint32_t c = 0; c < cycles; c++) {
        in.rst = c < 2 || c == cycles / 2 || bench_rnd(&rs) % 2500 == 0;
        in.s_cr_valid = 0;
        in.m_rec_ready = 0;
        in.m_axi_bvalid = 0;
        in.m_axi_bresp = 0;
        in.s_rerr = bench_rnd(&rs) % 400 == 0;
        /* the registers now and then: a queue disabled a while, a new size or base, the
         * next record's queue; heads follow the tails (the host reads records) */
        if (bench_rnd(&rs) % 700 == 0) {
            uint32_t q = bench_rnd(&rs) % NCQ;
            in.cq_en[q] ^= 1;
            if (!in.cq_en[q]) {
                in.cq_size_log2[q] = (uint8_t)(bench_rnd(&rs) % 7);
                in.cq_base[q] = (uint64_t)(bench_rnd(&rs) & 0x7ffffff) << 5;
                in.cq_head[q] = 0;
            }
        }
        if (bench_rnd(&rs) % 20 == 0) in.rec_q = (uint8_t)(bench_rnd(&rs) % NCQ);
        for (uint32_t q = 0; q < NCQ; q++)
            if (bench_rnd(&rs) % 9 == 0) in.cq_head[q] = o.st_cq_tail[q];
        /* the mover takes a full holder after a wait */
        if (o.m_rec_valid) {
            if (take_wait == 0) take_wait = 1 + bench_rnd(&rs) % 12;
            if (--take_wait == 0) in.m_rec_ready = 1;
        }
        /* the host answers the bursts in order, after a latency */
        if (outst && (blat == 0 ? (blat = 1 + bench_rnd(&rs) % 8, 0) : --blat == 0)) {
            in.m_axi_bvalid = 1;
            in.m_axi_bresp = bench_rnd(&rs) % 15 == 0 ? (uint8_t)(2 + bench_rnd(&rs) % 2) : 0;
        }
        /* a request: data bursts and records, a record only into an empty holder (and not
         * while it is being taken: the issue FSM waits for rec_full low) */
        if (!last_cr && o.s_cr_ready && bench_rnd(&rs) % 3 == 0) {
            uint32_t w[16];
            for (uint32_t k = 0; k < 16; k++) w[k] = bench_rnd(&rs) << 1 ^ bench_rnd(&rs);
            cr_stream_unpack(&in.s_cr, &g, w, 0);
            in.s_cr.q = (uint8_t)(in.s_cr.q % NCQ);
            in.s_cr.rec = !o.m_rec_valid && bench_rnd(&rs) % 3 == 0;
            in.s_cr.err = in.s_cr.rec && bench_rnd(&rs) % 6 == 0;
            in.s_cr.run = in.s_cr.rec && !in.s_cr.err && bench_rnd(&rs) % 5 == 0;   /* a run record */
            if (bench_rnd(&rs) % 3 == 0) in.s_cr.dlen = 0;
            in.s_cr_valid = 1;
        }
        cpl_write_step(&s, &in, &o);
        {
            cpl_write_in_trace_t ti;
            cpl_write_out_trace_t to;
            memset(&ti, 0, sizeof ti);
            memset(&to, 0, sizeof to);
            ti.rst = in.rst; ti.s_cr_valid = in.s_cr_valid; ti.s_cr = in.s_cr; ti.m_rec_ready = in.m_rec_ready;
            ti.rec_q = in.rec_q; ti.s_rerr = in.s_rerr; ti.m_axi_bvalid = in.m_axi_bvalid;
            ti.m_axi_bresp = in.m_axi_bresp;
            for (uint32_t q = 0; q < NCQ; q++) {
                bench_elem(ti.cfg_cq_base, sizeof ti.cfg_cq_base, 8, q, in.cq_base[q]);
                ti.cfg_cq_size_log2 |= (uint16_t)((in.cq_size_log2[q] & 15u) << (4 * q));
                ti.cfg_cq_en |= (uint8_t)((in.cq_en[q] & 1u) << q);
                ti.cfg_cq_head |= (uint64_t)in.cq_head[q] << (16 * q);
                to.st_cq_tail |= (uint64_t)o.st_cq_tail[q] << (16 * q);
            }
            to.s_cr_ready = o.s_cr_ready; to.m_rec_valid = o.m_rec_valid;
            for (uint32_t k = 0; k < 4; k++) bench_elem(to.m_rec, sizeof to.m_rec, 8, k, o.m_rec[k]);
            to.rec_off = o.rec_off; to.rec_ph = o.rec_ph; to.rec_base = o.rec_base; to.cq_room = o.cq_room; to.cq_room2 = o.cq_room2;
            to.cnt_delivered = o.cnt_delivered; to.cnt_axi_error = o.cnt_axi_error; to.busy = o.busy;
            to.m_axi_bready = 1;
            BENCH_LINE(f, cpl_write, &g, &ti, &to);
        }
        /* the host interface's view: the record just built, the counters */
        if (!in.rst && in.s_cr_valid && in.s_cr.rec) {
            const struct nicrx_cmpl r = { o.m_rec[0], o.m_rec[1], o.m_rec[2], o.m_rec[3] };
            const cr_stream_t *q = &in.s_cr;
            int dpart = q->split && q->dlen;
            if (nicrx_cmpl_err(&r) != q->err || nicrx_cmpl_bufid(&r) != q->bufid || nicrx_cmpl_ring(&r) != q->ring
                || nicrx_cmpl_phase(&r) != q->phase || nicrx_cmpl_run(&r) != (!q->err && q->run)
                || (!q->err && !q->run && (nicrx_cmpl_len(&r) != q->len || nicrx_cmpl_split(&r) != q->split
                                || nicrx_cmpl_dlen(&r) != (dpart ? q->dlen : 0u)
                                || nicrx_cmpl_dbufid(&r) != (dpart ? q->dbufid : 0u)
                                || nicrx_cmpl_dring(&r) != (dpart ? q->dring : 0u)
                                || nicrx_cmpl_merged(&r) != (dpart && q->mrg)
                                || nicrx_cmpl_large(&r) != (q->split ? dpart && q->dring == 1 : q->ring == 1)
                                || nicrx_cmpl_opcode(&r) != q->opcode || nicrx_cmpl_more_cnt(&r) != q->more_cnt))
                || (!q->err && q->run && (nicrx_cmpl_len(&r) != 0 || nicrx_cmpl_flow(&r) != (q->flow & 0xffu)
                                || nicrx_cmpl_gen(&r) != (uint32_t)(q->flow >> 8) || nicrx_cmpl_run_len(&r) != q->rlen
                                || nicrx_cmpl_run_segs(&r) != q->rsegs || nicrx_cmpl_run_seq(&r) != q->rseq
                                || nicrx_cmpl_run_reason(&r) != q->rreason || nicrx_cmpl_cnt(&r) != q->rsegs
                                || nicrx_cmpl_run_flags(&r) != (q->rflags & 0x2du)
                                || nicrx_cmpl_run_ack(&r) != q->rack || nicrx_cmpl_run_win(&r) != q->rwin
                                || !nicrx_cmpl_rel(&r) || nicrx_cmpl_merged(&r))))
                fail(argv[0], c, "a record's words do not give its request's fields back");
            recs++;
            runs += !q->err && q->run;
        } else if (!in.rst && in.s_cr_valid) {
            datas++;
        }
        if (in.m_axi_bvalid && !in.rst) {
            exp_deliv += bq_dlv[bq_r & 15];
            exp_err += in.m_axi_bresp != 0;
            berrs += in.m_axi_bresp != 0;
            bq_r++;
        }
        if (in.s_rerr && !in.rst) exp_err++;
        if (in.s_cr_valid && !in.rst) {
            /* a frame delivered: a record but an error completion or a run record, or a data
             * burst that says so (a stripped frame's last) */
            bq_dlv[bq_w & 15] = in.s_cr.rec ? !in.s_cr.err && !in.s_cr.run : in.s_cr.dlv;
            bq_w++;
        }
        outst += in.s_cr_valid;
        outst -= in.m_axi_bvalid;
        last_cr = in.s_cr_valid;
        if (in.rst) {
            resets += c >= 2;
            outst = 0; blat = 0; take_wait = 0; last_cr = 0;
            bq_w = bq_r = 0; exp_deliv = exp_err = 0;
        }
        if (o.cnt_delivered != exp_deliv || o.cnt_axi_error != exp_err)
            fail(argv[0], c, "DELIVERED or AXI_ERROR differs from the responses");
    }
    if (fclose(f) != 0)
        return 1;
    if (recs < 100 || runs < 10 || datas < 100 || berrs < 10 || resets < 1) {
        fprintf(stderr, "%s: too little exercised: %llu records (%llu run records), %llu data bursts, %llu B errors, "
                "%llu resets\n", argv[0], (unsigned long long)recs, (unsigned long long)runs, (unsigned long long)datas,
                (unsigned long long)berrs, (unsigned long long)resets);
        return 1;
    }
    printf("%llu %llu %llu %llu\n", (unsigned long long)recs, (unsigned long long)datas,
           (unsigned long long)berrs, (unsigned long long)resets);
    return 0;
}
