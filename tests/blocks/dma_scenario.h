/* dma_scenario.h - the transfer engine's scenario driver, shared by the unit test of
 * the DMA's C twin (tests/unit/test_dma.c) and the block-level lockstep generator
 * (tests/blocks/nicrx_dma_gen.c).  The engine is nicrx_dma with nicrx_desc_fetch and nicrx_irq,
 * wired as nicrx_top wires them (xe_step): a fake flow block and packet memory on one side,
 * an AXI4 slave stub with host memory and a host driver (rings, completion
 * polling, re-posting buffers) on the other.  run() calls an optional hook
 * after every edge with that edge's inputs and the model's outputs.
 * Deterministic: everything random comes from the seed given to run(). */
#ifndef NICRX_DMA_SCENARIO_H
#define NICRX_DMA_SCENARIO_H

#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "dma.h"
#include "desc_fetch.h"
#include "irq.h"

#define MEM_BYTES   (4u << 20)
#define NBUF        32u
#define MAXF        4096u
#define QMAX        64u

/* The scenario's queue of a frame (upstream, nicrx_rss chooses it; the DMA takes it from
 * the stream): the hash's four bytes XORed, modulo 2^qsel. */
static inline uint32_t scen_queue(uint32_t h, uint32_t qsel)
{
    return (h >> 24 ^ h >> 16 ^ h >> 8 ^ h) & 0xff & ((1u << qsel) - 1);
}

typedef struct cfgt {
    uint32_t dw, adw, max_burst, nframes; /* adw: AXI_DATA_WIDTH (0: 2 x dw, the RTL's default) */
    uint32_t rdy_pct;          /* awready/wready/arready probability (%) */
    uint32_t b_lat_min, b_lat_max, r_lat;
    uint32_t gap;              /* cycles between frame arrivals (x2: in half cycles) */
    uint32_t fixed_len;        /* 0: random */
    uint32_t fbr_en, cq_en, qsel, cq_log2, fbr_log2;
    uint16_t buf_size[3];      /* rings 0, 1 and the header ring */
    uint32_t split_pct;        /* frames split (a random header part into ring 2), percent */
    uint32_t misalign_every;   /* every Nth posted descriptor of ring 0 misaligned (0 never) */
    uint32_t post_delay;       /* cycles before the host posts any descriptor */
    uint32_t hdr_post_delay;   /* cycles before it posts the header ring's (0: with the others) */
    uint32_t buf_wait;         /* XFER_BUF_WAIT: cycles the head waits for a descriptor (0: forever) */
    uint32_t bresp_err_at;     /* B number that returns SLVERR (0 none) */
    /* only the lockstep scenarios use these (0: off; they draw no random numbers then) */
    uint32_t bresp_err_every;  /* a B returns SLVERR with probability 1/N */
    uint32_t rresp_err_every;  /* an R beat returns SLVERR with probability 1/N (the host then resets) */
    uint32_t rst_every;        /* a 1..4-cycle reset starts with probability 1/N per cycle */
    uint32_t rand_hv;          /* random l3, l4, frag, l3_off, l4_off */
    uint32_t page_en;          /* XFER_PAGE.en: rings in page mode (4 KB pages, 64-byte entries) */
    uint32_t reasm;            /* REASM_CTRL.en: heads that can touch a run wait for the re-assembly table */
    uint32_t reasm_op;         /* not 0: every frame has this operation code, of flow 1 */
    uint32_t reasm_mix;        /* TCP frames of four flows with every operation code, ring 3's pages
                                * (posted from cycle 1500 on: opens find none before), a flush at the end */
    uint32_t reasm_strip;      /* REASM_CTRL.strip: appended frames go with no header buffer and no record */
    uint32_t max_cycles;       /* 0: 200000 + 400 per frame */
} cfgt_t;

/* one edge: its inputs (the flow block's stream, the packet memory's read register, the
 * configuration, the top's) and the model's outputs after it */
typedef struct ds_edge {
    const dma_in_t *in;
    const dma_out_t *o;
} ds_edge_t;
typedef void (*ds_hook_fn)(void *ctx, const ds_edge_t *e);

typedef struct frame { uint16_t len; uint16_t hdr_len; uint8_t split; uint32_t hash; uint8_t vlan_cnt; uint16_t vid; uint16_t flow; uint8_t opcode; int delivered; int dropped; uint32_t reason; uint32_t ack; uint16_t win; } frame_t;

#define RA NICRX_REASM_RING
#define RA_PAGE (1u << 16)  /* ring 3's pages: REASM_CTRL.page_log2 16 */

typedef struct aw_ent { uint64_t addr; uint32_t len; } aw_ent_t;

typedef struct tb {
    cfgt_t c;
    nicrx_geom_t g;
    dma_t d;
    desc_fetch_t df;
    irq_t irq;
    csr_cfg_t cfg;
    uint8_t *mem;
    uint64_t *pm;
    uint64_t pm_rd_data;
    uint32_t pm_wr;          /* with wrap bit */
    frame_t f[MAXF];
    nicrx_hv_t hv[MAXF];
    uint32_t nin, pops;
    /* AXI stub */
    aw_ent_t aw[256]; uint32_t aw_n, aw_done;
    uint64_t wbeat[8192][2]; uint16_t wstrb[8192]; uint32_t wb_n, wb_used; /* W beats of the current run */
    uint32_t wburst_beats[256]; uint32_t wburst_n;  /* W bursts closed by wlast (beats) */
    uint32_t cur_wbeats;
    uint64_t bq_t[256]; uint8_t bq_err[256]; uint32_t bq_w, bq_r, b_count;
    uint64_t r_addr; uint32_t r_left, r_beat; uint64_t r_t; int r_active;
    /* host */
    uint64_t buf_addr[NICRX_NUM_FBR][NBUF]; uint8_t owned[NICRX_NUM_FBR][NBUF]; uint32_t post_n[NICRX_NUM_FBR];
    uint16_t fbr_tail[NICRX_NUM_FBR];
    uint16_t cq_head[QMAX];
    uint32_t buf_frame[NICRX_NUM_FBR][NBUF]; /* from DELIVER events (a split frame: both its buffers) */
    /* re-assembly (reasm_mix): each page's run so far (bytes, frames), runs closed, frames
     * merged, the flush at the end */
    uint32_t mlen[NBUF], mseg[NBUF], runs, merged;
    uint32_t mack[NBUF];     /* a page's last merged frame's ACK number and window: its run record's */
    uint16_t mwin[NBUF];
    /* header stripping: each page's stripped frames (no record) in order, checked with its run
     * record; the header ring's descriptors taken and the records naming one (equal: a
     * stripped frame takes none) */
    uint32_t sf[NBUF][256], sf_n[NBUF], stripped, hdr_pops, hdr_recs;
    /* each page's bytes written since it was posted (a byte twice, or one outside the run's
     * bytes, is a bad write), and the merged data parts' destination offsets and lengths
     * seen, mod the bus's bytes (bit k: k) */
    uint8_t  ra_wr[NBUF][RA_PAGE / 8];
    uint32_t ra_cov_off, ra_cov_len;
    uint64_t flush_at;
    uint32_t deliver_ev, drop_ev, rec_b_seen[QMAX];
    /* results */
    uint32_t bad_data, bad_rec, bad_write, bad_burst, bad_strb, bad_phase, bad_tail, bad_irq, bad_order;
    uint32_t got_desc_err, got_records, got_ok, max_beats, cross4k;
    uint64_t cyc, t_first_rec, t_last_rec, t_first_nobuf;
    uint32_t writes_total;
    uint64_t rng;
    /* resets and ring restarts (rst_every, rresp_err_every) */
    uint32_t rst_left, resets, posted, hposted, ring_off[3], ring_restarts;
    uint64_t err_reset_at;
    /* page mode: the frames of each queue's records in order (from DELIVER events; several
     * frames share a page, so the buffer does not name the frame), pages released */
    uint32_t qf[QMAX][64], qf_w[QMAX], qf_r[QMAX], pages_released, page_entries;
} tb_t;

#define PAGE_LOG2  12u
#define PAGE_ALIGN 6u

static uint32_t rnd(tb_t *t)
{
    t->rng ^= t->rng << 13; t->rng ^= t->rng >> 7; t->rng ^= t->rng << 17;
    return (uint32_t)(t->rng >> 11);
}

static uint8_t fbyte(uint32_t f, uint32_t i) { return (uint8_t)(f * 131u + i * 7u + (i >> 8)); }

static void on_ev(void *ctx, const nicrx_event_t *e)
{
    tb_t *t = ctx;
    if (e->kind == NICRX_EV_DELIVER && e->strip) {
        /* no record: its page's run record checks it */
        frame_t *f = &t->f[e->frame];
        t->deliver_ev++;
        f->delivered = 1;
        if (!t->c.reasm_strip || e->dring != RA || e->dbuf_id >= NBUF || !f->split || e->len ||
            e->dlen != (uint32_t)(f->len - f->hdr_len) || t->sf_n[e->dbuf_id] >= 256)
            t->bad_order++;
        else
            t->sf[e->dbuf_id][t->sf_n[e->dbuf_id]++] = (uint32_t)e->frame;
    } else if (e->kind == NICRX_EV_DELIVER) {
        t->deliver_ev++;
        if (e->buf_id < NBUF) t->buf_frame[e->ring][e->buf_id] = (uint32_t)e->frame;
        if (e->dlen && e->dbuf_id < NBUF && e->dring != RA) t->buf_frame[e->dring][e->dbuf_id] = (uint32_t)e->frame;
        t->f[e->frame].delivered = 1;
        if (e->queue < QMAX) t->qf[e->queue][t->qf_w[e->queue]++ & 63] = (uint32_t)e->frame;
        if (e->len + e->dlen != t->f[e->frame].len || e->split != t->f[e->frame].split) t->bad_order++;
    } else if (e->kind == NICRX_EV_DROP) {
        t->drop_ev++;
        t->f[e->frame].dropped = 1;
        t->f[e->frame].reason = e->reason;
        if (e->reason == NICRX_REASON_NO_BUF && !t->t_first_nobuf) t->t_first_nobuf = e->cycle;
    }
}

static void wr64(uint8_t *m, uint64_t a, uint64_t v) { for (int i = 0; i < 8; i++) m[a + i] = (uint8_t)(v >> (8 * i)); }
static uint64_t rd64(const uint8_t *m, uint64_t a) { uint64_t v = 0; for (int i = 0; i < 8; i++) v |= (uint64_t)m[a + i] << (8 * i); return v; }

static void post(tb_t *t, uint32_t r, uint32_t b)
{
    uint32_t mask = (1u << t->c.fbr_log2) - 1;
    uint64_t a = t->cfg.fbr_base[r] + 16u * (t->fbr_tail[r] & mask);
    uint64_t ba = t->buf_addr[r][b];
    t->post_n[r]++;
    if (r != 1 && t->c.misalign_every && t->post_n[r] % t->c.misalign_every == 0) ba |= 4;
    wr64(t->mem, a, ba);
    wr64(t->mem, a + 8, b);
    t->owned[r][b] = 1;
    t->fbr_tail[r]++;
    if (r == RA) memset(t->ra_wr[b], 0, sizeof t->ra_wr[b]);
}

/* is [a, a+n) inside an owned buffer or a CQ */
static int write_ok(tb_t *t, uint64_t a)
{
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        for (uint32_t b = 0; b < NBUF; b++)
            if (t->owned[r][b] && a >= (t->buf_addr[r][b] & ~7ull)
                && a < t->buf_addr[r][b] + (r == RA ? RA_PAGE : t->c.page_en >> r & 1 ? 1u << PAGE_LOG2 : t->c.buf_size[r])) return 1;
    for (uint32_t q = 0; q < t->g.p.num_cq; q++)
        if (a >= t->cfg.cq_base[q] && a < t->cfg.cq_base[q] + (NICRX_CMPL_BYTES << t->c.cq_log2)) return 1;
    return 0;
}

static void retire_writes(tb_t *t)
{
    /* a burst is complete when its AW and its W beats (closed by wlast) are both in */
    while (t->aw_done < t->aw_n && t->aw_done < t->wburst_n) {
        aw_ent_t *aw = &t->aw[t->aw_done & 255];
        uint32_t nb = t->wburst_beats[t->aw_done & 255];
        uint32_t bpb = t->g.p.axi_data_width / 8;
        uint64_t a0 = aw->addr & ~(uint64_t)(bpb - 1); /* beats are aligned; the address need not be */
        if (nb != aw->len + 1) t->bad_burst++;
        if (nb > t->c.max_burst) t->bad_burst++;
        if (nb > t->max_beats) t->max_beats = nb;
        if ((a0 >> 12) != ((a0 + (uint64_t)nb * bpb - 1) >> 12)) t->cross4k++;
        for (uint32_t k = 0; k < nb; k++) {
            const uint64_t *v = t->wbeat[t->wb_used % 8192];
            uint16_t s = t->wstrb[t->wb_used % 8192];
            t->wb_used++;
            for (uint32_t i = 0; i < bpb; i++) {
                if (!(s >> i & 1)) continue;
                uint64_t a = a0 + (uint64_t)k * bpb + i;
                if (a < aw->addr || a >= MEM_BYTES || !write_ok(t, a)) { t->bad_write++; continue; }
                if (a >= t->buf_addr[RA][0] && a < t->buf_addr[RA][0] + (uint64_t)NBUF * RA_PAGE) {
                    /* a run's page: each byte once */
                    uint32_t pb = (uint32_t)((a - t->buf_addr[RA][0]) / RA_PAGE), po = (uint32_t)(a - t->buf_addr[RA][pb]);
                    if (t->ra_wr[pb][po / 8] >> (po % 8) & 1) t->bad_write++;
                    t->ra_wr[pb][po / 8] |= (uint8_t)(1u << (po % 8));
                }
                t->mem[a] = (uint8_t)(v[i / 8] >> (8 * (i % 8)));
                t->writes_total++;
            }
        }
        uint32_t lat = t->c.b_lat_min + (t->c.b_lat_max > t->c.b_lat_min ? rnd(t) % (t->c.b_lat_max - t->c.b_lat_min + 1) : 0);
        t->bq_t[t->bq_w & 255] = t->cyc + lat;
        t->bq_err[t->bq_w & 255] = 0;
        t->bq_w++;
        t->aw_done++;
    }
}

/* host: consume completions up to the visible tail */
static void host_poll(tb_t *t, const dma_out_t *o)
{
    for (uint32_t q = 0; q < t->g.p.num_cq; q++) {
        if (!t->cfg.cq_en[q]) continue;
        while (t->cq_head[q] != o->st.cq_tail[q]) {
            uint32_t mask = (1u << t->c.cq_log2) - 1;
            uint64_t a = t->cfg.cq_base[q] + NICRX_CMPL_BYTES * (t->cq_head[q] & mask);
            struct nicrx_cmpl cm = { rd64(t->mem, a), rd64(t->mem, a + 8), rd64(t->mem, a + 16), rd64(t->mem, a + 24) };
            uint32_t exp_phase = ((t->cq_head[q] >> t->c.cq_log2) & 1) ^ 1;
            if (nicrx_cmpl_phase(&cm) != exp_phase) t->bad_phase++;
            uint32_t r = nicrx_cmpl_ring(&cm), b = nicrx_cmpl_bufid(&cm);
            t->got_records++;
            if (t->got_records == 1) t->t_first_rec = t->cyc;
            t->t_last_rec = t->cyc;
            if (r > RA || b >= NBUF || !t->owned[r][b]) { t->bad_rec++; t->cq_head[q]++; continue; }
            if (nicrx_cmpl_run(&cm)) {
                /* the frames stripped into its page since its first (no record): each right
                 * after the run's bytes, equal to the frame's data part */
                for (uint32_t k = 0; r == RA && k < t->sf_n[b]; k++) {
                    const uint32_t fi = t->sf[b][k], h = t->f[fi].hdr_len, dl = t->f[fi].len - h;
                    const uint32_t doff = t->mlen[b];
                    if (doff + dl > RA_PAGE) { t->bad_rec++; break; }
                    for (uint32_t i = 0; i < dl; i++)
                        if (t->mem[t->buf_addr[RA][b] + doff + i] != fbyte(fi, h + i)) { t->bad_data++; break; }
                    t->mlen[b] += dl;
                    t->mseg[b]++;
                    t->mack[b] = t->f[fi].ack;
                    t->mwin[b] = t->f[fi].win;
                    t->merged++;
                    t->stripped++;
                    t->ra_cov_off |= 1u << (doff % (t->g.p.axi_data_width / 8));
                    t->ra_cov_len |= 1u << (dl % (t->g.p.axi_data_width / 8));
                }
                if (r == RA) t->sf_n[b] = 0;
                /* a run record (one CQ: it follows its merged frames' records): their bytes and
                 * count; the page goes back */
                if (r != RA || nicrx_cmpl_run_len(&cm) != t->mlen[b] || nicrx_cmpl_run_segs(&cm) != t->mseg[b] ||
                    !t->mseg[b] || !nicrx_cmpl_rel(&cm) || nicrx_cmpl_cnt(&cm) != t->mseg[b] ||
                    nicrx_cmpl_run_ack(&cm) != t->mack[b] || nicrx_cmpl_run_win(&cm) != t->mwin[b])
                    t->bad_rec++;
                /* the page's bytes written: exactly the run's [0, mlen) */
                for (uint32_t i = 0; r == RA && i < RA_PAGE; i++)
                    if ((t->ra_wr[b][i / 8] >> (i % 8) & 1) != (i < t->mlen[b])) { t->bad_write++; break; }
                t->runs++;
                t->mlen[b] = t->mseg[b] = 0;
                t->owned[r][b] = 0;
                t->cq_head[q]++;
                if (t->rec_b_seen[q] < t->cq_head[q]) t->bad_tail++;
                post(t, r, b);
                continue;
            }
            t->hdr_recs += r == NICRX_HDR_RING;
            if (nicrx_cmpl_err(&cm)) {
                t->got_desc_err++;
                if (nicrx_cmpl_len(&cm) != 0) t->bad_rec++;
            } else {
                uint32_t fi = t->c.page_en ? t->qf[q][t->qf_r[q]++ & 63] : t->buf_frame[r][b];
                frame_t *f = &t->f[fi];
                /* each part's place in its page (0 and released in a ring not in page mode) */
                uint32_t off = (uint32_t)NICRX_FIELD(cm.w3, NICRX_C3_OFF_SHIFT, 16);
                uint32_t doff = (uint32_t)NICRX_FIELD(cm.w3, NICRX_C3_DOFF_SHIFT, 16);
                int rel = (int)NICRX_FIELD(cm.w3, NICRX_C3_REL_BIT, 1), drel = (int)NICRX_FIELD(cm.w3, NICRX_C3_DREL_BIT, 1);
                uint32_t fold = scen_queue(f->hash, t->c.qsel);
                t->got_ok++;
                /* the first part: a split frame's header part (in a header buffer), else the whole
                 * frame; word 2: a split frame's data part, in a data buffer from its first byte */
                uint32_t h = f->split ? f->hdr_len : f->len, dl = f->len - h, fitlen = f->split ? dl : f->len;
                uint32_t dr = nicrx_cmpl_dring(&cm), db = nicrx_cmpl_dbufid(&cm);
                if (nicrx_cmpl_len(&cm) != h || fold != q) t->bad_rec++;
                if (nicrx_cmpl_split(&cm) != f->split || nicrx_cmpl_dlen(&cm) != dl) t->bad_rec++;
                if (NICRX_FIELD(cm.w1, NICRX_C1_HASH_SHIFT, 32) != f->hash) t->bad_rec++;
                if (NICRX_FIELD(cm.w0, NICRX_C0_VLAN_BIT, 1) != (f->vlan_cnt != 0)) t->bad_rec++;
                /* the batching hint's two forms agree (the harness checks the count itself); 59:52 reserved */
                if (nicrx_cmpl_more(&cm) != (nicrx_cmpl_more_cnt(&cm) != 0) || NICRX_FIELD(cm.w1, 52, 8) != 0) t->bad_rec++;
                if (NICRX_FIELD(cm.w0, NICRX_C0_L3_SHIFT, 2) != t->hv[fi].l3) t->bad_rec++;
                if (NICRX_FIELD(cm.w1, NICRX_C1_L3OFF_SHIFT, 8) != t->hv[fi].l3_off) t->bad_rec++;
                if (NICRX_FIELD(cm.w0, NICRX_C0_TRUNC_BIT, 1) != t->hv[fi].truncated ||
                    NICRX_FIELD(cm.w0, NICRX_C0_PERR_BIT, 1) != t->hv[fi].perr ||
                    NICRX_FIELD(cm.w0, NICRX_C0_PRESEL_BIT, 1) != ((t->hv[fi].cls >> NICRX_CLS_PRESEL) & 1u))
                    t->bad_rec++;
                if (NICRX_FIELD(cm.w0, NICRX_C0_OPCODE_SHIFT, 4) != f->opcode ||
                    NICRX_FIELD(cm.w0, NICRX_C0_FLOW_SHIFT, 16) != f->flow) t->bad_rec++;
                uint32_t ring_exp = (t->cfg.fbr_en[0] && t->c.buf_size[0] >= fitlen) ? 0 : 1;
                if (r != (f->split ? NICRX_HDR_RING : ring_exp)) t->bad_rec++;
                if (!(t->c.page_en >> r & 1) && (off || !rel)) t->bad_rec++;
                if (off % (1u << PAGE_ALIGN) && t->c.page_en >> r & 1) t->bad_rec++;
                t->page_entries += t->c.page_en >> r & 1;
                for (uint32_t i = 0; i < h; i++)
                    if (t->mem[t->buf_addr[r][b] + off + i] != fbyte(fi, i)) { t->bad_data++; break; }
                if (dl && dr == RA) {
                    /* merged into its flow's run: right after the run's bytes, no release */
                    if (db >= NBUF || !t->owned[RA][db] || !nicrx_cmpl_merged(&cm) || doff != t->mlen[db] || drel ||
                        nicrx_cmpl_dcnt(&cm) || doff + dl > RA_PAGE)
                        t->bad_rec++;
                    else
                        for (uint32_t i = 0; i < dl; i++)
                            if (t->mem[t->buf_addr[RA][db] + doff + i] != fbyte(fi, h + i)) { t->bad_data++; break; }
                    if (db < NBUF) { t->mlen[db] += dl; t->mseg[db]++; t->mack[db] = f->ack; t->mwin[db] = f->win; }
                    t->merged++;
                    t->ra_cov_off |= 1u << (doff % (t->g.p.axi_data_width / 8));
                    t->ra_cov_len |= 1u << (dl % (t->g.p.axi_data_width / 8));
                } else if (dl && (dr != ring_exp || db >= NBUF || !t->owned[dr][db])) {
                    t->bad_rec++;
                } else if (dl) {
                    for (uint32_t i = 0; i < dl; i++)
                        if (t->mem[t->buf_addr[dr][db] + doff + i] != fbyte(fi, h + i)) { t->bad_data++; break; }
                    if (!(t->c.page_en >> dr & 1) && (doff || !drel)) t->bad_rec++;
                    /* a page goes back with its last entry's record only */
                    if (drel) {
                        t->owned[dr][db] = 0;
                        t->pages_released += t->c.page_en >> dr & 1;
                        post(t, dr, db);
                    }
                }
                if (!rel) {
                    t->cq_head[q]++;
                    if (t->rec_b_seen[q] < t->cq_head[q]) t->bad_tail++;
                    continue;
                }
                t->pages_released += t->c.page_en >> r & 1;
            }
            t->owned[r][b] = 0;
            t->cq_head[q]++;
            if (t->rec_b_seen[q] < t->cq_head[q]) t->bad_tail++;
            post(t, r, b);
        }
        t->cfg.cq_head[q] = t->cq_head[q];
    }
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) t->cfg.fbr_tail[r] = t->fbr_tail[r];
}

/* after an edge with rst: the DMA starts over, so do the AXI slave (bursts in
 * flight are forgotten), the host (rings and queues restart at 0, buffers are
 * posted again) and the fake parser (packet memory empty: its frames are lost) */
static void env_reset(tb_t *t)
{
    t->aw_n = t->aw_done = 0;
    t->wb_n = t->wb_used = 0;
    t->wburst_n = 0; t->cur_wbeats = 0;
    t->bq_w = t->bq_r = 0;
    t->r_active = 0;
    memset(t->owned, 0, sizeof t->owned);
    memset(t->fbr_tail, 0, sizeof t->fbr_tail);
    memset(t->cq_head, 0, sizeof t->cq_head);
    memset(t->rec_b_seen, 0, sizeof t->rec_b_seen);
    memset(t->qf_w, 0, sizeof t->qf_w);
    memset(t->qf_r, 0, sizeof t->qf_r);
    t->posted = t->hposted = 0;
    t->pm_wr = 0;
    for (uint32_t i = 0; i < t->nin; i++)
        if (!t->f[i].delivered && !t->f[i].dropped) t->f[i].dropped = 1;  /* reason 0: lost */
    t->pops = t->nin;
    t->err_reset_at = 0;
    t->resets++;
    for (uint32_t r = 0; r < 3; r++) {
        t->ring_off[r] = 0;
        t->cfg.fbr_en[r] = (uint8_t)(t->c.fbr_en >> r & 1);
    }
    memset(t->mlen, 0, sizeof t->mlen);
    memset(t->mseg, 0, sizeof t->mseg);
}

/* The descriptor fetch's and the interrupt block's outputs merged into the DMA's: the
 * transfer engine's ports. */
static void xe_merge(dma_out_t *o, const desc_fetch_out_t *f, const irq_out_t *q)
{
    o->axi.irq = q->irq;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        o->st.fbr_head[r] = f->fbr_head[r];
        o->st.fbr_err[r] = f->fbr_err[r];
    }
    o->axi.m_axi_arvalid = f->m_axi_arvalid;
    o->axi.m_axi_araddr = f->m_axi_araddr;
    o->axi.m_axi_arlen = f->m_axi_arlen;
    o->axi.m_axi_rready = 1;
    o->st.idle = o->st.idle && f->idle;
}

static void xe_out(const tb_t *t, dma_out_t *o)
{
    desc_fetch_out_t f;
    irq_out_t q;

    dma_out(&t->d, o);
    desc_fetch_out(&t->df, &f);
    irq_out(&t->irq, &q);
    xe_merge(o, &f, &q);
}

/* One edge of the three blocks, each on the others' outputs before it (as in model.c). */
static void xe_step(tb_t *t, dma_in_t *di, dma_out_t *o)
{
    dma_out_t dpre;
    desc_fetch_out_t fpre, f;
    desc_fetch_in_t fi;
    irq_in_t ii = { .rst = di->top.rst };
    irq_out_t q;

    dma_out(&t->d, &dpre);
    desc_fetch_out(&t->df, &fpre);
    memset(&fi, 0, sizeof fi);
    fi.top = di->top;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        fi.fbr_base[r] = di->cfg.fbr_base[r];
        fi.fbr_size_log2[r] = di->cfg.fbr_size_log2[r];
        fi.fbr_en[r] = di->cfg.fbr_en[r];
        fi.fbr_tail[r] = di->cfg.fbr_tail[r];
        fi.s_desc_pop[r] = dpre.m_desc_pop[r];
        di->s_desc_valid[r] = fpre.m_desc_valid[r];
        di->s_desc[r] = fpre.m_desc[r];
    }
    for (uint32_t k = 0; k < NICRX_MAX_CQ; k++) {
        ii.cq_irq_en[k] = di->cfg.cq_irq_en[k];
        ii.cq_head[k] = di->cfg.cq_head[k];
        ii.s_cq_tail[k] = dpre.st.cq_tail[k];
    }
    di->s_rerr = fpre.rerr;
    dma_step(&t->d, di, o);
    desc_fetch_step(&t->df, &fi, &f);
    irq_step(&t->irq, &ii, &q);
    xe_merge(o, &f, &q);
}

/* t must start zeroed (static); run() frees the previous run's memory. */
static void run(tb_t *t, const cfgt_t *c, uint64_t seed, ds_hook_fn hook, void *hook_ctx)
{
    free(t->mem);
    memset(t, 0, sizeof *t);
    t->c = *c;
    t->rng = seed;
    nicrx_params_t *p = &t->g.p;
    p->data_width = c->dw; p->pkt_mem_bytes = 16384; p->header_bytes = 128; p->max_frame = 9018;
    p->num_cq = 4; p->fq_depth = 32; p->desc_depth = 8; p->max_burst = c->max_burst; p->flows = 64;
    p->axi_data_width = c->adw ? c->adw : 2 * c->dw;
    nicrx_geom_init(&t->g, p);
    t->mem = calloc(MEM_BYTES, 1);
    t->pm = calloc(t->g.pm_words, 8);
    if (dma_init(&t->d, &t->g) != 0 || desc_fetch_init(&t->df, &t->g, NICRX_NUM_FBR) != 0) { printf("not ok dma_init\n"); exit(1); }
    irq_init(&t->irq, 4);
    evsink_t ev = { on_ev, t, 0 };
    csr_cfg_t *cf = &t->cfg;
    cf->qsel_log2 = (uint8_t)c->qsel;
    cf->xfer_buf_wait = (uint16_t)c->buf_wait;
    cf->xfer_page_en = (uint8_t)c->page_en;
    cf->xfer_page_log2 = PAGE_LOG2;
    cf->xfer_page_align = PAGE_ALIGN;
    cf->reasm_en = (uint8_t)c->reasm;
    cf->reasm_page_log2 = 16;
    cf->reasm_strip = (uint8_t)c->reasm_strip;
    if (c->reasm_mix) cf->reasm_timeout = 40;   /* quiet runs close by the sweep (now: a tick per 16 cycles) */
    cf->fbr_base[RA] = 0x4000u;
    cf->fbr_size_log2[RA] = (uint8_t)c->fbr_log2;
    for (uint32_t b = 0; b < NBUF; b++)  /* ring 3's pages: aligned to their 64 KB */
        t->buf_addr[RA][b] = 0x300000u + b * RA_PAGE;  /* above the other rings' buffers (7 posted) */
    for (uint32_t r = 0; r < 3; r++) {
        cf->fbr_base[r] = 0x1000u + 0x1000u * r;
        cf->fbr_size_log2[r] = (uint8_t)c->fbr_log2;
        cf->fbr_buf_size[r] = c->buf_size[r];
        for (uint32_t b = 0; b < NBUF; b++)  /* every buffer straddles a 4 KB page */
            t->buf_addr[r][b] = 0x20000u + r * 0x100000u + b * (r == 1 ? 0x4000u : 0x2000u) + 0xf80u
                               + 8u * (b & 1u); /* odd buffers start in a 128-bit beat's upper half */
        if (c->page_en >> r & 1)  /* a page: aligned to its size */
            for (uint32_t b = 0; b < NBUF; b++) t->buf_addr[r][b] = 0x20000u + r * 0x100000u + b * 0x2000u;
    }
    for (uint32_t q = 0; q < 4; q++) {
        cf->cq_base[q] = 0x8000u + 0x1000u * q;
        cf->cq_size_log2[q] = (uint8_t)c->cq_log2;
        cf->cq_irq_en[q] = 1;
    }
    dma_in_t di; memset(&di, 0, sizeof di);
    nicrx_in_t *in = &di.top;
    fl_stream_t *fo = &di.s_fl;
    dma_out_t o1;
    di.ev = &ev;
    di.cfg = *cf;
    in->rst = 1;
    xe_step(t, &di, &o1);
    if (hook) {
        ds_edge_t e0 = { &di, &o1 };
        hook(hook_ctx, &e0);
    }
    in->rst = 0;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) cf->fbr_en[r] = (uint8_t)(c->fbr_en >> r & 1);
    for (uint32_t q = 0; q < 4; q++) cf->cq_en[q] = (uint8_t)(c->cq_en >> q & 1);
    uint64_t next_arrival2 = 2 * 20; /* in half cycles */
    uint32_t bpb = c->dw / 8;
    uint64_t limit = c->max_cycles ? c->max_cycles : 200000 + (uint64_t)c->nframes * 400;
    for (t->cyc = 0; t->cyc < limit; t->cyc++) {
        ev.cycle = t->cyc;
        dma_out_t o; xe_out(t, &o);
        if (!t->posted && t->cyc >= c->post_delay) {
            t->posted = 1;
            for (uint32_t r = 0; r < 3; r++)
                if (cf->fbr_en[r] && (r != NICRX_HDR_RING || !c->hdr_post_delay))
                    for (uint32_t b = 0; b < NBUF && b < (1u << c->fbr_log2) - 1; b++) post(t, r, b);
        }
        /* ring 3 empty until cycle 1500: a frame that would open a run goes alone */
        if (c->reasm_mix && t->posted == 1 && t->cyc >= 1500) {
            t->posted = 2;
            for (uint32_t b = 0; b < NBUF && b < (1u << c->fbr_log2) - 1; b++) post(t, RA, b);
        }
        /* the header ring empty for a while: split frames wait, and the frames behind them */
        if (c->hdr_post_delay && !t->hposted && t->cyc >= c->hdr_post_delay) {
            t->hposted = 1;
            for (uint32_t b = 0; b < NBUF && b < (1u << c->fbr_log2) - 1; b++) post(t, NICRX_HDR_RING, b);
        }
        host_poll(t, &o);
        /* fake flow block: a frame when the gap has passed and there is room */
        di.s_fl_valid = 0;
        memset(fo, 0, sizeof *fo);
        if (t->nin < c->nframes && 2 * t->cyc >= next_arrival2) {
            uint32_t len = c->fixed_len ? c->fixed_len : 14 + rnd(t) % (c->page_en ? 600 : 1800);
            if (t->nin % 7 == 3 && !c->fixed_len) len = 2100 + rnd(t) % 2000; /* ring 1 or no_fit */
            uint32_t nw = (len + bpb - 1) / bpb;
            uint32_t used = (t->pm_wr - o.pm_rel_ptr) & (2 * t->g.pm_words - 1);
            if (t->nin - t->pops < 32 && used + nw <= t->g.pm_words) {
                frame_t *f = &t->f[t->nin];
                f->len = (uint16_t)len;
                f->hash = c->fixed_len ? 0 : rnd(t);
                f->vlan_cnt = (uint8_t)(rnd(t) % 3); f->vid = (uint16_t)(rnd(t) & 0xfff);
                f->flow = c->reasm_op ? 1 : 0; f->opcode = (uint8_t)c->reasm_op;
                nicrx_hv_t *hv = &t->hv[t->nin];
                memset(hv, 0, sizeof *hv);
                hv->hash = f->hash; hv->vlan_cnt = f->vlan_cnt; hv->vlan[0] = f->vid;
                hv->l3 = 1; hv->l4 = 2; hv->l3_off = 14; hv->l4_off = 34; hv->frag = 0;
                if (c->rand_hv) {
                    hv->l3 = (uint8_t)(rnd(t) & 3); hv->l4 = (uint8_t)(rnd(t) & 3); hv->frag = (uint8_t)(rnd(t) & 1);
                    hv->l3_off = (uint8_t)rnd(t); hv->l4_off = (uint8_t)rnd(t);
                    hv->truncated = (uint8_t)(rnd(t) & 1); hv->perr = (uint8_t)(rnd(t) & 1);
                    hv->cls = (uint16_t)((rnd(t) & 1u) << NICRX_CLS_PRESEL);
                    f->flow = (uint16_t)rnd(t);
                    f->opcode = (uint8_t)(rnd(t) % NICRX_NUM_OPCODES);
                }
                for (uint32_t w = 0; w < nw; w++) {
                    uint64_t v = 0;
                    for (uint32_t i = 0; i < bpb; i++) v |= (uint64_t)fbyte(t->nin, w * bpb + i) << (8 * i);
                    t->pm[(t->pm_wr + w) & (t->g.pm_words - 1)] = v;
                }
                /* nicrx_xfer_plan's decision: now and then a split at a random byte (the
                 * realigner's every shift, both lanes), the header part all of the frame at times */
                f->split = (uint8_t)(c->split_pct && rnd(t) % 100 < c->split_pct);
                f->hdr_len = f->split ? (uint16_t)(1 + rnd(t) % (len < 256 ? len : 256)) : 0;
                if (c->reasm_mix) {
                    /* four flows; the codes a run meets; CTRL and SHORT all header, the others
                     * split at a header part of 20..119 bytes, the data part of any length (so
                     * appends meet every offset in a bus beat and every length mod the beat) */
                    static const uint8_t ops[16] = { 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 6, 7, 8, 3, 0, 2 };
                    f->flow = (uint16_t)(0x100u | (1u + rnd(t) % 4));
                    f->opcode = ops[rnd(t) % 16];
                    f->split = f->opcode >= NICRX_OP_CTRL || f->opcode == NICRX_OP_NO_FLOW;
                    f->hdr_len = f->opcode == NICRX_OP_CTRL || f->opcode == NICRX_OP_SHORT ? (uint16_t)len
                               : f->split ? (uint16_t)(20 + rnd(t) % 100) : 0;
                    if (f->hdr_len > len) f->hdr_len = (uint16_t)len;
                }
                di.s_fl_valid = 1; fo->len = (uint16_t)len; fo->cls = hv->cls;
                fo->split = f->split; fo->hdr_len = f->hdr_len; fo->dlen = (uint16_t)(len - f->hdr_len);
                fo->l3 = hv->l3; fo->l4 = hv->l4; fo->vlan = hv->vlan_cnt != 0;
                fo->vid = hv->vlan_cnt ? hv->vlan[0] : 0; fo->frag = hv->frag;
                fo->l3_off = hv->l3_off; fo->l4_off = hv->l4_off; fo->hash = hv->hash;
                fo->trunc = hv->truncated; fo->perr = hv->perr;
                fo->flow = f->flow; fo->opcode = f->opcode; fo->frame = t->nin;
                fo->seq = rnd(t); fo->fcl = (uint8_t)(c->reasm_mix && rnd(t) % 12 == 0);
                /* ACK and window from seq: no draw of their own, so the scenarios stay as they were */
                f->ack = fo->ack = fo->seq * 0x9e3779b1u;
                f->win = fo->win = (uint16_t)(fo->seq >> 16 ^ fo->seq);
                fo->queue = (uint8_t)scen_queue(hv->hash, c->qsel);
                /* nicrx_red's verdict, now and then: dropped at the head like no_fit */
                fo->red = (uint8_t)((c->rand_hv && rnd(t) % 8 == 0) || (c->reasm_mix && rnd(t) % 20 == 0) ? 1 + rnd(t) % 2 : 0);
                t->pm_wr = (t->pm_wr + nw) & (2 * t->g.pm_words - 1);
                t->nin++;
                next_arrival2 += c->gap;
            }
        }
        /* AXI slave inputs */
        memset(in, 0, sizeof *in);
        in->m_axi_awready = (uint8_t)(rnd(t) % 100 < c->rdy_pct);
        in->m_axi_wready = (uint8_t)(rnd(t) % 100 < c->rdy_pct);
        in->m_axi_arready = (uint8_t)(rnd(t) % 100 < c->rdy_pct);
        if (t->bq_r != t->bq_w && t->bq_t[t->bq_r & 255] <= t->cyc) {
            in->m_axi_bvalid = 1;
            t->b_count++;
            in->m_axi_bresp = (uint8_t)(c->bresp_err_at && t->b_count == c->bresp_err_at ? 2 : 0);
            if (c->bresp_err_every && rnd(t) % c->bresp_err_every == 0) in->m_axi_bresp = (uint8_t)(1 + rnd(t) % 3);
        }
        if (t->r_active && t->cyc >= t->r_t) {
            in->m_axi_rvalid = 1;
            uint32_t abpb = p->axi_data_width / 8;
            in->m_axi_rdata[0] = in->m_axi_rdata[1] = 0;
            for (uint32_t i = 0; i < abpb; i++)
                in->m_axi_rdata[i / 8] |= (uint64_t)t->mem[t->r_addr + (uint64_t)t->r_beat * abpb + i] << (8 * (i % 8));
            in->m_axi_rlast = t->r_beat + 1 == t->r_left;
            if (c->rresp_err_every && rnd(t) % c->rresp_err_every == 0) in->m_axi_rresp = (uint8_t)(1 + rnd(t) % 3);
        }
        /* resets: random, and one of the host's answers to a ring error (fbr_err); the
         * other one turns the ring off for a while (which clears its error) */
        if (c->rst_every || c->rresp_err_every) {
            for (uint32_t r = 0; r < 3; r++) {
                if (t->ring_off[r] && --t->ring_off[r] == 0) {
                    cf->fbr_en[r] = 1;
                    for (uint32_t b = 0; b < NBUF && b < (1u << c->fbr_log2) - 1; b++) post(t, r, b);
                } else if (o.st.fbr_err[r] && !t->err_reset_at && !t->ring_off[r]) {
                    if (rnd(t) % 2) {
                        t->err_reset_at = t->cyc + 40 + rnd(t) % 80;
                    } else {
                        /* buffers the DMA still holds may come back in records: not owned then */
                        t->ring_off[r] = 1 + rnd(t) % 30;
                        cf->fbr_en[r] = 0;
                        t->fbr_tail[r] = 0;
                        memset(t->owned[r], 0, sizeof t->owned[r]);
                        t->ring_restarts++;
                    }
                }
            }
            if (!t->rst_left && c->rst_every && rnd(t) % c->rst_every == 0) t->rst_left = 1 + rnd(t) % 4;
            if (!t->rst_left && t->err_reset_at && t->cyc >= t->err_reset_at) t->rst_left = 1;
            if (t->rst_left) { in->rst = 1; t->rst_left--; }
        }
        di.pm_rd_data = t->pm_rd_data;
        di.now = (uint16_t)(t->cyc >> 4);
        /* every frame in and accounted for: a flush closes the runs still open (one cycle) */
        cf->reasm_flush = 0;
        if (c->reasm_mix && !t->flush_at && t->nin == c->nframes && t->pops == t->nin) {
            int all = 1;
            for (uint32_t i = 0; i < t->nin; i++) if (!t->f[i].delivered && !t->f[i].dropped) all = 0;
            if (all) { cf->reasm_flush = 1; t->flush_at = t->cyc; }
        }
        di.cfg = *cf;
        xe_step(t, &di, &o1);
        if (hook) {
            ds_edge_t e1 = { &di, &o1 };
            hook(hook_ctx, &e1);
        }
        /* the RAM registers the read the DMA requested in the cycle before the edge */
        if (o.pm_rd_en) t->pm_rd_data = t->pm[o.pm_rd_addr & (t->g.pm_words - 1)];
        /* handshakes at this edge (o = outputs before it) */
        if (o.fq_pop) t->pops++;
        if (o.axi.m_axi_awvalid && in->m_axi_awready) { t->aw[t->aw_n & 255].addr = o.axi.m_axi_awaddr; t->aw[t->aw_n & 255].len = o.axi.m_axi_awlen; t->aw_n++; }
        if (o.axi.m_axi_wvalid && in->m_axi_wready) {
            uint32_t k = t->wb_n % 8192;
            t->wbeat[k][0] = o.axi.m_axi_wdata[0]; t->wbeat[k][1] = o.axi.m_axi_wdata[1]; t->wstrb[k] = o.axi.m_axi_wstrb; t->wb_n++;
            t->cur_wbeats++;
            if (o.axi.m_axi_wlast) { t->wburst_beats[t->wburst_n & 255] = t->cur_wbeats; t->wburst_n++; t->cur_wbeats = 0; }
        }
        if (in->m_axi_bvalid) {
            t->bq_r++;
        }
        if (in->m_axi_rvalid) { t->r_beat++; if (in->m_axi_rlast) t->r_active = 0; }
        if (o.axi.m_axi_arvalid && in->m_axi_arready) {
            t->r_active = 1; t->r_addr = o.axi.m_axi_araddr; t->r_left = o.axi.m_axi_arlen + 1u; t->r_beat = 0;
            t->r_t = t->cyc + c->r_lat;
        }
        retire_writes(t);
        if (in->rst) env_reset(t);
        /* visible tail must not pass the record B responses */
        dma_out_t o2; xe_out(t, &o2);
        t->hdr_pops += o2.m_desc_pop[NICRX_HDR_RING];
        /* irq after the edge: irq_en && tail != head, the tail before the edge (nicrx_irq's
         * register stage), irq_en and head as given at that edge; low through a reset */
        for (uint32_t q = 0; q < 4; q++) {
            uint8_t exp_irq = !in->rst && di.cfg.cq_irq_en[q] && o.st.cq_tail[q] != di.cfg.cq_head[q];
            if (((o2.axi.irq >> q) & 1) != exp_irq) t->bad_irq++;
        }
        /* count record B's per queue: tail may only advance on a B */
        if (in->m_axi_bvalid)
            for (uint32_t q = 0; q < 4; q++) if (o2.st.cq_tail[q] != o.st.cq_tail[q]) t->rec_b_seen[q] = o2.st.cq_tail[q];
        for (uint32_t q = 0; q < 4; q++)
            if (!in->m_axi_bvalid && o2.st.cq_tail[q] != o.st.cq_tail[q]) t->bad_tail++;
        if (t->nin == c->nframes && o2.st.idle && t->pops == t->nin && (!c->reasm_mix || (t->flush_at && t->cyc > t->flush_at + 2))) {
            int all = 1;
            for (uint32_t i = 0; i < t->nin; i++) if (!t->f[i].delivered && !t->f[i].dropped) all = 0;
            if (all) {
                int consumed = 1;
                for (uint32_t q = 0; q < 4; q++) if (cf->cq_en[q] && t->cq_head[q] != o2.st.cq_tail[q]) consumed = 0;
                if (consumed) break;
            }
        }
    }
    for (uint32_t b = 0; b < NBUF; b++)
        if (t->mseg[b] || t->sf_n[b]) t->bad_rec++;   /* a merged frame no run record covered */
    /* every header buffer taken has its record (a stripped frame takes none) */
    if (c->reasm_mix && t->hdr_pops != t->hdr_recs) t->bad_rec++;
    dma_free(&t->d);
    desc_fetch_free(&t->df);
    free(t->pm);
}

/* The scenarios.  0..2 and 4 are the unit test's (and the lockstep check's): host
 * always ready; 4-beat bursts with ring 1 off (no_fit); slow B responses with
 * misaligned descriptors; the header ring alone, every frame split (all-header ones
 * delivered, the others no_fit).  3 is the lockstep check's only: as 2, plus random
 * resets, B and R error responses (the host resets on a ring error), random
 * header-vector fields and operation codes with re-assembly on (heads that can touch a run
 * wait for the table's answer), and XFER_BUF_WAIT 40 with the header ring posted
 * from cycle 3000 on (no_buf drops).  30 % of the frames are split in 0..3.  5 (the lockstep
 * check's and the unit test's): rings 0 and 2 in page mode (XFER_PAGE: 4 KB pages, 64-byte
 * entries), half the frames split, the host stalling, short frames so that pages hold many entries.
 * 6 (the lockstep check's only): re-assembly with ring 3's pages (reasm_mix): runs opened,
 * appended at every byte offset (each byte of a page written once, the page's bytes written
 * exactly the run's), closed before and after frames, by drops (RED: DROP),
 * by the sweep (timeouts, the final flush); opens without a page before ring 3 is posted;
 * misaligned pages.  7 (the lockstep check's only): as 6 with header stripping
 * (REASM_CTRL.strip): each appended frame's data part at its run's offset (every offset mod
 * the bus's bytes), no header buffer, no record; checked against the run record. */
#define DS_NUM_SCENARIOS 8

static inline cfgt_t ds_scenario(uint32_t dw, uint32_t pass)
{
    cfgt_t c = { .dw = dw, .max_burst = pass == 1 ? 4 : 16, .nframes = 400, .rdy_pct = pass == 0 ? 100 : 60,
                 .b_lat_min = 1, .b_lat_max = pass >= 2 ? 12 : 3, .r_lat = 3, .gap = pass == 0 ? 21 : 150,
                 .fbr_en = 7, .cq_en = 0x7, .qsel = 2, .cq_log2 = 2, .fbr_log2 = 3,
                 .buf_size = {2048, 4096, 256}, .misalign_every = pass >= 2 ? 5 : 0, .split_pct = 30 };
    if (pass == 1) c.fbr_en = 5; /* long frames: no_fit */
    if (pass == 4) { c.fbr_en = 4; c.split_pct = 100; c.fixed_len = 24; }
    if (pass == 3) {
        c.bresp_err_every = 40; c.rresp_err_every = 120; c.rst_every = 5000; c.rand_hv = 1;
        c.max_cycles = 60000;
        c.buf_wait = 40; c.hdr_post_delay = 3000; /* split frames go no_buf until the header ring is posted */
        c.reasm = 1;      /* random operation codes: some heads wait for the re-assembly table */
    }
    if (pass == 5) { c.page_en = 5; c.split_pct = 50; c.nframes = 150; c.misalign_every = 0; c.gap = 90; }
    if (pass == 6 || pass == 7) {
        c.reasm = 1; c.reasm_mix = 1; c.fbr_en = 0xf; c.qsel = 0; c.cq_en = 1; c.nframes = 700; c.gap = 100;
        c.misalign_every = 13; c.rdy_pct = 80; c.cq_log2 = 3; c.max_cycles = 150000;
        c.reasm_strip = pass == 7;
    }
    return c;
}

static inline uint64_t ds_seed(uint32_t dw, uint32_t pass) { return 0x1234567ull + pass * 77 + dw; }

static inline const char *ds_tag(uint32_t pass)
{
    return pass == 0 ? "ready" : pass == 1 ? "burst4-nofit" : pass == 2 ? "slowb-descerr" : pass == 3 ? "reset-err"
         : pass == 4 ? "hdr-only" : pass == 5 ? "pages" : pass == 6 ? "reasm" : "reasm-strip";
}

#endif
