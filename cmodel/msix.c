/* msix.c - twin of rtl/nicrx_msix.v (names as there without _reg). */
#include <string.h>

#include "msix.h"


void msix_init(msix_t *s, uint32_t num_cq, uint32_t axi_data_width)
{
    memset(s, 0, sizeof *s);
    s->num_cq = num_cq;
    s->lanes = axi_data_width / 32;
    s->o.idle = 1;
}

void msix_out(const msix_t *s, msix_out_t *o)
{
    *o = s->o;
}

void msix_port(const msix_out_t *o, uint32_t lanes, const nicrx_out_t *dma, nicrx_out_t *port)
{
    port->m_axi_awvalid = o->st == MSIX_AW || (dma->m_axi_awvalid && !o->gate);
    port->m_axi_awaddr = o->st == MSIX_AW ? o->ma : dma->m_axi_awaddr;
    port->m_axi_awlen = o->st == MSIX_AW ? 0 : dma->m_axi_awlen;
    port->m_axi_wvalid = o->st == MSIX_W || (dma->m_axi_wvalid && !o->wblock);
    port->m_axi_wlast = o->st == MSIX_W || dma->m_axi_wlast;
    if (o->st == MSIX_W) {
        /* the word in every 32-bit lane, the strobes on the address's lane */
        uint64_t word = (uint64_t)o->md << 32 | o->md;
        uint32_t lane = (uint32_t)(o->ma >> 2) & (lanes - 1);
        port->m_axi_wdata[0] = lanes == 1 ? o->md : word;
        port->m_axi_wdata[1] = lanes == 4 ? word : 0;
        port->m_axi_wstrb = (uint16_t)(0xfu << (4 * lane));
    } else {
        memcpy(port->m_axi_wdata, dma->m_axi_wdata, sizeof port->m_axi_wdata);
        port->m_axi_wstrb = dma->m_axi_wstrb;
    }
}

void msix_to_dma(const msix_out_t *o, nicrx_in_t *top)
{
    top->m_axi_awready = top->m_axi_awready && !o->gate;
    top->m_axi_wready = top->m_axi_wready && !o->wblock;
    top->m_axi_bvalid = top->m_axi_bvalid && !o->own_h;
}

void msix_step(msix_t *s, const msix_in_t *in, msix_out_t *out)
{
    const nicrx_out_t *d = &in->dma;
    const nicrx_in_t *t = &in->top;
    const msix_out_t *o = &s->o;
    nicrx_out_t port;
    nicrx_in_t to_dma = *t;

    msix_port(o, s->lanes, d, &port);
    msix_to_dma(o, &to_dma);
    int dma_aw = d->m_axi_awvalid && to_dma.m_axi_awready;
    int dma_w = d->m_axi_wvalid && to_dma.m_axi_wready;
    int port_aw = port.m_axi_awvalid && t->m_axi_awready;
    uint8_t en = 0;
    for (uint32_t q = 0; q < s->num_cq && q < NICRX_MAX_CQ; q++)
        en |= (uint8_t)((in->en[q] & 1u) << q);

    uint8_t pend = s->pend;
    msix_out_t n = *o;
    int c = s->c + dma_aw - (dma_w && d->m_axi_wlast);
    uint8_t wmid = dma_w ? !d->m_axi_wlast : s->wmid;
    switch (o->st) {
    case MSIX_PASS: {
        /* the message of the queue picked is loaded every cycle (not shown until MSIX_AW) */
        uint32_t q = s->pend ? (uint32_t)__builtin_ctz(s->pend) : 0;
        n.qs = (uint8_t)q;
        n.ma = in->addr[q];
        n.md = in->data[q];
        /* close the gate only where nothing shown is left untaken and the DMA's W stream
         * is not ahead of its AWs after this edge */
        if (s->pend && !s->mb && (!d->m_axi_awvalid || t->m_axi_awready) && (!d->m_axi_wvalid || t->m_axi_wready) &&
            (s->c > 0 || (s->c == 0 && !s->wmid && !d->m_axi_wvalid))) {
            n.st = MSIX_GATE;
        }
        break;
    }
    case MSIX_GATE:
        if (s->c == 0 && !s->wmid)
            n.st = MSIX_AW;
        break;
    case MSIX_AW:
        if (t->m_axi_awready) {
            n.st = MSIX_W;
            /* owed until its AW is taken: a rise before that is the same interrupt */
            pend &= (uint8_t)~(1u << o->qs);
        }
        break;
    default:
        if (t->m_axi_wready)
            n.st = MSIX_PASS;
        break;
    }
    /* a rise at this edge is owed even for the queue whose AW is taken; a queue switched
     * off owes nothing */
    pend = (uint8_t)((pend | (in->irq & ~s->irq_d)) & en);

    if (in->rst) {
        msix_init(s, s->num_cq, s->lanes * 32);
    } else {
        if (t->m_axi_bvalid && o->own_h) {
            n.cnt_w++;
            if (t->m_axi_bresp != 0)
                n.cnt_e++;
        }
        if (o->st == MSIX_AW && t->m_axi_awready) {
            s->mb = 1;
            s->ahead = (uint8_t)((s->out - t->m_axi_bvalid) & 31);
        } else if (t->m_axi_bvalid) {
            if (o->own_h)
                s->mb = 0;
            else if (s->mb)
                s->ahead = (uint8_t)((s->ahead - 1) & 31);
        }
        s->out = (uint8_t)((s->out + port_aw - t->m_axi_bvalid) & 31);
        s->irq_d = in->irq;
        s->pend = pend;
        s->c = (int8_t)c;
        s->wmid = wmid;
        s->o = n;
    }
    /* the combinational views of the new registers (wblock is a register in the RTL, made
     * from the next state: the same value) */
    s->o.gate = s->o.st != MSIX_PASS;
    s->o.wblock = s->o.gate && s->c == 0 && !s->wmid;
    s->o.own_h = s->mb && s->ahead == 0;
    s->o.idle = !s->pend && s->o.st == MSIX_PASS && !s->mb;
    *out = s->o;
}
