/* bytes.h - big-endian (network order) fields read from a frame's bytes: the traffic
 * generator (gen.c) and the host's TCP stream view (tcpview.c). */
#ifndef NICRX_BYTES_H
#define NICRX_BYTES_H

#include <stdint.h>

static inline uint32_t be16(const uint8_t *p) { return (uint32_t)p[0] << 8 | p[1]; }
static inline uint32_t be32(const uint8_t *p) { return be16(p) << 16 | be16(p + 2); }

#endif
