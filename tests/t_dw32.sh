#!/usr/bin/env bash
# Lockstep with DATA_WIDTH=32 (build/bin/nicrx-sim-dw32) on the tcpdump set,
# both host profiles (the heavy one with interrupt messages on: --msix, their 32-bit word in
# a 64-bit beat), two runs at a time; plus the pacing modes on the default capture.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
make -s build/bin/nicrx-sim-dw32 build/bin/nicrx-sim >/dev/null 2>&1 || { echo "not ok dw32-build: make failed"; exit 1; }
# LOCKSTEP_FULL=1 (make test-full): every shared capture, split on and off
if [ "${LOCKSTEP_FULL:-0}" = 1 ]; then dir=${PCAPS:-../shared/pcaps}; splits="on off"
else dir=${PCAPS:-../shared/pcaps/tcpdump}; splits=on; fi
one() {
    local prof=$1 f=$2 sp=$3 log rc name
    name="dw32-$prof$([ "$sp" = off ] && echo -split-off)-$(basename "$f")"   # after prof and f are set (local expands its words first)
    log=$(build/bin/nicrx-sim-dw32 --summary --seed 99 --stall "$prof" --split "$sp" $([ "$prof" = heavy ] && echo --msix) "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ] || { [ $rc -eq 2 ] && grep -q ': no frames in capture' <<<"$log"; }; then echo "ok $name"
    else echo "not ok $name: exit $rc: $(sim_reason "$log")"; fi
}
export -f one
find "$dir" -type f -name '*.pcap*' | sort | while read -r f; do
    for sp in $splits; do printf '%s\t%s\t%s\n' none "$f" $sp heavy "$f" $sp; done
done | xargs -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r -a a <<<"$0"; one "${a[0]}" "${a[1]}" "${a[2]}"'
for sim in nicrx-sim nicrx-sim-dw32; do
    for pace in line b2b ts; do
        log=$(build/bin/$sim --summary --seed 4 --pace $pace captures/default.pcap 2>&1); rc=$?
        [ $rc -eq 0 ] && echo "ok pace-$pace-$sim" || echo "not ok pace-$pace-$sim: $(sim_reason "$log")"
    done
done
