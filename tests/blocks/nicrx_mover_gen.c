/* nicrx_mover_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_mover.v against cmodel/mover.c.  The generator plays nicrx_dma's issue FSM
 * and the completion writer by the block's contract (docs/architecture.md "nicrx_mover"):
 * parts of random length, each read whole or realigned (a shift, a flush), or skipped; W
 * bursts that take exactly the words each part writes, from either start lane, split into
 * bursts of random size; records between parts, their words in a holder until the mover
 * takes them; never a push at two edges in a row, only with ready.  The host stalls W at
 * random (W has no response: the B channel's errors are nicrx_cpl_write's), the packet
 * memory answers a read a cycle later with words that are a function of their address, and
 * resets come at random.  PM_AW 6: the pointers wrap.  The last 400 cycles issue nothing new
 * and stall nothing: the generator then wants the block empty (busy low) with pm_rel_ptr
 * past every word its commands named since the last reset, so a lost or extra word fails.
 * usage: nicrx_mover_gen DATA_WIDTH AXI_DATA_WIDTH CYCLES SEED TRACE.hex
 * prints "PARTS RECORDS SKIPS BEATS STALLS RESETS". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mover.h"
#include "bench.h"

#define PM_AW 6u

/* a pending W burst of a part, or a record's */
typedef struct wq { wc_stream_t w; } wq_t;

static uint64_t pm_word(uint32_t addr, uint32_t dw)
{
    uint64_t x = (addr + 1) * 0x9e3779b97f4a7c15ull;

    x ^= x >> 29;
    return dw == 64 ? x : x & 0xffffffffull;
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    mover_t s;
    mover_out_t o;
    uint32_t dw, adw, cycles, r;
    uint64_t rs;
    FILE *f;
    wq_t q[64];
    uint32_t qn = 0, qh = 0;             /* W bursts still to push, in order */
    uint64_t hold[4] = { 0, 0, 0, 0 };   /* the record holder */
    uint8_t  hold_full = 0, last_pc = 0, last_wc = 0, rd_en = 0;
    uint32_t rd_addr = 0;
    uint64_t rd_data = 0;
    uint64_t parts = 0, recs = 0, skips = 0, beats = 0, stalls = 0, resets = 0;
    uint32_t rel = 0;                    /* words the commands named since the last reset */

    bench_argc(argc, argv, 6, 6, "DATA_WIDTH AXI_DATA_WIDTH CYCLES SEED TRACE.hex");
    dw = (uint32_t)bench_num(argv[0], "DATA_WIDTH", argv[1], 32, 64);
    adw = (uint32_t)bench_num(argv[0], "AXI_DATA_WIDTH", argv[2], 32, 128);
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[3], 1, UINT32_MAX);
    rs = bench_num(argv[0], "SEED", argv[4], 0, UINT64_MAX);
    if (mover_init(&s, dw, adw, PM_AW) != 0) {
        fprintf(stderr, "%s: DATA_WIDTH %u with AXI_DATA_WIDTH %u: not 32 or 64, and once or twice it\n",
                argv[0], dw, adw);
        return 2;
    }
    f = bench_create(argv[0], argv[5]);
    memset(&g, 0, sizeof g);
    g.p.data_width = dw;
    g.pm_aw = PM_AW;
    r = adw / dw;
    mover_out(&s, &o);
    for (uint32_t c = 0; c < cycles; c++) {
        mover_in_t in;
        /* stall phases: W ready always, at random, or rarely */
        uint32_t phase = c / 1500 % 3;
        const int drain = c + 400 >= cycles;

        memset(&in, 0, sizeof in);
        in.rst = c < 2 || c == cycles / 2 || (bench_rnd(&rs) % 2000 == 0 && !drain);
        in.m_axi_wready = phase == 0 || drain || bench_rnd(&rs) % (phase == 1 ? 2 : 5) == 0;
        stalls += o.m_axi_wvalid && !in.m_axi_wready;
        /* the packet memory: a read enabled before the last edge is on its output now */
        if (rd_en) rd_data = pm_word(rd_addr, dw);
        in.pm_rd_data = rd_data;
        /* a new part when its bursts are all pushed (the issue FSM's order: pc, then its
         * bursts, a record now and then) */
        if (qn == 0 && !last_pc && o.s_pc_ready && !drain && bench_rnd(&rs) % 3 == 0) {
            uint32_t kind = bench_rnd(&rs) % 8;
            in.s_pc_valid = 1;
            if (kind == 0) {
                /* a dropped frame's words released unread, then perhaps a record */
                in.s_pc.skip = 1;
                in.s_pc.nwords = (uint16_t)(bench_rnd(&rs) % 40);
                in.s_pc.zero = in.s_pc.nwords == 0;  in.s_pc.one = in.s_pc.nwords == 1;
                rel += in.s_pc.nwords;
                skips++;
            } else {
                /* a part: nwords words (none with a lead), shifted by sh, a lead word first
                 * (the word before alone), a flush with a shift */
                uint32_t ld = kind >= 4 && bench_rnd(&rs) % 2;
                uint32_t nw = !ld + bench_rnd(&rs) % (kind == 1 ? 40 : 8);
                uint32_t sh = kind >= 5 ? bench_rnd(&rs) % (dw / 8) : 0;
                uint32_t fl = sh && bench_rnd(&rs) % 2;
                uint32_t words = ld + nw + fl, lane = r == 2 && bench_rnd(&rs) % 2;
                uint32_t nb = (words + lane + r - 1) / r;
                in.s_pc.nwords = (uint16_t)nw; in.s_pc.sh = (uint8_t)sh; in.s_pc.flush = (uint8_t)fl;
                in.s_pc.lead = (uint8_t)ld;
                in.s_pc.zero = nw == 0;  in.s_pc.one = nw == 1;
                rel += nw;
                parts++;
                /* its bursts: the first may skip the lower lane, the last may end in it */
                for (uint32_t done = 0; done < nb;) {
                    uint32_t b = 1 + bench_rnd(&rs) % 6;
                    if (b > nb - done) b = nb - done;
                    wc_stream_t *w = &q[(qh + qn++) & 63].w;
                    memset(w, 0, sizeof *w);
                    w->len = (uint8_t)(b - 1);
                    w->first_skip = (uint8_t)(done == 0 && lane);
                    w->last_half = (uint8_t)(done + b == nb && r == 2 && (words + lane) % 2);
                    w->strb = done + b == nb ? (uint16_t)(bench_rnd(&rs) & ((1u << (adw / 8)) - 1)) : 0;
                    w->fstrb = done == 0 ? (uint16_t)(bench_rnd(&rs) & ((1u << (adw / 8)) - 1)) : 0;
                    done += b;
                }
            }
            if (bench_rnd(&rs) % 2) {
                wc_stream_t *w = &q[(qh + qn++) & 63].w;
                memset(w, 0, sizeof *w);
                w->rec = 1;
                w->len = (uint8_t)(NICRX_CMPL_BYTES / (adw / 8) - 1);
            }
        }
        /* the next burst: a record's only into an empty holder, its words at the same edge */
        if (qn && !in.s_pc_valid && !last_wc && o.s_wc_ready && bench_rnd(&rs) % 2 == 0
            && (!q[qh & 63].w.rec || !hold_full)) {
            in.s_wc_valid = 1;
            in.s_wc = q[qh & 63].w;
            qh++; qn--;
        }
        in.s_rec_valid = hold_full;
        memcpy(in.s_rec, hold, sizeof hold);
        {
            int taken = mover_rec_ready(&s, in.m_axi_wready);
            if (in.s_wc_valid && in.s_wc.rec) {
                for (uint32_t k = 0; k < 4; k++)
                    hold[k] = (uint64_t)bench_rnd(&rs) << 32 | bench_rnd(&rs);
                hold_full = 1;
                recs++;
            }
            if (taken) hold_full = 0;
        }
        beats += o.m_axi_wvalid && in.m_axi_wready;
        mover_step(&s, &in, &o);
        {
            mover_in_trace_t ti;
            mover_out_trace_t to;
            memset(&ti, 0, sizeof ti);
            memset(&to, 0, sizeof to);
            ti.rst = in.rst; ti.s_pc_valid = in.s_pc_valid; ti.s_pc = in.s_pc;
            ti.s_wc_valid = in.s_wc_valid; ti.s_wc = in.s_wc; ti.s_rec_valid = in.s_rec_valid;
            for (uint32_t k = 0; k < 4; k++) bench_elem(ti.s_rec, sizeof ti.s_rec, 8, k, in.s_rec[k]);
            ti.pm_rd_data = in.pm_rd_data; ti.m_axi_wready = in.m_axi_wready;
            to.s_pc_ready = o.s_pc_ready; to.s_wc_ready = o.s_wc_ready;
            /* as the RTL shows it after the edge: the state's, with the edge's wready */
            to.s_rec_ready = (uint8_t)mover_rec_ready(&s, in.m_axi_wready);
            to.pm_rd_en = o.pm_rd_en; to.pm_rd_addr = (uint16_t)o.pm_rd_addr; to.pm_rel_ptr = o.pm_rel_ptr;
            to.busy = o.busy; to.m_axi_wvalid = o.m_axi_wvalid;
            for (uint32_t k = 0; k < 2; k++) bench_elem(to.m_axi_wdata, sizeof to.m_axi_wdata, 8, k, o.m_axi_wdata[k]);
            to.m_axi_wstrb = o.m_axi_wstrb; to.m_axi_wlast = o.m_axi_wlast;
            BENCH_LINE(f, mover, &g, &ti, &to);
        }
        last_pc = in.s_pc_valid;
        last_wc = in.s_wc_valid;
        rd_en = o.pm_rd_en;
        rd_addr = o.pm_rd_addr;
        if (in.rst) {
            resets += c >= 2;
            qn = 0; hold_full = 0; last_pc = last_wc = 0; rel = 0;
        }
    }
    if (fclose(f) != 0)
        return 1;
    if (o.busy || qn || hold_full || o.pm_rel_ptr != (rel & ((2u << PM_AW) - 1))) {
        fprintf(stderr, "%s: not drained: busy %u, %u bursts unsent, holder %u, pm_rel_ptr %u, commands named %u\n",
                argv[0], o.busy, qn, hold_full, o.pm_rel_ptr, rel & ((2u << PM_AW) - 1));
        return 1;
    }
    if (parts < 100 || recs < 50 || skips < 10 || stalls < 100) {
        fprintf(stderr, "%s: too little exercised: %llu parts, %llu records, %llu skips, %llu stalls\n", argv[0],
                (unsigned long long)parts, (unsigned long long)recs, (unsigned long long)skips,
                (unsigned long long)stalls);
        return 1;
    }
    printf("%llu %llu %llu %llu %llu %llu\n", (unsigned long long)parts, (unsigned long long)recs,
           (unsigned long long)skips, (unsigned long long)beats, (unsigned long long)stalls,
           (unsigned long long)resets);
    return 0;
}
