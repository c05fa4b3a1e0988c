/* xfer_plan.h - twin of rtl/nicrx_xfer_plan.v: the transfer decision, two register stages
 * on the fl stream between nicrx_red and the transfer engine (docs/architecture.md
 * "nicrx_xfer_plan"). */
#ifndef NICRX_XFER_PLAN_H
#define NICRX_XFER_PLAN_H

#include <stdint.h>
#include "blocks.h"

/* what stage S1 registers beside the frame (the RTL's *1_reg) */
typedef struct xfer_s1 {
    uint16_t pay_off;   /* l4_off + hlen */
    uint32_t pay_end;   /* pay_off + pay (17 bits) */
    uint8_t  tcp;       /* pre-selected TCP: codes NO_FLOW..NO_MERGE */
    uint8_t  elig;      /* XFER_CTRL bit set and len > XFER_SMALL_THRESH */
    uint8_t  all;       /* CTRL or SHORT: the whole frame is the header part */
    uint8_t  badh;      /* hlen < 20 */
    uint8_t  hfit;      /* the header part fits the header ring's buffers */
    uint8_t  hen;       /* the header ring is enabled */
} xfer_s1_t;

/* the configuration the decision reads */
typedef struct xfer_cfg {
    uint16_t split;     /* XFER_CTRL.split: bit c for operation code c */
    uint16_t small;     /* XFER_SMALL_THRESH */
    uint8_t  hdr_en;    /* the header ring's CTRL.enable and BUF_SIZE */
    uint16_t hdr_size;
    /* for the configuration check alone: the data rings' (0, 1) enable and BUF_SIZE, XFER_PAGE */
    uint8_t  data_en[2];
    uint16_t data_size[2];
    uint8_t  page_en, page_log2;
} xfer_cfg_t;

typedef struct xfer_plan {
    xfer_plan_out_t o;  /* m_fl_valid_reg, m_fl_data_reg */
    uint8_t  v1;
    fl_stream_t f1;
    xfer_s1_t s1;
    uint8_t  cfg_err;   /* XFER_STATUS.cfg_err, registered (st_cfg_err) */
} xfer_plan_t;

typedef struct xfer_plan_in {
    uint8_t     rst;
    uint8_t     s_fl_valid;
    fl_stream_t s_fl;
    xfer_cfg_t  cfg;
} xfer_plan_in_t;

/* The configuration from the registers: XFER_CTRL, XFER_SMALL_THRESH and the header ring's
 * enable and BUF_SIZE, as nicrx_top wires them. */
static inline xfer_cfg_t xfer_cfg_of(const csr_cfg_t *c)
{
    const xfer_cfg_t x = { .split = c->xfer_split, .small = c->xfer_small,
                           .hdr_en = c->fbr_en[NICRX_HDR_RING], .hdr_size = c->fbr_buf_size[NICRX_HDR_RING],
                           .data_en = { c->fbr_en[0], c->fbr_en[1] }, .data_size = { c->fbr_buf_size[0], c->fbr_buf_size[1] },
                           .page_en = c->xfer_page_en, .page_log2 = c->xfer_page_log2 };

    return x;
}

/* The decision, stage by stage; xfer_plan_frame() is both at once (the functional model). */
xfer_s1_t xfer_plan_s1(const xfer_cfg_t *c, const fl_stream_t *f);
void xfer_plan_s2(const xfer_s1_t *s1, fl_stream_t *f);
void xfer_plan_frame(const xfer_cfg_t *c, fl_stream_t *f);
/* XFER_STATUS.cfg_err of a configuration: bit r (0..2) ring r enabled with BUF_SIZE 0; bit 3
 * ring 0 enabled with XFER_SMALL_THRESH above its BUF_SIZE; bit 4 + r ring r enabled, a page
 * ring, with BUF_SIZE above PAGE_SIZE. */
uint8_t xfer_cfg_err(const xfer_cfg_t *c);

void xfer_plan_init(xfer_plan_t *s);
void xfer_plan_out(const xfer_plan_t *s, xfer_plan_out_t *o);
void xfer_plan_step(xfer_plan_t *s, const xfer_plan_in_t *in, xfer_plan_out_t *out);

#endif
