/* parser.c - twin of rtl/nicrx_parser.v: nicrx_parse() plus the delay line. */
#include <string.h>
#include "parser.h"

static int is_tpid(uint32_t et)
{
    return et == 0x8100u || et == 0x88a8u || et == 0x9100u;
}

static uint32_t be16(const uint8_t *b, uint32_t i)
{
    return ((uint32_t)b[i] << 8) | b[i + 1];
}

static uint32_t be32(const uint8_t *b, uint32_t i)
{
    return ((uint32_t)b[i] << 24) | ((uint32_t)b[i + 1] << 16) | ((uint32_t)b[i + 2] << 8) | b[i + 3];
}

/* docs/architecture.md, nicrx_parser steps 1-7.  Every read of b[i] is guarded
 * by a check that i < w.  Fields of a layer that is absent stay 0. */
void nicrx_parse(const uint8_t *b, uint32_t len, uint32_t header_bytes, nicrx_hv_t *hv)
{
    uint32_t w = len < header_bytes ? len : header_bytes;
    uint32_t et, off, l4_off, ihl, i;

    memset(hv, 0, sizeof *hv);
    if (w < 14) {              /* no EtherType: runts never get here from ingress */
        hv->truncated = 1;
        return;
    }
    /* 1-2: EtherType and up to two VLAN tags */
    et = be16(b, 12);
    off = 14;
    while (is_tpid(et) && hv->vlan_cnt < 2) {
        if (off + 4 > w) {
            hv->truncated = 1;
            return;
        }
        hv->vlan[hv->vlan_cnt++] = (uint16_t)(be16(b, off) & 0xfffu);
        et = be16(b, off + 2);
        off += 4;
    }
    /* 3: 802.3 length field: only LLC/SNAP leads to an L3 */
    if (et < 0x0600u) {
        if (off + 8 <= w && b[off] == 0xaa && b[off + 1] == 0xaa && b[off + 2] == 0x03) {
            et = be16(b, off + 6);
            off += 8;
        } else {
            return;
        }
    }
    /* 4-5: L3 */
    if (et == 0x0800u) {
        if (off + 20 > w) {
            hv->truncated = 1;
            return;
        }
        ihl = b[off] & 0xfu;
        if ((b[off] >> 4) != 4 || ihl < 5)
            return;
        hv->l3 = 1;
        hv->proto = b[off + 9];
        memcpy(hv->src, b + off + 12, 4);
        memcpy(hv->dst, b + off + 16, 4);
        hv->mf = (uint8_t)((b[off + 6] >> 5) & 1u);
        hv->frag_off = (uint16_t)(be16(b, off + 6) & 0x1fffu);
        hv->frag = (uint8_t)(hv->mf | (hv->frag_off != 0));
        l4_off = off + 4 * ihl;
    } else if (et == 0x86ddu) {
        if (off + 40 > w) {
            hv->truncated = 1;
            return;
        }
        if ((b[off] >> 4) != 6)
            return;
        hv->l3 = 2;
        hv->proto = b[off + 6];
        memcpy(hv->src, b + off + 8, 16);
        memcpy(hv->dst, b + off + 24, 16);
        l4_off = off + 40;
    } else {
        return;
    }
    hv->l3_off = (uint8_t)off;
    /* 6: L4.  A non-first IPv4 fragment carries no L4 header. */
    if (hv->frag_off == 0) {
        if (hv->proto == 6 || hv->proto == 17) {
            if (l4_off + (hv->proto == 6 ? 20u : 8u) <= w) {
                hv->l4 = hv->proto == 6 ? 1 : 2;
                hv->l4_off = (uint8_t)l4_off;
                hv->sport = (uint16_t)be16(b, l4_off);
                hv->dport = (uint16_t)be16(b, l4_off + 2);
            } else {
                hv->truncated = 1;
            }
        } else {
            hv->l4 = 3;
            hv->l4_off = (uint8_t)l4_off;
        }
    }
    /* 7: flow hash */
    for (i = 0; i < 16; i += 4)
        hv->hash ^= be32(hv->src, i) ^ be32(hv->dst, i);
    if (hv->l4 == 1 || hv->l4 == 2)
        hv->hash ^= ((uint32_t)hv->sport << 16) | hv->dport;
}

static void parser_reset(parser_t *s)
{
    memset(s->st, 0, sizeof s->st);
    s->idle_reg = 1;
}

void parser_init(parser_t *s, const nicrx_geom_t *g)
{
    s->header_bytes = g->p.header_bytes;
    parser_reset(s);
}

void parser_out(const parser_t *s, parser_out_t *o)
{
    const parser_slot_t *q = &s->st[PARSER_PARSE_LAT - 1];

    o->hv_valid = q->valid;
    o->hv_start = q->start;
    o->hv_len = q->len;
    o->hv = &q->hv;
    o->hv_frame = q->frame;
    o->idle = s->idle_reg;
}

void parser_step(parser_t *s, const ingress_out_t *ing, const nicrx_in_t *top, const evsink_t *ev)
{
    parser_t next = *s;
    uint32_t k;

    if (top->rst) {
        parser_reset(&next);
        *s = next;
        return;
    }
    /* Stage 0 loads on cm_valid; stage k loads from stage k-1 when that holds a
     * frame.  A stage that does not load keeps its data and clears valid. */
    if (ing->cm_valid) {
        nicrx_event_t e;

        next.st[0].valid = 1;
        next.st[0].start = ing->cm_start;
        next.st[0].len = ing->cm_len;
        next.st[0].frame = ing->cm_frame;
        nicrx_parse(ing->cm_hdr, ing->cm_len, s->header_bytes, &next.st[0].hv);
        memset(&e, 0, sizeof e);
        e.kind = NICRX_EV_PARSED;
        e.frame = ing->cm_frame;
        e.hv = &next.st[0].hv;
        e.len = ing->cm_len;
        ev_emit(ev, &e);
    } else {
        next.st[0].valid = 0;
    }
    for (k = 1; k < PARSER_PARSE_LAT; k++) {
        if (s->st[k - 1].valid)
            next.st[k] = s->st[k - 1];
        else
            next.st[k].valid = 0;
    }
    /* idle after this edge: nothing enters and nothing moves on to a later stage */
    next.idle_reg = (uint8_t)!ing->cm_valid;
    for (k = 0; k + 1 < PARSER_PARSE_LAT; k++)
        if (s->st[k].valid)
            next.idle_reg = 0;
    *s = next;
}
