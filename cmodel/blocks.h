/* blocks.h - the signals between the model's blocks (internal header).
 *
 * Each RTL block rtl/nicrx_<blk>.v has a C twin cmodel/<blk>.c with:
 *   <blk>_init(state, params)          reset values (also applied on rst)
 *   <blk>_out(state, out)              the block's registered outputs
 *   <blk>_step(state, in, ..., ev)     one rising edge: next state from the
 *                                      current state and the inputs
 * Inter-block signals are registered at their source (Moore), so model.c
 * computes every block's outputs first and then steps every block with them;
 * the order of the steps does not matter.  The one exception, documented in
 * docs/architecture.md, is the packet-memory read request, which nicrx_dma
 * drives combinationally to the RAM: dma_step returns it and model.c steps
 * the RAM after the DMA.
 *
 * Field names follow the RTL port names without their prefixes. */
#ifndef NICRX_BLOCKS_H
#define NICRX_BLOCKS_H

#include <stdint.h>
#include "nicrx_model.h"

/* Derived parameters shared by all blocks. */
typedef struct nicrx_geom {
    nicrx_params_t p;
    uint32_t bytes_per_beat; /* DATA_WIDTH / 8 */
    uint32_t pm_words;       /* PKT_MEM_BYTES / bytes_per_beat */
    uint32_t pm_aw;          /* log2(pm_words) */
} nicrx_geom_t;

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
} csr_cfg_t;

/* ---- status the CSR block reads (registered at its sources) -------------- */
typedef struct csr_status {
    uint32_t cnt[NICRX_NUM_COUNTERS];
    uint16_t fbr_head[NICRX_NUM_FBR];
    uint8_t  fbr_err[NICRX_NUM_FBR];
    uint16_t cq_tail[NICRX_MAX_CQ];
    uint8_t  idle;
} csr_status_t;

/* ---- nicrx_ingress outputs -------------------------------------------------- */
typedef struct ingress_out {
    uint8_t  pm_wr_en;
    uint32_t pm_wr_addr;   /* word address [PM_AW-1:0] */
    uint64_t pm_wr_data;
    uint8_t  cm_valid;     /* one cycle per committed frame */
    uint32_t cm_start;     /* first word of the frame [PM_AW-1:0] */
    uint16_t cm_len;       /* bytes */
    const uint8_t *cm_hdr; /* HEADER_BYTES bytes, byte i = cm_hdr[8i+7:8i] */
    uint64_t cm_frame;     /* model only: frame index */
    uint8_t  idle;         /* not inside a frame */
    /* counters owned by ingress, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
} ingress_out_t;

/* ---- nicrx_parser outputs --------------------------------------------------- */
typedef struct parser_out {
    uint8_t  hv_valid;     /* PARSE_LAT cycles after cm_valid */
    uint32_t hv_start;
    uint16_t hv_len;
    const nicrx_hv_t *hv;
    uint64_t hv_frame;     /* model only */
    uint8_t  idle;         /* pipeline empty */
} parser_out_t;

/* ---- nicrx_dma outputs ------------------------------------------------------- */
typedef struct dma_out {
    uint32_t pm_rel_ptr;   /* [PM_AW:0] words before it are free (wrap bit on top) */
    uint8_t  fq_pop;       /* one cycle per frame leaving the frame queue */
    csr_status_t st;       /* fbr_head, fbr_err, cq_tail, idle and the DMA's counters */
    nicrx_out_t axi;       /* m_axi_* and irq fields (s_axil_* left 0) */
} dma_out_t;

/* The packet-memory read request nicrx_dma drives combinationally. */
typedef struct pm_rd_req {
    uint8_t  en;
    uint32_t addr;
} pm_rd_req_t;

#endif
