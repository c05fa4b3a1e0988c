/* host.c - see host.h. */
#include "host.h"
#include "bytes.h"

#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    TAG_CFG = 0, TAG_ID, TAG_VERSION, TAG_CAPS0, TAG_CAPS1, TAG_ENABLE,
    TAG_STATUS, TAG_PSTATUS, TAG_SWAPRD, TAG_SWAPWR, TAG_FSTATUS, TAG_FPOLL, TAG_RHEAD,
    TAG_UNMASK = 0x60, TAG_FLSTAT = 0x70, TAG_FWIN = 0x80, TAG_CNT0 = 0x100
};

#define STATUS_RETRIES 1000u
#define SWAP_POLLS 100000u
#define FLOW_POLLS 10000u
#define FLIST_POLLS 64u   /* FLIST_STATUS reads after an unbind before bound must read 0 */

/* The context window in the order a READ reads it back (host_flow_res_t). */
#define FLOW_WIN_REGS (6u + NICRX_FLOW_KEY_BYTES / 4u)
static uint32_t flow_win_reg(uint32_t i)
{
    static const uint32_t ctx[6] = { NICRX_REG_FLOW_CTX_INFO, NICRX_REG_FLOW_CTX_SEQ, NICRX_REG_FLOW_CTX_ACK,
                                     NICRX_REG_FLOW_CTX_OPT, NICRX_REG_FLOW_CTX_TIME, NICRX_REG_FLOW_CTX_COUNT };
    return i < 6u ? ctx[i] : NICRX_REG_FLOW_KEY(i - 6u);
}

static const axi_profile_t prof_none  = { 100, 100, 100, 100, 1, 1, 2, 2 };
/* Readies low most of the time, long and varied latencies. */
static const axi_profile_t prof_heavy = { 12, 20, 15, 30, 8, 120, 20, 200 };
/* W ready a quarter of the cycles: at AXI_DATA_WIDTH = 2 x DATA_WIDTH the host bus takes half
 * the line's bytes (2x oversubscription, the RED bench); latencies as prof_none. */
static const axi_profile_t prof_half  = { 100, 25, 100, 100, 1, 1, 2, 2 };

__attribute__((format(printf, 2, 3)))
static void herr(host_t *h, const char *fmt, ...)
{
    if (h->err[0]) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(h->err, sizeof h->err, fmt, ap);
    va_end(ap);
}

static uint32_t ilog2(uint32_t v)
{
    uint32_t l = 0;
    while ((1u << l) < v) l++;
    return l;
}

static void enq(host_t *h, int write, uint32_t addr, uint32_t data, uint32_t tag)
{
    if (h->op_n == HOST_OPS_MAX) { herr(h, "register access queue overflow"); return; }
    h->op[(h->op_head + h->op_n++) % HOST_OPS_MAX] = (host_op_t){ (uint8_t)write, (uint16_t)addr, data, tag };
}

/* Descriptors go into host memory through libnicrx; the doorbell follows. */
static void post(host_t *h, uint32_t r, host_buf_t *b)
{
    b->taken = b->rel_cnt = 0;   /* a page posted again starts with no entry taken */
    /* a starved ring's buffer stays with the host: a write into it is outside every posted buffer */
    b->posted = !(h->starve == r + 1u && h->records >= h->starve_from);
    if (b->posted && nicrx_drv_post(h->drv, r, b->addr, b->id) != 0) herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
}

/* libnicrx's callbacks: register writes join the AXI4-Lite master's queue (so the driver's
 * accesses keep their place and timing), memory is the host's. */
static void drv_reg_write(void *ctx, uint32_t addr, uint32_t data)
{
    host_t *h = ctx;
    uint32_t tag = TAG_CFG;
    for (uint32_t q = 0; q < h->p.num_cq; q++)
        if (addr == NICRX_REG_IRQ(q) + NICRX_IRQ_MASK && !data) tag = TAG_UNMASK + q;
    enq(h, 1, addr, data, tag);
}

static void drv_mem_write(void *ctx, uint64_t addr, const void *p, size_t n) { mem_write(&((host_t *)ctx)->mem, addr, p, n); }
static void drv_mem_read(void *ctx, uint64_t addr, void *p, size_t n) { mem_read(&((host_t *)ctx)->mem, addr, p, n); }

/* The free rings and their buffers, rings above 4 GB so the upper address bits are
 * exercised: ring 0 small, 1 large, 2 header (nicrx_xfer_plan's header parts: 256-byte
 * buffers), 3 re-assembly (2^reasm_log2 pages, 16 unless host_reasm_pages, of
 * 2^HOST_REASM_PAGE_LOG2 bytes, aligned to their size); rings 0 and 2 page rings unless pages_off. */
static void layout(host_t *h)
{
    uint32_t large = h->p.max_frame > 9216 ? (h->p.max_frame + 7u) & ~7u : 9216u;
    const uint32_t log2s[NICRX_NUM_FBR] = { 6, 4, 6, h->reasm_log2 };
    const uint32_t sizes[NICRX_NUM_FBR] = { 2048u, large, 256u, 1u << HOST_REASM_PAGE_LOG2 },
                   pads[NICRX_NUM_FBR] = { 72u, 520u, 40u, 0u };
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        host_fbr_t *f = &h->fbr[r];
        f->base = 0x100000000ull + 0x1000ull * r;
        f->size_log2 = log2s[r];
        f->nbuf = 1u << f->size_log2; /* a full ring: the host may post 2^SIZE_LOG2 */
        f->buf_size = sizes[r];
        f->page = (uint8_t)(!h->pages_off && (r == 0 || r == NICRX_HDR_RING));
        f->region = f->page ? HOST_PAGE_SIZE : f->buf_size;
        /* A stride that is not a multiple of 4 KB makes some buffers straddle pages; a page
         * is aligned to its size. */
        f->buf_stride = f->page ? HOST_PAGE_SIZE : f->buf_size + pads[r];
        f->buf_base = (0x200000000ull << r) + (f->page || r == NICRX_REASM_RING ? 0u : 8u);
        for (uint32_t i = 0; i < f->nbuf; i++)
            f->buf[i] = (host_buf_t){ .addr = f->buf_base + i * f->buf_stride, .id = (uint16_t)((r << 12) | i) };
    }
}

static const nicrx_drv_ops_t drv_ops = { drv_reg_write, NULL, drv_mem_write, drv_mem_read };

/* The buffer lists' pool: re-assembly pages, above ring 3's, list l's at l * FLIST_DEPTH. */
static void layout_flist(host_t *h)
{
    host_fbr_t *f = &h->flb;
    f->nbuf = NICRX_FLIST_LISTS * NICRX_FLIST_DEPTH;
    f->region = f->buf_size = 1u << HOST_REASM_PAGE_LOG2;
    f->buf_stride = f->region;
    f->buf_base = 0x3000000000ull;
    for (uint32_t i = 0; i < f->nbuf; i++)
        f->buf[i] = (host_buf_t){ .addr = f->buf_base + i * f->buf_stride, .id = (uint16_t)(HOST_FLIST_ID | i) };
}

/* A list buffer to list l: through libnicrx, or every flist_bad-th misaligned by half a
 * page (the driver refuses those: written register by register). */
static void flist_post(host_t *h, uint32_t l, host_buf_t *b)
{
    b->posted = 1;
    b->key = h->fl[l].key;
    h->fl[l].ord[h->fl[l].posts++] = (uint8_t)(b->id & 0xffu);
    b->bad = h->flist_bad && ++h->flist_posts % h->flist_bad == 0;
    if (!b->bad) {
        if (nicrx_drv_flist_post(h->drv, l, b->addr, h->flb.region, b->id) != 0)
            herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
        return;
    }
    const uint64_t a = b->addr + (h->flb.region >> 1);
    enq(h, 1, NICRX_REG_FLIST_ADDR_LO, (uint32_t)a, TAG_CFG);
    enq(h, 1, NICRX_REG_FLIST_ADDR_HI, (uint32_t)(a >> 32), TAG_CFG);
    enq(h, 1, NICRX_REG_FLIST_BUF_ID, b->id, TAG_CFG);
    enq(h, 1, NICRX_REG_FLIST_SIZE, h->flb.region, TAG_CFG);
    enq(h, 1, NICRX_REG_FLIST_SEL, l, TAG_CFG);
    enq(h, 1, NICRX_REG_FLIST_CMD, 2, TAG_CFG);
}

/* A record of a flow with port flist_port and no list: the first free list is bound to it
 * and gets flist_n buffers. */
static void flist_bind(host_t *h, const struct nicrx_cmpl *c, const uint8_t *hdr, uint32_t n)
{
    const uint32_t l4 = (uint32_t)NICRX_FIELD(c->w1, NICRX_C1_L4OFF_SHIFT, 8);
    const uint16_t key = (uint16_t)(nicrx_cmpl_gen(c) << 8 | nicrx_cmpl_flow(c));
    uint32_t l;

    if (!h->flist_port || !nicrx_cmpl_gen(c) || NICRX_FIELD(c->w0, NICRX_C0_L4_SHIFT, 2) != 1 || l4 + 4 > n)
        return;
    const uint32_t sp = (uint32_t)hdr[l4] << 8 | hdr[l4 + 1], dp = (uint32_t)hdr[l4 + 2] << 8 | hdr[l4 + 3];
    if (sp != h->flist_port && dp != h->flist_port) return;
    for (l = 0; l < NICRX_FLIST_LISTS; l++)
        if (h->fl[l].bound && h->fl[l].key == key) return;
    for (l = 0; l < NICRX_FLIST_LISTS && h->fl[l].used; l++) {}
    if (l == NICRX_FLIST_LISTS) return;
    h->fl[l].bound = h->fl[l].used = 1;
    h->fl[l].key = key;
    h->fl[l].posts = 0;
    if (nicrx_drv_flist_bind(h->drv, l, (uint8_t)key, (uint8_t)(key >> 8)) != 0) herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
    for (uint32_t j = 0; j < h->flist_n; j++)
        flist_post(h, l, &h->flb.buf[l * NICRX_FLIST_DEPTH + j]);
}

static int check_region(void *ctx, uint64_t addr, uint64_t len, int write, char *why, size_t n)
{
    host_t *h = ctx;
    for (uint32_t r = 0; r <= NICRX_NUM_FBR; r++) {
        /* the rings, then the buffer lists' pool (no ring to read) */
        host_fbr_t *f = r < NICRX_NUM_FBR ? &h->fbr[r] : &h->flb;
        uint64_t ring_end = f->base + (16ull << f->size_log2);
        if (!write) {
            if (r < NICRX_NUM_FBR && addr >= f->base && addr + len <= ring_end) return 0;
            continue;
        }
        if (addr < f->buf_base) continue;
        uint64_t i = (addr - f->buf_base) / f->buf_stride;
        if (i >= f->nbuf) continue;
        host_buf_t *b = &f->buf[i];
        if (addr < b->addr || addr + len > b->addr + f->region) continue;
        if (b->posted && !b->bad) return 0;
        if (b->posted) {
            snprintf(why, n, "writes list buffer 0x%04x, posted misaligned (it must come back by an error completion)", b->id);
            return -1;
        }
        snprintf(why, n, "writes buffer %u of ring %u, which is not posted to the device", b->id, r);
        return -1;
    }
    if (write) {
        /* a message: its AW is checked with one byte, its W beat with its strobes' bytes */
        for (uint32_t q = 0; h->msix && q < h->p.num_cq; q++) {
            if (addr != host_msix_addr(q) || len > 4) continue;
            if (len == 4) {
                h->msix_writes[q]++;
                h->msix_last[q] = h->edge;
            }
            return 0;
        }
        for (uint32_t q = 0; q < h->p.num_cq; q++) {
            host_cq_t *c = &h->cq[q];
            if (addr < c->base || addr + len > c->base + ((uint64_t)NICRX_CMPL_BYTES << c->size_log2)) continue;
            if ((addr - c->base) / NICRX_CMPL_BYTES == (addr + len - 1 - c->base) / NICRX_CMPL_BYTES) return 0;
            snprintf(why, n, "spans two records of completion queue %u", q);
            return -1;
        }
        snprintf(why, n, "outside every posted buffer and completion ring slot");
    } else {
        snprintf(why, n, "read outside the free-buffer rings");
    }
    return -1;
}

int host_stall_parse(const char *name)
{
    if (!strcmp(name, "none")) return STALL_NONE;
    if (!strcmp(name, "heavy")) return STALL_HEAVY;
    if (!strcmp(name, "half")) return STALL_HALF;
    return -1;
}

/* The re-assembly pages' shadow: what the host expects in each byte of ring 3's pages. */
static void alloc_rshadow(host_t *h)
{
    free(h->rshadow);
    h->rshadow = malloc((size_t)h->fbr[NICRX_REASM_RING].nbuf * h->fbr[NICRX_REASM_RING].region);
    if (!h->rshadow) abort();
}

void host_init(host_t *h, const nicrx_params_t *p, host_stall_t stall, uint64_t seed,
               host_cmpl_fn cmpl, void *ctx)
{
    memset(h, 0, sizeof *h);
    h->p = *p;
    h->bpb = p->axi_data_width / 8; /* the host bus */
    h->stall = stall;
    h->rng = seed ? seed : 0x9e3779b97f4a7c15ull;
    h->cmpl = cmpl;
    h->cmpl_ctx = ctx;
    h->irq_reg[0] = h->irq_reg[1] = h->irq_reg[2] = -1;
    h->reasm_log2 = HOST_REASM_RING_LOG2;
    mem_init(&h->mem);
    axi_init(&h->axi, &h->mem, &h->rng, stall == STALL_HEAVY ? &prof_heavy : stall == STALL_HALF ? &prof_half : &prof_none,
             h->bpb, p->max_burst, check_region, h);
    h->poll_min = stall == STALL_HEAVY ? 400 : 1;
    h->poll_max = stall == STALL_HEAVY ? 4000 : 1;

    layout(h);
    layout_flist(h);
    for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) {
        h->cq[q].base = 0x100010000ull + 0x1000ull * q;
        h->cq[q].size_log2 = 6;
    }
    h->qsel = ilog2(p->num_cq);
    h->drv = nicrx_drv_open(&drv_ops, h);
    if (!h->drv) abort();
    uint32_t most = 0;   /* the largest buffer: what one part may fill */
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        if (h->fbr[r].region > most) most = h->fbr[r].region;
    h->scratch = malloc(most);
    if (!h->scratch) abort();
    alloc_rshadow(h);
}

void host_free(host_t *h)
{
    if (h->runs_dump) pcap_dump_close(h->runs_dump);
    h->runs_dump = NULL;
    free(h->runs_pkt);
    h->runs_pkt = NULL;
    free(h->rshadow);
    h->rshadow = NULL;
    free(h->lshadow);
    h->lshadow = NULL;
    mem_free(&h->mem);
    nicrx_drv_close(h->drv);
    h->drv = NULL;
    free(h->scratch);
    h->scratch = NULL;
}

void host_reset(host_t *h)
{
    axi_reset(&h->axi);
    /* a fresh driver: rings, queue heads and phases as libnicrx starts them */
    nicrx_drv_close(h->drv);
    h->drv = nicrx_drv_open(&drv_ops, h);
    if (!h->drv) abort();
    /* the device gives every buffer back with no record: a run still open is abandoned, its
     * merged frames delivered already */
    for (uint32_t r = 0; r <= NICRX_NUM_FBR; r++) {
        host_fbr_t *f = r < NICRX_NUM_FBR ? &h->fbr[r] : &h->flb;   /* the rings, then the lists' pool */
        for (uint32_t i = 0; i < f->nbuf; i++) {
            host_buf_t *b = &f->buf[i];
            b->posted = b->bad = 0;
            b->mseg = 0;
            b->mlen = 0;
            b->rpend = 0;
        }
    }
    memset(h->fl, 0, sizeof h->fl);   /* the device's lists are unbound */
    h->op_head = h->op_n = 0;
    h->aw_done = h->w_done = h->ar_done = h->op_active = 0;
    h->load = (host_loader_t){ .state = HL_IDLE };
    h->fstate = HF_IDLE;
    h->napi_on = h->napi_wait = 0;
    h->enable_queued = 0;
    h->idle_polls = 0;
    h->phase = HP_RESET;
}

static void bringup(host_t *h)
{
    enq(h, 0, NICRX_REG_ID, 0, TAG_ID);
    enq(h, 0, NICRX_REG_VERSION, 0, TAG_VERSION);
    enq(h, 0, NICRX_REG_CAPS0, 0, TAG_CAPS0);
    enq(h, 0, NICRX_REG_CAPS1, 0, TAG_CAPS1);
    nicrx_drv_ring_t fbr[NICRX_NUM_FBR], cq[NICRX_MAX_CQ];
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        fbr[r] = (nicrx_drv_ring_t){ h->fbr[r].base, h->fbr[r].size_log2, h->fbr[r].buf_size };
    if (h->split_off) fbr[NICRX_HDR_RING].size_log2 = 0;   /* not set up: stays disabled */
    if (!h->reasm) fbr[NICRX_REASM_RING].size_log2 = 0;
    else if (nicrx_drv_reasm(h->drv, h->reasm, HOST_REASM_PAGE_LOG2) != 0) herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
    for (uint32_t q = 0; q < h->p.num_cq; q++)
        cq[q] = (nicrx_drv_ring_t){ h->cq[q].base, h->cq[q].size_log2, 0 };
    uint32_t pages = 0;
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        if (h->fbr[r].page) pages |= 1u << r;
    if (pages && nicrx_drv_pages(h->drv, pages, HOST_PAGE_LOG2, HOST_PAGE_ALIGN_LOG2) != 0)
        herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
    if (nicrx_drv_setup(h->drv, fbr, cq, h->p.num_cq) != 0) herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        if (!fbr[r].size_log2) continue;
        /* a page's bytes between and after its entries (a run's after its bytes) must stay as
         * posted (poll checks them) */
        for (uint32_t i = 0; (h->fbr[r].page || r == NICRX_REASM_RING) && i < h->fbr[r].nbuf; i++)
            mem_fill(&h->mem, h->fbr[r].buf[i].addr, 0xa5, h->fbr[r].region);
        for (uint32_t i = 0; i < h->fbr[r].nbuf; i++)
            post(h, r, &h->fbr[r].buf[i]);
        nicrx_drv_doorbells(h->drv);
    }
    enq(h, 0, NICRX_REG_PARSER_STATUS, 0, TAG_PSTATUS);
    enq(h, 0, NICRX_REG_FLOW_STATUS, 0, TAG_FSTATUS);
    static const uint32_t flow_regs[4] = { NICRX_REG_FLOW_CTRL, NICRX_REG_FLOW_THRESH, NICRX_REG_FLOW_TICK,
                                           NICRX_REG_FLOW_AGE };
    for (uint32_t i = 0; i < 4; i++)
        if (h->flow_reg[i] >= 0) enq(h, 1, flow_regs[i], (uint32_t)h->flow_reg[i], TAG_CFG);
    if (h->irq_reg[2] >= 0) nicrx_drv_irq_tick(h->drv, (uint16_t)h->irq_reg[2]);
    if (h->irq_reg[0] >= 0 || h->irq_reg[1] >= 0)
        for (uint32_t q = 0; q < h->p.num_cq; q++)
            nicrx_drv_irq_moderation(h->drv, q, h->irq_reg[0] >= 0 ? (uint16_t)h->irq_reg[0] : NICRX_IRQ_COUNT_RESET,
                                     h->irq_reg[1] >= 0 ? (uint16_t)h->irq_reg[1] : NICRX_IRQ_TIME_RESET);
    for (uint32_t q = 0; h->msix && q < h->p.num_cq; q++)
        nicrx_drv_msix(h->drv, q, host_msix_addr(q), host_msix_data(q), 1);
    if (h->step_limit)
        enq(h, 1, NICRX_REG_PARSER_CTRL, h->step_limit & 0xffu, TAG_CFG);
    if (h->boot_w)
        host_swap(h, h->boot_w, h->boot_n);
    /* CTRL = 1 follows once the program is in (host_edge). */
}

void host_parser_setup(host_t *h, uint32_t step_limit, const uint32_t *w, uint32_t n)
{
    h->step_limit = step_limit;
    h->boot_w = w;
    h->boot_n = n;
}

void host_write(host_t *h, uint32_t addr, uint32_t data)
{
    enq(h, 1, addr, data, TAG_CFG);
}

void host_flow_setup(host_t *h, const int64_t reg[4], host_flow_fn done, void *ctx)
{
    memcpy(h->flow_reg, reg, sizeof h->flow_reg);
    h->flow_done = done;
    h->flow_ctx = ctx;
}

uint64_t host_msix_addr(uint32_t q) { return 0x100030000ull + 0x14ull * q; }
uint32_t host_msix_data(uint32_t q) { return 0x4d534900u | q; }

void host_msix_setup(host_t *h) { h->msix = 1; }
void host_split_off(host_t *h) { h->split_off = 1; }
void host_reasm_on(host_t *h, int mode, host_run_fn run, void *ctx)
{
    h->reasm = (uint8_t)mode;
    h->run = run;
    h->run_ctx = ctx;
}

/* The merged frames' records a run has: every frame's, or with header stripping its first
 * frame's alone (an append has none) */
static uint32_t run_recs(const host_t *h, const host_buf_t *b)
{
    return h->reasm == NICRX_DRV_REASM_STRIP ? 1u : nicrx_cmpl_run_segs(&b->rrun);
}

void host_flist_setup(host_t *h, uint32_t port, uint32_t n, uint32_t bad, uint32_t unbind)
{
    h->flist_port = port;
    h->flist_n = n;
    h->flist_bad = bad;
    h->flist_unbind = unbind;
    if (!h->lshadow) h->lshadow = malloc((size_t)h->flb.nbuf * h->flb.region);
    if (!h->lshadow) abort();
    for (uint32_t i = 0; i < h->flb.nbuf; i++)
        mem_fill(&h->mem, h->flb.buf[i].addr, 0xa5, h->flb.region);
}

void host_starve_ring(host_t *h, uint32_t r, uint64_t from)
{
    h->starve = (uint8_t)(r + 1u);
    h->starve_from = from;
}

void host_reasm_pages(host_t *h, uint32_t log2)
{
    h->reasm_log2 = log2;
    layout(h);
    alloc_rshadow(h);
}

void host_pages_off(host_t *h)
{
    h->pages_off = 1;
    layout(h);
}

void host_irq_setup(host_t *h, const int64_t reg[3], int napi)
{
    memcpy(h->irq_reg, reg, sizeof h->irq_reg);
    h->napi = (uint8_t)(napi != 0);
}

/* NAPI: a line the host has not taken yet masks its queue and starts polling it (a line
 * seen before the unmask write of the last poll is answered is that poll's, stale). */
static void take_irqs(host_t *h, uint8_t irq)
{
    for (uint32_t q = 0; q < h->p.num_cq; q++)
        if ((irq & ~h->napi_on & ~h->napi_wait) >> q & 1u) {
            nicrx_drv_irq_mask(h->drv, q);
            h->napi_on |= (uint8_t)(1u << q);
        }
}

/* NAPI: a poll of a taken queue found it empty: its head, then the unmask (a record that
 * arrived meanwhile raises the line again at the unmask). */
static void napi_done(host_t *h, uint32_t q)
{
    nicrx_drv_irq_unmask(h->drv, q);
    h->napi_on &= (uint8_t)~(1u << q);
    h->napi_wait |= (uint8_t)(1u << q);
    h->unmasks++;
}

void host_flow_start(host_t *h, const host_flow_cmd_t *c)
{
    h->fcmd = *c;
    memset(&h->fres, 0, sizeof h->fres);
    h->fstate = c->cmd == NICRX_FLOW_CMD_INSTALL ? HF_WINDOW : HF_CMD;
}

int host_flow_busy(const host_t *h) { return h->fstate != HF_IDLE; }

/* Queues the flow command's next accesses; called while the register port is free. */
static void flow_step(host_t *h)
{
    const host_flow_cmd_t *c = &h->fcmd;
    switch (h->fstate) {
    case HF_WINDOW:
        for (uint32_t k = 0; k < NICRX_FLOW_KEY_BYTES / 4u; k++)
            enq(h, 1, NICRX_REG_FLOW_KEY(k), (uint32_t)c->key[4 * k] | (uint32_t)c->key[4 * k + 1] << 8 |
                (uint32_t)c->key[4 * k + 2] << 16 | (uint32_t)c->key[4 * k + 3] << 24, TAG_CFG);
        enq(h, 1, NICRX_REG_FLOW_CTX_SEQ, c->seq, TAG_CFG);
        enq(h, 1, NICRX_REG_FLOW_CTX_ACK, c->ack, TAG_CFG);
        enq(h, 1, NICRX_REG_FLOW_CTX_OPT, c->opt, TAG_CFG);
        enq(h, 1, NICRX_REG_FLOW_CTX_INFO, c->info, TAG_CFG);
        h->fstate = HF_CMD;
        break;
    case HF_CMD:
        enq(h, 1, NICRX_REG_FLOW_CMD, (c->cmd & 3u) | (c->sel & 0xffu) << 8, TAG_CFG);
        h->fstate = HF_POLL;
        break;
    case HF_POLL:
        enq(h, 0, NICRX_REG_FLOW_STATUS, 0, TAG_FPOLL);
        break;
    case HF_READ:
        for (uint32_t i = 0; i < FLOW_WIN_REGS; i++)
            enq(h, 0, flow_win_reg(i), 0, TAG_FWIN + i);
        break;
    default:
        break;
    }
}

static void flow_finish(host_t *h)
{
    h->fstate = HF_IDLE;
    if (h->flow_done) h->flow_done(h->flow_ctx, &h->fcmd, &h->fres);
}

static void flow_complete(host_t *h, uint32_t tag, uint32_t rdata)
{
    host_flow_res_t *r = &h->fres;
    if (tag == TAG_FPOLL) {
        if (rdata & 1u) {
            if (++r->polls > FLOW_POLLS) herr(h, "FLOW_STATUS still busy after %u reads", FLOW_POLLS);
            return;
        }
        r->status = rdata;
        if (h->fcmd.cmd == NICRX_FLOW_CMD_READ) h->fstate = HF_READ;
        else flow_finish(h);
    } else {
        uint32_t i = tag - TAG_FWIN;
        uint32_t *ctx[6] = { &r->info, &r->seq, &r->ack, &r->opt, &r->time, &r->count };
        if (i < 6u) {
            *ctx[i] = rdata;
        } else {
            for (uint32_t b = 0; b < 4; b++) r->key[4 * (i - 6u) + b] = (uint8_t)(rdata >> 8 * b);
        }
        if (i == FLOW_WIN_REGS - 1u) flow_finish(h);
    }
}

void host_swap(host_t *h, const uint32_t *w, uint32_t n)
{
    h->load = (host_loader_t){ .w = w, .n = n, .state = HL_CHECK };
}

int host_loading(const host_t *h)
{
    return h->load.state != HL_IDLE && h->load.state != HL_DONE;
}

/* Queues the loader's next access; called while the register port is free. */
static void load_step(host_t *h)
{
    host_loader_t *l = &h->load;
    switch (l->state) {
    case HL_CHECK:
    case HL_POLL:
        enq(h, 0, NICRX_REG_PARSER_SWAP, 0, TAG_SWAPRD);
        break;
    case HL_DATA:
        if (l->next == 0)
            enq(h, 1, NICRX_REG_PARSER_IADDR, 0, TAG_CFG);
        for (uint32_t k = 0; k < NICRX_INSN_WORDS; k++)
            enq(h, 1, NICRX_REG_PARSER_IDATA(k), l->w[l->next * NICRX_INSN_WORDS + k], TAG_CFG);
        if (++l->next == l->n) l->state = HL_SWAP;
        break;
    case HL_SWAP:
        enq(h, 1, NICRX_REG_PARSER_SWAP, 1, TAG_SWAPWR);
        l->state = HL_POLL;
        break;
    default:
        break;
    }
}

static void check_caps(host_t *h, uint32_t tag, uint32_t v)
{
    const nicrx_params_t *p = &h->p;
    uint32_t want;
    switch (tag) {
    case TAG_ID: want = NICRX_ID_VALUE; break;
    case TAG_VERSION: want = NICRX_VERSION_VALUE; break;
    case TAG_CAPS0:
        want = (p->data_width & 0xffu) | (p->num_cq & 0xfu) << 8 | ilog2(p->axi_data_width) << 12 |
               (p->pkt_mem_bytes / 64u) << 16;
        break;
    case TAG_CAPS1:
        want = (p->max_frame & 0xffffu) | ilog2(p->header_bytes) << 16 | ilog2(p->fq_depth) << 20 |
               ilog2(p->desc_depth) << 24 | ilog2(p->max_burst) << 28;
        break;
    case TAG_FSTATUS: /* log2 FLOWS; no command run since reset */
        want = ilog2(p->flows) << 24;
        break;
    default: /* PARSER_STATUS: engines and depth; bank 0 active, no swap pending after reset */
        want = ((p->parse_engines - 1u) & 3u) << 4 | (p->imem_depth & 0x1ffu) << 8;
        break;
    }
    if (v != want) {
        static const char *names[] = { "", "ID", "VERSION", "CAPS0", "CAPS1" };
        herr(h, "bring-up: %s reads 0x%08x, expected 0x%08x",
             tag == TAG_PSTATUS ? "PARSER_STATUS" : tag == TAG_FSTATUS ? "FLOW_STATUS" : names[tag], v, want);
    }
}

static void poll(host_t *h, int all);
static void doorbells(host_t *h);

/* An unbound list's FLIST_STATUS (read with tag TAG_FLSTAT + l): the buffers posted after the
 * first `head` are the host's again. */
static void flist_status(host_t *h, uint32_t l, uint32_t rdata)
{
    const uint8_t head = (uint8_t)((rdata & NICRX_FLIST_STATUS_HEAD_MASK) >> NICRX_FLIST_STATUS_HEAD_SHIFT);
    /* bound reads 1 while a take of the list may still be in flight: read again (a few
     * cycles: docs/host-interface.md "Unbind") */
    if ((rdata & NICRX_FLIST_STATUS_BOUND_MASK) && ++h->fl[l].polls < FLIST_POLLS) {
        enq(h, 1, NICRX_REG_FLIST_SEL, l, TAG_CFG);
        enq(h, 0, NICRX_REG_FLIST_STATUS, 0, TAG_FLSTAT + l);
        return;
    }
    if ((rdata & NICRX_FLIST_STATUS_BOUND_MASK) || (uint8_t)(h->fl[l].posts - head) > NICRX_FLIST_DEPTH) {
        herr(h, "list %u after its unbind: FLIST_STATUS 0x%08x, %u buffers posted since the bind", l, rdata, h->fl[l].posts);
        return;
    }
    for (uint8_t i = head; i != h->fl[l].posts; i++) {
        host_buf_t *b = &h->flb.buf[h->fl[l].ord[i]];
        if (!b->posted || b->mseg) {
            herr(h, "list %u: buffer 0x%04x not taken (FLIST_STATUS.head %u) but %s", l, b->id, head,
                 b->posted ? "holds merged frames" : "returned");
            return;
        }
        b->posted = b->bad = 0;
        h->flist_returned++;
    }
}

static void op_complete(host_t *h, const host_op_t *o, uint64_t e, uint32_t rdata)
{
    switch (o->tag) {
    case TAG_ID: case TAG_VERSION: case TAG_CAPS0: case TAG_CAPS1: case TAG_PSTATUS: case TAG_FSTATUS:
        check_caps(h, o->tag, rdata);
        break;
    case TAG_FPOLL:
        flow_complete(h, o->tag, rdata);
        break;
    case TAG_SWAPWR:
        h->load.swap_edge = e;
        break;
    case TAG_SWAPRD:
        if (rdata & 1u) {
            if (++h->load.polls > SWAP_POLLS) herr(h, "PARSER_SWAP still pending after %u reads", SWAP_POLLS);
        } else if (h->load.state == HL_CHECK) {
            h->load.state = HL_DATA;
        } else {
            h->load.state = HL_DONE;
            h->load.done_edge = e;
        }
        break;
    case TAG_ENABLE:
        h->phase = HP_RUN;
        h->configured_at = e;
        h->next_poll = e + 1;
        break;
    case TAG_STATUS:
        h->status = rdata;
        if (!(rdata & 1u) && ++h->idle_polls < STATUS_RETRIES) {
            /* the flush's run records need CQ room: the host keeps taking records */
            if (h->reasm) {
                poll(h, 1);
                doorbells(h);
            }
            enq(h, 0, NICRX_REG_STATUS, 0, TAG_STATUS);
        } else {
            if (h->reasm) enq(h, 0, NICRX_REG_FBR(NICRX_REASM_RING) + NICRX_FBR_HEAD, 0, TAG_RHEAD);
            /* the flush's run records: every merged frame is in exactly one run by now */
            poll(h, 1);
            for (uint32_t i = 0; i < h->fbr[NICRX_REASM_RING].nbuf + h->flb.nbuf; i++) {
                const uint32_t nr = h->fbr[NICRX_REASM_RING].nbuf;
                const host_buf_t *b = i < nr ? &h->fbr[NICRX_REASM_RING].buf[i] : &h->flb.buf[i - nr];
                if (b->mseg || b->rpend)
                    herr(h, "page 0x%04x holds %u merged frames (STATUS 0x%x after %u reads), %s", b->id, b->mseg, h->status, (unsigned)h->idle_polls,
                         b->rpend ? "fewer than its run record names" : "and no run record closed them");
            }
            for (uint32_t i = 0; i < NICRX_NUM_COUNTERS; i++)
                enq(h, 0, NICRX_REG_CNT(i), 0, TAG_CNT0 + i);
        }
        break;
    case TAG_RHEAD:
        h->reasm_head = rdata;
        break;
    default:
        if (o->tag >= TAG_UNMASK && o->tag < TAG_UNMASK + NICRX_MAX_CQ)
            h->napi_wait &= (uint8_t)~(1u << (o->tag - TAG_UNMASK));
        else if (o->tag >= TAG_FLSTAT && o->tag < TAG_FLSTAT + NICRX_FLIST_LISTS)
            flist_status(h, o->tag - TAG_FLSTAT, rdata);
        else if (o->tag >= TAG_FWIN && o->tag < TAG_FWIN + FLOW_WIN_REGS)
            flow_complete(h, o->tag, rdata);
        else if (o->tag >= TAG_CNT0) {
            h->cnt[o->tag - TAG_CNT0] = rdata;
            if (o->tag - TAG_CNT0 == NICRX_NUM_COUNTERS - 1u) h->phase = HP_DONE;
        }
        break;
    }
}

/* AXI4-Lite master: one access at a time, valid held until ready. */
static void axil_edge(host_t *h, uint64_t e, const nicrx_out_t *out, nicrx_in_t *in)
{
    in->s_axil_awvalid = in->s_axil_wvalid = in->s_axil_bready = 0;
    in->s_axil_arvalid = in->s_axil_rready = 0;
    in->s_axil_awaddr = in->s_axil_araddr = 0;
    in->s_axil_wdata = 0;
    in->s_axil_wstrb = 0;
    if (!h->op_active && h->op_n) {
        h->op_active = 1;
        h->aw_done = h->w_done = h->ar_done = 0;
    }
    if (!h->op_active) {
        if (out->s_axil_bvalid) herr(h, "AXI4-Lite: bvalid with no write outstanding");
        if (out->s_axil_rvalid) herr(h, "AXI4-Lite: rvalid with no read outstanding");
        return;
    }
    host_op_t o = h->op[h->op_head];
    int done = 0;
    uint32_t rdata = 0;
    if (o.write) {
        in->s_axil_awvalid = !h->aw_done;
        in->s_axil_awaddr = o.addr;
        in->s_axil_wvalid = !h->w_done;
        in->s_axil_wdata = o.data;
        in->s_axil_wstrb = 0xf;
        in->s_axil_bready = 1;
        if (out->s_axil_rvalid) herr(h, "AXI4-Lite: rvalid during a write to 0x%03x", (unsigned)o.addr);
        if (out->s_axil_bvalid) {
            if (!(h->aw_done && h->w_done))
                herr(h, "AXI4-Lite: bvalid before AW and W of the write to 0x%03x were taken", (unsigned)o.addr);
            else if (out->s_axil_bresp)
                herr(h, "AXI4-Lite: write to 0x%03x answered bresp %u", (unsigned)o.addr, (unsigned)out->s_axil_bresp);
            done = 1;
        }
        if (in->s_axil_awvalid && out->s_axil_awready) h->aw_done = 1;
        if (in->s_axil_wvalid && out->s_axil_wready) h->w_done = 1;
    } else {
        in->s_axil_arvalid = !h->ar_done;
        in->s_axil_araddr = o.addr;
        in->s_axil_rready = 1;
        if (out->s_axil_bvalid) herr(h, "AXI4-Lite: bvalid during a read of 0x%03x", (unsigned)o.addr);
        if (out->s_axil_rvalid) {
            if (!h->ar_done)
                herr(h, "AXI4-Lite: rvalid before the read of 0x%03x was taken", (unsigned)o.addr);
            else if (out->s_axil_rresp)
                herr(h, "AXI4-Lite: read of 0x%03x answered rresp %u", (unsigned)o.addr, (unsigned)out->s_axil_rresp);
            rdata = out->s_axil_rdata;
            done = 1;
        }
        if (in->s_axil_arvalid && out->s_axil_arready) h->ar_done = 1;
    }
    if (done) {
        h->op_active = 0;
        h->op_head = (h->op_head + 1) % HOST_OPS_MAX;
        h->op_n--;
        h->ops_done++;
        op_complete(h, &o, e, rdata);
    }
}

static void doorbells(host_t *h) { nicrx_drv_doorbells(h->drv); }

/* --runs-pcap: the run as one segment, stamped with the edge it was taken at (in ns: the
 * order, not the time, matters); a header libnicrx cannot rebuild is left out. */
static void dump_run(host_t *h, const host_buf_t *b)
{
    int n = nicrx_drv_run_header(memcpy(h->runs_pkt, b->rhdr, b->rhlen), b->rhlen, &b->rrun, h->scratch);
    if (n < 0) return;
    const uint32_t rlen = nicrx_cmpl_run_len(&b->rrun);
    memcpy(h->runs_pkt + n, h->scratch, rlen);
    struct pcap_pkthdr ph = { .caplen = (uint32_t)n + rlen, .len = (uint32_t)n + rlen };
    ph.ts.tv_sec = (time_t)(h->edge / 1000000000u);
    ph.ts.tv_usec = (suseconds_t)(h->edge / 1000u % 1000000u);
    pcap_dump(h->runs_dump, &ph, h->runs_pkt);
}

int host_runs_pcap(host_t *h, const char *path, char *err, size_t n)
{
    pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
    h->runs_pkt = malloc(HOST_RHDR_MAX + ((size_t)1 << HOST_REASM_PAGE_LOG2));
    if (!dead || !h->runs_pkt) abort();
    h->runs_dump = pcap_dump_open(dead, path);
    if (!h->runs_dump) snprintf(err, n, "%s", pcap_geterr(dead));
    pcap_close(dead);
    return h->runs_dump ? 0 : -1;
}

/* A run's end (docs/host-interface.md "Run record"): the page of the re-assembly ring holds
 * the merged frames' bytes in order, [0, rlen) as their records left them and every other
 * byte as the host posted it; the page goes back to the ring. */
static int run_finish(host_t *h, host_buf_t *b)
{
    const int lst = (b->id & HOST_FLIST_ID) != 0;
    host_fbr_t *f = lst ? &h->flb : &h->fbr[NICRX_REASM_RING];
    const uint32_t idx = b->id & 0xfffu;

    const int strip = h->reasm == NICRX_DRV_REASM_STRIP;
    const uint32_t rlen = nicrx_cmpl_run_len(&b->rrun), rseq = nicrx_cmpl_run_seq(&b->rrun);
    /* stripped: the first frame's record names [0, mlen), the appends the rest (their ACK
     * number and window are checked by run, from the capture) */
    if ((strip ? rlen < b->mlen : rlen != b->mlen) || rseq != b->mseq) {
        herr(h, "run record for page 0x%04x: %u bytes from sequence %u; the %u frames merged into it: %u bytes from %u",
             b->id, rlen, rseq, b->mseg, b->mlen, b->mseq);
        return -1;
    }
    if (!strip && (nicrx_cmpl_run_ack(&b->rrun) != b->mack || nicrx_cmpl_run_win(&b->rrun) != b->mwin)) {
        herr(h, "run record for page 0x%04x: ACK %u window %u; its last merged frame's TCP header: ACK %u window %u",
             b->id, nicrx_cmpl_run_ack(&b->rrun), nicrx_cmpl_run_win(&b->rrun), b->mack, b->mwin);
        return -1;
    }
    mem_read(&h->mem, b->addr, h->scratch, f->region);
    const uint8_t *sh = (lst ? h->lshadow : h->rshadow) + (size_t)idx * f->region;
    for (uint32_t i = 0; i < f->region; i++)
        if (h->scratch[i] != (i < b->mlen ? sh[i] : i < rlen ? h->scratch[i] : 0xa5)) {
            herr(h, "page 0x%04x: byte %u of a run of %u bytes is not %s", b->id, i, rlen,
                 i < rlen ? "its merged frames' byte" : "as the host posted it");
            return -1;
        }
    if (strip && h->run && h->run(h->run_ctx, &b->rrec, b->rhdr, b->rhlen, h->scratch, b->mlen, &b->rrun) != 0)
        return -1;
    if (h->runs_dump) dump_run(h, b);
    mem_fill(&h->mem, b->addr, 0xa5, rlen);
    h->runs++;
    h->run_segs += nicrx_cmpl_run_segs(&b->rrun);
    b->mseg = 0;
    b->mlen = 0;
    b->rpend = 0;
    if (!lst) {
        post(h, NICRX_REASM_RING, b);
        return 0;
    }
    /* a list buffer goes back to its list while the list is bound; after its flist_unbind-th
     * run the list is unbound and FLIST_STATUS read: the buffers it had not taken come back */
    const uint32_t l = idx / NICRX_FLIST_DEPTH;
    h->flist_runs++;
    h->flist_bytes += rlen;
    b->posted = 0;
    if (!h->fl[l].bound) return 0;
    if (h->flist_unbind && ++h->fl[l].runs == h->flist_unbind) {
        h->fl[l].bound = 0;
        h->flist_unbinds++;
        if (nicrx_drv_flist_unbind(h->drv, l) != 0) herr(h, "libnicrx: %s", nicrx_drv_error(h->drv));
        enq(h, 0, NICRX_REG_FLIST_STATUS, 0, TAG_FLSTAT + l);
        return 0;
    }
    flist_post(h, l, b);
    return 0;
}

/* The page or list buffer a run's buf_id names (posted), with its pool and shadow; NULL if none. */
static host_buf_t *run_buf(host_t *h, uint32_t id, host_fbr_t **pf, uint8_t **shadow)
{
    const int lst = (id & HOST_FLIST_ID) != 0;
    host_fbr_t *f = lst ? &h->flb : &h->fbr[NICRX_REASM_RING];
    const uint32_t idx = id & 0xfffu;

    if ((lst ? (id & 0x7000u) != 0 || !h->lshadow : (id >> 12) != NICRX_REASM_RING) || idx >= f->nbuf || !f->buf[idx].posted)
        return NULL;
    *pf = f;
    *shadow = (lst ? h->lshadow : h->rshadow) + (size_t)idx * f->region;
    return &f->buf[idx];
}

/* A list buffer holds its list's flow only ("Buffer lists"); a ring 3 run of a bound flow is
 * a fallback (its list was empty, or the run opened before the bind). */
static int run_flow_ok(host_t *h, const host_buf_t *b, const struct nicrx_cmpl *c, uint32_t q)
{
    const uint16_t key = (uint16_t)(nicrx_cmpl_gen(c) << 8 | nicrx_cmpl_flow(c));

    if ((b->id & HOST_FLIST_ID) && key != b->key) {
        herr(h, "record on queue %u puts flow %u gen %u's payload into list buffer 0x%04x of flow %u gen %u", q,
             key & 0xffu, key >> 8, b->id, b->key & 0xffu, b->key >> 8);
        return -1;
    }
    return 0;
}

/* A run record: it names a page of the re-assembly ring and the frames merged into it; the
 * run ends once the host has taken all of them (a sweep's record on CQ 0 may come before
 * some of theirs on other queues). */
static int run_record(host_t *h, uint32_t q, const struct nicrx_cmpl *c)
{
    host_fbr_t *f;
    uint8_t *sh;
    const uint32_t id = nicrx_cmpl_bufid(c), segs = nicrx_cmpl_run_segs(c);
    host_buf_t *b = nicrx_cmpl_ring(c) == NICRX_REASM_RING ? run_buf(h, id, &f, &sh) : NULL;

    if (!b) {
        herr(h, "run record on queue %u names page 0x%04x of ring %u, not a page posted to the re-assembly ring "
             "or a buffer list", q, id, nicrx_cmpl_ring(c));
        return -1;
    }
    if (run_flow_ok(h, b, c, q) != 0) return -1;
    if (!(id & HOST_FLIST_ID))
        for (uint32_t l = 0; l < NICRX_FLIST_LISTS; l++)
            h->flist_ring3_runs += h->fl[l].bound && h->fl[l].key == (nicrx_cmpl_gen(c) << 8 | nicrx_cmpl_flow(c));
    if (!segs || b->rpend || b->mseg > segs || !nicrx_cmpl_rel(c) || nicrx_cmpl_cnt(c) != segs || nicrx_cmpl_len(c) ||
        nicrx_cmpl_err(c) || nicrx_cmpl_merged(c)) {
        herr(h, "run record on queue %u for page 0x%04x: %u segments (release %u, count %u%s); %u frames merged into it "
             "so far", q, id, segs, nicrx_cmpl_rel(c), nicrx_cmpl_cnt(c), b->rpend ? ", a run record pending" : "", b->mseg);
        return -1;
    }
    b->rpend = 1;
    b->rrun = *c;
    h->run_why[nicrx_cmpl_run_reason(c) % NICRX_NUM_REASM_REASONS]++;
    return b->mseg == run_recs(h, b) ? run_finish(h, b) : 0;
}

static void poll(host_t *h, int all)
{
    for (uint32_t q = 0; q < h->p.num_cq; q++) {
        uint64_t found = nicrx_drv_consumed(h->drv, q);
        struct nicrx_cmpl rec;
        if (h->napi && !all && !(h->napi_on >> q & 1u))
            continue;
        while (nicrx_drv_poll(h->drv, q, &rec)) {
            if (nicrx_cmpl_run(&rec)) {
                h->records++;
                if (run_record(h, q, &rec) != 0) return;
                continue;
            }
            if (nicrx_cmpl_err(&rec) && nicrx_cmpl_ring(&rec) == NICRX_REASM_RING && (nicrx_cmpl_bufid(&rec) & HOST_FLIST_ID)) {
                /* a list buffer posted misaligned comes back alone; posted again to its list */
                const uint32_t idx = nicrx_cmpl_bufid(&rec) & 0x7fffu;
                host_buf_t *lb = idx < h->flb.nbuf ? &h->flb.buf[idx] : NULL;
                if (!lb || !lb->posted || !lb->bad) {
                    herr(h, "error completion on queue %u returns list buffer 0x%04x, %s", q, nicrx_cmpl_bufid(&rec),
                         lb && lb->posted ? "posted aligned" : "not posted");
                    return;
                }
                h->records++;
                h->flist_bad_back++;
                lb->posted = lb->bad = 0;
                if (h->fl[idx / NICRX_FLIST_DEPTH].bound) flist_post(h, idx / NICRX_FLIST_DEPTH, lb);
                continue;
            }
            /* the first part (a split frame's header part, else the whole frame) and a split
             * frame's data part, gathered into one frame */
            const uint32_t nparts = nicrx_cmpl_split(&rec) && nicrx_cmpl_dlen(&rec) ? 2u : 1u;
            const uint32_t ring[2] = { nicrx_cmpl_ring(&rec), nicrx_cmpl_dring(&rec) };
            const uint32_t id[2] = { nicrx_cmpl_bufid(&rec), nicrx_cmpl_dbufid(&rec) };
            const uint32_t len[2] = { nicrx_cmpl_len(&rec), nicrx_cmpl_dlen(&rec) };
            const uint32_t off[2] = { nicrx_cmpl_off(&rec), nicrx_cmpl_doff(&rec) };
            const uint32_t rel[2] = { nicrx_cmpl_rel(&rec), nicrx_cmpl_drel(&rec) };
            const uint32_t cnt[2] = { nicrx_cmpl_cnt(&rec), nicrx_cmpl_dcnt(&rec) };
            host_buf_t *b[2] = { NULL, NULL };
            uint32_t got[2] = { 0, 0 }, n = 0;
            for (uint32_t k = 0; k < nparts; k++) {
                uint32_t idx = id[k] & 0xfffu;
                host_fbr_t *f = ring[k] < NICRX_NUM_FBR ? &h->fbr[ring[k]] : NULL;
                uint8_t *sh = NULL;
                if (ring[k] == NICRX_REASM_RING ? !(b[k] = run_buf(h, id[k], &f, &sh))
                                                : !f || (id[k] >> 12) != ring[k] || idx >= f->nbuf || !f->buf[idx].posted) {
                    herr(h, "completion on queue %u names buffer 0x%04x, not a buffer posted to ring %u", q, id[k], ring[k]);
                    return;
                }
                if (ring[k] != NICRX_REASM_RING) b[k] = &f->buf[idx];
                if (ring[k] == NICRX_REASM_RING) {
                    /* a data part merged into its flow's run: right after the run's bytes so
                     * far, in the page until the run record; its sequence number, ACK number
                     * and window are the TCP header's, in the header part (k = 0) */
                    host_buf_t *pb = b[k];
                    const uint32_t l4 = (uint32_t)NICRX_FIELD(rec.w1, NICRX_C1_L4OFF_SHIFT, 8);
                    if (k != 1 || !nicrx_cmpl_merged(&rec) || rel[k] || cnt[k] || off[k] != pb->mlen ||
                        off[k] + len[k] > f->region || l4 + 16u > len[0] || (pb->rpend && pb->mseg >= run_recs(h, pb)) ||
                        len[0] > HOST_RHDR_MAX) {
                        herr(h, "completion on queue %u: merged part in page 0x%04x at offset %u (%u bytes, entry %u, "
                             "release %u) does not follow the run's %u bytes", q, id[k], off[k], len[k], cnt[k], rel[k], pb->mlen);
                        return;
                    }
                    if (run_flow_ok(h, pb, &rec, q) != 0) return;
                    mem_read(&h->mem, pb->addr + off[k], h->scratch + n, len[k]);
                    memcpy(sh + off[k], h->scratch + n, len[k]);
                    pb->mack = be32(h->scratch + l4 + 8);
                    pb->mwin = (uint16_t)be16(h->scratch + l4 + 14);
                    if (!pb->mseg) {
                        pb->mseq = be32(h->scratch + l4 + 4);
                        /* the header a stripped run's host rebuilds the merged segment's from */
                        memcpy(pb->rhdr, h->scratch, len[0]);
                        pb->rhlen = (uint16_t)len[0];
                        pb->rrec = rec;
                    }
                    pb->mseg++;
                    pb->mlen += len[k];
                    got[k] = len[k];
                    n += got[k];
                    continue;
                }
                /* a buffer that is not a page holds one entry at offset 0 and comes back with it */
                if (f->page ? off[k] % (1u << HOST_PAGE_ALIGN_LOG2) || off[k] + len[k] > f->region || !cnt[k] ||
                              cnt[k] > HOST_PAGE_SIZE >> HOST_PAGE_ALIGN_LOG2 || (rel[k] && b[k]->rel_cnt)
                            : off[k] || !rel[k] || cnt[k] != 1) {
                    herr(h, "completion on queue %u: part %u in buffer 0x%04x at offset %u (%u bytes, entry %u, release %u) "
                         "is not an entry of a %s", q, k, id[k], off[k], len[k], cnt[k], rel[k],
                         f->page ? "page (or releases it twice)" : "single-entry buffer");
                    return;
                }
                got[k] = len[k] < f->region ? len[k] : f->region;
                mem_read(&h->mem, b[k]->addr + off[k], h->scratch + n, got[k]);
                n += got[k];
                b[k]->taken++;
                if (rel[k]) b[k]->rel_cnt = (uint16_t)cnt[k];
            }
            h->records++;
            flist_bind(h, &rec, h->scratch, n);
            if (h->cmpl && h->cmpl(h->cmpl_ctx, q, &rec, h->scratch, n) != 0)
                return;
            /* Poison the entries so stale bytes never pass the next check; a buffer goes back
             * once released and all its entries taken (a page's may be on other queues). */
            for (uint32_t k = 0; k < nparts; k++) {
                host_fbr_t *f = &h->fbr[ring[k]];
                if (ring[k] == NICRX_REASM_RING) {
                    /* the run record gives the page back: the run ends with its last frame */
                    if (b[k]->rpend && b[k]->mseg == run_recs(h, b[k]) && run_finish(h, b[k]) != 0) return;
                    continue;
                }
                if (!f->page) {
                    mem_fill(&h->mem, b[k]->addr, 0xa5, got[k]);
                    post(h, ring[k], b[k]);
                    continue;
                }
                mem_fill(&h->mem, b[k]->addr + off[k], 0xa5, got[k]);
                if (b[k]->rel_cnt && b[k]->taken > b[k]->rel_cnt) {
                    herr(h, "page 0x%04x: %u entries taken, its release said %u", id[k], b[k]->taken, b[k]->rel_cnt);
                    return;
                }
                if (!b[k]->rel_cnt || b[k]->taken != b[k]->rel_cnt) continue;
                /* nothing outside its entries changed: every byte is the poison again */
                mem_read(&h->mem, b[k]->addr, h->scratch, f->region);
                for (uint32_t i = 0; i < f->region; i++)
                    if (h->scratch[i] != 0xa5) {
                        herr(h, "page 0x%04x: byte %u written outside every entry the device named", id[k], i);
                        return;
                    }
                post(h, ring[k], b[k]);
            }
        }
        if (h->napi && !all && nicrx_drv_consumed(h->drv, q) == found)
            napi_done(h, q);
    }
}

void host_edge(host_t *h, uint64_t e, const nicrx_out_t *out, nicrx_in_t *in)
{
    h->edge = e;
    if (h->phase == HP_RESET) {
        h->phase = HP_BRINGUP;
        bringup(h);
    }
    axi_edge(&h->axi, e, out, in);
    if (h->napi && h->phase == HP_RUN)
        take_irqs(h, out->irq);
    if (h->phase == HP_RUN && e >= h->next_poll) {
        poll(h, 0);
        h->next_poll = e + prng_range(&h->rng, h->poll_min, h->poll_max);
    }
    /* Batch doorbells: ring them only when the register port is free. */
    if (h->phase == HP_RUN && h->op_n == 0)
        doorbells(h);
    if (h->op_n == 0 && host_loading(h))
        load_step(h);
    if (h->op_n == 0 && h->phase == HP_RUN && h->fstate != HF_IDLE)
        flow_step(h);
    if (h->phase == HP_BRINGUP && h->op_n == 0 && !host_loading(h) && !h->enable_queued) {
        enq(h, 1, NICRX_REG_CTRL, 1, TAG_ENABLE);
        h->enable_queued = 1;
    }
    axil_edge(h, e, out, in);
}

int host_configured(const host_t *h) { return h->phase >= HP_RUN; }
int host_done(const host_t *h) { return h->phase == HP_DONE; }

void host_final(host_t *h)
{
    if (h->phase != HP_RUN) return;
    poll(h, 1);
    doorbells(h);
    h->phase = HP_FINAL;
    /* close every open run (REASM_CTRL.flush): STATUS.idle waits for the flush's pass and
     * its run records, which the host takes before it reads the counters */
    if (h->reasm) {
        enq(h, 1, NICRX_REG_REASM_CTRL, NICRX_REASM_CTRL_EN_MASK | NICRX_REASM_CTRL_FLUSH_MASK |
            (h->reasm == NICRX_DRV_REASM_STRIP ? NICRX_REASM_CTRL_STRIP_MASK : 0u) |
            HOST_REASM_PAGE_LOG2 << NICRX_REASM_CTRL_PAGE_LOG2_SHIFT, TAG_CFG);
        enq(h, 0, NICRX_REG_REASM_CTRL, 0, TAG_CFG);   /* a read between: the flush is under way by then */
    }
    enq(h, 0, NICRX_REG_STATUS, 0, TAG_STATUS);
}

const char *host_error(const host_t *h)
{
    return h->err[0] ? h->err : h->axi.err;
}
