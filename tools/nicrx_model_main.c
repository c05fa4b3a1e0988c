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

/* The JSON lines under way: a block of lines that goes out in one fwrite when
 * the next line might not fit (an fprintf per key, then an fwrite per line,
 * took most of --fast's time).  A line is written through a cursor, each put_
 * function taking it and returning it past what it wrote, so that it stays in
 * a register.  JSON_LINE_MAX holds the longest line: every class named, both
 * addresses IPv6, RED's keys. */
#define JSON_LINE_MAX 2048u
typedef struct out {
    FILE *f;
    size_t n;
    char b[1u << 16];
} out_t;

static void out_flush(out_t *o)
{
    fwrite(o->b, 1, o->n, o->f);
    o->n = 0;
}

/* the next line's cursor, and the end of the line at p */
static char *out_line(out_t *o) { return o->b + o->n; }

static void out_end(out_t *o, char *p)
{
    *p++ = '}';
    *p++ = '\n';
    o->n = (size_t)(p - o->b);
    if (o->n > sizeof o->b - JSON_LINE_MAX) out_flush(o);
}

static inline char *put_n(char *p, const char *s, size_t k)
{
    memcpy(p, s, k);
    return p + k;
}

static inline char *put_s(char *p, const char *s) { return put_n(p, s, strlen(s)); }

/* a string literal and its length, known at compile time (put_n: a few moves, no call) */
#define LIT(s) s, sizeof s - 1

/* v in decimal: a digit alone at once (most keys' values); else its width
 * (a few comparisons), then two digits a step from the end (32-bit: every
 * key's value is) */
static char *put_u(char *p, uint32_t v)
{
    static const char d2[201] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";

    if (v < 10u) {
        *p = (char)('0' + v);
        return p + 1;
    }
    const uint32_t k = v < 100u ? 2u : v < 10000u ? (v < 1000u ? 3u : 4u)
                     : v < 100000000u ? (v < 1000000u ? (v < 100000u ? 5u : 6u) : (v < 10000000u ? 7u : 8u))
                     : v < 1000000000u ? 9u : 10u;
    char *e = p + k;
    for (; v >= 100u; v /= 100u) {
        e -= 2;
        memcpy(e, d2 + 2u * (v % 100u), 2);
    }
    if (v >= 10u) memcpy(e - 2, d2 + 2u * v, 2);
    else e[-1] = (char)('0' + v);
    return p + k;
}

/* a frame index: past 2^32 - 1 its leading digits first */
static char *put_index(char *p, uint64_t v)
{
    if (v > UINT32_MAX) {
        p = put_index(p, v / 10u);
        v %= 10u;
    }
    return put_u(p, (uint32_t)v);
}

/* an IPv6 group in lower-case hex, no leading zeros */
static char *put_hex16(char *p, uint16_t g)
{
    uint32_t k = g >= 0x1000u ? 4u : g >= 0x100u ? 3u : g >= 0x10u ? 2u : 1u;

    for (uint32_t i = 0; i < k; i++)
        p[i] = "0123456789abcdef"[g >> 4u * (k - 1u - i) & 15u];
    return p + k;
}

/* ,"key":v or ,"key":null when the value does not apply (key: a string literal) */
#define put_key(p, key, applies, v) \
    ((applies) ? put_u(put_n(p, LIT(",\"" key "\":")), v) : put_n(p, LIT(",\"" key "\":null")))

/* a quoted string */
static char *put_q(char *p, const char *s)
{
    *p++ = '"';
    p = put_s(p, s);
    *p++ = '"';
    return p;
}

static char *put_addr(char *p, uint8_t l3, const uint8_t *a)
{
    *p++ = '"';
    if (l3 == 1) {
        for (int i = 0; i < 4; i++) {
            if (i) *p++ = '.';
            p = put_u(p, a[i]);
        }
        *p++ = '"';
        return p;
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
            p = put_n(p, LIT("::"));
            i += bestlen - 1;
            continue;
        }
        if (i > 0 && i != best + bestlen) *p++ = ':';
        p = put_hex16(p, g[i]);
    }
    *p++ = '"';
    return p;
}

/* The parse keys of one frame (after "i", "len" and the verdict), each
 * preceded by a comma; null where the layer is absent. */
static char *put_hv(char *p, const nicrx_hv_t *hv)
{
    int l3 = hv->l3 == 1 || hv->l3 == 2, tcp = hv->l4 == 1, tu = hv->l4 == 1 || hv->l4 == 2;

    p = hv->l3 == 1 ? put_n(p, LIT(",\"l3\":\"ipv4\"")) : hv->l3 == 2 ? put_n(p, LIT(",\"l3\":\"ipv6\""))
                                                          : put_n(p, LIT(",\"l3\":null"));
    p = hv->l4 == 1 ? put_n(p, LIT(",\"l4\":\"tcp\"")) : hv->l4 == 2 ? put_n(p, LIT(",\"l4\":\"udp\""))
        : hv->l4 == 3 ? put_n(p, LIT(",\"l4\":\"other\"")) : put_n(p, LIT(",\"l4\":null"));
    p = put_n(p, LIT(",\"src\":"));
    p = l3 ? put_addr(p, hv->l3, hv->src) : put_n(p, LIT("null"));
    p = put_n(p, LIT(",\"dst\":"));
    p = l3 ? put_addr(p, hv->l3, hv->dst) : put_n(p, LIT("null"));
    p = put_key(p, "proto", l3, hv->proto);
    p = put_key(p, "sport", tu, hv->sport);
    p = put_key(p, "dport", tu, hv->dport);
    p = put_n(p, LIT(",\"vlan\":["));
    for (uint32_t v = 0; v < hv->vlan_cnt && v < 2; v++) {
        if (v) *p++ = ',';
        p = put_u(p, hv->vlan[v]);
    }
    *p++ = ']';
    p = put_key(p, "l3_off", hv->l3 != 0, hv->l3_off);
    p = put_key(p, "l4_off", hv->l4 != 0, hv->l4_off);
    if (hv->l3 == 1) {
        p = put_u(put_n(p, LIT(",\"frag\":{\"offset\":")), hv->frag_off);
        p = hv->mf ? put_n(p, LIT(",\"mf\":true}")) : put_n(p, LIT(",\"mf\":false}"));
    } else {
        p = put_n(p, LIT(",\"frag\":null"));
    }
    p = put_key(p, "seq", tcp, hv->seq);
    p = put_key(p, "ack", tcp, hv->ack);
    p = put_key(p, "tcp_flags", tcp, hv->tcp_flags);
    p = put_key(p, "tcp_hdr_len", tcp, hv->tcp_hlen);
    p = put_key(p, "l4_len", tu, hv->l4_len);
    p = put_key(p, "pay_off", tu, hv->pay_off);
    p = put_n(p, LIT(",\"class\":["));
    for (uint32_t b = 0, k = 0; b < NICRX_NUM_CLASS; b++) {
        if (!(hv->cls >> b & 1u)) continue;
        if (k++) *p++ = ',';
        p = put_q(p, nicrx_class_name(b));
    }
    p = hv->perr ? put_n(p, LIT("],\"parse_error\":true")) : put_n(p, LIT("],\"parse_error\":false"));
    p = hv->truncated ? put_n(p, LIT(",\"truncated\":true")) : put_n(p, LIT(",\"truncated\":false"));
    return put_key(p, "hash", 1, hv->hash);
}

/* {"i":I,"len":L,"steps":S, the head of every line */
static char *put_head(char *p, size_t i, uint32_t len, uint32_t steps)
{
    p = put_index(put_n(p, LIT("{\"i\":")), i);
    p = put_key(p, "len", 1, len);
    return put_key(p, "steps", 1, steps);
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

/* the transfer's class and the parts written, {ring, buffer, offset, len} each: a whole
 * frame is one part from its buffer's start; a split frame its header part and, with bytes
 * after the headers, its data part, each from its own buffer's start */
static char *put_part(char *p, uint32_t ring, uint32_t buf, uint32_t off, uint32_t len)
{
    p = put_u(put_n(p, LIT("{\"ring\":")), ring);
    p = put_u(put_n(p, LIT(",\"buffer\":")), buf);
    p = put_u(put_n(p, LIT(",\"offset\":")), off);
    p = put_u(put_n(p, LIT(",\"len\":")), len);
    *p++ = '}';
    return p;
}

static char *put_parts(char *p, const harness_frame_t *fr, uint32_t len)
{
    if (fr->verdict != 1)
        return put_n(p, LIT(",\"xfer\":null,\"parts\":null"));
    p = fr->split ? put_n(p, LIT(",\"xfer\":\"split\",\"parts\":["))
        : fr->ring == 1 ? put_n(p, LIT(",\"xfer\":\"large\",\"parts\":["))
                        : put_n(p, LIT(",\"xfer\":\"small\",\"parts\":["));
    p = put_part(p, fr->ring, fr->buf_id, fr->off, fr->split ? len - fr->dlen : len);
    if (fr->dlen) {
        *p++ = ',';
        p = put_part(p, fr->dring, fr->dbuf_id, fr->doff, fr->dlen);
    }
    *p++ = ']';
    return p;
}

/* The flow block's decision (NICRX_EV_FLOW), null for a frame that never reached it. */
static char *put_flow(char *p, const harness_frame_t *fr)
{
    int seen = fr->flow_seen && fr->opcode < NICRX_NUM_OPCODES && fr->flow_event < NICRX_NUM_FLOW_EVENTS;

    p = put_key(p, "flow", seen, fr->flow);
    p = put_key(p, "gen", seen, fr->gen);
    p = put_key(p, "opcode", seen, fr->opcode);
    if (!seen)
        return put_n(p, LIT(",\"op\":null,\"flow_event\":null"));
    p = put_q(put_n(p, LIT(",\"op\":")), nicrx_opcode_name(fr->opcode));
    return put_q(put_n(p, LIT(",\"flow_event\":")), nicrx_flow_event_name(fr->flow_event));
}

/* RED's decision (NICRX_EV_RED): avg in words, the drop probability, the verdict; null
 * with RED off at bring-up (--red-mode 0, as the fast model always is) or before RED. */
static char *put_red(char *p, const harness_opts_t *o, const harness_frame_t *fr)
{
    char b[96];

    if (o->red[RED_OPT_MODE] <= 0 || !fr->red)
        return put_n(p, LIT(",\"red\":null"));
    snprintf(b, sizeof b, ",\"red\":{\"avg\":%.3f,\"p\":%.6f,\"drop\":%s}", fr->red_avg / 256.0,
             fr->red_pd ? (double)fr->red_pn / fr->red_pd : 0.0,
             fr->red == 3 ? "\"forced\"" : fr->red == 2 ? "\"early\"" : "false");
    return put_s(p, b);
}

/* Frame i's line, from the cycle model's run or the fast model's (the same keys). */
static void put_frame(out_t *l, const harness_opts_t *o, const uint32_t *imem, size_t i, const harness_frame_t *fr,
                      const cap_frame_t *cf)
{
    nicrx_hv_t hv;
    const nicrx_hv_t *h = &fr->hv;
    uint32_t steps = fr->steps;
    char *p = out_line(l);

    if (!fr->has_hv) { /* dropped before the parser: the same parse, for the record */
        steps = parse_frame(imem, o, cf, &hv, NULL);
        h = &hv;
    }
    p = put_head(p, i, cf->len, steps);
    p = fr->has_hv ? put_n(p, LIT(",\"parsed\":true,\"verdict\":")) : put_n(p, LIT(",\"parsed\":false,\"verdict\":"));
    p = fr->verdict == 1 ? put_n(p, LIT("\"delivered\",\"reason\":null"))
        : fr->verdict == 2 ? put_q(put_n(p, LIT("\"dropped\",\"reason\":")), nicrx_reason_name(fr->reason))
        : fr->verdict == 3 ? put_n(p, LIT("\"lost\",\"reason\":null")) : put_n(p, LIT("\"pending\",\"reason\":null"));
    p = put_hv(p, h);
    p = put_key(p, "queue", fr->verdict == 1, fr->queue);
    p = put_key(p, "rss_hash", fr->verdict == 1, fr->rss_hash);
    p = put_key(p, "rss_type", fr->verdict == 1, fr->rss_type);
    /* a no_buf drop names the ring it waited for */
    p = put_key(p, "ring", fr->verdict == 1 || (fr->verdict == 2 && fr->reason == NICRX_REASON_NO_BUF), fr->ring);
    p = put_key(p, "buffer", fr->verdict == 1, fr->buf_id);
    /* the batching hint depends on timing: null in the fast model, which queues nothing */
    p = fr->verdict != 1 || !fr->queued ? put_n(p, LIT(",\"more\":null"))
        : fr->more_cnt ? put_n(p, LIT(",\"more\":true")) : put_n(p, LIT(",\"more\":false"));
    p = put_key(p, "more_cnt", fr->verdict == 1 && fr->queued, fr->more_cnt);
    p = put_parts(p, fr, cf->len);
    p = put_flow(p, fr);
    out_end(l, put_red(p, o, fr));
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
 * after n frames (libpcap's words cut; what was done with its frames: how), the status. */
static int end_capture(const harness_opts_t *o, size_t n, const char *cut, const char *how)
{
    fflush(stdout);
    if (!cut[0])
        return HARNESS_OK;
    fprintf(stderr, "%s: %s: warning: the capture is cut short after %zu complete frames (%s); those were %s\n",
            o->prog, o->pcap, n, cut, how);
    return HARNESS_CUT;
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
    static out_t l;

    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    l.f = stdout;
    for (size_t i = 0; i < c.n; i++) {
        nicrx_hv_t hv;
        trace_ctx_t tc = { stdout, i, o->p.imem_depth };
        const int traced = tracing && frame_chosen(trace, i);

        if (traced) out_flush(&l); /* the lines before, then the frame's trace */
        uint32_t steps = parse_frame(imem, o, &c.f[i], &hv, traced ? &tc : NULL);

        out_end(&l, put_hv(put_head(out_line(&l), i, c.f[i].len, steps), &hv));
    }
    out_flush(&l);
    const int st = end_capture(o, c.n, c.cut, "parsed");
    capture_free(&c);
    return st;
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
    capture_reader_t c;
    cap_frame_t cf;
    char err[200];
    static host_t host;
    static out_t l;
    uint64_t taken[NICRX_NUM_FBR] = { 0 };
    uint16_t poff[NICRX_NUM_FBR] = { 0 };
    int st = HARNESS_OK, rc;

    if (capture_open(&c, o->pcap, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s: %s\n", o->prog, o->pcap, err);
        return HARNESS_BADINPUT;
    }
    nicrx_fast_t *f = nicrx_fast_new(&o->p);
    if (!f) {
        fprintf(stderr, "%s: out of memory\n", o->prog);
        capture_close(&c);
        return HARNESS_FAIL;
    }
    nicrx_fast_load_program(f, imem, o->p.imem_depth);
    host_init(&host, &o->p, STALL_NONE, 1, NULL, NULL);
    if (o->pages_off) host_pages_off(&host);
    /* the bring-up's configuration (tb/host.c): rings, queues, queue select, the
     * flow registers and the step limit given, then CTRL */
    for (uint32_t r = 0; r < NICRX_NUM_FBR; r++) {
        /* the fast model does not re-assemble (--fast is --reasm off): the re-assembly ring stays down */
        if ((r == NICRX_HDR_RING && o->split_off) || r == NICRX_REASM_RING) continue;
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

    l.f = stdout;
    for (size_t i = 0; (rc = capture_next(&c, &cf, err, sizeof err)) == 1; i++) {
        nicrx_fast_frame_t r;
        harness_frame_t fr;

        nicrx_fast_frame(f, cf.data, cf.len, 0, &r);
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
            fr.buf_id = fast_place(&host, r.ring, r.split ? r.hdr_len : cf.len, taken, poff, &fr.off);
            if (r.dlen) {
                fr.dring = r.dring;
                fr.dlen = r.dlen;
                fr.dbuf_id = fast_place(&host, r.dring, r.dlen, taken, poff, &fr.doff);
            }
        }
        put_frame(&l, o, imem, i, &fr, &cf);
    }
    out_flush(&l);
    if (rc < 0) { /* the lines of the frames before, then the error */
        fflush(stdout);
        fprintf(stderr, "%s: %s: %s\n", o->prog, o->pcap, err);
        st = HARNESS_BADINPUT;
    } else {
        st = end_capture(o, c.n, c.cut, "run");
    }
    capture_close(&c);
    host_free(&host);
    nicrx_fast_free(f);
    return st;
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
    "                      as a run with --reasm off, the host never stalling and no\n"
    "                      frame waiting for room (no pktmem_full drops); refuses the\n"
    "                      options of time, --reasm on among them\n";

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
    if (o->reasm_set && o->reasm_on) return "--reasm on or strip (a run closes by time, and by what else is queued)";
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
        static out_t l;

        l.f = stdout;
        for (size_t i = 0; i < harness_nframes(h); i++)
            put_frame(&l, &o, imem, i, harness_frame(h, i), harness_cap_frame(h, i));
        out_flush(&l);
        /* the JSON lines are frames only: a seed drawn for the run goes to stderr */
        if (!o.seed_set)
            cli_error(&cli, "seed %" PRIu64 " (drawn; --seed %" PRIu64 " repeats this run), program %s",
                      harness_options(h)->seed, harness_options(h)->seed, o.program ? o.program : "default");
    }
    status = harness_end(h, o.summary || o.json_summary);
    harness_free(h);
    return status;
}
