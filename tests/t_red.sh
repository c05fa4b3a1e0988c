#!/usr/bin/env bash
# Random early discard (docs/architecture.md "nicrx_red") in RTL/model lockstep with the
# host heavily stalling and frames back to back, so packet memory fills and RED acts:
#   - each mode (Floyd-Jacobson, regions) on every 8th shared capture and on the 24
#     largest ones (where RED acts); RED_FULL=1 runs every capture in each mode;
#   - the harness checks every decision against its own computation (avg, probability,
#     LFSR draw, verdict), that a RED drop is counted as one and a tail drop as
#     pktmem_full, and in = delivered + dropped by reason;
#   - control frames (opcode CTRL, exempt by default) are never early-dropped: nicrx-model
#     on TCP traffic with SYN/FIN/RST under the same overload;
#   - RED pays off: more early than tail drops on the largest capture with RED on.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
make -s build/bin/nicrx-sim build/bin/nicrx-model build/bin/nicrx-gen >/dev/null 2>&1 ||
    { echo "not ok red-build: make build/bin/nicrx-sim, nicrx-model and nicrx-gen failed"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
[ -d "$dir" ] || { echo "not ok red: no capture directory $dir"; exit 1; }
fj="--red-mode 1 --red-min 128 --red-max 1024 --red-maxp 1 --red-wlog 2"
rg="--red-mode 2 --red-wlog 2 --red-regions 128:32,384:96,640:192,1024:256"
load="--stall heavy --pace b2b --seed 13"
one() {  # NAME FILE OPTIONS...
    local name=$1 f=$2 log rc n
    shift 2
    log=$(build/bin/nicrx-sim --summary "$@" "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then
        n=$(sed -n 's/^  drops .*pktmem_full \([0-9]*\).*red_early \([0-9]*\), red_forced \([0-9]*\).*/tail \1 early \2 forced \3/p' <<<"$log")
        echo "ok $name # $n"
    elif [ $rc -eq 2 ] && grep -q ': no frames in capture' <<<"$log"; then
        echo "ok $name # no frames"
    else
        echo "not ok $name: exit $rc: $(sim_reason "$log")"
    fi
}
export -f one
caps=build/tests/red-captures.txt
mkdir -p build/tests
find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort > "$caps"
{
    if [ "${RED_FULL:-0}" = 1 ]; then cat "$caps"
    else awk 'NR % 8 == 1' "$caps"; xargs ls -S < "$caps" | head -24; fi
} | LC_ALL=C sort -u | while read -r f; do
    c="$(basename "$(dirname "$f")")/$(basename "$f")"
    printf '%s\0%s\0%s\0' "red-fj-$c" "$f" "$fj $load"
    printf '%s\0%s\0%s\0' "red-regions-$c" "$f" "$rg $load"
done | xargs -0 -n 3 -P 2 bash -c 'one "$0" "$1" $2'

# control frames under the overload: never early-dropped (exempt), tail drops counted as such
g=build/tests/red-ctrl.pcap
build/bin/nicrx-gen --mode tcp --count 6000 --flows 200 --seed 5 -o "$g" >/dev/null ||
    echo "not ok red-gen: nicrx-gen failed"
for m in fj rg; do
    eval "opts=\$$m"
    out=$(build/bin/nicrx-model $opts $load "$g" 2>&1)
    read -r ctrl ctrl_red red tail < <(awk '
        /"op":"ctrl"/ { c++; if (/"reason":"red_/) cr++ }
        /"reason":"red_/ { r++ }  /"reason":"pktmem_full"/ { t++ }
        END { printf "%d %d %d %d\n", c, cr, r, t }' <<<"$out")
    if [ "$ctrl" -gt 0 ] && [ "$ctrl_red" -eq 0 ] && [ "$red" -gt 0 ]; then
        echo "ok red-ctrl-exempt-$m: $ctrl control frames, none dropped by RED; $red RED drops, $tail tail drops"
    else
        echo "not ok red-ctrl-exempt-$m: $ctrl control frames, $ctrl_red dropped by RED ($red RED drops in all)"
    fi
done

# RED turns tail drops into early ones on the largest capture
big=$(xargs ls -S < "$caps" | head -1)
off=$(build/bin/nicrx-model --summary $load "$big" | sed -n 's/^  drops .*pktmem_full \([0-9]*\).*/\1/p')
on=$(build/bin/nicrx-model --summary $fj $load "$big" | sed -n 's/^  drops .*pktmem_full \([0-9]*\).*red_early \([0-9]*\), red_forced \([0-9]*\).*/\1 \2 \3/p')
set -- $on
if [ "${off:-0}" -gt 0 ] && [ "$1" -lt "$off" ] && [ $(($2 + $3)) -gt "$1" ]; then
    echo "ok red-fewer-tail-drops: $(basename "$big"): tail drops $off with RED off, $1 with RED on ($2 early, $3 forced)"
else
    echo "not ok red-fewer-tail-drops: $(basename "$big"): tail drops ${off:-?} off, on: ${on:-?}"
fi
