/* rss_check.c - the harness's receive-side scaling check (rss_check.h). */
#include <string.h>
#include "nicrx_hw.h"
#include "rss_check.h"

static const uint8_t ms_key[40] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3,
    0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3,
    0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

void tb_rss_init(tb_rss_t *r, uint32_t reta_size)
{
    memset(r, 0, sizeof *r);
    memcpy(r->key, ms_key, sizeof r->key);
    r->types = NICRX_RSS_CTRL_RESET & 0x3fu;
    r->reta_size = reta_size;
    for (uint32_t i = 0; i < TB_RSS_RETA_MAX; i++) {
        r->reta[i] = (uint8_t)(i % 8u);
        r->held[i] = (uint8_t)(1u << r->reta[i]);
    }
}

uint32_t tb_rss_writes(const tb_rss_t *r, uint32_t *addr, uint32_t *data, uint32_t max)
{
    uint32_t n = 0;

#define W(a, d) do { if (n < max) { addr[n] = (a); data[n] = (d); } n++; } while (0)
    for (uint32_t w = 0; w < 10u; w++)
        W(NICRX_REG_RSS_KEY0 + 4u * w, (uint32_t)r->key[4 * w] | (uint32_t)r->key[4 * w + 1] << 8 |
                                       (uint32_t)r->key[4 * w + 2] << 16 | (uint32_t)r->key[4 * w + 3] << 24);
    W(NICRX_REG_RSS_CTRL, r->types | (uint32_t)r->mode << 8);
    W(NICRX_REG_RSS_RETA_IADDR, 0);
    for (uint32_t i = 0; i < r->reta_size; i++)
        W(NICRX_REG_RSS_RETA_IDATA, r->reta[i]);
#undef W
    return n < max ? n : max;
}

void tb_rss_set_entry(tb_rss_t *r, uint32_t i, uint8_t q)
{
    i %= r->reta_size;
    r->reta[i] = q & 7u;
    r->held[i] |= (uint8_t)(1u << (q & 7u));
}

/* Microsoft's ComputeHash: for each input bit from the left, a set bit XORs the
 * key's leftmost 32 bits into the result; the key shifts left one bit.  The key is
 * held as five 64-bit words, leftmost first, so a shift is five words' and not
 * forty bytes' (a frame's hash was an eighth of a small-frame run's time). */
static uint32_t toeplitz(const uint8_t key[40], const uint8_t *in, uint32_t n)
{
    uint64_t k[5] = { 0 };
    uint32_t result = 0;

    for (uint32_t i = 0; i < 40u; i++)
        k[i / 8] |= (uint64_t)key[i] << (56 - 8 * (i % 8));
    for (uint32_t bit = 0; bit < 8u * n; bit++) {
        if (in[bit / 8] & (0x80u >> (bit % 8)))
            result ^= (uint32_t)(k[0] >> 32);
        for (uint32_t i = 0; i < 5u; i++)
            k[i] = k[i] << 1 | (i + 1 < 5u ? k[i + 1] >> 63 : 0);
    }
    return result;
}

uint32_t tb_rss_hash(const tb_rss_t *r, const nicrx_hv_t *hv, uint8_t *type)
{
    uint8_t in[36];
    uint32_t alen, n = 0;
    int ports;

    /* "IPv4": TCP/IPv4 or UDP/IPv4 with the ports when the frame has that header
     * (not a fragment) and the type is on, else the addresses if IPv4 is on */
    *type = NICRX_RSS_NONE;
    if (hv->perr || (hv->l3 != 1 && hv->l3 != 2))
        return 0;
    const uint8_t ip = hv->l3 == 1 ? NICRX_RSS_IPV4 : NICRX_RSS_IPV6;
    const uint8_t l4t = hv->l4 == 1 ? ip + 1 : hv->l4 == 2 ? ip + 2 : 0;
    if (l4t && !hv->frag && (r->types & (1u << (l4t - 1))))
        *type = l4t;
    else if (r->types & (1u << (ip - 1)))
        *type = ip;
    else
        return 0;
    ports = *type != ip;
    alen = hv->l3 == 1 ? 4 : 16;
    memcpy(in + n, hv->src, alen); n += alen;
    memcpy(in + n, hv->dst, alen); n += alen;
    if (ports) {
        in[n++] = (uint8_t)(hv->sport >> 8); in[n++] = (uint8_t)hv->sport;
        in[n++] = (uint8_t)(hv->dport >> 8); in[n++] = (uint8_t)hv->dport;
    }
    return toeplitz(r->key, in, n);
}

int tb_rss_queue_ok(const tb_rss_t *r, uint32_t hash, uint32_t qsel, uint32_t q)
{
    const uint32_t mask = (1u << qsel) - 1u;

    if (r->mode)
        return q == (hash & 7u & mask);
    for (uint32_t v = 0; v < 8u; v++)
        if ((r->held[hash & (r->reta_size - 1u)] >> v & 1u) && (v & mask) == q)
            return 1;
    return 0;
}
