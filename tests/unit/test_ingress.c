/* test_ingress.c - the ingress block's twin (docs/architecture.md, nicrx_ingress):
 * commit, drops and their precedence, rewind, credits, counters, both widths. */
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include "check.h"
#include "ingress.h"

#define MAXEV 64

typedef struct tb {
    nicrx_geom_t g;
    ingress_t s;
    ingress_out_t o;
    evsink_t ev;
    uint8_t cfg_enable;
    uint32_t rel_ptr;
    uint8_t fq_pop;
    uint64_t mem[4096];      /* packet memory fed by pm_wr_* */
    /* what was seen */
    uint32_t n_cm, cm_start[MAXEV], cm_len[MAXEV];
    uint64_t cm_frame[MAXEV];
    uint32_t cm_slot[MAXEV];
    uint8_t hmem[32][128];   /* header memory fed by hm_wr_* (32 slots of HEADER_BYTES) */
    uint32_t n_drop, drop_reason[MAXEV];
    uint64_t drop_frame[MAXEV];
    int cm_width_ok;
    uint8_t pop_first, pop_last; /* tb_frame pulses fq_pop at the edge of the first / last beat */
} tb_t;

static void on_event(void *ctx, const nicrx_event_t *e)
{
    tb_t *t = ctx;

    if (e->kind == NICRX_EV_DROP && t->n_drop < MAXEV) {
        t->drop_reason[t->n_drop] = e->reason;
        t->drop_frame[t->n_drop++] = e->frame;
    }
}

static void tb_init(tb_t *t, uint32_t dw, uint32_t pm_bytes, uint32_t fq_depth)
{
    memset(t, 0, sizeof *t);
    t->g.p.data_width = dw;
    t->g.p.pkt_mem_bytes = pm_bytes;
    t->g.p.header_bytes = 128;
    t->g.p.max_frame = 9018;
    t->g.p.fq_depth = fq_depth;
    t->g.bytes_per_beat = dw / 8;
    t->g.pm_words = pm_bytes / (dw / 8);
    for (t->g.pm_aw = 0; (1u << t->g.pm_aw) < t->g.pm_words; t->g.pm_aw++)
        ;
    t->ev.fn = on_event;
    t->ev.ctx = t;
    t->cfg_enable = 1;
    t->cm_width_ok = 1;
    ingress_init(&t->s, &t->g);
    ingress_out(&t->s, &t->o);
}

/* one edge with the given stream inputs */
static void tb_edge(tb_t *t, uint8_t valid, uint64_t data, uint8_t keep, uint8_t last, uint8_t user)
{
    ingress_in_t in;

    memset(&in, 0, sizeof in);
    /* The beat goes straight into the input register, so this edge is the one that
     * takes it (the register itself is a plain copy of the port, checked by the block
     * bench and the lockstep runs); the port stays idle. */
    t->s.in_valid_reg = valid;
    t->s.in_data_reg = data;
    t->s.in_nbytes_reg = (uint8_t)__builtin_popcount(keep & ((1u << t->g.bytes_per_beat) - 1u));
    t->s.in_last_reg = last;
    t->s.in_user_reg = user;
    in.ev = &t->ev;
    in.cfg_enable = t->cfg_enable;
    in.pm_rel_ptr = t->rel_ptr;
    in.fq_pop = t->fq_pop;
    /* the RAM takes the registered write at this edge */
    if (t->o.pm_wr_en)
        t->mem[t->o.pm_wr_addr] = t->o.pm_wr_data;
    if (t->o.hm_wr_en) {
        uint32_t byte = t->o.hm_wr_addr * t->g.bytes_per_beat, i;

        for (i = 0; i < t->g.bytes_per_beat; i++)
            t->hmem[byte / 128 % 32][byte % 128 + i] = (uint8_t)(t->o.pm_wr_data >> (8 * i));
    }
    {
        uint8_t was = t->o.m_cm_valid;
        uint32_t was_start = t->o.m_cm.start;

        ingress_step(&t->s, &in, &t->o);
        t->ev.cycle++;
        if (was && t->o.m_cm_valid && t->o.m_cm.start == was_start)
            t->cm_width_ok = 0;
    }
    if (t->o.m_cm_valid && t->n_cm < MAXEV) {
        t->cm_start[t->n_cm] = t->o.m_cm.start;
        t->cm_len[t->n_cm] = t->o.m_cm.len;
        t->cm_frame[t->n_cm] = t->o.m_cm.frame;
        t->cm_slot[t->n_cm++] = t->o.m_cm.slot;
    }
}

static uint8_t pat(uint32_t seed, uint32_t i) { return (uint8_t)(seed * 31u + i * 7u + (i >> 8)); }

/* sends a frame of len bytes (pattern seed), back to back beats; len 0 is the empty frame */
static void tb_frame(tb_t *t, uint32_t len, uint32_t seed, uint8_t user)
{
    uint32_t bpb = t->g.bytes_per_beat, off = 0;

    do {
        uint32_t n = len - off < bpb ? len - off : bpb, i;
        uint64_t d = 0;
        uint8_t last = off + bpb >= len;

        for (i = 0; i < bpb; i++)
            d |= (uint64_t)(i < n ? pat(seed, off + i) : 0xa5) << (8 * i);
        t->fq_pop = (uint8_t)((t->pop_last && last) || (t->pop_first && off == 0));
        tb_edge(t, 1, d, (uint8_t)((1u << n) - 1u), last, last ? user : 0);
        t->fq_pop = 0;
        off += bpb;
    } while (off < len);
}

static void tb_idle(tb_t *t, uint32_t n)
{
    while (n--)
        tb_edge(t, 0, 0, 0, 0, 0);
}

/* packet memory holds len bytes of pattern seed from word start */
static int mem_has(const tb_t *t, uint32_t start, uint32_t len, uint32_t seed)
{
    uint32_t bpb = t->g.bytes_per_beat, i;

    for (i = 0; i < len; i++) {
        uint32_t w = (start + i / bpb) % t->g.pm_words;
        if ((uint8_t)(t->mem[w] >> (8 * (i % bpb))) != pat(seed, i))
            return 0;
    }
    return 1;
}

static void test_normal(uint32_t dw)
{
    tb_t *t = calloc(1, sizeof *t);
    uint32_t bpb = dw / 8, i, c;
    int hdr_ok = 1, lat_ok;

    tb_init(t, dw, 16384, 32);
    CHECK(t->o.idle && !t->o.m_cm_valid, "ingress-dw%u-reset-idle", dw);
    /* cm_valid must rise at the edge that takes the last beat */
    tb_frame(t, 60, 1, 0);
    lat_ok = t->o.m_cm_valid && t->o.m_cm.len == 60 && t->o.m_cm.start == 0 && !t->o.idle;
    CHECK(lat_ok, "ingress-dw%u-commit-at-last-beat", dw);
    tb_idle(t, 1);
    CHECK(!t->o.m_cm_valid && t->n_cm == 1, "ingress-dw%u-cm-valid-one-cycle", dw);
    for (i = 0; i < 60; i++)
        if (t->hmem[t->cm_slot[0]][i] != pat(1, i))
            hdr_ok = 0;
    CHECK(hdr_ok && t->cm_slot[0] == 0, "ingress-dw%u-header-memory-slot-0", dw);
    CHECK(mem_has(t, 0, 60, 1), "ingress-dw%u-pm-contents", dw);
    /* a 200-byte frame right after: starts at a fresh word; header is its first 128 bytes */
    tb_frame(t, 200, 2, 0);
    tb_idle(t, 2);
    CHECK(t->n_cm == 2 && t->cm_start[1] == (60 + bpb - 1) / bpb && t->cm_len[1] == 200 && t->cm_frame[1] == 1,
          "ingress-dw%u-second-frame-word-aligned", dw);
    hdr_ok = 1;
    for (i = 0; i < 128; i++)
        if (t->hmem[1][i] != pat(2, i))
            hdr_ok = 0;
    for (i = 0; i < 128; i++) /* only the first HEADER_BYTES: slot 2 untouched */
        if (t->hmem[2][i] != 0)
            hdr_ok = 0;
    CHECK(hdr_ok && t->cm_slot[1] == 1 && mem_has(t, t->cm_start[1], 200, 2), "ingress-dw%u-long-frame-hdr-and-pm", dw);
    CHECK(t->o.idle, "ingress-dw%u-idle-after", dw);
    /* back-to-back frames, no gap */
    for (c = 0; c < 5; c++)
        tb_frame(t, 64 + c, 10 + c, 0);
    tb_idle(t, 2);
    CHECK(t->n_cm == 7 && t->cm_width_ok && t->cm_len[6] == 68 && mem_has(t, t->cm_start[6], 68, 14),
          "ingress-dw%u-back-to-back", dw);
    hdr_ok = t->cm_slot[6] == 6;
    for (i = 0; i < 68; i++)
        if (t->hmem[6][i] != pat(14, i))
            hdr_ok = 0;
    CHECK(hdr_ok, "ingress-dw%u-back-to-back-header-slot", dw);
    CHECK(t->o.cnt[NICRX_CNT_RX_FRAMES] == 7 && t->o.cnt[NICRX_CNT_RX_BYTES] == 60 + 200 + 64 + 65 + 66 + 67 + 68 &&
          t->o.cnt[NICRX_CNT_DELIVERED] == 0, "ingress-dw%u-counters", dw);
    free(t);
}

static void test_drops(uint32_t dw)
{
    tb_t *t = calloc(1, sizeof *t);
    uint32_t wr_before;

    tb_init(t, dw, 16384, 32);
    tb_frame(t, 64, 1, 0);
    tb_idle(t, 1);
    wr_before = t->s.wr_ptr_reg;
    /* runt: 13 bytes; 14 is kept */
    tb_frame(t, 13, 2, 0);
    CHECK(t->n_drop == 1 && t->drop_reason[0] == NICRX_REASON_RUNT && t->drop_frame[0] == 1 &&
          !t->o.m_cm_valid && t->s.wr_ptr_reg == wr_before, "ingress-dw%u-runt", dw);
    tb_frame(t, 14, 3, 0);
    CHECK(t->o.m_cm_valid && t->o.m_cm.len == 14 && t->o.m_cm.start == wr_before, "ingress-dw%u-14-bytes-kept", dw);
    tb_idle(t, 1);
    /* empty frame */
    wr_before = t->s.wr_ptr_reg;
    tb_frame(t, 0, 4, 0);
    CHECK(t->n_drop == 2 && t->drop_reason[1] == NICRX_REASON_RUNT && t->s.wr_ptr_reg == wr_before,
          "ingress-dw%u-empty-frame-runt", dw);
    /* oversize: MAX_FRAME kept, MAX_FRAME+1 dropped */
    tb_frame(t, 9018, 5, 0);
    CHECK(t->o.m_cm_valid && t->o.m_cm.len == 9018, "ingress-dw%u-max-frame-kept", dw);
    tb_idle(t, 1);
    wr_before = t->s.wr_ptr_reg;
    t->rel_ptr = wr_before;   /* the DMA took everything: room is not the issue */
    tb_frame(t, 9019, 6, 0);
    CHECK(t->n_drop == 3 && t->drop_reason[2] == NICRX_REASON_OVERSIZE && t->s.wr_ptr_reg == wr_before,
          "ingress-dw%u-oversize", dw);
    /* bad frame */
    tb_frame(t, 100, 7, 1);
    CHECK(t->n_drop == 4 && t->drop_reason[3] == NICRX_REASON_BAD_FRAME && t->s.wr_ptr_reg == wr_before,
          "ingress-dw%u-bad-frame", dw);
    /* disabled, decided at the first beat only */
    t->cfg_enable = 0;
    tb_frame(t, 100, 8, 0);
    CHECK(t->n_drop == 5 && t->drop_reason[4] == NICRX_REASON_DISABLED && t->s.wr_ptr_reg == wr_before,
          "ingress-dw%u-disabled", dw);
    tb_edge(t, 1, 0, 0xff >> (8 - dw / 8), 0, 0);  /* first beat while disabled */
    t->cfg_enable = 1;
    tb_edge(t, 1, 0, 0xff >> (8 - dw / 8), 0, 0);
    tb_frame(t, 80, 9, 0);                         /* continues the same frame */
    CHECK(t->n_drop == 6 && t->drop_reason[5] == NICRX_REASON_DISABLED, "ingress-dw%u-enable-mid-frame", dw);
    tb_edge(t, 1, 0, 0xff >> (8 - dw / 8), 0, 0);  /* first beat while enabled */
    t->cfg_enable = 0;
    tb_frame(t, 80, 9, 0);
    t->cfg_enable = 1;
    CHECK(t->n_drop == 6 && t->o.m_cm_valid, "ingress-dw%u-disable-mid-frame", dw);
    tb_idle(t, 1);
    /* precedence: disabled > bad > runt > oversize > pktmem_full */
    t->cfg_enable = 0;
    tb_frame(t, 5, 10, 1);
    t->cfg_enable = 1;
    tb_frame(t, 5, 10, 1);
    tb_frame(t, 9100, 10, 1);
    CHECK(t->n_drop == 9 && t->drop_reason[6] == NICRX_REASON_DISABLED && t->drop_reason[7] == NICRX_REASON_BAD_FRAME &&
          t->drop_reason[8] == NICRX_REASON_BAD_FRAME, "ingress-dw%u-precedence-dis-bad", dw);
    tb_idle(t, 2);
    CHECK(t->o.cnt[NICRX_CNT_RX_FRAMES] == 13 && t->o.cnt[NICRX_CNT_DROP_RUNT] == 2 &&
          t->o.cnt[NICRX_CNT_DROP_OVERSIZE] == 1 && t->o.cnt[NICRX_CNT_DROP_BAD_FRAME] == 3 &&
          t->o.cnt[NICRX_CNT_DROP_DISABLED] == 3 && t->o.cnt[NICRX_CNT_DROP_PKTMEM_FULL] == 0,
          "ingress-dw%u-drop-counters", dw);
    /* frames past 65535 bytes: oversize, the length saturates */
    {
        uint32_t bytes = t->o.cnt[NICRX_CNT_RX_BYTES];
        wr_before = t->s.wr_ptr_reg;
        tb_frame(t, 70000, 11, 0);
        tb_idle(t, 2);
        CHECK(t->drop_reason[9] == NICRX_REASON_OVERSIZE && t->o.cnt[NICRX_CNT_RX_BYTES] == bytes + 65535u &&
              t->s.wr_ptr_reg == wr_before,
              "ingress-dw%u-huge-frame-saturates", dw);
    }
    free(t);
}

static void test_full(uint32_t dw)
{
    tb_t *t = calloc(1, sizeof *t);
    uint32_t bpb = dw / 8, words, start, c;

    /* 1 KB packet memory: 128 or 256 words */
    tb_init(t, dw, 1024, 32);
    words = t->g.pm_words;
    /* 3 frames of 300 bytes fit in 1024 - the 4th does not */
    for (c = 0; c < 3; c++)
        tb_frame(t, 300, 20 + c, 0);
    tb_idle(t, 1);
    start = t->s.wr_ptr_reg;
    CHECK(t->n_cm == 3 && start == 3 * ((300 + bpb - 1) / bpb), "ingress-dw%u-fill", dw);
    tb_frame(t, 300, 23, 0);
    CHECK(t->n_drop == 1 && t->drop_reason[0] == NICRX_REASON_PKTMEM_FULL && t->s.wr_ptr_reg == start,
          "ingress-dw%u-pktmem-full-rewind", dw);
    /* precedence: runt beats pktmem_full, oversize beats it too */
    tb_frame(t, 10, 24, 0);
    CHECK(t->drop_reason[1] == NICRX_REASON_RUNT, "ingress-dw%u-precedence-runt-full", dw);
    /* the DMA releases the first frame: the same frame now fits, wrapping around */
    t->rel_ptr = (300 + bpb - 1) / bpb;
    tb_frame(t, 300, 25, 0);
    tb_idle(t, 1);
    CHECK(t->n_cm == 4 && t->cm_start[3] == start && mem_has(t, start, 300, 25) &&
          t->s.wr_ptr_reg == start + (300 + bpb - 1) / bpb && t->s.wr_ptr_reg > words,
          "ingress-dw%u-wrap-after-release", dw);
    tb_idle(t, 2);
    CHECK(t->o.cnt[NICRX_CNT_DROP_PKTMEM_FULL] == 1 && t->o.cnt[NICRX_CNT_RX_FRAMES] == 6, "ingress-dw%u-full-counters", dw);
    free(t);
}

static void test_credits(uint32_t dw)
{
    tb_t *t = calloc(1, sizeof *t);
    uint32_t c, wr;

    tb_init(t, dw, 16384, 4);
    for (c = 0; c < 4; c++)
        tb_frame(t, 64, c, 0);
    tb_idle(t, 1);
    wr = t->s.wr_ptr_reg;
    tb_frame(t, 64, 4, 0);
    CHECK(t->n_cm == 4 && t->n_drop == 1 && t->drop_reason[0] == NICRX_REASON_PKTMEM_FULL && t->s.wr_ptr_reg == wr,
          "ingress-dw%u-credits-exhausted", dw);
    /* oversize beats a credit shortage */
    tb_frame(t, 9100, 5, 0);
    CHECK(t->n_drop == 2 && t->drop_reason[1] == NICRX_REASON_OVERSIZE, "ingress-dw%u-precedence-over-full", dw);
    t->fq_pop = 1;
    tb_idle(t, 1);
    t->fq_pop = 0;
    tb_frame(t, 64, 6, 0);
    CHECK(t->n_cm == 5 && t->cm_start[4] == wr && t->cm_frame[4] == 6, "ingress-dw%u-credit-returned", dw);
    /* 4 outstanding again.  The credit check is made at the first beat with the
     * registered count: a pop at that edge is not seen (dropped, the count drops to 3). */
    t->pop_first = 1;
    tb_frame(t, 64, 7, 0);
    t->pop_first = 0;
    CHECK(t->n_cm == 5 && t->n_drop == 3 && t->drop_reason[2] == NICRX_REASON_PKTMEM_FULL &&
          t->s.outst_reg == 3, "ingress-dw%u-pop-at-first-beat", dw);
    /* a commit and a pop at the same edge leave the count unchanged */
    t->pop_last = 1;
    tb_frame(t, 64, 8, 0);
    t->pop_last = 0;
    CHECK(t->n_cm == 6 && t->s.outst_reg == 3, "ingress-dw%u-commit-with-pop", dw);
    tb_frame(t, 64, 9, 0);
    tb_frame(t, 64, 10, 0);
    CHECK(t->n_cm == 7 && t->n_drop == 4 && t->s.outst_reg == 4, "ingress-dw%u-credits-again", dw);
    /* a pop later in a frame that found no credit does not rescue it */
    t->pop_last = 1;
    tb_frame(t, 64, 11, 0);
    t->pop_last = 0;
    CHECK(t->n_cm == 7 && t->n_drop == 5 && t->drop_reason[4] == NICRX_REASON_PKTMEM_FULL && t->s.outst_reg == 3,
          "ingress-dw%u-credit-decided-at-first-beat", dw);
    /* header slots count commits only, mod FQ_DEPTH */
    tb_frame(t, 64, 12, 0);
    tb_idle(t, 1);
    CHECK(t->n_cm == 8 && t->cm_slot[7] == 3 && t->cm_slot[4] == 0 && t->hmem[3][0] == pat(12, 0),
          "ingress-dw%u-slots-count-commits", dw);
    /* reset returns everything to its reset values */
    {
        ingress_in_t in;
        memset(&in, 0, sizeof in);
        in.top.rst = 1;
        in.cfg_enable = 1;
        in.ev = &t->ev;
        ingress_step(&t->s, &in, &t->o);
        CHECK(t->s.wr_ptr_reg == 0 && t->s.outst_reg == 0 && t->o.idle && t->o.cnt[NICRX_CNT_RX_FRAMES] == 0 &&
              t->s.frame_cnt == 0, "ingress-dw%u-reset", dw);
    }
    free(t);
}

int main(void)
{
    uint32_t dw;

    for (dw = 32; dw <= 64; dw += 32) {
        test_normal(dw);
        test_drops(dw);
        test_full(dw);
        test_credits(dw);
    }
    return 0;
}
