/* nicrx_ingress_gen.c - per-cycle trace for the block-level lockstep check of
 * rtl/nicrx_ingress.v against cmodel/ingress.c.  Random frames (runts, empty,
 * oversize, bad, disabled), a small packet memory and FQ_DEPTH 4 with a random
 * DMA that releases and pops committed frames.
 * usage: nicrx_ingress_gen DATA_WIDTH CYCLES SEED TRACE.hex
 * One line per edge: ingress_in and ingress_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingress.h"
#include "bench.h"

static uint64_t rs;
static uint32_t rnd(void) { return bench_rnd(&rs); }

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    ingress_t s;
    ingress_out_t o;
    uint32_t dw, cycles, c, bpb, left = 0, gap = 0, user = 0;
    uint32_t q_end[64], qn = 0, rel = 0, en = 1;
    FILE *f;

    bench_argc(argc, argv, 5, 5, "DATA_WIDTH CYCLES SEED TRACE.hex");
    dw = (uint32_t)bench_num(argv[0], "DATA_WIDTH", argv[1], 32, 64);
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[2], 1, UINT32_MAX);
    rs = bench_num(argv[0], "SEED", argv[3], 0, UINT64_MAX);
    f = bench_create(argv[0], argv[4]);
    memset(&g, 0, sizeof g);
    g.p.data_width = dw;
    g.p.pkt_mem_bytes = 1024;
    g.p.header_bytes = 64;
    g.p.max_frame = 300;
    g.p.fq_depth = 4;
    nicrx_geom_init(&g, &g.p);
    bpb = g.bytes_per_beat;
    ingress_init(&s, &g);
    ingress_out(&s, &o);
    for (c = 0; c < cycles; c++) {
        nicrx_in_t top;
        ingress_in_t in;
        uint32_t keep = 0, pop = 0;

        memset(&top, 0, sizeof top);
        top.rst = c < 2 || rnd() % 5000 == 0;
        if (left == 0 && gap == 0 && rnd() % 3 == 0) {
            uint32_t k = rnd() % 10;
            left = k == 0 ? 0xffffffffu : k == 1 ? rnd() % 14 : k == 2 ? 280 + rnd() % 40 : 14 + rnd() % 200;
            if (left == 0xffffffffu)
                left = 0;      /* the empty frame */
            user = rnd() % 12 == 0;
            gap = 1;           /* marks "a frame is open" */
            if (rnd() % 40 == 0)
                en = !en;
        }
        if (gap && !(rnd() % 8 == 0)) {     /* sometimes a bubble inside the frame */
            uint32_t n = left < bpb ? left : bpb;
            top.s_axis_tvalid = 1;
            top.s_axis_tdata = ((uint64_t)rnd() << 32 | rnd()) & (dw == 64 ? ~0ull : 0xffffffffull);
            keep = (1u << n) - 1u;
            top.s_axis_tkeep = (uint8_t)keep;
            left -= n;
            top.s_axis_tlast = left == 0;
            top.s_axis_tuser = (uint8_t)(top.s_axis_tlast && user);
            if (top.s_axis_tlast)
                gap = 0;
        }
        /* the DMA: pops a committed frame now and then and releases its words */
        if (qn && rnd() % (((c / 2000) & 1) ? 400u : 6u) == 0) {  /* slow phases fill memory */
            pop = 1;
            rel = q_end[0];
            memmove(q_end, q_end + 1, --qn * sizeof q_end[0]);
        }
        in.top = top;
        in.ev = NULL;
        in.cfg_enable = (uint8_t)en;
        in.pm_rel_ptr = rel;
        in.fq_pop = (uint8_t)pop;
        ingress_step(&s, &in, &o);
        if (top.rst) {
            qn = 0; rel = 0; left = 0; gap = 0;
        }
        if (o.m_cm_valid && qn < 64)
            q_end[qn++] = s.wr_ptr_reg;  /* the frame's words end where the pointer is now */
        {
            const ingress_in_trace_t ti = {
                .rst = top.rst, .s_axis_tvalid = top.s_axis_tvalid, .s_axis_tlast = top.s_axis_tlast,
                .s_axis_tuser = top.s_axis_tuser, .s_axis_tkeep = top.s_axis_tkeep,
                .s_axis_tdata = top.s_axis_tdata, .cfg_enable = in.cfg_enable,
                .pm_rel_ptr = (uint16_t)in.pm_rel_ptr, .fq_pop = in.fq_pop };
            const ingress_out_trace_t to = {
                .pm_wr_en = o.pm_wr_en, .pm_wr_addr = (uint16_t)o.pm_wr_addr, .pm_wr_data = o.pm_wr_data,
                .m_cm_valid = o.m_cm_valid, .m_cm = o.m_cm, .hm_wr_en = o.hm_wr_en,
                .hm_wr_addr = (uint16_t)o.hm_wr_addr, .idle = o.idle,
                .cnt_rx_frames = o.cnt[NICRX_CNT_RX_FRAMES], .cnt_rx_bytes = o.cnt[NICRX_CNT_RX_BYTES],
                .cnt_drop_bad_frame = o.cnt[NICRX_CNT_DROP_BAD_FRAME],
                .cnt_drop_runt = o.cnt[NICRX_CNT_DROP_RUNT],
                .cnt_drop_oversize = o.cnt[NICRX_CNT_DROP_OVERSIZE],
                .cnt_drop_pktmem_full = o.cnt[NICRX_CNT_DROP_PKTMEM_FULL],
                .cnt_drop_disabled = o.cnt[NICRX_CNT_DROP_DISABLED] };

            BENCH_LINE(f, ingress, &g, &ti, &to);
        }
    }
    fclose(f);
    return 0;
}
