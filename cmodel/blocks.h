/* blocks.h - the signals between the model's blocks (internal header).
 *
 * Each RTL block rtl/nicrx_<blk>.v has a C twin cmodel/<blk>.c with:
 *   <blk>_init(state, params)          reset values (also applied on rst)
 *   <blk>_out(state, out)              the block's registered outputs
 *   <blk>_step(state, in, ..., ev)     one rising edge: next state from the
 *                                      current state and the inputs
 * The parser is four files, as in the RTL: parser.c (queue, dispatch, output)
 * with parse_engine.c, hdrmem.c and imem.c, and isa.c for one instruction;
 * the flow block is flow.c with crc32c.c and its own hdrmem.c copy.
 * Inter-block signals are registered at their source (Moore), so model.c
 * computes every block's outputs first and then steps every block with them
 * (parser_out.hv points into the parser's state, so its consumer, the flow block,
 * steps before it; otherwise the order does not matter).  The one exception,
 * documented in docs/architecture.md, is the packet-memory read request, which
 * nicrx_dma drives combinationally to the RAM: dma_step returns it and model.c
 * steps the RAM after the DMA.
 *
 * Field names follow the RTL port names without their prefixes. */
#ifndef NICRX_BLOCKS_H
#define NICRX_BLOCKS_H

#include <stdint.h>
#include "nicrx_model.h"
#include "nicrx_isa.h"
#include "geom.h"

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
} csr_status_t;

/* ---- nicrx_ingress outputs -------------------------------------------------- */
typedef struct ingress_out {
    uint8_t  pm_wr_en;
    uint32_t pm_wr_addr;   /* word address [PM_AW-1:0] */
    uint64_t pm_wr_data;
    uint8_t  hm_wr_en;     /* header memory: pm_wr_data is the frame's beat ... */
    uint32_t hm_wr_addr;   /* ... {slot, beat} = slot * HEADER_BYTES/BPB + beat */
    uint8_t  cm_valid;     /* one cycle per committed frame */
    uint32_t cm_start;     /* first word of the frame [PM_AW-1:0] */
    uint16_t cm_len;       /* bytes */
    uint32_t cm_slot;      /* header slot: frames committed before it, mod FQ_DEPTH */
    uint64_t cm_frame;     /* model only: frame index */
    uint8_t  idle;         /* not inside a frame */
    /* counters owned by ingress, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
} ingress_out_t;

/* ---- nicrx_parser outputs --------------------------------------------------- */
typedef struct parser_out {
    uint8_t  hv_valid;     /* a frame is held, in commit order, until hv_ready takes it */
    uint32_t hv_start;
    uint16_t hv_len;
    uint32_t hv_slot;
    const nicrx_hv_t *hv;  /* the hv_* registers (held between frames) */
    uint64_t hv_frame;     /* model only */
    uint8_t  bank;         /* active instruction-memory bank */
    uint8_t  swap_pending;
    uint8_t  idle;         /* queue empty, every thread free, hv_valid low */
    /* counters owned by the parser, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
} parser_out_t;

/* ---- nicrx_flow outputs ------------------------------------------------------ */
typedef struct flow_out {
    uint8_t  hv_ready;     /* the manager is idle and no command is pending */
    /* to the DMA: one frame, fl_valid for one cycle, the fields held between frames */
    uint8_t  fl_valid;
    uint16_t fl_len;
    uint16_t fl_cls;
    uint8_t  fl_l3, fl_l4, fl_vlan, fl_frag, fl_l3_off, fl_l4_off;
    uint16_t fl_vid;       /* outer VLAN id, 0 without a tag */
    uint32_t fl_hash;
    uint8_t  fl_trunc, fl_perr, fl_presel;
    uint16_t fl_flow;      /* {generation, index}; 0: no flow */
    uint8_t  fl_opcode;    /* enum nicrx_opcode */
    uint64_t fl_frame;     /* model only */
    flow_status_t st;
    /* counters owned by the flow block, indexed by enum nicrx_counter (others 0) */
    uint32_t cnt[NICRX_NUM_COUNTERS];
    uint8_t  idle;         /* manager idle, no command pending, fl_valid and ctx_load low */
} flow_out_t;

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
