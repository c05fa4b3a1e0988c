/* crc32c.h - CRC-32C (Castagnoli: polynomial 0x1edc6f41 reflected, initial
 * value and final XOR all ones), the twin of rtl/nicrx_crc32c.v: the flow
 * key's signature and the TCP options digest (docs/architecture.md
 * "nicrx_flow").  nicrx_crc32c("123456789", 9) == 0xe3069283. */
#ifndef NICRX_CRC32C_H
#define NICRX_CRC32C_H

#include <stddef.h>
#include <stdint.h>

uint32_t nicrx_crc32c(const uint8_t *p, size_t n);

#endif
