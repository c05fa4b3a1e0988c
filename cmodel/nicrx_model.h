/* nicrx_model.h - public API of the nicrx cycle-exact C model.
 *
 * One nicrx_model_step() is one rising clock edge of rtl/nicrx_top.v with the
 * same inputs; nicrx_model_outputs() returns what the RTL drives on its output
 * ports after that edge (every top-level output is a register).  Frame events
 * (drop, parse, delivery) are reported through a callback: they are the
 * model's own bookkeeping and have no counterpart on the RTL ports. */
#ifndef NICRX_MODEL_H
#define NICRX_MODEL_H

#include <stdint.h>
#include <stddef.h>
#include "nicrx_hw.h"

/* Elaboration parameters of nicrx_top; the same names as the Verilog ones. */
typedef struct nicrx_params {
    uint32_t data_width;    /* DATA_WIDTH: 32 or 64 */
    uint32_t pkt_mem_bytes; /* PKT_MEM_BYTES: power of two, >= MAX_FRAME */
    uint32_t header_bytes;  /* HEADER_BYTES: power of two, 64..256 */
    uint32_t max_frame;     /* MAX_FRAME: 64..16383 */
    uint32_t num_cq;        /* NUM_CQ: 1, 2, 4 or 8 */
    uint32_t fq_depth;      /* FQ_DEPTH: frame queue entries, power of two */
    uint32_t desc_depth;    /* DESC_DEPTH: descriptors prefetched per ring, power of two >= 4 */
    uint32_t max_burst;     /* MAX_BURST: beats per AXI write burst, power of two, 2..256 */
    uint32_t parse_engines; /* PARSE_ENGINES: parser engines, 1 or 2 */
    uint32_t imem_depth;    /* IMEM_DEPTH: instructions per bank, power of two, 16..256 */
    uint32_t flows;         /* FLOWS: flow database entries, power of two, 8..256 */
    uint32_t axi_data_width; /* AXI_DATA_WIDTH: DATA_WIDTH or 2 x DATA_WIDTH (the RTL's default: twice) */
    uint32_t reta_size;     /* RETA_SIZE: RSS indirection table entries, power of two, 16..512 */
} nicrx_params_t;

void nicrx_params_default(nicrx_params_t *p);
/* Returns NULL if p is valid, else a static string naming the bad parameter. */
const char *nicrx_params_check(const nicrx_params_t *p);

/* Inputs of nicrx_top for one clock edge. */
typedef struct nicrx_in {
    uint8_t  rst;
    /* ingress AXI4-Stream (no tready: the MAC is never back-pressured) */
    uint64_t s_axis_tdata;
    uint8_t  s_axis_tkeep;
    uint8_t  s_axis_tvalid, s_axis_tlast, s_axis_tuser;
    /* host AXI4 master: responses */
    uint8_t  m_axi_awready, m_axi_wready;
    uint8_t  m_axi_bvalid, m_axi_bresp;
    uint8_t  m_axi_arready;
    uint8_t  m_axi_rvalid, m_axi_rresp, m_axi_rlast;
    uint64_t m_axi_rdata[2]; /* AXI_DATA_WIDTH bits, [0] the low 64 */
    /* control AXI4-Lite slave: requests */
    uint8_t  s_axil_awvalid, s_axil_wvalid, s_axil_bready, s_axil_arvalid, s_axil_rready;
    uint16_t s_axil_awaddr, s_axil_araddr;
    uint32_t s_axil_wdata;
    uint8_t  s_axil_wstrb;
} nicrx_in_t;

/* Outputs of nicrx_top (all registered).  Constant outputs (awsize, awburst,
 * awcache, awprot, ids) are fixed by docs/interfaces.md and not listed. */
typedef struct nicrx_out {
    uint8_t  m_axi_awvalid;
    uint64_t m_axi_awaddr;
    uint8_t  m_axi_awlen;
    uint8_t  m_axi_wvalid, m_axi_wlast;
    uint64_t m_axi_wdata[2]; /* AXI_DATA_WIDTH bits, [0] the low 64 */
    uint16_t m_axi_wstrb;
    uint8_t  m_axi_bready;
    uint8_t  m_axi_arvalid;
    uint64_t m_axi_araddr;
    uint8_t  m_axi_arlen;
    uint8_t  m_axi_rready;
    uint8_t  s_axil_awready, s_axil_wready, s_axil_bvalid, s_axil_bresp;
    uint8_t  s_axil_arready, s_axil_rvalid, s_axil_rresp;
    uint32_t s_axil_rdata;
    uint8_t  irq; /* bit q: completion queue q */
} nicrx_out_t;

/* The parser's header vector, as the RTL carries it (hv_* ports).
 * docs/microcode.md "The header vector after the frame ends" defines every
 * field; a field the program did not store is 0. */
typedef struct nicrx_hv {
    uint16_t cls;         /* classification bits [9:0] (enum nicrx_class_bit) */
    uint8_t  l3;          /* 0 none, 1 IPv4, 2 IPv6 (from cls) */
    uint8_t  l4;          /* 0 none, 1 TCP, 2 UDP, 3 other (from cls) */
    uint8_t  proto;       /* IP protocol / IPv6 next header */
    uint8_t  vlan_cnt;    /* 0..2 tags stored */
    uint16_t vlan[2];     /* VLAN ids, outer first */
    uint8_t  frag;        /* mf | (frag_off != 0) */
    uint8_t  mf;          /* IPv4 more-fragments flag */
    uint16_t frag_off;    /* IPv4 fragment offset in 8-byte units */
    uint8_t  src[16];     /* source address, network order; IPv4 in src[0..3] */
    uint8_t  dst[16];
    uint16_t sport, dport;
    uint32_t seq, ack;    /* TCP sequence and acknowledgement numbers */
    uint16_t tcp_flags;   /* [11:0] */
    uint16_t win;         /* TCP window: stored by ack_flags only (0 when a program stores ack alone) */
    uint16_t tcp_hlen;    /* TCP header bytes, (cur - L4) mod 1024 if tcp, else 0 */
    uint16_t l4_len;      /* L4 payload bytes if tcp or udp, else 0 */
    uint8_t  l3_off, l4_off; /* min(L3, 255), min(L4, 255) */
    uint16_t pay_off;     /* where the program left the cursor, 10 bits */
    uint8_t  truncated;   /* a read ran past min(len, HEADER_BYTES) */
    uint8_t  perr;        /* cls bit perr: the program's verdict or the step limit */
    uint32_t hash;        /* flow hash (docs/microcode.md) */
} nicrx_hv_t;

/* The functional parse of one frame: what the parser computes, without its
 * timing.  imem holds imem_depth instructions (1..256) of NICRX_INSN_WORDS
 * words each; the pc wraps modulo imem_depth.  Only the first
 * min(len, header_bytes) bytes of `bytes` are read.  The frame ends with perr after
 * step_limit instructions, 1..256; 0 (PARSER_CTRL's encoding) and values
 * above 256 mean 256.  Returns the
 * instructions executed, the one that truncated included: the frame occupies
 * its thread for 8 cycles per instruction. */
uint32_t nicrx_parse(const uint32_t *imem, uint32_t imem_depth, const uint8_t *bytes, uint32_t len,
                     uint32_t header_bytes, uint32_t step_limit, nicrx_hv_t *hv);

/* Machine state of a frame's parse (docs/microcode.md "Machine state per frame"). */
typedef struct nicrx_parse_state { uint16_t cur, l3, l4, cls; } nicrx_parse_state_t;

/* One instruction of a traced parse (nicrx_parse_trace): docs/microcode.md
 * "Execution of one instruction" as it happened, for debugging a program. */
typedef struct nicrx_parse_step {
    uint32_t step;          /* 1 for the frame's first instruction */
    uint32_t pc;            /* the instruction's address, pc mod imem_depth */
    const uint32_t *insn;   /* its NICRX_INSN_WORDS words, w0 first */
    nicrx_parse_state_t before, after; /* the machine state around it */
    uint32_t addr;          /* byte address read: base + off */
    uint32_t nbytes;        /* bytes read, 0 for none */
    uint8_t  truncated;     /* the read ran past min(len, HEADER_BYTES): nothing else happened */
    uint8_t  taken;         /* the test's result */
    uint8_t  ended;         /* the frame ended with it (end, truncation or the step limit) */
    uint8_t  limit;         /* ... because of the step limit (perr set) */
    uint64_t raw;           /* the bytes read, the first the most significant */
    uint16_t operand;       /* o */
    uint32_t val;           /* ((o >> shr) << shl) + k */
    uint64_t stored;        /* S, what the destination took (dst != 0) */
    uint32_t next_pc;       /* t_true or t_false */
} nicrx_parse_step_t;

typedef void (*nicrx_parse_step_fn)(void *ctx, const nicrx_parse_step_t *s);

/* nicrx_parse() that calls fn(ctx, step) after every instruction it executes. */
uint32_t nicrx_parse_trace(const uint32_t *imem, uint32_t imem_depth, const uint8_t *bytes, uint32_t len,
                           uint32_t header_bytes, uint32_t step_limit, nicrx_hv_t *hv, nicrx_parse_step_fn fn,
                           void *ctx);

enum nicrx_event_kind {
    NICRX_EV_DROP = 1,  /* frame dropped: reason */
    NICRX_EV_PARSED,    /* header vector ready: hv */
    NICRX_EV_DELIVER,   /* completion queued for the frame: queue, ring, buf_id, len */
    NICRX_EV_FLOW,      /* flow database decision: flow, gen, opcode, flow_event */
    NICRX_EV_RED,       /* random early discard's decision (every frame): red */
    NICRX_EV_QUEUED     /* the frame entered the transfer engine's frame queue (every frame RED passed on) */
};

/* NICRX_EV_RED: nicrx_red's decision for a frame (docs/architecture.md "nicrx_red") */
typedef struct nicrx_red_decision {
    uint32_t mode;         /* 0 RED off (RED_CTRL.mode 0 or 3, or a bad configuration), 1 Floyd-Jacobson, 2 regions */
    uint32_t q;            /* the occupancy it used, packet-memory words */
    uint32_t avg;          /* avg after the decision, words with 8 fraction bits */
    uint32_t count;        /* Floyd-Jacobson: frames since the last drop, before the decision */
    uint32_t draw;         /* the LFSR's 16 bits */
    uint32_t p_num, p_den; /* the drop probability p_num / p_den, before the exemption */
    uint32_t exempt;       /* the operation code is in RED_EXEMPT */
    uint32_t drop, forced; /* dropped (forced: with probability 1) */
} nicrx_red_decision_t;

typedef struct nicrx_event {
    uint32_t kind;
    uint64_t frame;      /* index of the frame at ingress, from 0 after reset */
    uint64_t cycle;      /* model cycle of the event */
    uint32_t reason;     /* enum nicrx_reason */
    const nicrx_hv_t *hv;
    uint32_t queue, ring, buf_id, len;
    uint32_t flow, gen;  /* NICRX_EV_FLOW: entry index and generation (gen 0: no flow, flow 0) */
    uint32_t opcode;     /* enum nicrx_opcode */
    uint32_t flow_event; /* enum nicrx_flow_event */
    nicrx_red_decision_t red; /* NICRX_EV_RED */
    uint32_t more_cnt;   /* NICRX_EV_DELIVER: the record's more_cnt (more: more_cnt > 0) */
    /* NICRX_EV_DELIVER of a split frame (split 1): ring, buf_id and len above are its header
     * part's, these its data part's (dlen 0: none, every byte in the header part) */
    uint32_t split, dring, dbuf_id, dlen;
    uint32_t off, doff;  /* NICRX_EV_DELIVER: each part's offset in its page (0 in a ring not in page mode) */
    uint32_t strip;      /* NICRX_EV_DELIVER: appended to a run with its header stripped (REASM_CTRL.strip):
                          * only the data part (dring 3) went to the host, with no record */
} nicrx_event_t;

typedef void (*nicrx_event_fn)(void *ctx, const nicrx_event_t *ev);

typedef struct nicrx_model nicrx_model_t;

nicrx_model_t *nicrx_model_new(const nicrx_params_t *p); /* NULL if p is invalid */
void nicrx_model_free(nicrx_model_t *m);
/* Configuration-time load of the parser program into both instruction-memory
 * banks, the rest of each bank zero (the RTL's $readmemh of IMEM_INIT):
 * words holds n_insn instructions of NICRX_INSN_WORDS words (w0 first).  Not a
 * clock edge; reset does not undo it.  nicrx_model_new loads the default
 * program (microcode/default.nasm) if it fits in IMEM_DEPTH, else both banks
 * start all zero (IMEM_INIT empty).  Returns nonzero if n_insn > IMEM_DEPTH. */
int nicrx_model_load_program(nicrx_model_t *m, const uint32_t *words, uint32_t n_insn);
void nicrx_model_set_event_fn(nicrx_model_t *m, nicrx_event_fn fn, void *ctx);
void nicrx_model_step(nicrx_model_t *m, const nicrx_in_t *in);
void nicrx_model_outputs(const nicrx_model_t *m, nicrx_out_t *out);
uint64_t nicrx_model_cycle(const nicrx_model_t *m);
/* The index the model's events give the next frame to start at ingress.  Frames are
 * numbered from 0 after every reset; a caller that resets the device in the middle of its
 * traffic (nicrx-sim --reset-at) names, after the reset, the frame its numbering goes on
 * with.  Bookkeeping only: no hardware state, no effect on the outputs. */
void nicrx_model_set_next_frame(nicrx_model_t *m, uint64_t frame);
const nicrx_params_t *nicrx_model_params(const nicrx_model_t *m);
/* What the device holds after the last edge (model-only, for reports):
 * packet-memory words written and not yet released (the frame arriving
 * included), frames committed and not yet taken by the transfer engine. */
typedef struct nicrx_occupancy { uint32_t pm_words, fq_frames; } nicrx_occupancy_t;
void nicrx_model_occupancy(const nicrx_model_t *m, nicrx_occupancy_t *o);
/* Read a register the way the AXI4-Lite port would, without a bus cycle
 * (for reports; it does not change state). */
uint32_t nicrx_model_peek_reg(const nicrx_model_t *m, uint32_t addr);

/* ---- The functional golden model (nicrx-model --fast, docs/report.md) ------------
 * Each frame is decided at once, in capture order, by the cycle model's own
 * decision functions (the ingress's drop reason, nicrx_parse(), the flow key
 * block's job and the flow manager's decision, the queue select, the transfer
 * engine's placement), with none of its timing.  It gives the cycle model's
 * results for a run where no frame waits for room: the host never stalls, the
 * packet memory never fills (a pktmem_full drop only happens in time), the flow
 * database never ages an entry (FLOW_AGE 0, its reset value) and no flow
 * command runs.  The configuration is what the host writes at bring-up
 * (nicrx_fast_write_reg, decoded by the CSR block's own register table). */
typedef struct nicrx_fast nicrx_fast_t;

typedef struct nicrx_fast_frame {
    uint32_t verdict;     /* 1 delivered, 2 dropped */
    uint32_t reason;      /* enum nicrx_reason of a drop */
    uint32_t parsed;      /* it reached the parser (not dropped at ingress) */
    uint32_t steps;       /* parser instructions (with parsed) */
    nicrx_hv_t hv;        /* the parse (with parsed) */
    uint32_t flow_seen;   /* the flow block decided it: flow, gen, opcode, flow_event */
    uint32_t flow, gen, opcode, flow_event;
    uint32_t queue, ring; /* delivered: completion queue and free-buffer ring (a split frame: the header ring) */
    uint32_t split, hdr_len; /* delivered: split (nicrx_xfer_plan), its header part's bytes */
    uint32_t dring, dlen;    /* delivered split with bytes after the headers: the data part's ring and bytes */
    uint32_t rss_hash, rss_type; /* the Toeplitz hash and its type (with parsed) */
} nicrx_fast_frame_t;

nicrx_fast_t *nicrx_fast_new(const nicrx_params_t *p); /* NULL if p is invalid */
void nicrx_fast_free(nicrx_fast_t *f);
/* The parser program, as nicrx_model_load_program (the default one at first). */
int nicrx_fast_load_program(nicrx_fast_t *f, const uint32_t *words, uint32_t n_insn);
/* A register write of the bring-up: 0, or nonzero for a write it refuses, one
 * that acts in time (FLOW_CMD, PARSER_SWAP, FLOW_AGE above 0) or stores the
 * program (PARSER_IADDR, PARSER_IDATA0..3: nicrx_fast_load_program instead). */
int nicrx_fast_write_reg(nicrx_fast_t *f, uint32_t addr, uint32_t data);
/* The next frame of the capture: its bytes (len of them) and whether the MAC
 * marked it bad (tuser). */
void nicrx_fast_frame(nicrx_fast_t *f, const uint8_t *bytes, uint32_t len, int bad, nicrx_fast_frame_t *r);

/* CRC-32C (Castagnoli: polynomial 0x1edc6f41 reflected, initial value and final
 * XOR all ones), the twin of rtl/nicrx_crc32c.v: the flow key's signature and the
 * TCP options digest (docs/architecture.md "nicrx_flow").
 * nicrx_crc32c("123456789", 9) == 0xe3069283. */
uint32_t nicrx_crc32c(const uint8_t *p, size_t n);

/* The default parser program (microcode/default.nasm), the one nicrx_model_new
 * loads: returns *n_insn instructions of NICRX_INSN_WORDS words, w0 first. */
const uint32_t *nicrx_default_program_words(uint32_t *n_insn);

/* Names of enumeration values as reports and nicrx-model's JSON spell them;
 * "unknown" for a value out of range. */
const char *nicrx_reason_name(uint32_t reason);         /* enum nicrx_reason */
const char *nicrx_opcode_name(uint32_t opcode);         /* enum nicrx_opcode */
const char *nicrx_flow_event_name(uint32_t flow_event); /* enum nicrx_flow_event */
const char *nicrx_reasm_reason_name(uint32_t reason);   /* enum nicrx_reasm_reason (nicrx_hw.h) */
const char *nicrx_class_name(uint32_t bit);             /* enum nicrx_class_bit (nicrx_isa.h) */

#endif
