/* sched.h - frame scheduler: capture frames to one AXI4-Stream beat per cycle. */
#ifndef NICRX_SCHED_H
#define NICRX_SCHED_H

#include <stdint.h>
#include "capture.h"
#include "nicrx_model.h"

/* Timestamp pacing shortens longer idle gaps to this many cycles (captures
 * span hours; the device is idle in between anyway). */
#define SCHED_TS_GAP_MAX 100000u

/* Byte times on the wire besides the frame: preamble, SFD and gap. */
#define WIRE_OVERHEAD 20u

typedef enum { PACE_LINE = 0, PACE_B2B, PACE_TS } sched_pace_t;

typedef struct sched {
    const capture_t *cap;
    uint32_t bpb;          /* bytes per beat */
    sched_pace_t pace;
    double clk_hz;         /* for PACE_TS */
    int started;
    uint64_t t0;           /* cycle traffic may start */
    size_t next;           /* frame being sent or next to send */
    uint32_t off;          /* bytes of frame `next` already sent */
    uint64_t next_cycle;   /* earliest cycle of frame `next`'s first beat */
    uint64_t wire_bytes;   /* line rate: byte times from t0 to frame `next`'s start */
    uint64_t last_frame;   /* index of the last frame started (UINT64_MAX: none) */
    uint64_t ts_prev;      /* timestamp pacing: cycles of the previous frame from frame 0 */
    uint64_t ts_skip;      /* cycles cut out of gaps longer than SCHED_TS_GAP_MAX */
    size_t first;          /* the frame sent at t0: 0, or the first after a reset (sched_restart) */
} sched_t;

void sched_init(sched_t *s, const capture_t *cap, uint32_t bpb, sched_pace_t pace, double clk_hz);
/* Traffic may start at cycle t0 (the host finished configuring the device). */
void sched_start(sched_t *s, uint64_t t0);
/* A reset of the device: the frame being sent (if any) is cut off and never resent; the
 * next sched_start sends the frames after it, paced from then as from the start. */
void sched_restart(sched_t *s);
/* Fills the s_axis_* fields of in for the edge of `cycle`. */
void sched_beat(sched_t *s, uint64_t cycle, nicrx_in_t *in);
int sched_done(const sched_t *s);
/* Parses "line", "b2b", "ts"; -1 if unknown. */
int sched_pace_parse(const char *name);

#endif
