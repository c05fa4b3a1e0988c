/* geom.c - nicrx_top's derived parameters (geom.h). */
#include "geom.h"

static uint32_t log2u(uint32_t v)
{
    uint32_t n = 0;
    while ((1u << n) < v)
        n++;
    return n;
}

void nicrx_geom_init(nicrx_geom_t *g, const nicrx_params_t *p)
{
    g->p = *p;
    g->bytes_per_beat = p->data_width / 8;
    g->pm_words = g->bytes_per_beat ? p->pkt_mem_bytes / g->bytes_per_beat : 0;
    g->pm_aw = log2u(g->pm_words);
    g->slot_w = log2u(p->fq_depth);
    g->hm_aw = g->slot_w + (g->bytes_per_beat ? log2u(p->header_bytes / g->bytes_per_beat) : 0);
}
