/* csr_rtl_stim.c - random-stimulus lockstep of rtl/nicrx_csr.v against cmodel/csr.c
 * (tests/t_csr_rtl.sh).  Writes, per cycle, the inputs (stim file) and the model's
 * outputs after that edge (expect file); tests/unit/csr_rtl_tb.v replays the stim file
 * on the RTL and prints the same lines, which must match exactly.
 * usage: csr_rtl_stim SEED NUM_CQ CYCLES STIM EXPECT */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csr.h"

static uint64_t rng;
static uint32_t rnd(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static uint16_t pick_addr(uint32_t ncq)
{
    uint32_t k = rnd() % 12;
    if (k < 2) return (uint16_t)(rnd() & 0xfffu);                    /* anything */
    if (k < 3) return (uint16_t)((rnd() % 2 ? 0x80 : 0) + (rnd() % 8) * 4); /* page 0: general, parser */
    if (k < 6) /* every free ring and the unmapped slot after the last */
        return (uint16_t)(0x100 + (rnd() % (NICRX_NUM_FBR + 1)) * 0x20 + (rnd() % 8) * 4 + (rnd() % 4 == 0 ? 2 : 0));
    if (k < 9) return (uint16_t)(0x200 + (rnd() % (ncq + 1 > 8 ? 8 : ncq + 1)) * 0x20 + (rnd() % 8) * 4);
    if (k == 11) return (uint16_t)(0x600 + (rnd() % 20) * 4);       /* RED, 0x614..0x61c and 0x64c unmapped */
    if (rnd() % 2) return (uint16_t)(0x400 + (rnd() % (NICRX_NUM_COUNTERS + 1)) * 4);
    return (uint16_t)(0x500 + (rnd() % 27) * 4);                      /* flow database, 0x568 unmapped */
}

static uint32_t pick_data(void)
{
    switch (rnd() % 4) {
    case 0: return 0;
    case 1: return rnd() & 0x1f;
    case 2: return 0xffffffffu;
    default: return rnd() ^ (rnd() << 16);
    }
}

int main(int argc, char **argv)
{
    if (argc != 6) { fprintf(stderr, "usage: csr_rtl_stim SEED NUM_CQ CYCLES STIM EXPECT\n"); return 2; }
    rng = strtoull(argv[1], NULL, 0) * 0x9e3779b97f4a7c15ull + 1;
    uint32_t ncq = (uint32_t)atoi(argv[2]);
    long cycles = atol(argv[3]);
    FILE *fs = fopen(argv[4], "w"), *fe = fopen(argv[5], "w");
    if (!fs || !fe) { perror("open"); return 2; }

    nicrx_geom_t g;
    memset(&g, 0, sizeof g);
    g.p.data_width = 64; g.p.pkt_mem_bytes = 16384; g.p.header_bytes = 128; g.p.max_frame = 9018;
    g.p.num_cq = ncq; g.p.fq_depth = 32; g.p.desc_depth = 8; g.p.max_burst = 16;
    g.p.parse_engines = 2; g.p.imem_depth = 64; g.p.flows = 64; g.p.axi_data_width = 128;
    csr_t s;
    csr_init(&s, &g);
    nicrx_in_t in;
    csr_status_t st;
    memset(&in, 0, sizeof in);
    memset(&st, 0, sizeof st);
    csr_in_t ci = { &in, &st };

    for (long c = 0; c < cycles; c++) {
        nicrx_out_t o;
        memset(&o, 0, sizeof o);
        csr_out(&s, NULL, &o);
        /* inputs for this cycle; a mostly protocol-following master */
        in.rst = (c < 2) || (rnd() % 2000 == 0);
        if (!in.s_axil_awvalid || o.s_axil_awready || rnd() % 16 == 0) {
            in.s_axil_awvalid = rnd() % 3 != 0;
            in.s_axil_wvalid = in.s_axil_awvalid ? rnd() % 4 != 0 : rnd() % 4 == 0;
            in.s_axil_awaddr = pick_addr(ncq);
            in.s_axil_wdata = pick_data();
            in.s_axil_wstrb = (uint8_t)(rnd() % 3 ? 0xf : rnd() & 0xf);
        }
        in.s_axil_bready = rnd() % 3 != 0;
        if (!in.s_axil_arvalid || o.s_axil_arready || rnd() % 16 == 0) {
            in.s_axil_arvalid = rnd() % 2;
            in.s_axil_araddr = pick_addr(ncq);
        }
        in.s_axil_rready = rnd() % 3 != 0;
        if (rnd() % 8 == 0) {
            for (int i = 0; i < NICRX_NUM_COUNTERS; i++) st.cnt[i] = rnd() ^ (rnd() << 16);
            for (uint32_t i = 0; i < NICRX_NUM_FBR; i++) { st.fbr_head[i] = (uint16_t)rnd(); st.fbr_err[i] = rnd() & 1; }
            for (uint32_t q = 0; q < ncq; q++) st.cq_tail[q] = (uint16_t)rnd();
            st.idle = rnd() & 1;
            st.parser_bank = rnd() & 1;
            st.parser_swap_pending = rnd() & 1;
            st.red_avg = rnd() & 0xffffffu; st.red_peak = (uint16_t)rnd(); st.red_bad = rnd() & 1;
            st.xfer_cfg_err = rnd() & 0x7f;
        }
        /* the flow block: status, and now and then a READ result loading the window */
        if (rnd() % 8 == 0) {
            st.flow.busy = rnd() & 1; st.flow.fail = rnd() & 1;
            st.flow.idx = (uint8_t)rnd(); st.flow.gen = (uint8_t)rnd(); st.flow.time = rnd();
        }
        st.flow.ctx_load = rnd() % 24 == 0;
        if (st.flow.ctx_load) {
            st.flow.ctx_info = rnd() & 0x3ffffffu; st.flow.ctx_seq = rnd(); st.flow.ctx_ack = rnd();
            st.flow.ctx_opt = rnd(); st.flow.ctx_time = rnd(); st.flow.ctx_count = rnd();
            for (uint32_t i = 0; i < NICRX_FLOW_KEY_BYTES; i++) st.flow.ctx_key[i] = (uint8_t)rnd();
        }
        fprintf(fs, "%x %x %x %x %x %x %x %x %x %x %x", in.rst, in.s_axil_awaddr, in.s_axil_awvalid,
                in.s_axil_wdata, in.s_axil_wstrb, in.s_axil_wvalid, in.s_axil_bready, in.s_axil_araddr,
                in.s_axil_arvalid, in.s_axil_rready, st.idle);
        fprintf(fs, " %x %x", st.parser_bank, st.parser_swap_pending);
        for (int i = 0; i < NICRX_NUM_COUNTERS; i++) fprintf(fs, " %x", st.cnt[i]);
        for (uint32_t i = 0; i < NICRX_NUM_FBR; i++) fprintf(fs, " %x %x", st.fbr_head[i], st.fbr_err[i]);
        for (uint32_t q = 0; q < ncq; q++) fprintf(fs, " %x", st.cq_tail[q]);
        fprintf(fs, " %x %x %x %x %x %x %x %x %x %x %x %x", st.flow.busy, st.flow.fail, st.flow.idx, st.flow.gen,
                st.flow.time, st.flow.ctx_load, st.flow.ctx_info, st.flow.ctx_seq, st.flow.ctx_ack, st.flow.ctx_opt,
                st.flow.ctx_time, st.flow.ctx_count);
        for (uint32_t i = 0; i < NICRX_FLOW_KEY_BYTES; i += 4)
            fprintf(fs, " %x", (uint32_t)st.flow.ctx_key[i] | (uint32_t)st.flow.ctx_key[i + 1] << 8 |
                    (uint32_t)st.flow.ctx_key[i + 2] << 16 | (uint32_t)st.flow.ctx_key[i + 3] << 24);
        fprintf(fs, " %x %x %x %x\n", st.red_avg, st.red_peak, st.red_bad, st.xfer_cfg_err);

        csr_step(&s, &ci);

        csr_cfg_t cfg;
        csr_out(&s, &cfg, &o);
        fprintf(fe, "%ld %x %x %x %x %x %x %08x %x %x %x", c, o.s_axil_awready, o.s_axil_wready, o.s_axil_bvalid,
                o.s_axil_bresp, o.s_axil_arready, o.s_axil_rvalid, o.s_axil_rdata, o.s_axil_rresp,
                cfg.enable, cfg.qsel_log2);
        for (uint32_t i = 0; i < NICRX_NUM_FBR; i++)
            fprintf(fe, " %016llx %x %04x %x %04x", (unsigned long long)cfg.fbr_base[i], cfg.fbr_size_log2[i],
                    cfg.fbr_buf_size[i], cfg.fbr_en[i], cfg.fbr_tail[i]);
        for (uint32_t q = 0; q < ncq; q++)
            fprintf(fe, " %016llx %x %x %x %04x", (unsigned long long)cfg.cq_base[q], cfg.cq_size_log2[q],
                    cfg.cq_en[q], cfg.cq_irq_en[q], cfg.cq_head[q]);
        /* RED before the parser's columns: t_csr_rtl counts those from the line's end */
        uint64_t red_p = 0;
        for (int i = 3; i >= 0; i--) red_p = red_p << 9 | cfg.red_p[i];
        fprintf(fe, " %x %x %x %04x %04x %04x %08x %04x%04x%04x%04x %09llx %x", cfg.red_mode, cfg.red_wlog,
                cfg.red_maxp, cfg.red_min, cfg.red_max, cfg.red_exempt, cfg.red_seed, cfg.red_th[3], cfg.red_th[2],
                cfg.red_th[1], cfg.red_th[0], (unsigned long long)red_p, cfg.red_peak_clr);
        fprintf(fe, " %02x %x %x %02x %08x%08x%08x%08x", cfg.step_limit, cfg.swap, cfg.imem_we, cfg.imem_addr,
                cfg.imem_data[3], cfg.imem_data[2], cfg.imem_data[1], cfg.imem_data[0]);
        fprintf(fe, " %x %04x %04x %08x %x %02x %08x %08x %08x %08x ", cfg.flow_ctrl, cfg.flow_thresh, cfg.flow_tick,
                cfg.flow_age, cfg.flow_cmd, cfg.flow_sel, cfg.ctx_info, cfg.ctx_seq, cfg.ctx_ack, cfg.ctx_opt);
        for (uint32_t i = NICRX_FLOW_KEY_BYTES; i-- > 0;) fprintf(fe, "%02x", cfg.ctx_key[i]);
        fprintf(fe, "\n");
    }
    fclose(fs);
    fclose(fe);
    return 0;
}
