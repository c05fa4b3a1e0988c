/* dma.h - twin of rtl/nicrx_dma.v: frame queue, frame data and completion
 * record writes (AW/W/B), completion-queue tails; the descriptors come
 * from nicrx_desc_fetch (desc_fetch.h), the interrupt lines from nicrx_irq (irq.h).  Field names are the RTL register
 * names without _reg; the RTL's memories are the *_mem arrays. */
#ifndef NICRX_DMA_H
#define NICRX_DMA_H

#include <stdint.h>
#include "blocks.h"
#include "more.h"
#include "mover.h"
#include "cpl_write.h"
#include "page.h"
#include "reasm.h"

/* frame queue entry (RTL: packed {win, ack, fcl, seq, dlen, hdr_len, split, lerr, pay, rss_type, queue, presel, perr, trunc, hash, l4_off, l3_off, frag, vlan, l4, l3, len});
 * the flow and the operation code are in flm_mem and ctl_mem beside it */
typedef struct dma_fq_ent {
    uint16_t len;
    uint8_t  l3, l4, vlan, frag, l3_off, l4_off;
    uint8_t  trunc, perr, presel;  /* completion bits 45..47 */
    uint32_t hash;
    uint8_t  queue; /* the stream's completion queue (nicrx_rss) */
    uint8_t  rss_type; /* its RSS hash type (enum nicrx_rss_type) */
    uint16_t pay;   /* the IP-declared payload (record word 2) */
    uint8_t  lerr;  /* nicrx_xfer_plan's length-error flag (record word 2) */
    uint8_t  split; /* nicrx_xfer_plan: bytes [0, hdr_len) into a header buffer, the rest (dlen) after */
    uint16_t hdr_len, dlen;
    uint32_t seq;   /* TCP sequence number (fl.seq) and */
    uint8_t  fcl;   /* URG, PSH, RST, FIN in their header bits (fl.fcl): any, the re-assembly table's request */
    uint32_t ack;   /* TCP ACK number (fl.ack) and */
    uint16_t win;   /* window (fl.win): a run record's when the frame is its last merged */
    uint64_t frame; /* model only */
} dma_fq_ent_t;

/* Where a frame goes (docs/architecture.md "nicrx_dma"), decided at the queue head;
 * the functional model (fast.c) places its frames with the same functions.
 * Ring fit: bit r when ring r is enabled and its buffers hold len bytes (none:
 * no_fit).  The ring taken: the lowest that fits. */
static inline uint8_t dma_ring_fit(const csr_cfg_t *c, uint16_t len)
{
    uint8_t m = 0;

    for (uint32_t r = 0; r < NICRX_HDR_RING; r++)
        if (c->fbr_en[r] && c->fbr_buf_size[r] >= len)
            m |= (uint8_t)(1u << r);
    return m;
}

static inline uint32_t dma_ring_sel(uint8_t fit)
{
    return !(fit & 1u);
}

/* The stream's queue is an enabled completion queue (else no_cq). */
static inline int dma_queue_ok(const csr_cfg_t *c, uint32_t num_cq, uint8_t q)
{
    return q < num_cq && c->cq_en[q & (num_cq - 1u)];
}


typedef struct dma {
    /* parameters */
    uint32_t dw, bpb, lbpb, num_cq, fq_depth, max_burst, pm_aw;
    uint32_t adw, abpb, labpb; /* the host bus: AXI_DATA_WIDTH, bytes per W beat, log2 */
    uint32_t r, rb;            /* words per W beat (1 or 2), beats per completion record */
    /* frame queue */
    dma_fq_ent_t *fq_mem;
    uint16_t *flm_mem;   /* beside fq_mem: {generation, flow number} */
    uint8_t  *ctl_mem;   /* beside fq_mem: the operation code, the RED verdict in [5:4] */
    uint32_t fq_wr, fq_rd;
    uint8_t  fq_pop;
    dma_fq_ent_t fh;  /* queue head: the RAM read registers (not reset) */
    uint16_t fh_flow;
    uint8_t  fh_op;
    uint8_t  fh_red;  /* the head's RED verdict (fl.red) */
    uint8_t  fh_valid;
    uint8_t  desc_pop[NICRX_NUM_FBR]; /* one cycle: ring r's head descriptor taken */
    /* issue FSM */
    uint8_t  is_state;
    uint8_t  f_q, f_ring, f_err;
    uint16_t f_bufid;
    uint64_t f_addr;
    uint16_t f_rem;   /* W beats of the frame still to issue */
    uint8_t  f_soff;  /* the part's first byte in its first beat */
    uint8_t  f_first; /* the next burst is the frame's first */
    uint16_t f_beats; /* next burst, sized in IS_SIZE */
    uint8_t  f_blast; /* it is the frame's last */
    uint8_t  f_phase; /* record phase, computed in IS_REC */
    uint16_t f_plen;  /* bytes of the part being issued (its last beat's strobes) */
    /* a split frame's data part: its buffer, taken with the header buffer, waits for the
     * header part's last burst (g_pend) */
    uint8_t  g_pend, g_ring;
    uint8_t  g_mrg;   /* ... or merged into a re-assembly run's page (dring 3) */
    uint8_t  g_strip; /* ... appended with its header stripped (REASM_CTRL.strip): no header part, no record */
    uint16_t g_bufid;
    uint64_t g_addr;
    /* each part's place in its page (nicrx_page): offset, entries before it in the page,
     * release (a buffer that is not a page: 0, 0, 1), for the record's word 3 */
    uint16_t f_off, g_off, f_cnt, g_cnt;
    uint8_t  f_prel, g_prel;
    uint8_t  pg_take[NICRX_REASM_RING]; /* the rings an entry was placed in (nicrx_page's s_take) */
    page_t   pg;                     /* the page cursors */
    uint8_t  rec_rdy; /* f_addr, f_phase hold the record's (IS_REC); IS_SKIP's second cycle */
    uint8_t  hd_v;       /* queue-head decision registered from fh: valid (fh stable) */
    uint8_t  dr_rel;     /* the head was dropped at the last edge: released now */
    uint8_t  hd_ring_ok; /* bit r: ring r fits the head frame */
    uint8_t  hd_q, hd_q_ok;
    uint8_t  hd_red;     /* the head's RED verdict */
    uint16_t hd_nb0, hd_nb1; /* W beats of the head frame's first part from lane 0, from the upper lane */
    uint16_t hd_nd;          /* ... of its data part (split) at g_addr */
    uint16_t hd_nw1;         /* packet-memory words the first part reads */
    uint16_t hd_nw2, hd_cwd; /* words the data part reads (its first one the header part read when
                              * it starts inside a word), words it writes */
    uint16_t hd_nwa;         /* hd_nw2 without a stripped append's read of the shared word; hd_nw2 follows it a cycle later */
    uint8_t  hd_hodd;        /* the header part ends inside a word (a shared word) */
    uint8_t  hd_ld2;         /* the data part starts with a lead (its first bytes in the shared word at or below their destination's offset) */
    uint8_t  hd_pr2;         /* a stripped data part starts with a prime (its first bytes in the shared word above their destination's offset) */
    uint8_t  hd_fl2;         /* hd_cwd + hd_pr2 > hd_nw2 + hd_ld2, one cycle later: the data part ends with a flush */
    uint8_t  hd_dneed;       /* the frame needs a data buffer (whole, or a split one with dlen > 0) */
    uint8_t  hd_hfit;        /* a split frame's header part fits ring 2's entries (nicrx_page's limit) */
    uint8_t  hd_dv[NICRX_NUM_FBR];  /* each ring's head descriptor was valid at the last edge */
    uint8_t  hd_bad[NICRX_NUM_FBR]; /* ... and its address is misaligned (nicrx_page's amask; ring 3: the run's page size) */
    uint16_t hd_wait;        /* cycles in a row the head has waited for a descriptor alone (saturating) */
    uint8_t  hd_to;          /* registered: hd_wait reached XFER_BUF_WAIT (not 0) while waiting */
    uint8_t  hd_nbr;         /* registered: the ring waited for in the last cycle (nb_ring) */
    uint8_t  awvalid, awlen;
    uint64_t awaddr;
    /* counters, status */
    uint32_t cnt_no_fit, cnt_no_cq, cnt_desc_err;
    uint32_t cnt_red_early, cnt_red_forced;
    uint32_t cnt_no_buf[NICRX_REASM_RING]; /* DROP_NO_BUF_SMALL, _LARGE, _HDR: by the ring waited for */
    uint8_t  idle;
    uint8_t  rq_en;  /* REASM_CTRL.en, registered: the re-assembly table's request is the head only with it */
    uint8_t  rq_chg; /* the request changed at the last edge (the table's s_chg) */
    uint16_t rq_pmask; /* a run's page's address bits that must be 0 (REASM_CTRL.page_log2, 12..16) */
    /* a run record to issue (rp), after the frame's record (raft), and its fields */
    uint8_t  rp, raft;
    uint8_t  r_flow, r_gen, r_segs, r_reason;
    uint8_t  r_flags;   /* its last merged frame's URG, PSH, RST, FIN (0 unless it closes after that frame) */
    uint16_t r_id;
    uint32_t r_len, r_seq;
    uint32_t r_ack;     /* its last merged frame's ACK number and */
    uint16_t r_win;     /* window */
    uint32_t cnt_reasm_no_page; /* REASM_NO_PAGE: frames that would have opened a run but found no page */
    reasm_t *ra;     /* nicrx_reasm, the re-assembly table (its own state, stepped in place) */
    more_t  *more;   /* nicrx_more, the batching hint (its own state, stepped in place) */
    mover_t  mv;     /* nicrx_mover: packet memory to W (stepped in place) */
    cpl_write_t cw;  /* nicrx_cpl_write: records, B, CQ tails (stepped in place) */
} dma_t;

typedef struct dma_in {
    nicrx_in_t top;              /* rst and the m_axi_aw / w / b inputs */
    uint8_t  s_fl_valid;         /* nicrx_red's stream */
    fl_stream_t s_fl;
    uint64_t pm_rd_data;         /* the packet memory's read register */
    uint8_t  s_desc_valid[NICRX_NUM_FBR]; /* nicrx_desc_fetch's head registers */
    desc_ent_t s_desc[NICRX_NUM_FBR];
    uint8_t  s_desc_bad3;        /* ring 3's head is a list buffer smaller than a page (nicrx_flist) */
    uint8_t  s_rerr;             /* nicrx_desc_fetch saw a read error (AXI_ERROR) */
    uint16_t now;                /* the device time in ticks (nicrx_flow's flow_time, low 16 bits) */
    csr_cfg_t cfg;               /* rings, queues */
    const evsink_t *ev;          /* NICRX_EV_DROP (no_buf: with the ring), NICRX_EV_DELIVER */
} dma_in_t;

int dma_init(dma_t *d, const nicrx_geom_t *g);
void dma_free(dma_t *d);
void dma_out(const dma_t *d, dma_out_t *o);
void dma_step(dma_t *d, const dma_in_t *in, dma_out_t *out);

#endif
