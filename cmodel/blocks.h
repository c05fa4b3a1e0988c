/* blocks.h - the signals between the model's blocks (internal header).
 *
 * Each RTL block rtl/nicrx_<blk>.v has a C twin cmodel/<blk>.c with
 *   <blk>_init(state, geom)        reset values (also applied on rst)
 *   <blk>_out(state, out)          the block's registered outputs
 *   <blk>_step(state, in, out)     one rising edge: the next state from the state and
 *                                  *in, then *out = the outputs after the edge
 * <blk>_in_t and <blk>_out_t hold values only, no pointers into a block's state (the
 * event sink aside): model.c builds every block's input from the top's inputs and the
 * other blocks' outputs before the edge, as rtl/nicrx_top.v wires them, so the blocks
 * may step in any order (the shuffled build, NICRX_MODEL_SHUFFLE, checks it).  The
 * packet-memory read request is combinational in nicrx_dma but depends on its
 * registers only, so it is one of the DMA's outputs like the others.
 * The parser is four files, as in the RTL: parser.c (queue, dispatch, output) with
 * parse_engine.c, hdrmem.c and imem.c, and isa.c for one instruction; the flow
 * database is flow_key.c (its front end, with crc32c.c and its own hdrmem.c copy)
 * and flow.c (the database and its manager).  The CSR block (csr.c) keeps its
 * own signature; model.c adapts it.
 *
 * Field names follow the RTL port names; the streams between blocks are the layouts
 * of rtl/nicrx_streams.txt (cmodel/streams.h), as in the RTL. */
#ifndef NICRX_BLOCKS_H
#define NICRX_BLOCKS_H

#include <stdint.h>
#include "nicrx_model.h"
#include "nicrx_isa.h"
#include "geom.h"
#include "streams.h"

/* Event sink: blocks report frame events through it. */
typedef struct evsink {
    nicrx_event_fn fn;
    void *ctx;
    uint64_t cycle;
} evsink_t;

static inline void ev_emit(const evsink_t *s, nicrx_event_t *e)
{
    if (s && s->fn) {
        e->cycle = s->cycle;
        s->fn(s->ctx, e);
    }
}

/* ---- nicrx_csr outputs: configuration (registered) ---------------------- */
typedef struct csr_cfg {
    uint8_t  enable;                     /* CTRL[0] */
    uint8_t  qsel_log2;                  /* QSEL[2:0] */
    uint64_t fbr_base[NICRX_NUM_FBR];
    uint8_t  fbr_size_log2[NICRX_NUM_FBR];
    uint16_t fbr_buf_size[NICRX_NUM_FBR];
    uint8_t  fbr_en[NICRX_NUM_FBR];
    uint16_t fbr_tail[NICRX_NUM_FBR];
    uint64_t cq_base[NICRX_MAX_CQ];
    uint8_t  cq_size_log2[NICRX_MAX_CQ];
    uint8_t  cq_en[NICRX_MAX_CQ];
    uint8_t  cq_irq_en[NICRX_MAX_CQ];
    uint16_t cq_head[NICRX_MAX_CQ];
    /* interrupt moderation (IRQ_*) */
    uint16_t irq_count[NICRX_MAX_CQ], irq_time[NICRX_MAX_CQ];
    uint8_t  irq_mask[NICRX_MAX_CQ];
    uint16_t irq_tick;
    /* interrupt messages (MSIX_*) */
    uint8_t  msix_en[NICRX_MAX_CQ];
    uint64_t msix_addr[NICRX_MAX_CQ];
    uint32_t msix_data[NICRX_MAX_CQ];
    /* parser (PARSER_CTRL, SWAP, IADDR, IDATA0..3) */
    uint8_t  step_limit;                 /* PARSER_CTRL[7:0], 0 = 256 */
    uint8_t  swap;                       /* one-cycle pulse: a swap was requested */
    uint8_t  imem_we;                    /* one-cycle pulse: store imem_data at imem_addr */
    uint8_t  imem_addr;                  /* IADDR before the IDATA3 write */
    uint32_t imem_data[NICRX_INSN_WORDS];/* w0..w3 */
    /* flow database (FLOW_CTRL, THRESH, TICK, AGE, CMD and the context window) */
    uint8_t  flow_ctrl;                  /* FLOW_CTRL[1:0] */
    uint16_t flow_thresh, flow_tick;
    uint32_t flow_age;
    uint8_t  flow_cmd;                   /* one-cycle pulse: the command written, 0 when none */
    uint8_t  flow_sel;                   /* FLOW_CMD[15:8] */
    uint32_t ctx_info, ctx_seq, ctx_ack, ctx_opt;
    uint8_t  ctx_key[NICRX_FLOW_KEY_BYTES];
    /* random early discard (RED_*) */
    uint8_t  red_mode, red_wlog, red_maxp;
    uint16_t red_min, red_max, red_exempt;
    uint32_t red_seed;
    uint16_t red_th[4], red_p[4];
    uint8_t  red_peak_clr;               /* one-cycle pulse: RED_PEAK.clr written */
    /* receive-side scaling (RSS_CTRL, RSS_KEY0..9, the RSS_RETA_IDATA store pulse) */
    uint8_t  rss_key[40];                /* key byte 0 first */
    uint8_t  rss_types, rss_mode;
    uint8_t  reta_we;                    /* one-cycle pulse: entry reta_addr := reta_data */
    uint16_t reta_addr;
    uint8_t  reta_data;
    /* transfer decision (XFER_CTRL, XFER_SMALL_THRESH) */
    uint16_t xfer_split, xfer_small;
    uint8_t  xfer_page_en, xfer_page_log2, xfer_page_align; /* XFER_PAGE (nicrx_page) */
    uint16_t xfer_buf_wait;              /* XFER_BUF_WAIT (nicrx_dma): cycles a head frame waits for a descriptor, 0 forever */
    uint8_t  reasm_en, reasm_flush, reasm_page_log2, reasm_max_segs; /* REASM_CTRL (flush: a pulse), REASM_MAX_SEGS */
    uint32_t reasm_max_bytes;            /* REASM_MAX_BYTES */
    uint16_t reasm_timeout;              /* REASM_TIMEOUT, ticks */
    uint8_t  reasm_strip;                /* REASM_CTRL.strip: appended frames go without header or record */
    /* buffer lists (FLIST_*, nicrx_flist): the command pulse and the values it takes */
    uint8_t  flist_cmd, flist_sel;       /* FLIST_CMD.op (a pulse), FLIST_SEL */
    uint16_t flist_flow;                 /* FLIST_FLOW: {gen, flow} */
    uint64_t flist_addr;
    uint16_t flist_id;
    uint32_t flist_size;
} csr_cfg_t;

/* ---- nicrx_flow status: the last command's result, the time, a READ's window load */
typedef struct flow_status {
    uint8_t  busy, fail, idx, gen;       /* flow_busy, flow_fail, flow_idx, flow_gen */
    uint32_t time;                       /* flow_time */
    uint8_t  ctx_load;                   /* one cycle: the window takes the ctx_* below (the RTL
                                          * drives them meaningfully only then) */
    uint32_t ctx_info, ctx_seq, ctx_ack, ctx_opt, ctx_time, ctx_count;
    uint8_t  ctx_key[NICRX_FLOW_KEY_BYTES];
} flow_status_t;

/* ---- status the CSR block reads (registered at its sources) -------------- */
typedef struct csr_status {
    uint32_t cnt[NICRX_NUM_COUNTERS];
    uint16_t fbr_head[NICRX_NUM_FBR];
    uint8_t  fbr_err[NICRX_NUM_FBR];
    uint16_t cq_tail[NICRX_MAX_CQ];
    uint8_t  idle;
    uint8_t  parser_bank;                /* active instruction-memory bank */
    uint8_t  parser_swap_pending;
    flow_status_t flow;
    uint32_t red_avg;                    /* nicrx_red: avg, peak, bad */
    uint16_t red_peak;
    uint8_t  red_bad;
    uint8_t  xfer_cfg_err;               /* XFER_STATUS.cfg_err (nicrx_xfer_plan) */
    uint8_t  flist_bound, flist_err, flist_cnt, flist_head; /* FLIST_STATUS (nicrx_flist) */
} csr_status_t;

/* ---- nicrx_ingress outputs -------------------------------------------------- */
typedef struct ingress_out {
    uint8_t  pm_wr_en;
    uint32_t pm_wr_addr;   /* word address [PM_AW-1:0] */
    uint64_t pm_wr_data;
    uint8_t  hm_wr_en;     /* header memory: pm_wr_data is the frame's beat ... */
    uint32_t hm_wr_addr;   /* ... {slot, beat} = slot * HEADER_BYTES/BPB + beat */
    uint8_t  m_cm_valid;   /* one cycle per committed frame */
    cm_stream_t m_cm;
    uint8_t  idle;         /* not inside a frame */
    /* counters owned by ingress, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
} ingress_out_t;

/* ---- nicrx_parser outputs --------------------------------------------------- */
typedef struct parser_out {
    uint8_t  m_hv_valid;   /* a frame is held, in commit order, until m_hv_ready takes it */
    hv_stream_t m_hv;      /* held between frames */
    uint8_t  bank;         /* active instruction-memory bank */
    uint8_t  swap_pending;
    uint8_t  idle;         /* queue empty, every thread free, m_hv_valid low */
    /* counters owned by the parser, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
} parser_out_t;

/* ---- nicrx_flow_key outputs -------------------------------------------------- */
typedef struct flow_key_out {
    uint8_t  s_hv_ready;   /* a frame would be taken at the next edge (no command pending) */
    uint8_t  m_fk_valid;   /* a job is held until the manager takes it */
    fk_stream_t m_fk;      /* held between jobs */
    uint8_t  idle;         /* no job, no command pending, m_fk_valid low */
} flow_key_out_t;

/* ---- nicrx_flow outputs ------------------------------------------------------ */
typedef struct flow_out {
    uint8_t  s_fk_ready;   /* a job would be taken at the next edge: idle or completing, the job on offer a cycle */
    uint8_t  m_fl_valid;   /* one cycle per frame; m_fl held between frames */
    fl_stream_t m_fl;
    flow_status_t st;
    /* counters owned by the flow block, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
    uint8_t  idle;         /* manager idle, m_fl_valid and ctx_load low */
} flow_out_t;

/* ---- nicrx_rss outputs ------------------------------------------------------- */
typedef struct rss_out {
    uint8_t  m_fl_valid;   /* one cycle per frame, one cycle after the flow block's */
    fl_stream_t m_fl;      /* the flow block's frame with its hash, queue and type; held */
    uint8_t  idle;         /* no frame between the parser's hand-off and m_fl */
} rss_out_t;

/* ---- nicrx_red outputs ------------------------------------------------------- */
typedef struct red_out {
    uint8_t  m_fl_valid;   /* one cycle per frame, one cycle after nicrx_rss's */
    fl_stream_t m_fl;      /* the frame with its verdict (red); held between frames */
    uint32_t avg;          /* st_red_avg, st_red_peak, st_red_bad */
    uint16_t peak;
    uint8_t  bad;
    uint8_t  idle;         /* m_fl_valid low */
} red_out_t;

/* ---- nicrx_xfer_plan outputs ------------------------------------------------- */
typedef struct xfer_plan_out {
    uint8_t  m_fl_valid;   /* one cycle per frame, two cycles after nicrx_red's */
    fl_stream_t m_fl;      /* the frame with its transfer decision; held between frames */
    uint8_t  idle;         /* no frame in either stage */
    uint8_t  st_cfg_err;   /* XFER_STATUS.cfg_err */
} xfer_plan_out_t;

/* ---- nicrx_desc_fetch outputs --------------------------------------------------- */
/* a descriptor as the device keeps it: {buf_id, addr} (RTL: 80 bits) */
typedef struct desc_ent { uint64_t addr; uint16_t buf_id; } desc_ent_t;

/* nicrx_desc_fetch serves any number of rings up to this (the RTL's NUM_FBR range);
 * the device has the register map's NICRX_NUM_FBR */
#define NICRX_FBR_MAX 8u

typedef struct desc_fetch_out {
    uint8_t  m_desc_valid[NICRX_FBR_MAX];  /* ring r's oldest descriptor is in m_desc[r] */
    desc_ent_t m_desc[NICRX_FBR_MAX];
    uint16_t fbr_head[NICRX_FBR_MAX];      /* st_fbr_head, st_fbr_err */
    uint8_t  fbr_err[NICRX_FBR_MAX];
    uint8_t  rerr;         /* an R beat with a non-OKAY rresp at the edge before */
    uint8_t  idle;         /* fetch FSM idle, no rerr pending (one cycle late) */
    uint8_t  m_axi_arvalid, m_axi_arlen;
    uint64_t m_axi_araddr;
} desc_fetch_out_t;

/* ---- nicrx_irq outputs ------------------------------------------------------- */
typedef struct irq_out { uint8_t irq; } irq_out_t;  /* bit q: CQ q's line */

/* ---- nicrx_dma outputs ------------------------------------------------------- */
typedef struct dma_out {
    uint8_t  pm_rd_en;     /* the packet-memory read in the cycle after the edge (registers, */
    uint32_t pm_rd_addr;   /* registered again by the RAM) */
    uint32_t pm_rel_ptr;   /* [PM_AW:0] words before it are free (wrap bit on top) */
    uint8_t  fq_pop;       /* one cycle per frame leaving the frame queue */
    uint8_t  m_desc_pop[NICRX_NUM_FBR];   /* one cycle: the issue FSM took ring r's head */
    uint16_t m_head;       /* the queue head's {gen, flow} (nicrx_flist picks its buffer) */
    csr_status_t st;       /* cq_tail, idle and the DMA's counters */
    nicrx_out_t axi;       /* m_axi_aw/w/b fields (the rest left 0) */
} dma_out_t;

#endif
