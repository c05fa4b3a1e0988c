/* mover.h - twin of rtl/nicrx_mover.v: the transfer engine's mover, packet memory to the
 * AXI4 W channel (docs/architecture.md "nicrx_mover").  Instantiated by the transfer engine
 * (dma.c) as the RTL's nicrx_dma instantiates it.  Field names are the RTL register names
 * without _reg; the RTL's memories are the *_mem arrays. */
#ifndef NICRX_MOVER_H
#define NICRX_MOVER_H

#include <stdint.h>
#include "streams.h"

typedef struct mover {
    /* parameters */
    uint32_t dw, bpb, adw, abpb, r, pm_aw;
    /* packet-memory command FIFO and reader */
    pc_stream_t pc_mem[8];   /* written at every edge at the tail (free: at most 4 commands) */
    uint32_t pc_wr, pc_rd;
    uint8_t  pc_room;    /* the FIFO has room (one cycle old) */
    /* the head command in flip-flops, loaded as it becomes the head; hd_left its words still
     * to read (nwords until it starts), hd_zero and hd_one: hd_left is 0, 1 (registered) */
    uint8_t  hd_skip, hd_flush, hd_lead, hd_sh, hd_zero, hd_one;   /* hd_lead: the lead word is still to come */
    uint8_t  hd_prime;   /* the head's first read is still to come and yields no word (pc prime) */
    uint16_t hd_left;
    uint32_t rel_ptr;
    uint64_t pf_mem[16]; /* the reader keeps reading while W carries a record */
    uint32_t pf_wr, pf_rd;
    /* a read (or flush) decided at edge E is t0 after E; the RAM's enable (t0 a read, not
     * a flush: the RTL keeps it in a flip-flop of its own) and address (pm_rel: the pointer
     * before E's read) are registers and the RAM reads at E+1 */
    uint8_t  t0_v, t0_fl, t0_ld, t0_sh;   /* t*_fl: a word that reads nothing (a flush or a lead), t*_ld: a lead */
    uint8_t  t0_pr, t1_pr, t2_pr;         /* a prime: the word read only becomes the word before (ra_h) */
    uint32_t pm_rel;
    uint8_t  pf_room;    /* room for the read decided at the next edge (two places free) */
    /* the realigner: the read is t1 after E+1, its word is in ra_w after E+2 (t2),
     * realigned with ra_h (the word before) into the prefetch FIFO at E+3 */
    uint8_t  t1_v, t1_fl, t1_ld, t1_sh, t2_v, t2_fl, t2_ld, t2_sh;
    uint64_t ra_w, ra_h;
    /* W command FIFO and the W register */
    wc_stream_t wc_mem[4];
    uint32_t wc_wr, wc_rd;
    uint8_t  wc_room;    /* the FIFO has room (one cycle old) */
    uint8_t  wb_cnt;
    /* the head W command in flip-flops, with wb_first (wb_cnt is 0) and wb_end (wb_cnt is
     * its len: the burst's last beat) registered */
    wc_stream_t wh;
    uint8_t  wb_first, wb_end;
    uint8_t  wvalid, wlast;
    uint16_t wstrb;
    uint64_t wdata[2];
} mover_t;

typedef struct mover_in {
    uint8_t  rst;
    uint8_t  s_pc_valid;       /* the issue FSM's packet-memory command */
    pc_stream_t s_pc;
    uint8_t  s_wc_valid;       /* its W command, one per AW burst */
    wc_stream_t s_wc;
    uint8_t  s_rec_valid;      /* the completion record's words (the holder) */
    uint64_t s_rec[4];
    uint64_t pm_rd_data;       /* the packet memory's read register */
    uint8_t  m_axi_wready;
} mover_in_t;

typedef struct mover_out {
    uint8_t  s_pc_ready, s_wc_ready;   /* registered room */
    uint8_t  pm_rd_en;
    uint32_t pm_rd_addr, pm_rel_ptr;
    uint8_t  busy;                     /* a command, word or beat not yet out */
    uint8_t  m_axi_wvalid, m_axi_wlast;
    uint16_t m_axi_wstrb;
    uint64_t m_axi_wdata[2];
} mover_out_t;

int mover_init(mover_t *s, uint32_t data_width, uint32_t axi_data_width, uint32_t pm_aw);
void mover_out(const mover_t *s, mover_out_t *o);
/* s_rec_ready, combinational: the W register takes a record's last beat at this edge */
int mover_rec_ready(const mover_t *s, uint8_t m_axi_wready);
void mover_step(mover_t *s, const mover_in_t *in, mover_out_t *out);

#endif
