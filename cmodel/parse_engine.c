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
    const pe_thread_t *f = &e->th[e->ph];

    if (in->rst) {
        parse_engine_reset(e);
        return;
    }
    /* W: the instruction fetched three cycles ago updates its thread */
    if (e->cw.valid) {
        pe_thread_t *w = &n.th[e->cw.thread];
        nicrx_insn_t insn;

        nicrx_insn_decode(e->cw.insn, &insn);
        nicrx_isa_exec(&w->m, &insn, hdrmem_slot(hm, w->cm.slot),
                       w->cm.len < e->header_bytes ? w->cm.len : e->header_bytes);
        if (w->m.ended)
            w->state = PE_DONE;
    }
    /* C -> W, A -> C, F -> A; F issues for thread ph if it is running */
    n.cw = e->ac;
    n.ac = e->fa;
    n.fa.valid = f->state == PE_RUN;
    n.fa.thread = e->ph;
    memcpy(n.fa.insn, imem_read(imem, f->bank, f->m.pc), sizeof n.fa.insn);
    n.ph = (uint8_t)((e->ph + 1u) & 3u);
    if (in->release)
        n.th[in->release_t].state = PE_FREE;
    if (in->load) {
        pe_thread_t *l = &n.th[in->load_t];

        l->state = PE_RUN;
        l->bank = in->load_bank;
        l->cm = in->load_cm;
        nicrx_isa_start(&l->m, in->load_limit);
    }
    *e = n;
}
