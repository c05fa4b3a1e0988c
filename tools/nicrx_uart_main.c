/* nicrx_uart_main.c - nicrx-uart: the board's registers over its UART (docs/board.md).
 * Register access goes through host/nicrx_uart.c; counters, flow entries and program loads
 * through libnicrx's driver (nicrx_drv.h), whose register callbacks are UART transactions. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nicrx_drv.h"
#include "nicrx_model.h"
#include "nicrx_uart.h"

static const cli_t CLI = {
    .prog = "nicrx-uart",
    .synopsis = "[-b BAUD] [-t MS] DEV counters|board|flows|read ADDR|write ADDR VALUE|load PROGRAM.bin",
    .help =
        "Reads and writes a nicrx board's registers over its UART (docs/board.md).\n"
        "  counters            the core's counters, one \"name value\" line each\n"
        "  board               the board's own counters (MAC, host agent)\n"
        "  flows               every valid flow entry (FLOW_CMD READ)\n"
        "  read ADDR           one register: 0x000-0xfff the core's, 0x1000-0x1fff the board's\n"
        "  write ADDR VALUE    one register\n"
        "  load PROGRAM.bin    a nicrx-asm image into the parser's shadow bank, then the swap\n"
        "  -b BAUD             115200 (default) .. 3000000\n"
        "  -t MS               wait for each response up to MS milliseconds (default 500)\n",
    .more = NULL,
};

/* the driver's register callbacks; the first failure stops all later transactions */
typedef struct link {
    nicrx_uart_t u;
    int failed;
    char err[256];
} link_t;

static uint32_t link_xfer(link_t *l, uint8_t cmd, uint32_t addr, uint32_t data)
{
    uint32_t v = 0;
    if (!l->failed && nicrx_uart_xfer(&l->u, cmd, (uint16_t)addr, data, &v, l->err, sizeof l->err) != 0)
        l->failed = 1;
    return v;
}

static void cb_write(void *ctx, uint32_t addr, uint32_t data)
{
    link_xfer(ctx, NICRX_UART_CMD_WRITE, addr, data);
}

static uint32_t cb_read(void *ctx, uint32_t addr)
{
    return link_xfer(ctx, NICRX_UART_CMD_READ, addr, 0);
}

/* the driver needs memory callbacks; these commands never touch host memory */
static void cb_mem_write(void *ctx, uint64_t addr, const void *p, size_t n)
{
    (void)ctx; (void)addr; (void)p; (void)n;
}

static void cb_mem_read(void *ctx, uint64_t addr, void *p, size_t n)
{
    (void)ctx; (void)addr;
    memset(p, 0, n);
}

static const char *const COUNTER_NAMES[NICRX_NUM_COUNTERS] = {
    [NICRX_CNT_RX_FRAMES] = "rx_frames", [NICRX_CNT_RX_BYTES] = "rx_bytes",
    [NICRX_CNT_DELIVERED] = "delivered", [NICRX_CNT_DROP_BAD_FRAME] = "drop_bad_frame",
    [NICRX_CNT_DROP_RUNT] = "drop_runt", [NICRX_CNT_DROP_OVERSIZE] = "drop_oversize",
    [NICRX_CNT_DROP_PKTMEM_FULL] = "drop_pktmem_full", [NICRX_CNT_DROP_DISABLED] = "drop_disabled",
    [NICRX_CNT_DROP_NO_FIT] = "drop_no_fit", [NICRX_CNT_DROP_NO_CQ] = "drop_no_cq",
    [NICRX_CNT_DESC_ERROR] = "desc_error", [NICRX_CNT_AXI_ERROR] = "axi_error",
    [NICRX_CNT_PARSE_ERROR] = "parse_error", [NICRX_CNT_PARSE_TRUNC] = "parse_trunc",
    [NICRX_CNT_FLOW_CREATED] = "flow_created", [NICRX_CNT_FLOW_REMOVED] = "flow_removed",
    [NICRX_CNT_FLOW_EVICTED] = "flow_evicted", [NICRX_CNT_FLOW_AGED] = "flow_aged",
    [NICRX_CNT_FLOW_NO_FLOW] = "flow_no_flow", [NICRX_CNT_DROP_RED_EARLY] = "drop_red_early",
    [NICRX_CNT_DROP_RED_FORCED] = "drop_red_forced", [NICRX_CNT_MSIX_WRITES] = "msix_writes",
    [NICRX_CNT_MSIX_ERROR] = "msix_error", [NICRX_CNT_DROP_NO_BUF_SMALL] = "drop_no_buf_small",
    [NICRX_CNT_DROP_NO_BUF_LARGE] = "drop_no_buf_large", [NICRX_CNT_DROP_NO_BUF_HDR] = "drop_no_buf_hdr",
    [NICRX_CNT_REASM_NO_PAGE] = "reasm_no_page",
};

/* the board's registers (fpga/boards/ecpix5/nicrx_ecpix5.v, docs/board.md "Board registers") */
static const char *const BOARD_NAMES[] = {
    "mac_frames", "mac_fcs", "mac_align", "mac_ovf", "mac_ovf_drop",
    "agent_state", "agent_completions", "agent_reposts", "agent_errors",
    "agent_q0", "agent_q1", "agent_q2", "agent_q3",
};

static int cmd_counters(const cli_t *c, nicrx_drv_t *d, link_t *l)
{
    uint32_t cnt[NICRX_NUM_COUNTERS];
    if (nicrx_drv_counters(d, cnt) != 0 || l->failed) return -1;
    for (unsigned i = 0; i < NICRX_NUM_COUNTERS; i++) printf("%s %" PRIu32 "\n", COUNTER_NAMES[i], cnt[i]);
    (void)c;
    return 0;
}

/* ... then the records per operation code (enum nicrx_opcode), then these */
#define BOARD_OPCODES 16u
static const char *const BOARD_TAIL[] = { "mac_1000", "agent_runs", "agent_merged", "agent_run_segs" };

static int cmd_board(link_t *l)
{
    const unsigned nnamed = sizeof BOARD_NAMES / sizeof BOARD_NAMES[0];
    const unsigned ntail = sizeof BOARD_TAIL / sizeof BOARD_TAIL[0];
    for (unsigned i = 0; i < nnamed + BOARD_OPCODES + ntail; i++) {
        uint32_t v = cb_read(l, NICRX_UART_BOARD + 4u * i);
        if (l->failed) return -1;
        if (i < nnamed) printf("%s %" PRIu32 "\n", BOARD_NAMES[i], v);
        else if (i >= nnamed + BOARD_OPCODES) printf("%s %" PRIu32 "\n", BOARD_TAIL[i - nnamed - BOARD_OPCODES], v);
        else if (i - nnamed < NICRX_NUM_OPCODES) printf("agent_op_%s %" PRIu32 "\n", nicrx_opcode_name(i - nnamed), v);
        else printf("agent_op_%u %" PRIu32 "\n", i - nnamed, v);
    }
    return 0;
}

static int cmd_flows(nicrx_drv_t *d, link_t *l)
{
    uint32_t st = cb_read(l, NICRX_REG_FLOW_STATUS);
    if (l->failed) return -1;
    uint32_t n = 1u << ((st & NICRX_FLOW_STATUS_FLOWS_LOG2_MASK) >> NICRX_FLOW_STATUS_FLOWS_LOG2_SHIFT);
    for (uint32_t i = 0; i < n; i++) {
        nicrx_drv_flow_t f;
        memset(&f, 0, sizeof f);
        if (nicrx_drv_flow_cmd(d, NICRX_FLOW_CMD_READ, i, &f) < 0 || l->failed) return -1;
        if (!(f.info & NICRX_FLOW_INFO_VALID)) continue;
        printf("flow %" PRIu32 " info 0x%08" PRIx32 " seq %" PRIu32 " ack %" PRIu32 " count %" PRIu32 " time %" PRIu32 " key ",
               i, f.info, f.seq, f.ack, f.count, f.time);
        for (unsigned k = 0; k < NICRX_FLOW_KEY_BYTES; k++) printf("%02x", f.key[k]);
        putchar('\n');
    }
    return 0;
}

/* a nicrx-asm image: n x 16 bytes, each instruction's four words little-endian */
static int cmd_load(const cli_t *c, nicrx_drv_t *d, link_t *l, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { cli_error(c, "%s: cannot open: %s", path, strerror(errno)); return -1; }
    uint8_t buf[4096 * 16 + 1];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (n == 0 || n % 16 != 0 || n > 4096 * 16) {
        cli_error(c, "%s: not a nicrx-asm image (%zu bytes: a multiple of 16 expected)", path, n);
        return -2;
    }
    static uint32_t words[4096 * NICRX_INSN_WORDS];
    for (size_t i = 0; i < n / 4; i++)
        words[i] = (uint32_t)buf[4 * i] | (uint32_t)buf[4 * i + 1] << 8 | (uint32_t)buf[4 * i + 2] << 16 |
                   (uint32_t)buf[4 * i + 3] << 24;
    if (nicrx_drv_load_program(d, words, (uint32_t)(n / 16)) != 0 && !l->failed) {
        cli_error(c, "%s", nicrx_drv_error(d));
        return -2;
    }
    if (l->failed) return -1;
    printf("loaded %zu instructions\n", n / 16);
    return 0;
}

static int parse_addr(const cli_t *c, const char *s, uint64_t *v)
{
    char err[160];
    if (cli_u64("ADDR", s, 0, 0x1ffc, "0..0x1ffc, a multiple of 4", v, err, sizeof err) != 0 || (*v & 3u)) {
        if (*v & 3u) cli_bad_value(err, sizeof err, "ADDR", s, "0..0x1ffc, a multiple of 4");
        return cli_usage_error(c, "%s", err);
    }
    return 0;
}

int main(int argc, char **argv)
{
    const cli_t *c = &CLI;
    int rc = cli_common(c, argc, argv);
    if (rc >= 0) return rc;
    uint64_t baud = 115200, tmo = 500;
    char err[256];
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a += 2) {
        uint64_t *dst = !strcmp(argv[a], "-b") ? &baud : !strcmp(argv[a], "-t") ? &tmo : NULL;
        if (!dst) return cli_usage_error(c, "unknown option '%s'", argv[a]);
        if (cli_u64(argv[a], a + 1 < argc ? argv[a + 1] : NULL, 1, !strcmp(argv[a], "-b") ? 3000000 : 600000,
                    NULL, dst, err, sizeof err) != 0)
            return cli_usage_error(c, "%s", err);
    }
    if (argc - a < 2) return cli_usage_error(c, "needs DEV and a command");
    const char *dev = argv[a], *cmd = argv[a + 1];
    int nargs = argc - a - 2;
    int want = !strcmp(cmd, "read") || !strcmp(cmd, "load") ? 1 : !strcmp(cmd, "write") ? 2 : 0;
    if (strcmp(cmd, "counters") && strcmp(cmd, "board") && strcmp(cmd, "flows") && !want)
        return cli_usage_error(c, "unknown command '%s'", cmd);
    if (nargs != want) return cli_usage_error(c, "%s takes %d argument%s", cmd, want, want == 1 ? "" : "s");
    uint64_t addr = 0, val = 0;
    if (want && strcmp(cmd, "load") && parse_addr(c, argv[a + 2], &addr)) return CLI_EXIT_USAGE;
    if (want == 2 && cli_u64("VALUE", argv[a + 3], 0, 0xffffffffu, NULL, &val, err, sizeof err) != 0)
        return cli_usage_error(c, "%s", err);

    link_t l = { .failed = 0 };
    if (nicrx_uart_open(&l.u, dev, (uint32_t)baud, (int)tmo, err, sizeof err) != 0) {
        cli_error(c, "%s: %s", dev, err);
        return 1;
    }
    static const nicrx_drv_ops_t ops = { cb_write, cb_read, cb_mem_write, cb_mem_read };
    nicrx_drv_t *d = nicrx_drv_open(&ops, &l);
    if (!d) { cli_error(c, "out of memory"); nicrx_uart_close(&l.u); return 1; }
    rc = 0;
    if (!strcmp(cmd, "read")) {
        uint32_t v = cb_read(&l, (uint32_t)addr);
        if (!l.failed) printf("0x%08" PRIx32 "\n", v);
    } else if (!strcmp(cmd, "write")) {
        cb_write(&l, (uint32_t)addr, (uint32_t)val);
    } else if (!strcmp(cmd, "counters")) {
        cmd_counters(c, d, &l);
    } else if (!strcmp(cmd, "board")) {
        cmd_board(&l);
    } else if (!strcmp(cmd, "flows")) {
        cmd_flows(d, &l);
    } else if (cmd_load(c, d, &l, argv[a + 2]) == -2) {
        rc = 1;
    }
    if (l.failed) {
        cli_error(c, "%s: %s", dev, l.err);
        rc = 1;
    }
    nicrx_drv_close(d);
    nicrx_uart_close(&l.u);
    return rc;
}
