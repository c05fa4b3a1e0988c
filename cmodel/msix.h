/* msix.h - twin of rtl/nicrx_msix.v: interrupt messages merged into the DMA's AXI4
 * write stream. Each rise of irq[q] with MSIX_CTRL.en set owes one single-beat write of
 * MSIX_DATA to MSIX_ADDR; the block gates the DMA at a burst boundary, lets the DMA's
 * announced W bursts drain, writes the message, and takes the B response that follows those
 * of the bursts ahead of it. */
#ifndef NICRX_MSIX_H
#define NICRX_MSIX_H

#include <stdint.h>
#include "blocks.h"

/* st_reg: the DMA passing through, the gate closed, the message's AW, its W beat */
enum msix_state { MSIX_PASS, MSIX_GATE, MSIX_AW, MSIX_W };

/* the registers the port's multiplexers and the counters read */
typedef struct msix_out {
    uint8_t  st;                       /* st_reg: enum msix_state */
    uint64_t ma;                       /* ma_reg: the message's address */
    uint32_t md;                       /* md_reg: its data */
    uint8_t  qs;                       /* qs_reg: its queue */
    uint8_t  gate;                     /* st != pass: the DMA's AWs held */
    uint8_t  wblock;                   /* the DMA's W beats of AWs not on the port held */
    uint8_t  own_h;                    /* the next B is the message's */
    uint32_t cnt_w, cnt_e;             /* MSIX_WRITES, MSIX_ERROR */
    uint8_t  idle;                     /* no message owed, under way or awaiting B */
} msix_out_t;

typedef struct msix {
    uint32_t num_cq, lanes;            /* NUM_CQ; 32-bit lanes in a beat */
    uint8_t  irq_d;                    /* irq_d_reg */
    uint8_t  pend;                     /* pend_reg */
    int8_t   c;                        /* c_reg: DMA AWs on the port minus its W bursts done */
    uint8_t  wmid;                     /* wmid_reg */
    uint8_t  out;                      /* out_reg: bursts on the port awaiting B */
    uint8_t  mb;                       /* mb_reg: the message awaits its B ... */
    uint8_t  ahead;                    /* ahead_reg: ... behind this many */
    msix_out_t o;
} msix_t;

typedef struct msix_in {
    uint8_t  rst;
    uint8_t  en[NICRX_MAX_CQ];         /* cfg_msix_en */
    uint64_t addr[NICRX_MAX_CQ];       /* cfg_msix_addr */
    uint32_t data[NICRX_MAX_CQ];       /* cfg_msix_data */
    uint8_t  irq;                      /* s_irq, bit q */
    nicrx_out_t dma;                   /* the DMA's registered aw / w outputs */
    nicrx_in_t  top;                   /* the port's awready, wready, bvalid, bresp */
} msix_in_t;

void msix_init(msix_t *s, uint32_t num_cq, uint32_t axi_data_width);
void msix_out(const msix_t *s, msix_out_t *o);
/* the port's aw / w fields from the block's registers and the DMA's outputs (the rest of
 * *port is left as it is) */
void msix_port(const msix_out_t *o, uint32_t lanes, const nicrx_out_t *dma, nicrx_out_t *port);
/* what the DMA sees of the port: awready, wready, bvalid (the rest of *top as it is) */
void msix_to_dma(const msix_out_t *o, nicrx_in_t *top);
void msix_step(msix_t *s, const msix_in_t *in, msix_out_t *out);

#endif
