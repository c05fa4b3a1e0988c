/* parser.c - twin of rtl/nicrx_parser.v (see parser.h). */
#include <stdlib.h>
#include <string.h>
#include "parser.h"

static void parser_reset(parser_t *s)
{
    s->q_wr = s->q_rd = 0;
    s->disp = s->outp = 0;
    s->bank = s->swap_pending = 0;
    for (uint32_t e = 0; e < s->ne; e++)
        parse_engine_init(&s->eng[e], s->header_bytes);
    s->x_valid = 0;
    memset(&s->x, 0, sizeof s->x);
    s->m_hv_valid = 0;
    memset(&s->m_hv, 0, sizeof s->m_hv);
    s->cnt_perr = s->cnt_trunc = 0;
    s->idle = 1;
}

int parser_init(parser_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->header_bytes = g->p.header_bytes;
    s->fq_depth = g->p.fq_depth;
    s->ne = g->p.parse_engines;
    imem_init(&s->imem, g->p.imem_depth);
    s->q = calloc(s->fq_depth, sizeof *s->q);
    if (!s->q || hdrmem_init(&s->hm, s->fq_depth, s->header_bytes, g->bytes_per_beat) != 0) {
        parser_free(s);
        return -1;
    }
    parser_reset(s);
    return 0;
}

void parser_free(parser_t *s)
{
    free(s->q);
    s->q = NULL;
    hdrmem_free(&s->hm);
}

int parser_load_program(parser_t *s, const uint32_t *words, uint32_t n_insn)
{
    return imem_load(&s->imem, words, n_insn);
}

void parser_out(const parser_t *s, parser_out_t *o)
{
    memset(o->cnt, 0, sizeof o->cnt);
    o->m_hv_valid = s->m_hv_valid;
    o->m_hv = s->m_hv;
    o->bank = s->bank;
    o->swap_pending = s->swap_pending;
    o->idle = s->idle;
    o->cnt[NICRX_CNT_PARSE_ERROR] = s->cnt_perr;
    o->cnt[NICRX_CNT_PARSE_TRUNC] = s->cnt_trunc;
}

void parser_step(parser_t *s, const parser_in_t *in, parser_out_t *out)
{
    const csr_cfg_t *cfg = &in->cfg;
    const uint32_t qmask = 2u * s->fq_depth - 1u, ctx = PE_THREADS * s->ne;
    const uint32_t oe = s->outp % s->ne, ot = s->outp / s->ne;
    const uint32_t de = s->disp % s->ne, dt = s->disp / s->ne;
    pe_in_t pin[PARSER_MAX_ENGINES];
    const uint8_t take = s->m_hv_valid && in->m_hv_ready;   /* the flow block takes the held frame */
    const uint8_t x_take = !in->rst && s->x_valid && (!s->m_hv_valid || in->m_hv_ready);   /* x moves on */
    uint8_t running = 0, flip, load, disp;

    memset(pin, 0, sizeof pin);
    for (uint32_t e = 0; e < s->ne; e++)
        for (uint32_t t = 0; t < PE_THREADS; t++)
            running |= s->eng[e].th[t].state == PE_RUN;
    load = !in->rst && (!s->x_valid || x_take) && s->eng[oe].th[ot].state == PE_DONE;
    disp = !in->rst && s->q_wr != s->q_rd && !s->swap_pending && s->eng[de].th[dt].state == PE_FREE;
    flip = s->swap_pending && !running;

    /* counters: the frame taken at this edge */
    if (take && s->m_hv.perr)
        s->cnt_perr++;
    if (take && s->m_hv.trunc)
        s->cnt_trunc++;
    /* output: x's frame once none is held (or the held one is taken now) */
    s->m_hv_valid = x_take || (s->m_hv_valid && !take);
    if (x_take) {
        nicrx_event_t e;

        s->m_hv = s->x;
        memset(&e, 0, sizeof e);
        e.kind = NICRX_EV_PARSED;
        e.frame = s->x.frame;
        e.hv = &s->x_hv;
        e.len = s->x.len;
        ev_emit(in->ev, &e);
    }
    /* the next frame in commit order out of its thread, once it is done and x is
     * free (or moves on now); the thread is free after this edge */
    s->x_valid = load || (s->x_valid && !x_take);
    if (load) {
        const pe_thread_t *o = &s->eng[oe].th[ot];

        nicrx_isa_finish(&o->m, o->cm.len, &s->x_hv);
        hv_stream_from_parse(&s->x, &s->x_hv, &o->cm);
        pin[oe].release = 1;
        pin[oe].release_t = (uint8_t)ot;
        s->outp = (s->outp + 1u) % ctx;
    }
    /* dispatch: the queue head to its thread (free before this edge), unless a
     * swap is pending */
    if (disp) {
        pin[de].load = 1;
        pin[de].load_t = (uint8_t)dt;
        pin[de].load_limit = cfg->step_limit;
        pin[de].load_cm = s->q[s->q_rd & (s->fq_depth - 1u)];
        s->q_rd = (s->q_rd + 1u) & qmask;
        s->disp = (s->disp + 1u) % ctx;
    }
    if (in->s_cm_valid) {
        s->q[s->q_wr & (s->fq_depth - 1u)] = in->s_cm;
        s->q_wr = (s->q_wr + 1u) & qmask;
    }
    /* engines read the memories as they were before this edge */
    for (uint32_t e = 0; e < s->ne; e++) {
        pin[e].rst = in->rst;
        pin[e].bank = s->bank;
        parse_engine_step(&s->eng[e], &pin[e], &s->imem, &s->hm);
    }
    /* the memories are written at every edge, under reset too, as in the RTL;
     * the instruction memory's write goes to the bank that was not active */
    imem_step(&s->imem, cfg->imem_we, s->bank ^ 1u, cfg->imem_addr, cfg->imem_data);
    hdrmem_step(&s->hm, in->hm_wr_en, in->hm_wr_addr, in->pm_wr_data);
    s->bank ^= flip;
    s->swap_pending = flip ? 0 : (uint8_t)(s->swap_pending | cfg->swap);

    if (in->rst) {
        parser_reset(s);
    } else {
        s->idle = s->q_wr == s->q_rd && !s->x_valid && !s->m_hv_valid;
        for (uint32_t e = 0; e < s->ne; e++)
            for (uint32_t t = 0; t < PE_THREADS; t++)
                if (s->eng[e].th[t].state != PE_FREE)
                    s->idle = 0;
    }
    parser_out(s, out);
}
