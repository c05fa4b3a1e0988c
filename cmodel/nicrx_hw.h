/* nicrx_hw.h - the nicrx host interface: register map, free-buffer descriptor,
 * completion record.  One header for the C model, the harness and a driver.
 * docs/host-interface.md and docs/registers.md describe every bit given here. */
#ifndef NICRX_HW_H
#define NICRX_HW_H

#include <stdint.h>

/* ---- register map: generated from regs/nicrx.regs (offsets NICRX_REG_*, fields,
 * resets NICRX_*_RESET, NICRX_NUM_FBR, NICRX_MAX_CQ, enum nicrx_counter) ------ */
#include "nicrx_regs.h"

/* ---- limits ---------------------------------------------------------------- */
#define NICRX_DESC_BYTES        16u
#define NICRX_CMPL_BYTES        32u
#define NICRX_RING_LOG2_MIN     1u
#define NICRX_RING_LOG2_MAX     15u
#define NICRX_FBR_BASE_ALIGN    64u  /* low 6 bits of FBR base read as zero */
#define NICRX_CQ_BASE_ALIGN     32u  /* low 5 bits of CQ base read as zero  */
#define NICRX_BUF_ALIGN         8u   /* buffer address must be 8-byte aligned */
#define NICRX_PAGE_LOG2_MIN     6u   /* a page ring's pages: 64 bytes .. */
#define NICRX_PAGE_LOG2_MAX     15u  /* .. 32 KB (XFER_PAGE.page_log2) */
#define NICRX_PAGE_ALIGN_LOG2_MIN 3u /* entries in a page at least 8-byte aligned (XFER_PAGE.align_log2) */
#define NICRX_REASM_PAGE_LOG2_MIN 12u /* the re-assembly ring's pages: 4 KB .. */
#define NICRX_REASM_PAGE_LOG2_MAX 16u /* .. 64 KB (REASM_CTRL.page_log2; its reset value) */

/* Parser microcode (docs/registers.md, docs/microcode.md).  The host writes a
 * program into the shadow bank through IADDR/IDATA0..3 and switches with SWAP. */
#define NICRX_PARSER_STEP_LIMIT_RESET NICRX_PARSER_CTRL_RESET

/* Flow database (docs/registers.md "Flow database", docs/opcodes.md,
 * docs/architecture.md "nicrx_flow").  The context window (CTX_*, KEY0..9)
 * is what a READ command fills and what an INSTALL command takes. */
#define NICRX_FLOW_CTRL_VLAN    NICRX_FLOW_CTRL_VLAN_MASK
#define NICRX_FLOW_CTRL_EVICT   NICRX_FLOW_CTRL_EVICT_MASK

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

#define NICRX_FLOW_INFO_VALID       NICRX_FLOW_CTX_INFO_VALID_MASK
#define NICRX_FLOW_INFO_AGED        NICRX_FLOW_CTX_INFO_AGED_MASK
#define NICRX_FLOW_INFO_DATA_SEEN   NICRX_FLOW_CTX_INFO_DATA_SEEN_MASK
#define NICRX_FLOW_INFO_NOASSIST    NICRX_FLOW_CTX_INFO_NOASSIST_MASK
#define NICRX_FLOW_INFO_FLAGS_SHIFT NICRX_FLOW_CTX_INFO_FLAGS_SHIFT /* [15:4]  last TCP flags */
#define NICRX_FLOW_INFO_HLEN_SHIFT  NICRX_FLOW_CTX_INFO_HLEN_SHIFT  /* [25:16] last TCP header length, bytes */

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

/* Why a re-assembly run closed (issue 12; docs/architecture.md "nicrx_reasm"). */
enum nicrx_reasm_reason {
    NICRX_REASM_NONE = 0,
    NICRX_REASM_OPCODE,     /* OOO, SHORT, NO_MERGE (or a FIRST) of the run's flow */
    NICRX_REASM_FLAGS,      /* PSH, FIN, URG or RST: after the merged frame, or a CTRL frame's */
    NICRX_REASM_PAGE,       /* the page is full, or the next segment does not fit in it */
    NICRX_REASM_BYTES,      /* the bytes cap */
    NICRX_REASM_SEGS,       /* the segments cap */
    NICRX_REASM_GEN,        /* the flow number was reused by a new generation */
    NICRX_REASM_TIMEOUT,    /* the flow stayed quiet longer than the timeout */
    NICRX_REASM_FLUSH,      /* a host flush, or re-assembly turned off */
    NICRX_REASM_DROP,       /* a frame the run would have taken was dropped (RED, no_fit, no_cq, no_buf) */
    /* 10 is reserved: ALIGN, which closed a run whose bytes ended inside a packet-memory
     * word before a part could be placed at any byte; never written now */
    NICRX_NUM_REASM_REASONS
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
    NICRX_REASON_RED_EARLY,  /* random early discard (nicrx_red), at the frame-queue head */
    NICRX_REASON_RED_FORCED, /* likewise, with probability 1 */
    NICRX_REASON_NO_BUF,     /* waited XFER_BUF_WAIT at the frame-queue head for a descriptor */
    NICRX_NUM_REASONS
};

/* The counter of a drop reason: DROP_BAD_FRAME..DROP_NO_CQ in reason order, then the
 * RED counters appended at the end of the list, then no_buf's, one per frame ring (those
 * below NICRX_REASM_RING; DROP_NO_BUF_SMALL + ring: the ring the frame waited for). */
static inline uint32_t nicrx_reason_counter(uint32_t reason, uint32_t ring)
{
    return reason == NICRX_REASON_NO_BUF    ? NICRX_CNT_DROP_NO_BUF_SMALL + ring
         : reason >= NICRX_REASON_RED_EARLY ? NICRX_CNT_DROP_RED_EARLY + reason - NICRX_REASON_RED_EARLY
                                            : NICRX_CNT_DROP_BAD_FRAME + reason - NICRX_REASON_BAD_FRAME;
}

/* The frames dropped for a reason, from the counters (cnt[NICRX_NUM_COUNTERS]): no_buf's
 * are the sum over the rings. */
static inline uint32_t nicrx_reason_total(const uint32_t *cnt, uint32_t reason)
{
    uint32_t n = 0;

    for (uint32_t r = 0; r < (reason == NICRX_REASON_NO_BUF ? NICRX_REASM_RING : 1u); r++)
        n += cnt[nicrx_reason_counter(reason, r)];
    return n;
}
/* ---- RSS hash types (RSS_CTRL types: bit t-1 enables type t; completion word 1
 * [62:60]; docs/host-interface.md "Receive-side scaling") ------------------- */
enum nicrx_rss_type {
    NICRX_RSS_NONE = 0,  /* no enabled type applies: hash 0 */
    NICRX_RSS_IPV4,      /* IPv4 source and destination addresses */
    NICRX_RSS_TCP_IPV4,  /* those and the TCP ports (not a fragment) */
    NICRX_RSS_UDP_IPV4,  /* those and the UDP ports (not a fragment) */
    NICRX_RSS_IPV6,      /* IPv6 source and destination addresses */
    NICRX_RSS_TCP_IPV6,  /* those and the TCP ports (after extension headers; not a fragment) */
    NICRX_RSS_UDP_IPV6,  /* those and the UDP ports (likewise) */
    NICRX_NUM_RSS_TYPES
};

/* ---- free-buffer descriptor (16 bytes, little endian) --------------------- */
struct nicrx_desc {
    uint64_t addr;   /* buffer address, 8-byte aligned, BUF_SIZE bytes long */
    uint16_t buf_id; /* opaque to the device; echoed in the completion */
    uint16_t rsvd0;
    uint32_t rsvd1;
};

/* ---- completion record v2 (32 bytes, four little-endian 64-bit words) ------ */
/* Words 0 and 1 describe the first part written (the header part of a split frame, else
 * the whole frame) as record v1 did; word 2 the data part and the flags; word 3 the phase. */
/* word 0 */
#define NICRX_C0_LEN_SHIFT      0   /* [15:0]  bytes written into the buffer */
#define NICRX_C0_BUFID_SHIFT    16  /* [31:16] buf_id of the descriptor */
#define NICRX_C0_RING_SHIFT     32  /* [33:32] free ring of the buffer (v1: [32], [33] err) */
#define NICRX_C0_L3_SHIFT       34  /* [35:34] 0 none, 1 IPv4, 2 IPv6 */
#define NICRX_C0_L4_SHIFT       36  /* [37:36] 0 none, 1 TCP, 2 UDP, 3 other */
#define NICRX_C0_VLAN_BIT       38  /* [38]    at least one VLAN tag */
#define NICRX_C0_FRAG_BIT       39  /* [39]    IPv4 fragment (MF or offset != 0) */
#define NICRX_C0_OPCODE_SHIFT   40  /* [43:40] operation code (enum nicrx_opcode) */
#define NICRX_C0_MORE_BIT       44  /* [44]    batch hint: more_cnt > 0 */
#define NICRX_C0_TRUNC_BIT      45  /* [45]    parser: headers truncated */
#define NICRX_C0_PERR_BIT       46  /* [46]    parser: parse error */
#define NICRX_C0_PRESEL_BIT     47  /* [47]    parser: the pre-selected protocol */
#define NICRX_C0_FLOW_SHIFT     48  /* [55:48] flow number: index in the flow database */
#define NICRX_C0_GEN_SHIFT      56  /* [63:56] the entry's generation (0: no flow) */
/* word 1 */
#define NICRX_C1_HASH_SHIFT     0   /* [31:0]  RSS Toeplitz hash (0 for type none) */
#define NICRX_C1_L3OFF_SHIFT    32  /* [39:32] L3 header offset (0 if none) */
#define NICRX_C1_L4OFF_SHIFT    40  /* [47:40] L4 header offset (0 if none) */
#define NICRX_C1_MORE_CNT_SHIFT 48  /* [51:48] frames of the flow queued behind it, saturating at 15 */
                                    /* [59:52] reserved, 0 */
#define NICRX_C1_RSS_TYPE_SHIFT 60  /* [62:60] RSS hash type (enum nicrx_rss_type) */
                                    /* [63]    reserved, 0 (v1: the phase) */
/* word 1 of a run record (word 2's run bit; docs/host-interface.md "Run record") */
#define NICRX_C1_RSEQ_SHIFT     0   /* [31:0]  the run's first sequence number */
#define NICRX_C1_RLEN_SHIFT     32  /* [48:32] its bytes, from offset 0 of its page */
#define NICRX_C1_RSEGS_SHIFT    49  /* [56:49] its segments (merged frames) */
#define NICRX_C1_RREASON_SHIFT  57  /* [60:57] why it closed (enum nicrx_reasm_reason) */
                                    /* [63:61] reserved, 0 */
/* word 2 */
#define NICRX_C2_LEN_SHIFT      0   /* [15:0]  data part: bytes written (0: none) */
#define NICRX_C2_BUFID_SHIFT    16  /* [31:16] data part: buf_id of its descriptor */
#define NICRX_C2_RING_SHIFT     32  /* [33:32] data part: its free ring */
#define NICRX_C2_SPLIT_BIT      34  /* [34]    split: words 0/1 the header part, this word the data part */
#define NICRX_C2_LARGE_BIT      35  /* [35]    class: the whole frame or data part is in a large buffer */
#define NICRX_C2_LERR_BIT       36  /* [36]    the frame's IP or TCP lengths disagree with its bytes */
#define NICRX_C2_ERR_BIT        37  /* [37]    buffer returned unused (descriptor error) */
#define NICRX_C2_MERGED_BIT     38  /* [38]    the data part was merged into a re-assembly run: dring 3, dbuf_id its page, doff its offset */
#define NICRX_C2_RUN_BIT        39  /* [39]    a run record: a re-assembly run closed (word 1 below), no frame */
#define NICRX_C2_RWIN_SHIFT     0   /* [15:0]  a run record: its last merged segment's TCP window (as in its header, unscaled) */
#define NICRX_C2_RFLAGS_SHIFT   40  /* [45:40] a run record: its last merged segment's URG, PSH, RST, FIN (TCP header bits) */
                                    /* [47:40] reserved, 0 */
#define NICRX_C2_PAY_SHIFT      48  /* [63:48] the IP-declared TCP payload length */
/* word 3 */
#define NICRX_C3_OFF_SHIFT      0   /* [15:0]  first part: its offset in its page (0 in a ring not in page mode) */
#define NICRX_C3_RACK_SHIFT     0   /* [31:0]  a run record: its last merged segment's ACK number */
#define NICRX_C3_DOFF_SHIFT     16  /* [31:16] data part: its offset in its page */
#define NICRX_C3_REL_BIT        32  /* [32]    first part: the device is done with its buffer (page) */
#define NICRX_C3_DREL_BIT       33  /* [33]    data part: the same */
#define NICRX_C3_CNT_SHIFT      34  /* [46:34] first part: its entry's number in its page, from 1 */
#define NICRX_C3_DCNT_SHIFT     47  /* [59:47] data part: the same (0 without a data part) */
                                    /* [62:60] reserved, 0 */
#define NICRX_C3_PHASE_BIT      63  /* [63]    phase: 1 on the first pass of the ring */

/* Page rings (docs/host-interface.md "Pages"): the rules nicrx_page follows, shared by the
 * model's cursor and its functional model (nicrx-model --fast): base, the last
 * offset an entry of lim bytes may take in a page of psize bytes (amsk: the alignment - 1);
 * an entry of len bytes at off ends the page when off + len > base; else the next entry
 * goes at the next aligned offset. */
static inline uint16_t nicrx_page_base(uint32_t psize, uint32_t lim, uint32_t amsk)
{
    return (uint16_t)((psize - lim) & ~amsk);
}
static inline int nicrx_page_ends(uint32_t off, uint32_t len, uint32_t base) { return off + len > base; }
static inline uint16_t nicrx_page_next(uint32_t off, uint32_t len, uint32_t amsk)
{
    return (uint16_t)(off + ((len + amsk) & ~amsk));
}

struct nicrx_cmpl {
    uint64_t w0;
    uint64_t w1;
    uint64_t w2;
    uint64_t w3;
};

#define NICRX_FIELD(w, shift, bits) ((uint32_t)(((w) >> (shift)) & ((1ull << (bits)) - 1u)))

static inline uint32_t nicrx_cmpl_len(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w0, NICRX_C0_LEN_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_bufid(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w0, NICRX_C0_BUFID_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_ring(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w0, NICRX_C0_RING_SHIFT, 2); }
static inline uint32_t nicrx_cmpl_err(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w2, NICRX_C2_ERR_BIT, 1); }
static inline uint32_t nicrx_cmpl_opcode(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w0, NICRX_C0_OPCODE_SHIFT, 4); }
static inline uint32_t nicrx_cmpl_flow(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w0, NICRX_C0_FLOW_SHIFT, 8); }
static inline uint32_t nicrx_cmpl_gen(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w0, NICRX_C0_GEN_SHIFT, 8); }
static inline uint32_t nicrx_cmpl_more(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w0, NICRX_C0_MORE_BIT, 1); }
static inline uint32_t nicrx_cmpl_more_cnt(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w1, NICRX_C1_MORE_CNT_SHIFT, 4); }
static inline uint32_t nicrx_cmpl_phase(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w3, NICRX_C3_PHASE_BIT, 1); }
static inline uint32_t nicrx_cmpl_dlen(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w2, NICRX_C2_LEN_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_dbufid(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_BUFID_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_dring(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_RING_SHIFT, 2); }
static inline uint32_t nicrx_cmpl_split(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_SPLIT_BIT, 1); }
static inline uint32_t nicrx_cmpl_large(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_LARGE_BIT, 1); }
static inline uint32_t nicrx_cmpl_lerr(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w2, NICRX_C2_LERR_BIT, 1); }
static inline uint32_t nicrx_cmpl_pay(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w2, NICRX_C2_PAY_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_off(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w3, NICRX_C3_OFF_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_doff(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w3, NICRX_C3_DOFF_SHIFT, 16); }
static inline uint32_t nicrx_cmpl_rel(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w3, NICRX_C3_REL_BIT, 1); }
static inline uint32_t nicrx_cmpl_drel(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w3, NICRX_C3_DREL_BIT, 1); }
static inline uint32_t nicrx_cmpl_cnt(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w3, NICRX_C3_CNT_SHIFT, 13); }
static inline uint32_t nicrx_cmpl_dcnt(const struct nicrx_cmpl *c)  { return NICRX_FIELD(c->w3, NICRX_C3_DCNT_SHIFT, 13); }
static inline uint32_t nicrx_cmpl_merged(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_MERGED_BIT, 1); }
static inline uint32_t nicrx_cmpl_run(const struct nicrx_cmpl *c)   { return NICRX_FIELD(c->w2, NICRX_C2_RUN_BIT, 1); }
static inline uint32_t nicrx_cmpl_run_seq(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w1, NICRX_C1_RSEQ_SHIFT, 32); }
static inline uint32_t nicrx_cmpl_run_len(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w1, NICRX_C1_RLEN_SHIFT, 17); }
static inline uint32_t nicrx_cmpl_run_segs(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w1, NICRX_C1_RSEGS_SHIFT, 8); }
static inline uint32_t nicrx_cmpl_run_reason(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w1, NICRX_C1_RREASON_SHIFT, 4); }
static inline uint32_t nicrx_cmpl_run_flags(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_RFLAGS_SHIFT, 6); }
static inline uint32_t nicrx_cmpl_run_ack(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w3, NICRX_C3_RACK_SHIFT, 32); }
static inline uint32_t nicrx_cmpl_run_win(const struct nicrx_cmpl *c) { return NICRX_FIELD(c->w2, NICRX_C2_RWIN_SHIFT, 16); }

#endif
