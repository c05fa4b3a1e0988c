/* bench.h - the C side of the block benches' plumbing (tests/blocks/bench.vh is the
 * Verilog side): a generator fills its block's BLK_in_trace_t and BLK_out_trace_t
 * (tests/blocks/traces.h, from traces.txt) for every edge and writes the line with
 * BENCH_LINE: {out, in} in whole hex digits, as the bench reads it. */
#ifndef NICRX_BENCH_H
#define NICRX_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include "cli.h"          /* tools/: the tools' own number check and wording */
#include "traces.h"

/* The generators' command lines: a wrong count, a value that is not a whole number in
 * range, or a trace file that cannot be made stops the generator with its name and the
 * reason (status 2 for usage, 1 for the file), so a slip in a run script is never a
 * silent 0-cycle bench that passes. */
static inline void bench_argc(int argc, char **argv, int lo, int hi, const char *usage)
{
    if (argc < lo || argc > hi) {
        fprintf(stderr, "%s: usage: %s %s\n", argv[0], argv[0], usage);
        exit(2);
    }
}

static inline uint64_t bench_num(const char *prog, const char *what, const char *s, uint64_t lo, uint64_t hi)
{
    char err[160];
    uint64_t v;

    if (cli_u64(what, s, lo, hi, NULL, &v, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", prog, err);
        exit(2);
    }
    return v;
}

static inline FILE *bench_create(const char *prog, const char *path)
{
    FILE *f = fopen(path, "w");

    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        exit(1);
    }
    return f;
}

/* The common command line "CYCLES SEED TRACE.hex": the cycle count, the random source's
 * seed and the open trace file. */
static inline FILE *bench_start(int argc, char **argv, uint32_t *cycles, uint64_t *seed)
{
    bench_argc(argc, argv, 4, 4, "CYCLES SEED TRACE.hex");
    *cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[1], 1, UINT32_MAX);
    *seed = bench_num(argv[0], "SEED", argv[2], 0, UINT64_MAX);
    return bench_create(argv[0], argv[3]);
}

/* The generators' random source (a 64-bit LCG, its high bits). */
static inline uint32_t bench_rnd(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*s >> 33);
}

/* The vector's low `bits` bits as hex, the most significant digit first, and a newline. */
static inline void bench_put(FILE *f, const uint32_t *v, uint32_t bits)
{
    for (uint32_t d = (bits + 3) / 4; d-- > 0;)
        fputc("0123456789abcdef"[bits_get(v, 4 * d, bits - 4 * d < 4 ? bits - 4 * d : 4)], f);
    fputc('\n', f);
}

/* One trace line of block blk: *in (blk_in_trace_t) below *out (blk_out_trace_t). */
#define BENCH_WORDS 128u
#define BENCH_LINE(f, blk, g, in, out) do {                                                   \
        uint32_t v_[BENCH_WORDS];                                                              \
        if (blk##_in_trace_width(g) + blk##_out_trace_width(g) > 32 * BENCH_WORDS)             \
            abort();                                                                           \
        memset(v_, 0, sizeof v_);                                                              \
        bench_put(f, v_, blk##_out_trace_pack(out, g, v_, blk##_in_trace_pack(in, g, v_, 0))); \
    } while (0)

/* Element i (element 0 the least significant) of a vector of n-byte elements held as
 * bytes, byte 0 the most significant (a field of more than 64 bits, traces.txt). */
static inline void bench_elem(uint8_t *be, uint32_t bytes, uint32_t n, uint32_t i, uint64_t x)
{
    for (uint32_t k = 0; k < n; k++)
        be[bytes - 1 - (i * n + k)] = (uint8_t)(x >> (8 * k));
}

/* The command line "PARAM CYCLES SEED TRACE.hex" of a block with a size parameter that
 * must be a power of two in [lo, hi] (FQ_DEPTH, FLOWS): the parameter, then as bench_start. */
static inline FILE *bench_start_pow2(int argc, char **argv, const char *what, uint32_t lo, uint32_t hi,
                                     uint32_t *param, uint32_t *cycles, uint64_t *seed)
{
    char usage[64];

    snprintf(usage, sizeof usage, "%s CYCLES SEED TRACE.hex", what);
    bench_argc(argc, argv, 5, 5, usage);
    *param = (uint32_t)bench_num(argv[0], what, argv[1], lo, hi);
    if (*param & (*param - 1)) {
        fprintf(stderr, "%s: %s %u is not a power of two\n", argv[0], what, *param);
        exit(2);
    }
    *cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[2], 1, UINT32_MAX);
    *seed = bench_num(argv[0], "SEED", argv[3], 0, UINT64_MAX);
    return bench_create(argv[0], argv[4]);
}

#endif
