/* test_csr.c - unit tests of the register block's C twin (cmodel/csr.c):
 * reset values, read/write, read-only, wstrb, clamping, address decode,
 * SLVERR, doorbell clearing, status readback, the flow database registers and
 * the AXI4-Lite timing of docs/registers.md. */
#include <stdint.h>
#include <string.h>
#include "check.h"
#include "csr.h"

typedef struct bench {
    csr_t s;
    nicrx_in_t in;
    csr_status_t st;
    nicrx_out_t o;
    csr_cfg_t cfg;
} bench_t;

static void geom(nicrx_geom_t *g, uint32_t num_cq)
{
    memset(g, 0, sizeof *g);
    nicrx_params_t *p = &g->p;
    p->data_width = 64; p->pkt_mem_bytes = 16384; p->header_bytes = 128;
    p->max_frame = 9018; p->num_cq = num_cq; p->fq_depth = 32;
    p->desc_depth = 8; p->max_burst = 16; p->parse_engines = 2; p->imem_depth = 64;
    p->flows = 64; p->axi_data_width = 128;
    g->bytes_per_beat = 8; g->pm_words = 2048; g->pm_aw = 11;
}

static void bench_init(bench_t *b, uint32_t num_cq)
{
    nicrx_geom_t g;
    memset(b, 0, sizeof *b);
    geom(&g, num_cq);
    csr_init(&b->s, &g);
    b->in.rst = 1;
    csr_in_t ci = { &b->in, &b->st };
    csr_step(&b->s, &ci);
    b->in.rst = 0;
    csr_out(&b->s, &b->cfg, &b->o);
}

/* One clock edge with the current inputs; outputs refreshed after it. */
static void edge(bench_t *b)
{
    csr_in_t ci = { &b->in, &b->st };
    csr_step(&b->s, &ci);
    csr_out(&b->s, &b->cfg, &b->o);
}

/* A well-behaved AXI4-Lite master: returns bresp, *cyc the edges taken. */
static uint32_t wr(bench_t *b, uint32_t addr, uint32_t data, uint32_t strb, int *cyc)
{
    int n = 0;
    b->in.s_axil_awvalid = 1; b->in.s_axil_wvalid = 1;
    b->in.s_axil_awaddr = (uint16_t)addr; b->in.s_axil_wdata = data;
    b->in.s_axil_wstrb = (uint8_t)strb; b->in.s_axil_bready = 1;
    for (;;) {
        int hs = b->o.s_axil_awready;
        edge(b); n++;
        if (hs) break;
        if (n > 100) return 0xff;
    }
    b->in.s_axil_awvalid = 0; b->in.s_axil_wvalid = 0;
    for (;;) {
        int done = b->o.s_axil_bvalid;
        uint32_t resp = b->o.s_axil_bresp;
        edge(b); n++;
        if (done) { b->in.s_axil_bready = 0; if (cyc) *cyc = n; return resp; }
        if (n > 100) return 0xff;
    }
}

static uint32_t rd(bench_t *b, uint32_t addr, uint32_t *resp, int *cyc)
{
    int n = 0;
    b->in.s_axil_arvalid = 1; b->in.s_axil_araddr = (uint16_t)addr; b->in.s_axil_rready = 1;
    for (;;) {
        int hs = b->o.s_axil_arready;
        edge(b); n++;
        if (hs) break;
        if (n > 100) { *resp = 0xff; return 0; }
    }
    b->in.s_axil_arvalid = 0;
    for (;;) {
        int done = b->o.s_axil_rvalid;
        uint32_t v = b->o.s_axil_rdata;
        *resp = b->o.s_axil_rresp;
        edge(b); n++;
        if (done) { b->in.s_axil_rready = 0; if (cyc) *cyc = n; return v; }
        if (n > 100) { *resp = 0xff; return 0; }
    }
}

static uint32_t rd_ok(bench_t *b, uint32_t addr)
{
    uint32_t resp;
    uint32_t v = rd(b, addr, &resp, NULL);
    return resp == 0 ? v : 0xdeadbeefu;
}

struct rv { uint32_t addr; uint32_t val; const char *name; };

static void test_reset(void)
{
    bench_t b;
    bench_init(&b, 4);
    const uint32_t caps0 = (256u << 16) | (7u << 12) | (4u << 8) | 64u;
    const uint32_t caps1 = (4u << 28) | (3u << 24) | (5u << 20) | (7u << 16) | 9018u;
    struct rv r[] = {
        { NICRX_REG_ID, NICRX_ID_VALUE, "ID" },
        { NICRX_REG_VERSION, NICRX_VERSION_VALUE, "VERSION" },
        { NICRX_REG_CAPS0, caps0, "CAPS0" },
        { NICRX_REG_CAPS1, caps1, "CAPS1" },
        { NICRX_REG_CTRL, 0, "CTRL" },
        { NICRX_REG_STATUS, 0, "STATUS" },
        { NICRX_REG_QSEL, 0, "QSEL" },
        { NICRX_REG_PARSER_CTRL, NICRX_PARSER_STEP_LIMIT_RESET, "PARSER_CTRL" },
        { NICRX_REG_PARSER_STATUS, (1u << 4) | (64u << 8), "PARSER_STATUS" },
        { NICRX_REG_PARSER_SWAP, 0, "PARSER_SWAP" },
        { NICRX_REG_PARSER_IADDR, 0, "PARSER_IADDR" },
        { NICRX_REG_PARSER_IDATA(0), 0, "PARSER_IDATA0" },
        { NICRX_REG_PARSER_IDATA(3), 0, "PARSER_IDATA3" },
    };
    for (unsigned i = 0; i < sizeof r / sizeof r[0]; i++) {
        uint32_t v = rd_ok(&b, r[i].addr);
        CHECK(v == r[i].val, "csr reset %s = 0x%08x (got 0x%08x)", r[i].name, r[i].val, v);
        CHECK(csr_peek(&b.s, &b.st, r[i].addr) == r[i].val, "csr peek reset %s", r[i].name);
    }
    static const uint32_t fbr_reset[7] = { 0, 0, 1, 0, 0, 0, 0 };
    static const uint32_t cq_reset[7] = { 0, 0, 1, 0, 0, 0, 0 };
    for (uint32_t ring = 0; ring < NICRX_NUM_FBR; ring++)
        for (uint32_t o = 0; o < 7; o++) {
            uint32_t v = rd_ok(&b, NICRX_REG_FBR(ring) + 4 * o);
            CHECK(v == fbr_reset[o], "csr reset FBR%u+0x%02x = %u (got 0x%x)", ring, 4 * o, fbr_reset[o], v);
        }
    for (uint32_t q = 0; q < 4; q++)
        for (uint32_t o = 0; o < 7; o++) {
            uint32_t v = rd_ok(&b, NICRX_REG_CQ(q) + 4 * o);
            CHECK(v == cq_reset[o], "csr reset CQ%u+0x%02x = %u (got 0x%x)", q, 4 * o, cq_reset[o], v);
        }
    for (uint32_t i = 0; i < NICRX_NUM_COUNTERS; i++)
        CHECK(rd_ok(&b, NICRX_REG_CNT(i)) == 0, "csr reset counter %u reads 0", i);
    /* configuration outputs at reset */
    int cfg_ok = b.cfg.enable == 0 && b.cfg.qsel_log2 == 0;
    for (uint32_t r2 = 0; r2 < NICRX_NUM_FBR; r2++)
        cfg_ok &= b.cfg.fbr_base[r2] == 0 && b.cfg.fbr_size_log2[r2] == 1 && b.cfg.fbr_en[r2] == 0 &&
                  b.cfg.fbr_tail[r2] == 0 && b.cfg.fbr_buf_size[r2] == 0;
    for (int q = 0; q < 4; q++)
        cfg_ok &= b.cfg.cq_base[q] == 0 && b.cfg.cq_size_log2[q] == 1 && b.cfg.cq_en[q] == 0 &&
                  b.cfg.cq_irq_en[q] == 0 && b.cfg.cq_head[q] == 0;
    CHECK(cfg_ok, "csr reset cfg outputs");
    CHECK(!b.o.s_axil_awready && !b.o.s_axil_wready && !b.o.s_axil_bvalid && !b.o.s_axil_arready &&
          !b.o.s_axil_rvalid && b.o.s_axil_rdata == 0 && b.o.s_axil_bresp == 0 && b.o.s_axil_rresp == 0,
          "csr reset AXI4-Lite outputs low");
    /* CAPS at other parameters */
    nicrx_geom_t g;
    geom(&g, 8);
    g.p.data_width = 32; g.p.pkt_mem_bytes = 4096; g.p.header_bytes = 256; g.p.max_frame = 1518;
    g.p.fq_depth = 8; g.p.desc_depth = 4; g.p.max_burst = 256; g.p.axi_data_width = 64;
    csr_t s2;
    csr_init(&s2, &g);
    CHECK(csr_peek(&s2, &b.st, NICRX_REG_CAPS0) == ((64u << 16) | (6u << 12) | (8u << 8) | 32u), "csr CAPS0 small config");
    CHECK(csr_peek(&s2, &b.st, NICRX_REG_CAPS1) == ((8u << 28) | (2u << 24) | (3u << 20) | (8u << 16) | 1518u),
          "csr CAPS1 small config");
}

static void test_rw(void)
{
    bench_t b;
    bench_init(&b, 4);
    struct { uint32_t addr, wval, rmask; const char *name; } r[] = {
        { NICRX_REG_CTRL, 0xffffffffu, 0x1u, "CTRL" },
        { NICRX_REG_FBR(0) + NICRX_FBR_BASE_LO, 0x12345678u, 0xffffffc0u, "FBR0 BASE_LO" },
        { NICRX_REG_FBR(1) + NICRX_FBR_BASE_LO, 0xfedcba98u, 0xffffffc0u, "FBR1 BASE_LO" },
        { NICRX_REG_FBR(0) + NICRX_FBR_BASE_HI, 0x9abcdef0u, 0xffffffffu, "FBR0 BASE_HI" },
        { NICRX_REG_FBR(1) + NICRX_FBR_BASE_HI, 0x0badf00du, 0xffffffffu, "FBR1 BASE_HI" },
        { NICRX_REG_FBR(0) + NICRX_FBR_SIZE_LOG2, 0xfffffff9u, 0xfu, "FBR0 SIZE_LOG2" },
        { NICRX_REG_FBR(1) + NICRX_FBR_SIZE_LOG2, 0x0000000cu, 0xfu, "FBR1 SIZE_LOG2" },
        { NICRX_REG_FBR(0) + NICRX_FBR_BUF_SIZE, 0xabcd0800u, 0xffffu, "FBR0 BUF_SIZE" },
        { NICRX_REG_FBR(1) + NICRX_FBR_BUF_SIZE, 0x00002400u, 0xffffu, "FBR1 BUF_SIZE" },
        { NICRX_REG_FBR(0) + NICRX_FBR_CTRL, 0xffffffffu, 0x1u, "FBR0 CTRL" },
        { NICRX_REG_FBR(1) + NICRX_FBR_CTRL, 0x00000001u, 0x1u, "FBR1 CTRL" },
        { NICRX_REG_FBR(0) + NICRX_FBR_TAIL, 0x5555aaaau, 0xffffu, "FBR0 TAIL" },
        { NICRX_REG_FBR(1) + NICRX_FBR_TAIL, 0x00001234u, 0xffffu, "FBR1 TAIL" },
        /* the re-assembly ring, at 0x160: its BUF_SIZE is stored like the others' (unused) */
        { NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_BASE_LO, 0x76543210u, 0xffffffc0u, "FBR3 BASE_LO" },
        { NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_BASE_HI, 0x00000010u, 0xffffffffu, "FBR3 BASE_HI" },
        { NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_SIZE_LOG2, 0x00000004u, 0xfu, "FBR3 SIZE_LOG2" },
        { NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_BUF_SIZE, 0x12345678u, 0xffffu, "FBR3 BUF_SIZE" },
        { NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_CTRL, 0x00000003u, 0x1u, "FBR3 CTRL" },
        { NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_TAIL, 0x0000000fu, 0xffffu, "FBR3 TAIL" },
    };
    for (unsigned i = 0; i < sizeof r / sizeof r[0]; i++) {
        uint32_t resp = wr(&b, r[i].addr, r[i].wval, 0xf, NULL);
        uint32_t v = rd_ok(&b, r[i].addr);
        CHECK(resp == 0 && v == (r[i].wval & r[i].rmask), "csr rw %s (wrote 0x%08x read 0x%08x)",
              r[i].name, r[i].wval, v);
    }
    for (uint32_t q = 0; q < 4; q++) {
        uint32_t base = NICRX_REG_CQ(q), k = 0x11111111u * (q + 1);
        wr(&b, base + NICRX_CQ_BASE_LO, 0xffffffffu ^ k, 0xf, NULL);
        wr(&b, base + NICRX_CQ_BASE_HI, k, 0xf, NULL);
        wr(&b, base + NICRX_CQ_SIZE_LOG2, 3 + q, 0xf, NULL);
        wr(&b, base + NICRX_CQ_IRQ_CTRL, 0xffffffffu, 0xf, NULL);
        wr(&b, base + NICRX_CQ_CTRL, 1, 0xf, NULL);
        wr(&b, base + NICRX_CQ_HEAD, 0xffff0000u | (0x100u * q + 7), 0xf, NULL);
        CHECK(rd_ok(&b, base + NICRX_CQ_BASE_LO) == ((0xffffffffu ^ k) & ~0x1fu), "csr rw CQ%u BASE_LO low 5 bits zero", q);
        CHECK(rd_ok(&b, base + NICRX_CQ_BASE_HI) == k, "csr rw CQ%u BASE_HI", q);
        CHECK(rd_ok(&b, base + NICRX_CQ_SIZE_LOG2) == 3 + q, "csr rw CQ%u SIZE_LOG2", q);
        CHECK(rd_ok(&b, base + NICRX_CQ_IRQ_CTRL) == 1, "csr rw CQ%u IRQ_CTRL", q);
        CHECK(rd_ok(&b, base + NICRX_CQ_CTRL) == 1, "csr rw CQ%u CTRL", q);
        CHECK(rd_ok(&b, base + NICRX_CQ_HEAD) == 0x100u * q + 7, "csr rw CQ%u HEAD", q);
        CHECK(b.cfg.cq_base[q] == (((uint64_t)k << 32) | ((0xffffffffu ^ k) & ~0x1fu)) &&
              b.cfg.cq_size_log2[q] == 3 + q && b.cfg.cq_en[q] == 1 && b.cfg.cq_irq_en[q] == 1 &&
              b.cfg.cq_head[q] == 0x100u * q + 7, "csr cfg outputs CQ%u", q);
    }
    CHECK(b.cfg.enable == 1 && b.cfg.fbr_base[0] == 0x9abcdef012345640ull &&
          b.cfg.fbr_base[1] == 0x0badf00dfedcba80ull && b.cfg.fbr_size_log2[0] == 9 &&
          b.cfg.fbr_size_log2[1] == 12 && b.cfg.fbr_buf_size[0] == 0x0800 && b.cfg.fbr_buf_size[1] == 0x2400 &&
          b.cfg.fbr_en[0] == 1 && b.cfg.fbr_en[1] == 1 && b.cfg.fbr_tail[0] == 0xaaaa && b.cfg.fbr_tail[1] == 0x1234,
          "csr cfg outputs CTRL and FBR");
    CHECK(NICRX_REG_FBR(NICRX_REASM_RING) == 0x160u && b.cfg.fbr_base[NICRX_REASM_RING] == 0x0000001076543200ull &&
          b.cfg.fbr_size_log2[NICRX_REASM_RING] == 4 && b.cfg.fbr_buf_size[NICRX_REASM_RING] == 0x5678 &&
          b.cfg.fbr_en[NICRX_REASM_RING] == 1 && b.cfg.fbr_tail[NICRX_REASM_RING] == 0xf,
          "csr cfg outputs of the re-assembly ring (FBR3 at 0x160)");
    /* QSEL round trip within range */
    for (uint32_t v = 0; v <= 2; v++) {
        wr(&b, NICRX_REG_QSEL, v, 0xf, NULL);
        CHECK(rd_ok(&b, NICRX_REG_QSEL) == v && b.cfg.qsel_log2 == v, "csr rw QSEL %u", v);
    }
    /* CTRL back to 0 */
    wr(&b, NICRX_REG_CTRL, 0, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_CTRL) == 0 && b.cfg.enable == 0, "csr rw CTRL clear");
}

static void test_ro(void)
{
    bench_t b;
    bench_init(&b, 4);
    b.st.idle = 1; b.st.fbr_head[0] = 0x1111; b.st.cq_tail[2] = 0x2222; b.st.cnt[3] = 77;
    uint32_t ro[] = { NICRX_REG_ID, NICRX_REG_VERSION, NICRX_REG_CAPS0, NICRX_REG_CAPS1, NICRX_REG_STATUS,
                      NICRX_REG_FBR(0) + NICRX_FBR_HEAD, NICRX_REG_FBR(1) + NICRX_FBR_HEAD,
                      NICRX_REG_CQ(2) + NICRX_CQ_TAIL, NICRX_REG_CNT(3), NICRX_REG_CNT(11),
                      NICRX_REG_CNT(NICRX_CNT_FLOW_NO_FLOW), NICRX_REG_FLOW_STATUS, NICRX_REG_FLOW_TIME };
    for (unsigned i = 0; i < sizeof ro / sizeof ro[0]; i++) {
        uint32_t before = rd_ok(&b, ro[i]);
        csr_t snap = b.s;
        uint32_t resp = wr(&b, ro[i], 0xa5a5a5a5u, 0xf, NULL);
        /* handshake registers differ; compare the configuration */
        csr_cfg_t c0, c1;
        csr_out(&snap, &c0, NULL); csr_out(&b.s, &c1, NULL);
        uint32_t after = rd_ok(&b, ro[i]);
        CHECK(resp == 0 && before == after && memcmp(&c0, &c1, sizeof c0) == 0,
              "csr read-only 0x%03x ignores writes with OKAY", ro[i]);
    }
}

static void test_wstrb(void)
{
    bench_t b;
    bench_init(&b, 4);
    uint32_t a = NICRX_REG_FBR(0) + NICRX_FBR_BASE_HI;
    wr(&b, a, 0x11223344u, 0xf, NULL);
    static const uint32_t expect[16] = {
        0x11223344u, 0x112233ddu, 0x1122cc44u, 0x1122ccddu, 0x11bb3344u, 0x11bb33ddu, 0x11bbcc44u, 0x11bbccddu,
        0xaa223344u, 0xaa2233ddu, 0xaa22cc44u, 0xaa22ccddu, 0xaabb3344u, 0xaabb33ddu, 0xaabbcc44u, 0xaabbccddu };
    for (uint32_t s = 0; s < 16; s++) {
        wr(&b, a, 0x11223344u, 0xf, NULL);
        wr(&b, a, 0xaabbccddu, s, NULL);
        CHECK(rd_ok(&b, a) == expect[s], "csr wstrb 0x%x on BASE_HI", s);
    }
    /* 16-bit register: upper bytes never stored */
    uint32_t t = NICRX_REG_CQ(1) + NICRX_CQ_HEAD;
    wr(&b, t, 0x00001234u, 0xf, NULL);
    wr(&b, t, 0xffffab00u, 0x2, NULL);
    CHECK(rd_ok(&b, t) == 0xab34u, "csr wstrb byte 1 of CQ HEAD");
    wr(&b, t, 0xffffffffu, 0xc, NULL);
    CHECK(rd_ok(&b, t) == 0xab34u, "csr wstrb bytes 3:2 of a 16-bit register change nothing");
    /* no strobes: nothing changes, still OKAY */
    wr(&b, NICRX_REG_CTRL, 1, 0x0, NULL);
    CHECK(rd_ok(&b, NICRX_REG_CTRL) == 0, "csr wstrb 0 writes nothing");
    /* BASE_LO with strobe on byte 0 only: bits [5:0] still zero */
    uint32_t lo = NICRX_REG_FBR(1) + NICRX_FBR_BASE_LO;
    wr(&b, lo, 0xffffffffu, 0x1, NULL);
    CHECK(rd_ok(&b, lo) == 0xc0u, "csr wstrb byte 0 of FBR BASE_LO, low bits zero");
}

static void test_clamp(void)
{
    bench_t b;
    bench_init(&b, 4);
    struct { uint32_t w, r; } sz[] = { { 0, 1 }, { 1, 1 }, { 15, 15 }, { 16, 1 }, { 0x1f, 15 }, { 0xfffffff0u, 1 }, { 7, 7 } };
    for (unsigned i = 0; i < sizeof sz / sizeof sz[0]; i++) {
        wr(&b, NICRX_REG_FBR(1) + NICRX_FBR_SIZE_LOG2, sz[i].w, 0xf, NULL);
        wr(&b, NICRX_REG_CQ(3) + NICRX_CQ_SIZE_LOG2, sz[i].w, 0xf, NULL);
        CHECK(rd_ok(&b, NICRX_REG_FBR(1) + NICRX_FBR_SIZE_LOG2) == sz[i].r &&
              rd_ok(&b, NICRX_REG_CQ(3) + NICRX_CQ_SIZE_LOG2) == sz[i].r,
              "csr SIZE_LOG2 write 0x%x reads %u", sz[i].w, sz[i].r);
    }
    for (uint32_t ncq = 1; ncq <= 8; ncq *= 2) {
        bench_t c;
        bench_init(&c, ncq);
        uint32_t max = ncq == 1 ? 0 : ncq == 2 ? 1 : ncq == 4 ? 2 : 3;
        for (uint32_t v = 0; v < 8; v++) {
            wr(&c, NICRX_REG_QSEL, 0xfffffff8u | v, 0xf, NULL);
            uint32_t e = v > max ? max : v;
            CHECK(rd_ok(&c, NICRX_REG_QSEL) == e && c.cfg.qsel_log2 == e,
                  "csr QSEL NUM_CQ=%u write %u reads %u", ncq, v, e);
        }
    }
}

static void test_decode(void)
{
    bench_t b;
    bench_init(&b, 4);
    /* low two address bits are ignored */
    wr(&b, NICRX_REG_CTRL + 3, 1, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_CTRL) == 1, "csr write at CTRL+3 hits CTRL");
    wr(&b, NICRX_REG_FBR(0) + NICRX_FBR_BASE_LO, 0x1000u, 0xf, NULL);
    for (uint32_t lowb = 0; lowb < 4; lowb++)
        CHECK(rd_ok(&b, NICRX_REG_FBR(0) + lowb) == 0x1000u, "csr read at FBR0 BASE_LO+%u", lowb);
    CHECK(rd_ok(&b, NICRX_REG_ID + 1) == NICRX_ID_VALUE, "csr read at ID+1");
    /* address bits above 11 are not on the bus: 0x1010 is 0x010 */
    wr(&b, 0x1010u, 0, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_CTRL) == 0, "csr address wraps at 12 bits");

    /* unmapped: read 0 with SLVERR; writes SLVERR and change nothing */
    uint32_t bad[] = { 0x01c, 0x020, 0x0fc, 0x11c, 0x13c, 0x15c, 0x17c, 0x180, 0x1fc, 0x21c, 0x280, 0x2e0, 0x2fc,
                       0x300, 0x3fc, 0x400u + 4u * NICRX_NUM_COUNTERS, 0x4fc, 0x51c, 0x538, 0x53c, 0x568, 0x5fc, 0x614, 0x64c, 0x80c, 0x884, 0x8fc, 0xa50, 0xafc, 0xffc,
                       0x07c, 0x0a0, 0x0c0, 0x704, 0x710, 0x73c, 0x768, 0x7fc };
    b.st.cnt[0] = 5; b.st.fbr_head[0] = 9; b.st.cq_tail[3] = 9;
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t resp;
        uint32_t v = rd(&b, bad[i], &resp, NULL);
        CHECK(v == 0 && resp == 2, "csr read 0x%03x: 0 with SLVERR", bad[i]);
        CHECK(csr_peek(&b.s, &b.st, bad[i]) == 0, "csr peek 0x%03x: 0", bad[i]);
        csr_cfg_t c0, c1;
        csr_out(&b.s, &c0, NULL);
        uint32_t wresp = wr(&b, bad[i], 0xffffffffu, 0xf, NULL);
        csr_out(&b.s, &c1, NULL);
        CHECK(wresp == 2 && memcmp(&c0, &c1, sizeof c0) == 0, "csr write 0x%03x: SLVERR, no change", bad[i]);
    }
    /* queues >= NUM_CQ are unmapped */
    for (uint32_t ncq = 1; ncq <= 8; ncq *= 2) {
        bench_t c;
        bench_init(&c, ncq);
        int ok = 1;
        for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) {
            uint32_t resp, wresp;
            wresp = wr(&c, NICRX_REG_CQ(q) + NICRX_CQ_BASE_HI, 0x55u, 0xf, NULL);
            uint32_t v = rd(&c, NICRX_REG_CQ(q) + NICRX_CQ_BASE_HI, &resp, NULL);
            if (q < ncq) ok &= wresp == 0 && resp == 0 && v == 0x55u;
            else ok &= wresp == 2 && resp == 2 && v == 0;
        }
        CHECK(ok, "csr NUM_CQ=%u: queues >= NUM_CQ answer SLVERR", ncq);
    }
}

static void test_doorbell(void)
{
    bench_t b;
    bench_init(&b, 4);
    for (uint32_t r = 0; r < 2; r++) {
        uint32_t base = NICRX_REG_FBR(r);
        wr(&b, base + NICRX_FBR_CTRL, 1, 0xf, NULL);
        wr(&b, base + NICRX_FBR_TAIL, 42, 0xf, NULL);
        wr(&b, base + NICRX_FBR_CTRL, 1, 0xf, NULL);
        CHECK(rd_ok(&b, base + NICRX_FBR_TAIL) == 42, "csr FBR%u re-enable keeps TAIL", r);
        wr(&b, base + NICRX_FBR_CTRL, 0xfffffffeu, 0x2, NULL);
        CHECK(rd_ok(&b, base + NICRX_FBR_TAIL) == 42 && rd_ok(&b, base + NICRX_FBR_CTRL) == 1,
              "csr FBR%u CTRL write without byte 0 keeps TAIL", r);
        wr(&b, base + NICRX_FBR_CTRL, 0, 0xf, NULL);
        CHECK(rd_ok(&b, base + NICRX_FBR_TAIL) == 0 && rd_ok(&b, base + NICRX_FBR_CTRL) == 0 &&
              b.cfg.fbr_tail[r] == 0 && b.cfg.fbr_en[r] == 0, "csr FBR%u disable clears TAIL", r);
        /* TAIL may be written while disabled; writing 0 to CTRL again clears it */
        wr(&b, base + NICRX_FBR_TAIL, 7, 0xf, NULL);
        CHECK(rd_ok(&b, base + NICRX_FBR_TAIL) == 7, "csr FBR%u TAIL writable while disabled", r);
        wr(&b, base + NICRX_FBR_CTRL, 0, 0x1, NULL);
        CHECK(rd_ok(&b, base + NICRX_FBR_TAIL) == 0, "csr FBR%u CTRL=0 while disabled clears TAIL", r);
    }
    for (uint32_t q = 0; q < 4; q++) {
        uint32_t base = NICRX_REG_CQ(q);
        wr(&b, base + NICRX_CQ_CTRL, 1, 0xf, NULL);
        wr(&b, base + NICRX_CQ_HEAD, 0x1234, 0xf, NULL);
        wr(&b, base + NICRX_CQ_IRQ_CTRL, 0, 0xf, NULL);
        CHECK(rd_ok(&b, base + NICRX_CQ_HEAD) == 0x1234, "csr CQ%u IRQ_CTRL write keeps HEAD", q);
        wr(&b, base + NICRX_CQ_CTRL, 0, 0xf, NULL);
        CHECK(rd_ok(&b, base + NICRX_CQ_HEAD) == 0 && b.cfg.cq_head[q] == 0 && b.cfg.cq_en[q] == 0,
              "csr CQ%u disable clears HEAD", q);
    }
}

static void test_status(void)
{
    bench_t b;
    bench_init(&b, 4);
    for (uint32_t i = 0; i < NICRX_NUM_COUNTERS; i++)
        b.st.cnt[i] = 0x01010101u * (i + 1) ^ 0x80000000u;
    for (uint32_t i = 0; i < NICRX_NUM_COUNTERS; i++)
        CHECK(rd_ok(&b, NICRX_REG_CNT(i)) == (0x01010101u * (i + 1) ^ 0x80000000u), "csr counter %u readback", i);
    for (uint32_t v = 0; v < 2u << NICRX_NUM_FBR; v++) {
        b.st.idle = v & 1;
        for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) b.st.fbr_err[r] = (v >> (1 + r)) & 1;
        CHECK(rd_ok(&b, NICRX_REG_STATUS) == v && csr_peek(&b.s, &b.st, NICRX_REG_STATUS) == v,
              "csr STATUS idle=%u fbr_err=0x%x", v & 1, v >> 1);
    }
    b.st.fbr_head[0] = 0xbeef; b.st.fbr_head[1] = 0x0102; b.st.fbr_head[NICRX_REASM_RING] = 0x3003;
    for (uint32_t q = 0; q < 4; q++) b.st.cq_tail[q] = (uint16_t)(0xc000 + q);
    CHECK(rd_ok(&b, NICRX_REG_FBR(0) + NICRX_FBR_HEAD) == 0xbeef &&
          rd_ok(&b, NICRX_REG_FBR(1) + NICRX_FBR_HEAD) == 0x0102 &&
          rd_ok(&b, NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_HEAD) == 0x3003, "csr FBR HEAD readback");
    for (uint32_t q = 0; q < 4; q++)
        CHECK(rd_ok(&b, NICRX_REG_CQ(q) + NICRX_CQ_TAIL) == 0xc000 + q, "csr CQ%u TAIL readback", q);
}

static void test_timing(void)
{
    bench_t b;
    bench_init(&b, 4);
    nicrx_in_t *in = &b.in;
    int ok;

    /* write: E0 sees valids -> ready one cycle -> E1 writes -> bvalid */
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_CTRL;
    in->s_axil_wdata = 1; in->s_axil_wstrb = 0xf; in->s_axil_bready = 0;
    CHECK(!b.o.s_axil_awready && !b.o.s_axil_wready, "csr timing: ready low before E0");
    edge(&b); /* E0 */
    CHECK(b.o.s_axil_awready && b.o.s_axil_wready && !b.o.s_axil_bvalid && b.cfg.enable == 0,
          "csr timing: awready and wready high the cycle after E0, not yet written");
    edge(&b); /* E1: handshake and write */
    CHECK(!b.o.s_axil_awready && !b.o.s_axil_wready && b.o.s_axil_bvalid && b.o.s_axil_bresp == 0 &&
          b.cfg.enable == 1, "csr timing: bvalid and cfg updated the cycle after E1");
    ok = 1;
    for (int k = 0; k < 5; k++) { /* bready low, master already presents the next write */
        edge(&b);
        ok &= b.o.s_axil_bvalid && !b.o.s_axil_awready && !b.o.s_axil_wready;
    }
    CHECK(ok, "csr timing: bvalid held without bready, next write not taken");
    in->s_axil_bready = 1; in->s_axil_wdata = 0;
    edge(&b); /* bvalid & bready */
    CHECK(!b.o.s_axil_bvalid && !b.o.s_axil_awready, "csr timing: bvalid drops after bready, ready not yet");
    edge(&b);
    CHECK(b.o.s_axil_awready && b.o.s_axil_wready, "csr timing: next write ready one cycle later");
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 0; /* (AXI would keep valid; the write happens anyway) */
    edge(&b);
    CHECK(b.o.s_axil_bvalid && b.cfg.enable == 0, "csr timing: write at the ready edge");
    edge(&b);
    CHECK(!b.o.s_axil_bvalid, "csr timing: back to idle");

    /* only awvalid: nothing happens */
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 0;
    edge(&b); edge(&b);
    CHECK(!b.o.s_axil_awready && !b.o.s_axil_wready, "csr timing: awvalid alone is not taken");
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 1;
    edge(&b); edge(&b);
    CHECK(!b.o.s_axil_awready && !b.o.s_axil_wready, "csr timing: wvalid alone is not taken");
    in->s_axil_wvalid = 0;

    /* read: E0 sees arvalid -> arready one cycle -> E1 samples -> E2 rvalid */
    in->s_axil_arvalid = 1; in->s_axil_araddr = NICRX_REG_ID; in->s_axil_rready = 0;
    edge(&b);
    CHECK(b.o.s_axil_arready && !b.o.s_axil_rvalid, "csr timing: arready the cycle after E0");
    edge(&b);
    CHECK(!b.o.s_axil_arready && !b.o.s_axil_rvalid, "csr timing: nothing the cycle after E1");
    edge(&b);
    CHECK(!b.o.s_axil_arready && b.o.s_axil_rvalid && b.o.s_axil_rdata == NICRX_ID_VALUE && b.o.s_axil_rresp == 0,
          "csr timing: rvalid with rdata the cycle after E2");
    ok = 1;
    in->s_axil_araddr = NICRX_REG_VERSION;
    for (int k = 0; k < 4; k++) {
        edge(&b);
        ok &= b.o.s_axil_rvalid && !b.o.s_axil_arready && b.o.s_axil_rdata == NICRX_ID_VALUE;
    }
    CHECK(ok, "csr timing: rvalid and rdata held without rready");
    in->s_axil_rready = 1;
    edge(&b);
    CHECK(!b.o.s_axil_rvalid && !b.o.s_axil_arready, "csr timing: rvalid drops after rready");
    edge(&b);
    CHECK(b.o.s_axil_arready, "csr timing: next read ready one cycle later");
    edge(&b);
    edge(&b);
    CHECK(b.o.s_axil_rvalid && b.o.s_axil_rdata == NICRX_VERSION_VALUE, "csr timing: back-to-back read data");
    in->s_axil_arvalid = 0;
    edge(&b);
    CHECK(!b.o.s_axil_rvalid, "csr timing: read idle");

    /* transaction lengths with an always-ready master */
    int cw = 0, cr = 0;
    uint32_t resp;
    wr(&b, NICRX_REG_CTRL, 1, 0xf, &cw);
    rd(&b, NICRX_REG_CTRL, &resp, &cr);
    CHECK(cw == 3 && cr == 4, "csr timing: a write takes 3 edges, a read 4 (got %d, %d)", cw, cr);

    /* read and write at the same edge: read returns the old value */
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_FBR(0) + NICRX_FBR_BUF_SIZE;
    in->s_axil_wdata = 0x600; in->s_axil_wstrb = 0xf; in->s_axil_bready = 1;
    in->s_axil_arvalid = 1; in->s_axil_araddr = NICRX_REG_FBR(0) + NICRX_FBR_BUF_SIZE; in->s_axil_rready = 1;
    edge(&b);
    CHECK(b.o.s_axil_awready && b.o.s_axil_arready, "csr timing: read and write accepted together");
    edge(&b);
    CHECK(b.o.s_axil_bvalid && !b.o.s_axil_rvalid && b.cfg.fbr_buf_size[0] == 0x600,
          "csr timing: same-edge write answered first");
    edge(&b);
    CHECK(b.o.s_axil_rvalid && b.o.s_axil_rdata == 0, "csr timing: same-edge read returns the value before the write");
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 0; in->s_axil_arvalid = 0;
    edge(&b);

    /* reset in the middle of a transaction */
    in->s_axil_arvalid = 1; in->s_axil_araddr = NICRX_REG_ID;
    edge(&b);
    in->rst = 1;
    edge(&b);
    in->rst = 0; in->s_axil_arvalid = 0;
    CHECK(!b.o.s_axil_arready && !b.o.s_axil_rvalid && b.o.s_axil_rdata == 0 && b.cfg.enable == 0 &&
          b.cfg.fbr_buf_size[0] == 0 && b.cfg.fbr_size_log2[0] == 1, "csr reset mid-transaction");
}

/* Parser registers (docs/registers.md "Parser microcode"): read/write, the
 * IDATA3 store and IADDR increment, the SWAP pulse, STATUS from the parser. */
static void test_parser_regs(void)
{
    bench_t b;
    bench_init(&b, 4);
    wr(&b, NICRX_REG_PARSER_CTRL, 0xffffff05u, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_PARSER_CTRL) == 5 && b.cfg.step_limit == 5, "csr PARSER_CTRL rw [7:0]");
    wr(&b, NICRX_REG_PARSER_CTRL, 0, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_PARSER_CTRL) == 0 && b.cfg.step_limit == 0, "csr PARSER_CTRL 0 (= 256)");
    wr(&b, NICRX_REG_PARSER_IADDR, 0x12345678u, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_PARSER_IADDR) == 0x78, "csr PARSER_IADDR rw [7:0]");
    for (uint32_t k = 0; k < 3; k++)
        wr(&b, NICRX_REG_PARSER_IDATA(k), 0x11111111u * (k + 1), 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_PARSER_IDATA(0)) == 0x11111111u && rd_ok(&b, NICRX_REG_PARSER_IDATA(2)) == 0x33333333u &&
          !b.cfg.imem_we, "csr PARSER_IDATA0..2 rw, no store");
    /* IDATA3: the store pulse in the cycle after E1 with the old IADDR, then IADDR + 1 */
    nicrx_in_t *in = &b.in;
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_PARSER_IDATA(3);
    in->s_axil_wdata = 0xabcdef01u; in->s_axil_wstrb = 0xf; in->s_axil_bready = 1;
    edge(&b); /* E0 */
    CHECK(!b.cfg.imem_we, "csr IDATA3: no store before E1");
    edge(&b); /* E1 */
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 0;
    CHECK(b.cfg.imem_we && b.cfg.imem_addr == 0x78 && b.cfg.imem_data[0] == 0x11111111u &&
          b.cfg.imem_data[1] == 0x22222222u && b.cfg.imem_data[2] == 0x33333333u && b.cfg.imem_data[3] == 0xabcdef01u,
          "csr IDATA3 write: cfg_imem_we with IADDR and IDATA0..3 the cycle after E1");
    edge(&b);
    CHECK(!b.cfg.imem_we && b.cfg.imem_addr == 0x78 && b.cfg.imem_data[3] == 0xabcdef01u,
          "csr cfg_imem_we one cycle, address and data held");
    CHECK(rd_ok(&b, NICRX_REG_PARSER_IADDR) == 0x79 && rd_ok(&b, NICRX_REG_PARSER_IDATA(3)) == 0xabcdef01u,
          "csr IDATA3 write increments IADDR and reads back");
    wr(&b, NICRX_REG_PARSER_IADDR, 0xff, 0xf, NULL);
    wr(&b, NICRX_REG_PARSER_IDATA(3), 0x5a, 0x1, NULL);
    CHECK(rd_ok(&b, NICRX_REG_PARSER_IADDR) == 0 && rd_ok(&b, NICRX_REG_PARSER_IDATA(3)) == 0xabcdef5au,
          "csr IADDR wraps at 8 bits, IDATA3 byte strobes");
    wr(&b, NICRX_REG_PARSER_IDATA(3), 0xffffffffu, 0x0, NULL);
    CHECK(rd_ok(&b, NICRX_REG_PARSER_IADDR) == 0 && rd_ok(&b, NICRX_REG_PARSER_IDATA(3)) == 0xabcdef5au,
          "csr IDATA3 write with wstrb 0 stores nothing");
    /* SWAP: a write of 1 (byte 0) pulses cfg_swap for the cycle after E1 */
    int pulses = 0;
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_PARSER_SWAP;
    in->s_axil_wdata = 1; in->s_axil_wstrb = 0xf; in->s_axil_bready = 1;
    edge(&b);
    pulses += b.cfg.swap;
    edge(&b);
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 0;
    int at_e1 = b.cfg.swap;
    for (int k = 0; k < 4; k++) { edge(&b); pulses += b.cfg.swap; }
    CHECK(at_e1 && pulses == 0, "csr SWAP write of 1: cfg_swap one cycle after E1");
    wr(&b, NICRX_REG_PARSER_SWAP, 0xfffffffeu, 0xf, NULL);
    wr(&b, NICRX_REG_PARSER_SWAP, 1, 0xe, NULL);
    CHECK(!b.cfg.swap && rd_ok(&b, NICRX_REG_PARSER_SWAP) == 0, "csr SWAP write of 0 or without byte 0: no request");
    /* status from the parser */
    b.st.parser_bank = 1; b.st.parser_swap_pending = 1;
    CHECK(rd_ok(&b, NICRX_REG_PARSER_STATUS) == (3u | 1u << 4 | 64u << 8) && rd_ok(&b, NICRX_REG_PARSER_SWAP) == 1,
          "csr PARSER_STATUS and SWAP read the parser's bank and pending");
    /* STATUS with other parameters: one engine, 256 instructions */
    nicrx_geom_t g;
    csr_t s2;
    geom(&g, 4);
    g.p.parse_engines = 1; g.p.imem_depth = 256;
    csr_init(&s2, &g);
    b.st.parser_bank = 0; b.st.parser_swap_pending = 0;
    CHECK(csr_peek(&s2, &b.st, NICRX_REG_PARSER_STATUS) == 256u << 8, "csr PARSER_STATUS one engine, IMEM_DEPTH 256");
    /* read-only STATUS */
    uint32_t resp = wr(&b, NICRX_REG_PARSER_STATUS, 0xffffffffu, 0xf, NULL);
    CHECK(resp == 0 && !b.cfg.swap && !b.cfg.imem_we, "csr PARSER_STATUS read-only");
}

/* Flow database registers (docs/registers.md "Flow database"). */
static void test_flow_regs(void)
{
    bench_t b;
    bench_init(&b, 4);
    struct rv r0[] = {
        { NICRX_REG_FLOW_CTRL, NICRX_FLOW_CTRL_RESET, "FLOW_CTRL" },
        { NICRX_REG_FLOW_STATUS, 6u << 24, "FLOW_STATUS" },
        { NICRX_REG_FLOW_THRESH, 64, "FLOW_THRESH" },
        { NICRX_REG_FLOW_TICK, 155, "FLOW_TICK" },
        { NICRX_REG_FLOW_AGE, 0, "FLOW_AGE" },
        { NICRX_REG_FLOW_TIME, 0, "FLOW_TIME" },
        { NICRX_REG_FLOW_CMD, 0, "FLOW_CMD" },
        { NICRX_REG_FLOW_CTX_INFO, 0, "FLOW_CTX_INFO" },
        { NICRX_REG_FLOW_CTX_COUNT, 0, "FLOW_CTX_COUNT" },
        { NICRX_REG_FLOW_KEY(9), 0, "FLOW_KEY9" },
    };
    for (unsigned i = 0; i < sizeof r0 / sizeof r0[0]; i++)
        CHECK(rd_ok(&b, r0[i].addr) == r0[i].val, "csr reset %s = 0x%08x", r0[i].name, r0[i].val);
    CHECK(b.cfg.flow_ctrl == 2 && b.cfg.flow_thresh == 64 && b.cfg.flow_tick == 155 && b.cfg.flow_age == 0 &&
          b.cfg.flow_cmd == 0, "csr reset flow cfg outputs");
    struct { uint32_t addr, wval, rmask; const char *name; } r[] = {
        { NICRX_REG_FLOW_CTRL, 0xffffffffu, 0x3u, "FLOW_CTRL" },
        { NICRX_REG_FLOW_THRESH, 0xabcd1234u, 0xffffu, "FLOW_THRESH" },
        { NICRX_REG_FLOW_TICK, 0x5555000fu, 0xffffu, "FLOW_TICK" },
        { NICRX_REG_FLOW_AGE, 0xfedcba98u, 0xffffffffu, "FLOW_AGE" },
        { NICRX_REG_FLOW_CTX_INFO, 0xffffffffu, 0x03ffffffu, "FLOW_CTX_INFO" },
        { NICRX_REG_FLOW_CTX_SEQ, 0x12345678u, 0xffffffffu, "FLOW_CTX_SEQ" },
        { NICRX_REG_FLOW_CTX_ACK, 0x9abcdef0u, 0xffffffffu, "FLOW_CTX_ACK" },
        { NICRX_REG_FLOW_CTX_OPT, 0x0badf00du, 0xffffffffu, "FLOW_CTX_OPT" },
        { NICRX_REG_FLOW_CTX_TIME, 0x11112222u, 0xffffffffu, "FLOW_CTX_TIME" },
        { NICRX_REG_FLOW_CTX_COUNT, 0x33334444u, 0xffffffffu, "FLOW_CTX_COUNT" },
    };
    for (unsigned i = 0; i < sizeof r / sizeof r[0]; i++) {
        uint32_t resp = wr(&b, r[i].addr, r[i].wval, 0xf, NULL);
        uint32_t v = rd_ok(&b, r[i].addr);
        CHECK(resp == 0 && v == (r[i].wval & r[i].rmask), "csr rw %s (read 0x%08x)", r[i].name, v);
    }
    for (uint32_t n = 0; n < 10; n++)
        wr(&b, NICRX_REG_FLOW_KEY(n), 0x03020100u + 0x04040404u * n, 0xf, NULL);
    int key_ok = 1;
    for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++)
        key_ok &= b.cfg.ctx_key[k] == k;
    CHECK(key_ok && rd_ok(&b, NICRX_REG_FLOW_KEY(9)) == 0x27262524u, "csr FLOW_KEY0..9: byte 4n in [7:0]");
    CHECK(b.cfg.flow_ctrl == 3 && b.cfg.flow_thresh == 0x1234 && b.cfg.flow_tick == 0xf && b.cfg.flow_age == 0xfedcba98u &&
          b.cfg.ctx_info == 0x03ffffffu && b.cfg.ctx_seq == 0x12345678u && b.cfg.ctx_ack == 0x9abcdef0u &&
          b.cfg.ctx_opt == 0x0badf00du, "csr flow cfg outputs");
    wr(&b, NICRX_REG_FLOW_AGE, 0x000000ffu, 0x1, NULL);
    CHECK(rd_ok(&b, NICRX_REG_FLOW_AGE) == 0xfedcbaffu, "csr FLOW_AGE byte strobes");
    /* FLOW_CMD: cfg_flow_cmd for the cycle after E1, cfg_flow_sel from [15:8] */
    nicrx_in_t *in = &b.in;
    int pulses = 0, at_e1;
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_FLOW_CMD;
    in->s_axil_wdata = 0xffff05fe | NICRX_FLOW_CMD_INSTALL; in->s_axil_wstrb = 0xf; in->s_axil_bready = 1;
    edge(&b);
    pulses += b.cfg.flow_cmd != 0;
    edge(&b);
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 0;
    at_e1 = b.cfg.flow_cmd == NICRX_FLOW_CMD_INSTALL && b.cfg.flow_sel == 5;
    for (int k = 0; k < 4; k++) { edge(&b); pulses += b.cfg.flow_cmd != 0; }
    CHECK(at_e1 && pulses == 0 && b.cfg.flow_sel == 5, "csr FLOW_CMD write: cfg_flow_cmd one cycle after E1");
    CHECK(rd_ok(&b, NICRX_REG_FLOW_CMD) == 0x500u, "csr FLOW_CMD reads [15:8] and busy");
    b.st.flow.busy = 1;
    CHECK(rd_ok(&b, NICRX_REG_FLOW_CMD) == 0x501u, "csr FLOW_CMD [0] busy");
    b.st.flow.busy = 0;
    wr(&b, NICRX_REG_FLOW_CMD, 0x0903, 0x2, NULL);
    CHECK(b.cfg.flow_sel == 9 && !b.cfg.flow_cmd, "csr FLOW_CMD without byte 0: index only, no command");
    wr(&b, NICRX_REG_FLOW_CMD, 0x0700, 0x3, NULL);
    CHECK(b.cfg.flow_sel == 7 && !b.cfg.flow_cmd && rd_ok(&b, NICRX_REG_FLOW_CMD) == 0x700u, "csr FLOW_CMD command 0: no pulse");
    /* FLOW_STATUS and FLOW_TIME from the flow block */
    b.st.flow.busy = 1; b.st.flow.fail = 1; b.st.flow.idx = 0xab; b.st.flow.gen = 0xcd; b.st.flow.time = 0x89abcdefu;
    CHECK(rd_ok(&b, NICRX_REG_FLOW_STATUS) == (3u | 0xabu << 8 | 0xcdu << 16 | 6u << 24) &&
          rd_ok(&b, NICRX_REG_FLOW_TIME) == 0x89abcdefu, "csr FLOW_STATUS and FLOW_TIME readback");
    nicrx_geom_t g;
    csr_t s2;
    geom(&g, 4);
    g.p.flows = 256;
    csr_init(&s2, &g);
    CHECK((csr_peek(&s2, &b.st, NICRX_REG_FLOW_STATUS) >> 24) == 8, "csr FLOW_STATUS log2 FLOWS=256");
    /* ctx_load: the window takes the flow block's contents, over a host write at the same edge */
    b.st.flow.ctx_info = 0x0155abcdu; b.st.flow.ctx_seq = 1; b.st.flow.ctx_ack = 2; b.st.flow.ctx_opt = 3;
    b.st.flow.ctx_time = 4; b.st.flow.ctx_count = 5;
    for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES; k++) b.st.flow.ctx_key[k] = (uint8_t)(0xc0 + k);
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_FLOW_CTX_SEQ;
    in->s_axil_wdata = 0x77777777u; in->s_axil_wstrb = 0xf; in->s_axil_bready = 1;
    edge(&b); /* E0 */
    b.st.flow.ctx_load = 1;
    edge(&b); /* E1: the write and the load */
    b.st.flow.ctx_load = 0;
    in->s_axil_awvalid = 0; in->s_axil_wvalid = 0;
    edge(&b);
    CHECK(rd_ok(&b, NICRX_REG_FLOW_CTX_SEQ) == 1 && rd_ok(&b, NICRX_REG_FLOW_CTX_INFO) == 0x0155abcdu &&
          rd_ok(&b, NICRX_REG_FLOW_CTX_COUNT) == 5 && rd_ok(&b, NICRX_REG_FLOW_KEY(0)) == 0xc3c2c1c0u &&
          b.cfg.ctx_key[39] == 0xc0 + 39, "csr ctx_load wins over a same-edge write");
    wr(&b, NICRX_REG_FLOW_CTX_SEQ, 0x77777777u, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_FLOW_CTX_SEQ) == 0x77777777u, "csr window writable after the load");
}

/* Receive-side scaling: Microsoft's key at reset (byte 4n in bits [7:0] of RSS_KEYn, key
 * byte 0 first on cfg_rss_key), RSS_CTRL, and an RSS_RETA_IDATA write's store pulse the
 * cycle after it with the old IADDR, IADDR + 1 after (docs/registers.md). */
static void test_rss_regs(void)
{
    bench_t b;
    int hit = 0;

    bench_init(&b, 4);
    CHECK(rd_ok(&b, NICRX_REG_RSS_KEY0) == 0xda565a6du && rd_ok(&b, NICRX_REG_RSS_KEY9) == 0xfa01acbeu &&
          b.cfg.rss_key[0] == 0x6d && b.cfg.rss_key[3] == 0xda && b.cfg.rss_key[39] == 0xfa,
          "csr RSS_KEY reset: Microsoft's key, byte 0 first");
    CHECK(rd_ok(&b, NICRX_REG_RSS_CTRL) == 0x3f && b.cfg.rss_types == 0x3f && !b.cfg.rss_mode, "csr RSS_CTRL reset");
    wr(&b, NICRX_REG_RSS_CTRL, 0xffffffffu, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_RSS_CTRL) == 0x13f && b.cfg.rss_mode, "csr RSS_CTRL rw [8], [5:0]");
    wr(&b, NICRX_REG_RSS_RETA_IADDR, 0x1ffu, 0xf, NULL);
    nicrx_in_t *in = &b.in;
    in->s_axil_awvalid = 1; in->s_axil_wvalid = 1; in->s_axil_awaddr = NICRX_REG_RSS_RETA_IDATA;
    in->s_axil_wdata = 0xfffffff5u; in->s_axil_wstrb = 0x1; in->s_axil_bready = 1;
    for (uint32_t e = 0; e < 4; e++) {
        edge(&b);
        in->s_axil_awvalid = in->s_axil_wvalid = e == 0;
        hit += b.cfg.reta_we && b.cfg.reta_addr == 0x1ff && b.cfg.reta_data == 5;
    }
    CHECK(hit == 1 && !b.cfg.reta_we, "csr RSS_RETA_IDATA write: one store pulse with IADDR and the entry");
    CHECK(rd_ok(&b, NICRX_REG_RSS_RETA_IADDR) == 0 && rd_ok(&b, NICRX_REG_RSS_RETA_IDATA) == 5,
          "csr RSS_RETA_IDATA write increments IADDR (mod 512) and reads back");
}

/* The transfer decision's registers: split on for the pre-selected TCP codes and 64 bytes
 * at reset, 16-bit fields, on cfg_xfer_* (docs/registers.md "Transfer decision"). */
static void test_xfer_regs(void)
{
    bench_t b;

    bench_init(&b, 4);
    CHECK(rd_ok(&b, NICRX_REG_XFER_CTRL) == 0x1fcu && b.cfg.xfer_split == 0x1fc &&
          rd_ok(&b, NICRX_REG_XFER_SMALL_THRESH) == 64 && b.cfg.xfer_small == 64, "csr XFER_* reset");
    wr(&b, NICRX_REG_XFER_CTRL, 0xabcd1234u, 0xf, NULL);
    wr(&b, NICRX_REG_XFER_SMALL_THRESH, 0x12345678u, 0xf, NULL);
    CHECK(rd_ok(&b, NICRX_REG_XFER_CTRL) == 0x1234u && b.cfg.xfer_split == 0x1234 &&
          rd_ok(&b, NICRX_REG_XFER_SMALL_THRESH) == 0x5678u && b.cfg.xfer_small == 0x5678, "csr XFER_* rw [15:0]");
}

int main(void)
{
    test_reset();
    test_rw();
    test_ro();
    test_wstrb();
    test_clamp();
    test_decode();
    test_doorbell();
    test_status();
    test_timing();
    test_parser_regs();
    test_flow_regs();
    test_rss_regs();
    test_xfer_regs();
    return 0;
}
