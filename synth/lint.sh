#!/usr/bin/env bash
# lint.sh - static checks of rtl/: Verilator -Wall lint of nicrx_top at
# DATA_WIDTH 64 and 32 (and two parser shapes: one engine, IMEM_DEPTH 256 and 16;
# and make fpga's wrapper at both widths),
# and a Yosys structural check (after `proc`: no latches,
# no multiple drivers, no combinational loops, no undriven wires used, every flip-flop
# named *_reg).
# Prints "ok NAME" / "not ok NAME: reason"; exits 1 if any check failed.  The checks run
# LINT_JOBS at a time (default 2), their lines printed in order once all are done.
# Logs: build/lint/*.log.   TOP=nicrx_top by default.
set -u
cd "$(dirname "$0")/.."
TOP=${TOP:-nicrx_top}
OUT=build/lint
mkdir -p "$OUT"
RTL=$(ls rtl/*.v 2>/dev/null | sort | tr "\n" " ")
say_fail() { echo "not ok $1: $2"; }
# bg NAME COMMAND...: COMMAND's lines into NAME's verdict file, in the background
names=""
bg() {
    local name=$1; shift
    while [ "$(jobs -rp | wc -l)" -ge "${LINT_JOBS:-2}" ]; do wait -n; done
    "$@" > "$OUT/$name.verdict" 2>&1 &
    names="$names $name"
}

if [ -z "$RTL" ]; then echo "not ok lint: no rtl/*.v"; exit 1; fi
if ! grep -q "^[[:space:]]*module[[:space:]]\+$TOP\b" $RTL; then
    echo "not ok lint-top: module $TOP not found in rtl/"; exit 1
fi

# vlint NAME LOG TOP FILES-AND-OPTIONS...: Verilator -Wall lint, one ok / not ok line
vlint() {
    local name=$1 log=$2 top=$3; shift 3
    if verilator --lint-only -Wall -Irtl --top-module "$top" "$@" > "$log" 2>&1; then
        echo "ok $name"
    else
        say_fail "$name" "$(grep -m1 -E '^%(Error|Warning)' "$log")"
        grep -E '^%(Error|Warning)' "$log" | sed 's/^/#   /' | head -20
    fi
}

# shellcheck disable=SC2086
for dw in 64 32; do
    bg "v$dw" vlint "lint-verilator-$TOP-dw$dw" "$OUT/verilator_dw$dw.log" "$TOP" -GDATA_WIDTH=$dw $RTL
    # The place-and-route wrapper (make fpga) hand-lists nicrx_top's ports and their widths:
    # a port added or widened in the top shows here as PINMISSING or WIDTH, not an hour
    # into a place-and-route.
    bg "w$dw" vlint "lint-verilator-nicrx_fpga_wrap-dw$dw" "$OUT/verilator_wrap_dw$dw.log" nicrx_fpga_wrap \
        -GDATA_WIDTH=$dw fpga/nicrx_fpga_wrap.v $RTL
done

# The parser's other shapes: one engine, the largest and smallest instruction memory
# (with the small configuration's widths).
# shellcheck disable=SC2086
for cfg in "PARSE_ENGINES=1 IMEM_DEPTH=256" "PARSE_ENGINES=1 IMEM_DEPTH=16 DATA_WIDTH=32 HEADER_BYTES=64 FQ_DEPTH=8"; do
    n=$(echo "$cfg" | sed 's/PARSE_ENGINES=/ne/; s/ IMEM_DEPTH=/-imem/; s/ .*//')
    bg "p$n" vlint "lint-verilator-$TOP-$n" \
        "$OUT/verilator_$(echo "$cfg" | tr ' =' '_-').log" "$TOP" $(printf -- '-G%s ' $cfg) $RTL
done

# Yosys: elaborate, turn processes into cells, then
#  check -assert : multiple drivers, combinational loops, undriven used wires
#  select -assert-none on latch cells: proc_dlatch makes these for an always @*
#  that does not assign a signal on every path.
ylint() {  # DATA_WIDTH
    local dw=$1 name="lint-yosys-$TOP-dw$1" log="$OUT/yosys_dw$1.log"
    if yosys -q -l "$log" -p "read_verilog -defer $RTL; chparam -set DATA_WIDTH $dw $TOP; hierarchy -check -top $TOP; proc; flatten; check -assert; select -assert-none t:\$dlatch t:\$adlatch t:\$dlatchsr t:\$sr" > /dev/null 2>&1; then
        echo "ok $name"
    else
        say_fail "$name" "$(grep -m1 -E '^(ERROR|Warning|Latch inferred)' "$log")"
        grep -E '^(ERROR|Warning|Latch inferred)' "$log" | sed 's/^/#   /' | head -20
    fi
}
for dw in 64 32; do bg "y$dw" ylint $dw; done
# Naming (docs/developing.md "Verilog style"): every flip-flop's name ends in _reg.  After
# proc each register is a flip-flop cell driving the wire of the reg's name; memories are
# $mem cells, so they do not count.
flops() {
    local name="lint-yosys-flop-names" log="$OUT/yosys_flops.log" bad n
    if yosys -q -l "$log" -p "read_verilog -defer -Irtl $RTL; hierarchy -check -top $TOP; proc; opt_clean; tee -q -o $OUT/flops.txt select -list t:\$*dff* %co1:+[Q] w:* %i" > /dev/null 2>&1; then
        bad=$(sed 's|^.*\\\([A-Za-z0-9_]*\)/|\1 |' "$OUT/flops.txt" | grep -v ' \$' | grep -v '_reg$' | sort -u)
        n=$(grep -c . "$OUT/flops.txt")
        if [ -n "$bad" ]; then
            say_fail "$name" "$(echo "$bad" | wc -l) flip-flops not named *_reg"
            echo "$bad" | sed 's/^/#   /' | head -20
        elif [ "$n" -lt 100 ]; then
            say_fail "$name" "only $n flip-flop wires listed (the check is not looking)"
        else
            echo "ok $name: $n flip-flop wires"
        fi
    else
        say_fail "$name" "$(grep -m1 -E '^ERROR' "$log")"
    fi
}
bg flops flops
wait
for n in $names; do cat "$OUT/$n.verdict"; done | tee "$OUT/verdicts.txt"
! grep -q "^not ok" "$OUT/verdicts.txt"
