/* test_model.c - the public API: parameter checks of PARSE_ENGINES,
 * IMEM_DEPTH and FLOWS, nicrx_model_load_program, the parser and flow
 * registers of a fresh model, and frames through ingress, parser, flow block
 * and DMA: their NICRX_EV_FLOW events, the flow counters and a READ command
 * through AXI4-Lite. */
#include <stdint.h>
#include <string.h>
#include "check.h"
#include "nicrx_isa.h"
#include "nicrx_model.h"

typedef struct evlog {
    uint32_t nflow, ndrop, order_bad;
    nicrx_event_t flow[16];
} evlog_t;

static void on_event(void *ctx, const nicrx_event_t *e)
{
    evlog_t *l = ctx;
    if (e->kind == NICRX_EV_FLOW && l->nflow < 16)
        l->flow[l->nflow++] = *e;
    if (e->kind == NICRX_EV_DROP) {
        if (e->frame >= l->nflow) /* every frame reaching the DMA had its flow event first */
            l->order_bad++;
        l->ndrop++;
    }
}

static void step(nicrx_model_t *m, nicrx_in_t *in)
{
    nicrx_model_step(m, in);
    memset(in, 0, sizeof *in);
}

static void reg_write(nicrx_model_t *m, uint32_t addr, uint32_t data)
{
    nicrx_in_t in;
    nicrx_out_t o;
    for (int n = 0; n < 10; n++) {
        memset(&in, 0, sizeof in);
        in.s_axil_awvalid = in.s_axil_wvalid = 1;
        in.s_axil_awaddr = (uint16_t)addr;
        in.s_axil_wdata = data;
        in.s_axil_wstrb = 0xf;
        in.s_axil_bready = 1;
        nicrx_model_outputs(m, &o);
        step(m, &in);
        if (o.s_axil_bvalid)
            return;
    }
}

/* An Ethernet/IPv4 frame (60 bytes at least) to 192.168.0.1 from 10.0.0.src:
 * TCP with flags and pay payload bytes, or UDP. */
static uint32_t frame(uint8_t *b, int tcp, uint32_t src, uint32_t seq, uint32_t flags, uint32_t pay)
{
    uint32_t l4 = tcp ? 20 : 8, ip = 20 + l4 + pay, n = 14 + ip;
    memset(b, 0, 2048);
    memset(b, 0x02, 12);
    b[12] = 0x08;
    b[14] = 0x45; b[16] = (uint8_t)(ip >> 8); b[17] = (uint8_t)ip; b[22] = 64; b[23] = tcp ? 6 : 17;
    b[26] = 10; b[29] = (uint8_t)src; b[30] = 192; b[31] = 168; b[33] = 1;
    b[34] = 0x30; b[35] = 0x39; b[36] = 0; b[37] = 80;
    if (tcp) {
        b[38] = (uint8_t)(seq >> 24); b[39] = (uint8_t)(seq >> 16); b[40] = (uint8_t)(seq >> 8); b[41] = (uint8_t)seq;
        b[46] = 0x50; b[47] = (uint8_t)flags; b[48] = 0xff;
    } else {
        b[38] = (uint8_t)((8 + pay) >> 8); b[39] = (uint8_t)(8 + pay);
    }
    return n < 60 ? 60 : n;
}

static void send_frame(nicrx_model_t *m, const uint8_t *b, uint32_t n)
{
    nicrx_in_t in;
    for (uint32_t o = 0; o < n; o += 8) {
        memset(&in, 0, sizeof in);
        in.s_axis_tvalid = 1;
        for (uint32_t k = 0; k < 8 && o + k < n; k++) {
            in.s_axis_tdata |= (uint64_t)b[o + k] << (8 * k);
            in.s_axis_tkeep |= (uint8_t)(1u << k);
        }
        in.s_axis_tlast = o + 8 >= n;
        step(m, &in);
    }
    for (int k = 0; k < 150; k++) /* parse, flow job, DMA drop (no rings: no_fit) */
        step(m, &in);
}

static void test_flow_path(void)
{
    nicrx_params_t p;
    nicrx_model_t *m;
    nicrx_in_t in;
    evlog_t l;
    static uint8_t b[2048];

    memset(&l, 0, sizeof l);
    nicrx_params_default(&p);
    m = nicrx_model_new(&p);
    if (!m)
        return;
    nicrx_model_set_event_fn(m, on_event, &l);
    memset(&in, 0, sizeof in);
    in.rst = 1;
    step(m, &in);
    reg_write(m, NICRX_REG_CTRL, 1);
    send_frame(m, b, frame(b, 1, 1, 1000, 0x02, 0));   /* SYN */
    send_frame(m, b, frame(b, 1, 1, 1001, 0x10, 100)); /* first payload */
    send_frame(m, b, frame(b, 1, 1, 1101, 0x10, 100)); /* in order */
    send_frame(m, b, frame(b, 1, 1, 1301, 0x10, 100)); /* a gap */
    send_frame(m, b, frame(b, 0, 1, 0, 0, 100));       /* UDP */
    send_frame(m, b, frame(b, 1, 2, 7, 0x10, 100));    /* data of a new flow */
    static const struct { uint32_t op, flow, gen, ev; } x[] = {
        { NICRX_OP_CTRL, 0, 1, NICRX_FLOW_EV_CREATED }, { NICRX_OP_FIRST, 0, 1, NICRX_FLOW_EV_UPDATED },
        { NICRX_OP_CONT, 0, 1, NICRX_FLOW_EV_UPDATED }, { NICRX_OP_OOO, 0, 1, NICRX_FLOW_EV_UPDATED },
        { NICRX_OP_NOT_TCP, 0, 0, NICRX_FLOW_EV_NONE }, { NICRX_OP_FIRST, 1, 1, NICRX_FLOW_EV_CREATED },
    };
    int ok = l.nflow == 6;
    for (uint32_t i = 0; ok && i < 6; i++)
        ok &= l.flow[i].frame == i && l.flow[i].opcode == x[i].op && l.flow[i].flow == x[i].flow &&
              l.flow[i].gen == x[i].gen && l.flow[i].flow_event == x[i].ev;
    CHECK(ok, "model_flow_events_through_the_pipeline (%u events)", l.nflow);
    CHECK(l.ndrop == 6 && l.order_bad == 0, "model_flow_event_before_the_dma (%u drops)", l.ndrop);
    CHECK(nicrx_model_peek_reg(m, NICRX_REG_CNT(NICRX_CNT_FLOW_CREATED)) == 2 &&
          nicrx_model_peek_reg(m, NICRX_REG_CNT(NICRX_CNT_FLOW_NO_FLOW)) == 0, "model_flow_counters");
    /* READ of entry 1 through AXI4-Lite: the window holds its key */
    reg_write(m, NICRX_REG_FLOW_CMD, 1u << 8 | NICRX_FLOW_CMD_READ);
    int n = 0;
    while ((nicrx_model_peek_reg(m, NICRX_REG_FLOW_STATUS) & 1u) && n++ < 50)
        step(m, &in);
    step(m, &in); /* the window loads the edge after */
    CHECK(n > 0 && nicrx_model_peek_reg(m, NICRX_REG_FLOW_STATUS) == (1u << 8 | 1u << 16 | 6u << 24) &&
          nicrx_model_peek_reg(m, NICRX_REG_FLOW_KEY(0)) == 0x0200000au &&
          nicrx_model_peek_reg(m, NICRX_REG_FLOW_KEY(4)) == 0x0100a8c0u &&
          nicrx_model_peek_reg(m, NICRX_REG_FLOW_CTX_SEQ) == 107 &&
          (nicrx_model_peek_reg(m, NICRX_REG_FLOW_CTX_INFO) & NICRX_FLOW_INFO_VALID),
          "model_flow_read_command (status %#x key0 %#x)", nicrx_model_peek_reg(m, NICRX_REG_FLOW_STATUS),
          nicrx_model_peek_reg(m, NICRX_REG_FLOW_KEY(0)));
    nicrx_model_free(m);
}

/* XFER_STATUS.cfg_err (docs/host-interface.md "Bad configurations"): each contradiction the
 * host can write sets its bit one cycle after the write, and undoing it clears the bit. */
static void test_cfg_err(void)
{
    nicrx_params_t p;
    nicrx_model_t *m;
    nicrx_in_t in;
    static const struct { uint32_t addr, data, want; const char *what; } w[] = {
        { NICRX_REG_FBR(0) + NICRX_FBR_CTRL, 1, 1u << 0 | 1u << 3, "ring 0 enabled with BUF_SIZE 0 (below the threshold, 64)" },
        { NICRX_REG_FBR(0) + NICRX_FBR_BUF_SIZE, 2048, 0, "ring 0 given 2048 bytes" },
        { NICRX_REG_FBR(1) + NICRX_FBR_CTRL, 1, 1u << 1, "ring 1 enabled with BUF_SIZE 0" },
        { NICRX_REG_FBR(1) + NICRX_FBR_BUF_SIZE, 9216, 0, "ring 1 given 9216" },
        { NICRX_REG_FBR(2) + NICRX_FBR_CTRL, 1, 1u << 2, "header ring enabled with BUF_SIZE 0" },
        { NICRX_REG_FBR(2) + NICRX_FBR_BUF_SIZE, 8192, 0, "header ring given 8192" },
        { NICRX_REG_XFER_SMALL_THRESH, 4000, 1u << 3, "XFER_SMALL_THRESH above ring 0's BUF_SIZE" },
        { NICRX_REG_XFER_SMALL_THRESH, 2048, 0, "XFER_SMALL_THRESH at it" },
        { NICRX_REG_XFER_PAGE, 12u << 8 | 6u << 12 | 5u, 1u << 6, "4 KB pages in rings 0 and 2, 8192-byte header entries" },
        { NICRX_REG_FBR(2) + NICRX_FBR_BUF_SIZE, 256, 0, "header entries of 256 bytes" },
        { NICRX_REG_XFER_PAGE, 3u << 8 | 6u << 12 | 1u, 1u << 4, "page_log2 3 acts as 6: 64-byte pages under 2048-byte entries" },
        { NICRX_REG_FBR(0) + NICRX_FBR_CTRL, 0, 0, "ring 0 disabled" },
    };

    nicrx_params_default(&p);
    m = nicrx_model_new(&p);
    memset(&in, 0, sizeof in);
    in.rst = 1;
    step(m, &in);
    step(m, &in);
    CHECK(nicrx_model_peek_reg(m, NICRX_REG_XFER_STATUS) == 0, "model_cfg_err_reset (0x%x)",
          nicrx_model_peek_reg(m, NICRX_REG_XFER_STATUS));
    for (unsigned k = 0; k < sizeof w / sizeof w[0]; k++) {
        reg_write(m, w[k].addr, w[k].data);
        step(m, &in);
        uint32_t got = nicrx_model_peek_reg(m, NICRX_REG_XFER_STATUS);
        CHECK(got == w[k].want, "model_cfg_err %s: 0x%x (want 0x%x)", w[k].what, got, w[k].want);
    }
    nicrx_model_free(m);
}

int main(void)
{
    nicrx_params_t p;
    nicrx_model_t *m;
    static uint32_t prog[257 * NICRX_INSN_WORDS];
    static const struct { uint32_t ne, depth, flows; int ok; } c[] = {
        { 1, 16, 64, 1 }, { 2, 256, 64, 1 }, { 2, 64, 64, 1 }, { 0, 64, 64, 0 }, { 3, 64, 64, 0 },
        { 2, 8, 64, 0 }, { 2, 48, 64, 0 }, { 2, 512, 64, 0 },
        { 2, 64, 8, 1 }, { 2, 64, 256, 1 }, { 2, 64, 4, 0 }, { 2, 64, 48, 0 }, { 2, 64, 512, 0 },
    };

    for (unsigned k = 0; k < sizeof c / sizeof c[0]; k++) {
        nicrx_params_default(&p);
        p.parse_engines = c[k].ne;
        p.imem_depth = c[k].depth;
        p.flows = c[k].flows;
        CHECK((nicrx_params_check(&p) == NULL) == c[k].ok, "model-params PARSE_ENGINES=%u IMEM_DEPTH=%u FLOWS=%u %s",
              c[k].ne, c[k].depth, c[k].flows, c[k].ok ? "accepted" : "rejected");
    }
    nicrx_params_default(&p);
    p.flows = 48;
    CHECK(nicrx_params_check(&p) && !strcmp(nicrx_params_check(&p), "FLOWS must be a power of two, 8..256") &&
          nicrx_model_new(&p) == NULL, "model-params-flows-message");
    nicrx_params_default(&p);
    CHECK(p.parse_engines == 2 && p.imem_depth == 64 && p.flows == 64, "model-params-defaults");
    m = nicrx_model_new(&p);
    CHECK(m != NULL, "model-new-with-default-program");
    if (!m)
        return 0;
    CHECK(nicrx_model_peek_reg(m, NICRX_REG_PARSER_CTRL) == NICRX_PARSER_STEP_LIMIT_RESET &&
          nicrx_model_peek_reg(m, NICRX_REG_PARSER_STATUS) == (1u << 4 | 64u << 8) &&
          nicrx_model_peek_reg(m, NICRX_REG_CNT(NICRX_CNT_PARSE_ERROR)) == 0 &&
          nicrx_model_peek_reg(m, NICRX_REG_CNT(NICRX_CNT_PARSE_TRUNC)) == 0, "model-parser-registers-at-start");
    CHECK(nicrx_model_peek_reg(m, NICRX_REG_VERSION) == 0x00010200u &&
          nicrx_model_peek_reg(m, NICRX_REG_FLOW_CTRL) == NICRX_FLOW_CTRL_RESET &&
          nicrx_model_peek_reg(m, NICRX_REG_FLOW_STATUS) == 6u << 24 &&
          nicrx_model_peek_reg(m, NICRX_REG_STATUS) == 1u, "model-flow-registers-at-start-idle");
    memset(prog, 0, sizeof prog);
    CHECK(nicrx_model_load_program(m, prog, 64) == 0 && nicrx_model_load_program(m, prog, 1) == 0,
          "model-load-program-fits");
    CHECK(nicrx_model_load_program(m, prog, 65) != 0, "model-load-program-too-long");
    nicrx_model_free(m);
    p.imem_depth = 16; /* the default program does not fit: the model starts without one */
    m = nicrx_model_new(&p);
    CHECK(m != NULL && nicrx_model_load_program(m, prog, 16) == 0, "model-new-imem-depth-16");
    nicrx_model_free(m);
    test_flow_path();
    test_cfg_err();
    return 0;
}
