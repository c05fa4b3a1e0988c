/* parser_gen.h - random, mostly well-formed frame headers for the parser's
 * tests (tests/unit/test_parser.c and tests/blocks/nicrx_parser_gen.c).
 * Deterministic: the state is the caller's. */
#ifndef NICRX_PARSER_GEN_H
#define NICRX_PARSER_GEN_H

#include <stdint.h>
#include <string.h>

static uint32_t pg_rand(uint64_t *st)
{
    *st = *st * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*st >> 33);
}

static uint32_t pg_pick(uint64_t *st, uint32_t n) { return pg_rand(st) % n; }

static void pg_put16(uint8_t *b, uint32_t *n, uint32_t v)
{
    b[(*n)++] = (uint8_t)(v >> 8);
    b[(*n)++] = (uint8_t)v;
}

/* Fills b[0..255] (all of it: bytes past the frame are garbage on purpose) and
 * returns the frame length (0..~200). */
static uint32_t pg_frame(uint64_t *st, uint8_t *b)
{
    static const uint16_t tpids[4] = { 0x8100, 0x88a8, 0x9100, 0x8100 };
    uint32_t n = 12, i, tags, et, kind, len;

    for (i = 0; i < 256; i++)
        b[i] = (uint8_t)pg_rand(st);
    tags = pg_pick(st, 8);
    tags = tags < 4 ? 0 : tags < 6 ? 1 : tags < 7 ? 2 : 3;
    for (i = 0; i < tags; i++) {
        pg_put16(b, &n, pg_pick(st, 8) ? tpids[pg_pick(st, 4)] : pg_rand(st) & 0xffff);
        n += 2;  /* random TCI */
    }
    kind = pg_pick(st, 10);
    et = kind < 4 ? 0x0800 : kind < 7 ? 0x86dd : kind < 8 ? 0x0806 : pg_rand(st) & 0xffff;
    if (pg_pick(st, 5) == 0) {                /* 802.3 length, mostly LLC/SNAP */
        pg_put16(b, &n, pg_pick(st, 0x600));
        if (pg_pick(st, 4)) {
            b[n] = 0xaa; b[n + 1] = 0xaa; b[n + 2] = 0x03;
            if (pg_pick(st, 6) == 0)
                b[n + pg_pick(st, 3)] ^= (uint8_t)(1u << pg_pick(st, 8));
        }
        n += 6;
    }
    pg_put16(b, &n, et);
    if (et == 0x0800) {
        uint32_t ihl = pg_pick(st, 6) ? 5 + pg_pick(st, 11) : pg_pick(st, 16);
        uint32_t proto = pg_pick(st, 4);
        b[n] = (uint8_t)((pg_pick(st, 10) ? 0x40 : (pg_rand(st) & 0xf0)) | ihl);
        b[n + 6] = pg_pick(st, 3) ? 0 : (uint8_t)pg_rand(st);
        b[n + 7] = pg_pick(st, 3) ? 0 : (uint8_t)pg_rand(st);
        b[n + 9] = (uint8_t)(proto == 0 ? 6 : proto == 1 ? 17 : proto == 2 ? 1 : pg_rand(st));
        n += (ihl < 5 ? 5 : ihl) * 4 + 20;
    } else if (et == 0x86dd) {
        uint32_t nh = pg_pick(st, 4);
        b[n] = (uint8_t)((pg_pick(st, 10) ? 0x60 : (pg_rand(st) & 0xf0)) | (b[n] & 0x0f));
        b[n + 6] = (uint8_t)(nh == 0 ? 6 : nh == 1 ? 17 : nh == 2 ? 58 : pg_rand(st));
        n += 60;
    } else {
        n += 20;
    }
    /* length: the built headers, cut short or extended, sometimes exactly at a boundary */
    switch (pg_pick(st, 4)) {
    case 0:  len = pg_pick(st, n + 1); break;
    case 1:  len = n > 30 ? n - pg_pick(st, 30) : n; break;
    default: len = n + pg_pick(st, 120); break;
    }
    return len;
}

#endif
