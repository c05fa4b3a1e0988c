/* crc32c.c - CRC-32C (nicrx_model.h).  A byte a step, as the RTL's XOR trees
 * take it, through two tables of sixteen (the bit-by-bit loop, eight shifts a
 * byte, was a fifth of nicrx-model --fast). */
#include "nicrx_model.h"

uint32_t nicrx_crc32c(const uint8_t *p, size_t n)
{
    /* lo[k], hi[k]: k and k << 4 shifted eight times through the reflected
     * polynomial 0x82f63b78 (CRC is linear: a byte's remainder is the XOR of its
     * two nibbles') */
    static const uint32_t lo[16] = {
        0x00000000u, 0xf26b8303u, 0xe13b70f7u, 0x1350f3f4u, 0xc79a971fu, 0x35f1141cu, 0x26a1e7e8u, 0xd4ca64ebu,
        0x8ad958cfu, 0x78b2dbccu, 0x6be22838u, 0x9989ab3bu, 0x4d43cfd0u, 0xbf284cd3u, 0xac78bf27u, 0x5e133c24u,
    };
    static const uint32_t hi[16] = {
        0x00000000u, 0x105ec76fu, 0x20bd8edeu, 0x30e349b1u, 0x417b1dbcu, 0x5125dad3u, 0x61c69362u, 0x7198540du,
        0x82f63b78u, 0x92a8fc17u, 0xa24bb5a6u, 0xb21572c9u, 0xc38d26c4u, 0xd3d3e1abu, 0xe330a81au, 0xf36e6f75u,
    };
    uint32_t c = 0xffffffffu;

    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        c = (c >> 8) ^ lo[c & 15u] ^ hi[c >> 4 & 15u];
    }
    return ~c;
}
