/* axi.h - AXI4 slave on the host side of the device's master port, with a
 * seeded random backpressure/latency profile (tb/prng.h). */
#ifndef NICRX_AXI_H
#define NICRX_AXI_H

#include <stddef.h>
#include <stdint.h>
#include "mem.h"
#include "prng.h"
#include "nicrx_model.h"

typedef struct axi_profile {
    uint32_t aw_pct, w_pct, ar_pct, r_pct; /* chance per cycle that ready/valid is offered */
    uint32_t b_lat_min, b_lat_max;         /* cycles from the wlast edge to bvalid */
    uint32_t r_lat_min, r_lat_max;         /* cycles from the AR edge to the first rvalid */
} axi_profile_t;

/* Called for every accepted burst: 0 if [addr, addr+len) may be written
 * (write=1) or read; else -1 with a reason in why. */
typedef int (*axi_check_fn)(void *ctx, uint64_t addr, uint64_t len, int write, char *why, size_t n);

#define AXI_QMAX 16

typedef struct axi_burst {
    uint64_t addr;
    uint32_t beats, done;
    uint64_t t;   /* AR: edge of the first beat; B: edge bvalid may rise */
} axi_burst_t;

typedef struct axi_slave {
    mem_t *mem;
    uint64_t *rng;
    axi_profile_t prof;
    uint32_t bpb, max_burst;   /* bpb: bytes per beat, AXI_DATA_WIDTH / 8 */
    axi_check_fn check;
    void *check_ctx;
    axi_burst_t aw[AXI_QMAX]; uint32_t aw_n;  /* accepted, W beats outstanding */
    axi_burst_t b[AXI_QMAX * 4]; uint32_t b_n;/* responses owed */
    axi_burst_t ar[AXI_QMAX]; uint32_t ar_n;  /* accepted reads */
    uint8_t r_hold;                           /* rvalid offered and not yet taken */
    uint64_t writes, reads, wbeats, rbeats;
    char err[256];                            /* first protocol/bounds error */
} axi_slave_t;

void axi_init(axi_slave_t *a, mem_t *mem, uint64_t *rng, const axi_profile_t *prof,
              uint32_t bpb, uint32_t max_burst, axi_check_fn check, void *ctx);
/* The slave's side of the edge `e`: reads the device's outputs (valid before
 * the edge), fills the m_axi_* inputs for that edge and performs every
 * handshake that happens at it. */
void axi_edge(axi_slave_t *a, uint64_t e, const nicrx_out_t *out, nicrx_in_t *in);
int axi_idle(const axi_slave_t *a);
/* A reset of the device and its bus (ARESETn is shared): every burst in flight is abandoned
 * (the beats already written stay in memory), no response is owed; the counts go on. */
void axi_reset(axi_slave_t *a);

#endif
