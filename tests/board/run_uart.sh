#!/usr/bin/env bash
# The UART bridge (fpga/nicrx_uart_bridge.v) under Verilator with its pins on a
# pseudo-terminal (tests/board/uart_tb.sv, uart_pty.c), driven by the real nicrx-uart:
# register reads and writes, the board's registers, counters, flows, a program load, and the
# error paths (a corrupted response, a corrupted request, a bus error, a silent device, a
# missing device, bad arguments).  Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/../.."
source tests/board/pty_sim.sh
vdir=$out/uart_vl
tool=build/bin/nicrx-uart
make -s "$tool" build/microcode/default.bin >/dev/null 2>&1 || { echo "not ok uart-build: make $tool"; exit 0; }
swap=$(sed -n 's/^#define NICRX_REG_PARSER_SWAP 0x\([0-9a-f]*\)u$/\1/p' cmodel/nicrx_regs.h)
pty_sim_build "$vdir" uart_tb "+define+PARSER_SWAP=12'h$swap" "" tests/board/uart_tb.sv fpga/nicrx_uart_bridge.v \
    || { echo "not ok uart-sim-build: see $vdir.log"; exit 0; }

# check NAME STATUS PATTERN CMD...: the tool's exit status and a line of its output
check() {
    local name=$1 want=$2 pat=$3; shift 3
    local got rc
    got=$(timeout 60 "$tool" -t 2000 "$@" 2>&1); rc=$?
    if [ "$rc" -eq "$want" ] && grep -qE -- "$pat" <<<"$got"; then echo "ok uart-$name"
    else echo "not ok uart-$name: status $rc, output '$(head -c 300 <<<"$got")'"; fi
}

# the first response's third byte and the second request's fifth byte are corrupted
pty_sim_start "$out/uart_sim.log" "$vdir/Vuart_tb" +corrupt_tx=3 +corrupt_rx=14 \
    || { echo "not ok uart-sim: no pseudo-terminal"; exit 0; }
bridge=$pty_dev dead=$pty_dead
check bad-checksum-response 1 "bad checksum in the response" "$bridge" read 0x10
check bad-checksum-request  1 "checksum wrong" "$bridge" read 0x10
check write         0 "^$" "$bridge" write 0x10 0x12345678
check read          0 "^0x12345678$" "$bridge" read 0x10
check board-read    0 "^0xb0000004$" "$bridge" read 0x1004
check bus-error     1 "bus error" "$bridge" write 0xffc 1
check counters      0 "^msix_error 0$" "$bridge" counters
check board         0 "^agent_q3 2952790064$" "$bridge" board
check flows         0 "^$" "$bridge" flows
check load          0 "^loaded [0-9]+ instructions$" "$bridge" load build/microcode/default.bin
check load-bad      1 "not a nicrx-asm image" "$bridge" load tests/board/uart_tb.sv
check timeout       1 "no answer within 2000 ms" "$dead" read 0x10
check missing-dev   1 "cannot open: No such file" /nonexistent/tty read 0x10
check not-a-tty     1 "not a serial device" /dev/null read 0x10
check bad-addr      2 "ADDR takes" "$bridge" read 0x2000
check bad-command   2 "unknown command" "$bridge" poke 0x10
check bad-args      2 "write takes 2 arguments" "$bridge" write 0x10
pty_sim_stop
