/* reasm.h - twin of rtl/nicrx_reasm.v: the per-flow re-assembly table and the decision
 * for the frame at the frame queue's head or for the entry the sweep looks at
 * (docs/architecture.md "nicrx_reasm"). */
#ifndef NICRX_REASM_H
#define NICRX_REASM_H

#include <stdint.h>

#define REASM_MAX_FLOWS 256u  /* FLOWS' largest value */

/* a table entry (the RTL's 198-bit word) */
typedef struct reasm_ent {
    uint8_t  open, gen;
    uint64_t page;          /* the page's address bits 63:12 */
    uint16_t id;            /* its buf_id */
    uint32_t off;           /* bytes merged: the next segment's offset in the page (17 bits) */
    uint8_t  segs;          /* segments merged */
    uint32_t seq;           /* the first segment's sequence number */
    uint16_t time;          /* the device time it opened or last grew (the timeout measures quiet time) */
    uint32_t ack;           /* the last merged segment's ACK number */
    uint16_t win;           /* ... and window */
} reasm_ent_t;

/* the request as it travels through the stages (the RTL's rq vector) */
typedef struct reasm_rq {
    uint8_t  req, flow, gen, op, fcl;
    uint16_t len;
    uint32_t seq;
} reasm_rq_t;

/* what B derives from the request (the RTL's pre vector) */
typedef struct reasm_pre {
    uint8_t  cn, fn;                /* a CONT, a FIRST with a payload */
    uint8_t  kop;                   /* it closes its flow's run: OOO, SHORT, NO_MERGE, a FIRST or CONT with nothing to merge */
    uint8_t  ctl;                   /* CTRL */
    uint8_t  ok;                    /* it may open a run */
    uint8_t  lep, leb;              /* len <= page, len <= cap */
    uint32_t rp, rb;                /* page - len, cap - len: the offsets at which it still fits */
} reasm_pre_t;

/* the registers besides the table */
typedef struct reasm_regs {
    uint8_t  en;
    uint32_t psize, capb;   /* page size; bytes cap, at most the page size (17 bits) */
    uint8_t  caps, caps1;   /* segments cap, 1..255, and the cap - 1 */
    uint16_t to, now;
    uint16_t lo;            /* now - timeout: a last-merge time in [lo, now] (circularly) is not quiet */
    uint8_t  wrap;          /* lo > now */
    uint8_t  sp, ini, fl;   /* sweep (and clearing) pointer; clearing; flush */
    /* A the address and the request, B the table's read and what the length gives, C the
     * entry in flip-flops */
    uint8_t  a_v, b_v, c_v;
    reasm_rq_t a_rq, b_rq, c_rq;
    reasm_pre_t b_pre, c_pre;
    reasm_ent_t b_q, c_q;
    /* D: the answer, with the entry and the request it was made from */
    uint8_t  d_v, d_close, d_open, d_merge, d_after, d_reason;
    reasm_rq_t d_rq;
    uint64_t d_dst;
    uint8_t  d_rsegs;
    uint32_t d_rlen, d_sum;
    reasm_ent_t d_q;
    uint16_t d_now;
} reasm_regs_t;

typedef struct reasm {
    uint32_t     flows;                     /* FLOWS */
    reasm_regs_t r;
    reasm_ent_t  tab[REASM_MAX_FLOWS];      /* not reset: the reset's pass clears it */
} reasm_t;

typedef struct reasm_in {
    uint8_t  rst;
    uint8_t  cfg_en, cfg_page_log2, cfg_max_segs;
    uint32_t cfg_max_bytes;
    uint16_t cfg_timeout, now;
    uint8_t  s_flush, s_chg, s_req, s_flow, s_gen, s_op, s_fcl, s_take;
    uint8_t  s_take_cls;                     /* the take is a close alone: the entry's run closes, nothing merges */
    uint16_t s_len, s_take_id;
    uint32_t s_seq;
    uint32_t s_ack;                         /* the frame's ACK number and window: taken from the */
    uint16_t s_win;                         /*   request at a take that opens or grows a run */
    uint64_t s_take_page;                   /* address bits 63:12 */
} reasm_in_t;

typedef struct reasm_out {
    uint8_t  m_v, m_req, m_flow, m_close, m_reason, m_open, m_merge, m_after;
    uint64_t m_dst;
    uint32_t m_off;
    uint8_t  m_r_gen, m_r_segs;
    uint16_t m_r_id;
    uint32_t m_r_len, m_r_seq;
    uint32_t m_r_ack;                       /* the entry's: its last merged segment's */
    uint16_t m_r_win;
    uint8_t  m_busy;
} reasm_out_t;

void reasm_init(reasm_t *s, uint32_t flows);
void reasm_out(const reasm_t *s, reasm_out_t *o);
void reasm_step(reasm_t *s, const reasm_in_t *in, reasm_out_t *out);

#endif
