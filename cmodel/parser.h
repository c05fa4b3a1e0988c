/* parser.h - twin of rtl/nicrx_parser.v, the fixed-function header parser.
 *
 * The function is nicrx_parse() (nicrx_model.h, implemented in parser.c); the
 * timing is a PARSER_PARSE_LAT-deep delay line.  The RTL's stages load only when
 * the stage before holds a frame, so between frames every stage, and the hv_*
 * outputs, keep the last frame's values; the delay line does the same. */
#ifndef NICRX_PARSER_H
#define NICRX_PARSER_H

#include <stdint.h>
#include "blocks.h"

#define PARSER_PARSE_LAT 3u /* = localparam PARSE_LAT in rtl/nicrx_parser.v */

typedef struct parser_slot {
    uint8_t    valid;
    uint32_t   start;
    uint16_t   len;
    nicrx_hv_t hv;
    uint64_t   frame; /* model only */
} parser_slot_t;

typedef struct parser {
    uint32_t header_bytes;                /* HEADER_BYTES (parameter) */
    parser_slot_t st[PARSER_PARSE_LAT];   /* st[PARSE_LAT-1] drives hv_* */
    uint8_t idle_reg;
} parser_t;

void parser_init(parser_t *s, const nicrx_geom_t *g);
void parser_out(const parser_t *s, parser_out_t *o);
void parser_step(parser_t *s, const ingress_out_t *ing, const nicrx_in_t *top, const evsink_t *ev);

#endif
