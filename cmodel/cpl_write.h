/* cpl_write.h - twin of rtl/nicrx_cpl_write.v: the transfer engine's completion writer,
 * the record's words in a one-record holder, the B FIFO, each completion queue's tails,
 * room and next slot, DELIVERED and AXI_ERROR (docs/architecture.md "nicrx_cpl_write").
 * Instantiated by the transfer engine (dma.c) as the RTL's nicrx_dma instantiates it.
 * Field names are the RTL register names without _reg. */
#ifndef NICRX_CPL_WRITE_H
#define NICRX_CPL_WRITE_H

#include <stdint.h>
#include "nicrx_hw.h"
#include "streams.h"

/* a B response to expect: a record's (rec), an error completion's (err), its queue */
/* dlv: the B counts DELIVERED (a frame's record, or a stripped frame's last data burst) */
typedef struct cw_bq_ent { uint8_t rec, dlv, q; } cw_bq_ent_t;

typedef struct cpl_write {
    uint32_t num_cq;                 /* parameter */
    cw_bq_ent_t bq_mem[8];
    uint32_t bq_wr, bq_rd;
    uint8_t  bq_room;                /* the B FIFO has room (one cycle old) */
    uint8_t  rh_full;                /* record holder: the last record's words */
    uint64_t rh_w0, rh_w1, rh_w2, rh_w3;
    uint16_t issued_tail[NICRX_MAX_CQ], cq_tail[NICRX_MAX_CQ];
    uint8_t  cq_room;                /* bit q: CQ q has room (one cycle old) */
    uint8_t  cq_room2;               /* ... for two records (a frame's and a run's) */
    uint16_t rec_off;                /* rec_q's issued tail % size (one cycle old) */
    uint8_t  rec_ph;                 /* its phase */
    uint64_t rec_base;               /* rec_q's CQ_BASE (used when num_cq > 1) */
    uint32_t cnt_delivered, cnt_axi_err;
} cpl_write_t;

typedef struct cpl_write_in {
    uint8_t  rst;
    uint8_t  s_cr_valid;             /* the issue FSM's completion request, one per AW */
    cr_stream_t s_cr;
    uint8_t  m_rec_ready;            /* the mover takes the holder's record */
    uint8_t  rec_q;                  /* the next record's queue */
    uint64_t cq_base[NICRX_MAX_CQ];  /* the CQ registers */
    uint8_t  cq_size_log2[NICRX_MAX_CQ];
    uint8_t  cq_en[NICRX_MAX_CQ];
    uint16_t cq_head[NICRX_MAX_CQ];
    uint8_t  s_rerr;                 /* nicrx_desc_fetch saw a read error */
    uint8_t  m_axi_bvalid, m_axi_bresp;
} cpl_write_in_t;

typedef struct cpl_write_out {
    uint8_t  s_cr_ready;             /* registered room */
    uint8_t  m_rec_valid;
    uint64_t m_rec[4];               /* the record's words 0..3 */
    uint16_t rec_off;
    uint8_t  rec_ph;
    uint64_t rec_base;               /* rec_off's CQ base (num_cq 1: CQ_BASE itself) */
    uint8_t  cq_room, cq_room2;
    uint16_t st_cq_tail[NICRX_MAX_CQ];
    uint32_t cnt_delivered, cnt_axi_error;
    uint8_t  busy;                   /* a B response still expected */
} cpl_write_out_t;

int cpl_write_init(cpl_write_t *s, uint32_t num_cq);
/* the outputs; cq_base is CQ 0's CQ_BASE (rec_base with one CQ) */
void cpl_write_out(const cpl_write_t *s, uint64_t cq_base, cpl_write_out_t *o);
void cpl_write_step(cpl_write_t *s, const cpl_write_in_t *in, cpl_write_out_t *out);

#endif
