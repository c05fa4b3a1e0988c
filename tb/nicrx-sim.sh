#!/usr/bin/env bash
# nicrx-sim - RTL + C model lockstep on a capture (installed by mk/tb.mk).
# The simulator's harness reads the command line (tb/harness.c: usage, options,
# messages); this script only picks the simulator: the one built with --flows N
# (built the first time it is asked for), and the tracing build for --trace.
set -u
# no command substitution on the way to the simulator: each fork costs as much as a
# short capture's simulation (make bench, "simulation speed")
case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
prog=${0##*/}
variant=@VARIANT@
trace_variant=@TRACE@
repo=@REPO@
build=@BUILD@
args=(+prog="$prog"); flows=64; trace=""; from=""; to=""
for ((i = 1; i <= $#; i++)); do
    a=${!i}; n=$((i + 1)); v=${!n-}
    args+=("+a=$a")
    case "$a" in
        --flows) flows=$v ;;
        --trace) trace=$v ;;
        --trace-from) from=$v ;;
        --trace-to) to=$v ;;
    esac
done
# FLOWS is an elaboration parameter: one simulator per value.  A value that is
# none runs the default one, whose harness says what --flows takes.
case $flows in
    8|16|32|128|256)
        if [ "$variant" = icarus ]; then
            echo "$prog: --flows $flows: the Icarus simulator is built with FLOWS=64 only (nicrx-sim has every FLOWS)" >&2
            exit 2
        fi
        variant=${variant}f$flows; trace_variant=${trace_variant:+${trace_variant}f$flows} ;;
esac
# build VARIANT: make its simulator if it is missing or older than what it is built
# from (the libraries, the RTL); one build at a time (runs may go in parallel)
build() {
    local bin="$build/verilator/$1/Vnicrx_tb" f
    stale() {
        [ -x "$bin" ] || return 0
        for f in "$build"/lib/libnicrx.a "$build"/lib/libnicrxtb.a "$repo"/rtl/*.v "$repo"/rtl/*.vh; do
            [ "$f" -nt "$bin" ] && return 0
        done
        return 1
    }
    stale || return 0
    mkdir -p "$build/verilator"
    exec 9>"$build/verilator/$1.lock"
    flock 9
    if stale; then
        rm -f "$bin"    # what an interrupted build left
        echo "$prog: building the simulator $1 (a few minutes)" >&2
        local log="$build/verilator/$1.make.log"
        if ! nice make -C "$repo" BUILD="$build" "$bin" >"$log" 2>&1; then
            echo "$prog: could not build the simulator $1 (see $log)" >&2
            exit 2
        fi
    fi
    exec 9>&-
}
run() {  # run VARIANT extra-plusargs...
    local v=$1; shift
    if [ "$v" = icarus ]; then
        vvp -n -M "$here/../icarus" -m nicrx "$here/../icarus/nicrx_tb.vvp" "${args[@]}" "$@" | grep -v '^VCD info'
        return "${PIPESTATUS[0]}"
    fi
    "$build/verilator/$v/Vnicrx_tb" "${args[@]}" "$@"
}
case $variant in icarus|@VARIANT@) ;; *) build "$variant" ;; esac
if [ -z "$trace" ]; then
    [ "$variant" = icarus ] || exec "$build/verilator/$variant/Vnicrx_tb" "${args[@]}"
    run "$variant"
    exit $?
fi
err=$(mktemp); trap 'rm -f "$err"' EXIT
run "$variant" 2> >(tee "$err" >&2)
rc=$?
sleep 0.1
[ $rc -eq 2 ] && exit $rc
# On a divergence the 2000 cycles up to it, unless a window was asked for.
if [ $rc -eq 1 ] && [ -z "$from$to" ] &&
   cyc=$(LC_ALL=C sed -n 's/.*: cycle \([0-9]*\), frame.*/\1/p' "$err" | head -1) && [ -n "$cyc" ]; then
    from=$(( cyc > 2000 ? cyc - 2000 : 0 )); to=$cyc
fi
if [ -z "$trace_variant" ]; then
    echo "$prog: no tracing build of this simulator (nicrx-sim has one)" >&2
    exit $rc
fi
build "$trace_variant"
# the tracing build's own verdict is not used (its exit status is 0)
run "$trace_variant" "+trace_file=$trace" "+trace_from=${from:-0}" "+trace_to=${to:--1}" >/dev/null 2>&1
echo "$prog: waveform of cycles ${from:-0}..${to:-the end} in $trace" >&2
exit $rc
