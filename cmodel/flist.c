/* flist.c - twin of rtl/nicrx_flist.v (flist.h, docs/architecture.md "nicrx_flist"). */
#include <string.h>
#include "flist.h"

enum { FLIST_BIND = 1, FLIST_POST = 2, FLIST_UNBIND = 3 };

void flist_init(flist_t *s, uint32_t lists, uint32_t depth)
{
    memset(s, 0, sizeof *s);
    s->lists = lists;
    s->depth = depth;
}

void flist_out(const flist_t *s, flist_out_t *o)
{
    const flist_regs_t *r = &s->r;

    o->o_valid = r->o_valid;
    o->o_bad = r->o_bad;
    o->p_list = r->p_list;
    o->o_data = r->o_data;
    o->st_bound = r->st_bound;
    o->st_err = r->st_err;
    o->st_cnt = r->st_cnt;
    o->st_head = r->st_head;
    o->cnt_fallback = r->cnt_fb;
}

void flist_step(flist_t *s, const flist_in_t *in, flist_out_t *out)
{
    const flist_regs_t r = s->r;   /* the registers before the edge */
    flist_regs_t *n = &s->r;
    const uint8_t pl = in->cfg_page_log2 < 12 ? 12 : in->cfg_page_log2 > 16 ? 16 : in->cfg_page_log2;
    uint8_t hit = 0, hidx = 0;

    /* the head's list: the lowest bound list with its key */
    for (uint32_t l = s->lists; l-- > 0;)
        if (r.bnd[l] && r.key[l] == in->s_head) {
            hit = 1;
            hidx = (uint8_t)l;
        }
    const flist_buf_t hb = s->mem[r.h_idx * s->depth + (r.rd[r.h_idx] & (s->depth - 1))];
    const uint8_t hlist = (uint8_t)(r.h_hit && r.cnt[r.h_idx] != 0);   /* the list is presented next */
    /* the command's list (a command on a list >= LISTS does nothing) */
    const int sel_ok = in->cfg_sel < s->lists;
    const uint8_t sidx = (uint8_t)(in->cfg_sel & (s->lists - 1));
    const uint8_t scnt = r.cnt[sidx];
    const int do_bind = sel_ok && in->cfg_cmd == FLIST_BIND && !r.bnd[sidx];
    const int do_post = sel_ok && in->cfg_cmd == FLIST_POST && r.bnd[sidx] && scnt != s->depth;
    const int refuse = sel_ok && (in->cfg_cmd == FLIST_BIND || in->cfg_cmd == FLIST_POST) && !do_bind && !do_post;
    /* a pop of the list presented at the decision (never below empty): each list's own, from
     * its bit of p_oh and its own count */
    uint8_t lpop = 0;
    for (uint32_t l = 0; l < s->lists; l++)
        if (in->s_desc_pop && ((r.p_oh >> l) & 1) && r.cnt[l] != 0)
            lpop |= (uint8_t)(1u << l);

    if (do_post)
        s->mem[sidx * s->depth + (r.wr[sidx] & (s->depth - 1))] =
            (flist_buf_t){ .addr = in->cfg_addr, .id = in->cfg_id, .small = (in->cfg_size & 0x1ffffu) < r.psize };
    n->psize = 1u << pl;
    n->h_idx = hidx;
    n->o_idx = r.h_idx;
    n->o_data = hlist ? (desc_ent_t){ .addr = hb.addr, .buf_id = hb.id } : in->s_desc;
    if (in->rst) {
        memset(n->bnd, 0, sizeof n->bnd);
        memset(n->err, 0, sizeof n->err);
        memset(n->key, 0, sizeof n->key);
        memset(n->wr, 0, sizeof n->wr);
        memset(n->rd, 0, sizeof n->rd);
        memset(n->cnt, 0, sizeof n->cnt);
        n->h_hit = n->o_hit = n->o_list = n->o_valid = n->o_bad = n->p_hit = n->p_list = n->p_oh = 0;
        n->cnt_fb = 0;
        n->st_bound = n->st_err = n->st_cnt = n->st_head = 0;
    } else {
        /* bound while the list is in the choice or a pop to it is in flight, so a host that
         * reads bound 0 after an unbind reads a head that counts every take */
        const int busy = (r.h_hit && r.h_idx == sidx) || (r.o_list && r.o_idx == sidx) || ((r.p_oh >> sidx) & 1);
        n->st_bound = (uint8_t)(sel_ok && (r.bnd[sidx] || busy));
        n->st_err = (uint8_t)(sel_ok && r.err[sidx]);
        n->st_cnt = sel_ok ? (uint8_t)(scnt & 0x1f) : 0;
        n->st_head = sel_ok ? r.rd[sidx] : 0;
        n->h_hit = hit;
        n->o_hit = r.h_hit;
        n->o_list = hlist;
        n->o_valid = (uint8_t)(hlist || in->s_desc_valid);
        n->o_bad = (uint8_t)(hlist && hb.small);
        n->p_hit = r.o_hit;
        n->p_list = r.o_list;
        n->p_oh = (uint8_t)(r.o_list << r.o_idx);
        /* ring 3's page taken for a frame of a bound flow whose list was empty */
        if (in->s_desc_pop && !r.p_list && r.p_hit)
            n->cnt_fb = r.cnt_fb + 1;
        for (uint32_t l = 0; l < s->lists; l++) {
            const int pop = (lpop >> l) & 1, post = do_post && sidx == l;

            if (pop)
                n->rd[l] = (uint8_t)(r.rd[l] + 1);
            if (pop != post)
                n->cnt[l] = (uint8_t)(pop ? r.cnt[l] - 1 : r.cnt[l] + 1);
        }
        if (do_bind) {
            n->bnd[sidx] = 1;
            n->err[sidx] = 0;
            n->key[sidx] = in->cfg_flow;
            n->rd[sidx] = r.wr[sidx];
            n->cnt[sidx] = 0;
        }
        if (do_post)
            n->wr[sidx] = (uint8_t)(r.wr[sidx] + 1);
        if (refuse)
            n->err[sidx] = 1;
        if (sel_ok && in->cfg_cmd == FLIST_UNBIND)
            n->bnd[sidx] = 0;
    }
    flist_out(s, out);
}
