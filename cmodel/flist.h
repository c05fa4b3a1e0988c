/* flist.h - twin of rtl/nicrx_flist.v: host-posted buffer lists, each bound to one flow, on
 * ring 3's lane between the descriptor fetch and the transfer engine (docs/architecture.md
 * "nicrx_flist"). */
#ifndef NICRX_FLIST_H
#define NICRX_FLIST_H

#include <stdint.h>
#include "blocks.h"

#define FLIST_MAX_LISTS 8u   /* LISTS' largest value */
#define FLIST_MAX_DEPTH 16u  /* DEPTH's largest value */

/* a posted buffer (the RTL's 97-bit word) */
typedef struct flist_buf {
    uint64_t addr;
    uint16_t id;
    uint8_t  small;          /* smaller than the page at its post */
} flist_buf_t;

/* the registers besides the buffers */
typedef struct flist_regs {
    uint8_t  bnd[FLIST_MAX_LISTS], err[FLIST_MAX_LISTS];
    uint16_t key[FLIST_MAX_LISTS];                      /* the bound {gen, flow} */
    uint8_t  wr[FLIST_MAX_LISTS], rd[FLIST_MAX_LISTS];  /* posted, taken since the bind (free-running) */
    uint8_t  cnt[FLIST_MAX_LISTS];                      /* held (wr - rd), kept so no check subtracts */
    uint32_t psize;                                     /* the page's bytes */
    /* o: what is presented now; p: what was presented in the cycle before (a pop's) */
    uint8_t  h_hit, h_idx;                              /* the head's list */
    uint8_t  o_hit, o_list, o_valid, o_bad, o_idx, p_hit, p_list, p_oh;   /* p_oh: the list presented the cycle before, one bit a list */
    desc_ent_t o_data;                                  /* the list's head buffer or ring 3's head a cycle late; not reset */
    uint8_t  st_bound, st_err, st_cnt, st_head;
    uint32_t cnt_fb;
} flist_regs_t;

typedef struct flist {
    uint32_t lists, depth;                              /* LISTS, DEPTH */
    flist_buf_t mem[FLIST_MAX_LISTS * FLIST_MAX_DEPTH]; /* list l's FIFO at l * depth (not reset) */
    flist_regs_t r;
} flist_t;

typedef struct flist_in {
    uint8_t  rst;
    uint8_t  cfg_page_log2;
    uint8_t  cfg_cmd, cfg_sel;   /* FLIST_CMD.op (a pulse), FLIST_SEL */
    uint16_t cfg_flow;           /* {gen, flow} */
    uint64_t cfg_addr;
    uint16_t cfg_id;
    uint32_t cfg_size;
    uint16_t s_head;             /* the transfer engine's queue head's {gen, flow} */
    uint8_t  s_desc_valid;       /* ring 3's head (nicrx_desc_fetch) */
    desc_ent_t s_desc;
    uint8_t  s_desc_pop;         /* the transfer engine's pop of ring 3 */
} flist_in_t;

typedef struct flist_out {
    /* registered: what the transfer engine sees as ring 3's head, and the pop's source
     * (flist_pop combines it with the transfer engine's pop, as the RTL's assign) */
    uint8_t  o_valid, o_bad, p_list;
    desc_ent_t o_data;
    uint8_t  st_bound, st_err, st_cnt, st_head;
    uint32_t cnt_fallback;
} flist_out_t;

/* the transfer engine's pop of ring 3 that goes to the descriptor fetch */
static inline uint8_t flist_pop(const flist_out_t *o, uint8_t pop)
{
    return (uint8_t)(pop && !o->p_list);
}

void flist_init(flist_t *s, uint32_t lists, uint32_t depth);
void flist_out(const flist_t *s, flist_out_t *o);
void flist_step(flist_t *s, const flist_in_t *in, flist_out_t *out);

#endif
