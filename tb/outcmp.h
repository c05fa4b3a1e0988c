/* outcmp.h - the comparison of nicrx_top's output ports, RTL against model: the
 * lockstep harness's (tb/harness.c) and the board simulation's
 * (tests/board/board_lockstep.c), so both check the same ports the same way. */
#ifndef NICRX_OUTCMP_H
#define NICRX_OUTCMP_H

#include <stddef.h>
#include <stdint.h>
#include "nicrx_model.h"

/* The first port where e (the model) and a (the RTL) differ at configuration p:
 * its name, with the two values in *ev and *av; NULL if they agree. */
static inline const char *nicrx_out_diff(const nicrx_params_t *p, const nicrx_out_t *e, const nicrx_out_t *a,
                                         uint64_t *ev, uint64_t *av)
{
    /* the host bus: AXI_DATA_WIDTH bits of wdata in two words, a strobe bit per byte */
    uint32_t adw = p->axi_data_width;
    uint64_t dm0 = adw >= 64 ? ~0ull : (1ull << adw) - 1, dm1 = adw == 128 ? ~0ull : 0;
    uint64_t sm = (1ull << (adw / 8)) - 1, im = (1ull << p->num_cq) - 1;
    const struct { const char *n; uint64_t e, a; } f[] = {
        { "m_axi_awvalid", e->m_axi_awvalid, a->m_axi_awvalid },
        { "m_axi_awaddr", e->m_axi_awaddr, a->m_axi_awaddr },
        { "m_axi_awlen", e->m_axi_awlen, a->m_axi_awlen },
        { "m_axi_wvalid", e->m_axi_wvalid, a->m_axi_wvalid },
        { "m_axi_wlast", e->m_axi_wlast, a->m_axi_wlast },
        { "m_axi_wdata[63:0]", e->m_axi_wdata[0] & dm0, a->m_axi_wdata[0] & dm0 },
        { "m_axi_wdata[127:64]", e->m_axi_wdata[1] & dm1, a->m_axi_wdata[1] & dm1 },
        { "m_axi_wstrb", e->m_axi_wstrb & sm, a->m_axi_wstrb & sm },
        { "m_axi_bready", e->m_axi_bready, a->m_axi_bready },
        { "m_axi_arvalid", e->m_axi_arvalid, a->m_axi_arvalid },
        { "m_axi_araddr", e->m_axi_araddr, a->m_axi_araddr },
        { "m_axi_arlen", e->m_axi_arlen, a->m_axi_arlen },
        { "m_axi_rready", e->m_axi_rready, a->m_axi_rready },
        { "s_axil_awready", e->s_axil_awready, a->s_axil_awready },
        { "s_axil_wready", e->s_axil_wready, a->s_axil_wready },
        { "s_axil_bvalid", e->s_axil_bvalid, a->s_axil_bvalid },
        { "s_axil_bresp", e->s_axil_bresp, a->s_axil_bresp },
        { "s_axil_arready", e->s_axil_arready, a->s_axil_arready },
        { "s_axil_rvalid", e->s_axil_rvalid, a->s_axil_rvalid },
        { "s_axil_rresp", e->s_axil_rresp, a->s_axil_rresp },
        { "s_axil_rdata", e->s_axil_rdata, a->s_axil_rdata },
        { "irq", e->irq & im, a->irq & im },
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        if (f[i].e != f[i].a) {
            *ev = f[i].e;
            *av = f[i].a;
            return f[i].n;
        }
    }
    return NULL;
}

#endif
