/* hdrmem.h - twin of rtl/nicrx_hdrmem.v: FQ_DEPTH slots of HEADER_BYTES bytes,
 * the first HEADER_BYTES bytes of each frame, written beat by beat from the
 * ingress (docs/architecture.md "Header memory").  The RTL keeps the bytes in
 * eight lanes (lane j: offsets j mod 8) so that any 8 bytes read in one
 * cycle, and one copy per engine; the model stores each slot as plain bytes,
 * once, which reads the same. */
#ifndef NICRX_HDRMEM_H
#define NICRX_HDRMEM_H

#include <stdint.h>

typedef struct hdrmem {
    uint32_t slots, header_bytes, bpb;
    uint8_t *mem;                 /* slots x header_bytes */
} hdrmem_t;

int hdrmem_init(hdrmem_t *h, uint32_t slots, uint32_t header_bytes, uint32_t bpb);
void hdrmem_free(hdrmem_t *h);
/* The header bytes of a slot. */
const uint8_t *hdrmem_slot(const hdrmem_t *h, uint32_t slot);
/* One edge: with we, the beat (BPB bytes, byte i = data[8i+7:8i]) goes to
 * {slot, beat} = addr. */
void hdrmem_step(hdrmem_t *h, uint8_t we, uint32_t addr, uint64_t data);

#endif
