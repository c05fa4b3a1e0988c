/* host.h - the host: memory, the AXI4 slave for the device's master port,
 * an AXI4-Lite master that runs a queue of register accesses one at a time,
 * and the driver (bring-up, buffer posting, completion polling, doorbells; the ring
 * handling goes through libnicrx, host/nicrx_drv.h). */
#ifndef NICRX_HOST_H
#define NICRX_HOST_H

#include <stdint.h>
#include "axi.h"
#include "mem.h"
#include "nicrx_isa.h"
#include "nicrx_model.h"
#include "nicrx_drv.h"

typedef enum { STALL_NONE = 0, STALL_HEAVY, STALL_HALF } host_stall_t;

/* Called for every completion the driver consumes; bytes holds the first
 * min(len, buf_size) bytes of the buffer.  Returns 0, or -1 after recording an
 * error of its own. */
typedef int (*host_cmpl_fn)(void *ctx, uint32_t q, const struct nicrx_cmpl *c,
                            const uint8_t *bytes, uint32_t nbytes);

/* A run the host took with header stripping on (REASM_CTRL.strip): its first frame's record
 * and header part (hdr, hlen bytes), and its run record run: the page (run's buf_id) holds
 * [0, rlen) of which the first frame's record named [0, mlen) and the stripped appends the
 * rest, in order; segs frames in all, the last with run's flags, ACK number and window. */
typedef int (*host_run_fn)(void *ctx, const struct nicrx_cmpl *first, const uint8_t *hdr, uint32_t hlen,
                           const uint8_t *page, uint32_t mlen, const struct nicrx_cmpl *run);

#define HOST_NBUF_MAX 128
#define HOST_RHDR_MAX 256 /* a run's first header part the host keeps: the header ring's buffer size */
#define HOST_PAGE_LOG2 12     /* page rings (rings 0 and 2 unless host_pages_off): 4 KB pages */
#define HOST_PAGE_SIZE (1u << HOST_PAGE_LOG2)
#define HOST_PAGE_ALIGN_LOG2 6 /* entries at multiples of 64 bytes */
#define HOST_REASM_RING_LOG2 4  /* the re-assembly ring's default size: 16 pages */
#define HOST_REASM_PAGE_LOG2 NICRX_REASM_PAGE_LOG2_MAX /* the re-assembly ring's pages: 64 KB (REASM_CTRL's reset) */
#define HOST_OPS_MAX 512
#define HOST_FLIST_ID 0x8000u /* a list buffer's buf_id: this bit and its index in the host's pool */

typedef struct host_buf {
    uint64_t addr;
    uint16_t id;
    uint8_t posted;
    uint16_t taken;           /* a page: entries the host has taken from it since it was posted */
    uint16_t rel_cnt;         /* a page: its entries, from the record that released it (0: not released) */
    /* a re-assembly page: the run being merged into it (the frames whose data parts it
     * holds, bytes, the first one's sequence number, the last one's ACK number and window
     * from its header part) until its run record */
    uint16_t mseg;
    uint32_t mlen, mseq, mack;
    uint16_t mwin;
    /* its run record (rrun), pending when it came before some of the merged frames' records
     * (a sweep's on CQ 0 while they are on other queues) */
    uint8_t rpend;
    struct nicrx_cmpl rrun;   /* (--runs-pcap rebuilds the segment from it) */
    /* the run's first frame's record and header part */
    struct nicrx_cmpl rrec;
    uint16_t rhlen;
    uint8_t rhdr[HOST_RHDR_MAX];
    /* a list buffer: the {gen, flow} of its list when posted, posted misaligned (returned by
     * an error completion) */
    uint16_t key;
    uint8_t bad;
} host_buf_t;

typedef struct host_fbr {
    uint64_t base;
    uint32_t size_log2, buf_size, nbuf;
    uint8_t page;             /* a page ring: buffers are pages of HOST_PAGE_SIZE bytes, buf_size its entries' limit */
    uint32_t region;          /* a buffer's bytes in host memory: HOST_PAGE_SIZE or buf_size (the re-assembly
                               * ring and the buffer lists: its pages, 2^HOST_REASM_PAGE_LOG2) */
    uint64_t buf_base, buf_stride;
    host_buf_t buf[HOST_NBUF_MAX];
} host_fbr_t;

typedef struct host_cq {
    uint64_t base;
    uint32_t size_log2;
} host_cq_t;

typedef struct host_op {
    uint8_t write;
    uint16_t addr;
    uint32_t data;
    uint32_t tag;
} host_op_t;

enum host_phase { HP_RESET = 0, HP_BRINGUP, HP_RUN, HP_FINAL, HP_DONE };

/* Writing a program into the parser's shadow bank and swapping it in
 * (docs/microcode.md "Loading and switching programs"): wait until no swap is
 * pending, IADDR = 0, IDATA0..3 per instruction (one instruction per free
 * register port, so doorbells go on in between), SWAP = 1, poll SWAP until 0. */
enum host_load { HL_IDLE = 0, HL_CHECK, HL_DATA, HL_SWAP, HL_POLL, HL_DONE };

typedef struct host_loader {
    const uint32_t *w;        /* n instructions of NICRX_INSN_WORDS words */
    uint32_t n, next;
    enum host_load state;
    uint64_t polls;
    uint64_t swap_edge;       /* edge of the SWAP write's response */
    uint64_t done_edge;       /* edge of the read that found SWAP 0 */
} host_loader_t;

/* A flow database command (docs/registers.md "Flow database"): for INSTALL
 * the window (KEY0..9, CTX_SEQ, CTX_ACK, CTX_OPT, CTX_INFO) is written first;
 * then FLOW_CMD, FLOW_STATUS polled until busy reads 0, and for READ the
 * window read back.  The result goes to the harness's callback. */
typedef struct host_flow_cmd {
    uint32_t cmd;             /* enum nicrx_flow_cmd */
    uint32_t sel;             /* entry of READ and INVALIDATE */
    uint32_t info, seq, ack, opt;
    uint8_t key[NICRX_FLOW_KEY_BYTES];
} host_flow_cmd_t;

typedef struct host_flow_res {
    uint32_t status;          /* FLOW_STATUS once busy read 0 */
    uint32_t info, seq, ack, opt, time, count; /* READ: the window */
    uint8_t key[NICRX_FLOW_KEY_BYTES];
    uint64_t polls;
} host_flow_res_t;

typedef void (*host_flow_fn)(void *ctx, const host_flow_cmd_t *c, const host_flow_res_t *r);

enum host_flow_state { HF_IDLE = 0, HF_WINDOW, HF_CMD, HF_POLL, HF_READ };

typedef struct host {
    nicrx_params_t p;
    uint32_t bpb;
    host_stall_t stall;
    uint64_t rng;
    mem_t mem;
    axi_slave_t axi;
    host_fbr_t fbr[NICRX_NUM_FBR];
    host_cq_t cq[NICRX_MAX_CQ];
    uint32_t qsel;            /* log2 NUM_CQ: QSEL as the bring-up writes it (libnicrx) */
    nicrx_drv_t *drv;         /* libnicrx: rings, completions, doorbells, moderation */
    uint32_t step_limit;      /* PARSER_CTRL at bring-up, 0: left at reset */
    const uint32_t *boot_w;   /* program loaded at bring-up (NULL: none) */
    uint32_t boot_n;
    host_loader_t load;
    int64_t flow_reg[4];      /* FLOW_CTRL, _THRESH, _TICK, _AGE at bring-up (-1: not written) */
    host_flow_cmd_t fcmd;     /* the command under way (fstate != HF_IDLE) */
    host_flow_res_t fres;
    enum host_flow_state fstate;
    host_flow_fn flow_done;
    void *flow_ctx;
    /* interrupt moderation (docs/architecture.md "nicrx_irq") */
    int64_t irq_reg[3];       /* IRQ_COUNT, IRQ_TIME (every queue) and IRQ_TICK at bring-up (-1: not written) */
    uint8_t napi;             /* a queue is polled only after its interrupt, masked meanwhile */
    uint8_t napi_on;          /* bit q: its interrupt taken: masked and polled until empty */
    uint8_t napi_wait;        /* bit q: its unmask written, not answered yet */
    uint64_t unmasks;         /* NAPI polls ended by an unmask */
    /* interrupt messages (MSIX_*): queue q's word at host_msix_addr(q) */
    uint8_t msix;             /* on at bring-up */
    uint8_t split_off;        /* the header ring (ring 2) left down: no frame splits */
    uint8_t pages_off;        /* no page ring: every buffer holds one entry */
    uint32_t reasm_log2;      /* ring 3 holds 2^reasm_log2 pages */
    uint8_t reasm;            /* re-assembly (enum nicrx_drv_reasm_mode): REASM_CTRL and the re-assembly ring up at bring-up */
    uint32_t reasm_head;      /* its FBR_HEAD, read at the end (re-assembly on) */
    uint8_t starve;           /* ring starve - 1 gets no buffer from the starve_from-th record on (0: none) */
    uint64_t starve_from;
    uint64_t records;         /* completion records taken */
    uint64_t msix_writes[NICRX_MAX_CQ];   /* messages the host bus carried, per queue */
    uint64_t msix_last[NICRX_MAX_CQ];     /* edge of the last message of queue q */
    uint64_t edge;            /* the edge host_edge is at */
    uint8_t enable_queued;
    /* AXI4-Lite master */
    host_op_t op[HOST_OPS_MAX];
    uint32_t op_head, op_n;
    uint8_t aw_done, w_done, ar_done, op_active;
    uint64_t ops_done;
    /* driver */
    enum host_phase phase;
    uint64_t configured_at;   /* edge of the CTRL enable write's response */
    uint64_t next_poll;
    uint32_t poll_min, poll_max;
    uint64_t idle_polls;
    uint32_t cnt[NICRX_NUM_COUNTERS];
    uint32_t status;
    host_cmpl_fn cmpl;
    void *cmpl_ctx;
    uint8_t *scratch;
    void *runs_dump;          /* --runs-pcap: a pcap_dumper_t, each run as one rebuilt segment */
    uint8_t *runs_pkt;        /* ... that segment */
    uint8_t *rshadow;         /* the re-assembly ring's pages as the merged frames' records left them */
    host_run_fn run;          /* with header stripping: each run's stripped bytes to check */
    void *run_ctx;
    /* buffer lists (host_flist_setup): each list bound to the first flow with TCP port
     * flist_port the host sees, flist_n of its buffers kept posted (buffer l * FLIST_DEPTH + j
     * of flb is list l's; ids HOST_FLIST_ID | index), every flist_bad-th post misaligned */
    uint32_t flist_port, flist_n, flist_bad, flist_unbind, flist_posts;
    host_fbr_t flb;
    uint8_t *lshadow;         /* the list buffers as the merged frames' records left them */
    /* each list: bound, used (bound once: not bound again), its key, its runs, its
     * FLIST_STATUS reads after the unbind, and the pool indexes of the buffers posted to it
     * since the bind, in order (posts mod 256) */
    struct { uint8_t bound, used; uint16_t key; uint32_t runs, polls; uint8_t posts, ord[256]; } fl[NICRX_FLIST_LISTS];
    uint64_t flist_unbinds, flist_returned;
    uint64_t flist_runs, flist_bytes, flist_bad_back, flist_ring3_runs;
    uint64_t runs, run_segs;  /* run records taken, the frames they closed */
    uint64_t run_why[NICRX_NUM_REASM_REASONS]; /* run records taken by the reason they give */
    char err[320];
} host_t;

void host_init(host_t *h, const nicrx_params_t *p, host_stall_t stall, uint64_t seed,
               host_cmpl_fn cmpl, void *ctx);
void host_free(host_t *h);
/* The host's side of edge e: fills every non-stream input of the device from
 * its outputs before the edge and performs the handshakes of that edge. */
void host_edge(host_t *h, uint64_t e, const nicrx_out_t *out, nicrx_in_t *in);
int host_configured(const host_t *h);
/* Before the first edge: the bring-up writes PARSER_CTRL = step_limit (1..256,
 * 0: not written) and loads the program w (n instructions; NULL: none). */
void host_parser_setup(host_t *h, uint32_t step_limit, const uint32_t *w, uint32_t n);
/* Before the first edge: FLOW_CTRL, FLOW_THRESH, FLOW_TICK, FLOW_AGE for the
 * bring-up to write (-1: left at reset); done is called with each finished
 * flow command. */
void host_flow_setup(host_t *h, const int64_t reg[4], host_flow_fn done, void *ctx);
/* Before the first edge: IRQ_COUNT and IRQ_TIME of every queue and IRQ_TICK for the
 * bring-up to write (-1: left at reset); napi: take each interrupt NAPI style (mask the
 * queue, poll it until empty, write its head, unmask) instead of polling every queue. */
void host_irq_setup(host_t *h, const int64_t reg[3], int napi);
/* Before the first edge: the bring-up turns interrupt messages on for every queue, each
 * to its own word (host_msix_addr, a different 32-bit lane of a beat per queue) with the
 * data host_msix_data. */
void host_msix_setup(host_t *h);
/* Leaves the header ring (ring 2) down at bring-up: nicrx_xfer_plan splits no frame. */
void host_split_off(host_t *h);
/* Before the first edge: the bring-up turns re-assembly on (REASM_CTRL.en, pages of
 * 2^HOST_REASM_PAGE_LOG2 bytes; mode NICRX_DRV_REASM_STRIP: with header stripping, each run
 * then checked by run) and sets up and fills the re-assembly ring; without it that ring
 * stays down, as at reset. */
void host_reasm_on(host_t *h, int mode, host_run_fn run, void *ctx);
/* Before the first edge (re-assembly on): the host binds a buffer list to each flow with TCP
 * port `port` (source or destination) it sees a record of, while lists are free, keeps n
 * (1..NICRX_FLIST_DEPTH) of the list's buffers posted, and posts every bad-th one misaligned
 * (0: none), and unbinds a list after its unbind-th run (0: never), taking back the buffers
 * FLIST_STATUS.head says were not taken; it checks that list buffers hold only their flow's
 * merged payload, in order, and that the device never writes one it does not hold. */
void host_flist_setup(host_t *h, uint32_t port, uint32_t n, uint32_t bad, uint32_t unbind);
/* Before the first edge: the host posts no buffer of ring r (again) once it has taken
 * `from` completion records (0: none at bring-up either), so the ring runs dry. */
void host_starve_ring(host_t *h, uint32_t r, uint64_t from);
/* Before the first edge: no page ring (by default rings 0 and 2 are page rings, 4 KB pages,
 * entries 64-byte aligned); every buffer then holds one frame or one part. */
void host_pages_off(host_t *h);
/* Before the first edge: every run the host takes is written to the capture file path as
 * the one TCP segment a driver hands up (nicrx_drv_run_header: the first frame's header
 * rebuilt, then the run's bytes); 0, or -1 with the reason in err. */
int host_runs_pcap(host_t *h, const char *path, char *err, size_t n);
/* Ring 3 with 2^log2 pages (2^log2 at most HOST_NBUF_MAX; HOST_REASM_RING_LOG2 without it),
 * before the first edge. */
void host_reasm_pages(host_t *h, uint32_t log2);
uint64_t host_msix_addr(uint32_t q);
uint32_t host_msix_data(uint32_t q);

/* A reset of the device (and its bus) under traffic: the host forgets everything it posted
 * and every access under way; the next host_edge after the reset brings the device up again
 * as at the start (host-interface.md "After a device reset").  Host memory stays as it is:
 * the bring-up poisons the pages again and zeroes the completion queues. */
void host_reset(host_t *h);
/* One register write, queued behind the host's own (before the first edge: ahead
 * of the bring-up's, so before CTRL.enable). */
void host_write(host_t *h, uint32_t addr, uint32_t data);
/* While running: start a flow command (one at a time; see host_flow_busy). */
void host_flow_start(host_t *h, const host_flow_cmd_t *c);
int host_flow_busy(const host_t *h);
/* While running: load w into the shadow bank and swap (host_loader_t). */
void host_swap(host_t *h, const uint32_t *w, uint32_t n);
/* A program load or swap is under way. */
int host_loading(const host_t *h);
/* Ask for the final STATUS/counter reads (once the traffic is accounted). */
void host_final(host_t *h);
int host_done(const host_t *h);
/* Non-empty after a protocol, bounds or bring-up error. */
const char *host_error(const host_t *h);
int host_stall_parse(const char *name);

#endif
