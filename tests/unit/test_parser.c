/* test_parser.c - the parser microcode (docs/microcode.md): one instruction
 * (nicrx_isa_exec), the functional parse (nicrx_parse), and the cycle model of
 * the parser (docs/architecture.md "nicrx_parser"): timing per frame, in-order
 * output, bank swap, counters, idle, reset. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "isa.h"
#include "parser.h"

/* ---- instruction building --------------------------------------------------- */

/* An instruction that reads n = size bytes at base+off and goes to t_true /
 * t_false; every other field 0 (rel always, no store, no end). */
static nicrx_insn_t ins(uint8_t base, uint8_t size, uint8_t off, uint8_t tt, uint8_t tf)
{
    nicrx_insn_t i;

    memset(&i, 0, sizeof i);
    i.base = base;
    i.size = size;
    i.off = off;
    i.mask = 0xffff;
    i.t_true = tt;
    i.t_false = tf;
    return i;
}

/* Runs i through the encoding (so the test covers encode/decode too) on t. */
static void run1(nicrx_thread_t *t, const nicrx_insn_t *i, const uint8_t *b, uint32_t w)
{
    uint32_t words[NICRX_INSN_WORDS];
    nicrx_insn_t d;

    nicrx_insn_encode(i, words);
    nicrx_insn_decode(words, &d);
    nicrx_isa_exec(t, &d, b, w);
}

static uint8_t frame_b[256]; /* bytes i = i + 1 (0x01 0x02 ...) unless a test sets them */

static void fresh(nicrx_thread_t *t) { nicrx_isa_start(t, 64); }

static void test_rel(void)
{
    /* operand 0x0304 (bytes 2..3) against three values */
    static const struct { uint8_t rel; uint16_t v; int expect; } c[] = {
        { NICRX_REL_ALWAYS, 0, 1 },      { NICRX_REL_EQ, 0x0304, 1 },  { NICRX_REL_EQ, 0x0305, 0 },
        { NICRX_REL_NE, 0x0304, 0 },     { NICRX_REL_NE, 0x0303, 1 },  { NICRX_REL_LT, 0x0305, 1 },
        { NICRX_REL_LT, 0x0304, 0 },     { NICRX_REL_GT, 0x0303, 1 },  { NICRX_REL_GT, 0x0304, 0 },
        { NICRX_REL_LE, 0x0304, 1 },     { NICRX_REL_LE, 0x0303, 0 },  { NICRX_REL_GE, 0x0304, 1 },
        { NICRX_REL_GE, 0x0305, 0 },     { NICRX_REL_ANY, 0x0100, 1 }, { NICRX_REL_ANY, 0x00f0, 0 },
        { NICRX_REL_GT, 0xffff, 0 },
    };
    int ok = 1;

    for (unsigned k = 0; k < sizeof c / sizeof c[0]; k++) {
        nicrx_thread_t t;
        nicrx_insn_t i = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 2, 7, 9);

        fresh(&t);
        i.rel = c[k].rel;
        i.value = c[k].v;
        run1(&t, &i, frame_b, 64);
        if (t.pc != (c[k].expect ? 7 : 9) || t.ended || t.steps != 1)
            ok = 0;
    }
    CHECK(ok, "isa-rel-all");
    /* the mask applies before the test: 0x0304 & 0x00ff = 4 */
    {
        nicrx_thread_t t;
        nicrx_insn_t i = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 2, 1, 2);

        fresh(&t);
        i.rel = NICRX_REL_EQ; i.value = 4; i.mask = 0x00ff;
        run1(&t, &i, frame_b, 64);
        CHECK(t.pc == 1, "isa-mask-before-test");
    }
}

static void test_cs_and_sizes(void)
{
    int ok = 1;

    /* 8-byte read at 8: bytes 9..16; cs selects the two bytes ending cs bytes before the end */
    for (uint8_t cs = 0; cs < 8; cs++) {
        nicrx_thread_t t;
        nicrx_insn_t i = ins(NICRX_BASE_ABS, NICRX_SIZE_8, 8, 1, 2);
        uint32_t hi = cs == 7 ? 0 : (uint32_t)(8 + 7 - cs), lo = 8 + 8 - cs;

        fresh(&t);
        i.cs = cs; i.rel = NICRX_REL_EQ; i.value = (uint16_t)(hi << 8 | lo);
        run1(&t, &i, frame_b, 64);
        if (t.pc != 1)
            ok = 0;
    }
    CHECK(ok, "isa-cs-byte-select");
    /* sizes 4..7 all read 8 bytes (raw stored as src_hi), 1/2/4 read 1/2/4 */
    ok = 1;
    for (uint8_t size = 1; size < 8; size++) {
        static const uint32_t n[8] = { 0, 1, 2, 4, 8, 8, 8, 8 };
        nicrx_thread_t t;
        nicrx_insn_t i = ins(NICRX_BASE_ABS, size, 0, 1, 1);
        uint8_t exp[8] = { 0 };

        fresh(&t);
        i.dst = NICRX_DST_SRC_HI;
        run1(&t, &i, frame_b, 64);
        for (uint32_t k = 0; k < n[size]; k++)
            exp[8 - n[size] + k] = (uint8_t)(k + 1);
        if (memcmp(t.hv.src, exp, 8) != 0)
            ok = 0;
        /* exactly n bytes needed: a read ending at W is fine, one byte further truncates */
        fresh(&t);
        i.off = (uint8_t)(20 - n[size]);
        run1(&t, &i, frame_b, 20);
        if (t.ended || t.hv.truncated)
            ok = 0;
        fresh(&t);
        i.off = (uint8_t)(21 - n[size]);
        run1(&t, &i, frame_b, 20);
        if (!t.ended || !t.hv.truncated)
            ok = 0;
    }
    CHECK(ok, "isa-sizes-and-truncation-at-w");
    /* size none reads nothing: never truncates, raw = 0 */
    {
        nicrx_thread_t t;
        nicrx_insn_t i = ins(NICRX_BASE_ABS, NICRX_SIZE_NONE, 250, 3, 4);

        fresh(&t);
        i.rel = NICRX_REL_EQ; i.value = 0; i.dst = NICRX_DST_SEQ;
        t.hv.seq = 77;
        run1(&t, &i, frame_b, 0);
        CHECK(!t.ended && !t.hv.truncated && t.pc == 3 && t.hv.seq == 0, "isa-size-none");
    }
    /* truncation: nothing else of the instruction happens */
    {
        nicrx_thread_t t;
        nicrx_insn_t i = ins(NICRX_BASE_CUR, NICRX_SIZE_2, 0, 5, 5);

        fresh(&t);
        t.cur = 19; t.pc = 3;
        i.adv = 1; i.k = 4; i.save = NICRX_SAVE_BOTH; i.set = 0x3ff; i.dst = NICRX_DST_PROTO;
        run1(&t, &i, frame_b, 20);
        CHECK(t.ended && t.hv.truncated && t.pc == 3 && t.cur == 19 && t.l3 == 0 && t.cls == 0 &&
              t.steps == 0 && t.hv.proto == 0, "isa-truncation-stops-instruction");
    }
    /* bases: cur, L3, L4, abs; a + n computed without wrap (cur 1023 + 255) */
    {
        nicrx_thread_t t;
        int okb = 1;

        for (uint8_t base = 0; base < 4; base++) {
            nicrx_insn_t i = ins(base, NICRX_SIZE_1, 2, 1, 1);

            fresh(&t);
            t.cur = 10; t.l3 = 20; t.l4 = 30;
            i.dst = NICRX_DST_PROTO;
            run1(&t, &i, frame_b, 64);
            if (t.hv.proto != (uint8_t)((base == 0 ? 10 : base == 1 ? 20 : base == 2 ? 30 : 0) + 2 + 1))
                okb = 0;
        }
        fresh(&t);
        t.cur = 1023;
        {
            nicrx_insn_t i = ins(NICRX_BASE_CUR, NICRX_SIZE_1, 255, 1, 1);
            run1(&t, &i, frame_b, 256);
        }
        CHECK(okb && t.hv.truncated, "isa-bases");
    }
}

static void test_store(void)
{
    static uint8_t b[64];
    nicrx_thread_t t;
    nicrx_insn_t i;
    int ok;

    for (uint32_t k = 0; k < sizeof b; k++)
        b[k] = (uint8_t)(0xa0 + k);
    /* raw of an 8-byte read at 0: a0a1a2a3a4a5a6a7 */
#define STORE(d) do { fresh(&t); i = ins(NICRX_BASE_ABS, NICRX_SIZE_8, 0, 1, 1); i.dst = (d); run1(&t, &i, b, 64); } while (0)
    STORE(NICRX_DST_VLAN);
    CHECK(t.hv.vlan_cnt == 1 && t.hv.vlan[0] == 0x6a7, "isa-dst-vlan");
    run1(&t, &i, b, 64); run1(&t, &i, b, 64);
    CHECK(t.hv.vlan_cnt == 2 && t.hv.vlan[1] == 0x6a7, "isa-dst-vlan-two-kept");
    STORE(NICRX_DST_PROTO);
    CHECK(t.hv.proto == 0xa7, "isa-dst-proto");
    STORE(NICRX_DST_FRAG);
    CHECK(t.hv.mf == 1 && t.hv.frag_off == 0x6a7, "isa-dst-frag");
    STORE(NICRX_DST_IPLEN);
    CHECK(t.iplen == 0xa6a7 && t.iplen_set, "isa-dst-iplen");
    STORE(NICRX_DST_ADDR4);
    {
        static const uint8_t s4[16] = { 0xa0, 0xa1, 0xa2, 0xa3 }, d4[16] = { 0xa4, 0xa5, 0xa6, 0xa7 };
        CHECK(memcmp(t.hv.src, s4, 16) == 0 && memcmp(t.hv.dst, d4, 16) == 0, "isa-dst-addr4");
    }
    ok = 1;
    for (uint8_t d = NICRX_DST_SRC_HI; d <= NICRX_DST_DST_LO; d++) {
        uint8_t *a;

        STORE(d);
        a = (d == NICRX_DST_SRC_HI || d == NICRX_DST_SRC_LO) ? t.hv.src : t.hv.dst;
        a += (d == NICRX_DST_SRC_LO || d == NICRX_DST_DST_LO) ? 8 : 0;
        if (memcmp(a, b, 8) != 0)
            ok = 0;
    }
    CHECK(ok, "isa-dst-src-dst-hi-lo");
    /* addr4 after src_lo clears the rest */
    i = ins(NICRX_BASE_ABS, NICRX_SIZE_8, 0, 1, 1);
    i.dst = NICRX_DST_ADDR4;
    run1(&t, &i, b, 64);
    CHECK(t.hv.dst[8] == 0 && t.hv.dst[4] == 0, "isa-dst-addr4-clears");
    STORE(NICRX_DST_PORTS);
    CHECK(t.hv.sport == 0xa4a5 && t.hv.dport == 0xa6a7, "isa-dst-ports");
    STORE(NICRX_DST_PORTS_SEQ);
    CHECK(t.hv.sport == 0xa0a1 && t.hv.dport == 0xa2a3 && t.hv.seq == 0xa4a5a6a7u, "isa-dst-ports-seq");
    STORE(NICRX_DST_SEQ);
    CHECK(t.hv.seq == 0xa4a5a6a7u, "isa-dst-seq");
    STORE(NICRX_DST_ACK);
    CHECK(t.hv.ack == 0xa4a5a6a7u, "isa-dst-ack");
    STORE(NICRX_DST_ACK_FLAGS);
    CHECK(t.hv.ack == 0xa0a1a2a3u && t.hv.tcp_flags == 0x4a5, "isa-dst-ack-flags");
    STORE(NICRX_DST_TCP_FLAGS);
    CHECK(t.hv.tcp_flags == 0x6a7, "isa-dst-tcp-flags");
    ok = 1;
    for (uint8_t d = NICRX_NUM_DST; d < 32; d++) {
        nicrx_hv_t z;

        STORE(d);
        memset(&z, 0, sizeof z);
        if (memcmp(&t.hv, &z, sizeof z) != 0 || t.iplen_set)
            ok = 0;
    }
    CHECK(ok, "isa-dst-16-31-no-store");
    /* the store happens whether or not the test is true */
    fresh(&t);
    i = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, 1, 2);
    i.rel = NICRX_REL_EQ; i.value = 0; i.dst = NICRX_DST_PROTO;
    run1(&t, &i, b, 64);
    CHECK(t.pc == 2 && t.hv.proto == 0xa0, "isa-store-when-false");
    /* sval: val = ((o >> shr) << shl) + k stored; cut to the destination */
    fresh(&t);
    i = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 0, 1, 1);
    i.sval = 1; i.shr = 4; i.shl = 3; i.k = 0x11; i.dst = NICRX_DST_SEQ;
    run1(&t, &i, b, 64);
    CHECK(t.hv.seq == ((0xa0a1u >> 4) << 3) + 0x11, "isa-sval");
    i.dst = NICRX_DST_PROTO;
    run1(&t, &i, b, 64);
    CHECK(t.hv.proto == (uint8_t)(((0xa0a1u >> 4) << 3) + 0x11), "isa-sval-cut");
#undef STORE
}

static void test_adv_save_set_end(void)
{
    nicrx_thread_t t;
    nicrx_insn_t i;
    int ok;

    /* adv only if true; val from the masked operand; save after the advance; set if true */
    fresh(&t);
    i = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, 1, 2);   /* byte 0 = 0x01 */
    i.mask = 0x0f; i.shl = 2; i.k = 14; i.adv = 1; i.save = NICRX_SAVE_L3; i.set = NICRX_CLS(NICRX_CLS_IPV4);
    run1(&t, &i, frame_b, 64);
    CHECK(t.cur == 18 && t.l3 == 18 && t.l4 == 0 && t.cls == 1 && t.pc == 1, "isa-adv-save-set-true");
    i.rel = NICRX_REL_EQ; i.value = 5; i.save = NICRX_SAVE_L4; i.set = 0x3ff;
    run1(&t, &i, frame_b, 64);
    CHECK(t.cur == 18 && t.l4 == 0 && t.cls == 1 && t.pc == 2, "isa-adv-save-set-false");
    i.rel = NICRX_REL_ALWAYS; i.save = NICRX_SAVE_BOTH; i.set = 0x200 | 0x400 /* cut to 10 bits */;
    run1(&t, &i, frame_b, 64);
    CHECK(t.cur == 36 && t.l3 == 36 && t.l4 == 36 && t.cls == 0x201, "isa-save-both");
    /* saturation at 1023 */
    fresh(&t);
    t.cur = 1000;
    i = ins(NICRX_BASE_ABS, NICRX_SIZE_NONE, 0, 1, 1);
    i.adv = 1; i.k = 23;
    run1(&t, &i, frame_b, 64);
    CHECK(t.cur == 1023, "isa-adv-to-1023");
    i.k = 200;
    run1(&t, &i, frame_b, 64);
    i.sval = 0; i.size = NICRX_SIZE_2; i.shl = 3; /* val = 0xffff << 3 + 200 */
    t.cur = 0;
    {
        static const uint8_t ff[2] = { 0xff, 0xff };
        run1(&t, &i, ff, 2);
    }
    CHECK(t.cur == 1023, "isa-adv-saturates");
    /* end variants */
    ok = 1;
    for (uint8_t e = 0; e < 4; e++)
        for (int tv = 0; tv < 2; tv++) {
            fresh(&t);
            i = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, 1, 2);
            i.rel = NICRX_REL_EQ; i.value = tv ? 1 : 2; i.end = e;
            run1(&t, &i, frame_b, 64);
            int want = e == NICRX_END_ALWAYS || (e == NICRX_END_TRUE && tv) || (e == NICRX_END_FALSE && !tv);
            if (t.ended != want || t.pc != (tv ? 1 : 2) || t.hv.truncated || (t.cls >> NICRX_CLS_PERR & 1))
                ok = 0;
        }
    CHECK(ok, "isa-end-variants");
}

/* ---- functional parse: nicrx_parse ----------------------------------------- */

/* Ethernet / IPv4 / TCP, hand-encoded (what microcode/default.nasm does, smaller) */
static uint32_t prog_v4tcp(uint32_t *w)
{
    nicrx_insn_t p[6];
    uint32_t n = 0;

    p[n] = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 12, 1, 0);   /* EtherType 0x0800: cur = 14, L3 */
    p[n].rel = NICRX_REL_EQ; p[n].value = 0x0800; p[n].end = NICRX_END_FALSE;
    p[n].shr = 15; p[n].k = 14; p[n].adv = 1; p[n].save = NICRX_SAVE_L3; p[n].set = NICRX_CLS(NICRX_CLS_IPV4); n++;
    p[n] = ins(NICRX_BASE_L3, NICRX_SIZE_2, 2, 2, 2);     /* total length */
    p[n].dst = NICRX_DST_IPLEN; n++;
    p[n] = ins(NICRX_BASE_L3, NICRX_SIZE_8, 12, 3, 3);    /* addresses */
    p[n].dst = NICRX_DST_ADDR4; n++;
    p[n] = ins(NICRX_BASE_L3, NICRX_SIZE_1, 9, 4, 0);     /* protocol 6; cur = L3 + 4 IHL, L4 */
    p[n].rel = NICRX_REL_EQ; p[n].value = 6; p[n].end = NICRX_END_FALSE; p[n].dst = NICRX_DST_PROTO; n++;
    p[n] = ins(NICRX_BASE_L3, NICRX_SIZE_1, 0, 5, 5);
    p[n].mask = 0x0f; p[n].shl = 2; p[n].adv = 1; p[n].save = NICRX_SAVE_L4; p[n].set = NICRX_CLS(NICRX_CLS_TCP);
    p[n].dst = NICRX_DST_NONE; n++;
    /* handled below as two more: ports+seq, then ack+flags with cur += 4 * data offset */
    for (uint32_t k = 0; k < n; k++)
        nicrx_insn_encode(&p[k], w + 4 * k);
    {
        nicrx_insn_t a = ins(NICRX_BASE_CUR, NICRX_SIZE_8, 0, 6, 6), b;

        a.dst = NICRX_DST_PORTS_SEQ;
        nicrx_insn_encode(&a, w + 4 * n++);
        b = ins(NICRX_BASE_CUR, NICRX_SIZE_8, 8, 0, 0);
        b.cs = 2; b.mask = 0xf000; b.shr = 12; b.shl = 2; b.adv = 1; b.dst = NICRX_DST_ACK_FLAGS;
        b.end = NICRX_END_ALWAYS;
        nicrx_insn_encode(&b, w + 4 * n++);
    }
    return n;
}

typedef struct fb {
    uint8_t b[512];
    uint32_t n;
} fb_t;

static void put8(fb_t *f, uint32_t v) { f->b[f->n++] = (uint8_t)v; }
static void put16(fb_t *f, uint32_t v) { put8(f, v >> 8); put8(f, v); }
static void put32(fb_t *f, uint32_t v) { put16(f, v >> 16); put16(f, v); }

static void v4tcp_frame(fb_t *f, uint32_t ihl, uint32_t doff, uint32_t iplen)
{
    f->n = 0;
    for (uint32_t i = 0; i < 12; i++)
        put8(f, 0x10 + i);
    put16(f, 0x0800);
    put8(f, 0x40 | ihl); put8(f, 0); put16(f, iplen); put32(f, 0x12344000u);
    put8(f, 64); put8(f, 6); put16(f, 0); put32(f, 0x0a000001u); put32(f, 0xc0a80102u);
    for (uint32_t i = 20; i < 4 * ihl; i++)
        put8(f, 1);
    put16(f, 1234); put16(f, 80); put32(f, 0x01020304u); put32(f, 0xa0b0c0d0u);
    put16(f, (doff << 12) | 0x018); put16(f, 0xffff); put32(f, 0);
    for (uint32_t i = 20; i < 4 * doff; i++)
        put8(f, 1);
    while (f->n < 14 + iplen)
        put8(f, 0xee);
}

static uint32_t be32(const uint8_t *b) { return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]; }

static void test_parse(void)
{
    static uint32_t imem[64 * 4];
    fb_t f;
    nicrx_hv_t hv;
    uint32_t n, steps;

    memset(imem, 0, sizeof imem);
    n = prog_v4tcp(imem);
    v4tcp_frame(&f, 5, 5, 46);
    steps = nicrx_parse(imem, 64, f.b, f.n, 128, 64, &hv);
    CHECK(steps == n && hv.l3 == 1 && hv.l4 == 1 && hv.proto == 6 && hv.l3_off == 14 && hv.l4_off == 34 &&
          hv.pay_off == 54 && hv.tcp_hlen == 20 && hv.sport == 1234 && hv.dport == 80 && hv.seq == 0x01020304u &&
          hv.ack == 0xa0b0c0d0u && hv.tcp_flags == 0x018 && !hv.truncated && !hv.perr,
          "parse-ipv4-tcp (%u steps)", steps);
    CHECK(be32(hv.src) == 0x0a000001u && be32(hv.dst) == 0xc0a80102u && hv.src[4] == 0 &&
          hv.hash == (0x0a000001u ^ 0xc0a80102u ^ (1234u << 16 | 80u)), "parse-ipv4-tcp-addrs-hash");
    CHECK(hv.l4_len == 6 && hv.cls == (NICRX_CLS(NICRX_CLS_IPV4) | NICRX_CLS(NICRX_CLS_TCP)), "parse-l4-len-from-iplen");
    /* IP options and TCP options: cursor follows; Ethernet padding not counted with iplen */
    v4tcp_frame(&f, 7, 8, 8 + 28 + 32);
    nicrx_parse(imem, 64, f.b, f.n + 10, 128, 64, &hv);
    CHECK(hv.l4_off == 42 && hv.tcp_hlen == 32 && hv.pay_off == 74 && hv.l4_len == 8, "parse-options");
    /* truncated at the last read: L4 at 54, header bytes 64 */
    v4tcp_frame(&f, 10, 5, 40 + 20);
    nicrx_parse(imem, 64, f.b, f.n, 64, 64, &hv);
    CHECK(hv.truncated && hv.l3 == 1 && hv.l4 == 1 && hv.sport == 1234 && hv.ack == 0 && !hv.perr,
          "parse-truncated-by-header-bytes");
    /* not IPv4: ends at the first instruction, nothing classified */
    f.b[12] = 0x86;
    steps = nicrx_parse(imem, 64, f.b, f.n, 128, 64, &hv);
    CHECK(steps == 1 && hv.cls == 0 && hv.l3 == 0 && hv.hash == 0 && hv.l4_len == 0, "parse-not-ipv4");
    /* step limit: the program passes 3 instructions at limit 3 -> perr */
    f.b[12] = 0x08;
    steps = nicrx_parse(imem, 64, f.b, f.n, 128, 3, &hv);
    CHECK(steps == 3 && hv.perr && (hv.cls >> NICRX_CLS_PERR & 1) && hv.l3 == 1 && hv.l4 == 0 && !hv.truncated,
          "parse-step-limit-3");
    /* the frame that ends exactly at the limit has no perr */
    steps = nicrx_parse(imem, 64, f.b, f.n, 128, n, &hv);
    CHECK(steps == n && !hv.perr, "parse-end-at-limit-no-perr");
    /* an all-zero program loops at 0 until the limit; 0 means 256 */
    {
        static const uint32_t zero[16 * 4];
        steps = nicrx_parse(zero, 16, f.b, f.n, 128, 0, &hv);
        CHECK(steps == 256 && hv.perr, "parse-step-limit-0-is-256");
        steps = nicrx_parse(zero, 16, f.b, f.n, 128, 1, &hv);
        CHECK(steps == 1 && hv.perr, "parse-step-limit-1");
        steps = nicrx_parse(zero, 16, f.b, f.n, 128, 255, &hv);
        CHECK(steps == 255 && hv.perr, "parse-step-limit-255");
    }
    /* pc wraps mod imem_depth: a branch to 17 in a 16-deep memory runs instruction 1 */
    {
        static uint32_t w[16 * 4];
        nicrx_insn_t a = ins(NICRX_BASE_ABS, NICRX_SIZE_NONE, 0, 17, 17), b = a;

        memset(w, 0, sizeof w);
        nicrx_insn_encode(&a, w);
        b.set = NICRX_CLS(NICRX_CLS_SESSION); b.end = NICRX_END_ALWAYS;
        nicrx_insn_encode(&b, w + 4);
        steps = nicrx_parse(w, 16, f.b, f.n, 128, 64, &hv);
        CHECK(steps == 2 && hv.cls == NICRX_CLS(NICRX_CLS_SESSION) && !hv.perr, "parse-pc-wraps");
    }
    /* derived fields: l4_len from len without iplen, and 0 when negative; l3_off/l4_off
     * saturate at 255; tcp_hlen mod 1024; l4 priority tcp > udp > other */
    {
        nicrx_thread_t t;
        nicrx_hv_t h;

        fresh(&t);
        t.cls = NICRX_CLS(NICRX_CLS_UDP) | NICRX_CLS(NICRX_CLS_L4OTHER) | NICRX_CLS(NICRX_CLS_IPV6);
        t.l3 = 300; t.l4 = 256; t.cur = 280;
        nicrx_isa_finish(&t, 1000, &h);
        CHECK(h.l3 == 2 && h.l4 == 2 && h.l3_off == 255 && h.l4_off == 255 && h.l4_len == 720 && h.tcp_hlen == 0 &&
              h.pay_off == 280, "finish-udp-len-offsets");
        nicrx_isa_finish(&t, 200, &h);
        CHECK(h.l4_len == 0, "finish-l4-len-negative-is-0");
        t.cls |= NICRX_CLS(NICRX_CLS_TCP) | NICRX_CLS(NICRX_CLS_IPV4);
        t.cur = 10; t.l4 = 20; t.iplen_set = 1; t.iplen = 5; t.l3 = 4;
        nicrx_isa_finish(&t, 200, &h);
        CHECK(h.l3 == 1 && h.l4 == 1 && h.tcp_hlen == 1014 && h.l4_len == 0, "finish-tcp-hlen-mod-1024");
        t.iplen = 65535; t.l3 = 1000; t.cur = 0;
        nicrx_isa_finish(&t, 200, &h);
        CHECK(h.l4_len == (uint16_t)(1000 + 65535), "finish-l4-len-cut-to-16-bits");
        fresh(&t);
        t.cls = NICRX_CLS(NICRX_CLS_L4OTHER);
        nicrx_isa_finish(&t, 64, &h);
        CHECK(h.l4 == 3 && h.l3 == 0, "finish-l4-other");
    }
}

/* Random programs on random frames held in buffers of exactly min(len, HB)
 * bytes: under the sanitizers a read past them fails. */
static void test_fuzz(void)
{
    uint64_t st = 0x9e3779b97f4a7c15ull;
    int ok = 1, seen_trunc = 0, seen_perr = 0, seen_end = 0;
    static uint32_t imem[256 * 4];

    for (uint32_t c = 0; c < 20000; c++) {
        uint32_t depth = 16u << (c % 5), hb = 64u << (c % 3), len, w, steps;
        uint8_t *buf;
        nicrx_hv_t hv;

        for (uint32_t k = 0; k < depth * 4; k++) {
            st ^= st << 13; st ^= st >> 7; st ^= st << 17;
            imem[k] = (uint32_t)st;
            if (k % 4 == 1) /* keep branch targets mostly forward and small */
                imem[k] = (imem[k] & 0xffff0000u) | (imem[k] & 0x0f0fu);
        }
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        len = (uint32_t)(st % 300);
        w = len < hb ? len : hb;
        buf = malloc(w ? w : 1);
        for (uint32_t k = 0; k < w; k++)
            buf[k] = (uint8_t)(st >> (k % 56));
        steps = nicrx_parse(imem, depth, buf, len, hb, (uint32_t)(c % 257), &hv);
        free(buf);
        seen_trunc |= hv.truncated;
        seen_perr |= hv.perr;
        seen_end |= !hv.truncated && !hv.perr;
        if (steps < 1 || steps > 256 || hv.vlan_cnt > 2 || hv.pay_off > 1023 || hv.cls > 0x3ff ||
            hv.tcp_flags > 0xfff)
            ok = 0;
    }
    CHECK(ok && seen_trunc && seen_perr && seen_end, "parse-random-programs-in-bounds");
}

/* ---- the cycle model ---------------------------------------------------------- */

typedef struct tb {
    nicrx_geom_t g;
    parser_t p;
    ingress_out_t io;
    csr_cfg_t cfg;
    nicrx_in_t top;
    parser_out_t po;
    uint64_t cyc;             /* the cycle whose inputs are being set */
    uint32_t commits;         /* frames committed: the next slot */
    uint32_t nout;
    uint8_t ready;            /* hv_ready at the next edge */
    uint64_t out_cyc[64];     /* first cycle in which hv_valid was high, per frame */
    hv_stream_t out_hv[64];
    uint32_t out_len[64];
    uint64_t out_frame[64];
    uint64_t taken_cyc[64];   /* cycle at whose end it was taken */
    uint32_t ntaken;
    int valid_ok;             /* a frame loads only when none is held or it is taken, held
                                 frames do not change, a new frame is a different one */
    uint64_t bank_cyc;        /* first cycle the bank output changed */
    uint8_t last_bank;
} tb_t;

/* One edge of the parser, its inputs from the stand-ins. */
static void tb_step(tb_t *t, uint8_t ready)
{
    const parser_in_t in = { .rst = t->top.rst, .hm_wr_en = t->io.hm_wr_en, .hm_wr_addr = t->io.hm_wr_addr,
                             .pm_wr_data = t->io.pm_wr_data, .s_cm_valid = t->io.m_cm_valid,
                             .s_cm = t->io.m_cm, .cfg = t->cfg, .m_hv_ready = ready, .ev = NULL };

    parser_step(&t->p, &in, &t->po);
}

static void tb_init(tb_t *t, uint32_t ne, uint32_t limit)
{
    memset(t, 0, sizeof *t);
    t->g.p.header_bytes = 128;
    t->g.p.fq_depth = 8;
    t->g.p.parse_engines = ne;
    t->g.p.imem_depth = 16;
    t->g.p.data_width = 64;
    t->g.bytes_per_beat = 8;
    t->cfg.step_limit = (uint8_t)limit;
    t->valid_ok = 1;
    t->ready = 1;
    if (parser_init(&t->p, &t->g) != 0)
        abort();
    t->top.rst = 1;
    tb_step(t, 1);
    t->top.rst = 0;
}

static void tb_edge(tb_t *t)
{
    const uint8_t was = t->po.m_hv_valid, take = was && t->ready && !t->top.rst;
    const hv_stream_t was_hv = t->po.m_hv;

    if (take && t->ntaken < 64)
        t->taken_cyc[t->ntaken] = t->cyc;
    t->ntaken += take;
    tb_step(t, t->ready);
    t->io.m_cm_valid = 0;
    t->io.hm_wr_en = 0;
    t->cfg.swap = 0;
    t->cfg.imem_we = 0;
    t->cyc++;
    if (t->po.bank != t->last_bank && !t->bank_cyc)
        t->bank_cyc = t->cyc;
    t->last_bank = t->po.bank;
    if (was && !take && !t->top.rst &&
        (!t->po.m_hv_valid || memcmp(&t->po.m_hv, &was_hv, sizeof was_hv) != 0))
        t->valid_ok = 0;                                  /* a held frame changed */
    if (t->po.m_hv_valid && (!was || take)) {             /* a frame loaded at this edge */
        if (was && was_hv.frame == t->po.m_hv.frame)
            t->valid_ok = 0;
        if (t->nout < 64) {
            t->out_cyc[t->nout] = t->cyc;
            t->out_hv[t->nout] = t->po.m_hv;
            t->out_len[t->nout] = t->po.m_hv.len;
            t->out_frame[t->nout] = t->po.m_hv.frame;
        }
        t->nout++;
    }
}

/* Writes the frame's header beats (one edge each), then waits until cycle
 * `at` (if later) and commits it there.  Returns the commit cycle. */
static uint64_t tb_frame(tb_t *t, const uint8_t *b, uint32_t len, uint64_t at)
{
    uint32_t slot = t->commits % t->g.p.fq_depth, beats = (len < 128 ? len : 128);

    for (uint32_t k = 0; k < (beats + 7) / 8; k++) {
        uint64_t d = 0;

        for (uint32_t j = 0; j < 8; j++)
            d |= (uint64_t)b[8 * k + j] << (8 * j);
        t->io.hm_wr_en = 1;
        t->io.hm_wr_addr = slot * 16 + k;
        t->io.pm_wr_data = d;
        tb_edge(t);
    }
    while (t->cyc < at)
        tb_edge(t);
    t->io.m_cm_valid = 1;
    t->io.m_cm.len = (uint16_t)len;
    t->io.m_cm.slot = (uint8_t)slot;
    t->io.m_cm.start = (uint16_t)(100 + t->commits);
    t->io.m_cm.frame = t->commits++;
    {
        uint64_t c = t->cyc;
        tb_edge(t);
        return c;
    }
}

static void tb_run(tb_t *t, uint32_t n)
{
    while (n--)
        tb_edge(t);
}

/* Loads a program into both banks: instruction j goes to j+1 always, the
 * last (k-1) ends; byte 0 of the frame is read by each (so truncation shows). */
static void prog_chain(tb_t *t, uint32_t k, uint16_t set)
{
    uint32_t w[16 * 4];

    memset(w, 0, sizeof w);
    for (uint32_t j = 0; j < k; j++) {
        nicrx_insn_t i = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, (uint8_t)(j + 1), (uint8_t)(j + 1));
        i.set = set;
        if (j == k - 1)
            i.end = NICRX_END_ALWAYS;
        nicrx_insn_encode(&i, w + 4 * j);
    }
    parser_load_program(&t->p, w, k);
}

/* The first cycle with hv_valid of a frame of k steps committed in cycle `commit`
 * (the queue empty, its thread free, no frame held): dispatched at the edge after
 * the commit, its first F in a cycle of its thread's phase at least two cycles
 * later, one instruction every 8 cycles, done after S, then x and m. */
static uint64_t expect_hv_cycle(uint64_t commit, uint32_t thread, uint32_t k)
{
    uint64_t f = commit + 3;

    while (f % PE_THREADS != thread)
        f++;
    return f + 8 * k + 3;
}

static void test_timing(void)
{
    static tb_t t;
    static uint8_t fr[128];
    int ok = 1, ok_idle = 1;

    memset(fr, 0x45, sizeof fr);
    /* one frame of k steps committed at cycles 20..27: hv_valid at c + 6..13 + 8k */
    for (uint32_t ne = 1; ne <= 2; ne++)
        for (uint32_t k = 1; k <= 6; k++)
            for (uint64_t c = 20; c < 28; c++) {
                tb_init(&t, ne, 64);
                prog_chain(&t, k, 0);
                tb_frame(&t, fr, 64, c);
                tb_run(&t, 70);
                if (t.nout != 1 || t.out_cyc[0] != expect_hv_cycle(c, 0, k) || !t.valid_ok)
                    ok = 0;
                if (!t.po.idle)
                    ok_idle = 0;
                parser_free(&t.p);
            }
    CHECK(ok, "parser-timing-one-frame (hv_valid at commit + 6..13 + 8k)");
    CHECK(ok_idle, "parser-idle-after-frame");
    /* the worked example: commit in cycle 21, 8 steps, thread 0: F from 24, hv_valid in 91 */
    tb_init(&t, 2, 64);
    prog_chain(&t, 8, 0);
    tb_frame(&t, fr, 64, 21);
    tb_run(&t, 80);
    CHECK(t.nout == 1 && t.out_cyc[0] == 91, "parser-timing-worked-example (hv_valid in cycle %llu)",
          (unsigned long long)t.out_cyc[0]);
    parser_free(&t.p);
    /* truncation: the truncating read is the last instruction (k counts it) */
    tb_init(&t, 1, 64);
    prog_chain(&t, 5, 0);
    {
        uint32_t w[4];
        nicrx_insn_t i = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 63, 3, 3);
        nicrx_insn_encode(&i, w);
        t.cfg.imem_we = 1; t.cfg.imem_addr = 2; memcpy(t.cfg.imem_data, w, sizeof w);
        tb_edge(&t); /* writes the shadow bank only: the frame still runs the chain */
    }
    tb_frame(&t, fr, 64, 20);
    tb_run(&t, 70);
    CHECK(t.nout == 1 && t.out_cyc[0] == expect_hv_cycle(20, 0, 5) && !t.out_hv[0].trunc,
          "parser-imem-write-goes-to-shadow");
    parser_free(&t.p);
    tb_init(&t, 1, 64);
    {
        uint32_t w[16 * 4];
        nicrx_insn_t a = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, 1, 1), b = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 63, 2, 2);
        memset(w, 0, sizeof w);
        nicrx_insn_encode(&a, w);
        nicrx_insn_encode(&b, w + 4);
        parser_load_program(&t.p, w, 2);
    }
    tb_frame(&t, fr, 64, 20);
    tb_run(&t, 60);
    CHECK(t.nout == 1 && t.out_hv[0].trunc && t.out_cyc[0] == expect_hv_cycle(20, 0, 2),
          "parser-truncation-timing");
    tb_run(&t, 2);
    CHECK(t.po.cnt[NICRX_CNT_PARSE_TRUNC] == 1 && t.po.cnt[NICRX_CNT_PARSE_ERROR] == 0, "parser-cnt-trunc");
    parser_free(&t.p);
    /* step limit: 0 means 256 */
    tb_init(&t, 1, 0);
    tb_frame(&t, fr, 64, 20); /* all-zero program: loops until the limit */
    tb_run(&t, 2100);
    CHECK(t.nout == 1 && t.out_hv[0].perr && t.out_cyc[0] == expect_hv_cycle(20, 0, 256), "parser-step-limit-256");
    CHECK(t.po.cnt[NICRX_CNT_PARSE_ERROR] == 1, "parser-cnt-perr");
    parser_free(&t.p);
}

/* Program for the order and swap tests: byte 0 == 1 loops (setting `loop`)
 * until the step limit, anything else ends at once (setting `quick`). */
static void prog_branch(uint32_t *w, uint16_t quick, uint16_t loop)
{
    nicrx_insn_t a = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, 1, 2), b = ins(NICRX_BASE_ABS, NICRX_SIZE_NONE, 0, 1, 1),
                 c = b;

    memset(w, 0, 16 * 4 * sizeof *w);
    a.rel = NICRX_REL_EQ; a.value = 1;
    b.set = loop;
    c.set = quick; c.end = NICRX_END_ALWAYS;
    nicrx_insn_encode(&a, w);
    nicrx_insn_encode(&b, w + 4);
    nicrx_insn_encode(&c, w + 8);
}

static void test_order_and_swap(void)
{
    static tb_t t;
    static uint8_t slow[64], quick[64];
    uint32_t w[16 * 4];

    memset(slow, 1, sizeof slow);
    memset(quick, 2, sizeof quick);
    /* in-order output: a slow frame (20 steps) then two quick ones (2 steps) */
    for (uint32_t ne = 1; ne <= 2; ne++) {
        tb_init(&t, ne, 20);
        prog_branch(w, NICRX_CLS(NICRX_CLS_UDP), NICRX_CLS(NICRX_CLS_TCP));
        parser_load_program(&t.p, w, 3);
        uint64_t c0 = tb_frame(&t, slow, 64, 20);
        tb_frame(&t, quick, 64, 0);
        tb_frame(&t, quick, 64, 0);
        tb_run(&t, 200);
        uint64_t e0 = expect_hv_cycle(c0, 0, 20);
        CHECK(t.nout == 3 && t.out_frame[0] == 0 && t.out_frame[1] == 1 && t.out_frame[2] == 2 &&
              t.out_cyc[0] == e0 && t.out_cyc[1] == e0 + 1 && t.out_cyc[2] == e0 + 2 && t.valid_ok &&
              t.out_hv[0].perr && !t.out_hv[1].perr && t.out_hv[1].l4 == 2,
              "parser-ne%u-in-order-output", ne);
        parser_free(&t.p);
    }
    /* dispatch: frame s runs on engine s % NE, thread (s / NE) % 8; 8*NE frames at
     * once, the next waits for the first to leave its thread */
    for (uint32_t ne = 1; ne <= 2; ne++) {
        const uint32_t nt = PE_THREADS * ne;
        uint64_t c[2 * PE_THREADS + 1];
        int ok = 1;

        tb_init(&t, ne, 8);
        prog_branch(w, 0, 0);
        parser_load_program(&t.p, w, 3);
        for (uint32_t s = 0; s < nt + 1; s++)
            c[s] = tb_frame(&t, slow, 64, 0);
        tb_run(&t, 200);
        for (uint32_t s = 0; s < nt; s++) {
            /* frame s was dispatched at the edge after its commit (queue empty before) */
            uint64_t e = expect_hv_cycle(c[s], s / ne, 8);
            if (s > 0 && e <= t.out_cyc[s - 1])
                e = t.out_cyc[s - 1] + 1;
            if (t.out_cyc[s] != e)
                ok = 0;
        }
        /* the extra frame: its thread frees at the edge that loads frame 0 into x, two
         * cycles before frame 0's hv_valid */
        {
            uint64_t free_edge = t.out_cyc[0] - 2, disp = free_edge + 1;
            uint64_t e = expect_hv_cycle(disp - 1, 0, 8);
            if (c[nt] + 1 > disp)
                e = expect_hv_cycle(c[nt], 0, 8);
            if (e <= t.out_cyc[nt - 1])
                e = t.out_cyc[nt - 1] + 1;
            if (t.nout != nt + 1 || t.out_cyc[nt] != e)
                ok = 0;
        }
        CHECK(ok, "parser-ne%u-dispatch-threads", ne);
        parser_free(&t.p);
    }
    /* swap: requested while a slow frame runs; the next frame waits for the swap and
     * runs the new program; no frame mixes banks */
    {
        uint32_t w1[16 * 4];
        uint64_t c0, c1;

        tb_init(&t, 2, 20);
        prog_branch(w, NICRX_CLS(NICRX_CLS_UDP), NICRX_CLS(NICRX_CLS_TCP));
        parser_load_program(&t.p, w, 3);
        prog_branch(w1, NICRX_CLS(NICRX_CLS_SESSION), NICRX_CLS(NICRX_CLS_CTRL));
        for (uint32_t k = 0; k < 3; k++) { /* the new program into the shadow bank */
            t.cfg.imem_we = 1; t.cfg.imem_addr = (uint8_t)k;
            memcpy(t.cfg.imem_data, w1 + 4 * k, 16);
            tb_edge(&t);
        }
        c0 = tb_frame(&t, slow, 64, 20);
        tb_run(&t, 20);
        t.cfg.swap = 1;
        tb_edge(&t);
        CHECK(t.po.swap_pending && t.po.bank == 0, "parser-swap-pending");
        c1 = tb_frame(&t, slow, 64, 0);
        tb_run(&t, 400);
        uint64_t e0 = expect_hv_cycle(c0, 0, 20);
        /* frame 0 is done after edge e0-3; the flip is at edge e0-2 (no thread runs),
         * frame 1 is dispatched at edge e0-1 and runs on engine 1, thread 0 */
        CHECK(t.bank_cyc == e0 - 1 && t.po.bank == 1 && !t.po.swap_pending, "parser-swap-after-running-frames (bank in %llu)",
              (unsigned long long)t.bank_cyc);
        CHECK(t.nout == 2 && t.out_cyc[0] == e0 && t.out_hv[0].cls == (NICRX_CLS(NICRX_CLS_TCP) | NICRX_CLS(NICRX_CLS_PERR)) &&
              t.out_hv[1].cls == (NICRX_CLS(NICRX_CLS_CTRL) | NICRX_CLS(NICRX_CLS_PERR)) &&
              t.out_cyc[1] == expect_hv_cycle(e0 - 2, 0, 20) && c1 < e0,
              "parser-swap-no-frame-mixes-banks");
        /* a second swap goes back: bank 0 still holds the old program */
        t.cfg.swap = 1;
        tb_edge(&t);
        tb_run(&t, 2);
        tb_frame(&t, quick, 64, 0);
        tb_run(&t, 40);
        CHECK(t.po.bank == 0 && t.nout == 3 && t.out_hv[2].cls == NICRX_CLS(NICRX_CLS_UDP), "parser-swap-back");
        /* reset: bank 0, registers cleared, memories kept */
        t.cfg.swap = 1;
        tb_edge(&t);
        tb_run(&t, 3);
        t.top.rst = 1;
        tb_edge(&t);
        t.top.rst = 0;
        CHECK(t.po.bank == 0 && !t.po.m_hv_valid && t.po.m_hv.cls == 0 && t.po.m_hv.len == 0 && t.po.idle &&
              t.po.cnt[NICRX_CNT_PARSE_ERROR] == 0, "parser-reset");
        tb_frame(&t, quick, 64, 0);
        tb_run(&t, 40);
        CHECK(t.out_hv[t.nout - 1].cls == NICRX_CLS(NICRX_CLS_UDP), "parser-reset-keeps-memories");
        parser_free(&t.p);
    }
}

/* The output stream: hv_ready from the flow block holds a frame (hv_valid stays
 * high, nothing changes), the next frame loads at the edge that takes it, the
 * counters count at that edge, idle waits for it. */
static uint32_t pick(uint64_t *st, uint32_t n)
{
    *st = *st * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*st >> 33) % n;
}

/* hv_ready for the next edge: mostly high, sometimes low, now and then a long stall */
static uint8_t rand_ready(uint64_t *st, uint32_t *stall)
{
    if (*stall) {
        (*stall)--;
        return 0;
    }
    if (pick(st, 3) != 0)
        return 1;
    if (pick(st, 8) == 0)
        *stall = 50 + pick(st, 150);
    return 0;
}

static void test_ready(void)
{
    static tb_t t;
    static uint8_t slow[64], quick[64], fr[64];
    uint32_t w[16 * 4];

    memset(slow, 1, sizeof slow);
    memset(quick, 2, sizeof quick);
    memset(fr, 0x45, sizeof fr);
    for (uint32_t ne = 1; ne <= 2; ne++) {
        /* a truncated frame held for 40 cycles: counted when taken */
        uint64_t c0, e0;
        int held = 1;

        tb_init(&t, ne, 64);
        {
            nicrx_insn_t a = ins(NICRX_BASE_ABS, NICRX_SIZE_1, 0, 1, 1), b = ins(NICRX_BASE_ABS, NICRX_SIZE_2, 63, 2, 2);
            memset(w, 0, sizeof w);
            nicrx_insn_encode(&a, w);
            nicrx_insn_encode(&b, w + 4);
            parser_load_program(&t.p, w, 2);
        }
        t.ready = 0;
        c0 = tb_frame(&t, fr, 64, 20);
        e0 = expect_hv_cycle(c0, 0, 2);
        while (t.cyc < e0 + 40) {
            tb_edge(&t);
            if (t.cyc >= e0 && (!t.po.m_hv_valid || t.po.idle || t.po.cnt[NICRX_CNT_PARSE_TRUNC] != 0))
                held = 0;
        }
        CHECK(held && t.nout == 1 && t.out_cyc[0] == e0 && t.ntaken == 0 && t.valid_ok,
              "parser-ne%u-held-until-ready", ne);
        t.ready = 1;
        tb_edge(&t);
        t.ready = 0;
        CHECK(t.ntaken == 1 && t.taken_cyc[0] == e0 + 40 && !t.po.m_hv_valid && t.po.idle &&
              t.po.cnt[NICRX_CNT_PARSE_TRUNC] == 1, "parser-ne%u-taken-counted-idle", ne);
        parser_free(&t.p);

        /* three frames while the output is held: the second loads at the edge that
         * takes the first, the third at the edge that takes the second */
        tb_init(&t, ne, 20);
        prog_branch(w, NICRX_CLS(NICRX_CLS_UDP), NICRX_CLS(NICRX_CLS_TCP));
        parser_load_program(&t.p, w, 3);
        t.ready = 0;
        tb_frame(&t, quick, 64, 20);
        tb_frame(&t, quick, 64, 0);
        tb_frame(&t, quick, 64, 0);
        tb_run(&t, 60);
        CHECK(t.nout == 1 && t.po.m_hv_valid && t.po.m_hv.frame == 0 && !t.po.idle, "parser-ne%u-one-frame-held", ne);
        t.ready = 1;
        tb_edge(&t);
        t.ready = 0;
        tb_run(&t, 10);
        t.ready = 1;
        tb_run(&t, 10);
        CHECK(t.nout == 3 && t.ntaken == 3 && t.out_cyc[1] == t.taken_cyc[0] + 1 &&
              t.out_cyc[2] == t.taken_cyc[1] + 1 && t.taken_cyc[1] == t.taken_cyc[0] + 11 &&
              t.taken_cyc[2] == t.out_cyc[2] && t.out_frame[1] == 1 && t.out_frame[2] == 2 &&
              t.valid_ok && t.po.idle, "parser-ne%u-next-loads-at-take", ne);
        parser_free(&t.p);
    }
    /* random hv_ready with long stalls, slow and quick frames: every frame is
     * taken once, in commit order, and a held frame never changes */
    for (uint32_t ne = 1; ne <= 2; ne++) {
        uint64_t st = 0x5eed + ne;
        uint32_t n = 40, stall = 0;
        int order = 1;

        tb_init(&t, ne, 20);
        prog_branch(w, NICRX_CLS(NICRX_CLS_UDP), NICRX_CLS(NICRX_CLS_TCP));
        parser_load_program(&t.p, w, 3);
        for (uint32_t s = 0; s < n; s++) {
            /* at most 8 outstanding (fq_depth): wait until the oldest is taken */
            while (t.commits - t.ntaken >= t.g.p.fq_depth) {
                t.ready = rand_ready(&st, &stall);
                tb_edge(&t);
            }
            tb_frame(&t, pick(&st, 3) ? quick : slow, 64, 0);
            for (uint32_t k = pick(&st, 6); k--;) {
                t.ready = rand_ready(&st, &stall);
                tb_edge(&t);
            }
        }
        t.ready = 1;
        tb_run(&t, 600);
        for (uint32_t s = 0; s < n; s++)
            if (t.out_frame[s] != s || t.taken_cyc[s] < t.out_cyc[s] || (s && t.out_cyc[s] <= t.taken_cyc[s - 1]))
                order = 0;
        CHECK(t.nout == n && t.ntaken == n && order && t.valid_ok && t.po.idle,
              "parser-ne%u-random-ready-in-order-once (%u out, %u taken)", ne, t.nout, t.ntaken);
        parser_free(&t.p);
    }
}

int main(void)
{
    for (uint32_t i = 0; i < sizeof frame_b; i++)
        frame_b[i] = (uint8_t)(i + 1);
    test_rel();
    test_cs_and_sizes();
    test_store();
    test_adv_save_set_end();
    test_parse();
    test_fuzz();
    test_timing();
    test_order_and_swap();
    test_ready();
    return 0;
}
