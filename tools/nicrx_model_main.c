/* nicrx_model_main.c - the nicrx-model CLI: runs the model alone, driven by
 * the harness's host and frame scheduler, and prints one JSON object per
 * frame (JSON Lines, frame order), or with --summary the report only.  With
 * --parse-only it runs no timing model: nicrx_parse() on every frame, and
 * --trace-parser prints the instructions it executes for chosen frames
 * (disassembled by the assembler's library, which the model does not use). */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nicrx_asm.h"
#include "nicrx_model.h"

/* A JSON line under way: keys are appended to it and it goes out in one fwrite
 * (an fprintf per key took most of --fast's time).  2 KB holds the longest line,
 * every class named and both addresses IPv6. */
typedef struct line {
    char b[2048];
    size_t n;
} line_t;

static void put_n(line_t *l, const char *s, size_t k)
{
    memcpy(l->b + l->n, s, k);
    l->n += k;
}

static void put_s(line_t *l, const char *s) { put_n(l, s, strlen(s)); }

/* a string literal, its length known at compile time */
#define PUT_LIT(l, lit) put_n(l, lit, sizeof lit - 1)

/* v in base 10, or 16 (lower case); the base a constant of each caller, so the
 * division is a multiplication */
static inline void put_base(line_t *l, uint64_t v, unsigned base)
{
    char t[20];
    int k = 0;

    do t[k++] = "0123456789abcdef"[v % base]; while (v /= base);
    while (k) l->b[l->n++] = t[--k];
}

static void put_u(line_t *l, uint64_t v) { put_base(l, v, 10u); }

/* ,"key":v or ,"key":null when the value does not apply (key: a string literal) */
#define put_key(l, key, applies, v) put_val(l, ",\"" key "\":", sizeof ",\"" key "\":" - 1, applies, v)
static void put_val(line_t *l, const char *head, size_t k, int applies, uint64_t v)
{
    put_n(l, head, k);
    if (applies) put_u(l, v); else PUT_LIT(l, "null");
}

static void put_addr(line_t *l, uint8_t l3, const uint8_t *a)
{
    l->b[l->n++] = '"';
    if (l3 == 1) {
        for (int i = 0; i < 4; i++) {
            if (i) l->b[l->n++] = '.';
            put_u(l, a[i]);
        }
        l->b[l->n++] = '"';
        return;
    }
    /* IPv6, RFC 5952: lower case, the longest run (>= 2) of zero groups as "::". */
    uint16_t g[8];
    for (int i = 0; i < 8; i++) g[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    int best = -1, bestlen = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && g[j] == 0) j++;
        if (j - i > bestlen) { best = i; bestlen = j - i; }
        i = j > i ? j : i + 1;
    }
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            put_s(l, "::");
            i += bestlen - 1;
            continue;
        }
        if (i > 0 && i != best + bestlen) l->b[l->n++] = ':';
        put_base(l, g[i], 16u);
    }
    l->b[l->n++] = '"';
}

/* The parse keys of one frame (after "i", "len" and the verdict), each
 * preceded by a comma; null where the layer is absent. */
static void put_hv(line_t *l, const nicrx_hv_t *hv)
{
    static const char *l3s[] = { "null", "\"ipv4\"", "\"ipv6\"", "null" };
    static const char *l4s[] = { "null", "\"tcp\"", "\"udp\"", "\"other\"" };
    int l3 = hv->l3 == 1 || hv->l3 == 2, tcp = hv->l4 == 1, tu = hv->l4 == 1 || hv->l4 == 2;

    put_s(l, ",\"l3\":");
    put_s(l, l3s[hv->l3 & 3]);
    put_s(l, ",\"l4\":");
    put_s(l, l4s[hv->l4 & 3]);
    put_s(l, ",\"src\":");
    if (l3) put_addr(l, hv->l3, hv->src); else put_s(l, "null");
    put_s(l, ",\"dst\":");
    if (l3) put_addr(l, hv->l3, hv->dst); else put_s(l, "null");
    put_key(l, "proto", l3, hv->proto);
    put_key(l, "sport", tu, hv->sport);
    put_key(l, "dport", tu, hv->dport);
    put_s(l, ",\"vlan\":[");
    for (uint32_t v = 0; v < hv->vlan_cnt && v < 2; v++) {
        if (v) l->b[l->n++] = ',';
        put_u(l, hv->vlan[v]);
    }
    l->b[l->n++] = ']';
    put_key(l, "l3_off", hv->l3 != 0, hv->l3_off);
    put_key(l, "l4_off", hv->l4 != 0, hv->l4_off);
    if (hv->l3 == 1) {
        put_s(l, ",\"frag\":{\"offset\":");
        put_u(l, hv->frag_off);
        put_s(l, hv->mf ? ",\"mf\":true}" : ",\"mf\":false}");
    } else {
        put_s(l, ",\"frag\":null");
    }
    put_key(l, "seq", tcp, hv->seq);
    put_key(l, "ack", tcp, hv->ack);
    put_key(l, "tcp_flags", tcp, hv->tcp_flags);
    put_key(l, "tcp_hdr_len", tcp, hv->tcp_hlen);
    put_key(l, "l4_len", tu, hv->l4_len);
    put_key(l, "pay_off", tu, hv->pay_off);
    put_s(l, ",\"class\":[");
    for (uint32_t b = 0, k = 0; b < NICRX_NUM_CLASS; b++) {
        if (!(hv->cls >> b & 1u)) continue;
        put_s(l, k++ ? ",\"" : "\"");
        put_s(l, nicrx_class_name(b));
        l->b[l->n++] = '"';
    }
    put_s(l, hv->perr ? "],\"parse_error\":true" : "],\"parse_error\":false");
    put_s(l, hv->truncated ? ",\"truncated\":true" : ",\"truncated\":false");
    put_key(l, "hash", 1, hv->hash);
}

/* {"i":I,"len":L,"steps":S, the head of every line */
static void put_head(line_t *l, size_t i, uint32_t len, uint32_t steps)
{
    l->n = 0;
    put_s(l, "{\"i\":");
    put_u(l, i);
    put_key(l, "len", 1, len);
    put_key(l, "steps", 1, steps);
}

static void put_end(line_t *l, FILE *f)
{
    put_s(l, "}\n");
    fwrite(l->b, 1, l->n, f);
}

/* ---- --trace-parser ------------------------------------------------------------ */

/* The next item of a frame list "N,N-M,...": returns 1 with [*lo, *hi] and *p
 * past it, 0 at the end, -1 when malformed. */
static int frames_next(const char **p, uint64_t *lo, uint64_t *hi)
{
    char *end;

    if (!**p)
        return 0;
    if (!isdigit((unsigned char)**p))
        return -1;
    *lo = *hi = strtoull(*p, &end, 10);
    if (*end == '-') {
        if (!isdigit((unsigned char)end[1]))
            return -1;
        *hi = strtoull(end + 1, &end, 10);
    }
    if ((*end && *end != ',') || (*end == ',' && !end[1]) || *hi < *lo)
        return -1;
    *p = *end ? end + 1 : end;
    return 1;
}

/* Whether frame i is in the list (NULL: every frame). */
static int frame_chosen(const char *list, uint64_t i)
{
    uint64_t lo, hi;

    if (!list)
        return 1;
    while (frames_next(&list, &lo, &hi) > 0)
        if (i >= lo && i <= hi)
            return 1;
    return 0;
}

typedef struct trace_ctx {
    FILE *f;
    size_t frame;
    uint32_t depth; /* the disassembler's program length: IMEM_DEPTH */
} trace_ctx_t;

static void put_classes(FILE *f, uint32_t bits)
{
    for (uint32_t b = 0, k = 0; b < NICRX_NUM_CLASS; b++)
        if (bits >> b & 1u) fprintf(f, "%s%s", k++ ? "," : "", nicrx_class_name(b));
}

/* One line per instruction: where, what (disassembled), what it read and
 * decided, and what it changed. */
static void trace_step(void *ctx, const nicrx_parse_step_t *s)
{
    const trace_ctx_t *t = ctx;
    FILE *f = t->f;
    nicrx_insn_t in;

    nicrx_insn_decode(s->insn, &in);
    fprintf(f, "frame %zu step %u pc %u: ", t->frame, s->step, s->pc);
    nicrx_disasm_insn(s->insn, s->pc, t->depth, f);
    fprintf(f, " | cur %u", s->before.cur);
    if (s->nbytes) fprintf(f, ", read %u at %u", s->nbytes, s->addr);
    if (s->truncated) { fputs(": past the header, truncated, end\n", f); return; }
    if (s->nbytes) fprintf(f, " = 0x%0*" PRIx64, (int)(2 * s->nbytes), s->raw);
    fprintf(f, ", operand 0x%04x, val %u: %s, next pc %u", s->operand, s->val, s->taken ? "true" : "false",
            s->next_pc);
    if (in.dst && in.dst < NICRX_NUM_DST) fprintf(f, "; stored 0x%" PRIx64, s->stored);
    if (s->after.cur != s->before.cur) fprintf(f, "; cur %u", s->after.cur);
    if (s->after.l3 != s->before.l3) fprintf(f, "; l3 %u", s->after.l3);
    if (s->after.l4 != s->before.l4) fprintf(f, "; l4 %u", s->after.l4);
    if (s->after.cls != s->before.cls) { fputs("; class +", f); put_classes(f, s->after.cls & ~s->before.cls); }
    if (s->ended) fputs(s->limit ? "; step limit, end" : "; end", f);
    fputc('\n', f);
}

/* nicrx_parse of one frame with the program of --program (or the default one;
 * imem: IMEM_DEPTH instructions, the rest 0) and the step limit of --step-limit;
 * traced on stdout when tc is not NULL.  Returns the instructions executed. */
static uint32_t parse_frame(const uint32_t *imem, const harness_opts_t *o, const cap_frame_t *cf, nicrx_hv_t *hv,
                            trace_ctx_t *tc)
{
    return nicrx_parse_trace(imem, o->p.imem_depth, cf->data, cf->len, o->p.header_bytes,
                             o->step_limit ? o->step_limit : NICRX_PARSER_STEP_LIMIT_RESET, hv,
                             tc ? trace_step : NULL, tc);
}

/* The flow block's decision (NICRX_EV_FLOW), null for a frame that never reached it. */
/* the transfer's class and the parts written, {ring, buffer, offset, len} each: a whole
 * frame is one part from its buffer's start; a split frame its header part and, with bytes
 * after the headers, its data part, each from its own buffer's start */
static void put_part(line_t *l, uint32_t ring, uint32_t buf, uint32_t off, uint32_t len)
{
    PUT_LIT(l, "{\"ring\":");
    put_u(l, ring);
    PUT_LIT(l, ",\"buffer\":");
    put_u(l, buf);
    PUT_LIT(l, ",\"offset\":");
    put_u(l, off);
    PUT_LIT(l, ",\"len\":");
    put_u(l, len);
    PUT_LIT(l, "}");
}

static void put_parts(line_t *l, const harness_frame_t *fr, uint32_t len)
{
    if (fr->verdict != 1) {
        PUT_LIT(l, ",\"xfer\":null,\"parts\":null");
        return;
    }
    put_s(l, fr->split ? ",\"xfer\":\"split\"" : fr->ring == 1 ? ",\"xfer\":\"large\"" : ",\"xfer\":\"small\"");
    PUT_LIT(l, ",\"parts\":[");
    put_part(l, fr->ring, fr->buf_id, fr->off, fr->split ? len - fr->dlen : len);
    if (fr->dlen) {
        PUT_LIT(l, ",");
        put_part(l, fr->dring, fr->dbuf_id, fr->doff, fr->dlen);
    }
    PUT_LIT(l, "]");
}

static void put_flow(line_t *l, const harness_frame_t *fr)
{
    int seen = fr->flow_seen && fr->opcode < NICRX_NUM_OPCODES && fr->flow_event < NICRX_NUM_FLOW_EVENTS;

    put_key(l, "flow", seen, fr->flow);
    put_key(l, "gen", seen, fr->gen);
    put_key(l, "opcode", seen, fr->opcode);
    if (!seen) {
        put_s(l, ",\"op\":null,\"flow_event\":null");
        return;
    }
    put_s(l, ",\"op\":\"");
    put_s(l, nicrx_opcode_name(fr->opcode));
    put_s(l, "\",\"flow_event\":\"");
    put_s(l, nicrx_flow_event_name(fr->flow_event));
    l->b[l->n++] = '"';
}

/* RED's decision (NICRX_EV_RED): avg in words, the drop probability, the verdict; null
 * with RED off at bring-up (--red-mode 0, as the fast model always is) or before RED. */
static void put_red(line_t *l, const harness_opts_t *o, const harness_frame_t *fr)
{
    char b[96];

    if (o->red[RED_OPT_MODE] <= 0 || !fr->red) {
        put_s(l, ",\"red\":null");
        return;
    }
    snprintf(b, sizeof b, ",\"red\":{\"avg\":%.3f,\"p\":%.6f,\"drop\":%s}", fr->red_avg / 256.0,
             fr->red_pd ? (double)fr->red_pn / fr->red_pd : 0.0,
             fr->red == 3 ? "\"forced\"" : fr->red == 2 ? "\"early\"" : "false");
    put_s(l, b);
}

/* Frame i's line, from the cycle model's run or the fast model's (the same keys). */
static void put_frame(FILE *f, const harness_opts_t *o, const uint32_t *imem, size_t i, const harness_frame_t *fr,
                      const cap_frame_t *cf)
{
    line_t l;
    nicrx_hv_t hv;
    uint32_t steps;

    if (fr->has_hv) {
        hv = fr->hv;
        steps = fr->steps;
    } else { /* dropped before the parser: the same parse, for the record */
        steps = parse_frame(imem, o, cf, &hv, NULL);
    }
    put_head(&l, i, cf->len, steps);
    put_s(&l, fr->has_hv ? ",\"parsed\":true,\"verdict\":\"" : ",\"parsed\":false,\"verdict\":\"");
    put_s(&l, fr->verdict == 1 ? "delivered" : fr->verdict == 2 ? "dropped" : fr->verdict == 3 ? "lost" : "pending");
    put_s(&l, "\",\"reason\":");
    if (fr->verdict == 2) {
        l.b[l.n++] = '"';
        put_s(&l, nicrx_reason_name(fr->reason));
        l.b[l.n++] = '"';
    } else {
        put_s(&l, "null");
    }
    put_hv(&l, &hv);
    put_key(&l, "queue", fr->verdict == 1, fr->queue);
    put_key(&l, "rss_hash", fr->verdict == 1, fr->rss_hash);
    put_key(&l, "rss_type", fr->verdict == 1, fr->rss_type);
    /* a no_buf drop names the ring it waited for */
    put_key(&l, "ring", fr->verdict == 1 || (fr->verdict == 2 && fr->reason == NICRX_REASON_NO_BUF), fr->ring);
    put_key(&l, "buffer", fr->verdict == 1, fr->buf_id);
    /* the batching hint depends on timing: null in the fast model, which queues nothing */
    put_s(&l, fr->verdict != 1 || !fr->queued ? ",\"more\":null" : fr->more_cnt ? ",\"more\":true" : ",\"more\":false");
    put_key(&l, "more_cnt", fr->verdict == 1 && fr->queued, fr->more_cnt);
    put_parts(&l, fr, cf->len);
    put_flow(&l, fr);
    put_red(&l, o, fr);
    put_end(&l, f);
}

/* The capture of a run without the harness; HARNESS_OK, or HARNESS_BADINPUT after the message. */
static int load_capture(const harness_opts_t *o, capture_t *c)
{
    char err[200];

    if (capture_load(c, o->pcap, err, sizeof err) == 0)
        return HARNESS_OK;
    fprintf(stderr, "%s: %s: %s\n", o->prog, o->pcap, err);
    return HARNESS_BADINPUT;
}

/* The end of a run without the harness: the warning of a capture cut short
 * (what was done with its frames: how), the status, the capture freed. */
static int end_capture(const harness_opts_t *o, capture_t *c, const char *how)
{
    int st = HARNESS_OK;

    fflush(stdout);
    if (c->cut[0]) {
        fprintf(stderr, "%s: %s: warning: the capture is cut short after %zu complete frames (%s); those were %s\n",
                o->prog, o->pcap, c->n, c->cut, how);
        st = HARNESS_CUT;
    }
    capture_free(c);
    return st;
}

/* --parse-only: no timing model, no host; every frame of the capture, the
 * frames of trace (with --trace-parser; NULL: all) traced before their line. */
static int parse_only(const harness_opts_t *o, const uint32_t *imem, int tracing, const char *trace)
{
    capture_t c;
    static char obuf[1 << 16];

    if (load_capture(o, &c) != HARNESS_OK)
        return HARNESS_BADINPUT;
    const char *p = trace;
    uint64_t lo, hi;
    while (trace && frames_next(&p, &lo, &hi) > 0) {
        if (hi >= c.n) {
            fprintf(stderr, "%s: --trace-parser: frame %" PRIu64 " is not in %s (%zu frames, from 0)\n", o->prog,
                    hi, o->pcap, c.n);
            capture_free(&c);
            return HARNESS_BADINPUT;
        }
    }
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    for (size_t i = 0; i < c.n; i++) {
        nicrx_hv_t hv;
        trace_ctx_t tc = { stdout, i, o->p.imem_depth };
        uint32_t steps = parse_frame(imem, o, &c.f[i], &hv, tracing && frame_chosen(trace, i) ? &tc : NULL);

        line_t l;

        put_head(&l, i, c.f[i].len, steps);
        put_hv(&l, &hv);
        put_end(&l, stdout);
    }
    return end_capture(o, &c, "parsed");
}

/* --fast: an entry of len bytes in ring r: its buffer's id and offset; a page ring's pages
 * fill as nicrx_page fills them (taken[r]: buffers ring r has given back, poff[r]: the next
 * entry's offset in its page). */
static uint16_t fast_place(const host_t *h, uint32_t r, uint32_t len, uint64_t *taken, uint16_t *poff, uint32_t *off)
{
    const host_fbr_t *b = &h->fbr[r];
    const uint16_t id = b->buf[taken[r] % b->nbuf].id;
    const uint32_t amsk = (1u << HOST_PAGE_ALIGN_LOG2) - 1u;
    const uint32_t lim = b->buf_size < HOST_PAGE_SIZE ? b->buf_size : HOST_PAGE_SIZE;

    *off = b->page ? poff[r] : 0;
    if (!b->page || nicrx_page_ends(poff[r], len, nicrx_page_base(HOST_PAGE_SIZE, lim, amsk))) {
        taken[r]++;
        poff[r] = 0;
    } else {
        poff[r] = nicrx_page_next(poff[r], len, amsk);
    }
    return id;
}

/* --fast: the functional model (nicrx_fast_*) configured as the harness's host
 * brings the device up, every frame decided in capture order; the lines are
 * the cycle model's (docs/report.md "Fast mode").  The host hands buffers out
 * as it posts them: each ring's own in turn, a consumed one posted again behind
 * the others, so the k-th frame a ring takes gets its buffer k mod ring size. */
static int fast_run(const harness_opts_t *o, const uint32_t *imem)
{
    capture_t c;
    static host_t host;
    static char obuf[1 << 16];
    uint64_t taken[NICRX_NUM_FBR] = { 0 };
    uint16_t poff[NICRX_NUM_FBR] = { 0 };
    int st = load_capture(o, &c);

    if (st != HARNESS_OK)
        return st;
    nicrx_fast_t *f = nicrx_fast_new(&o->p);
    if (!f) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        capture_free(&c);
        return HARNESS_FAIL;
    }
    nicrx_fast_load_program(f, imem, o->p.imem_depth);
    host_init(&host, &o->p, STALL_NONE, 1, NULL, NULL);
    if (o->pages_off) host_pages_off(&host);
    /* the bring-up's configuration (tb/host.c): rings, queues, queue select, the
     * flow registers and the step limit given, then CTRL */
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        if (r == NICRX_HDR_RING && o->split_off) continue;
        nicrx_fast_write_reg(f, NICRX_REG_FBR(r) + NICRX_FBR_BUF_SIZE, host.fbr[r].buf_size);
        nicrx_fast_write_reg(f, NICRX_REG_FBR(r) + NICRX_FBR_CTRL, 1);
    }
    for (uint32_t q = 0; q < o->p.num_cq; q++)
        nicrx_fast_write_reg(f, NICRX_REG_CQ(q) + NICRX_CQ_CTRL, 1);
    nicrx_fast_write_reg(f, NICRX_REG_QSEL, host.qsel);
    const int64_t flow_reg[3] = { o->flow_ctrl, o->flow_thresh, o->flow_tick };
    const uint32_t flow_addr[3] = { NICRX_REG_FLOW_CTRL, NICRX_REG_FLOW_THRESH, NICRX_REG_FLOW_TICK };
    for (uint32_t k = 0; k < 3; k++)
        if (flow_reg[k] >= 0) nicrx_fast_write_reg(f, flow_addr[k], (uint32_t)flow_reg[k]);
    if (o->step_limit) nicrx_fast_write_reg(f, NICRX_REG_PARSER_CTRL, o->step_limit & 0xffu);
    {
        uint32_t addr[HARNESS_RSS_WRITES_MAX], data[HARNESS_RSS_WRITES_MAX];
        uint32_t n = harness_rss_writes(o, addr, data, HARNESS_RSS_WRITES_MAX);

        for (uint32_t k = 0; k < n; k++)
            nicrx_fast_write_reg(f, addr[k], data[k]);
    }
    nicrx_fast_write_reg(f, NICRX_REG_CTRL, 1);

    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    for (size_t i = 0; i < c.n; i++) {
        nicrx_fast_frame_t r;
        harness_frame_t fr;

        nicrx_fast_frame(f, c.f[i].data, c.f[i].len, 0, &r);
        memset(&fr, 0, sizeof fr);
        fr.verdict = (uint8_t)r.verdict;
        fr.reason = (uint8_t)r.reason;
        fr.has_hv = (uint8_t)r.parsed;
        fr.steps = (uint16_t)r.steps;
        fr.hv = r.hv;
        fr.flow_seen = (uint8_t)r.flow_seen;
        fr.flow = (uint8_t)r.flow;
        fr.gen = (uint8_t)r.gen;
        fr.opcode = (uint8_t)r.opcode;
        fr.flow_event = (uint8_t)r.flow_event;
        if (r.verdict == 1) {
            fr.queue = r.queue;
            fr.ring = r.ring;
            fr.rss_hash = r.rss_hash;
            fr.rss_type = (uint8_t)r.rss_type;
            fr.split = r.split;
            fr.buf_id = fast_place(&host, r.ring, r.split ? r.hdr_len : c.f[i].len, taken, poff, &fr.off);
            if (r.dlen) {
                fr.dring = r.dring;
                fr.dlen = r.dlen;
                fr.dbuf_id = fast_place(&host, r.dring, r.dlen, taken, poff, &fr.doff);
            }
        }
        put_frame(stdout, o, imem, i, &fr, &c.f[i]);
    }
    host_free(&host);
    nicrx_fast_free(f);
    return end_capture(o, &c, "run");
}

static const char help[] =
    "Runs the nicrx C model on a capture with the harness's host and prints one JSON\n"
    "object per frame (docs/report.md).  Exit status: 0 ok, 1 a check failed, 2 bad\n"
    "input, 3 the capture is cut short (its complete frames ran).\n"
    "  --parse-only        no timing model: nicrx_parse() of every frame with the\n"
    "                      program of --program (or the default) and --step-limit\n"
    "  --trace-parser [FRAMES]  with --parse-only: before a frame's line, one line per\n"
    "                      instruction executed; FRAMES: N, N-M, joined by commas\n"
    "                      (from 0, as \"i\"; default every frame)\n"
    "  --fast              no timing model: every frame decided at once, the same lines\n"
    "                      as a run with the host never stalling and no frame waiting\n"
    "                      for room (no pktmem_full drops); refuses the options of time\n";

/* nicrx-model's own options (harness_extra_fn). */
typedef struct model_opts {
    int only, tracing, fast;
    const char *trace;  /* --trace-parser's frames, NULL: all */
} model_opts_t;

static int model_opt(void *ctx, const cli_t *c, const char *arg, const char *next)
{
    model_opts_t *mo = ctx;

    if (!strcmp(arg, "--parse-only")) {
        mo->only = 1;
        return 1;
    }
    if (!strcmp(arg, "--fast")) {
        mo->fast = 1;
        return 1;
    }
    if (strcmp(arg, "--trace-parser"))
        return 0;
    /* the frame list is optional: the next word is one if it has only digits,
     * '-' and ',' (a capture's name has more) */
    const char *p = next ? next : "";
    uint64_t lo, hi;
    int r;

    mo->tracing = 1;
    if (!*p || p[strspn(p, "0123456789,-")])
        return 1;
    while ((r = frames_next(&p, &lo, &hi)) > 0)
        ;
    if (r < 0) {
        cli_error(c, "--trace-parser takes frames N or N-M (N <= M), joined by commas, not '%s'", next);
        return -1;
    }
    mo->trace = next;
    return 2;
}

/* With --fast, the first option given that needs the cycle model (time, the
 * host's backpressure, commands or swaps under traffic, the report), or NULL. */
static const char *fast_refuses(const harness_opts_t *o, const model_opts_t *mo)
{
    if (!mo->fast) return NULL;
    if (mo->only) return "--parse-only";
    if (o->seed_set) return "--seed";
    if (o->stall != STALL_NONE) return "--stall heavy";
    if (o->pace != PACE_LINE) return "--pace b2b or ts";
    if (o->max_cycles) return "--max-cycles";
    if (o->swap_program || o->swap_at_set) return "--swap-program";
    if (o->flow_cmds) return "--flow-cmds";
    if (o->reta_rewrite_set) return "--reta-rewrite-at";
    if (o->reset_at_set) return "--reset-at";
    if (o->flow_age > 0) return "--flow-age above 0 (entries age by the clock)";
    if (o->red[RED_OPT_MODE] > 0) return "--red-mode above 0 (RED follows the packet memory's occupancy in time)";
    if (o->summary || o->json_summary) return "the report (--summary, --json-summary)";
    if (o->junit) return "--junit";
    if (o->streams) return "--streams (the host's view needs the cycle model's host)";
    return NULL;
}

int main(int argc, char **argv)
{
    harness_opts_t o;
    char err[200];
    model_opts_t mo = { 0, 0, 0, NULL };
    static harness_prog_t prog;
    static uint32_t imem[NICRX_IMEM_MAX * NICRX_INSN_WORDS];
    const cli_t cli = { "nicrx-model", "[options] FILE.pcap|FILE.pcapng", help, harness_usage() };

    harness_opts_default(&o);
    int st = harness_args(&o, &cli, argc, argv, model_opt, &mo);
    if (st >= 0) return st;
    if (mo.tracing && !mo.only) { cli_error(&cli, "--trace-parser needs --parse-only"); return 2; }
    if (mo.only && o.streams) { cli_error(&cli, "--streams needs the host: not with --parse-only"); return 2; }
    if (o.trace) { cli_error(&cli, "--trace needs the RTL: nicrx-sim --trace FILE.fst"); return 2; }
    const char *untimed = fast_refuses(&o, &mo);
    if (untimed) { cli_error(&cli, "--fast has no timing: %s does not apply", untimed); return 2; }
    /* the program the frames are parsed with where the model has no parse of them */
    if (o.program) {
        if (harness_prog_load(&prog, o.program, o.p.imem_depth, err, sizeof err) != 0) {
            cli_error(&cli, "%s: %s", o.program, err);
            return 2;
        }
        memcpy(imem, prog.w, (size_t)prog.n * NICRX_INSN_BYTES);
    } else {
        uint32_t n;
        const uint32_t *w = nicrx_default_program_words(&n);
        if (n > o.p.imem_depth) {
            cli_error(&cli, "default program: %u instructions, IMEM_DEPTH is %u", n, o.p.imem_depth);
            return 2;
        }
        memcpy(imem, w, (size_t)n * NICRX_INSN_BYTES);
    }
    if (mo.only)
        return parse_only(&o, imem, mo.tracing, mo.trace);
    if (mo.fast)
        return fast_run(&o, imem);

    int status;
    harness_t *h = harness_new(&o, &status);
    if (!h) return status;
    nicrx_in_t in;
    while (harness_cycle(h, NULL, NULL, &in) == HARNESS_RUN)
        ;
    if (!o.summary && !o.json_summary) {
        for (size_t i = 0; i < harness_nframes(h); i++)
            put_frame(stdout, &o, imem, i, harness_frame(h, i), harness_cap_frame(h, i));
        /* the JSON lines are frames only: a seed drawn for the run goes to stderr */
        if (!o.seed_set)
            cli_error(&cli, "seed %" PRIu64 " (drawn; --seed %" PRIu64 " repeats this run), program %s",
                      harness_options(h)->seed, harness_options(h)->seed, o.program ? o.program : "default");
    }
    status = harness_end(h, o.summary || o.json_summary);
    harness_free(h);
    return status;
}
