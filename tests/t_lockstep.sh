#!/usr/bin/env bash
# RTL/model lockstep on every capture in ../shared/pcaps (PCAPS=dir to change),
# once with the host never stalling and once with heavy AXI backpressure, two
# runs at a time.  One ok/not ok line per capture and profile; heavy mode must
# tail-drop (pktmem_full) on some captures.  SEED=N fixes the PRNG seed.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-sim >/dev/null 2>&1 || { echo "not ok lockstep-build: make build/bin/nicrx-sim failed"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
seed=${SEED:-20240601}
[ -d "$dir" ] || { echo "not ok lockstep: no capture directory $dir"; exit 1; }
echo "# seed $seed, captures from $dir"
one() {  # PROFILE FILE
    local prof=$1 f=$2 name log rc why n
    name="lockstep-$prof-$(basename "$(dirname "$f")")/$(basename "$f")"
    log=$(build/bin/nicrx-sim --summary --seed "$seed" --stall "$prof" "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then
        n=$(sed -n 's/.*pktmem_full \([0-9]*\).*/\1/p' <<<"$log" | head -1)
        echo "ok $name${n:+ # pktmem_full $n}"
    elif [ $rc -eq 2 ] && grep -q ': no frames in capture' <<<"$log"; then
        echo "ok $name # no frames: rejected as bad input, as it should be"
    else
        why=$(grep -m1 '^nicrx: ' <<<"$log"); [ -n "$why" ] || why=$(tail -1 <<<"$log")
        echo "not ok $name: exit $rc: ${why#nicrx: }"
    fi
}
export -f one
export seed
start=$(date +%s)
out=$(find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sort |
      sed -e 's/^/none /p' -e 's/^none /heavy /' |
      xargs -d '\n' -P2 -I{} bash -c 'one ${0%% *} "${0#* }"' {})
echo "$out"
drops=$(grep -c '^ok lockstep-heavy-.*pktmem_full' <<<"$out")
runs=$(grep -c '^\(not \)\?ok lockstep-' <<<"$out")
echo "# $runs runs in $(( $(date +%s) - start )) s; heavy profile tail-dropped (pktmem_full) on $drops captures"
if [ "$drops" -gt 0 ]; then
    echo "ok lockstep-heavy-tail-drop: pktmem_full drops on $drops captures"
else
    echo "not ok lockstep-heavy-tail-drop: heavy backpressure never filled packet memory"
fi
