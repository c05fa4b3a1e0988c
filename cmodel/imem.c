/* imem.c - twin of rtl/nicrx_imem.v (see imem.h). */
#include <string.h>
#include "imem.h"

void imem_init(imem_t *m, uint32_t depth)
{
    memset(m, 0, sizeof *m);
    m->depth = depth;
}

int imem_load(imem_t *m, const uint32_t *words, uint32_t n_insn)
{
    if (n_insn > m->depth)
        return -1;
    memset(m->mem, 0, sizeof m->mem);
    for (uint32_t b = 0; b < 2; b++)
        memcpy(m->mem[b], words, (size_t)n_insn * NICRX_INSN_BYTES);
    return 0;
}

const uint32_t *imem_read(const imem_t *m, uint32_t bank, uint32_t pc)
{
    return m->mem[bank & 1u][pc & (m->depth - 1u)];
}

void imem_step(imem_t *m, uint8_t we, uint32_t bank, uint32_t addr, const uint32_t data[NICRX_INSN_WORDS])
{
    if (we)
        memcpy(m->mem[bank & 1u][addr & (m->depth - 1u)], data, NICRX_INSN_BYTES);
}
