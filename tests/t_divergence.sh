#!/usr/bin/env bash
# The divergence path itself: NICRX_INJECT_DIVERGENCE=N makes the harness see a
# wrong model value at cycle N; the run must stop there with one line naming
# the cycle, frame, signal, expected and actual value, and exit 1.
# NICRX_INJECT_HV=N corrupts frame N's header vector (sport) on its way to the
# harness's check against nicrx_parse(): the run must fail naming that frame.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-sim build/bin/nicrx-sim-icarus build/bin/nicrx-model >/dev/null 2>&1 || { echo "not ok divergence-build: make failed"; exit 1; }
for sim in nicrx-sim nicrx-sim-icarus; do
    err=$(NICRX_INJECT_DIVERGENCE=3000 build/bin/$sim --seed 1 captures/default.pcap 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 1 ] && grep -q '^nicrx-[a-z0-9-]*: captures/default.pcap: cycle 3000, frame [0-9]*: DIVERGENCE on [a-z_]*: model 0x[0-9a-f]*, RTL 0x[0-9a-f]*$' <<<"$err"; then
        echo "ok divergence-$sim # $err"
    else
        echo "not ok divergence-$sim: exit $rc: $err"
    fi
done
err=$(NICRX_INJECT_HV=5 build/bin/nicrx-model --summary --seed 1 captures/default.pcap 2>&1 >/dev/null); rc=$?
if [ $rc -ne 0 ] && grep -q 'frame 5: header vector differs from nicrx_parse() of its bytes on sport' <<<"$err"; then
    echo "ok divergence-header-vector # $(head -1 <<<"$err")"
else
    echo "not ok divergence-header-vector: exit $rc: $(head -1 <<<"$err")"
fi
# inject VAR=N NAME PATTERN: with the self-test VAR=N the run fails, model alone and in
# lockstep, with status 1 and a line naming the cycle and frame, then PATTERN.
inject() {
    local env=$1 name=$2 pat=$3 sim err rc
    for sim in nicrx-model nicrx-sim; do
        err=$(env "$env" build/bin/$sim --summary --seed 1 captures/default.pcap 2>&1 >/dev/null); rc=$?
        if [ $rc -eq 1 ] && grep -q "^nicrx-[a-z0-9-]*: captures/default.pcap: cycle [0-9]*, frame [0-9]*: $pat" <<<"$err"; then
            echo "ok divergence-$name-$sim # $(head -1 <<<"$err")"
        else
            echo "not ok divergence-$name-$sim: exit $rc: $(head -1 <<<"$err")"
        fi
    done
}
# NICRX_INJECT_OPCODE=N corrupts frame N's operation code on its way from the
# flow block's event to the harness: its checks must catch it.
inject NICRX_INJECT_OPCODE=5 opcode 'frame 5: .*(opcode [a-z_]*, event'
# NICRX_INJECT_IRQ=N makes the interrupt check expect a line at N records pending while the
# host set IRQ_COUNT 8 (and a long TIME): it must catch the missing interrupt.
err=$(NICRX_INJECT_IRQ=2 build/bin/nicrx-model --seed 1 --irq-napi --irq-count 8 --irq-time 100 captures/default.pcap 2>&1 >/dev/null); rc=$?
if [ $rc -eq 1 ] && grep -q 'interrupt [0-9] low at edge [0-9]*: unmasked with COUNT records pending' <<<"$err"; then
    echo "ok divergence-irq-check # $(head -1 <<<"$err")"
else
    echo "not ok divergence-irq-check: exit $rc: $(head -1 <<<"$err")"
fi
# NICRX_INJECT_STREAM=N takes the last byte off frame N in the capture's side of the TCP stream
# view check (docs/report.md "Streams"): the host's view must no longer match it.
inject NICRX_INJECT_STREAM=9 stream-view 'TCP stream view: direction 192\.168\.0\.2\.58321-192\.168\.0\.1\.646: '
