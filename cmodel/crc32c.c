/* crc32c.c - CRC-32C (nicrx_model.h), bit by bit like the RTL's XOR trees. */
#include "nicrx_model.h"

uint32_t nicrx_crc32c(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;

    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int b = 0; b < 8; b++)
            c = (c >> 1) ^ (0x82f63b78u & (0u - (c & 1u)));
    }
    return ~c;
}
