/* nicrx_uart.h - the board's UART register protocol (docs/board.md "UART protocol"), the
 * host's end of fpga/nicrx_uart_bridge.v: framing, and transactions over a serial device
 * (termios, 8N1, raw).  Used by nicrx-uart (tools/nicrx_uart_main.c). */
#ifndef NICRX_UART_H
#define NICRX_UART_H
#include <stddef.h>
#include <stdint.h>

#define NICRX_UART_REQ_BYTES 9u
#define NICRX_UART_RSP_BYTES 7u
#define NICRX_UART_SYNC_REQ  0xa5u
#define NICRX_UART_SYNC_RSP  0x5au
#define NICRX_UART_CMD_READ  0x52u   /* 'R' */
#define NICRX_UART_CMD_WRITE 0x57u   /* 'W' */
#define NICRX_UART_BOARD     0x1000u /* addresses from here on are the board's registers */

/* the bridge's STATUS byte */
enum nicrx_uart_status {
    NICRX_UART_OK = 0,
    NICRX_UART_ST_CHECKSUM,    /* the bridge found the request's checksum wrong */
    NICRX_UART_ST_BAD,         /* unknown command or address */
    NICRX_UART_ST_BUS,         /* the core answered SLVERR or DECERR */
    NICRX_UART_ST_BUS_TIMEOUT  /* the core did not answer */
};

void nicrx_uart_encode(uint8_t req[NICRX_UART_REQ_BYTES], uint8_t cmd, uint16_t addr, uint32_t data);
/* 0 with *status and *data, or -1 with a reason in err: no 0x5A first, or a bad checksum */
int nicrx_uart_decode(const uint8_t rsp[NICRX_UART_RSP_BYTES], uint8_t *status, uint32_t *data,
                      char *err, size_t errlen);

/* A serial device set to 8N1 raw at baud (115200, 230400, 460800, 921600, 1000000,
 * 2000000, 3000000), or -1 with the reason in err (missing device, not a terminal, an
 * unsupported rate).  timeout_ms bounds each transaction's wait for the response. */
typedef struct nicrx_uart {
    int fd;
    int timeout_ms;
} nicrx_uart_t;
int nicrx_uart_open(nicrx_uart_t *u, const char *path, uint32_t baud, int timeout_ms, char *err, size_t errlen);
void nicrx_uart_close(nicrx_uart_t *u);

/* One request and its response: 0 (the value read in *data), or -1 with the reason in err:
 * a write that failed, no response in time, a malformed response, or a STATUS other than
 * OK.  Bytes that arrived before the request are thrown away first. */
int nicrx_uart_xfer(nicrx_uart_t *u, uint8_t cmd, uint16_t addr, uint32_t wdata, uint32_t *rdata,
                    char *err, size_t errlen);
#endif
