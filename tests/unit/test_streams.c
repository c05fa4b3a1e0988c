/* test_streams.c - the generated stream layouts (cmodel/streams.h): for every layout and
 * geometry, unpack then pack gives back any vector bit for bit, both walk exactly the
 * layout's width, and bits past it are left alone.  That the RTL lays the streams out the
 * same way is what the block benches check (they drive and compare the packed ports). */
#include <stdint.h>
#include <string.h>
#include "check.h"
#include "streams.h"
#include "../../tb/prng.h"

#define WORDS 64u  /* 2048 bits: more than any layout */

/* One layout: NAME_stream_t and its functions. */
#define ROUNDTRIP(name, max, g, seed, ok) do {                                            \
        name##_stream_t s_;                                                          \
        uint32_t a_[WORDS], b_[WORDS], w_ = name##_stream_width(g);                  \
        for (uint32_t i_ = 0; i_ < WORDS; i_++) {                                    \
            a_[i_] = (uint32_t)prng_next(seed);                                      \
            b_[i_] = ~a_[i_];                                                        \
        }                                                                            \
        memset(&s_, 0, sizeof s_);                                                   \
        (ok) &= name##_stream_unpack(&s_, g, a_, 0) == w_;                           \
        (ok) &= name##_stream_pack(&s_, g, b_, 0) == w_;                             \
        (ok) &= w_ <= (max);                                        \
        for (uint32_t k_ = 0; k_ < 32 * WORDS; k_++)                                 \
            (ok) &= (bits_get(a_, k_, 1) == bits_get(b_, k_, 1)) == (k_ < w_);       \
    } while (0)

int main(void)
{
    uint64_t seed = 0x5eed5eedull;
    int ok = 1;
    uint32_t n = 0;

    for (uint32_t dw = 32; dw <= 64; dw *= 2)
        for (uint32_t pm = 256; pm <= 65536 * 2; pm *= 4)
            for (uint32_t fq = 2; fq <= 256; fq *= 2) {
                nicrx_params_t p;
                nicrx_geom_t g;

                nicrx_params_default(&p);
                p.data_width = dw;
                p.pkt_mem_bytes = pm;
                p.fq_depth = fq;
                nicrx_geom_init(&g, &p);
                if (g.pm_aw < 4 || g.pm_aw > 15)
                    continue;
                ROUNDTRIP(cm, CM_STREAM_MAX_BITS, &g, &seed, ok);
                ROUNDTRIP(hv, HV_STREAM_MAX_BITS, &g, &seed, ok);
                ROUNDTRIP(fl, FL_STREAM_MAX_BITS, &g, &seed, ok);
                n++;
            }
    CHECK(ok && n > 20, "streams-pack-unpack (%u geometries)", n);
    return 0;
}
