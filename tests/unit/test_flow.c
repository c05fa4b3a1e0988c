/* test_flow.c - unit tests of the flow database's C twins (cmodel/flow_key.c
 * feeding cmodel/flow.c, wired as nicrx_top wires them) through their step
 * interfaces: a bench offers header vectors on the parser's stream, writes
 * header bytes through the ingress's header-memory port, pulses commands like
 * the CSR block and watches the blocks' registered outputs and the
 * NICRX_EV_FLOW events.  Every expectation comes from docs/opcodes.md and
 * docs/architecture.md "nicrx_flow_key" and "nicrx_flow", not from the blocks'
 * code.  Plus the CRC-32C vectors of RFC 3720 B.4. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "nicrx_model.h"
#include "crc32c.h"
#include "flow_key.h"
#include "flow.h"
#include "parser.h"

/* Edges from the key block's take of a frame to its m_fl_valid: the key block's
 * job, a cycle on offer, the manager's take at the next edge, the manager's job. */
#define FRAME_LAT (FLOW_KEY_CYCLES + 2u + FLOW_JOB_CYCLES)

typedef struct bench {
    nicrx_geom_t g;
    flow_key_t k;
    flow_t f;
    nicrx_in_t top;
    struct {             /* the parser's stream: b->hv is its header vector */
        uint8_t  hv_valid;
        uint16_t hv_len;
        uint32_t hv_slot;
        uint64_t hv_frame;
    } po;
    nicrx_hv_t hv;
    ingress_out_t ing;
    csr_cfg_t cfg;
    flow_key_out_t ko;   /* outputs after the last edge: the key block's ... */
    flow_out_t o;        /* ... and the manager's */
    evsink_t ev;
    uint64_t cycle;
    uint32_t nev;        /* NICRX_EV_FLOW events seen */
    nicrx_event_t last;  /* the last one */
    uint64_t frame;
} bench_t;

/* One frame's outcome. */
typedef struct res {
    uint32_t flow, gen, op, fev;
} res_t;

static void on_event(void *ctx, const nicrx_event_t *e)
{
    bench_t *b = ctx;
    if (e->kind == NICRX_EV_FLOW) {
        b->nev++;
        b->last = *e;
    }
}

static void edge(bench_t *b)
{
    flow_key_in_t kin = { .rst = b->top.rst, .s_hv_valid = b->po.hv_valid, .hm_wr_en = b->ing.hm_wr_en,
                          .hm_wr_addr = b->ing.hm_wr_addr, .pm_wr_data = b->ing.pm_wr_data, .cfg = b->cfg,
                          .flow_busy = b->o.st.busy, .m_fk_ready = b->o.s_fk_ready };
    const flow_in_t fin = { .rst = b->top.rst, .s_fk_valid = b->ko.m_fk_valid, .s_fk = b->ko.m_fk,
                            .cfg = b->cfg, .ev = &b->ev };
    const cm_stream_t cm = { .slot = (uint8_t)b->po.hv_slot, .len = b->po.hv_len, .frame = b->po.hv_frame };

    hv_stream_from_parse(&kin.s_hv, &b->hv, &cm);
    b->ev.cycle = b->cycle;
    flow_key_step(&b->k, &kin, &b->ko);
    flow_step(&b->f, &fin, &b->o);
    b->cycle++;
    b->cfg.flow_cmd = 0; /* a pulse */
}

/* The parser's ready (the key block's) and both blocks idle. */
static int hv_ready(const bench_t *b) { return b->ko.s_hv_ready; }
static int idle(const bench_t *b) { return b->ko.idle && b->o.idle; }

static void bench_free(bench_t *b)
{
    flow_key_free(&b->k);
    flow_free(&b->f);
}

static void bench_init(bench_t *b, uint32_t flows)
{
    memset(b, 0, sizeof *b);
    nicrx_params_default(&b->g.p);
    b->g.p.flows = flows;
    b->g.bytes_per_beat = 8;
    b->g.pm_words = b->g.p.pkt_mem_bytes / 8;
    b->g.pm_aw = 11;
    if (flow_key_init(&b->k, &b->g) != 0 || flow_init(&b->f, &b->g) != 0)
        abort();
    b->ev.fn = on_event;
    b->ev.ctx = b;
    b->cfg.flow_ctrl = NICRX_FLOW_CTRL_RESET;
    b->cfg.flow_thresh = NICRX_FLOW_THRESH_RESET;
    b->cfg.flow_tick = NICRX_FLOW_TICK_RESET;
    b->top.rst = 1;
    edge(b);
    b->top.rst = 0;
}

/* A TCP/IPv4 header vector of flow `id` (source address 10.0.0.id, ports
 * 1000+id -> 80), its payload `pay` bytes; the frame is 54 + pay bytes. */
static void tcp4(nicrx_hv_t *hv, uint32_t id, uint32_t seq, uint32_t ack, uint32_t flags, uint32_t pay)
{
    memset(hv, 0, sizeof *hv);
    hv->cls = 1u << NICRX_CLS_IPV4 | 1u << NICRX_CLS_TCP | 1u << NICRX_CLS_PRESEL;
    hv->l3 = 1;
    hv->l4 = 1;
    hv->proto = 6;
    hv->src[0] = 10; hv->src[3] = (uint8_t)id; hv->src[2] = (uint8_t)(id >> 8);
    hv->dst[0] = 192; hv->dst[1] = 168; hv->dst[3] = 1;
    hv->sport = (uint16_t)(1000 + id);
    hv->dport = 80;
    hv->seq = seq;
    hv->ack = ack;
    hv->tcp_flags = (uint16_t)flags;
    hv->tcp_hlen = 20;
    hv->l4_len = (uint16_t)pay; /* after the TCP header */
    hv->l3_off = 14;
    hv->l4_off = 34;
    hv->hash = 0x1234u + id;
}

static uint32_t hv_frame_len(const nicrx_hv_t *hv) { return hv->l4_off + hv->tcp_hlen + hv->l4_len; }

/* Writes a frame's first bytes into header slot `slot` through the ingress
 * port (one 8-byte beat per edge). */
static void put_header(bench_t *b, uint32_t slot, const uint8_t *bytes, uint32_t n)
{
    uint32_t beats = b->g.p.header_bytes / 8;
    for (uint32_t i = 0; i * 8 < n && i < beats; i++) {
        uint64_t w = 0;
        for (uint32_t k = 0; k < 8 && i * 8 + k < n; k++)
            w |= (uint64_t)bytes[i * 8 + k] << (8 * k);
        b->ing.hm_wr_en = 1;
        b->ing.hm_wr_addr = slot * beats + i;
        b->ing.pm_wr_data = w;
        edge(b);
    }
    b->ing.hm_wr_en = 0;
}

/* Offers b->hv (its header bytes in slot `slot`) until taken, then runs until its fl_valid. */
static res_t send_slot(bench_t *b, uint32_t slot)
{
    res_t r;
    uint32_t nev = b->nev, n = 0;

    memset(&r, 0, sizeof r);
    b->po.hv_valid = 1;
    b->po.hv_len = (uint16_t)hv_frame_len(&b->hv);
    b->po.hv_slot = slot;
    b->po.hv_frame = b->frame++;
    while (!hv_ready(b) && n++ < 100)
        edge(b);
    edge(b);
    b->po.hv_valid = 0;
    while (!b->o.m_fl_valid && n++ < 100)
        edge(b);
    r.flow = b->o.m_fl.flow & 0xffu;
    r.gen = b->o.m_fl.flow >> 8;
    r.op = b->o.m_fl.opcode;
    r.fev = b->nev == nev + 1 ? b->last.flow_event : 99;
    if (b->nev != nev + 1 || b->last.flow != r.flow || b->last.gen != r.gen || b->last.opcode != r.op ||
        b->last.frame != b->po.hv_frame)
        r.op = 99; /* the event and the outputs disagree */
    return r;
}

static res_t send(bench_t *b) { return send_slot(b, 0); }

/* One TCP/IPv4 frame of flow id. */
static res_t tcp(bench_t *b, uint32_t id, uint32_t seq, uint32_t ack, uint32_t flags, uint32_t pay)
{
    tcp4(&b->hv, id, seq, ack, flags, pay);
    return send(b);
}

/* Pulses a command and waits for flow_busy to fall; returns the edges it took
 * from the pulse's edge to the one after which busy is low. */
static uint32_t command(bench_t *b, uint32_t cmd, uint32_t sel)
{
    uint32_t n = 0;
    b->cfg.flow_cmd = (uint8_t)cmd;
    b->cfg.flow_sel = (uint8_t)sel;
    edge(b);
    n++;
    while (b->o.st.busy && n < 100) {
        edge(b);
        n++;
    }
    return n;
}

/* READ into b->o.st.ctx_* (loaded in the cycle after busy falls). */
static void read_entry(bench_t *b, uint32_t sel)
{
    command(b, NICRX_FLOW_CMD_READ, sel);
}

static void idle_edges(bench_t *b, uint32_t n)
{
    while (n--)
        edge(b);
}

/* The key image of the frame in b->hv (docs/architecture.md "Flow key"), VLAN off. */
static void key_of(const nicrx_hv_t *hv, uint8_t *k)
{
    memset(k, 0, NICRX_FLOW_KEY_BYTES);
    memcpy(k, hv->src, 16);
    memcpy(k + 16, hv->dst, 16);
    k[32] = (uint8_t)(hv->sport >> 8); k[33] = (uint8_t)hv->sport;
    k[34] = (uint8_t)(hv->dport >> 8); k[35] = (uint8_t)hv->dport;
    k[36] = hv->proto;
    k[37] = hv->l3 == 1 ? 4 : 6;
}

static void test_crc(void)
{
    uint8_t b[32];
    CHECK(nicrx_crc32c((const uint8_t *)"123456789", 9) == 0xe3069283u, "crc32c_123456789");
    memset(b, 0, sizeof b);
    CHECK(nicrx_crc32c(b, 32) == 0x8a9136aau, "crc32c_rfc3720_zeros");
    memset(b, 0xff, sizeof b);
    CHECK(nicrx_crc32c(b, 32) == 0x62a8ab43u, "crc32c_rfc3720_ones");
    for (int i = 0; i < 32; i++) b[i] = (uint8_t)i;
    CHECK(nicrx_crc32c(b, 32) == 0x46dd794eu, "crc32c_rfc3720_incrementing");

    /* eight bytes a step (the flow key block's and the fast model's) against a byte a
     * step: every length to 80 (ten steps and each tail), every start (alignment) */
    static crc32c_tab_t t;
    uint8_t r[88];
    uint32_t x = 1u, bad = 0, first = 0;

    crc32c_tab_init(&t);
    for (int i = 0; i < 88; i++) r[i] = (uint8_t)((x = x * 1103515245u + 12345u) >> 24);
    for (uint32_t off = 0; off < 8u; off++)
        for (uint32_t n = 0; n <= 80u; n++)
            if (crc32c_sliced(&t, r + off, n) != nicrx_crc32c(r + off, n) && !bad++) first = off << 8 | n;
    CHECK(!bad, "crc32c_sliced_is_crc32c: %u of 648 lengths and starts differ (first start %u length %u)", bad,
          first >> 8, first & 0xffu);
}

static void test_reset_time(void)
{
    bench_t b;
    bench_init(&b, 64);
    CHECK(hv_ready(&b) && !b.o.s_fk_ready && idle(&b) && !b.o.m_fl_valid && !b.ko.m_fk_valid && !b.o.st.busy &&
          b.o.st.time == 0,
          "flow_reset_outputs");
    b.cfg.flow_tick = 3;
    idle_edges(&b, 40);
    CHECK(b.o.st.time == 10, "flow_prescaler_tick3 (now %u after 40 edges)", b.o.st.time);
    b.cfg.flow_tick = 0;
    idle_edges(&b, 5);
    CHECK(b.o.st.time == 15, "flow_prescaler_tick0 (now %u)", b.o.st.time);
    b.cfg.flow_tick = 0xffff;
    idle_edges(&b, 65536);
    CHECK(b.o.st.time == 16, "flow_prescaler_tick65535 (now %u)", b.o.st.time);
    idle_edges(&b, 100);
    b.cfg.flow_tick = 3; /* below the prescaler's count: a tick at the next edge, then every 4 */
    idle_edges(&b, 9);
    CHECK(b.o.st.time == 19, "flow_prescaler_smaller_tick_at_once (now %u)", b.o.st.time);
    bench_free(&b);
}

static void test_timing(void)
{
    bench_t b;
    uint32_t lowc = 0, periods_ok = 1;
    uint64_t last = 0;

    bench_init(&b, 64);
    tcp4(&b.hv, 1, 100, 5, NICRX_TCP_SYN, 0);
    b.po.hv_valid = 1;
    b.po.hv_len = 54;
    edge(&b); /* K0: the key block takes it */
    b.po.hv_valid = 0;
    CHECK(!hv_ready(&b) && !idle(&b), "flow_hv_ready_falls_after_take");
    for (uint32_t k = 1; k < FLOW_KEY_CYCLES - 1u; k++) {
        edge(&b);
        lowc += !hv_ready(&b) && !b.ko.m_fk_valid;
    }
    CHECK(lowc == FLOW_KEY_CYCLES - 2u, "flow_key_busy_k1_to_k6 (%u)", lowc);
    edge(&b); /* K7: the next frame could be taken at K8 */
    CHECK(hv_ready(&b) && !b.ko.m_fk_valid, "flow_key_ready_for_k8");
    edge(&b); /* K8: the job to the manager */
    CHECK(b.ko.m_fk_valid && !b.o.s_fk_ready && b.ko.m_fk.sig != 0 && b.ko.m_fk.frame == 0, "flow_key_job_at_k8");
    edge(&b); /* a cycle on offer */
    CHECK(b.ko.m_fk_valid && b.o.s_fk_ready, "flow_manager_ready_a_cycle_after_offer");
    edge(&b); /* the manager's E0 */
    CHECK(!b.ko.m_fk_valid && !b.o.s_fk_ready, "flow_manager_takes_job");
    for (uint32_t k = 1; k < FLOW_JOB_CYCLES; k++) { /* no job on offer: ready stays low */
        edge(&b);
        lowc += !b.o.m_fl_valid && b.nev == 0 && !b.o.s_fk_ready;
    }
    CHECK(lowc == FLOW_KEY_CYCLES - 2u + FLOW_JOB_CYCLES - 1u, "flow_manager_busy_to_the_last_cycle (%u)", lowc);
    edge(&b); /* the job's last edge */
    CHECK(b.o.m_fl_valid && !b.o.s_fk_ready && b.nev == 1 && b.last.cycle == 1u + FRAME_LAT,
          "flow_result_at_k0_plus_frame_lat (event at %llu)", (unsigned long long)b.last.cycle);
    CHECK(!idle(&b), "flow_not_idle_with_fl_valid");
    edge(&b);
    CHECK(!b.o.m_fl_valid && idle(&b) && b.o.m_fl.opcode == NICRX_OP_CTRL, "flow_fl_valid_one_cycle_fields_held");
    /* back to back: hv_valid held high, a new frame every FLOW_JOB_CYCLES (the manager's job) */
    b.po.hv_valid = 1;
    for (int k = 0; k < 80; k++) {
        if (hv_ready(&b))
            tcp4(&b.hv, 2 + k, 1000, 5, NICRX_TCP_SYN, 0);
        edge(&b);
        if (b.o.m_fl_valid) {
            if (last && b.cycle - last != FLOW_JOB_CYCLES)
                periods_ok = 0;
            last = b.cycle;
        }
    }
    b.po.hv_valid = 0;
    CHECK(periods_ok && last, "flow_job_cycles_per_frame");
    /* a job abandoned by reset writes nothing */
    {
        uint32_t nev;
        idle_edges(&b, 2 * FRAME_LAT); /* the frames in flight */
        nev = b.nev;
        tcp4(&b.hv, 500, 1, 1, NICRX_TCP_SYN, 0);
        b.po.hv_valid = 1;
        edge(&b);
        b.po.hv_valid = 0;
        idle_edges(&b, FLOW_KEY_CYCLES + 3u); /* in the manager */
        b.top.rst = 1;
        edge(&b);
        b.top.rst = 0;
        idle_edges(&b, 10);
        CHECK(b.nev == nev && !b.o.m_fl_valid && hv_ready(&b) && idle(&b), "flow_reset_abandons_job");
        read_entry(&b, 0);
        edge(&b);
        CHECK(!(b.o.st.ctx_info & NICRX_FLOW_INFO_VALID) && b.o.st.gen == 0, "flow_reset_invalidates_generation_0");
    }
    bench_free(&b);
}

static void test_opcodes(void)
{
    bench_t b;
    res_t r;
    const uint32_t t = NICRX_FLOW_THRESH_RESET;

    bench_init(&b, 64);
    /* not pre-selected */
    tcp4(&b.hv, 1, 1, 1, NICRX_TCP_ACK, 100);
    b.hv.cls &= (uint16_t)~(1u << NICRX_CLS_PRESEL);
    r = send(&b);
    CHECK(r.op == NICRX_OP_TCP_OTHER && r.flow == 0 && r.gen == 0 && r.fev == NICRX_FLOW_EV_NONE, "op_tcp_not_presel");
    tcp4(&b.hv, 1, 1, 1, NICRX_TCP_SYN, 0);
    b.hv.perr = 1;
    r = send(&b);
    CHECK(r.op == NICRX_OP_TCP_OTHER && r.gen == 0, "op_tcp_perr");
    tcp4(&b.hv, 1, 1, 1, NICRX_TCP_SYN, 0);
    b.hv.truncated = 1;
    r = send(&b);
    CHECK(r.op == NICRX_OP_TCP_OTHER && r.gen == 0, "op_tcp_truncated");
    tcp4(&b.hv, 1, 1, 1, 0, 0);
    b.hv.l4 = 2;
    r = send(&b);
    CHECK(r.op == NICRX_OP_NOT_TCP && r.gen == 0, "op_not_tcp_udp");
    memset(&b.hv, 0, sizeof b.hv);
    r = send(&b);
    CHECK(r.op == NICRX_OP_NOT_TCP && r.gen == 0, "op_not_tcp_no_ip");
    /* NICRX_TCP_SYN creates entry 0 (the tail after reset), generation 1, CTRL */
    r = tcp(&b, 1, 999, 0, NICRX_TCP_SYN, 0);
    CHECK(r.op == NICRX_OP_CTRL && r.flow == 0 && r.gen == 1 && r.fev == NICRX_FLOW_EV_CREATED, "op_syn_creates_ctrl");
    /* pure NICRX_TCP_ACK: update, CTRL */
    r = tcp(&b, 1, 1000, 7, NICRX_TCP_ACK, 0);
    CHECK(r.op == NICRX_OP_CTRL && r.flow == 0 && r.gen == 1 && r.fev == NICRX_FLOW_EV_UPDATED, "op_pure_ack_ctrl");
    /* first payload at the expected sequence: FIRST */
    r = tcp(&b, 1, 1000, 7, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_FIRST && r.flow == 0 && r.fev == NICRX_FLOW_EV_UPDATED, "op_first_payload");
    r = tcp(&b, 1, 1100, 7, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_CONT, "op_cont");
    r = tcp(&b, 1, 1200, 7, NICRX_TCP_ACK | NICRX_TCP_PSH, 100);
    CHECK(r.op == NICRX_OP_CONT, "op_cont_psh_may_merge");
    r = tcp(&b, 1, 1300, 7, NICRX_TCP_ACK, t - 1);
    CHECK(r.op == NICRX_OP_SHORT, "op_short_below_thresh");
    r = tcp(&b, 1, 1300 + t - 1, 7, NICRX_TCP_ACK, t);
    CHECK(r.op == NICRX_OP_CONT, "op_cont_at_thresh");
    uint32_t exp = 1300 + 2 * t - 1;
    r = tcp(&b, 1, exp + 500, 7, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_OOO, "op_ooo_gap");
    /* exp moved to the gap's end; the retransmission of the hole is OOO and does not move it back */
    r = tcp(&b, 1, exp, 7, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_OOO, "op_ooo_retransmission");
    exp += 600;
    r = tcp(&b, 1, exp, 7, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_CONT, "op_exp_not_moved_back");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_ack_changed");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK | NICRX_TCP_ECE, 100);
    CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_flags_changed");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK | NICRX_TCP_ECE | NICRX_TCP_URG, 100);
    CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_urg");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK | NICRX_TCP_ECE | NICRX_TCP_URG | 0x80u, 100);
    CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_cwr");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_flags_back");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_CONT, "op_cont_again");
    exp += 100;
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK, 0);
    CHECK(r.op == NICRX_OP_CTRL, "op_pure_ack_in_flow_ctrl");
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_CONT, "op_data_seen_kept_over_pure_ack");
    exp += 100;
    tcp4(&b.hv, 1, exp, 8, NICRX_TCP_ACK, 100);
    b.hv.l4_off = 38; /* IPv4 options */
    r = send(&b);
    CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_ip_options");
    exp += 100;
    /* TCP options from the header memory: equal digests merge, different ones do not */
    {
        uint8_t h[128];
        memset(h, 0, sizeof h);
        for (int k = 0; k < 12; k++) h[54 + k] = (uint8_t)(1 + k);
        put_header(&b, 3, h, 128);
        tcp4(&b.hv, 1, exp, 8, NICRX_TCP_ACK, 100);
        b.hv.tcp_hlen = 32;
        b.hv.l4_len = 100;
        r = send_slot(&b, 3);
        CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_hlen_changed");
        exp += 100;
        tcp4(&b.hv, 1, exp, 8, NICRX_TCP_ACK, 100);
        b.hv.tcp_hlen = 32;
        b.hv.l4_len = 100;
        r = send_slot(&b, 3);
        CHECK(r.op == NICRX_OP_CONT, "op_cont_same_options");
        exp += 100;
        h[60] ^= 0x40;
        put_header(&b, 4, h, 128);
        tcp4(&b.hv, 1, exp, 8, NICRX_TCP_ACK, 100);
        b.hv.tcp_hlen = 32;
        b.hv.l4_len = 100;
        r = send_slot(&b, 4);
        CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_options_differ");
        exp += 100;
        tcp4(&b.hv, 1, exp, 8, NICRX_TCP_ACK, 100);
        b.hv.tcp_hlen = 32;
        b.hv.l4_len = 100;
        r = send_slot(&b, 4);
        CHECK(r.op == NICRX_OP_CONT, "op_cont_new_options");
        exp += 100;
        /* options past HEADER_BYTES: not checked, merging forbidden */
        tcp4(&b.hv, 1, exp, 8, NICRX_TCP_ACK, 100);
        b.hv.tcp_hlen = 32;
        b.hv.l4_len = 100;
        b.hv.l4_off = 100; b.hv.l3_off = 80;
        r = send_slot(&b, 4);
        CHECK(r.op == NICRX_OP_NO_MERGE, "op_no_merge_options_unavailable");
        exp += 100;
    }
    /* NICRX_TCP_FIN with payload: update, then removed; the frame keeps its flow */
    r = tcp(&b, 1, exp, 8, NICRX_TCP_ACK | NICRX_TCP_FIN, 100);
    CHECK(r.op == NICRX_OP_NO_MERGE && r.flow == 0 && r.gen == 1 && r.fev == NICRX_FLOW_EV_REMOVED,
          "op_fin_removes (op %u ev %u)", r.op, r.fev);
    r = tcp(&b, 1, exp + 101, 8, NICRX_TCP_ACK, 0);
    CHECK(r.op == NICRX_OP_CTRL && r.gen == 0 && r.fev == NICRX_FLOW_EV_NONE, "op_ack_after_fin_no_flow");
    r = tcp(&b, 1, exp + 101, 8, NICRX_TCP_ACK | NICRX_TCP_RST, 10);
    CHECK(r.op == NICRX_OP_NO_FLOW && r.gen == 0 && r.fev == NICRX_FLOW_EV_NONE, "op_rst_unknown_no_flow");
    /* data of an unknown flow creates it: the removed entry 0 is at the tail, generation 2 */
    r = tcp(&b, 1, 5000, 8, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_FIRST && r.flow == 0 && r.gen == 2 && r.fev == NICRX_FLOW_EV_CREATED,
          "op_data_creates_first (flow %u gen %u)", r.flow, r.gen);
    /* NICRX_TCP_SYN: retransmitted (seq + 1 == exp) updates, else a new connection re-creates */
    r = tcp(&b, 2, 700, 0, NICRX_TCP_SYN, 0);
    CHECK(r.flow == 1 && r.gen == 1 && r.fev == NICRX_FLOW_EV_CREATED, "flow_second_entry_1");
    r = tcp(&b, 2, 700, 0, NICRX_TCP_SYN, 0);
    CHECK(r.flow == 1 && r.gen == 1 && r.fev == NICRX_FLOW_EV_UPDATED, "flow_syn_retransmitted_updates");
    r = tcp(&b, 2, 9000, 0, NICRX_TCP_SYN, 0);
    CHECK(r.flow == 1 && r.gen == 2 && r.fev == NICRX_FLOW_EV_CREATED && r.op == NICRX_OP_CTRL, "flow_syn_new_connection_recreates");
    r = tcp(&b, 2, 9000, 0, NICRX_TCP_SYN, 10);
    CHECK(r.op == NICRX_OP_OOO && r.gen == 2 && r.fev == NICRX_FLOW_EV_UPDATED, "op_syn_retransmitted_with_payload_ooo (op %u)", r.op);
    r = tcp(&b, 2, 20000, 0, NICRX_TCP_SYN, 10);
    CHECK(r.op == NICRX_OP_FIRST && r.gen == 3 && r.fev == NICRX_FLOW_EV_CREATED, "op_syn_recreated_with_payload_first");
    /* counters: created (1, 1 again, 2, 2 again, 2 third) = 5, removed 1, no_flow 1 */
    CHECK(b.o.cnt[NICRX_CNT_FLOW_CREATED] == 5 && b.o.cnt[NICRX_CNT_FLOW_REMOVED] == 1 &&
          b.o.cnt[NICRX_CNT_FLOW_NO_FLOW] == 1 && b.o.cnt[NICRX_CNT_FLOW_EVICTED] == 0 &&
          b.o.cnt[NICRX_CNT_FLOW_AGED] == 0, "flow_counters (created %u removed %u no_flow %u)",
          b.o.cnt[NICRX_CNT_FLOW_CREATED], b.o.cnt[NICRX_CNT_FLOW_REMOVED], b.o.cnt[NICRX_CNT_FLOW_NO_FLOW]);
    /* FLOW_THRESH as it is at the manager's take: a change after E0 does not count */
    {
        b.cfg.flow_thresh = 50;
        tcp(&b, 3, 1, 0, NICRX_TCP_SYN, 0);
        tcp(&b, 3, 2, 0, NICRX_TCP_ACK, 100);
        tcp4(&b.hv, 3, 102, 0, NICRX_TCP_ACK, 55);
        b.po.hv_valid = 1; b.po.hv_len = (uint16_t)hv_frame_len(&b.hv);
        edge(&b);
        b.po.hv_valid = 0;
        idle_edges(&b, FLOW_KEY_CYCLES + 2u); /* K8, a cycle on offer, the manager's E0 */
        b.cfg.flow_thresh = 60;
        idle_edges(&b, FLOW_JOB_CYCLES);
        CHECK(b.o.m_fl_valid && b.o.m_fl.opcode == NICRX_OP_CONT, "op_thresh_sampled_at_take");
        r = tcp(&b, 3, 157, 0, NICRX_TCP_ACK, 55);
        CHECK(r.op == NICRX_OP_SHORT, "op_thresh_changed");
        b.cfg.flow_thresh = NICRX_FLOW_THRESH_RESET;
    }
    bench_free(&b);
}

static void test_keys(void)
{
    bench_t b;
    res_t r;

    bench_init(&b, 64);
    /* VLAN id in the key only with FLOW_CTRL[0] */
    tcp4(&b.hv, 1, 1, 0, NICRX_TCP_SYN, 0);
    b.hv.vlan_cnt = 1; b.hv.vlan[0] = 5;
    r = send(&b);
    tcp4(&b.hv, 1, 1, 0, NICRX_TCP_SYN, 0);
    b.hv.vlan_cnt = 1; b.hv.vlan[0] = 6;
    r = send(&b);
    CHECK(r.flow == 0 && r.fev == NICRX_FLOW_EV_UPDATED, "key_vlan_ignored_by_default");
    b.cfg.flow_ctrl = NICRX_FLOW_CTRL_EVICT | NICRX_FLOW_CTRL_VLAN;
    r = send(&b);
    CHECK(r.flow == 1 && r.fev == NICRX_FLOW_EV_CREATED, "key_vlan_6_new_flow");
    tcp4(&b.hv, 1, 1, 0, NICRX_TCP_SYN, 0);
    b.hv.vlan_cnt = 1; b.hv.vlan[0] = 0x1005; /* 12 bits */
    r = send(&b);
    CHECK(r.flow == 2 && r.fev == NICRX_FLOW_EV_CREATED, "key_vlan_5_new_flow");
    b.cfg.flow_ctrl = NICRX_FLOW_CTRL_RESET;
    read_entry(&b, 2);
    edge(&b);
    CHECK(b.o.st.ctx_key[38] == 0x00 && b.o.st.ctx_key[39] == 0x05, "key_vlan_bytes_12_bits");
    /* IPv6: version 6, full addresses */
    tcp4(&b.hv, 1, 1, 0, NICRX_TCP_SYN, 0);
    b.hv.l3 = 2; b.hv.cls = 1u << NICRX_CLS_IPV6 | 1u << NICRX_CLS_TCP | 1u << NICRX_CLS_PRESEL;
    b.hv.l4_off = 54;
    b.hv.src[15] = 9;
    r = send(&b);
    CHECK(r.flow == 3 && r.fev == NICRX_FLOW_EV_CREATED, "key_ipv6_new_flow");
    {
        uint8_t k[NICRX_FLOW_KEY_BYTES];
        key_of(&b.hv, k);
        read_entry(&b, 3);
        edge(&b);
        CHECK(memcmp(b.o.st.ctx_key, k, sizeof k) == 0 && k[37] == 6, "key_ipv6_image");
    }
    /* ports in network order */
    read_entry(&b, 0);
    edge(&b);
    CHECK(b.o.st.ctx_key[32] == (1001 >> 8) && b.o.st.ctx_key[33] == (1001 & 0xff) && b.o.st.ctx_key[35] == 80 &&
          b.o.st.ctx_key[36] == 6 && b.o.st.ctx_key[37] == 4 && b.o.st.ctx_key[0] == 10, "key_ipv4_image");
    bench_free(&b);
}

/* Two flows whose keys differ but share a signature: IPv4 keys varying the
 * destination address's last two bytes and both ports (48 bits, more than a
 * CRC-32 burst, so collisions exist); birthday search. */
typedef struct sig_ent { uint32_t sig, v; uint16_t hi; } sig_ent_t;

static int cmp_sig(const void *a, const void *b)
{
    const sig_ent_t *x = a, *y = b;
    return x->sig < y->sig ? -1 : x->sig > y->sig;
}

static void key_vary(nicrx_hv_t *hv, uint32_t v, uint16_t hi)
{
    tcp4(hv, 0, 1, 0, NICRX_TCP_SYN, 0);
    hv->sport = (uint16_t)v;
    hv->dport = (uint16_t)(v >> 16);
    hv->dst[2] = (uint8_t)(hi >> 8);
    hv->dst[3] = (uint8_t)hi;
}

static int find_collision(nicrx_hv_t *a, nicrx_hv_t *c)
{
    const uint32_t n = 1u << 18;
    sig_ent_t *t = malloc(n * sizeof *t);
    uint64_t x = 0x9e3779b97f4a7c15ull;
    int found = 0;

    if (!t)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t k[NICRX_FLOW_KEY_BYTES];
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        t[i].v = (uint32_t)x;
        t[i].hi = (uint16_t)(x >> 40);
        key_vary(a, t[i].v, t[i].hi);
        key_of(a, k);
        t[i].sig = nicrx_crc32c(k, sizeof k);
    }
    qsort(t, n, sizeof *t, cmp_sig);
    for (uint32_t i = 1; i < n && !found; i++) {
        if (t[i].sig == t[i - 1].sig && (t[i].v != t[i - 1].v || t[i].hi != t[i - 1].hi)) {
            key_vary(a, t[i - 1].v, t[i - 1].hi);
            key_vary(c, t[i].v, t[i].hi);
            found = 1;
        }
    }
    free(t);
    return found;
}

static void test_conflict(void)
{
    bench_t b;
    res_t r;
    nicrx_hv_t a, c;
    uint8_t ka[NICRX_FLOW_KEY_BYTES], kc[NICRX_FLOW_KEY_BYTES];
    int found;

    memset(&a, 0, sizeof a);
    memset(&c, 0, sizeof c);
    found = find_collision(&a, &c);

    key_of(&a, ka);
    key_of(&c, kc);
    CHECK(found && memcmp(ka, kc, sizeof ka) && nicrx_crc32c(ka, 40) == nicrx_crc32c(kc, 40),
          "conflict_two_keys_one_signature");
    if (!found)
        return;
    bench_init(&b, 8);
    b.hv = a;
    r = send(&b);
    CHECK(r.fev == NICRX_FLOW_EV_CREATED && r.gen == 1, "conflict_first_key_created");
    b.hv = c;
    b.hv.tcp_flags = NICRX_TCP_ACK;
    b.hv.l4_len = 120;
    r = send(&b);
    CHECK(r.op == NICRX_OP_NO_FLOW && r.gen == 0 && r.flow == 0 && r.fev == NICRX_FLOW_EV_NONE,
          "conflict_second_key_no_flow");
    b.hv = c;
    r = send(&b);
    CHECK(r.op == NICRX_OP_CTRL && r.gen == 0 && r.fev == NICRX_FLOW_EV_NONE, "conflict_second_key_syn_no_flow");
    CHECK(b.o.cnt[NICRX_CNT_FLOW_CREATED] == 1 && b.o.cnt[NICRX_CNT_FLOW_NO_FLOW] == 1, "conflict_counters");
    /* INSTALL of the other key fails, naming no entry */
    memcpy(b.cfg.ctx_key, kc, sizeof kc);
    command(&b, NICRX_FLOW_CMD_INSTALL, 0);
    CHECK(b.o.st.fail && b.o.st.idx == 0 && b.o.st.gen == 0, "conflict_install_fails");
    /* the first key's entry is still intact */
    b.hv = a;
    b.hv.tcp_flags = NICRX_TCP_ACK;
    r = send(&b);
    CHECK(r.fev == NICRX_FLOW_EV_UPDATED && r.gen == 1 && r.flow == 0, "conflict_first_key_still_hits");
    bench_free(&b);
}

static void test_lru_evict_age(void)
{
    bench_t b;
    res_t r;
    int ok = 1;

    bench_init(&b, 8);
    b.cfg.flow_tick = 0;
    for (uint32_t id = 0; id < 8; id++) {
        r = tcp(&b, id, 100, 0, NICRX_TCP_SYN, 0);
        ok &= r.flow == id && r.gen == 1 && r.fev == NICRX_FLOW_EV_CREATED;
    }
    CHECK(ok, "lru_reset_order_0_to_7");
    /* touch flows 0 and 1: flow 2 is now the least recently active */
    tcp(&b, 0, 101, 0, NICRX_TCP_ACK, 0);
    tcp(&b, 1, 101, 0, NICRX_TCP_ACK, 0);
    b.cfg.flow_ctrl = 0; /* no eviction */
    r = tcp(&b, 8, 100, 0, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_NO_FLOW && r.gen == 0 && r.fev == NICRX_FLOW_EV_NONE, "no_evict_full_table_no_flow");
    r = tcp(&b, 8, 100, 0, NICRX_TCP_SYN, 0);
    CHECK(r.op == NICRX_OP_CTRL && r.gen == 0 && r.fev == NICRX_FLOW_EV_NONE, "no_evict_full_table_syn_ctrl");
    b.cfg.flow_ctrl = NICRX_FLOW_CTRL_EVICT;
    r = tcp(&b, 8, 100, 0, NICRX_TCP_SYN, 0);
    CHECK(r.flow == 2 && r.gen == 2 && r.fev == NICRX_FLOW_EV_EVICTED, "evict_lru_entry (flow %u)", r.flow);
    r = tcp(&b, 9, 100, 0, NICRX_TCP_SYN, 0);
    CHECK(r.flow == 3 && r.fev == NICRX_FLOW_EV_EVICTED, "evict_next_lru (flow %u)", r.flow);
    r = tcp(&b, 2, 101, 0, NICRX_TCP_ACK, 10);
    CHECK(r.flow == 4 && r.op == NICRX_OP_FIRST && r.fev == NICRX_FLOW_EV_EVICTED, "evicted_flow_returns_as_new");
    CHECK(b.o.cnt[NICRX_CNT_FLOW_EVICTED] == 3 && b.o.cnt[NICRX_CNT_FLOW_CREATED] == 11 &&
          b.o.cnt[NICRX_CNT_FLOW_NO_FLOW] == 1, "evict_counters (evicted %u created %u)",
          b.o.cnt[NICRX_CNT_FLOW_EVICTED], b.o.cnt[NICRX_CNT_FLOW_CREATED]);
    /* aging: one tick per cycle, FLOW_AGE 40 */
    tcp(&b, 0, 102, 0, NICRX_TCP_ACK, 0);
    b.cfg.flow_age = 40;
    r = tcp(&b, 0, 102, 0, NICRX_TCP_ACK, 0); /* 8 ticks idle */
    CHECK(r.flow == 0 && r.fev == NICRX_FLOW_EV_UPDATED, "age_not_yet");
    idle_edges(&b, 45);
    r = tcp(&b, 0, 102, 0, NICRX_TCP_ACK, 100);
    CHECK(r.flow == 0 && r.gen == 2 && r.fev == NICRX_FLOW_EV_AGED && r.op == NICRX_OP_FIRST,
          "age_hit_recreates (gen %u ev %u op %u)", r.gen, r.fev, r.op);
    idle_edges(&b, 45);
    r = tcp(&b, 0, 202, 0, NICRX_TCP_ACK | NICRX_TCP_FIN, 0);
    CHECK(r.gen == 0 && r.fev == NICRX_FLOW_EV_AGED && r.op == NICRX_OP_CTRL, "age_hit_fin_invalidates");
    /* every other flow is idle past the age: a new flow takes the tail, counted aged, not evicted */
    b.cfg.flow_ctrl = 0;
    r = tcp(&b, 20, 1, 0, NICRX_TCP_SYN, 0);
    CHECK(r.fev == NICRX_FLOW_EV_CREATED && r.flow == 0 && r.gen == 3, "age_new_flow_takes_invalid_tail (flow %u)", r.flow);
    r = tcp(&b, 21, 1, 0, NICRX_TCP_SYN, 0);
    CHECK(r.fev == NICRX_FLOW_EV_CREATED && r.gen == 2 && r.flow == 5, "age_victim_aged_without_evict (flow %u gen %u)",
          r.flow, r.gen);
    CHECK(b.o.cnt[NICRX_CNT_FLOW_AGED] == 3 && b.o.cnt[NICRX_CNT_FLOW_EVICTED] == 3, "age_counters (aged %u)",
          b.o.cnt[NICRX_CNT_FLOW_AGED]);
    /* aging off: never aged */
    b.cfg.flow_age = 0;
    idle_edges(&b, 200);
    r = tcp(&b, 21, 2, 0, NICRX_TCP_ACK, 0);
    CHECK(r.fev == NICRX_FLOW_EV_UPDATED && r.flow == 5, "age_zero_never");
    bench_free(&b);
}

static void test_gen_wrap(void)
{
    bench_t b;
    res_t r;
    int ok = 1;

    bench_init(&b, 8);
    for (uint32_t k = 1; k <= 256; k++) {
        r = tcp(&b, 7, 10 * k, 0, NICRX_TCP_ACK, 10);
        ok &= r.flow == 0 && r.gen == (k <= 255 ? k : 1) && r.fev == NICRX_FLOW_EV_CREATED;
        r = tcp(&b, 7, 10 * k + 10, 0, NICRX_TCP_ACK | NICRX_TCP_RST, 0);
        ok &= r.fev == NICRX_FLOW_EV_REMOVED;
    }
    CHECK(ok && r.gen == 1, "gen_wraps_255_to_1");
    bench_free(&b);
}

static void test_commands(void)
{
    static const uint8_t zeros[40];
    bench_t b;
    res_t r;
    uint8_t k[NICRX_FLOW_KEY_BYTES];
    uint32_t n;

    bench_init(&b, 8);
    b.cfg.flow_tick = 0;
    tcp(&b, 1, 100, 0, NICRX_TCP_SYN, 0);
    tcp(&b, 1, 101, 77, NICRX_TCP_ACK | NICRX_TCP_PSH, 300);
    uint32_t t_last = b.o.st.time; /* the manager took the frame FLOW_JOB_CYCLES edges earlier: time = now before E0 */
    /* READ: pulse at Ep, the key block takes it at Ep+1 and hands it on at Ep+9, the
     * manager takes it at Ep+11, results at Ep+20: 21 edges */
    b.cfg.flow_cmd = NICRX_FLOW_CMD_READ;
    b.cfg.flow_sel = 0;
    edge(&b);
    CHECK(b.o.st.busy && !hv_ready(&b) && !idle(&b), "cmd_busy_after_pulse");
    n = 1;
    while (b.o.st.busy && n < 50) { edge(&b); n++; }
    CHECK(n == 2u + FRAME_LAT && b.o.st.ctx_load && !idle(&b) && !b.o.st.fail && b.o.st.idx == 0 && b.o.st.gen == 1 &&
          hv_ready(&b), "cmd_read_21_edges_ctx_load (%u)", n);
    tcp4(&b.hv, 1, 0, 0, 0, 0);
    key_of(&b.hv, k);
    CHECK(b.o.st.ctx_info == (NICRX_FLOW_INFO_VALID | NICRX_FLOW_INFO_DATA_SEEN | (NICRX_TCP_ACK | NICRX_TCP_PSH) << 4 | 20u << 16) &&
          b.o.st.ctx_seq == 401 && b.o.st.ctx_ack == 77 && b.o.st.ctx_count == 2 && b.o.st.ctx_time == t_last - (FLOW_JOB_CYCLES + 1u) &&
          memcmp(b.o.st.ctx_key, k, sizeof k) == 0, "cmd_read_contents (info %#x seq %u time %u/%u)",
          b.o.st.ctx_info, b.o.st.ctx_seq, b.o.st.ctx_time, t_last);
    edge(&b);
    CHECK(!b.o.st.ctx_load && idle(&b), "cmd_ctx_load_one_cycle");
    /* READ of an invalid entry; index mod FLOWS */
    read_entry(&b, 8 + 5);
    CHECK(b.o.st.idx == 5 && !b.o.st.fail && b.o.st.ctx_load && !(b.o.st.ctx_info & NICRX_FLOW_INFO_VALID),
          "cmd_read_invalid_entry_sel_mod_flows");
    /* aged as seen now */
    b.cfg.flow_age = 5;
    idle_edges(&b, 10);
    read_entry(&b, 0);
    CHECK(b.o.st.ctx_info & NICRX_FLOW_INFO_AGED, "cmd_read_aged");
    b.cfg.flow_age = 0;
    /* INSTALL a new key with noassist: the tail entry (1), generation 1, not counted created */
    uint32_t created = b.o.cnt[NICRX_CNT_FLOW_CREATED];
    tcp4(&b.hv, 2, 0, 0, 0, 0);
    key_of(&b.hv, b.cfg.ctx_key);
    b.cfg.ctx_seq = 5000;
    b.cfg.ctx_ack = 9;
    b.cfg.ctx_opt = 0;
    b.cfg.ctx_info = NICRX_FLOW_INFO_NOASSIST | NICRX_FLOW_INFO_DATA_SEEN | NICRX_TCP_ACK << 4 | 20u << 16;
    command(&b, NICRX_FLOW_CMD_INSTALL, 0);
    CHECK(!b.o.st.fail && b.o.st.idx == 1 && b.o.st.gen == 1 && b.o.cnt[NICRX_CNT_FLOW_CREATED] == created,
          "cmd_install_new (idx %u gen %u)", b.o.st.idx, b.o.st.gen);
    r = tcp(&b, 2, 5000, 9, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_TCP_OTHER && r.flow == 1 && r.gen == 1 && r.fev == NICRX_FLOW_EV_UPDATED, "cmd_install_noassist_payload");
    r = tcp(&b, 2, 5100, 9, NICRX_TCP_ACK, 0);
    CHECK(r.op == NICRX_OP_CTRL && r.flow == 1, "cmd_install_noassist_ctrl_stays");
    /* INSTALL over the live key: same entry and generation, context replaced, count 0 */
    b.cfg.ctx_info = NICRX_FLOW_INFO_DATA_SEEN | NICRX_TCP_ACK << 4 | 20u << 16;
    b.cfg.ctx_seq = 6000;
    b.cfg.ctx_opt = nicrx_crc32c(zeros, sizeof zeros); /* a frame without options */
    command(&b, NICRX_FLOW_CMD_INSTALL, 0);
    t_last = b.o.st.time;
    CHECK(!b.o.st.fail && b.o.st.idx == 1 && b.o.st.gen == 1, "cmd_install_existing");
    read_entry(&b, 1);
    CHECK(b.o.st.ctx_count == 0 && b.o.st.ctx_seq == 6000 && b.o.st.ctx_time == t_last - (FLOW_JOB_CYCLES + 1u) &&
          !(b.o.st.ctx_info & NICRX_FLOW_INFO_NOASSIST), "cmd_install_existing_context (count %u time %u now %u)",
          b.o.st.ctx_count, b.o.st.ctx_time, b.o.st.time);
    r = tcp(&b, 2, 6000, 9, NICRX_TCP_ACK, 100);
    CHECK(r.op == NICRX_OP_CONT && r.flow == 1, "cmd_install_then_cont");
    /* INVALIDATE: the entry goes invalid and to the tail; again fails */
    command(&b, NICRX_FLOW_CMD_INVALIDATE, 1);
    CHECK(!b.o.st.fail && b.o.st.idx == 1 && b.o.st.gen == 1, "cmd_invalidate");
    read_entry(&b, 1);
    CHECK(!(b.o.st.ctx_info & NICRX_FLOW_INFO_VALID), "cmd_invalidate_read_invalid");
    command(&b, NICRX_FLOW_CMD_INVALIDATE, 1);
    CHECK(b.o.st.fail && b.o.st.idx == 1, "cmd_invalidate_invalid_fails");
    r = tcp(&b, 2, 6100, 9, NICRX_TCP_ACK, 100);
    CHECK(r.flow == 1 && r.gen == 2 && r.fev == NICRX_FLOW_EV_CREATED && r.op == NICRX_OP_FIRST,
          "cmd_invalidated_flow_new_generation");
    /* fill the table; INSTALL without evict fails, with evict takes the LRU entry */
    for (uint32_t id = 10; id < 16; id++)
        tcp(&b, id, 1, 0, NICRX_TCP_SYN, 0);
    b.cfg.flow_ctrl = 0;
    tcp4(&b.hv, 30, 0, 0, 0, 0);
    key_of(&b.hv, b.cfg.ctx_key);
    command(&b, NICRX_FLOW_CMD_INSTALL, 0);
    CHECK(b.o.st.fail && b.o.st.idx == 0 && b.o.st.gen == 0, "cmd_install_full_fails");
    b.cfg.flow_ctrl = NICRX_FLOW_CTRL_EVICT;
    uint32_t ev = b.o.cnt[NICRX_CNT_FLOW_EVICTED];
    command(&b, NICRX_FLOW_CMD_INSTALL, 0);
    CHECK(!b.o.st.fail && b.o.st.idx == 0 && b.o.st.gen == 2 && b.o.cnt[NICRX_CNT_FLOW_EVICTED] == ev + 1,
          "cmd_install_evicts_lru (idx %u)", b.o.st.idx);
    /* a pulse while busy is ignored */
    b.cfg.flow_cmd = NICRX_FLOW_CMD_INVALIDATE;
    b.cfg.flow_sel = 0;
    edge(&b);
    b.cfg.flow_cmd = NICRX_FLOW_CMD_READ;
    b.cfg.flow_sel = 3;
    edge(&b);
    n = 0;
    for (int e = 0; e < 40; e++) {
        edge(&b);
        n += b.o.st.ctx_load;
    }
    CHECK(n == 0 && b.o.st.idx == 0 && !b.o.st.fail && !b.o.st.busy, "cmd_pulse_while_busy_ignored");
    bench_free(&b);
}

/* An INSTALL over a live key makes it the most recently active. */
static void test_install_lru(void)
{
    bench_t b;
    res_t r;

    bench_init(&b, 8);
    for (uint32_t id = 0; id < 8; id++)
        tcp(&b, id, 1, 0, NICRX_TCP_SYN, 0);
    tcp4(&b.hv, 0, 0, 0, 0, 0);
    key_of(&b.hv, b.cfg.ctx_key);
    command(&b, NICRX_FLOW_CMD_INSTALL, 0);
    r = tcp(&b, 9, 1, 0, NICRX_TCP_SYN, 0);
    CHECK(!b.o.st.fail && b.o.st.idx == 0 && r.flow == 1 && r.fev == NICRX_FLOW_EV_EVICTED,
          "cmd_install_hit_to_head (evicted %u)", r.flow);
    bench_free(&b);
}

/* A pending command goes before the next frame; hv_ready is low while it waits
 * (in the key block). */
static void test_priority(void)
{
    bench_t b;
    uint64_t fl[4];
    uint32_t nfl = 0, ready_bad = 0;
    int pulsed = 0;

    bench_init(&b, 64);
    b.po.hv_valid = 1;
    tcp4(&b.hv, 1, 1, 0, NICRX_TCP_SYN, 0);
    for (int k = 0; k < 80 && nfl < 4; k++) {
        if (b.cycle == 4 && !pulsed) { /* during the first frame's job */
            b.cfg.flow_cmd = NICRX_FLOW_CMD_READ;
            b.cfg.flow_sel = 0;
            pulsed = 1;
        }
        edge(&b);
        if (b.k.cmd_pending && hv_ready(&b))
            ready_bad++;
        if (b.o.m_fl_valid)
            fl[nfl++] = b.cycle;
    }
    b.po.hv_valid = 0;
    /* the command takes the manager's job slot between the frames (the manager is the slower stage) */
    CHECK(nfl >= 3 && fl[1] - fl[0] == 2u * FLOW_JOB_CYCLES && fl[2] - fl[1] == FLOW_JOB_CYCLES && ready_bad == 0,
          "cmd_before_next_frame (frames at %llu %llu %llu)", (unsigned long long)fl[0],
          (unsigned long long)fl[1], (unsigned long long)fl[2]);
    bench_free(&b);
}

/* Random traffic over few keys, commands and configuration changes;
 * after every edge the database's invariants (white box: the fields of
 * flow_t) and, at the end, the counters against the events. */
static uint64_t rnd(uint64_t *x)
{
    *x ^= *x << 13; *x ^= *x >> 7; *x ^= *x << 17;
    return *x;
}

static const char *invariants(const flow_key_t *k, const flow_t *f)
{
    uint8_t seen[256];

    memset(seen, 0, sizeof seen);
    for (uint32_t i = 0; i < f->flows; i++) {
        if (f->rank[i] >= f->flows || seen[f->rank[i]]) return "the ranks are not a permutation";
        seen[f->rank[i]] = 1;
    }
    if (f->rank[f->tail] != f->flows - 1u) return "the tail is not ranked last";
    for (uint32_t a = 0; a < f->flows; a++) {
        if (!f->valid[a]) continue;
        if (f->ctx[a].gen == 0) return "valid entry with generation 0";
        if (f->sig[a] != nicrx_crc32c(f->key[a], NICRX_FLOW_KEY_BYTES)) return "signature is not the key's";
        for (uint32_t c = a + 1; c < f->flows; c++)
            if (f->valid[c] && f->sig[c] == f->sig[a]) return "two valid entries share a signature";
    }
    if (k->o.s_hv_ready != (!k->cmd_pending && (!k->run || (k->run == FLOW_KEY_CYCLES && !k->o.m_fk_valid))))
        return "hv_ready is not: no command pending, and no job or the job handed on next";
    if (f->o.s_fk_ready && !((!f->run || f->run == FLOW_JOB_CYCLES) && k->o.m_fk_valid))
        return "fk_ready without: idle or completing, a job on offer";
    if ((f->o.m_fl.flow >> 8) == 0 && (f->o.m_fl.flow & 0xffu)) return "flow without generation";
    return NULL;
}

static void test_stress(void)
{
    for (uint32_t flows = 8; flows <= 64; flows *= 8) {
        bench_t b;
        uint64_t x = 0x1234567ull + flows;
        uint32_t seq[24], nfl = 0, created = 0, removed = 0, evicted = 0, aged = 0, noflow = 0;
        uint32_t ev0 = 0, last_fl = 0, short_period = 0;
        const char *bad = NULL;

        bench_init(&b, flows);
        for (int k = 0; k < 24; k++) seq[k] = (uint32_t)rnd(&x);
        b.cfg.flow_tick = 1;
        b.cfg.flow_age = 60;
        for (uint32_t cyc = 0; cyc < 100000 && !bad; cyc++) {
            uint64_t r = rnd(&x);
            if (!b.po.hv_valid && (r & 3) == 0) {
                uint32_t id = (uint32_t)(r >> 8) % 24, fl = (uint32_t)(r >> 16) % 16, pay;
                uint32_t flags = fl < 2 ? NICRX_TCP_SYN : fl < 3 ? NICRX_TCP_ACK | NICRX_TCP_FIN : fl < 4 ? NICRX_TCP_RST : fl < 7 ? NICRX_TCP_ACK : NICRX_TCP_ACK | NICRX_TCP_PSH;
                pay = (r >> 24) % 3 ? (uint32_t)(r >> 28) % 200 : 0;
                if ((r >> 40) % 8 == 0) seq[id] += (uint32_t)(r >> 44) % 500 - 250; /* reorder, loss */
                tcp4(&b.hv, id, seq[id], 1, flags, pay);
                b.hv.vlan_cnt = 1; b.hv.vlan[0] = (uint16_t)(id & 1);
                if ((r >> 50) % 16 == 0) b.hv.cls = 0; /* not pre-selected */
                seq[id] += pay + !!(flags & NICRX_TCP_SYN) + !!(flags & NICRX_TCP_FIN);
                b.po.hv_valid = 1;
                b.po.hv_len = (uint16_t)hv_frame_len(&b.hv);
                b.po.hv_frame = b.frame++;
            }
            if ((r >> 32) % 97 == 0) {
                nicrx_hv_t kh;
                tcp4(&kh, (uint32_t)(r >> 12) % 24, 0, 0, 0, 0);
                key_of(&kh, b.cfg.ctx_key);
                b.cfg.ctx_info = (uint32_t)(r >> 3) & 0x03ffffffu;
                b.cfg.ctx_seq = (uint32_t)r;
                b.cfg.flow_cmd = (uint8_t)(1 + (r >> 36) % 3);
                b.cfg.flow_sel = (uint8_t)(r >> 44);
            }
            if ((r >> 20) % 5000 == 0)
                b.cfg.flow_ctrl = (uint8_t)((r >> 30) & 3);
            int taken = b.po.hv_valid && hv_ready(&b);
            edge(&b);
            if (taken)
                b.po.hv_valid = 0;
            if (b.o.m_fl_valid) {
                nfl++;
                if (last_fl && b.cycle - last_fl < 8) short_period++;
                last_fl = (uint32_t)b.cycle;
            }
            bad = invariants(&b.k, &b.f);
            if (b.nev != ev0) {
                const nicrx_event_t *e = &b.last;
                ev0 = b.nev;
                created += e->flow_event == NICRX_FLOW_EV_CREATED || e->flow_event == NICRX_FLOW_EV_EVICTED ||
                           (e->flow_event == NICRX_FLOW_EV_AGED && e->gen);
                removed += e->flow_event == NICRX_FLOW_EV_REMOVED;
                evicted += e->flow_event == NICRX_FLOW_EV_EVICTED;
                aged += e->flow_event == NICRX_FLOW_EV_AGED;
                noflow += e->opcode == NICRX_OP_NO_FLOW;
                if (!b.o.m_fl_valid || e->opcode >= NICRX_NUM_OPCODES) bad = "event without fl_valid";
            }
        }
        CHECK(!bad, "stress_flows%u_invariants%s%s", flows, bad ? ": " : "", bad ? bad : "");
        CHECK(b.o.cnt[NICRX_CNT_FLOW_CREATED] == created && b.o.cnt[NICRX_CNT_FLOW_REMOVED] == removed &&
              b.o.cnt[NICRX_CNT_FLOW_EVICTED] >= evicted && b.o.cnt[NICRX_CNT_FLOW_AGED] >= aged &&
              b.o.cnt[NICRX_CNT_FLOW_NO_FLOW] == noflow && created > 100 && aged > 10 && removed > 100,
              "stress_flows%u_counters_match_events (created %u removed %u evicted %u aged %u no_flow %u)",
              flows, created, removed, evicted, aged, noflow);
        CHECK(nfl == b.nev && nfl > 5000 && short_period == 0, "stress_flows%u_one_event_per_frame_8_cycles (%u frames)",
              flows, nfl);
        bench_free(&b);
    }
}

int main(void)
{
    test_crc();
    test_reset_time();
    test_timing();
    test_opcodes();
    test_keys();
    test_conflict();
    test_lru_evict_age();
    test_gen_wrap();
    test_commands();
    test_priority();
    test_install_lru();
    test_stress();
    return 0;
}
