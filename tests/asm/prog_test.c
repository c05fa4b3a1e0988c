/* prog_test.c - the shipped parser programs (microcode/NAME.nasm) on crafted
 * frames: each case assembles the program, runs the model's functional parse
 * nicrx_parse() and compares every header-vector field (but the hash, which
 * is the model's) and the instruction count with what the case expects.
 *
 *   prog_test MICROCODE_DIR     prints "ok NAME # N steps" / "not ok NAME: why"
 *
 * Exit status 1 if a case failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nicrx_asm.h"
#include "nicrx_model.h"

#define HB      128u   /* HEADER_BYTES of the default configuration */
#define DEPTH   64u    /* IMEM_DEPTH of the default configuration */
#define LIMIT   64u    /* step limit of the cases (PARSER_CTRL) */

typedef struct fb {
    uint8_t  b[1024];
    uint32_t n;
} fb_t;

typedef struct suite {
    nicrx_asm_prog_t prog;
    const char *name;
    int strict; /* the step budgets of the common case apply */
    int failed;
} suite_t;

static const uint8_t MAC[12] = { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2 };
static const uint8_t SRC4[4] = { 10, 0, 0, 1 }, DST4[4] = { 192, 168, 7, 2 };
static const uint8_t SRC6[16] = { 0x20, 0x01, 0x0d, 0xb8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
static const uint8_t DST6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0xa1, 0xa2, 0xa3, 0xa4, 0xb5, 0xb6, 0xb7, 0xb8,
                                  0xc9, 0xca, 0xcb, 0xcc };

static void u8(fb_t *f, uint32_t v) { f->b[f->n++] = (uint8_t)v; }
static void u16(fb_t *f, uint32_t v) { u8(f, v >> 8); u8(f, v); }
static void u32(fb_t *f, uint32_t v) { u16(f, v >> 16); u16(f, v); }
static void put(fb_t *f, const uint8_t *p, uint32_t n) { memcpy(f->b + f->n, p, n); f->n += n; }
static void fill(fb_t *f, uint32_t n, uint8_t v) { memset(f->b + f->n, v, n); f->n += n; }

static void eth(fb_t *f, uint32_t et)
{
    f->n = 0;
    put(f, MAC, 12);
    u16(f, et);
}

static void tag(fb_t *f, uint32_t tci, uint32_t et) { u16(f, tci); u16(f, et); }

/* IPv4 header of ihl words (options are NOPs); tot = total length. */
static void ip4(fb_t *f, uint32_t verihl, uint32_t tot, uint32_t flags_frag, uint32_t proto)
{
    u8(f, verihl);
    u8(f, 0);
    u16(f, tot);
    u16(f, 0x1234);
    u16(f, flags_frag);
    u8(f, 64);
    u8(f, proto);
    u16(f, 0);
    put(f, SRC4, 4);
    put(f, DST4, 4);
    fill(f, 4 * ((verihl & 15u) > 5 ? (verihl & 15u) - 5 : 0), 1);
}

static void ip6(fb_t *f, uint32_t plen, uint32_t nh)
{
    u32(f, 0x60000000u);
    u16(f, plen);
    u8(f, nh);
    u8(f, 64);
    put(f, SRC6, 16);
    put(f, DST6, 16);
}

/* An extension header of (len + 1) * 8 bytes. */
static void ext6(fb_t *f, uint32_t nh, uint32_t len)
{
    u8(f, nh);
    u8(f, len);
    fill(f, 6 + 8 * len, 0);
}

static void frag6(fb_t *f, uint32_t nh, uint32_t off, uint32_t m)
{
    u8(f, nh);
    u8(f, 0);
    u16(f, off << 3 | m);
    u32(f, 0xabcdef01u);
}

static void tcp(fb_t *f, uint32_t sport, uint32_t dport, uint32_t doff, uint32_t flags)
{
    u16(f, sport);
    u16(f, dport);
    u32(f, 0x11223344u);
    u32(f, 0x55667788u);
    u16(f, doff << 12 | flags);
    u16(f, 0xffff);
    u32(f, 0);
    fill(f, doff > 5 ? 4 * (doff - 5) : 0, 1);
}

static void udp(fb_t *f, uint32_t sport, uint32_t dport, uint32_t len)
{
    u16(f, sport);
    u16(f, dport);
    u16(f, len);
    u16(f, 0);
}

/* ---- expected header vectors ------------------------------------------------------- */

static void want4(nicrx_hv_t *w, uint32_t l3_off, uint32_t proto)
{
    memcpy(w->src, SRC4, 4);
    memcpy(w->dst, DST4, 4);
    w->l3 = 1;
    w->l3_off = (uint8_t)l3_off;
    w->proto = (uint8_t)proto;
    w->cls |= NICRX_CLS(NICRX_CLS_IPV4);
}

static void want6(nicrx_hv_t *w, uint32_t l3_off, uint32_t proto)
{
    memcpy(w->src, SRC6, 16);
    memcpy(w->dst, DST6, 16);
    w->l3 = 2;
    w->l3_off = (uint8_t)l3_off;
    w->proto = (uint8_t)proto;
    w->cls |= NICRX_CLS(NICRX_CLS_IPV6);
}

/* TCP at l4_off, header doff words, flags; payload bytes after it. */
static void want_tcp(nicrx_hv_t *w, uint32_t l4_off, uint32_t sport, uint32_t dport, uint32_t doff, uint32_t flags,
                     uint32_t payload)
{
    w->l4 = 1;
    w->cls |= NICRX_CLS(NICRX_CLS_TCP);
    w->l4_off = (uint8_t)l4_off;
    w->sport = (uint16_t)sport;
    w->dport = (uint16_t)dport;
    w->seq = 0x11223344u;
    w->ack = 0x55667788u;
    w->tcp_flags = (uint16_t)flags;
    w->tcp_hlen = (uint16_t)(4 * doff);
    w->pay_off = (uint16_t)(l4_off + 4 * doff);
    w->l4_len = (uint16_t)payload;
    if (flags & 7u)
        w->cls |= NICRX_CLS(NICRX_CLS_CTRL);
}

static void want_udp(nicrx_hv_t *w, uint32_t l4_off, uint32_t sport, uint32_t dport, uint32_t payload)
{
    w->l4 = 2;
    w->cls |= NICRX_CLS(NICRX_CLS_UDP);
    w->l4_off = (uint8_t)l4_off;
    w->sport = (uint16_t)sport;
    w->dport = (uint16_t)dport;
    w->pay_off = (uint16_t)(l4_off + 8);
    w->l4_len = (uint16_t)payload;
}

static void add_cls(nicrx_hv_t *w, uint32_t bit)
{
    w->cls |= (uint16_t)NICRX_CLS(bit);
    w->perr = (uint8_t)((w->cls >> NICRX_CLS_PERR) & 1u);
}

/* ---- running a case -------------------------------------------------------------- */

#define CMP(field)                                                                               \
    do {                                                                                         \
        if ((uint64_t)got->field != (uint64_t)want->field && p < end)                            \
            p += snprintf(p, (size_t)(end - p), " " #field " %#llx want %#llx",                   \
                          (unsigned long long)got->field, (unsigned long long)want->field);      \
    } while (0)

static int diff(const nicrx_hv_t *got, const nicrx_hv_t *want, char *p, char *end)
{
    char *start = p;

    CMP(cls); CMP(l3); CMP(l4); CMP(proto); CMP(vlan_cnt); CMP(vlan[0]); CMP(vlan[1]);
    CMP(frag); CMP(mf); CMP(frag_off); CMP(sport); CMP(dport); CMP(seq); CMP(ack); CMP(tcp_flags);
    CMP(tcp_hlen); CMP(l4_len); CMP(l3_off); CMP(l4_off); CMP(pay_off); CMP(truncated); CMP(perr);
    if (memcmp(got->src, want->src, 16) && p < end)
        p += snprintf(p, (size_t)(end - p), " src");
    if (memcmp(got->dst, want->dst, 16) && p < end)
        p += snprintf(p, (size_t)(end - p), " dst");
    return p != start;
}

/* Runs frame f (len bytes on the wire, of which f->n are given) with header
 * bytes hb; want_steps 0: the step count is only reported. */
static void run(suite_t *s, const char *name, const fb_t *f, uint32_t len, uint32_t hb, const nicrx_hv_t *want,
                uint32_t want_steps)
{
    uint32_t w = len < hb ? len : hb, steps;
    uint8_t *bytes = calloc(w ? w : 1, 1);
    nicrx_hv_t got;
    char why[512] = "";

    memcpy(bytes, f->b, w < f->n ? w : f->n); /* exactly W bytes: a read past them is a bug */
    steps = nicrx_parse(s->prog.words, DEPTH, bytes, len, hb, LIMIT, &got);
    free(bytes);
    diff(&got, want, why, why + sizeof why);
    if (want_steps && steps != want_steps)
        snprintf(why + strlen(why), sizeof why - strlen(why), " steps %u want %u", steps, want_steps);
    if (why[0]) {
        printf("not ok asm-%s-%s:%s\n", s->name, name, why);
        s->failed = 1;
    } else {
        printf("ok asm-%s-%s # %u steps\n", s->name, name, steps);
    }
}

/* ---- the cases ------------------------------------------------------------------- */

#define PAY 100u /* TCP/UDP payload bytes of the cases (not all given: len says so) */

/* IPv4/TCP, optionally behind the tags given by tpid[] (0-terminated). */
static void case_v4tcp(suite_t *s, const char *name, const uint32_t *tpid, uint32_t sport, uint32_t dport,
                       uint32_t flags, uint32_t steps, uint32_t extra_cls)
{
    fb_t f;
    nicrx_hv_t w;
    uint32_t k = 0, l3;

    memset(&w, 0, sizeof w);
    eth(&f, tpid[0] ? tpid[0] : 0x0800);
    for (k = 0; tpid[k]; k++) {
        tag(&f, 0x100u * (k + 1) + 0x2005u, tpid[k + 1] ? tpid[k + 1] : 0x0800); /* PCP 1, VID 0x105, 0x205 */
        if (k < 2)
            w.vlan[k] = (uint16_t)(0x100u * (k + 1) + 5u);
    }
    w.vlan_cnt = (uint8_t)(k < 2 ? k : 2);
    l3 = f.n;
    ip4(&f, 0x45, 40 + PAY, 0x4000 /* DF */, 6);
    tcp(&f, sport, dport, 5, flags);
    want4(&w, l3, 6);
    want_tcp(&w, l3 + 20, sport, dport, 5, flags, PAY);
    w.cls |= (uint16_t)extra_cls;
    run(s, name, &f, f.n + PAY, HB, &w, steps);
}

/* The step counts of default.nasm (docs/microcode.md, "Shipped programs"); the other
 * programs take other paths for some of these frames. */
#define S(n) (s->strict ? (n) : 0u)

static void cases_common(suite_t *s)
{
    static const uint32_t none[] = { 0 }, q[] = { 0x8100, 0 }, ad[] = { 0x88a8, 0x8100, 0 },
                          old[] = { 0x9100, 0x8100, 0 }, three[] = { 0x88a8, 0x8100, 0x8100, 0 };
    const uint32_t presel = NICRX_CLS(NICRX_CLS_PRESEL);
    fb_t f;
    nicrx_hv_t w;

    case_v4tcp(s, "ipv4-tcp", none, 40000, 443, 0x10, S(8), presel);
    case_v4tcp(s, "ipv4-tcp-syn", none, 40000, 443, 0x02, S(8), presel);
    case_v4tcp(s, "ipv4-tcp-fin", none, 40000, 443, 0x11, S(8), presel);
    case_v4tcp(s, "ipv4-tcp-rst", none, 40000, 443, 0x04, S(8), presel);
    case_v4tcp(s, "vlan-ipv4-tcp", q, 40000, 443, 0x18, S(11), presel);
    case_v4tcp(s, "qinq-88a8-ipv4-tcp", ad, 40000, 443, 0x10, S(16), presel);
    case_v4tcp(s, "qinq-9100-ipv4-tcp", old, 40000, 443, 0x10, S(14), presel);
    case_v4tcp(s, "3tags-ipv4-tcp", three, 40000, 443, 0x10, S(19), presel);

    /* LLC/SNAP: 802.3 length, AA AA 03, OUI 0, EtherType */
    memset(&w, 0, sizeof w);
    eth(&f, 60 + 8);
    u16(&f, 0xaaaa); u8(&f, 3); u8(&f, 0); u16(&f, 0); u16(&f, 0x0800);
    ip4(&f, 0x45, 40 + PAY, 0, 6);
    tcp(&f, 1234, 8080, 5, 0x10);
    want4(&w, 22, 6);
    want_tcp(&w, 42, 1234, 8080, 5, 0x10, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "llc-snap-ipv4-tcp", &f, f.n + PAY, HB, &w, S(15));

    /* 802.3 without SNAP, and an EtherType we do not parse: nothing */
    memset(&w, 0, sizeof w);
    eth(&f, 46);
    u16(&f, 0x4242); u8(&f, 3); fill(&f, 43, 0);
    run(s, "llc-stp", &f, f.n, HB, &w, S(6));
    eth(&f, 0x0806);
    fill(&f, 46, 0x5a);
    run(s, "arp", &f, f.n, HB, &w, S(5));

    /* IPv4 with options (IHL 7): L4 moves, still pre-selected */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x47, 28 + 20 + PAY, 0, 6);
    tcp(&f, 5, 6, 5, 0x10);
    want4(&w, 14, 6);
    want_tcp(&w, 42, 5, 6, 5, 0x10, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "ipv4-options-tcp", &f, f.n + PAY, HB, &w, S(10));

    /* bad IPv4 headers: IHL 4, version 5 */
    memset(&w, 0, sizeof w);
    w.l3_off = 14; w.pay_off = 14;
    add_cls(&w, NICRX_CLS_PERR);
    eth(&f, 0x0800);
    ip4(&f, 0x44, 40, 0, 6);
    tcp(&f, 5, 6, 5, 0);
    run(s, "ipv4-ihl4-perr", &f, f.n, HB, &w, S(5));
    f.b[14] = 0x55;
    run(s, "ipv4-version5-perr", &f, f.n, HB, &w, S(4));

    /* fragments: non-first (no L4), first with MF (TCP, not pre-selected) */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 20 + PAY, 0x2000 | 185, 6);
    fill(&f, 40, 0x77);
    want4(&w, 14, 6);
    w.frag = 1; w.mf = 1; w.frag_off = 185; w.pay_off = 34;
    run(s, "ipv4-tcp-fragment-later", &f, f.n + PAY - 40, HB, &w, S(7));
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 40 + PAY, 0x2000, 6);
    tcp(&f, 7, 8, 5, 0x02);
    want4(&w, 14, 6);
    want_tcp(&w, 34, 7, 8, 5, 0x02, PAY);
    w.frag = 1; w.mf = 1;
    run(s, "ipv4-tcp-fragment-first", &f, f.n + PAY, HB, &w, S(9));
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 20 + PAY, 185, 17);
    fill(&f, 40, 0x77);
    want4(&w, 14, 17);
    w.frag = 1; w.frag_off = 185; w.pay_off = 34;
    run(s, "ipv4-udp-fragment-last", &f, f.n + PAY - 40, HB, &w, S(7));

    /* IPv4 UDP, ICMP */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 28 + PAY, 0, 17);
    udp(&f, 53, 5353, 8 + PAY);
    want4(&w, 14, 17);
    want_udp(&w, 34, 53, 5353, PAY);
    run(s, "ipv4-udp", &f, f.n + PAY, HB, &w, S(7));
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 28 + PAY, 0, 1);
    u32(&f, 0x08000000); u32(&f, 0);
    want4(&w, 14, 1);
    add_cls(&w, NICRX_CLS_L4OTHER);
    w.l4 = 3; w.l4_off = 34; w.pay_off = 34;
    run(s, "ipv4-icmp", &f, f.n + PAY, HB, &w, S(6));

    /* TCP data offset: options (8 words), and below 5 (perr) */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 52 + PAY, 0, 6);
    tcp(&f, 9, 10, 8, 0x10);
    want4(&w, 14, 6);
    want_tcp(&w, 34, 9, 10, 8, 0x10, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "ipv4-tcp-options", &f, f.n + PAY, HB, &w, S(8));
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 40 + PAY, 0, 6);
    tcp(&f, 9, 10, 4, 0x10);
    want4(&w, 14, 6);
    want_tcp(&w, 34, 9, 10, 0, 0x10, 0);
    w.pay_off = 34; w.l4_len = 40 + PAY - 20;
    w.cls |= (uint16_t)presel;
    add_cls(&w, NICRX_CLS_PERR);
    run(s, "ipv4-tcp-doff4-perr", &f, f.n + PAY, HB, &w, S(8));

    /* a frame cut inside the TCP header (len 50): truncated at the read of ack */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 40 + PAY, 0, 6);
    tcp(&f, 9, 10, 5, 0x10);
    want4(&w, 14, 6);
    want_tcp(&w, 34, 9, 10, 0, 0, 0);
    w.ack = 0; w.pay_off = 34; w.l4_len = 40 + PAY - 20; w.truncated = 1;
    w.cls |= (uint16_t)presel;
    run(s, "ipv4-tcp-truncated", &f, 48, HB, &w, S(7));

    /* IPv6: TCP, and the extension headers */
    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 20 + PAY, 6);
    tcp(&f, 40001, 22, 5, 0x10);
    want6(&w, 14, 6);
    want_tcp(&w, 54, 40001, 22, 5, 0x10, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "ipv6-tcp", &f, f.n + PAY, HB, &w, S(13));

    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 8 + 20 + PAY, 0);
    ext6(&f, 6, 0);
    tcp(&f, 40001, 22, 5, 0x12);
    want6(&w, 14, 6);
    want_tcp(&w, 62, 40001, 22, 5, 0x12, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "ipv6-hop-tcp", &f, f.n + PAY, HB, &w, S(17));

    memset(&w, 0, sizeof w);
    eth(&f, 0x8100);
    tag(&f, 7, 0x86dd);
    ip6(&f, 24 + 16 + 8 + PAY, 43);
    ext6(&f, 60, 2);
    ext6(&f, 17, 1);
    udp(&f, 546, 547, 8 + PAY);
    want6(&w, 18, 17);
    w.vlan_cnt = 1; w.vlan[0] = 7;
    want_udp(&w, 18 + 40 + 24 + 16, 546, 547, PAY);
    run(s, "vlan-ipv6-route-dest-udp", &f, f.n + PAY, HB, &w, S(26));

    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 8 + 20 + PAY, 44);
    frag6(&f, 6, 0, 1);
    tcp(&f, 1, 2, 5, 0x10);
    want6(&w, 14, 6);
    want_tcp(&w, 62, 1, 2, 5, 0x10, PAY);
    w.frag = 1; w.mf = 1;
    run(s, "ipv6-tcp-fragment-first", &f, f.n + PAY, HB, &w, S(22));

    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 8 + PAY, 44);
    frag6(&f, 6, 150, 1);
    fill(&f, 40, 0x33);
    want6(&w, 14, 6);
    w.frag = 1; w.frag_off = 150; w.l4_off = 54; w.pay_off = 54; /* mf: see microcode/ether.inc */
    run(s, "ipv6-tcp-fragment-later", &f, f.n + PAY - 40, HB, &w, S(17));

    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 8 + 20 + PAY, 44);
    frag6(&f, 6, 0, 0);
    tcp(&f, 1, 2, 5, 0x10);
    want6(&w, 14, 6);
    want_tcp(&w, 62, 1, 2, 5, 0x10, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "ipv6-tcp-atomic-fragment", &f, f.n + PAY, HB, &w, S(21));

    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 0, 59);
    want6(&w, 14, 59);
    w.l4_off = 20; /* L4 points at the next-header byte when the chain ends */
    w.pay_off = 54;
    run(s, "ipv6-no-next-header", &f, f.n, HB, &w, S(16));

    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 20, 6);
    f.b[14] = 0x40;
    tcp(&f, 1, 2, 5, 0x10);
    w.l3_off = 14; w.pay_off = 14;
    add_cls(&w, NICRX_CLS_PERR);
    run(s, "ipv6-version4-perr", &f, f.n, HB, &w, S(5));

    /* IPv6 behind many extension headers, cut by HEADER_BYTES = 64 */
    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 200, 0);
    ext6(&f, 60, 1);
    ext6(&f, 6, 0);
    tcp(&f, 1, 2, 5, 0x10);
    want6(&w, 14, 60);
    w.l4_off = 70; w.pay_off = 70; w.truncated = 1;
    w.cls = 0; w.l3 = 0; /* the class is decided at the L4 header, never reached */
    run(s, "ipv6-ext-truncated-hb64", &f, f.n + PAY, 64, &w, S(19));
}

static void cases_nohttp(suite_t *s)
{
    const uint32_t presel = NICRX_CLS(NICRX_CLS_PRESEL), noassist = NICRX_CLS(NICRX_CLS_NOASSIST);
    static const uint32_t none[] = { 0 };
    fb_t f;
    nicrx_hv_t w;

    case_v4tcp(s, "http-dport", none, 40000, 80, 0x18, 10, noassist);
    case_v4tcp(s, "http-sport", none, 80, 40000, 0x18, 9, noassist);
    case_v4tcp(s, "https", none, 40000, 443, 0x18, 9, presel);
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 40 + PAY, 0x2000, 6);
    tcp(&f, 7, 80, 5, 0x10);
    want4(&w, 14, 6);
    want_tcp(&w, 34, 7, 80, 5, 0x10, PAY);
    w.frag = 1; w.mf = 1;
    run(s, "http-fragment-first", &f, f.n + PAY, HB, &w, 9);
    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 20 + PAY, 6);
    tcp(&f, 40001, 80, 5, 0x10);
    want6(&w, 14, 6);
    want_tcp(&w, 54, 40001, 80, 5, 0x10, PAY);
    w.cls |= (uint16_t)noassist;
    run(s, "ipv6-http", &f, f.n + PAY, HB, &w, 15);
}

static void cases_vxlan(suite_t *s)
{
    const uint32_t presel = NICRX_CLS(NICRX_CLS_PRESEL);
    fb_t f;
    nicrx_hv_t w;
    uint32_t in;

    /* outer IPv4/UDP 4789, VXLAN, inner Ethernet IPv4/TCP */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 20 + 8 + 8 + 14 + 40 + PAY, 0, 17);
    udp(&f, 55555, 4789, 8 + 8 + 14 + 40 + PAY);
    u32(&f, 0x08000000); u32(&f, 0x00123400);
    memset(f.b + 26, 0xee, 8); /* outer addresses: not the flow */
    in = f.n;
    put(&f, MAC, 12); u16(&f, 0x0800);
    ip4(&f, 0x45, 40 + PAY, 0, 6);
    tcp(&f, 1000, 2000, 5, 0x02);
    want4(&w, in + 14, 6);
    want_tcp(&w, in + 34, 1000, 2000, 5, 0x02, PAY);
    w.cls |= (uint16_t)presel;
    run(s, "ipv4-vxlan-ipv4-tcp", &f, f.n + PAY, HB, &w, 15);

    /* outer IPv6/UDP 4789, inner 802.1Q IPv6/UDP */
    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 8 + 8 + 18 + 48 + PAY, 17);
    udp(&f, 55555, 4789, 8 + 8 + 18 + 48 + PAY);
    u32(&f, 0x08000000); u32(&f, 0x00123400);
    memset(f.b + 22, 0xee, 32);
    in = f.n;
    put(&f, MAC, 12); u16(&f, 0x8100); tag(&f, 42, 0x86dd);
    ip6(&f, 8 + PAY, 17);
    udp(&f, 3000, 4000, 8 + PAY);
    want6(&w, in + 18, 17);
    w.vlan_cnt = 1; w.vlan[0] = 42;
    want_udp(&w, in + 18 + 40, 3000, 4000, PAY);
    run(s, "ipv6-vxlan-vlan-ipv6-udp", &f, f.n + PAY, 256, &w, 29);

    /* UDP to another port: plain UDP */
    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    ip4(&f, 0x45, 28 + PAY, 0, 17);
    udp(&f, 4789, 53, 8 + PAY);
    want4(&w, 14, 17);
    want_udp(&w, 34, 4789, 53, PAY);
    run(s, "ipv4-udp-not-vxlan", &f, f.n + PAY, HB, &w, 9);
    memset(&w, 0, sizeof w);
    eth(&f, 0x86dd);
    ip6(&f, 8 + PAY, 17);
    udp(&f, 53, 53, 8 + PAY);
    want6(&w, 14, 17);
    want_udp(&w, 54, 53, 53, PAY);
    run(s, "ipv6-udp-not-vxlan", &f, f.n + PAY, HB, &w, 14);
}

/* The program library: one frame of each encapsulation, with the inner flow
 * (docs/microcode.md "Shipped programs"); the common cases run too. */
static void cases_library(suite_t *s)
{
    fb_t f;
    nicrx_hv_t w;
    uint32_t in;

    memset(&w, 0, sizeof w);
    eth(&f, 0x0800);
    if (!strcmp(s->name, "gre")) { /* IPv4, GRE with key and sequence number, IPv4/TCP */
        ip4(&f, 0x45, 20 + 12 + 40 + PAY, 0, 47);
        u16(&f, 0x3000); u16(&f, 0x0800); u32(&f, 7); u32(&f, 8);
    } else if (!strcmp(s->name, "geneve")) { /* IPv4/UDP 6081, Geneve with 2 option words, Ethernet */
        ip4(&f, 0x45, 20 + 8 + 16 + 14 + 40 + PAY, 0, 17);
        udp(&f, 55555, 6081, 8 + 16 + 14 + 40 + PAY);
        u16(&f, 0x0200); u16(&f, 0x6558); u32(&f, 0x00123400); u32(&f, 0x01020101); u32(&f, 0);
        put(&f, MAC, 12); u16(&f, 0x0800);
    } else if (!strcmp(s->name, "mpls")) { /* two labels, IPv4 */
        f.b[12] = 0x88; f.b[13] = 0x47;
        u32(&f, 0x00010040); u32(&f, 0x00020140);
    } else { /* PPPoE session 5, PPP IPv4 */
        f.b[12] = 0x88; f.b[13] = 0x64;
        u16(&f, 0x1100); u16(&f, 5); u16(&f, 2 + 40 + PAY); u16(&f, 0x0021);
        w.cls |= (uint16_t)NICRX_CLS(NICRX_CLS_SESSION);
    }
    memset(f.b + 26, 0xee, 8); /* outer addresses, if any: not the flow */
    in = f.n;
    ip4(&f, 0x45, 40 + PAY, 0, 6);
    tcp(&f, 1000, 2000, 5, 0x10);
    want4(&w, in, 6);
    want_tcp(&w, in + 20, 1000, 2000, 5, 0x10, PAY);
    w.cls |= (uint16_t)NICRX_CLS(NICRX_CLS_PRESEL);
    run(s, "ipv4-tcp-inside", &f, f.n + PAY, HB, &w,
        !strcmp(s->name, "gre") ? 19 : !strcmp(s->name, "geneve") ? 18 : !strcmp(s->name, "mpls") ? 16 : 15);
}

static int load(suite_t *s, const char *dir, const char *name)
{
    char path[512], err[512];

    memset(&s->prog, 0, sizeof s->prog);
    s->name = name;
    s->strict = !strcmp(name, "default");
    snprintf(path, sizeof path, "%s/%s.nasm", dir, name);
    if (nicrx_asm_file(path, DEPTH, &s->prog, err, sizeof err)) {
        printf("not ok asm-%s-assemble: %s\n", name, err);
        return -1;
    }
    printf("ok asm-%s-assemble # %u instructions\n", name, (unsigned)s->prog.n);
    return 0;
}

int main(int argc, char **argv)
{
    static suite_t s;
    int failed = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: prog_test MICROCODE_DIR\n");
        return 2;
    }
    if (load(&s, argv[1], "default") == 0)
        cases_common(&s);
    failed |= s.failed;
    if (load(&s, argv[1], "nohttp") == 0) {
        cases_common(&s); /* the same except for port 80, which no common case uses */
        cases_nohttp(&s);
    }
    failed |= s.failed;
    if (load(&s, argv[1], "vxlan") == 0) {
        cases_common(&s); /* the same except for UDP port 4789 */
        cases_vxlan(&s);
    }
    failed |= s.failed;
    for (uint32_t k = 0; k < 4; k++) {
        static const char *const lib[] = { "gre", "geneve", "mpls", "pppoe" };

        if (load(&s, argv[1], lib[k]) == 0) {
            cases_common(&s); /* the same except for what each one adds */
            cases_library(&s);
        }
        failed |= s.failed;
    }
    return failed;
}
