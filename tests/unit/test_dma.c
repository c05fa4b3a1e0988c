/* test_dma.c - unit test of the DMA's C twin (cmodel/dma.c) with the scenario
 * driver of tests/blocks/dma_scenario.h: a fake parser and packet memory on one
 * side, an AXI4 slave stub with host memory and a host driver (rings,
 * completion polling, re-posting buffers) on the other.  The same scenarios
 * drive the RTL lockstep check (tests/blocks/nicrx_dma_run.sh). */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "check.h"
#include "dma.h"
#include "../blocks/dma_scenario.h"


/* Completion bits 40..63 but 44 (opcode, trunc, perr, presel, flow, gen): the hook
 * marks every frame-queue entry (fq_mem and, beside it, flm_mem and ctl_mem) as it
 * is pushed with values derived from its length and checks them in each record
 * the DMA builds (the scenario's flow block gives them all 0). */
typedef struct bits_chk {
    tb_t *t;
    uint32_t fq_wr, recs, bad;
    uint8_t rh_full;
} bits_chk_t;

static uint32_t len_bits(uint32_t len) { return (len * 2654435761u) >> 29; }
static uint32_t len_flow(uint32_t len) { return (len * 40503u) & 0xffffu; }
static uint32_t len_op(uint32_t len) { return (len * 7u) % NICRX_NUM_OPCODES; }

static void bits_hook(void *ctx, const ds_edge_t *e)
{
    bits_chk_t *b = ctx;
    dma_t *d = &b->t->d;

    (void)e;
    if (d->fq_wr != b->fq_wr) {
        dma_fq_ent_t *f = &d->fq_mem[(d->fq_wr - 1) & (d->fq_depth - 1)];
        uint32_t v = len_bits(f->len);
        f->trunc = v & 1; f->perr = v >> 1 & 1; f->presel = v >> 2 & 1;
        d->flm_mem[(d->fq_wr - 1) & (d->fq_depth - 1)] = (uint16_t)len_flow(f->len);
        d->ctl_mem[(d->fq_wr - 1) & (d->fq_depth - 1)] = (uint8_t)len_op(f->len);
        b->fq_wr = d->fq_wr;
    }
    if (d->cw.rh_full && !b->rh_full && !(d->cw.rh_w2 >> NICRX_C2_ERR_BIT & 1)) {
        b->recs++;
        /* the frame's length: the first part's and a split frame's data part's */
        uint32_t len = ((uint32_t)d->cw.rh_w0 & 0xffff) + ((uint32_t)d->cw.rh_w2 & 0xffff);
        if (NICRX_FIELD(d->cw.rh_w0, NICRX_C0_TRUNC_BIT, 3) != len_bits(len) ||
            NICRX_FIELD(d->cw.rh_w0, NICRX_C0_FLOW_SHIFT, 16) != len_flow(len) ||
            NICRX_FIELD(d->cw.rh_w0, NICRX_C0_OPCODE_SHIFT, 4) != len_op(len) || NICRX_FIELD(d->cw.rh_w0, NICRX_C0_MORE_BIT, 1))
            b->bad++;
    }
    b->rh_full = d->cw.rh_full;
}

int main(void)
{
    static tb_t t;
    /* each DATA_WIDTH with the host bus twice as wide (the default) and as wide */
    for (uint32_t k = 0; k < 4; k++) {
        uint32_t dw = k < 2 ? 32 : 64, adw = k % 2 ? dw : 2 * dw;
        char dt[16];
        snprintf(dt, sizeof dt, adw == 2 * dw ? "dw%u" : "dw%u_axi%u", dw, adw);
        for (uint32_t pass = 0; pass < 6; pass += pass == 2 ? 2 : 1) { /* 3 and 6: the lockstep check's only */
            cfgt_t c = ds_scenario(dw, pass);
            c.adw = adw;
            /* a completion record is one burst: 8 beats at AXI_DATA_WIDTH 32 */
            if (c.max_burst * adw < 8 * NICRX_CMPL_BYTES) c.max_burst = 8 * NICRX_CMPL_BYTES / adw;
            run(&t, &c, ds_seed(dw, pass), NULL, NULL);
            uint32_t nofit = 0, nocq = 0, deliv = 0, bad_drop = 0;
            for (uint32_t i = 0; i < t.nin; i++) {
                frame_t *f = &t.f[i];
                /* a split frame needs a data buffer for the bytes after its header part only */
                uint32_t dl = f->len - (f->split ? f->hdr_len : 0u);
                int fit = (f->split && !dl) || (c.fbr_en & 1 && dl <= c.buf_size[0]) || (c.fbr_en & 2 && dl <= c.buf_size[1]);
                uint32_t exp = !fit ? NICRX_REASON_NO_FIT : !(c.cq_en >> scen_queue(f->hash, c.qsel) & 1) ? NICRX_REASON_NO_CQ : 0;
                if (exp) { if (!f->dropped || f->reason != exp) bad_drop++; if (exp == NICRX_REASON_NO_FIT) nofit++; else nocq++; }
                else { if (!f->delivered) bad_drop++; deliv++; }
            }
            const char *tag = ds_tag(pass);
            CHECK(t.nin == c.nframes, "dma_%s_%s_all_frames_in (%u)", dt, tag, t.nin);
            CHECK(bad_drop == 0 && t.got_ok == deliv, "dma_%s_%s_deliver_drop (%u delivered %u no_fit %u no_cq)", dt, tag, deliv, nofit, nocq);
            CHECK(t.d.cnt_no_fit == nofit && t.d.cnt_no_cq == nocq && t.d.cw.cnt_delivered == deliv, "dma_%s_%s_counters", dt, tag);
            CHECK(t.d.mv.rel_ptr == t.pm_wr, "dma_%s_%s_rel_ptr_all_released", dt, tag);
            CHECK(t.bad_data == 0, "dma_%s_%s_data", dt, tag);
            CHECK(t.bad_rec == 0 && t.bad_order == 0, "dma_%s_%s_completion_fields", dt, tag);
            CHECK(t.bad_phase == 0, "dma_%s_%s_phase_across_wraps", dt, tag);
            CHECK(t.bad_burst == 0 && t.max_beats <= c.max_burst, "dma_%s_%s_burst_len (max %u)", dt, tag, t.max_beats);
            CHECK(t.cross4k == 0, "dma_%s_%s_no_4k_cross", dt, tag);
            CHECK(t.bad_write == 0, "dma_%s_%s_writes_inside_posted", dt, tag);
            CHECK(t.bad_tail == 0 && t.bad_irq == 0, "dma_%s_%s_tail_irq_after_b", dt, tag);
            /* page mode: pages fill with several entries and go back with their last one */
            if (pass == 5) CHECK(t.pages_released > 0 && t.page_entries > 2 * t.pages_released,
                                 "dma_%s_pages_shared (%u entries, %u pages released)", dt, t.page_entries, t.pages_released);
            if (pass == 2) CHECK(t.got_desc_err > 0 && t.d.cnt_desc_err == t.got_desc_err, "dma_%s_desc_error (%u)", dt, t.got_desc_err);
            CHECK(t.d.cw.cnt_axi_err == 0, "dma_%s_%s_no_axi_error", dt, tag);
        }
        /* no descriptors posted: nothing is written until they are */
        {
            cfgt_t c = { .dw = dw, .adw = adw, .max_burst = 16, .nframes = 10, .rdy_pct = 100, .b_lat_min = 1, .b_lat_max = 3,
                         .r_lat = 3, .gap = 40, .fixed_len = 100, .fbr_en = 1, .cq_en = 1, .qsel = 0, .cq_log2 = 4,
                         .fbr_log2 = 4, .buf_size = {2048, 0}, .post_delay = 3000 };
            run(&t, &c, 99 + dw, NULL, NULL);
            CHECK(t.got_ok == 10 && t.t_first_rec > 3000, "dma_%s_waits_for_descriptors (first record at %llu)", dt, (unsigned long long)t.t_first_rec);
        }
        /* an empty header ring: split frames (at random header lengths) wait, and the frames
         * behind them, until header buffers come; then every one is delivered, byte-exact */
        {
            cfgt_t c = { .dw = dw, .adw = adw, .max_burst = 16, .nframes = 10, .rdy_pct = 100, .b_lat_min = 1, .b_lat_max = 3,
                         .r_lat = 3, .gap = 40, .fixed_len = 100, .fbr_en = 5, .cq_en = 1, .qsel = 0, .cq_log2 = 4,
                         .fbr_log2 = 4, .buf_size = {2048, 0, 256}, .split_pct = 100, .hdr_post_delay = 3000 };
            run(&t, &c, 98 + dw, NULL, NULL);
            CHECK(t.got_ok == 10 && t.t_first_rec > 3000 && t.bad_data == 0 && t.bad_rec == 0 && t.bad_write == 0,
                  "dma_%s_split_waits_for_header_buffers (first record at %llu)", dt, (unsigned long long)t.t_first_rec);
        }
        /* the same with XFER_BUF_WAIT 300: each split frame at the head waits 300 cycles and
         * more, then goes no_buf, counted for the header ring; the whole frames behind it are
         * delivered meanwhile; every frame delivered or dropped, never both */
        {
            cfgt_t c = { .dw = dw, .adw = adw, .max_burst = 16, .nframes = 40, .rdy_pct = 100, .b_lat_min = 1, .b_lat_max = 3,
                         .r_lat = 3, .gap = 40, .fixed_len = 100, .fbr_en = 5, .cq_en = 1, .qsel = 0, .cq_log2 = 4,
                         .fbr_log2 = 4, .buf_size = {2048, 0, 256}, .split_pct = 50, .hdr_post_delay = 100000,
                         .buf_wait = 300, .max_cycles = 30000 };
            run(&t, &c, 97 + dw, NULL, NULL);
            uint32_t nobuf = 0, split = 0, both = 0, neither = 0, after = 0, first_nobuf = UINT32_MAX;
            for (uint32_t i = 0; i < t.nin; i++) {
                const frame_t *f = &t.f[i];
                both += f->delivered && f->dropped;
                neither += !f->delivered && !f->dropped;
                split += f->split;
                if (f->dropped && f->reason == NICRX_REASON_NO_BUF && f->split) {
                    nobuf++;
                    if (first_nobuf == UINT32_MAX) first_nobuf = i;
                }
            }
            for (uint32_t i = 0; i < t.nin; i++) after += t.f[i].delivered && i > first_nobuf;
            CHECK(t.nin == c.nframes && both == 0 && neither == 0 && nobuf == split && t.got_ok == c.nframes - split
                  && t.d.cnt_no_buf[NICRX_HDR_RING] == nobuf && !t.d.cnt_no_buf[0] && !t.d.cnt_no_buf[1]
                  && t.d.cw.cnt_delivered == t.got_ok && t.d.mv.rel_ptr == t.pm_wr && t.bad_data == 0 && t.bad_write == 0,
                  "dma_%s_empty_header_ring_drops_no_buf (%u split frames dropped no_buf, %u whole delivered)", dt, nobuf,
                  t.got_ok);
            /* frame i starts arriving at cycle 20 + 20 i and reaches the queue head within 100
             * cycles (the bound is counted from there) */
            CHECK(nobuf > 0 && after > 0 && t.t_first_nobuf >= 20 + 20ull * first_nobuf + c.buf_wait
                  && t.t_first_nobuf < 20 + 20ull * first_nobuf + c.buf_wait + 100,
                  "dma_%s_no_buf_after_the_bound (first at cycle %llu, bound %u; %u delivered behind)", dt,
                  (unsigned long long)t.t_first_nobuf, c.buf_wait, after);
        }
        /* performance: 64-byte frames, host always ready */
        {
            cfgt_t c = { .dw = dw, .adw = adw, .max_burst = 16, .nframes = 2000, .rdy_pct = 100, .b_lat_min = 1, .b_lat_max = 3,
                         .r_lat = 4, .gap = dw == 64 ? 21 : 40, .fixed_len = 64, .fbr_en = 1, .cq_en = 1, .qsel = 0,
                         .cq_log2 = 10, .fbr_log2 = 5, .buf_size = {2048, 0} };
            run(&t, &c, 7 + dw, NULL, NULL);
            double cpf = (double)(t.t_last_rec - t.t_first_rec) / (t.got_records - 1);
            /* the pace offered, or with the host bus as wide as the stream the W beats of a frame
             * and its 32-byte record (line rate needs AXI_DATA_WIDTH = 2 x DATA_WIDTH) */
            double w_beats = (64.0 + NICRX_CMPL_BYTES) / (adw / 8), pace = c.gap / 2.0;
            double want = adw == dw && w_beats > pace ? w_beats : pace;
            printf("# %s 64-byte frames offered every %.1f cycles: %.2f cycles per frame delivered\n", dt, pace, cpf);
            CHECK(t.got_ok == c.nframes && cpf <= want + 0.01, "dma_%s_perf_64B (%.2f cycles/frame, bound %.1f)", dt, cpf, want);
            c.gap = 2; /* saturate: as fast as packet memory and the frame queue allow */
            run(&t, &c, 8 + dw, NULL, NULL);
            cpf = (double)(t.t_last_rec - t.t_first_rec) / (t.got_records - 1);
            /* the slowest of the packet-memory reads (a word a cycle), the W beats (data and
             * record) and the issue loop: the record holder takes a frame's record once the
             * record before it is in W, so the frame after next is taken 17 cycles after a
             * frame's first read is decided (the reader's 4 cycles to W among them), 8.5 a
             * frame; the 16-word prefetch FIFO has room for the words read while W carries a
             * record, so the reader never waits for it */
            double words = 64.0 / (dw / 8), loop = 8.5;
            double beats = (64.0 + NICRX_CMPL_BYTES) / (adw / 8), bound = words > beats ? words : beats;
            if (loop > bound) bound = loop;
            printf("# %s 64-byte frames saturated: %.2f cycles per frame (%.0f words read, %.0f W beats per frame)\n",
                   dt, cpf, words, beats);
            CHECK(t.got_ok == c.nframes && cpf <= bound + 0.05, "dma_%s_perf_saturated_w_back_to_back (%.2f)", dt, cpf);
            /* re-assembly on, every frame a CONT of one flow: each head waits for the
             * re-assembly table's answer (four edges after the head changed) before IS_IDLE
             * decides it; still under the wire's (64 + 20) / BPB cycles a frame where the
             * bus is twice as wide as the stream, and under the W beats where it is as wide */
            c.reasm = 1; c.reasm_op = NICRX_OP_CONT;
            run(&t, &c, 8 + dw, NULL, NULL);
            double cpf_ra = (double)(t.t_last_rec - t.t_first_rec) / (t.got_records - 1);
            double wire = (64.0 + 20.0) / (dw / 8);
            printf("# %s 64-byte CONT frames saturated, re-assembly on: %.2f cycles per frame (%.2f off), %u of %u frames\n", dt, cpf_ra, cpf, t.got_ok, c.nframes);
            CHECK(t.got_ok == c.nframes && cpf_ra >= cpf - 0.05 && cpf_ra <= (adw == dw ? beats : wire) + 0.05,
                  "dma_%s_perf_saturated_reasm_head_wait (%.2f, off %.2f)", dt, cpf_ra, cpf);
        }
    }
    /* completion bits 40..63 */
    {
        bits_chk_t b = { &t, 0, 0, 0, 0 };
        cfgt_t c = ds_scenario(64, 0);
        run(&t, &c, 4242, bits_hook, &b);
        CHECK(b.recs > 100 && b.bad == 0, "dma_completion_opcode_trunc_perr_presel_flow_gen_bits (%u records)", b.recs);
    }
    free(t.mem);
    return 0;
}
