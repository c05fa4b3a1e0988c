/* nicrx_msix_gen.c - per-edge trace for the block-level lockstep check of rtl/nicrx_msix.v
 * (NUM_CQ 4, AXI_DATA_WIDTH 128) against cmodel/msix.c: a DMA stand-in that keeps AXI's
 * rules against the readies the block gives it (AWs and W bursts decoupled, so W may run
 * ahead of its AW; at most 7 bursts awaiting B), a slave with random readies answering each
 * finished burst in order after a random delay (now and then SLVERR), interrupt lines that
 * rise and fall at random, MSIX_CTRL.en switched under traffic, random resets.
 * usage: nicrx_msix_gen CYCLES SEED TRACE.hex
 * One line per edge: msix_in and msix_out of tests/blocks/traces.txt; prints the messages
 * written, those that waited behind a DMA burst, and the DMA's bursts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "msix.h"
#include "bench.h"

enum { NQ = 4, QMAX = 16 };

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

typedef struct dma_stub {
    nicrx_out_t o;                  /* awvalid, awaddr, awlen, wvalid, wdata, wstrb, wlast */
    uint8_t wq[QMAX];               /* lengths (awlen) of bursts whose W is still to go */
    uint32_t wq_n, wbeat, outstanding;
    uint32_t bursts;                /* since the start, resets included */
} dma_stub_t;

typedef struct slave {
    uint32_t aw, wdone, paired, b_owed;  /* AWs and W bursts taken, paired, owed a B */
    uint32_t delay;
} slave_t;

/* the DMA's registered outputs after an edge at which it saw awready/wready/bvalid */
static void dma_edge(dma_stub_t *d, int rst, int awready, int wready, int bvalid)
{
    if (rst) {
        uint32_t bursts = d->bursts;
        memset(d, 0, sizeof *d);
        d->bursts = bursts;
        return;
    }
    if (d->o.m_axi_awvalid && awready) d->o.m_axi_awvalid = 0;
    if (d->o.m_axi_wvalid && wready) {
        d->o.m_axi_wvalid = 0;
        if (d->o.m_axi_wlast) {
            memmove(d->wq, d->wq + 1, --d->wq_n);
            d->wbeat = 0;
        } else {
            d->wbeat++;
        }
    }
    if (bvalid) d->outstanding--;
    if (!d->o.m_axi_awvalid && d->wq_n < QMAX && d->outstanding < 7 && rnd() % 3 == 0) {
        uint8_t len = (uint8_t)(rnd() % 4 == 0 ? rnd() % 16 : rnd() % 2);
        d->o.m_axi_awvalid = 1;
        d->o.m_axi_awaddr = (uint64_t)rnd() << 32 | (rnd() & ~0xfu);
        d->o.m_axi_awlen = len;
        d->wq[d->wq_n++] = len;
        d->outstanding++;
        d->bursts++;
    }
    if (!d->o.m_axi_wvalid && d->wq_n && rnd() % 4 != 0) {
        d->o.m_axi_wvalid = 1;
        d->o.m_axi_wdata[0] = (uint64_t)rnd() << 32 | rnd();
        d->o.m_axi_wdata[1] = (uint64_t)rnd() << 32 | rnd();
        d->o.m_axi_wstrb = (uint16_t)(rnd() | 1u);
        d->o.m_axi_wlast = d->wbeat == d->wq[0];
    }
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    msix_t s;
    msix_out_t o;
    msix_in_t in;
    dma_stub_t d;
    slave_t sl;
    uint32_t cycles, waited = 0, msgs = 0;
    FILE *f;

    f = bench_start(argc, argv, &cycles, &rs);
    memset(&g, 0, sizeof g);
    memset(&in, 0, sizeof in);
    memset(&d, 0, sizeof d);
    memset(&sl, 0, sizeof sl);
    msix_init(&s, NQ, 128);
    msix_out(&s, &o);
    for (uint32_t q = 0; q < NQ; q++) {
        in.en[q] = 1;
        in.addr[q] = 0x100030000ull + 0x14ull * q;
        in.data[q] = 0x4d534900u | q;
    }
    for (uint32_t c = 0; c < cycles; c++) {
        msix_in_trace_t ti;
        msix_out_trace_t to;
        nicrx_out_t port;
        nicrx_in_t dtop, pre;

        in.rst = c < 2 || rnd() % 3000 == 0;
        for (uint32_t q = 0; q < NQ; q++) {
            uint32_t r = rnd();
            if (r % 29 == 0) in.irq ^= (uint8_t)(1u << q);
            if (r % 2003 == 0) in.en[q] ^= 1;
            if (r % 4001 == 0) in.addr[q] = (uint64_t)rnd() << 32 | (rnd() & ~3u);
            if (r % 3001 == 0) in.data[q] = rnd();
        }
        in.dma = d.o;
        memset(&in.top, 0, sizeof in.top);
        in.top.m_axi_awready = rnd() % 3 != 0;
        in.top.m_axi_wready = rnd() % 4 != 0;
        /* the slave answers the oldest finished burst after a delay */
        if (sl.b_owed && sl.delay == 0) {
            in.top.m_axi_bvalid = 1;
            in.top.m_axi_bresp = rnd() % 50 == 0 ? 2 : 0;
        }
        msix_port(&o, s.lanes, &in.dma, &port);
        pre = in.top;                   /* what the DMA sees before the edge */
        msix_to_dma(&o, &pre);
        waited += o.gate && d.o.m_axi_awvalid;
        msgs += !in.rst && o.st == MSIX_W && in.top.m_axi_wready;   /* a message's W beat taken */
        if (in.rst) {
            memset(&sl, 0, sizeof sl);
        } else {
            sl.aw += port.m_axi_awvalid && in.top.m_axi_awready;
            sl.wdone += port.m_axi_wvalid && port.m_axi_wlast && in.top.m_axi_wready;
            if (in.top.m_axi_bvalid) { sl.b_owed--; sl.delay = rnd() % 6; }
            else if (sl.delay) sl.delay--;
            /* a burst is owed a B once both its AW and its last W beat were taken */
            uint32_t done = sl.aw < sl.wdone ? sl.aw : sl.wdone;
            sl.b_owed += done - sl.paired;
            sl.paired = done;
        }
        msix_step(&s, &in, &o);
        /* what the block shows after the edge, with the edge's inputs */
        msix_port(&o, s.lanes, &in.dma, &port);
        dtop = in.top;
        msix_to_dma(&o, &dtop);

        memset(&ti, 0, sizeof ti);
        ti.rst = in.rst;
        for (uint32_t q = 0; q < NQ; q++) {
            ti.cfg_msix_en |= (uint8_t)((in.en[q] & 1u) << q);
            bench_elem(ti.cfg_msix_addr, sizeof ti.cfg_msix_addr, 8, q, in.addr[q]);
            bench_elem(ti.cfg_msix_data, sizeof ti.cfg_msix_data, 4, q, in.data[q]);
        }
        ti.s_irq = in.irq;
        ti.s_axi_awvalid = in.dma.m_axi_awvalid;
        ti.s_axi_awaddr = in.dma.m_axi_awaddr;
        ti.s_axi_awlen = in.dma.m_axi_awlen;
        ti.s_axi_wvalid = in.dma.m_axi_wvalid;
        for (uint32_t k = 0; k < 2; k++) bench_elem(ti.s_axi_wdata, sizeof ti.s_axi_wdata, 8, k, in.dma.m_axi_wdata[k]);
        ti.s_axi_wstrb = in.dma.m_axi_wstrb;
        ti.s_axi_wlast = in.dma.m_axi_wlast;
        ti.m_axi_awready = in.top.m_axi_awready;
        ti.m_axi_wready = in.top.m_axi_wready;
        ti.m_axi_bvalid = in.top.m_axi_bvalid;
        ti.m_axi_bresp = in.top.m_axi_bresp;
        memset(&to, 0, sizeof to);
        to.cnt_writes = o.cnt_w;
        to.cnt_error = o.cnt_e;
        to.idle = o.idle;
        to.s_axi_awready = dtop.m_axi_awready;
        to.s_axi_wready = dtop.m_axi_wready;
        to.s_axi_bvalid = dtop.m_axi_bvalid;
        to.s_axi_bresp = dtop.m_axi_bresp;
        to.m_axi_awvalid = port.m_axi_awvalid;
        to.m_axi_awaddr = port.m_axi_awaddr;
        to.m_axi_awlen = port.m_axi_awlen;
        to.m_axi_wvalid = port.m_axi_wvalid;
        for (uint32_t k = 0; k < 2; k++) bench_elem(to.m_axi_wdata, sizeof to.m_axi_wdata, 8, k, port.m_axi_wdata[k]);
        to.m_axi_wstrb = port.m_axi_wstrb;
        to.m_axi_wlast = port.m_axi_wlast;
        BENCH_LINE(f, msix, &g, &ti, &to);
        dma_edge(&d, in.rst, in.dma.m_axi_awvalid && pre.m_axi_awready, in.dma.m_axi_wvalid && pre.m_axi_wready,
                 pre.m_axi_bvalid);
    }
    fclose(f);
    printf("%u %u %u\n", msgs, waited, d.bursts);
    return 0;
}
