/* crc32c.c - CRC-32C (nicrx_model.h).  The RTL's XOR trees take a byte at once;
 * here four bits a step through a table of the sixteen 4-bit remainders (the
 * bit-by-bit loop, eight shifts a byte, was a fifth of nicrx-model --fast). */
#include "nicrx_model.h"

uint32_t nicrx_crc32c(const uint8_t *p, size_t n)
{
    /* t[k]: k shifted four times through the reflected polynomial 0x82f63b78 */
    static const uint32_t t[16] = {
        0x00000000u, 0x105ec76fu, 0x20bd8edeu, 0x30e349b1u, 0x417b1dbcu, 0x5125dad3u, 0x61c69362u, 0x7198540du,
        0x82f63b78u, 0x92a8fc17u, 0xa24bb5a6u, 0xb21572c9u, 0xc38d26c4u, 0xd3d3e1abu, 0xe330a81au, 0xf36e6f75u,
    };
    uint32_t c = 0xffffffffu;

    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        c = (c >> 4) ^ t[c & 15u];
        c = (c >> 4) ^ t[c & 15u];
    }
    return ~c;
}
