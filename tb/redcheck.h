/* redcheck.h - the harness's own computation of every RED decision (docs/architecture.md
 * "nicrx_red"), from the registers the options write at bring-up: avg from the q the
 * decision used, the drop probability, the LFSR draw and the verdict, frame by frame. */
#ifndef NICRX_TB_REDCHECK_H
#define NICRX_TB_REDCHECK_H

#include <stddef.h>
#include <stdint.h>
#include "nicrx_model.h"

/* the RED registers the options may set, in the order the host writes them (RED_CTRL's
 * fields last, so the mode starts with its thresholds in place); -1: reset value */
enum red_opt { RED_OPT_MIN, RED_OPT_MAX, RED_OPT_EXEMPT, RED_OPT_SEED, RED_OPT_TH0,
               RED_OPT_P0 = RED_OPT_TH0 + 4, RED_OPT_MODE = RED_OPT_P0 + 4, RED_OPT_WLOG, RED_OPT_MAXP,
               RED_NUM_OPTS };

/* the bring-up writes of the options (at most RED_NUM_OPTS): returns their number */
uint32_t redcheck_writes(const int64_t opt[RED_NUM_OPTS], uint32_t *addr, uint32_t *val);

typedef struct redcheck {
    uint32_t mode, wlog, maxp, min, max, exempt, th[4], p[4];
    uint32_t active;        /* the mode acts: 1 or 2 and a good configuration */
    uint32_t avg, count, lfsr;
    uint64_t decisions, early, forced;
} redcheck_t;

void redcheck_init(redcheck_t *r, const int64_t opt[RED_NUM_OPTS], uint32_t pm_words);
/* One decision, for a frame with that operation code: 0, or -1 with the difference in err. */
int redcheck_decision(redcheck_t *r, const nicrx_red_decision_t *d, uint32_t opcode, char *err, size_t n);

#endif
