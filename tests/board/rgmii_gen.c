/* rgmii_gen.c - stimulus and expectations for the RGMII receive MAC's bench
 * (tests/board/nicrx_rgmii_rx_tb.v, run by tests/t_board.sh).
 *
 * rgmii_gen [-n] PCAP[,PCAP...] DATA_WIDTH SEED MAX_FRAMES STIM EXPECT [GOOD]
 * Turns the first MAX_FRAMES frames of each capture, one capture after the other (a sample of
 * many captures in one run), into RGMII pin values, one line per rx_clk period
 * ({ctl, rxd} at the rising edge, then at the falling edge: 10 bits, 3 hex digits): a byte
 * a period (1000 Mb/s), or with -n a nibble a period, the low one first, the same on both
 * edges (10/100 Mb/s; an idle period stays one period),
 * with a random preamble (0 to 7 bytes of 0x55, then the SFD), the FCS, and a random
 * inter-frame gap (1 to 12 clocks: below the standard's 12 on purpose).  Some frames get a
 * bad FCS, some RX_ER on one byte, and between frames come alignment errors: a preamble
 * with no SFD, an SFD half a byte late (0x5D), or fewer than four bytes after the SFD.
 * EXPECT gets every beat the MAC must push ({user, last, keep[7:0], data[63:0]}, 20 hex
 * digits), and stdout one line: "periods beats frames fcs align bad" (bad: the frames
 * pushed with tuser, a bad FCS or RX_ER).  GOOD, if given, gets a capture of the frames
 * sent intact (what nicrx-model is run on to compare with the board). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "capture.h"
#include "prng.h"

typedef struct gen {
    FILE *stim, *exp;
    unsigned bpb;
    int nibble;
    unsigned long periods, beats, frames, fcs, align, bad;
} gen_t;

static uint32_t crc32_ieee(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/* one rx_clk period: RX_DV, RX_ER and a byte (low nibble on the rising edge) */
static void pins(gen_t *g, unsigned rise, unsigned fall)
{
    fprintf(g->stim, "%03x\n", (rise << 5) | fall);
    g->periods++;
}

static void period(gen_t *g, int dv, int er, uint8_t b)
{
    unsigned ctl = (unsigned)dv << 4, ctl_f = (unsigned)(dv ^ er) << 4;
    if (!g->nibble) {
        pins(g, ctl | (b & 0xfu), ctl_f | (b >> 4));
    } else if (!dv) {
        pins(g, ctl, ctl_f);
    } else {
        pins(g, ctl | (b & 0xfu), ctl_f | (b & 0xfu));
        pins(g, ctl | (b >> 4), ctl_f | (b >> 4));
    }
}

static void idle(gen_t *g, unsigned n)
{
    while (n--) period(g, 0, 0, 0);
}

static void preamble(gen_t *g, unsigned n)
{
    while (n--) period(g, 1, 0, 0x55);
}

/* the beats the MAC pushes for these bytes */
static void expect(gen_t *g, const uint8_t *p, size_t n, int bad)
{
    /* an empty frame is one beat with tkeep 0 */
    for (size_t off = 0; off < n || (n == 0 && off == 0); off += g->bpb) {
        size_t k = n - off < g->bpb ? n - off : g->bpb;
        int last = off + k == n;
        uint64_t data = 0;
        for (size_t i = 0; i < k; i++) data |= (uint64_t)p[off + i] << (8 * i);
        unsigned keep = (1u << k) - 1u;
        fprintf(g->exp, "%x%02x%016llx\n", ((last && bad) << 1) | last, keep,
                (unsigned long long)data);
        g->beats++;
    }
    g->frames++;
}

/* One frame on the pins, maybe after an alignment error; its copy into GOOD if it goes intact.
 * Returns 0, or -1 out of memory. */
static int send_frame(gen_t *g, uint64_t *seed, pcap_dumper_t *good, const cap_frame_t *fr)
{
    if (prng_pct(seed, 12)) {   /* an alignment error before the frame */
        unsigned kind = prng_range(seed, 0, 2);
        preamble(g, prng_range(seed, 1, 7));
        if (kind == 1) {
            period(g, 1, 0, 0x5d);
            for (unsigned i = prng_range(seed, 0, 20); i; i--) period(g, 1, 0, (uint8_t)prng_next(seed));
        } else if (kind == 2) {
            period(g, 1, 0, 0xd5);
            for (unsigned i = prng_range(seed, 0, 3); i; i--) period(g, 1, 0, (uint8_t)prng_next(seed));
        }
        g->align++;
        idle(g, prng_range(seed, 1, 12));
    }
    size_t n = fr->len;
    uint8_t *buf = malloc(n + 4);
    if (!buf) return -1;
    memcpy(buf, fr->data, n);
    uint32_t fcs = crc32_ieee(buf, n);
    int badfcs = prng_pct(seed, 10);
    if (badfcs) fcs ^= 1u << prng_range(seed, 0, 31);
    for (int i = 0; i < 4; i++) buf[n + (size_t)i] = (uint8_t)(fcs >> (8 * i));
    size_t erat = prng_pct(seed, 5) ? prng_range(seed, 0, (uint32_t)(n + 3)) : (size_t)-1;
    preamble(g, prng_range(seed, 0, 7));
    period(g, 1, 0, 0xd5);
    for (size_t i = 0; i < n + 4; i++) period(g, 1, i == erat, buf[i]);
    expect(g, buf, n, badfcs || erat != (size_t)-1);
    g->fcs += (unsigned long)badfcs;
    g->bad += (unsigned long)(badfcs || erat != (size_t)-1);
    if (good && !badfcs && erat == (size_t)-1) {
        struct pcap_pkthdr h = { .caplen = (bpf_u_int32)n, .len = (bpf_u_int32)n };
        h.ts.tv_sec = (time_t)(fr->ts_ns / 1000000000u);
        h.ts.tv_usec = (suseconds_t)(fr->ts_ns % 1000000000u / 1000u);
        pcap_dump((u_char *)good, &h, fr->data);
    }
    idle(g, prng_pct(seed, 30) ? 1 : prng_range(seed, 1, 12));
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    gen_t g = { 0 };
    if (argc > 1 && !strcmp(argv[1], "-n")) {
        g.nibble = 1;
        argv++;
        argc--;
    }
    if (argc != 7 && argc != 8) {
        fprintf(stderr, "%s: usage: rgmii_gen [-n] PCAP[,PCAP...] DATA_WIDTH SEED MAX_FRAMES STIM EXPECT [GOOD]\n", argv[0]);
        return 2;
    }
    unsigned dw = (unsigned)strtoul(argv[2], NULL, 10);
    if (dw != 32 && dw != 64) {
        fprintf(stderr, "%s: DATA_WIDTH must be 32 or 64, not '%s'\n", argv[0], argv[2]);
        return 2;
    }
    g.bpb = dw / 8;
    uint64_t seed = strtoull(argv[3], NULL, 0) * 0x9e3779b97f4a7c15ull + 1u;
    size_t max = strtoul(argv[4], NULL, 10);
    g.stim = fopen(argv[5], "w");
    g.exp = fopen(argv[6], "w");
    if (!g.stim || !g.exp) {
        fprintf(stderr, "%s: cannot write %s or %s\n", argv[0], argv[5], argv[6]);
        return 1;
    }
    pcap_t *dead = NULL;
    pcap_dumper_t *good = NULL;
    if (argc == 8) {
        dead = pcap_open_dead(DLT_EN10MB, 65535);
        good = dead ? pcap_dump_open(dead, argv[7]) : NULL;
        if (!good) { fprintf(stderr, "%s: cannot write %s\n", argv[0], argv[7]); return 1; }
    }
    idle(&g, 8);
    char *list = argv[1], *path;
    while ((path = strsep(&list, ","))) {
        capture_t cap;
        char err[256];
        if (capture_load(&cap, path, err, sizeof err) != 0) {
            fprintf(stderr, "%s: %s: %s\n", argv[0], path, err);
            return 1;
        }
        for (size_t f = 0; f < cap.n && f < max; f++) {
            if (send_frame(&g, &seed, good, &cap.f[f]) != 0) {
                fprintf(stderr, "%s: out of memory\n", argv[0]);
                return 1;
            }
        }
        capture_free(&cap);
    }
    idle(&g, 16);
    if (good) {
        pcap_dump_close(good);
        pcap_close(dead);
    }
    if (fclose(g.stim) != 0 || fclose(g.exp) != 0) {
        fprintf(stderr, "%s: write failed\n", argv[0]);
        return 1;
    }
    printf("%lu %lu %lu %lu %lu %lu\n", g.periods, g.beats, g.frames, g.fcs, g.align, g.bad);
    return 0;
}
