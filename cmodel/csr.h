/* csr.h - C twin of rtl/nicrx_csr.v: the AXI4-Lite register block.
 *
 * Fields carry the RTL register names without the `_reg` suffix
 * (enable_reg -> enable, fbr_tail_reg[16*r +: 16] -> fbr_tail[r], ...).
 * Register map: nicrx_hw.h; timing and side effects: docs/registers.md. */
#ifndef NICRX_CSR_H
#define NICRX_CSR_H

#include <stdint.h>
#include "blocks.h"

typedef struct csr {
    nicrx_geom_t g;                       /* elaboration parameters (not state) */
    /* configuration registers */
    uint8_t  enable;                      /* CTRL[0] */
    uint8_t  qsel;                        /* QSEL[2:0], <= log2(NUM_CQ) */
    uint64_t fbr_base[NICRX_NUM_FBR];     /* bits [5:0] always 0 */
    uint8_t  fbr_size_log2[NICRX_NUM_FBR];/* 1..15 */
    uint16_t fbr_buf_size[NICRX_NUM_FBR];
    uint8_t  fbr_en[NICRX_NUM_FBR];
    uint16_t fbr_tail[NICRX_NUM_FBR];
    uint64_t cq_base[NICRX_MAX_CQ];       /* bits [3:0] always 0; [q] for q < NUM_CQ */
    uint8_t  cq_size_log2[NICRX_MAX_CQ];  /* 1..15 */
    uint8_t  cq_en[NICRX_MAX_CQ];
    uint8_t  cq_irq_en[NICRX_MAX_CQ];
    uint16_t cq_head[NICRX_MAX_CQ];
    /* parser microcode */
    uint8_t  step_limit;                  /* PARSER_CTRL[7:0] */
    uint8_t  iaddr;                       /* PARSER_IADDR[7:0] */
    uint32_t idata[NICRX_INSN_WORDS];     /* PARSER_IDATA0..3 */
    uint8_t  swap;                        /* cfg_swap: pulse after a SWAP write of 1 */
    uint8_t  imem_we;                     /* cfg_imem_we: pulse after an IDATA3 write */
    uint8_t  imem_addr;                   /* cfg_imem_addr: IADDR of that write */
    uint32_t imem_data[NICRX_INSN_WORDS]; /* cfg_imem_data: IDATA0..3 of that write */
    /* flow database */
    uint8_t  flow_ctrl;                   /* FLOW_CTRL[1:0] */
    uint16_t flow_thresh, flow_tick;      /* FLOW_THRESH[15:0], FLOW_TICK[15:0] */
    uint32_t flow_age;                    /* FLOW_AGE */
    uint8_t  flow_sel;                    /* FLOW_CMD[15:8] */
    uint8_t  flow_cmd;                    /* cfg_flow_cmd: pulse after a FLOW_CMD write of a command */
    uint32_t ctx_info;                    /* FLOW_CTX_INFO[25:0] */
    uint32_t ctx_seq, ctx_ack, ctx_opt, ctx_time, ctx_count;
    uint32_t ctx_key[NICRX_FLOW_KEY_BYTES / 4]; /* FLOW_KEY0..9 */
    /* AXI4-Lite handshake */
    uint8_t  wr_ready;                    /* drives awready and wready */
    uint8_t  bvalid;
    uint8_t  bresp;
    uint8_t  arready;
    uint8_t  rvalid;
    uint32_t rdata;
    uint8_t  rresp;
} csr_t;

typedef struct csr_in {
    const nicrx_in_t *top;     /* rst and the s_axil_* requests */
    const csr_status_t *st;    /* status and counters (registered at their sources) */
} csr_in_t;

void csr_init(csr_t *s, const nicrx_geom_t *g);
/* Registered outputs: the whole configuration, and the s_axil_* fields of o
 * (the other fields of o are left untouched).  Either pointer may be NULL. */
void csr_out(const csr_t *s, csr_cfg_t *cfg, nicrx_out_t *o);
/* One rising edge; in->top->rst resets. */
void csr_step(csr_t *s, const csr_in_t *in);
/* What a read of addr would return (0 for SLVERR addresses); no state change. */
uint32_t csr_peek(const csr_t *s, const csr_status_t *st, uint32_t addr);

#endif
