/* harness.h - the lockstep engine.  The simulator glue calls harness_cycle()
 * once per clock, between edges, with the RTL's outputs after the last edge;
 * the harness compares them with the model's, computes the inputs for the next
 * edge (frame scheduler + host), steps the model with them and returns the
 * same inputs for the RTL.  Without an RTL (model-only) pass NULL outputs. */
#ifndef NICRX_HARNESS_H
#define NICRX_HARNESS_H

#include <stdint.h>
#include <stdio.h>
#include "capture.h"
#include "cli.h"
#include "host.h"
#include "irqchk.h"
#include "nicrx_isa.h"
#include "nicrx_model.h"
#include "redcheck.h"
#include "sched.h"

typedef struct harness_opts {
    const char *prog;       /* the tool's name, the first word of its messages */
    const char *pcap;
    uint64_t seed;
    int seed_set;
    int axi_set;            /* --axi-data-width given (else it follows --data-width: twice) */
    int stall;              /* host_stall_t */
    int pace;               /* sched_pace_t */
    double clk_mhz;         /* the clock: timestamp pacing and the report's rates and times */
    int summary;            /* --summary: the report, as text */
    int json_summary;       /* --json-summary: the report as one JSON object */
    const char *junit;      /* --junit FILE: the checks as JUnit XML */
    const char *runs_pcap;  /* --runs-pcap FILE: each re-assembly run as one rebuilt TCP segment */
    const char *trace;      /* --trace FILE.fst (nicrx-sim): a waveform of cycles trace_from..trace_to */
    uint64_t trace_from, trace_to;  /* trace_to UINT64_MAX: to the end of the run */
    uint64_t max_cycles;    /* 0: no limit */
    uint64_t hang_cycles;   /* no progress for this long with frames outstanding: hung */
    const char *program;    /* --program: loaded by the driver at bring-up (NULL: IMEM_INIT's) */
    const char *swap_program; /* --swap-program: written and swapped in after --swap-at frames */
    uint64_t swap_at;
    int swap_at_set;
    uint32_t step_limit;    /* --step-limit 1..256 (0: PARSER_CTRL keeps its reset value) */
    /* Flow database (docs/registers.md "Flow database"); --flows N sets p.flows (FLOWS).
     * Written at bring-up; -1 leaves the register at its reset value. */
    int64_t flow_ctrl;      /* --flow-ctrl V   FLOW_CTRL ([0] vlan key, [1] evict) */
    int64_t flow_thresh;    /* --flow-thresh N FLOW_THRESH */
    int64_t flow_tick;      /* --flow-tick N   FLOW_TICK */
    int64_t flow_age;       /* --flow-age N    FLOW_AGE */
    uint32_t flow_cmds;     /* --flow-cmds N: host READ/INSTALL/INVALIDATE commands spread over the run */
    /* Interrupt moderation (docs/architecture.md "nicrx_irq"), written at bring-up for every
     * queue (-1: left at reset); any of them, or --irq-napi, turns the interrupt check on. */
    int64_t irq_count;      /* --irq-count N  IRQ_COUNT */
    int64_t irq_time;       /* --irq-time N   IRQ_TIME */
    int64_t irq_tick;       /* --irq-tick N   IRQ_TICK */
    int irq_napi;           /* --irq-napi: the host takes interrupts NAPI style instead of polling */
    int msix;               /* --msix: interrupt messages on every queue, checked against the lines */
    int split_off;          /* --split off: the header ring (ring 2) stays down, so no frame splits */
    int pages_off;          /* --pages off: no page ring, one frame or part a buffer */
    uint64_t reasm_ring;    /* --reasm-ring LOG2: ring 3 holds 2^LOG2 pages (0: the host's default) */
    int reasm_on;           /* --reasm on (the default) or strip (enum nicrx_drv_reasm_mode): REASM_CTRL written at bring-up (issue 12) */
    int reasm_set;          /* --reasm given: nicrx-model --fast refuses an explicit on */
    uint32_t flist_port, flist_n, flist_bad, flist_unbind; /* --flist PORT[:N[:BAD[:UNBIND]]] (port 0: no lists) */
    int64_t buf_wait;       /* --buf-wait N: XFER_BUF_WAIT written at bring-up (-1: reset) */
    int64_t reasm_timeout;  /* --reasm-timeout N: REASM_TIMEOUT written at bring-up (-1: reset) */
    int64_t reasm_bytes;    /* --reasm-max-bytes N: REASM_MAX_BYTES written at bring-up (-1: reset) */
    int64_t starve_ring;    /* --starve-ring R[:N]: ring R gets no buffer from the N-th record on (-1: none) */
    uint64_t starve_from;
    /* Random early discard (docs/registers.md "Random early discard"): --red-* options, the
     * registers of enum red_opt (tb/redcheck.h) written at bring-up; -1 leaves the reset value. */
    int64_t red[RED_NUM_OPTS];
    /* Receive-side scaling (docs/host-interface.md "Receive-side scaling"): with any of
     * these the bring-up writes the key, RSS_CTRL and the whole table */
    int rss_set, rss_key_set;
    uint8_t rss_key[40];    /* --rss-key HEX (80 digits, byte 0 first; default Microsoft's) */
    int64_t rss_types;      /* --rss-types N   RSS_CTRL.types (-1: reset, all six) */
    int rss_mode;           /* --rss-mode table|modulo */
    uint8_t reta[8];        /* --reta Q,Q,...: the table repeats this list (default 0..7) */
    uint32_t reta_n;
    uint64_t reta_rewrite_at; /* --reta-rewrite-at N: after N frames sent, every entry + 1 mod 8 */
    int reta_rewrite_set;
    const char *streams;    /* --streams DIR: the host's TCP stream view written there (tb/tcpview.h) */
    uint64_t reset_at;      /* --reset-at N: rst asserted N cycles after traffic started, then a new bring-up */
    int reset_at_set;
    nicrx_params_t p;
} harness_opts_t;

/* A parser program image (nicrx-asm -f bin): n x 16 bytes, instruction i is
 * four little-endian words w0..w3 at byte 16 i. */
typedef struct harness_prog {
    uint32_t w[NICRX_IMEM_MAX * NICRX_INSN_WORDS];
    uint32_t n;
} harness_prog_t;

/* Reads an image of at most imem_depth instructions; -1 with the reason in
 * err (without the "TOOL: FILE: " prefix). */
int harness_prog_load(harness_prog_t *p, const char *path, uint32_t imem_depth, char *err, size_t n);

/* The tool's own options: returns how many arguments arg (and its value in
 * next) used, 0 if arg is none of them, -1 after printing a message (status 2). */
typedef int (*harness_extra_fn)(void *ctx, const cli_t *c, const char *arg, const char *next);

void harness_opts_default(harness_opts_t *o);
/* Parses one option (and its value in next); returns how many arguments it
 * used (1 or 2), 0 if it is not an option of the harness, -1 on a bad value
 * (message in err, cli.h's wording).  Non-options (the capture) are left to the caller. */
int harness_opt(harness_opts_t *o, const char *arg, const char *next, char *err, size_t n);
/* A tool's whole command line (argv[1..]): -h/--help, --version and no
 * arguments (cli_common), the harness's options, the tool's own (extra, may be
 * NULL) and one capture.  Returns -1 to go on, else the status to exit with
 * (messages printed). */
int harness_args(harness_opts_t *o, const cli_t *c, int argc, char *const *argv, harness_extra_fn extra, void *ctx);
/* A simulator after its command line (built: its elaboration parameters): 0, or -1 after
 * printing why an option asks for a parameter it is not built with (--flows, --data-width,
 * --axi-data-width). */
/* The register writes the RSS options ask of the bring-up (key, RSS_CTRL, the whole
 * table), at most max; 0 without any. */
#define HARNESS_RSS_WRITES_MAX 528u
uint32_t harness_rss_writes(const harness_opts_t *o, uint32_t *addr, uint32_t *data, uint32_t max);
int harness_built_check(const harness_opts_t *o, const nicrx_params_t *built);
/* The simulators' command line (tb/dpi.c, tb/vpi.c): nicrx-sim's arguments as
 * plusargs +prog=NAME and +a=ARG (tb/nicrx-sim.sh), read as harness_args does. */
int harness_sim_args(harness_opts_t *o, int argc, char *const *argv);
/* The options harness_opt takes, for a tool's usage. */
const char *harness_usage(void);

enum { HARNESS_RUN = 0, HARNESS_DONE = 1 };
/* Exit statuses */
enum { HARNESS_OK = 0, HARNESS_FAIL = 1, HARNESS_BADINPUT = 2, HARNESS_CUT = 3 };

typedef struct harness_frame {
    uint8_t verdict;     /* 0 pending, 1 delivered, 2 dropped, 3 lost to the reset (--reset-at) */
    uint8_t verified;    /* completion seen by the host and bytes checked */
    uint8_t has_hv;
    uint8_t reason;
    uint8_t prog;        /* with a swap: bit 0 the old program's parse matches, bit 1 the new one's */
    uint16_t steps;      /* instructions nicrx_parse() executed for it (with has_hv) */
    uint32_t queue, ring, buf_id, len;
    uint32_t split, dring, dbuf_id, dlen; /* a split frame: ring, buf_id, len the header part, these the data part */
    uint32_t off, doff;   /* each part's offset in its page (0 in a buffer that is not a page) */
    uint8_t lerr;        /* the record's length-error flag (verified frames) */
    uint32_t rss_hash;   /* the completion's (delivered frames) */
    uint8_t rss_type;
    nicrx_hv_t hv;
    /* The flow block's decision (NICRX_EV_FLOW); flow_seen counts the events. */
    uint8_t flow_seen;
    uint8_t opcode, flow_event;
    uint8_t flow, gen;
    uint8_t red;         /* nicrx_red's decision seen: 1 kept, 2 early drop, 3 forced drop */
    uint32_t red_avg, red_pn, red_pd; /* its avg (words, 8 fraction bits) and drop probability pn / pd */
    /* The batching hint: the cycle the frame entered the frame queue (NICRX_EV_QUEUED), the
     * record's more_cnt (delivered frames) as the harness counts it from those cycles. */
    uint8_t queued, more_cnt;
    uint64_t t_queued;
    /* For the report's latency: the edge of its last beat, the cycle the host
     * found its completion (0: not yet). */
    uint64_t t_last, t_done;
    /* appended with its header stripped (REASM_CTRL.strip): the next such frame of its
     * page + 1 (0: none), checked with the page's run (no record) */
    uint64_t snext;
} harness_frame_t;

typedef struct harness harness_t;

/* NULL on bad input or options: the one-line error was printed to stderr and
 * *status holds the exit status. */
harness_t *harness_new(const harness_opts_t *o, int *status);
void harness_free(harness_t *h);
/* Constant AXI outputs (awid..awsize packed as the glue does), checked once per cycle. */
void harness_consts(harness_t *h, uint32_t aw_consts, uint32_t ar_consts);
uint32_t harness_expected_consts(const harness_t *h);
/* rtl: the RTL outputs after the last edge (NULL: model only); xsig: name of
 * an output that carries X/Z (Icarus), or NULL.  Fills *in for the next edge.
 * Returns HARNESS_RUN or HARNESS_DONE (then see harness_status). */
int harness_cycle(harness_t *h, const nicrx_out_t *rtl, const char *xsig, nicrx_in_t *in);
int harness_status(const harness_t *h);
uint64_t harness_cycles(const harness_t *h);
/* The report (docs/report.md): text, or one JSON object with json set. */
void harness_report(const harness_t *h, FILE *f, int json);
const harness_opts_t *harness_options(const harness_t *h);
size_t harness_nframes(const harness_t *h);
const harness_frame_t *harness_frame(const harness_t *h, size_t i);
const cap_frame_t *harness_cap_frame(const harness_t *h, size_t i);
/* The failure line (cycle, frame, what), empty while all is well. */
const char *harness_failure(const harness_t *h);
/* The end of a run: the report on stdout if report is set, the failure line
 * "PROG: FILE: ..." or, for a capture cut short, a warning on stderr.  Returns
 * the exit status: HARNESS_OK, HARNESS_FAIL, or HARNESS_CUT (a passing run of
 * a capture cut short). */
int harness_end(const harness_t *h, int report);

#endif
