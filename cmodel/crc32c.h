/* crc32c.h - CRC-32C eight bytes a step (slicing by eight), for the model's
 * flow key jobs: the same function as nicrx_crc32c (nicrx_model.h), a quarter
 * of its instructions on a 40-byte key (137 against 529).  The tables are built
 * once into the context that uses them (flow_key_t, the fast model). */
#ifndef NICRX_CRC32C_H
#define NICRX_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* t[k][b]: the remainder of byte b followed by k zero bytes */
typedef struct crc32c_tab {
    uint32_t t[8][256];
} crc32c_tab_t;

void crc32c_tab_init(crc32c_tab_t *t);
/* nicrx_crc32c(p, n), through t */
uint32_t crc32c_sliced(const crc32c_tab_t *t, const uint8_t *p, size_t n);

#endif
