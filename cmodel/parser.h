/* parser.h - twin of rtl/nicrx_parser.v: the microcoded header parser's queue,
 * dispatch, in-order output, hash and counters, with its engines
 * (parse_engine.c), header memory (hdrmem.c) and instruction memory (imem.c).
 * docs/architecture.md "nicrx_parser" is the contract. */
#ifndef NICRX_PARSER_H
#define NICRX_PARSER_H

#include <stdint.h>
#include <string.h>
#include "blocks.h"
#include "imem.h"
#include "hdrmem.h"
#include "parse_engine.h"

#define PARSER_MAX_ENGINES 2u

typedef struct parser {
    /* parameters */
    uint32_t header_bytes, fq_depth, ne;
    /* memories (not reset) */
    imem_t   imem;
    hdrmem_t hm;
    cm_stream_t *q;      /* FQ_DEPTH entries */
    /* registers */
    uint32_t q_wr, q_rd; /* with a wrap bit */
    uint32_t disp;       /* next frame to dispatch, mod 8*NE: engine disp % NE, thread disp / NE */
    uint32_t outp;       /* next frame out of its thread, likewise */
    uint8_t  bank, swap_pending;
    parse_engine_t eng[PARSER_MAX_ENGINES];
    uint8_t  x_valid;    /* x_hv_reg: the frame out of its thread, before m_hv */
    hv_stream_t x;
    nicrx_hv_t x_hv;     /* its header vector (the PARSED event's) */
    uint8_t  m_hv_valid;
    hv_stream_t m_hv;
    uint32_t cnt_perr, cnt_trunc;
    uint8_t  idle;
} parser_t;

int parser_init(parser_t *s, const nicrx_geom_t *g);
void parser_free(parser_t *s);
/* Configuration-time program load (both banks); -1 if longer than IMEM_DEPTH. */
int parser_load_program(parser_t *s, const uint32_t *words, uint32_t n_insn);
typedef struct parser_in {
    uint8_t  rst;
    uint8_t  hm_wr_en;           /* ingress: header-memory write */
    uint32_t hm_wr_addr;
    uint64_t pm_wr_data;
    uint8_t  s_cm_valid;         /* ingress: a committed frame */
    cm_stream_t s_cm;
    csr_cfg_t cfg;               /* step_limit, swap, imem_we, imem_addr, imem_data */
    uint8_t  m_hv_ready;         /* the flow block takes the frame held at this edge */
    const evsink_t *ev;          /* NICRX_EV_PARSED */
} parser_in_t;

void parser_out(const parser_t *s, parser_out_t *o);
void parser_step(parser_t *s, const parser_in_t *in, parser_out_t *out);

/* The stream's header vector from the functional parse's (the same fields, as the
 * RTL lays them out) and the frame it belongs to. */
static inline void hv_stream_from_parse(hv_stream_t *s, const nicrx_hv_t *hv, const cm_stream_t *cm)
{
    s->start = cm->start;
    s->len = cm->len;
    s->slot = cm->slot;
    s->frame = cm->frame;
    s->cls = hv->cls;
    s->l3 = hv->l3;
    s->l4 = hv->l4;
    s->proto = hv->proto;
    s->vlan_cnt = hv->vlan_cnt;
    s->vlan0 = hv->vlan[0];
    s->vlan1 = hv->vlan[1];
    s->frag = hv->frag;
    s->mf = hv->mf;
    s->frag_off = hv->frag_off;
    memcpy(s->src, hv->src, sizeof s->src);
    memcpy(s->dst, hv->dst, sizeof s->dst);
    s->sport = hv->sport;
    s->dport = hv->dport;
    s->seq = hv->seq;
    s->ack = hv->ack;
    s->tcp_flags = hv->tcp_flags;
    s->win = hv->win;
    s->tcp_hlen = hv->tcp_hlen;
    s->l4_len = hv->l4_len;
    s->l3_off = hv->l3_off;
    s->l4_off = hv->l4_off;
    s->pay_off = hv->pay_off;
    s->trunc = hv->truncated;
    s->perr = hv->perr;
    s->hash = hv->hash;
}

#endif
