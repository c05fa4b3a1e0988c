/* nicrx_uart.c - the board's UART register protocol, host side (nicrx_uart.h). */
#define _DEFAULT_SOURCE /* cfsetspeed's rates above 38400 (B115200 ...) with -std=c11 */
#include "nicrx_uart.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static uint8_t sum8(const uint8_t *p, size_t n)
{
    uint8_t s = 0;
    for (size_t i = 0; i < n; i++) s = (uint8_t)(s + p[i]);
    return s;
}

void nicrx_uart_encode(uint8_t req[NICRX_UART_REQ_BYTES], uint8_t cmd, uint16_t addr, uint32_t data)
{
    req[0] = NICRX_UART_SYNC_REQ;
    req[1] = cmd;
    req[2] = (uint8_t)addr;
    req[3] = (uint8_t)(addr >> 8);
    for (int i = 0; i < 4; i++) req[4 + i] = (uint8_t)(data >> (8 * i));
    req[8] = (uint8_t)(0u - sum8(req + 1, 7));
}

int nicrx_uart_decode(const uint8_t rsp[NICRX_UART_RSP_BYTES], uint8_t *status, uint32_t *data,
                      char *err, size_t errlen)
{
    if (rsp[0] != NICRX_UART_SYNC_RSP) {
        snprintf(err, errlen, "malformed response (first byte 0x%02x, not 0x%02x)", rsp[0], NICRX_UART_SYNC_RSP);
        return -1;
    }
    if (sum8(rsp + 1, NICRX_UART_RSP_BYTES - 1) != 0) {
        snprintf(err, errlen, "bad checksum in the response");
        return -1;
    }
    *status = rsp[1];
    *data = (uint32_t)rsp[2] | (uint32_t)rsp[3] << 8 | (uint32_t)rsp[4] << 16 | (uint32_t)rsp[5] << 24;
    return 0;
}

static int baud_code(uint32_t baud, speed_t *sp)
{
    static const struct { uint32_t baud; speed_t sp; } rates[] = {
        { 115200, B115200 }, { 230400, B230400 }, { 460800, B460800 }, { 921600, B921600 },
        { 1000000, B1000000 }, { 2000000, B2000000 }, { 3000000, B3000000 },
    };
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++)
        if (rates[i].baud == baud) { *sp = rates[i].sp; return 0; }
    return -1;
}

int nicrx_uart_open(nicrx_uart_t *u, const char *path, uint32_t baud, int timeout_ms, char *err, size_t errlen)
{
    speed_t sp;
    struct termios t;
    if (baud_code(baud, &sp) != 0) {
        snprintf(err, errlen, "unsupported baud rate %u", baud);
        return -1;
    }
    u->fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (u->fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return -1;
    }
    if (tcgetattr(u->fd, &t) != 0) {
        snprintf(err, errlen, "not a serial device: %s", strerror(errno));
        close(u->fd);
        return -1;
    }
    /* raw 8N1: no echo, no line editing, no translation, no flow control */
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF | IXANY);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB | CSTOPB | CRTSCTS);
    t.c_cflag |= CS8 | CREAD | CLOCAL;
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 0;
    if (cfsetispeed(&t, sp) != 0 || cfsetospeed(&t, sp) != 0 || tcsetattr(u->fd, TCSANOW, &t) != 0) {
        snprintf(err, errlen, "cannot set 8N1 at %u baud: %s", baud, strerror(errno));
        close(u->fd);
        return -1;
    }
    u->timeout_ms = timeout_ms;
    return 0;
}

void nicrx_uart_close(nicrx_uart_t *u)
{
    if (u->fd >= 0) close(u->fd);
    u->fd = -1;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *status_text(uint8_t st)
{
    switch (st) {
    case NICRX_UART_ST_CHECKSUM:    return "the board found the request's checksum wrong";
    case NICRX_UART_ST_BAD:         return "the board refused the command or address";
    case NICRX_UART_ST_BUS:         return "the core answered with a bus error";
    case NICRX_UART_ST_BUS_TIMEOUT: return "the core did not answer on its register port";
    default:                        return "unknown status";
    }
}

int nicrx_uart_xfer(nicrx_uart_t *u, uint8_t cmd, uint16_t addr, uint32_t wdata, uint32_t *rdata,
                    char *err, size_t errlen)
{
    uint8_t req[NICRX_UART_REQ_BYTES], rsp[NICRX_UART_RSP_BYTES], st;
    size_t got = 0;
    tcflush(u->fd, TCIFLUSH);
    nicrx_uart_encode(req, cmd, addr, wdata);
    for (size_t off = 0; off < sizeof req;) {
        ssize_t w = write(u->fd, req + off, sizeof req - off);
        if (w < 0 && errno != EINTR && errno != EAGAIN) {
            snprintf(err, errlen, "write failed: %s", strerror(errno));
            return -1;
        }
        if (w > 0) off += (size_t)w;
    }
    int64_t end = now_ms() + u->timeout_ms;
    while (got < sizeof rsp) {
        int64_t left = end - now_ms();
        struct pollfd p = { .fd = u->fd, .events = POLLIN };
        if (left <= 0 || poll(&p, 1, (int)left) == 0) {
            snprintf(err, errlen, "no answer within %d ms (%s 0x%04x; %zu of %u response bytes)", u->timeout_ms,
                     cmd == NICRX_UART_CMD_READ ? "read" : "write", addr, got, NICRX_UART_RSP_BYTES);
            return -1;
        }
        ssize_t r = read(u->fd, rsp + got, sizeof rsp - got);
        if (r < 0 && errno != EINTR && errno != EAGAIN) {
            snprintf(err, errlen, "read failed: %s", strerror(errno));
            return -1;
        }
        /* skip noise before the response's first byte */
        if (r > 0 && got == 0 && rsp[0] != NICRX_UART_SYNC_RSP) {
            size_t k = 0;
            while (k < (size_t)r && rsp[k] != NICRX_UART_SYNC_RSP) k++;
            memmove(rsp, rsp + k, (size_t)r - k);
            r -= (ssize_t)k;
        }
        if (r > 0) got += (size_t)r;
    }
    if (nicrx_uart_decode(rsp, &st, rdata, err, errlen) != 0) return -1;
    if (st != NICRX_UART_OK) {
        snprintf(err, errlen, "%s (status %u, %s 0x%04x)", status_text(st), st,
                 cmd == NICRX_UART_CMD_READ ? "read" : "write", addr);
        return -1;
    }
    return 0;
}
