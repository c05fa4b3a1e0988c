#!/usr/bin/env bash
# nicrx-gen: bench mode unchanged, seeds reproducible, bad options refused, TCP
# mode fast with 10,000 flows, and tshark's view of TCP-mode captures agreeing
# with the options (no malformed frames or expert errors, checksums right, one
# conversation per connection started, SYN/FIN/RST counts, reordering, loss
# and retransmissions exactly when asked for, IPv6 and VLAN fractions as asked;
# with --encap, the encapsulation in the frames the summary counts).
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-gen >/dev/null 2>&1 || { echo "not ok gen-build: make build/bin/nicrx-gen failed"; exit 1; }
command -v tshark >/dev/null && command -v capinfos >/dev/null || { echo "not ok gen: tshark and capinfos are needed (scripts/setup.sh installs them)"; exit 1; }
G=build/bin/nicrx-gen
d=build/gen-test
rm -rf "$d"; mkdir -p "$d"
check() { if [ "$2" = 1 ]; then echo "ok $1"; else echo "not ok $1: $3"; fi; }

# Bench mode writes what it wrote before TCP mode existed (make bench's numbers).
$G -o "$d/b1.pcap" && $G --kind tcp6ext --size 200 --count 500 --flows 7 --seed 5 -o "$d/b2.pcap"
sums=$(md5sum < "$d/b1.pcap" | cut -c1-32),$(md5sum < "$d/b2.pcap" | cut -c1-32)
check gen-bench-stable "$([ "$sums" = d0ef708c8fd87205c0c8345c29662e27,ea1bd1aeabc402eb366bdb34d75955d6 ] && echo 1)" "md5 $sums"

opts=(--mode tcp --count 20000 --flows 100 --data both --ipv6 30 --vlan 20 --reorder 3 --loss 2 --retrans 2 --small 5)
$G "${opts[@]}" --seed 7 -o "$d/s7a.pcap" && $G "${opts[@]}" --seed 7 -o "$d/s7b.pcap" && $G "${opts[@]}" --seed 8 -o "$d/s8.pcap"
check gen-seed-same "$(cmp -s "$d/s7a.pcap" "$d/s7b.pcap" && echo 1)" "seed 7 twice gave different files"
check gen-seed-differs "$(cmp -s "$d/s7a.pcap" "$d/s8.pcap" || echo 1)" "seeds 7 and 8 gave the same file"

# Bad options: exit status 2 and a reason on stderr, no capture written.
bad=0
while read -r args; do
    # shellcheck disable=SC2086
    $G $args -o "$d/bad.pcap" > /dev/null 2> "$d/bad.err"; rc=$?
    if [ "$rc" -ne 2 ] || ! grep -q '^nicrx-gen: ' "$d/bad.err" || [ -e "$d/bad.pcap" ]; then
        echo "# accepted or unclear: nicrx-gen $args (exit $rc)"; bad=1
    fi
    rm -f "$d/bad.pcap"
done <<'EOF'
--bogus 1
--count 0
--count 12x
--mode udp
--mode tcp --kind tcp6
--mode tcp --size 100
--ipv6 10
--mode tcp --ipv6 101
--mode tcp --pay 100-50
--mode tcp --pay 0-50
--mode tcp --pay 10-9001
--mode tcp --reorder 5:3-1
--mode tcp --reorder 5:0
--mode tcp --retrans -1
--mode tcp --loss 51
--mode tcp --life 0-10
--mode tcp --data sideways
--pay-bytes seq
--mode tcp --pay-bytes sometimes
--mode tcp --interleave some
--kind tcp4 --size 20
--mode tcp --count
--encap gre
--mode tcp --encap vxlan
--mode tcp --encap gre:101
--mode tcp --encap mpls:
--lie 101
--lie 10 --kind udp4
--mode tcp --lie 10
EOF
$G --mode tcp > /dev/null 2>&1; [ $? -eq 2 ] || { echo "# accepted: no -o"; bad=1; }
check gen-bad-options "$([ $bad = 0 ] && echo 1)" "see the lines above"

# 10,000 concurrent connections, a million frames: seconds, not minutes.
start=$(date +%s%N)
$G --mode tcp --count 1000000 --flows 10000 --seed 3 --ipv6 30 --vlan 20 --reorder 2 --loss 1 --retrans 1 \
    --pay 64-256 -o "$d/big.pcap"; rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
n=$(capinfos -c -M "$d/big.pcap" 2>/dev/null | sed -n "s/^Number of packets: *//p")
rm -f "$d/big.pcap"
check gen-million "$([ $rc = 0 ] && [ "$n" = 1000000 ] && [ $ms -lt 30000 ] && echo 1)" "exit $rc, $n frames, $ms ms"
echo "# 1,000,000 frames, 10,000 flows: $ms ms"

# tshark's view of a capture: per frame (tab-separated) stream, IPv6?, VLAN?,
# the analysis flags, malformed, expert severities (a bad IPv4 or TCP checksum
# is an error), SYN ACK FIN RST; then the conversations.
view() {
    tshark -r "$1" -n -o tcp.desegment_tcp_streams:FALSE -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE \
        -T fields -e tcp.stream -e ipv6.src -e vlan.id \
        -e tcp.analysis.out_of_order -e tcp.analysis.retransmission -e tcp.analysis.lost_segment \
        -e _ws.malformed -e _ws.expert.severity -e tcp.flags.syn -e tcp.flags.ack -e tcp.flags.fin -e tcp.flags.reset \
        -z conv,tcp 2>/dev/null |
    awk -F'\t' '
        NF > 1 { frames++; s[$1] = 1; if ($2 != "") v6[$1] = 1; if ($3 != "") vl[$1] = 1
                 ooo += $4 != ""; re += $5 != ""; lost += $6 != ""
                 if ($7 != "" || $8 ~ /8388608/) err++
                 syn += $9 == 1 && $10 == 0; fin += $11 == 1; rst += $12 == 1 }
        NF == 1 && / <-> / { conv++ }
        END { printf "frames %d conv %d streams %d v6 %d vlan %d syn %d fin %d rst %d ooo %d retrans %d lost %d errors %d\n",
                     frames, conv, length(s), length(v6), length(vl), syn, fin, rst, ooo, re, lost, err }'
}
val() { sed -n "s/.*\b$1 \([0-9]*\).*/\1/p" <<<"$2"; }
# $1 name, $2 expect impairments (1/0), then nicrx-gen options.
tcase() {
    local name=$1 imp=$2; shift 2
    local sum t why=""
    sum=$($G --mode tcp --summary "$@" -o "$d/$name.pcap") || { echo "not ok gen-$name: nicrx-gen failed"; return; }
    t=$(view "$d/$name.pcap")
    echo "# $name: gen: $sum"
    echo "# $name: tshark: $t"
    [ "$(val frames "$t")" = "$(val frames "$sum")" ] || why+=" frame count;"
    [ "$(val errors "$t")" = 0 ] || why+=" malformed or expert errors;"
    [ "$(val conv "$t")" = "$(val connections "$sum")" ] || why+=" conversations != connections;"
    [ "$(val streams "$t")" = "$(val connections "$sum")" ] || why+=" streams != connections;"
    [ "$(val v6 "$t")" = "$(val ipv6 "$sum")" ] || why+=" IPv6 connections;"
    [ "$(val vlan "$t")" = "$(val vlan "$sum")" ] || why+=" VLAN connections;"
    for k in syn fin rst; do [ "$(val $k "$t")" = "$(val $k "$sum")" ] || why+=" $k frames;"; done
    if [ "$imp" = 1 ]; then
        for k in ooo retrans lost; do [ "$(val $k "$t")" -gt 0 ] || why+=" no $k;"; done
    else
        for k in ooo retrans lost; do [ "$(val $k "$t")" = 0 ] || why+=" $k without impairments;"; done
    fi
    check "gen-$name" "$([ -z "$why" ] && echo 1)" "${why# }"
}
tcase clean 0 --count 20000 --flows 100 --seed 11 --data both --ipv6 30 --vlan 20 --small 5 --ts 100 --ts-change 30
tcase impaired 1 "${opts[@]:2}" --seed 12
tcase fwd-rr 1 --count 30000 --flows 300 --seed 13 --interleave rr --reorder 2:2-6 --retrans 1 --loss 1 --rst 50 --handshake 80
tcase flows10k 0 --count 60000 --flows 10000 --seed 14 --pay 64-128 --ipv6 50 --vlan 50

# --encap: tshark finds the encapsulation in as many frames as the summary counts,
# the inner TCP connections as many as were started, and nothing malformed, no
# expert error (checksums of IPv4, TCP, UDP and GRE right).
for k in gre:gre geneve:geneve mpls:mpls pppoe:pppoes; do
    sum=$($G --mode tcp --summary --count 3000 --flows 40 --seed 16 --ipv6 30 --vlan 20 --encap "${k%%:*}:80" \
          -o "$d/encap.pcap") || { echo "not ok gen-encap-${k%%:*}: nicrx-gen failed"; continue; }
    t=$(tshark -r "$d/encap.pcap" -n -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE \
            -T fields -e "${k#*:}" -e tcp.stream -e _ws.malformed -e _ws.expert.severity 2>/dev/null |
        awk -F'\t' '{ n++; e += $1 != ""; s[$2] = 1; err += $3 != "" || $4 ~ /8388608/ }
                    END { printf "frames %d encapsulated %d streams %d errors %d\n", n, e, length(s), err }')
    why=""
    [ "$(val frames "$t")" = "$(val frames "$sum")" ] || why+=" frame count;"
    [ "$(val encapsulated "$t")" = "$(val encapsulated "$sum")" ] && [ "$(val encapsulated "$t")" -gt 0 ] || why+=" encapsulated frames;"
    [ "$(val streams "$t")" = "$(val connections "$sum")" ] || why+=" streams != connections;"
    [ "$(val errors "$t")" = 0 ] || why+=" malformed or expert errors;"
    check "gen-encap-${k%%:*}" "$([ -z "$why" ] && echo 1)" "${why# } (gen: $sum; tshark: $t)"
done

# The fractions asked for are roughly what comes out (summary counts were
# checked against tshark above).
s=$($G --mode tcp --summary --count 40000 --flows 2000 --seed 15 --ipv6 30 --vlan 20 --life 5-10 -o "$d/frac.pcap")
frac=$(awk -v s="$s" 'BEGIN { n = split(s, a, " "); for (i = 1; i < n; i += 2) v[a[i]] = a[i + 1]
    p6 = 100 * v["ipv6"] / v["connections"]; pv = 100 * v["vlan"] / v["connections"]
    printf "%d %.1f %.1f", (p6 > 25 && p6 < 35 && pv > 15 && pv < 25), p6, pv }')
check gen-fractions "${frac%% *}" "IPv6 ${frac#* } % and VLAN % of $s"
rm -rf "$d"
