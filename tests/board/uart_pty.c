/* uart_pty.c - DPI-C of tests/board/uart_tb.sv: the bridge's UART pins joined to a
 * pseudo-terminal, so the real nicrx-uart runs against the RTL (tests/board/run_uart.sh).
 * (and of tests/board/board_tb.sv, the whole board).
 * uart_pty_init makes two pseudo-terminals, writes their names to a file (the first is the
 * bridge's, the second answers nothing: the tool's timeout), and uart_pty_cycle, called
 * every clock, turns bytes from the tool into serial bits on the bridge's rx pin and the
 * bridge's tx pin into bytes for the tool, at clks_per_bit clocks a bit (8N1).
 * Fault injection for the error paths: the corrupt_rx-th byte to the bridge and the
 * corrupt_tx-th byte from it get one bit flipped (0: none).  The simulation ends when the
 * file of names is removed.  One simulation per process: the state is this file's. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "svdpi.h"
/* the simulator's DPI header (Vuart_tb__Dpi.h, Vboard_tb__Dpi.h): the prototypes */
#include DPI_HDR

typedef struct serial {
    int busy, bit, cnt;
    unsigned sh;
} serial_t;

typedef struct pty_state {
    int master, slave, dead_master, dead_slave;
    int cpb, corrupt_rx, corrupt_tx, n_rx, n_tx;
    long idle;
    char file[512];
    serial_t out, in;   /* out: to the bridge's rx; in: from its tx */
} pty_state_t;

static pty_state_t S;

static int make_pty(int *master, int *slave, char *name, size_t n)
{
    *master = posix_openpt(O_RDWR | O_NOCTTY);
    if (*master < 0 || grantpt(*master) || unlockpt(*master) || ptsname_r(*master, name, n)) return -1;
    *slave = open(name, O_RDWR | O_NOCTTY);
    if (*slave < 0) return -1;
    struct termios t;
    tcgetattr(*slave, &t);
    cfmakeraw(&t);
    tcsetattr(*slave, TCSANOW, &t);
    return fcntl(*master, F_SETFL, O_NONBLOCK);
}

int uart_pty_init(const char *file, int clks_per_bit, int corrupt_rx, int corrupt_tx)
{
    char a[256], b[256];
    memset(&S, 0, sizeof S);
    S.cpb = clks_per_bit;
    S.corrupt_rx = corrupt_rx;
    S.corrupt_tx = corrupt_tx;
    snprintf(S.file, sizeof S.file, "%s", file);
    if (make_pty(&S.master, &S.slave, a, sizeof a) || make_pty(&S.dead_master, &S.dead_slave, b, sizeof b)) {
        perror("uart_tb: pseudo-terminal");
        return -1;
    }
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.tmp", file);
    FILE *f = fopen(tmp, "w");
    if (!f || fprintf(f, "%s %s\n", a, b) < 0 || fclose(f) || rename(tmp, file)) {
        perror("uart_tb: names file");
        return -1;
    }
    return 0;
}

/* returns the rx pin, or -1 when the names file is gone (the end) */
int uart_pty_cycle(int tx)
{
    int rx = 1, active = S.out.busy || S.in.busy || !tx;
    /* to the bridge */
    if (!S.out.busy) {
        unsigned char c;
        if (read(S.master, &c, 1) == 1) {
            if (++S.n_rx == S.corrupt_rx) c ^= 0x10;
            S.out = (serial_t){ .busy = 1, .bit = 0, .cnt = 0, .sh = 0x200u | (unsigned)c << 1 };
            active = 1;
        }
    }
    if (S.out.busy) {
        rx = (int)((S.out.sh >> S.out.bit) & 1u);
        if (++S.out.cnt == S.cpb) {
            S.out.cnt = 0;
            if (++S.out.bit == 10) S.out.busy = 0;
        }
    }
    /* from the bridge: a start bit, then every bit sampled in its middle */
    if (!S.in.busy) {
        if (!tx) S.in = (serial_t){ .busy = 1, .bit = 0, .cnt = S.cpb / 2, .sh = 0 };
    } else if (--S.in.cnt == 0) {
        S.in.cnt = S.cpb;
        if (S.in.bit >= 1 && S.in.bit <= 8) S.in.sh |= (unsigned)tx << (S.in.bit - 1);
        if (++S.in.bit == 10) {
            unsigned char c = (unsigned char)S.in.sh;
            if (++S.n_tx == S.corrupt_tx) c ^= 0x01;
            if (write(S.master, &c, 1) != 1) perror("uart_tb: write");
            S.in.busy = 0;
        }
    }
    /* nothing going on: give the processor back, and look for the end now and then */
    if (active) {
        S.idle = 0;
    } else if (++S.idle % 2000 == 0) {
        struct pollfd p = { .fd = S.master, .events = POLLIN };
        poll(&p, 1, 2);
        if (S.idle % 200000 == 0 && access(S.file, F_OK) != 0) return -1;
    }
    return rx;
}
