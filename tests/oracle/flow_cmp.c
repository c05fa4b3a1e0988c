/* flow_cmp.c - compares the flow block of nicrx-model (JSON Lines per capture)
 * with tshark's TCP analysis of the same capture (tests/t_flow_oracle.sh).
 *
 *   flow_cmp --list LIST --fixture FX [--flows N] [--all]
 *
 * LIST: one line per capture, "NAME<TAB>MODEL.jsonl<TAB>TSHARK.txt".  TSHARK:
 * what tests/oracle/flow_split.awk writes: a line per TCP frame with the
 * fields of tests/oracle/flow_fields.txt (tab-separated, in that order), and
 * the conversations of -z conv,tcp ("A:pa <-> B:pb").
 *
 * Two checks per capture:
 *   flows  (only if tshark finds fewer than N TCP conversations): the unordered
 *          address/port pairs of the frames whose flow_event is created, evicted
 *          or aged with a flow equal tshark's conversations;
 *   ooo    every frame tshark flags out_of_order, lost_segment or
 *          retransmission has op "ooo"; frames with op "ooo" that tshark does
 *          not flag are counted as differences too.
 * Every difference gets a reason from the facts of the frame (the classifier
 * below; "unexplained" when none fits).  FX lists "CAPTURE<TAB>KIND<TAB>REASON
 * <TAB>COUNT" (KIND flow-missing, flow-extra, ooo-missed, ooo-extra): the
 * counts found must equal the fixture's exactly, both ways (a stale line
 * fails, an unlisted difference fails; "unexplained" cannot be listed).
 * Prints ok / not ok per capture and for the fixture, the agreement, and the
 * differences by reason.  --all prints every difference ("# differ ..."). */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tshark's columns (tests/oracle/flow_fields.txt). */
enum { C_NUM, C_OOO, C_LOST, C_RETX, C_SPUR, C_KA, C_ZWP, C_TCPLEN, C_PROTOS, NCOL };

enum kind { K_FLOW_MISSING, K_FLOW_EXTRA, K_OOO_MISSED, K_OOO_EXTRA, NKIND };
static const char *const kind_name[NKIND] = { "flow-missing", "flow-extra", "ooo-missed", "ooo-extra" };

/* The reasons the classifier can give; the text is printed with the counts. */
typedef enum {
    R_UNEXPLAINED,
    /* flow-missing, flow-extra */
    R_NOT_SEEN, R_NO_CREATE, R_ONLY_DROPPED, R_NO_TSHARK_CONV,
    /* ooo-missed */
    R_DROPPED, R_NOT_TCP_TUNNEL, R_NOT_TCP, R_TCP_OTHER, R_CTRL, R_NO_FLOW_FIN, R_NO_FLOW,
    R_FIRST_AFTER_CLOSE, R_FIRST_AFTER_EVICT, R_FIRST_NEW, R_SYN_RESTART, R_ACKED_BY_PEER, R_FIRST_DATA,
    /* both */
    R_BEYOND, R_AFTER_SKIP,
    /* ooo-extra */
    R_TSHARK_NO_TCP, R_KEEPALIVE, R_WINDOW_PROBE, R_CREATED_BEHIND, R_OVERLAP,
    NREASON
} reason_t;
static const struct { const char *name, *text; } reason_info[NREASON] = {
    [R_UNEXPLAINED] = { "unexplained", "no known reason (cannot be listed)" },
    [R_NOT_SEEN] = { "not-seen", "no frame of the pair is pre-selected TCP for the default program (encapsulated, fragmented, or not parsed)" },
    [R_NO_CREATE] = { "no-create", "no frame of the pair may create a flow: only pure ACKs, FIN or RST (no SYN, no payload)" },
    [R_ONLY_DROPPED] = { "only-dropped", "every frame of the pair that could create the flow was dropped by the device" },
    [R_NO_TSHARK_CONV] = { "no-tshark-conv", "tshark finds no TCP conversation for a pair the default program parses as TCP" },
    [R_DROPPED] = { "dropped", "the device dropped the frame: it never reached the flow block" },
    [R_NOT_TCP_TUNNEL] = { "not-tcp-tunnel", "the TCP tshark analyses is inside an encapsulation the default program does not parse" },
    [R_NOT_TCP] = { "not-tcp", "the default program finds no TCP in the frame" },
    [R_TCP_OTHER] = { "tcp-other", "TCP but not pre-selected (fragment, parse error, truncated header vector, excluded)" },
    [R_CTRL] = { "ctrl", "no payload (SYN/FIN/RST/pure ACK): operation code CTRL" },
    [R_NO_FLOW_FIN] = { "no-flow-fin", "FIN or RST with payload of a flow the database does not hold (removed by an earlier FIN/RST, or never seen): it may not create one, NO_FLOW" },
    [R_NO_FLOW] = { "no-flow", "no flow entry: table full without evict, or signature conflict (NO_FLOW)" },
    [R_FIRST_AFTER_CLOSE] = { "first-after-close", "the flow was removed by FIN/RST earlier; this frame creates it anew" },
    [R_FIRST_AFTER_EVICT] = { "first-after-evict", "the flow was evicted earlier; this frame creates it anew" },
    [R_FIRST_NEW] = { "first-new", "the flow block has not seen the flow before: this frame creates it (tshark knows more from the other direction or earlier frames)" },
    [R_SYN_RESTART] = { "syn-restart", "a SYN of a known flow with another sequence number starts a new flow (FIRST, docs/opcodes.md rule 3); tshark sees a SYN out of order" },
    [R_ACKED_BY_PEER] = { "acked-by-peer", "in order for the flow, but the other direction had acknowledged it (tshark: spurious retransmission)" },
    [R_FIRST_DATA] = { "first-data", "the first payload of a flow created by SYN, at the expected sequence number" },
    [R_BEYOND] = { "beyond-frame", "the IP length of this frame or an earlier one of the flow claims bytes beyond the frame's end: the flow block counts them in the sequence space, tshark (tcp.len) does not" },
    [R_AFTER_SKIP] = { "after-skip", "an earlier segment of the flow never reached the flow database (dropped by the device: longer than MAX_FRAME, or packet memory full at line rate; or not pre-selected): the expected sequence number lags" },
    [R_TSHARK_NO_TCP] = { "tshark-no-tcp", "tshark does not analyse the frame as TCP" },
    [R_KEEPALIVE] = { "keepalive", "a TCP keep-alive (one byte below the expected sequence number): tshark flags keep_alive instead" },
    [R_WINDOW_PROBE] = { "window-probe", "a zero-window probe: tshark flags zero_window_probe instead" },
    [R_CREATED_BEHIND] = { "created-behind", "the flow was created anew mid-stream (after an eviction) by a late segment, so its expected sequence number is behind the stream until it catches up" },
    [R_OVERLAP] = { "overlap", "the segment starts below the highest sequence number of the flow but carries new bytes beyond it: tshark does not flag a partial overlap" },
};

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("flow_cmp: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        die("out of memory");
    return p;
}

/* ---- one frame as the model and tshark see it ---- */

typedef struct frame {
    /* model */
    int present;            /* a model line for the frame */
    int has_flow;           /* flow keys present (not dropped) */
    char op[12], ev[12];
    uint32_t flow, gen;
    int tcp, presel, dropped;
    uint32_t flags, pay, len, pay_off, seq;
    char pair[120];         /* "A:pa B:pb" unordered (sorted), "" if not TCP */
    char key[120];          /* "A:pa>B:pb" directional */
    /* tshark */
    int t_present, t_tcp, t_flag, t_spur, t_ka, t_zwp, t_tunnel;
} frame_t;

/* The value text of "key": in a JSON line (NULL if absent). */
static const char *jget(const char *line, const char *key)
{
    char pat[40];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = strstr(line, pat);
    return p ? p + strlen(pat) : NULL;
}

static int jnum(const char *line, const char *key, uint32_t *v)
{
    const char *p = jget(line, key);
    if (!p || *p < '0' || *p > '9')
        return 0;
    *v = (uint32_t)strtoul(p, NULL, 10);
    return 1;
}

static int jstr(const char *line, const char *key, char *buf, size_t n)
{
    const char *p = jget(line, key);
    if (!p || *p != '"')
        return 0;
    size_t k = 0;
    for (p++; *p && *p != '"' && k + 1 < n; p++)
        buf[k++] = *p;
    buf[k] = 0;
    return 1;
}

/* Canonical "addr:port" (inet_ntop form) of an address text and a port;
 * 0 if the address does not parse. */
static int endpoint(char *out, size_t n, const char *addr, uint32_t port)
{
    uint8_t a[16];
    char t[INET6_ADDRSTRLEN];
    int af = strchr(addr, ':') ? AF_INET6 : AF_INET;
    if (inet_pton(af, addr, a) != 1 || !inet_ntop(af, a, t, sizeof t))
        return 0;
    snprintf(out, n, "%s:%u", t, port);
    return 1;
}

static void make_pair(char *out, size_t n, const char *a, const char *b)
{
    if (strcmp(a, b) <= 0)
        snprintf(out, n, "%s %s", a, b);
    else
        snprintf(out, n, "%s %s", b, a);
}

static void model_line(frame_t *f, const char *line)
{
    char src[64], dst[64], l4[8], a[60], b[60], verdict[16];
    uint32_t sp, dp;
    f->present = 1;
    f->dropped = jstr(line, "verdict", verdict, sizeof verdict) && !strcmp(verdict, "dropped");
    f->has_flow = jstr(line, "op", f->op, sizeof f->op) && jstr(line, "flow_event", f->ev, sizeof f->ev) &&
                  jnum(line, "flow", &f->flow) && jnum(line, "gen", &f->gen);
    f->tcp = jstr(line, "l4", l4, sizeof l4) && !strcmp(l4, "tcp");
    const char *cls = jget(line, "class");
    const char *end = cls ? strchr(cls, ']') : NULL;
    f->presel = 0;
    if (cls && end) {
        const char *p = strstr(cls, "\"presel\"");
        f->presel = p && p < end;
    }
    f->pair[0] = f->key[0] = 0;
    if (f->tcp && jstr(line, "src", src, sizeof src) && jstr(line, "dst", dst, sizeof dst) &&
        jnum(line, "sport", &sp) && jnum(line, "dport", &dp) && endpoint(a, sizeof a, src, sp) &&
        endpoint(b, sizeof b, dst, dp)) {
        make_pair(f->pair, sizeof f->pair, a, b);
        snprintf(f->key, sizeof f->key, "%s>%s", a, b);
    }
    f->flags = 0;
    f->pay = 0;
    if (f->tcp && jnum(line, "tcp_flags", &f->flags))
        jnum(line, "l4_len", &f->pay);    /* the parser's l4_len: bytes after the TCP header */
    jnum(line, "len", &f->len);
    jnum(line, "pay_off", &f->pay_off);
    jnum(line, "seq", &f->seq);
}

/* Splits a tab-separated line in place into NCOL columns. */
static int split_tabs(char *line, char **col)
{
    int n = 0;
    col[n++] = line;
    for (char *p = line; *p && n < NCOL; p++)
        if (*p == '\t') {
            *p = 0;
            col[n++] = p + 1;
        }
    return n;
}

/* The IP layers in frame.protocols ("eth:ethertype:ip:tcp" ...): more than
 * one before tcp means TCP inside an encapsulation. */
static int tunnelled(const char *protos)
{
    int ips = 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", protos);
    for (char *t = strtok(buf, ":"); t; t = strtok(NULL, ":")) {
        if (!strcmp(t, "tcp"))
            break;
        ips += !strcmp(t, "ip") || !strcmp(t, "ipv6");
    }
    return ips > 1;
}

/* ---- a set of strings (pairs, keys) per capture ---- */

typedef struct strset {
    char **s;
    int *v;                 /* a value per string */
    size_t n, cap;          /* open addressing, cap a power of two */
} strset_t;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    return h;
}

static void set_free(strset_t *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->s[i]);
    free(t->s);
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* Returns the slot of s, adding it (value 0) if absent and add is set; -1 if absent. */
static long set_find(strset_t *t, const char *s, int add)
{
    if (add && 2 * (t->n + 1) > t->cap) {
        strset_t u = { NULL, NULL, 0, t->cap ? 2 * t->cap : 64 };
        u.s = xrealloc(NULL, u.cap * sizeof *u.s);
        u.v = xrealloc(NULL, u.cap * sizeof *u.v);
        memset(u.s, 0, u.cap * sizeof *u.s);
        for (size_t i = 0; i < t->cap; i++)
            if (t->s[i]) {
                size_t j = hash_str(t->s[i]) & (u.cap - 1);
                while (u.s[j])
                    j = (j + 1) & (u.cap - 1);
                u.s[j] = t->s[i];
                u.v[j] = t->v[i];
                u.n++;
            }
        free(t->s);
        free(t->v);
        *t = u;
    }
    if (!t->cap)
        return -1;
    size_t j = hash_str(s) & (t->cap - 1);
    while (t->s[j] && strcmp(t->s[j], s))
        j = (j + 1) & (t->cap - 1);
    if (t->s[j])
        return (long)j;
    if (!add)
        return -1;
    t->s[j] = xstrdup(s);
    t->v[j] = 0;
    t->n++;
    return (long)j;
}

/* ---- fixture ---- */

typedef struct fxline { char *capture; int kind; int reason; unsigned long count, found; int line; } fxline_t;

typedef struct ctx {
    fxline_t *fx; size_t nfx;
    uint32_t flows;
    int all;
    unsigned long frames, agree, both, listed;
    unsigned long by[NKIND][NREASON];
    unsigned long pairs_checked, pairs_agree, captures_flows;
    int fail;
} ctx_t;

static int reason_of(const char *s)
{
    for (int r = 0; r < NREASON; r++)
        if (!strcmp(s, reason_info[r].name))
            return r;
    return -1;
}

static void load_fixture(ctx_t *c, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("%s: cannot open", path);
    char line[1024];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *col[4] = { line, NULL, NULL, NULL };
        int n = 1;
        for (char *p = line; *p && n < 4; p++)
            if (*p == '\t') { *p = 0; col[n++] = p + 1; }
        int k;
        for (k = 0; k < NKIND && (n < 4 || strcmp(col[1], kind_name[k])); k++) ;
        int r = n == 4 ? reason_of(col[2]) : -1;
        char *end;
        unsigned long cnt = n == 4 ? strtoul(col[3], &end, 10) : 0;
        if (n != 4 || k == NKIND || r <= R_UNEXPLAINED || *end || !cnt)
            die("%s:%d: want CAPTURE<TAB>KIND<TAB>REASON<TAB>COUNT with a known kind and reason", path, ln);
        c->fx = xrealloc(c->fx, (c->nfx + 1) * sizeof *c->fx);
        c->fx[c->nfx++] = (fxline_t){ xstrdup(col[0]), k, r, cnt, 0, ln };
    }
    fclose(f);
}

/* ---- per capture ---- */

typedef struct diff { int kind, reason; unsigned long n; } diff_t;

typedef struct cap {
    const char *name;
    frame_t *f; size_t nf; size_t fcap;
    strset_t conv;          /* tshark's pairs */
    diff_t d[NKIND * NREASON];
    int nd;
} cap_t;

static void note(ctx_t *c, cap_t *k, int kind, int reason, const char *what)
{
    c->by[kind][reason]++;
    int i;
    for (i = 0; i < k->nd && (k->d[i].kind != kind || k->d[i].reason != reason); i++) ;
    if (i == k->nd)
        k->d[k->nd++] = (diff_t){ kind, reason, 0 };
    k->d[i].n++;
    if (c->all || reason == R_UNEXPLAINED)
        printf("# differ %s %s %s: %s\n", k->name, kind_name[kind], reason_info[reason].name, what);
}

/* Makes frames 0..n-1 exist (zeroed when new). */
static void grow(cap_t *k, size_t n)
{
    if (n <= k->nf)
        return;
    if (n > k->fcap) {
        k->fcap = n > 2 * k->fcap ? n : 2 * k->fcap;
        k->f = xrealloc(k->f, k->fcap * sizeof *k->f);
    }
    memset(k->f + k->nf, 0, (n - k->nf) * sizeof *k->f);
    k->nf = n;
}

static void load_model(cap_t *k, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("%s: cannot open", path);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        uint32_t i;
        if (!jnum(line, "i", &i))
            die("%s: a line without \"i\"", path);
        grow(k, (size_t)i + 1);
        model_line(&k->f[i], line);
    }
    free(line);
    fclose(f);
}

static void load_tshark(cap_t *k, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("%s: cannot open", path);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\r\n")] = 0;
        if (strchr(line, '\t')) {
            char *col[NCOL];
            if (split_tabs(line, col) != NCOL)
                die("%s: a frame line without %d columns", path, NCOL);
            uint32_t n = (uint32_t)strtoul(col[C_NUM], NULL, 10);
            if (n == 0)
                die("%s: bad frame number", path);
            grow(k, n);
            frame_t *fr = &k->f[n - 1];
            fr->t_present = 1;
            fr->t_tcp = col[C_TCPLEN][0] != 0;
            fr->t_flag = col[C_OOO][0] || col[C_LOST][0] || col[C_RETX][0];
            fr->t_spur = col[C_SPUR][0] != 0;
            fr->t_ka = col[C_KA][0] != 0;
            fr->t_zwp = col[C_ZWP][0] != 0;
            fr->t_tunnel = tunnelled(col[C_PROTOS]);
            continue;
        }
        /* conv,tcp: "A:pa   <->  B:pb   frames ..." */
        char a[80], arrow[8], b[80];
        if (sscanf(line, "%79s %7s %79s", a, arrow, b) == 3 && !strcmp(arrow, "<->")) {
            char *pa = strrchr(a, ':'), *pb = strrchr(b, ':');
            char ea[80], eb[80], pair[170];
            if (!pa || !pb)
                die("%s: bad conversation line", path);
            *pa++ = 0;
            *pb++ = 0;
            if (!endpoint(ea, sizeof ea, a, (uint32_t)atoi(pa)) || !endpoint(eb, sizeof eb, b, (uint32_t)atoi(pb)))
                die("%s: bad conversation address", path);
            make_pair(pair, sizeof pair, ea, eb);
            set_find(&k->conv, pair, 1);
        }
    }
    free(line);
    fclose(f);
}

/* Check a: flows.  Pair values in `ours`: 1 a flow was created for it. */
static void check_flows(ctx_t *c, cap_t *k)
{
    strset_t ours = { 0 }, seen = { 0 };
    for (size_t i = 0; i < k->nf; i++) {
        frame_t *f = &k->f[i];
        if (!f->pair[0])
            continue;
        /* seen: 1 some frame of the pair is pre-selected; 2 one may create a flow; 3 one that may was delivered */
        if (f->presel) {
            long s = set_find(&seen, f->pair, 1);
            int may = ((f->flags & 2) || f->pay) && !(f->flags & 5);
            int lvl = !may ? 1 : f->dropped ? 2 : 3;
            if (seen.v[s] < lvl)
                seen.v[s] = lvl;
        }
        if (f->has_flow && (!strcmp(f->ev, "created") || !strcmp(f->ev, "evicted") ||
                            (!strcmp(f->ev, "aged") && f->gen)))
            set_find(&ours, f->pair, 1);
    }
    c->captures_flows++;
    for (size_t j = 0; j < k->conv.cap; j++) {
        const char *p = k->conv.s[j];
        if (!p)
            continue;
        c->pairs_checked++;
        if (set_find(&ours, p, 0) >= 0) {
            c->pairs_agree++;
            continue;
        }
        long s = set_find(&seen, p, 0);
        int lvl = s < 0 ? 0 : seen.v[s];
        note(c, k, K_FLOW_MISSING, lvl == 0 ? R_NOT_SEEN : lvl == 1 ? R_NO_CREATE : lvl == 2 ? R_ONLY_DROPPED :
             R_UNEXPLAINED, p);
    }
    for (size_t j = 0; j < ours.cap; j++)
        if (ours.s[j] && set_find(&k->conv, ours.s[j], 0) < 0) {
            c->pairs_checked++;
            note(c, k, K_FLOW_EXTRA, R_NO_TSHARK_CONV, ours.s[j]);
        }
    set_free(&ours);
    set_free(&seen);
}

/* Check b: OOO frame by frame.  Key values: bit 0 had a flow, bit 1 removed
 * by FIN/RST, bit 2 evicted; since the flow was created: bit 3 a segment of it
 * skipped the flow database, bit 4 one went beyond its frame's end; bit 5 ends holds the highest sequence number of the stream (a SYN
 * restarts it), bit 6 the flow was created by a segment behind it and has not
 * caught up. */
static void check_ooo(ctx_t *c, cap_t *k)
{
    strset_t keys = { 0 }, ends = { 0 };    /* ends: the highest sequence number of the flow (bit 5) */
    /* The key of each flow entry (the set's own string: slots move as it grows). */
    const char **occupant = xrealloc(NULL, c->flows * sizeof *occupant);
    for (uint32_t i = 0; i < c->flows; i++)
        occupant[i] = NULL;
    for (size_t i = 0; i < k->nf; i++) {
        frame_t *f = &k->f[i];
        char what[200];
        long ks = f->key[0] ? set_find(&keys, f->key, 1) : -1;
        int hist = ks >= 0 ? keys.v[ks] : 0;
        int ooo = f->has_flow && !strcmp(f->op, "ooo");
        int beyond = f->pay && f->pay_off + f->pay > f->len;
        int seg = f->pay || (f->flags & 3);
        int skip = seg && (!f->has_flow || !strcmp(f->op, "not_tcp") || !strcmp(f->op, "tcp_other"));
        long es = ks >= 0 ? set_find(&ends, f->key, 1) : -1;
        uint32_t end = es >= 0 ? (uint32_t)ends.v[es] : 0, seg_end = f->seq + f->pay + (f->flags & 1) + (f->flags >> 1 & 1);
        int overlap = hist & 32 && f->pay && (int32_t)(f->seq - end) < 0 && (int32_t)(seg_end - end) > 0;
        snprintf(what, sizeof what, "frame %zu op %s event %s %s", i + 1, f->has_flow ? f->op : "-",
                 f->has_flow ? f->ev : "-", f->key);
        if (f->t_present || f->present) {
            c->frames++;
            if (ooo == f->t_flag) {
                c->agree++;
                c->both += ooo;
            } else if (f->t_flag) {
                int r = R_UNEXPLAINED;
                const char *op = f->op;
                if (!f->has_flow) r = f->dropped ? R_DROPPED : R_UNEXPLAINED;
                else if (!strcmp(op, "not_tcp")) r = f->t_tunnel ? R_NOT_TCP_TUNNEL : R_NOT_TCP;
                else if (!strcmp(op, "tcp_other")) r = f->t_tunnel ? R_NOT_TCP_TUNNEL : R_TCP_OTHER;
                else if (!strcmp(op, "ctrl")) r = f->pay == 0 ? R_CTRL : R_UNEXPLAINED;
                else if (!strcmp(op, "no_flow")) r = f->flags & 5 ? R_NO_FLOW_FIN : R_NO_FLOW;
                else if (!strcmp(op, "first") && strcmp(f->ev, "updated"))
                    r = hist & 2 ? R_FIRST_AFTER_CLOSE : hist & 4 ? R_FIRST_AFTER_EVICT : !(hist & 1) ? R_FIRST_NEW :
                        f->flags & 2 ? R_SYN_RESTART : R_UNEXPLAINED;
                else if (f->t_spur) r = R_ACKED_BY_PEER;
                else if (!strcmp(op, "first")) r = R_FIRST_DATA;
                else if (beyond || hist & 16) r = R_BEYOND;
                else if (hist & 8) r = R_AFTER_SKIP;
                note(c, k, K_OOO_MISSED, r, what);
            } else {
                int r = !f->t_tcp ? R_TSHARK_NO_TCP : f->t_ka ? R_KEEPALIVE : f->t_zwp ? R_WINDOW_PROBE :
                        beyond || hist & 16 ? R_BEYOND : hist & 8 ? R_AFTER_SKIP : hist & 64 ? R_CREATED_BEHIND :
                        overlap ? R_OVERLAP : R_UNEXPLAINED;
                note(c, k, K_OOO_EXTRA, r, what);
            }
        }
        /* History for the next frames. */
        if (ks < 0)
            continue;
        if (skip)
            keys.v[ks] |= 8;
        if (!f->has_flow)
            continue;
        if (f->gen && f->flow < c->flows) {
            int created = !strcmp(f->ev, "created") || !strcmp(f->ev, "evicted") || !strcmp(f->ev, "aged");
            if (!strcmp(f->ev, "evicted") && occupant[f->flow] && strcmp(occupant[f->flow], f->key))
                keys.v[set_find(&keys, occupant[f->flow], 0)] |= 4;
            occupant[f->flow] = keys.s[ks];
            int ahead = !(hist & 32) || (int32_t)(seg_end - end) > 0;
            keys.v[ks] = created ? 1 | (hist & 32) : keys.v[ks] | 1;
            if (created && !ahead && !(f->flags & 2))
                keys.v[ks] |= 64;       /* created behind the stream */
            else if (ahead)
                keys.v[ks] &= ~64;
            if (ahead || (created && f->flags & 2))
                ends.v[es] = (int)seg_end;
            keys.v[ks] |= 32;
            if (beyond)
                keys.v[ks] |= 16;
        }
        if (!strcmp(f->ev, "removed"))
            keys.v[ks] |= 2;
    }
    free(occupant);
    set_free(&keys);
    set_free(&ends);
}

static void run_capture(ctx_t *c, const char *name, const char *model, const char *tshark)
{
    cap_t k = { .name = name };
    load_model(&k, model);
    load_tshark(&k, tshark);
    if (k.conv.n < c->flows)
        check_flows(c, &k);
    check_ooo(c, &k);
    /* Every difference must be listed with its exact count. */
    int bad = 0;
    char why[400] = "";
    for (int i = 0; i < k.nd; i++) {
        diff_t *d = &k.d[i];
        size_t j;
        for (j = 0; j < c->nfx; j++)
            if (c->fx[j].kind == d->kind && c->fx[j].reason == d->reason && !strcmp(c->fx[j].capture, name))
                break;
        if (j < c->nfx)
            c->fx[j].found = d->n;
        if (j < c->nfx && c->fx[j].count == d->n) {
            c->listed += d->n;
            continue;
        }
        bad = 1;
        size_t l = strlen(why);
        snprintf(why + l, sizeof why - l, "%s%lu %s %s (listed %lu)", l ? "; " : "", d->n, kind_name[d->kind],
                 reason_info[d->reason].name, j < c->nfx ? c->fx[j].count : 0ul);
        printf("# unlisted: %s\t%s\t%s\t%lu\n", name, kind_name[d->kind], reason_info[d->reason].name, d->n);
    }
    if (bad) {
        c->fail = 1;
        printf("not ok flow-oracle-%s: %s\n", name, why);
    } else {
        printf("ok flow-oracle-%s\n", name);
    }
    free(k.f);
    set_free(&k.conv);
}

int main(int argc, char **argv)
{
    ctx_t c = { .flows = 64 };
    const char *list = NULL, *fixture = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--list") && i + 1 < argc) list = argv[++i];
        else if (!strcmp(argv[i], "--fixture") && i + 1 < argc) fixture = argv[++i];
        else if (!strcmp(argv[i], "--flows") && i + 1 < argc) c.flows = (uint32_t)strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--all")) c.all = 1;
        else die("usage: flow_cmp --list LIST --fixture FX [--flows N] [--all]");
    }
    if (!list || !fixture || c.flows < 1)
        die("usage: flow_cmp --list LIST --fixture FX [--flows N] [--all]");
    load_fixture(&c, fixture);
    FILE *f = fopen(list, "r");
    if (!f)
        die("%s: cannot open", list);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *m = strchr(line, '\t'), *t = m ? strchr(m + 1, '\t') : NULL;
        if (!t)
            die("%s: want NAME<TAB>MODEL<TAB>TSHARK", list);
        *m++ = 0;
        *t++ = 0;
        run_capture(&c, line, m, t);
    }
    fclose(f);
    /* A fixture line whose count was not found exactly is stale. */
    int stale = 0;
    for (size_t j = 0; j < c.nfx; j++)
        if (c.fx[j].found != c.fx[j].count) {
            printf("# stale: fixture line %d: %s %s %s %lu, found %lu\n", c.fx[j].line, c.fx[j].capture,
                   kind_name[c.fx[j].kind], reason_info[c.fx[j].reason].name, c.fx[j].count, c.fx[j].found);
            stale++;
        }
    if (stale)
        printf("not ok flow-oracle-fixture: %d stale lines\n", stale);
    else
        printf("ok flow-oracle-fixture\n");
    unsigned long diff = c.frames - c.agree;
    printf("# ooo: %lu frames compared, %lu agree (%lu OOO both), %lu differ; %lu differences listed (ooo and flows)\n",
           c.frames, c.agree, c.both, diff, c.listed);
    printf("# flows: %lu captures, %lu pairs, %lu agree\n", c.captures_flows, c.pairs_checked, c.pairs_agree);
    for (int k = 0; k < NKIND; k++)
        for (int r = 0; r < NREASON; r++)
            if (c.by[k][r])
                printf("# %-12s %-18s %7lu  %s\n", kind_name[k], reason_info[r].name, c.by[k][r], reason_info[r].text);
    for (size_t j = 0; j < c.nfx; j++)
        free(c.fx[j].capture);
    free(c.fx);
    return c.fail || stale ? 1 : 0;
}
