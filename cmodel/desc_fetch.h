/* desc_fetch.h - twin of rtl/nicrx_desc_fetch.v: free-buffer descriptor prefetch for
 * num_fbr rings (1..NICRX_FBR_MAX) on the AXI4 read channels, each ring's oldest descriptor in a
 * head register that the transfer engine pops.  Field names are the RTL register
 * names without _reg; dq_mem is the RTL's RAM. */
#ifndef NICRX_DESC_FETCH_H
#define NICRX_DESC_FETCH_H

#include <stdint.h>
#include "blocks.h"

typedef struct desc_fetch {
    /* parameters */
    uint32_t dw, bpd, desc_depth, num_fbr; /* dw: AXI_DATA_WIDTH, the R channel */
    /* per-ring FIFOs, ring r at dq_mem[r * desc_depth ..] */
    desc_ent_t *dq_mem;
    uint32_t dq_wr[NICRX_FBR_MAX], dq_rd[NICRX_FBR_MAX];
    desc_ent_t dq_q;        /* RAM read register (not reset) */
    uint8_t  rq_v, rq_ring, rq_slot; /* a read of ring rq_ring at rq_slot this cycle */
    uint8_t  rd_v, rd_ring;   /* dq_q holds a read of ring rd_ring */
    uint8_t  hd_valid[NICRX_FBR_MAX];
    desc_ent_t hd_data[NICRX_FBR_MAX];  /* not reset */
    uint16_t fbr_head[NICRX_FBR_MAX];
    uint8_t  fbr_err[NICRX_FBR_MAX];
    /* fetch FSM */
    uint8_t  df_state, df_ring, df_rr, df_beat, df_bad;
    uint8_t  df_p4[NICRX_FBR_MAX]; /* each ring's posted descriptors, saturated at 4 (one cycle old) */
    uint64_t df_base;         /* df_ring's base and head slot (one cycle old): the ring */
    uint16_t df_slot;         /* select and the address add in two cycles */
    uint64_t df_addr;
    uint16_t df_bufid;
    uint8_t  arvalid, arlen;
    uint64_t araddr;
    uint8_t  rerr, idle;
} desc_fetch_t;

typedef struct desc_fetch_in {
    nicrx_in_t top;                     /* rst and the m_axi_ar / r inputs */
    /* the rings' configuration (the cfg_fbr_* ports) */
    uint64_t fbr_base[NICRX_FBR_MAX];
    uint8_t  fbr_size_log2[NICRX_FBR_MAX];
    uint8_t  fbr_en[NICRX_FBR_MAX];
    uint16_t fbr_tail[NICRX_FBR_MAX];
    uint8_t  s_desc_pop[NICRX_FBR_MAX]; /* the transfer engine took ring r's head */
} desc_fetch_in_t;

/* num_fbr rings (the RTL's NUM_FBR; the device: NICRX_NUM_FBR) */
int desc_fetch_init(desc_fetch_t *s, const nicrx_geom_t *g, uint32_t num_fbr);
void desc_fetch_free(desc_fetch_t *s);
void desc_fetch_out(const desc_fetch_t *s, desc_fetch_out_t *o);
void desc_fetch_step(desc_fetch_t *s, const desc_fetch_in_t *in, desc_fetch_out_t *out);

#endif
