/* cpl_write.c - twin of rtl/nicrx_cpl_write.v (see cpl_write.h and docs/architecture.md
 * "nicrx_cpl_write").  cpl_write_step computes every next value from the current state
 * and the inputs (next = *s; ...; *s = next), in the RTL's order. */
#include <string.h>
#include "cpl_write.h"

static void cpl_write_reset(cpl_write_t *s)
{
    s->bq_wr = s->bq_rd = 0; s->bq_room = 1;
    s->rh_full = 0; s->rh_w0 = s->rh_w1 = s->rh_w2 = s->rh_w3 = 0;
    memset(s->issued_tail, 0, sizeof s->issued_tail);
    memset(s->cq_tail, 0, sizeof s->cq_tail);
    s->cq_room = s->cq_room2 = 0; s->rec_off = 0; s->rec_ph = 0; s->rec_base = 0;
    s->cnt_delivered = s->cnt_axi_err = 0;
}

int cpl_write_init(cpl_write_t *s, uint32_t num_cq)
{
    memset(s, 0, sizeof *s);
    if (num_cq < 1 || num_cq > NICRX_MAX_CQ || (num_cq & (num_cq - 1)))
        return -1;
    s->num_cq = num_cq;
    cpl_write_reset(s);
    return 0;
}

void cpl_write_out(const cpl_write_t *s, uint64_t cq_base, cpl_write_out_t *o)
{
    memset(o, 0, sizeof *o);
    o->s_cr_ready = s->bq_room;
    o->m_rec_valid = s->rh_full;
    o->m_rec[0] = s->rh_w0; o->m_rec[1] = s->rh_w1; o->m_rec[2] = s->rh_w2; o->m_rec[3] = s->rh_w3;
    o->rec_off = s->rec_off;
    o->rec_ph = s->rec_ph;
    /* one CQ: its base needs no selection */
    o->rec_base = s->num_cq > 1 ? s->rec_base : cq_base;
    o->cq_room = s->cq_room;
    o->cq_room2 = s->cq_room2;
    memcpy(o->st_cq_tail, s->cq_tail, sizeof o->st_cq_tail);
    o->cnt_delivered = s->cnt_delivered;
    o->cnt_axi_error = s->cnt_axi_err;
    o->busy = s->bq_rd != s->bq_wr;
}

/* Record v2: words 0 and 1 the first part (a split frame's header part, else the whole
 * frame), word 2 the data part and the flags, word 3 each part's place in its page (a data
 * part's 0 without one) and the phase; an error completion names the buffer alone; a run
 * record names the run's page, its flow and, in word 1, the run. */
static void cpl_write_words(const cr_stream_t *r, uint64_t w[4])
{
    const uint64_t phase = r->phase & 1u;

    if (r->err) {
        w[0] = ((uint64_t)r->ring << NICRX_C0_RING_SHIFT) | ((uint64_t)r->bufid << NICRX_C0_BUFID_SHIFT);
        w[1] = 0;
        w[2] = 1ull << NICRX_C2_ERR_BIT;
        w[3] = phase << NICRX_C3_PHASE_BIT | 1ull << NICRX_C3_REL_BIT | 1ull << NICRX_C3_CNT_SHIFT;
        return;
    }
    if (r->run) {
        w[0] = ((uint64_t)r->ring << NICRX_C0_RING_SHIFT) | ((uint64_t)r->bufid << NICRX_C0_BUFID_SHIFT)
             | ((uint64_t)r->flow << NICRX_C0_FLOW_SHIFT);
        w[1] = (uint64_t)r->rseq << NICRX_C1_RSEQ_SHIFT | (uint64_t)(r->rlen & 0x1ffff) << NICRX_C1_RLEN_SHIFT
             | (uint64_t)r->rsegs << NICRX_C1_RSEGS_SHIFT | (uint64_t)(r->rreason & 15) << NICRX_C1_RREASON_SHIFT;
        w[2] = 1ull << NICRX_C2_RUN_BIT | (uint64_t)(r->rflags & 0x2d) << NICRX_C2_RFLAGS_SHIFT
             | (uint64_t)r->rwin << NICRX_C2_RWIN_SHIFT;
        /* the page goes back with the record; cnt its segments */
        w[3] = phase << NICRX_C3_PHASE_BIT | 1ull << NICRX_C3_REL_BIT | (uint64_t)r->rsegs << NICRX_C3_CNT_SHIFT
             | (uint64_t)r->rack << NICRX_C3_RACK_SHIFT;
        return;
    }
    const int dpart = r->split && r->dlen != 0;
    w[0] = ((uint64_t)r->len << NICRX_C0_LEN_SHIFT) | ((uint64_t)r->bufid << NICRX_C0_BUFID_SHIFT)
         | ((uint64_t)r->ring << NICRX_C0_RING_SHIFT) | ((uint64_t)r->l3 << NICRX_C0_L3_SHIFT)
         | ((uint64_t)r->l4 << NICRX_C0_L4_SHIFT) | ((uint64_t)r->vlan << NICRX_C0_VLAN_BIT)
         | ((uint64_t)r->frag << NICRX_C0_FRAG_BIT) | ((uint64_t)r->trunc << NICRX_C0_TRUNC_BIT)
         | ((uint64_t)r->perr << NICRX_C0_PERR_BIT) | ((uint64_t)r->presel << NICRX_C0_PRESEL_BIT)
         | ((uint64_t)r->opcode << NICRX_C0_OPCODE_SHIFT) | ((uint64_t)r->flow << NICRX_C0_FLOW_SHIFT)
         | ((uint64_t)(r->more_cnt != 0) << NICRX_C0_MORE_BIT);
    w[1] = ((uint64_t)r->hash << NICRX_C1_HASH_SHIFT) | ((uint64_t)r->l3_off << NICRX_C1_L3OFF_SHIFT)
         | ((uint64_t)r->l4_off << NICRX_C1_L4OFF_SHIFT) | ((uint64_t)r->more_cnt << NICRX_C1_MORE_CNT_SHIFT)
         | ((uint64_t)r->rss_type << NICRX_C1_RSS_TYPE_SHIFT);
    /* the class is the ring of the whole frame or of the data part (1: large) */
    w[2] = ((uint64_t)(r->split ? dpart && r->dring == 1 : r->ring == 1) << NICRX_C2_LARGE_BIT)
         | ((uint64_t)r->lerr << NICRX_C2_LERR_BIT) | ((uint64_t)r->pay << NICRX_C2_PAY_SHIFT)
         | ((uint64_t)r->split << NICRX_C2_SPLIT_BIT);
    w[3] = phase << NICRX_C3_PHASE_BIT | (uint64_t)r->off << NICRX_C3_OFF_SHIFT
         | (uint64_t)r->prel << NICRX_C3_REL_BIT | (uint64_t)((r->cnt + 1) & 0x1fff) << NICRX_C3_CNT_SHIFT;
    if (dpart) {
        w[2] |= (uint64_t)r->dlen << NICRX_C2_LEN_SHIFT | (uint64_t)r->dbufid << NICRX_C2_BUFID_SHIFT
              | (uint64_t)(r->dring & 3) << NICRX_C2_RING_SHIFT | (uint64_t)(r->mrg & 1) << NICRX_C2_MERGED_BIT;
        w[3] |= (uint64_t)r->doff << NICRX_C3_DOFF_SHIFT | (uint64_t)r->dprel << NICRX_C3_DREL_BIT
              | (uint64_t)((r->dcnt + 1) & 0x1fff) << NICRX_C3_DCNT_SHIFT;
    }
}

void cpl_write_step(cpl_write_t *s, const cpl_write_in_t *in, cpl_write_out_t *out)
{
    cpl_write_t n = *s;
    const uint32_t qm = s->num_cq - 1;
    uint32_t axi_err_inc = 0;

    /* CQ room for one record and for two, one cycle old (the issue FSM waits a cycle after
     * each record) */
    n.cq_room = n.cq_room2 = 0;
    for (uint32_t q = 0; q < s->num_cq; q++) {
        const uint32_t used = (uint16_t)(s->issued_tail[q] - in->cq_head[q]), size = 1u << (in->cq_size_log2[q] & 15);
        if (used < size) n.cq_room |= (uint8_t)(1u << q);
        if (used + 1 < size) n.cq_room2 |= (uint8_t)(1u << q);
    }
    /* the next record's slot and phase, registered every cycle from rec_q */
    {
        const uint32_t rq = in->rec_q & qm;
        const uint16_t rec_tail = s->issued_tail[rq];
        const uint32_t rec_csz = in->cq_size_log2[rq] & 15;
        n.rec_off = (uint16_t)(rec_tail & ((1u << rec_csz) - 1));
        n.rec_ph = (uint8_t)(((rec_tail >> rec_csz) & 1) ^ 1);
        n.rec_base = in->cq_base[rq];
    }
    /* the empty holder loads the words at every edge (only a full one is read) */
    if (!s->rh_full) {
        uint64_t w[4];
        cpl_write_words(&in->s_cr, w);
        n.rh_w0 = w[0]; n.rh_w1 = w[1]; n.rh_w2 = w[2]; n.rh_w3 = w[3];
    }
    /* a request: a B response to expect; the holder full with a record's words, its queue's
     * issued tail on */
    if (in->s_cr_valid) {
        /* a frame delivered: its record (not an error completion nor a run record), or the
         * last data burst of a frame that has none (a stripped append) */
        const cw_bq_ent_t e = { .rec = in->s_cr.rec & 1,
                                .dlv = (uint8_t)(in->s_cr.rec ? !(in->s_cr.err | in->s_cr.run) : in->s_cr.dlv & 1),
                                .q = (uint8_t)(in->s_cr.q & qm) };
        n.bq_mem[s->bq_wr & 7] = e;
        n.bq_wr = (s->bq_wr + 1) & 15;
        if (e.rec) {
            n.rh_full = 1;
            n.issued_tail[e.q] = (uint16_t)(s->issued_tail[e.q] + 1);
        }
    }
    /* the mover took the record's last beat into W: the holder is free */
    if (in->m_rec_ready) n.rh_full = 0;
    /* room registered from the pointers before the edge: the sender never pushes at two
     * edges in a row, so one place is enough */
    n.bq_room = ((s->bq_wr - s->bq_rd) & 15) != 8;

    /* ---- B channel: tails, DELIVERED, AXI errors ---- */
    const cw_bq_ent_t *bh = &s->bq_mem[s->bq_rd & 7];
    if (in->m_axi_bvalid) {
        n.bq_rd = (s->bq_rd + 1) & 15;
        if (in->m_axi_bresp != 0) axi_err_inc++;
        if (bh->rec) n.cq_tail[bh->q] = (uint16_t)(s->cq_tail[bh->q] + 1);
        if (bh->dlv) n.cnt_delivered = s->cnt_delivered + 1;
    }
    for (uint32_t q = 0; q < s->num_cq; q++) {
        if (!in->cq_en[q]) {
            n.cq_tail[q] = 0;
            n.issued_tail[q] = 0;
        }
    }
    if (in->s_rerr) axi_err_inc++;
    n.cnt_axi_err = s->cnt_axi_err + axi_err_inc;

    if (in->rst) cpl_write_reset(&n);
    *s = n;
    cpl_write_out(s, in->cq_base[0], out);
}
