/* nicrx_drv.h - libnicrx's host driver: the one public header of the driver library
 * (build/lib/libnicrxdrv.a), for a host that reaches the device through two callbacks of
 * its own: register access (the AXI4-Lite port) and DMA memory (where the rings, buffers
 * and completion queues live).  No global state: everything is in the nicrx_drv_t the
 * caller opens.  The layouts come from nicrx_hw.h alone (docs/host-interface.md,
 * docs/registers.md); docs/host-interface.md "libnicrx" shows a minimal driver loop.
 *
 * Register writes are posted: the driver never waits for one, so a host whose port takes
 * cycles (the lockstep harness) may queue them.  Reads return the value, so the calls
 * that read (nicrx_drv_probe, nicrx_drv_counters, nicrx_drv_flow_cmd,
 * nicrx_drv_load_program) need a host that can answer at once; the ring calls
 * (setup, post, poll, doorbells, moderation) only write. */
#ifndef NICRX_DRV_H
#define NICRX_DRV_H

#include <stddef.h>
#include <stdint.h>
#include "nicrx_hw.h"
#include "nicrx_isa.h"

typedef struct nicrx_drv_ops {
    void (*reg_write)(void *ctx, uint32_t addr, uint32_t data);
    uint32_t (*reg_read)(void *ctx, uint32_t addr);          /* NULL: a write-only host */
    void (*mem_write)(void *ctx, uint64_t addr, const void *p, size_t n);
    void (*mem_read)(void *ctx, uint64_t addr, void *p, size_t n);
} nicrx_drv_ops_t;

/* A free-buffer ring or a completion queue: its base (aligned as nicrx_hw.h says) and
 * log2 of its entries (NICRX_RING_LOG2_MIN..MAX); an FBR also its buffer size. */
typedef struct nicrx_drv_ring {
    uint64_t base;
    uint32_t size_log2;
    uint32_t buf_size;      /* FBR only */
} nicrx_drv_ring_t;

typedef struct nicrx_drv nicrx_drv_t;

/* NULL on a missing callback or no memory. */
nicrx_drv_t *nicrx_drv_open(const nicrx_drv_ops_t *ops, void *ctx);
void nicrx_drv_close(nicrx_drv_t *d);
/* The last error of a call that returned -1 (empty if none). */
const char *nicrx_drv_error(const nicrx_drv_t *d);

/* Bring-up (docs/host-interface.md "Bring-up sequence").  probe reads ID and CAPS0 and
 * learns NUM_CQ; 0 or -1 (not a nicrx, or no reg_read). */
int nicrx_drv_probe(nicrx_drv_t *d);
uint32_t nicrx_drv_num_cq(const nicrx_drv_t *d);
/* Configures and enables the free-buffer rings and the first ncq completion queues
 * (their memory zeroed, interrupts enabled) and writes QSEL = log2(ncq).  fbr[r] with
 * size_log2 0 leaves ring r disabled.  Nothing is posted. -1 on a bad geometry. */
int nicrx_drv_setup(nicrx_drv_t *d, const nicrx_drv_ring_t fbr[NICRX_NUM_FBR],
                    const nicrx_drv_ring_t *cq, uint32_t ncq);
/* Page rings (docs/host-interface.md "Pages"): bit r of rings makes ring r a page ring
 * (r below NICRX_REASM_RING), its buffers pages of 2^page_log2 bytes (NICRX_PAGE_LOG2_MIN..
 * MAX), each posted at an address aligned to its size and filled with entries at multiples of 2^align_log2
 * (NICRX_PAGE_ALIGN_LOG2_MIN..page_log2).  Before the rings are enabled; -1 on a bad value. */
int nicrx_drv_pages(nicrx_drv_t *d, uint32_t rings, uint32_t page_log2, uint32_t align_log2);
/* Re-assembly (docs/host-interface.md "The re-assembly ring"): REASM_CTRL with en (mode
 * NICRX_DRV_REASM_ON, or _STRIP: on with header stripping, REASM_CTRL.strip) and the
 * size of the re-assembly ring's pages, 2^page_log2 bytes (NICRX_REASM_PAGE_LOG2_MIN..MAX;
 * before any, the reset value, 64 KB): nicrx_drv_post checks ring NICRX_REASM_RING's
 * pages are aligned to it.  The ring itself is set up like the others (its buf_size is not
 * written: unused); left down, it gives no page and every frame goes alone.  -1 on a bad value. */
enum nicrx_drv_reasm_mode { NICRX_DRV_REASM_OFF = 0, NICRX_DRV_REASM_ON = 1, NICRX_DRV_REASM_STRIP = 2 };
int nicrx_drv_reasm(nicrx_drv_t *d, int mode, uint32_t page_log2);
/* Buffer lists (docs/host-interface.md "Buffer lists"): list (< NICRX_FLIST_LISTS), bound to
 * the installed flow {flow, gen} (nicrx_drv_flow_cmd's INSTALL gives both); its runs open in
 * the list's buffers, posted in order by nicrx_drv_flist_post: each aligned to the
 * re-assembly page and at least that size (nicrx_drv_reasm's, 64 KB before it), else refused.
 * The device refuses a bind of a bound list, a post to an unbound or full one:
 * nicrx_drv_flist_status says so (err).  -1 on a bad argument, nothing written. */
int nicrx_drv_flist_bind(nicrx_drv_t *d, uint32_t list, uint8_t flow, uint8_t gen);
int nicrx_drv_flist_post(nicrx_drv_t *d, uint32_t list, uint64_t addr, uint32_t size, uint16_t id);
int nicrx_drv_flist_unbind(nicrx_drv_t *d, uint32_t list);
/* FLIST_STATUS of the list: bound, err (a command refused since the bind), cnt (buffers
 * not yet taken), head (taken since the bind, mod 256: after an unbind, the buffers posted
 * from that one on are the caller's again).  -1 on a bad list or without register reads. */
typedef struct nicrx_drv_flist_st { uint8_t bound, err, cnt, head; } nicrx_drv_flist_st_t;
int nicrx_drv_flist_status(nicrx_drv_t *d, uint32_t list, nicrx_drv_flist_st_t *st);
/* CTRL = 1: frames are taken from now on. */
void nicrx_drv_enable(nicrx_drv_t *d);

/* Writes a descriptor for buffer addr (8-byte aligned; a page ring's page or a re-assembly
 * page: aligned to its size) with the host's id into ring r;
 * its tail goes to the device at the next nicrx_drv_doorbells.  -1 when the ring is full
 * (2^SIZE_LOG2 posted and not yet returned) or the address is misaligned. */
int nicrx_drv_post(nicrx_drv_t *d, uint32_t r, uint64_t addr, uint16_t id);
/* The next completion of queue q, if its phase bit says the device wrote it: 1 and *c
 * (the head moves on; a buffer whose release flag it carries is the caller's again once
 * the caller has taken its entries: nicrx_cmpl_cnt of the release says how many), or 0. */
int nicrx_drv_poll(nicrx_drv_t *d, uint32_t q, struct nicrx_cmpl *c);
/* Writes the tails and heads that moved since the last doorbells, rings first. */
void nicrx_drv_doorbells(nicrx_drv_t *d);
/* Records consumed from queue q since setup. */
uint64_t nicrx_drv_consumed(const nicrx_drv_t *d, uint32_t q);

/* Interrupt moderation (docs/architecture.md "nicrx_irq"): COUNT and TIME of queue q,
 * the tick (cycles - 1).  mask: NAPI's disable; unmask writes the queue's head first
 * (so consumed records do not raise the line again), then IRQ_MASK = 0. */
void nicrx_drv_irq_moderation(nicrx_drv_t *d, uint32_t q, uint16_t count, uint16_t time);
void nicrx_drv_irq_tick(nicrx_drv_t *d, uint16_t tick);
void nicrx_drv_irq_mask(nicrx_drv_t *d, uint32_t q);
void nicrx_drv_irq_unmask(nicrx_drv_t *d, uint32_t q);
/* Interrupt messages (docs/registers.md "Interrupt messages"): each rise of queue q's
 * interrupt also writes the 32-bit data to addr (4-byte aligned), after the records that
 * raised it; en 0 turns the messages of queue q off. */
void nicrx_drv_msix(nicrx_drv_t *d, uint32_t q, uint64_t addr, uint32_t data, int en);

/* Receive-side scaling (docs/host-interface.md "Receive-side scaling"): the 40-byte
 * Toeplitz key, byte 0 first; RSS_CTRL (types: bit t-1 enables hash type t; modulo: the
 * queue is the hash modulo the queues in use instead of the table's entry); n entries of
 * the indirection table from entry first on (RSS_RETA_IADDR once, then one RSS_RETA_IDATA
 * write per entry, which moves IADDR on). */
void nicrx_drv_rss_key(nicrx_drv_t *d, const uint8_t key[40]);
void nicrx_drv_rss_ctrl(nicrx_drv_t *d, uint32_t types, int modulo);
void nicrx_drv_rss_reta(nicrx_drv_t *d, uint32_t first, const uint8_t *queue, uint32_t n);

/* Every counter (enum nicrx_counter) into cnt[NICRX_NUM_COUNTERS]; -1 without reg_read. */
int nicrx_drv_counters(nicrx_drv_t *d, uint32_t cnt[NICRX_NUM_COUNTERS]);
/* Writes n instructions (NICRX_INSN_WORDS words each) into the parser's shadow bank and
 * swaps it in, waiting for the swap (docs/microcode.md "Loading and switching programs");
 * -1 if a swap stays pending. */
int nicrx_drv_load_program(nicrx_drv_t *d, const uint32_t *words, uint32_t n);

/* A flow database command (docs/registers.md "Flow database"): for INSTALL the window
 * is written from *ctx first; the command runs to completion (FLOW_STATUS polled); for
 * READ the window is read back into *ctx.  Returns FLOW_STATUS, or -1 if still busy. */
typedef struct nicrx_drv_flow {
    uint32_t info, seq, ack, opt, time, count;
    uint8_t key[NICRX_FLOW_KEY_BYTES];
} nicrx_drv_flow_t;
int64_t nicrx_drv_flow_cmd(nicrx_drv_t *d, enum nicrx_flow_cmd cmd, uint32_t sel, nicrx_drv_flow_t *ctx);

/* A re-assembly run handed up as one TCP segment, as Linux GRO hands up a merge
 * (docs/host-interface.md "Header stripping"): hdr holds a copy of the run's first frame's
 * header part (hlen bytes, its record's `len`: Ethernet, up to two VLAN tags, IPv4 or IPv6
 * with hop-by-hop or destination options, TCP), run is the run record and data the run's
 * rlen bytes (the page).  Rewrites hdr in place: the IP length (and IPv4's header
 * checksum) for the TCP header and rlen bytes, the TCP sequence number the run's, its flags
 * ORed with the run's rflags, its ACK number and window the run's last segment's,
 * the TCP checksum over the result and data.  Returns the
 * header's bytes (the TCP header's end), or -1 when hdr is not such a frame's (the run is
 * then handed up as bytes alone). */
int nicrx_drv_run_header(uint8_t *hdr, uint32_t hlen, const struct nicrx_cmpl *run, const uint8_t *data);

#endif
