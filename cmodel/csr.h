/* csr.h - C twin of rtl/nicrx_csr.v: the AXI4-Lite register block.
 *
 * The registers are regs/nicrx.regs: their storage is csr_regs_t (generated,
 * csr_regs.h), one member per RTL <name>_reg with the same name; csr.c
 * interprets the generated decode table (csr_map.h).  Register map: nicrx_hw.h;
 * timing and side effects: docs/registers.md. */
#ifndef NICRX_CSR_H
#define NICRX_CSR_H

#include <stdint.h>
#include "blocks.h"
#include "csr_regs.h"

typedef struct csr {
    nicrx_geom_t g;                       /* elaboration parameters (not state) */
    uint32_t values[CSR_NUM_VALUES];      /* the description's expressions for g (not state) */
    csr_regs_t r;                         /* the registers of regs/nicrx.regs */
    /* the instruction store (a PARSER_IDATA3 write) */
    uint8_t  imem_we;                     /* cfg_imem_we: pulse after an IDATA3 write */
    uint8_t  imem_addr;                   /* cfg_imem_addr: IADDR of that write */
    uint32_t imem_data[NICRX_INSN_WORDS]; /* cfg_imem_data: IDATA0..3 of that write */
    /* the indirection table store (an RSS_RETA_IDATA write) */
    uint8_t  reta_we;                     /* cfg_reta_we: pulse after the write */
    uint16_t reta_addr;                   /* cfg_reta_addr: RSS_RETA_IADDR of that write */
    /* AXI4-Lite handshake */
    uint8_t  wr_ready;                    /* drives awready and wready */
    uint8_t  bvalid;
    uint8_t  bresp;
    uint8_t  arready;
    /* the read between E1 and E2: the RTL holds the read mux's first level (per group
     * of registers) in reggen_rgv_reg/_rgm_reg; the model the value it selects */
    uint8_t  rd_pend;
    uint32_t rd_value;
    uint8_t  rd_resp;
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
