/* parse_engine.h - twin of rtl/nicrx_parse_engine.v: one parse engine, eight
 * threads on an eight-stage barrel pipeline (docs/architecture.md, "Engine
 * pipeline").  The phase counter ph picks the thread that may issue in a cycle:
 * F (instruction-memory read) in the cycle with ph = t, then I, A, H, L, C, V
 * and W, whose edge updates the thread with nicrx_isa_exec() and hands its next
 * pc to F; a frame that ended there is done after the next edge (S, where the
 * RTL stores the header-vector field).  The stage registers carry the thread and
 * the instruction read at F; the rest of each stage's work is the RTL's way of
 * computing what nicrx_isa_exec() does at W. */
#ifndef NICRX_PARSE_ENGINE_H
#define NICRX_PARSE_ENGINE_H

#include <stdint.h>
#include "isa.h"
#include "imem.h"
#include "hdrmem.h"
#include "streams.h"

#define PE_THREADS 8u   /* threads per engine: the stages F..W */
#define PE_STAGES  7u   /* stages after F: I, A, H, L, C, V, W */

enum pe_state { PE_FREE = 0, PE_RUN, PE_DONE };

typedef struct pe_thread {
    uint8_t  state;       /* enum pe_state */
    uint8_t  go;          /* loaded, its first instruction not yet issued */
    cm_stream_t cm;       /* its frame, as committed */
    nicrx_thread_t m;     /* machine state (docs/microcode.md) */
} pe_thread_t;

typedef struct pe_stage {
    uint8_t  valid;
    uint8_t  thread;
    uint32_t insn[NICRX_INSN_WORDS];
} pe_stage_t;

typedef struct parse_engine {
    uint32_t   header_bytes;   /* HEADER_BYTES (parameter) */
    uint8_t    ph;             /* phase, 3 bits, 0 in the first cycle after reset */
    uint8_t    f_valid;        /* F issues thread ph in this cycle (at its pc) */
    uint8_t    s_fin, s_thr;   /* S: thread s_thr's frame ended at W */
    pe_thread_t th[PE_THREADS];
    pe_stage_t pipe[PE_STAGES]; /* pipe[k]: the instruction in stage k + 1 after F (pipe[6]: W) */
} parse_engine_t;

/* What the parser tells an engine at an edge. */
typedef struct pe_in {
    uint8_t  rst;
    uint8_t  bank;             /* the active bank: F reads it */
    uint8_t  load;             /* load thread load_t (free before the edge) */
    uint8_t  load_t;
    uint32_t load_limit;       /* cfg_step_limit, 0 = 256 */
    cm_stream_t load_cm;
    uint8_t  release;          /* thread release_t (done) leaves: free after the edge */
    uint8_t  release_t;
} pe_in_t;

void parse_engine_init(parse_engine_t *e, uint32_t header_bytes);
/* One edge; imem and hm are the memories before it. */
void parse_engine_step(parse_engine_t *e, const pe_in_t *in, const imem_t *imem, const hdrmem_t *hm);

#endif
