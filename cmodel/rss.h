/* rss.h - twin of rtl/nicrx_rss.v: receive-side scaling, the Toeplitz hash of a
 * frame's addresses and ports (Microsoft's RSS specification) and the completion
 * queue it picks through the indirection table or modulo the queues in use. */
#ifndef NICRX_RSS_H
#define NICRX_RSS_H

#include <stdint.h>
#include "streams.h"

#define RSS_KEY_BYTES 40u
#define RSS_IN_MAX    36u  /* IPv6 addresses and ports */

/* The Toeplitz hash of in[0..n) (n <= RSS_IN_MAX) under key. */
uint32_t rss_toeplitz(const uint8_t key[RSS_KEY_BYTES], const uint8_t *in, uint32_t n);

/* The hash type of a header vector under the enabled types (RSS_CTRL types, bit
 * t-1 enables type t; enum nicrx_rss_type) and the hash's input bytes into in[]:
 * returns the type (NICRX_RSS_NONE: no input) and sets *n. */
uint8_t rss_input(const hv_stream_t *hv, uint8_t types, uint8_t in[RSS_IN_MAX], uint32_t *n);

#endif
