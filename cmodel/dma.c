/* dma.c - twin of rtl/nicrx_dma.v (see dma.h and docs/architecture.md
 * "nicrx_dma").  dma_step computes every next value from the current state
 * and the inputs (next = *d; ...; *d = next), in the RTL's order. */
#include <stdlib.h>
#include <string.h>
#include "dma.h"

enum { IS_IDLE = 0, IS_DATA = 1, IS_REC = 2, IS_WAIT = 3, IS_SIZE = 4, IS_PRE = 5, IS_P2 = 6, IS_SKIP = 7 };

static uint32_t log2u(uint32_t v)
{
    uint32_t l = 0;
    while ((1u << l) < v) l++;
    return l;
}

static void dma_reset(dma_t *d)
{
    /* fh is the RAM read register: not reset (the RTL does not reset it).  The RTL loads
     * part of it (fhb) a cycle after the take and reads that part from the RAM in that
     * cycle: the same values, kept here as one register loaded at the take */
    d->fq_wr = d->fq_rd = 0; d->fq_pop = 0; d->fh_valid = 0;
    memset(d->desc_pop, 0, sizeof d->desc_pop);
    d->is_state = IS_IDLE;
    d->hd_v = 0; d->dr_rel = 0; d->hd_ring_ok = 0; d->hd_q = 0; d->hd_q_ok = 0;
    d->f_q = 0; d->f_ring = 0; d->f_err = 0; d->f_bufid = 0; d->f_addr = 0; d->f_rem = 0;
    d->f_soff = 0; d->f_first = 0; d->f_plen = 0;
    d->g_pend = 0; d->g_ring = 0; d->g_bufid = 0; d->g_addr = 0;
    d->f_off = d->g_off = d->f_cnt = d->g_cnt = 0; d->f_prel = d->g_prel = 0;
    memset(d->pg_take, 0, sizeof d->pg_take);
    d->hd_hfit = 1;
    memset(d->hd_dv, 0, sizeof d->hd_dv);
    memset(d->hd_bad, 0, sizeof d->hd_bad);
    d->hd_wait = 0; d->hd_to = 0; d->hd_nbr = 0;
    page_reset(&d->pg);
    d->hd_nb0 = 0; d->hd_nb1 = 0; d->hd_nd = 0;
    d->hd_nw1 = 0; d->hd_nw2 = 0; d->hd_nwa = 0; d->hd_hodd = 0; d->hd_cwd = 0; d->hd_ld2 = 0; d->hd_pr2 = 0; d->hd_fl2 = 0; d->hd_dneed = 0;
    d->f_beats = 0; d->f_blast = 0; d->f_phase = 0; d->rec_rdy = 0;
    d->awvalid = 0; d->awaddr = 0; d->awlen = 0;
    d->cnt_no_fit = d->cnt_no_cq = d->cnt_desc_err = 0;
    d->cnt_red_early = d->cnt_red_forced = 0;
    memset(d->cnt_no_buf, 0, sizeof d->cnt_no_buf);
    d->cnt_reasm_no_page = 0;
    d->hd_red = 0;
    d->rq_en = 0; d->rq_chg = 0; d->rq_pmask = 0x0fff;
    d->rp = d->raft = 0; d->g_mrg = 0; d->g_strip = 0;
    d->r_flow = d->r_gen = d->r_segs = d->r_reason = d->r_flags = 0; d->r_id = 0; d->r_len = 0; d->r_seq = 0;
    d->r_ack = 0; d->r_win = 0;
    d->idle = 1;
}

int dma_init(dma_t *d, const nicrx_geom_t *g)
{
    memset(d, 0, sizeof *d);
    d->dw = g->p.data_width;
    d->bpb = d->dw / 8;
    d->lbpb = log2u(d->bpb);
    d->adw = g->p.axi_data_width;
    d->abpb = d->adw / 8;
    d->labpb = log2u(d->abpb);
    d->r = d->adw / d->dw;
    d->rb = NICRX_CMPL_BYTES / d->abpb;
    d->num_cq = g->p.num_cq;
    d->fq_depth = g->p.fq_depth;
    d->max_burst = g->p.max_burst;
    d->pm_aw = g->pm_aw;
    d->fq_mem = calloc(d->fq_depth, sizeof *d->fq_mem);
    d->flm_mem = calloc(d->fq_depth, sizeof *d->flm_mem);
    d->ctl_mem = calloc(d->fq_depth, sizeof *d->ctl_mem);
    d->more = malloc(sizeof *d->more);
    d->ra = malloc(sizeof *d->ra);
    if (!d->fq_mem || !d->flm_mem || !d->ctl_mem || !d->more || !d->ra) {
        dma_free(d);
        return -1;
    }
    more_init(d->more, d->fq_depth);
    reasm_init(d->ra, g->p.flows);
    if (mover_init(&d->mv, d->dw, d->adw, d->pm_aw) != 0 || cpl_write_init(&d->cw, d->num_cq) != 0) {
        dma_free(d);
        return -1;
    }
    dma_reset(d);
    return 0;
}

void dma_free(dma_t *d)
{
    free(d->fq_mem);
    free(d->flm_mem);
    free(d->ctl_mem);
    free(d->more);
    free(d->ra);
    d->more = NULL;
    d->ra = NULL;
    d->fq_mem = NULL;
    d->flm_mem = NULL;
    d->ctl_mem = NULL;
}

/* W beats of a part of len bytes whose first byte is at soff in its first beat */
static uint16_t dma_beats(const dma_t *d, uint32_t len, uint32_t soff)
{
    return (uint16_t)((len + soff + d->abpb - 1) >> d->labpb);
}

/* packet-memory words holding len bytes from a word's start */
static uint16_t dma_words(const dma_t *d, uint32_t len)
{
    return (uint16_t)((len + d->bpb - 1) >> d->lbpb);
}

void dma_out(const dma_t *d, dma_out_t *o)
{
    mover_out_t mo;

    memset(o, 0, sizeof *o);
    mover_out(&d->mv, &mo);
    o->pm_rd_en = mo.pm_rd_en;
    o->pm_rd_addr = mo.pm_rd_addr;
    o->pm_rel_ptr = mo.pm_rel_ptr;
    o->fq_pop = d->fq_pop;
    memcpy(o->m_desc_pop, d->desc_pop, sizeof o->m_desc_pop);
    o->m_head = d->fh_flow;
    /* the completion writer's registers */
    for (uint32_t q = 0; q < d->num_cq; q++) o->st.cq_tail[q] = d->cw.cq_tail[q];
    o->st.idle = d->idle;
    o->st.cnt[NICRX_CNT_DELIVERED] = d->cw.cnt_delivered;
    o->st.cnt[NICRX_CNT_DROP_NO_FIT] = d->cnt_no_fit;
    o->st.cnt[NICRX_CNT_DROP_NO_CQ] = d->cnt_no_cq;
    o->st.cnt[NICRX_CNT_DROP_RED_EARLY] = d->cnt_red_early;
    o->st.cnt[NICRX_CNT_DROP_RED_FORCED] = d->cnt_red_forced;
    for (uint32_t r = 0; r < NICRX_REASM_RING; r++)
        o->st.cnt[nicrx_reason_counter(NICRX_REASON_NO_BUF, r)] = d->cnt_no_buf[r];
    o->st.cnt[NICRX_CNT_REASM_NO_PAGE] = d->cnt_reasm_no_page;
    o->st.cnt[NICRX_CNT_DESC_ERROR] = d->cnt_desc_err;
    o->st.cnt[NICRX_CNT_AXI_ERROR] = d->cw.cnt_axi_err;
    o->axi.m_axi_awvalid = d->awvalid;
    o->axi.m_axi_awaddr = d->awaddr;
    o->axi.m_axi_awlen = d->awlen;
    o->axi.m_axi_wvalid = mo.m_axi_wvalid;
    o->axi.m_axi_wdata[0] = mo.m_axi_wdata[0];
    o->axi.m_axi_wdata[1] = mo.m_axi_wdata[1];
    o->axi.m_axi_wstrb = mo.m_axi_wstrb;
    o->axi.m_axi_wlast = mo.m_axi_wlast;
    o->axi.m_axi_bready = 1;
}

/* ring: no_buf's ring waited for (0 for the other reasons) */
/* The closing run's record fields (r_*) from the table's answer: its flow, generation, page,
 * first sequence number, and the bytes, segments and reason this close gives it; last: the
 * head when the run closes after it (its flags, ACK number and window are the run's last),
 * else NULL (the entry's ACK number and window, no flags: they close a run after their frame) */
static void dma_run_latch(dma_t *n, const reasm_out_t *rao, uint32_t len, uint8_t segs, uint8_t reason,
                          const dma_fq_ent_t *last)
{
    n->r_flow = rao->m_flow; n->r_gen = rao->m_r_gen; n->r_id = rao->m_r_id; n->r_seq = rao->m_r_seq;
    n->r_len = len; n->r_segs = segs; n->r_reason = reason;
    n->r_flags = last ? last->fcl : 0;
    n->r_ack = last ? last->ack : rao->m_r_ack;
    n->r_win = last ? last->win : rao->m_r_win;
}

static void emit_drop(const evsink_t *ev, uint64_t frame, uint32_t reason, uint32_t ring)
{
    nicrx_event_t e;
    memset(&e, 0, sizeof e);
    e.kind = NICRX_EV_DROP;
    e.frame = frame;
    e.reason = reason;
    e.ring = ring;
    ev_emit(ev, &e);
}

void dma_step(dma_t *d, const dma_in_t *in, dma_out_t *out)
{
    const nicrx_in_t *t = &in->top;
    const csr_cfg_t *c = &in->cfg;
    const fl_stream_t *fl = &in->s_fl;
    const evsink_t *ev = in->ev;
    dma_t n = *d;
    const uint32_t fqm = 2 * d->fq_depth - 1;
    const uint16_t strb_ones = (uint16_t)((1u << d->abpb) - 1);
    /* memory write ports, and the mover's command streams */
    int fq_we = 0, pc_we = 0, wc_we = 0, bq_we = 0;
    pc_stream_t pc_wdata = {0};
    wc_stream_t wc_wdata = {0};
    cr_stream_t bq_wdata; /* the completion request: {q, err, rec} set by the issue FSM */
    /* the mover's outputs before the edge: its registered room, and whether the W register
     * takes the record's last beat at this edge */
    mover_out_t mvo;
    mover_out(&d->mv, &mvo);
    const int pc_room = mvo.s_pc_ready;
    const int rec_taken = mover_rec_ready(&d->mv, t->m_axi_wready);
    /* the completion writer's: B FIFO room, CQ room, the record's slot, phase and base, its
     * holder (one cycle old, or registered) */
    cpl_write_out_t cwo;
    cpl_write_out(&d->cw, c->cq_base[0], &cwo);
    /* the re-assembly table's answer (registers): its request is the head frame when it can
     * touch a run (re-assembly on, an operation code CTRL..NO_MERGE: a pre-selected TCP
     * frame of a flow; a CTRL frame only with PSH, FIN, URG or RST: a pure ACK changes no
     * run), and IS_IDLE decides such a head only with the answer */
    reasm_out_t rao;
    reasm_out(d->ra, &rao);
    const int rq_req = d->rq_en && d->fh_valid && d->fh_op >= NICRX_OP_CTRL && d->fh_op <= NICRX_OP_NO_MERGE &&
                       (d->fh_op != NICRX_OP_CTRL || d->fh.fcl);
    const int rq_ans = rao.m_v && rao.m_req && !d->rq_chg;  /* the answer for the head (held since it changed) */
    /* it is taken (ra_take) when the FSM acts on it, as a close alone (ra_cls) when the FSM
     * closes the run and merges nothing */
    int ra_take = 0, ra_cls = 0;

    n.fq_pop = 0;
    memset(n.desc_pop, 0, sizeof n.desc_pop);

    /* ---- frame queue push ---- */
    if (in->s_fl_valid) {
        fq_we = 1;
        n.fq_wr = (d->fq_wr + 1) & fqm;
    }

    /* ---- issue FSM ---- */
    /* the head (fh) stays until its record is issued or it is dropped; fq_pop
     * (the credit) goes back when it is taken */
    const dma_fq_ent_t *fh = &d->fh;
    /* a drop releases the head at the next edge (dr_rel): in the RTL the decision is not
     * the enable of the head's registers */
    int fh_rel = d->dr_rel;
    n.dr_rel = 0;
    uint16_t h_len = fh->len;
    uint8_t h_q8 = fh->queue;  /* the stream's queue (nicrx_rss) */
    int h_q_ok = dma_queue_ok(c, d->num_cq, h_q8);
    /* registered (hd_*): IS_IDLE decides from values one cycle old, once fh has been
     * stable for a cycle (hd_v) */
    /* the data rings fit the data part (a whole frame: all of it, dlen = len) */
    n.hd_ring_ok = 0;
    for (uint32_t r = 0; r < NICRX_HDR_RING; r++)   /* the page cursors' limits: BUF_SIZE unless a page is smaller */
        if (c->fbr_en[r] && d->pg.lim[r] >= fh->dlen) n.hd_ring_ok |= (uint8_t)(1u << r);
    if (!d->fh_valid) n.hd_ring_ok = 1; /* ring 0 when empty */
    n.hd_q = (uint8_t)(h_q8 & (d->num_cq > 1 ? d->num_cq - 1 : 1));
    n.hd_q_ok = (uint8_t)h_q_ok;
    n.hd_red = d->fh_valid ? d->fh_red : 0;
    /* the first part's (the header part, or the whole frame) W beats for either start lane
     * (its buffer starts at a whole word), so IS_IDLE only selects; the data part's at its
     * destination g_addr (any byte: a run's offset), from the g_addr the take set (IS_P2
     * comes at least three cycles after it) */
    uint16_t p1len = fh->split ? fh->hdr_len : h_len;
    const uint32_t up_off = d->abpb - d->bpb;   /* the upper lane's first byte (0 when r = 1) */
    const uint32_t s2 = fh->hdr_len & (d->bpb - 1), d2 = (uint32_t)d->g_addr & (d->bpb - 1);
    n.hd_nb0 = dma_beats(d, p1len, 0);
    n.hd_nb1 = dma_beats(d, p1len, up_off);
    n.hd_nd = dma_beats(d, fh->dlen, (uint32_t)d->g_addr & (d->abpb - 1));
    /* packet-memory words: the first part reads its own; the data part those after the
     * header part's last (shared when hdr_len is not a whole word) and writes hd_cwd (from
     * its destination's offset in a word): a lead word first when its first bytes sit in
     * the shared word at or below their destination's offset, and a flush word last when it
     * writes more than it yields (compared a cycle later).  A stripped append (g_strip, set
     * at the take, at least three cycles before IS_P2) had its header's whole words skipped:
     * it reads the shared word itself, in place of the lead, or as a prime (a word that only
     * becomes the word before) when its first bytes sit above their destination's offset */
    const int s2sh = d->g_strip && s2 != 0;
    n.hd_nw1 = dma_words(d, p1len);
    /* hd_nw2 a cycle after the head, from g_strip at the same edge as before (the RTL's
     * three carry chains in series, split in two) */
    n.hd_nwa = (uint16_t)(dma_words(d, h_len) - dma_words(d, fh->hdr_len));
    n.hd_hodd = (uint8_t)(s2 != 0);
    n.hd_nw2 = (uint16_t)(d->hd_nwa + (d->g_strip && d->hd_hodd));
    n.hd_cwd = dma_words(d, (uint16_t)(fh->dlen + d2));
    n.hd_ld2 = (uint8_t)(!d->g_strip && s2 != 0 && d2 >= s2);
    n.hd_pr2 = (uint8_t)(s2sh && d2 < s2);
    n.hd_fl2 = (uint16_t)(d->hd_cwd + d->hd_pr2) != (uint16_t)(d->hd_nw2 + d->hd_ld2);
    /* a split frame needs a data buffer only when bytes follow its headers */
    n.hd_dneed = (uint8_t)(!fh->split || fh->dlen != 0);
    /* a header ring in page mode with BUF_SIZE above PAGE_SIZE takes no longer header part */
    n.hd_hfit = (uint8_t)(!fh->split || fh->hdr_len <= d->pg.lim[NICRX_HDR_RING]);
    memset(n.pg_take, 0, sizeof n.pg_take);
    uint32_t hd_q = d->hd_q & (d->num_cq - 1);
    uint32_t sel = d->fh_valid ? dma_ring_sel(d->hd_ring_ok) : 0; /* ring 0 when the head is empty */
    uint32_t h_nwords = ((uint32_t)h_len + d->bpb - 1) >> d->lbpb;
    /* the selected ring's head descriptor (nicrx_desc_fetch); the pop of the last one
     * taken reaches it before IS_IDLE comes round again */
    int dq_ok = in->s_desc_valid[sel] && d->hd_dv[sel];
    const desc_ent_t *dh = &in->s_desc[sel];
    /* the header ring's head descriptor (a split frame's first part) */
    int hq_ok = in->s_desc_valid[NICRX_HDR_RING] && d->hd_dv[NICRX_HDR_RING];
    const desc_ent_t *hh = &in->s_desc[NICRX_HDR_RING];
    /* ring 3's head: the page a run opened by the head takes */
    const int pq_ok = in->s_desc_valid[NICRX_REASM_RING] && d->hd_dv[NICRX_REASM_RING];
    const desc_ent_t *ph = &in->s_desc[NICRX_REASM_RING];
    /* the answer merges the head's data part: an append, or an open with a page (an open
     * without one: the frame goes alone, REASM_NO_PAGE); it needs no data buffer */
    const int m_go = rq_ans && rao.m_merge && (!rao.m_open || pq_ok);
    const int need2 = m_go && rao.m_after;
    const int d_ring = d->hd_dneed && !m_go;
    /* an append with its header stripped (REASM_CTRL.strip): no header buffer, no record */
    const int s_app = m_go && !rao.m_open && c->reasm_strip;
    const int bufs_ok = fh->split ? (hq_ok || s_app) && (!d->hd_dneed || dq_ok || m_go) : dq_ok;
    /* the ring waited for: the header ring first; registered (hd_nbr), the ring the wait
     * that hd_to ends was for */
    n.hd_nbr = (uint8_t)(fh->split && !hq_ok ? NICRX_HDR_RING : sel);
    const int h_nofit = (!d->hd_ring_ok && d->hd_dneed) || !d->hd_hfit;
    /* the wait bound: a head that could be taken but for a descriptor counts its cycles; the
     * comparison with XFER_BUF_WAIT is registered (hd_to), so IS_IDLE drops it no_buf
     * in the cycle after BUF_WAIT + 1 such cycles in a row */
    const int bwait = d->is_state == IS_IDLE && d->fh_valid && d->hd_v && !d->hd_red
                      && !h_nofit && d->hd_q_ok && !bufs_ok;
    n.hd_wait = bwait ? (uint16_t)(d->hd_wait + (d->hd_wait != 0xffff)) : 0;
    n.hd_to = (uint8_t)(bwait && c->xfer_buf_wait != 0 && d->hd_wait >= c->xfer_buf_wait);
    /* hd_to: the head waited XFER_BUF_WAIT for a descriptor up to the last cycle; it is
     * dropped now even if one came at this edge (no drop reads bufs_ok) */
    const int h_drop = d->hd_red || h_nofit || !d->hd_q_ok || d->hd_to;
    /* the head's run closes alone before anything else: a close before the frame, or an
     * append of a frame that is dropped (DROP) */
    const int cstep = rq_ans && (rao.m_close || (rao.m_merge && !rao.m_open && h_drop));
    const uint32_t rcq = d->hd_q_ok ? hd_q : 0;
    const int rcq_en = d->hd_q_ok || c->cq_en[0];
    /* CQ room (the completion writer's) is one cycle old: the issue FSM waits a cycle after
     * each record */
    int room = (cwo.cq_room >> hd_q) & 1;
    int room2 = (cwo.cq_room2 >> hd_q) & 1;   /* for two records: the frame's and its run's */
    /* the records the take needs room for: the frame's (none when stripped) and its run's */
    const int rooms = s_app ? !need2 || room : room && (!need2 || room2);
    /* a sweep's close (no frame asks; IS_IDLE) */
    const int sw_go = rao.m_v && !rao.m_req && rao.m_close && (!c->cq_en[0] || (cwo.cq_room & 1)) && !d->dr_rel;
    /* AW: free once the last one went (its ready not looked at: nicrx_msix's arbiter drives it,
     * and no AW follows another at the next edge anyway) */
    int aw_free = !d->awvalid;
    /* the AW's length (and its W command's): the record's or the burst's */
    const uint8_t aw_len = (uint8_t)((d->is_state == IS_REC ? d->rb : d->f_beats) - 1);
    /* W command and B FIFO room, registered (one cycle old; the W command FIFO's in the
     * mover): the issue FSM never writes them at two edges in a row */
    int wb_room = mvo.s_wc_ready && cwo.s_cr_ready;
    /* the pm command FIFO's room (the mover's) is registered like wb_room: the issue FSM
     * never writes it at two edges in a row (a take or IS_P2 is followed by IS_SIZE or
     * IS_PRE, a drop by a cycle without hd_v) */
    /* each ring's head descriptor: valid at the last edge too, and its address's bits that
     * must be 0 (nicrx_page's amask; ring 3's: the run's page size, or a list buffer smaller
     * than a page: nicrx_flist), registered */
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        n.hd_dv[r] = in->s_desc_valid[r];
        n.hd_bad[r] = r == NICRX_REASM_RING ? (in->s_desc[r].addr & d->rq_pmask) != 0 || in->s_desc_bad3
                                            : (in->s_desc[r].addr & d->pg.amask[r]) != 0;
    }
    uint32_t pg_beats = (4096u >> d->labpb) - (uint32_t)((d->f_addr & 0xfff) >> d->labpb);
    uint32_t beats = d->f_rem;
    if (beats > d->max_burst) beats = d->max_burst;
    if (beats > pg_beats) beats = pg_beats;
    /* the part's end in its last beat (0: the whole beat), from its first byte's place in
     * the first; the first beat's strobes from that byte on */
    uint32_t end_off = (d->f_plen + d->f_soff) & (d->abpb - 1);
    uint16_t strb_end = end_off == 0 ? strb_ones : (uint16_t)((1u << end_off) - 1);
    uint16_t strb_first = (uint16_t)(strb_ones & ~((1u << d->f_soff) - 1));
    int end_half = d->r == 2 && end_off != 0 && end_off <= d->bpb;
    more_out_t mo;
    more_out(d->more, &mo);
    n.rec_rdy = 0;
    /* a record's fields for the completion writer (its words: cpl_write.c), from the head
     * and the f_*, g_* registers */
    const int dpart = fh->split && fh->dlen != 0;
    memset(&bq_wdata, 0, sizeof bq_wdata);
    bq_wdata.phase = d->f_phase;
    bq_wdata.ring = d->f_ring; bq_wdata.bufid = d->f_bufid; bq_wdata.len = p1len;
    bq_wdata.off = d->f_off; bq_wdata.cnt = d->f_cnt; bq_wdata.prel = d->f_prel;
    bq_wdata.split = fh->split; bq_wdata.dlen = fh->dlen;
    bq_wdata.dring = d->g_mrg ? NICRX_REASM_RING : d->g_ring; bq_wdata.mrg = d->g_mrg;
    bq_wdata.dbufid = d->g_bufid; bq_wdata.doff = d->g_off;
    bq_wdata.dcnt = d->g_cnt; bq_wdata.dprel = d->g_prel;
    bq_wdata.flow = d->fh_flow; bq_wdata.opcode = d->fh_op;
    bq_wdata.l3 = fh->l3; bq_wdata.l4 = fh->l4; bq_wdata.vlan = fh->vlan; bq_wdata.frag = fh->frag;
    bq_wdata.trunc = fh->trunc; bq_wdata.perr = fh->perr; bq_wdata.presel = fh->presel;
    bq_wdata.more_cnt = mo.more_cnt;
    bq_wdata.hash = fh->hash; bq_wdata.l3_off = fh->l3_off; bq_wdata.l4_off = fh->l4_off;
    bq_wdata.rss_type = fh->rss_type; bq_wdata.pay = fh->pay; bq_wdata.lerr = fh->lerr;
    bq_wdata.rlen = d->r_len; bq_wdata.rsegs = d->r_segs; bq_wdata.rseq = d->r_seq; bq_wdata.rreason = d->r_reason;
    bq_wdata.rflags = d->r_flags; bq_wdata.rack = d->r_ack; bq_wdata.rwin = d->r_win;
    if (t->m_axi_awready) n.awvalid = 0;
    switch (d->is_state) {
    case IS_IDLE:
        if (sw_go) {
            /* the sweep's close (timeout, flush, re-assembly off): its run record on CQ 0 (none
             * when CQ 0 is disabled), then the table moves on */
            ra_take = ra_cls = 1;
            dma_run_latch(&n, &rao, rao.m_r_len, rao.m_r_segs, rao.m_reason, NULL);
            n.f_q = 0;
            n.rp = c->cq_en[0]; n.raft = 0;
            n.is_state = c->cq_en[0] ? IS_PRE : IS_IDLE;
        } else if (d->fh_valid && d->hd_v && (!rq_req || rq_ans)) {
            if (cstep) {
                /* the head's run closes first, alone (a close before the frame, a frame it
                 * would take that is dropped): its run record on
                 * the frame's CQ (CQ 0 when that is not enabled; none when neither is), then
                 * the table answers the frame again */
                if (!rcq_en || ((cwo.cq_room >> rcq) & 1)) {
                    ra_take = ra_cls = 1;
                    dma_run_latch(&n, &rao, rao.m_off, (uint8_t)(rao.m_r_segs - rao.m_after),
                                  (uint8_t)(rao.m_close ? rao.m_reason : NICRX_REASM_DROP), NULL);
                    n.f_q = (uint8_t)rcq;
                    n.rp = (uint8_t)rcq_en; n.raft = 0;
                    n.is_state = rcq_en ? IS_PRE : IS_IDLE;
                }
            } else if (h_drop) {
                /* dropped, counted by its reason: RED's verdict (nicrx_red) before the placement
                 * (no buffer is looked at), no ring fits, no CQ, or it waited XFER_BUF_WAIT for a
                 * descriptor (counted by the ring it waited for) */
                if (pc_room) {
                    pc_we = 1; pc_wdata.skip = 1; pc_wdata.nwords = (uint16_t)h_nwords;
                    n.dr_rel = 1; n.fq_pop = 1;
                    if (d->hd_red & 2) {
                        n.cnt_red_forced = d->cnt_red_forced + 1;
                        emit_drop(ev, fh->frame, NICRX_REASON_RED_FORCED, 0);
                    } else if (d->hd_red) {
                        n.cnt_red_early = d->cnt_red_early + 1;
                        emit_drop(ev, fh->frame, NICRX_REASON_RED_EARLY, 0);
                    } else if (h_nofit) {
                        n.cnt_no_fit = d->cnt_no_fit + 1;
                        emit_drop(ev, fh->frame, NICRX_REASON_NO_FIT, 0);
                    } else if (!d->hd_q_ok) {
                        n.cnt_no_cq = d->cnt_no_cq + 1;
                        emit_drop(ev, fh->frame, NICRX_REASON_NO_CQ, 0);
                    } else {
                        n.cnt_no_buf[d->hd_nbr]++;
                        emit_drop(ev, fh->frame, NICRX_REASON_NO_BUF, d->hd_nbr);
                    }
                }
            } else if (rooms && pc_room && bufs_ok) {
                /* a split frame takes a header buffer and, with bytes after its headers, a
                 * data buffer, or its data part goes into its flow's run (m_go: a run's page,
                 * ring 3's head when it opens one); a misaligned buffer or page (the header
                 * buffer looked at first) goes back alone by an error completion and the frame
                 * takes the next; a run that closes after it needs CQ room for both records */
                int herr = fh->split && !s_app && d->hd_bad[NICRX_HDR_RING];
                int perr = !herr && m_go && rao.m_open && d->hd_bad[NICRX_REASM_RING];
                int derr = !herr && d_ring && d->hd_bad[sel];
                /* a page's entry: the page's (PAGE_SIZE-aligned) address with the offset in its low bits */
                const uint16_t h_off = d->pg.off[NICRX_HDR_RING], d_off = d->pg.off[sel];
                const desc_ent_t *p1 = fh->split ? hh : dh;
                uint32_t r1 = fh->split ? NICRX_HDR_RING : sel;
                n.f_q = (uint8_t)hd_q;
                if (herr || perr || derr) {
                    const desc_ent_t *eb = herr ? hh : perr ? ph : dh;
                    const uint32_t er = herr ? NICRX_HDR_RING : perr ? NICRX_REASM_RING : sel;
                    n.f_ring = (uint8_t)er;
                    n.f_bufid = eb->buf_id;
                    n.f_addr = eb->addr;
                    n.desc_pop[er] = 1;
                    n.f_err = 1;
                    n.f_off = 0; n.f_cnt = 0; n.f_prel = 1;
                    n.cnt_desc_err = d->cnt_desc_err + 1;
                    n.is_state = IS_PRE;
                } else {
                    /* a page goes back (pop) only with its last entry; a run's page is taken
                     * when the run opens */
                    n.pg_take[r1] = (uint8_t)!s_app;
                    n.desc_pop[r1] = (uint8_t)(d->pg.rel[r1] && !s_app);
                    if (fh->split && d_ring) {
                        n.pg_take[sel] = 1;
                        n.desc_pop[sel] = d->pg.rel[sel];
                    }
                    n.desc_pop[NICRX_REASM_RING] = (uint8_t)(m_go && rao.m_open);
                    n.f_ring = (uint8_t)r1; n.f_bufid = p1->buf_id;
                    n.f_addr = p1->addr | (fh->split ? h_off : d_off);
                    n.f_off = fh->split ? h_off : d_off;
                    n.f_cnt = d->pg.cnt[r1]; n.f_prel = d->pg.rel[r1];
                    n.g_pend = (uint8_t)(fh->split && d->hd_dneed);
                    n.g_ring = (uint8_t)sel; n.g_mrg = (uint8_t)m_go; n.g_strip = (uint8_t)s_app;
                    if (m_go) {
                        /* merged: at the run's page and offset (an opened run's at 0), no entry
                         * count, no release (the run record gives the page back) */
                        n.g_bufid = rao.m_open ? ph->buf_id : rao.m_r_id;
                        n.g_addr = rao.m_open ? ph->addr : rao.m_dst;
                        n.g_off = rao.m_open ? 0 : (uint16_t)rao.m_off;
                        n.g_cnt = 0x1fff; /* dcnt = g_cnt + 1 = 0 */
                        n.g_prel = 0;
                    } else {
                        n.g_bufid = dh->buf_id; n.g_addr = dh->addr | d_off;
                        n.g_off = d_off; n.g_cnt = d->pg.cnt[sel]; n.g_prel = d->pg.rel[sel];
                    }
                    ra_take = m_go;
                    /* the run closes after the frame: its record follows the frame's */
                    n.rp = (uint8_t)need2; n.raft = 1;
                    dma_run_latch(&n, &rao, rao.m_r_len, rao.m_r_segs, rao.m_reason, fh);
                    /* a frame that would open a run but finds no page goes alone */
                    if (rq_req && rao.m_open && !m_go) n.cnt_reasm_no_page = d->cnt_reasm_no_page + 1;
                    n.f_err = 0;
                    n.fq_pop = 1;
                    /* stripped: the header's whole words released unread, the word it shares
                     * with the data part read by the data part (IS_SKIP waits for its hd_*) */
                    pc_we = 1; pc_wdata.skip = h_len == 0 || s_app;
                    pc_wdata.nwords = s_app ? (uint16_t)(fh->hdr_len >> d->lbpb) : d->hd_nw1;
                    /* a buffer at an odd word of a beat (r = 2: the descriptor's address and
                     * the page entry's offset start at a whole word) starts in its upper lane */
                    const int lane = d->r == 2 && (n.f_addr >> d->lbpb & 1);
                    n.f_soff = (uint8_t)(lane ? up_off : 0);
                    n.f_first = 1;
                    n.f_rem = lane ? d->hd_nb1 : d->hd_nb0;
                    n.f_plen = p1len;
                    n.is_state = s_app ? IS_SKIP : h_len == 0 ? IS_PRE : IS_SIZE;
                }
            }
        }
        break;
    case IS_P2: /* the data part of a split frame: its own buffer or its run's page at any
                 * byte, realigned from the header part's end in its last word to g_addr's
                 * place in a word */
        if (pc_room) {
            pc_we = 1; pc_wdata.nwords = d->hd_nw2; pc_wdata.flush = d->hd_fl2; pc_wdata.lead = d->hd_ld2;
            pc_wdata.prime = d->hd_pr2;
            pc_wdata.sh = (uint8_t)((s2 - d2) & (d->bpb - 1));
            n.f_addr = d->g_addr;
            n.f_soff = (uint8_t)(d->g_addr & (d->abpb - 1));
            n.f_first = 1;
            n.f_rem = d->hd_nd;
            n.f_plen = fh->dlen;
            n.g_pend = 0;
            n.is_state = IS_SIZE;
        }
        break;
    case IS_SKIP: /* a stripped append's two cycles before IS_P2: g_addr, then hd_* from it */
        n.rec_rdy = 1;
        if (d->rec_rdy) n.is_state = IS_P2;
        break;
    case IS_PRE: /* f_q was set at the last edge: rec_off, rec_ph follow it now */
        n.is_state = IS_REC;
        break;
    case IS_SIZE:
        n.f_beats = (uint16_t)beats;
        n.f_blast = beats == d->f_rem;
        n.is_state = IS_DATA;
        break;
    case IS_DATA:
        if (aw_free && wb_room) {
            n.awvalid = 1;
            wc_we = 1; wc_wdata.rec = 0; wc_wdata.len = aw_len;
            wc_wdata.strb = d->f_blast ? strb_end : strb_ones;
            wc_wdata.fstrb = d->f_first ? strb_first : strb_ones;
            wc_wdata.first_skip = d->r == 2 && d->f_first && (d->f_soff & d->bpb);
            wc_wdata.last_half = (uint8_t)(d->f_blast && end_half);
            bq_we = 1; bq_wdata.rec = 0; bq_wdata.err = 0; bq_wdata.q = d->f_q;
            /* the next burst starts at a whole beat */
            n.f_addr = ((d->f_addr >> d->labpb) + d->f_beats) << d->labpb;
            n.f_first = 0;
            n.f_rem = (uint16_t)(d->f_rem - d->f_beats);
            n.is_state = !d->f_blast ? IS_SIZE : d->g_pend ? IS_P2 : IS_REC;
            if (d->f_blast && !d->g_pend && d->g_strip) {
                /* a stripped append is delivered by its last burst's B (no record): the head
                 * goes, then its run's record if the run closes after it */
                nicrx_event_t e;
                bq_wdata.dlv = 1;
                fh_rel = 1;
                n.raft = 0;
                n.is_state = d->rp ? IS_REC : IS_IDLE;
                memset(&e, 0, sizeof e);
                e.kind = NICRX_EV_DELIVER;
                e.frame = fh->frame;
                e.queue = d->f_q; e.split = 1; e.strip = 1;
                e.dring = NICRX_REASM_RING; e.dbuf_id = d->g_bufid; e.dlen = fh->dlen; e.doff = d->g_off;
                e.more_cnt = mo.more_cnt;
                ev_emit(ev, &e);
            }
        }
        break;
    case IS_REC:
        /* first cycle: the record's address (into f_addr) and phase from rec_off,
         * rec_ph; re-computed every cycle and used from the second cycle on */
        n.f_addr = cwo.rec_base + ((uint64_t)cwo.rec_off << 5);
        n.f_phase = cwo.rec_ph;
        n.rec_rdy = 1;
        if (d->rec_rdy && aw_free && wb_room && !cwo.m_rec_valid) {
            n.rec_rdy = 0;
            n.awvalid = 1;
            wc_we = 1; wc_wdata.rec = 1; wc_wdata.len = aw_len;
            /* the record's words into the completion writer's holder: a run record (alone, or
             * after the frame's), else the frame's or an error completion */
            bq_we = 1; bq_wdata.rec = 1; bq_wdata.q = d->f_q;
            n.is_state = IS_WAIT;
            if (d->rp && !d->raft) {
                bq_wdata.run = 1;
                bq_wdata.ring = NICRX_REASM_RING; bq_wdata.bufid = d->r_id;
                bq_wdata.flow = (uint16_t)(d->r_gen << 8 | d->r_flow);
                n.rp = 0;
            } else if (d->f_err) {
                bq_wdata.err = 1;
                n.raft = 0;
            } else {
                nicrx_event_t e;
                fh_rel = 1;
                n.raft = 0;
                memset(&e, 0, sizeof e);
                e.kind = NICRX_EV_DELIVER;
                e.frame = fh->frame;
                e.queue = d->f_q; e.ring = d->f_ring; e.buf_id = d->f_bufid; e.len = p1len;
                e.split = fh->split;
                if (dpart) {
                    e.dring = d->g_mrg ? NICRX_REASM_RING : d->g_ring;
                    e.dbuf_id = d->g_bufid; e.dlen = fh->dlen; e.doff = d->g_off;
                }
                e.off = d->f_off;
                e.more_cnt = mo.more_cnt;
                ev_emit(ev, &e);
            }
        }
        break;
    case IS_WAIT: /* lets cq_room see the new issued tail (and rec_off, rec_ph the record after
                   * it: a run record after its frame's) */
        n.is_state = d->rp ? IS_REC : IS_IDLE;
        break;
    default:
        n.is_state = IS_IDLE;
        break;
    }
    /* the AW's address and length follow the burst (IS_DATA) or the record (IS_REC once its
     * address is made) while no AW waits: the RTL loads them without the decision as enable */
    if (!d->awvalid && (d->is_state == IS_DATA || (d->is_state == IS_REC && d->rec_rdy))) {
        n.awaddr = d->f_addr;
        n.awlen = aw_len;
    }
    /* frame queue head: refill from the RAM when empty or released */
    if (fh_rel) n.fh_valid = 0;
    const int fq_re = d->fq_rd != d->fq_wr && (!d->fh_valid || fh_rel);
    if (fq_re) {
        const uint32_t rd = d->fq_rd & (d->fq_depth - 1);
        n.fh = d->fq_mem[rd];
        n.fh_flow = d->flm_mem[rd];
        n.fh_op = d->ctl_mem[rd] & 15;
        n.fh_red = d->ctl_mem[rd] >> 4;
        n.fq_rd = (d->fq_rd + 1) & fqm;
        n.fh_valid = 1;
    }
    n.hd_v = !fq_re && !n.dr_rel;
    n.rq_en = c->reasm_en;
    /* the request changed at this edge: s_chg in its first cycle */
    n.rq_chg = (uint8_t)(fq_re || fh_rel || d->rq_en != c->reasm_en);
    {
        const uint32_t pl = c->reasm_page_log2 < 12 ? 12 : c->reasm_page_log2 > 16 ? 16 : c->reasm_page_log2;
        n.rq_pmask = (uint16_t)((1u << pl) - 1);
    }

    /* ---- idle ---- */
    n.idle = d->fq_rd == d->fq_wr && !d->fh_valid && d->is_state == IS_IDLE && !mvo.busy
          && !d->awvalid && !cwo.busy && !in->s_fl_valid && !rao.m_busy && !c->reasm_flush;

    /* ---- memories (written at the edge, also under reset, like the RTL) ---- */
    if (fq_we) {
        dma_fq_ent_t *e = &n.fq_mem[d->fq_wr & (d->fq_depth - 1)];
        e->len = fl->len;
        e->l3 = fl->l3 & 3; e->l4 = fl->l4 & 3; e->vlan = fl->vlan & 1; e->frag = fl->frag & 1;
        e->l3_off = fl->l3_off; e->l4_off = fl->l4_off; e->hash = fl->hash; e->queue = fl->queue; e->rss_type = fl->rss_type;
        e->trunc = fl->trunc & 1; e->perr = fl->perr & 1; e->presel = fl->cls >> NICRX_CLS_PRESEL & 1;
        e->pay = fl->pay; e->lerr = fl->lerr & 1;
        e->split = fl->split & 1; e->hdr_len = fl->hdr_len; e->dlen = fl->dlen;
        e->seq = fl->seq; e->fcl = fl->fcl & 0x3f; e->ack = fl->ack; e->win = fl->win;
        e->frame = fl->frame;
        n.flm_mem[d->fq_wr & (d->fq_depth - 1)] = fl->flow;
        n.ctl_mem[d->fq_wr & (d->fq_depth - 1)] = (uint8_t)((fl->opcode & 0xf) | (fl->red & 3) << 4);
    }
    /* the batching hint sees the push and the head of this edge (nicrx_more) */
    {
        const more_in_t mi = { .rst = t->rst, .s_push = in->s_fl_valid, .s_push_key = fl->flow,
                               .s_push_keep = fl->red == 0, .fq_wr = d->fq_wr, .fq_rd = d->fq_rd,
                               .head_key = d->fh_flow };
        more_step(d->more, &mi, &mo);
        if (in->s_fl_valid) {
            nicrx_event_t e;
            memset(&e, 0, sizeof e);
            e.kind = NICRX_EV_QUEUED;
            e.frame = fl->frame;
            ev_emit(ev, &e);
        }
    }
    /* the page cursors: ring 2's entry is a header part, rings 0 and 1's a whole frame or a data part */
    {
        page_in_t pi = { .rst = t->rst, .page_en = c->xfer_page_en, .page_log2 = c->xfer_page_log2,
                         .page_align = c->xfer_page_align, .fbr_en = c->fbr_en, .fbr_buf_size = c->fbr_buf_size };
        for (uint32_t r = 0; r < NICRX_REASM_RING; r++) {
            pi.s_len[r] = r == NICRX_HDR_RING ? fh->hdr_len : fh->dlen;
            pi.s_take[r] = d->pg_take[r];
        }
        page_step(&n.pg, &d->pg, &pi);
    }
    /* the re-assembly table: the head's request (it changes with fh and with the registered
     * enable); a split frame's data part is the payload it would merge (a length that lies
     * merges nothing); the issue FSM's take, a run opened there takes ring 3's head */
    {
        reasm_in_t ri = { .rst = t->rst, .cfg_en = c->reasm_en, .cfg_page_log2 = c->reasm_page_log2,
                          .cfg_max_segs = c->reasm_max_segs, .cfg_max_bytes = c->reasm_max_bytes,
                          .cfg_timeout = c->reasm_timeout, .now = in->now, .s_flush = c->reasm_flush,
                          .s_chg = d->rq_chg, .s_req = (uint8_t)rq_req,
                          .s_flow = (uint8_t)d->fh_flow, .s_gen = (uint8_t)(d->fh_flow >> 8), .s_op = d->fh_op,
                          .s_fcl = fh->fcl != 0, .s_len = fh->split && !fh->lerr ? fh->dlen : 0, .s_seq = fh->seq,
                          .s_ack = fh->ack, .s_win = fh->win,
                          .s_take = (uint8_t)ra_take, .s_take_cls = (uint8_t)ra_cls, .s_take_id = ph->buf_id,
                          .s_take_page = ph->addr >> 12 };
        reasm_step(d->ra, &ri, &rao);
    }
    /* the mover: the issue FSM's commands and the record holder's words of this edge */
    {
        if (pc_we) {   /* the RTL's from registers a cycle ahead (hd_nf*), the same values */
            pc_wdata.zero = pc_wdata.nwords == 0;
            pc_wdata.one = pc_wdata.nwords == 1;
        }
        const mover_in_t mi = { .rst = t->rst, .s_pc_valid = (uint8_t)pc_we, .s_pc = pc_wdata,
                                .s_wc_valid = (uint8_t)wc_we, .s_wc = wc_wdata, .s_rec_valid = cwo.m_rec_valid,
                                .s_rec = { cwo.m_rec[0], cwo.m_rec[1], cwo.m_rec[2], cwo.m_rec[3] },
                                .pm_rd_data = in->pm_rd_data, .m_axi_wready = t->m_axi_wready };
        mover_step(&n.mv, &mi, &mvo);
    }
    /* the completion writer: the issue FSM's request of this edge, the mover's take */
    {
        cpl_write_in_t ci = { .rst = t->rst, .s_cr_valid = (uint8_t)bq_we, .s_cr = bq_wdata,
                              .m_rec_ready = (uint8_t)rec_taken, .rec_q = d->f_q, .s_rerr = in->s_rerr,
                              .m_axi_bvalid = t->m_axi_bvalid, .m_axi_bresp = t->m_axi_bresp };
        memcpy(ci.cq_base, c->cq_base, sizeof ci.cq_base);
        memcpy(ci.cq_size_log2, c->cq_size_log2, sizeof ci.cq_size_log2);
        memcpy(ci.cq_en, c->cq_en, sizeof ci.cq_en);
        memcpy(ci.cq_head, c->cq_head, sizeof ci.cq_head);
        cpl_write_step(&n.cw, &ci, &cwo);
    }

    if (t->rst) dma_reset(&n);
    *d = n;
    dma_out(d, out);
}
