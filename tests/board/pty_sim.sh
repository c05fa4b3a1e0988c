# pty_sim.sh - what run_uart.sh and run_board.sh share (sourced): a Verilator top whose UART
# pins are on a pseudo-terminal (tests/board/uart_pty.c), built and started.
out=build/tests/board
mkdir -p "$out"

# pty_sim_build DIR TOP "FLAGS" "BINARY FLAGS" SOURCES...: DIR/VTOP (made again when a source is
# newer); the log in DIR.log.  FLAGS go to both Verilator steps, BINARY FLAGS to the last.
# PTY_C: further DPI-C files, built like uart_pty.c with PTY_CFLAGS; PTY_LIBS: linked too.
pty_sim_build() {
    local d=$1 top=$2 vf=$3 bf=$4 vl_root c objs=""
    shift 4
    mkdir -p "$d"
    # shellcheck disable=SC2086
    [ -x "$d/V$top" ] && [ -z "$(find "$@" tests/board/uart_pty.c ${PTY_C:-} ${PTY_LIBS:-} -newer "$d/V$top" | head -1)" ] &&
        return 0
    vl_root=$(verilator -V | sed -n 's/^ *VERILATOR_ROOT *= *\(\/.*\)/\1/p' | head -1)
    # shellcheck disable=SC2086
    verilator --dpi-hdr-only --cc --timing --top-module "$top" $vf -Mdir "$d" "$@" >"$d.log" 2>&1 || return 1
    for c in tests/board/uart_pty.c ${PTY_C:-}; do
        # shellcheck disable=SC2086
        gcc -std=gnu11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror -I"$d" \
            -DDPI_HDR="\"V${top}__Dpi.h\"" -I"$vl_root/include" -I"$vl_root/include/vltstd" ${PTY_CFLAGS:-} \
            -c "$c" -o "$d/$(basename "$c" .c).o" >>"$d.log" 2>&1 || return 1
        objs="$objs $PWD/$d/$(basename "$c" .c).o"
    done
    for c in ${PTY_LIBS:-}; do objs="$objs $PWD/$c"; done
    # shellcheck disable=SC2086
    verilator --binary -j 1 --timing -Wno-fatal --top-module "$top" $vf $bf -Mdir "$d" $objs "$@" >>"$d.log" 2>&1
}

# pty_sim_start LOG BINARY ARGS...: starts the simulation (+ptyfile added); sets simpid and
# pty_dev, pty_dead (its two terminals: the bridge's, and one that never answers); status 1
# (the simulation stopped) when no terminal came within 20 s
pty_sim_start() {
    local log=$1 bin=$2
    shift 2
    pty_names=$out/pty.$$.$RANDOM
    rm -f "$pty_names"
    "$bin" +ptyfile="$pty_names" "$@" >"$log" 2>&1 &
    simpid=$!
    for _ in $(seq 200); do [ -s "$pty_names" ] && break; sleep 0.1; done
    read -r pty_dev pty_dead < "$pty_names" 2>/dev/null && return 0
    kill "$simpid" 2>/dev/null
    wait "$simpid"
    return 1
}

# pty_sim_stop: the simulation ends when its names file goes
pty_sim_stop() {
    rm -f "$pty_names"
    wait "$simpid"
}
