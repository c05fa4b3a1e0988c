/* bits.h - a packed bit vector as little-endian 32-bit words (bit b is bit b % 32 of
 * v[b / 32]), the representation of the layouts of cmodel/streams.h: the block
 * benches write the vectors the RTL ports carry. */
#ifndef NICRX_BITS_H
#define NICRX_BITS_H

#include <stdint.h>

/* Writes the low w bits of x (w <= 64) at bit b; returns b + w. */
static inline uint32_t bits_put(uint32_t *v, uint32_t b, uint32_t w, uint64_t x)
{
    for (uint32_t i = 0; i < w; i++, b++) {
        if (x >> i & 1u)
            v[b / 32] |= 1u << (b % 32);
        else
            v[b / 32] &= ~(1u << (b % 32));
    }
    return b;
}

/* The w bits (w <= 64) at bit b. */
static inline uint64_t bits_get(const uint32_t *v, uint32_t b, uint32_t w)
{
    uint64_t x = 0;

    for (uint32_t i = 0; i < w; i++, b++)
        x |= (uint64_t)(v[b / 32] >> (b % 32) & 1u) << i;
    return x;
}

/* n bytes, byte 0 the most significant (network order), at bit b; returns b + 8n. */
static inline uint32_t bits_put_bytes(uint32_t *v, uint32_t b, uint32_t n, const uint8_t *be)
{
    for (uint32_t i = n; i-- > 0;)
        b = bits_put(v, b, 8, be[i]);
    return b;
}

static inline uint32_t bits_get_bytes(const uint32_t *v, uint32_t b, uint32_t n, uint8_t *be)
{
    for (uint32_t i = n; i-- > 0; b += 8)
        be[i] = (uint8_t)bits_get(v, b, 8);
    return b;
}

#endif
