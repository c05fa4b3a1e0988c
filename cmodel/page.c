/* page.c - twin of rtl/nicrx_page.v (see page.h and docs/architecture.md "nicrx_page"). */
#include <string.h>
#include "page.h"

void page_reset(page_t *p)
{
    memset(p, 0, sizeof *p);
    p->pl = 12;
    p->al = 6;
    p->psize = 0x1000;
    p->amsk = 0x3f;
    for (uint32_t r = 0; r < NICRX_REASM_RING; r++) {
        p->amask[r] = 7;
        p->rel[r] = 1;
    }
}

void page_step(page_t *n, const page_t *p, const page_in_t *in)
{
    if (in->rst) {
        page_reset(n);
        return;
    }
    const uint32_t psize = p->psize, amsk = p->amsk;

    n->pl = in->page_log2 < 6 ? 6 : in->page_log2;
    n->al = in->page_align < 3 ? 3 : in->page_align > p->pl ? p->pl : in->page_align;
    n->psize = (uint16_t)(1u << p->pl);
    n->amsk = (uint16_t)((1u << p->al) - 1);
    for (uint32_t r = 0; r < NICRX_REASM_RING; r++) {
        uint32_t lim = in->fbr_buf_size[r];

        n->on[r] = (uint8_t)(in->page_en >> r & 1u);
        if (p->on[r] && lim > psize) lim = psize;
        n->lim[r] = (uint16_t)lim;
        n->amask[r] = (uint16_t)(p->on[r] ? psize - 1 : 7);
        n->base[r] = nicrx_page_base(psize, p->lim[r], amsk);
        /* the entry ends the page when the next aligned offset leaves no room for an
         * entry of lim bytes: off + len > base says just that (off and base aligned) */
        n->rel[r] = (uint8_t)(!p->on[r] || nicrx_page_ends(p->off[r], in->s_len[r], p->base[r]));
        n->nxt[r] = nicrx_page_next(p->off[r], in->s_len[r], amsk);
        if (!in->fbr_en[r] || !p->on[r]) {
            n->off[r] = 0;
            n->cnt[r] = 0;
        } else if (in->s_take[r]) {
            n->off[r] = p->rel[r] ? 0 : p->nxt[r];
            n->cnt[r] = (uint16_t)(p->rel[r] ? 0 : (p->cnt[r] + 1) & 0x1fff);
        }
    }
}
