/* isa.c - one instruction of the parser microcode (docs/microcode.md) and the
 * functional parse nicrx_parse() built from it, optionally traced
 * (nicrx_parse_trace). */
#include <string.h>
#include "isa.h"

#define CUR_MAX 1023u /* cur, L3, L4 are 10 bits */

void nicrx_isa_start(nicrx_thread_t *t, uint32_t step_limit)
{
    memset(t, 0, sizeof *t);
    t->limit = (uint16_t)(step_limit == 0 || step_limit > 256u ? 256u : step_limit);
}

static uint32_t read_bytes(uint32_t size)
{
    static const uint8_t n[8] = { 0, 1, 2, 4, 8, 8, 8, 8 };
    return n[size & 7u];
}

/* Big-endian bytes into an array of n bytes (network order). */
static void put_be(uint8_t *dst, uint64_t v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        dst[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
}

static void store(nicrx_thread_t *t, uint32_t dst, uint64_t s)
{
    nicrx_hv_t *hv = &t->hv;

    switch (dst) {
    case NICRX_DST_VLAN:
        if (hv->vlan_cnt < 2)
            hv->vlan[hv->vlan_cnt++] = (uint16_t)(s & 0xfffu);
        break;
    case NICRX_DST_PROTO:     hv->proto = (uint8_t)s; break;
    case NICRX_DST_FRAG:
        hv->mf = (uint8_t)((s >> 13) & 1u);
        hv->frag_off = (uint16_t)(s & 0x1fffu);
        break;
    case NICRX_DST_IPLEN:
        t->iplen = (uint16_t)s;
        t->iplen_set = 1;
        break;
    case NICRX_DST_ADDR4:
        memset(hv->src, 0, sizeof hv->src);
        memset(hv->dst, 0, sizeof hv->dst);
        put_be(hv->src, s >> 32, 4);
        put_be(hv->dst, s, 4);
        break;
    case NICRX_DST_SRC_HI:    put_be(hv->src, s, 8); break;
    case NICRX_DST_SRC_LO:    put_be(hv->src + 8, s, 8); break;
    case NICRX_DST_DST_HI:    put_be(hv->dst, s, 8); break;
    case NICRX_DST_DST_LO:    put_be(hv->dst + 8, s, 8); break;
    case NICRX_DST_PORTS:
        hv->sport = (uint16_t)(s >> 16);
        hv->dport = (uint16_t)s;
        break;
    case NICRX_DST_PORTS_SEQ:
        hv->sport = (uint16_t)(s >> 48);
        hv->dport = (uint16_t)(s >> 32);
        hv->seq = (uint32_t)s;
        break;
    case NICRX_DST_SEQ:       hv->seq = (uint32_t)s; break;
    case NICRX_DST_ACK:       hv->ack = (uint32_t)s; break;
    case NICRX_DST_ACK_FLAGS:
        hv->ack = (uint32_t)(s >> 32);
        hv->tcp_flags = (uint16_t)((s >> 16) & 0xfffu);
        hv->win = (uint16_t)s;
        break;
    case NICRX_DST_TCP_FLAGS: hv->tcp_flags = (uint16_t)(s & 0xfffu); break;
    default: break; /* 0 and 16..31: no store */
    }
}

static int test(uint32_t rel, uint32_t o, uint32_t v)
{
    switch (rel) {
    case NICRX_REL_EQ: return o == v;
    case NICRX_REL_NE: return o != v;
    case NICRX_REL_LT: return o < v;
    case NICRX_REL_GT: return o > v;
    case NICRX_REL_LE: return o <= v;
    case NICRX_REL_GE: return o >= v;
    case NICRX_REL_ANY: return (o & v) != 0;
    default: return 1; /* always */
    }
}

/* nicrx_isa_exec(); s, if not NULL, receives what the instruction read,
 * tested and stored (nicrx_parse_trace). */
static void exec(nicrx_thread_t *t, const nicrx_insn_t *i, const uint8_t *bytes, uint32_t w, nicrx_parse_step_t *s)
{
    const uint32_t base[4] = { t->cur, t->l3, t->l4, 0 };
    uint32_t a = base[i->base & 3u] + i->off, n = read_bytes(i->size);
    uint64_t raw = 0;
    uint32_t o, val;
    int tt, end;

    /* 1. read; a read past W ends the frame here, nothing else happens */
    if (s) {
        s->addr = a;
        s->nbytes = n;
    }
    if (n && a + n > w) {
        t->hv.truncated = 1;
        t->ended = 1;
        if (s)
            s->truncated = s->ended = 1;
        return;
    }
    for (uint32_t k = 0; k < n; k++)
        raw = raw << 8 | bytes[a + k];
    /* 2-3. operand and test */
    o = (uint32_t)(raw >> (8u * (i->cs & 7u))) & 0xffffu & i->mask;
    tt = test(i->rel & 7u, o, i->value);
    val = ((o >> (i->shr & 15u)) << (i->shl & 3u)) + i->k;
    /* 4. store, whatever the test */
    store(t, i->dst & 31u, i->sval ? val : raw);
    /* 5. advance, save, classify */
    if (tt) {
        if (i->adv)
            t->cur = (uint16_t)(t->cur + val > CUR_MAX ? CUR_MAX : t->cur + val);
        if (i->save & NICRX_SAVE_L3)
            t->l3 = t->cur;
        if (i->save & NICRX_SAVE_L4)
            t->l4 = t->cur;
        t->cls |= (uint16_t)(i->set & 0x3ffu);
    }
    /* 6. next pc, end */
    t->pc = tt ? i->t_true : i->t_false;
    end = (i->end & 3u) == NICRX_END_ALWAYS || ((i->end & 3u) == NICRX_END_TRUE && tt) ||
          ((i->end & 3u) == NICRX_END_FALSE && !tt);
    /* 7. step limit */
    t->steps++;
    if (end) {
        t->ended = 1;
    } else if (t->steps == t->limit) {
        t->cls |= NICRX_CLS(NICRX_CLS_PERR);
        t->ended = 1;
    }
    if (s) {
        s->raw = raw;
        s->operand = (uint16_t)o;
        s->val = val;
        s->taken = (uint8_t)tt;
        s->stored = i->sval ? val : raw;
        s->next_pc = t->pc;
        s->ended = t->ended;
        s->limit = (uint8_t)(t->ended && !end);
    }
}

void nicrx_isa_exec(nicrx_thread_t *t, const nicrx_insn_t *i, const uint8_t *bytes, uint32_t w)
{
    exec(t, i, bytes, w, NULL);
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

void nicrx_isa_finish(const nicrx_thread_t *t, uint32_t len, nicrx_hv_t *hv)
{
    uint32_t c = t->cls;
    int tcp = (c >> NICRX_CLS_TCP) & 1, l4pay = tcp || ((c >> NICRX_CLS_UDP) & 1);

    *hv = t->hv;
    hv->cls = (uint16_t)c;
    hv->l3 = (c & NICRX_CLS(NICRX_CLS_IPV4)) ? 1 : (c & NICRX_CLS(NICRX_CLS_IPV6)) ? 2 : 0;
    hv->l4 = tcp ? 1 : (c & NICRX_CLS(NICRX_CLS_UDP)) ? 2 : (c & NICRX_CLS(NICRX_CLS_L4OTHER)) ? 3 : 0;
    hv->frag = (uint8_t)(hv->mf | (hv->frag_off != 0));
    hv->l3_off = (uint8_t)(t->l3 > 255u ? 255u : t->l3);
    hv->l4_off = (uint8_t)(t->l4 > 255u ? 255u : t->l4);
    hv->pay_off = t->cur;
    hv->tcp_hlen = tcp ? (uint16_t)((t->cur - t->l4) & 0x3ffu) : 0;
    hv->l4_len = 0;
    if (l4pay) {
        int32_t l = t->iplen_set ? (int32_t)t->l3 + t->iplen - t->cur : (int32_t)len - t->cur;
        hv->l4_len = (uint16_t)(l < 0 ? 0 : l);
    }
    hv->perr = (uint8_t)((c >> NICRX_CLS_PERR) & 1u);
    hv->hash = 0;
    for (uint32_t k = 0; k < 16; k += 4)
        hv->hash ^= be32(hv->src + k) ^ be32(hv->dst + k);
    if (l4pay)
        hv->hash ^= (uint32_t)hv->sport << 16 | hv->dport;
}

static nicrx_parse_state_t machine(const nicrx_thread_t *t)
{
    return (nicrx_parse_state_t){ t->cur, t->l3, t->l4, t->cls };
}

uint32_t nicrx_parse_trace(const uint32_t *imem, uint32_t imem_depth, const uint8_t *bytes, uint32_t len,
                           uint32_t header_bytes, uint32_t step_limit, nicrx_hv_t *hv, nicrx_parse_step_fn fn,
                           void *ctx)
{
    uint32_t w = len < header_bytes ? len : header_bytes, n = 0;
    nicrx_thread_t t;
    nicrx_insn_t insn;
    nicrx_parse_step_t s;

    nicrx_isa_start(&t, step_limit);
    while (imem_depth && !t.ended) {
        const uint32_t *words = imem + NICRX_INSN_WORDS * (t.pc % imem_depth);

        nicrx_insn_decode(words, &insn);
        if (fn) {
            memset(&s, 0, sizeof s);
            s.step = n + 1;
            s.pc = t.pc % imem_depth;
            s.insn = words;
            s.before = machine(&t);
        }
        exec(&t, &insn, bytes, w, fn ? &s : NULL);
        n++;
        if (fn) {
            s.after = machine(&t);
            fn(ctx, &s);
        }
    }
    nicrx_isa_finish(&t, len, hv);
    return n;
}

uint32_t nicrx_parse(const uint32_t *imem, uint32_t imem_depth, const uint8_t *bytes, uint32_t len,
                     uint32_t header_bytes, uint32_t step_limit, nicrx_hv_t *hv)
{
    return nicrx_parse_trace(imem, imem_depth, bytes, len, header_bytes, step_limit, hv, NULL, NULL);
}
