/* nicrx_flow_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_flow_key.v feeding rtl/nicrx_flow.v against their twins
 * cmodel/flow_key.c and cmodel/flow.c, wired as nicrx_top wires them.
 *
 * Stand-ins drive the blocks as nicrx_top does:
 *  - ingress: writes each frame's header bytes into its header slot (frame i in slot
 *    i mod FQ_DEPTH) beat by beat before the frame is offered, and never writes the slot
 *    of a frame the flow block has not finished (as the DMA's fq_pop credits ensure);
 *  - parser: offers the frames in order on s_hv_valid, holding the fields until the
 *    block's s_hv_ready takes them, with random gaps; between frames the fields are random;
 *  - CSR: FLOW_CTRL, THRESH, TICK and AGE change now and then; READ, INSTALL and
 *    INVALIDATE pulses (cfg_flow_cmd for one cycle, also while busy) with random entries
 *    and a context window holding a pool key or a random one; resets now and then.
 * Frames belong to a pool of flows (MODE many: 4 x FLOWS keys, few: 6 keys, mixed: both
 * phases), including two keys with the same CRC-32C signature (found by a birthday
 * search over the ports).  Per flow the sequence numbers run mostly in order, with
 * out-of-order segments, retransmissions, SYN, FIN, RST, URG, CWR, pure ACKs, short
 * payloads, changing ACKs, options and header lengths, IP options, VLAN tags, and
 * frames that are not pre-selected, have perr or trunc, or whose options lie past the
 * frame or HEADER_BYTES.
 *
 * usage: nicrx_flow_gen DW HB FQ FLOWS CYCLES SEED MODE TRACE.hex
 * prints "FRAMES COMMANDS RESETS" and then the count of each operation code 0..8.
 * One line per edge: flow_in and flow_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nicrx_model.h"
#include "flow_key.h"
#include "flow.h"
#include "bench.h"

#define MAX_POOL 1100u

typedef struct pflow {
    uint8_t  src[16], dst[16];
    uint16_t sport, dport;
    uint8_t  v6, vlan_cnt;
    uint16_t vid;
    uint32_t seq, ack;      /* next in-order sequence number, current ACK */
    uint16_t hlen;          /* TCP header bytes */
    uint8_t  opt[40];       /* its options */
} pflow_t;

typedef struct frame {
    hv_stream_t hv;         /* with its length and slot */
    uint8_t  hdr[256];      /* the slot's bytes */
} frame_t;

static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static uint32_t below(uint32_t n) { return n ? rnd() % n : 0; }
static int chance(uint32_t per_mille) { return below(1000) < per_mille; }

static void key_of(const pflow_t *p, uint8_t *k)
{
    memset(k, 0, NICRX_FLOW_KEY_BYTES);
    memcpy(k + NICRX_FLOW_KEY_SRC, p->src, 16);
    memcpy(k + NICRX_FLOW_KEY_DST, p->dst, 16);
    k[NICRX_FLOW_KEY_SPORT] = (uint8_t)(p->sport >> 8);
    k[NICRX_FLOW_KEY_SPORT + 1] = (uint8_t)p->sport;
    k[NICRX_FLOW_KEY_DPORT] = (uint8_t)(p->dport >> 8);
    k[NICRX_FLOW_KEY_DPORT + 1] = (uint8_t)p->dport;
    k[NICRX_FLOW_KEY_PROTO] = 6;
    k[NICRX_FLOW_KEY_IPVER] = p->v6 ? 6 : 4;
}

static void new_flow(pflow_t *p)
{
    memset(p, 0, sizeof *p);
    p->v6 = chance(300);
    for (uint32_t i = 0; i < (p->v6 ? 16u : 4u); i++) {
        p->src[i] = (uint8_t)rnd();
        p->dst[i] = (uint8_t)rnd();
    }
    p->sport = (uint16_t)rnd();
    p->dport = chance(500) ? 80 : (uint16_t)rnd();
    p->vlan_cnt = chance(200) ? (uint8_t)(1 + below(2)) : 0;
    p->vid = (uint16_t)(rnd() & 0xfff);
    p->seq = rnd();
    p->ack = rnd();
    p->hlen = (uint16_t)(20 + 4 * below(11));
    for (uint32_t i = 0; i < 40; i++)
        p->opt[i] = (uint8_t)rnd();
}

/* Two pool flows whose keys have the same signature: a birthday search over the ports
 * and the source address (about 2^16 keys for a collision among 2^32 signatures; the
 * ports alone are one 32-bit burst, which a CRC-32 maps one to one). */
static void colliding_pair(pflow_t *a, pflow_t *b)
{
    const uint32_t tsz = 1u << 20;
    uint32_t *tsig = calloc(tsz, sizeof *tsig), *tj = calloc(tsz, sizeof *tj);
    uint8_t k[NICRX_FLOW_KEY_BYTES];

    new_flow(a);
    a->v6 = 0;
    memset(a->src + 4, 0, 12);
    memset(a->dst + 4, 0, 12);
    *b = *a;
    for (uint32_t j = 1; tsig && tj && j < tsz / 2; j++) {
        uint32_t ports = j * 2654435761u, s, h;
        a->sport = (uint16_t)(ports >> 16);
        a->dport = (uint16_t)ports;
        a->src[0] = (uint8_t)j;
        key_of(a, k);
        s = nicrx_crc32c(k, sizeof k);
        for (h = s & (tsz - 1); tj[h]; h = (h + 1) & (tsz - 1)) {
            if (tsig[h] == s) {
                uint32_t p2 = tj[h] * 2654435761u;
                b->sport = (uint16_t)(p2 >> 16);
                b->dport = (uint16_t)p2;
                b->src[0] = (uint8_t)tj[h];
                free(tsig);
                free(tj);
                return;
            }
        }
        tsig[h] = s;
        tj[h] = j;
    }
    free(tsig);
    free(tj);
}

/* A frame of pool flow p (updating its state), its header bytes in slot order. */
static void make_frame(pflow_t *p, uint32_t hb, frame_t *fr)
{
    hv_stream_t *hv = &fr->hv;
    uint16_t pay, fl;
    uint32_t r;

    memset(fr, 0, sizeof *fr);
    for (uint32_t i = 0; i < hb; i++)
        fr->hdr[i] = (uint8_t)rnd();
    /* flags: mostly ACK (+PSH); SYN, FIN, RST, URG, CWR, ECE now and then */
    fl = 0x10;
    if (chance(300)) fl |= 0x08;
    if (chance(40))  { fl |= 0x02; if (chance(500)) fl &= (uint16_t)~0x10u; }
    if (chance(30))  fl |= 0x01;
    if (chance(15))  fl |= 0x04;
    if (chance(15))  fl |= 0x20;
    if (chance(15))  fl |= 0x80;
    if (chance(15))  fl |= 0x40;
    if (chance(5))   fl = (uint16_t)(rnd() & 0xfff);
    r = below(100);
    pay = r < 25 ? 0 : r < 45 ? (uint16_t)(1 + below(120)) : (uint16_t)(100 + below(1400));
    if (chance(40)) p->hlen = (uint16_t)(20 + 4 * below(11));
    if (chance(30)) p->opt[below(40)] ^= (uint8_t)(1 + below(255));
    if (chance(200)) p->ack += below(3000);
    hv->tcp_flags = fl;
    hv->tcp_hlen = chance(10) ? (uint16_t)below(80) : p->hlen;
    hv->seq = p->seq;
    r = below(100);
    if (r < 8)       hv->seq = p->seq - pay;                    /* retransmission */
    else if (r < 14) hv->seq = p->seq + 1 + below(5000);        /* after a gap */
    else if (r < 17) hv->seq = rnd();
    if ((fl & 0x02) && chance(500)) hv->seq = p->seq - 1;       /* retransmitted SYN */
    {
        uint32_t end = hv->seq + pay + (fl >> 1 & 1u) + (fl & 1u);
        if ((int32_t)(end - p->seq) > 0) p->seq = end;
    }
    hv->ack = p->ack;
    hv->win = (uint16_t)(hv->seq ^ hv->seq >> 16);   /* no draw of its own: the seeds' cover stays */
    hv->l4_len = pay;   // the parser's l4_len: the bytes after the TCP header
    /* addresses, classification */
    hv->l3 = p->v6 ? 2 : 1;
    hv->l4 = chance(950) ? 1 : (uint8_t)below(4);
    hv->proto = hv->l4 == 1 ? 6 : hv->l4 == 2 ? 17 : (uint8_t)rnd();
    memcpy(hv->src, p->src, 16);
    memcpy(hv->dst, p->dst, 16);
    hv->sport = p->sport;
    hv->dport = p->dport;
    hv->vlan_cnt = p->vlan_cnt;
    hv->vlan0 = p->vid;
    hv->vlan1 = (uint16_t)(rnd() & 0xfff);
    hv->frag = chance(20);
    hv->cls = (uint16_t)(rnd() & 0x3ff);
    if (chance(900)) hv->cls |= 1u << NICRX_CLS_PRESEL;
    hv->perr = chance(20);
    hv->trunc = chance(20);
    hv->l3_off = (uint8_t)(14 + 4 * p->vlan_cnt);
    hv->l4_off = (uint8_t)(hv->l3_off + (p->v6 ? 40 : 20) + (chance(50) ? 4 * (1 + below(4)) : 0));
    if (chance(5)) hv->l4_off = (uint8_t)rnd();
    hv->hash = rnd();
    hv->len = (uint16_t)(hv->l4_off + hv->tcp_hlen + pay);
    if (chance(30)) hv->len = (uint16_t)(hv->l4_off + below(80));
    /* the options in the header copy */
    for (uint32_t i = 0; i < 40 && hv->l4_off + 20u + i < hb; i++)
        fr->hdr[hv->l4_off + 20u + i] = p->opt[i];
}

int main(int argc, char **argv)
{
    bench_argc(argc, argv, 9, 9, "DW HB FQ FLOWS CYCLES SEED MODE TRACE.hex");
    const uint32_t dw = (uint32_t)bench_num(argv[0], "DW", argv[1], 32, 64);
    const uint32_t hb = (uint32_t)bench_num(argv[0], "HB", argv[2], 1, 256);
    const uint32_t fq = (uint32_t)bench_num(argv[0], "FQ", argv[3], 1, 256);
    const uint32_t nflows = (uint32_t)bench_num(argv[0], "FLOWS", argv[4], 1, UINT32_MAX);
    const uint32_t cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[5], 1, UINT32_MAX);
    const char *mode = argv[7];
    const uint32_t bpb = dw / 8, beats = hb / bpb;
    nicrx_geom_t g;
    flow_key_t fk;
    flow_t s;
    static pflow_t pool[MAX_POOL];
    static frame_t fr[256];
    uint32_t npool, nfew = 6, frames = 0, cmds = 0, resets = 0, opc[16] = {0};
    FILE *f;

    rng_state = 0x9e3779b97f4a7c15ull ^ bench_num(argv[0], "SEED", argv[6], 0, UINT64_MAX) * 0x2545f4914f6cdd1dull;
    memset(&g, 0, sizeof g);
    g.p.pkt_mem_bytes = 16384;
    g.p.data_width = dw;
    g.p.header_bytes = hb;
    g.p.fq_depth = fq;
    g.p.flows = nflows;
    nicrx_geom_init(&g, &g.p);   /* 16 KB packet memory: PM_AW of nicrx_flow_tb.v */
    if (flow_key_init(&fk, &g) != 0 || flow_init(&s, &g) != 0 || fq > 256 || hb > 256 || (dw != 32 && dw != 64))
        return 1;
    npool = 4 * nflows + 2 < MAX_POOL ? 4 * nflows + 2 : MAX_POOL;
    colliding_pair(&pool[0], &pool[1]);
    for (uint32_t i = 2; i < npool; i++)
        new_flow(&pool[i]);
    f = bench_create(argv[0], argv[8]);

    flow_key_in_t in;                     /* the stand-ins' outputs at the next edge */
    csr_cfg_t *cfg = &in.cfg;
    flow_key_out_t ko;
    flow_out_t o;
    uint32_t w_frame = 0, w_beat = 0;     /* frame being written, its next beat */
    uint32_t w_done = 0;                  /* frames whose last beat was written at an earlier edge */
    uint32_t offered = 0, done_frames = 0;/* next frame to offer; frames completed */
    uint32_t gap = 0, rst_left = 2;   /* the RTL starts in reset */
    int few = strcmp(mode, "few") == 0;

    memset(&in, 0, sizeof in);
    cfg->flow_ctrl = NICRX_FLOW_CTRL_RESET;
    cfg->flow_thresh = NICRX_FLOW_THRESH_RESET;
    cfg->flow_tick = 3;
    cfg->flow_age = 0;
    for (uint32_t c = 0; c < cycles; c++) {
        flow_in_trace_t ti;
        flow_out_trace_t to;

        flow_key_out(&fk, &ko);
        flow_out(&s, &o);
        /* ---- CSR stand-in -------------------------------------------------------- */
        in.rst = rst_left > 0;
        if (rst_left) rst_left--;
        if (c > 100 && chance(1) && below(8) == 0) { rst_left = 1 + below(3); resets++; }
        if (strcmp(mode, "mixed") == 0 && c % 4000 == 0) few = !few;
        if (chance(2)) cfg->flow_ctrl = (uint8_t)below(4);
        if (chance(2)) cfg->flow_thresh = (uint16_t)(chance(200) ? rnd() : below(200));
        if (chance(2)) { uint32_t t[4] = {0, 1, 5, 155}; cfg->flow_tick = (uint16_t)t[below(4)]; }
        if (chance(2)) cfg->flow_age = chance(400) ? 0 : chance(100) ? rnd() : 2 + below(60);
        cfg->flow_cmd = 0;
        if (chance(8)) {
            const pflow_t *p = &pool[below(few ? nfew : npool)];
            cfg->flow_cmd = (uint8_t)(1 + below(3));
            cfg->flow_sel = (uint8_t)rnd();
            cfg->ctx_info = chance(100) ? rnd() : (rnd() & 0x3fffffcu);
            cfg->ctx_seq = rnd();
            cfg->ctx_ack = rnd();
            cfg->ctx_opt = rnd();
            if (chance(700)) key_of(p, cfg->ctx_key);
            else for (uint32_t i = 0; i < NICRX_FLOW_KEY_BYTES; i++) cfg->ctx_key[i] = (uint8_t)rnd();
            if (!o.st.busy) cmds++;
        }
        /* ---- ingress stand-in: header beats of frame w_frame into its slot --------- */
        in.hm_wr_en = 0;
        if (w_frame < done_frames + fq - 1 && w_frame < offered + 8 && !chance(200)) {
            frame_t *w = &fr[w_frame % 256];
            if (w_beat == 0) {
                uint32_t pi = below(few ? nfew : npool);
                if (chance(20)) pi = below(2);   /* the colliding pair */
                make_frame(&pool[pi], hb, w);
                w->hv.slot = (uint8_t)(w_frame % fq);
            }
            uint64_t d = 0;
            for (uint32_t i = 0; i < bpb; i++)
                d |= (uint64_t)w->hdr[w_beat * bpb + i] << (8 * i);
            in.hm_wr_en = 1;
            in.hm_wr_addr = w->hv.slot * beats + w_beat;
            in.pm_wr_data = d;
            if (++w_beat == beats) { w_beat = 0; w_frame++; }
        }
        /* ---- parser stand-in: the offered frame, held until taken ------------------ */
        if (!in.s_hv_valid) {
            if (gap) gap--;
            else if (offered < w_done) {
                in.s_hv_valid = 1;
                in.s_hv = fr[offered % 256].hv;
            }
        }
        if (!in.s_hv_valid) {   /* fields between frames: anything */
            if (chance(300)) { in.s_hv.seq = rnd(); in.s_hv.src[0] = (uint8_t)rnd(); in.s_hv.tcp_flags = (uint16_t)(rnd() & 0xfff); }
        }
        /* ---- the line's inputs ---------------------------------------------------------- */
        memset(&ti, 0, sizeof ti);
        ti.rst = in.rst;
        ti.s_hv_valid = in.s_hv_valid;
        ti.s_hv = in.s_hv;
        ti.hm_wr_en = in.hm_wr_en;
        ti.hm_wr_addr = (uint16_t)in.hm_wr_addr;
        ti.pm_wr_data = in.pm_wr_data;
        ti.cfg_flow_ctrl = cfg->flow_ctrl;
        ti.cfg_flow_thresh = cfg->flow_thresh;
        ti.cfg_flow_tick = cfg->flow_tick;
        ti.cfg_flow_age = cfg->flow_age;
        ti.cfg_flow_cmd = cfg->flow_cmd;
        ti.cfg_flow_sel = cfg->flow_sel;
        ti.cfg_ctx_info = cfg->ctx_info;
        ti.cfg_ctx_seq = cfg->ctx_seq;
        ti.cfg_ctx_ack = cfg->ctx_ack;
        ti.cfg_ctx_opt = cfg->ctx_opt;
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
            bench_elem(ti.cfg_ctx_key, NICRX_FLOW_KEY_BYTES, 1, k, cfg->ctx_key[k]);
        /* ---- the edge ------------------------------------------------------------------ */
        int taken = !in.rst && in.s_hv_valid && ko.s_hv_ready;
        const flow_in_t fin = { .rst = in.rst, .s_fk_valid = ko.m_fk_valid, .s_fk = ko.m_fk, .cfg = in.cfg };
        in.flow_busy = o.st.busy;
        in.m_fk_ready = o.s_fk_ready;
        flow_key_step(&fk, &in, &ko);
        flow_step(&s, &fin, &o);
        if (in.rst) {
            /* the job and the offered frame are gone; the slots stay written */
            in.s_hv_valid = 0;
            offered = done_frames = w_frame;
            gap = 0;
        } else {
            if (taken) {
                in.s_hv_valid = 0;
                offered++;
                gap = chance(500) ? 0 : below(chance(100) ? 40 : 6);
            }
            if (o.m_fl_valid) {
                done_frames++;
                frames++;
                opc[o.m_fl.opcode & 15]++;
            }
        }
        w_done = w_frame;
        /* ---- the line's outputs after the edge ------------------------------------------- */
        memset(&to, 0, sizeof to);
        to.s_hv_ready = ko.s_hv_ready;
        to.m_fk_valid = ko.m_fk_valid;
        to.s_fk_ready = o.s_fk_ready;
        to.m_fk = ko.m_fk;
        to.m_fl_valid = o.m_fl_valid;
        to.m_fl = o.m_fl;
        to.flow_busy = o.st.busy;
        to.flow_fail = o.st.fail;
        to.flow_idx = o.st.idx;
        to.flow_gen = o.st.gen;
        to.flow_time = o.st.time;
        to.ctx_load = o.st.ctx_load;
        to.ctx_info = o.st.ctx_info;
        to.ctx_seq = o.st.ctx_seq;
        to.ctx_ack = o.st.ctx_ack;
        to.ctx_opt = o.st.ctx_opt;
        to.ctx_time = o.st.ctx_time;
        to.ctx_count = o.st.ctx_count;
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
            bench_elem(to.ctx_key, NICRX_FLOW_KEY_BYTES, 1, k, o.st.ctx_key[k]);
        to.cnt_created = o.cnt[NICRX_CNT_FLOW_CREATED];
        to.cnt_removed = o.cnt[NICRX_CNT_FLOW_REMOVED];
        to.cnt_evicted = o.cnt[NICRX_CNT_FLOW_EVICTED];
        to.cnt_aged = o.cnt[NICRX_CNT_FLOW_AGED];
        to.cnt_no_flow = o.cnt[NICRX_CNT_FLOW_NO_FLOW];
        to.idle = ko.idle && o.idle;
        BENCH_LINE(f, flow, &g, &ti, &to);
    }
    fclose(f);
    printf("%u %u %u", frames, cmds, resets);
    for (uint32_t i = 0; i < NICRX_NUM_OPCODES; i++)
        printf(" %u", opc[i]);
    printf("\n");
    flow_key_free(&fk);
    flow_free(&s);
    return 0;
}
