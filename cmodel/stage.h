/* stage.h - twin of rtl/nicrx_stage.v: one register stage on a valid/ready stream
 * (docs/architecture.md "nicrx_stage"). The item's type is the user's: the stage keeps its
 * bytes. */
#ifndef NICRX_STAGE_H
#define NICRX_STAGE_H

#include <stdint.h>
#include <string.h>

typedef struct stage_in {
    uint8_t     rst;
    uint8_t     s_valid;   /* the producer offers an item (taken when the stage is empty) */
    const void *s_data;
    uint8_t     m_ready;   /* the consumer takes the item held at this edge */
} stage_in_t;

/* one edge: *full is the stage's valid (its ready is !*full), data its register of size
 * bytes, loaded at every edge where the stage is empty */
static inline void stage_step(uint8_t *full, void *data, size_t size, const stage_in_t *in)
{
    if (!*full)
        memcpy(data, in->s_data, size);
    *full = (uint8_t)(!in->rst && (*full ? !in->m_ready : in->s_valid));
}

#endif
