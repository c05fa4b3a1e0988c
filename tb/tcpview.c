/* tcpview.c - see tcpview.h. */
#include "tcpview.h"
#include "bytes.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tv_dir {
    tcpview_key_t key;
    uint32_t base;                  /* sequence number of byte 0 */
    uint8_t syn;                    /* the base came from a SYN */
    uint8_t fin_seen;
    uint32_t fin;                   /* offset of the first FIN */
    uint64_t segments, bytes, dup, before, far;
    uint32_t hi;                    /* one past the highest byte held */
    uint32_t cap;                   /* bytes allocated in buf (cov: cap / 8) */
    uint8_t *buf, *cov;
} tv_dir_t;

struct tcpview {
    tv_dir_t *d;                    /* in the order first seen */
    size_t n, max;
    uint32_t *slot;                 /* open addressing: index + 1 into d, 0 free */
    size_t nslot;                   /* a power of two, at least twice n */
};

tcpview_t *tcpview_new(void)
{
    tcpview_t *v = calloc(1, sizeof *v);
    if (!v) abort();
    v->nslot = 1024;
    v->slot = calloc(v->nslot, sizeof *v->slot);
    if (!v->slot) abort();
    return v;
}

void tcpview_free(tcpview_t *v)
{
    if (!v) return;
    for (size_t i = 0; i < v->n; i++) {
        free(v->d[i].buf);
        free(v->d[i].cov);
    }
    free(v->d);
    free(v->slot);
    free(v);
}

static uint64_t key_hash(const tcpview_key_t *k)
{
    uint64_t h = 0xcbf29ce484222325ull ^ k->v6;
    const uint8_t *parts[2] = { k->src, k->dst };
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < 16; i++) h = (h ^ parts[p][i]) * 0x100000001b3ull;
    h = (h ^ k->sport) * 0x100000001b3ull;
    return (h ^ k->dport) * 0x100000001b3ull;
}

static int key_eq(const tcpview_key_t *a, const tcpview_key_t *b)
{
    return a->v6 == b->v6 && a->sport == b->sport && a->dport == b->dport && !memcmp(a->src, b->src, 16) &&
           !memcmp(a->dst, b->dst, 16);
}

/* The slot of k: its direction's, or the free one where it would go. */
static uint32_t *find_slot(const tcpview_t *v, const tcpview_key_t *k)
{
    size_t i = (size_t)key_hash(k) & (v->nslot - 1u);
    while (v->slot[i] && !key_eq(&v->d[v->slot[i] - 1u].key, k)) i = (i + 1u) & (v->nslot - 1u);
    return &v->slot[i];
}

static const tv_dir_t *find(const tcpview_t *v, const tcpview_key_t *k)
{
    uint32_t s = *find_slot(v, k);
    return s ? &v->d[s - 1u] : NULL;
}

static tv_dir_t *add(tcpview_t *v, const tcpview_key_t *k)
{
    if (2u * (v->n + 1u) > v->nslot) {
        free(v->slot);
        v->nslot *= 2u;
        v->slot = calloc(v->nslot, sizeof *v->slot);
        if (!v->slot) abort();
        for (size_t i = 0; i < v->n; i++) *find_slot(v, &v->d[i].key) = (uint32_t)i + 1u;
    }
    if (v->n == v->max) {
        v->max = v->max ? 2u * v->max : 256u;
        v->d = realloc(v->d, v->max * sizeof *v->d);
        if (!v->d) abort();
    }
    tv_dir_t *d = &v->d[v->n];
    memset(d, 0, sizeof *d);
    d->key = *k;
    *find_slot(v, k) = (uint32_t)++v->n;
    return d;
}

static void grow(tv_dir_t *d, uint32_t need)
{
    if (need <= d->cap) return;
    uint32_t cap = d->cap ? d->cap : 256u;   /* most directions are short: 20,000 of them in a run */
    while (cap < need) cap = cap > TCPVIEW_WINDOW / 2u ? TCPVIEW_WINDOW : 2u * cap;
    d->buf = realloc(d->buf, cap);
    d->cov = realloc(d->cov, cap / 8u);
    if (!d->buf || !d->cov) abort();
    memset(d->cov + d->cap / 8u, 0, (cap - d->cap) / 8u);
    d->cap = cap;
}

static int held(const tv_dir_t *d, uint32_t i) { return i < d->cap && d->cov[i >> 3] >> (i & 7u) & 1u; }

void tcpview_segment(tcpview_t *v, const tcpview_key_t *k, uint32_t seq, int syn, int fin, const uint8_t *data,
                     uint32_t len)
{
    uint32_t *s = find_slot(v, k);
    tv_dir_t *d = *s ? &v->d[*s - 1u] : NULL;
    uint32_t dseq = syn ? seq + 1u : seq;
    if (!d)
        d = add(v, k);
    /* the first segment sets the base; a SYN sets it again while no byte is held (a stray
     * segment of an earlier connection, or a SYN retried with another ISN) */
    if (d->segments == 0 || (syn && !d->bytes)) {
        d->base = dseq;
        d->syn = (uint8_t)(syn != 0);
        d->fin_seen = 0;
    }
    d->segments++;
    int64_t off = (int32_t)(dseq - d->base);
    uint32_t skip = 0;
    if (off < 0) {   /* before the base: a byte the view never starts from */
        skip = (uint64_t)-off < len ? (uint32_t)-off : len;
        d->before += skip;
        off = 0;
    }
    uint32_t at = (uint32_t)off, n = len - skip;
    if (n && (uint64_t)at + n > TCPVIEW_WINDOW) {
        d->far += n;
        n = 0;
    }
    if (fin && !d->fin_seen) {
        d->fin_seen = 1;
        d->fin = at + n;
    }
    if (!n) return;
    grow(d, at + n);
    for (uint32_t i = 0; i < n; i++, at++) {
        if (held(d, at)) { d->dup++; continue; }
        d->buf[at] = data[skip + i];
        d->cov[at >> 3] |= (uint8_t)(1u << (at & 7u));
        d->bytes++;
    }
    if (at > d->hi) d->hi = at;
}

/* The direction's key from the IPv4 (l3 1) or IPv6 (l3 2) and TCP headers in b (their
 * offsets l3_off, l4_off; the caller has checked they are within the bytes). */
static void key_of(tcpview_key_t *k, const uint8_t *b, uint32_t l3, uint32_t l3_off, uint32_t l4_off)
{
    const uint32_t alen = l3 == 2 ? 16u : 4u, aoff = l3 == 2 ? 8u : 12u;
    memset(k, 0, sizeof *k);
    k->v6 = (uint8_t)(l3 == 2);
    memcpy(k->src, b + l3_off + aoff, alen);
    memcpy(k->dst, b + l3_off + aoff + alen, alen);
    k->sport = (uint16_t)be16(b + l4_off);
    k->dport = (uint16_t)be16(b + l4_off + 2);
}

/* The rule both feeds share: a TCP segment over IPv4 or IPv6 that is no fragment, its
 * TCP header (20 bytes or more) within the bytes; its data the bytes after the TCP
 * header, at most pay of them (the IP-declared payload: the rest is padding). */
static int place(tcpview_t *v, uint32_t l3, uint32_t l4, uint32_t frag, uint32_t l3_off, uint32_t l4_off, uint32_t pay,
                 const uint8_t *b, uint32_t n)
{
    tcpview_key_t k;
    const uint32_t alen = l3 == 2 ? 16u : 4u, aoff = l3 == 2 ? 8u : 12u;
    if ((l3 != 1 && l3 != 2) || l4 != 1 || frag || l3_off + aoff + 2u * alen > n || l4_off + 20u > n)
        return 0;
    const uint8_t *t = b + l4_off;
    uint32_t thl = (uint32_t)(t[12] >> 4) * 4u;
    if (thl < 20u || l4_off + thl > n)
        return 0;
    key_of(&k, b, l3, l3_off, l4_off);
    uint32_t avail = n - l4_off - thl;
    tcpview_segment(v, &k, be32(t + 4), t[13] & NICRX_TCP_SYN, t[13] & NICRX_TCP_FIN, t + thl,
                    pay < avail ? pay : avail);
    return 1;
}

int tcpview_run(tcpview_t *v, const struct nicrx_cmpl *c, const uint8_t *hdr, uint32_t hlen, uint32_t from,
                const uint8_t *data, uint32_t len, uint32_t segs, int fin)
{
    tcpview_key_t k;
    const uint32_t l3 = NICRX_FIELD(c->w0, NICRX_C0_L3_SHIFT, 2), l3_off = NICRX_FIELD(c->w1, NICRX_C1_L3OFF_SHIFT, 8);
    const uint32_t l4_off = NICRX_FIELD(c->w1, NICRX_C1_L4OFF_SHIFT, 8);
    const uint32_t alen = l3 == 2 ? 16u : 4u, aoff = l3 == 2 ? 8u : 12u;
    if ((l3 != 1 && l3 != 2) || l3_off + aoff + 2u * alen > hlen || l4_off + 20u > hlen || from > len || segs < 2)
        return 0;
    key_of(&k, hdr, l3, l3_off, l4_off);
    tcpview_segment(v, &k, be32(hdr + l4_off + 4) + from, 0, fin, data + from, len - from);
    /* the appended segments but the one just counted */
    v->d[*find_slot(v, &k) - 1u].segments += segs - 2u;
    return 1;
}

int tcpview_record(tcpview_t *v, const struct nicrx_cmpl *c, const uint8_t *bytes, uint32_t n)
{
    return place(v, NICRX_FIELD(c->w0, NICRX_C0_L3_SHIFT, 2), NICRX_FIELD(c->w0, NICRX_C0_L4_SHIFT, 2),
                 NICRX_FIELD(c->w0, NICRX_C0_FRAG_BIT, 1), NICRX_FIELD(c->w1, NICRX_C1_L3OFF_SHIFT, 8),
                 NICRX_FIELD(c->w1, NICRX_C1_L4OFF_SHIFT, 8), nicrx_cmpl_pay(c), bytes, n);
}

int tcpview_frame(tcpview_t *v, const nicrx_hv_t *hv, const uint8_t *bytes, uint32_t n)
{
    return place(v, hv->l3, hv->l4, hv->frag & 1u, hv->l3_off, hv->l4_off, hv->l4_len, bytes, n);
}

/* "ADDR.PORT" of one end, IPv6 with '_' for ':' (a file name's part). */
static void end_name(char *s, size_t n, const tcpview_key_t *k, int dst)
{
    char a[INET6_ADDRSTRLEN];
    inet_ntop(k->v6 ? AF_INET6 : AF_INET, dst ? k->dst : k->src, a, sizeof a);
    for (char *p = a; *p; p++)
        if (*p == ':') *p = '_';
    snprintf(s, n, "%s.%u", a, dst ? k->dport : k->sport);
}

static void dir_name(char *s, size_t n, const tcpview_key_t *k)
{
    char a[64], b[64];
    end_name(a, sizeof a, k, 0);
    end_name(b, sizeof b, k, 1);
    snprintf(s, n, "%s-%s", a, b);
}

int tcpview_compare(const tcpview_t *a, const tcpview_t *b, char *why, size_t n)
{
    char name[160];
    for (int pass = 0; pass < 2; pass++) {
        const tcpview_t *x = pass ? b : a, *y = pass ? a : b;
        for (size_t i = 0; i < x->n; i++) {
            const tv_dir_t *dx = &x->d[i], *dy = find(y, &dx->key);
            dir_name(name, sizeof name, &dx->key);
            if (!dy) {
                snprintf(why, n, "direction %s is only in the %s", name, pass ? "capture's view" : "host's view");
                return -1;
            }
            if (pass) continue;
            if (dx->base != dy->base || dx->hi != dy->hi || dx->bytes != dy->bytes) {
                snprintf(why, n, "direction %s: host base %" PRIu32 ", %" PRIu64 " bytes up to %" PRIu32
                         "; capture base %" PRIu32 ", %" PRIu64 " bytes up to %" PRIu32, name, dx->base, dx->bytes,
                         dx->hi, dy->base, dy->bytes, dy->hi);
                return -1;
            }
            for (uint32_t j = 0; j < dx->hi; j++)
                if (held(dx, j) != held(dy, j) || (held(dx, j) && dx->buf[j] != dy->buf[j])) {
                    snprintf(why, n, "direction %s: byte %" PRIu32 " from the base differs (host %s, capture %s)", name,
                             j, held(dx, j) ? "holds it" : "has a gap", held(dy, j) ? "holds it" : "has a gap");
                    return -1;
                }
        }
    }
    return 0;
}

/* The end of the run of held bytes (or of the gap) that starts at i. */
static uint32_t run_end(const tv_dir_t *d, uint32_t i)
{
    int h = held(d, i);
    while (i < d->hi && held(d, i) == h) i++;
    return i;
}

static int write_dir(const tv_dir_t *d, const char *dir, FILE *idx, char *why, size_t n)
{
    char name[160], path[4096], a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
    dir_name(name, sizeof name, &d->key);
    snprintf(path, sizeof path, "%s/%s.bin", dir, name);
    FILE *f = fopen(path, "wb");
    uint32_t first = d->hi ? (held(d, 0) ? run_end(d, 0) : 0) : 0;
    int bad = !f || (first && fwrite(d->buf, 1, first, f) != first);
    if (f && fclose(f) != 0) bad = 1;
    if (bad) {
        snprintf(why, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    inet_ntop(d->key.v6 ? AF_INET6 : AF_INET, d->key.src, a, sizeof a);
    inet_ntop(d->key.v6 ? AF_INET6 : AF_INET, d->key.dst, b, sizeof b);
    fprintf(idx, "{\"src\":\"%s\",\"sport\":%u,\"dst\":\"%s\",\"dport\":%u,\"file\":\"%s.bin\",\"base\":%" PRIu32
            ",\"syn\":%s,\"segments\":%" PRIu64 ",\"bytes\":%" PRIu64 ",\"in_order\":%" PRIu32 ",\"runs\":[",
            a, d->key.sport, b, d->key.dport, name, d->base, d->syn ? "true" : "false", d->segments, d->bytes, first);
    uint32_t gaps = 0, gap_bytes = 0;
    for (uint32_t i = 0, k = 0; i < d->hi;) {
        uint32_t e = run_end(d, i);
        if (held(d, i))
            fprintf(idx, "%s[%" PRIu32 ",%" PRIu32 "]", k++ ? "," : "", i, e - i);
        else {
            gaps++;
            gap_bytes += e - i;
        }
        i = e;
    }
    fprintf(idx, "],\"gaps\":%" PRIu32 ",\"gap_bytes\":%" PRIu32 ",\"dup_bytes\":%" PRIu64 ",\"before_bytes\":%" PRIu64
            ",\"far_bytes\":%" PRIu64 ",\"fin\":", gaps, gap_bytes, d->dup, d->before, d->far);
    if (d->fin_seen) fprintf(idx, "%" PRIu32 "}\n", d->fin);
    else fputs("null}\n", idx);
    return 0;
}

int tcpview_write(const tcpview_t *v, const char *dir, char *why, size_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/index.jsonl", dir);
    FILE *idx = fopen(path, "w");
    if (!idx) {
        snprintf(why, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < v->n; i++)
        if (write_dir(&v->d[i], dir, idx, why, n) != 0) {
            fclose(idx);
            return -1;
        }
    if (fclose(idx) != 0) {
        snprintf(why, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}
