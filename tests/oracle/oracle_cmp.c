/* oracle_cmp.c - compares nicrx-model --parse-only (JSON Lines per capture)
 * with tshark's dissection of the same frames, field by field.
 *
 *   oracle_cmp --list LIST --tshark TSV --errors ERR --fixture FX [--header-bytes N] [--tunnel PROTO]
 *              [--program NAME]
 *
 * LIST: one line per capture, "NAME<TAB>MODEL.jsonl", in the order the
 * captures were concatenated (mergecap -a -I none: interface id = line index).
 * TSV: tshark -T fields with the fields of tests/oracle/tshark_fields.txt, in
 * that order, -E occurrence=a -E aggregator=, (several values: tunnels).
 * ERR: "FRAME<TAB>layer:message|..." for the frames tshark flags (errors.awk).
 * FX: tests/oracle/known_differences.txt (format described there).
 * --all also prints every unlisted difference ("# differ ...").
 * --tunnel PROTO (a tshark protocol name: gre, geneve, mpls, pppoes) is for a
 * program that parses a tunnel's payload in place of the outer packet: the
 * IP header compared is the first after the last PROTO header, when there is
 * one (else the first, as without it), its offsets counted over the headers
 * in front of it (tshark_view).  --program NAME (default "default") names
 * the program for the fixture's prog= conditions and the checks
 * ("oracle-NAME-CAPTURE" for another program than the default).
 *
 * Prints "ok/not ok oracle-NAME" per capture, then per field
 * "# FIELD: N agree, N differ, N listed" and per cause of the fixture how many
 * differences it covers.  Exit 1 if any difference is not listed. */
#include <arpa/inet.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    C_IFACE, C_NUM, C_LEN, C_CAPLEN, C_PROTOS, C_VLAN, C_8021AD, C_IP_HLEN, C_IP_LEN, C_IP_SRC, C_IP_DST,
    C_IP_PROTO, C_IP_FRAG, C_IP_MF, C_V6_SRC, C_V6_DST, C_V6_NXT, C_V6_PLEN, C_HOP_LEN, C_RT_LEN, C_DST_LEN,
    C_HOP_NXT, C_RT_NXT, C_DST_NXT, C_FH_NXT, C_FH_OFF, C_FH_MORE, C_TCP_SP, C_TCP_DP, C_TCP_SEQ, C_TCP_ACK,
    C_TCP_FLAGS, C_TCP_HLEN, C_TCP_LEN, C_UDP_SP, C_UDP_DP, C_UDP_LEN, C_GRE_C, C_GRE_R, C_GRE_K, C_GRE_S,
    C_GENEVE_OPT, C_MPLS_LABEL, NCOL
};

enum {
    F_VLAN, F_L3, F_SRC, F_DST, F_PROTO, F_FRAG, F_L3OFF, F_L4, F_SPORT, F_DPORT, F_SEQ, F_ACK, F_FLAGS,
    F_THLEN, F_L4LEN, F_L4OFF, F_PAYOFF, F_MAL, NFIELD
};
static const char *const field_name[NFIELD] = {
    "vlan", "l3", "src", "dst", "proto", "frag", "l3_off", "l4", "sport", "dport", "seq", "ack",
    "tcp_flags", "tcp_hdr_len", "l4_len", "l4_off", "pay_off", "malformed"
};

/* Frame tags a fixture rule can require (tag=NAME). */
enum { T_BEYOND_HB = 1, T_SNAP = 2, T_TRUNC = 4, T_PERR = 8, T_MAL_L2L4 = 16, T_MAL_OTHER = 32, T_IPFRAG = 64,
       T_UDP_IPLEN = 128 };
static const char *const tag_name[] = { "beyond-hb", "snap", "model-trunc", "model-perr", "mal-l2l4", "mal-other",
                                        "ip-frag", "udp-by-iplen" };
#define NTAG 8

#define MAXOCC 16
typedef struct col { char *v[MAXOCC]; int n; } col_t;

typedef struct rule {
    char *cause, *capture, *frame, *fields, *path, *model, *tshark;
    char *prog;                     /* prog=GLOB (prog_not: prog=!GLOB) */
    int prog_not;
    unsigned tags, notags;
    int line, specific;
    int compared;                   /* its capture was compared in this run */
    unsigned long hits;
} rule_t;

typedef struct cause { char *name, *text; unsigned long hits; } cause_t;

typedef struct ctx {
    rule_t *rule; size_t nrule;
    cause_t *cause; size_t ncause;
    char **err; size_t nerr;        /* error layers by merged frame number */
    uint32_t header_bytes;
    const char *tunnel;             /* --tunnel: the protocol whose inner IP header is compared */
    const char *program;            /* --program: the parser program's name (prog= of the fixture) */
    unsigned long agree[NFIELD], differ[NFIELD], listed[NFIELD];
    int all;                        /* --all: print every unlisted difference */
} ctx_t;

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("oracle_cmp: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d) die("out of memory");
    return d;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) die("out of memory");
    return p;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = 0;
}

/* ---- the model's JSON line ------------------------------------------------- */

/* Returns the end of the JSON value starting at p (string, number, literal,
 * list or object), or NULL if it is malformed. */
static const char *json_skip(const char *p)
{
    int depth = 0;
    do {
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++)
                if (*p == '\\' && p[1]) p++;
            if (!*p) return NULL;
            p++;
        } else if (*p == '[' || *p == '{') {
            depth++; p++;
        } else if (*p == ']' || *p == '}') {
            if (--depth < 0) return NULL;
            p++;
        } else if (depth && (*p == ',' || *p == ':' || *p == ' ')) {
            p++;
        } else if (*p) {
            while (*p && !strchr(",:]} ", *p)) p++;
        } else {
            return NULL;
        }
    } while (depth > 0);
    return p;
}

/* The value of top-level key k as text (strings without their quotes), or
 * NULL if absent. */
static const char *json_get(const char *line, const char *k, char *buf, size_t n)
{
    const char *p = line;
    if (*p++ != '{') return NULL;
    size_t kl = strlen(k);
    while (*p == '"') {
        const char *key = p + 1, *q = strchr(key, '"');
        if (!q || q[1] != ':') return NULL;
        const char *v = q + 2, *e = json_skip(v);
        if (!e) return NULL;
        if ((size_t)(q - key) == kl && !memcmp(key, k, kl)) {
            if (*v == '"') { v++; e--; }
            size_t l = (size_t)(e - v) < n - 1 ? (size_t)(e - v) : n - 1;
            memcpy(buf, v, l);
            buf[l] = 0;
            return buf;
        }
        p = e;
        if (*p == ',') p++;
    }
    return NULL;
}

/* ---- tshark's row ------------------------------------------------------------ */

static void split_row(char *line, col_t *c)
{
    for (int i = 0; i < NCOL; i++) {
        char *tab = line ? strchr(line, '\t') : NULL;
        if (tab) *tab = 0;
        c[i].n = 0;
        if (line && *line) {
            for (char *s = line, *comma;; s = comma + 1) {
                comma = strchr(s, ',');
                if (comma) *comma = 0;
                if (c[i].n < MAXOCC) c[i].v[c[i].n++] = s;
                if (!comma) break;
            }
        }
        line = tab ? tab + 1 : NULL;
    }
}

static const char *occ(const col_t *c, int i) { return i >= 0 && i < c->n ? c->v[i] : NULL; }
static long num(const char *s) { return s ? strtol(s, NULL, 0) : -1; }

/* What tshark says about the outer headers, as the model's JSON would put it
 * (NULL: tshark does not decode the field). */
typedef struct tview {
    char val[NFIELD][256];
    int has[NFIELD];
    unsigned long hdr_end;   /* end of the last header the default program would read */
    long udp_iplen;          /* UDP payload bytes by the IP length (-1: not UDP) */
    int ipfrag;              /* the outer IP header is a fragment */
    char path[512];
} tview_t;

static void tset(tview_t *t, int f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void tset(tview_t *t, int f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->val[f], sizeof t->val[f], fmt, ap);
    va_end(ap);
    t->has[f] = 1;
}

/* Where the walk of tshark's protocol path stands: the byte offset of the
 * next header and, per protocol, how many of its headers lie behind (the
 * occurrence of its fields that belong to the next one). */
typedef struct walk {
    long off;
    int clean;      /* every header so far has a known length */
    int ip, ip6, hop, rt, dst, fh, udp, tcp, vlan, ad, gre, geneve, ntag;
    int l2;         /* the last header was Ethernet or a tag: a tag now is one the program keeps */
    char vl[64];
} walk_t;

static void add_tag(walk_t *w, const char *id)
{
    size_t l = strlen(w->vl);
    if (id && w->l2 && w->ntag < 2) snprintf(w->vl + l, sizeof w->vl - l, "%s%ld", w->ntag ? "," : "", num(id));
    w->ntag += w->l2;
}

/* The length of GRE header k from its flags (-1: routing present). */
static long gre_len(col_t *c, int k)
{
    if (num(occ(&c[C_GRE_R], k)) > 0) return -1;
    return 4 + 4 * ((num(occ(&c[C_GRE_C], k)) > 0) + (num(occ(&c[C_GRE_K], k)) > 0) + (num(occ(&c[C_GRE_S], k)) > 0));
}

/* Steps over header p (one in front of the chosen L3 header). */
static void walk_over(walk_t *w, col_t *c, const char *p)
{
    long n = -1;
    if (!strcmp(p, "ethertype")) return;
    if (!strcmp(p, "eth")) n = 14;
    else if (!strcmp(p, "vlan")) { add_tag(w, occ(&c[C_VLAN], w->vlan++)); n = 4; }
    else if (!strcmp(p, "ieee8021ad")) { add_tag(w, occ(&c[C_8021AD], w->ad++)); n = 4; }
    else if (!strcmp(p, "ip")) n = num(occ(&c[C_IP_HLEN], w->ip++));
    else if (!strcmp(p, "ipv6")) { w->ip6++; n = 40; }
    else if (!strcmp(p, "ipv6.hopopts")) n = num(occ(&c[C_HOP_LEN], w->hop++));
    else if (!strcmp(p, "ipv6.routing")) n = num(occ(&c[C_RT_LEN], w->rt++));
    else if (!strcmp(p, "ipv6.dstopts")) n = num(occ(&c[C_DST_LEN], w->dst++));
    else if (!strcmp(p, "ipv6.fraghdr")) { w->fh++; n = 8; }
    else if (!strcmp(p, "udp")) { w->udp++; n = 8; }
    else if (!strcmp(p, "tcp")) w->tcp++;
    else if (!strcmp(p, "gre")) n = gre_len(c, w->gre++);
    else if (!strcmp(p, "geneve")) { const char *o = occ(&c[C_GENEVE_OPT], w->geneve++); n = 8 + (o ? (long)strlen(o) / 2 : 0); }
    else if (!strcmp(p, "mpls")) n = 4L * c[C_MPLS_LABEL].n; /* one stack per frame */
    else if (!strcmp(p, "pppoes")) n = 6;
    else if (!strcmp(p, "ppp")) n = 2;
    if (n < 0) w->clean = 0;
    else w->off += n;
    w->l2 = !strcmp(p, "eth") || !strcmp(p, "vlan") || !strcmp(p, "ieee8021ad");
}

/* The IP header the view compares: with --tunnel, the first after the last
 * header of the tunnel protocol, if any; else the first one. */
static int chosen_l3(char **tok, int nt, const char *tunnel)
{
    int from = 0, k;
    for (k = 0; tunnel && k < nt; k++)
        if (!strcmp(tok[k], tunnel)) from = k + 1;
    for (k = from; k < nt && strcmp(tok[k], "ip") && strcmp(tok[k], "ipv6"); k++) ;
    if (k < nt || !from) return k;
    for (k = 0; k < nt && strcmp(tok[k], "ip") && strcmp(tok[k], "ipv6"); k++) ;
    return k;
}

static void tshark_view(col_t *c, tview_t *t, const char *tunnel)
{
    memset(t, 0, sizeof *t);
    t->udp_iplen = -1;
    snprintf(t->path, sizeof t->path, "%s", occ(&c[C_PROTOS], 0) ? occ(&c[C_PROTOS], 0) : "");
    char path[512], *tok[64];
    int nt = 0;
    snprintf(path, sizeof path, "%s", t->path);
    for (char *s = strtok(path, ":"); s && nt < 64; s = strtok(NULL, ":")) tok[nt++] = s;

    /* Every header in front of the chosen L3 one: its offset, the VLAN tags
     * (outer first), whether an IP header on the way is a fragment. */
    walk_t w = { .clean = nt > 0 && !strcmp(tok[0], "eth") };
    int l3 = chosen_l3(tok, nt, tunnel);
    for (int i = 0; i < l3; i++) {
        if (!strcmp(tok[i], "ip"))
            t->ipfrag |= num(occ(&c[C_IP_FRAG], w.ip)) > 0 || num(occ(&c[C_IP_MF], w.ip)) > 0;
        else if (!strcmp(tok[i], "ipv6.fraghdr"))
            t->ipfrag |= num(occ(&c[C_FH_OFF], w.fh)) > 0 || num(occ(&c[C_FH_MORE], w.fh)) > 0;
        walk_over(&w, c, tok[i]);
    }
    tset(t, F_VLAN, "[%s]", w.vl);
    if (l3 >= nt) {
        tset(t, F_L3, "none");
        return;
    }
    int v6 = !strcmp(tok[l3], "ipv6");
    tset(t, F_L3, v6 ? "ipv6" : "ipv4");
    long off = w.off, l4off = -1, proto, hend, iprest;
    int clean = w.clean, j = l3 + 1;
    if (!v6) {
        int k = w.ip;
        if (!occ(&c[C_IP_SRC], k)) return;
        tset(t, F_SRC, "%s", occ(&c[C_IP_SRC], k));
        tset(t, F_DST, "%s", occ(&c[C_IP_DST], k));
        proto = num(occ(&c[C_IP_PROTO], k));
        long fo = num(occ(&c[C_IP_FRAG], k)), mf = num(occ(&c[C_IP_MF], k));
        if (fo > 0 || mf > 0) tset(t, F_FRAG, "%ld/%ld", fo, mf > 0 ? mf : 0);
        else tset(t, F_FRAG, "none");
        t->ipfrag |= fo > 0 || mf > 0;
        long hl = num(occ(&c[C_IP_HLEN], k));
        iprest = num(occ(&c[C_IP_LEN], k)) - hl;
        if (clean && hl >= 0) l4off = off + hl;
    } else {
        int k = w.ip6;
        if (!occ(&c[C_V6_SRC], k)) return;
        tset(t, F_SRC, "%s", occ(&c[C_V6_SRC], k));
        tset(t, F_DST, "%s", occ(&c[C_V6_DST], k));
        proto = num(occ(&c[C_V6_NXT], k));
        long ext = 40;
        int hi = w.hop, ri = w.rt, di = w.dst, fi = w.fh;
        tset(t, F_FRAG, "none");
        for (; j < nt && !strncmp(tok[j], "ipv6.", 5); j++) {
            const char *e = tok[j] + 5;
            if (!strcmp(e, "hopopts")) { proto = num(occ(&c[C_HOP_NXT], hi)); ext += num(occ(&c[C_HOP_LEN], hi++)); }
            else if (!strcmp(e, "routing")) { proto = num(occ(&c[C_RT_NXT], ri)); ext += num(occ(&c[C_RT_LEN], ri++)); }
            else if (!strcmp(e, "dstopts")) { proto = num(occ(&c[C_DST_NXT], di)); ext += num(occ(&c[C_DST_LEN], di++)); }
            else if (!strcmp(e, "fraghdr")) {
                long fo = num(occ(&c[C_FH_OFF], fi)), more = num(occ(&c[C_FH_MORE], fi));
                if (fo > 0 || more > 0) tset(t, F_FRAG, "%ld/%ld", fo, more > 0 ? more : 0);
                t->ipfrag |= fo > 0 || more > 0;
                proto = num(occ(&c[C_FH_NXT], fi++));
                ext += 8;
            } else {
                break;
            }
        }
        if (clean) l4off = off + ext;
        iprest = num(occ(&c[C_V6_PLEN], k)) + 40 - ext;
    }
    tset(t, F_PROTO, "%ld", proto);
    if (clean) tset(t, F_L3OFF, "%ld", off);
    hend = l4off;
    /* L4: the protocol right after the chosen IP header (and IPv6 extensions);
     * its fields are the occurrence after the TCP and UDP headers behind. */
    const char *p4 = j < nt ? tok[j] : "";
    int tcp = !strcmp(p4, "tcp"), udp = !strcmp(p4, "udp");
    if (!*p4 || !strcmp(p4, "data") || !strcmp(p4, "_ws.short")) tset(t, F_L4, "none");
    else tset(t, F_L4, tcp ? "tcp" : udp ? "udp" : "other");
    if (tcp && occ(&c[C_TCP_SP], w.tcp)) {
        int k = w.tcp;
        long hl = num(occ(&c[C_TCP_HLEN], k));
        tset(t, F_SPORT, "%s", occ(&c[C_TCP_SP], k));
        tset(t, F_DPORT, "%s", occ(&c[C_TCP_DP], k));
        if (occ(&c[C_TCP_SEQ], k)) tset(t, F_SEQ, "%s", occ(&c[C_TCP_SEQ], k));
        if (occ(&c[C_TCP_ACK], k)) tset(t, F_ACK, "%s", occ(&c[C_TCP_ACK], k));
        if (occ(&c[C_TCP_FLAGS], k)) tset(t, F_FLAGS, "%ld", num(occ(&c[C_TCP_FLAGS], k)) & 0xfff);
        if (hl >= 0) tset(t, F_THLEN, "%ld", hl);
        if (occ(&c[C_TCP_LEN], k)) tset(t, F_L4LEN, "%ld", num(occ(&c[C_TCP_LEN], k)));
        if (l4off >= 0) {
            tset(t, F_L4OFF, "%ld", l4off);
            if (hl >= 0) { tset(t, F_PAYOFF, "%ld", l4off + hl); hend = l4off + hl; }
        }
    } else if (udp && occ(&c[C_UDP_SP], w.udp)) {
        int k = w.udp;
        tset(t, F_SPORT, "%s", occ(&c[C_UDP_SP], k));
        tset(t, F_DPORT, "%s", occ(&c[C_UDP_DP], k));
        long ul = num(occ(&c[C_UDP_LEN], k));
        if (ul >= 0) tset(t, F_L4LEN, "%ld", ul >= 8 ? ul - 8 : 0);
        t->udp_iplen = iprest >= 8 ? iprest - 8 : 0;
        if (l4off >= 0) {
            tset(t, F_L4OFF, "%ld", l4off);
            tset(t, F_PAYOFF, "%ld", l4off + 8);
            hend = l4off + 8;
        }
    }
    t->hdr_end = hend > 0 ? (unsigned long)hend : 0;
}

/* ---- the model's view, in the same text forms ------------------------------------- */

static int model_view(const char *line, tview_t *m)
{
    char b[256];
    memset(m, 0, sizeof *m);
    const char *v;
#define GET(k) (v = json_get(line, k, b, sizeof b))
    if (!GET("i")) return -1;
    if (GET("vlan")) { char *s = b, *d = m->val[F_VLAN]; for (; *s; s++) if (*s != ' ') *d++ = *s; *d = 0; m->has[F_VLAN] = 1; }
    tset(m, F_L3, "%s", GET("l3") && strcmp(v, "null") ? v : "none");
    tset(m, F_L4, "%s", GET("l4") && strcmp(v, "null") ? v : "none");
    static const struct { int f; const char *k; } plain[] = {
        { F_SRC, "src" }, { F_DST, "dst" }, { F_PROTO, "proto" }, { F_L3OFF, "l3_off" }, { F_SPORT, "sport" },
        { F_DPORT, "dport" }, { F_SEQ, "seq" }, { F_ACK, "ack" }, { F_FLAGS, "tcp_flags" },
        { F_THLEN, "tcp_hdr_len" }, { F_L4LEN, "l4_len" }, { F_L4OFF, "l4_off" }, { F_PAYOFF, "pay_off" },
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (GET(plain[i].k) && strcmp(v, "null")) tset(m, plain[i].f, "%s", v);
    if (GET("frag")) {
        if (!strcmp(v, "null")) {
            tset(m, F_FRAG, "none");
        } else {
            const char *o = strstr(v, "\"offset\":"), *mf = strstr(v, "\"mf\":");
            long fo = o ? strtol(o + 9, NULL, 10) : -1;
            int more = mf && !strncmp(mf + 5, "true", 4);
            if (fo == 0 && !more) tset(m, F_FRAG, "none");
            else tset(m, F_FRAG, "%ld/%d", fo, more);
        }
    }
    unsigned tags = 0;
    if (GET("truncated") && !strcmp(v, "true")) tags |= T_TRUNC;
    if (GET("parse_error") && !strcmp(v, "true")) tags |= T_PERR;
    tset(m, F_MAL, "%s", tags & T_TRUNC ? (tags & T_PERR ? "perr,trunc" : "trunc") : tags & T_PERR ? "perr" : "no");
#undef GET
    return (int)tags;
}

/* Addresses compare as bytes (tshark and the model may print IPv6 differently). */
static int same(int f, const char *a, const char *b)
{
    if (f == F_SRC || f == F_DST) {
        uint8_t x[16], y[16];
        int fa = strchr(a, ':') ? AF_INET6 : AF_INET, fb = strchr(b, ':') ? AF_INET6 : AF_INET;
        if (fa == fb && inet_pton(fa, a, x) == 1 && inet_pton(fb, b, y) == 1)
            return !memcmp(x, y, fa == AF_INET ? 4 : 16);
    }
    return !strcmp(a, b);
}

/* ---- the fixture -------------------------------------------------------------------- */

static void load_fixture(ctx_t *x, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) die("%s: cannot open", path);
    char line[1024];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        chomp(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s || *s == '#') continue;
        if (!strncmp(s, "cause ", 6)) {
            char *name = s + 6, *text = strchr(name, ' ');
            if (!text) die("%s:%d: cause without a reason", path, ln);
            *text++ = 0;
            x->cause = xrealloc(x->cause, (x->ncause + 1) * sizeof *x->cause);
            x->cause[x->ncause++] = (cause_t){ xstrdup(name), xstrdup(text), 0 };
            continue;
        }
        char *w[16];
        int n = 0;
        for (char *t = strtok(s, " \t"); t && n < 16; t = strtok(NULL, " \t")) w[n++] = t;
        if (n < 4) die("%s:%d: expected CAUSE CAPTURE FRAME FIELDS [conditions]", path, ln);
        rule_t r = { 0 };
        r.line = ln;
        r.cause = xstrdup(w[0]); r.capture = xstrdup(w[1]); r.frame = xstrdup(w[2]); r.fields = xstrdup(w[3]);
        r.specific = !strpbrk(r.capture, "*?[") && strcmp(r.frame, "*");
        size_t ci;
        for (ci = 0; ci < x->ncause && strcmp(x->cause[ci].name, r.cause); ci++) ;
        if (ci == x->ncause) die("%s:%d: cause %s is not defined above", path, ln, r.cause);
        for (int i = 4; i < n; i++) {
            if (!strncmp(w[i], "path=", 5)) r.path = xstrdup(w[i] + 5);
            else if (!strncmp(w[i], "model=", 6)) r.model = xstrdup(w[i] + 6);
            else if (!strncmp(w[i], "tshark=", 7)) r.tshark = xstrdup(w[i] + 7);
            else if (!strncmp(w[i], "prog=", 5)) { r.prog_not = w[i][5] == '!'; r.prog = xstrdup(w[i] + 5 + r.prog_not); }
            else if (!strncmp(w[i], "tag=", 4)) {
                const char *t = w[i] + 4 + (w[i][4] == '!');
                int k;
                for (k = 0; k < NTAG && strcmp(tag_name[k], t); k++) ;
                if (k == NTAG) die("%s:%d: unknown tag %s", path, ln, t);
                *(w[i][4] == '!' ? &r.notags : &r.tags) |= 1u << k;
            } else {
                die("%s:%d: unknown condition %s", path, ln, w[i]);
            }
        }
        x->rule = xrealloc(x->rule, (x->nrule + 1) * sizeof *x->rule);
        x->rule[x->nrule++] = r;
    }
    fclose(f);
}

static int in_list(const char *list, const char *name)
{
    if (!strcmp(list, "*")) return 1;
    size_t n = strlen(name);
    for (const char *p = list; (p = strstr(p, name)); p += n)
        if ((p == list || p[-1] == ',') && (p[n] == ',' || !p[n])) return 1;
    return 0;
}

/* Whether rule r is about the program being compared. */
static int for_program(const ctx_t *x, const rule_t *r)
{
    return !r->prog || (fnmatch(r->prog, x->program, 0) != 0) == r->prog_not;
}

static rule_t *find_rule(ctx_t *x, const char *cap, unsigned long frame, int f, const char *mv,
                         const char *tv, unsigned tags, const char *path)
{
    char fr[24];
    snprintf(fr, sizeof fr, "%lu", frame);
    for (size_t i = 0; i < x->nrule; i++) {
        rule_t *r = &x->rule[i];
        if (fnmatch(r->capture, cap, 0) || (strcmp(r->frame, "*") && strcmp(r->frame, fr)) ||
            !in_list(r->fields, field_name[f]) || (r->tags & tags) != r->tags || (r->notags & tags) ||
            (r->path && fnmatch(r->path, path, 0)) || (r->model && fnmatch(r->model, mv, 0)) ||
            (r->tshark && fnmatch(r->tshark, tv, 0)) || !for_program(x, r))
            continue;
        return r;
    }
    return NULL;
}

static void count_cause(ctx_t *x, const char *name)
{
    for (size_t i = 0; i < x->ncause; i++)
        if (!strcmp(x->cause[i].name, name)) x->cause[i].hits++;
}

/* ---- one capture ------------------------------------------------------------------- */

static const char *l2l4_layers[] = { "eth", "vlan", "ieee8021ad", "ip", "ipv6", "tcp", "udp", NULL };

/* mal-l2l4 or mal-other for each layer tshark flags; the tunnel's own header
 * is one the program reads. */
static unsigned error_tags(const char *errs, const char *tunnel)
{
    unsigned t = 0;
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", errs);
    for (char *s = strtok(buf, "|"); s; s = strtok(NULL, "|")) {
        char *colon = strchr(s, ':');
        if (colon) *colon = 0;
        int k;
        for (k = 0; l2l4_layers[k] && strcmp(l2l4_layers[k], s) && strncmp(s, "ipv6.", 5); k++) ;
        t |= l2l4_layers[k] || (tunnel && !strcmp(s, tunnel)) ? T_MAL_L2L4 : T_MAL_OTHER;
    }
    return t;
}

typedef struct capres { unsigned long frames, differ, listed; char first[1200]; } capres_t;

static void compare_frame(ctx_t *x, const char *cap, unsigned long frame, col_t *c, const char *mline, capres_t *cr)
{
    tview_t t, m;
    tshark_view(c, &t, x->tunnel);
    int mt = model_view(mline, &m);
    if (mt < 0) die("%s: frame %lu: model line without \"i\"", cap, frame);
    unsigned tags = (unsigned)mt;
    long len = num(occ(&c[C_LEN], 0)), caplen = num(occ(&c[C_CAPLEN], 0));
    if (caplen < len) tags |= T_SNAP;
    unsigned long mnum = (unsigned long)num(occ(&c[C_NUM], 0));
    const char *errs = mnum < x->nerr ? x->err[mnum] : NULL;
    if (errs) tags |= error_tags(errs, x->tunnel);
    if ((tags & T_TRUNC) && (unsigned long)caplen > x->header_bytes && t.hdr_end > x->header_bytes)
        tags |= T_BEYOND_HB;
    if (t.ipfrag) tags |= T_IPFRAG;
    if (t.udp_iplen >= 0 && m.has[F_L4LEN] && strtol(m.val[F_L4LEN], NULL, 10) == t.udp_iplen) tags |= T_UDP_IPLEN;
    /* tshark's verdict: flagged (an error in any layer) or not; only a frame
     * tshark flags and the model does not is a difference. */
    tset(&t, F_MAL, "%s", errs ? errs : "no");
    int l3same = !strcmp(t.val[F_L3], m.val[F_L3]) && strcmp(t.val[F_L3], "none");
    int l4same = !strcmp(t.val[F_L4], m.val[F_L4]) && (!strcmp(t.val[F_L4], "tcp") || !strcmp(t.val[F_L4], "udp"));
    for (int f = 0; f < NFIELD; f++) {
        if (!t.has[f]) continue;
        if ((f == F_SRC || f == F_DST || f == F_PROTO || f == F_FRAG || f == F_L3OFF) && !l3same) continue;
        if (f >= F_SPORT && f <= F_PAYOFF && !l4same) continue;
        const char *mv = m.has[f] ? m.val[f] : "null";
        int ok = f == F_MAL ? !errs || (tags & (T_TRUNC | T_PERR)) : same(f, mv, t.val[f]);
        if (ok) { x->agree[f]++; continue; }
        rule_t *r = find_rule(x, cap, frame, f, mv, t.val[f], tags, t.path);
        if (r) {
            r->hits++;
            count_cause(x, r->cause);
            x->listed[f]++;
            cr->listed++;
            continue;
        }
        x->differ[f]++;
        if (x->all)
            printf("# differ %s %lu %s model=%s tshark=%s path=%s tags=%#x\n", cap, frame, field_name[f], mv, t.val[f],
                   t.path, tags);
        if (!cr->differ++)
            snprintf(cr->first, sizeof cr->first, "frame %lu %s: model %s, tshark %s (%s)", frame,
                     field_name[f], mv, t.val[f], t.path);
    }
}

static void load_errors(ctx_t *x, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) die("%s: cannot open", path);
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        chomp(line);
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        unsigned long n = strtoul(line, NULL, 10);
        if (n >= x->nerr) {
            size_t nn = n + 1024;
            x->err = xrealloc(x->err, nn * sizeof *x->err);
            memset(x->err + x->nerr, 0, (nn - x->nerr) * sizeof *x->err);
            x->nerr = nn;
        }
        x->err[n] = xstrdup(tab + 1);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    const char *list = NULL, *tsv = NULL, *errf = NULL, *fx = NULL;
    ctx_t x = { .header_bytes = 128, .program = "default" };
    for (int i = 1; i < argc; i += 2) {
        if (!strcmp(argv[i], "--all")) { x.all = 1; i--; continue; }
        if (i + 1 == argc) die("%s needs a value", argv[i]);
        if (!strcmp(argv[i], "--list")) list = argv[i + 1];
        else if (!strcmp(argv[i], "--tshark")) tsv = argv[i + 1];
        else if (!strcmp(argv[i], "--errors")) errf = argv[i + 1];
        else if (!strcmp(argv[i], "--fixture")) fx = argv[i + 1];
        else if (!strcmp(argv[i], "--header-bytes")) x.header_bytes = (uint32_t)strtoul(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--tunnel")) x.tunnel = argv[i + 1];
        else if (!strcmp(argv[i], "--program")) x.program = argv[i + 1];
        else die("unknown option %s", argv[i]);
    }
    if (!list || !tsv || !errf || !fx)
        die("usage: oracle_cmp --list LIST --tshark TSV --errors ERR --fixture FX [--header-bytes N] [--tunnel PROTO]"
            " [--program NAME]");
    load_fixture(&x, fx);
    load_errors(&x, errf);
    FILE *lf = fopen(list, "r"), *tf = fopen(tsv, "r");
    if (!lf || !tf) die("cannot open %s or %s", list, tsv);
    size_t tcap = 1 << 16, mcap = 4096;
    char *trow = malloc(tcap), *mrow = malloc(mcap), lrow[2048];
    col_t c[NCOL];
    int have_t = 0;
    unsigned long cap_i = 0, tot_frames = 0, caps = 0, caps_bad = 0;
    while (fgets(lrow, sizeof lrow, lf)) {
        chomp(lrow);
        char *tab = strchr(lrow, '\t');
        if (!tab) die("%s: line %lu has no tab", list, cap_i + 1);
        *tab = 0;
        const char *cap = lrow, *jpath = tab + 1;
        for (size_t i = 0; i < x.nrule; i++)
            x.rule[i].compared |= x.rule[i].specific && !fnmatch(x.rule[i].capture, cap, 0);
        FILE *mf = fopen(jpath, "r");
        capres_t cr = { 0 };
        unsigned long tframes = 0, mframes = 0;
        for (;;) {
            if (!have_t) {
                if (getline(&trow, &tcap, tf) < 0) break;
                chomp(trow);
                split_row(trow, c);
                have_t = 1;
            }
            if ((unsigned long)num(occ(&c[C_IFACE], 0)) != cap_i) break;
            have_t = 0;
            tframes++;
            if (!mf || getline(&mrow, &mcap, mf) < 0) continue;
            mframes++;
            chomp(mrow);
            compare_frame(&x, cap, tframes, c, mrow, &cr);
        }
        if (mf) {
            while (getline(&mrow, &mcap, mf) >= 0) mframes++;
            fclose(mf);
        }
        caps++;
        tot_frames += tframes;
        char name[1200];
        snprintf(name, sizeof name, "%s%s%s", strcmp(x.program, "default") ? x.program : "",
                 strcmp(x.program, "default") ? "-" : "", cap);
        if (mframes != tframes) {
            printf("not ok oracle-%s: the model printed %lu frames, tshark %lu\n", name, mframes, tframes);
            caps_bad++;
        } else if (cr.differ) {
            printf("not ok oracle-%s: %lu unlisted differences; first: %s\n", name, cr.differ, cr.first);
            caps_bad++;
        } else {
            printf("ok oracle-%s # %lu frames%s", name, tframes, cr.listed ? "" : "\n");
            if (cr.listed) printf(", %lu listed differences\n", cr.listed);
        }
        cap_i++;
    }
    if (have_t || getline(&trow, &tcap, tf) >= 0) {
        printf("not ok oracle-frames: tshark has frames of more captures than the list names\n");
        caps_bad++;
    }
    printf("# %lu captures, %lu frames, %lu captures with unlisted differences\n", caps, tot_frames, caps_bad);
    for (int f = 0; f < NFIELD; f++)
        printf("# %s: %lu agree, %lu differ, %lu listed\n", field_name[f], x.agree[f], x.differ[f], x.listed[f]);
    for (size_t i = 0; i < x.ncause; i++)
        printf("# cause %s: %lu listed differences (%s)\n", x.cause[i].name, x.cause[i].hits, x.cause[i].text);
    for (size_t i = 0; i < x.nrule; i++) {
        if (x.rule[i].hits) continue;
        /* a line about one frame of a capture compared here must match */
        int stale = x.rule[i].compared && for_program(&x, &x.rule[i]);
        caps_bad += stale;
        printf("%s fixture line %d (%s %s %s %s) matched nothing\n", stale ? "not ok oracle-fixture:" : "#",
               x.rule[i].line, x.rule[i].cause, x.rule[i].capture, x.rule[i].frame, x.rule[i].fields);
    }
    free(trow);
    free(mrow);
    fclose(lf);
    fclose(tf);
    return caps_bad ? 1 : 0;
}
