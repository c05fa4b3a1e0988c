/* test_drv.c - unit tests of libnicrx's host driver (host/nicrx_drv.c) against a fake
 * device: a register file that logs every write and answers reads from a table, and a
 * flat host memory.  Checks the register sequences of bring-up, doorbells and moderation,
 * the descriptor and completion layouts of nicrx_hw.h, the phase bit across wraps, and
 * that bad geometry, full rings and missing callbacks are refused with a reason. */
#include <stdint.h>
#include <string.h>
#include "check.h"
#include "nicrx_drv.h"

#define MEM_BYTES 0x10000u
#define LOG_MAX 256u
/* CHECK evaluates its condition twice; the calls here have side effects: once. */
#define EXPECT(cond, ...) do { const int expect_ok = !!(cond); CHECK(expect_ok, __VA_ARGS__); } while (0)

typedef struct fake {
    uint32_t log_addr[LOG_MAX], log_data[LOG_MAX], nlog;
    uint32_t regs[0x1000 / 4];           /* what reads return */
    uint32_t reads;
    uint8_t mem[MEM_BYTES];
} fake_t;

static void f_wr(void *ctx, uint32_t addr, uint32_t data)
{
    fake_t *f = ctx;
    if (f->nlog < LOG_MAX) { f->log_addr[f->nlog] = addr; f->log_data[f->nlog] = data; f->nlog++; }
}

static uint32_t f_rd(void *ctx, uint32_t addr)
{
    fake_t *f = ctx;
    f->reads++;
    return f->regs[(addr & 0xfffu) / 4];
}

static void f_mw(void *ctx, uint64_t addr, const void *p, size_t n) { memcpy(((fake_t *)ctx)->mem + addr, p, n); }
static void f_mr(void *ctx, uint64_t addr, void *p, size_t n) { memcpy(p, ((fake_t *)ctx)->mem + addr, n); }

static const nicrx_drv_ops_t ops = { f_wr, f_rd, f_mw, f_mr };

/* The index of the first logged write of (addr, data) at or after from; nlog if none. */
static uint32_t find(const fake_t *f, uint32_t from, uint32_t addr, uint32_t data)
{
    for (uint32_t i = from; i < f->nlog; i++)
        if (f->log_addr[i] == addr && f->log_data[i] == data) return i;
    return f->nlog;
}

/* a record v2: word 0 and word 3 (the phase); words 1 and 2 zero */
static void put_cmpl(fake_t *f, uint64_t at, uint64_t w0, uint64_t w3)
{
    for (uint32_t i = 0; i < 8; i++) {
        f->mem[at + i] = (uint8_t)(w0 >> 8 * i);
        f->mem[at + 8 + i] = 0;
        f->mem[at + 16 + i] = 0;
        f->mem[at + 24 + i] = (uint8_t)(w3 >> 8 * i);
    }
}

static nicrx_drv_t *bring_up(fake_t *f, uint32_t cq_log2)
{
    nicrx_drv_ring_t fbr[NICRX_NUM_FBR] = { { 0x1000, 2, 2048 }, { 0x2000, 1, 9216 } };
    nicrx_drv_ring_t cq[2] = { { 0x3000, cq_log2, 0 }, { 0x4000, cq_log2, 0 } };
    memset(f, 0, sizeof *f);
    nicrx_drv_t *d = nicrx_drv_open(&ops, f);
    if (d && nicrx_drv_setup(d, fbr, cq, 2) != 0) { nicrx_drv_close(d); return NULL; }
    return d;
}

static void test_open_probe(void)
{
    fake_t f;
    nicrx_drv_ops_t bad = ops;
    bad.mem_read = NULL;
    EXPECT(nicrx_drv_open(&bad, &f) == NULL, "drv open without a memory read callback: NULL");
    EXPECT(nicrx_drv_open(NULL, &f) == NULL, "drv open without callbacks: NULL");

    memset(&f, 0, sizeof f);
    nicrx_drv_t *d = nicrx_drv_open(&ops, &f);
    EXPECT(d && nicrx_drv_probe(d) == -1 && strstr(nicrx_drv_error(d), "not a nicrx"), "drv probe: wrong ID refused (%s)",
          d ? nicrx_drv_error(d) : "");
    f.regs[NICRX_REG_ID / 4] = NICRX_ID_VALUE;
    f.regs[NICRX_REG_CAPS0 / 4] = 4u << NICRX_CAPS0_NUM_CQ_SHIFT;
    EXPECT(d && nicrx_drv_probe(d) == 0 && nicrx_drv_num_cq(d) == 4, "drv probe: ID and NUM_CQ 4 from CAPS0");
    nicrx_drv_close(d);

    nicrx_drv_ops_t wo = ops;
    wo.reg_read = NULL;
    d = nicrx_drv_open(&wo, &f);
    uint32_t cnt[NICRX_NUM_COUNTERS];
    EXPECT(d && nicrx_drv_probe(d) == -1 && nicrx_drv_counters(d, cnt) == -1, "drv write-only host: probe and counters refused");
    nicrx_drv_close(d);
}

static void test_setup(void)
{
    fake_t f;
    memset(&f, 0, sizeof f);
    nicrx_drv_t *d = nicrx_drv_open(&ops, &f);
    nicrx_drv_ring_t fbr[NICRX_NUM_FBR] = { { 0x1000, 2, 2048 }, { 0x2010, 1, 9216 } };
    nicrx_drv_ring_t cq[4] = { { 0x3000, 3, 0 }, { 0x4000, 3, 0 }, { 0x5000, 0, 0 }, { 0x6000, 3, 0 } };
    EXPECT(nicrx_drv_setup(d, fbr, cq, 2) == -1 && strstr(nicrx_drv_error(d), "aligned"), "drv setup: misaligned ring refused (%s)",
          nicrx_drv_error(d));
    fbr[1].base = 0x2000;
    cq[1].base = 0x4010;
    EXPECT(nicrx_drv_setup(d, fbr, cq, 2) == -1 && strstr(nicrx_drv_error(d), "aligned"),
          "drv setup: a queue 16-byte but not 32-byte aligned refused (records v2 are 32 bytes: %s)", nicrx_drv_error(d));
    cq[1].base = 0x4000;
    EXPECT(nicrx_drv_setup(d, fbr, cq, 3) == -1, "drv setup: 3 queues refused (%s)", nicrx_drv_error(d));
    EXPECT(nicrx_drv_setup(d, fbr, cq, 4) == -1 && strstr(nicrx_drv_error(d), "SIZE_LOG2"), "drv setup: SIZE_LOG2 0 refused (%s)",
          nicrx_drv_error(d));
    EXPECT(f.nlog == 0, "drv setup: nothing written when refused");
    memset(f.mem + 0x3000, 0xee, 0x100);
    EXPECT(nicrx_drv_setup(d, fbr, cq, 2) == 0, "drv setup: two queues");
    uint32_t i0 = find(&f, 0, NICRX_REG_FBR(0) + NICRX_FBR_BASE_LO, 0x1000);
    uint32_t i1 = find(&f, i0, NICRX_REG_FBR(0) + NICRX_FBR_CTRL, 1);
    uint32_t i2 = find(&f, i1, NICRX_REG_CQ(1) + NICRX_CQ_IRQ_CTRL, 1);
    uint32_t i3 = find(&f, i2, NICRX_REG_CQ(1) + NICRX_CQ_CTRL, 1);
    uint32_t i4 = find(&f, i3, NICRX_REG_QSEL, 1);
    EXPECT(i0 == 0 && i4 == f.nlog - 1 && i1 < i2 && i3 < i4, "drv setup: rings, then queues, then QSEL = 1, in order");
    uint8_t zero[0x100] = { 0 };
    EXPECT(!memcmp(f.mem + 0x3000, zero, sizeof zero), "drv setup: completion queue memory zeroed");
    nicrx_drv_close(d);
}

static void test_post(void)
{
    fake_t f;
    nicrx_drv_t *d = bring_up(&f, 1);
    uint32_t n0 = f.nlog;
    EXPECT(nicrx_drv_post(d, 0, 0x8004, 1) == -1 && strstr(nicrx_drv_error(d), "aligned"), "drv post: misaligned buffer refused");
    for (uint16_t i = 0; i < 4; i++)
        EXPECT(nicrx_drv_post(d, 0, 0x8000u + 0x800u * i, (uint16_t)(0x100 + i)) == 0, "drv post %u (%s)", i, nicrx_drv_error(d));
    EXPECT(nicrx_drv_post(d, 0, 0x9000, 9) == -1 && strstr(nicrx_drv_error(d), "full"), "drv post: a full ring refused");
    EXPECT(f.mem[0x1000 + 16 * 3 + 1] == 0x98 && f.mem[0x1000 + 16 * 3 + 8] == 0x03 && f.mem[0x1000 + 16 * 3 + 9] == 0x01,
          "drv post: descriptor 3 holds its address and id, little endian");
    EXPECT(f.nlog == n0, "drv post: no register write before the doorbell");
    nicrx_drv_doorbells(d);
    EXPECT(f.nlog == n0 + 1 && f.log_addr[n0] == NICRX_REG_FBR(0) + NICRX_FBR_TAIL && f.log_data[n0] == 4,
          "drv doorbells: FBR0 TAIL = 4, once");
    nicrx_drv_doorbells(d);
    EXPECT(f.nlog == n0 + 1, "drv doorbells: nothing moved, nothing written");
    nicrx_drv_close(d);
}

/* Page rings: the register, a page aligned to its size, and a page that goes back only
 * with its release. */
static void test_pages(void)
{
    fake_t f;
    struct nicrx_cmpl c;
    nicrx_drv_t *d = bring_up(&f, 1);
    uint32_t n0 = f.nlog;
    EXPECT(nicrx_drv_pages(d, 8, 12, 6) == -1 && nicrx_drv_pages(d, 1, 5, 3) == -1 && nicrx_drv_pages(d, 1, 12, 13) == -1 &&
          nicrx_drv_pages(d, 1, 12, 2) == -1 && f.nlog == n0, "drv pages: no ring 3, page_log2 5, align above the page or below 8 refused");
    EXPECT(nicrx_drv_pages(d, 1, 12, 6) == 0 && f.nlog == n0 + 1 && f.log_addr[n0] == NICRX_REG_XFER_PAGE &&
          f.log_data[n0] == (1u | 12u << NICRX_XFER_PAGE_PAGE_LOG2_SHIFT | 6u << NICRX_XFER_PAGE_ALIGN_LOG2_SHIFT),
          "drv pages: XFER_PAGE = ring 0, 4 KB, 64-byte entries");
    EXPECT(nicrx_drv_post(d, 0, 0x8800, 1) == -1 && strstr(nicrx_drv_error(d), "aligned"), "drv pages: a page not 4 KB aligned refused");
    for (uint16_t i = 0; i < 4; i++)
        EXPECT(nicrx_drv_post(d, 0, 0x10000u + 0x1000u * i, i) == 0, "drv pages: page %u posted (%s)", i, nicrx_drv_error(d));
    put_cmpl(&f, 0x3000, 0, 1ull << NICRX_C3_PHASE_BIT | 64u);   /* an entry at 64, not the last */
    EXPECT(nicrx_drv_poll(d, 0, &c) == 1 && nicrx_cmpl_off(&c) == 64 && !nicrx_cmpl_rel(&c) &&
          nicrx_drv_post(d, 0, 0x20000, 9) == -1, "drv pages: an entry without release keeps its page: the ring stays full");
    put_cmpl(&f, 0x3020, 0, 1ull << NICRX_C3_PHASE_BIT | 1ull << NICRX_C3_REL_BIT | 2ull << NICRX_C3_CNT_SHIFT | 128u);
    EXPECT(nicrx_drv_poll(d, 0, &c) == 1 && nicrx_cmpl_rel(&c) && nicrx_cmpl_cnt(&c) == 2 &&
          nicrx_drv_post(d, 0, 0x20000, 9) == 0, "drv pages: the release (2 entries) gives the page back");
    nicrx_drv_close(d);
}

static void test_poll(void)
{
    fake_t f;
    struct nicrx_cmpl c;
    nicrx_drv_t *d = bring_up(&f, 1);   /* two records per queue: the phase flips every two */
    /* each record gives its buffer back (rel) */
    uint64_t phase1 = 1ull << NICRX_C3_PHASE_BIT | 1ull << NICRX_C3_REL_BIT;

    for (uint16_t i = 0; i < 4; i++) nicrx_drv_post(d, 0, 0x8000u + 0x800u * i, i);
    nicrx_drv_doorbells(d);
    EXPECT(nicrx_drv_poll(d, 0, &c) == 0, "drv poll: empty queue");
    put_cmpl(&f, 0x3000, 0x1234, phase1);
    put_cmpl(&f, 0x3020, 0x5678, phase1);
    EXPECT(nicrx_drv_poll(d, 0, &c) == 1 && c.w0 == 0x1234, "drv poll: record 0 (phase 1)");
    EXPECT(nicrx_drv_poll(d, 0, &c) == 1 && c.w0 == 0x5678, "drv poll: record 1 (phase 1)");
    EXPECT(nicrx_drv_poll(d, 0, &c) == 0, "drv poll: slot 0 still phase 1 after the wrap: not new");
    put_cmpl(&f, 0x3000, 0x9abc, 1ull << NICRX_C3_REL_BIT);
    EXPECT(nicrx_drv_poll(d, 0, &c) == 1 && c.w0 == 0x9abc && nicrx_drv_consumed(d, 0) == 3,
          "drv poll: phase 0 on the second pass is new; 3 consumed");
    EXPECT(nicrx_drv_poll(d, 5, &c) == 0, "drv poll: a queue not set up is empty");
    uint32_t n0 = f.nlog;
    nicrx_drv_irq_unmask(d, 0);
    EXPECT(f.nlog == n0 + 2 && f.log_addr[n0] == NICRX_REG_CQ(0) + NICRX_CQ_HEAD && f.log_data[n0] == 3 &&
          f.log_addr[n0 + 1] == NICRX_REG_IRQ(0) + NICRX_IRQ_MASK && f.log_data[n0 + 1] == 0,
          "drv unmask: CQ0 HEAD = 3, then IRQ_MASK = 0");
    nicrx_drv_doorbells(d);
    EXPECT(f.nlog == n0 + 2, "drv doorbells: the head went with the unmask");
    EXPECT(nicrx_drv_post(d, 0, 0xa000, 7) == 0, "drv post: a buffer the device returned may be posted again");
    nicrx_drv_close(d);
}

static void test_moderation_counters(void)
{
    fake_t f;
    nicrx_drv_t *d = bring_up(&f, 3);
    uint32_t n0 = f.nlog;
    nicrx_drv_irq_moderation(d, 1, 8, 50);
    nicrx_drv_irq_tick(d, 155);
    nicrx_drv_irq_mask(d, 1);
    EXPECT(f.nlog == n0 + 4 && f.log_addr[n0] == NICRX_REG_IRQ(1) + NICRX_IRQ_COUNT && f.log_data[n0] == 8 &&
          f.log_addr[n0 + 1] == NICRX_REG_IRQ(1) + NICRX_IRQ_TIME && f.log_data[n0 + 1] == 50 &&
          f.log_addr[n0 + 2] == NICRX_REG_IRQ_TICK && f.log_data[n0 + 2] == 155 &&
          f.log_addr[n0 + 3] == NICRX_REG_IRQ(1) + NICRX_IRQ_MASK && f.log_data[n0 + 3] == 1,
          "drv moderation: COUNT, TIME, TICK, MASK written");
    n0 = f.nlog;
    nicrx_drv_msix(d, 2, 0x123456789abcdef4ull, 0xfeed0002u, 1);
    EXPECT(f.nlog == n0 + 4 && f.log_addr[n0] == NICRX_REG_MSIX(2) + NICRX_MSIX_ADDR_LO && f.log_data[n0] == 0x9abcdef4u &&
          f.log_addr[n0 + 1] == NICRX_REG_MSIX(2) + NICRX_MSIX_ADDR_HI && f.log_data[n0 + 1] == 0x12345678u &&
          f.log_addr[n0 + 2] == NICRX_REG_MSIX(2) + NICRX_MSIX_DATA && f.log_data[n0 + 2] == 0xfeed0002u &&
          f.log_addr[n0 + 3] == NICRX_REG_MSIX(2) + NICRX_MSIX_CTRL && f.log_data[n0 + 3] == 1,
          "drv msix: address, data, then the enable");
    uint8_t key[40], reta[3] = { 3, 0, 7 };
    for (uint32_t i = 0; i < 40; i++) key[i] = (uint8_t)(0x10 + i);
    n0 = f.nlog;
    nicrx_drv_rss_key(d, key);
    nicrx_drv_rss_ctrl(d, 0x12, 1);
    nicrx_drv_rss_reta(d, 126, reta, 3);
    EXPECT(f.nlog == n0 + 15 && f.log_addr[n0] == NICRX_REG_RSS_KEY0 && f.log_data[n0] == 0x13121110 &&
          f.log_addr[n0 + 9] == NICRX_REG_RSS_KEY0 + 36 && f.log_data[n0 + 9] == 0x37363534,
          "drv rss key: ten words, byte 4n in [7:0]");
    EXPECT(f.log_addr[n0 + 10] == NICRX_REG_RSS_CTRL &&
          f.log_data[n0 + 10] == (0x12u << NICRX_RSS_CTRL_TYPES_SHIFT | NICRX_RSS_CTRL_MODE_MASK),
          "drv rss ctrl: types and the modulo mode");
    EXPECT(f.log_addr[n0 + 11] == NICRX_REG_RSS_RETA_IADDR && f.log_data[n0 + 11] == 126 &&
          f.log_addr[n0 + 12] == NICRX_REG_RSS_RETA_IDATA && f.log_data[n0 + 12] == 3 &&
          f.log_addr[n0 + 14] == NICRX_REG_RSS_RETA_IDATA && f.log_data[n0 + 14] == 7,
          "drv rss reta: IADDR once, then IDATA per entry");
    uint32_t cnt[NICRX_NUM_COUNTERS];
    f.regs[NICRX_REG_CNT(NICRX_CNT_DELIVERED) / 4] = 42;
    EXPECT(nicrx_drv_counters(d, cnt) == 0 && cnt[NICRX_CNT_DELIVERED] == 42 && f.reads == NICRX_NUM_COUNTERS,
          "drv counters: every counter read once");

    uint32_t w[2 * NICRX_INSN_WORDS] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    n0 = f.nlog;
    EXPECT(nicrx_drv_load_program(d, w, 2) == 0 && f.nlog == n0 + 10 && f.log_addr[n0] == NICRX_REG_PARSER_IADDR &&
          f.log_addr[n0 + 8] == NICRX_REG_PARSER_IDATA(3) && f.log_data[n0 + 8] == 8 &&
          f.log_addr[n0 + 9] == NICRX_REG_PARSER_SWAP,
          "drv load: IADDR, IDATA0..3 per instruction, SWAP");
    f.regs[NICRX_REG_PARSER_SWAP / 4] = 1;
    EXPECT(nicrx_drv_load_program(d, w, 2) == -1 && strstr(nicrx_drv_error(d), "pending"), "drv load: a swap that stays pending");

    nicrx_drv_flow_t fl;
    memset(&fl, 0, sizeof fl);
    f.regs[NICRX_REG_FLOW_CTX_SEQ / 4] = 0x11223344;
    f.regs[NICRX_REG_FLOW_KEY(9) / 4] = 0x0a0b0c0d;
    f.regs[NICRX_REG_FLOW_STATUS / 4] = 0x0500;
    EXPECT(nicrx_drv_flow_cmd(d, NICRX_FLOW_CMD_READ, 5, &fl) == 0x0500 && fl.seq == 0x11223344 && fl.key[36] == 0x0d &&
          fl.key[39] == 0x0a && f.log_addr[f.nlog - 1] == NICRX_REG_FLOW_CMD && f.log_data[f.nlog - 1] == 0x0501,
          "drv flow READ of entry 5: the command, then the window read back");
    n0 = f.nlog;
    fl.info = 1;
    EXPECT(nicrx_drv_flow_cmd(d, NICRX_FLOW_CMD_INSTALL, 0, &fl) == 0x0500 && f.nlog == n0 + 15 &&
          f.log_addr[n0 + 13] == NICRX_REG_FLOW_CTX_INFO && f.log_data[n0 + 13] == 1,
          "drv flow INSTALL: key, SEQ, ACK, OPT, INFO last, then the command");
    f.regs[NICRX_REG_FLOW_STATUS / 4] = 1;
    EXPECT(nicrx_drv_flow_cmd(d, NICRX_FLOW_CMD_INVALIDATE, 0, &fl) == -1, "drv flow: a command that stays busy");
    nicrx_drv_close(d);
}

/* The re-assembly ring: set up like the others but for its BUF_SIZE (unused), its pages
 * aligned to REASM_CTRL.page_log2 (64 KB until nicrx_drv_reasm says otherwise). */
static void test_reasm_ring(void)
{
    fake_t f;
    const uint32_t r3 = NICRX_REASM_RING, b3 = NICRX_REG_FBR(NICRX_REASM_RING);
    nicrx_drv_ring_t fbr[NICRX_NUM_FBR] = { { 0x1000, 2, 2048 }, { 0x2000, 1, 9216 } };
    nicrx_drv_ring_t cq[1] = { { 0x3000, 1, 0 } };
    fbr[r3] = (nicrx_drv_ring_t){ 0x5000, 1, 0 };
    memset(&f, 0, sizeof f);
    nicrx_drv_t *d = nicrx_drv_open(&ops, &f);
    EXPECT(d && nicrx_drv_setup(d, fbr, cq, 1) == 0, "drv reasm ring: set up with the others (%s)", d ? nicrx_drv_error(d) : "");
    EXPECT(find(&f, 0, b3 + NICRX_FBR_BASE_LO, 0x5000) < f.nlog && find(&f, 0, b3 + NICRX_FBR_SIZE_LOG2, 1) < f.nlog &&
          find(&f, 0, b3 + NICRX_FBR_CTRL, 1) < f.nlog, "drv reasm ring: FBR3 at 0x160 gets its base, size and enable");
    uint32_t bufsz = 0;
    for (uint32_t i = 0; i < f.nlog; i++) bufsz += f.log_addr[i] == b3 + NICRX_FBR_BUF_SIZE;
    EXPECT(b3 == 0x160u && bufsz == 0, "drv reasm ring: its BUF_SIZE is not written");
    EXPECT(nicrx_drv_post(d, r3, 0x8000, 0x3000) == -1 && strstr(nicrx_drv_error(d), "65536"),
          "drv reasm ring: before nicrx_drv_reasm, a page not 64 KB aligned refused (%s)", nicrx_drv_error(d));
    uint32_t n0 = f.nlog;
    EXPECT(nicrx_drv_reasm(d, 1, 11) == -1 && nicrx_drv_reasm(d, 1, 17) == -1 && nicrx_drv_reasm(d, 3, 12) == -1 &&
          nicrx_drv_reasm(d, -1, 12) == -1 && f.nlog == n0, "drv reasm: page_log2 11 and 17, modes 3 and -1 refused, nothing written");
    EXPECT(nicrx_drv_reasm(d, NICRX_DRV_REASM_STRIP, 12) == 0 && f.nlog == n0 + 1 && f.log_addr[n0] == NICRX_REG_REASM_CTRL &&
          f.log_data[n0] == (NICRX_REASM_CTRL_EN_MASK | NICRX_REASM_CTRL_STRIP_MASK | 12u << NICRX_REASM_CTRL_PAGE_LOG2_SHIFT),
          "drv reasm: REASM_CTRL = en, strip, 4 KB pages");
    n0 = f.nlog;
    EXPECT(nicrx_drv_reasm(d, NICRX_DRV_REASM_ON, 12) == 0 && f.nlog == n0 + 1 && f.log_addr[n0] == NICRX_REG_REASM_CTRL &&
          f.log_data[n0] == (NICRX_REASM_CTRL_EN_MASK | 12u << NICRX_REASM_CTRL_PAGE_LOG2_SHIFT),
          "drv reasm: REASM_CTRL = en, 4 KB pages");
    EXPECT(nicrx_drv_post(d, r3, 0x8800, 0x3000) == -1 && strstr(nicrx_drv_error(d), "4096"),
          "drv reasm ring: a page not 4 KB aligned refused");
    EXPECT(nicrx_drv_post(d, r3, 0x8000, 0x3000) == 0 && nicrx_drv_post(d, r3, 0x9000, 0x3001) == 0 &&
          nicrx_drv_post(d, r3, 0xa000, 0x3002) == -1 && strstr(nicrx_drv_error(d), "full"),
          "drv reasm ring: two pages posted, a third refused (full)");
    EXPECT(f.mem[0x5000 + 16 + 1] == 0x90 && f.mem[0x5000 + 16 + 8] == 0x01 && f.mem[0x5000 + 16 + 9] == 0x30,
          "drv reasm ring: descriptor 1 holds its page and id");
    n0 = f.nlog;
    nicrx_drv_doorbells(d);
    EXPECT(f.nlog == n0 + 1 && f.log_addr[n0] == b3 + NICRX_FBR_TAIL && f.log_data[n0] == 2, "drv reasm ring: doorbell FBR3 TAIL = 2");
    nicrx_drv_close(d);
}

/* Buffer lists: the register sequences of bind, post, unbind and status, and the posts
 * refused before anything is written (a list the device lacks, a buffer misaligned to the
 * re-assembly page or smaller than it). */
static void test_flist(void)
{
    fake_t f;
    nicrx_drv_t *d = bring_up(&f, 2);
    nicrx_drv_flist_st_t st;

    EXPECT(d != NULL, "drv flist: bring-up");
    if (!d) return;
    EXPECT(nicrx_drv_reasm(d, 1, 12) == 0, "drv flist: 4 KB pages");
    uint32_t n0 = f.nlog;
    EXPECT(nicrx_drv_flist_bind(d, 2, 0x15, 0x03) == 0 && f.nlog == n0 + 3 &&
          f.log_addr[n0] == NICRX_REG_FLIST_FLOW && f.log_data[n0] == 0x0315 &&
          f.log_addr[n0 + 1] == NICRX_REG_FLIST_SEL && f.log_data[n0 + 1] == 2 &&
          f.log_addr[n0 + 2] == NICRX_REG_FLIST_CMD && f.log_data[n0 + 2] == 1,
          "drv flist bind: FLIST_FLOW = {gen, flow}, FLIST_SEL, FLIST_CMD = 1");
    n0 = f.nlog;
    EXPECT(nicrx_drv_flist_post(d, 2, 0x123456000ull, 0x2000, 0xbeef) == 0 && f.nlog == n0 + 6 &&
          find(&f, n0, NICRX_REG_FLIST_ADDR_LO, 0x23456000) < f.nlog &&
          find(&f, n0, NICRX_REG_FLIST_ADDR_HI, 0x1) < f.nlog &&
          find(&f, n0, NICRX_REG_FLIST_BUF_ID, 0xbeef) < f.nlog && find(&f, n0, NICRX_REG_FLIST_SIZE, 0x2000) < f.nlog &&
          f.log_addr[n0 + 5] == NICRX_REG_FLIST_CMD && f.log_data[n0 + 5] == 2,
          "drv flist post: the buffer's address, id and size, then FLIST_CMD = 2");
    n0 = f.nlog;
    EXPECT(nicrx_drv_flist_post(d, 2, 0x123456800ull, 0x2000, 1) == -1 && strstr(nicrx_drv_error(d), "aligned") &&
          nicrx_drv_flist_post(d, 2, 0x5000, 0x800, 1) == -1 && strstr(nicrx_drv_error(d), "2048 bytes") &&
          nicrx_drv_flist_post(d, NICRX_FLIST_LISTS, 0x5000, 0x1000, 1) == -1 &&
          nicrx_drv_flist_bind(d, NICRX_FLIST_LISTS, 1, 1) == -1 && nicrx_drv_flist_unbind(d, 9) == -1 &&
          f.nlog == n0, "drv flist: a misaligned buffer, a small one, a list the device lacks: refused, nothing written");
    f.regs[NICRX_REG_FLIST_STATUS / 4] = 0x00070503;
    EXPECT(nicrx_drv_flist_status(d, 2, &st) == 0 && st.bound == 1 && st.err == 1 && st.cnt == 5 && st.head == 7,
          "drv flist status: bound, err, cnt, head from FLIST_STATUS");
    n0 = f.nlog;
    EXPECT(nicrx_drv_flist_unbind(d, 2) == 0 && f.nlog == n0 + 2 && f.log_addr[n0 + 1] == NICRX_REG_FLIST_CMD &&
          f.log_data[n0 + 1] == 3, "drv flist unbind: FLIST_CMD = 3");
    nicrx_drv_close(d);
}

/* The one's-complement sum of 16-bit big-endian words (RFC 1071), not folded: a header
 * whose checksum is right sums to 0xffff once folded. */
static uint32_t sum16(uint32_t s, const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) s += i & 1u ? p[i] : (uint32_t)p[i] << 8;
    return s;
}

static uint32_t fold(uint32_t s)
{
    while (s >> 16) s = (s & 0xffffu) + (s >> 16);
    return s;
}

/* A run record: page 7, seq, rlen, segs 3, rflags, its last segment's ACK 0xa1b2c3d4 and
 * window 0x0e10. */
static struct nicrx_cmpl run_rec(uint32_t seq, uint32_t rlen, uint32_t rflags)
{
    struct nicrx_cmpl c = { 0 };
    c.w0 = 7ull << NICRX_C0_BUFID_SHIFT | (uint64_t)NICRX_REASM_RING << NICRX_C0_RING_SHIFT;
    c.w1 = (uint64_t)seq << NICRX_C1_RSEQ_SHIFT | (uint64_t)rlen << NICRX_C1_RLEN_SHIFT | 3ull << NICRX_C1_RSEGS_SHIFT;
    c.w2 = 1ull << NICRX_C2_RUN_BIT | (uint64_t)rflags << NICRX_C2_RFLAGS_SHIFT | 0x0e10ull << NICRX_C2_RWIN_SHIFT;
    c.w3 = 0xa1b2c3d4ull << NICRX_C3_RACK_SHIFT;
    return c;
}

/* nicrx_drv_run_header: a stripped run's first header rebuilt for the merged segment (its
 * sequence number, the last segment's ACK and window, lengths, flags, checksums), IPv4
 * behind a VLAN tag and IPv6 behind a hop-by-hop header, each checked field by field and by
 * its checksums; and the headers it refuses. */
static void test_run_header(void)
{
    static uint8_t data[3001];
    for (uint32_t i = 0; i < sizeof data; i++) data[i] = (uint8_t)(i * 7u + 3u);
    for (int v6 = 0; v6 < 2; v6++) {
        uint8_t h[128] = { 0 };
        uint32_t l3 = v6 ? 14u : 18u, l4 = v6 ? l3 + 48u : l3 + 20u, end = l4 + 32u; /* TCP with 12 bytes of options */
        h[12] = v6 ? 0x86 : 0x81;
        h[13] = v6 ? 0xdd : 0x00;
        if (!v6) { h[14] = 0; h[15] = 5; h[16] = 0x08; h[17] = 0x00; }
        if (v6) {
            h[l3] = 0x60; h[l3 + 4] = 0; h[l3 + 5] = 8u + 32u + 100u; h[l3 + 6] = 0; h[l3 + 7] = 64;
            for (uint32_t i = 0; i < 32; i++) h[l3 + 8 + i] = (uint8_t)(0x20 + i);
            h[l3 + 40] = 6; h[l3 + 41] = 0;  /* hop-by-hop: next TCP, 8 bytes */
        } else {
            h[l3] = 0x45; h[l3 + 2] = 0; h[l3 + 3] = 20u + 32u + 100u; h[l3 + 8] = 64; h[l3 + 9] = 6;
            h[l3 + 10] = 0x12; h[l3 + 11] = 0x34;   /* the first frame's checksum: rewritten */
            for (uint32_t i = 0; i < 8; i++) h[l3 + 12 + i] = (uint8_t)(10 + i);
        }
        h[l4] = 0x1f; h[l4 + 1] = 0x90; h[l4 + 2] = 0xc3; h[l4 + 3] = 0x50;
        h[l4 + 4] = 0x11; h[l4 + 5] = 0x22; h[l4 + 6] = 0x33; h[l4 + 7] = 0x44;   /* seq 0x11223344 */
        h[l4 + 8] = 0xa0; h[l4 + 11] = 0x01;                                       /* ack */
        h[l4 + 12] = 0x80; h[l4 + 13] = 0x10; h[l4 + 14] = 0x01; h[l4 + 15] = 0xf5; /* 32-byte header, ACK, window */
        h[l4 + 20] = 1; h[l4 + 21] = 1; h[l4 + 22] = 8; h[l4 + 23] = 10;            /* NOP NOP timestamps */
        const uint32_t rlen = v6 ? 3000u : 3001u;   /* an odd length: the checksum's padding */
        struct nicrx_cmpl run = run_rec(0x11223344u, rlen, NICRX_TCP_PSH | NICRX_TCP_FIN);
        int n = nicrx_drv_run_header(h, end, &run, data);
        const uint32_t tcp_len = 32u + rlen;
        uint32_t ps = v6 ? sum16(0, h + l3 + 8, 32) : sum16(0, h + l3 + 12, 8);
        ps += 6u + tcp_len;
        const uint32_t tsum = fold(sum16(sum16(ps, h + l4, 32), data, rlen));
        const uint32_t iplen = v6 ? (uint32_t)h[l3 + 4] << 8 | h[l3 + 5] : (uint32_t)h[l3 + 2] << 8 | h[l3 + 3];
        EXPECT(n == (int)end && iplen == (v6 ? 8u + tcp_len : 20u + tcp_len) &&
              (v6 || fold(sum16(0, h + l3, 20)) == 0xffffu) && tsum == 0xffffu && h[l4 + 13] == (0x10 | 0x08 | 0x01) &&
              h[l4 + 4] == 0x11 && h[l4 + 7] == 0x44 && h[l4 + 8] == 0xa1 && h[l4 + 11] == 0xd4 &&
              h[l4 + 14] == 0x0e && h[l4 + 15] == 0x10,
              "drv run header %s: %d bytes, IP length %u, checksums %s/0x%04x, flags 0x%02x", v6 ? "IPv6 with hop-by-hop" :
              "IPv4 in a VLAN tag", n, iplen, v6 ? "-" : "ok", tsum, h[l4 + 13]);
        uint8_t c[128];
        memcpy(c, h, sizeof c);
        struct nicrx_cmpl frame = run;
        frame.w2 &= ~(1ull << NICRX_C2_RUN_BIT);
        int bad = nicrx_drv_run_header(c, end, &frame, data) == -1 && nicrx_drv_run_header(c, end - 1u, &run, data) == -1 &&
                  nicrx_drv_run_header(c, end, &run, NULL) == -1;
        if (v6) {
            c[l3 + 6] = 43;   /* a routing header: the checksum's destination is not the header's */
            bad = bad && nicrx_drv_run_header(c, end, &run, data) == -1;
        } else {
            struct nicrx_cmpl big = run_rec(1, 0xffffu - 20u - 32u + 1u, 0);
            bad = bad && nicrx_drv_run_header(c, end, &big, data) == -1;
        }
        EXPECT(bad && !memcmp(c, h, l3 + 6u) && !memcmp(c + l3 + 7u, h + l3 + 7u, end - l3 - 7u),
              "drv run header %s: refused for a frame's record, a header cut short, no data, %s", v6 ? "IPv6" : "IPv4",
              v6 ? "a routing header" : "a run past 65,535 bytes of IP");
    }
}

int main(void)
{
    test_open_probe();
    test_setup();
    test_post();
    test_poll();
    test_pages();
    test_reasm_ring();
    test_flist();
    test_run_header();
    test_moderation_counters();
    return 0;
}
