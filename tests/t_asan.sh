#!/usr/bin/env bash
# The model and the harness (nicrx-model) built with AddressSanitizer and
# UBSan, run on a handful of captures with both host profiles (host never stalling: the
# TCP stream view written too, --streams; heavy stalls: re-assembly on, --reasm on), its traced functional parse (--parse-only --trace-parser) and its fast mode, and a reset under traffic (--reset-at): must be clean.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model-asan >/dev/null 2>&1 || { echo "not ok asan-build: make build/bin/nicrx-model-asan failed"; exit 1; }
P=../shared/pcaps
caps="captures/default.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/bigtcp-ipv6.pcap $P/tcpdump/icmp6_mobileprefix_asan.pcap
      $P/tcpdump/ldp-common-session.pcap $P/tcpdump/dns_tcp.pcap"
# a few TCP-heavy suricata captures
caps="$caps $(ls $P/suricata-verify/*.pcap 2>/dev/null | head -300 | awk 'NR % 100 == 1')"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for f in $caps; do
    [ -f "$f" ] || continue
    for prof in none heavy; do
        name="asan-$prof-$(basename "$f")"
        # host never stalling: the stream view written too; heavy stalls: re-assembly on (merged
        # frames, run records and the host's checks of them)
        rm -rf build/tests/asan-streams; st=(--reasm on); [ "$prof" = none ] && st=(--streams build/tests/asan-streams)
        out=$(build/bin/nicrx-model-asan --seed 5 --stall "$prof" "${st[@]}" "$f" 2>&1 >/dev/null); rc=$?
        if [ $rc -eq 0 ] && [ -z "$out" ]; then echo "ok $name"
        else echo "not ok $name: exit $rc: $(grep -m1 'ERROR\|runtime error\|^nicrx' <<<"$out")"; fi
    done
done
# a reset under traffic and the bring-up after it (--reset-at), through the sanitizers
for at in 300 1500; do
    out=$(build/bin/nicrx-model-asan --seed 5 --stall heavy --reset-at $at captures/default.pcap 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then echo "ok asan-reset-at$at"
    else echo "not ok asan-reset-at$at: exit $rc: $(grep -m1 'ERROR\|runtime error\|^nicrx' <<<"$out")"; fi
done
# the functional parse, traced, through the sanitizers
for f in captures/default.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/icmp6_mobileprefix_asan.pcap; do
    name="asan-trace-$(basename "$f")"
    out=$(build/bin/nicrx-model-asan --parse-only --trace-parser "$f" 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then echo "ok $name"
    else echo "not ok $name: exit $rc: $(grep -m1 'ERROR\|runtime error\|^nicrx' <<<"$out")"; fi
done
# the fast model through the sanitizers
for f in $caps; do
    [ -f "$f" ] || continue
    name="asan-fast-$(basename "$f")"
    out=$(build/bin/nicrx-model-asan --fast "$f" 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then echo "ok $name"
    else echo "not ok $name: exit $rc: $(grep -m1 'ERROR\|runtime error\|^nicrx' <<<"$out")"; fi
done
# bad input through the sanitizers too
for f in build/tests/none.pcap /etc/hostname; do
    out=$(build/bin/nicrx-model-asan "$f" 2>&1); rc=$?
    if [ $rc -eq 2 ] && [ "$(wc -l <<<"$out")" -eq 1 ]; then echo "ok asan-badinput-$(basename "$f")"
    else echo "not ok asan-badinput-$(basename "$f"): exit $rc: $(head -1 <<<"$out")"; fi
done
# the model's unit tests through the sanitizers
make -s unit-asan >/dev/null 2>&1 || { echo "not ok asan-unit-build: make unit-asan failed"; exit 1; }
for t in build/tests/unit-asan/test_*; do
    out=$("$t" 2>&1); rc=$?
    if [ $rc -eq 0 ] && ! grep -q '^not ok\|ERROR: \|runtime error' <<<"$out"; then echo "ok asan-unit-$(basename "$t") # $(grep -c '^ok' <<<"$out") checks"
    else echo "not ok asan-unit-$(basename "$t"): exit $rc: $(grep -m1 '^not ok\|ERROR\|runtime error' <<<"$out")"; fi
done
