/* axi.c - see axi.h.  One ID, so writes are answered in order and reads
 * return in order; W is taken only for an AW already (or just) accepted. */
#include "axi.h"

#include <stdio.h>
#include <string.h>

void axi_init(axi_slave_t *a, mem_t *mem, uint64_t *rng, const axi_profile_t *prof,
              uint32_t bpb, uint32_t max_burst, axi_check_fn check, void *ctx)
{
    memset(a, 0, sizeof *a);
    a->mem = mem;
    a->rng = rng;
    a->prof = *prof;
    a->bpb = bpb;
    a->max_burst = max_burst;
    a->check = check;
    a->check_ctx = ctx;
}

static void fail(axi_slave_t *a, const char *msg)
{
    if (!a->err[0]) snprintf(a->err, sizeof a->err, "%s", msg);
}

/* Burst bounds: [a0, end) where a0 is addr aligned down to the beat.  A write's last beat
 * may end in strobes that are off (a buffer or a frame ending inside a beat): the region
 * checked at AW ends at that beat's first byte, and each beat's strobed bytes are checked
 * as they come (check_strobes). */
static void check_burst(axi_slave_t *a, const char *ch, uint64_t addr, uint32_t len, int write)
{
    char why[160], msg[256];
    uint64_t a0 = addr & ~(uint64_t)(a->bpb - 1);
    uint64_t end = a0 + (uint64_t)(len + 1) * a->bpb;
    /* a write's first byte may lie past its first beat's start: at least that byte */
    uint64_t reach = write ? (end - a->bpb + 1 > addr ? end - a->bpb + 1 : addr + 1) : end;
    if (write && len + 1 > a->max_burst) {
        snprintf(msg, sizeof msg, "%s burst at 0x%llx has %u beats > MAX_BURST %u", ch,
                 (unsigned long long)addr, len + 1, a->max_burst);
        fail(a, msg);
    }
    if ((a0 >> 12) != ((end - 1) >> 12)) {
        snprintf(msg, sizeof msg, "%s burst at 0x%llx, %u beats, crosses a 4 KB boundary", ch,
                 (unsigned long long)addr, len + 1);
        fail(a, msg);
    }
    if (a->check && a->check(a->check_ctx, addr, reach - addr, write, why, sizeof why) != 0) {
        snprintf(msg, sizeof msg, "%s burst at 0x%llx, %u beats: %s", ch,
                 (unsigned long long)addr, len + 1, why);
        fail(a, msg);
    }
}

/* The bytes a W beat at base writes (strobes strb) lie where the host allows writes. */
static void check_strobes(axi_slave_t *a, uint64_t base, uint32_t strb)
{
    char why[160], msg[256];
    if (!strb || !a->check) return;
    uint32_t lo = (uint32_t)__builtin_ctz(strb), hi = 31u - (uint32_t)__builtin_clz(strb);
    if (a->check(a->check_ctx, base + lo, hi - lo + 1u, 1, why, sizeof why) != 0) {
        snprintf(msg, sizeof msg, "W beat at 0x%llx, bytes %u..%u: %s", (unsigned long long)base, lo, hi, why);
        fail(a, msg);
    }
}

void axi_edge(axi_slave_t *a, uint64_t e, const nicrx_out_t *out, nicrx_in_t *in)
{
    const axi_profile_t *p = &a->prof;
    uint32_t strb_full = (1u << a->bpb) - 1u;

    /* AW */
    in->m_axi_awready = a->aw_n < AXI_QMAX && prng_pct(a->rng, p->aw_pct);
    if (in->m_axi_awready && out->m_axi_awvalid) {
        check_burst(a, "AW", out->m_axi_awaddr, out->m_axi_awlen, 1);
        a->aw[a->aw_n++] = (axi_burst_t){ out->m_axi_awaddr, out->m_axi_awlen + 1u, 0, 0 };
        a->writes++;
    }
    /* W */
    in->m_axi_wready = a->aw_n > 0 && a->b_n < AXI_QMAX * 4 && prng_pct(a->rng, p->w_pct);
    if (in->m_axi_wready && out->m_axi_wvalid) {
        axi_burst_t *w = &a->aw[0];
        uint64_t base = (w->addr & ~(uint64_t)(a->bpb - 1)) + (uint64_t)w->done * a->bpb;
        uint32_t strb = out->m_axi_wstrb & strb_full;
        int last = w->done + 1 == w->beats;
        /* strobes are exact: the first beat's start at the burst's address, every other
         * beat's at bit 0; all ones to the top but on the last beat, which ends anywhere */
        uint32_t lo = w->done == 0 ? (uint32_t)(w->addr & (a->bpb - 1)) : 0;
        uint32_t run = strb >> lo;
        char msg[200];
        if (!!out->m_axi_wlast != last) {
            snprintf(msg, sizeof msg, "W beat %u of a %u-beat burst at 0x%llx has wlast=%u",
                     w->done + 1, w->beats, (unsigned long long)w->addr, out->m_axi_wlast);
            fail(a, msg);
        }
        if (!last && strb != (strb_full & ~((1u << lo) - 1u))) {
            snprintf(msg, sizeof msg, "W beat %u of a %u-beat burst at 0x%llx: wstrb 0x%x not all ones from byte %u",
                     w->done + 1, w->beats, (unsigned long long)w->addr, strb, lo);
            fail(a, msg);
        }
        if (last && ((strb & ((1u << lo) - 1u)) != 0 || run == 0 || (run & (run + 1u)) != 0)) {
            snprintf(msg, sizeof msg, "last W beat of the burst at 0x%llx: wstrb 0x%x not contiguous from byte %u",
                     (unsigned long long)w->addr, strb, lo);
            fail(a, msg);
        }
        check_strobes(a, base, strb);
        /* a run of strobed bytes at a time: one host-memory lookup a run, not a byte */
        uint8_t bytes[16];
        for (uint32_t i = 0; i < a->bpb; i++)
            bytes[i] = (uint8_t)(out->m_axi_wdata[i / 8] >> (8 * (i % 8)));
        for (uint32_t i = 0, j; i < a->bpb; i = j) {
            j = i + 1;
            if (!(strb >> i & 1u)) continue;
            uint64_t ad = base + i;
            if (ad < w->addr) {
                snprintf(msg, sizeof msg, "W strobe below the burst address 0x%llx", (unsigned long long)w->addr);
                fail(a, msg);
                continue;
            }
            while (j < a->bpb && (strb >> j & 1u)) j++;
            mem_write(a->mem, ad, bytes + i, j - i);
        }
        a->wbeats++;
        if (++w->done == w->beats) {
            a->b[a->b_n++] = (axi_burst_t){ w->addr, 0, 0, e + prng_range(a->rng, p->b_lat_min, p->b_lat_max) };
            memmove(&a->aw[0], &a->aw[1], (--a->aw_n) * sizeof a->aw[0]);
        }
    }
    /* B (in order: the front response only) */
    in->m_axi_bresp = 0;
    in->m_axi_bvalid = a->b_n > 0 && a->b[0].t <= e;
    if (in->m_axi_bvalid && out->m_axi_bready)
        memmove(&a->b[0], &a->b[1], (--a->b_n) * sizeof a->b[0]);
    /* AR */
    in->m_axi_arready = a->ar_n < AXI_QMAX && prng_pct(a->rng, p->ar_pct);
    if (in->m_axi_arready && out->m_axi_arvalid) {
        check_burst(a, "AR", out->m_axi_araddr, out->m_axi_arlen, 0);
        a->ar[a->ar_n++] = (axi_burst_t){ out->m_axi_araddr, out->m_axi_arlen + 1u, 0,
                                          e + prng_range(a->rng, p->r_lat_min, p->r_lat_max) };
        a->reads++;
    }
    /* R */
    in->m_axi_rvalid = 0; in->m_axi_rlast = 0; in->m_axi_rresp = 0;
    in->m_axi_rdata[0] = in->m_axi_rdata[1] = 0;
    if (a->ar_n > 0 && a->ar[0].t <= e && (a->r_hold || prng_pct(a->rng, p->r_pct))) {
        axi_burst_t *r = &a->ar[0];
        uint64_t ad = (r->addr & ~(uint64_t)(a->bpb - 1)) + (uint64_t)r->done * a->bpb;
        uint8_t b[16] = { 0 };
        mem_read(a->mem, ad, b, a->bpb);
        for (uint32_t i = 0; i < a->bpb; i++) in->m_axi_rdata[i / 8] |= (uint64_t)b[i] << (8 * (i % 8));
        in->m_axi_rvalid = 1;
        in->m_axi_rlast = r->done + 1 == r->beats;
        a->r_hold = 1;
        if (out->m_axi_rready) {
            a->r_hold = 0;
            a->rbeats++;
            if (++r->done == r->beats)
                memmove(&a->ar[0], &a->ar[1], (--a->ar_n) * sizeof a->ar[0]);
        }
    }
}

int axi_idle(const axi_slave_t *a)
{
    return a->aw_n == 0 && a->b_n == 0 && a->ar_n == 0;
}

void axi_reset(axi_slave_t *a)
{
    a->aw_n = a->b_n = a->ar_n = 0;
    a->r_hold = 0;
}
