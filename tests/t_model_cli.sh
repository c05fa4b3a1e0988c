#!/usr/bin/env bash
# nicrx-model: one well-formed JSON object per frame, in frame order, with the
# documented keys; --summary prints the report.  (tshark comparison: later.)
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/tests/jsonl_check >/dev/null 2>&1 || { echo "not ok model-cli-build: make failed"; exit 1; }
keys="i len verdict reason l3 src dst proto sport dport vlan l3_off l4_off queue buffer"
P=../shared/pcaps
for f in captures/default.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/dhcpv6-domain-list.pcap \
         $(ls $P/tcpdump/*.pcap | awk 'NR % 40 == 3') $(ls $P/suricata-verify/*.pcap | awk 'NR % 80 == 5'); do
    name="model-cli-$(basename "$f")"
    frames=$(tshark -r "$f" -T fields -e frame.number 2>/dev/null | wc -l)
    out=$(build/bin/nicrx-model --seed 1 "$f" 2>"build/tests/model_cli.err"); rc=$?
    if [ $rc -ne 0 ]; then echo "not ok $name: exit $rc: $(head -1 build/tests/model_cli.err)"; continue; fi
    chk=$(build/tests/jsonl_check $keys <<<"$out"); crc=$?
    lines=$(wc -l <<<"$out")
    if [ $crc -ne 0 ]; then echo "not ok $name: $chk"
    elif [ "$frames" -gt 0 ] && [ "$lines" -ne "$frames" ]; then echo "not ok $name: $lines lines, tshark counts $frames frames"
    else echo "ok $name # $lines frames"; fi
done
sum=$(build/bin/nicrx-model --summary --seed 1 captures/default.pcap 2>&1)
if grep -q '^  frames in ' <<<"$sum" && grep -q 'all end checks passed' <<<"$sum" && ! grep -q '^{' <<<"$sum"; then
    echo "ok model-cli-summary"
else
    echo "not ok model-cli-summary: $(tail -1 <<<"$sum")"
fi
# every value is consistent with its verdict
bad=$(build/bin/nicrx-model --seed 1 captures/default.pcap | grep -c '"verdict":"dropped".*"buffer":[0-9]\|"verdict":"delivered","reason":"')
[ "$bad" -eq 0 ] && echo "ok model-cli-verdicts" || echo "not ok model-cli-verdicts: $bad inconsistent lines"
