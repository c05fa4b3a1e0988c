/* isa.h - the execution of one parser instruction (internal header).
 *
 * nicrx_isa_exec() is docs/microcode.md "Execution of one instruction" on the
 * state of one thread; nicrx_isa_finish() derives the header vector a frame
 * hands on ("The header vector after the frame ends").  Both the functional
 * parse (nicrx_parse) and the cycle model's engine (parse_engine.c) use them,
 * so the two cannot disagree. */
#ifndef NICRX_ISA_EXEC_H
#define NICRX_ISA_EXEC_H

#include <stdint.h>
#include "nicrx_isa.h"
#include "nicrx_model.h"

/* Machine state of one frame (docs/microcode.md "Machine state per frame"). */
typedef struct nicrx_thread {
    uint8_t    pc;        /* next instruction (the engine fetches pc mod IMEM_DEPTH) */
    uint16_t   cur;       /* cursor, 10 bits */
    uint16_t   l3, l4;    /* saved layer starts, 10 bits */
    uint16_t   cls;       /* classification bits, 10 bits */
    uint16_t   steps;     /* instructions completed, 9 bits */
    uint16_t   limit;     /* step limit 1..256 */
    uint16_t   iplen;     /* dst iplen, and whether it was stored */
    uint8_t    iplen_set;
    uint8_t    ended;     /* the frame has ended (HV final) */
    nicrx_hv_t hv;        /* stored fields and truncated; the rest by nicrx_isa_finish */
} nicrx_thread_t;

/* Frame start: everything 0, step limit from PARSER_CTRL's value (0 = 256). */
void nicrx_isa_start(nicrx_thread_t *t, uint32_t step_limit);
/* Executes one instruction on t; bytes holds the w = min(len, HEADER_BYTES)
 * bytes of the frame's header and nothing past them is read. */
void nicrx_isa_exec(nicrx_thread_t *t, const nicrx_insn_t *i, const uint8_t *bytes, uint32_t w);
/* The header vector after the frame ended; len is the frame's length. */
void nicrx_isa_finish(const nicrx_thread_t *t, uint32_t len, nicrx_hv_t *hv);

#endif
