/* rss.h - twin of rtl/nicrx_rss.v: receive-side scaling, the Toeplitz hash of a
 * frame's addresses and ports (Microsoft's RSS specification) and the completion
 * queue it picks through the indirection table or modulo the queues in use. */
#ifndef NICRX_RSS_H
#define NICRX_RSS_H

#include <stdint.h>
#include "blocks.h"

#define RSS_KEY_BYTES 40u
#define RSS_IN_MAX    36u  /* IPv6 addresses and ports */
#define RSS_RETA_MAX  512u /* RETA_SIZE's upper bound */
#define RSS_STEPS     5u   /* 288 input bits, 64 a cycle */
#define RSS_FIFO      4u   /* results waiting for their frame on fl */

typedef struct rss_res { uint32_t hash; uint8_t queue, type; } rss_res_t;

/* The RTL's registers (rtl/nicrx_rss.v): the hash as it stands after its five
 * steps (the RTL folds it in; only the result is visible), the lookup stages, the
 * FIFO, the output; the table is block RAM: rst leaves it. */
typedef struct rss {
    uint32_t reta_mask;               /* RETA_SIZE - 1 (not state) */
    uint8_t  cnt;                     /* steps left */
    uint8_t  sv;                      /* the copies hold a step's input and key window */
    uint8_t  pv;                      /* a step's partial sums wait to be folded in */
    uint32_t hash;                    /* the hash of the frame taken */
    uint8_t  typ;
    uint8_t  lk, l1, l2;              /* table read, entry registered, push */
    uint32_t l1_hash;
    uint8_t  l1_typ, col, col_data, rd, ent;
    rss_res_t fifo[RSS_FIFO];
    uint8_t  wr, rd_ptr;              /* 3-bit pointers */
    uint8_t  reta[RSS_RETA_MAX];
    rss_out_t o;
} rss_t;

typedef struct rss_in {
    uint8_t     rst;
    uint8_t     s_hv_valid, s_hv_ready;  /* the parser's hand-off to the key block */
    hv_stream_t s_hv;
    uint8_t     s_fl_valid;              /* the flow block's stream */
    fl_stream_t s_fl;
    csr_cfg_t   cfg;                     /* QSEL, RSS_*, the table store */
} rss_in_t;

/* The Toeplitz hash of in[0..n) (n <= RSS_IN_MAX) under key. */
uint32_t rss_toeplitz(const uint8_t key[RSS_KEY_BYTES], const uint8_t *in, uint32_t n);

/* The same hash a byte a step, for the fast model: the hash is linear in its
 * input, so it is the XOR over the input's bytes of t[i][in[i]], the hash of
 * byte in[i] alone at position i (36 KB, built from the key once). */
typedef struct rss_toep {
    uint8_t  key[RSS_KEY_BYTES];      /* the key t was built from */
    uint32_t t[RSS_IN_MAX][256];
} rss_toep_t;

/* t for key (rss_toeplitz of every single input bit, the other entries XORs of those) */
void rss_toep_build(rss_toep_t *t, const uint8_t key[RSS_KEY_BYTES]);

/* The hash type of a header vector under the enabled types (RSS_CTRL types, bit
 * t-1 enables type t; enum nicrx_rss_type) and the hash's input bytes into in[]:
 * returns the type (NICRX_RSS_NONE: no input) and sets *n. */
uint8_t rss_input(const hv_stream_t *hv, uint8_t types, uint8_t in[RSS_IN_MAX], uint32_t *n);

/* The completion queue of a hash: the table's entry at its low bits, or (mode 1)
 * the hash itself, modulo the 2^qsel_log2 queues in use. */
uint8_t rss_queue(uint32_t hash, uint8_t entry, uint8_t mode, uint8_t qsel_log2);
/* The table store of an edge (cfg->reta_we) */
void rss_table_write(rss_t *s, const csr_cfg_t *c);
/* A frame's hash, type and queue at once, the table as it stands (the fast model;
 * t built from c->rss_key) */
rss_res_t rss_frame(const rss_t *s, const rss_toep_t *t, const hv_stream_t *hv, const csr_cfg_t *c);
/* Power-up: entry i = i mod 8 (the RTL's RAM contents); rss_init does not touch them */
void rss_powerup(rss_t *s, const nicrx_geom_t *g);
void rss_init(rss_t *s);
void rss_out(const rss_t *s, rss_out_t *o);
void rss_step(rss_t *s, const rss_in_t *in, rss_out_t *out);

#endif
