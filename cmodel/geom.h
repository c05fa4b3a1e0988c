/* geom.h - the elaboration parameters and what nicrx_top derives from them, as every
 * block and every layout of cmodel/streams.h sees them (internal header). */
#ifndef NICRX_GEOM_H
#define NICRX_GEOM_H

#include <stdint.h>
#include "nicrx_model.h"

typedef struct nicrx_geom {
    nicrx_params_t p;
    uint32_t bytes_per_beat; /* BPB = DATA_WIDTH / 8 */
    uint32_t pm_words;       /* PKT_MEM_BYTES / BPB */
    uint32_t pm_aw;          /* PM_AW = log2(pm_words) */
    uint32_t slot_w;         /* SLOT_W = log2(FQ_DEPTH) */
    uint32_t hm_aw;          /* HM_AW = SLOT_W + log2(HEADER_BYTES / BPB): {slot, beat} */
} nicrx_geom_t;

/* Derives the rest from g->p = *p (as nicrx_top's localparams). */
void nicrx_geom_init(nicrx_geom_t *g, const nicrx_params_t *p);

#endif
