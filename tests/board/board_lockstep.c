/* board_lockstep.c - DPI-C of tests/board/board_tb.sv: the board's nicrx_top checked
 * against the C model cycle by cycle, passively.  At every rising edge of the core's
 * clock board_tb.sv hands over the core's input ports as they are at the edge and its
 * output ports (what the edge before drove); as tb/harness.c does, the model's outputs
 * are compared with them first, then the model takes the edge with the same inputs.
 * The model starts at the first reset edge; outputs are compared from the second edge
 * out of reset on (those after the last reset edge are the harness's RST_EDGES case).
 * The first mismatch ends the simulation with status 1; board_lockstep_end prints
 * "lockstep: N cycles compared, 0 mismatches".  The state lives in the scope's user
 * data (svPutUserData), not in a global. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "svdpi.h"
#include DPI_HDR
#include "nicrx_model.h"
#include "outcmp.h"

typedef struct lockstep {
    nicrx_model_t *m;
    nicrx_params_t p;
    uint64_t k;        /* edges the model took */
    uint64_t compared; /* edges whose outputs were compared */
    uint64_t inject;   /* +lockstep_inject=K: the model's s_axil_rdata bit 0 flipped at edge K (0: never) */
    int prev_rst;      /* the last edge the model took was a reset edge */
} lockstep_t;

/* The address of this constant is the user-data key. */
static const char lockstep_key = 'l';

static lockstep_t *get_lockstep(void)
{
    return svGetUserData(svGetScope(), (void *)&lockstep_key);
}

int board_lockstep_init(int data_width, int axi_data_width, int num_cq, int flows, long long inject)
{
    lockstep_t *ls = calloc(1, sizeof *ls);
    if (!ls) {
        fprintf(stderr, "lockstep: out of memory\n");
        return 1;
    }
    nicrx_params_default(&ls->p);
    ls->p.data_width = (uint32_t)data_width;
    ls->p.axi_data_width = (uint32_t)axi_data_width;
    ls->p.num_cq = (uint32_t)num_cq;
    ls->p.flows = (uint32_t)flows;
    const char *bad = nicrx_params_check(&ls->p);
    /* the DPI carries the host bus in one 64-bit word */
    if (!bad && axi_data_width > 64) bad = "AXI_DATA_WIDTH above 64";
    if (bad || !(ls->m = nicrx_model_new(&ls->p))) {
        fprintf(stderr, "lockstep: the board's core configuration: %s\n", bad ? bad : "rejected");
        free(ls);
        return 1;
    }
    ls->inject = (uint64_t)inject;
    ls->prev_rst = 1;
    svPutUserData(svGetScope(), (void *)&lockstep_key, ls);
    return 0;
}

int board_lockstep_cycle(long long t, svBit rst, long long tdata, int tkeep, svBit tvalid, svBit tlast, svBit tuser,
                         svBit awready, svBit wready, svBit bvalid, int bresp, svBit arready, svBit rvalid, int rresp,
                         svBit rlast, long long rdata, svBit l_awvalid, svBit l_wvalid, svBit l_bready,
                         svBit l_arvalid, svBit l_rready, int l_awaddr, int l_araddr, int l_wdata, int l_wstrb,
                         svBit o_awvalid, long long o_awaddr, int o_awlen, svBit o_wvalid, svBit o_wlast,
                         long long o_wdata, int o_wstrb, svBit o_bready, svBit o_arvalid, long long o_araddr,
                         int o_arlen, svBit o_rready, svBit o_l_awready, svBit o_l_wready, svBit o_l_bvalid,
                         int o_l_bresp, svBit o_l_arready, svBit o_l_rvalid, int o_l_rresp, int o_l_rdata, int o_irq)
{
    lockstep_t *ls = get_lockstep();
    if (!ls) return 1;
    /* before the first reset edge the core's state is not the model's */
    if (ls->k == 0 && !rst) return 0;
    if (!ls->prev_rst) {
        const nicrx_out_t rtl = {
            .m_axi_awvalid = o_awvalid, .m_axi_awaddr = (uint64_t)o_awaddr, .m_axi_awlen = (uint8_t)o_awlen,
            .m_axi_wvalid = o_wvalid, .m_axi_wlast = o_wlast, .m_axi_wdata = { (uint64_t)o_wdata, 0 },
            .m_axi_wstrb = (uint16_t)o_wstrb, .m_axi_bready = o_bready, .m_axi_arvalid = o_arvalid,
            .m_axi_araddr = (uint64_t)o_araddr, .m_axi_arlen = (uint8_t)o_arlen, .m_axi_rready = o_rready,
            .s_axil_awready = o_l_awready, .s_axil_wready = o_l_wready, .s_axil_bvalid = o_l_bvalid,
            .s_axil_bresp = (uint8_t)o_l_bresp, .s_axil_arready = o_l_arready, .s_axil_rvalid = o_l_rvalid,
            .s_axil_rresp = (uint8_t)o_l_rresp, .s_axil_rdata = (uint32_t)o_l_rdata, .irq = (uint8_t)o_irq,
        };
        nicrx_out_t mo;
        nicrx_model_outputs(ls->m, &mo);
        if (ls->inject == ls->k) mo.s_axil_rdata ^= 1u;
        uint64_t ev, av;
        const char *port = nicrx_out_diff(&ls->p, &mo, &rtl, &ev, &av);
        if (port) {
            printf("lockstep: mismatch at cycle %" PRIu64 " (time %lld ps) on %s: RTL 0x%" PRIx64 ", model 0x%" PRIx64 "\n",
                   ls->k, t, port, av, ev);
            printf("lockstep: %" PRIu64 " cycles compared, 1 mismatches\n", ls->compared);
            fflush(NULL);
            exit(1);
        }
        ls->compared++;
    }
    const nicrx_in_t in = {
        .rst = rst, .s_axis_tdata = (uint64_t)tdata, .s_axis_tkeep = (uint8_t)tkeep, .s_axis_tvalid = tvalid,
        .s_axis_tlast = tlast, .s_axis_tuser = tuser,
        .m_axi_awready = awready, .m_axi_wready = wready, .m_axi_bvalid = bvalid, .m_axi_bresp = (uint8_t)bresp,
        .m_axi_arready = arready, .m_axi_rvalid = rvalid, .m_axi_rresp = (uint8_t)rresp, .m_axi_rlast = rlast,
        .m_axi_rdata = { (uint64_t)rdata, 0 },
        .s_axil_awvalid = l_awvalid, .s_axil_wvalid = l_wvalid, .s_axil_bready = l_bready,
        .s_axil_arvalid = l_arvalid, .s_axil_rready = l_rready, .s_axil_awaddr = (uint16_t)l_awaddr,
        .s_axil_araddr = (uint16_t)l_araddr, .s_axil_wdata = (uint32_t)l_wdata, .s_axil_wstrb = (uint8_t)l_wstrb,
    };
    nicrx_model_step(ls->m, &in);
    ls->k++;
    ls->prev_rst = rst;
    return 0;
}

/* The argument is there because Verilator declares an argument-less import "f()", not a prototype. */
int board_lockstep_end(int unused)
{
    (void)unused;
    lockstep_t *ls = get_lockstep();
    if (!ls) return 1;
    printf("lockstep: %" PRIu64 " cycles compared, 0 mismatches\n", ls->compared);
    fflush(stdout);
    nicrx_model_free(ls->m);
    free(ls);
    svPutUserData(svGetScope(), (void *)&lockstep_key, NULL);
    return 0;
}
