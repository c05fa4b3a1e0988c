/* parse_engine.c - twin of rtl/nicrx_parse_engine.v (see parse_engine.h). */
#include <string.h>
#include "parse_engine.h"

static void parse_engine_reset(parse_engine_t *e)
{
    uint32_t hb = e->header_bytes;

    memset(e, 0, sizeof *e);
    e->header_bytes = hb;
}

void parse_engine_init(parse_engine_t *e, uint32_t header_bytes)
{
    e->header_bytes = header_bytes;
    parse_engine_reset(e);
}

void parse_engine_step(parse_engine_t *e, const pe_in_t *in, const imem_t *imem, const hdrmem_t *hm)
{
    parse_engine_t n = *e;
    const pe_stage_t *w = &e->pipe[PE_STAGES - 1];
    const uint8_t tn = (uint8_t)((e->ph + 1u) % PE_THREADS);   /* F's thread next cycle: W's now */

    if (in->rst) {
        parse_engine_reset(e);
        return;
    }
    /* S: a frame that ended at W is done */
    if (e->s_fin)
        n.th[e->s_thr].state = PE_DONE;
    /* W: the instruction fetched seven cycles ago updates its thread, which issues its
     * next one in the next cycle unless its frame ended; without one, the thread of
     * the next cycle issues its first if it was loaded */
    n.s_fin = 0;
    if (w->valid) {
        pe_thread_t *t = &n.th[w->thread];
        nicrx_insn_t insn;

        nicrx_insn_decode(w->insn, &insn);
        nicrx_isa_exec(&t->m, &insn, hdrmem_slot(hm, t->cm.slot),
                       t->cm.len < e->header_bytes ? t->cm.len : e->header_bytes);
        n.s_fin = t->m.ended;
        n.s_thr = w->thread;
        n.f_valid = !t->m.ended;
    } else {
        n.f_valid = e->th[tn].go;
        n.th[tn].go = 0;
    }
    /* F -> I -> ... -> W */
    memmove(&n.pipe[1], &e->pipe[0], (PE_STAGES - 1u) * sizeof n.pipe[0]);
    n.pipe[0].valid = e->f_valid;
    n.pipe[0].thread = e->ph;
    memcpy(n.pipe[0].insn, imem_read(imem, in->bank, e->th[e->ph].m.pc), sizeof n.pipe[0].insn);
    n.ph = tn;
    if (in->release)
        n.th[in->release_t].state = PE_FREE;
    if (in->load) {
        pe_thread_t *l = &n.th[in->load_t];

        l->state = PE_RUN;
        l->go = 1;
        l->cm = in->load_cm;
        nicrx_isa_start(&l->m, in->load_limit);
    }
    *e = n;
}
