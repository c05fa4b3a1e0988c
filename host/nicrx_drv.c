/* nicrx_drv.c - libnicrx's host driver (nicrx_drv.h). */
#include "nicrx_drv.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SWAP_POLLS 100000u
#define FLOW_POLLS 10000u

typedef struct drv_ring {
    nicrx_drv_ring_t g;
    uint16_t idx;           /* FBR: tail (producer); CQ: head (consumer) */
    uint16_t posted;        /* FBR: descriptors the device may still hold */
    uint8_t dirty;          /* idx moved since the last doorbell */
    uint64_t consumed;      /* CQ: records taken */
} drv_ring_t;

struct nicrx_drv {
    nicrx_drv_ops_t ops;
    void *ctx;
    uint32_t num_cq, ncq;
    drv_ring_t fbr[NICRX_NUM_FBR];
    drv_ring_t cq[NICRX_MAX_CQ];
    uint32_t pages;         /* bit r: ring r is a page ring (nicrx_drv_pages) */
    uint32_t page_log2;
    uint32_t reasm_log2;    /* the re-assembly ring's page size (nicrx_drv_reasm, or REASM_CTRL's reset) */
    char err[160];
};

__attribute__((format(printf, 2, 3)))
static int fail(nicrx_drv_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
    return -1;
}

static void wr(nicrx_drv_t *d, uint32_t addr, uint32_t v) { d->ops.reg_write(d->ctx, addr, v); }
static uint32_t rd(nicrx_drv_t *d, uint32_t addr) { return d->ops.reg_read(d->ctx, addr); }

/* Host memory is little endian, as the device writes it. */
static void st64(uint8_t *p, uint64_t v)
{
    for (uint32_t i = 0; i < 8; i++) p[i] = (uint8_t)(v >> 8 * i);
}

static uint64_t ld64(const uint8_t *p)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < 8; i++) v |= (uint64_t)p[i] << 8 * i;
    return v;
}

nicrx_drv_t *nicrx_drv_open(const nicrx_drv_ops_t *ops, void *ctx)
{
    if (!ops || !ops->reg_write || !ops->mem_write || !ops->mem_read) return NULL;
    nicrx_drv_t *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->ops = *ops;
    d->ctx = ctx;
    d->num_cq = NICRX_MAX_CQ;
    d->reasm_log2 = (NICRX_REASM_CTRL_RESET & NICRX_REASM_CTRL_PAGE_LOG2_MASK) >> NICRX_REASM_CTRL_PAGE_LOG2_SHIFT;
    return d;
}

void nicrx_drv_close(nicrx_drv_t *d) { free(d); }
const char *nicrx_drv_error(const nicrx_drv_t *d) { return d->err; }
uint32_t nicrx_drv_num_cq(const nicrx_drv_t *d) { return d->num_cq; }

int nicrx_drv_probe(nicrx_drv_t *d)
{
    if (!d->ops.reg_read) return fail(d, "probe: no register reads");
    uint32_t id = rd(d, NICRX_REG_ID);
    if (id != NICRX_ID_VALUE) return fail(d, "probe: ID reads 0x%08x, not a nicrx", id);
    uint32_t n = (rd(d, NICRX_REG_CAPS0) & NICRX_CAPS0_NUM_CQ_MASK) >> NICRX_CAPS0_NUM_CQ_SHIFT;
    if (n == 0 || n > NICRX_MAX_CQ) return fail(d, "probe: CAPS0 gives %u completion queues", n);
    d->num_cq = n;
    return 0;
}

static int ring_ok(nicrx_drv_t *d, const char *what, uint32_t i, const nicrx_drv_ring_t *g, uint64_t align)
{
    if (g->size_log2 < NICRX_RING_LOG2_MIN || g->size_log2 > NICRX_RING_LOG2_MAX)
        return fail(d, "%s %u: SIZE_LOG2 %u outside %u..%u", what, i, g->size_log2, NICRX_RING_LOG2_MIN,
                    NICRX_RING_LOG2_MAX);
    if (g->base % align) return fail(d, "%s %u: base 0x%llx not %llu-byte aligned", what, i,
                                     (unsigned long long)g->base, (unsigned long long)align);
    return 0;
}

int nicrx_drv_setup(nicrx_drv_t *d, const nicrx_drv_ring_t fbr[NICRX_NUM_FBR], const nicrx_drv_ring_t *cq,
                    uint32_t ncq)
{
    static const uint8_t zero[NICRX_CMPL_BYTES];
    uint32_t qsel = 0;

    if (ncq == 0 || ncq > d->num_cq || (ncq & (ncq - 1)))
        return fail(d, "setup: %u completion queues (a power of two, 1..%u)", ncq, d->num_cq);
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        if (fbr[r].size_log2 && ring_ok(d, "ring", r, &fbr[r], NICRX_FBR_BASE_ALIGN)) return -1;
    for (uint32_t q = 0; q < ncq; q++)
        if (ring_ok(d, "queue", q, &cq[q], NICRX_CQ_BASE_ALIGN)) return -1;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        uint32_t b = NICRX_REG_FBR(r);
        d->fbr[r] = (drv_ring_t){ .g = fbr[r] };
        if (!fbr[r].size_log2) continue;
        wr(d, b + NICRX_FBR_BASE_LO, (uint32_t)fbr[r].base);
        wr(d, b + NICRX_FBR_BASE_HI, (uint32_t)(fbr[r].base >> 32));
        wr(d, b + NICRX_FBR_SIZE_LOG2, fbr[r].size_log2);
        if (r != NICRX_REASM_RING) wr(d, b + NICRX_FBR_BUF_SIZE, fbr[r].buf_size); /* its pages' size is REASM_CTRL's */
        wr(d, b + NICRX_FBR_CTRL, 1);
    }
    for (uint32_t q = 0; q < ncq; q++) {
        uint32_t b = NICRX_REG_CQ(q);
        d->cq[q] = (drv_ring_t){ .g = cq[q] };
        /* phase 0 everywhere: the device's first pass writes 1 */
        for (uint32_t i = 0; i < 1u << cq[q].size_log2; i++)
            d->ops.mem_write(d->ctx, cq[q].base + NICRX_CMPL_BYTES * i, zero, sizeof zero);
        wr(d, b + NICRX_CQ_BASE_LO, (uint32_t)cq[q].base);
        wr(d, b + NICRX_CQ_BASE_HI, (uint32_t)(cq[q].base >> 32));
        wr(d, b + NICRX_CQ_SIZE_LOG2, cq[q].size_log2);
        wr(d, b + NICRX_CQ_IRQ_CTRL, 1);
        wr(d, b + NICRX_CQ_CTRL, 1);
    }
    d->ncq = ncq;
    while ((1u << qsel) < ncq) qsel++;
    wr(d, NICRX_REG_QSEL, qsel);
    return 0;
}

void nicrx_drv_enable(nicrx_drv_t *d) { wr(d, NICRX_REG_CTRL, 1); }

int nicrx_drv_reasm(nicrx_drv_t *d, int mode, uint32_t page_log2)
{
    if (page_log2 < NICRX_REASM_PAGE_LOG2_MIN || page_log2 > NICRX_REASM_PAGE_LOG2_MAX)
        return fail(d, "reasm: page_log2 %u outside %u..%u", page_log2, NICRX_REASM_PAGE_LOG2_MIN,
                    NICRX_REASM_PAGE_LOG2_MAX);
    if (mode < NICRX_DRV_REASM_OFF || mode > NICRX_DRV_REASM_STRIP) return fail(d, "reasm: mode %d outside 0..2", mode);
    d->reasm_log2 = page_log2;
    wr(d, NICRX_REG_REASM_CTRL, (mode != NICRX_DRV_REASM_OFF ? NICRX_REASM_CTRL_EN_MASK : 0u) |
                                (mode == NICRX_DRV_REASM_STRIP ? NICRX_REASM_CTRL_STRIP_MASK : 0u) |
                                page_log2 << NICRX_REASM_CTRL_PAGE_LOG2_SHIFT);
    return 0;
}

/* FLIST_CMD.op values (regs/nicrx.regs) */
enum { FLIST_BIND = 1, FLIST_POST = 2, FLIST_UNBIND = 3 };

/* list names one of the device's buffer lists (else the error says so) */
static int list_ok(nicrx_drv_t *d, uint32_t list)
{
    if (list < NICRX_FLIST_LISTS) return 1;
    fail(d, "flist: list %u, the device has %u", list, NICRX_FLIST_LISTS);
    return 0;
}

static int flist_cmd(nicrx_drv_t *d, uint32_t list, uint32_t op)
{
    wr(d, NICRX_REG_FLIST_SEL, list);
    wr(d, NICRX_REG_FLIST_CMD, op);
    return 0;   /* the device's verdict is FLIST_STATUS.err (nicrx_drv_flist_status) */
}

int nicrx_drv_flist_bind(nicrx_drv_t *d, uint32_t list, uint8_t flow, uint8_t gen)
{
    if (!list_ok(d, list)) return -1;
    wr(d, NICRX_REG_FLIST_FLOW, (uint32_t)gen << NICRX_FLIST_FLOW_GEN_SHIFT | flow);
    return flist_cmd(d, list, FLIST_BIND);
}

int nicrx_drv_flist_post(nicrx_drv_t *d, uint32_t list, uint64_t addr, uint32_t size, uint16_t id)
{
    const uint64_t page = 1ull << d->reasm_log2;

    if (!list_ok(d, list)) return -1;
    if (addr & (page - 1)) return fail(d, "flist: buffer 0x%llx not aligned to the %llu-byte page",
                                       (unsigned long long)addr, (unsigned long long)page);
    if (size < page || size > NICRX_FLIST_SIZE_MASK)
        return fail(d, "flist: buffer of %u bytes, the page is %llu (at most %u)", size,
                    (unsigned long long)page, NICRX_FLIST_SIZE_MASK);
    wr(d, NICRX_REG_FLIST_ADDR_LO, (uint32_t)addr);
    wr(d, NICRX_REG_FLIST_ADDR_HI, (uint32_t)(addr >> 32));
    wr(d, NICRX_REG_FLIST_BUF_ID, id);
    wr(d, NICRX_REG_FLIST_SIZE, size);
    return flist_cmd(d, list, FLIST_POST);
}

int nicrx_drv_flist_unbind(nicrx_drv_t *d, uint32_t list)
{
    if (!list_ok(d, list)) return -1;
    return flist_cmd(d, list, FLIST_UNBIND);
}

int nicrx_drv_flist_status(nicrx_drv_t *d, uint32_t list, nicrx_drv_flist_st_t *st)
{
    if (!list_ok(d, list)) return -1;
    if (!d->ops.reg_read) return fail(d, "flist: no register reads");
    wr(d, NICRX_REG_FLIST_SEL, list);
    const uint32_t v = rd(d, NICRX_REG_FLIST_STATUS);
    st->bound = (uint8_t)((v & NICRX_FLIST_STATUS_BOUND_MASK) >> NICRX_FLIST_STATUS_BOUND_SHIFT);
    st->err = (uint8_t)((v & NICRX_FLIST_STATUS_ERR_MASK) >> NICRX_FLIST_STATUS_ERR_SHIFT);
    st->cnt = (uint8_t)((v & NICRX_FLIST_STATUS_CNT_MASK) >> NICRX_FLIST_STATUS_CNT_SHIFT);
    st->head = (uint8_t)((v & NICRX_FLIST_STATUS_HEAD_MASK) >> NICRX_FLIST_STATUS_HEAD_SHIFT);
    return 0;
}

int nicrx_drv_pages(nicrx_drv_t *d, uint32_t rings, uint32_t page_log2, uint32_t align_log2)
{
    if (rings >> NICRX_REASM_RING) return fail(d, "pages: no page ring above %u", NICRX_REASM_RING - 1u);
    if (page_log2 < NICRX_PAGE_LOG2_MIN || page_log2 > NICRX_PAGE_LOG2_MAX)
        return fail(d, "pages: page_log2 %u outside %u..%u", page_log2, NICRX_PAGE_LOG2_MIN, NICRX_PAGE_LOG2_MAX);
    if (align_log2 < NICRX_PAGE_ALIGN_LOG2_MIN || align_log2 > page_log2)
        return fail(d, "pages: align_log2 %u outside %u..%u", align_log2, NICRX_PAGE_ALIGN_LOG2_MIN, page_log2);
    d->pages = rings;
    d->page_log2 = page_log2;
    wr(d, NICRX_REG_XFER_PAGE, rings << NICRX_XFER_PAGE_EN_SHIFT | page_log2 << NICRX_XFER_PAGE_PAGE_LOG2_SHIFT |
                               align_log2 << NICRX_XFER_PAGE_ALIGN_LOG2_SHIFT);
    return 0;
}

int nicrx_drv_post(nicrx_drv_t *d, uint32_t r, uint64_t addr, uint16_t id)
{
    uint8_t desc[NICRX_DESC_BYTES] = { 0 };

    if (r >= NICRX_NUM_FBR || !d->fbr[r].g.size_log2) return fail(d, "post: ring %u not set up", r);
    drv_ring_t *f = &d->fbr[r];
    if (f->posted >= 1u << f->g.size_log2) return fail(d, "post: ring %u full", r);
    uint64_t align = r == NICRX_REASM_RING ? 1ull << d->reasm_log2
                   : d->pages >> r & 1u   ? 1ull << d->page_log2 : NICRX_BUF_ALIGN;
    if (addr % align) return fail(d, "post: buffer 0x%llx not %llu-byte aligned", (unsigned long long)addr,
                                  (unsigned long long)align);
    st64(desc, addr);
    desc[8] = (uint8_t)id;
    desc[9] = (uint8_t)(id >> 8);
    d->ops.mem_write(d->ctx, f->g.base + NICRX_DESC_BYTES * (f->idx & ((1u << f->g.size_log2) - 1u)), desc,
                     sizeof desc);
    f->idx++;
    f->posted++;
    f->dirty = 1;
    return 0;
}

int nicrx_drv_poll(nicrx_drv_t *d, uint32_t q, struct nicrx_cmpl *c)
{
    uint8_t b[NICRX_CMPL_BYTES];

    if (q >= d->ncq) return 0;
    drv_ring_t *cq = &d->cq[q];
    uint32_t n = cq->g.size_log2;
    d->ops.mem_read(d->ctx, cq->g.base + NICRX_CMPL_BYTES * (cq->idx & ((1u << n) - 1u)), b, sizeof b);
    struct nicrx_cmpl rec = { ld64(b), ld64(b + 8), ld64(b + 16), ld64(b + 24) };
    /* the device writes phase 1 on its first pass through the queue, 0 on the next */
    if (nicrx_cmpl_phase(&rec) != (((uint32_t)cq->idx >> n & 1u) ^ 1u)) return 0;
    *c = rec;
    cq->idx++;
    cq->dirty = 1;
    cq->consumed++;
    /* a split frame took two buffers: its header part's and, with a data part, that one's;
     * the device gives a buffer back with its release flag (a page: its last entry) */
    uint32_t r = nicrx_cmpl_ring(&rec), dr = nicrx_cmpl_dring(&rec);
    if (nicrx_cmpl_rel(&rec) && r < NICRX_NUM_FBR && d->fbr[r].posted) d->fbr[r].posted--;
    if (nicrx_cmpl_drel(&rec) && nicrx_cmpl_split(&rec) && nicrx_cmpl_dlen(&rec) && dr < NICRX_NUM_FBR &&
        d->fbr[dr].posted)
        d->fbr[dr].posted--;
    return 1;
}

void nicrx_drv_doorbells(nicrx_drv_t *d)
{
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        if (d->fbr[r].dirty) {
            wr(d, NICRX_REG_FBR(r) + NICRX_FBR_TAIL, d->fbr[r].idx);
            d->fbr[r].dirty = 0;
        }
    for (uint32_t q = 0; q < d->ncq; q++)
        if (d->cq[q].dirty) {
            wr(d, NICRX_REG_CQ(q) + NICRX_CQ_HEAD, d->cq[q].idx);
            d->cq[q].dirty = 0;
        }
}

uint64_t nicrx_drv_consumed(const nicrx_drv_t *d, uint32_t q) { return q < NICRX_MAX_CQ ? d->cq[q].consumed : 0; }

void nicrx_drv_irq_moderation(nicrx_drv_t *d, uint32_t q, uint16_t count, uint16_t time)
{
    wr(d, NICRX_REG_IRQ(q) + NICRX_IRQ_COUNT, count);
    wr(d, NICRX_REG_IRQ(q) + NICRX_IRQ_TIME, time);
}

void nicrx_drv_irq_tick(nicrx_drv_t *d, uint16_t tick) { wr(d, NICRX_REG_IRQ_TICK, tick); }

void nicrx_drv_msix(nicrx_drv_t *d, uint32_t q, uint64_t addr, uint32_t data, int en)
{
    wr(d, NICRX_REG_MSIX(q) + NICRX_MSIX_ADDR_LO, (uint32_t)addr & NICRX_MSIX_ADDR_LO_MASK);
    wr(d, NICRX_REG_MSIX(q) + NICRX_MSIX_ADDR_HI, (uint32_t)(addr >> 32));
    wr(d, NICRX_REG_MSIX(q) + NICRX_MSIX_DATA, data);
    wr(d, NICRX_REG_MSIX(q) + NICRX_MSIX_CTRL, en ? 1u : 0u);
}

void nicrx_drv_rss_key(nicrx_drv_t *d, const uint8_t key[40])
{
    for (uint32_t n = 0; n < 10; n++)
        wr(d, NICRX_REG_RSS_KEY0 + 4 * n, (uint32_t)key[4 * n] | (uint32_t)key[4 * n + 1] << 8 |
                                              (uint32_t)key[4 * n + 2] << 16 | (uint32_t)key[4 * n + 3] << 24);
}

void nicrx_drv_rss_ctrl(nicrx_drv_t *d, uint32_t types, int modulo)
{
    wr(d, NICRX_REG_RSS_CTRL, (types << NICRX_RSS_CTRL_TYPES_SHIFT & NICRX_RSS_CTRL_TYPES_MASK) |
                              (modulo ? NICRX_RSS_CTRL_MODE_MASK : 0));
}

void nicrx_drv_rss_reta(nicrx_drv_t *d, uint32_t first, const uint8_t *queue, uint32_t n)
{
    wr(d, NICRX_REG_RSS_RETA_IADDR, first);
    for (uint32_t i = 0; i < n; i++) wr(d, NICRX_REG_RSS_RETA_IDATA, queue[i]);
}
void nicrx_drv_irq_mask(nicrx_drv_t *d, uint32_t q) { wr(d, NICRX_REG_IRQ(q) + NICRX_IRQ_MASK, 1); }

void nicrx_drv_irq_unmask(nicrx_drv_t *d, uint32_t q)
{
    if (q < d->ncq && d->cq[q].dirty) {
        wr(d, NICRX_REG_CQ(q) + NICRX_CQ_HEAD, d->cq[q].idx);
        d->cq[q].dirty = 0;
    }
    wr(d, NICRX_REG_IRQ(q) + NICRX_IRQ_MASK, 0);
}

int nicrx_drv_counters(nicrx_drv_t *d, uint32_t cnt[NICRX_NUM_COUNTERS])
{
    if (!d->ops.reg_read) return fail(d, "counters: no register reads");
    for (uint32_t i = 0; i < NICRX_NUM_COUNTERS; i++) cnt[i] = rd(d, NICRX_REG_CNT(i));
    return 0;
}

/* Polls reg until its bit 0 reads 0; -1 after limit reads. */
static int wait_clear(nicrx_drv_t *d, uint32_t reg, uint32_t limit, uint32_t *last)
{
    for (uint32_t i = 0; i < limit; i++)
        if (!((*last = rd(d, reg)) & 1u)) return 0;
    return -1;
}

int nicrx_drv_load_program(nicrx_drv_t *d, const uint32_t *words, uint32_t n)
{
    uint32_t v;
    if (!d->ops.reg_read) return fail(d, "load: no register reads");
    if (wait_clear(d, NICRX_REG_PARSER_SWAP, SWAP_POLLS, &v)) return fail(d, "load: a swap stays pending");
    wr(d, NICRX_REG_PARSER_IADDR, 0);
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < NICRX_INSN_WORDS; k++)
            wr(d, NICRX_REG_PARSER_IDATA(k), words[i * NICRX_INSN_WORDS + k]);
    wr(d, NICRX_REG_PARSER_SWAP, 1);
    if (wait_clear(d, NICRX_REG_PARSER_SWAP, SWAP_POLLS, &v)) return fail(d, "load: the swap stays pending");
    return 0;
}

int64_t nicrx_drv_flow_cmd(nicrx_drv_t *d, enum nicrx_flow_cmd cmd, uint32_t sel, nicrx_drv_flow_t *ctx)
{
    uint32_t *win[6] = { &ctx->info, &ctx->seq, &ctx->ack, &ctx->opt, &ctx->time, &ctx->count };
    static const uint32_t regs[6] = { NICRX_REG_FLOW_CTX_INFO, NICRX_REG_FLOW_CTX_SEQ, NICRX_REG_FLOW_CTX_ACK,
                                      NICRX_REG_FLOW_CTX_OPT, NICRX_REG_FLOW_CTX_TIME, NICRX_REG_FLOW_CTX_COUNT };
    uint32_t st;

    if (!d->ops.reg_read) return fail(d, "flow: no register reads");
    if (cmd == NICRX_FLOW_CMD_INSTALL) {
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES / 4u; k++)
            wr(d, NICRX_REG_FLOW_KEY(k), (uint32_t)ctx->key[4 * k] | (uint32_t)ctx->key[4 * k + 1] << 8 |
               (uint32_t)ctx->key[4 * k + 2] << 16 | (uint32_t)ctx->key[4 * k + 3] << 24);
        /* INFO last: docs/registers.md "Flow database" */
        for (uint32_t i = 1; i <= 4; i++) wr(d, regs[i % 4], *win[i % 4]);
    }
    wr(d, NICRX_REG_FLOW_CMD, ((uint32_t)cmd & 3u) | (sel & 0xffu) << 8);
    if (wait_clear(d, NICRX_REG_FLOW_STATUS, FLOW_POLLS, &st)) return fail(d, "flow: still busy");
    if (cmd == NICRX_FLOW_CMD_READ) {
        for (uint32_t i = 0; i < 6; i++) *win[i] = rd(d, regs[i]);
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES / 4u; k++) {
            uint32_t v = rd(d, NICRX_REG_FLOW_KEY(k));
            for (uint32_t b = 0; b < 4; b++) ctx->key[4 * k + b] = (uint8_t)(v >> 8 * b);
        }
    }
    return st;
}

/* ---- re-assembled runs (docs/host-interface.md "Header stripping") ---------------------- */

static uint32_t be16(const uint8_t *p) { return (uint32_t)p[0] << 8 | p[1]; }

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

/* RFC 1071: n bytes as big-endian 16-bit words added to s (an odd last byte padded with
 * zero); a run's 64 KB keep the sum below 2^32, so folding waits for csum_fold. */
static uint32_t csum_add(uint32_t s, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 1u < n; i += 2u) s += be16(p + i);
    if (n & 1u) s += (uint32_t)p[n - 1u] << 8;
    return s;
}

static uint32_t csum_fold(uint32_t s)
{
    while (s >> 16) s = (s & 0xffffu) + (s >> 16);
    return ~s & 0xffffu;
}

int nicrx_drv_run_header(uint8_t *hdr, uint32_t hlen, const struct nicrx_cmpl *run, const uint8_t *data)
{
    if (!hdr || !run || !nicrx_cmpl_run(run) || hlen < 14u) return -1;
    uint32_t et = be16(hdr + 12), l3 = 14, l4, proto;
    for (int v = 0; v < 2 && (et == 0x8100u || et == 0x88a8u) && hlen >= l3 + 4u; v++, l3 += 4u) /* VLAN tags */
        et = be16(hdr + l3 + 2u);
    const uint32_t rlen = nicrx_cmpl_run_len(run);
    if (et == 0x0800u && hlen >= l3 + 20u && hdr[l3] >> 4 == 4) {
        l4 = l3 + (hdr[l3] & 15u) * 4u;
        proto = hdr[l3 + 9u];
    } else if (et == 0x86ddu && hlen >= l3 + 40u && hdr[l3] >> 4 == 6) {
        /* hop-by-hop and destination options move the TCP header; a routing header would
         * change the checksum's destination: refused */
        l4 = l3 + 40u;
        proto = hdr[l3 + 6u];
        while ((proto == 0u || proto == 60u) && hlen >= l4 + 8u) {
            proto = hdr[l4];
            l4 += 8u + 8u * hdr[l4 + 1u];
        }
    } else {
        return -1;
    }
    if (proto != 6u || hlen < l4 + 20u) return -1;
    const uint32_t thl = (hdr[l4 + 12u] >> 4) * 4u, tcp_len = thl + rlen;
    if (thl < 20u || hlen < l4 + thl || (rlen && !data) || l4 - l3 + tcp_len > 0xffffu) return -1;
    uint32_t s;
    if (et == 0x0800u) {
        if (l4 < l3 + 20u) return -1;
        put16(hdr + l3 + 2u, l4 - l3 + tcp_len);   /* total length, then the header checksum */
        put16(hdr + l3 + 10u, 0);
        put16(hdr + l3 + 10u, csum_fold(csum_add(0, hdr + l3, l4 - l3)));
        s = csum_add(0, hdr + l3 + 12u, 8u);       /* pseudo-header: source and destination */
    } else {
        put16(hdr + l3 + 4u, l4 - l3 - 40u + tcp_len); /* payload length: extension headers + TCP */
        s = csum_add(0, hdr + l3 + 8u, 32u);
    }
    /* the sequence number the run's, the ACK number and window its last segment's */
    const uint32_t seq = nicrx_cmpl_run_seq(run), ack = nicrx_cmpl_run_ack(run);
    for (uint32_t i = 0; i < 4u; i++) {
        hdr[l4 + 4u + i] = (uint8_t)(seq >> (24u - 8u * i));
        hdr[l4 + 8u + i] = (uint8_t)(ack >> (24u - 8u * i));
    }
    hdr[l4 + 13u] |= (uint8_t)nicrx_cmpl_run_flags(run);
    put16(hdr + l4 + 14u, nicrx_cmpl_run_win(run));
    put16(hdr + l4 + 16u, 0);
    s += 6u + tcp_len;
    s = csum_add(s, hdr + l4, thl);
    put16(hdr + l4 + 16u, csum_fold(csum_add(s, data, rlen)));
    return (int)(l4 + thl);
}
