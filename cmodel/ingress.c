/* ingress.c - twin of rtl/nicrx_ingress.v (see the comments there). */
#include <string.h>
#include "ingress.h"

static uint32_t popcount8(uint32_t v)
{
    uint32_t n = 0;

    for (; v; v &= v - 1u)
        n++;
    return n;
}

static void ingress_reset(ingress_t *s)
{
    s->in_valid_reg = 0;
    s->in_data_reg = 0;
    s->in_nbytes_reg = 0;
    s->in_last_reg = s->in_user_reg = 0;
    s->in_frame_reg = 0;
    s->wr_ptr_reg = 0;
    s->frm_start_reg = 0;
    s->len_reg = 0;
    s->dis_reg = s->over_reg = s->full_reg = 0;
    s->ovr_at_reg = s->runt_at_reg = 0;
    s->outst_reg = 0;
    s->pm_wr_en_reg = 0;
    s->pm_wr_addr_reg = 0;
    s->pm_wr_data_reg = 0;
    s->m_cm_valid_reg = 0;
    memset(&s->m_cm_reg, 0, sizeof s->m_cm_reg);
    s->hm_wr_en_reg = 0;
    s->hm_wr_addr_reg = 0;
    s->slot_reg = 0;
    s->eof_reg = 0;
    s->eof_reason_reg = NICRX_REASON_NONE;
    s->eof_len_reg = 0;
    s->cnt_rx_frames_reg = s->cnt_rx_bytes_reg = s->cnt_bad_reg = s->cnt_runt_reg = 0;
    s->cnt_over_reg = s->cnt_full_reg = s->cnt_dis_reg = 0;
    s->idle_reg = 1;
    s->frame_cnt = 0;
    s->cur_frame = 0;
}

void ingress_init(ingress_t *s, const nicrx_geom_t *g)
{
    memset(s, 0, sizeof *s);
    s->bpb = g->bytes_per_beat;
    s->pm_aw = g->pm_aw;
    s->header_bytes = g->p.header_bytes;
    s->max_frame = g->p.max_frame;
    s->fq_depth = g->p.fq_depth;
    ingress_reset(s);
}

void ingress_out(const ingress_t *s, ingress_out_t *o)
{
    memset(o->cnt, 0, sizeof o->cnt);
    o->pm_wr_en = s->pm_wr_en_reg;
    o->pm_wr_addr = s->pm_wr_addr_reg;
    o->pm_wr_data = s->pm_wr_data_reg;
    o->m_cm_valid = s->m_cm_valid_reg;
    o->m_cm = s->m_cm_reg;
    o->hm_wr_en = s->hm_wr_en_reg;
    o->hm_wr_addr = s->hm_wr_addr_reg;
    o->idle = s->idle_reg;
    o->cnt[NICRX_CNT_RX_FRAMES] = s->cnt_rx_frames_reg;
    o->cnt[NICRX_CNT_RX_BYTES] = s->cnt_rx_bytes_reg;
    o->cnt[NICRX_CNT_DROP_BAD_FRAME] = s->cnt_bad_reg;
    o->cnt[NICRX_CNT_DROP_RUNT] = s->cnt_runt_reg;
    o->cnt[NICRX_CNT_DROP_OVERSIZE] = s->cnt_over_reg;
    o->cnt[NICRX_CNT_DROP_PKTMEM_FULL] = s->cnt_full_reg;
    o->cnt[NICRX_CNT_DROP_DISABLED] = s->cnt_dis_reg;
}

void ingress_step(ingress_t *s, const ingress_in_t *in, ingress_out_t *out)
{
    const nicrx_in_t *t = &in->top;
    ingress_t next = *s;
    uint32_t ptr_mask = (2u << s->pm_aw) - 1u;     /* [PM_AW:0] */
    uint32_t word_mask = (1u << s->pm_aw) - 1u;    /* [PM_AW-1:0] */
    uint32_t keep_mask = (1u << s->bpb) - 1u;
    uint64_t data_mask = s->bpb == 8 ? ~0ull : (1ull << (8 * s->bpb)) - 1u;
    uint32_t nbytes, sum, cur_len, new_len, start, used, i;
    uint8_t cur_dis, cur_over, cur_full, over_n, full_n, no_free, try_write, do_write, runt;
    uint32_t reason;

    if (t->rst) {
        ingress_reset(s);
        ingress_out(s, out);
        return;
    }

    nbytes = s->in_nbytes_reg;
    cur_len = s->in_frame_reg ? s->len_reg : 0u;
    sum = cur_len + nbytes;
    new_len = sum > 0xffffu ? 0xffffu : sum;
    cur_dis = s->in_frame_reg ? s->dis_reg : (uint8_t)!in->cfg_enable;
    cur_over = s->in_frame_reg & s->over_reg;
    /* the first beat claims a header slot: none left (FQ_DEPTH frames outstanding,
     * registered count) makes the frame pktmem_full */
    cur_full = s->in_frame_reg ? s->full_reg : (uint8_t)(s->outst_reg >= s->fq_depth);
    start = s->in_frame_reg ? s->frm_start_reg : s->wr_ptr_reg;
    used = (s->wr_ptr_reg - in->pm_rel_ptr) & ptr_mask;
    no_free = used >= (1u << s->pm_aw);
    /* new_len > MAX_FRAME and new_len < 14 from the registered per-nbytes flags:
     * outside a frame new_len = nbytes <= BPB, neither oversize nor long enough */
    over_n = (uint8_t)(cur_over | (s->in_frame_reg & ((s->ovr_at_reg >> nbytes) & 1u)));
    runt = (uint8_t)(!s->in_frame_reg || ((s->runt_at_reg >> nbytes) & 1u));
    try_write = !cur_dis && !over_n && !cur_full;
    do_write = try_write && !no_free;
    full_n = cur_full | (try_write && no_free);
    reason = ingress_reason(cur_dis, s->in_user_reg, runt, over_n, full_n);

    next.pm_wr_en_reg = 0;
    next.hm_wr_en_reg = 0;
    next.m_cm_valid_reg = 0;
    next.eof_reg = 0;
    if (s->in_valid_reg) {
        if (!s->in_frame_reg) {
            next.cur_frame = s->frame_cnt;
            next.frame_cnt = s->frame_cnt + 1;
        }
        next.in_frame_reg = !s->in_last_reg;
        next.frm_start_reg = start;
        next.len_reg = (uint16_t)new_len;
        next.dis_reg = cur_dis;
        next.over_reg = over_n;
        next.full_reg = full_n;
        next.ovr_at_reg = next.runt_at_reg = 0;
        for (i = 0; i <= s->bpb; i++) {
            if (sum + i > s->max_frame)
                next.ovr_at_reg |= (uint16_t)(1u << i);
            if (sum + i < INGRESS_MIN_LEN)
                next.runt_at_reg |= (uint16_t)(1u << i);
        }
        /* addresses and data follow every beat (the commit's fields every last beat);
         * only the enables wait for the decision */
        next.pm_wr_en_reg = do_write;
        next.pm_wr_addr_reg = s->wr_ptr_reg & word_mask;
        next.pm_wr_data_reg = s->in_data_reg;
        /* header memory: the beats of the first HEADER_BYTES bytes that are written */
        next.hm_wr_en_reg = do_write && cur_len < s->header_bytes;
        next.hm_wr_addr_reg = s->slot_reg * (s->header_bytes / s->bpb) +
                              ((cur_len / s->bpb) & (s->header_bytes / s->bpb - 1u));
        if (s->in_last_reg) {
            uint64_t frame = s->in_frame_reg ? s->cur_frame : s->frame_cnt;

            next.eof_reg = 1;
            next.eof_reason_reg = (uint8_t)reason;
            next.eof_len_reg = (uint16_t)new_len;
            next.m_cm_reg.start = (uint16_t)(start & word_mask);
            next.m_cm_reg.slot = (uint8_t)s->slot_reg;
            next.m_cm_reg.len = (uint16_t)new_len;
            next.m_cm_reg.frame = frame;
            if (reason == NICRX_REASON_NONE) {
                next.wr_ptr_reg = (s->wr_ptr_reg + do_write) & ptr_mask;
                next.m_cm_valid_reg = 1;
                next.slot_reg = (s->slot_reg + 1u) & (s->fq_depth - 1u);
            } else {
                nicrx_event_t e;

                next.wr_ptr_reg = start;
                memset(&e, 0, sizeof e);
                e.kind = NICRX_EV_DROP;
                e.frame = frame;
                e.reason = reason;
                e.len = new_len;
                ev_emit(in->ev, &e);
            }
        } else {
            next.wr_ptr_reg = (s->wr_ptr_reg + do_write) & ptr_mask;
        }
    }

    /* credits: FQ_W = log2(FQ_DEPTH) + 1 bits in the RTL */
    next.outst_reg = (s->outst_reg + next.m_cm_valid_reg - (in->fq_pop ? 1u : 0u)) &
                     ((s->fq_depth << 1) - 1u);

    if (s->eof_reg) {
        next.cnt_rx_frames_reg = s->cnt_rx_frames_reg + 1u;
        next.cnt_rx_bytes_reg = s->cnt_rx_bytes_reg + s->eof_len_reg;
        switch (s->eof_reason_reg) {
        case NICRX_REASON_BAD_FRAME:   next.cnt_bad_reg = s->cnt_bad_reg + 1u; break;
        case NICRX_REASON_RUNT:        next.cnt_runt_reg = s->cnt_runt_reg + 1u; break;
        case NICRX_REASON_OVERSIZE:    next.cnt_over_reg = s->cnt_over_reg + 1u; break;
        case NICRX_REASON_PKTMEM_FULL: next.cnt_full_reg = s->cnt_full_reg + 1u; break;
        case NICRX_REASON_DISABLED:    next.cnt_dis_reg = s->cnt_dis_reg + 1u; break;
        default: break;
        }
    }

    next.idle_reg = (uint8_t)(!t->s_axis_tvalid && !next.in_frame_reg && !next.pm_wr_en_reg &&
                              !next.m_cm_valid_reg && !next.eof_reg);
    /* the input register */
    next.in_valid_reg = t->s_axis_tvalid;
    next.in_data_reg = t->s_axis_tdata & data_mask;
    next.in_nbytes_reg = (uint8_t)popcount8(t->s_axis_tkeep & keep_mask);
    next.in_last_reg = t->s_axis_tlast;
    next.in_user_reg = t->s_axis_tuser;
    *s = next;
    ingress_out(s, out);
}
