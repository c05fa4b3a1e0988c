/* nicrx_parser_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_parser.v against its twin cmodel/parser.c.
 *
 * The frames come through the model's ingress (cmodel/ingress.c), so the parser
 * sees real header-memory writes and commits: random, mostly well-formed headers
 * (parser_gen.h) mixed with the frames of a capture.  A flow-block stand-in drives
 * m_hv_ready in phases: always ready, random, like the flow block (low for 7 cycles after
 * each frame it takes) and long stalls.  A small DMA stand-in pops frames (fq_pop) some
 * time after they are taken, in fast and slow phases, so the ingress's FQ_DEPTH
 * credits run out now and then.  A CSR stand-in changes the step
 * limit, writes random instructions into the shadow bank and swaps banks under
 * traffic, and resets the block now and then.
 *
 * usage: nicrx_parser_gen DW HB FQ NE DEPTH CYCLES SEED PROG.hex TRACE.hex [CAPTURE.pcap]
 *   PROG.hex: with SEED's program "rand" written there (random program built with
 *   nicrx_insn_encode; the RTL loads it through IMEM_INIT); with PARSER_PROG=file in
 *   the environment PROG.hex is read instead (nicrx-asm output), and the shadow-bank
 *   writes mostly store its own instructions again, so it stays the running program.
 * prints "FRAMES SWAPS IMEM_WRITES TRUNC PERR RESETS TAKEN" on stdout.
 * One line per edge: parser_in and parser_out of tests/blocks/traces.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingress.h"
#include "parser.h"
#include "parser_gen.h"
#include "bench.h"

#define MAX_CAP 512u      /* frames taken from the capture */
#define CAP_BYTES 1518u   /* bytes kept of each */

typedef struct cap {
    uint32_t n;
    uint16_t len[MAX_CAP];
    uint8_t  b[MAX_CAP][CAP_BYTES];
} cap_t;

static uint32_t rd32(const uint8_t *p, int swap)
{
    return swap ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
                : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Classic pcap (either byte order, us or ns): the first MAX_CAP frames. */
static void read_capture(const char *path, cap_t *c)
{
    uint8_t gh[24], rh[16];
    FILE *f = fopen(path, "rb");
    int swap;

    c->n = 0;
    if (!f)
        return;
    if (fread(gh, 1, 24, f) == 24) {
        swap = gh[0] == 0xa1;
        while (c->n < MAX_CAP && fread(rh, 1, 16, f) == 16) {
            uint32_t incl = rd32(rh + 8, swap), keep = incl < CAP_BYTES ? incl : CAP_BYTES;
            if (fread(c->b[c->n], 1, keep, f) != keep || (incl > keep && fseek(f, (long)(incl - keep), SEEK_CUR)))
                break;
            c->len[c->n++] = (uint16_t)keep;
        }
    }
    fclose(f);
}

/* A random instruction: fields biased towards what programs do (reads near the
 * cursor or a saved layer, masks of all ones, small advances, branches inside the
 * program), with every field value reachable. */
static void rand_insn(uint64_t *st, uint32_t depth, uint32_t w[NICRX_INSN_WORDS])
{
    nicrx_insn_t i;

    memset(&i, 0, sizeof i);
    i.base = (uint8_t)pg_pick(st, 4);
    i.size = (uint8_t)pg_pick(st, 8);
    i.cs = (uint8_t)(pg_pick(st, 3) ? pg_pick(st, 2) : pg_pick(st, 8));
    i.off = (uint8_t)(pg_pick(st, 4) ? pg_pick(st, 48) : pg_rand(st));
    {   /* small operands often, so that every test sees equal, smaller and larger */
        static const uint16_t masks[6] = { 0xffffu, 0x00ffu, 0x000fu, 0x0003u, 0x0001u, 0xff00u };
        i.mask = (uint16_t)(pg_pick(st, 4) ? masks[pg_pick(st, 6)] : pg_rand(st));
        i.value = (uint16_t)(pg_pick(st, 2) ? pg_pick(st, 4) : pg_pick(st, 3) ? pg_pick(st, 256) : pg_rand(st));
    }
    i.t_true = (uint8_t)(pg_pick(st, 8) ? pg_pick(st, depth) : pg_rand(st));
    i.t_false = (uint8_t)(pg_pick(st, 8) ? pg_pick(st, depth) : pg_rand(st));
    i.rel = (uint8_t)pg_pick(st, 8);
    i.end = (uint8_t)(pg_pick(st, 3) ? 0 : pg_pick(st, 4));
    i.dst = (uint8_t)(pg_pick(st, 5) ? pg_pick(st, NICRX_NUM_DST) : pg_pick(st, 32));
    i.sval = (uint8_t)pg_pick(st, 2);
    i.adv = (uint8_t)pg_pick(st, 2);
    i.save = (uint8_t)pg_pick(st, 4);
    i.shr = (uint8_t)(pg_pick(st, 2) ? pg_pick(st, 16) : 0);
    i.shl = (uint8_t)pg_pick(st, 4);
    i.k = (uint8_t)(pg_pick(st, 2) ? pg_pick(st, 24) : pg_rand(st));
    i.set = (uint16_t)(pg_pick(st, 2) ? 1u << pg_pick(st, 10) : pg_rand(st) & 0x3ffu);
    nicrx_insn_encode(&i, w);
}

static int read_prog(const char *path, uint32_t *words, uint32_t depth)
{
    char line[128];
    uint32_t n = 0;
    FILE *f = fopen(path, "r");

    if (!f)
        return -1;
    while (n < depth && fgets(line, sizeof line, f)) {
        char hex[9];
        if (strlen(line) < 32)
            continue;
        for (uint32_t k = 0; k < 4; k++) {          /* w3 first */
            memcpy(hex, line + 8 * k, 8);
            hex[8] = 0;
            words[n * 4 + 3 - k] = (uint32_t)strtoul(hex, NULL, 16);
        }
        n++;
    }
    fclose(f);
    return (int)n;
}

int main(int argc, char **argv)
{
    static cap_t cap;
    static uint32_t prog[NICRX_IMEM_MAX * NICRX_INSN_WORDS];
    static uint8_t fb[2048];
    nicrx_geom_t g;
    ingress_t ing;
    parser_t par;
    csr_cfg_t cfg;
    uint64_t st;
    uint32_t dw, hb, cycles, depth, c, bpb, nprog;
    uint32_t flen = 0, fpos = 0, gap = 0, pend[64], np = 0, slow = 0, quiet = 0;
    uint32_t frames = 0, swaps = 0, iwrites = 0, resets = 0, cap_i = 0;
    uint32_t rmode = 0, rwait = 0, taken = 0;
    int prog_file;
    FILE *f;

    bench_argc(argc, argv, 10, 11, "DW HB FQ NE DEPTH CYCLES SEED PROG.hex TRACE.hex [CAPTURE.pcap]");
    memset(&g, 0, sizeof g);
    g.p.pkt_mem_bytes = 16384;
    g.p.num_cq = 4;
    g.p.desc_depth = 8;
    g.p.max_burst = 16;
    dw = (uint32_t)bench_num(argv[0], "DW", argv[1], 32, 64);
    hb = (uint32_t)bench_num(argv[0], "HB", argv[2], 1, 256);
    g.p.data_width = dw;
    g.p.header_bytes = hb;
    g.p.fq_depth = (uint32_t)bench_num(argv[0], "FQ", argv[3], 1, 256);
    g.p.parse_engines = (uint32_t)bench_num(argv[0], "NE", argv[4], 1, 2);
    depth = g.p.imem_depth = (uint32_t)bench_num(argv[0], "DEPTH", argv[5], 16, NICRX_IMEM_MAX);
    cycles = (uint32_t)bench_num(argv[0], "CYCLES", argv[6], 1, UINT32_MAX);
    st = bench_num(argv[0], "SEED", argv[7], 0, UINT64_MAX);
    g.p.max_frame = 1518;
    nicrx_geom_init(&g, &g.p);
    bpb = g.bytes_per_beat;
    if (argc == 11)
        read_capture(argv[10], &cap);

    /* the reset program: the given file, or a random one written for IMEM_INIT */
    memset(prog, 0, sizeof prog);
    prog_file = getenv("PARSER_PROG") && !strcmp(getenv("PARSER_PROG"), "file");
    if (prog_file) {
        if (read_prog(argv[8], prog, depth) <= 0)
            return 1;
    } else {
        FILE *pf = bench_create(argv[0], argv[8]);
        nprog = 8 + pg_pick(&st, depth - 8);
        for (uint32_t k = 0; k < depth; k++) {
            if (k < nprog)
                rand_insn(&st, nprog, prog + 4 * k);
            fprintf(pf, "%08x%08x%08x%08x\n", prog[4 * k + 3], prog[4 * k + 2], prog[4 * k + 1], prog[4 * k]);
        }
        fclose(pf);
    }
    ingress_init(&ing, &g);
    if (parser_init(&par, &g) != 0)
        return 1;
    parser_load_program(&par, prog, depth);
    memset(&cfg, 0, sizeof cfg);
    cfg.step_limit = (uint8_t)(8 + pg_pick(&st, 40));

    f = bench_create(argv[0], argv[9]);
    for (c = 0; c < cycles; c++) {
        nicrx_in_t top;
        ingress_in_t iin;
        ingress_out_t io;
        parser_out_t po;
        uint32_t pop = 0;
        uint8_t ready;

        memset(&top, 0, sizeof top);
        top.rst = c < 2 || pg_pick(&st, 20000) == 0;
        resets += top.rst && c >= 2;
        ingress_out(&ing, &io);
        parser_out(&par, &po);

        /* the CSR's pulses: one cycle each, as the registers deliver them */
        cfg.swap = 0;
        cfg.imem_we = 0;
        if (pg_pick(&st, 5000) == 0)
            cfg.step_limit = (uint8_t)(pg_pick(&st, 4) ? 1 + pg_pick(&st, 48) : pg_rand(&st));
        if (pg_pick(&st, 1500) == 0) {
            cfg.swap = 1;
            swaps++;
        } else if (!po.swap_pending && pg_pick(&st, 60) == 0) {
            cfg.imem_we = 1;
            cfg.imem_addr = (uint8_t)pg_rand(&st);
            if (prog_file && pg_pick(&st, 10))   /* mostly the program itself again */
                memcpy(cfg.imem_data, prog + 4 * (cfg.imem_addr % depth), sizeof cfg.imem_data);
            else
                rand_insn(&st, depth, cfg.imem_data);
            iwrites++;
        }

        /* the flow block's m_hv_ready, in phases of 1024 cycles: always, random, like the
         * flow block (7 cycles low after each frame taken), long stalls (up to 600
         * cycles low, then a short burst high) */
        if ((c & 1023u) == 0) {
            rmode = pg_pick(&st, 4);
            rwait = 0;
        }
        if (rwait) {
            rwait--;
            ready = 0;
        } else if (rmode == 0) {
            ready = 1;
        } else if (rmode == 1) {
            ready = (uint8_t)pg_pick(&st, 2);
        } else if (rmode == 2) {
            ready = 1;
            if (po.m_hv_valid)
                rwait = 7;
        } else {
            ready = pg_pick(&st, 24) != 0;
            if (!ready)
                rwait = pg_pick(&st, 600);
        }
        taken += po.m_hv_valid && ready && !top.rst;

        /* the DMA: pops each frame some time after it is taken; slow phases let the
         * frame queue fill up to FQ_DEPTH */
        if ((c & 4095u) == 0)
            slow = pg_pick(&st, 3) == 0;
        if (po.m_hv_valid && ready && np < 64)
            pend[np++] = 0;
        if (np && pg_pick(&st, slow ? 300u : 3u) == 0) {
            pop = 1;
            memmove(pend, pend + 1, --np * sizeof pend[0]);
        }

        /* the MAC: frames with random gaps, often back to back */
        if (flen == 0 && gap == 0 && !quiet) {
            if (cap.n && pg_pick(&st, 3) == 0) {
                flen = cap.len[cap_i];
                memcpy(fb, cap.b[cap_i], flen);
                cap_i = (cap_i + 1) % cap.n;
            } else {
                flen = pg_frame(&st, fb);
            }
            fpos = 0;
            if (flen == 0)
                flen = 1;
            frames++;
        }
        if (flen && fpos < flen && pg_pick(&st, 10) != 0) {
            uint32_t n = flen - fpos < bpb ? flen - fpos : bpb;
            top.s_axis_tvalid = 1;
            for (uint32_t i = 0; i < n; i++)
                top.s_axis_tdata |= (uint64_t)fb[fpos + i] << (8 * i);
            top.s_axis_tkeep = (uint8_t)((1u << n) - 1u);
            fpos += n;
            top.s_axis_tlast = fpos == flen;
            if (top.s_axis_tlast) {
                flen = 0;
                gap = pg_pick(&st, 2) ? 0 : pg_pick(&st, 40);
            }
        } else if (gap) {
            gap--;
        }
        /* a quiet spell now and then lets the parser drain (idle, swaps) */
        if (quiet)
            quiet--;
        else if (pg_pick(&st, 3000) == 0)
            quiet = 200 + pg_pick(&st, 800);

        /* the edge */
        iin.top = top;
        iin.ev = NULL;
        iin.cfg_enable = 1;
        iin.pm_rel_ptr = ing.wr_ptr_reg;   /* packet memory is never the limit here */
        iin.fq_pop = (uint8_t)pop;
        {
            const parser_in_t pin = { .rst = top.rst, .hm_wr_en = io.hm_wr_en, .hm_wr_addr = io.hm_wr_addr,
                                      .pm_wr_data = io.pm_wr_data, .s_cm_valid = io.m_cm_valid,
                                      .s_cm = io.m_cm, .cfg = cfg, .m_hv_ready = ready, .ev = NULL };
            parser_in_trace_t ti = { .rst = pin.rst, .hm_wr_en = pin.hm_wr_en,
                                     .hm_wr_addr = (uint16_t)pin.hm_wr_addr, .pm_wr_data = pin.pm_wr_data,
                                     .s_cm_valid = pin.s_cm_valid, .s_cm = pin.s_cm,
                                     .cfg_step_limit = cfg.step_limit, .cfg_swap = cfg.swap,
                                     .cfg_imem_we = cfg.imem_we, .cfg_imem_addr = cfg.imem_addr,
                                     .m_hv_ready = ready };
            parser_out_trace_t to;
            ingress_out_t io_after;   /* read at the next edge's start (ingress_out) */

            for (uint32_t w = 0; w < NICRX_INSN_WORDS; w++)
                bench_elem(ti.cfg_imem_data, sizeof ti.cfg_imem_data, 4, w, cfg.imem_data[w]);
            ingress_step(&ing, &iin, &io_after);
            parser_step(&par, &pin, &po);
            to.m_hv_valid = po.m_hv_valid;
            to.m_hv = po.m_hv;
            to.bank = po.bank;
            to.swap_pending = po.swap_pending;
            to.cnt_perr = po.cnt[NICRX_CNT_PARSE_ERROR];
            to.cnt_trunc = po.cnt[NICRX_CNT_PARSE_TRUNC];
            to.idle = po.idle;
            BENCH_LINE(f, parser, &g, &ti, &to);
        }
        if (top.rst) {
            np = 0;
            flen = 0;
            gap = 0;
        }
    }
    fclose(f);
    {
        parser_out_t po;
        parser_out(&par, &po);
        printf("%u %u %u %u %u %u %u\n", frames, swaps, iwrites, po.cnt[NICRX_CNT_PARSE_TRUNC],
               po.cnt[NICRX_CNT_PARSE_ERROR], resets, taken);
    }
    parser_free(&par);
    return 0;
}
