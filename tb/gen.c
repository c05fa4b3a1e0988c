/* gen.c - nicrx-gen: writes a seeded synthetic capture (nicrx-gen --help lists every option).
 *
 * Bench mode (the default, `make bench`): every frame is Ethernet II + headers
 * of --kind + payload, exactly --size bytes on the stream (no FCS), with
 * --flows flows taken in turn and each flow's sequence numbers continuing.
 * Kinds: tcp4 (IPv4 + TCP), vlan (one 802.1Q tag), qinq (802.1ad + 802.1Q
 * tags), tcp6 (IPv6 + TCP), tcp6ext (IPv6, hop-by-hop and destination
 * options, TCP), udp4.
 *
 * TCP mode (--mode tcp): --flows concurrent TCP connections, each with its
 * set-up (SYN, SYN-ACK, ACK), data one way with ACKs back (or data both ways),
 * and a FIN or RST teardown after which a new connection (new client port)
 * takes its place, so more than --flows connections appear.  Options add
 * reordering, capture loss, retransmissions, IPv6, VLAN tags, TCP timestamps
 * that change now and then, PSH and short segments.  The receiver's ACKs
 * cover what it has seen in order (a lost segment counts as received: the
 * capture missed it, the peer did not).  Correct IPv4 and TCP checksums.
 * --encap wraps the frames of a share of the connections in a tunnel or an
 * encapsulation (GRE, Geneve, MPLS, PPPoE session) whose variants (flags,
 * options, labels, inner Ethernet, outer IPv6) are drawn per connection.
 *
 * Both modes space timestamps at 10 Gb/s line rate (length + 20 bytes of
 * preamble and gap per frame), so --pace ts and --pace line agree. */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nicrx_hw.h"
#include "bytes.h"
#include "prng.h"

typedef enum { K_TCP4 = 0, K_VLAN, K_QINQ, K_TCP6, K_TCP6EXT, K_UDP4, NKIND } kind_t;
static const char *const kind_name[NKIND] = { "tcp4", "vlan", "qinq", "tcp6", "tcp6ext", "udp4" };
/* Header bytes: Ethernet 14 + tags + IP (+ extensions) + L4. */
static const uint32_t kind_hdr[NKIND] = { 54, 58, 62, 74, 90, 42 };

#define MAX_PAY 9000u                       /* largest TCP payload of --pay */
#define MAX_FRAME (14u + 4u + 40u + 60u + MAX_PAY)
#define MAX_ENCAP (14u + 40u + 8u + 8u + 16u)   /* outer Ethernet, IPv6, UDP, Geneve and its options */

typedef enum { E_NONE = 0, E_GRE, E_GENEVE, E_MPLS, E_PPPOE, NENCAP } encap_t;
static const char *const encap_name[NENCAP] = { "none", "gre", "geneve", "mpls", "pppoe" };
#define MIN_FRAME 60u                       /* Ethernet minimum without FCS: shorter frames are padded */

typedef struct range { uint32_t lo, hi; } range_t;

typedef struct gen_opts {
    uint32_t count, size, flows;
    uint64_t seed;
    kind_t kind;
    const char *out;
    int tcp;                                /* --mode tcp */
    int both;                               /* --data both */
    int pay_seq;                            /* --pay-bytes seq: a byte is a function of its sequence number */
    int rr;                                 /* --interleave rr */
    uint32_t acks, reorder, loss, retrans, rst, handshake, ipv6, vlan, ts, ts_change, psh, small;
    range_t pay, life, reorder_dist, retrans_dist;
    encap_t encap;                          /* --encap KIND[:PCT] */
    uint32_t encap_pct;
    uint32_t port, port_pct;                /* --port P[:PCT]: the server port of PCT % of the connections (0: none) */
    int summary;                            /* --summary: counts on stdout */
    uint32_t lie;                           /* --lie PCT (bench mode): a frame's IP length or TCP data offset lies */
    int tcp_only_set, bench_only_set;       /* for the mode check */
} gen_opts_t;

typedef struct writer {
    pcap_dumper_t *d;
    uint64_t t_ps;                          /* 10 Gb/s: 800 ps per byte */
    uint32_t frames;
} writer_t;

static void put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffffu); }

/* --pay-bytes seq: the byte at sequence number s of a segment from port sp to port dp
 * (tests/t_streams.sh checks a stream view against it). */
static uint8_t seq_byte(uint32_t s, uint32_t sp, uint32_t dp)
{
    return (uint8_t)(s % 251u + 17u * (s / 251u % 256u) + sp + dp);
}

static uint32_t sum16(uint32_t sum, const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)p[i] << 8 | p[i + 1];
    if (i < n)
        sum += (uint32_t)p[i] << 8;
    return sum;
}

static uint16_t fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffffu) + (sum >> 16);
    return (uint16_t)~sum;
}

static uint16_t ip_checksum(const uint8_t *p, size_t n) { return fold(sum16(0, p, n)); }

static void write_frame(writer_t *w, const uint8_t *f, uint32_t len)
{
    struct pcap_pkthdr h;
    h.ts.tv_sec = (time_t)(w->t_ps / 1000000000000ull);
    h.ts.tv_usec = (suseconds_t)((w->t_ps % 1000000000000ull) / 1000u); /* ns: nano precision */
    h.caplen = h.len = len;
    pcap_dump((u_char *)w->d, &h, f);
    w->t_ps += (uint64_t)(len + 20u) * 800u;
    w->frames++;
}

/* ---- bench mode ---- */

static void build_frame(uint8_t *f, kind_t kind, uint32_t size, uint32_t flow, uint32_t seq, uint64_t *rng)
{
    static const uint8_t dmac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
    uint32_t hdr = kind_hdr[kind];
    memset(f, 0, hdr);
    memcpy(f, dmac, 6);
    f[6] = 0x02; f[11] = (uint8_t)(flow & 0xffu);
    uint8_t *p = f + 12;
    if (kind == K_QINQ) { put16(p, 0x88a8); put16(p + 2, 100u + flow % 7u); p += 4; }
    if (kind == K_QINQ || kind == K_VLAN) { put16(p, 0x8100); put16(p + 2, 200u + flow % 13u); p += 4; }
    int v6 = kind == K_TCP6 || kind == K_TCP6EXT;
    put16(p, v6 ? 0x86dd : 0x0800);
    uint8_t *ip = p + 2, *l4;
    uint32_t l4proto = kind == K_UDP4 ? 17u : 6u;
    if (v6) {
        ip[0] = 0x60;
        put16(ip + 4, size - (uint32_t)(ip + 40 - f));
        ip[6] = kind == K_TCP6EXT ? 0 : (uint8_t)l4proto;  /* hop-by-hop, or TCP */
        ip[7] = 64;
        put32(ip + 8, 0x20010db8u); put32(ip + 20, flow);
        put32(ip + 24, 0x20010db8u); put32(ip + 36, 1);
        l4 = ip + 40;
        if (kind == K_TCP6EXT) {
            l4[0] = 60;  /* hop-by-hop -> destination options, 8 bytes (PadN) */
            l4[2] = 1; l4[3] = 4;
            l4[8] = (uint8_t)l4proto;
            l4[10] = 1; l4[11] = 4;
            l4 += 16;
        }
    } else {
        ip[0] = 0x45;
        put16(ip + 2, size - (uint32_t)(ip - f));
        put16(ip + 4, seq & 0xffffu);
        ip[6] = 0x40;                  /* DF */
        ip[8] = 64;
        ip[9] = (uint8_t)l4proto;
        put32(ip + 12, 0x0a000000u | (flow & 0xffffu)); /* 10.0.x.y */
        put32(ip + 16, 0xc0a80001u);                    /* 192.168.0.1 */
        put16(ip + 10, ip_checksum(ip, 20));
        l4 = ip + 20;
    }
    /* Ports scattered so flows spread over the completion queues (the flow
     * hash XORs addresses and ports, so ports tracking addresses cancel). */
    put16(l4, 1024u + ((flow * 0x9e37u) % 60000u));
    put16(l4 + 2, kind == K_UDP4 ? 9999 : 80);
    if (kind == K_UDP4) {
        put16(l4 + 4, size - (uint32_t)(l4 - f));
    } else {
        put32(l4 + 4, seq);
        put32(l4 + 8, 1);
        l4[12] = 5u << 4;
        l4[13] = 0x10;                 /* ACK */
        put16(l4 + 14, 65535);
    }
    for (uint32_t i = hdr; i < size; i++)
        f[i] = (uint8_t)prng_next(rng);
}

/* --lie: the ways a frame's headers disagree with its bytes (docs/architecture.md
 * "nicrx_xfer_plan", lengths that lie), taken in turn by the lying frames: an IP length past
 * the frame's end, an IP length 0 (as TSO captures show), an IP length short of the frame's
 * end in a frame longer than Ethernet pads (a trailer), a TCP data offset below 5.  The IPv4
 * header checksum stays right: only the lengths lie. */
enum { LIE_LONG, LIE_ZERO, LIE_TRAILER, LIE_DOFF, NLIE };
static const char *const lie_name[NLIE] = { "long", "zero", "trailer", "doff" };

static uint32_t lie_frame(uint8_t *f, kind_t kind, uint32_t size, uint32_t n, uint64_t *rng)
{
    uint32_t tags = kind == K_QINQ ? 8u : kind == K_VLAN ? 4u : 0u, pay = size - kind_hdr[kind];
    int v6 = kind == K_TCP6 || kind == K_TCP6EXT;
    uint8_t *ip = f + 14 + tags, *len = ip + (v6 ? 4 : 2);
    uint32_t v = (uint32_t)len[0] << 8 | len[1], way = n % NLIE;
    if (way == LIE_TRAILER && (size <= 64u || pay == 0))
        way = LIE_LONG;                     /* Ethernet padding, or no payload byte to leave out */
    switch (way) {
    case LIE_LONG: v += prng_range(rng, 1, 512); if (v > 65535u) v = 65535u; break;
    case LIE_ZERO: v = 0; break;
    case LIE_TRAILER: v -= prng_range(rng, 1, pay < 8u ? pay : 8u); break;
    default: f[kind_hdr[kind] - 20u + 12u] = 4u << 4; break;
    }
    put16(len, v);
    if (!v6) {
        put16(ip + 10, 0);
        put16(ip + 10, ip_checksum(ip, 20));
    }
    return way;
}

static int run_bench(const gen_opts_t *o, writer_t *w, uint64_t *rng)
{
    uint32_t lies[NLIE] = { 0 }, nlie = 0;
    uint8_t *frame = malloc(o->size);
    uint32_t *seq = calloc(o->flows, sizeof *seq);
    if (!frame || !seq) {
        free(frame);
        free(seq);
        return -1;
    }
    for (uint32_t n = 0; n < o->count; n++) {
        uint32_t flow = n % o->flows;
        build_frame(frame, o->kind, o->size, flow, seq[flow], rng);
        seq[flow] += o->size - kind_hdr[o->kind];
        if (o->lie && prng_pct(rng, o->lie))
            lies[lie_frame(frame, o->kind, o->size, nlie++, rng)]++;
        write_frame(w, frame, o->size);
    }
    if (o->summary) {
        printf("frames %" PRIu32 " lies %" PRIu32, w->frames, nlie);
        for (uint32_t k = 0; k < NLIE; k++) printf(" %s %" PRIu32, lie_name[k], lies[k]);
        printf("\n");
    }
    free(frame);
    free(seq);
    return 0;
}

/* ---- TCP mode ---- */

/* A segment kept back to be sent later: reordered (never sent yet) or
 * retransmitted (sent once already).  wait = new segments of the side until
 * it goes. */
typedef struct later { uint8_t on; uint8_t flags; uint32_t seq, len, wait; } later_t;

typedef struct side {
    uint32_t nxt;                           /* next new sequence number */
    uint32_t tsval;
    uint16_t ipid;
    later_t held, retx;
} side_t;

typedef enum { S_SYN, S_SYNACK, S_ACK, S_DATA, S_FIN_PEER, S_FIN_ACK } cstate_t;

typedef struct conn {
    uint32_t slot, gen;
    uint16_t cport, sport, vid;
    uint8_t v6, vlan, ts, closer, started;
    /* --encap: the kind (E_NONE for a plain connection), outer IPv6 (GRE, Geneve),
     * inner Ethernet frame (GRE, Geneve), GRE flags C K S, Geneve option words, MPLS labels */
    uint8_t enc, enc_v6, enc_eth, enc_flags, enc_n;
    uint32_t enc_seq;
    cstate_t st;
    int8_t ack_due;                         /* side owing a pure ACK, -1 none */
    uint32_t left;                          /* data segments before teardown; UINT32_MAX never */
    side_t s[2];                            /* 0 client, 1 server */
} conn_t;

typedef struct tcp_stats {
    uint64_t conns, v6, vlan, data, lost, reordered, retrans, syn, fin, rst, encap;
} tcp_stats_t;

typedef struct tcpgen {
    const gen_opts_t *o;
    uint64_t *rng;
    writer_t *w;
    tcp_stats_t st;
    uint8_t f[MAX_FRAME];
    uint8_t e[MAX_ENCAP + MAX_FRAME];       /* f encapsulated */
} tcpgen_t;

static uint32_t pick(uint64_t *rng, range_t r) { return prng_range(rng, r.lo, r.hi); }

static void conn_new(tcpgen_t *g, conn_t *c, uint32_t slot, uint32_t gen)
{
    const gen_opts_t *o = g->o;
    memset(c, 0, sizeof *c);
    c->slot = slot;
    c->gen = gen;
    /* The client address follows the slot and the client port the generation, so
     * no two connections share a 4-tuple (within 3000 generations of a slot).
     * Ports 35000..44106 have no tshark dissector, so random payload stays data. */
    c->cport = (uint16_t)(35000u + (gen * 0x9e37u + slot * 13u) % 9000u);
    c->sport = (uint16_t)(44100u + slot % 7u);
    c->v6 = (uint8_t)prng_pct(g->rng, o->ipv6);
    c->vlan = (uint8_t)prng_pct(g->rng, o->vlan);
    c->vid = (uint16_t)(1u + slot % 4000u);
    c->ts = (uint8_t)prng_pct(g->rng, o->ts);
    c->closer = (uint8_t)prng_range(g->rng, 0, 1);
    c->ack_due = -1;
    c->left = o->life.hi == 0 ? UINT32_MAX : pick(g->rng, o->life);
    for (int d = 0; d < 2; d++) {
        c->s[d].nxt = (uint32_t)prng_next(g->rng);
        c->s[d].tsval = (uint32_t)prng_next(g->rng);
        c->s[d].ipid = (uint16_t)prng_next(g->rng);
    }
    c->st = prng_pct(g->rng, o->handshake) ? S_SYN : S_DATA;
    /* drawn only with --encap, so captures without it stay as they were */
    if (o->encap != E_NONE && prng_pct(g->rng, o->encap_pct)) {
        c->enc = (uint8_t)o->encap;
        c->enc_v6 = (uint8_t)prng_range(g->rng, 0, 1);
        c->enc_eth = (uint8_t)prng_pct(g->rng, 25);
        c->enc_flags = (uint8_t)prng_range(g->rng, 0, 7);
        c->enc_n = (uint8_t)(o->encap == E_MPLS ? prng_range(g->rng, 1, 3) : prng_range(g->rng, 0, 4));
        c->enc_seq = (uint32_t)prng_next(g->rng);
    }
    /* drawn only with --port, likewise */
    if (o->port && prng_pct(g->rng, o->port_pct))
        c->sport = (uint16_t)o->port;
}

/* The outer IP header of a tunnel, from endpoint d to the other, carrying n
 * bytes of protocol proto; returns its length and the pseudo-header sum. */
static uint32_t outer_ip(uint8_t *p, const conn_t *c, int d, uint32_t proto, uint32_t n, uint32_t *psum)
{
    if (c->enc_v6) {
        memset(p, 0, 40);
        p[0] = 0x60;
        put16(p + 4, n);
        p[6] = (uint8_t)proto; p[7] = 64;
        put32(p + 8, 0x20010db8u); put32(p + 12, 0xffffu); put32(p + 20, 1u + (uint32_t)d);  /* 2001:db8:0:ffff::1, ::2 */
        put32(p + 24, 0x20010db8u); put32(p + 28, 0xffffu); put32(p + 36, 2u - (uint32_t)d);
        *psum = sum16(0, p + 8, 32) + n + proto;
        return 40;
    }
    memset(p, 0, 20);
    p[0] = 0x45;
    put16(p + 2, 20u + n);
    put16(p + 4, (uint16_t)c->enc_seq);
    p[8] = 64; p[9] = (uint8_t)proto;
    put32(p + 12, 0xc6336401u + (uint32_t)d);           /* 198.51.100.1, .2 */
    put32(p + 16, 0xc6336402u - (uint32_t)d);
    put16(p + 10, ip_checksum(p, 20));
    *psum = sum16(0, p + 12, 8) + n + proto;
    return 20;
}

/* Wraps the frame f (len bytes, its IP header at ip) of c's side d into g->e
 * as c->enc says; returns the new length.  MPLS and PPPoE go between the
 * Ethernet header (with its tag) and IP; GRE and Geneve add an outer IP header
 * (and UDP) after the MAC addresses, and carry the IP packet or the whole
 * Ethernet frame (tag included). */
static uint32_t encap(tcpgen_t *g, conn_t *c, int d, uint32_t len, uint32_t ip)
{
    const uint8_t *f = g->f;
    uint8_t *e = g->e, *p;
    uint32_t et = ip - 2, inner = c->enc_eth ? 0 : ip, n = len - inner, sum, h;
    uint32_t ptype = c->enc_eth ? 0x6558u : c->v6 ? 0x86ddu : 0x0800u;

    g->st.encap++;
    c->enc_seq++;
    switch (c->enc) {
    case E_MPLS: /* labels 16 + slot, the last with bottom of stack, TTL 64 */
        memcpy(e, f, et);
        put16(e + et, 0x8847);
        p = e + ip;
        for (uint32_t k = 0; k < c->enc_n; k++, p += 4)
            put32(p, (16u + c->slot * 4u + k) << 12 | (k + 1u == c->enc_n ? 0x100u : 0u) | 64u);
        break;
    case E_PPPOE: /* version 1, type 1, code 0, session slot + 1 */
        memcpy(e, f, et);
        put16(e + et, 0x8864);
        p = e + ip;
        p[0] = 0x11; p[1] = 0;
        put16(p + 2, c->slot + 1u);
        put16(p + 4, len - ip + 2u);
        put16(p + 6, c->v6 ? 0x0057 : 0x0021);
        p += 8;
        break;
    case E_GRE: { /* C K S from enc_flags; checksum over the GRE header and payload */
        uint32_t gl = 4u + 4u * (uint32_t)((c->enc_flags & 1u) + (c->enc_flags >> 1 & 1u) + (c->enc_flags >> 2 & 1u));
        memcpy(e, f, 12);
        put16(e + 12, c->enc_v6 ? 0x86dd : 0x0800);
        p = e + 14;
        p += outer_ip(p, c, d, 47, gl + n, &sum);
        uint8_t *gre = p;
        memset(gre, 0, gl);
        gre[0] = (uint8_t)((c->enc_flags & 1u ? 0x80u : 0u) | (c->enc_flags & 2u ? 0x20u : 0u) |
                           (c->enc_flags & 4u ? 0x10u : 0u));
        put16(gre + 2, ptype);
        p = gre + 4 + (c->enc_flags & 1u ? 4u : 0u);
        if (c->enc_flags & 2u) { put32(p, 0x1000u + c->slot); p += 4; }
        if (c->enc_flags & 4u) { put32(p, c->enc_seq); p += 4; }
        memcpy(p, f + inner, n);
        if (c->enc_flags & 1u)
            put16(gre + 4, fold(sum16(0, gre, gl + n)));
        return (uint32_t)(p - e) + n;
    }
    default: { /* E_GENEVE: UDP checksum computed, one option of enc_n - 1 words when enc_n > 0 */
        uint32_t ol = 4u * c->enc_n, ul = 8u + 8u + ol + n;
        memcpy(e, f, 12);
        put16(e + 12, c->enc_v6 ? 0x86dd : 0x0800);
        p = e + 14;
        p += outer_ip(p, c, d, 17, ul, &sum);
        uint8_t *udp = p;
        memset(udp, 0, 16u + ol);
        put16(udp, 49152u + c->slot % 16000u);
        put16(udp + 2, 6081);
        put16(udp + 4, ul);
        udp[8] = (uint8_t)c->enc_n;             /* version 0, option words */
        put16(udp + 10, ptype);
        put32(udp + 12, (c->slot + 1u) << 8);   /* VNI */
        if (c->enc_n) {
            put16(udp + 16, 0x0102);            /* option class, type 1, data words */
            udp[18] = 1;
            udp[19] = (uint8_t)(c->enc_n - 1u);
        }
        memcpy(udp + 16 + ol, f + inner, n);
        h = fold(sum16(sum, udp, ul));
        put16(udp + 6, h ? h : 0xffffu);
        return (uint32_t)(udp - e) + ul;
    }
    }
    memcpy(p, f + ip, len - ip);
    return (uint32_t)(p - e) + len - ip;
}

/* The sequence number up to which side d's peer has everything (a held
 * segment has not arrived yet; a lost one has). */
static uint32_t ackable(const conn_t *c, int d)
{
    return c->s[d].held.on ? c->s[d].held.seq : c->s[d].nxt;
}

/* Writes one segment from side d of c. */
static void emit(tcpgen_t *g, conn_t *c, int d, uint8_t flags, uint32_t seq, uint32_t pay)
{
    const gen_opts_t *o = g->o;
    uint8_t *f = g->f, *p;
    side_t *s = &c->s[d];
    uint32_t ack = (flags & NICRX_TCP_ACK) ? ackable(c, !d) : 0;
    if (!c->started) {
        c->started = 1;
        g->st.conns++;
        g->st.v6 += c->v6;
        g->st.vlan += c->vlan;
    }
    g->st.data += pay > 0;
    g->st.syn += (flags & (NICRX_TCP_SYN | NICRX_TCP_ACK)) == NICRX_TCP_SYN;
    g->st.fin += (flags & NICRX_TCP_FIN) != 0;
    g->st.rst += (flags & NICRX_TCP_RST) != 0;
    if (c->ts && prng_pct(g->rng, o->ts_change))
        s->tsval += prng_range(g->rng, 1, 10);
    /* TCP options: Linux's SYN layout, NOP NOP TS on other segments. */
    uint8_t opt[40];
    uint32_t olen = 0;
    if (flags & NICRX_TCP_SYN) {
        opt[0] = 2; opt[1] = 4; put16(opt + 2, c->v6 ? 1440 : 1460);
        olen = 4;
        if (c->ts) {
            opt[4] = 4; opt[5] = 2; opt[6] = 8; opt[7] = 10;
            put32(opt + 8, s->tsval); put32(opt + 12, (flags & NICRX_TCP_ACK) ? c->s[!d].tsval : 0);
            olen = 16;
        } else {
            opt[4] = 1; opt[5] = 1; opt[6] = 4; opt[7] = 2;
            olen = 8;
        }
        opt[olen] = 1; opt[olen + 1] = 3; opt[olen + 2] = 3; opt[olen + 3] = 7;
        olen += 4;
    } else if (c->ts) {
        opt[0] = 1; opt[1] = 1; opt[2] = 8; opt[3] = 10;
        put32(opt + 4, s->tsval); put32(opt + 8, c->s[!d].tsval);
        olen = 12;
    }
    uint32_t thl = 20u + olen;
    memset(f, 0, 14u + 4u + 40u + thl);
    /* MACs: client 02:00:00:ss:ss:ss, server 02:00:00:00:00:01. */
    uint8_t *mc = f + (d ? 0 : 6), *ms = f + (d ? 6 : 0);
    mc[0] = 0x02; mc[3] = (uint8_t)(c->slot >> 16); mc[4] = (uint8_t)(c->slot >> 8); mc[5] = (uint8_t)(c->slot + 2u);
    ms[0] = 0x02; ms[5] = 0x01;
    p = f + 12;
    if (c->vlan) { put16(p, 0x8100); put16(p + 2, c->vid); p += 4; }
    put16(p, c->v6 ? 0x86dd : 0x0800);
    uint8_t *ip = p + 2, *l4;
    uint32_t sum;
    uint32_t l4len = thl + pay;
    if (c->v6) {
        ip[0] = 0x60;
        put16(ip + 4, l4len);
        ip[6] = 6; ip[7] = 64;
        uint8_t *cli = ip + (d ? 24 : 8), *srv = ip + (d ? 8 : 24);
        put32(cli, 0x20010db8u); put32(cli + 12, c->slot + 2u);     /* 2001:db8::slot+2 */
        put32(srv, 0x20010db8u); put32(srv + 12, 1);                /* 2001:db8::1 */
        l4 = ip + 40;
        sum = sum16(0, ip + 8, 32) + l4len + 6u;
    } else {
        ip[0] = 0x45;
        put16(ip + 2, 20u + l4len);
        put16(ip + 4, s->ipid++);
        ip[6] = 0x40;                  /* DF */
        ip[8] = 64; ip[9] = 6;
        put32(ip + (d ? 16 : 12), 0x0a000000u + c->slot + 2u);      /* 10.x.y.z */
        put32(ip + (d ? 12 : 16), 0xc0a80001u);                     /* 192.168.0.1 */
        put16(ip + 10, ip_checksum(ip, 20));
        l4 = ip + 20;
        sum = sum16(0, ip + 12, 8) + l4len + 6u;
    }
    put16(l4, d ? c->sport : c->cport);
    put16(l4 + 2, d ? c->cport : c->sport);
    put32(l4 + 4, seq);
    put32(l4 + 8, ack);
    l4[12] = (uint8_t)((thl / 4u) << 4);
    l4[13] = flags;
    put16(l4 + 14, 65535);
    memcpy(l4 + 20, opt, olen);
    uint8_t *pl = l4 + thl;
    for (uint32_t i = 0; o->pay_seq && i < pay; i++)
        pl[i] = seq_byte(seq + i, be16(l4), be16(l4 + 2));
    for (uint32_t i = 0; !o->pay_seq && i < pay; i += 8) {
        uint64_t r = prng_next(g->rng);
        for (uint32_t k = 0; k < 8 && i + k < pay; k++)
            pl[i + k] = (uint8_t)(r >> (8 * k));
    }
    put16(l4 + 16, fold(sum16(sum, l4, l4len)));
    uint32_t len = (uint32_t)(pl + pay - f);
    if (c->enc) {
        len = encap(g, c, d, len, (uint32_t)(ip - f));
        f = g->e;
    }
    if (len < MIN_FRAME) {
        memset(f + len, 0, MIN_FRAME - len);
        len = MIN_FRAME;
    }
    write_frame(g->w, f, len);
}

/* Sends a kept segment of side d if it is due (or force), else returns 0. */
static int send_later(tcpgen_t *g, conn_t *c, int d, later_t *l, int force)
{
    if (!l->on || (l->wait && !force))
        return 0;
    l->on = 0;
    emit(g, c, d, l->flags, l->seq, l->len);
    return 1;
}

/* One data frame from side d: a kept segment that is due, else new data
 * (skipping lost segments and holding reordered ones back). */
static void data_step(tcpgen_t *g, conn_t *c, int d)
{
    const gen_opts_t *o = g->o;
    side_t *s = &c->s[d];
    if (send_later(g, c, d, &s->held, 0) || send_later(g, c, d, &s->retx, 0))
        return;
    for (;;) {
        uint32_t pay = prng_pct(g->rng, o->small) ? prng_range(g->rng, 1, 63) : pick(g->rng, o->pay);
        uint8_t flags = (uint8_t)(NICRX_TCP_ACK | (prng_pct(g->rng, o->psh) ? NICRX_TCP_PSH : 0));
        uint32_t seq = s->nxt;
        s->nxt += pay;
        if (s->held.wait) s->held.wait--;
        if (s->retx.wait) s->retx.wait--;
        if (c->left != UINT32_MAX && c->left) c->left--;
        if (!s->held.on && prng_pct(g->rng, o->reorder)) {
            s->held = (later_t){ 1, flags, seq, pay, pick(g->rng, o->reorder_dist) };
            g->st.reordered++;
            continue;
        }
        if (prng_pct(g->rng, o->loss)) {
            g->st.lost++;
            continue;
        }
        if (!s->retx.on && prng_pct(g->rng, o->retrans)) {
            s->retx = (later_t){ 1, flags, seq, pay, pick(g->rng, o->retrans_dist) };
            g->st.retrans++;
        }
        emit(g, c, d, flags, seq, pay);
        return;
    }
}

/* One frame of connection c; returns 1 when c has ended. */
static int conn_step(tcpgen_t *g, conn_t *c)
{
    const gen_opts_t *o = g->o;
    int cl = c->closer;
    switch (c->st) {
    case S_SYN:
        emit(g, c, 0, NICRX_TCP_SYN, c->s[0].nxt++, 0);
        c->st = S_SYNACK;
        return 0;
    case S_SYNACK:
        emit(g, c, 1, NICRX_TCP_SYN | NICRX_TCP_ACK, c->s[1].nxt++, 0);
        c->st = S_ACK;
        return 0;
    case S_ACK:
        emit(g, c, 0, NICRX_TCP_ACK, c->s[0].nxt, 0);
        c->st = S_DATA;
        return 0;
    case S_DATA:
        if (c->ack_due >= 0) {
            int a = c->ack_due;
            c->ack_due = -1;
            emit(g, c, a, NICRX_TCP_ACK, c->s[a].nxt, 0);
            return 0;
        }
        if (c->left == 0) {
            /* Kept segments go before the teardown. */
            for (int d = 0; d < 2; d++)
                if (send_later(g, c, d, &c->s[d].held, 1) || send_later(g, c, d, &c->s[d].retx, 1))
                    return 0;
            if (prng_pct(g->rng, o->rst)) {
                emit(g, c, cl, NICRX_TCP_RST | NICRX_TCP_ACK, c->s[cl].nxt, 0);
                return 1;
            }
            emit(g, c, cl, NICRX_TCP_FIN | NICRX_TCP_ACK, c->s[cl].nxt++, 0);
            c->st = S_FIN_PEER;
            return 0;
        }
        {
            int d = o->both ? (int)prng_range(g->rng, 0, 1) : 0;
            data_step(g, c, d);
            if (prng_pct(g->rng, o->acks))
                c->ack_due = (int8_t)!d;
        }
        return 0;
    case S_FIN_PEER:
        emit(g, c, !cl, NICRX_TCP_FIN | NICRX_TCP_ACK, c->s[!cl].nxt++, 0);
        c->st = S_FIN_ACK;
        return 0;
    case S_FIN_ACK:
        emit(g, c, cl, NICRX_TCP_ACK, c->s[cl].nxt, 0);
        return 1;
    }
    return 1;
}

static int run_tcp(const gen_opts_t *o, writer_t *w, uint64_t *rng)
{
    tcpgen_t *g = malloc(sizeof *g);
    conn_t *c = calloc(o->flows, sizeof *c);
    if (!g || !c) {
        free(g);
        free(c);
        return -1;
    }
    memset(g, 0, sizeof *g);
    g->o = o; g->rng = rng; g->w = w;
    for (uint32_t i = 0; i < o->flows; i++)
        conn_new(g, &c[i], i, 0);
    for (uint32_t rr = 0; w->frames < o->count; rr = (rr + 1) % o->flows) {
        uint32_t i = o->rr ? rr : prng_range(rng, 0, o->flows - 1);
        if (conn_step(g, &c[i]))
            conn_new(g, &c[i], i, c[i].gen + 1);
    }
    if (o->summary) {
        const tcp_stats_t *t = &g->st;
        printf("frames %" PRIu32 " connections %" PRIu64 " ipv6 %" PRIu64 " vlan %" PRIu64 " syn %" PRIu64
               " fin %" PRIu64 " rst %" PRIu64 " data %" PRIu64 " lost %" PRIu64 " reordered %" PRIu64
               " retransmitted %" PRIu64 " encapsulated %" PRIu64 "\n", w->frames, t->conns, t->v6, t->vlan, t->syn,
               t->fin, t->rst, t->data, t->lost, t->reordered, t->retrans, t->encap);
    }
    free(g);
    free(c);
    return 0;
}

/* ---- options ---- */

static int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out)
{
    char *end;
    errno = 0;
    if (!s || *s == '-' || *s == '+')
        return -1;
    unsigned long v = strtoul(s, &end, 0);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* "A" or "A<sep>B" with min <= A <= B <= max ("A" alone: B = A). */
static int parse_pair(const char *s, char sep, uint32_t min, uint32_t max, uint32_t *a, uint32_t *b)
{
    char buf[64];
    const char *x = s ? strchr(s, sep) : NULL;
    if (!s || strlen(s) >= sizeof buf)
        return -1;
    strcpy(buf, s);
    if (x)
        buf[x - s] = 0;
    if (parse_u32(buf, min, max, a))
        return -1;
    if (!x) {
        *b = *a;
        return 0;
    }
    return parse_u32(x + 1, min, max, b);
}

static const cli_t cli = {
    "nicrx-gen", "[options] -o FILE.pcap",
    "  --mode bench|tcp      bench: fixed-size frames (default); tcp: TCP connections\n"
    "  --count N             frames to write (default 1000)\n"
    "  --flows F             flows taken in turn (bench) or concurrent connections (tcp) (default 16)\n"
    "  --seed S              PRNG seed, 0..2^32-1 (default 1): same seed and options, same file\n"
    " bench mode:\n"
    "  --size BYTES          frame length, headers..65535 (default 64)\n"
    "  --kind tcp4|vlan|qinq|tcp6|tcp6ext|udp4   headers (default tcp4)\n"
    "  --lie PCT             a frame's lengths lie (not udp4), in turn: IP length past the frame's\n"
    "                        end, IP length 0, IP length short of a frame over 64 bytes, TCP data\n"
    "                        offset below 5 (default 0); --summary counts each\n"
    " tcp mode (PCT: percent 0..100):\n"
    "  --data fwd|both       data client to server with ACKs back, or both ways (default fwd)\n"
    "  --acks PCT            a data segment is followed by a pure ACK of its peer (default 50)\n"
    "  --interleave random|rr  next connection: random or round robin (default random)\n"
    "  --pay MIN-MAX         payload bytes of a data segment, 1..9000 (default 64-1448)\n"
    "  --small PCT           a data segment carries 1..63 bytes instead (default 0)\n"
    "  --pay-bytes random|seq  payload bytes drawn at random (default), or each a function of its\n"
    "                        sequence number and the segment's ports, so a retransmission carries\n"
    "                        what it repeats: ((s mod 251) + 17 ((s div 251) mod 256) + sport + dport) mod 256\n"
    "  --reorder PCT[:D1-D2] a segment is held back for D1..D2 later segments (default 0:1-3)\n"
    "  --loss PCT            a segment is never sent (the capture missed it), 0..50 (default 0)\n"
    "  --retrans PCT[:D1-D2] a segment is sent again after D1..D2 later segments (default 0:1-5)\n"
    "  --life MIN-MAX        data segments of a connection before teardown; 0: never (default 20-200)\n"
    "  --rst PCT             a teardown is an RST instead of a FIN exchange (default 20)\n"
    "  --handshake PCT       a connection starts with SYN, SYN-ACK, ACK, else mid-stream (default 100)\n"
    "  --ipv6 PCT            a connection is IPv6 (default 0)\n"
    "  --vlan PCT            a connection carries an 802.1Q tag (default 0)\n"
    "  --ts PCT              a connection uses TCP timestamps (default 50)\n"
    "  --ts-change PCT       a segment's timestamp value moves on (default 10)\n"
    "  --psh PCT             a data segment has PSH (default 10)\n"
    "  --port P[:PCT]        the server port of PCT % of the connections is P (default: none, ports\n"
    "                        44100..44106; PCT default 100)\n"
    "  --encap gre|geneve|mpls|pppoe[:PCT]  the frames of PCT % of the connections (default 100)\n"
    "                        go in GRE (outer IPv4 or IPv6, flags C K S, IP or Ethernet inside),\n"
    "                        Geneve (outer IPv4 or IPv6, 0..4 option words, Ethernet or IP inside),\n"
    "                        MPLS (1..3 labels) or a PPPoE session\n"
    "  --summary             print the counts on stdout (tcp mode: connections started, IPv6, VLAN,\n"
    "                        SYN, FIN, RST, data frames, segments lost, held back, retransmitted,\n"
    "                        frames encapsulated; bench mode: the lying frames of each kind)\n",
    NULL,
};

/* A missing or bad value of opt: cli.h's words, status 2. */
static int bad(const char *opt, const char *v, const char *expect)
{
    char err[200];
    cli_bad_value(err, sizeof err, opt, v, expect);
    return cli_usage_error(&cli, "%s", err);
}

/* Parses a "PCT[:D1-D2]" option into pct and dist. */
static int parse_pct_dist(const char *v, uint32_t *pct, range_t *dist)
{
    char buf[64];
    const char *x = v ? strchr(v, ':') : NULL;
    if (!v || strlen(v) >= sizeof buf)
        return -1;
    strcpy(buf, v);
    if (x)
        buf[x - v] = 0;
    if (parse_u32(buf, 0, 100, pct))
        return -1;
    return x ? parse_pair(x + 1, '-', 1, 1000, &dist->lo, &dist->hi) : 0;
}

static int parse_opts(int argc, char **argv, gen_opts_t *o)
{
    *o = (gen_opts_t){ .count = 1000, .size = 64, .flows = 16, .seed = 1, .kind = K_TCP4,
                       .acks = 50, .rst = 20, .handshake = 100, .ts = 50, .ts_change = 10, .psh = 10,
                       .pay = { 64, 1448 }, .life = { 20, 200 }, .reorder_dist = { 1, 3 },
                       .retrans_dist = { 1, 5 } };
    static const struct { const char *name; size_t off; } pct[] = {
        { "--acks", offsetof(gen_opts_t, acks) }, { "--loss", offsetof(gen_opts_t, loss) },
        { "--rst", offsetof(gen_opts_t, rst) }, { "--handshake", offsetof(gen_opts_t, handshake) },
        { "--ipv6", offsetof(gen_opts_t, ipv6) }, { "--vlan", offsetof(gen_opts_t, vlan) },
        { "--ts", offsetof(gen_opts_t, ts) }, { "--ts-change", offsetof(gen_opts_t, ts_change) },
        { "--psh", offsetof(gen_opts_t, psh) }, { "--small", offsetof(gen_opts_t, small) },
    };
    int st = cli_common(&cli, argc, argv);
    if (st >= 0)
        return st ? st : -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint32_t x;
        size_t k;
        if (!strcmp(a, "--summary")) {
            o->summary = 1;
            continue;
        }
        i++;
        for (k = 0; k < sizeof pct / sizeof pct[0] && strcmp(a, pct[k].name); k++) ;
        if (k < sizeof pct / sizeof pct[0]) {
            int loss = !strcmp(a, "--loss");    /* more loss than this leaves little to check */
            if (parse_u32(v, 0, loss ? 50 : 100, (uint32_t *)((char *)o + pct[k].off)))
                return bad(a, v, loss ? "a percentage, 0..50" : "a percentage, 0..100");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "-o")) { if (!v || !*v) return bad(a, v, "a file"); o->out = v; }
        else if (!strcmp(a, "--count")) { if (parse_u32(v, 1, 100000000u, &o->count)) return bad(a, v, "1..100000000"); }
        else if (!strcmp(a, "--flows")) { if (parse_u32(v, 1, 1000000u, &o->flows)) return bad(a, v, "1..1000000"); }
        else if (!strcmp(a, "--seed")) { if (parse_u32(v, 0, 0xffffffffu, &x)) return bad(a, v, "0..4294967295"); o->seed = x; }
        else if (!strcmp(a, "--mode")) {
            if (!v || (strcmp(v, "bench") && strcmp(v, "tcp"))) return bad(a, v, "bench or tcp");
            o->tcp = !strcmp(v, "tcp");
        }
        else if (!strcmp(a, "--size")) { if (parse_u32(v, 1, 65535u, &o->size)) return bad(a, v, "1..65535"); o->bench_only_set = 1; }
        else if (!strcmp(a, "--lie")) { if (parse_u32(v, 0, 100, &o->lie)) return bad(a, v, "a percentage, 0..100"); o->bench_only_set = 1; }
        else if (!strcmp(a, "--kind")) {
            for (k = 0; v && k < NKIND && strcmp(v, kind_name[k]); k++) ;
            if (!v || k == NKIND) return bad(a, v, "tcp4, vlan, qinq, tcp6, tcp6ext or udp4");
            o->kind = (kind_t)k;
            o->bench_only_set = 1;
        }
        else if (!strcmp(a, "--encap")) {
            if (!v) return bad(a, v, "gre, geneve, mpls or pppoe, then :PCT, 0..100");
            size_t n = strcspn(v, ":");
            for (k = 1; k < NENCAP && (n != strlen(encap_name[k]) || strncmp(v, encap_name[k], n)); k++) ;
            o->encap_pct = 100;
            if (k == NENCAP || (v[n] && parse_u32(v + n + 1, 0, 100, &o->encap_pct)))
                return bad(a, v, "gre, geneve, mpls or pppoe, then :PCT, 0..100");
            o->encap = (encap_t)k;
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--port")) {
            char buf[16];
            const char *c = v ? strchr(v, ':') : NULL;
            if (!v || strlen(v) >= sizeof buf) return bad(a, v, "P[:PCT], 1..65535, 0..100");
            strcpy(buf, v);
            if (c) buf[c - v] = 0;
            o->port_pct = 100;
            if (parse_u32(buf, 1, 65535u, &o->port) || (c && parse_u32(c + 1, 0, 100, &o->port_pct)))
                return bad(a, v, "P[:PCT], 1..65535, 0..100");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--data")) {
            if (!v || (strcmp(v, "fwd") && strcmp(v, "both"))) return bad(a, v, "fwd or both");
            o->both = !strcmp(v, "both");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--interleave")) {
            if (!v || (strcmp(v, "random") && strcmp(v, "rr"))) return bad(a, v, "random or rr");
            o->rr = !strcmp(v, "rr");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--pay-bytes")) {
            if (!v || (strcmp(v, "random") && strcmp(v, "seq"))) return bad(a, v, "random or seq");
            o->pay_seq = !strcmp(v, "seq");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--pay")) {
            if (parse_pair(v, '-', 1, MAX_PAY, &o->pay.lo, &o->pay.hi) || o->pay.lo > o->pay.hi) return bad(a, v, "MIN-MAX, 1..9000");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--life")) {
            if (parse_pair(v, '-', 0, 100000000u, &o->life.lo, &o->life.hi) || o->life.lo > o->life.hi ||
                (o->life.lo == 0) != (o->life.hi == 0))
                return bad(a, v, "MIN-MAX, both 0 or both 1..100000000");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--reorder")) {
            if (parse_pct_dist(v, &o->reorder, &o->reorder_dist) || o->reorder_dist.lo > o->reorder_dist.hi)
                return bad(a, v, "PCT[:D1-D2], 0..100, 1..1000");
            o->tcp_only_set = 1;
        }
        else if (!strcmp(a, "--retrans")) {
            if (parse_pct_dist(v, &o->retrans, &o->retrans_dist) || o->retrans_dist.lo > o->retrans_dist.hi)
                return bad(a, v, "PCT[:D1-D2], 0..100, 1..1000");
            o->tcp_only_set = 1;
        }
        else return cli_usage_error(&cli, "unknown option %s", a);
    }
    if (o->tcp && o->bench_only_set)
        return cli_usage_error(&cli, "--size, --kind and --lie are bench-mode options");
    if (!o->tcp && o->tcp_only_set)
        return cli_usage_error(&cli, "TCP-mode options need --mode tcp");
    if (o->lie && o->kind == K_UDP4)
        return cli_usage_error(&cli, "--lie is for TCP frames, not --kind udp4");
    if (!o->tcp && o->size < kind_hdr[o->kind])
        return cli_usage_error(&cli, "--size is shorter than the headers of --kind");
    if (!o->out)
        return cli_usage_error(&cli, "no output file (-o)");
    return 0;
}

int main(int argc, char **argv)
{
    gen_opts_t o;
    int rc = parse_opts(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    pcap_t *dead = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 65535, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t *d = dead ? pcap_dump_open(dead, o.out) : NULL;
    if (!d) {
        cli_error(&cli, "%s: %s", o.out, dead ? pcap_geterr(dead) : "cannot open");
        return 1;
    }
    writer_t w = { d, 0, 0 };
    uint64_t rng = o.seed * 0x9e3779b97f4a7c15ull + 1;
    if ((o.tcp ? run_tcp : run_bench)(&o, &w, &rng)) {
        cli_error(&cli, "out of memory");
        return 1;
    }
    pcap_dump_close(d);
    pcap_close(dead);
    return 0;
}
