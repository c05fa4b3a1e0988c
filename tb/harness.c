/* harness.c - see harness.h. */
#include "harness.h"
#include "bytes.h"
#include "outcmp.h"
#include "rss_check.h"
#include "tcpview.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#define RST_EDGES 4u
#define HARNESS_INVAL_MAX 8u
#define FL_WINDOW 64u           /* the flow block's sustained pace: over this many decisions */

/* What the harness knows of entry i, built from the flow events of frames it
 * checked and the host's commands (docs/opcodes.md).  An entry a command may
 * have changed in an order the harness cannot see (a frame of it decided
 * while the command ran) is `uncertain` until a frame creates it anew. */
typedef struct shadow_entry {
    uint8_t valid, gen, uncertain, noassist, data_seen;
    uint8_t key[NICRX_FLOW_KEY_BYTES];
    uint32_t sig, exp, ack, digest, count;
    uint16_t flags, hlen;
} shadow_entry_t;

/* What the device counts (and a reset zeroes): the harness's tallies at the reset, which
 * the counters read at the end are compared against the tallies since. */
typedef struct harness_base {
    uint64_t drops[NICRX_NUM_REASONS], evs[NICRX_NUM_FLOW_EVENTS], ops[NICRX_NUM_OPCODES];
    uint64_t no_buf[NICRX_REASM_RING];
    uint64_t aged_created, aged_victims, install_victims, verified;
} harness_base_t;

/* A flow the host invalidated: its next frame must get another flow number or generation. */
typedef struct harness_inval {
    uint8_t live, flow, gen;
    uint8_t key[NICRX_FLOW_KEY_BYTES];
} harness_inval_t;

struct harness {
    harness_opts_t o;
    capture_t cap;
    sched_t sched;
    host_t host;
    nicrx_model_t *m;
    redcheck_t red;         /* the harness's own RED decisions */
    harness_frame_t *fr;
    uint64_t *cqfifo[NICRX_MAX_CQ];   /* frames delivered by the model, per queue, in order */
    /* each ring 3 page's and list buffer's stripped frames + 1 (0: none), at strip_slot() */
    uint64_t shead[2 * HOST_NBUF_MAX], stail[2 * HOST_NBUF_MAX];
    size_t cq_rd[NICRX_MAX_CQ], cq_wr[NICRX_MAX_CQ];
    uint64_t completions[NICRX_MAX_CQ];
    /* receive-side scaling: what the host configured; the next frame index a queue may
     * complete (a flow's frames never reorder within a queue) */
    tb_rss_t rss;
    uint8_t reta_rewritten;
    uint64_t cq_next[NICRX_MAX_CQ];
    uint64_t drops[NICRX_NUM_REASONS];
    uint64_t no_buf[NICRX_REASM_RING]; /* no_buf drops by the frame ring waited for (DROP_NO_BUF_*) */
    uint64_t delivered_ev, verified, accounted;
    uint64_t q_last;                  /* the last frame queued, +1 (0: none yet) */
    uint64_t more_flow, more_n, more_runs; /* flow frames' records; with more set; runs (one without more ends one) */
    uint64_t k;                       /* calls so far = edges applied */
    uint64_t progress_at;
    uint64_t last_done;               /* cycle the last frame was dropped or its completion seen */
    uint64_t compared;
    uint32_t aw_consts, ar_consts;
    uint64_t inject;                  /* cycle of a forced divergence (self-test), 0: none */
    uint64_t inject_hv;               /* frame whose header vector is corrupted (self-test), UINT64_MAX: none */
    uint8_t consts_set, rtl_seen, finished, final_requested;
    /* Parser programs: prog[0] parses from reset, prog[1] after --swap-at. */
    harness_prog_t prog[2];
    uint32_t step_limit;              /* what nicrx_parse is given: PARSER_CTRL's value */
    uint8_t swap, swap_requested;
    uint64_t swap_req_frame;          /* frames sent when the driver started the swap */
    uint64_t swap_bound;              /* frames from here on were sent after SWAP was written */
    uint64_t first_new;               /* first frame parsed as only the new program does */
    uint64_t nprog[4];                /* frames by which programs' parse they match (bits) */
    uint64_t parsed, steps, steps_max;  /* header vectors seen; instructions they took */
    uint64_t hv_first, hv_last;       /* cycles of the first and the last one */
    /* The flow block: its decisions, a shadow of its database, host commands. */
    uint64_t inject_op;               /* frame whose opcode is corrupted (self-test), UINT64_MAX: none */
    uint64_t inject_stream;           /* frame the stream check's reference takes a byte short (self-test), UINT64_MAX: none */
    shadow_entry_t sh[256];
    uint64_t fl_ops[NICRX_NUM_OPCODES], fl_evs[NICRX_NUM_FLOW_EVENTS];
    uint64_t fl_aged_created;         /* aged events that created the flow anew */
    uint64_t fl_aged_victims;         /* flows created in an aged live entry */
    uint64_t fl_install_victims;      /* live entries an INSTALL replaced */
    uint64_t fl_noassist, fl_regen;   /* noassist frames checked; invalidated flows back with a new generation */
    uint64_t fl_n, fl_first, fl_last, fl_min_gap; /* decisions and their cycles */
    uint64_t fl_ring[FL_WINDOW], fl_best;   /* cycles of the last FL_WINDOW decisions; fewest cycles FL_WINDOW took */
    uint8_t fl_unsure;                /* some decision or command could not be predicted */
    uint64_t crng;                    /* PRNG of the command choice */
    host_flow_cmd_t cmd;              /* the command under way */
    uint8_t cmd_active, touched[256]; /* FLOW_CMD written; entries frames touched since */
    uint32_t chain_read;              /* entry + 1 to READ next (after an INVALIDATE), 0: none */
    uint64_t cmds_issued, cmds[4], cmds_failed, chk_read, chk_install, chk_inval;
    harness_inval_t inval[HARNESS_INVAL_MAX];
    uint32_t inval_wr;
    /* For the report: interrupts per queue (rising edges of irq), peak occupancy, wall time. */
    uint64_t irqs[NICRX_MAX_CQ];
    uint64_t last_rise[NICRX_MAX_CQ]; /* edge of each queue's last rise (the messages' check) */
    uint32_t irq_prev, pm_peak, fq_peak;
    /* The interrupt check (irqchk.h), on with any --irq-* option. */
    irqchk_t irqchk;
    int irqchk_on;
    uint8_t in_final;                 /* a failure from here on is one of the end checks */
    struct timespec wall0;
    tcpview_t *view;                  /* the host's TCP stream view, from the records it took */
    tcpview_t *ref;                   /* the same from the capture's bytes of the frames it took */
    /* --reset-at: the reset under traffic and what it found (the report's `reset`) */
    uint64_t rst_from;                /* its first edge, UINT64_MAX: not yet */
    uint64_t up_from;                 /* the edge the last bring-up started */
    uint64_t traffic_t0;              /* the first frame's earliest edge, before any reset */
    size_t first_frame;               /* the first frame sent after the last bring-up */
    harness_base_t base;              /* the tallies at the reset */
    uint64_t rst_sent, rst_lost, rst_lost_written, rst_cut, rst_cut_bytes;
    uint64_t rst_verified, rst_dropped, rst_up_cycles;
    uint32_t rst_aw_open, rst_aw_beats, rst_b_owed, rst_ar_open;
    uint64_t inject_lost;             /* a lost frame left unmarked (self-test), UINT64_MAX: none */
    int status;
    char msg[512];                    /* the failure line */
};

/* ---- options --------------------------------------------------------------- */

void harness_opts_default(harness_opts_t *o)
{
    memset(o, 0, sizeof *o);
    o->prog = "nicrx";
    o->stall = STALL_NONE;
    o->pace = PACE_LINE;
    o->clk_mhz = 156.25;
    o->hang_cycles = 2000000;
    o->trace_to = UINT64_MAX;
    o->flow_ctrl = o->flow_thresh = o->flow_tick = o->flow_age = -1;
    o->irq_count = o->irq_time = o->irq_tick = -1;
    for (uint32_t k = 0; k < RED_NUM_OPTS; k++) o->red[k] = -1;
    o->rss_types = -1;
    o->buf_wait = o->starve_ring = o->reasm_timeout = o->reasm_bytes = -1;
    o->reasm_on = 1;   /* the driver's bring-up turns re-assembly on; REASM_CTRL.en resets to 0 */
    nicrx_params_default(&o->p);
}

const char *harness_usage(void)
{
    return "  --seed N            PRNG seed of the host's backpressure and latencies, 0..2^64-1\n"
           "                      (default: drawn and printed, so the run can be repeated)\n"
           "  --stall none|heavy|half  host AXI profile; half: W ready a quarter of the cycles, the\n"
           "                      host bus at half the line (default none)\n"
           "  --pace line|b2b|ts  frame pacing: line rate, back to back, capture timestamps (default line)\n"
           "  --clock MHZ         the clock: --pace ts and the report's rates and times (default 156.25)\n"
           "  --summary           print the report (text)\n"
           "  --json-summary      print the report as one JSON object (docs/report.md)\n"
           "  --junit FILE        write the run's checks as JUnit XML\n"
           "  --max-cycles N      stop with an error after N cycles\n"
           "  --program FILE.bin  parser program the driver loads at bring-up (nicrx-asm -f bin)\n"
           "  --swap-at N --swap-program FILE.bin\n"
           "                      after N frames were sent, load FILE.bin into the shadow bank and swap\n"
           "  --step-limit N      parser step limit per frame, 1..256 (PARSER_CTRL; default 64)\n"
           "  --data-width N      DATA_WIDTH, the stream: 32 or 64 (default 64; a simulator runs\n"
           "                      the width it is built with: nicrx-sim 64, nicrx-sim-dw32 32)\n"
           "  --axi-data-width N  AXI_DATA_WIDTH, the host bus: DATA_WIDTH or twice it (default twice)\n"
           "  --flows N           FLOWS, flow database entries: 8, 16, ..., 256 (default 64; nicrx-sim\n"
           "                      runs the simulator built with it, building it the first time)\n"
           "  --flow-ctrl V       FLOW_CTRL: bit 0 VLAN id in the flow key, bit 1 evict (default 2)\n"
           "  --flow-thresh N     FLOW_THRESH: in-order payloads shorter are SHORT, 0..65535 (default 64)\n"
           "  --flow-tick N       FLOW_TICK: cycles per time tick - 1, 0..65535 (default 155)\n"
           "  --flow-age N        FLOW_AGE: idle ticks before a flow is aged, 0 never (default 0)\n"
           "  --flow-cmds N       the host runs N random flow READ/INSTALL/INVALIDATE commands\n"
           "                      spread over the traffic and checks their results\n"
           "  --irq-count N       IRQ_COUNT of every queue: records pending that interrupt, 0..65535 (default 1)\n"
           "  --irq-time N        IRQ_TIME of every queue: ticks after the first pending record, 0..65535 (default 0)\n"
           "  --irq-tick N        IRQ_TICK: cycles per moderation tick - 1, 0..65535 (default 155)\n"
           "  --irq-napi          the host takes each interrupt NAPI style (mask, poll until empty, unmask)\n"
           "                      instead of polling; any --irq-* option checks the interrupt lines\n"
           "  --msix              interrupt messages (MSIX_*) on every queue, checked against the lines:\n"
           "                      at most one per rise, one after the last\n"
           "  --split on|off      the header ring (ring 2, 256-byte buffers) up, so frames nicrx_xfer_plan\n"
           "                      picks may split (default on); off: ring 2 stays down, every frame whole\n"
           "  --pages on|off      rings 0 (small) and 2 (header) are page rings: 4 KB pages of 64-byte\n"
           "                      aligned entries (default on); off: every buffer holds one frame or part\n"
           "  --reasm MODE        on, off or strip: re-assembly (REASM_CTRL.en, default on; nicrx-model\n"
           "                      --fast: off): TCP payloads merge into runs in the re-assembly ring's\n"
           "                      64 KB pages (ring 3, set up and filled); the host checks every run and\n"
           "                      flushes the open ones at the end; strip: on with header stripping\n"
           "                      (REASM_CTRL.strip: a frame appended to a run goes with no header and no\n"
           "                      record); off: ring 3 stays down, every frame goes alone\n"
           "  --reasm-ring LOG2   the host posts 2^LOG2 pages in ring 3, 1..7 (default 4: 16); a run\n"
           "                      holds its page while open, so more concurrent flows need more pages\n"
           "  --reasm-timeout N   REASM_TIMEOUT: ticks a run may stay quiet before it closes (reset 100)\n"
           "  --reasm-max-bytes N REASM_MAX_BYTES: bytes a run may hold, 0..131071 (reset 0: the page's)\n"
           "  --runs-pcap FILE    write each re-assembly run the host takes as the one TCP segment a driver\n"
           "                      hands up: its first frame's header rebuilt by libnicrx's\n"
           "                      nicrx_drv_run_header (lengths, flags, checksums), then the run's bytes\n"
           "                      (a run too long for one IP packet is left out: see --reasm-max-bytes)\n"
           "  --flist PORT[:N[:BAD[:UNBIND]]] buffer lists (FLIST_*, with re-assembly): the host binds a\n"
           "                      list to each flow with TCP port PORT it sees a record of, while lists\n"
           "                      are free, keeps N 64 KB buffers posted in it (1..FLIST_DEPTH, default\n"
           "                      FLIST_DEPTH), posts every BAD-th misaligned (0, the default: none) and\n"
           "                      unbinds a list after its UNBIND-th run (0, the default: never); it\n"
           "                      checks that list buffers hold only their flow's merged payload, in\n"
           "                      order, and are written only while the device holds them\n"
           "  --buf-wait N        XFER_BUF_WAIT: cycles the queue head waits for a descriptor before it is\n"
           "                      dropped no_buf, 0 forever, 0..65535 (default 2048)\n"
           "  --starve-ring R[:N] the host posts no buffer of ring R (0 small, 1 large, 2 header, 3 re-\n"
           "                      assembly) once it has taken N completion records (default 0: none at\n"
           "                      all), so R runs dry\n"
           "  --red-mode N        RED_CTRL.mode: 0 off, 1 Floyd-Jacobson, 2 regions (default 0)\n"
           "  --red-wlog N        RED_CTRL.wlog: avg weight 2^-N, 0..15 (default 9)\n"
           "  --red-maxp N        RED_CTRL.maxp: Floyd-Jacobson max_p = 2^-N, 0..7 (default 3)\n"
           "  --red-min N         RED_MIN: min_th, packet-memory words, 0..65535 (default 512)\n"
           "  --red-max N         RED_MAX: max_th, words, 0..65535 (default 1536)\n"
           "  --red-exempt MASK   RED_EXEMPT: operation codes never early-dropped, 0..65535 (default 8: CTRL)\n"
           "  --red-seed N        RED_SEED: the LFSR's seed, 0..2^32-1 (default 1)\n"
           "  --red-regions T0:P0,T1:P1,T2:P2,T3:P3\n"
           "                      RED_TH0..3 (words, ascending) and RED_P0..3 (1/256, 256: every frame)\n"
           "  --rss-key HEX       RSS_KEY0..9: 80 hex digits, key byte 0 first (default Microsoft's key)\n"
           "  --rss-types N       RSS_CTRL.types: bit t-1 enables hash type t, 0..63 (default 63)\n"
           "  --rss-mode table|modulo\n"
           "                      the queue: the indirection table's entry or the hash (default table)\n"
           "  --reta Q,Q,...      the indirection table: this list of queues 0..7 repeated (default 0,1,...,7)\n"
           "  --reta-rewrite-at N after N frames were sent, the driver rewrites every table entry\n"
           "                      to its queue + 1 mod 8 under traffic\n"
           "  --reset-at N        N cycles after traffic started, reset the device (rst for 4 edges, the\n"
           "                      host bus with it) and bring it up again from nothing; the frames not\n"
           "                      yet sent follow, a frame cut by the reset is lost (not with --swap-at,\n"
           "                      --reta-rewrite-at, --flow-cmds or --msix)\n"
           "  --streams DIR       write the host's TCP stream view into DIR (created if missing): a file\n"
           "                      per flow direction, its bytes in order up to the first gap, and\n"
           "                      DIR/index.jsonl (docs/report.md \"Streams\")\n";
}

/* A numeric option: its range and where it goes (an int64_t or uint64_t member). */
typedef struct num_opt {
    const char *name;
    uint64_t lo, hi;
    const char *expect;     /* NULL: "lo..hi" */
    size_t off;
    uint8_t is_signed;
} num_opt_t;

#define U64_OPT(name, lo, hi, member) { name, lo, hi, NULL, offsetof(harness_opts_t, member), 0 }
#define REG_OPT(name, hi, member) { name, 0, hi, NULL, offsetof(harness_opts_t, member), 1 }

static const num_opt_t num_opts[] = {
    U64_OPT("--seed", 0, UINT64_MAX, seed),
    U64_OPT("--max-cycles", 1, UINT64_MAX, max_cycles),
    U64_OPT("--swap-at", 0, UINT64_MAX, swap_at),
    U64_OPT("--reta-rewrite-at", 0, UINT64_MAX, reta_rewrite_at),
    U64_OPT("--reset-at", 0, UINT64_MAX, reset_at),
    REG_OPT("--rss-types", 0x3f, rss_types),
    U64_OPT("--trace-from", 0, UINT64_MAX - 1, trace_from),
    U64_OPT("--trace-to", 0, UINT64_MAX - 1, trace_to),
    REG_OPT("--flow-ctrl", 3, flow_ctrl),
    REG_OPT("--flow-thresh", 0xffff, flow_thresh),
    REG_OPT("--flow-tick", 0xffff, flow_tick),
    REG_OPT("--flow-age", 0xffffffff, flow_age),
    REG_OPT("--irq-count", 0xffff, irq_count),
    REG_OPT("--irq-time", 0xffff, irq_time),
    REG_OPT("--irq-tick", 0xffff, irq_tick),
    REG_OPT("--red-mode", 3, red[RED_OPT_MODE]),
    REG_OPT("--red-wlog", 15, red[RED_OPT_WLOG]),
    REG_OPT("--red-maxp", 7, red[RED_OPT_MAXP]),
    REG_OPT("--red-min", 0xffff, red[RED_OPT_MIN]),
    REG_OPT("--red-max", 0xffff, red[RED_OPT_MAX]),
    REG_OPT("--red-exempt", 0xffff, red[RED_OPT_EXEMPT]),
    REG_OPT("--red-seed", 0xffffffff, red[RED_OPT_SEED]),
    REG_OPT("--buf-wait", 0xffff, buf_wait),
    U64_OPT("--reasm-ring", 1, 7, reasm_ring),
    REG_OPT("--reasm-timeout", 0xffff, reasm_timeout),
    REG_OPT("--reasm-max-bytes", 0x1ffff, reasm_bytes),
};

int harness_opt(harness_opts_t *o, const char *arg, const char *next, char *err, size_t n)
{
    uint64_t v;
    if (!strcmp(arg, "--summary")) { o->summary = 1; return 1; }
    if (!strcmp(arg, "--json-summary")) { o->json_summary = 1; return 1; }
    if (!strcmp(arg, "--irq-napi")) { o->irq_napi = 1; return 1; }
    if (!strcmp(arg, "--msix")) { o->msix = 1; return 1; }
    for (size_t i = 0; i < sizeof num_opts / sizeof num_opts[0]; i++) {
        const num_opt_t *t = &num_opts[i];
        if (strcmp(arg, t->name)) continue;
        if (cli_u64(arg, next, t->lo, t->hi, t->expect, &v, err, n) != 0) return -1;
        if (t->is_signed) *(int64_t *)(void *)((char *)o + t->off) = (int64_t)v;
        else *(uint64_t *)(void *)((char *)o + t->off) = v;
        o->seed_set |= !strcmp(arg, "--seed");
        o->swap_at_set |= !strcmp(arg, "--swap-at");
        o->reta_rewrite_set |= !strcmp(arg, "--reta-rewrite-at");
        o->reset_at_set |= !strcmp(arg, "--reset-at");
        o->rss_set |= !strcmp(arg, "--rss-types") || !strcmp(arg, "--reta-rewrite-at");
        return 2;
    }
    if (!strcmp(arg, "--pages")) {
        if (!next || (strcmp(next, "on") && strcmp(next, "off"))) return cli_bad_value(err, n, arg, next, "on or off");
        o->pages_off = !strcmp(next, "off");
        return 2;
    }
    if (!strcmp(arg, "--starve-ring")) {
        static const char want[] = "R or R:N, a ring 0..3 and a record count";
        const char *s = next;
        uint64_t from = 0;
        if (!s || *s < '0' || *s >= '0' + (int)NICRX_NUM_FBR || (s[1] && s[1] != ':') ||
            (s[1] == ':' && cli_u64(arg, s + 2, 0, UINT64_MAX, want, &from, err, n) != 0))
            return cli_bad_value(err, n, arg, next, want);
        o->starve_from = from;
        o->starve_ring = *s - '0';
        return 2;
    }
    if (!strcmp(arg, "--flist")) {
        static const char want[] = "PORT[:N[:BAD[:UNBIND]]]: a TCP port 1..65535, N 1..FLIST_DEPTH, BAD and UNBIND 0..1000";
        uint64_t fv[4] = { 0, NICRX_FLIST_DEPTH, 0, 0 };
        const uint64_t lo[4] = { 1, 1, 0, 0 }, hi[4] = { 65535, NICRX_FLIST_DEPTH, 1000, 1000 };
        char buf[64];
        uint32_t k = 0;
        if (!next || strlen(next) >= sizeof buf) return cli_bad_value(err, n, arg, next, want);
        strcpy(buf, next);
        for (char *s = strtok(buf, ":"); s; s = strtok(NULL, ":"), k++)
            if (k == 4 || cli_u64(arg, s, lo[k], hi[k], want, &fv[k], err, n) != 0)
                return cli_bad_value(err, n, arg, next, want);
        o->flist_port = (uint32_t)fv[0];
        o->flist_n = (uint32_t)fv[1];
        o->flist_bad = (uint32_t)fv[2];
        o->flist_unbind = (uint32_t)fv[3];
        return 2;
    }
    if (!strcmp(arg, "--reasm")) {
        if (!next || (strcmp(next, "on") && strcmp(next, "off") && strcmp(next, "strip")))
            return cli_bad_value(err, n, arg, next, "on, off or strip");
        o->reasm_on = !strcmp(next, "strip") ? NICRX_DRV_REASM_STRIP : !strcmp(next, "on") ? NICRX_DRV_REASM_ON
                                                                                          : NICRX_DRV_REASM_OFF;
        o->reasm_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--split")) {
        if (!next || (strcmp(next, "on") && strcmp(next, "off"))) return cli_bad_value(err, n, arg, next, "on or off");
        o->split_off = !strcmp(next, "off");
        return 2;
    }
    if (!strcmp(arg, "--stall") || !strcmp(arg, "--pace")) {
        int st = arg[2] == 's';
        int x = next ? (st ? host_stall_parse(next) : sched_pace_parse(next)) : -1;
        if (x < 0) return cli_bad_value(err, n, arg, next, st ? "none, heavy or half" : "line, b2b or ts");
        *(st ? &o->stall : &o->pace) = x;
        return 2;
    }
    if (!strcmp(arg, "--red-regions")) {
        static const char expect[] = "four TH:P pairs, T0:P0,T1:P1,T2:P2,T3:P3 (TH 0..65535, P 0..511)";
        const char *s = next;
        for (int i = 0; i < 4; i++) {
            char *e;
            if (!s || !(*s >= '0' && *s <= '9')) return cli_bad_value(err, n, arg, next, expect);
            unsigned long t = strtoul(s, &e, 10);
            if (*e != ':' || t > 0xffff || !(e[1] >= '0' && e[1] <= '9')) return cli_bad_value(err, n, arg, next, expect);
            unsigned long p = strtoul(e + 1, &e, 10);
            if (p > 511 || *e != (i < 3 ? ',' : '\0')) return cli_bad_value(err, n, arg, next, expect);
            o->red[RED_OPT_TH0 + i] = (int64_t)t;
            o->red[RED_OPT_P0 + i] = (int64_t)p;
            s = e + 1;
        }
        return 2;
    }
    if (!strcmp(arg, "--streams")) {
        if (!next || !*next) return cli_bad_value(err, n, arg, next, "a directory");
        o->streams = next;
        return 2;
    }
    if (!strcmp(arg, "--clock"))
        return cli_positive(arg, next, "a frequency in MHz above 0", &o->clk_mhz, err, n) ? -1 : 2;
    static const struct { const char *name; size_t off; } files[] = {
        { "--program", offsetof(harness_opts_t, program) },
        { "--swap-program", offsetof(harness_opts_t, swap_program) },
        { "--junit", offsetof(harness_opts_t, junit) },
        { "--runs-pcap", offsetof(harness_opts_t, runs_pcap) },
        { "--trace", offsetof(harness_opts_t, trace) },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (strcmp(arg, files[i].name)) continue;
        if (!next || !*next) return cli_bad_value(err, n, arg, next, "a file");
        *(const char **)(void *)((char *)o + files[i].off) = next;
        return 2;
    }
    if (!strcmp(arg, "--data-width")) {
        if (cli_u64(arg, next, 32, 64, "32 or 64", &v, err, n) != 0) return -1;
        if (v != 32 && v != 64) return cli_bad_value(err, n, arg, next, "32 or 64");
        o->p.data_width = (uint32_t)v;
        if (!o->axi_set) o->p.axi_data_width = 2 * (uint32_t)v;
        return 2;
    }
    if (!strcmp(arg, "--axi-data-width")) {
        if (cli_u64(arg, next, 32, 128, "32, 64 or 128", &v, err, n) != 0) return -1;
        if (v & (v - 1)) return cli_bad_value(err, n, arg, next, "32, 64 or 128");
        o->p.axi_data_width = (uint32_t)v;
        o->axi_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--flows")) {
        if (cli_u64(arg, next, 8, 256, "a power of two, 8..256", &v, err, n) != 0) return -1;
        if (v & (v - 1)) return cli_bad_value(err, n, arg, next, "a power of two, 8..256");
        o->p.flows = (uint32_t)v;
        return 2;
    }
    if (!strcmp(arg, "--flow-cmds")) {
        if (cli_u64(arg, next, 0, 1000000, NULL, &v, err, n) != 0) return -1;
        o->flow_cmds = (uint32_t)v;
        return 2;
    }
    if (!strcmp(arg, "--rss-key")) {
        if (!next || strlen(next) != 80 || strspn(next, "0123456789abcdefABCDEF") != 80)
            return cli_bad_value(err, n, arg, next, "80 hex digits");
        for (uint32_t k = 0; k < 40; k++) {
            const char b[3] = { next[2 * k], next[2 * k + 1], 0 };
            o->rss_key[k] = (uint8_t)strtoul(b, NULL, 16);
        }
        o->rss_set = o->rss_key_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--rss-mode")) {
        if (!next || (strcmp(next, "table") && strcmp(next, "modulo")))
            return cli_bad_value(err, n, arg, next, "table or modulo");
        o->rss_mode = !strcmp(next, "modulo");
        o->rss_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--reta")) {
        const char *c = next ? next : "";
        o->reta_n = 0;
        while (*c >= '0' && *c <= '7' && o->reta_n < 8 && (c[1] == ',' || !c[1])) {
            o->reta[o->reta_n++] = (uint8_t)(*c - '0');
            c += c[1] ? 2 : 1;
        }
        if (*c || !o->reta_n)
            return cli_bad_value(err, n, arg, next, "1 to 8 queues 0..7, comma-separated");
        o->rss_set = 1;
        return 2;
    }
    if (!strcmp(arg, "--step-limit")) {
        if (cli_u64(arg, next, 1, 256, NULL, &v, err, n) != 0) return -1;
        o->step_limit = (uint32_t)v;
        return 2;
    }
    return 0;
}

int harness_built_check(const harness_opts_t *o, const nicrx_params_t *built)
{
    /* the parameters a simulator's command line may name but not change */
    const struct { const char *opt, *name; uint32_t want, got; } p[] = {
        { "--flows", "FLOWS", o->p.flows, built->flows },
        { "--data-width", "DATA_WIDTH", o->p.data_width, built->data_width },
        { "--axi-data-width", "AXI_DATA_WIDTH", o->p.axi_data_width, built->axi_data_width },
    };
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        if (p[i].want == p[i].got) continue;
        fprintf(stderr, "%s: %s %u: this simulator is built with %s=%u\n", o->prog, p[i].opt, p[i].want,
                p[i].name, p[i].got);
        return -1;
    }
    return 0;
}

int harness_args(harness_opts_t *o, const cli_t *c, int argc, char *const *argv, harness_extra_fn extra, void *ctx)
{
    char err[300];
    int st = cli_common(c, argc, argv);
    if (st >= 0) return st;
    o->prog = c->prog;
    for (int i = 1; i < argc; i++) {
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        int used = extra ? extra(ctx, c, argv[i], next) : 0;
        if (used < 0) return CLI_EXIT_USAGE;
        if (!used) used = harness_opt(o, argv[i], next, err, sizeof err);
        if (used < 0) { cli_error(c, "%s", err); return CLI_EXIT_USAGE; }
        if (used > 0) { i += used - 1; continue; }
        if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error(c, "unknown option %s", argv[i]);
        if (o->pcap) return cli_usage_error(c, "more than one capture given: %s and %s", o->pcap, argv[i]);
        o->pcap = argv[i];
    }
    if (!o->pcap) return cli_usage_error(c, "no capture file given");
    if (!o->trace && (o->trace_from || o->trace_to != UINT64_MAX)) {
        cli_error(c, "--trace-from and --trace-to need --trace FILE.fst");
        return CLI_EXIT_USAGE;
    }
    if (o->trace_to != UINT64_MAX && o->trace_to < o->trace_from) {
        cli_error(c, "--trace-to %" PRIu64 " is before --trace-from %" PRIu64, o->trace_to, o->trace_from);
        return CLI_EXIT_USAGE;
    }
    return -1;
}

static const char sim_help[] =
    "Runs nicrx_top (RTL) and the C model in lockstep on a capture, compared at the\n"
    "ports every cycle, and prints the report (docs/report.md).  Exit status: 0 no\n"
    "divergence and every check passed, 1 divergence or failed check, 2 bad input,\n"
    "3 the capture is cut short (its complete frames passed).\n"
    "  --trace FILE.fst    a waveform of the run (GTKWave: docs/report.md), of cycles\n"
    "  --trace-from N --trace-to M   N..M only (default the whole run); on a divergence,\n"
    "                      the 2000 cycles up to it unless --trace-from is given\n";

int harness_sim_args(harness_opts_t *o, int argc, char *const *argv)
{
    /* nicrx-sim passes its name as +prog=NAME and each of its arguments, in
     * order, as +a=ARG: the simulator's own command line holds plusargs only.
     * +pcap=FILE is the capture (for flows that set one plusarg: nicrx.core). */
    char *args[256];
    int n = 1;
    cli_t c = { "nicrx-sim", "[options] FILE.pcap|FILE.pcapng", sim_help, harness_usage() };
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "+prog=", 6)) c.prog = argv[i] + 6;
        else if (!strncmp(argv[i], "+a=", 3) && n < 256) args[n++] = argv[i] + 3;
        else if (!strncmp(argv[i], "+pcap=", 6) && n < 256) args[n++] = argv[i] + 6;
    }
    args[0] = (char *)(uintptr_t)c.prog;
    return harness_args(o, &c, n, args, NULL, NULL);
}

int harness_prog_load(harness_prog_t *p, const char *path, uint32_t imem_depth, char *err, size_t n)
{
    memset(p, 0, sizeof *p);
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, n, "cannot open: %s", strerror(errno)); return -1; }
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    uint8_t b[NICRX_IMEM_MAX * NICRX_INSN_BYTES];
    int bad = size < 0 || fseek(f, 0, SEEK_SET) != 0;
    if (!bad && size > 0 && size % NICRX_INSN_BYTES == 0 && (unsigned long)size / NICRX_INSN_BYTES <= imem_depth)
        bad = fread(b, 1, (size_t)size, f) != (size_t)size;
    fclose(f);
    if (bad) snprintf(err, n, "read error");
    else if (size == 0) snprintf(err, n, "empty program image");
    else if (size % NICRX_INSN_BYTES)
        snprintf(err, n, "%ld bytes is not a program image (a multiple of %u bytes)", size, NICRX_INSN_BYTES);
    else if ((unsigned long)size / NICRX_INSN_BYTES > imem_depth)
        snprintf(err, n, "%ld instructions, IMEM_DEPTH is %u", size / NICRX_INSN_BYTES, imem_depth);
    else {
        p->n = (uint32_t)(size / NICRX_INSN_BYTES);
        for (long i = 0; i < size / 4; i++)
            p->w[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 |
                      (uint32_t)b[4 * i + 3] << 24;
        return 0;
    }
    return -1;
}

/* ---- failures -------------------------------------------------------------- */

static uint64_t cur_frame(const harness_t *h)
{
    return h->sched.last_frame;
}

__attribute__((format(printf, 2, 3)))
static void fail(harness_t *h, const char *fmt, ...)
{
    if (h->status != HARNESS_OK) return;
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char fr[32] = "none";
    if (cur_frame(h) != UINT64_MAX) snprintf(fr, sizeof fr, "%" PRIu64, cur_frame(h));
    snprintf(h->msg, sizeof h->msg, "cycle %" PRIu64 ", frame %s: %s", h->k, fr, what);
    h->status = HARNESS_FAIL;
}

/* ---- model events and host completions ------------------------------------- */

/* The first field in which two header vectors differ, NULL if none. */
static const char *hv_diff(const nicrx_hv_t *a, const nicrx_hv_t *b, uint64_t *va, uint64_t *vb)
{
#define F(name, expr) do { *va = (uint64_t)(a->expr); *vb = (uint64_t)(b->expr); if (*va != *vb) return name; } while (0)
    F("cls", cls); F("l3", l3); F("l4", l4); F("proto", proto); F("vlan_cnt", vlan_cnt);
    F("vlan0", vlan[0]); F("vlan1", vlan[1]); F("frag", frag); F("mf", mf); F("frag_off", frag_off);
    for (int i = 0; i < 16; i += 8) {
        uint64_t x = 0, y = 0, u = 0, v = 0;
        for (int k = 0; k < 8; k++) {
            x = x << 8 | a->src[i + k]; y = y << 8 | b->src[i + k];
            u = u << 8 | a->dst[i + k]; v = v << 8 | b->dst[i + k];
        }
        *va = x; *vb = y; if (x != y) return i ? "src[63:0]" : "src[127:64]";
        *va = u; *vb = v; if (u != v) return i ? "dst[63:0]" : "dst[127:64]";
    }
    F("sport", sport); F("dport", dport); F("seq", seq); F("ack", ack); F("tcp_flags", tcp_flags);
    F("win", win);
    F("tcp_hlen", tcp_hlen); F("l4_len", l4_len); F("l3_off", l3_off); F("l4_off", l4_off);
    F("pay_off", pay_off); F("truncated", truncated); F("perr", perr); F("hash", hash);
#undef F
    return NULL;
}

/* The frame's header vector must be nicrx_parse() of its bytes with the
 * program that parsed it; with a swap, entirely the old or the new one, and
 * never the old after the new. */
static void check_parse(harness_t *h, uint64_t i, const nicrx_hv_t *model_hv)
{
    const cap_frame_t *cf = &h->cap.f[i];
    nicrx_hv_t bad;
    const nicrx_hv_t *hv = model_hv;
    if (i == h->inject_hv) { /* self-test of this check (tests/t_divergence.sh) */
        bad = *model_hv;
        bad.sport ^= 1u;
        hv = &bad;
    }
    const char *what = NULL;
    uint64_t va = 0, vb = 0;
    uint8_t match = 0;
    for (uint32_t p = 0; p <= h->swap; p++) {
        nicrx_hv_t e;
        uint32_t st = nicrx_parse(h->prog[p].w, h->o.p.imem_depth, cf->data, cf->len, h->o.p.header_bytes,
                                  h->step_limit, &e);
        if (p == 0) {
            h->steps += st;
            if (st > h->steps_max) h->steps_max = st;
        }
        uint64_t x, y;
        const char *d = hv_diff(hv, &e, &x, &y);
        if (!d) {
            if (!match) h->fr[i].steps = st; /* the steps of the program that parsed it */
            match |= (uint8_t)(1u << p);
        } else if (!what) { what = d; va = x; vb = y; }
    }
    h->fr[i].prog = match;
    h->nprog[match]++;
    if (!match) {
        fail(h, "frame %" PRIu64 ": header vector differs from nicrx_parse() of its bytes%s on %s: model 0x%" PRIx64
             ", nicrx_parse 0x%" PRIx64, i, h->swap ? " with the old and the new program (old shown)" : "", what, va, vb);
    } else if (match == 2) {
        if (h->first_new == UINT64_MAX) h->first_new = i;
    } else if (match == 1) {
        if (h->first_new != UINT64_MAX)
            fail(h, "frame %" PRIu64 " parsed by the old program after frame %" PRIu64 " was parsed by the new one",
                 i, h->first_new);
        else if (i >= h->swap_bound)
            fail(h, "frame %" PRIu64 " parsed by the old program, but it was sent after PARSER_SWAP was written", i);
    }
}

/* ---- the flow block: per-frame rules and a shadow of the flow database ------- */

static uint32_t flow_ctrl(const harness_t *h)
{
    return h->o.flow_ctrl >= 0 ? (uint32_t)h->o.flow_ctrl : NICRX_FLOW_CTRL_RESET;
}

static uint32_t flow_age(const harness_t *h) { return h->o.flow_age >= 0 ? (uint32_t)h->o.flow_age : 0u; }

static uint32_t flow_thresh(const harness_t *h)
{
    return h->o.flow_thresh >= 0 ? (uint32_t)h->o.flow_thresh : NICRX_FLOW_THRESH_RESET;
}

static uint8_t gen_next(uint8_t g) { return g == 255u ? 1u : (uint8_t)(g + 1u); }

/* The key image of docs/architecture.md "Flow key". */
static void hv_key(const nicrx_hv_t *hv, uint32_t ctrl, uint8_t *k)
{
    memset(k, 0, NICRX_FLOW_KEY_BYTES);
    memcpy(k + NICRX_FLOW_KEY_SRC, hv->src, 16);
    memcpy(k + NICRX_FLOW_KEY_DST, hv->dst, 16);
    k[NICRX_FLOW_KEY_SPORT] = (uint8_t)(hv->sport >> 8); k[NICRX_FLOW_KEY_SPORT + 1] = (uint8_t)hv->sport;
    k[NICRX_FLOW_KEY_DPORT] = (uint8_t)(hv->dport >> 8); k[NICRX_FLOW_KEY_DPORT + 1] = (uint8_t)hv->dport;
    k[NICRX_FLOW_KEY_PROTO] = hv->proto;
    k[NICRX_FLOW_KEY_IPVER] = hv->l3 == 1 ? 4u : hv->l3 == 2 ? 6u : 0u;
    if ((ctrl & NICRX_FLOW_CTRL_VLAN) && hv->vlan_cnt) {
        k[NICRX_FLOW_KEY_VID] = (uint8_t)(hv->vlan[0] >> 8 & 0xfu);
        k[NICRX_FLOW_KEY_VID + 1] = (uint8_t)hv->vlan[0];
    }
}

/* docs/opcodes.md "Inputs" */
static int hv_presel(const nicrx_hv_t *hv)
{
    return (hv->cls & NICRX_CLS(NICRX_CLS_PRESEL)) && hv->l4 == 1 && !hv->perr && !hv->truncated;
}

/* docs/opcodes.md: the parser's l4_len counts the bytes after the TCP header */
static uint32_t hv_pay(const nicrx_hv_t *hv) { return hv->l4_len; }

/* The valid entry holding key k, -1 if none. */
static int shadow_find(const harness_t *h, const uint8_t *k)
{
    for (uint32_t i = 0; i < h->o.p.flows; i++)
        if (h->sh[i].valid && !memcmp(h->sh[i].key, k, NICRX_FLOW_KEY_BYTES)) return (int)i;
    return -1;
}

/* A valid entry with signature sig but another key. */
static int shadow_conflict(const harness_t *h, const uint8_t *k, uint32_t sig)
{
    for (uint32_t i = 0; i < h->o.p.flows; i++)
        if (h->sh[i].valid && h->sh[i].sig == sig && memcmp(h->sh[i].key, k, NICRX_FLOW_KEY_BYTES)) return 1;
    return 0;
}

/* The TCP options digest (docs/opcodes.md "Inputs"), from the frame's bytes;
 * 0 and *optx = 1 if the options are not available. */
static uint32_t options_digest(const harness_t *h, const nicrx_hv_t *hv, const cap_frame_t *cf, int *optx)
{
    uint32_t avail = cf->len < h->o.p.header_bytes ? cf->len : h->o.p.header_bytes;
    *optx = hv->tcp_hlen < 20u || hv->tcp_hlen > 60u || (uint32_t)hv->l4_off + hv->tcp_hlen > avail;
    if (*optx) return 0;
    uint8_t opt[40] = { 0 };
    memcpy(opt, cf->data + hv->l4_off + 20u, hv->tcp_hlen - 20u);
    return nicrx_crc32c(opt, sizeof opt);
}

/* The sequence number after the frame's segment (docs/opcodes.md seg_end). */
static uint32_t hv_seg_end(const nicrx_hv_t *hv)
{
    return hv->seq + hv_pay(hv) + !!(hv->tcp_flags & NICRX_TCP_SYN) + !!(hv->tcp_flags & NICRX_TCP_FIN);
}

static void shadow_create(shadow_entry_t *s, uint8_t gen, const uint8_t *k, uint32_t sig, const nicrx_hv_t *hv,
                          uint32_t digest)
{
    *s = (shadow_entry_t){ .valid = 1, .gen = gen, .sig = sig, .ack = hv->ack, .digest = digest, .count = 1,
                           .flags = hv->tcp_flags, .hlen = hv->tcp_hlen, .data_seen = hv_pay(hv) > 0,
                           .exp = hv_seg_end(hv) };
    memcpy(s->key, k, NICRX_FLOW_KEY_BYTES);
}

static void shadow_update(shadow_entry_t *s, const nicrx_hv_t *hv, uint32_t digest)
{
    uint32_t pay = hv_pay(hv), end = hv_seg_end(hv);
    if ((int32_t)(end - s->exp) > 0) s->exp = end;
    s->ack = hv->ack;
    s->digest = digest;
    s->flags = hv->tcp_flags;
    s->hlen = hv->tcp_hlen;
    s->data_seen |= pay > 0;
    s->count++;
}

/* The opcode docs/opcodes.md gives a frame of a flow that existed before it
 * (e: the entry before the update). */
static int expected_update_opcode(const harness_t *h, const shadow_entry_t *e, const nicrx_hv_t *hv, uint32_t digest,
                                  int optx)
{
    if (hv_pay(hv) == 0) return NICRX_OP_CTRL;
    if (e->noassist) return NICRX_OP_TCP_OTHER;
    if (hv->seq != e->exp) return NICRX_OP_OOO;
    if (!e->data_seen) return NICRX_OP_FIRST;
    if (hv_pay(hv) < flow_thresh(h)) return NICRX_OP_SHORT;
    uint8_t l3len = (uint8_t)(hv->l4_off - hv->l3_off);
    int ipopt = (hv->l3 == 1 && l3len != 20u) || (hv->l3 == 2 && l3len != 40u);
    int forbidden = (hv->tcp_flags & (NICRX_TCP_URG | NICRX_TCP_CWR)) ||
                    ((hv->tcp_flags ^ e->flags) & ~(NICRX_TCP_CWR | NICRX_TCP_FIN | NICRX_TCP_PSH) & 0x1ffu) ||
                    hv->ack != e->ack || hv->tcp_hlen != e->hlen || digest != e->digest || optx || ipopt;
    return forbidden ? NICRX_OP_NO_MERGE : NICRX_OP_CONT;
}

/* Frame i's flow event: rules that follow from the frame's bytes (its header
 * vector was checked against nicrx_parse) and from the flow events before it;
 * then the shadow follows the event. */
static void check_flow(harness_t *h, uint64_t i, const nicrx_event_t *ev)
{
    harness_frame_t *f = &h->fr[i];
    uint32_t op = ev->opcode, fe = ev->flow_event, fl = ev->flow, gen = ev->gen;
    if (i == h->inject_op) op = (op + 1u) % NICRX_NUM_OPCODES; /* self-test (tests/t_divergence.sh) */
    if (f->flow_seen++) { fail(h, "frame %" PRIu64 ": a second flow event", i); return; }
    if (!f->has_hv) { fail(h, "frame %" PRIu64 ": flow event before its header vector", i); return; }
    if (f->verdict) { fail(h, "frame %" PRIu64 ": flow event after the frame was %s", i, f->verdict == 1 ? "delivered" : "dropped"); return; }
    f->opcode = (uint8_t)op; f->flow_event = (uint8_t)fe; f->flow = (uint8_t)fl; f->gen = (uint8_t)gen;
    if (op >= NICRX_NUM_OPCODES || fe >= NICRX_NUM_FLOW_EVENTS || fl >= h->o.p.flows || gen > 255u ||
        (gen == 0 && fl != 0)) {
        fail(h, "frame %" PRIu64 ": flow event out of range: opcode %u, event %u, flow %u, gen %u", i, op, fe, fl, gen);
        return;
    }
    h->fl_ops[op]++;
    h->fl_evs[fe]++;
    if (gen && fe == NICRX_FLOW_EV_AGED) h->fl_aged_created++;
    uint64_t c = h->k;
    if (h->fl_n) {
        uint64_t gap = c - h->fl_last;
        if (gap < h->fl_min_gap) h->fl_min_gap = gap;
    } else {
        h->fl_first = c;
        h->fl_min_gap = h->fl_best = UINT64_MAX;
    }
    if (h->fl_n >= FL_WINDOW && c - h->fl_ring[h->fl_n % FL_WINDOW] < h->fl_best)
        h->fl_best = c - h->fl_ring[h->fl_n % FL_WINDOW];
    h->fl_ring[h->fl_n++ % FL_WINDOW] = c;
    h->fl_last = c;

    const nicrx_hv_t *hv = &f->hv;
    uint32_t pay = hv_pay(hv), tf = hv->tcp_flags;
    const char *bad = NULL;
    char why[200];
    if (!hv_presel(hv)) {
        uint32_t want = hv->l4 == 1 ? NICRX_OP_TCP_OTHER : NICRX_OP_NOT_TCP;
        if (op != want || fe != NICRX_FLOW_EV_NONE || gen) {
            snprintf(why, sizeof why, "not pre-selected TCP: expected %s, no event, no flow", nicrx_opcode_name(want));
            bad = why;
        }
    } else if (op == NICRX_OP_NOT_TCP) {
        bad = "pre-selected TCP frame given NOT_TCP";
    } else if ((pay == 0) != (op == NICRX_OP_CTRL)) {
        bad = pay ? "payload frame given CTRL" : "frame without payload not given CTRL";
    } else if (pay && (gen == 0) != (op == NICRX_OP_NO_FLOW)) {
        bad = gen ? "frame with a flow given NO_FLOW" : "payload frame without a flow not given NO_FLOW";
    }
    if (bad) {
        fail(h, "frame %" PRIu64 ": %s (opcode %s, event %s, flow %u, gen %u)", i, bad, nicrx_opcode_name(op),
             nicrx_flow_event_name(fe), fl, gen);
        return;
    }
    if (!hv_presel(hv)) return;

    uint8_t k[NICRX_FLOW_KEY_BYTES];
    hv_key(hv, flow_ctrl(h), k);
    int optx;
    uint32_t sig = nicrx_crc32c(k, NICRX_FLOW_KEY_BYTES), digest = options_digest(h, hv, &h->cap.f[i], &optx);
    int may_create = (tf & NICRX_TCP_SYN || pay) && !(tf & (NICRX_TCP_FIN | NICRX_TCP_RST));
    int j = shadow_find(h, k);
    shadow_entry_t *e = gen ? &h->sh[fl] : j >= 0 ? &h->sh[j] : NULL;
    /* Only what the harness can be sure of: no command that changes entries
     * ran meanwhile, no entry involved that one may have changed. */
    int mutating = h->cmd_active && h->cmd.cmd != NICRX_FLOW_CMD_READ;
    int sure = !mutating && (j < 0 || !h->sh[j].uncertain) && (!e || !e->uncertain);
    if (!sure && fe != NICRX_FLOW_EV_NONE) h->fl_unsure = 1;
    if (h->cmd_active) {
        if (j >= 0) h->touched[j] = 1;
        if (gen) h->touched[fl] = 1;
    }
    for (uint32_t r = 0; r < HARNESS_INVAL_MAX && gen; r++) {
        harness_inval_t *iv = &h->inval[r];
        if (!iv->live || memcmp(iv->key, k, NICRX_FLOW_KEY_BYTES)) continue;
        iv->live = 0;
        if (fl == iv->flow && gen == iv->gen) {
            fail(h, "frame %" PRIu64 ": flow %u generation %u, as before the host invalidated it", i, fl, gen);
            return;
        }
        h->fl_regen++;
    }
    bad = NULL;
    int want_op = -1;
    switch (fe) {
    case NICRX_FLOW_EV_CREATED:
    case NICRX_FLOW_EV_EVICTED:
        if (!gen || !may_create) { bad = "a flow created by a frame that may not create one, or without a flow"; break; }
        if (fe == NICRX_FLOW_EV_EVICTED) {
            if (!(flow_ctrl(h) & NICRX_FLOW_CTRL_EVICT)) { bad = "evicted with FLOW_CTRL.evict 0"; break; }
            if (sure && (j >= 0 || !e->valid)) { bad = j >= 0 ? "evicted although the key has an entry" : "evicted an invalid entry"; break; }
        } else if (sure && j >= 0) {
            /* a hit creates only for a new connection (SYN, seq + 1 != exp) */
            if (j != (int)fl || !(tf & NICRX_TCP_SYN) || hv->seq + 1u == h->sh[j].exp) { bad = "created although the key has an entry"; break; }
        } else if (sure && e->valid) {
            if (!flow_age(h)) { bad = "created in a live entry with aging off"; break; }
            h->fl_aged_victims++;
        }
        if (sure && gen != gen_next(e->gen)) {
            snprintf(why, sizeof why, "created with generation %u, the entry had %u", gen, e->gen);
            bad = why;
            break;
        }
        want_op = pay ? NICRX_OP_FIRST : NICRX_OP_CTRL;
        shadow_create(&h->sh[fl], (uint8_t)gen, k, sig, hv, digest);
        h->sh[fl].uncertain = (uint8_t)mutating;
        break;
    case NICRX_FLOW_EV_UPDATED:
    case NICRX_FLOW_EV_REMOVED:
        if (!gen) { bad = "updated without a flow"; break; }
        if ((fe == NICRX_FLOW_EV_REMOVED) != !!(tf & (NICRX_TCP_FIN | NICRX_TCP_RST))) {
            bad = fe == NICRX_FLOW_EV_REMOVED ? "removed without FIN or RST" : "FIN or RST did not remove its flow";
            break;
        }
        if (sure && (j != (int)fl || gen != e->gen)) {
            snprintf(why, sizeof why, "%s flow %u gen %u, but the key is in entry %d gen %u", nicrx_flow_event_name(fe),
                     fl, gen, j, j >= 0 ? h->sh[j].gen : 0u);
            bad = why;
            break;
        }
        if (sure) {
            want_op = expected_update_opcode(h, e, hv, digest, optx);
            if (want_op == NICRX_OP_TCP_OTHER) h->fl_noassist++;
        }
        if (j >= 0 && j != (int)fl) h->sh[j].valid = 0;
        memcpy(e->key, k, sizeof k);
        e->valid = 1;
        e->gen = (uint8_t)gen;
        shadow_update(e, hv, digest);
        if (fe == NICRX_FLOW_EV_REMOVED) e->valid = 0;
        if (mutating) e->uncertain = 1;
        break;
    case NICRX_FLOW_EV_AGED:
        if (!flow_age(h)) { bad = "aged with FLOW_AGE 0 (aging off)"; break; }
        if (sure && j < 0) { bad = "aged, but the key has no entry"; break; }
        if (gen) {
            if (!may_create) { bad = "aged and created anew by a frame that may not create"; break; }
            if (sure && (j != (int)fl || gen != gen_next(h->sh[j].gen))) { bad = "aged: not created anew in its entry with the next generation"; break; }
            want_op = pay ? NICRX_OP_FIRST : NICRX_OP_CTRL;
            shadow_create(&h->sh[fl], (uint8_t)gen, k, sig, hv, digest);
            h->sh[fl].uncertain = (uint8_t)mutating;
        } else {
            if (may_create) { bad = "aged, and a frame that may create got no flow"; break; }
            if (j >= 0) h->sh[j].valid = 0;
        }
        break;
    default: /* none */
        if (gen) { bad = "a flow but no event"; break; }
        if (sure && j >= 0) { bad = "no flow although the key has an entry"; break; }
        if (sure && may_create && (flow_ctrl(h) & NICRX_FLOW_CTRL_EVICT) && !shadow_conflict(h, k, sig))
            bad = "no flow for a frame that may create one, with evict on and no signature conflict";
        break;
    }
    if (!bad && want_op >= 0 && op != (uint32_t)want_op) {
        snprintf(why, sizeof why, "expected %s", nicrx_opcode_name(want_op));
        bad = why;
    }
    if (bad)
        fail(h, "frame %" PRIu64 ": flow decision: %s (opcode %s, event %s, flow %u, gen %u)", i, bad,
             nicrx_opcode_name(op), nicrx_flow_event_name(fe), fl, gen);
}

/* ---- host flow commands (--flow-cmds) ---------------------------------------- */

static uint32_t log2u(uint32_t v)
{
    uint32_t l = 0;
    while ((1u << l) < v) l++;
    return l;
}

/* A random valid entry the harness is sure of, -1 if none. */
static int random_live(harness_t *h)
{
    uint32_t n = 0, pick[256];
    for (uint32_t i = 0; i < h->o.p.flows; i++)
        if (h->sh[i].valid && !h->sh[i].uncertain) pick[n++] = i;
    return n ? (int)pick[prng_range(&h->crng, 0, n - 1)] : -1;
}

static uint32_t ctx_info(uint32_t flags, uint32_t hlen, int data_seen, int noassist)
{
    return (data_seen ? NICRX_FLOW_INFO_DATA_SEEN : 0u) | (noassist ? NICRX_FLOW_INFO_NOASSIST : 0u) |
           (flags & 0xfffu) << NICRX_FLOW_INFO_FLAGS_SHIFT | (hlen & 0x3ffu) << NICRX_FLOW_INFO_HLEN_SHIFT;
}

/* INSTALL: half the time a live flow's key with noassist; else the key of a
 * pre-selected payload frame still to come whose flow has no entry, with its
 * sequence number as the expected one (a random key if there is none). */
static void choose_install(harness_t *h, host_flow_cmd_t *c)
{
    int live = random_live(h);
    if (live >= 0 && prng_pct(&h->crng, 50)) {
        const shadow_entry_t *s = &h->sh[live];
        memcpy(c->key, s->key, sizeof c->key);
        c->seq = s->exp;
        c->ack = s->ack;
        c->info = ctx_info(s->flags, s->hlen, 1, 1);
        return;
    }
    size_t end = h->sched.next + 4000u < h->cap.n ? h->sched.next + 4000u : h->cap.n;
    for (size_t i = h->sched.next + 8u; i < end; i++) {
        nicrx_hv_t hv;
        const cap_frame_t *cf = &h->cap.f[i];
        nicrx_parse(h->prog[0].w, h->o.p.imem_depth, cf->data, cf->len, h->o.p.header_bytes, h->step_limit, &hv);
        if (!hv_presel(&hv) || !hv_pay(&hv)) continue;
        hv_key(&hv, flow_ctrl(h), c->key);
        if (shadow_find(h, c->key) >= 0) continue;
        c->seq = hv.seq;
        c->ack = hv.ack;
        c->info = ctx_info(hv.tcp_flags, hv.tcp_hlen, 1, prng_pct(&h->crng, 50));
        return;
    }
    for (uint32_t b = 0; b < 32; b++) c->key[b] = (uint8_t)prng_next(&h->crng);
    memset(c->key + 4, 0, 12);
    memset(c->key + 20, 0, 12);
    c->key[NICRX_FLOW_KEY_SPORT] = 0x80; c->key[NICRX_FLOW_KEY_PROTO] = 6; c->key[NICRX_FLOW_KEY_IPVER] = 4;
    c->seq = (uint32_t)prng_next(&h->crng);
    c->info = ctx_info(0x10u, 20u, 0, 0);
}

static void flow_cmd_issue(harness_t *h)
{
    host_flow_cmd_t c;
    memset(&c, 0, sizeof c);
    if (h->chain_read) {
        /* after an INVALIDATE: READ the entry back */
        c.cmd = NICRX_FLOW_CMD_READ;
        c.sel = h->chain_read - 1u;
        h->chain_read = 0;
    } else {
        h->cmds_issued++;
        uint32_t r = prng_range(&h->crng, 0, 99);
        int live = random_live(h);
        /* An index of 8 bits, taken mod FLOWS by the device, or a live entry. */
        uint32_t sel = live >= 0 && prng_pct(&h->crng, 75) ? (uint32_t)live : prng_range(&h->crng, 0, 255);
        if (r < 40) {
            c.cmd = NICRX_FLOW_CMD_READ;
            c.sel = sel;
        } else if (r < 75) {
            c.cmd = NICRX_FLOW_CMD_INSTALL;
            choose_install(h, &c);
        } else {
            c.cmd = NICRX_FLOW_CMD_INVALIDATE;
            c.sel = sel;
        }
    }
    h->cmd = c;
    host_flow_start(&h->host, &c);
}

static void cmd_fail(harness_t *h, const host_flow_cmd_t *c, const host_flow_res_t *r, const char *what)
{
    static const char *const names[] = { "NONE", "READ", "INSTALL", "INVALIDATE" };
    fail(h, "flow command %s (FLOW_CMD 0x%04x): FLOW_STATUS 0x%08x: %s", names[c->cmd & 3u],
         (unsigned)((c->cmd & 3u) | (c->sel & 0xffu) << 8), r->status, what);
}

/* READ: the window against the harness's entry. */
static void check_read(harness_t *h, const host_flow_cmd_t *c, const host_flow_res_t *r, uint32_t sel)
{
    const shadow_entry_t *s = &h->sh[sel];
    uint32_t info = r->info, valid = info & NICRX_FLOW_INFO_VALID;
    uint32_t gen = r->status >> 16 & 0xffu;
    char why[200];
    const char *bad = NULL;
    if (valid != s->valid) bad = s->valid ? "entry valid, READ shows it invalid" : "entry invalid, READ shows it valid";
    else if (gen != s->gen) bad = "generation differs";
    else if (valid && memcmp(r->key, s->key, sizeof r->key)) bad = "key differs";
    else if (valid && r->seq != s->exp) {
        snprintf(why, sizeof why, "expected sequence 0x%08x, the frames decided give 0x%08x", r->seq, s->exp);
        bad = why;
    } else if (valid && r->ack != s->ack) bad = "acknowledgement number differs";
    else if (valid && r->opt != s->digest) bad = "TCP options digest differs";
    else if (valid && r->count != s->count) {
        snprintf(why, sizeof why, "count %u, the frames decided give %u", r->count, s->count);
        bad = why;
    } else if (valid && (!!(info & NICRX_FLOW_INFO_NOASSIST) != s->noassist ||
                         !!(info & NICRX_FLOW_INFO_DATA_SEEN) != s->data_seen))
        bad = "noassist or data seen differs";
    else if (valid && ((info >> NICRX_FLOW_INFO_FLAGS_SHIFT & 0xfffu) != s->flags ||
                       (info >> NICRX_FLOW_INFO_HLEN_SHIFT & 0x3ffu) != s->hlen))
        bad = "TCP flags or header length differ";
    else if ((info & NICRX_FLOW_INFO_AGED) && !flow_age(h))
        bad = "aged with aging off";
    if (bad) {
        char msg[260];
        snprintf(msg, sizeof msg, "entry %u: %s", sel, bad);
        cmd_fail(h, c, r, msg);
        return;
    }
    h->chk_read++;
}

static void flow_cmd_done(void *ctx, const host_flow_cmd_t *c, const host_flow_res_t *r)
{
    harness_t *h = ctx;
    uint32_t nf = h->o.p.flows, st = r->status;
    uint32_t failed = st >> 1 & 1u, idx = st >> 8 & 0xffu, gen = st >> 16 & 0xffu;
    int touched_any = 0;
    for (uint32_t i = 0; i < nf; i++) touched_any |= h->touched[i];
    h->cmd_active = 0;
    h->cmds[c->cmd & 3u]++;
    h->cmds_failed += failed;
    if ((st >> 24 & 0xfu) != log2u(nf) || idx >= nf) { cmd_fail(h, c, r, "log2 FLOWS or entry out of range"); return; }
    if (c->cmd == NICRX_FLOW_CMD_READ) {
        uint32_t sel = c->sel % nf;
        if (idx != sel || failed) { cmd_fail(h, c, r, "not the entry selected, or failed"); return; }
        if (!h->touched[sel] && !h->sh[sel].uncertain) check_read(h, c, r, sel);
        return;
    }
    if (c->cmd == NICRX_FLOW_CMD_INVALIDATE) {
        uint32_t sel = c->sel % nf;
        shadow_entry_t *s = &h->sh[sel];
        if (idx != sel) { cmd_fail(h, c, r, "not the entry selected"); return; }
        if (!h->touched[sel] && !s->uncertain) {
            if (failed != !s->valid) { cmd_fail(h, c, r, s->valid ? "failed on a valid entry" : "succeeded on an invalid entry"); return; }
            if (gen != s->gen) { cmd_fail(h, c, r, "generation changed"); return; }
            h->chk_inval++;
            if (s->valid) {
                harness_inval_t *iv = &h->inval[h->inval_wr++ % HARNESS_INVAL_MAX];
                *iv = (harness_inval_t){ .live = 1, .flow = (uint8_t)sel, .gen = s->gen };
                memcpy(iv->key, s->key, sizeof iv->key);
            }
        }
        s->uncertain |= h->touched[sel];
        h->fl_unsure |= s->uncertain;
        s->valid = 0;
        h->chain_read = sel + 1u;
        return;
    }
    /* INSTALL */
    int j = shadow_find(h, c->key), any_invalid = 0, any_uncertain = 0;
    uint32_t sig = nicrx_crc32c(c->key, NICRX_FLOW_KEY_BYTES);
    for (uint32_t i = 0; i < nf; i++) {
        any_invalid |= !h->sh[i].valid;
        any_uncertain |= h->sh[i].uncertain;
    }
    int evict = !!(flow_ctrl(h) & NICRX_FLOW_CTRL_EVICT);
    /* A full table without evict: whether the least recently active flow is aged is not known here. */
    int unsure = touched_any || h->sh[idx].uncertain || (j >= 0 ? h->sh[j].uncertain : any_uncertain) ||
                 (j < 0 && !any_invalid && !evict && flow_age(h));
    if (!unsure) {
        int conflict = j < 0 && shadow_conflict(h, c->key, sig);
        int want_fail = conflict || (j < 0 && !any_invalid && !evict);
        if ((int)failed != want_fail) { cmd_fail(h, c, r, want_fail ? "should fail (signature conflict or table full)" : "failed"); return; }
        if (!failed && j >= 0 && (idx != (uint32_t)j || gen != h->sh[j].gen)) { cmd_fail(h, c, r, "the key's entry or generation differs"); return; }
        if (!failed && j < 0) {
            if (gen != gen_next(h->sh[idx].gen)) { cmd_fail(h, c, r, "a new entry without the next generation"); return; }
            if (any_invalid && h->sh[idx].valid) { cmd_fail(h, c, r, "replaced a live entry with invalid ones free"); return; }
            h->fl_install_victims += h->sh[idx].valid;
        }
        h->chk_install++;
    } else {
        h->fl_unsure = 1;
    }
    if (failed) return;
    if (j >= 0 && j != (int)idx) h->sh[j].valid = 0;
    shadow_entry_t *s = &h->sh[idx];
    *s = (shadow_entry_t){ .valid = 1, .gen = (uint8_t)gen, .uncertain = (uint8_t)unsure, .sig = sig,
                           .exp = c->seq, .ack = c->ack, .digest = c->opt, .count = 0,
                           .flags = (uint16_t)(c->info >> NICRX_FLOW_INFO_FLAGS_SHIFT & 0xfffu),
                           .hlen = (uint16_t)(c->info >> NICRX_FLOW_INFO_HLEN_SHIFT & 0x3ffu),
                           .data_seen = !!(c->info & NICRX_FLOW_INFO_DATA_SEEN),
                           .noassist = !!(c->info & NICRX_FLOW_INFO_NOASSIST) };
    memcpy(s->key, c->key, sizeof s->key);
}

/* The batching hint's ground truth (host-interface.md "Completion record" more_cnt): at the
 * record's AW edge, the frames of the same flow and generation (a flow, RED kept it) that
 * entered the frame queue at an earlier edge, behind this one; the queue is in frame order,
 * so they are the frames after it queued up to now.  The model's count must agree; the
 * record's bits are checked against it when the host reads them. */
static int more_check(harness_t *h, const nicrx_event_t *ev)
{
    harness_frame_t *f = &h->fr[ev->frame];
    uint32_t n = 0;

    for (uint64_t j = ev->frame + 1u; f->gen && j < h->q_last; j++) {
        const harness_frame_t *g = &h->fr[j];
        n += g->queued && g->t_queued < ev->cycle && g->red == 1 && g->flow == f->flow && g->gen == f->gen;
    }
    f->more_cnt = (uint8_t)(n > 15 ? 15 : n);
    if (ev->more_cnt != f->more_cnt) {
        fail(h, "frame %" PRIu64 ": the model's more_cnt is %u, %u frames of flow %u gen %u wait behind it", ev->frame,
             ev->more_cnt, n, f->flow, f->gen);
        return -1;
    }
    h->more_flow += f->gen != 0;
    h->more_n += f->more_cnt != 0;
    h->more_runs += f->gen && f->more_cnt == 0;
    return 0;
}

/* The slot of a page's or list buffer's stripped frames (shead, stail): ring 3's pages and the
 * lists' pool both number their buffers from 0 in the id's low 12 bits; 2 * HOST_NBUF_MAX if
 * the id names neither. */
static uint32_t strip_slot(uint32_t id)
{
    const uint32_t idx = id & 0xfffu;
    return idx >= HOST_NBUF_MAX ? 2u * HOST_NBUF_MAX : idx + ((id & HOST_FLIST_ID) ? HOST_NBUF_MAX : 0u);
}

static void on_event(void *ctx, const nicrx_event_t *ev)
{
    harness_t *h = ctx;
    if (ev->frame >= h->cap.n) {
        fail(h, "model reports an event for frame %" PRIu64 ", beyond the %zu frames sent", ev->frame, h->cap.n);
        return;
    }
    harness_frame_t *f = &h->fr[ev->frame];
    if (f->verdict == 3) {
        fail(h, "model reports an event (kind %u) for frame %" PRIu64 ", lost to the reset", ev->kind, ev->frame);
        return;
    }
    switch (ev->kind) {
    case NICRX_EV_DROP:
        if (f->verdict) { fail(h, "model drops frame %" PRIu64 " twice", ev->frame); return; }
        /* The DMA's drops come after the flow block, the ingress's before the parser. */
        if (f->flow_seen != (ev->reason >= NICRX_REASON_NO_FIT)) {
            fail(h, "frame %" PRIu64 " dropped (%s) with %u flow events", ev->frame, nicrx_reason_name(ev->reason), f->flow_seen);
            return;
        }
        /* RED's verdict decides first at the queue head: a RED drop exactly when it said so */
        if (ev->reason >= NICRX_REASON_NO_FIT &&
            f->red != (ev->reason == NICRX_REASON_RED_EARLY ? 2 : ev->reason == NICRX_REASON_RED_FORCED ? 3 : 1)) {
            fail(h, "frame %" PRIu64 " dropped (%s) after RED's decision %u", ev->frame, nicrx_reason_name(ev->reason), f->red);
            return;
        }
        f->verdict = 2;
        f->reason = (uint8_t)ev->reason;
        if (ev->reason < NICRX_NUM_REASONS) h->drops[ev->reason]++;
        if (ev->reason == NICRX_REASON_NO_BUF) {
            if (ev->ring >= NICRX_REASM_RING) { fail(h, "frame %" PRIu64 " dropped no_buf for ring %u", ev->frame, ev->ring); return; }
            h->no_buf[ev->ring]++;
            f->ring = ev->ring;
        }
        h->accounted++;
        h->progress_at = h->k;
        h->last_done = h->k;
        break;
    case NICRX_EV_PARSED:
        f->has_hv = 1;
        f->hv = *ev->hv;
        if (!h->parsed++) h->hv_first = ev->cycle;
        h->hv_last = ev->cycle;
        check_parse(h, ev->frame, ev->hv);
        break;
    case NICRX_EV_QUEUED:
        if (f->queued || !f->red || ev->frame < h->q_last) {
            fail(h, "frame %" PRIu64 " enters the frame queue %s", ev->frame,
                 f->queued ? "twice" : !f->red ? "before RED's decision" : "out of order");
            return;
        }
        f->queued = 1;
        f->t_queued = ev->cycle;
        h->q_last = ev->frame + 1u;
        break;
    case NICRX_EV_DELIVER:
        if (f->verdict) { fail(h, "model delivers frame %" PRIu64 " after deciding it", ev->frame); return; }
        if (ev->strip && (h->host.reasm != NICRX_DRV_REASM_STRIP || ev->dring != NICRX_REASM_RING ||
                          (ev->dbuf_id & 0xfffu) >= HOST_NBUF_MAX || !ev->dlen)) {
            fail(h, "model strips frame %" PRIu64 " into buffer 0x%04x (%u bytes) of ring %u", ev->frame, ev->dbuf_id,
                 ev->dlen, ev->dring);
            return;
        }
        if (more_check(h, ev) != 0) return;
        if (ev->queue >= h->o.p.num_cq) { fail(h, "model delivers to queue %u", ev->queue); return; }
        if (f->flow_seen != 1) { fail(h, "frame %" PRIu64 " delivered with %u flow events", ev->frame, f->flow_seen); return; }
        if (f->red != 1) { fail(h, "frame %" PRIu64 " delivered after RED's decision %u", ev->frame, f->red); return; }
        f->verdict = 1;
        f->queue = ev->queue; f->ring = ev->ring; f->buf_id = ev->buf_id; f->len = ev->len;
        f->split = ev->split; f->dring = ev->dring; f->dbuf_id = ev->dbuf_id; f->dlen = ev->dlen;
        f->off = ev->off; f->doff = ev->doff;
        if (ev->strip) {
            /* no record: checked with its page's run (on_run) */
            const uint32_t p = strip_slot(ev->dbuf_id);
            if (h->stail[p]) h->fr[h->stail[p] - 1u].snext = ev->frame + 1u;
            else h->shead[p] = ev->frame + 1u;
            h->stail[p] = ev->frame + 1u;
            f->snext = 0;
        } else {
            h->cqfifo[ev->queue][h->cq_wr[ev->queue]++] = ev->frame;
        }
        h->delivered_ev++;
        h->progress_at = h->k;
        break;
    case NICRX_EV_FLOW:
        check_flow(h, ev->frame, ev);
        break;
    case NICRX_EV_RED: {
        char why[400];
        if (f->flow_seen != 1 || f->red) {
            fail(h, "RED decides frame %" PRIu64 " with %u flow events, %u RED decisions before", ev->frame,
                 f->flow_seen, f->red != 0);
            return;
        }
        if (redcheck_decision(&h->red, &ev->red, f->opcode, why, sizeof why) != 0) {
            fail(h, "frame %" PRIu64 ": %s", ev->frame, why);
            return;
        }
        f->red = (uint8_t)(1 + ev->red.drop + ev->red.forced);
        f->red_avg = ev->red.avg;
        f->red_pn = ev->red.p_num;
        f->red_pd = ev->red.p_den;
        break;
    }
    default:
        break;
    }
}

static int on_cmpl(void *ctx, uint32_t q, const struct nicrx_cmpl *c, const uint8_t *bytes, uint32_t n)
{
    harness_t *h = ctx;
    h->progress_at = h->k;
    h->last_done = h->k;
    if (nicrx_cmpl_err(c)) {
        fail(h, "completion on queue %u returns buffer 0x%04x with err=1 (descriptor error)", q, nicrx_cmpl_bufid(c));
        return -1;
    }
    if (h->cq_rd[q] == h->cq_wr[q]) {
        fail(h, "completion on queue %u (buffer 0x%04x, %u bytes) for no frame the model delivered there",
             q, nicrx_cmpl_bufid(c), nicrx_cmpl_len(c));
        return -1;
    }
    uint64_t i = h->cqfifo[q][h->cq_rd[q]++];
    harness_frame_t *f = &h->fr[i];
    const cap_frame_t *cf = &h->cap.f[i];
    if (nicrx_cmpl_ring(c) != f->ring || nicrx_cmpl_bufid(c) != f->buf_id || nicrx_cmpl_len(c) != f->len) {
        fail(h, "completion for frame %" PRIu64 " on queue %u: ring %u buf 0x%04x len %u, model says ring %u buf 0x%04x len %u",
             i, q, nicrx_cmpl_ring(c), nicrx_cmpl_bufid(c), nicrx_cmpl_len(c), f->ring, f->buf_id, f->len);
        return -1;
    }
    /* the header part's bytes then the data part's, gathered by the host: every byte of the frame */
    if (f->len + f->dlen != cf->len || n != cf->len || memcmp(bytes, cf->data, n) != 0) {
        uint32_t at = 0;
        while (at < n && at < cf->len && bytes[at] == cf->data[at]) at++;
        fail(h, "frame %" PRIu64 " in buffer 0x%04x differs from the capture (len %u vs %u, first difference at byte %u)",
             i, f->buf_id, n, cf->len, at);
        return -1;
    }
    if (f->has_hv) {
        const nicrx_hv_t *hv = &f->hv;
        uint64_t w0 = (uint64_t)(hv->l3 & 3u) << NICRX_C0_L3_SHIFT | (uint64_t)(hv->l4 & 3u) << NICRX_C0_L4_SHIFT |
                      (uint64_t)(hv->vlan_cnt != 0) << NICRX_C0_VLAN_BIT | (uint64_t)(hv->frag & 1u) << NICRX_C0_FRAG_BIT;
        uint8_t rss_type;
        uint32_t rss_hash = tb_rss_hash(&h->rss, hv, &rss_type);
        uint64_t w1 = rss_hash | (uint64_t)hv->l3_off << NICRX_C1_L3OFF_SHIFT | (uint64_t)hv->l4_off << NICRX_C1_L4OFF_SHIFT |
                      (uint64_t)f->more_cnt << NICRX_C1_MORE_CNT_SHIFT |
                      (uint64_t)rss_type << NICRX_C1_RSS_TYPE_SHIFT;
        uint64_t m0 = 0x3full << 34 | 1ull << NICRX_C0_MORE_BIT;
        w0 |= (uint64_t)(f->more_cnt != 0) << NICRX_C0_MORE_BIT;
        if ((c->w0 & m0) != w0 || c->w1 != w1) {
            fail(h, "completion for frame %" PRIu64 " (w0 0x%016" PRIx64 " w1 0x%016" PRIx64 ") disagrees with the model's header vector, "
                 "the harness's Toeplitz hash 0x%08x type %u and its batching count %u", i, c->w0, c->w1, rss_hash, rss_type,
                 f->more_cnt);
            return -1;
        }
        if (nicrx_cmpl_pay(c) != hv->l4_len) {
            fail(h, "completion for frame %" PRIu64 ": IP-declared payload %u, the model's header vector says %u", i,
                 nicrx_cmpl_pay(c), hv->l4_len);
            return -1;
        }
        if (!tb_rss_queue_ok(&h->rss, rss_hash, h->host.qsel, q)) {
            fail(h, "frame %" PRIu64 " (RSS hash 0x%08x) completed on queue %u: the indirection table never named it", i, rss_hash, q);
            return -1;
        }
    }
    /* record v2: word 2 the data part the model wrote (none for a whole frame); the class is
     * the ring of the whole frame or of the data part; reserved bits 0 */
    uint64_t w2_rsvd = 0x3ffull << 38, w3_rsvd = 7ull << 60;
    const uint32_t merged = f->dlen && f->dring == NICRX_REASM_RING;   /* into a re-assembly run's page */
    if (merged) w2_rsvd &= ~(1ull << NICRX_C2_MERGED_BIT);
    uint32_t large = f->split ? f->dlen && f->dring == 1 : f->ring == 1;
    if (nicrx_cmpl_split(c) != f->split || nicrx_cmpl_dlen(c) != f->dlen || nicrx_cmpl_dbufid(c) != f->dbuf_id ||
        nicrx_cmpl_dring(c) != f->dring || (f->split && f->ring != NICRX_HDR_RING) || (f->dlen && f->dring == NICRX_HDR_RING) ||
        nicrx_cmpl_merged(c) != merged || (merged && (nicrx_cmpl_drel(c) || nicrx_cmpl_dcnt(c))) ||
        nicrx_cmpl_large(c) != large || (c->w2 & w2_rsvd) || (c->w3 & w3_rsvd) || nicrx_cmpl_off(c) != f->off ||
        nicrx_cmpl_doff(c) != f->doff || (!f->dlen && (nicrx_cmpl_doff(c) || nicrx_cmpl_drel(c) || nicrx_cmpl_dcnt(c)))) {
        fail(h, "completion for frame %" PRIu64 " (w2 0x%016" PRIx64 " w3 0x%016" PRIx64 "): not the parts the model wrote "
             "(first part ring %u offset %u, split %u, data part ring %u buf 0x%04x offset %u len %u) with its reserved bits 0",
             i, c->w2, c->w3, f->ring, f->off, f->split, f->dring, f->dbuf_id, f->doff, f->dlen);
        return -1;
    }
    if (i < h->cq_next[q]) {
        fail(h, "frame %" PRIu64 " completed on queue %u after frame %" PRIu64 ": out of order", i, q, h->cq_next[q] - 1u);
        return -1;
    }
    h->cq_next[q] = i + 1u;
    f->rss_hash = (uint32_t)(c->w1 >> NICRX_C1_HASH_SHIFT);
    f->rss_type = (uint8_t)(c->w1 >> NICRX_C1_RSS_TYPE_SHIFT & 7u);
    if (nicrx_cmpl_opcode(c) != f->opcode || nicrx_cmpl_flow(c) != f->flow || nicrx_cmpl_gen(c) != f->gen) {
        fail(h, "completion for frame %" PRIu64 ": opcode %u flow %u gen %u, the flow block decided opcode %u flow %u gen %u",
             i, nicrx_cmpl_opcode(c), nicrx_cmpl_flow(c), nicrx_cmpl_gen(c), f->opcode, f->flow, f->gen);
        return -1;
    }
    /* the stream view from the host's bytes, and the same frame's capture bytes placed by the
     * model's parse in the same order (streams_final_check) */
    tcpview_record(h->view, c, bytes, n);
    if (f->has_hv) tcpview_frame(h->ref, &f->hv, cf->data, cf->len - (i == h->inject_stream));
    f->lerr = (uint8_t)nicrx_cmpl_lerr(c);
    f->verified = 1;
    f->t_done = h->k;
    h->verified++;
    h->completions[q]++;
    h->accounted++;
    return 0;
}

/* A run the host took with header stripping on: its page's bytes after the first frame's
 * ([mlen, rlen)) are the data parts of the frames the model stripped into it, in order,
 * each equal to the capture's; they are delivered (verified) here, as a record would.  The
 * run record's ACK number and window are its last frame's TCP header's: the first frame's
 * header part's, or the last stripped frame's capture bytes, at the first frame's L4 offset
 * (a run's frames are one flow without IP options: one offset). */
static int on_run(void *ctx, const struct nicrx_cmpl *first, const uint8_t *hdr, uint32_t hlen,
                  const uint8_t *page, uint32_t mlen, const struct nicrx_cmpl *run)
{
    harness_t *h = ctx;
    const uint32_t page_id = nicrx_cmpl_bufid(run), rlen = nicrx_cmpl_run_len(run), segs = nicrx_cmpl_run_segs(run);
    const uint32_t flags = nicrx_cmpl_run_flags(run), l4 = NICRX_FIELD(first->w1, NICRX_C1_L4OFF_SHIFT, 8);
    const uint32_t p = strip_slot(page_id);
    uint32_t at = mlen, n = 1, last = 0;   /* the last stripped frame's URG, PSH, RST, FIN */
    uint32_t ack = be32(hdr + l4 + 8), win = be16(hdr + l4 + 14);   /* the host checked l4 + 16 <= hlen */

    h->progress_at = h->k;
    h->last_done = h->k;
    for (uint64_t j = p < 2 * HOST_NBUF_MAX ? h->shead[p] : 0; j; j = h->fr[j - 1u].snext, n++) {
        const uint64_t i = j - 1u;
        harness_frame_t *f = &h->fr[i];
        const cap_frame_t *cf = &h->cap.f[i];
        if (f->doff != at || at + f->dlen > rlen || f->dlen > cf->len || cf->len < l4 + 16u ||
            memcmp(page + at, cf->data + cf->len - f->dlen, f->dlen) != 0) {
            fail(h, "run in page 0x%04x: frame %" PRIu64 " stripped at offset %u (%u bytes) is not the capture's "
                 "payload after the run's %u bytes", page_id, i, f->doff, f->dlen, at);
            return -1;
        }
        at += f->dlen;
        ack = be32(cf->data + l4 + 8);
        win = be16(cf->data + l4 + 14);
        if (f->has_hv) tcpview_frame(h->ref, &f->hv, cf->data, cf->len - (i == h->inject_stream));
        last = f->has_hv ? f->hv.tcp_flags & (NICRX_TCP_URG | NICRX_TCP_PSH | NICRX_TCP_RST | NICRX_TCP_FIN) : 0;
        f->verified = 1;
        f->t_done = h->k;
        h->verified++;
        h->accounted++;
    }
    if (at != rlen || n != segs || flags != last || nicrx_cmpl_run_ack(run) != ack || nicrx_cmpl_run_win(run) != win) {
        fail(h, "run in page 0x%04x: %u bytes in %u segments, flags 0x%02x, ACK %u window %u; its first frame and the "
             "frames stripped into it: %u in %u, flags 0x%02x, ACK %u window %u", page_id, rlen, segs, flags,
             nicrx_cmpl_run_ack(run), nicrx_cmpl_run_win(run), at, n, last, ack, win);
        return -1;
    }
    if (p < 2 * HOST_NBUF_MAX) h->shead[p] = h->stail[p] = 0;
    tcpview_run(h->view, first, hdr, hlen, mlen, page, rlen, segs, (flags & NICRX_TCP_FIN) != 0);
    return 0;
}

/* ---- life cycle ------------------------------------------------------------- */

/* ---- receive-side scaling (--rss-*, --reta*) ------------------------------------ */

/* What the options configure. */
static void rss_config(const harness_opts_t *o, tb_rss_t *r)
{
    tb_rss_init(r, o->p.reta_size);
    if (!o->rss_set)
        return;
    if (o->rss_key_set) memcpy(r->key, o->rss_key, sizeof r->key);
    if (o->rss_types >= 0) r->types = (uint8_t)o->rss_types;
    r->mode = (uint8_t)o->rss_mode;
    for (uint32_t i = 0; i < o->p.reta_size; i++) {
        r->reta[i] = o->reta_n ? o->reta[i % o->reta_n] : (uint8_t)(i % 8u);
        r->held[i] = (uint8_t)(1u << r->reta[i]);   /* written before any frame */
    }
}

uint32_t harness_rss_writes(const harness_opts_t *o, uint32_t *addr, uint32_t *data, uint32_t max)
{
    tb_rss_t r;

    if (!o->rss_set)
        return 0;
    rss_config(o, &r);
    return tb_rss_writes(&r, addr, data, max);
}

/* The configuration, and the bring-up's writes of it. */
static void rss_setup(harness_t *h)
{
    uint32_t addr[HARNESS_RSS_WRITES_MAX], data[HARNESS_RSS_WRITES_MAX];
    uint32_t n = harness_rss_writes(&h->o, addr, data, HARNESS_RSS_WRITES_MAX);

    rss_config(&h->o, &h->rss);
    for (uint32_t i = 0; i < n; i++)
        host_write(&h->host, addr[i], data[i]);
}

/* --reta-rewrite-at: every entry to its queue + 1 mod 8, under traffic; a frame looked
 * up from the first write on may take either value of its entry. */
static void rss_rewrite(harness_t *h)
{
    uint32_t addr[HARNESS_RSS_WRITES_MAX], data[HARNESS_RSS_WRITES_MAX], n;

    for (uint32_t i = 0; i < h->rss.reta_size; i++)
        tb_rss_set_entry(&h->rss, i, (uint8_t)(h->rss.reta[i] + 1u));
    n = tb_rss_writes(&h->rss, addr, data, HARNESS_RSS_WRITES_MAX);
    for (uint32_t i = 11; i < n; i++)   /* the table only: IADDR, then the entries */
        host_write(&h->host, addr[i], data[i]);
}

/* The bring-up's writes besides the driver's (RED, RSS; ahead of the driver's), and the
 * harness's RED check from the values they write: at the start and after a reset. */
static void bringup_writes(harness_t *h)
{
    uint32_t red_addr[RED_NUM_OPTS], red_val[RED_NUM_OPTS];
    for (uint32_t i = 0, n = redcheck_writes(h->o.red, red_addr, red_val); i < n; i++)
        host_write(&h->host, red_addr[i], red_val[i]);
    redcheck_init(&h->red, h->o.red, h->o.p.pkt_mem_bytes / (h->o.p.data_width / 8));
    rss_setup(h);
}

/* A self-test's number from the environment (tests/t_divergence.sh), dflt when unset. */
static uint64_t env_u64(const char *name, uint64_t dflt)
{
    const char *v = getenv(name);
    return v ? strtoull(v, NULL, 0) : dflt;
}

harness_t *harness_new(const harness_opts_t *o, int *status)
{
    char err[400];
    const char *bad = nicrx_params_check(&o->p);
    if (bad) {
        fprintf(stderr, "%s: bad parameters: %s\n", o->prog, bad);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    if (!o->pcap) {
        fprintf(stderr, "%s: no capture file given\n", o->prog);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    harness_t *h = calloc(1, sizeof *h);
    if (!h) abort();
    h->o = *o;
    /* Self-test of the divergence path (tests/t_divergence.sh): the model's
     * s_axil_rdata is flipped in the comparison at this cycle. */
    h->inject = env_u64("NICRX_INJECT_DIVERGENCE", 0);
    h->inject_hv = env_u64("NICRX_INJECT_HV", UINT64_MAX);
    /* ... and NICRX_INJECT_OPCODE=N frame N's operation code from the flow block. */
    h->inject_op = env_u64("NICRX_INJECT_OPCODE", UINT64_MAX);
    /* ... and NICRX_INJECT_STREAM=N the capture's view of frame N one byte short at its end. */
    h->inject_stream = env_u64("NICRX_INJECT_STREAM", UINT64_MAX);
    if (!h->o.seed_set)
        h->o.seed = ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^ 0x5eed;
    if (capture_load(&h->cap, o->pcap, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s: %s\n", o->prog, o->pcap, err);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    h->o.pcap = h->cap.path; /* the caller's string may not outlive this call */
    if ((o->swap_program != NULL) != (o->swap_at_set != 0)) {
        fprintf(stderr, "%s: --swap-at and --swap-program go together\n", o->prog);
        capture_free(&h->cap);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    if (o->swap_at_set && o->swap_at > h->cap.n) {
        fprintf(stderr, "%s: %s: --swap-at %" PRIu64 ": the capture has %zu frames\n", o->prog, o->pcap, o->swap_at, h->cap.n);
        capture_free(&h->cap);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    if (o->reset_at_set && (o->swap_at_set || o->reta_rewrite_set || o->flow_cmds || o->msix)) {
        fprintf(stderr, "%s: --reset-at does not combine with --swap-at, --reta-rewrite-at, --flow-cmds or --msix\n", o->prog);
        capture_free(&h->cap);
        free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    const char *files[2] = { o->program, o->swap_program };
    for (int p = 0; p < 2; p++) {
        if (!files[p]) continue;
        if (harness_prog_load(&h->prog[p], files[p], o->p.imem_depth, err, sizeof err) != 0) {
            fprintf(stderr, "%s: %s: %s\n", o->prog, files[p], err);
            capture_free(&h->cap);
            free(h);
            *status = HARNESS_BADINPUT;
            return NULL;
        }
    }
    if (!o->program) {
        /* IMEM_INIT: the default program, in both banks at configuration. */
        const uint32_t *w = nicrx_default_program_words(&h->prog[0].n);
        memcpy(h->prog[0].w, w, (size_t)h->prog[0].n * NICRX_INSN_BYTES);
    }
    h->swap = o->swap_program != NULL;
    h->step_limit = o->step_limit ? o->step_limit : NICRX_PARSER_STEP_LIMIT_RESET;
    h->first_new = UINT64_MAX;
    h->swap_bound = UINT64_MAX;
    h->m = nicrx_model_new(&o->p);
    h->view = tcpview_new();
    h->ref = tcpview_new();
    tb_rss_init(&h->rss, o->p.reta_size);
    h->fr = calloc(h->cap.n, sizeof *h->fr);
    if (!h->m || !h->fr) abort();
    for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) {
        h->cqfifo[q] = calloc(h->cap.n, sizeof *h->cqfifo[q]);
        if (!h->cqfifo[q]) abort();
    }
    nicrx_model_set_event_fn(h->m, on_event, h);
    sched_init(&h->sched, &h->cap, o->p.data_width / 8, (sched_pace_t)o->pace, o->clk_mhz * 1e6);
    host_init(&h->host, &o->p, (host_stall_t)o->stall, h->o.seed, on_cmpl, h);
    host_parser_setup(&h->host, o->step_limit, o->program ? h->prog[0].w : NULL, h->prog[0].n);
    const int64_t flow_regs[4] = { o->flow_ctrl, o->flow_thresh, o->flow_tick, o->flow_age };
    host_flow_setup(&h->host, flow_regs, flow_cmd_done, h);
    const int64_t irq_regs[3] = { o->irq_count, o->irq_time, o->irq_tick };
    host_irq_setup(&h->host, irq_regs, o->irq_napi);
    if (o->msix) host_msix_setup(&h->host);
    if (o->split_off) host_split_off(&h->host);
    if (o->pages_off) host_pages_off(&h->host);
    if (o->reasm_ring) host_reasm_pages(&h->host, (uint32_t)o->reasm_ring);
    if (o->starve_ring >= 0) host_starve_ring(&h->host, (uint32_t)o->starve_ring, o->starve_from);
    if (o->buf_wait >= 0) host_write(&h->host, NICRX_REG_XFER_BUF_WAIT, (uint32_t)o->buf_wait);
    if (o->reasm_timeout >= 0) host_write(&h->host, NICRX_REG_REASM_TIMEOUT, (uint32_t)o->reasm_timeout);
    if (o->reasm_bytes >= 0) host_write(&h->host, NICRX_REG_REASM_MAX_BYTES, (uint32_t)o->reasm_bytes);
    if (o->reasm_on) host_reasm_on(&h->host, o->reasm_on, on_run, h);
    if (o->reasm_on && o->runs_pcap && host_runs_pcap(&h->host, o->runs_pcap, err, sizeof err) != 0) {
        fprintf(stderr, "%s: --runs-pcap %s: %s\n", o->prog, o->runs_pcap, err);
        harness_free(h);
        *status = HARNESS_BADINPUT;
        return NULL;
    }
    if (o->reasm_on && o->flist_port) host_flist_setup(&h->host, o->flist_port, o->flist_n, o->flist_bad, o->flist_unbind);
    h->irqchk_on = o->irq_napi || o->irq_count >= 0 || o->irq_time >= 0 || o->irq_tick >= 0;
    irqchk_init(&h->irqchk, o->p.num_cq, o->irq_count >= 0 ? (uint32_t)o->irq_count : NICRX_IRQ_COUNT_RESET,
                o->irq_time >= 0 ? (uint32_t)o->irq_time : NICRX_IRQ_TIME_RESET,
                o->irq_tick >= 0 ? (uint32_t)o->irq_tick : NICRX_IRQ_TICK_RESET);
    /* Self-test of the interrupt check (tests/t_divergence.sh): NICRX_INJECT_IRQ=N makes it
     * expect an interrupt at N records pending whatever IRQ_COUNT the host wrote. */
    h->irqchk.count = (uint32_t)env_u64("NICRX_INJECT_IRQ", h->irqchk.count);
    bringup_writes(h);
    h->rst_from = UINT64_MAX;
    h->up_from = RST_EDGES;
    /* ... and NICRX_INJECT_LOST=N frame N, lost to the reset, counted but left unmarked. */
    h->inject_lost = env_u64("NICRX_INJECT_LOST", UINT64_MAX);
    h->crng = h->o.seed ^ 0xf10c0de5ull;
    if (!h->crng) h->crng = 1;
    clock_gettime(CLOCK_MONOTONIC, &h->wall0);
    *status = HARNESS_OK;
    return h;
}

void harness_free(harness_t *h)
{
    if (!h) return;
    nicrx_model_free(h->m);
    tcpview_free(h->view);
    tcpview_free(h->ref);
    host_free(&h->host);
    capture_free(&h->cap);
    for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) free(h->cqfifo[q]);
    free(h->fr);
    free(h);
}

uint32_t harness_expected_consts(const harness_t *h)
{
    /* {id[13], lock[12], prot[11:9], cache[8:5], burst[4:3], size[2:0]} */
    uint32_t size = h->o.p.axi_data_width == 128 ? 4u : h->o.p.axi_data_width == 64 ? 3u : 2u;
    return size | 1u << 3 | 3u << 5;
}

void harness_consts(harness_t *h, uint32_t aw_consts, uint32_t ar_consts)
{
    h->aw_consts = aw_consts;
    h->ar_consts = ar_consts;
    h->consts_set = 1;
}

/* ---- the cycle --------------------------------------------------------------- */

static int compare(harness_t *h, const nicrx_out_t *e, const nicrx_out_t *a)
{
    uint64_t ev, av;
    const char *port = nicrx_out_diff(&h->o.p, e, a, &ev, &av);
    if (port) {
        fail(h, "DIVERGENCE on %s: model 0x%" PRIx64 ", RTL 0x%" PRIx64, port, ev, av);
        return -1;
    }
    if (h->consts_set) {
        uint32_t want = harness_expected_consts(h);
        if (h->aw_consts != want || h->ar_consts != want) {
            fail(h, "DIVERGENCE on the constant AXI outputs {id,lock,prot,cache,burst,size}: expected 0x%x, AW 0x%x, AR 0x%x",
                 want, h->aw_consts, h->ar_consts);
            return -1;
        }
    }
    return 0;
}

/* Flow entries the frames created: in a free entry, in place of the least
 * recently active flow, or anew after their own flow aged. */
static uint64_t flows_created(const harness_t *h)
{
    const uint64_t *ev = h->fl_evs;
    return ev[NICRX_FLOW_EV_CREATED] + ev[NICRX_FLOW_EV_EVICTED] + h->fl_aged_created;
}

/* The flow counters against the decisions the harness saw. */
static void flow_final_checks(harness_t *h)
{
    const uint32_t *c = h->host.cnt;
    const harness_base_t *b = &h->base;
    uint64_t ev[NICRX_NUM_FLOW_EVENTS], no_flow = h->fl_ops[NICRX_OP_NO_FLOW] - b->ops[NICRX_OP_NO_FLOW];
    for (uint32_t i = 0; i < NICRX_NUM_FLOW_EVENTS; i++) ev[i] = h->fl_evs[i] - b->evs[i];
    uint64_t created = ev[NICRX_FLOW_EV_CREATED] + ev[NICRX_FLOW_EV_EVICTED] + h->fl_aged_created - b->aged_created;
    /* Replaced live flows: evicted or (aged victims) aged. */
    uint64_t replaced = ev[NICRX_FLOW_EV_EVICTED] + ev[NICRX_FLOW_EV_AGED] + h->fl_aged_victims - b->aged_victims +
                        h->fl_install_victims - b->install_victims;
    uint64_t got_replaced = (uint64_t)c[NICRX_CNT_FLOW_EVICTED] + c[NICRX_CNT_FLOW_AGED];
    for (size_t i = 0; i < h->cap.n; i++) {
        const harness_frame_t *f = &h->fr[i];
        if (f->verdict == 1 && f->flow_seen != 1)
            fail(h, "frame %zu delivered with %u flow events", i, f->flow_seen);
    }
    if (c[NICRX_CNT_FLOW_CREATED] != (uint32_t)created)
        fail(h, "FLOW_CREATED %u, the frames' flow events created %" PRIu64, c[NICRX_CNT_FLOW_CREATED], created);
    else if (c[NICRX_CNT_FLOW_REMOVED] != (uint32_t)ev[NICRX_FLOW_EV_REMOVED])
        fail(h, "FLOW_REMOVED %u, %" PRIu64 " removed events", c[NICRX_CNT_FLOW_REMOVED], ev[NICRX_FLOW_EV_REMOVED]);
    else if (c[NICRX_CNT_FLOW_NO_FLOW] != (uint32_t)no_flow)
        fail(h, "FLOW_NO_FLOW %u, %" PRIu64 " frames with NO_FLOW", c[NICRX_CNT_FLOW_NO_FLOW], no_flow);
    else if (!flow_age(h) && c[NICRX_CNT_FLOW_AGED])
        fail(h, "FLOW_AGED %u with aging off", c[NICRX_CNT_FLOW_AGED]);
    else if (c[NICRX_CNT_FLOW_AGED] < (uint32_t)ev[NICRX_FLOW_EV_AGED] || c[NICRX_CNT_FLOW_EVICTED] < (uint32_t)ev[NICRX_FLOW_EV_EVICTED])
        fail(h, "FLOW_AGED %u, FLOW_EVICTED %u: fewer than the %" PRIu64 " aged and %" PRIu64 " evicted events",
             c[NICRX_CNT_FLOW_AGED], c[NICRX_CNT_FLOW_EVICTED], ev[NICRX_FLOW_EV_AGED], ev[NICRX_FLOW_EV_EVICTED]);
    else if (!h->fl_unsure && got_replaced != replaced)
        fail(h, "FLOW_EVICTED %u + FLOW_AGED %u, expected %" PRIu64 " (evicted and aged events, aged victims, entries INSTALL replaced)",
             c[NICRX_CNT_FLOW_EVICTED], c[NICRX_CNT_FLOW_AGED], replaced);
}

/* Interrupt messages: each a write of the queue's data to its word (nothing else there, and
 * no error), as many as MSIX_WRITES counted; one per rise of the queue's line at most (rises
 * before the message's AW is taken are one interrupt), and one after the last rise. */
static void msix_final_checks(harness_t *h)
{
    const host_t *ho = &h->host;
    uint64_t sum = 0;
    for (uint32_t q = 0; ho->msix && q < h->o.p.num_cq; q++) {
        uint32_t word = 0;
        mem_read(&ho->mem, host_msix_addr(q), &word, sizeof word);
        sum += ho->msix_writes[q];
        if (ho->msix_writes[q] > h->irqs[q])
            fail(h, "queue %u: %" PRIu64 " interrupt messages for %" PRIu64 " rises of its line", q,
                 ho->msix_writes[q], h->irqs[q]);
        else if (h->last_rise[q] && ho->msix_last[q] <= h->last_rise[q])
            fail(h, "queue %u: no interrupt message after the rise of its line at edge %" PRIu64, q, h->last_rise[q]);
        else if (ho->msix_writes[q] && word != host_msix_data(q))
            fail(h, "queue %u: its message word holds 0x%08x, not MSIX_DATA 0x%08x", q, word, host_msix_data(q));
    }
    if ((uint32_t)sum != ho->cnt[NICRX_CNT_MSIX_WRITES] || ho->cnt[NICRX_CNT_MSIX_ERROR])
        fail(h, "MSIX_WRITES %u, MSIX_ERROR %u: the host bus carried %" PRIu64 " messages", ho->cnt[NICRX_CNT_MSIX_WRITES],
             ho->cnt[NICRX_CNT_MSIX_ERROR], sum);
}

/* The host's TCP stream view against the capture's own payload bytes: the same view built
 * from the capture's bytes of the frames the host took, in the order it took them, each
 * placed by its sequence number (frames the device dropped are gaps in both). */
static void streams_final_check(harness_t *h)
{
    char why[400];
    if (tcpview_compare(h->view, h->ref, why, sizeof why) != 0)
        fail(h, "TCP stream view: %s", why);
}

/* Every frame is delivered (the host took and checked its record), dropped (by reason) or
 * lost to the reset (sent before it), exactly one of them; the tallies add up. */
static void accounting_check(harness_t *h)
{
    uint64_t n[4] = { 0 }, dropped = 0;
    for (uint32_t r = 1; r < NICRX_NUM_REASONS; r++) dropped += h->drops[r];
    for (size_t i = 0; i < h->cap.n; i++) {
        const harness_frame_t *f = &h->fr[i];
        int delivered = f->verdict == 1 && f->verified;
        if (!delivered && f->verdict != 2 && f->verdict != 3) {
            fail(h, "frame %zu neither delivered, dropped nor lost to the reset", i);
            return;
        }
        if (f->verdict == 3 && i >= h->rst_sent) {
            fail(h, "frame %zu lost to the reset, but it was sent after it", i);
            return;
        }
        n[f->verdict]++;
    }
    if (n[1] != h->verified || n[2] != dropped || n[3] != h->rst_lost || h->verified + dropped + h->rst_lost != h->cap.n)
        fail(h, "delivered %" PRIu64 " + dropped %" PRIu64 " + lost to the reset %" PRIu64 " != %zu frames sent "
             "(the frames' fates: %" PRIu64 ", %" PRIu64 ", %" PRIu64 ")", h->verified, dropped, h->rst_lost, h->cap.n,
             n[1], n[2], n[3]);
}

static void final_checks(harness_t *h)
{
    h->in_final = 1;
    const uint32_t *c = h->host.cnt;
    /* the device counts from its last reset: the frames sent since (all of them without --reset-at) */
    uint64_t n = h->cap.n - h->first_frame, bytes = 0, dsum = 0, verified = h->verified - h->base.verified;
    /* The ingress length counter saturates at 16 bits (cm_len[15:0]). */
    for (size_t i = h->first_frame; i < h->cap.n; i++) bytes += h->cap.f[i].len > 0xffffu ? 0xffffu : h->cap.f[i].len;
    accounting_check(h);
    for (uint32_t r = NICRX_REASON_BAD_FRAME; r < NICRX_NUM_REASONS; r++)
        dsum += nicrx_reason_total(c, r);
    /* the re-assembly ring is fetched once pages are posted to it (none: --starve-ring 3); a
     * reset after the last frame leaves only the bring-up, which may end before the fetch */
    const int reasm_none = h->host.starve == NICRX_REASM_RING + 1u && h->host.starve_from == 0;
    if (h->host.reasm && n > 0 && reasm_none != (h->host.reasm_head == 0))
        fail(h, "re-assembly ring: FBR_HEAD %u at the end, %s posted", h->host.reasm_head,
             reasm_none ? "no page" : "pages");
    if (!(h->host.status & 1u))
        fail(h, "device not idle at the end: STATUS 0x%08x", h->host.status);
    else if (c[NICRX_CNT_RX_FRAMES] != (uint32_t)n)
        fail(h, "RX_FRAMES %u, capture has %" PRIu64 " frames", c[NICRX_CNT_RX_FRAMES], n);
    else if (c[NICRX_CNT_RX_BYTES] != (uint32_t)bytes)
        fail(h, "RX_BYTES %u, capture has %" PRIu64 " bytes", c[NICRX_CNT_RX_BYTES], bytes);
    else if ((uint32_t)(c[NICRX_CNT_DELIVERED] + dsum) != (uint32_t)n)
        fail(h, "DELIVERED %u + drops %" PRIu64 " != %" PRIu64 " frames in", c[NICRX_CNT_DELIVERED], dsum, n);
    else if (c[NICRX_CNT_DELIVERED] != (uint32_t)verified)
        fail(h, "DELIVERED %u but the host verified %" PRIu64 " frames", c[NICRX_CNT_DELIVERED], verified);
    else if (c[NICRX_CNT_DESC_ERROR] != h->host.flist_bad_back || c[NICRX_CNT_AXI_ERROR])
        fail(h, "DESC_ERROR %u, AXI_ERROR %u (expected %" PRIu64 ": the misaligned list buffers, and 0)",
             c[NICRX_CNT_DESC_ERROR], c[NICRX_CNT_AXI_ERROR], h->host.flist_bad_back);
    for (uint32_t r = NICRX_REASON_BAD_FRAME; r < NICRX_NUM_REASONS; r++) {
        uint32_t got = nicrx_reason_total(c, r);
        uint64_t want = h->drops[r] - h->base.drops[r];
        if (got != (uint32_t)want)
            fail(h, "DROP_%s counter %" PRIu32 ", model dropped %" PRIu64 " frames for it", nicrx_reason_name(r), got, want);
    }
    for (uint32_t r = 0; r < NICRX_REASM_RING; r++)
        if (c[nicrx_reason_counter(NICRX_REASON_NO_BUF, r)] != (uint32_t)(h->no_buf[r] - h->base.no_buf[r]))
            fail(h, "DROP_NO_BUF counter of ring %u is %u, model dropped %" PRIu64 " frames waiting for it", r,
                 c[nicrx_reason_counter(NICRX_REASON_NO_BUF, r)], h->no_buf[r] - h->base.no_buf[r]);
    flow_final_checks(h);
    msix_final_checks(h);
    streams_final_check(h);
}

/* --reset-at: the reset's first edge (nothing of it happened yet: the host and the scheduler
 * act at no edge of it).  Every frame sent so far is delivered (the host took and checked
 * its record), dropped (the model's event, by reason) or lost to the reset: still inside
 * the device, its record not taken (written or not), or cut off in the middle of its beats
 * (not resent).  The host forgets everything it posted and brings the device up again; the
 * device's counters start again from 0, so the end compares them with the tallies since. */
static void reset_start(harness_t *h, uint64_t e)
{
    const axi_slave_t *a = &h->host.axi;
    harness_base_t *b = &h->base;
    h->rst_from = e;
    h->up_from = e + RST_EDGES;   /* the bring-up's bound counts from the reset's end */
    h->rst_sent = h->sched.next + (h->sched.off != 0);
    h->rst_cut = h->sched.off ? h->sched.next : UINT64_MAX;
    h->rst_cut_bytes = h->sched.off;
    h->rst_aw_open = a->aw_n;
    h->rst_aw_beats = a->aw_n ? a->aw[0].done : 0u;
    h->rst_b_owed = a->b_n;
    h->rst_ar_open = a->ar_n;
    for (uint64_t i = 0; i < h->rst_sent; i++) {
        harness_frame_t *f = &h->fr[i];
        if (f->verdict == 2) { h->rst_dropped++; continue; }
        if (f->verified) { h->rst_verified++; continue; }
        h->rst_lost_written += f->verdict == 1;
        h->delivered_ev -= f->verdict == 1;
        h->rst_lost++;
        h->accounted++;
        if (i != h->inject_lost) f->verdict = 3;   /* self-test: counted, left unmarked */
    }
    for (uint32_t q = 0; q < NICRX_MAX_CQ; q++) h->cq_rd[q] = h->cq_wr[q];
    memset(h->shead, 0, sizeof h->shead);   /* stripped frames of runs the reset abandoned: lost to it */
    memset(h->stail, 0, sizeof h->stail);
    memset(h->sh, 0, sizeof h->sh);       /* the flow database: all invalid, every generation 0 */
    memset(h->inval, 0, sizeof h->inval);
    memcpy(b->drops, h->drops, sizeof b->drops);
    memcpy(b->no_buf, h->no_buf, sizeof b->no_buf);
    memcpy(b->evs, h->fl_evs, sizeof b->evs);
    memcpy(b->ops, h->fl_ops, sizeof b->ops);
    b->aged_created = h->fl_aged_created;
    b->aged_victims = h->fl_aged_victims;
    b->install_victims = h->fl_install_victims;
    b->verified = h->verified;
    irqchk_reset(&h->irqchk);
    host_reset(&h->host);
    bringup_writes(h);
    sched_restart(&h->sched);
    h->first_frame = h->sched.next;
    h->progress_at = e;
}

int harness_cycle(harness_t *h, const nicrx_out_t *rtl, const char *xsig, nicrx_in_t *in)
{
    memset(in, 0, sizeof *in);
    if (h->finished) return HARNESS_DONE;
    nicrx_out_t mo;
    nicrx_model_outputs(h->m, &mo);
    const nicrx_out_t *out = &mo;
    /* Outputs after edge k-1 are defined once that edge was out of reset. */
    if (rtl && h->k > RST_EDGES) {
        h->rtl_seen = 1;
        if (xsig)
            fail(h, "DIVERGENCE on %s: RTL drives X or Z", xsig);
        else if (h->inject == h->k && (mo.s_axil_rdata ^= 1u, 0))
            ;
        else if (compare(h, &mo, rtl) == 0)
            h->compared++;
        out = rtl;
    }
    if (h->status != HARNESS_OK) { h->finished = 1; return HARNESS_DONE; }

    uint64_t e = h->k;
    if (h->o.reset_at_set && h->rst_from == UINT64_MAX && h->sched.started && e == h->traffic_t0 + h->o.reset_at)
        reset_start(h, e);
    in->rst = e < RST_EDGES || (e >= h->rst_from && e - h->rst_from < RST_EDGES);
    if (!in->rst) {
        host_edge(&h->host, e, out, in);
        if (host_configured(&h->host)) {
            if (!h->sched.started) {
                sched_start(&h->sched, e + 1);
                h->progress_at = e;
                if (h->rst_from == UINT64_MAX) h->traffic_t0 = e + 1;
                else h->rst_up_cycles = e + 1 - h->up_from;
            }
            uint64_t lf = h->sched.last_frame;
            size_t cur = h->sched.next;
            sched_beat(&h->sched, e, in);
            if (in->s_axis_tvalid && in->s_axis_tlast) h->fr[cur].t_last = e;
            if (h->sched.last_frame != lf)
                h->progress_at = e;
            if (h->swap && !h->swap_requested && h->sched.next >= h->o.swap_at) {
                host_swap(&h->host, h->prog[1].w, h->prog[1].n);
                h->swap_requested = 1;
                h->swap_req_frame = h->sched.next;
            }
            if (h->o.reta_rewrite_set && !h->reta_rewritten && h->sched.next >= h->o.reta_rewrite_at) {
                rss_rewrite(h);
                h->reta_rewritten = 1;
            }
            /* Frames not yet completely sent when SWAP is written commit after it. */
            if (h->swap_requested && h->swap_bound == UINT64_MAX && h->host.load.swap_edge)
                h->swap_bound = h->sched.next;
            /* Flow commands: command k once (k + 1) / (N + 1) of the frames were sent. */
            if (!host_flow_busy(&h->host) &&
                (h->chain_read || (h->cmds_issued < h->o.flow_cmds &&
                                   (sched_done(&h->sched) ||
                                    h->sched.next >= (h->cmds_issued + 1u) * h->cap.n / (h->o.flow_cmds + 1u)))))
                flow_cmd_issue(h);
        }
        /* A command may act from its FLOW_CMD write on: frames decided from
         * here until it completes may come before or after it. */
        if (!h->cmd_active && h->host.fstate >= HF_POLL) {
            h->cmd_active = 1;
            memset(h->touched, 0, sizeof h->touched);
        }
        const char *he = host_error(&h->host);
        if (he[0]) fail(h, "host: %s", he);
    }
    if (h->irqchk_on && !in->rst) {
        char why[160];
        if (irqchk_edge(&h->irqchk, e, out->irq, h->m, why, sizeof why) != 0) fail(h, "%s", why);
    }
    nicrx_model_step(h->m, in);
    h->k++;
    if (in->rst && h->rst_from != UINT64_MAX && h->k == h->rst_from + RST_EDGES) {
        /* the model numbers frames from 0 after a reset: the next one sent is this */
        nicrx_model_set_next_frame(h->m, h->sched.next);
    }
    nicrx_occupancy_t occ;
    nicrx_model_occupancy(h->m, &occ);
    if (occ.pm_words > h->pm_peak) h->pm_peak = occ.pm_words;
    if (occ.fq_frames > h->fq_peak) h->fq_peak = occ.fq_frames;
    for (uint32_t q = 0; q < h->o.p.num_cq; q++)
        if ((out->irq & ~h->irq_prev) >> q & 1u) {
            h->irqs[q]++;
            h->last_rise[q] = e;
        }
    h->irq_prev = out->irq;

    if (h->status == HARNESS_OK && sched_done(&h->sched) && h->accounted == h->cap.n && !h->final_requested &&
        (!h->swap || h->swap_requested) && !host_loading(&h->host) && !host_flow_busy(&h->host) &&
        !h->chain_read && h->cmds_issued == h->o.flow_cmds && (!h->o.reset_at_set || h->rst_up_cycles)) {
        h->final_requested = 1;
        host_final(&h->host);
    }
    if (h->status == HARNESS_OK && host_done(&h->host)) {
        final_checks(h);
        h->finished = 1;
        return HARNESS_DONE;
    }
    if (h->status == HARNESS_OK && h->sched.started && h->sched.next > h->accounted &&
        h->k - h->progress_at > h->o.hang_cycles) {
        uint64_t sent = h->sched.next;
        fail(h, "device hung: no progress for %" PRIu64 " cycles, %" PRIu64 " of %zu frames sent, %" PRIu64 " not accounted for",
             h->o.hang_cycles, sent, h->cap.n, sent - (h->accounted < sent ? h->accounted : sent));
    }
    if (h->status == HARNESS_OK && h->o.max_cycles && h->k >= h->o.max_cycles)
        fail(h, "stopped at --max-cycles %" PRIu64, h->o.max_cycles);
    if (h->status == HARNESS_OK && h->k > h->up_from + 200000 && !host_configured(&h->host))
        fail(h, "bring-up did not finish in 200000 cycles (register port stuck?)");
    if (h->status != HARNESS_OK) {
        h->finished = 1;
        return HARNESS_DONE;
    }
    return HARNESS_RUN;
}

int harness_status(const harness_t *h) { return h->status; }
uint64_t harness_cycles(const harness_t *h) { return h->k; }
const harness_opts_t *harness_options(const harness_t *h) { return &h->o; }
size_t harness_nframes(const harness_t *h) { return h->cap.n; }
const harness_frame_t *harness_frame(const harness_t *h, size_t i) { return &h->fr[i]; }
const cap_frame_t *harness_cap_frame(const harness_t *h, size_t i) { return &h->cap.f[i]; }

/* ---- report ------------------------------------------------------------------ */

typedef struct flow_key { uint8_t b[37]; } flow_key_t;

static int key_cmp(const void *a, const void *b)
{
    return memcmp(a, b, sizeof(flow_key_t));
}

static size_t count_flows(const harness_t *h)
{
    flow_key_t *k = calloc(h->cap.n ? h->cap.n : 1, sizeof *k);
    if (!k) abort();
    size_t n = 0, u = 0;
    for (size_t i = 0; i < h->cap.n; i++) {
        const harness_frame_t *f = &h->fr[i];
        if (!f->has_hv || !f->hv.l3) continue;
        memcpy(k[n].b, f->hv.src, 16);
        memcpy(k[n].b + 16, f->hv.dst, 16);
        k[n].b[32] = f->hv.proto;
        k[n].b[33] = (uint8_t)(f->hv.sport >> 8); k[n].b[34] = (uint8_t)f->hv.sport;
        k[n].b[35] = (uint8_t)(f->hv.dport >> 8); k[n].b[36] = (uint8_t)f->hv.dport;
        n++;
    }
    qsort(k, n, sizeof *k, key_cmp);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || memcmp(&k[i], &k[i - 1], sizeof *k)) u++;
    free(k);
    return u;
}

/* The report's writer: one description of every figure, printed as text
 * (a line per section: its label, then "TEXT" of each figure with the value
 * in place of %s) or as one JSON object (a member per section, "key": value). */
typedef struct rp {
    FILE *f;
    int json, nsec, nval;
    int colon;          /* the text of the last figure ended in ':' */
} rp_t;

static void rp_json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void rp_end_sec(rp_t *r)
{
    if (r->nsec) fputs(r->json ? "}" : "\n", r->f);
}

/* A section: its JSON key; in text its label, the key with '_' as ' '. */
static void rp_sec(rp_t *r, const char *key)
{
    rp_end_sec(r);
    /* JSON: the verdict's members come first */
    if (r->json) {
        fprintf(r->f, ",\"%s\":{", key);
    } else {
        int n = fprintf(r->f, "  ");
        for (const char *c = key; *c; c++, n++) fputc(*c == '_' ? ' ' : *c, r->f);
        fprintf(r->f, "%*s", n < 13 ? 13 - n : 0, "");
    }
    r->nsec++;
    r->nval = r->colon = 0;
}

/* One figure: its JSON key, its text ("%s" where the value goes) and the value,
 * already a JSON literal (a number, true/false, null or a quoted string). */
static void rp_lit(rp_t *r, const char *key, const char *text, const char *lit)
{
    if (r->json) {
        fprintf(r->f, "%s\"%s\":%s", r->nval ? "," : "", key, lit);
    } else {
        /* the text leaves out what does not apply, strings go without their
         * quotes, and a "(...)" joins the figure before it */
        if (!strcmp(lit, "null")) return;
        const char *at = strstr(text, "%s");
        size_t n = strlen(lit);
        if (lit[0] == '"') { lit++; n -= 2; }
        fprintf(r->f, "%s%.*s%.*s%s", r->nval && text[0] != '(' && !r->colon ? ", " : " ", (int)(at - text), text,
                (int)n, lit, at + 2);
        r->colon = text[strlen(text) - 1] == ':';
    }
    r->nval++;
}

static void rp_u64(rp_t *r, const char *key, const char *text, uint64_t v)
{
    char b[24];
    snprintf(b, sizeof b, "%" PRIu64, v);
    rp_lit(r, key, text, b);
}

static void rp_dbl(rp_t *r, const char *key, const char *text, int prec, double v)
{
    char b[40];
    snprintf(b, sizeof b, "%.*f", prec, v);
    rp_lit(r, key, text, b);
}

static void rp_str(rp_t *r, const char *key, const char *text, const char *v)
{
    char b[600];
    if (!v) { rp_lit(r, key, text, "null"); return; }
    FILE *m = fmemopen(b, sizeof b, "w");
    if (!m) abort();
    rp_json_str(m, v);
    fclose(m);
    rp_lit(r, key, text, b);
}

/* A count named by the model (a drop reason, an event): "NAME N" in text. */
static void rp_named(rp_t *r, const char *name, uint64_t v)
{
    char text[48];
    snprintf(text, sizeof text, "%s %%s", name);
    rp_u64(r, name, text, v);
}

/* A figure per queue: a JSON array, in text "q0 N q1 N ...". */
static void rp_queues(rp_t *r, const char *key, const char *text, const uint64_t *v, uint32_t n)
{
    char b[400];
    size_t k = 0;
    for (uint32_t q = 0; q < n && k < sizeof b - 40; q++) {
        if (r->json) k += (size_t)snprintf(b + k, sizeof b - k, "%s%" PRIu64, q ? "," : "", v[q]);
        else k += (size_t)snprintf(b + k, sizeof b - k, "%sq%u %" PRIu64, q ? " " : "", q, v[q]);
    }
    if (r->json) {
        char j[420];
        snprintf(j, sizeof j, "[%s]", b);
        rp_lit(r, key, text, j);
    } else {
        rp_lit(r, key, text, b);
    }
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Latency of the delivered frames, from the edge of the last beat to the
 * cycle the host found the completion: min, mean, p99, max in cycles and ns. */
static void rp_latency(rp_t *r, const harness_t *h)
{
    uint64_t *l = malloc((h->cap.n ? h->cap.n : 1) * sizeof *l), sum = 0;
    size_t n = 0;
    if (!l) abort();
    for (size_t i = 0; i < h->cap.n; i++)
        if (h->fr[i].t_done) sum += l[n++] = h->fr[i].t_done - h->fr[i].t_last;
    qsort(l, n, sizeof *l, u64_cmp);
    double ns = 1e3 / h->o.clk_mhz;
    rp_sec(r, "latency");
    rp_u64(r, "frames", "%s frames, cycles from the last byte in to the completion the host sees:", n);
    if (n) {
        /* p99: the smallest value at least 99% of the frames do not exceed */
        uint64_t p99 = l[(n * 99 + 99) / 100 - 1];
        double mean = (double)sum / (double)n;
        rp_u64(r, "min_cycles", "min %s", l[0]);
        rp_dbl(r, "min_ns", "(%s ns)", 1, (double)l[0] * ns);
        rp_dbl(r, "mean_cycles", "mean %s", 1, mean);
        rp_dbl(r, "mean_ns", "(%s ns)", 1, mean * ns);
        rp_u64(r, "p99_cycles", "p99 %s", p99);
        rp_dbl(r, "p99_ns", "(%s ns)", 1, (double)p99 * ns);
        rp_u64(r, "max_cycles", "max %s", l[n - 1]);
        rp_dbl(r, "max_ns", "(%s ns)", 1, (double)l[n - 1] * ns);
    }
    free(l);
}

void harness_report(const harness_t *h, FILE *f, int json)
{
    static const char *stalls[] = { "none", "heavy", "half" }, *paces[] = { "line", "b2b", "ts" };
    rp_t r = { f, json, 0, 0, 0 };
    int pass = h->status == HARNESS_OK;
    const char *mode = h->rtl_seen ? "lockstep" : "model";
    uint64_t dropped = 0, bytes = 0, wire = 0, fated = 0, fbytes = 0;
    for (uint32_t q = 1; q < NICRX_NUM_REASONS; q++) dropped += h->drops[q];
    for (size_t i = 0; i < h->cap.n; i++) {
        bytes += h->cap.f[i].len;
        wire += h->cap.f[i].len + WIRE_OVERHEAD;
        /* the rates count the frames the device decided, not those lost to a reset */
        fated += h->fr[i].verdict != 3;
        fbytes += h->fr[i].verdict != 3 ? h->cap.f[i].len : 0u;
    }

    /* the verdict first */
    if (json) {
        fprintf(f, "{\"verdict\":\"%s\",\"mode\":\"%s\",\"cycles\":%" PRIu64 ",\"cycles_compared\":%" PRIu64 ",\"failure\":",
                pass ? "pass" : "fail", mode, h->k, h->compared);
        if (pass) fputs("null", f); else rp_json_str(f, h->msg);
    } else if (!pass) {
        fprintf(f, "FAIL: %s\n", h->msg);
    } else if (h->rtl_seen) {
        fprintf(f, "PASS: RTL and model agree on all %" PRIu64 " cycles compared; every end check passed\n", h->compared);
    } else {
        fprintf(f, "PASS (model only): %" PRIu64 " cycles; every end check passed\n", h->k);
    }

    rp_sec(&r, "run");
    rp_str(&r, "tool", "%s", h->o.prog);
    rp_str(&r, "capture", "%s", h->cap.path);
    rp_str(&r, "capture_cut", "cut short: %s", h->cap.cut[0] ? h->cap.cut : NULL);
    rp_u64(&r, "seed", "seed %s", h->o.seed);
    rp_str(&r, "stall", "stall %s", stalls[h->o.stall]);
    rp_str(&r, "pace", "pace %s", paces[h->o.pace]);
    rp_str(&r, "program", "program %s", h->o.program ? h->o.program : "default");
    rp_u64(&r, "program_instructions", "(%s instructions)", h->prog[0].n);
    rp_u64(&r, "step_limit", "step limit %s", h->step_limit);
    rp_u64(&r, "data_width", "DATA_WIDTH %s", h->o.p.data_width);
    rp_u64(&r, "axi_data_width", "AXI_DATA_WIDTH %s", h->o.p.axi_data_width);
    rp_u64(&r, "flows", "FLOWS %s", h->o.p.flows);
    rp_dbl(&r, "clock_mhz", "clock %s MHz", 2, h->o.clk_mhz);

    rp_sec(&r, "traffic");
    rp_u64(&r, "frames_in", "%s frames in", h->cap.n);
    rp_u64(&r, "bytes_in", "%s bytes", bytes);
    rp_u64(&r, "delivered", "%s delivered", h->delivered_ev);
    rp_u64(&r, "verified", "%s verified byte-exact", h->verified);
    rp_u64(&r, "dropped", "%s dropped", dropped);
    if (h->o.reset_at_set) rp_u64(&r, "lost_to_reset", "%s lost to the reset", h->rst_lost);
    else rp_lit(&r, "lost_to_reset", "%s", "null");
    /* while traffic flows: first beat to the last frame's fate */
    uint64_t span = h->traffic_t0 && h->last_done > h->traffic_t0 ? h->last_done - h->traffic_t0 : 0;
    double secs = (double)span / (h->o.clk_mhz * 1e6);
    rp_u64(&r, "cycles", "over %s cycles", span);
    rp_dbl(&r, "mpps", "%s Mpps", 3, span ? (double)fated / secs / 1e6 : 0.0);
    rp_dbl(&r, "gbps", "%s Gb/s", 3, span ? (double)fbytes * 8 / secs / 1e9 : 0.0);
    /* against what the wire could carry: each frame plus 20 bytes, one beat a cycle */
    double limit = wire ? (double)h->cap.n * (h->o.p.data_width / 8) / (double)wire : 0.0;
    rp_dbl(&r, "frames_per_cycle", "%s frames/cycle", 4, span ? (double)fated / (double)span : 0.0);
    rp_dbl(&r, "wire_limit_frames_per_cycle", "wire limit %s", 4, limit);
    rp_dbl(&r, "wire_limit_pct", "(%s%)", 1, span && limit > 0 ? 100.0 * (double)fated / (double)span / limit : 0.0);

    rp_latency(&r, h);

    rp_sec(&r, "occupancy");
    rp_u64(&r, "pktmem_peak_words", "packet memory peak %s", h->pm_peak);
    rp_u64(&r, "pktmem_words", "(of %s words)", h->o.p.pkt_mem_bytes / (h->o.p.data_width / 8));
    rp_u64(&r, "fq_peak", "frame queue peak %s", h->fq_peak);
    rp_u64(&r, "fq_depth", "(of %s frames)", h->o.p.fq_depth);

    /* the host bus: what the W channel carried against the delivered frames' bytes
     * (records, error completions and bytes outside the strobes are its overhead) */
    uint64_t dbytes = 0, bus = h->host.axi.wbeats * h->host.axi.bpb;
    for (size_t i = 0; i < h->cap.n; i++)
        if (h->fr[i].verdict == 1) dbytes += h->fr[i].len + h->fr[i].dlen;
    rp_sec(&r, "host_bus");
    rp_u64(&r, "w_beats", "%s W beats", h->host.axi.wbeats);
    rp_u64(&r, "bus_bytes", "(%s bytes)", bus);
    rp_u64(&r, "data_bytes", "for %s bytes of delivered frames", dbytes);
    rp_dbl(&r, "efficiency", "efficiency %s", 3, bus ? (double)dbytes / (double)bus : 0.0);
    /* the descriptors the device read (R carries nothing else): fewer than frames with page rings */
    rp_u64(&r, "desc_reads", "%s descriptors read", h->host.axi.rbeats * h->host.axi.bpb / NICRX_DESC_BYTES);

    /* how the transfer engine placed the delivered frames (nicrx_xfer_plan, the record's word 2) */
    uint64_t xf[4] = { 0 }, lerr = 0;
    for (size_t i = 0; i < h->cap.n; i++) {
        const harness_frame_t *fr = &h->fr[i];
        if (fr->verdict != 1) continue;
        xf[fr->split ? 2u + (fr->dlen != 0) : fr->ring == 1]++;
        lerr += fr->lerr;
    }
    rp_sec(&r, "transfer");
    rp_u64(&r, "small", "whole small %s", xf[0]);
    rp_u64(&r, "large", "whole large %s", xf[1]);
    rp_u64(&r, "split_hdr_only", "split all header %s", xf[2]);
    rp_u64(&r, "split", "split header and data %s", xf[3]);
    rp_u64(&r, "lerr", "length errors %s", lerr);

    rp_sec(&r, "drops");
    for (uint32_t q = 1; q < NICRX_NUM_REASONS; q++)
        rp_named(&r, nicrx_reason_name(q), h->drops[q]);

    uint64_t perr = 0, trunc = 0, l3[4] = { 0 }, l4[4] = { 0 };
    for (size_t i = 0; i < h->cap.n; i++) {
        const harness_frame_t *fr = &h->fr[i];
        if (!fr->has_hv) continue;
        perr += fr->hv.perr != 0;
        trunc += fr->hv.truncated != 0;
        l3[fr->hv.l3 & 3]++;
        l4[fr->hv.l4 & 3]++;
    }
    rp_sec(&r, "parser");
    rp_u64(&r, "frames", "%s frames", h->parsed);
    rp_dbl(&r, "steps_mean", "%s steps per frame", 2, h->parsed ? (double)h->steps / (double)h->parsed : 0.0);
    rp_u64(&r, "steps_max", "max %s", h->steps_max);
    rp_dbl(&r, "cycles_per_frame", "a header vector every %s cycles", 2,
           h->parsed > 1 ? (double)(h->hv_last - h->hv_first) / (double)(h->parsed - 1) : 0.0);
    rp_u64(&r, "parse_errors", "%s parse errors", perr);
    rp_u64(&r, "truncated", "%s truncated (headers past HEADER_BYTES)", trunc);

    rp_sec(&r, "protocols");
    rp_u64(&r, "ipv4", "IPv4 %s", l3[1]);
    rp_u64(&r, "ipv6", "IPv6 %s", l3[2]);
    rp_u64(&r, "other_l3", "not IP %s", l3[0] + l3[3]);
    rp_u64(&r, "tcp", "TCP %s", l4[1]);
    rp_u64(&r, "udp", "UDP %s", l4[2]);
    rp_u64(&r, "other_l4", "other L4 %s", l4[3]);
    rp_u64(&r, "not_parsed", "not parsed (dropped at ingress) %s", h->cap.n - h->parsed);

    rp_sec(&r, "flows");
    rp_u64(&r, "entries_created", "%s flow entries created", flows_created(h));
    rp_u64(&r, "distinct_5tuples", "%s distinct 5-tuples among the parsed IP frames", count_flows(h));
    /* the flow block's pace: decisions per cycle while frames flow */
    rp_u64(&r, "decisions", "%s decisions", h->fl_n);
    rp_dbl(&r, "cycles_per_decision", "one every %s cycles", 2,
           h->fl_n > 1 ? (double)(h->fl_last - h->fl_first) / (double)(h->fl_n - 1) : 0.0);
    rp_u64(&r, "closest_decisions", "closest %s cycles apart", h->fl_n > 1 ? h->fl_min_gap : 0);
    if (h->fl_n > FL_WINDOW)
        rp_dbl(&r, "busiest_cycles_per_decision", "the busiest 64 one every %s cycles", 2, (double)h->fl_best / FL_WINDOW);
    else
        rp_lit(&r, "busiest_cycles_per_decision", "%s", "null");
    rp_sec(&r, "flow_events");
    for (uint32_t e = 0; e < NICRX_NUM_FLOW_EVENTS; e++)
        rp_named(&r, nicrx_flow_event_name(e), h->fl_evs[e]);
    rp_sec(&r, "opcodes");
    for (uint32_t o = 0; o < NICRX_NUM_OPCODES; o++)
        rp_named(&r, nicrx_opcode_name(o), h->fl_ops[o]);

    rp_sec(&r, "queues");
    rp_queues(&r, "completions", "completions %s", h->completions, h->o.p.num_cq);
    rp_queues(&r, "interrupts", "interrupts %s", h->irqs, h->o.p.num_cq);
    if (h->host.msix) rp_queues(&r, "messages", "messages %s", h->host.msix_writes, h->o.p.num_cq);

    /* the batching hint: a host that waits while more is set takes a flow's frames in runs */
    rp_sec(&r, "batching");
    rp_u64(&r, "flow_records", "%s flow frames delivered", h->more_flow);
    rp_u64(&r, "more", "%s with more set", h->more_n);
    rp_dbl(&r, "more_fraction", "(fraction %s of all delivered)", 3,
           h->delivered_ev ? (double)h->more_n / (double)h->delivered_ev : 0.0);
    rp_u64(&r, "runs", "%s runs", h->more_runs);
    rp_dbl(&r, "mean_run", "mean run %s frames", 2, h->more_runs ? (double)h->more_flow / (double)h->more_runs : 0.0);
    if (h->host.reasm) {
        /* re-assembly: the runs the host took (each checked against its merged frames) */
        rp_sec(&r, "reasm");
        rp_u64(&r, "runs", "%s runs closed", h->host.runs);
        rp_u64(&r, "merged", "%s frames merged", h->host.run_segs);
        rp_u64(&r, "no_page", "%s would have opened a run but found no page", h->host.cnt[NICRX_CNT_REASM_NO_PAGE]);
        rp_sec(&r, "reasm_closed");
        for (uint32_t w = NICRX_REASM_OPCODE; w < NICRX_NUM_REASM_REASONS; w++)
            rp_named(&r, nicrx_reasm_reason_name(w), h->host.run_why[w]);
    }
    if (h->host.flist_port) {
        /* buffer lists: the runs in list buffers (each checked: its flow's bytes, in order) */
        rp_sec(&r, "flist");
        rp_u64(&r, "runs", "%s runs in list buffers", h->host.flist_runs);
        rp_u64(&r, "bytes", "%s bytes", h->host.flist_bytes);
        rp_u64(&r, "ring3_runs", "%s runs of bound flows in ring 3 pages", h->host.flist_ring3_runs);
        rp_u64(&r, "fallback", "%s ring 3 pages taken for a bound flow with an empty list (FLIST_FALLBACK)",
               h->host.cnt[NICRX_CNT_FLIST_FALLBACK]);
        rp_u64(&r, "bad_back", "%s misaligned list buffers returned", h->host.flist_bad_back);
        rp_u64(&r, "unbinds", "%s lists unbound", h->host.flist_unbinds);
        rp_u64(&r, "returned", "%s buffers back by an unbind", h->host.flist_returned);
    }
    if (h->irqchk_on) {
        const irqchk_t *c = &h->irqchk;
        rp_sec(&r, "moderation");
        rp_u64(&r, "checked_edges", "%s edges checked", c->checked);
        rp_u64(&r, "interrupts", "%s interrupts", c->lat_n);
        rp_dbl(&r, "per_1000_frames", "(%s per 1000 frames)", 1, h->cap.n ? 1000.0 * (double)c->lat_n / (double)h->cap.n : 0.0);
        rp_dbl(&r, "mean_age_cycles", "oldest pending record mean %s", 1, c->lat_n ? (double)c->lat_sum / (double)c->lat_n : 0.0);
        rp_u64(&r, "max_age_cycles", "max %s cycles old at an interrupt", c->lat_max);
        rp_u64(&r, "unmask_interrupts", "%s raised by records that arrived masked", c->unmask_irqs);
        rp_u64(&r, "napi_polls", "%s NAPI polls", h->host.unmasks);
    }

    if (h->o.flow_cmds) {
        rp_sec(&r, "flow_cmds");
        rp_u64(&r, "read", "%s read", h->cmds[NICRX_FLOW_CMD_READ]);
        rp_u64(&r, "install", "%s install", h->cmds[NICRX_FLOW_CMD_INSTALL]);
        rp_u64(&r, "invalidate", "%s invalidate", h->cmds[NICRX_FLOW_CMD_INVALIDATE]);
        rp_u64(&r, "failed", "%s failed", h->cmds_failed);
        rp_u64(&r, "checked_reads", "checked %s reads", h->chk_read);
        rp_u64(&r, "checked_installs", "%s installs", h->chk_install);
        rp_u64(&r, "checked_invalidates", "%s invalidates", h->chk_inval);
        rp_u64(&r, "noassist_frames", "%s noassist frames TCP_OTHER", h->fl_noassist);
        rp_u64(&r, "regenerated", "%s invalidated flows back with a new generation", h->fl_regen);
    }
    if (h->swap) {
        rp_sec(&r, "swap");
        rp_str(&r, "program", "to %s", h->o.swap_program);
        rp_u64(&r, "program_instructions", "(%s instructions)", h->prog[1].n);
        rp_u64(&r, "after_frames", "after %s frames were sent", h->swap_req_frame);
        if (h->first_new != UINT64_MAX) rp_u64(&r, "first_new", "the new program parsed from frame %s", h->first_new);
        else if (json) rp_lit(&r, "first_new", "%s", "null");
        else rp_str(&r, "first_new", "%s", "no frame parsed only by the new program");
        rp_u64(&r, "frames_old", "frames parsed as only the old program does %s", h->nprog[1]);
        rp_u64(&r, "frames_new", "only the new %s", h->nprog[2]);
        rp_u64(&r, "frames_either", "either %s", h->nprog[3]);
        rp_u64(&r, "swap_cycle", "SWAP written at cycle %s", h->host.load.swap_edge);
        rp_u64(&r, "done_cycle", "read 0 at %s", h->host.load.done_edge);
    }

    if (h->o.reset_at_set) {
        int done = h->rst_from != UINT64_MAX;
        /* where the reset landed: in a frame's beats, in AXI bursts; what each frame sent became */
        rp_sec(&r, "reset");
        rp_u64(&r, "at", "--reset-at %s", h->o.reset_at);
        if (done) {
            rp_u64(&r, "cycle", "rst from cycle %s", h->rst_from);
            rp_u64(&r, "frames_sent", "%s frames sent before it:", h->rst_sent);
            rp_u64(&r, "delivered", "%s delivered", h->rst_verified);
            rp_u64(&r, "dropped", "%s dropped", h->rst_dropped);
            rp_u64(&r, "lost", "%s lost", h->rst_lost);
            rp_u64(&r, "lost_written", "(%s delivered by the device, the record not taken)", h->rst_lost_written);
            if (h->rst_cut != UINT64_MAX) {
                rp_u64(&r, "cut_frame", "frame %s cut", h->rst_cut);
                rp_u64(&r, "cut_bytes", "after %s bytes", h->rst_cut_bytes);
            } else {
                rp_lit(&r, "cut_frame", "%s", "null");
                rp_lit(&r, "cut_bytes", "%s", "null");
            }
            rp_u64(&r, "write_bursts_open", "%s write bursts open", h->rst_aw_open);
            rp_u64(&r, "burst_beats_written", "(%s beats of the first written)", h->rst_aw_beats);
            rp_u64(&r, "write_responses_owed", "%s responses owed", h->rst_b_owed);
            rp_u64(&r, "read_bursts_open", "%s read bursts open", h->rst_ar_open);
            rp_u64(&r, "bringup_cycles", "bring-up again in %s cycles", h->rst_up_cycles);
        } else {
            static const char *const keys[] = { "cycle", "frames_sent", "delivered", "dropped", "lost", "lost_written",
                                                "cut_frame", "cut_bytes", "write_bursts_open", "burst_beats_written",
                                                "write_responses_owed", "read_bursts_open", "bringup_cycles" };
            for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) rp_lit(&r, keys[k], "%s", "null");
        }
    }

    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double wall = (double)(now.tv_sec - h->wall0.tv_sec) + 1e-9 * (double)(now.tv_nsec - h->wall0.tv_nsec);
    rp_sec(&r, "simulation");
    rp_u64(&r, "cycles", "%s cycles", h->k);
    rp_dbl(&r, "seconds", "in %s s", 2, wall);
    rp_dbl(&r, "kcycles_per_s", "%s kcycles/s", 1, wall > 0 ? (double)h->k / wall / 1e3 : 0.0);
    rp_dbl(&r, "frames_per_s", "%s frames/s", 0, wall > 0 ? (double)h->cap.n / wall : 0.0);
    rp_end_sec(&r);
    if (json) fputs("}\n", f);
}

const char *harness_failure(const harness_t *h) { return h->msg; }

static void xml_str(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* --junit FILE: the run's checks as JUnit XML, a test case each: the run
 * itself (lockstep or model; divergences, hangs and the checks along the way),
 * the end checks (counters, every frame accounted for) and the capture read
 * whole.  0, or -1 if FILE cannot be written. */
static int write_junit(const harness_t *h, int st)
{
    FILE *f = fopen(h->o.junit, "w");
    if (!f) return -1;
    const char *run_fail = h->status != HARNESS_OK && !h->in_final ? h->msg : NULL;
    const char *end_fail = h->status != HARNESS_OK && h->in_final ? h->msg : NULL;
    const char *cut = st == HARNESS_CUT ? h->cap.cut : NULL;
    /* the end checks do not run after a failure on the way: skipped */
    const struct { const char *name, *failure; int skipped; } tc[3] = {
        { h->rtl_seen ? "lockstep" : "model", run_fail, 0 },
        { "end checks", h->in_final ? end_fail : "not reached: the run failed before its end", !h->in_final },
        { "capture complete", cut, 0 },
    };
    int fails = (run_fail != NULL) + (end_fail != NULL) + (cut != NULL);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"", f);
    xml_str(f, h->o.prog);
    fputc(' ', f);
    xml_str(f, h->cap.path);
    fprintf(f, "\" tests=\"3\" failures=\"%d\" skipped=\"%d\">\n", fails, !h->in_final);
    for (int i = 0; i < 3; i++) {
        fputs("  <testcase classname=\"", f);
        xml_str(f, h->cap.path);
        fprintf(f, "\" name=\"%s\"", tc[i].name);
        if (!tc[i].failure) { fputs("/>\n", f); continue; }
        fprintf(f, "><%s message=\"", tc[i].skipped ? "skipped" : "failure");
        xml_str(f, tc[i].failure);
        fputs("\"/></testcase>\n", f);
    }
    fputs("</testsuite>\n</testsuites>\n", f);
    return fclose(f) ? -1 : 0;
}

/* --streams DIR: the host's stream view, DIR made if missing; -1 after the message. */
static int write_streams(const harness_t *h)
{
    char why[300];
    if (mkdir(h->o.streams, 0777) != 0 && errno != EEXIST)
        snprintf(why, sizeof why, "%s: %s", h->o.streams, strerror(errno));
    else if (tcpview_write(h->view, h->o.streams, why, sizeof why) == 0)
        return 0;
    fprintf(stderr, "%s: --streams %s\n", h->o.prog, why);
    return -1;
}

int harness_end(const harness_t *h, int report)
{
    int st = h->status;
    if (report) harness_report(h, stdout, h->o.json_summary);
    fflush(stdout);
    if (st != HARNESS_OK)
        fprintf(stderr, "%s: %s: %s\n", h->o.prog, h->cap.path, h->msg);
    /* a capture cut short: its complete frames passed, the run did not see all of it */
    if (st == HARNESS_OK && h->cap.cut[0]) {
        fprintf(stderr, "%s: %s: warning: the capture is cut short after %zu complete frames (%s); "
                "those were run\n", h->o.prog, h->cap.path, h->cap.n, h->cap.cut);
        st = HARNESS_CUT;
    }
    if (h->o.streams && write_streams(h) != 0)
        st = HARNESS_BADINPUT;
    if (h->o.junit && write_junit(h, st) != 0) {
        fprintf(stderr, "%s: %s: cannot write: %s\n", h->o.prog, h->o.junit, strerror(errno));
        st = HARNESS_BADINPUT;
    }
    fflush(stderr);
    return st;
}
