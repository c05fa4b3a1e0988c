/* rx_host.c - the nicrx model used as a library, through its public headers alone.
 *
 * A minimal driver loop on libnicrx (nicrx_drv.h) around the model: the driver brings the
 * device up over the AXI4-Lite port (ring 0 a page ring with 16 pages of 4 KB holding frames
 * of up to 2048 bytes at 64-byte aligned offsets, ring 1 with 4 buffers of 9216, completion
 * queue 0 only, interrupts moderated: 4 records or 2 µs), the host answers
 * the AXI4 master from its own 128 KB of memory, sends every frame of a capture at about
 * line rate and takes each interrupt NAPI style (mask, poll until empty handing each buffer
 * back once the device releases it, unmask).  It checks that every frame is either
 * delivered -- the model's DELIVER event names a buffer and an offset in it, and the next
 * completion names the same with the frame's length and bytes there -- or dropped, and that the counters
 * read back at the end agree: RX_FRAMES, DELIVERED and each DROP_* counter by reason.
 *
 * usage: rx_host FILE.pcap   prints one line; exit status 0 ok, 1 a check failed, 2 bad input */
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nicrx_drv.h"
#include "nicrx_model.h"

#define MEM_BYTES  0x20000u /* host memory, from address 0 (the device is given none below 0x1000) */
#define CQ_BASE    0x1200u  /* completion queue 0 */
#define CQ_LOG2    6u
#define QMAX       4u       /* AXI4 bursts the slave holds at once */
#define GAP        3u       /* idle cycles after a frame: its preamble and gap, 20 byte times */
#define PAGE_LOG2  12u      /* ring 0's pages: 4 KB, aligned to their size */

/* The free-buffer rings: descriptor ring base, log2 of its size (one buffer per slot),
 * the largest frame it takes (BUF_SIZE), where its buffers start and their stride (a page
 * ring's: the page size).  The header ring (NICRX_HDR_RING) and the re-assembly ring
 * (NICRX_REASM_RING: re-assembly stays off) stay down (log2 0: not set up), so no frame
 * splits and every record names one whole frame. */
static const struct ring {
    uint32_t base, log2, buf_size, buf_base, stride;
} rings[NICRX_NUM_FBR] = { { 0x1000, 4, 2048, 0x2000, 1u << PAGE_LOG2 }, { 0x1100, 2, 9216, 0x12000, 9216 } };

/* A frame the model delivered, in the order its completions come (one queue). */
typedef struct placed {
    uint64_t frame;
    uint32_t ring, buf_id, off;
} placed_t;

typedef struct frame {
    uint8_t *data;
    uint32_t len;
    uint8_t decided; /* the model dropped it or gave it a buffer */
} frame_t;

typedef struct burst {
    uint64_t addr;
    uint32_t beats, done;
} burst_t;

typedef struct host {
    nicrx_model_t *m;
    uint32_t bpb;                         /* bytes per stream beat: DATA_WIDTH / 8 */
    uint32_t abpb;                        /* bytes per host-bus beat: AXI_DATA_WIDTH / 8 */
    frame_t *fr;                          /* the capture */
    size_t n, next;                       /* frames, and the next one to send */
    uint32_t off, gap;                    /* bytes of it sent, idle cycles still to wait */
    int sending;
    burst_t aw[QMAX], ar[QMAX];           /* AXI4 bursts whose address was taken */
    uint32_t aw_n, ar_n, b_n;             /* ... and write responses owed */
    nicrx_drv_t *drv;
    placed_t *placed;                     /* DELIVER events not yet completed, oldest first */
    size_t p_rd, p_wr;
    uint64_t drops[NICRX_NUM_REASONS], dropped, checked;
    char err[256];
    uint8_t mem[MEM_BYTES];
} host_t;

__attribute__((format(printf, 2, 3)))
static void fail(host_t *h, const char *fmt, ...)
{
    va_list ap;

    if (h->err[0]) /* the first failure is the one worth reading */
        return;
    va_start(ap, fmt);
    vsnprintf(h->err, sizeof h->err, fmt, ap);
    va_end(ap);
}

static uint32_t buf_addr(uint32_t r, uint32_t i) { return rings[r].buf_base + i * rings[r].stride; }

/* The host memory of a burst's next beat (INCR, the first beat aligned down to the bus);
 * NULL, failing the run, outside the memory. */
static uint8_t *beat(host_t *h, const burst_t *b, const char *what)
{
    uint64_t a = (b->addr & ~(uint64_t)(h->abpb - 1u)) + (uint64_t)b->done * h->abpb;

    if (a + h->abpb <= MEM_BYTES)
        return h->mem + a;
    fail(h, "AXI4 %s at 0x%" PRIx64 ", outside host memory", what, a);
    return NULL;
}

static void pop(burst_t *q, uint32_t *n)
{
    memmove(q, q + 1, --*n * sizeof *q);
}

/* The AXI4 slave for one edge: ready whenever it has room, read data and the write
 * response one cycle after they are due.  Outside its memory it fails the run. */
static void axi_slave(host_t *h, const nicrx_out_t *o, nicrx_in_t *in)
{
    in->m_axi_bvalid = h->b_n > 0;
    if (in->m_axi_bvalid && o->m_axi_bready) h->b_n--;
    if (h->ar_n) {
        burst_t *r = &h->ar[0];
        const uint8_t *m = beat(h, r, "read");
        for (uint32_t i = 0; m && i < h->abpb; i++)
            in->m_axi_rdata[i / 8] |= (uint64_t)m[i] << 8 * (i % 8);
        in->m_axi_rvalid = 1;
        in->m_axi_rlast = r->done + 1u == r->beats;
        if (o->m_axi_rready && ++r->done == r->beats) pop(h->ar, &h->ar_n);
    }
    in->m_axi_arready = h->ar_n < QMAX;
    if (in->m_axi_arready && o->m_axi_arvalid)
        h->ar[h->ar_n++] = (burst_t){ o->m_axi_araddr, o->m_axi_arlen + 1u, 0 };
    in->m_axi_awready = h->aw_n < QMAX;
    if (in->m_axi_awready && o->m_axi_awvalid)
        h->aw[h->aw_n++] = (burst_t){ o->m_axi_awaddr, o->m_axi_awlen + 1u, 0 };
    in->m_axi_wready = h->aw_n > 0; /* W only for an address already (or just) taken */
    if (in->m_axi_wready && o->m_axi_wvalid) {
        burst_t *w = &h->aw[0];
        uint8_t *m = beat(h, w, "write");
        for (uint32_t i = 0; m && i < h->abpb; i++)
            if (o->m_axi_wstrb >> i & 1u) m[i] = (uint8_t)(o->m_axi_wdata[i / 8] >> 8 * (i % 8));
        if (o->m_axi_wlast != (w->done + 1u == w->beats))
            fail(h, "AXI4 write burst at 0x%" PRIx64 ": wlast on beat %u of %u", w->addr, w->done + 1u, w->beats);
        if (++w->done == w->beats) {
            pop(h->aw, &h->aw_n);
            h->b_n++;
        }
    }
}

/* The MAC: one beat per cycle, GAP idle cycles after each frame. */
static void ingress(host_t *h, nicrx_in_t *in)
{
    if (!h->sending || h->next == h->n)
        return;
    if (h->gap) {
        h->gap--;
        return;
    }
    const frame_t *f = &h->fr[h->next];
    uint32_t k = f->len - h->off < h->bpb ? f->len - h->off : h->bpb;
    for (uint32_t b = 0; b < k; b++)
        in->s_axis_tdata |= (uint64_t)f->data[h->off + b] << 8 * b;
    in->s_axis_tkeep = (uint8_t)((1u << k) - 1u);
    in->s_axis_tvalid = 1;
    h->off += k;
    if (h->off == f->len) {
        in->s_axis_tlast = 1;
        h->next++;
        h->off = 0;
        h->gap = GAP;
    }
}

/* One rising edge: the caller's register-port signals in *in, plus the MAC and the AXI4 slave. */
static void edge(host_t *h, nicrx_in_t *in)
{
    nicrx_out_t o;

    nicrx_model_outputs(h->m, &o);
    axi_slave(h, &o, in);
    ingress(h, in);
    nicrx_model_step(h->m, in);
}

/* One AXI4-Lite access (docs/registers.md "AXI4-Lite timing"): valid held until taken,
 * the response taken when offered.  Frames keep flowing meanwhile. */
static uint32_t reg(host_t *h, int write, uint32_t addr, uint32_t data)
{
    int a_taken = 0, w_taken = !write;

    for (int n = 0; n < 100; n++) {
        nicrx_out_t o;
        nicrx_in_t in = { 0 };

        nicrx_model_outputs(h->m, &o);
        int resp = write ? o.s_axil_bvalid : o.s_axil_rvalid;
        if (write) {
            in.s_axil_awvalid = !a_taken;
            in.s_axil_wvalid = !w_taken;
            in.s_axil_awaddr = (uint16_t)addr;
            in.s_axil_wdata = data;
            in.s_axil_wstrb = 0xf;
            in.s_axil_bready = 1;
            a_taken |= o.s_axil_awready;
            w_taken |= o.s_axil_wready;
        } else {
            in.s_axil_arvalid = !a_taken;
            in.s_axil_araddr = (uint16_t)addr;
            in.s_axil_rready = 1;
            a_taken |= o.s_axil_arready;
        }
        edge(h, &in);
        if (resp) {
            if (write ? o.s_axil_bresp : o.s_axil_rresp) fail(h, "register 0x%03x: error response", addr);
            return o.s_axil_rdata;
        }
    }
    fail(h, "register 0x%03x: no response", addr);
    return 0;
}

static uint32_t rd(host_t *h, uint32_t addr) { return reg(h, 0, addr, 0); }
static void wr(host_t *h, uint32_t addr, uint32_t data) { reg(h, 1, addr, data); }

/* libnicrx's callbacks: registers through the AXI4-Lite port, memory the host's own. */
static void drv_wr(void *ctx, uint32_t addr, uint32_t data) { wr(ctx, addr, data); }
static uint32_t drv_rd(void *ctx, uint32_t addr) { return rd(ctx, addr); }

static uint8_t *span(host_t *h, uint64_t addr, size_t n)
{
    if (addr > MEM_BYTES || n > MEM_BYTES - addr) {
        fail(h, "driver memory access 0x%" PRIx64 "+%zu outside the host's memory", addr, n);
        return NULL;
    }
    return h->mem + addr;
}

static void drv_mw(void *ctx, uint64_t addr, const void *p, size_t n)
{
    uint8_t *d = span(ctx, addr, n);
    if (d) memcpy(d, p, n);
}

static void drv_mr(void *ctx, uint64_t addr, void *p, size_t n)
{
    const uint8_t *s = span(ctx, addr, n);
    if (s) memcpy(p, s, n);
    else memset(p, 0, n);
}

/* Buffer i of ring r back to the device (the doorbell follows). */
static void post(host_t *h, uint32_t r, uint32_t i)
{
    if (nicrx_drv_post(h->drv, r, buf_addr(r, i), (uint16_t)i) != 0) fail(h, "post: %s", nicrx_drv_error(h->drv));
}

/* docs/host-interface.md "Bring-up sequence", through the driver. */
static void bring_up(host_t *h)
{
    static const nicrx_drv_ops_t ops = { drv_wr, drv_rd, drv_mw, drv_mr };
    nicrx_drv_ring_t fbr[NICRX_NUM_FBR], cq = { CQ_BASE, CQ_LOG2, 0 };

    h->drv = nicrx_drv_open(&ops, h);
    if (!h->drv) abort();
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        fbr[r] = (nicrx_drv_ring_t){ rings[r].base, rings[r].log2, rings[r].buf_size };
    /* one queue in use: every frame completes on queue 0 */
    if (nicrx_drv_probe(h->drv) != 0 || nicrx_drv_pages(h->drv, 1u, PAGE_LOG2, 6) != 0 ||
        nicrx_drv_setup(h->drv, fbr, &cq, 1) != 0) {
        fail(h, "bring-up: %s", nicrx_drv_error(h->drv));
        return;
    }
    nicrx_drv_irq_moderation(h->drv, 0, 4, 2);
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++)
        for (uint32_t i = 0; rings[r].log2 && i < 1u << rings[r].log2; i++)
            post(h, r, i);
    nicrx_drv_doorbells(h->drv);
    nicrx_drv_enable(h->drv);
}

/* The model's account of each frame: dropped (and why), or given a buffer. */
static void on_event(void *ctx, const nicrx_event_t *ev)
{
    host_t *h = ctx;

    if (ev->kind != NICRX_EV_DROP && ev->kind != NICRX_EV_DELIVER)
        return;
    if (ev->frame >= h->n || h->fr[ev->frame].decided) {
        fail(h, "frame %" PRIu64 ": decided twice, or no such frame", ev->frame);
    } else if (ev->kind == NICRX_EV_DROP) {
        h->fr[ev->frame].decided = 1;
        h->drops[ev->reason < NICRX_NUM_REASONS ? ev->reason : NICRX_REASON_NONE]++;
        h->dropped++;
    } else if (ev->ring >= NICRX_NUM_FBR || ev->buf_id >= 1u << rings[ev->ring].log2 ||
               ev->off + h->fr[ev->frame].len > rings[ev->ring].stride) {
        fail(h, "frame %" PRIu64 ": delivered into buffer %u of ring %u at %u, not inside it", ev->frame, ev->buf_id,
             ev->ring, ev->off);
    } else {
        h->fr[ev->frame].decided = 1;
        h->placed[h->p_wr++] = (placed_t){ ev->frame, ev->ring, ev->buf_id, ev->off };
    }
}

/* Consumes the valid records of queue 0: each names the buffer and offset where the model
 * delivered the next frame, with its bytes there.  The entry is poisoned (stale bytes never
 * pass a later check) and its buffer posted again once released (a page: with its last
 * entry; one queue, so its entries are all taken by then); one doorbell per ring and queue.
 * Returns the records taken. */
static uint32_t poll(host_t *h)
{
    uint32_t took = 0;
    struct nicrx_cmpl c;

    while (!h->err[0] && nicrx_drv_poll(h->drv, 0, &c)) {
        uint32_t r = nicrx_cmpl_ring(&c), id = nicrx_cmpl_bufid(&c), off = nicrx_cmpl_off(&c);
        const placed_t *p = h->p_rd < h->p_wr ? &h->placed[h->p_rd++] : NULL;
        frame_t *f = p ? &h->fr[p->frame] : NULL;
        if (!f || p->ring != r || p->buf_id != id || p->off != off || nicrx_cmpl_err(&c) || nicrx_cmpl_len(&c) != f->len ||
            memcmp(h->mem + buf_addr(r, id) + off, f->data, f->len)) {
            fail(h, "completion %" PRIu64 " (buffer %u of ring %u at %u, len %u): not the frame delivered there",
                 nicrx_drv_consumed(h->drv, 0), id, r, off, nicrx_cmpl_len(&c));
            return took;
        }
        h->checked++;
        memset(h->mem + buf_addr(r, id) + off, 0xa5, f->len);
        if (nicrx_cmpl_rel(&c)) post(h, r, id);
        took++;
    }
    nicrx_drv_doorbells(h->drv);
    return took;
}

/* NAPI: on queue 0's interrupt, mask it, poll until a pass finds nothing, unmask (the
 * driver writes the head first; records that arrived meanwhile raise the line again). */
static void napi(host_t *h)
{
    nicrx_out_t o;

    nicrx_model_outputs(h->m, &o);
    if (!(o.irq & 1u))
        return;
    nicrx_drv_irq_mask(h->drv, 0);
    while (!h->err[0] && poll(h))
        ;
    nicrx_drv_irq_unmask(h->drv, 0);
}

/* The counters against the events and the host's own account. */
static void check_counters(host_t *h)
{
    uint32_t c[NICRX_NUM_COUNTERS];

    for (int n = 0; !(rd(h, NICRX_REG_STATUS) & 1u); n++)
        if (n == 1000) { fail(h, "device not idle at the end"); return; }
    nicrx_drv_counters(h->drv, c);
    if (c[NICRX_CNT_RX_FRAMES] != h->n)
        fail(h, "RX_FRAMES %u, %zu frames sent", c[NICRX_CNT_RX_FRAMES], h->n);
    if (c[NICRX_CNT_DELIVERED] != h->checked)
        fail(h, "DELIVERED %u, the host checked %" PRIu64, c[NICRX_CNT_DELIVERED], h->checked);
    for (uint32_t r = NICRX_REASON_BAD_FRAME; r < NICRX_NUM_REASONS; r++) /* counters in reason order */
        if (nicrx_reason_total(c, r) != h->drops[r])
            fail(h, "DROP_%s %u, %" PRIu64 " such drops", nicrx_reason_name(r), nicrx_reason_total(c, r),
                 h->drops[r]);
    if (h->drops[NICRX_REASON_NONE] || c[NICRX_CNT_DESC_ERROR] || c[NICRX_CNT_AXI_ERROR])
        fail(h, "a drop without a reason, or DESC_ERROR %u, AXI_ERROR %u", c[NICRX_CNT_DESC_ERROR],
             c[NICRX_CNT_AXI_ERROR]);
}

static int load(host_t *h, const char *path)
{
    char eb[PCAP_ERRBUF_SIZE];
    struct pcap_pkthdr *ph;
    const u_char *d;
    pcap_t *pc = pcap_open_offline(path, eb);

    if (!pc) {
        fprintf(stderr, "rx_host: %s: %s\n", path, eb);
        return -1;
    }
    if (pcap_datalink(pc) != DLT_EN10MB) {
        fprintf(stderr, "rx_host: %s: not an Ethernet capture\n", path);
        pcap_close(pc);
        return -1;
    }
    size_t room = 0;
    int rc;
    while ((rc = pcap_next_ex(pc, &ph, &d)) == 1) {
        if (h->n == room) {
            room = 2 * room + 64;
            h->fr = realloc(h->fr, room * sizeof *h->fr);
            if (!h->fr) abort();
        }
        frame_t *f = &h->fr[h->n++];
        *f = (frame_t){ malloc(ph->caplen + 1u), ph->caplen, 0 }; /* + 1: an empty frame too */
        if (!f->data) abort();
        memcpy(f->data, d, ph->caplen);
    }
    if (rc == -1 || h->n == 0)
        fprintf(stderr, "rx_host: %s: %s\n", path, rc == -1 ? pcap_geterr(pc) : "no frames");
    pcap_close(pc);
    return rc == -1 || h->n == 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    nicrx_params_t p;
    host_t *h = calloc(1, sizeof *h);

    if (argc != 2) {
        fprintf(stderr, "usage: rx_host FILE.pcap\n");
        return 2;
    }
    if (!h || load(h, argv[1]) != 0)
        return 2;
    h->placed = calloc(h->n, sizeof *h->placed);   /* a frame is delivered at most once */
    if (!h->placed) abort();
    nicrx_params_default(&p);
    h->bpb = p.data_width / 8u;
    h->abpb = p.axi_data_width / 8u;
    h->m = nicrx_model_new(&p);
    if (!h->m) abort();
    nicrx_model_set_event_fn(h->m, on_event, h);
    for (int i = 0; i < 4; i++) /* reset, held for a few edges */
        edge(h, &(nicrx_in_t){ .rst = 1 });
    bring_up(h);
    h->sending = 1;
    uint64_t limit = nicrx_model_cycle(h->m) + 100000u + 10000u * h->n;
    while (!h->err[0] && (h->next < h->n || h->dropped + h->checked < h->n)) {
        if (nicrx_model_cycle(h->m) > limit)
            fail(h, "hung: %zu frames sent, %" PRIu64 " accounted for", h->next, h->dropped + h->checked);
        edge(h, &(nicrx_in_t){ 0 });
        napi(h);
    }
    if (!h->err[0])
        check_counters(h);
    int status = h->err[0] ? 1 : 0;
    if (status) {
        fprintf(stderr, "rx_host: %s: %s\n", argv[1], h->err);
    } else {
        printf("rx_host: %s: %zu frames, %" PRIu64 " delivered with their bytes, %" PRIu64 " dropped", argv[1],
               h->n, h->checked, h->dropped);
        for (uint32_t r = NICRX_REASON_BAD_FRAME, k = 0; r < NICRX_NUM_REASONS; r++)
            if (h->drops[r]) printf("%s%s %" PRIu64, k++ ? ", " : " (", nicrx_reason_name(r), h->drops[r]);
        printf("%s; the counters agree\n", h->dropped ? ")" : "");
    }
    nicrx_drv_close(h->drv);
    nicrx_model_free(h->m);
    for (size_t i = 0; i < h->n; i++)
        free(h->fr[i].data);
    free(h->fr);
    free(h);
    return status;
}
