/* harness.c - see harness.h. */
#include "harness.h"
#include "imem.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RST_EDGES 4u

struct harness {
    harness_opts_t o;
    capture_t cap;
    sched_t sched;
    host_t host;
    nicrx_model_t *m;
    harness_frame_t *fr;
    uint64_t *cqfifo[NICRX_MAX_CQ];   /* frames delivered by the model, per queue, in order */
    size_t cq_rd[NICRX_MAX_CQ], cq_wr[NICRX_MAX_CQ];
    uint64_t completions[NICRX_MAX_CQ];
    uint64_t drops[NICRX_NUM_REASONS];
    uint64_t delivered_ev, verified, accounted;
    uint64_t k;                       /* calls so far = edges applied */
    uint64_t progress_at;
    uint64_t last_done;               /* cycle the last frame was dropped or its completion seen */
    uint64_t compared;
    uint32_t aw_consts, ar_consts;
    uint64_t inject;                  /* cycle of a forced divergence (self-test), 0: none */
    uint64_t inject_hv;               /* frame whose header vector is corrupted (self-test), UINT64_MAX: none */
    uint8_t consts_set, rtl_seen, finished, final_requested;
    /* Parser programs: prog[0] parses from reset, prog[1] after --swap-at. */
    harness_prog_t prog[2];
    uint32_t step_limit;              /* what nicrx_parse is given: PARSER_CTRL's value */
    uint8_t swap, swap_requested;
    uint64_t swap_req_frame;          /* frames sent when the driver started the swap */
    uint64_t swap_bound;              /* frames from here on were sent after SWAP was written */
    uint64_t first_new;               /* first frame parsed as only the new program does */
    uint64_t nprog[4];                /* frames by which programs' parse they match (bits) */
    uint64_t parsed, steps, steps_max;  /* header vectors seen; instructions they took */
    uint64_t hv_first, hv_last;       /* cycles of the first and the last one */
    int status;
    char msg[512];                    /* the failure line */
};

/* ---- options --------------------------------------------------------------- */

void harness_opts_default(harness_opts_t *o)
{
    memset(o, 0, sizeof *o);
    o->stall = STALL_NONE;
    o->pace = PACE_LINE;
    o->clk_mhz = 156.25;
    o->hang_cycles = 2000000;
    nicrx_params_default(&o->p);
}

const char *harness_usage(void)
{
    return "  --seed N            PRNG seed for AXI backpressure and latencies (default: random, printed)\n"
           "  --stall none|heavy  host AXI profile (default none)\n"
           "  --pace line|b2b|ts  frame pacing: line rate, back to back, capture timestamps (default line)\n"
           "  --clock MHZ         clock for --pace ts (default 156.25)\n"
           "  --summary           print only the report\n"
           "  --max-cycles N      stop with an error after N cycles\n"
           "  --program FILE.bin  parser program the driver loads at bring-up (nicrx-asm -f bin)\n"
           "  --swap-at N --swap-program FILE.bin\n"
           "                      after N frames were sent, load FILE.bin into the shadow bank and swap\n"
           "  --step-limit N      parser step limit per frame, 1..256 (PARSER_CTRL; default 64)\n";
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    if (!s || !*s) return -1;
    *v = strtoull(s, &end, 0);
    return *end ? -1 : 0;
}

int harness_opt(harness_opts_t *o, const char *arg, const char *next, char *err, size_t n)
{
    if (!strcmp(arg, "--summary")) { o->summary = 1; return 1; }
    if (!strcmp(arg, "--seed")) {
        if (parse_u64(next, &o->seed) != 0) { snprintf(err, n, "--seed needs a number"); return -1; }
        o->seed_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--stall")) {
        int v = next ? host_stall_parse(next) : -1;
        if (v < 0) { snprintf(err, n, "--stall takes none or heavy"); return -1; }
        o->stall = v;
        return 2;
    }
    if (!strcmp(arg, "--pace")) {
        int v = next ? sched_pace_parse(next) : -1;
        if (v < 0) { snprintf(err, n, "--pace takes line, b2b or ts"); return -1; }
        o->pace = v;
        return 2;
    }
    if (!strcmp(arg, "--clock")) {
        double v = next ? strtod(next, NULL) : 0;
        if (!(v > 0)) { snprintf(err, n, "--clock takes a frequency in MHz"); return -1; }
        o->clk_mhz = v;
        return 2;
    }
    if (!strcmp(arg, "--max-cycles")) {
        if (parse_u64(next, &o->max_cycles) != 0) { snprintf(err, n, "--max-cycles needs a number"); return -1; }
        return 2;
    }
    if (!strcmp(arg, "--program") || !strcmp(arg, "--swap-program")) {
        if (!next || !*next) { snprintf(err, n, "%s needs a file", arg); return -1; }
        *(arg[2] == 'p' ? &o->program : &o->swap_program) = next;
        return 2;
    }
    if (!strcmp(arg, "--swap-at")) {
        if (parse_u64(next, &o->swap_at) != 0) { snprintf(err, n, "--swap-at needs a frame count"); return -1; }
        o->swap_at_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--step-limit")) {
        uint64_t v;
        if (parse_u64(next, &v) != 0 || v < 1 || v > 256) { snprintf(err, n, "--step-limit takes 1..256"); return -1; }
        o->step_limit = (uint32_t)v;
        return 2;
    }
    return 0;
}

int harness_plusargs(harness_opts_t *o, int argc, char *const *argv, char *err, size_t n)
{
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '+') continue;
        char opt[64];
        const char *eq = strchr(argv[i], '=');
        size_t len = eq ? (size_t)(eq - argv[i]) - 1 : strlen(argv[i]) - 1;
        if (len + 3 > sizeof opt) continue;
        opt[0] = opt[1] = '-';
        for (size_t k = 0; k < len; k++) opt[2 + k] = argv[i][1 + k] == '_' ? '-' : argv[i][1 + k];
        opt[2 + len] = 0;
        if (harness_opt(o, opt, eq ? eq + 1 : NULL, err, n) < 0) return -1;
    }
    return 0;
}

int harness_prog_load(harness_prog_t *p, const char *path, uint32_t imem_depth, char *err, size_t n)
{
    memset(p, 0, sizeof *p);
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, n, "cannot open: %s", strerror(errno)); return -1; }
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    uint8_t b[NICRX_IMEM_MAX * NICRX_INSN_BYTES];
    int bad = size < 0 || fseek(f, 0, SEEK_SET) != 0;
    if (!bad && size > 0 && size % NICRX_INSN_BYTES == 0 && (unsigned long)size / NICRX_INSN_BYTES <= imem_depth)
        bad = fread(b, 1, (size_t)size, f) != (size_t)size;
    fclose(f);
    if (bad) snprintf(err, n, "read error");
    else if (size == 0) snprintf(err, n, "empty program image");
    else if (size % NICRX_INSN_BYTES)
        snprintf(err, n, "%ld bytes is not a program image (a multiple of %u bytes)", size, NICRX_INSN_BYTES);
    else if ((unsigned long)size / NICRX_INSN_BYTES > imem_depth)
        snprintf(err, n, "%ld instructions, IMEM_DEPTH is %u", size / NICRX_INSN_BYTES, imem_depth);
    else {
        p->n = (uint32_t)(size / NICRX_INSN_BYTES);
        for (long i = 0; i < size / 4; i++)
            p->w[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 |
                      (uint32_t)b[4 * i + 3] << 24;
        return 0;
    }
    return -1;
}

/* ---- failures -------------------------------------------------------------- */

static uint64_t cur_frame(const harness_t *h)
{
    return h->sched.last_frame;
}

__attribute__((format(printf, 2, 3)))
static void fail(harness_t *h, const char *fmt, ...)
{
    if (h->status != HARNESS_OK) return;
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char fr[32] = "none";
    if (cur_frame(h) != UINT64_MAX) snprintf(fr, sizeof fr, "%" PRIu64, cur_frame(h));
    snprintf(h->msg, sizeof h->msg, "cycle %" PRIu64 ", frame %s: %s", h->k, fr, what);
    h->status = HARNESS_FAIL;
}

/* ---- model events and host completions ------------------------------------- */

/* The first field in which two header vectors differ, NULL if none. */
static const char *hv_diff(const nicrx_hv_t *a, const nicrx_hv_t *b, uint64_t *va, uint64_t *vb)
{
#define F(name, expr) do { *va = (uint64_t)(a->expr); *vb = (uint64_t)(b->expr); if (*va != *vb) return name; } while (0)
    F("cls", cls); F("l3", l3); F("l4", l4); F("proto", proto); F("vlan_cnt", vlan_cnt);
    F("vlan0", vlan[0]); F("vlan1", vlan[1]); F("frag", frag); F("mf", mf); F("frag_off", frag_off);
    for (int i = 0; i < 16; i += 8) {
        uint64_t x = 0, y = 0, u = 0, v = 0;
        for (int k = 0; k < 8; k++) {
            x = x << 8 | a->src[i + k]; y = y << 8 | b->src[i + k];
            u = u << 8 | a->dst[i + k]; v = v << 8 | b->dst[i + k];
        }
        *va = x; *vb = y; if (x != y) return i ? "src[63:0]" : "src[127:64]";
        *va = u; *vb = v; if (u != v) return i ? "dst[63:0]" : "dst[127:64]";
    }
    F("sport", sport); F("dport", dport); F("seq", seq); F("ack", ack); F("tcp_flags", tcp_flags);
    F("tcp_hlen", tcp_hlen); F("l4_len", l4_len); F("l3_off", l3_off); F("l4_off", l4_off);
    F("pay_off", pay_off); F("truncated", truncated); F("perr", perr); F("hash", hash);
#undef F
    return NULL;
}

/* The frame's header vector must be nicrx_parse() of its bytes with the
 * program that parsed it; with a swap, entirely the old or the new one, and
 * never the old after the new. */
static void check_parse(harness_t *h, uint64_t i, const nicrx_hv_t *model_hv)
{
    const cap_frame_t *cf = &h->cap.f[i];
    nicrx_hv_t bad;
    const nicrx_hv_t *hv = model_hv;
    if (i == h->inject_hv) { /* self-test of this check (tests/t_divergence.sh) */
        bad = *model_hv;
        bad.sport ^= 1u;
        hv = &bad;
    }
    const char *what = NULL;
    uint64_t va = 0, vb = 0;
    uint8_t match = 0;
    for (uint32_t p = 0; p <= h->swap; p++) {
        nicrx_hv_t e;
        uint32_t st = nicrx_parse(h->prog[p].w, h->o.p.imem_depth, cf->data, cf->len, h->o.p.header_bytes,
                                  h->step_limit, &e);
        if (p == 0) {
            h->steps += st;
            if (st > h->steps_max) h->steps_max = st;
        }
        uint64_t x, y;
        const char *d = hv_diff(hv, &e, &x, &y);
        if (!d) match |= (uint8_t)(1u << p);
        else if (!what) { what = d; va = x; vb = y; }
    }
    h->fr[i].prog = match;
    h->nprog[match]++;
    if (!match) {
        fail(h, "frame %" PRIu64 ": header vector differs from nicrx_parse() of its bytes%s on %s: model 0x%" PRIx64
             ", nicrx_parse 0x%" PRIx64, i, h->swap ? " with the old and the new program (old shown)" : "", what, va, vb);
    } else if (match == 2) {
        if (h->first_new == UINT64_MAX) h->first_new = i;
    } else if (match == 1) {
        if (h->first_new != UINT64_MAX)
            fail(h, "frame %" PRIu64 " parsed by the old program after frame %" PRIu64 " was parsed by the new one",
                 i, h->first_new);
        else if (i >= h->swap_bound)
            fail(h, "frame %" PRIu64 " parsed by the old program, but it was sent after PARSER_SWAP was written", i);
    }
}

static void on_event(void *ctx, const nicrx_event_t *ev)
{
    harness_t *h = ctx;
    if (ev->frame >= h->cap.n) {
        fail(h, "model reports an event for frame %" PRIu64 ", beyond the %zu frames sent", ev->frame, h->cap.n);
        return;
    }
    harness_frame_t *f = &h->fr[ev->frame];
    switch (ev->kind) {
    case NICRX_EV_DROP:
        if (f->verdict) { fail(h, "model drops frame %" PRIu64 " twice", ev->frame); return; }
        f->verdict = 2;
        f->reason = (uint8_t)ev->reason;
        if (ev->reason < NICRX_NUM_REASONS) h->drops[ev->reason]++;
        h->accounted++;
        h->progress_at = h->k;
        h->last_done = h->k;
        break;
    case NICRX_EV_PARSED:
        f->has_hv = 1;
        f->hv = *ev->hv;
        if (!h->parsed++) h->hv_first = ev->cycle;
        h->hv_last = ev->cycle;
        check_parse(h, ev->frame, ev->hv);
        break;
    case NICRX_EV_DELIVER:
        if (f->verdict) { fail(h, "model delivers frame %" PRIu64 " after deciding it", ev->frame); return; }
        if (ev->queue >= h->o.p.num_cq) { fail(h, "model delivers to queue %u", ev->queue); return; }
        f->verdict = 1;
        f->queue = ev->queue; f->ring = ev->ring; f->buf_id = ev->buf_id; f->len = ev->len;
        h->cqfifo[ev->queue][h->cq_wr[ev->queue]++] = ev->frame;
        h->delivered_ev++;
        h->progress_at = h->k;
        break;
    default:
        break;
    }
}

static int on_cmpl(void *ctx, uint32_t q, const struct nicrx_cmpl *c, const uint8_t *bytes, uint32_t n)
{
    harness_t *h = ctx;
    h->progress_at = h->k;
    h->last_done = h->k;
    if (nicrx_cmpl_err(c)) {
        fail(h, "completion on queue %u returns buffer 0x%04x with err=1 (descriptor error)", q, nicrx_cmpl_bufid(c));
        return -1;
    }
    if (h->cq_rd[q] == h->cq_wr[q]) {
        fail(h, "completion on queue %u (buffer 0x%04x, %u bytes) for no frame the model delivered there",
             q, nicrx_cmpl_bufid(c), nicrx_cmpl_len(c));
        return -1;
    }
    uint64_t i = h->cqfifo[q][h->cq_rd[q]++];
    harness_frame_t *f = &h->fr[i];
    const cap_frame_t *cf = &h->cap.f[i];
    if (nicrx_cmpl_ring(c) != f->ring || nicrx_cmpl_bufid(c) != f->buf_id || nicrx_cmpl_len(c) != f->len) {
        fail(h, "completion for frame %" PRIu64 " on queue %u: ring %u buf 0x%04x len %u, model says ring %u buf 0x%04x len %u",
             i, q, nicrx_cmpl_ring(c), nicrx_cmpl_bufid(c), nicrx_cmpl_len(c), f->ring, f->buf_id, f->len);
        return -1;
    }
    if (f->len != cf->len || n != cf->len || memcmp(bytes, cf->data, n) != 0) {
        uint32_t at = 0;
        while (at < n && at < cf->len && bytes[at] == cf->data[at]) at++;
        fail(h, "frame %" PRIu64 " in buffer 0x%04x differs from the capture (len %u vs %u, first difference at byte %u)",
             i, f->buf_id, n, cf->len, at);
        return -1;
    }
    if (f->has_hv) {
        const nicrx_hv_t *hv = &f->hv;
        uint64_t w0 = (uint64_t)(hv->l3 & 3u) << NICRX_C0_L3_SHIFT | (uint64_t)(hv->l4 & 3u) << NICRX_C0_L4_SHIFT |
                      (uint64_t)(hv->vlan_cnt != 0) << NICRX_C0_VLAN_BIT | (uint64_t)(hv->frag & 1u) << NICRX_C0_FRAG_BIT;
        uint64_t w1 = hv->hash | (uint64_t)hv->l3_off << NICRX_C1_L3OFF_SHIFT | (uint64_t)hv->l4_off << NICRX_C1_L4OFF_SHIFT |
                      (uint64_t)(hv->vlan_cnt ? hv->vlan[0] & 0xfffu : 0u) << NICRX_C1_VID_SHIFT;
        uint64_t m0 = 0x3full << 34, m1 = (1ull << 60) - 1;
        if ((c->w0 & m0) != w0 || (c->w1 & m1) != w1) {
            fail(h, "completion for frame %" PRIu64 " (w0 0x%016" PRIx64 " w1 0x%016" PRIx64 ") disagrees with the model's header vector",
                 i, c->w0, c->w1);
            return -1;
        }
    }
    f->verified = 1;
    h->verified++;
    h->completions[q]++;
    h->accounted++;
    return 0;
}

/* ---- life cycle ------------------------------------------------------------- */

harness_t *harness_new(const harness_opts_t *o, int *status)
{
    char err[400];
    const char *bad = nicrx_params_check(&o->p);
    if (bad) {
        fprintf(stderr, "nicrx: bad parameters: %s\n", bad);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    if (!o->pcap) {
        fprintf(stderr, "nicrx: no capture file given\n");
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    harness_t *h = calloc(1, sizeof *h);
    if (!h) abort();
    h->o = *o;
    /* Self-test of the divergence path (tests/t_divergence.sh): the model's
     * s_axil_rdata is flipped in the comparison at this cycle. */
    const char *inj = getenv("NICRX_INJECT_DIVERGENCE");
    h->inject = inj ? strtoull(inj, NULL, 0) : 0;
    const char *inj_hv = getenv("NICRX_INJECT_HV");
    h->inject_hv = inj_hv ? strtoull(inj_hv, NULL, 0) : UINT64_MAX;
    if (!h->o.seed_set)
        h->o.seed = ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^ 0x5eed;
    if (capture_load(&h->cap, o->pcap, err, sizeof err) != 0) {
        fprintf(stderr, "nicrx: %s: %s\n", o->pcap, err);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    h->o.pcap = h->cap.path; /* the caller's string may not outlive this call */
    if ((o->swap_program != NULL) != (o->swap_at_set != 0)) {
        fprintf(stderr, "nicrx: --swap-at and --swap-program go together\n");
        capture_free(&h->cap);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    if (o->swap_at_set && o->swap_at > h->cap.n) {
        fprintf(stderr, "nicrx: %s: --swap-at %" PRIu64 ": the capture has %zu frames\n", o->pcap, o->swap_at, h->cap.n);
        capture_free(&h->cap);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    const char *files[2] = { o->program, o->swap_program };
    for (int p = 0; p < 2; p++) {
        if (!files[p]) continue;
        if (harness_prog_load(&h->prog[p], files[p], o->p.imem_depth, err, sizeof err) != 0) {
            fprintf(stderr, "nicrx: %s: %s\n", files[p], err);
            capture_free(&h->cap);
            free(h);
            *status = HARNESS_BADINPUT;
            return NULL;
        }
    }
    if (!o->program) {
        /* IMEM_INIT: the default program, in both banks at configuration. */
        h->prog[0].n = nicrx_default_program_insns;
        memcpy(h->prog[0].w, nicrx_default_program, (size_t)h->prog[0].n * NICRX_INSN_BYTES);
    }
    h->swap = o->swap_program != NULL;
    h->step_limit = o->step_limit ? o->step_limit : NICRX_PARSER_STEP_LIMIT_RESET;
    h->first_new = UINT64_MAX;
    h->swap_bound = UINT64_MAX;
    h->m = nicrx_model_new(&o->p);
    h->fr = calloc(h->cap.n, sizeof *h->fr);
    if (!h->m || !h->fr) abort();
    for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) {
        h->cqfifo[q] = calloc(h->cap.n, sizeof *h->cqfifo[q]);
        if (!h->cqfifo[q]) abort();
    }
    nicrx_model_set_event_fn(h->m, on_event, h);
    sched_init(&h->sched, &h->cap, o->p.data_width / 8, (sched_pace_t)o->pace, o->clk_mhz * 1e6);
    host_init(&h->host, &o->p, (host_stall_t)o->stall, h->o.seed, on_cmpl, h);
    host_parser_setup(&h->host, o->step_limit, o->program ? h->prog[0].w : NULL, h->prog[0].n);
    *status = HARNESS_OK;
    return h;
}

void harness_free(harness_t *h)
{
    if (!h) return;
    nicrx_model_free(h->m);
    host_free(&h->host);
    capture_free(&h->cap);
    for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) free(h->cqfifo[q]);
    free(h->fr);
    free(h);
}

uint32_t harness_expected_consts(const harness_t *h)
{
    /* {id[13], lock[12], prot[11:9], cache[8:5], burst[4:3], size[2:0]} */
    uint32_t size = h->o.p.data_width == 64 ? 3u : 2u;
    return size | 1u << 3 | 3u << 5;
}

void harness_consts(harness_t *h, uint32_t aw_consts, uint32_t ar_consts)
{
    h->aw_consts = aw_consts;
    h->ar_consts = ar_consts;
    h->consts_set = 1;
}

/* ---- the cycle --------------------------------------------------------------- */

static int compare(harness_t *h, const nicrx_out_t *e, const nicrx_out_t *a)
{
    uint64_t dm = h->o.p.data_width == 64 ? ~0ull : (1ull << h->o.p.data_width) - 1;
    uint64_t sm = (1ull << (h->o.p.data_width / 8)) - 1, im = (1ull << h->o.p.num_cq) - 1;
    const struct { const char *n; uint64_t e, a; } f[] = {
        { "m_axi_awvalid", e->m_axi_awvalid, a->m_axi_awvalid },
        { "m_axi_awaddr", e->m_axi_awaddr, a->m_axi_awaddr },
        { "m_axi_awlen", e->m_axi_awlen, a->m_axi_awlen },
        { "m_axi_wvalid", e->m_axi_wvalid, a->m_axi_wvalid },
        { "m_axi_wlast", e->m_axi_wlast, a->m_axi_wlast },
        { "m_axi_wdata", e->m_axi_wdata & dm, a->m_axi_wdata & dm },
        { "m_axi_wstrb", e->m_axi_wstrb & sm, a->m_axi_wstrb & sm },
        { "m_axi_bready", e->m_axi_bready, a->m_axi_bready },
        { "m_axi_arvalid", e->m_axi_arvalid, a->m_axi_arvalid },
        { "m_axi_araddr", e->m_axi_araddr, a->m_axi_araddr },
        { "m_axi_arlen", e->m_axi_arlen, a->m_axi_arlen },
        { "m_axi_rready", e->m_axi_rready, a->m_axi_rready },
        { "s_axil_awready", e->s_axil_awready, a->s_axil_awready },
        { "s_axil_wready", e->s_axil_wready, a->s_axil_wready },
        { "s_axil_bvalid", e->s_axil_bvalid, a->s_axil_bvalid },
        { "s_axil_bresp", e->s_axil_bresp, a->s_axil_bresp },
        { "s_axil_arready", e->s_axil_arready, a->s_axil_arready },
        { "s_axil_rvalid", e->s_axil_rvalid, a->s_axil_rvalid },
        { "s_axil_rresp", e->s_axil_rresp, a->s_axil_rresp },
        { "s_axil_rdata", e->s_axil_rdata, a->s_axil_rdata },
        { "irq", e->irq & im, a->irq & im },
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        if (f[i].e != f[i].a) {
            fail(h, "DIVERGENCE on %s: model 0x%" PRIx64 ", RTL 0x%" PRIx64, f[i].n, f[i].e, f[i].a);
            return -1;
        }
    }
    if (h->consts_set) {
        uint32_t want = harness_expected_consts(h);
        if (h->aw_consts != want || h->ar_consts != want) {
            fail(h, "DIVERGENCE on the constant AXI outputs {id,lock,prot,cache,burst,size}: expected 0x%x, AW 0x%x, AR 0x%x",
                 want, h->aw_consts, h->ar_consts);
            return -1;
        }
    }
    return 0;
}

static void final_checks(harness_t *h)
{
    const uint32_t *c = h->host.cnt;
    uint64_t n = h->cap.n, bytes = 0, dsum = 0;
    /* The ingress length counter saturates at 16 bits (cm_len[15:0]). */
    for (size_t i = 0; i < h->cap.n; i++) bytes += h->cap.f[i].len > 0xffffu ? 0xffffu : h->cap.f[i].len;
    for (uint32_t r = NICRX_REASON_BAD_FRAME; r < NICRX_NUM_REASONS; r++)
        dsum += c[NICRX_CNT_DROP_BAD_FRAME + r - 1];
    if (!(h->host.status & 1u))
        fail(h, "device not idle at the end: STATUS 0x%08x", h->host.status);
    else if (c[NICRX_CNT_RX_FRAMES] != (uint32_t)n)
        fail(h, "RX_FRAMES %u, capture has %" PRIu64 " frames", c[NICRX_CNT_RX_FRAMES], n);
    else if (c[NICRX_CNT_RX_BYTES] != (uint32_t)bytes)
        fail(h, "RX_BYTES %u, capture has %" PRIu64 " bytes", c[NICRX_CNT_RX_BYTES], bytes);
    else if ((uint32_t)(c[NICRX_CNT_DELIVERED] + dsum) != (uint32_t)n)
        fail(h, "DELIVERED %u + drops %" PRIu64 " != %" PRIu64 " frames in", c[NICRX_CNT_DELIVERED], dsum, n);
    else if (c[NICRX_CNT_DELIVERED] != (uint32_t)h->verified)
        fail(h, "DELIVERED %u but the host verified %" PRIu64 " frames", c[NICRX_CNT_DELIVERED], h->verified);
    else if (c[NICRX_CNT_DESC_ERROR] || c[NICRX_CNT_AXI_ERROR])
        fail(h, "DESC_ERROR %u, AXI_ERROR %u (expected 0)", c[NICRX_CNT_DESC_ERROR], c[NICRX_CNT_AXI_ERROR]);
    for (uint32_t r = NICRX_REASON_BAD_FRAME; r < NICRX_NUM_REASONS; r++) {
        uint32_t got = c[NICRX_CNT_DROP_BAD_FRAME + r - 1];
        if (got != (uint32_t)h->drops[r])
            fail(h, "DROP_%s counter %u, model dropped %" PRIu64 " frames for it", nicrx_reason_name(r), got, h->drops[r]);
    }
}

int harness_cycle(harness_t *h, const nicrx_out_t *rtl, const char *xsig, nicrx_in_t *in)
{
    memset(in, 0, sizeof *in);
    if (h->finished) return HARNESS_DONE;
    nicrx_out_t mo;
    nicrx_model_outputs(h->m, &mo);
    const nicrx_out_t *out = &mo;
    /* Outputs after edge k-1 are defined once that edge was out of reset. */
    if (rtl && h->k > RST_EDGES) {
        h->rtl_seen = 1;
        if (xsig)
            fail(h, "DIVERGENCE on %s: RTL drives X or Z", xsig);
        else if (h->inject == h->k && (mo.s_axil_rdata ^= 1u, 0))
            ;
        else if (compare(h, &mo, rtl) == 0)
            h->compared++;
        out = rtl;
    }
    if (h->status != HARNESS_OK) { h->finished = 1; return HARNESS_DONE; }

    uint64_t e = h->k;
    in->rst = e < RST_EDGES;
    if (!in->rst) {
        host_edge(&h->host, e, out, in);
        if (host_configured(&h->host)) {
            if (!h->sched.started) {
                sched_start(&h->sched, e + 1);
                h->progress_at = e;
            }
            uint64_t lf = h->sched.last_frame;
            sched_beat(&h->sched, e, in);
            if (h->sched.last_frame != lf)
                h->progress_at = e;
            if (h->swap && !h->swap_requested && h->sched.next >= h->o.swap_at) {
                host_swap(&h->host, h->prog[1].w, h->prog[1].n);
                h->swap_requested = 1;
                h->swap_req_frame = h->sched.next;
            }
            /* Frames not yet completely sent when SWAP is written commit after it. */
            if (h->swap_requested && h->swap_bound == UINT64_MAX && h->host.load.swap_edge)
                h->swap_bound = h->sched.next;
        }
        const char *he = host_error(&h->host);
        if (he[0]) fail(h, "host: %s", he);
    }
    nicrx_model_step(h->m, in);
    h->k++;

    if (h->status == HARNESS_OK && sched_done(&h->sched) && h->accounted == h->cap.n && !h->final_requested &&
        (!h->swap || h->swap_requested) && !host_loading(&h->host)) {
        h->final_requested = 1;
        host_final(&h->host);
    }
    if (h->status == HARNESS_OK && host_done(&h->host)) {
        final_checks(h);
        h->finished = 1;
        return HARNESS_DONE;
    }
    if (h->status == HARNESS_OK && h->sched.started && h->sched.next > h->accounted &&
        h->k - h->progress_at > h->o.hang_cycles) {
        uint64_t sent = h->sched.next;
        fail(h, "device hung: no progress for %" PRIu64 " cycles, %" PRIu64 " of %zu frames sent, %" PRIu64 " not accounted for",
             h->o.hang_cycles, sent, h->cap.n, sent - (h->accounted < sent ? h->accounted : sent));
    }
    if (h->status == HARNESS_OK && h->o.max_cycles && h->k >= h->o.max_cycles)
        fail(h, "stopped at --max-cycles %" PRIu64, h->o.max_cycles);
    if (h->status == HARNESS_OK && h->k > RST_EDGES + 200000 && !host_configured(&h->host))
        fail(h, "bring-up did not finish in 200000 cycles (register port stuck?)");
    if (h->status != HARNESS_OK) {
        h->finished = 1;
        return HARNESS_DONE;
    }
    return HARNESS_RUN;
}

int harness_status(const harness_t *h) { return h->status; }
uint64_t harness_cycles(const harness_t *h) { return h->k; }
const harness_opts_t *harness_options(const harness_t *h) { return &h->o; }
size_t harness_nframes(const harness_t *h) { return h->cap.n; }
const harness_frame_t *harness_frame(const harness_t *h, size_t i) { return &h->fr[i]; }
const cap_frame_t *harness_cap_frame(const harness_t *h, size_t i) { return &h->cap.f[i]; }

/* ---- report ------------------------------------------------------------------ */

typedef struct flow_key { uint8_t b[37]; } flow_key_t;

static int key_cmp(const void *a, const void *b)
{
    return memcmp(a, b, sizeof(flow_key_t));
}

static size_t count_flows(const harness_t *h)
{
    flow_key_t *k = calloc(h->cap.n ? h->cap.n : 1, sizeof *k);
    if (!k) abort();
    size_t n = 0, u = 0;
    for (size_t i = 0; i < h->cap.n; i++) {
        const harness_frame_t *f = &h->fr[i];
        if (!f->has_hv || !f->hv.l3) continue;
        memcpy(k[n].b, f->hv.src, 16);
        memcpy(k[n].b + 16, f->hv.dst, 16);
        k[n].b[32] = f->hv.proto;
        k[n].b[33] = (uint8_t)(f->hv.sport >> 8); k[n].b[34] = (uint8_t)f->hv.sport;
        k[n].b[35] = (uint8_t)(f->hv.dport >> 8); k[n].b[36] = (uint8_t)f->hv.dport;
        n++;
    }
    qsort(k, n, sizeof *k, key_cmp);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || memcmp(&k[i], &k[i - 1], sizeof *k)) u++;
    free(k);
    return u;
}

void harness_report(const harness_t *h, FILE *f)
{
    static const char *stalls[] = { "none", "heavy" }, *paces[] = { "line", "b2b", "ts" };
    uint64_t dropped = 0;
    for (uint32_t r = 1; r < NICRX_NUM_REASONS; r++) dropped += h->drops[r];
    fprintf(f, "nicrx %s: %s  seed %" PRIu64 "  stall %s  pace %s  DATA_WIDTH %u\n",
            h->rtl_seen ? "lockstep" : "model", h->cap.path, h->o.seed, stalls[h->o.stall],
            paces[h->o.pace], h->o.p.data_width);
    fprintf(f, "  frames in    %" PRIu64 "\n", (uint64_t)h->cap.n);
    fprintf(f, "  delivered    %" PRIu64 " (%" PRIu64 " verified byte-exact)\n", h->delivered_ev, h->verified);
    fprintf(f, "  dropped      %" PRIu64, dropped);
    const char *sep = "  (";
    for (uint32_t r = 1; r < NICRX_NUM_REASONS; r++)
        if (h->drops[r]) { fprintf(f, "%s%s %" PRIu64, sep, nicrx_reason_name(r), h->drops[r]); sep = ", "; }
    fprintf(f, "%s\n", dropped ? ")" : "");
    fprintf(f, "  flows        %zu\n", count_flows(h));
    fprintf(f, "  completions ");
    for (uint32_t q = 0; q < h->o.p.num_cq; q++) fprintf(f, " q%u %" PRIu64, q, h->completions[q]);
    fprintf(f, "\n  cycles       %" PRIu64 " (%.4f frames/cycle)\n", h->k,
            h->k ? (double)h->cap.n / (double)h->k : 0.0);
    /* Throughput while traffic flows: first beat to the last frame's fate,
     * against what the wire could carry (each frame plus 20 bytes). */
    if (h->status == HARNESS_OK && h->sched.started && h->last_done > h->sched.t0) {
        uint64_t wire = 0;
        for (size_t i = 0; i < h->cap.n; i++) wire += h->cap.f[i].len + WIRE_OVERHEAD;
        double span = (double)(h->last_done - h->sched.t0);
        double limit = (double)h->cap.n * (h->o.p.data_width / 8) / (double)wire;
        fprintf(f, "  traffic      cycles %" PRIu64 "..%" PRIu64 ": %.4f frames/cycle, wire limit %.4f (%.1f%%)\n",
                h->sched.t0, h->last_done, (double)h->cap.n / span, limit,
                100.0 * ((double)h->cap.n / span) / limit);
    }
    fprintf(f, "  program      %s (%u instructions), step limit %u\n", h->o.program ? h->o.program : "default",
            h->prog[0].n, h->step_limit);
    /* The parser's pace: header vectors per cycle, and its work (steps of the first program). */
    if (h->parsed)
        fprintf(f, "  parser       %" PRIu64 " frames, %.2f steps per frame (max %" PRIu64 "), hv_valid every %.2f cycles\n",
                h->parsed, (double)h->steps / (double)h->parsed, h->steps_max,
                h->parsed > 1 ? (double)(h->hv_last - h->hv_first) / (double)(h->parsed - 1) : 0.0);
    if (h->swap) {
        fprintf(f, "  swap         to %s (%u instructions) after %" PRIu64 " frames were sent; ", h->o.swap_program,
                h->prog[1].n, h->swap_req_frame);
        if (h->first_new != UINT64_MAX)
            fprintf(f, "the new program parsed from frame %" PRIu64, h->first_new);
        else
            fputs("no frame parsed only by the new program", f);
        fprintf(f, " (frames parsed as only the old program does %" PRIu64 ", only the new %" PRIu64 ", either %" PRIu64
                "; SWAP written at cycle %" PRIu64 ", read 0 at %" PRIu64 ")\n",
                h->nprog[1], h->nprog[2], h->nprog[3], h->host.load.swap_edge, h->host.load.done_edge);
    }
    if (h->status != HARNESS_OK)
        fprintf(f, "FAIL: %s\n", h->msg);
    else if (h->rtl_seen)
        fprintf(f, "RTL and model agree on %" PRIu64 " cycles; all end checks passed\n", h->compared);
    else
        fprintf(f, "model only: %" PRIu64 " cycles; all end checks passed\n", h->k);
}

const char *harness_failure(const harness_t *h) { return h->msg; }
