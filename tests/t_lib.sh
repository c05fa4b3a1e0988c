#!/usr/bin/env bash
# libnicrx (the model and the host driver).  build/include offers each public header of
# cmodel/ and host/, which compiles on its own, and none of the private ones.
# examples/rx_host, a driver loop on libnicrx built against the public headers alone, brings
# the device up, takes its interrupts NAPI style, serves its AXI4 master and finds every
# frame of a capture delivered with its bytes or dropped, with the counters agreeing (exit 0).
set -u
cd "$(dirname "$0")/.."
make -s build/examples/rx_host >/dev/null 2>&1 || { echo "not ok lib-build: make build/examples/rx_host failed"; exit 1; }
public=" nicrx_model.h nicrx_hw.h nicrx_regs.h nicrx_isa.h nicrx_drv.h "
for f in cmodel/*.h host/*.h; do
    h=$(basename "$f")
    err=$(printf '#include "%s"\n' "$h" | ${CC:-cc} -std=c11 -Wall -Wextra -Werror -fsyntax-only -Ibuild/include -x c - 2>&1)
    rc=$?
    if [[ "$public" == *" $h "* ]]; then
        [ $rc -eq 0 ] && echo "ok lib-public-$h" || echo "not ok lib-public-$h: $(head -1 <<<"$err")"
    else
        [ $rc -ne 0 ] && echo "ok lib-private-$h # not found" || echo "not ok lib-private-$h: found through build/include"
    fi
done
P=../shared/pcaps
# default.pcap has runts and an oversize frame, of10_s4810 a pktmem_full drop, the rfb
# capture 4763 frames (every buffer reposted many times)
runs=""
for f in captures/default.pcap $P/tcpdump/of10_s4810.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/bigtcp-ipv6.pcap \
         $P/tcpdump/dns_tcp.pcap $P/suricata-verify/tests_rfb-protocol-3.3_06-vnc-Password-3.3.pcap \
         $(ls $P/suricata-verify/*.pcap 2>/dev/null | awk 'NR % 60 == 1'); do
    [ -f "$f" ] || continue
    name="lib-rx_host-$(basename "$f")"
    out=$(build/examples/rx_host "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then echo "ok $name # ${out#*: *: }"; else echo "not ok $name: exit $rc: $out"; fi
    runs="$runs$out"$'\n'
done
missing=""
for r in runt oversize pktmem_full; do grep -qE "(\(|, )$r [0-9]" <<<"$runs" || missing="$missing $r"; done
[ -z "$missing" ] && echo "ok lib-rx_host-drops # runt, oversize and pktmem_full drops checked" ||
    echo "not ok lib-rx_host-drops: no run dropped for:$missing"
out=$(build/examples/rx_host /etc/hostname 2>&1); rc=$?
[ $rc -eq 2 ] && echo "ok lib-rx_host-badinput # $out" || echo "not ok lib-rx_host-badinput: exit $rc: $out"
# nicrx_drv_run_header on every run the harness's host takes (--runs-pcap), tshark the judge:
# one rebuilt segment a run, every IPv4 header and TCP checksum good, the segments' payload
# bytes the bytes the model merged (its frames' ring-3 parts), the same segments with and
# without header stripping.  Bulk TCP over IPv4, IPv6 and 802.1Q, with PSH, and a shared capture;
# runs capped at 65,000 bytes (REASM_MAX_BYTES) so each fits one IP packet with its headers.
T=build/tests/lib; mkdir -p "$T"
build/bin/nicrx-gen --mode tcp --flows 6 --count 1500 --pay 200-1460 --life 0 --psh 5 --ipv6 40 --vlan 30 --seed 11 \
    -o "$T/bulk.pcap"
for f in "$T/bulk.pcap" $P/suricata-verify/tests_http2-bugfixes_input.pcap; do
    [ -f "$f" ] || { echo "not ok lib-run-header-$(basename "$f"): missing"; continue; }
    name="lib-run-header-$(basename "$f")"; why=""
    for m in on strip; do
        build/bin/nicrx-model --seed 1 --reasm $m --reasm-max-bytes 65000 --runs-pcap "$T/runs-$m.pcap" "$f" > "$T/frames-$m.jsonl" ||
            { why="$why nicrx-model --reasm $m failed"; continue; }
        runs=$(build/bin/nicrx-model --seed 1 --reasm $m --reasm-max-bytes 65000 --json-summary "$f" | jq .reasm.runs)
        merged=$(jq -r '[.parts[]? | select(.ring == 3) | .len] | add // 0' "$T/frames-$m.jsonl" | awk '{ s += $1 } END { print s + 0 }')
        tshark -r "$T/runs-$m.pcap" -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -T fields \
            -e ip.checksum.status -e tcp.checksum.status -e tcp.len -e tcp.seq_raw -e tcp.flags 2>/dev/null > "$T/runs-$m.txt"
        read -r n bad bytes < <(awk -F'\t' '{ n++; b += $3; if (($1 != "" && $1 != 1) || $2 != 1) bad++ } END { print n + 0, bad + 0, b + 0 }' "$T/runs-$m.txt")
        [ "$n" = "$runs" ] && [ "$n" -gt 0 ] && [ "$bad" = 0 ] || why="$why $m: $n segments for $runs runs, $bad bad checksums;"
        # stripped: a merged frame's part is in its first frame's record only
        [ $m = strip ] || [ "$bytes" = "$merged" ] || why="$why $m: $bytes payload bytes, the model merged $merged;"
    done
    [ -z "$why" ] && cmp -s <(sort "$T/runs-on.txt") <(sort "$T/runs-strip.txt") || why="$why the segments differ with stripping"
    [ -z "$why" ] && echo "ok $name # $n runs, $bytes bytes, checksums good" || echo "not ok $name:$why"
done
