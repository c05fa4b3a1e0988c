/* prng.h - the harness's seeded PRNG (xorshift64*): AXI backpressure and
 * latencies (axi.c), synthetic captures (gen.c). */
#ifndef NICRX_PRNG_H
#define NICRX_PRNG_H

#include <stdint.h>

/* xorshift64* */
static inline uint64_t prng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    *s = x;
    return x * 0x2545f4914f6cdd1dull;
}
static inline uint32_t prng_range(uint64_t *s, uint32_t lo, uint32_t hi) /* [lo, hi] */
{
    return lo + (uint32_t)((prng_next(s) >> 32) % (uint64_t)(hi - lo + 1));
}
static inline int prng_pct(uint64_t *s, uint32_t pct)
{
    return pct >= 100 || (uint32_t)((prng_next(s) >> 40) % 100u) < pct;
}

#endif
