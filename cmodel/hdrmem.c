/* hdrmem.c - twin of rtl/nicrx_hdrmem.v (see hdrmem.h). */
#include <stdlib.h>
#include "hdrmem.h"

int hdrmem_init(hdrmem_t *h, uint32_t slots, uint32_t header_bytes, uint32_t bpb)
{
    h->slots = slots;
    h->header_bytes = header_bytes;
    h->bpb = bpb;
    h->mem = calloc((size_t)slots * header_bytes, 1);
    return h->mem ? 0 : -1;
}

void hdrmem_free(hdrmem_t *h)
{
    free(h->mem);
    h->mem = NULL;
}

const uint8_t *hdrmem_slot(const hdrmem_t *h, uint32_t slot)
{
    return h->mem + (size_t)(slot % h->slots) * h->header_bytes;
}

void hdrmem_step(hdrmem_t *h, uint8_t we, uint32_t addr, uint64_t data)
{
    uint32_t byte = (addr * h->bpb) % (h->slots * h->header_bytes);

    if (!we)
        return;
    for (uint32_t i = 0; i < h->bpb; i++)
        h->mem[byte + i] = (uint8_t)(data >> (8 * i));
}
