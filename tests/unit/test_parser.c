/* test_parser.c - nicrx_parse() (docs/architecture.md, nicrx_parser steps 1-7)
 * and the parser's timing shell (PARSE_LAT, hold between frames, reset). */
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include "check.h"
#include "parser.h"
#include "../blocks/parser_gen.h"

typedef struct fb {
    uint8_t b[512];
    uint32_t n;
} fb_t;

static void put8(fb_t *f, uint32_t v) { f->b[f->n++] = (uint8_t)v; }
static void put16(fb_t *f, uint32_t v) { put8(f, v >> 8); put8(f, v); }
static void put32(fb_t *f, uint32_t v) { put16(f, v >> 16); put16(f, v); }

static void eth(fb_t *f)
{
    uint32_t i;

    f->n = 0;
    for (i = 0; i < 12; i++)
        put8(f, 0x10 + i);
}

static void vlan(fb_t *f, uint32_t tpid, uint32_t tci)
{
    put16(f, tpid);
    put16(f, tci);
}

/* IPv4 header, ihl words (options filled with NOP) */
static void ipv4(fb_t *f, uint32_t ihl, uint32_t proto, uint32_t flags_frag, uint32_t src, uint32_t dst)
{
    uint32_t i;

    put8(f, 0x40 | ihl); put8(f, 0); put16(f, 100);
    put16(f, 0x1234); put16(f, flags_frag);
    put8(f, 64); put8(f, proto); put16(f, 0);
    put32(f, src); put32(f, dst);
    for (i = 20; i < 4 * ihl; i++)
        put8(f, 1);
}

static void ipv6(fb_t *f, uint32_t nh, const uint8_t *src, const uint8_t *dst)
{
    put32(f, 0x60000000u); put16(f, 40); put8(f, nh); put8(f, 64);
    memcpy(f->b + f->n, src, 16); f->n += 16;
    memcpy(f->b + f->n, dst, 16); f->n += 16;
}

static void tcp(fb_t *f, uint32_t sp, uint32_t dp)
{
    uint32_t i;

    put16(f, sp); put16(f, dp);
    for (i = 4; i < 20; i++)
        put8(f, 0);
}

static void udp(fb_t *f, uint32_t sp, uint32_t dp)
{
    put16(f, sp); put16(f, dp); put16(f, 8); put16(f, 0);
}

static void pad(fb_t *f, uint32_t to)
{
    while (f->n < to)
        put8(f, 0xee);
}

static uint32_t v4(const uint8_t *a) { return (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3]; }

int main(void)
{
    fb_t f;
    nicrx_hv_t hv;
    uint8_t s6[16], d6[16];
    uint32_t i;

    /* Ethernet / IPv4 / TCP */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 0x0a000001u, 0xc0a80102u); tcp(&f, 1234, 80); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 1 && hv.l4 == 1 && hv.proto == 6 && hv.l3_off == 14 && hv.l4_off == 34, "parse-ipv4-tcp-layers");
    CHECK(v4(hv.src) == 0x0a000001u && v4(hv.dst) == 0xc0a80102u && hv.src[4] == 0 && hv.dst[15] == 0, "parse-ipv4-tcp-addrs");
    CHECK(hv.sport == 1234 && hv.dport == 80 && !hv.truncated && !hv.frag && hv.vlan_cnt == 0, "parse-ipv4-tcp-ports");
    CHECK(hv.hash == (0x0a000001u ^ 0xc0a80102u ^ ((1234u << 16) | 80u)), "parse-ipv4-tcp-hash");

    /* IPv4 with options (IHL 8) / UDP */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 8, 17, 0, 0x01020304u, 0x05060708u); udp(&f, 53, 5353); pad(&f, 80);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 1 && hv.l4 == 2 && hv.l4_off == 14 + 32 && hv.sport == 53 && hv.dport == 5353, "parse-ipv4-options-udp");
    CHECK(hv.hash == (0x01020304u ^ 0x05060708u ^ ((53u << 16) | 5353u)), "parse-ipv4-udp-hash");

    /* first fragment: MF set, offset 0 -> L4 present */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 17, 0x2000, 1, 2); udp(&f, 7, 9); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.frag && hv.mf && hv.frag_off == 0 && hv.l4 == 2 && hv.sport == 7, "parse-ipv4-first-fragment");
    /* non-first fragment: offset 185 -> no L4, no ports in the hash */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 17, 185, 1, 2); udp(&f, 7, 9); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.frag && !hv.mf && hv.frag_off == 185 && hv.l4 == 0 && hv.l4_off == 0 && hv.sport == 0 &&
          hv.proto == 17 && hv.hash == (1u ^ 2u) && !hv.truncated, "parse-ipv4-nonfirst-fragment");

    /* ICMP: l4 other, no ports */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 1, 0, 0x11111111u, 0x22222222u); put32(&f, 0x08000000u); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l4 == 3 && hv.l4_off == 34 && hv.sport == 0 && hv.dport == 0 && hv.proto == 1 &&
          hv.hash == (0x11111111u ^ 0x22222222u), "parse-icmp-other");

    /* one 802.1Q tag */
    eth(&f); vlan(&f, 0x8100, 0xe123); put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 3, 4); tcp(&f, 1, 2); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.vlan_cnt == 1 && hv.vlan[0] == 0x123 && hv.vlan[1] == 0 && hv.l3_off == 18 && hv.l4_off == 38 && hv.l4 == 1,
          "parse-vlan-1q");
    /* QinQ 0x88a8 + 0x8100 */
    eth(&f); vlan(&f, 0x88a8, 0x0064); vlan(&f, 0x8100, 0x2fff); put16(&f, 0x0800); ipv4(&f, 5, 17, 0, 3, 4); udp(&f, 1, 2); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.vlan_cnt == 2 && hv.vlan[0] == 100 && hv.vlan[1] == 0xfff && hv.l3_off == 22 && hv.l4 == 2, "parse-qinq");
    /* three tags: two taken, the third EtherType is not an L3 */
    eth(&f); vlan(&f, 0x9100, 1); vlan(&f, 0x8100, 2); vlan(&f, 0x8100, 3); put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 3, 4); pad(&f, 80);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.vlan_cnt == 2 && hv.vlan[0] == 1 && hv.vlan[1] == 2 && hv.l3 == 0 && hv.l3_off == 0 && hv.hash == 0 &&
          !hv.truncated, "parse-three-tags");

    /* LLC/SNAP carrying IPv4 */
    eth(&f); put16(&f, 60); put8(&f, 0xaa); put8(&f, 0xaa); put8(&f, 0x03); put8(&f, 0); put8(&f, 0); put8(&f, 0);
    put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 0xdeadbeefu, 0x01010101u); tcp(&f, 443, 5000); pad(&f, 80);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 1 && hv.l3_off == 22 && hv.l4_off == 42 && hv.l4 == 1 && hv.sport == 443, "parse-llc-snap-ipv4");
    /* SNAP after a VLAN tag */
    eth(&f); vlan(&f, 0x8100, 5); put16(&f, 60); put8(&f, 0xaa); put8(&f, 0xaa); put8(&f, 0x03); put8(&f, 0); put8(&f, 0); put8(&f, 0);
    put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 1, 2); tcp(&f, 443, 5000); pad(&f, 80);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 1 && hv.l3_off == 26 && hv.l4_off == 46 && hv.vlan[0] == 5, "parse-vlan-snap-ipv4");
    /* plain 802.3/LLC (no SNAP): no L3 */
    eth(&f); put16(&f, 46); put8(&f, 0x42); put8(&f, 0x42); put8(&f, 0x03); pad(&f, 60);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 0 && hv.l4 == 0 && hv.proto == 0 && hv.hash == 0 && !hv.truncated, "parse-llc-no-l3");
    /* ARP: no L3 */
    eth(&f); put16(&f, 0x0806); pad(&f, 60);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 0 && hv.hash == 0 && !hv.truncated, "parse-arp-no-l3");

    /* IPv6 / TCP */
    for (i = 0; i < 16; i++) {
        s6[i] = (uint8_t)(0x20 + i);
        d6[i] = (uint8_t)(0xf0 - 3 * i);
    }
    eth(&f); put16(&f, 0x86dd); ipv6(&f, 6, s6, d6); tcp(&f, 40000, 22); pad(&f, 80);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 2 && hv.l4 == 1 && hv.l3_off == 14 && hv.l4_off == 54 && hv.sport == 40000 && hv.dport == 22 &&
          memcmp(hv.src, s6, 16) == 0 && memcmp(hv.dst, d6, 16) == 0, "parse-ipv6-tcp");
    {
        uint32_t h = ((40000u << 16) | 22u);
        for (i = 0; i < 4; i++)
            h ^= v4(s6 + 4 * i) ^ v4(d6 + 4 * i);
        CHECK(hv.hash == h, "parse-ipv6-tcp-hash");
    }
    /* IPv6 in 64 header bytes after two tags: the header fits (22+40), UDP does not */
    eth(&f); vlan(&f, 0x88a8, 1); vlan(&f, 0x8100, 2); put16(&f, 0x86dd); ipv6(&f, 17, s6, d6); udp(&f, 1, 2); pad(&f, 100);
    nicrx_parse(f.b, f.n, 64, &hv);
    CHECK(hv.l3 == 2 && hv.l4 == 0 && hv.truncated && hv.vlan_cnt == 2, "parse-ipv6-udp-past-header-bytes");
    /* IPv6 after a tag and SNAP (offset 26) in a 60-byte frame: header truncated */
    eth(&f); vlan(&f, 0x8100, 1); put16(&f, 100); put8(&f, 0xaa); put8(&f, 0xaa); put8(&f, 0x03); put8(&f, 0); put8(&f, 0); put8(&f, 0);
    put16(&f, 0x86dd); ipv6(&f, 17, s6, d6);
    nicrx_parse(f.b, 60, 128, &hv);
    CHECK(hv.l3 == 0 && hv.truncated && hv.vlan_cnt == 1 && hv.hash == 0, "parse-ipv6-truncated");
    eth(&f); vlan(&f, 0x88a8, 1); vlan(&f, 0x8100, 2); put16(&f, 0x86dd); ipv6(&f, 17, s6, d6); udp(&f, 1, 2); pad(&f, 100);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 2 && hv.l4 == 2 && hv.l4_off == 62 && !hv.truncated, "parse-ipv6-qinq-udp");

    /* truncated IPv4 header: frame ends 10 bytes into it */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 1, 2);
    nicrx_parse(f.b, 24, 128, &hv);
    CHECK(hv.truncated && hv.l3 == 0 && hv.l4 == 0 && hv.hash == 0 && hv.l3_off == 0, "parse-truncated-ipv4");
    /* truncated TCP header: 14 + 20 + 19 bytes */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 1, 2); tcp(&f, 5, 6);
    nicrx_parse(f.b, 53, 128, &hv);
    CHECK(hv.truncated && hv.l3 == 1 && hv.l4 == 0 && hv.l4_off == 0 && hv.sport == 0 && hv.hash == (1u ^ 2u),
          "parse-truncated-tcp");
    nicrx_parse(f.b, 54, 128, &hv);
    CHECK(!hv.truncated && hv.l4 == 1 && hv.sport == 5, "parse-tcp-exact-fit");
    /* truncated VLAN tag */
    eth(&f); vlan(&f, 0x8100, 7);
    nicrx_parse(f.b, 16, 128, &hv);
    CHECK(hv.truncated && hv.vlan_cnt == 0 && hv.l3 == 0, "parse-truncated-vlan");
    /* header longer than HEADER_BYTES: IHL 15 at offset 14 -> TCP at 74 needs 94 > 64 */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 15, 6, 0, 1, 2); tcp(&f, 5, 6); pad(&f, 200);
    nicrx_parse(f.b, f.n, 64, &hv);
    CHECK(hv.truncated && hv.l3 == 1 && hv.l4 == 0, "parse-header-longer-than-header-bytes");
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(!hv.truncated && hv.l4 == 1 && hv.l4_off == 74 && hv.sport == 5, "parse-ipv4-ihl15");
    /* bad version / IHL: no L3, not truncated */
    eth(&f); put16(&f, 0x0800); ipv4(&f, 4, 6, 0, 1, 2); pad(&f, 64);
    nicrx_parse(f.b, f.n, 128, &hv);
    CHECK(hv.l3 == 0 && !hv.truncated, "parse-ipv4-bad-ihl");

    /* random headers parsed from a buffer of exactly min(len, header_bytes) bytes
     * (under the sanitizers a read past it fails), with invariants checked */
    {
        uint64_t st = 12345;
        uint8_t raw[256];
        int inv_ok = 1, seen_l4[4] = { 0, 0, 0, 0 }, seen_trunc = 0;
        uint32_t c;

        for (c = 0; c < 20000; c++) {
            uint32_t hb = (c & 1) ? 64 : 128;
            uint32_t len = pg_frame(&st, raw);
            uint32_t w = len < hb ? len : hb;
            uint8_t *buf = malloc(w ? w : 1);

            memcpy(buf, raw, w);
            nicrx_parse(buf, len, hb, &hv);
            free(buf);
            seen_l4[hv.l4] = 1;
            seen_trunc |= hv.truncated;
            if ((hv.l3 == 0 && (hv.hash || hv.l3_off || hv.l4 || hv.proto)) ||
                (hv.l4 != 1 && hv.l4 != 2 && (hv.sport || hv.dport)) ||
                (hv.l4 == 0 && hv.l4_off) || (hv.l4 == 1 && hv.l4_off + 20u > w) ||
                (hv.l4 == 2 && hv.l4_off + 8u > w) || hv.vlan_cnt > 2)
                inv_ok = 0;
        }
        CHECK(inv_ok && seen_l4[0] && seen_l4[1] && seen_l4[2] && seen_l4[3] && seen_trunc, "parse-random-invariants");
    }

    /* timing shell: PARSE_LAT, hold between frames, idle, reset */
    {
        nicrx_geom_t g;
        parser_t p;
        parser_out_t po;
        ingress_out_t io;
        nicrx_in_t top;
        uint8_t hdr[256];
        int ok_lat = 1, ok_idle = 1;
        uint32_t c;

        memset(&g, 0, sizeof g);
        g.p.header_bytes = 128;
        memset(&top, 0, sizeof top);
        memset(&io, 0, sizeof io);
        memset(hdr, 0, sizeof hdr);
        eth(&f); put16(&f, 0x0800); ipv4(&f, 5, 6, 0, 9, 8); tcp(&f, 3, 4); pad(&f, 64);
        memcpy(hdr, f.b, f.n);
        io.cm_hdr = hdr;
        parser_init(&p, &g);
        for (c = 0; c < 8; c++) {
            io.cm_valid = c == 1;
            io.cm_start = c == 1 ? 17 : 0;
            io.cm_len = c == 1 ? 64 : 0;
            io.cm_frame = 5;
            parser_step(&p, &io, &top, NULL);
            parser_out(&p, &po);
            /* the input to step c is cycle c-1: cm_valid is high in cycle 0 and
             * hv_valid must be high in cycle PARSE_LAT, the state after step PARSE_LAT */
            if (po.hv_valid != (c == PARSER_PARSE_LAT))
                ok_lat = 0;
            if (po.idle != (c == 0 || c > PARSER_PARSE_LAT))
                ok_idle = 0;
        }
        CHECK(ok_lat, "parser-latency-%u", PARSER_PARSE_LAT);
        CHECK(ok_idle, "parser-idle");
        CHECK(po.hv_start == 17 && po.hv_len == 64 && po.hv->l4 == 1 && po.hv->sport == 3 && po.hv_frame == 5,
              "parser-holds-after-frame");
        top.rst = 1;
        parser_step(&p, &io, &top, NULL);
        parser_out(&p, &po);
        CHECK(!po.hv_valid && po.hv_len == 0 && po.hv->l3 == 0 && po.idle, "parser-reset");
    }
    return 0;
}
