/* nicrx_isa.h - the parser's microcode instruction set: encoding and fields.
 *
 * One instruction is 128 bits, four little-endian 32-bit words w[0..3]
 * (w[0] is bits 31:0).  docs/microcode.md describes every field and the
 * execution rule; this header is the single definition of the encoding for
 * the model (cmodel/isa.c), the assembler (microcode/) and the harness.
 * Reserved bits are written as 0 and ignored by the engine. */
#ifndef NICRX_ISA_H
#define NICRX_ISA_H

#include <stdint.h>

#define NICRX_INSN_WORDS     4u
#define NICRX_INSN_BYTES     16u
#define NICRX_IMEM_MAX       256u  /* pc and branch targets are 8 bits */

/* w0: what to read and the compare operand */
#define NICRX_W0_BASE_SHIFT  30  /* [31:30] enum nicrx_base */
#define NICRX_W0_SIZE_SHIFT  27  /* [29:27] enum nicrx_size */
#define NICRX_W0_CS_SHIFT    24  /* [26:24] operand byte select: operand = raw >> 8*cs */
#define NICRX_W0_OFF_SHIFT   16  /* [23:16] byte offset from the base */
#define NICRX_W0_MASK_SHIFT  0   /* [15:0]  operand mask */
/* w1: compare value and branch targets */
#define NICRX_W1_VALUE_SHIFT 16  /* [31:16] compare value */
#define NICRX_W1_TT_SHIFT    8   /* [15:8]  next pc if the test is true */
#define NICRX_W1_TF_SHIFT    0   /* [7:0]   next pc if the test is false */
/* w2: test, end, store, advance */
#define NICRX_W2_REL_SHIFT   29  /* [31:29] enum nicrx_rel */
#define NICRX_W2_END_SHIFT   27  /* [28:27] enum nicrx_end */
#define NICRX_W2_DST_SHIFT   22  /* [26:22] enum nicrx_dst */
#define NICRX_W2_SVAL_BIT    21  /* [21]    store val instead of raw */
#define NICRX_W2_ADV_BIT     20  /* [20]    if true: cursor += val */
#define NICRX_W2_SAVE_SHIFT  18  /* [19:18] if true: enum nicrx_save */
#define NICRX_W2_SHR_SHIFT   14  /* [17:14] val = ((operand >> shr) << shl) + k */
#define NICRX_W2_SHL_SHIFT   12  /* [13:12] */
#define NICRX_W2_K_SHIFT     4   /* [11:4]  */
/*                              [3:0]   reserved */
/* w3: classification */
#define NICRX_W3_SET_SHIFT   0   /* [9:0]   if true: class |= set */
/*                              [31:10] reserved */

enum nicrx_base { NICRX_BASE_CUR = 0, NICRX_BASE_L3, NICRX_BASE_L4, NICRX_BASE_ABS };

/* Bytes read: none (raw = 0, never truncates), 1, 2, 4, 8; 5..7 read 8. */
enum nicrx_size { NICRX_SIZE_NONE = 0, NICRX_SIZE_1, NICRX_SIZE_2, NICRX_SIZE_4, NICRX_SIZE_8 };

/* Test on the 16-bit operand o against value v (unsigned). */
enum nicrx_rel {
    NICRX_REL_ALWAYS = 0, NICRX_REL_EQ, NICRX_REL_NE, NICRX_REL_LT,
    NICRX_REL_GT, NICRX_REL_LE, NICRX_REL_GE, NICRX_REL_ANY /* (o & v) != 0 */
};

enum nicrx_end { NICRX_END_NO = 0, NICRX_END_TRUE, NICRX_END_FALSE, NICRX_END_ALWAYS };

enum nicrx_save { NICRX_SAVE_NO = 0, NICRX_SAVE_L3, NICRX_SAVE_L4, NICRX_SAVE_BOTH };

/* Header-vector destinations; S is the stored value (raw, or val with sval).
 * Codes 16..31 store nothing. */
enum nicrx_dst {
    NICRX_DST_NONE = 0,
    NICRX_DST_VLAN,      /* vlan[vlan_cnt] = S[11:0], vlan_cnt++ (at most 2 kept) */
    NICRX_DST_PROTO,     /* proto = S[7:0] */
    NICRX_DST_FRAG,      /* mf = S[13], frag_off = S[12:0] */
    NICRX_DST_IPLEN,     /* iplen = S[15:0] (IP datagram bytes from L3), iplen_set = 1 */
    NICRX_DST_ADDR4,     /* src = {S[63:32], 96'b0}, dst = {S[31:0], 96'b0} */
    NICRX_DST_SRC_HI,    /* src[127:64] = S */
    NICRX_DST_SRC_LO,    /* src[63:0]   = S */
    NICRX_DST_DST_HI,    /* dst[127:64] = S */
    NICRX_DST_DST_LO,    /* dst[63:0]   = S */
    NICRX_DST_PORTS,     /* sport = S[31:16], dport = S[15:0] */
    NICRX_DST_PORTS_SEQ, /* sport = S[63:48], dport = S[47:32], seq = S[31:0] */
    NICRX_DST_SEQ,       /* seq = S[31:0] */
    NICRX_DST_ACK,       /* ack = S[31:0] */
    NICRX_DST_ACK_FLAGS, /* ack = S[63:32], tcp_flags = S[27:16], win = S[15:0] */
    NICRX_DST_TCP_FLAGS, /* tcp_flags = S[11:0] */
    NICRX_NUM_DST
};

/* Classification bits (class register, set by `set`, never cleared in a frame). */
enum nicrx_class_bit {
    NICRX_CLS_IPV4 = 0,  /* L3 is IPv4 */
    NICRX_CLS_IPV6,      /* L3 is IPv6 */
    NICRX_CLS_TCP,       /* L4 is TCP */
    NICRX_CLS_UDP,       /* L4 is UDP */
    NICRX_CLS_L4OTHER,   /* an L4 header of another protocol at L4 */
    NICRX_CLS_PRESEL,    /* the pre-selected protocol: the device may assist */
    NICRX_CLS_CTRL,      /* control frame (SYN, FIN or RST) */
    NICRX_CLS_NOASSIST,  /* pre-selected kind, but the program excludes it */
    NICRX_CLS_SESSION,   /* a session protocol the program recognised */
    NICRX_CLS_PERR,      /* parse error: set by the program or by the step limit */
    NICRX_NUM_CLASS
};
#define NICRX_CLS(b) (1u << (b))

/* A decoded instruction. */
typedef struct nicrx_insn {
    uint8_t  base, size, cs, off;
    uint16_t mask, value;
    uint8_t  t_true, t_false;
    uint8_t  rel, end, dst, sval, adv, save, shr, shl, k;
    uint16_t set;
} nicrx_insn_t;

#define NICRX_BITS(w, s, n) (((w) >> (s)) & ((1u << (n)) - 1u))

static inline void nicrx_insn_decode(const uint32_t w[NICRX_INSN_WORDS], nicrx_insn_t *i)
{
    i->base    = (uint8_t)NICRX_BITS(w[0], NICRX_W0_BASE_SHIFT, 2);
    i->size    = (uint8_t)NICRX_BITS(w[0], NICRX_W0_SIZE_SHIFT, 3);
    i->cs      = (uint8_t)NICRX_BITS(w[0], NICRX_W0_CS_SHIFT, 3);
    i->off     = (uint8_t)NICRX_BITS(w[0], NICRX_W0_OFF_SHIFT, 8);
    i->mask    = (uint16_t)NICRX_BITS(w[0], NICRX_W0_MASK_SHIFT, 16);
    i->value   = (uint16_t)NICRX_BITS(w[1], NICRX_W1_VALUE_SHIFT, 16);
    i->t_true  = (uint8_t)NICRX_BITS(w[1], NICRX_W1_TT_SHIFT, 8);
    i->t_false = (uint8_t)NICRX_BITS(w[1], NICRX_W1_TF_SHIFT, 8);
    i->rel     = (uint8_t)NICRX_BITS(w[2], NICRX_W2_REL_SHIFT, 3);
    i->end     = (uint8_t)NICRX_BITS(w[2], NICRX_W2_END_SHIFT, 2);
    i->dst     = (uint8_t)NICRX_BITS(w[2], NICRX_W2_DST_SHIFT, 5);
    i->sval    = (uint8_t)NICRX_BITS(w[2], NICRX_W2_SVAL_BIT, 1);
    i->adv     = (uint8_t)NICRX_BITS(w[2], NICRX_W2_ADV_BIT, 1);
    i->save    = (uint8_t)NICRX_BITS(w[2], NICRX_W2_SAVE_SHIFT, 2);
    i->shr     = (uint8_t)NICRX_BITS(w[2], NICRX_W2_SHR_SHIFT, 4);
    i->shl     = (uint8_t)NICRX_BITS(w[2], NICRX_W2_SHL_SHIFT, 2);
    i->k       = (uint8_t)NICRX_BITS(w[2], NICRX_W2_K_SHIFT, 8);
    i->set     = (uint16_t)NICRX_BITS(w[3], NICRX_W3_SET_SHIFT, 10);
}

/* Encode; fields wider than their slot are cut to it (the assembler checks
 * ranges before it gets here). */
static inline void nicrx_insn_encode(const nicrx_insn_t *i, uint32_t w[NICRX_INSN_WORDS])
{
    w[0] = ((uint32_t)(i->base & 3u) << NICRX_W0_BASE_SHIFT) | ((uint32_t)(i->size & 7u) << NICRX_W0_SIZE_SHIFT)
         | ((uint32_t)(i->cs & 7u) << NICRX_W0_CS_SHIFT) | ((uint32_t)i->off << NICRX_W0_OFF_SHIFT)
         | ((uint32_t)i->mask << NICRX_W0_MASK_SHIFT);
    w[1] = ((uint32_t)i->value << NICRX_W1_VALUE_SHIFT) | ((uint32_t)i->t_true << NICRX_W1_TT_SHIFT)
         | ((uint32_t)i->t_false << NICRX_W1_TF_SHIFT);
    w[2] = ((uint32_t)(i->rel & 7u) << NICRX_W2_REL_SHIFT) | ((uint32_t)(i->end & 3u) << NICRX_W2_END_SHIFT)
         | ((uint32_t)(i->dst & 31u) << NICRX_W2_DST_SHIFT) | ((uint32_t)(i->sval & 1u) << NICRX_W2_SVAL_BIT)
         | ((uint32_t)(i->adv & 1u) << NICRX_W2_ADV_BIT) | ((uint32_t)(i->save & 3u) << NICRX_W2_SAVE_SHIFT)
         | ((uint32_t)(i->shr & 15u) << NICRX_W2_SHR_SHIFT) | ((uint32_t)(i->shl & 3u) << NICRX_W2_SHL_SHIFT)
         | ((uint32_t)i->k << NICRX_W2_K_SHIFT);
    w[3] = (uint32_t)(i->set & 0x3ffu) << NICRX_W3_SET_SHIFT;
}

#endif
