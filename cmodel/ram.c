/* ram.c - twin of rtl/nicrx_ram.v. */
#include <stdlib.h>
#include "ram.h"

int ram_init(ram_t *r, uint32_t words)
{
    r->words = words;
    r->rd_data = 0;
    r->mem = calloc(words ? words : 1u, sizeof *r->mem);
    return r->mem ? 0 : -1;
}

void ram_free(ram_t *r)
{
    free(r->mem);
    r->mem = NULL;
    r->words = 0;
}

void ram_step(ram_t *r, uint8_t wr_en, uint32_t wr_addr, uint64_t wr_data,
              uint8_t rd_en, uint32_t rd_addr)
{
    /* Read first: a read of the word written at the same edge returns the old data,
     * as the RTL's nonblocking assignments do. */
    if (rd_en)
        r->rd_data = r->mem[rd_addr % r->words];
    if (wr_en)
        r->mem[wr_addr % r->words] = wr_data;
}
