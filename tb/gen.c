/* gen.c - nicrx-gen: writes a seeded synthetic capture of TCP or UDP frames.
 *
 *   nicrx-gen [--count N] [--size BYTES] [--flows F] [--seed S] [--kind K] -o FILE.pcap
 *
 * Every frame is Ethernet II + headers of kind K + payload, exactly BYTES long
 * on the stream (no FCS; at least the headers), with F flows taken in turn and
 * each flow's sequence numbers continuing.  Kinds: tcp4 (IPv4 + TCP, the
 * default), vlan (one 802.1Q tag), qinq (802.1ad + 802.1Q tags), tcp6 (IPv6 +
 * TCP), tcp6ext (IPv6, hop-by-hop and destination options, TCP), udp4.  Timestamps are spaced at 10 Gb/s
 * line rate (BYTES + 20 bytes of preamble and gap per frame).  Used by
 * `make bench`; the flow issue extends it with reordering, loss and IPv6. */
#include <errno.h>
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prng.h"

typedef enum { K_TCP4 = 0, K_VLAN, K_QINQ, K_TCP6, K_TCP6EXT, K_UDP4, NKIND } kind_t;
static const char *const kind_name[NKIND] = { "tcp4", "vlan", "qinq", "tcp6", "tcp6ext", "udp4" };
/* Header bytes: Ethernet 14 + tags + IP (+ extensions) + L4. */
static const uint32_t kind_hdr[NKIND] = { 54, 58, 62, 74, 90, 42 };

typedef struct gen_opts {
    uint32_t count, size, flows;
    uint64_t seed;
    kind_t kind;
    const char *out;
} gen_opts_t;

static void put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffffu); }

static uint16_t ip_checksum(const uint8_t *p, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)p[i] << 8 | p[i + 1];
    while (sum >> 16)
        sum = (sum & 0xffffu) + (sum >> 16);
    return (uint16_t)~sum;
}

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

static int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 0);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static int usage(const char *why)
{
    fprintf(stderr, "nicrx-gen: %s\nusage: nicrx-gen [--count N] [--size HDR..65535] [--flows F] [--seed S]\n"
                    "                 [--kind tcp4|vlan|qinq|tcp6|tcp6ext|udp4] -o FILE.pcap\n", why);
    return 2;
}

int main(int argc, char **argv)
{
    gen_opts_t o = { 1000, 64, 16, 1, K_TCP4, NULL };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint32_t seed32;
        if (!strcmp(a, "-o") && v) { o.out = v; i++; }
        else if (!strcmp(a, "--count") && v) { if (parse_u32(v, 1, 100000000u, &o.count)) return usage("bad --count"); i++; }
        else if (!strcmp(a, "--size") && v) { if (parse_u32(v, 1, 65535u, &o.size)) return usage("bad --size"); i++; }
        else if (!strcmp(a, "--flows") && v) { if (parse_u32(v, 1, 1000000u, &o.flows)) return usage("bad --flows"); i++; }
        else if (!strcmp(a, "--seed") && v) { if (parse_u32(v, 0, 0xffffffffu, &seed32)) return usage("bad --seed"); o.seed = seed32; i++; }
        else if (!strcmp(a, "--kind") && v) {
            uint32_t k;
            for (k = 0; k < NKIND && strcmp(v, kind_name[k]); k++) ;
            if (k == NKIND) return usage("bad --kind");
            o.kind = (kind_t)k;
            i++;
        }
        else return usage("unknown or incomplete option");
    }
    if (o.size < kind_hdr[o.kind])
        return usage("--size is shorter than the headers of --kind");
    if (!o.out)
        return usage("no output file (-o)");

    pcap_t *dead = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 65535, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t *d = dead ? pcap_dump_open(dead, o.out) : NULL;
    if (!d) {
        fprintf(stderr, "nicrx-gen: %s: %s\n", o.out, dead ? pcap_geterr(dead) : "cannot open");
        return 1;
    }
    uint8_t *frame = malloc(o.size);
    uint32_t *seq = calloc(o.flows, sizeof *seq);
    if (!frame || !seq) {
        fprintf(stderr, "nicrx-gen: out of memory\n");
        return 1;
    }
    uint64_t rng = o.seed * 0x9e3779b97f4a7c15ull + 1;
    uint64_t t_ps = 0;                      /* 10 Gb/s: 800 ps per byte */
    for (uint32_t n = 0; n < o.count; n++) {
        uint32_t flow = n % o.flows;
        build_frame(frame, o.kind, o.size, flow, seq[flow], &rng);
        seq[flow] += o.size - kind_hdr[o.kind];
        struct pcap_pkthdr h;
        h.ts.tv_sec = (time_t)(t_ps / 1000000000000ull);
        h.ts.tv_usec = (suseconds_t)((t_ps % 1000000000000ull) / 1000u); /* ns: nano precision */
        h.caplen = h.len = o.size;
        pcap_dump((u_char *)d, &h, frame);
        t_ps += (uint64_t)(o.size + 20u) * 800u;
    }
    pcap_dump_close(d);
    pcap_close(dead);
    free(frame);
    free(seq);
    return 0;
}
