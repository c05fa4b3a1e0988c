/* crc32c.c - CRC-32C (nicrx_model.h; crc32c.h).  nicrx_crc32c takes a byte a
 * step, as the RTL's XOR trees take it, through two tables of sixteen (the
 * bit-by-bit loop, eight shifts a byte, was a fifth of nicrx-model --fast);
 * crc32c_sliced eight bytes a step through tables built from those two. */
#include "nicrx_model.h"
#include "crc32c.h"

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

uint32_t nicrx_crc32c(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;

    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        c = (c >> 8) ^ lo[c & 15u] ^ hi[c >> 4 & 15u];
    }
    return ~c;
}

void crc32c_tab_init(crc32c_tab_t *t)
{
    for (uint32_t b = 0; b < 256u; b++)
        t->t[0][b] = lo[b & 15u] ^ hi[b >> 4];
    for (uint32_t k = 1; k < 8u; k++)
        for (uint32_t b = 0; b < 256u; b++)
            t->t[k][b] = t->t[k - 1u][b] >> 8 ^ t->t[0][t->t[k - 1u][b] & 0xffu];
}

uint32_t crc32c_sliced(const crc32c_tab_t *t, const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;

    /* the remainder's four bytes meet the first four input bytes; each of the
     * eight is then seven down to zero bytes from the end of the step */
    for (; n >= 8u; n -= 8u, p += 8) {
        const uint32_t a = c ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);

        c = t->t[7][a & 0xffu] ^ t->t[6][a >> 8 & 0xffu] ^ t->t[5][a >> 16 & 0xffu] ^ t->t[4][a >> 24] ^
            t->t[3][p[4]] ^ t->t[2][p[5]] ^ t->t[1][p[6]] ^ t->t[0][p[7]];
    }
    for (; n; n--, p++)
        c = c >> 8 ^ t->t[0][(c ^ *p) & 0xffu];
    return ~c;
}
