/* tcpview.h - the host's TCP stream view: what a driver rebuilds, per flow direction,
 * from the segments the host received (docs/report.md "Streams").
 *
 * A direction is keyed by its addresses and ports.  Its bytes are placed by sequence
 * number relative to its base: the first segment's sequence number, or the SYN's ISN + 1
 * (a SYN sets the base again while the direction holds no byte).  A byte already held
 * keeps the value that arrived first (retransmitted and overlapping bytes are counted,
 * not placed again); bytes before the base or further than TCPVIEW_WINDOW past it are
 * counted, not placed.  Anything that carries a segment's sequence number and bytes
 * feeds it with tcpview_segment(): a completion record and its buffer bytes
 * (tcpview_record), the capture's own frames (the harness's reference), a merged run. */
#ifndef NICRX_TCPVIEW_H
#define NICRX_TCPVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "nicrx_hw.h"
#include "nicrx_model.h"

#define TCPVIEW_WINDOW (1u << 28)   /* bytes a direction may span from its base */

typedef struct tcpview_key {
    uint8_t v6;                     /* 0 IPv4 (addresses in src[0..3], dst[0..3]), 1 IPv6 */
    uint8_t src[16], dst[16];
    uint16_t sport, dport;
} tcpview_key_t;

typedef struct tcpview tcpview_t;

tcpview_t *tcpview_new(void);
void tcpview_free(tcpview_t *v);

/* One segment of direction k: seq its sequence number, syn/fin its flags, len bytes of
 * data (the data follows the SYN's sequence number when syn is set). */
void tcpview_segment(tcpview_t *v, const tcpview_key_t *k, uint32_t seq, int syn, int fin, const uint8_t *data,
                     uint32_t len);

/* A completion record and the bytes the host took from its parts (n of them, the first
 * part's then the data part's): a driver's parse, from the record's l3, l4, frag,
 * l3_off, l4_off and pay and the TCP header in the bytes.  Returns 1 when it fed a
 * segment, 0 when the record is no TCP segment the view can place. */
int tcpview_record(tcpview_t *v, const struct nicrx_cmpl *c, const uint8_t *bytes, uint32_t n);

/* A run merged with header stripping (REASM_CTRL.strip): c and hdr (hlen bytes) its first
 * frame's record and header part, data[0, len) the run's bytes from that frame's sequence
 * number on, of which [0, from) that frame's record placed already; the other segs - 1
 * segments' bytes [from, len) are placed as one, counted as segs - 1 segments (a FIN of
 * the last: fin).  Returns 1 if placed. */
int tcpview_run(tcpview_t *v, const struct nicrx_cmpl *c, const uint8_t *hdr, uint32_t hlen, uint32_t from,
                const uint8_t *data, uint32_t len, uint32_t segs, int fin);

/* A frame's TCP segment from its header vector (the same rule as tcpview_record) and
 * its bytes; returns as tcpview_record. */
int tcpview_frame(tcpview_t *v, const nicrx_hv_t *hv, const uint8_t *bytes, uint32_t n);

/* 0 when a and b hold the same directions, each with the same base and the same bytes
 * at the same places; else -1 with the first difference in why. */
int tcpview_compare(const tcpview_t *a, const tcpview_t *b, char *why, size_t n);

/* Writes DIR/SRCADDR.SPORT-DSTADDR.DPORT.bin (IPv6 addresses with '_' for ':') per
 * direction, its bytes from the base up to the first gap, and DIR/index.jsonl, a line
 * per direction in the order they were first seen.  DIR must exist.  0, or -1 with the
 * reason in why. */
int tcpview_write(const tcpview_t *v, const char *dir, char *why, size_t n);

#endif
