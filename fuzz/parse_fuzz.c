/* parse_fuzz.c - libFuzzer target: nicrx_parse() on a random program and frame.
 *
 * Input bytes:
 *   0      imem depth = 16 + b % 241                      (16..256)
 *   1      step limit as PARSER_CTRL holds it (0 = 256)
 *   2      HEADER_BYTES = b + 1                           (1..256)
 *   3..4   frame length, big-endian: 1 + v % 9216
 *   5      instructions given: b % (depth + 1); the rest of the memory is 0
 *   6..    the instructions (16 bytes each, w0..w3 little-endian), then the frame
 * Missing bytes are 0.  The frame is copied into a heap buffer of exactly
 * W = min(len, HEADER_BYTES) bytes, so AddressSanitizer catches any read past W.
 *
 * Besides memory safety it checks, by replaying the frame instruction by
 * instruction with the model's own nicrx_isa_exec(), that nicrx_parse() and the
 * replay agree and that the header vector keeps the rules of docs/microcode.md:
 * steps 1..limit; a truncated frame stopped at a read past W; otherwise it ended
 * by its end bits or at the step limit with perr; offsets, pay_off, tcp_hlen,
 * l4_len, l3/l4 and perr follow from the final state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "isa.h"

#define FRAME_MAX 9216u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t at(const uint8_t *d, size_t size, size_t i)
{
    return i < size ? d[i] : 0;
}

#define REQUIRE(cond)                                                              \
    do {                                                                           \
        if (!(cond)) {                                                             \
            fprintf(stderr, "parse_fuzz: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                               \
        }                                                                          \
    } while (0)

static uint32_t read_len(uint32_t size)
{
    static const uint8_t n[8] = { 0, 1, 2, 4, 8, 8, 8, 8 };
    return n[size & 7u];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t depth = 16u + at(data, size, 0) % 241u;
    uint32_t limit_reg = at(data, size, 1), limit = limit_reg ? limit_reg : 256u;
    uint32_t hb = at(data, size, 2) + 1u;
    uint32_t len = 1u + ((uint32_t)at(data, size, 3) << 8 | at(data, size, 4)) % FRAME_MAX;
    uint32_t given = at(data, size, 5) % (depth + 1u), w = len < hb ? len : hb;
    size_t pos = 6;
    uint32_t *imem = calloc(depth, NICRX_INSN_BYTES);
    uint8_t *frame = malloc(w); /* w >= 1: len and HEADER_BYTES are */
    nicrx_hv_t hv, replay;
    nicrx_thread_t t, before;
    nicrx_insn_t in;
    uint32_t steps, n = 0;

    REQUIRE(imem && frame);
    for (uint32_t i = 0; i < given * NICRX_INSN_WORDS; i++, pos += 4)
        imem[i] = (uint32_t)at(data, size, pos) | (uint32_t)at(data, size, pos + 1) << 8 |
                  (uint32_t)at(data, size, pos + 2) << 16 | (uint32_t)at(data, size, pos + 3) << 24;
    for (uint32_t i = 0; i < w; i++)
        frame[i] = at(data, size, pos + i);

    steps = nicrx_parse(imem, depth, frame, len, hb, limit_reg, &hv);

    /* replay, keeping the state before the last instruction */
    nicrx_isa_start(&t, limit_reg);
    memset(&before, 0, sizeof before);
    while (!t.ended) {
        before = t;
        nicrx_insn_decode(imem + NICRX_INSN_WORDS * (t.pc % depth), &in);
        nicrx_isa_exec(&t, &in, frame, w);
        n++;
        REQUIRE(n <= limit);
    }
    nicrx_isa_finish(&t, len, &replay);
    REQUIRE(steps == n);
    REQUIRE(memcmp(&hv, &replay, sizeof hv) == 0);
    REQUIRE(steps >= 1 && steps <= limit);

    /* how the frame ended */
    if (hv.truncated) {
        const uint32_t base[4] = { before.cur, before.l3, before.l4, 0 };
        uint32_t a = base[in.base & 3u] + in.off, k = read_len(in.size);

        REQUIRE(k != 0 && a + k > w);
        REQUIRE(t.cur == before.cur && t.l3 == before.l3 && t.l4 == before.l4 && t.cls == before.cls);
    } else if (in.end == NICRX_END_NO) { /* it did not end itself: the step limit did */
        REQUIRE(steps == limit && hv.perr);
    }

    /* the header vector follows from the final state */
    REQUIRE(hv.cls == t.cls && hv.cls < (1u << NICRX_NUM_CLASS));
    REQUIRE(hv.perr == ((hv.cls >> NICRX_CLS_PERR) & 1u));
    REQUIRE(hv.l3 == ((hv.cls & 1u) ? 1 : (hv.cls & 2u) ? 2 : 0));
    REQUIRE(hv.l4 == ((hv.cls & 4u) ? 1 : (hv.cls & 8u) ? 2 : (hv.cls & 16u) ? 3 : 0));
    REQUIRE(t.cur <= 1023u && t.l3 <= 1023u && t.l4 <= 1023u && hv.pay_off == t.cur);
    REQUIRE(hv.l3_off <= 255u && hv.l4_off <= 255u);
    REQUIRE(hv.l3_off == (t.l3 > 255u ? 255u : t.l3) && hv.l4_off == (t.l4 > 255u ? 255u : t.l4));
    REQUIRE(hv.tcp_hlen == (hv.l4 == 1 ? ((t.cur - t.l4) & 0x3ffu) : 0u));
    REQUIRE(hv.vlan_cnt <= 2 && hv.frag == (hv.mf | (hv.frag_off != 0)));
    if (hv.l4 == 1 || hv.l4 == 2) {
        int32_t l = t.iplen_set ? (int32_t)t.l3 + t.iplen - (int32_t)t.cur : (int32_t)len - (int32_t)t.cur;

        REQUIRE(hv.l4_len == (uint16_t)(l < 0 ? 0 : l));
    } else {
        REQUIRE(hv.l4_len == 0);
    }
    free(imem);
    free(frame);
    return 0;
}
