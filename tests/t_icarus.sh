#!/usr/bin/env bash
# Smoke run of the same harness under Icarus Verilog 11 (VPI): lockstep on the
# default capture, both host profiles.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-sim-icarus >/dev/null 2>&1 || { echo "not ok icarus-build: make build/bin/nicrx-sim-icarus failed"; exit 1; }
pcap=${PCAP:-captures/default.pcap}
for prof in none heavy; do
    log=$(build/bin/nicrx-sim-icarus --summary --seed 7 --stall "$prof" "$pcap" 2>&1); rc=$?
    if [ $rc -eq 0 ] && grep -q '^PASS: RTL and model agree on all [0-9]* cycles' <<<"$log"; then
        echo "ok icarus-$prof # $(grep '^PASS' <<<"$log")"
    else
        echo "not ok icarus-$prof: exit $rc: $(grep -m1 '^nicrx-[a-z0-9-]*: \|^FAIL' <<<"$log")"
    fi
done
