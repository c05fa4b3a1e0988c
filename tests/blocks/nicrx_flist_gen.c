/* nicrx_flist_gen.c - per-edge trace for the block-level lockstep check of
 * rtl/nicrx_flist.v against cmodel/flist.c: binds, posts (some buffers smaller than a page,
 * some to full or unbound lists), unbinds and rebinds of the lists as AXI-Lite writes come
 * (at least three cycles apart), a queue head that moves among bound and unbound flows, a
 * ring 3 head that comes and goes, and a consumer that pops what it saw as nicrx_dma does
 * (decided on the head it saw, the pop one edge later, at least four cycles apart), random
 * resets.  Besides the trace the generator checks the block against its own lists: every
 * list buffer popped is the head of the list it was posted to (posted order, each once),
 * every ring 3 page popped goes to ring 3, a list buffer smaller than a page is presented
 * bad; it fails when one does not hold.
 * usage: nicrx_flist_gen LISTS CYCLES SEED TRACE.hex
 * One line per edge: flist_in and flist_out of tests/blocks/traces.txt.
 * Prints "LIST_POPS RING_POPS BAD FALLBACKS". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "flist.h"
#include "nicrx_regs.h"
#include "bench.h"

#define RING_ID 0x8000u   /* ring 3's pages' buf_ids: bit 15; a list buffer's id is below */

static void desc_bytes(uint8_t *be, const desc_ent_t *d)
{
    bench_elem(be, 10, 8, 0, d->addr);
    be[0] = (uint8_t)(d->buf_id >> 8);
    be[1] = (uint8_t)d->buf_id;
}

static int fail(const char *prog, uint32_t c, const char *what, unsigned id)
{
    fprintf(stderr, "%s: cycle %u: %s (buf_id 0x%04x)\n", prog, c, what, id);
    return 1;
}

int main(int argc, char **argv)
{
    nicrx_geom_t g;
    flist_t s;
    flist_out_t o;
    uint64_t rs;
    uint32_t lists, cycles;
    const uint32_t depth = NICRX_FLIST_DEPTH;
    /* the generator's own lists: posted buffers not yet taken, in order */
    uint16_t q[FLIST_MAX_LISTS][64];
    uint32_t qh[FLIST_MAX_LISTS], qt[FLIST_MAX_LISTS];
    uint8_t bound[FLIST_MAX_LISTS], small[RING_ID];
    uint8_t list_of[RING_ID];
    uint16_t next_id = 1, r3_id = RING_ID, head = 0x0101;
    uint8_t r3_valid = 0, pop_dec = 0, pop_next = 0, cmd_gap = 0, pop_gap = 0;
    uint16_t pop_id = 0, dec_id = 0;
    uint32_t n_list = 0, n_ring = 0, n_bad = 0;
    const uint8_t page_log2 = 12;
    FILE *f;

    f = bench_start_pow2(argc, argv, "LISTS", 1, FLIST_MAX_LISTS, &lists, &cycles, &rs);
    memset(&g, 0, sizeof g);
    memset(bound, 0, sizeof bound);
    memset(qh, 0, sizeof qh);
    memset(qt, 0, sizeof qt);
    memset(small, 0, sizeof small);
    memset(list_of, 0, sizeof list_of);
    flist_init(&s, lists, depth);
    flist_out(&s, &o);
    for (uint32_t c = 0; c < cycles; c++) {
        flist_in_t in;
        const desc_ent_t r3 = { .addr = (uint64_t)r3_id << 16, .buf_id = r3_id };

        memset(&in, 0, sizeof in);
        in.rst = c < 2 || bench_rnd(&rs) % 20000 == 0;
        in.cfg_page_log2 = page_log2;
        in.s_head = head;
        in.s_desc_valid = r3_valid;
        in.s_desc = r3;
        in.s_desc_pop = pop_next;
        /* an AXI-Lite command now and then; a bind only with no pop in flight */
        if (cmd_gap == 0 && bench_rnd(&rs) % 6 == 0) {
            const uint32_t k = bench_rnd(&rs) % 10;

            in.cfg_sel = (uint8_t)(bench_rnd(&rs) % (lists + 1 < 8 ? lists + 1 : 8));
            in.cfg_flow = (uint16_t)(0x0100 + bench_rnd(&rs) % 4);
            in.cfg_cmd = k < 6 ? 2 : k < 8 ? 1 : 3;
            if (in.cfg_cmd == 1 && (pop_dec || pop_next || s.r.o_list || s.r.p_list))
                in.cfg_cmd = 2;
            in.cfg_id = next_id;
            in.cfg_addr = (uint64_t)next_id << 12;
            in.cfg_size = bench_rnd(&rs) % 16 == 0 ? 0x800 : 0x1000u << (bench_rnd(&rs) % 5);
            cmd_gap = 3;
        } else if (cmd_gap) {
            cmd_gap--;
        }
        if (bench_rnd(&rs) % 40 == 0)
            head = (uint16_t)(0x0100 + bench_rnd(&rs) % 6);
        if (in.rst) {
            memset(bound, 0, sizeof bound);
            memset(qh, 0, sizeof qh);
            memset(qt, 0, sizeof qt);
            in.s_desc_pop = 0;
        }
        /* the pop that lands at this edge: the buffer the consumer saw */
        if (in.s_desc_pop) {
            if (pop_id & RING_ID) {
                n_ring++;
            } else {
                const uint8_t l = list_of[pop_id];
                if (qh[l] == qt[l] || q[l][qh[l] % 64] != pop_id)
                    return fail(argv[0], c, "a list buffer taken out of its list's order", pop_id);
                qh[l]++;
                n_list++;
            }
        }
        /* the command's effect on the generator's lists */
        if (!in.rst && in.cfg_cmd && in.cfg_sel < lists) {
            const uint8_t l = in.cfg_sel;
            if (in.cfg_cmd == 1 && !bound[l]) {
                bound[l] = 1;
                qh[l] = qt[l];
            } else if (in.cfg_cmd == 2 && bound[l] && qt[l] - qh[l] < depth) {
                q[l][qt[l]++ % 64] = next_id;
                list_of[next_id] = l;
                small[next_id] = in.cfg_size < (1u << page_log2);
            } else if (in.cfg_cmd == 3) {
                bound[l] = 0;
            }
        }
        if (in.cfg_cmd == 2)
            next_id = (uint16_t)(next_id % (RING_ID - 1) + 1);
        /* the pop's route, from the registers before the edge (as the descriptor fetch sees it) */
        const uint8_t to_ring = flist_pop(&o, in.s_desc_pop);
        flist_step(&s, &in, &o);
        const uint8_t mv = o.o_valid, mbad = o.o_bad;
        const desc_ent_t md = o.o_data;
        {
            flist_in_trace_t ti = { .rst = in.rst, .cfg_page_log2 = in.cfg_page_log2, .cfg_cmd = in.cfg_cmd,
                                    .cfg_sel = in.cfg_sel, .cfg_flow = in.cfg_flow, .cfg_addr = in.cfg_addr,
                                    .cfg_id = in.cfg_id, .cfg_size = in.cfg_size, .s_head = in.s_head,
                                    .s_desc_valid = r3_valid, .s_desc_pop = in.s_desc_pop };
            flist_out_trace_t to = { .m_desc_pop = flist_pop(&o, in.s_desc_pop), .m_desc_valid = mv,
                                     .m_desc_bad = mbad, .st_bound = o.st_bound, .st_err = o.st_err,
                                     .st_cnt = o.st_cnt, .st_head = o.st_head, .cnt_fallback = o.cnt_fallback };

            desc_bytes(ti.s_desc_data, &r3);
            desc_bytes(to.m_desc_data, &md);
            BENCH_LINE(f, flist, &g, &ti, &to);
            if (in.s_desc_pop && !!to_ring != !!(pop_id & RING_ID))
                return fail(argv[0], c, "a pop sent to the wrong source", pop_id);
        }
        if (mv && !(md.buf_id & RING_ID) && mbad != small[md.buf_id])
            return fail(argv[0], c, "a list buffer's size check", md.buf_id);
        n_bad += mv && mbad;
        /* ring 3's head: a popped page is replaced a few cycles later */
        if (in.s_desc_pop && (pop_id & RING_ID) && !in.rst) {
            r3_valid = 0;
            r3_id = (uint16_t)(RING_ID | ((r3_id + 1) & 0x7fff));
        } else if (!r3_valid && bench_rnd(&rs) % 8 == 0) {
            r3_valid = 1;
        }
        /* the consumer: decides at the next edge on what it sees now (pop_dec), and its pop
         * (registered) lands at the edge after (pop_next) */
        pop_next = pop_dec && !in.rst;
        pop_id = dec_id;
        pop_dec = 0;
        if (pop_gap) {
            pop_gap--;
        } else if (mv && !in.rst && bench_rnd(&rs) % 3 == 0) {
            pop_dec = 1;
            dec_id = md.buf_id;
            pop_gap = 4;
        }
    }
    fclose(f);
    printf("%u %u %u %u\n", n_list, n_ring, n_bad, o.cnt_fallback);
    return 0;
}
