/* rss.c - twin of rtl/nicrx_rss.v (docs/architecture.md "nicrx_rss"). */
#include <string.h>
#include "nicrx_hw.h"
#include "rss.h"

/* Byte-wise: the 32-bit key window of each input bit is a slice of a 64-bit window
 * that advances a byte at a time (the harness's check is bit-wise, as the
 * specification's pseudocode). */
uint32_t rss_toeplitz(const uint8_t key[RSS_KEY_BYTES], const uint8_t *in, uint32_t n)
{
    uint64_t win = 0;
    uint32_t h = 0;

    for (uint32_t i = 0; i < 8u; i++)
        win = win << 8 | key[i];
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t b = 0; b < 8u; b++)
            if (in[i] >> (7u - b) & 1u)
                h ^= (uint32_t)(win >> (32u - b));
        win = win << 8 | (i + 8u < RSS_KEY_BYTES ? key[i + 8u] : 0u);
    }
    return h;
}

uint8_t rss_input(const hv_stream_t *hv, uint8_t types, uint8_t in[RSS_IN_MAX], uint32_t *n)
{
    const uint8_t v6 = hv->l3 == 2u, base = v6 ? NICRX_RSS_IPV6 : NICRX_RSS_IPV4;
    const uint32_t alen = v6 ? 16u : 4u;
    uint8_t t = NICRX_RSS_NONE;

    /* the ports only where the L4 header is there: not a fragment (a first fragment
     * would hash apart from the rest of its datagram) */
    if (hv->perr || (hv->l3 != 1u && hv->l3 != 2u))
        t = NICRX_RSS_NONE;
    else if (!hv->frag && (hv->l4 == 1u || hv->l4 == 2u) && (types >> (base + hv->l4 - 1u) & 1u))
        t = (uint8_t)(base + hv->l4);
    else if (types >> (base - 1u) & 1u)
        t = base;
    *n = 0;
    if (t == NICRX_RSS_NONE)
        return t;
    memcpy(in, hv->src, alen);
    memcpy(in + alen, hv->dst, alen);
    *n = 2u * alen;
    if (t != base) {
        in[*n] = (uint8_t)(hv->sport >> 8);
        in[*n + 1u] = (uint8_t)hv->sport;
        in[*n + 2u] = (uint8_t)(hv->dport >> 8);
        in[*n + 3u] = (uint8_t)hv->dport;
        *n += 4u;
    }
    return t;
}
