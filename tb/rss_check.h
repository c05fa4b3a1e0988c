/* rss_check.h - the harness's own receive-side scaling: the Toeplitz hash
 * straight from Microsoft's pseudocode (a bit at a time, the key shifted), written
 * apart from the model's (cmodel/rss.c), the hash type of a header vector, and
 * what the host configured (key, types, mode, the table entries' values). */
#ifndef NICRX_TB_RSS_CHECK_H
#define NICRX_TB_RSS_CHECK_H

#include <stdint.h>
#include "nicrx_model.h"

#define TB_RSS_RETA_MAX 512u

typedef struct tb_rss {
    uint8_t  key[40];
    uint8_t  types, mode;
    uint32_t reta_size;
    uint8_t  reta[TB_RSS_RETA_MAX];     /* the entry as last written */
    uint8_t  held[TB_RSS_RETA_MAX];     /* bit v: the entry has held v since the run began */
} tb_rss_t;

/* The reset configuration: Microsoft's key, every type, the table, entry i = i mod 8. */
void tb_rss_init(tb_rss_t *r, uint32_t reta_size);
/* The register writes that set the key, types and mode, and the table (from entry
 * 0); returns how many were stored into addr/data (at most max). */
uint32_t tb_rss_writes(const tb_rss_t *r, uint32_t *addr, uint32_t *data, uint32_t max);
/* The host writes entry i: what the device may answer from now on. */
void tb_rss_set_entry(tb_rss_t *r, uint32_t i, uint8_t q);
/* A frame's hash and type (0 and 0 when no enabled type applies). */
uint32_t tb_rss_hash(const tb_rss_t *r, const nicrx_hv_t *hv, uint8_t *type);
/* Whether queue q may be that frame's, with 2^qsel queues in use. */
int tb_rss_queue_ok(const tb_rss_t *r, uint32_t hash, uint32_t qsel, uint32_t q);

#endif
