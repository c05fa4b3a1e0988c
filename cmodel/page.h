/* page.h - twin of rtl/nicrx_page.v: the page cursor of each free-buffer ring, where
 * the next entry goes in the ring's current page and whether it is the page's last
 * (docs/architecture.md "nicrx_page").  Instantiated by the transfer engine (dma.c) as
 * the RTL's nicrx_dma instantiates it: for the frame rings, those below the re-assembly
 * ring (NICRX_REASM_RING), whose descriptors are pages of their own size. */
#ifndef NICRX_PAGE_H
#define NICRX_PAGE_H

#include <stdint.h>
#include "nicrx_hw.h"

typedef struct page {
    uint8_t  pl, al;                   /* page_log2 in 6..15, align_log2 in 3..pl */
    uint16_t psize, amsk;              /* PAGE_SIZE, the alignment - 1 (from pl, al) */
    uint8_t  on[NICRX_REASM_RING];        /* page mode in effect */
    uint16_t lim[NICRX_REASM_RING];       /* the largest entry: BUF_SIZE, at most PAGE_SIZE in page mode */
    uint16_t amask[NICRX_REASM_RING];     /* address bits a buffer must have 0 */
    uint16_t base[NICRX_REASM_RING];      /* the last offset an entry of lim bytes may take */
    uint16_t off[NICRX_REASM_RING];       /* the next entry's offset in the page */
    uint16_t cnt[NICRX_REASM_RING];       /* entries placed in the page before it */
    uint8_t  rel[NICRX_REASM_RING];       /* it is the page's last (for the length s_len had) */
    uint16_t nxt[NICRX_REASM_RING];       /* the offset after it, registered with rel */
} page_t;

typedef struct page_in {
    uint8_t  rst;
    uint8_t  page_en, page_log2, page_align;   /* XFER_PAGE */
    const uint8_t  *fbr_en;                    /* NICRX_REASM_RING each (or more) */
    const uint16_t *fbr_buf_size;
    uint16_t s_len[NICRX_REASM_RING];             /* per ring: the entry's length */
    uint8_t  s_take[NICRX_REASM_RING];            /* per ring: place it */
} page_in_t;

void page_reset(page_t *p);
/* next = the registers after the edge, from p (before it) and the inputs */
void page_step(page_t *next, const page_t *p, const page_in_t *in);

#endif
