/* nicrx_flow_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_flow.v against its twin cmodel/flow.c.
 *
 * Stand-ins drive the block as nicrx_top does:
 *  - ingress: writes each frame's header bytes into its header slot (frame i in slot
 *    i mod FQ_DEPTH) beat by beat before the frame is offered, and never writes the slot
 *    of a frame the flow block has not finished (as the DMA's fq_pop credits ensure);
 *  - parser: offers the frames in order on hv_valid, holding the fields until the
 *    block's hv_ready takes them, with random gaps; between frames the fields are random;
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
 * One line per edge, each field a whole number of hex digits (the order of the Verilog
 * concatenation in tests/blocks/nicrx_flow_tb.v):
 *   inputs:  rst 1, hm_wr_en 1, hm_wr_addr 4, pm_wr_data 16, hv_valid 1, hv_len 4,
 *            hv_slot 2, hv_cls 3, hv_l3 1, hv_l4 1, hv_proto 2, hv_vlan_cnt 1, hv_vlan0 3,
 *            hv_frag 1, hv_src 32, hv_dst 32, hv_sport 4, hv_dport 4, hv_seq 8, hv_ack 8,
 *            hv_tcp_flags 3, hv_tcp_hlen 3, hv_l4_len 4, hv_l3_off 2, hv_l4_off 2,
 *            hv_trunc 1, hv_perr 1, hv_hash 8, cfg_flow_ctrl 1, cfg_flow_thresh 4,
 *            cfg_flow_tick 4, cfg_flow_age 8, cfg_flow_cmd 1, cfg_flow_sel 2,
 *            cfg_ctx_info 8, cfg_ctx_seq 8, cfg_ctx_ack 8, cfg_ctx_opt 8, cfg_ctx_key 80
 *   after the edge: hv_ready 1, fl_valid 1, fl_len 4, fl_cls 3, fl_presel 1, fl_l3 1,
 *            fl_l4 1, fl_vlan 1, fl_vid 3, fl_frag 1, fl_l3_off 2, fl_l4_off 2, fl_hash 8,
 *            fl_trunc 1, fl_perr 1, fl_flow 4, fl_opcode 1, flow_busy 1, flow_fail 1,
 *            flow_idx 2, flow_gen 2, flow_time 8, ctx_load 1, ctx_info 8, ctx_seq 8,
 *            ctx_ack 8, ctx_opt 8, ctx_time 8, ctx_count 8, ctx_key 80, cnt_created 8,
 *            cnt_removed 8, cnt_evicted 8, cnt_aged 8, cnt_no_flow 8, idle 1
 * (keys: byte 39 first, so key byte k is bits 8k+7:8k of the 320-bit field). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crc32c.h"
#include "flow.h"
#include "parser.h"

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
    nicrx_hv_t hv;
    uint16_t len;
    uint32_t slot;
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

static void put(FILE *f, uint64_t v, uint32_t hexdigits)
{
    while (hexdigits--)
        fputc("0123456789abcdef"[(v >> (4 * hexdigits)) & 0xf], f);
}

static void put_bytes(FILE *f, const uint8_t *b, uint32_t n, int reverse)
{
    for (uint32_t i = 0; i < n; i++)
        put(f, b[reverse ? n - 1 - i : i], 2);
}

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
    nicrx_hv_t *hv = &fr->hv;
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
    hv->vlan[0] = p->vid;
    hv->vlan[1] = (uint16_t)(rnd() & 0xfff);
    hv->frag = chance(20);
    hv->cls = (uint16_t)(rnd() & 0x3ff);
    if (chance(900)) hv->cls |= 1u << NICRX_CLS_PRESEL;
    hv->perr = chance(20);
    hv->truncated = chance(20);
    hv->l3_off = (uint8_t)(14 + 4 * p->vlan_cnt);
    hv->l4_off = (uint8_t)(hv->l3_off + (p->v6 ? 40 : 20) + (chance(50) ? 4 * (1 + below(4)) : 0));
    if (chance(5)) hv->l4_off = (uint8_t)rnd();
    hv->hash = rnd();
    fr->len = (uint16_t)(hv->l4_off + hv->tcp_hlen + pay);
    if (chance(30)) fr->len = (uint16_t)(hv->l4_off + below(80));
    /* the options in the header copy */
    for (uint32_t i = 0; i < 40 && hv->l4_off + 20u + i < hb; i++)
        fr->hdr[hv->l4_off + 20u + i] = p->opt[i];
}

int main(int argc, char **argv)
{
    if (argc != 9) {
        fprintf(stderr, "usage: nicrx_flow_gen DW HB FQ FLOWS CYCLES SEED MODE TRACE.hex\n");
        return 2;
    }
    const uint32_t dw = (uint32_t)atoi(argv[1]), hb = (uint32_t)atoi(argv[2]), fq = (uint32_t)atoi(argv[3]);
    const uint32_t nflows = (uint32_t)atoi(argv[4]), cycles = (uint32_t)atoi(argv[5]);
    const char *mode = argv[7];
    const uint32_t bpb = dw / 8, beats = hb / bpb;
    nicrx_geom_t g;
    flow_t s;
    static pflow_t pool[MAX_POOL];
    static frame_t fr[256];
    uint32_t npool, nfew = 6, frames = 0, cmds = 0, resets = 0, opc[16] = {0};
    FILE *f;

    rng_state = 0x9e3779b97f4a7c15ull ^ (uint64_t)atoi(argv[6]) * 0x2545f4914f6cdd1dull;
    memset(&g, 0, sizeof g);
    g.p.data_width = dw;
    g.p.header_bytes = hb;
    g.p.fq_depth = fq;
    g.p.flows = nflows;
    g.bytes_per_beat = bpb;
    if (flow_init(&s, &g) != 0 || fq > 256 || hb > 256 || (dw != 32 && dw != 64))
        return 1;
    npool = 4 * nflows + 2 < MAX_POOL ? 4 * nflows + 2 : MAX_POOL;
    colliding_pair(&pool[0], &pool[1]);
    for (uint32_t i = 2; i < npool; i++)
        new_flow(&pool[i]);
    f = fopen(argv[8], "w");
    if (!f)
        return 1;

    csr_cfg_t cfg;
    nicrx_in_t top;
    ingress_out_t ing;
    struct { uint8_t hv_valid; uint16_t hv_len; uint32_t hv_slot; } par;   /* the parser's stream */
    nicrx_hv_t hv_in;
    flow_out_t o;
    flow_in_t in;
    uint32_t w_frame = 0, w_beat = 0;     /* frame being written, its next beat */
    uint32_t w_done = 0;                  /* frames whose last beat was written at an earlier edge */
    uint32_t offered = 0, done_frames = 0;/* next frame to offer; frames completed */
    uint32_t gap = 0, rst_left = 2;   /* the RTL starts in reset */
    int few = strcmp(mode, "few") == 0;

    memset(&cfg, 0, sizeof cfg);
    memset(&top, 0, sizeof top);
    memset(&par, 0, sizeof par);
    memset(&ing, 0, sizeof ing);
    memset(&hv_in, 0, sizeof hv_in);
    cfg.flow_ctrl = NICRX_FLOW_CTRL_RESET;
    cfg.flow_thresh = NICRX_FLOW_THRESH_RESET;
    cfg.flow_tick = 3;
    cfg.flow_age = 0;
    for (uint32_t c = 0; c < cycles; c++) {
        flow_out(&s, &o);
        /* ---- CSR stand-in -------------------------------------------------------- */
        top.rst = rst_left > 0;
        if (rst_left) rst_left--;
        if (c > 100 && chance(1) && below(8) == 0) { rst_left = 1 + below(3); resets++; }
        if (strcmp(mode, "mixed") == 0 && c % 4000 == 0) few = !few;
        if (chance(2)) cfg.flow_ctrl = (uint8_t)below(4);
        if (chance(2)) cfg.flow_thresh = (uint16_t)(chance(200) ? rnd() : below(200));
        if (chance(2)) { uint32_t t[4] = {0, 1, 5, 155}; cfg.flow_tick = (uint16_t)t[below(4)]; }
        if (chance(2)) cfg.flow_age = chance(400) ? 0 : chance(100) ? rnd() : 2 + below(60);
        cfg.flow_cmd = 0;
        if (chance(8)) {
            const pflow_t *p = &pool[below(few ? nfew : npool)];
            cfg.flow_cmd = (uint8_t)(1 + below(3));
            cfg.flow_sel = (uint8_t)rnd();
            cfg.ctx_info = chance(100) ? rnd() : (rnd() & 0x3fffffcu);
            cfg.ctx_seq = rnd();
            cfg.ctx_ack = rnd();
            cfg.ctx_opt = rnd();
            if (chance(700)) key_of(p, cfg.ctx_key);
            else for (uint32_t i = 0; i < NICRX_FLOW_KEY_BYTES; i++) cfg.ctx_key[i] = (uint8_t)rnd();
            if (!o.st.busy) cmds++;
        }
        /* ---- ingress stand-in: header beats of frame w_frame into its slot --------- */
        ing.hm_wr_en = 0;
        if (w_frame < done_frames + fq - 1 && w_frame < offered + 8 && !chance(200)) {
            frame_t *w = &fr[w_frame % 256];
            if (w_beat == 0) {
                uint32_t pi = below(few ? nfew : npool);
                if (chance(20)) pi = below(2);   /* the colliding pair */
                make_frame(&pool[pi], hb, w);
                w->slot = w_frame % fq;
            }
            uint64_t d = 0;
            for (uint32_t i = 0; i < bpb; i++)
                d |= (uint64_t)w->hdr[w_beat * bpb + i] << (8 * i);
            ing.hm_wr_en = 1;
            ing.hm_wr_addr = w->slot * beats + w_beat;
            ing.pm_wr_data = d;
            if (++w_beat == beats) { w_beat = 0; w_frame++; }
        }
        /* ---- parser stand-in: the offered frame, held until taken ------------------ */
        if (!par.hv_valid) {
            if (gap) gap--;
            else if (offered < w_done) {
                par.hv_valid = 1;
                hv_in = fr[offered % 256].hv;
                par.hv_len = fr[offered % 256].len;
                par.hv_slot = fr[offered % 256].slot;
            }
        }
        if (!par.hv_valid) {   /* fields between frames: anything */
            if (chance(300)) { hv_in.seq = rnd(); hv_in.src[0] = (uint8_t)rnd(); hv_in.tcp_flags = (uint16_t)(rnd() & 0xfff); }
        }
        /* ---- the line: inputs ---------------------------------------------------------- */
        put(f, top.rst, 1); put(f, ing.hm_wr_en, 1); put(f, ing.hm_wr_addr, 4); put(f, ing.pm_wr_data, 16);
        put(f, par.hv_valid, 1); put(f, par.hv_len, 4); put(f, par.hv_slot, 2); put(f, hv_in.cls, 3);
        put(f, hv_in.l3, 1); put(f, hv_in.l4, 1); put(f, hv_in.proto, 2); put(f, hv_in.vlan_cnt, 1);
        put(f, hv_in.vlan[0], 3); put(f, hv_in.frag, 1); put_bytes(f, hv_in.src, 16, 0);
        put_bytes(f, hv_in.dst, 16, 0); put(f, hv_in.sport, 4); put(f, hv_in.dport, 4);
        put(f, hv_in.seq, 8); put(f, hv_in.ack, 8); put(f, hv_in.tcp_flags, 3); put(f, hv_in.tcp_hlen, 3);
        put(f, hv_in.l4_len, 4); put(f, hv_in.l3_off, 2); put(f, hv_in.l4_off, 2); put(f, hv_in.truncated, 1);
        put(f, hv_in.perr, 1); put(f, hv_in.hash, 8); put(f, cfg.flow_ctrl, 1); put(f, cfg.flow_thresh, 4);
        put(f, cfg.flow_tick, 4); put(f, cfg.flow_age, 8); put(f, cfg.flow_cmd, 1); put(f, cfg.flow_sel, 2);
        put(f, cfg.ctx_info, 8); put(f, cfg.ctx_seq, 8); put(f, cfg.ctx_ack, 8); put(f, cfg.ctx_opt, 8);
        put_bytes(f, cfg.ctx_key, NICRX_FLOW_KEY_BYTES, 1);
        /* ---- the edge ------------------------------------------------------------------ */
        int taken = !top.rst && par.hv_valid && o.s_hv_ready;
        {
            const cm_stream_t cm = { .slot = (uint8_t)par.hv_slot, .len = par.hv_len };

            memset(&in, 0, sizeof in);
            in.rst = top.rst;
            in.s_hv_valid = par.hv_valid;
            hv_stream_from_parse(&in.s_hv, &hv_in, &cm);
            in.hm_wr_en = ing.hm_wr_en;
            in.hm_wr_addr = ing.hm_wr_addr;
            in.pm_wr_data = ing.pm_wr_data;
            in.cfg = cfg;
            flow_step(&s, &in, &o);
        }
        if (top.rst) {
            /* the job and the offered frame are gone; the slots stay written */
            par.hv_valid = 0;
            offered = done_frames = w_frame;
            gap = 0;
        } else {
            if (taken) {
                par.hv_valid = 0;
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
        /* ---- the line: outputs after the edge ----------------------------------------- */
        put(f, o.s_hv_ready, 1); put(f, o.m_fl_valid, 1); put(f, o.m_fl.len, 4); put(f, o.m_fl.cls, 3);
        put(f, (o.m_fl.cls >> NICRX_CLS_PRESEL & 1u), 1); put(f, o.m_fl.l3, 1); put(f, o.m_fl.l4, 1); put(f, o.m_fl.vlan, 1);
        put(f, o.m_fl.vid, 3); put(f, o.m_fl.frag, 1); put(f, o.m_fl.l3_off, 2); put(f, o.m_fl.l4_off, 2);
        put(f, o.m_fl.hash, 8); put(f, o.m_fl.trunc, 1); put(f, o.m_fl.perr, 1); put(f, o.m_fl.flow, 4);
        put(f, o.m_fl.opcode, 1); put(f, o.st.busy, 1); put(f, o.st.fail, 1); put(f, o.st.idx, 2);
        put(f, o.st.gen, 2); put(f, o.st.time, 8); put(f, o.st.ctx_load, 1); put(f, o.st.ctx_info, 8);
        put(f, o.st.ctx_seq, 8); put(f, o.st.ctx_ack, 8); put(f, o.st.ctx_opt, 8); put(f, o.st.ctx_time, 8);
        put(f, o.st.ctx_count, 8); put_bytes(f, o.st.ctx_key, NICRX_FLOW_KEY_BYTES, 1);
        put(f, o.cnt[NICRX_CNT_FLOW_CREATED], 8); put(f, o.cnt[NICRX_CNT_FLOW_REMOVED], 8);
        put(f, o.cnt[NICRX_CNT_FLOW_EVICTED], 8); put(f, o.cnt[NICRX_CNT_FLOW_AGED], 8);
        put(f, o.cnt[NICRX_CNT_FLOW_NO_FLOW], 8); put(f, o.idle, 1);
        fputc('\n', f);
    }
    fclose(f);
    printf("%u %u %u", frames, cmds, resets);
    for (uint32_t i = 0; i < NICRX_NUM_OPCODES; i++)
        printf(" %u", opc[i]);
    printf("\n");
    flow_free(&s);
    return 0;
}
