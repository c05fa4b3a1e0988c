/* flow.h - twin of rtl/nicrx_flow.v: the flow key, the signature CAM, the key
 * and context memories, the recency list, the time, the flow database
 * manager and the host's commands.  docs/architecture.md "nicrx_flow" says how
 * and when, docs/opcodes.md what is decided.
 *
 * The manager takes a job (a frame or a command) at edge E0 and makes all of
 * its effects at E0+7.  Nothing but the job can change the database in
 * between, so the model keeps what the job took at E0 (the frame, the
 * configuration, `now`, the window) and decides and writes everything at
 * E0+7 from the database as it is then, which is as it was before E0. */
#ifndef NICRX_FLOW_H
#define NICRX_FLOW_H

#include <stdint.h>
#include "blocks.h"
#include "hdrmem.h"

#define FLOW_JOB_CYCLES 7u   /* a job taken at E0 completes at E0+7 */

/* One entry of the context memory. */
typedef struct flow_ctx {
    uint8_t  gen;          /* reset to 0 with the CAM; the rest is not reset */
    uint32_t exp, ack, digest;
    uint16_t hlen;         /* 10 bits */
    uint16_t flags;        /* 12 bits */
    uint8_t  data_seen, noassist;
    uint32_t time, count;
} flow_ctx_t;

/* What a job took at E0. */
typedef struct flow_job {
    uint8_t  cmd;          /* 0: a frame, else enum nicrx_flow_cmd */
    uint8_t  sel;          /* a command's entry, mod FLOWS */
    hv_stream_t hv;        /* a frame: its header vector and options digest */
    uint32_t digest;
    uint8_t  optx;         /* options not available: merging forbidden */
    uint8_t  ctrl;         /* FLOW_CTRL, FLOW_THRESH, FLOW_AGE and now before E0 */
    uint16_t thresh;
    uint32_t age, now;
    uint32_t ctx_info, ctx_seq, ctx_ack, ctx_opt; /* the window before E0 */
    uint8_t  ctx_key[NICRX_FLOW_KEY_BYTES];
} flow_job_t;

typedef struct flow {
    /* parameters */
    uint32_t flows, header_bytes;
    /* memories: the manager's header-memory copy, keys, contexts */
    hdrmem_t hm;
    uint8_t  (*key)[NICRX_FLOW_KEY_BYTES];
    flow_ctx_t *ctx;
    /* CAM and recency list (flip-flops); next[] points towards the tail */
    uint8_t  *valid;
    uint32_t *sig;
    uint16_t *next, *prev;
    uint16_t head, tail;
    /* time */
    uint16_t pre;
    uint32_t now;
    /* manager */
    uint8_t  run;          /* 0 idle, else cycles since the job's E0 (1..7) */
    flow_job_t job;
    uint8_t  cmd_pending, cmd, cmd_sel;
    /* the registered outputs (s_hv_ready, m_fl_*, flow_* (flow_busy: a command is
     * pending or running), ctx_*, counters, idle) */
    flow_out_t o;
} flow_t;

typedef struct flow_in {
    uint8_t  rst;
    uint8_t  s_hv_valid;         /* the parser's stream */
    hv_stream_t s_hv;
    uint8_t  hm_wr_en;           /* ingress: header-memory write */
    uint32_t hm_wr_addr;
    uint64_t pm_wr_data;
    csr_cfg_t cfg;               /* FLOW_* and the context window */
    const evsink_t *ev;          /* NICRX_EV_FLOW at a frame job's E0+7 */
} flow_in_t;

int flow_init(flow_t *s, const nicrx_geom_t *g);
void flow_free(flow_t *s);
void flow_out(const flow_t *s, flow_out_t *o);
void flow_step(flow_t *s, const flow_in_t *in, flow_out_t *out);

#endif
