/* ram.h - twin of rtl/nicrx_ram.v: the packet memory, one write and one
 * registered read port (old data on a same-word collision). */
#ifndef NICRX_RAM_H
#define NICRX_RAM_H

#include <stdint.h>

typedef struct ram {
    uint32_t words;
    uint64_t *mem;
    uint64_t rd_data_reg;
} ram_t;

typedef struct ram_in {
    uint8_t  wr_en;         /* addresses are taken modulo words */
    uint32_t wr_addr;
    uint64_t wr_data;
    uint8_t  rd_en;
    uint32_t rd_addr;
} ram_in_t;

typedef struct ram_out {
    uint64_t rd_data;
} ram_out_t;

/* Returns 0, or -1 if the memory cannot be allocated.  Contents and rd_data start 0. */
int ram_init(ram_t *r, uint32_t words);
void ram_free(ram_t *r);
void ram_out(const ram_t *r, ram_out_t *o);
void ram_step(ram_t *r, const ram_in_t *in, ram_out_t *out);

#endif
