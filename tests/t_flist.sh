#!/usr/bin/env bash
# Host-posted buffer lists (issue 12 item 4, docs/host-interface.md "Buffer lists") with the
# session program (microcode/session.nasm: iSCSI's port 3260) on a nicrx-gen capture of TCP
# connections, half of them iSCSI's: the harness's host binds a list to each iSCSI flow it
# sees (--flist), RTL and model in lockstep, and checks every list buffer's bytes against the
# merged frames' (each frame's own bytes against the capture's) and that a list buffer holds
# its flow's payload only:
#   - lists kept full, no stall and heavy stall: runs in list buffers;
#   - one buffer a list: a list runs out, ring 3 takes over (FLIST_FALLBACK);
#   - a misaligned buffer every third post and an unbind after a list's fifth run: the bad
#     ones come back by error completions, the unbound lists' buffers not taken come back;
#   - header stripping (--reasm strip) with lists kept full (no stall, heavy stall), with one
#     buffer a list (runs in list buffers and ring 3 pages side by side) and with misaligned
#     buffers and unbinds as above: the host checks each run's buffer against the capture's
#     payloads, and with no stall the host's stream view (--streams) must be the one without
#     stripping (skipped if either run dropped a frame: the views differ by those).
# FLIST_ALL=1 (make test-full) runs every case on a second capture with IPv6 and VLAN tags too.
# SEED=N fixes the PRNG seed of the lockstep runs.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
make -s build/bin/nicrx-sim build/bin/nicrx-gen build/microcode/session.bin >/dev/null 2>&1 ||
    { echo "not ok flist-build: make nicrx-sim, nicrx-gen and session.bin failed"; exit 1; }
seed=${SEED:-20261206}
prog=build/microcode/session.bin
out=build/tests/flist
rm -rf "$out"; mkdir -p "$out"
caps=$out/iscsi.pcap
build/bin/nicrx-gen --mode tcp --count 1500 --flows 6 --seed 41 --pay 800-1448 --psh 2 --acks 20 --life 300-600 \
    --port 3260:50 -o "$out/iscsi.pcap" >/dev/null || echo "not ok flist-gen: nicrx-gen failed"
if [ "${FLIST_ALL:-0}" = 1 ]; then
    build/bin/nicrx-gen --mode tcp --count 4000 --flows 12 --seed 7 --ipv6 30 --vlan 20 --pay 200-1448 --psh 5 \
        --reorder 2 --port 3260:40 -o "$out/iscsi-mixed.pcap" >/dev/null || echo "not ok flist-gen-mixed: nicrx-gen failed"
    caps="$caps $out/iscsi-mixed.pcap"
fi

# NAME STALL FLIST REASM CHECK...: one lockstep run, its stream view in $out/NAME; each
# CHECK "field>0" on the summary's flist line
run() {
    local name=$1 stall=$2 fl=$3 reasm=$4 log rc line bad=""
    shift 4
    log=$(build/bin/nicrx-sim --summary --seed "$seed" --stall "$stall" --program "$prog" --flist "$fl" \
          --reasm "$reasm" --streams "$out/$name" "$c" 2>&1); rc=$?
    echo "$log" > "$out/$name.log"
    line=$(grep -m1 '^  flist' <<<"$log")
    if [ $rc -ne 0 ]; then
        echo "not ok $name: exit $rc: $(sim_reason "$log")"; return
    fi
    for chk in "$@"; do
        # "N runs in list buffers", "N ring 3 pages taken ...", "N misaligned ...", "N lists unbound", "N buffers back ..."
        v=$(sed -n "s/.* \([0-9][0-9]*\) $chk.*/\1/p" <<<"$line")
        [ -n "$v" ] && [ "$v" -gt 0 ] || bad="$bad '$chk' is ${v:-missing};"
    done
    if [ -n "$bad" ]; then echo "not ok $name:$bad ($line)"; else echo "ok $name # ${line#  flist       }"; fi
}
# NAME A B: the stream views of runs A and B are the same (both passed, neither dropped a frame)
same_view() {
    local name=$1 a=$2 b=$3 da db
    da=$(sed -n 's/^  traffic .* \([0-9][0-9]*\) dropped.*/\1/p' "$out/$a.log")
    db=$(sed -n 's/^  traffic .* \([0-9][0-9]*\) dropped.*/\1/p' "$out/$b.log")
    if [ ! -d "$out/$a" ] || [ ! -d "$out/$b" ] || [ -z "$da" ] || [ -z "$db" ]; then
        echo "not ok $name: no stream view or summary of $a and $b"
    elif [ "$da" != 0 ] || [ "$db" != 0 ]; then
        echo "ok $name # SKIP frames dropped: $da in $a, $db in $b"
    elif diff -r "$out/$a" "$out/$b" >/dev/null; then
        echo "ok $name # $(ls "$out/$a" | grep -c '\.bin$') streams"
    else
        echo "not ok $name: the stream views of $a and $b differ"
    fi
}
for c in $caps; do
    b=$(basename "$c" .pcap)
    run "flist-full-none-$b" none 3260 on "runs in list buffers" &
    run "flist-full-heavy-$b" heavy 3260 on "runs in list buffers"
    wait
    run "flist-empty-none-$b" none 3260:1 on "runs in list buffers" "ring 3 pages taken" &
    run "flist-bad-unbind-$b" none 3260:4:3:5 on "runs in list buffers" "misaligned list buffers" "lists unbound" \
        "buffers back by an unbind"
    wait
    run "flist-strip-none-$b" none 3260 strip "runs in list buffers" &
    run "flist-strip-heavy-$b" heavy 3260 strip "runs in list buffers"
    wait
    run "flist-strip-empty-$b" none 3260:1 strip "runs in list buffers" "ring 3 pages taken" &
    run "flist-strip-bad-unbind-$b" none 3260:4:3:5 strip "runs in list buffers" "misaligned list buffers" \
        "lists unbound" "buffers back by an unbind"
    wait
    same_view "flist-strip-view-$b" "flist-full-none-$b" "flist-strip-none-$b"
done
