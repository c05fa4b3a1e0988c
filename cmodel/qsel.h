/* qsel.h - twin of rtl/nicrx_qsel.v: the completion queue of each frame, one
 * register stage on the fl stream between the flow block and the transfer engine. */
#ifndef NICRX_QSEL_H
#define NICRX_QSEL_H

#include <stdint.h>
#include "blocks.h"

typedef struct qsel {
    qsel_out_t o;           /* m_fl_valid_reg, m_fl_data_reg */
} qsel_t;

typedef struct qsel_in {
    uint8_t     rst;
    uint8_t     s_fl_valid; /* the flow block's stream (queue unused) */
    fl_stream_t s_fl;
    uint8_t     cfg_qsel_log2;
} qsel_in_t;

/* fold8(hash) & (2^qsel_log2 - 1): the queue of a frame with that hash */
uint8_t qsel_queue(uint32_t hash, uint8_t qsel_log2);
void qsel_init(qsel_t *s);
void qsel_out(const qsel_t *s, qsel_out_t *o);
void qsel_step(qsel_t *s, const qsel_in_t *in, qsel_out_t *out);

#endif
