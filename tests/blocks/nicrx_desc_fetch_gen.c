/* nicrx_desc_fetch_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_desc_fetch.v against cmodel/desc_fetch.c with NUM_FBR 4 (the device's) or 3
 * (not a power of two): a host that posts descriptors on each ring, of random sizes at random times,
 * an AXI4 read slave with random arready, latency, rvalid gaps and error responses, a
 * consumer that pops each ring's head at random, rings disabled and re-enabled (the
 * host's answer to a ring error, and at random) and random resets.  The generator also
 * checks the model: every ring's descriptors come out in posting order with the
 * posted address and buffer id, and none twice.
 * usage: nicrx_desc_fetch_gen AXI_DATA_WIDTH CYCLES SEED TRACE.hex NUM_FBR
 * prints "POPS ERRORS RESTARTS RESETS" on stdout; exit status 1 on a failed check.
 * One line per edge: dfe_in and dfe_out of tests/blocks/traces.txt (rings from NUM_FBR on: 0). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "desc_fetch.h"
#include "bench.h"

#define NR 4u   /* the most rings the trace holds */
#define MEMB 0x10000u

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

static uint64_t desc_addr(uint32_t r, uint16_t id) { return ((uint64_t)(r + 1) << 56) ^ (uint64_t)id * 0x9e3779b97f4a7c15ull; }

typedef struct env {
    uint8_t  mem[MEMB];
    uint16_t tail[NR], next_id[NR], exp_id[NR];
    uint32_t off[NR];                /* cycles a ring stays disabled */
    uint32_t r_beats, r_done, r_wait; /* the read burst under way */
    uint64_t r_addr;
    int      r_on;
} env_t;

static void put_desc(env_t *e, const desc_fetch_in_t *c, uint32_t r)
{
    uint64_t a = c->fbr_base[r] + 16u * (e->tail[r] & ((1u << c->fbr_size_log2[r]) - 1));
    uint64_t v = desc_addr(r, e->next_id[r]);

    for (uint32_t i = 0; i < 8; i++) e->mem[a + i] = (uint8_t)(v >> (8 * i));
    e->mem[a + 8] = (uint8_t)e->next_id[r];
    e->mem[a + 9] = (uint8_t)(e->next_id[r] >> 8);
    e->next_id[r]++;
    e->tail[r]++;
}

/* a ring starts over: what the device held of it is gone, new ids tell the runs apart */
static void ring_restart(env_t *e, uint32_t r)
{
    e->tail[r] = 0;
    e->next_id[r] = (uint16_t)(e->next_id[r] + 1000u);
    e->exp_id[r] = e->next_id[r];
}

int main(int argc, char **argv)
{
    static env_t e;
    nicrx_geom_t g;
    desc_fetch_t s;
    desc_fetch_out_t o, o1;
    desc_fetch_in_t c;                /* the configuration (the other fields unused) */
    uint32_t dw, nr, cycles, bpb, pops = 0, errors = 0, restarts = 0, resets = 0, bad = 0;
    FILE *f;

    bench_argc(argc, argv, 6, 6, "AXI_DATA_WIDTH CYCLES SEED TRACE.hex NUM_FBR");
    dw = (uint32_t)bench_num(argv[0], "AXI_DATA_WIDTH", argv[1], 32, 128);
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[2], 1, UINT32_MAX);
    rs = bench_num(argv[0], "SEED", argv[3], 0, UINT64_MAX);
    nr = (uint32_t)bench_num(argv[0], "NUM_FBR", argv[5], 3, NR);
    if (dw != 32 && dw != 64 && dw != 128) {
        fprintf(stderr, "%s: AXI_DATA_WIDTH %u is not 32, 64 or 128\n", argv[0], dw);
        return 2;
    }
    f = bench_create(argv[0], argv[4]);
    bpb = dw / 8;
    memset(&g, 0, sizeof g);
    g.p.axi_data_width = dw; /* the block sees the host bus only */
    g.p.desc_depth = 4;
    if (desc_fetch_init(&s, &g, nr) != 0)
        return 1;
    desc_fetch_out(&s, &o);
    memset(&c, 0, sizeof c);
    for (uint32_t r = 0; r < nr; r++) {
        c.fbr_base[r] = 0x1000u * (r + 1) + 0x40u * (rnd() % 16);
        c.fbr_size_log2[r] = (uint8_t)(r == 0 ? 1 : 2 + rnd() % 3);  /* ring 0: 2 entries */
        c.fbr_en[r] = 1;
        e.exp_id[r] = e.next_id[r] = (uint16_t)(r * 20000u);
    }
    for (uint32_t cyc = 0; cyc < cycles; cyc++) {
        desc_fetch_in_t in = c;
        nicrx_in_t *t = &in.top;

        memset(t, 0, sizeof *t);
        memset(in.s_desc_pop, 0, sizeof in.s_desc_pop);
        t->rst = cyc < 2 || rnd() % 6000 == 0;
        /* host: post while the ring has room behind the device's head; restart rings */
        for (uint32_t r = 0; r < nr; r++) {
            if (e.off[r]) {
                if (--e.off[r] == 0) c.fbr_en[r] = 1;
                continue;
            }
            if ((o.fbr_err[r] || rnd() % 3000 == 0) && c.fbr_en[r]) {
                c.fbr_en[r] = 0;
                e.off[r] = 1 + rnd() % 20;
                ring_restart(&e, r);
                restarts++;
                continue;
            }
            if (c.fbr_en[r] && (uint16_t)(e.tail[r] - o.fbr_head[r]) < (1u << c.fbr_size_log2[r]) && rnd() % 4 == 0)
                put_desc(&e, &c, r);
            c.fbr_tail[r] = e.tail[r];
        }
        /* consumer: pop a valid head now and then (not at the edge that disables its ring:
         * that head is from before the restart); check it */
        for (uint32_t r = 0; r < nr; r++) {
            if (o.m_desc_valid[r] && c.fbr_en[r] && rnd() % 3 == 0) {
                in.s_desc_pop[r] = 1;
                pops++;
                if (o.m_desc[r].buf_id != e.exp_id[r] || o.m_desc[r].addr != desc_addr(r, o.m_desc[r].buf_id)) {
                    if (bad++ < 5)
                        fprintf(stderr, "cycle %u ring %u: popped id %u addr %llx, expected id %u\n", cyc, r,
                                o.m_desc[r].buf_id, (unsigned long long)o.m_desc[r].addr, e.exp_id[r]);
                }
                e.exp_id[r] = (uint16_t)(o.m_desc[r].buf_id + 1);
            }
        }
        /* AXI read slave */
        t->m_axi_arready = (uint8_t)(rnd() % 10 < 7);
        if (e.r_on && e.r_wait == 0 && rnd() % 5 != 0) {
            t->m_axi_rvalid = 1;
            for (uint32_t i = 0; i < bpb; i++)
                t->m_axi_rdata[i / 8] |= (uint64_t)e.mem[(e.r_addr + e.r_done * bpb + i) % MEMB] << (8 * (i % 8));
            t->m_axi_rlast = e.r_done + 1 == e.r_beats;
            if (rnd() % 150 == 0) {
                t->m_axi_rresp = (uint8_t)(1 + rnd() % 3);
                errors++;
            }
        }
        memcpy(in.fbr_en, c.fbr_en, sizeof in.fbr_en);
        memcpy(in.fbr_tail, c.fbr_tail, sizeof in.fbr_tail);
        desc_fetch_step(&s, &in, &o1);
        {
            dfe_in_trace_t ti;
            dfe_out_trace_t to;

            memset(&ti, 0, sizeof ti);
            memset(&to, 0, sizeof to);
            ti.rst = t->rst;
            for (uint32_t r = 0; r < nr; r++) {
                bench_elem(ti.cfg_fbr_base, sizeof ti.cfg_fbr_base, 8, r, c.fbr_base[r]);
                ti.cfg_fbr_size_log2 |= (uint16_t)((c.fbr_size_log2[r] & 15u) << (4 * r));
                ti.cfg_fbr_en |= (uint8_t)((c.fbr_en[r] & 1u) << r);
                ti.cfg_fbr_tail |= (uint64_t)c.fbr_tail[r] << (16 * r);
                ti.s_desc_pop |= (uint8_t)(in.s_desc_pop[r] << r);
                to.m_desc_valid |= (uint8_t)(o1.m_desc_valid[r] << r);
                /* an 80-bit element: {buf_id, addr}, byte 0 the most significant */
                for (uint32_t k = 0; k < 10; k++)
                    to.m_desc_data[sizeof to.m_desc_data - 1 - (r * 10 + k)] =
                        (uint8_t)(k < 8 ? o1.m_desc[r].addr >> (8 * k) : (uint64_t)o1.m_desc[r].buf_id >> (8 * (k - 8)));
                to.st_fbr_head |= (uint64_t)o1.fbr_head[r] << (16 * r);
                to.st_fbr_err |= (uint8_t)(o1.fbr_err[r] << r);
            }
            ti.m_axi_arready = t->m_axi_arready; ti.m_axi_rvalid = t->m_axi_rvalid;
            for (uint32_t k = 0; k < 2; k++)
                bench_elem(ti.m_axi_rdata, sizeof ti.m_axi_rdata, 8, k, t->m_axi_rdata[k]);
            ti.m_axi_rresp = t->m_axi_rresp; ti.m_axi_rlast = t->m_axi_rlast;
            to.rerr = o1.rerr; to.idle = o1.idle;
            to.m_axi_arvalid = o1.m_axi_arvalid; to.m_axi_araddr = o1.m_axi_araddr;
            to.m_axi_arlen = o1.m_axi_arlen; to.m_axi_rready = 1;
            BENCH_LINE(f, dfe, &g, &ti, &to);
        }
        /* handshakes at this edge (o = the outputs before it) */
        if (t->m_axi_rvalid) {
            e.r_done++;
            if (t->m_axi_rlast) e.r_on = 0;
        } else if (e.r_on && e.r_wait) {
            e.r_wait--;
        }
        if (o.m_axi_arvalid && t->m_axi_arready) {
            e.r_on = 1; e.r_addr = o.m_axi_araddr; e.r_beats = o.m_axi_arlen + 1u; e.r_done = 0;
            e.r_wait = rnd() % 6;
        }
        if (t->rst) {
            e.r_on = 0;
            resets++;
            for (uint32_t r = 0; r < nr; r++) {
                ring_restart(&e, r);
                c.fbr_tail[r] = 0;
            }
        }
        o = o1;
    }
    desc_fetch_free(&s);
    if (fclose(f) != 0)
        return 1;
    printf("%u %u %u %u\n", pops, errors, restarts, resets);
    return bad ? 1 : 0;
}
