/* flow.h - twin of rtl/nicrx_flow.v: the flow database (the signature CAM, the
 * key and context memories, the recency order), the time and the manager that
 * decides every job nicrx_flow_key hands on (a frame or a host command).
 * docs/architecture.md "nicrx_flow" says how and when, docs/opcodes.md what is
 * decided.
 *
 * The manager takes a job at edge E0 and makes all of its effects at E0+9.
 * Nothing but the job can change the database in between, so the model keeps
 * what the job took at E0 (the job, the configuration, `now`) and decides and
 * writes everything at E0+9 from the database as it is then, which is as it
 * was after the job before. */
#ifndef NICRX_FLOW_H
#define NICRX_FLOW_H

#include <stdint.h>
#include "blocks.h"

#define FLOW_JOB_CYCLES 9u   /* a job taken at E0 completes at E0+9, when the next may be taken */

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
    fk_stream_t fk;        /* the job from nicrx_flow_key */
    uint8_t  evict;        /* FLOW_CTRL.evict, FLOW_THRESH, FLOW_AGE and now before E0 */
    uint16_t thresh;
    uint32_t age, now;
} flow_job_t;

typedef struct flow {
    /* parameters */
    uint32_t flows;
    /* memories: keys, contexts */
    uint8_t  (*key)[NICRX_FLOW_KEY_BYTES];
    flow_ctx_t *ctx;
    /* CAM and recency order (flip-flops): rank 0 the most recently active entry ..
     * FLOWS-1 the tail, the entry an allocation takes */
    uint8_t  *valid;
    uint32_t *sig;
    uint16_t *rank;
    uint16_t tail;
    /* time */
    uint16_t pre;
    uint32_t now;
    /* manager */
    uint8_t  run;          /* 0 idle, else cycles since the job's E0 (1..9) */
    flow_job_t job;
    /* the registered outputs (s_fk_ready, m_fl_*, flow_* (flow_busy: a command is
     * pending or running), ctx_*, counters, idle) */
    flow_out_t o;
} flow_t;

typedef struct flow_in {
    uint8_t  rst;
    uint8_t  s_fk_valid;         /* nicrx_flow_key's jobs */
    fk_stream_t s_fk;
    csr_cfg_t cfg;               /* FLOW_CTRL.evict, THRESH, TICK, AGE; FLOW_CMD (busy) */
    const evsink_t *ev;          /* NICRX_EV_FLOW at a frame job's E0+9 */
} flow_in_t;

int flow_init(flow_t *s, const nicrx_geom_t *g);
void flow_free(flow_t *s);
void flow_out(const flow_t *s, flow_out_t *o);
void flow_step(flow_t *s, const flow_in_t *in, flow_out_t *out);
/* The decision on the frame job in s->job (at its E0+9): the database's update,
 * the operation code, m_fl and the NICRX_EV_FLOW event.  The functional model
 * (fast.c) decides its frames with it too. */
void flow_frame_decide(flow_t *s, const evsink_t *ev);
/* A job as it is taken at E0: the key block's job with the configuration and the time
 * it runs under (the cycle model and fast.c load jobs through it). */
void flow_job_take(flow_job_t *j, const fk_stream_t *fk, const csr_cfg_t *c, uint32_t now);

#endif
