/* parser.h - twin of rtl/nicrx_parser.v: the microcoded header parser's queue,
 * dispatch, in-order output, hash and counters, with its engines
 * (parse_engine.c), header memory (hdrmem.c) and instruction memory (imem.c).
 * docs/architecture.md "nicrx_parser" is the contract. */
#ifndef NICRX_PARSER_H
#define NICRX_PARSER_H

#include <stdint.h>
#include "blocks.h"
#include "imem.h"
#include "hdrmem.h"
#include "parse_engine.h"

#define PARSER_MAX_ENGINES 2u

typedef struct parser_qent {
    uint32_t start, slot;
    uint16_t len;
    uint64_t frame;      /* model only */
} parser_qent_t;

typedef struct parser {
    /* parameters */
    uint32_t header_bytes, fq_depth, ne;
    /* memories (not reset) */
    imem_t   imem;
    hdrmem_t hm;
    parser_qent_t *q;    /* FQ_DEPTH entries */
    /* registers */
    uint32_t q_wr, q_rd; /* with a wrap bit */
    uint32_t disp;       /* next frame to dispatch, mod 4*NE: engine disp % NE, thread disp / NE */
    uint32_t outp;       /* next frame to leave, likewise */
    uint8_t  bank, swap_pending;
    parse_engine_t eng[PARSER_MAX_ENGINES];
    uint8_t  hv_valid;
    uint32_t hv_start, hv_slot;
    uint16_t hv_len;
    nicrx_hv_t hv;
    uint64_t hv_frame;   /* model only */
    uint32_t cnt_perr, cnt_trunc;
    uint8_t  idle;
} parser_t;

int parser_init(parser_t *s, const nicrx_geom_t *g);
void parser_free(parser_t *s);
/* Configuration-time program load (both banks); -1 if longer than IMEM_DEPTH. */
int parser_load_program(parser_t *s, const uint32_t *words, uint32_t n_insn);
void parser_out(const parser_t *s, parser_out_t *o);
/* hv_ready: the flow block takes the frame held (hv_valid) at this edge. */
void parser_step(parser_t *s, const ingress_out_t *ing, const csr_cfg_t *cfg, const nicrx_in_t *top,
                 uint8_t hv_ready, const evsink_t *ev);

#endif
