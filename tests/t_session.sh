#!/usr/bin/env bash
# The session program (microcode/session.nasm, docs/microcode.md "Shipped programs"): TCP from
# or to iSCSI's port (3260) or NFS's (2049) sets the `session` class bit, on the shared
# captures that carry NFS over TCP and on a nicrx-gen capture whose connections are iSCSI's
# in part (--port 3260:40, IPv6 and VLAN tags mixed in):
#   - RTL and model in lockstep with the program loaded (the generated capture with the host
#     stalling heavily too);
#   - against tshark, frame by frame: the model sets `session` exactly on the frames tshark
#     dissects as TCP directly over IP (not fragmented) from or to one of the two ports, and
#     there are such frames in every capture;
#   - the default program sets `session` on no frame of the generated capture.
# SEED=N fixes the PRNG seed of the lockstep runs.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
make -s build/bin/nicrx-sim build/bin/nicrx-model build/bin/nicrx-gen build/microcode/session.bin >/dev/null 2>&1 ||
    { echo "not ok session-build: make nicrx-sim, nicrx-model, nicrx-gen and session.bin failed"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
seed=${SEED:-20261206}
prog=build/microcode/session.bin
out=build/tests/session
rm -rf "$out"; mkdir -p "$out"
gen=$out/gen-iscsi.pcap
build/bin/nicrx-gen --mode tcp --count 1200 --flows 24 --seed 29 --ipv6 30 --vlan 20 --pay 1-600 \
    --port 3260:40 -o "$gen" >/dev/null || echo "not ok session-gen: nicrx-gen failed"
# the shared captures with NFS over TCP (the others with port 2049 carry it over UDP)
caps="$dir/suricata-verify/tests_nfs3-readdirplus_input.pcap $dir/suricata-verify/tests_nfs4-01_input.pcap
      $dir/tcpdump/unaligned-nfs-1.pcap $gen"

for c in $caps "heavy $gen"; do
    stall=none; [ "${c%% *}" = heavy ] && { stall=heavy; c=${c#heavy }; }
    name="session-lockstep-$stall-$(basename "$c")"
    log=$(build/bin/nicrx-sim --summary --seed "$seed" --stall "$stall" --program "$prog" "$c" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then echo "ok $name"; else echo "not ok $name: exit $rc: $(sim_reason "$log")"; fi
done

for c in $caps; do
    name="session-tshark-$(basename "$c")"
    b=$out/$(basename "$c")
    tshark -r "$c" -o ip.defragment:FALSE -o ipv6.defragment:FALSE -o tcp.desegment_tcp_streams:FALSE \
        -T fields -E separator=/t -E occurrence=f -e frame.protocols -e tcp.srcport -e tcp.dstport \
        -e ip.flags.mf -e ip.frag_offset 2>/dev/null |
        awk -F'\t' '{ tcp = $1 ~ /^eth:ethertype:(vlan:ethertype:)*(ip|ipv6):tcp(:|$)/ && $4 != "1" && $4 != "True" && ($5 == "" || $5 == "0")
                      s = tcp && ($2 == 3260 || $2 == 2049 || $3 == 3260 || $3 == 2049); print s + 0 }' > "$b.tshark"
    build/bin/nicrx-model --seed 1 --program "$prog" "$c" 2>/dev/null |
        jq -r 'if (.class // []) | index("session") then 1 else 0 end' > "$b.model"
    n=$(wc -l < "$b.tshark"); s=$(grep -c 1 "$b.tshark")
    if [ "$n" -eq 0 ] || [ "$n" -ne "$(wc -l < "$b.model")" ]; then
        echo "not ok $name: tshark gives $n frames, the model $(wc -l < "$b.model")"
    elif [ "$s" -eq 0 ]; then
        echo "not ok $name: no frame of the capture is TCP from or to port 3260 or 2049"
    elif d=$(paste "$b.tshark" "$b.model" | awk -F'\t' '$1 != $2 { printf " %d(tshark %d)", NR, $1; if (++k == 5) exit }'); [ -n "$d" ]; then
        echo "not ok $name: session differs at frame(s)$d"
    else
        echo "ok $name # $s of $n frames session"
    fi
done

n=$(build/bin/nicrx-model --seed 1 "$gen" 2>/dev/null | grep -c '"session"')
[ "$n" -eq 0 ] && echo "ok session-default-program # the default program sets session on no frame" ||
    echo "not ok session-default-program: the default program set session on $n frames"
