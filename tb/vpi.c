/* vpi.c - Icarus Verilog VPI glue (nicrx.vpi): $nicrx_init(params...) reads
 * the plusargs and builds the harness; $nicrx_cycle(outputs..., inputs...) is
 * one harness_cycle().  State hangs off the system tasks' user_data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vpi_user.h>

#include "harness.h"

#define N_OUT 24   /* device outputs incl. the two constant words (wdata in two) */
#define N_IN 25    /* device inputs (rdata in two) */

static const char *const out_names[N_OUT] = {
    "m_axi_awvalid", "m_axi_awaddr", "m_axi_awlen", "m_axi_wvalid", "m_axi_wlast", "m_axi_wdata[63:0]",
    "m_axi_wdata[127:64]", "m_axi_wstrb", "m_axi_bready", "m_axi_arvalid", "m_axi_araddr", "m_axi_arlen", "m_axi_rready",
    "s_axil_awready", "s_axil_wready", "s_axil_bvalid", "s_axil_bresp", "s_axil_arready",
    "s_axil_rvalid", "s_axil_rresp", "s_axil_rdata", "irq", "aw constants", "ar constants",
};

typedef struct vpi_ctx {
    harness_t *h;
    vpiHandle arg[N_OUT + N_IN];
    int have_args;
} vpi_ctx_t;

static uint64_t get64(vpiHandle hd, int *x)
{
    s_vpi_value v = { .format = vpiVectorVal };
    vpi_get_value(hd, &v);
    int n = vpi_get(vpiSize, hd);
    uint64_t a = (uint32_t)v.value.vector[0].aval, b = (uint32_t)v.value.vector[0].bval;
    if (n > 32) {
        a |= (uint64_t)(uint32_t)v.value.vector[1].aval << 32;
        b |= (uint64_t)(uint32_t)v.value.vector[1].bval << 32;
    }
    if (n < 64) {
        uint64_t m = (1ull << n) - 1;
        a &= m; b &= m;
    }
    *x = b != 0;
    return a;
}

static void put64(vpiHandle hd, uint64_t val)
{
    s_vpi_vecval vec[2] = { { (PLI_INT32)(uint32_t)val, 0 }, { (PLI_INT32)(uint32_t)(val >> 32), 0 } };
    s_vpi_value v = { .format = vpiVectorVal };
    v.value.vector = vec;
    vpi_put_value(hd, &v, NULL, vpiNoDelay);
}

static PLI_INT32 init_calltf(PLI_BYTE8 *ud)
{
    vpi_ctx_t *c = (vpi_ctx_t *)ud;
    vpiHandle it = vpi_iterate(vpiArgument, vpi_handle(vpiSysTfCall, NULL));
    harness_opts_t o;
    harness_opts_default(&o);
    /* DATA_WIDTH .. MAX_BURST, then PARSE_ENGINES, IMEM_DEPTH, FLOWS and AXI_DATA_WIDTH if
     * the testbench passes them (else the RTL's defaults). */
    uint32_t *pv[12] = { &o.p.data_width, &o.p.pkt_mem_bytes, &o.p.header_bytes, &o.p.max_frame, &o.p.num_cq,
                         &o.p.fq_depth, &o.p.desc_depth, &o.p.max_burst, &o.p.parse_engines, &o.p.imem_depth,
                         &o.p.flows, &o.p.axi_data_width };
    for (int i = 0; i < 12 && it; i++) {
        vpiHandle a = vpi_scan(it);
        if (!a) { it = NULL; break; }
        s_vpi_value v = { .format = vpiIntVal };
        vpi_get_value(a, &v);
        *pv[i] = (uint32_t)v.value.integer;
    }
    if (it) vpi_free_object(it);
    s_vpi_vlog_info info;
    vpi_get_vlog_info(&info);
    nicrx_params_t built = o.p;
    int st = harness_sim_args(&o, info.argc, info.argv);
    if (st >= 0) {
        fflush(NULL);
        exit(st);
    }
    if (harness_built_check(&o, &built) != 0)
        exit(HARNESS_BADINPUT);
    int status;
    c->h = harness_new(&o, &status);
    if (!c->h) {
        fflush(stderr);
        exit(status);
    }
    return 0;
}

static PLI_INT32 cycle_calltf(PLI_BYTE8 *ud)
{
    vpi_ctx_t *c = (vpi_ctx_t *)ud;
    if (!c->h) return 0;
    if (!c->have_args) {
        vpiHandle it = vpi_iterate(vpiArgument, vpi_handle(vpiSysTfCall, NULL));
        int n = 0;
        vpiHandle a;
        while (it && (a = vpi_scan(it)) != NULL) {
            if (n < N_OUT + N_IN) c->arg[n] = a;
            n++;
        }
        if (n != N_OUT + N_IN) {
            fprintf(stderr, "nicrx-sim: $nicrx_cycle takes %d arguments, got %d\n", N_OUT + N_IN, n);
            exit(HARNESS_FAIL);
        }
        c->have_args = 1;
    }
    uint64_t v[N_OUT];
    const char *xsig = NULL;
    for (int i = 0; i < N_OUT; i++) {
        int x;
        v[i] = get64(c->arg[i], &x);
        if (x && !xsig) xsig = out_names[i];
    }
    nicrx_out_t o = {
        .m_axi_awvalid = (uint8_t)v[0], .m_axi_awaddr = v[1], .m_axi_awlen = (uint8_t)v[2],
        .m_axi_wvalid = (uint8_t)v[3], .m_axi_wlast = (uint8_t)v[4], .m_axi_wdata = { v[5], v[6] },
        .m_axi_wstrb = (uint16_t)v[7], .m_axi_bready = (uint8_t)v[8], .m_axi_arvalid = (uint8_t)v[9],
        .m_axi_araddr = v[10], .m_axi_arlen = (uint8_t)v[11], .m_axi_rready = (uint8_t)v[12],
        .s_axil_awready = (uint8_t)v[13], .s_axil_wready = (uint8_t)v[14], .s_axil_bvalid = (uint8_t)v[15],
        .s_axil_bresp = (uint8_t)v[16], .s_axil_arready = (uint8_t)v[17], .s_axil_rvalid = (uint8_t)v[18],
        .s_axil_rresp = (uint8_t)v[19], .s_axil_rdata = (uint32_t)v[20], .irq = (uint8_t)v[21],
    };
    harness_consts(c->h, (uint32_t)v[22], (uint32_t)v[23]);
    nicrx_in_t in;
    int rc = harness_cycle(c->h, &o, xsig, &in);
    const uint64_t iv[N_IN] = {
        in.rst, in.s_axis_tdata, in.s_axis_tkeep, in.s_axis_tvalid, in.s_axis_tlast, in.s_axis_tuser,
        in.m_axi_awready, in.m_axi_wready, in.m_axi_bvalid, in.m_axi_bresp, in.m_axi_arready,
        in.m_axi_rvalid, in.m_axi_rresp, in.m_axi_rlast, in.m_axi_rdata[0], in.m_axi_rdata[1],
        in.s_axil_awvalid, in.s_axil_wvalid, in.s_axil_bready, in.s_axil_arvalid, in.s_axil_rready,
        in.s_axil_awaddr, in.s_axil_araddr, in.s_axil_wdata, in.s_axil_wstrb,
    };
    for (int i = 0; i < N_IN; i++)
        put64(c->arg[N_OUT + i], iv[i]);
    if (rc != HARNESS_RUN) {
        int st = harness_end(c->h, 1);
        if (st != HARNESS_OK) exit(st);
        harness_free(c->h);
        c->h = NULL;
        vpi_control(vpiFinish, 0);
    }
    return 0;
}

static void register_tasks(void)
{
    vpi_ctx_t *c = calloc(1, sizeof *c);
    if (!c) abort();
    s_vpi_systf_data init = { vpiSysTask, 0, "$nicrx_init", init_calltf, NULL, NULL, (PLI_BYTE8 *)c };
    s_vpi_systf_data cyc = { vpiSysTask, 0, "$nicrx_cycle", cycle_calltf, NULL, NULL, (PLI_BYTE8 *)c };
    vpi_register_systf(&init);
    vpi_register_systf(&cyc);
}

void (*vlog_startup_routines[])(void) = { register_tasks, NULL };
