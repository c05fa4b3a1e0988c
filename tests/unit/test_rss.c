/* test_rss.c - the Toeplitz hash of cmodel/rss.c against Microsoft's published RSS
 * verification table ("Verifying the RSS Hash Calculation", also the 82599
 * datasheet's 7.1.2.8.3), bit for bit, with the specification's key; and the
 * hash types a header vector takes (docs/host-interface.md "Receive-side scaling"). */
#include <string.h>
#include "check.h"
#include "nicrx_hw.h"
#include "nicrx_model.h"
#include "geom.h"
#include "rss.h"

static const uint8_t ms_key[RSS_KEY_BYTES] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3,
    0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3,
    0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

typedef struct vec {
    uint8_t  v6;
    uint8_t  src[16], dst[16];
    uint16_t sport, dport;
    uint32_t h_ip, h_l4;    /* the table's "IPv4/IPv6 only" and "with TCP" columns */
} vec_t;

static const vec_t table[] = {
    { 0, { 66, 9, 149, 187 }, { 161, 142, 100, 80 }, 2794, 1766, 0x323e8fc2u, 0x51ccc178u },
    { 0, { 199, 92, 111, 2 }, { 65, 69, 140, 83 }, 14230, 4739, 0xd718262au, 0xc626b0eau },
    { 0, { 24, 19, 198, 95 }, { 12, 22, 207, 184 }, 12898, 38024, 0xd2d0a5deu, 0x5c2b394au },
    { 0, { 38, 27, 205, 30 }, { 209, 142, 163, 6 }, 48228, 2217, 0x82989176u, 0xafc7327fu },
    { 0, { 153, 39, 163, 191 }, { 202, 188, 127, 2 }, 44251, 1303, 0x5d1809c5u, 0x10e828a2u },
    /* 3ffe:2501:200:1fff::7 -> 3ffe:2501:200:3::1 */
    { 1, { 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0, 0, 0, 0, 0x07 },
         { 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 0x01 },
      2794, 1766, 0x2cc18cd5u, 0x40207d3du },
    /* 3ffe:501:8::260:97ff:fe40:efab -> ff02::1 */
    { 1, { 0x3f, 0xfe, 0x05, 0x01, 0x00, 0x08, 0, 0, 0x02, 0x60, 0x97, 0xff, 0xfe, 0x40, 0xef, 0xab },
         { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01 },
      14230, 4739, 0x0f0c461cu, 0xdde51bbfu },
    /* 3ffe:1900:4545:3:200:f8ff:fe21:67cf -> fe80::200:f8ff:fe21:67cf */
    { 1, { 0x3f, 0xfe, 0x19, 0x00, 0x45, 0x45, 0x00, 0x03, 0x02, 0x00, 0xf8, 0xff, 0xfe, 0x21, 0x67, 0xcf },
         { 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0xf8, 0xff, 0xfe, 0x21, 0x67, 0xcf },
      44251, 38024, 0x4b61e985u, 0x02d1feefu },
};

static void hv_of(hv_stream_t *hv, const vec_t *v, uint8_t l4)
{
    memset(hv, 0, sizeof *hv);
    hv->l3 = v->v6 ? 2u : 1u;
    hv->l4 = l4;
    memcpy(hv->src, v->src, 16);
    memcpy(hv->dst, v->dst, 16);
    hv->sport = v->sport;
    hv->dport = v->dport;
}

static uint32_t hash_of(const hv_stream_t *hv, uint8_t types, uint8_t *t)
{
    uint8_t in[RSS_IN_MAX];
    uint32_t n;

    *t = rss_input(hv, types, in, &n);
    return rss_toeplitz(ms_key, in, n);
}

int main(void)
{
    const uint8_t all = (1u << (NICRX_NUM_RSS_TYPES - 1u)) - 1u;

    for (uint32_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const vec_t *v = &table[i];
        const uint8_t ip = v->v6 ? NICRX_RSS_IPV6 : NICRX_RSS_IPV4;
        hv_stream_t hv;
        uint8_t t;
        uint32_t h;

        hv_of(&hv, v, 1);   /* TCP */
        h = hash_of(&hv, all, &t);
        CHECK(h == v->h_l4 && t == ip + 1u, "rss-verify-%s-%u-tcp: 0x%08x type %u", v->v6 ? "v6" : "v4", i, h, t);
        hv_of(&hv, v, 2);   /* UDP: the same input bytes */
        h = hash_of(&hv, all, &t);
        CHECK(h == v->h_l4 && t == ip + 2u, "rss-verify-%s-%u-udp: 0x%08x type %u", v->v6 ? "v6" : "v4", i, h, t);
        hv.frag = 1;        /* a fragment: the addresses alone */
        h = hash_of(&hv, all, &t);
        CHECK(h == v->h_ip && t == ip, "rss-verify-%s-%u-frag: 0x%08x type %u", v->v6 ? "v6" : "v4", i, h, t);
        hv_of(&hv, v, 1);   /* TCP with only the address type enabled */
        h = hash_of(&hv, (uint8_t)(1u << (ip - 1u)), &t);
        CHECK(h == v->h_ip && t == ip, "rss-verify-%s-%u-ip: 0x%08x type %u", v->v6 ? "v6" : "v4", i, h, t);
        h = hash_of(&hv, (uint8_t)(1u << ip), &t);     /* only TCP enabled: TCP hashed */
        CHECK(h == v->h_l4 && t == ip + 1u, "rss-types-%s-%u-tcp-only: type %u", v->v6 ? "v6" : "v4", i, t);
        hv.l4 = 3;          /* other L4 with only TCP enabled: no hash */
        h = hash_of(&hv, (uint8_t)(1u << ip), &t);
        CHECK(h == 0 && t == NICRX_RSS_NONE, "rss-types-%s-%u-none: type %u", v->v6 ? "v6" : "v4", i, t);
    }
    {
        hv_stream_t hv;
        uint8_t t;

        hv_of(&hv, &table[0], 1);
        hv.perr = 1;
        CHECK(hash_of(&hv, all, &t) == 0 && t == NICRX_RSS_NONE, "rss-types-perr-none");
        hv_of(&hv, &table[0], 0);
        hv.l3 = 0;
        CHECK(hash_of(&hv, all, &t) == 0 && t == NICRX_RSS_NONE, "rss-types-no-l3-none");
    }
    {
        /* the fast model's tables (rss_frame) against the hash bit by bit: random keys and
         * frames, IPv4 and IPv6, TCP, UDP and other, each with the key its tables were built from */
        static rss_toep_t tt;
        static csr_cfg_t c;
        static rss_t s;
        hv_stream_t hv;
        uint32_t x = 7u, bad = 0, n = 0;
        uint8_t t;
        nicrx_geom_t g;
        nicrx_params_t p;

        nicrx_params_default(&p);
        nicrx_geom_init(&g, &p);
        rss_powerup(&s, &g);
        c.rss_types = all;
        for (uint32_t k = 0; k < 8u; k++) {
            for (uint32_t i = 0; i < RSS_KEY_BYTES; i++) c.rss_key[i] = (uint8_t)((x = x * 1103515245u + 12345u) >> 24);
            rss_toep_build(&tt, c.rss_key);
            for (uint32_t f = 0; f < 64u; f++, n++) {
                hv_of(&hv, &table[0], (uint8_t)(1u + f % 3u));
                hv.l3 = f & 4u ? 2u : 1u;
                for (uint32_t i = 0; i < 16u; i++) {
                    hv.src[i] = (uint8_t)((x = x * 1103515245u + 12345u) >> 24);
                    hv.dst[i] = (uint8_t)(x >> 16);
                }
                hv.sport = (uint16_t)(x >> 8);
                hv.dport = (uint16_t)x;
                uint8_t in[RSS_IN_MAX];
                uint32_t len;
                t = rss_input(&hv, all, in, &len);
                const rss_res_t r = rss_frame(&s, &tt, &hv, &c);
                bad += r.hash != rss_toeplitz(c.rss_key, in, len) || r.type != t;
            }
        }
        CHECK(!bad, "rss-frame-tables-are-toeplitz: %u of %u frames differ", bad, n);
    }
    return 0;
}
