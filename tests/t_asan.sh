#!/usr/bin/env bash
# The model and the harness (nicrx-model) built with AddressSanitizer and
# UBSan, run on a handful of captures with both host profiles (host never stalling: the
# TCP stream view written too, --streams; heavy stalls: re-assembly on, --reasm on), its traced functional parse (--parse-only --trace-parser) and its fast mode, and a reset under traffic (--reset-at): must be clean.
set -u
cd "$(dirname "$0")/.."
# both sanitized builds at once; then the runs two at a time (each is one process)
make -s -j2 build/bin/nicrx-model-asan unit-asan >/dev/null 2>&1 ||
    { echo "not ok asan-build: make build/bin/nicrx-model-asan unit-asan failed"; exit 1; }
P=../shared/pcaps
caps="captures/default.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/bigtcp-ipv6.pcap $P/tcpdump/icmp6_mobileprefix_asan.pcap
      $P/tcpdump/ldp-common-session.pcap $P/tcpdump/dns_tcp.pcap"
# a few TCP-heavy suricata captures
caps="$caps $(ls $P/suricata-verify/*.pcap 2>/dev/null | head -300 | awk 'NR % 100 == 1')"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
T=build/tests/asan; rm -rf "$T"; mkdir -p "$T"
# "NAME ARGS..." per run: clean when it exits 0 and says nothing on stderr
{
    for f in $caps; do
        [ -f "$f" ] || continue
        b=$(basename "$f")
        # host never stalling: the stream view written too; heavy stalls: re-assembly on (merged
        # frames, run records and the host's checks of them)
        echo "asan-none-$b --seed 5 --stall none --streams $T/streams-$b $f"
        echo "asan-heavy-$b --seed 5 --stall heavy --reasm on $f"
        echo "asan-fast-$b --fast $f"      # the fast model
    done
    # a reset under traffic and the bring-up after it (--reset-at)
    for at in 300 1500; do echo "asan-reset-at$at --seed 5 --stall heavy --reset-at $at captures/default.pcap"; done
    # the functional parse, traced
    for f in captures/default.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/icmp6_mobileprefix_asan.pcap; do
        echo "asan-trace-$(basename "$f") --parse-only --trace-parser $f"
    done
} > "$T/runs.txt"
one() {  # NAME ARGS...
    local name=$1 out rc; shift
    out=$(build/bin/nicrx-model-asan "$@" 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then echo "ok $name"
    else echo "not ok $name: exit $rc: $(grep -m1 'ERROR\|runtime error\|^nicrx' <<<"$out")"; fi > "$T/$name.verdict"
}
export -f one
export T
xargs -a "$T/runs.txt" -d '\n' -P2 -n1 bash -c 'one $0'
while read -r name _; do cat "$T/$name.verdict" 2>/dev/null || echo "not ok $name: no verdict"; done < "$T/runs.txt"
# bad input through the sanitizers too
for f in build/tests/none.pcap /etc/hostname; do
    out=$(build/bin/nicrx-model-asan "$f" 2>&1); rc=$?
    if [ $rc -eq 2 ] && [ "$(wc -l <<<"$out")" -eq 1 ]; then echo "ok asan-badinput-$(basename "$f")"
    else echo "not ok asan-badinput-$(basename "$f"): exit $rc: $(head -1 <<<"$out")"; fi
done
# the model's unit tests through the sanitizers
for t in build/tests/unit-asan/test_*; do
    out=$("$t" 2>&1); rc=$?
    if [ $rc -eq 0 ] && ! grep -q '^not ok\|ERROR: \|runtime error' <<<"$out"; then echo "ok asan-unit-$(basename "$t") # $(grep -c '^ok' <<<"$out") checks"
    else echo "not ok asan-unit-$(basename "$t"): exit $rc: $(grep -m1 '^not ok\|ERROR\|runtime error' <<<"$out")"; fi
done
