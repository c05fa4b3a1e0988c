/* nicrx_hw.h - the nicrx host interface: register map, free-buffer descriptor,
 * completion record.  One header for the C model, the harness and a driver.
 * docs/host-interface.md and docs/registers.md describe every bit given here. */
#ifndef NICRX_HW_H
#define NICRX_HW_H

#include <stdint.h>

/* ---- identification ---------------------------------------------------- */
#define NICRX_ID_VALUE          0x6e727831u /* "nrx1" */
#define NICRX_VERSION_VALUE     0x00010200u /* 1.2.0: flow database and operation codes */

/* ---- limits ---------------------------------------------------------------- */
#define NICRX_NUM_FBR           2u   /* free-buffer rings: 0 small, 1 large  */
#define NICRX_MAX_CQ            8u   /* completion queues the map has room for */
#define NICRX_DESC_BYTES        16u
#define NICRX_CMPL_BYTES        16u
#define NICRX_RING_LOG2_MIN     1u
#define NICRX_RING_LOG2_MAX     15u
#define NICRX_FBR_BASE_ALIGN    64u  /* low 6 bits of FBR base read as zero */
#define NICRX_CQ_BASE_ALIGN     16u  /* low 4 bits of CQ base read as zero  */
#define NICRX_BUF_ALIGN         8u   /* buffer address must be 8-byte aligned */

/* ---- register map (byte offsets on the AXI4-Lite slave, 32-bit regs) --- */
#define NICRX_REG_ID            0x000u /* RO */
#define NICRX_REG_VERSION       0x004u /* RO */
#define NICRX_REG_CAPS0         0x008u /* RO [7:0] DATA_WIDTH [11:8] NUM_CQ [31:16] PKT_MEM_BYTES/64 */
#define NICRX_REG_CAPS1         0x00cu /* RO [15:0] MAX_FRAME [19:16] log2 HEADER_BYTES [23:20] log2 FQ_DEPTH [27:24] log2 DESC_DEPTH [31:28] log2 MAX_BURST */
#define NICRX_REG_CTRL          0x010u /* RW [0] rx enable */
#define NICRX_REG_STATUS        0x014u /* RO [0] idle [2:1] fbr error */
#define NICRX_REG_QSEL          0x018u /* RW [2:0] log2 of completion queues in use */

/* Parser microcode (docs/registers.md, docs/microcode.md).  The host writes a
 * program into the shadow bank through IADDR/IDATA0..3 and switches with SWAP. */
#define NICRX_REG_PARSER_CTRL   0x080u /* RW [7:0] step limit per frame (0 = 256), reset 64 */
#define NICRX_REG_PARSER_STATUS 0x084u /* RO [0] active bank [1] swap pending [5:4] engines-1 [16:8] IMEM_DEPTH */
#define NICRX_REG_PARSER_SWAP   0x088u /* W  [0] 1: switch banks between frames; reads [0] pending */
#define NICRX_REG_PARSER_IADDR  0x08cu /* RW [7:0] shadow-bank index of the next IDATA3 write */
#define NICRX_REG_PARSER_IDATA(n) (0x090u + 4u * (n)) /* RW w[n] of the instruction; writing IDATA3 stores
                                                       * w[0..3] at IADDR and increments IADDR */
#define NICRX_PARSER_STEP_LIMIT_RESET 64u

/* Flow database (docs/registers.md "Flow database", docs/opcodes.md,
 * docs/architecture.md "nicrx_flow").  The context window (CTX_*, KEY0..9)
 * is what a READ command fills and what an INSTALL command takes. */
#define NICRX_REG_FLOW_CTRL     0x500u /* RW [0] VLAN id in the key [1] evict LRU when full; reset 0x2 */
#define NICRX_REG_FLOW_STATUS   0x504u /* RO [0] busy [1] last command failed [15:8] its index
                                        * [23:16] its generation [27:24] log2 FLOWS */
#define NICRX_REG_FLOW_THRESH   0x508u /* RW [15:0] payload bytes below which in-order data is SHORT; reset 64 */
#define NICRX_REG_FLOW_TICK     0x50cu /* RW [15:0] clock cycles per time tick - 1; reset 155 */
#define NICRX_REG_FLOW_AGE      0x510u /* RW [31:0] idle ticks after which a flow is aged; 0 = never; reset 0 */
#define NICRX_REG_FLOW_TIME     0x514u /* RO [31:0] the device's time in ticks */
#define NICRX_REG_FLOW_CMD      0x518u /* RW* [1:0] command (write starts it) [15:8] entry index */
#define NICRX_REG_FLOW_CTX_INFO 0x520u /* RW [0] valid [1] aged [2] data seen [3] noassist
                                        * [15:4] last TCP flags [25:16] last TCP header bytes */
#define NICRX_REG_FLOW_CTX_SEQ  0x524u /* RW next expected sequence number */
#define NICRX_REG_FLOW_CTX_ACK  0x528u /* RW last acknowledgement number */
#define NICRX_REG_FLOW_CTX_OPT  0x52cu /* RW last TCP options digest */
#define NICRX_REG_FLOW_CTX_TIME 0x530u /* RW last-activity time (ticks) */
#define NICRX_REG_FLOW_CTX_COUNT 0x534u /* RW frames counted */
#define NICRX_REG_FLOW_KEY(n)   (0x540u + 4u * (n)) /* RW n = 0..9: key bytes 4n..4n+3, byte 4n in [7:0] */

#define NICRX_FLOW_CTRL_VLAN    0x1u
#define NICRX_FLOW_CTRL_EVICT   0x2u
#define NICRX_FLOW_CTRL_RESET   0x2u
#define NICRX_FLOW_THRESH_RESET 64u
#define NICRX_FLOW_TICK_RESET   155u /* 1 us at 156.25 MHz */

enum nicrx_flow_cmd {
    NICRX_FLOW_CMD_NONE = 0,
    NICRX_FLOW_CMD_READ,       /* copy entry [15:8] into the context window */
    NICRX_FLOW_CMD_INSTALL,    /* install the window's context for the window's key */
    NICRX_FLOW_CMD_INVALIDATE  /* invalidate entry [15:8] */
};

/* TCP flag bits as the header vector's tcp_flags and FLOW_CTX_INFO[15:4] hold them. */
#define NICRX_TCP_FIN           0x01u
#define NICRX_TCP_SYN           0x02u
#define NICRX_TCP_RST           0x04u
#define NICRX_TCP_PSH           0x08u
#define NICRX_TCP_ACK           0x10u
#define NICRX_TCP_URG           0x20u
#define NICRX_TCP_ECE           0x40u
#define NICRX_TCP_CWR           0x80u

#define NICRX_FLOW_INFO_VALID     0x1u
#define NICRX_FLOW_INFO_AGED      0x2u
#define NICRX_FLOW_INFO_DATA_SEEN 0x4u
#define NICRX_FLOW_INFO_NOASSIST  0x8u
#define NICRX_FLOW_INFO_FLAGS_SHIFT 4   /* [15:4]  last TCP flags */
#define NICRX_FLOW_INFO_HLEN_SHIFT  16  /* [25:16] last TCP header length, bytes */

/* The flow key image: 40 bytes, the CAM's key and the CRC-32C input of its
 * signature (docs/architecture.md "Flow key"). */
#define NICRX_FLOW_KEY_BYTES    40u
#define NICRX_FLOW_KEY_SRC      0u  /* 16 bytes, network order; IPv4 in bytes 0..3, 4..15 zero */
#define NICRX_FLOW_KEY_DST      16u /* 16 bytes, likewise */
#define NICRX_FLOW_KEY_SPORT    32u /* 2 bytes, big endian */
#define NICRX_FLOW_KEY_DPORT    34u /* 2 bytes, big endian */
#define NICRX_FLOW_KEY_PROTO    36u /* IP protocol (6) */
#define NICRX_FLOW_KEY_IPVER    37u /* 4 or 6 */
#define NICRX_FLOW_KEY_VID      38u /* 2 bytes, big endian: outer VLAN id if FLOW_CTRL[0], else 0 */

/* Operation codes (completion word 0 bits 43:40; docs/opcodes.md). */
enum nicrx_opcode {
    NICRX_OP_NOT_TCP = 0,   /* not TCP */
    NICRX_OP_TCP_OTHER,     /* TCP, not handled as the pre-selected protocol */
    NICRX_OP_NO_FLOW,       /* pre-selected data frame without a flow entry */
    NICRX_OP_CTRL,          /* pre-selected, no payload: SYN, FIN, RST, pure ACK */
    NICRX_OP_FIRST,         /* first payload of a flow */
    NICRX_OP_CONT,          /* in-order continuation, may merge with the previous segment */
    NICRX_OP_OOO,           /* sequence differs from the expected one: out of order, gap, retransmission */
    NICRX_OP_SHORT,         /* in order, payload shorter than FLOW_THRESH */
    NICRX_OP_NO_MERGE,      /* in order, but flags, ACK, options or IP options forbid merging */
    NICRX_NUM_OPCODES
};

/* What the flow database did for a frame (model events and nicrx-model JSON). */
enum nicrx_flow_event {
    NICRX_FLOW_EV_NONE = 0,
    NICRX_FLOW_EV_CREATED,  /* a new flow entry for this frame (free or aged-out entry) */
    NICRX_FLOW_EV_UPDATED,  /* the frame's flow entry was updated */
    NICRX_FLOW_EV_REMOVED,  /* the frame (FIN or RST) ended its flow: entry invalidated */
    NICRX_FLOW_EV_AGED,     /* the frame's flow had been idle longer than FLOW_AGE: ended; a new
                             * generation was created in its entry if the frame may create one */
    NICRX_FLOW_EV_EVICTED,  /* a new flow entry for this frame, replacing the least recently active flow */
    NICRX_NUM_FLOW_EVENTS
};

#define NICRX_REG_FBR(r)        (0x100u + 0x20u * (r))
#define NICRX_FBR_BASE_LO       0x00u /* RW, bits [5:0] read 0 */
#define NICRX_FBR_BASE_HI       0x04u /* RW */
#define NICRX_FBR_SIZE_LOG2     0x08u /* RW [3:0], 1..15 */
#define NICRX_FBR_BUF_SIZE      0x0cu /* RW [15:0] bytes per buffer */
#define NICRX_FBR_HEAD          0x10u /* RO [15:0] device consumer index (free running) */
#define NICRX_FBR_TAIL          0x14u /* RW [15:0] host producer index: doorbell */
#define NICRX_FBR_CTRL          0x18u /* RW [0] enable */

#define NICRX_REG_CQ(q)         (0x200u + 0x20u * (q))
#define NICRX_CQ_BASE_LO        0x00u /* RW, bits [3:0] read 0 */
#define NICRX_CQ_BASE_HI        0x04u /* RW */
#define NICRX_CQ_SIZE_LOG2      0x08u /* RW [3:0], 1..15 */
#define NICRX_CQ_IRQ_CTRL       0x0cu /* RW [0] interrupt enable */
#define NICRX_CQ_TAIL           0x10u /* RO [15:0] device producer index (free running) */
#define NICRX_CQ_HEAD           0x14u /* RW [15:0] host consumer index: doorbell */
#define NICRX_CQ_CTRL           0x18u /* RW [0] enable */

#define NICRX_REG_CNT(i)        (0x400u + 4u * (i)) /* RO 32-bit wrapping counters */
enum nicrx_counter {
    NICRX_CNT_RX_FRAMES = 0,    /* frames seen at ingress (last beat) */
    NICRX_CNT_RX_BYTES,         /* bytes of those frames */
    NICRX_CNT_DELIVERED,        /* frames with a completion written */
    NICRX_CNT_DROP_BAD_FRAME,   /* tuser[0] set on the last beat */
    NICRX_CNT_DROP_RUNT,        /* shorter than 14 bytes */
    NICRX_CNT_DROP_OVERSIZE,    /* longer than MAX_FRAME */
    NICRX_CNT_DROP_PKTMEM_FULL, /* packet memory or frame queue full: tail drop */
    NICRX_CNT_DROP_DISABLED,    /* CTRL.enable was 0 at the first beat */
    NICRX_CNT_DROP_NO_FIT,      /* no enabled ring has buffers this large */
    NICRX_CNT_DROP_NO_CQ,       /* its completion queue is not enabled */
    NICRX_CNT_DESC_ERROR,       /* descriptors returned unused (misaligned) */
    NICRX_CNT_AXI_ERROR,        /* SLVERR/DECERR responses on the host port */
    NICRX_CNT_PARSE_ERROR,      /* frames the parser ended with a parse error */
    NICRX_CNT_PARSE_TRUNC,      /* frames whose headers ran past the frame or HEADER_BYTES */
    NICRX_CNT_FLOW_CREATED,     /* flow entries created by frames (created, evicted, aged + recreated) */
    NICRX_CNT_FLOW_REMOVED,     /* flow entries removed by FIN or RST */
    NICRX_CNT_FLOW_EVICTED,     /* flows replaced while still live (table full, FLOW_CTRL[1]) */
    NICRX_CNT_FLOW_AGED,        /* flows found idle longer than FLOW_AGE (at lookup or as a victim) */
    NICRX_CNT_FLOW_NO_FLOW,     /* frames with operation code NO_FLOW */
    NICRX_NUM_COUNTERS
};

/* ---- drop reasons (same order as the drop counters) --------------------- */
enum nicrx_reason {
    NICRX_REASON_NONE = 0,
    NICRX_REASON_BAD_FRAME,
    NICRX_REASON_RUNT,
    NICRX_REASON_OVERSIZE,
    NICRX_REASON_PKTMEM_FULL,
    NICRX_REASON_DISABLED,
    NICRX_REASON_NO_FIT,
    NICRX_REASON_NO_CQ,
    NICRX_NUM_REASONS
};

/* ---- free-buffer descriptor (16 bytes, little endian) --------------------- */
struct nicrx_desc {
    uint64_t addr;   /* buffer address, 8-byte aligned, BUF_SIZE bytes long */
    uint16_t buf_id; /* opaque to the device; echoed in the completion */
    uint16_t rsvd0;
    uint32_t rsvd1;
};

/* ---- completion record (16 bytes, two little-endian 64-bit words) -------- */
/* word 0 */
#define NICRX_C0_LEN_SHIFT      0   /* [15:0]  bytes written into the buffer */
#define NICRX_C0_BUFID_SHIFT    16  /* [31:16] buf_id of the descriptor */
#define NICRX_C0_RING_BIT       32  /* [32]    free ring of the buffer */
#define NICRX_C0_ERR_BIT        33  /* [33]    buffer returned unused (descriptor error) */
#define NICRX_C0_L3_SHIFT       34  /* [35:34] 0 none, 1 IPv4, 2 IPv6 */
#define NICRX_C0_L4_SHIFT       36  /* [37:36] 0 none, 1 TCP, 2 UDP, 3 other */
#define NICRX_C0_VLAN_BIT       38  /* [38]    at least one VLAN tag */
#define NICRX_C0_FRAG_BIT       39  /* [39]    IPv4 fragment (MF or offset != 0) */
#define NICRX_C0_OPCODE_SHIFT   40  /* [43:40] operation code (enum nicrx_opcode) */
#define NICRX_C0_MORE_BIT       44  /* [44]    batch hint (0 now) */
#define NICRX_C0_TRUNC_BIT      45  /* [45]    parser: headers truncated */
#define NICRX_C0_PERR_BIT       46  /* [46]    parser: parse error */
#define NICRX_C0_PRESEL_BIT     47  /* [47]    parser: the pre-selected protocol */
#define NICRX_C0_FLOW_SHIFT     48  /* [55:48] flow number: index in the flow database */
#define NICRX_C0_GEN_SHIFT      56  /* [63:56] the entry's generation (0: no flow) */
/* word 1 */
#define NICRX_C1_HASH_SHIFT     0   /* [31:0]  flow hash */
#define NICRX_C1_L3OFF_SHIFT    32  /* [39:32] L3 header offset (0 if none) */
#define NICRX_C1_L4OFF_SHIFT    40  /* [47:40] L4 header offset (0 if none) */
#define NICRX_C1_VID_SHIFT      48  /* [59:48] VLAN id of the outer tag */
#define NICRX_C1_PHASE_BIT      63  /* [63]    phase: 1 on the first pass of the ring */

struct nicrx_cmpl {
    uint64_t w0;
    uint64_t w1;
};

#define NICRX_FIELD(w, shift, bits) ((uint32_t)(((w) >> (shift)) & ((1ull << (bits)) - 1u)))

static inline uint32_t nicrx_cmpl_len(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w0, NICRX_C0_LEN_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_bufid(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w0, NICRX_C0_BUFID_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_ring(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w0, NICRX_C0_RING_BIT, 1); }
static inline uint32_t nicrx_cmpl_err(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w0, NICRX_C0_ERR_BIT, 1); }
static inline uint32_t nicrx_cmpl_opcode(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w0, NICRX_C0_OPCODE_SHIFT, 4); }
static inline uint32_t nicrx_cmpl_flow(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w0, NICRX_C0_FLOW_SHIFT, 8); }
static inline uint32_t nicrx_cmpl_gen(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w0, NICRX_C0_GEN_SHIFT, 8); }
static inline uint32_t nicrx_cmpl_phase(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w1, NICRX_C1_PHASE_BIT, 1); }

#endif
