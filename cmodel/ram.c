/* ram.c - twin of rtl/nicrx_ram.v. */
#include <stdlib.h>
#include "ram.h"

int ram_init(ram_t *r, uint32_t words)
{
    r->words = words;
    r->rd_data_reg = 0;
    r->mem = calloc(words ? words : 1u, sizeof *r->mem);
    return r->mem ? 0 : -1;
}

void ram_free(ram_t *r)
{
    free(r->mem);
    r->mem = NULL;
    r->words = 0;
}

void ram_out(const ram_t *r, ram_out_t *o)
{
    o->rd_data = r->rd_data_reg;
}

void ram_step(ram_t *r, const ram_in_t *in, ram_out_t *out)
{
    /* Read first: a read of the word written at the same edge returns the old data,
     * as the RTL's nonblocking assignments do. */
    if (in->rd_en)
        r->rd_data_reg = r->mem[in->rd_addr % r->words];
    if (in->wr_en)
        r->mem[in->wr_addr % r->words] = in->wr_data;
    ram_out(r, out);
}
