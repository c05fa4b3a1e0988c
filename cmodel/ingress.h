/* ingress.h - twin of rtl/nicrx_ingress.v: stream in, length, errors, tail
 * drop, header-memory writes.  Fields named *_reg are the RTL registers of the same
 * name; the others are parameters or model-only bookkeeping. */
#ifndef NICRX_INGRESS_H
#define NICRX_INGRESS_H

#include <stdint.h>
#include "blocks.h"

#define INGRESS_MIN_LEN 14u /* a shorter frame is a runt */

/* A frame's drop reason (NICRX_REASON_NONE: kept), the first that applies: also
 * the functional model's (fast.c), so the order is written once. */
static inline uint32_t ingress_reason(int dis, int bad, int runt, int over, int full)
{
    return dis ? NICRX_REASON_DISABLED : bad ? NICRX_REASON_BAD_FRAME : runt ? NICRX_REASON_RUNT
         : over ? NICRX_REASON_OVERSIZE : full ? NICRX_REASON_PKTMEM_FULL : NICRX_REASON_NONE;
}

typedef struct ingress {
    /* parameters */
    uint32_t bpb;           /* DATA_WIDTH / 8 */
    uint32_t pm_aw;         /* PM_AW */
    uint32_t header_bytes;  /* HEADER_BYTES */
    uint32_t max_frame;     /* MAX_FRAME */
    uint32_t fq_depth;      /* FQ_DEPTH */
    /* registers of rtl/nicrx_ingress.v */
    uint8_t  in_valid_reg;  /* the input beat, registered */
    uint64_t in_data_reg;
    uint8_t  in_nbytes_reg; /* popcount(tkeep) */
    uint8_t  in_last_reg, in_user_reg;
    uint8_t  in_frame_reg;
    uint32_t wr_ptr_reg;    /* [PM_AW:0] */
    uint32_t frm_start_reg; /* [PM_AW:0] */
    uint16_t len_reg;       /* saturating */
    uint8_t  dis_reg, over_reg, full_reg;
    uint16_t ovr_at_reg;    /* [BPB:0], bit k: len_reg + k > MAX_FRAME */
    uint16_t runt_at_reg;   /* [BPB:0], bit k: len_reg + k < 14 */
    uint32_t outst_reg;
    uint8_t  pm_wr_en_reg;
    uint32_t pm_wr_addr_reg;
    uint64_t pm_wr_data_reg;
    uint8_t  m_cm_valid_reg;
    cm_stream_t m_cm_reg;   /* the frame index: model only */
    uint8_t  hm_wr_en_reg;
    uint32_t hm_wr_addr_reg; /* {slot, beat} */
    uint32_t slot_reg;      /* frames committed since reset, mod FQ_DEPTH */
    uint8_t  eof_reg;
    uint8_t  eof_reason_reg; /* enum nicrx_reason */
    uint16_t eof_len_reg;
    uint32_t cnt_rx_frames_reg, cnt_rx_bytes_reg, cnt_bad_reg, cnt_runt_reg;
    uint32_t cnt_over_reg, cnt_full_reg, cnt_dis_reg;
    uint8_t  idle_reg;
    /* model only */
    uint64_t frame_cnt;     /* frames started since reset */
    uint64_t cur_frame;     /* index of the frame being received */
} ingress_t;

typedef struct ingress_in {
    nicrx_in_t top;         /* rst and s_axis_* */
    uint8_t  cfg_enable;
    uint32_t pm_rel_ptr;    /* [PM_AW:0] */
    uint8_t  fq_pop;
    const evsink_t *ev;     /* NICRX_EV_DROP */
} ingress_in_t;

void ingress_init(ingress_t *s, const nicrx_geom_t *g);
void ingress_out(const ingress_t *s, ingress_out_t *o);
void ingress_step(ingress_t *s, const ingress_in_t *in, ingress_out_t *out);

#endif
