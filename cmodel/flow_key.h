/* flow_key.h - twin of rtl/nicrx_flow_key.v: the flow database's front end.  It
 * takes the parser's frames and the host's flow commands and hands each on to
 * the manager (flow.c) as a flow job (the fk stream) with what depends on the
 * job alone: the key image, its signature, the TCP options digest, the expected
 * sequence number, the frame's flags.  docs/architecture.md "nicrx_flow_key".
 *
 * A job taken at K0 is handed on at K0+8 (or later, while the manager still
 * holds the one before).  Nothing it reads changes in between (the frame's
 * header slot stays written until the DMA pops the frame), so the model works
 * the job out at K0 and keeps it until then. */
#ifndef NICRX_FLOW_KEY_H
#define NICRX_FLOW_KEY_H

#include <stdint.h>
#include "blocks.h"
#include "crc32c.h"
#include "hdrmem.h"

#define FLOW_KEY_CYCLES 8u   /* a job taken at K0 is handed on at K0+8 at the earliest */

typedef struct flow_key {
    uint32_t header_bytes;
    hdrmem_t hm;            /* the key block's header-memory copy (the options) */
    uint8_t  run;           /* 0 idle, else cycles since the job's K0 (1..8; 8 until handed on) */
    fk_stream_t job;        /* the job, worked out at K0 */
    uint8_t  cmd_pending, cmd, cmd_sel;
    /* the registered outputs: s_hv_ready (a frame would be taken at the next edge),
     * m_fk_valid, m_fk, idle */
    flow_key_out_t o;
    crc32c_tab_t crc;       /* the signature's and digest's tables (not state) */
} flow_key_t;

typedef struct flow_key_in {
    uint8_t  rst;
    uint8_t  s_hv_valid;         /* the parser's stream */
    hv_stream_t s_hv;
    uint8_t  hm_wr_en;           /* ingress: header-memory write */
    uint32_t hm_wr_addr;
    uint64_t pm_wr_data;
    csr_cfg_t cfg;               /* FLOW_CTRL.vlan, FLOW_CMD and the context window */
    uint8_t  flow_busy;          /* the manager's: a command pending or running */
    uint8_t  m_fk_ready;         /* the manager takes m_fk at this edge */
} flow_key_in_t;

int flow_key_init(flow_key_t *s, const nicrx_geom_t *g);
void flow_key_free(flow_key_t *s);
void flow_key_out(const flow_key_t *s, flow_key_out_t *o);
void flow_key_step(flow_key_t *s, const flow_key_in_t *in, flow_key_out_t *out);
/* A frame's job: the fields the fl stream passes on, the key and signature, and
 * the frame-only parts of the decision; hdr holds the frame's first
 * min(len, header_bytes) bytes (its header slot), ctrl is FLOW_CTRL, crc
 * the caller's CRC-32C tables.  The functional model (fast.c) makes its jobs
 * with it too. */
void flow_key_frame_job(const hv_stream_t *hv, const uint8_t *hdr, uint32_t header_bytes, uint8_t ctrl,
                        const crc32c_tab_t *crc, fk_stream_t *j);

#endif
