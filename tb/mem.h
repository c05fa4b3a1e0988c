/* mem.h - sparse 64-bit host memory (4 KB pages in an open-addressing hash). */
#ifndef NICRX_MEM_H
#define NICRX_MEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct mem_page {
    uint64_t pn;      /* page number + 1 (0: empty slot) */
    uint8_t *bytes;   /* 4096 bytes */
} mem_page_t;

typedef struct mem {
    mem_page_t *slot;
    size_t nslot, used;
} mem_t;

void mem_init(mem_t *m);
void mem_free(mem_t *m);
void mem_write(mem_t *m, uint64_t addr, const void *src, size_t len);
void mem_read(const mem_t *m, uint64_t addr, void *dst, size_t len); /* unwritten bytes read 0 */
void mem_fill(mem_t *m, uint64_t addr, uint8_t v, size_t len);

#endif
