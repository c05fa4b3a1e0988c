#!/usr/bin/env bash
# nicrx-model: one well-formed JSON object per frame, in frame order, with the
# documented keys (also with --parse-only); --summary prints the report;
# --trace-parser prints each instruction of the chosen frames, disassembled as
# nicrx-asm -d does; bad program images, harness options (--flows, --flow-*)
# and bad --trace-parser uses give one line "nicrx-model: ..." and exit 2.
# (The field-by-field comparison with tshark is tests/t_oracle.sh.)
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/tests/jsonl_check >/dev/null 2>&1 || { echo "not ok model-cli-build: make failed"; exit 1; }
keys="i len steps parsed verdict reason l3 src dst proto sport dport vlan l3_off l4_off queue buffer xfer parts flow gen opcode op flow_event"
pkeys="i len steps l3 l4 src dst proto sport dport vlan frag seq ack tcp_flags tcp_hdr_len l4_len class parse_error truncated l3_off l4_off pay_off"
P=../shared/pcaps
for f in captures/default.pcap $P/tcpdump/802.1ad_QinQ.pcap $P/tcpdump/dhcpv6-domain-list.pcap \
         $(ls $P/tcpdump/*.pcap | awk 'NR % 40 == 3') $(ls $P/suricata-verify/*.pcap | awk 'NR % 80 == 5'); do
    name="model-cli-$(basename "$f")"
    frames=$(tshark -r "$f" -T fields -e frame.number 2>/dev/null | wc -l)
    out=$(build/bin/nicrx-model --seed 1 "$f" 2>"build/tests/model_cli.err"); rc=$?
    if [ $rc -ne 0 ]; then echo "not ok $name: exit $rc: $(head -1 build/tests/model_cli.err)"; continue; fi
    chk=$(build/tests/jsonl_check $keys <<<"$out"); crc=$?
    lines=$(wc -l <<<"$out")
    pout=$(build/bin/nicrx-model --parse-only "$f" 2>&1); prc=$?
    pchk=$(build/tests/jsonl_check $pkeys <<<"$pout"); pcrc=$?
    if [ $crc -ne 0 ]; then echo "not ok $name: $chk"
    elif [ $prc -ne 0 ] || [ $pcrc -ne 0 ]; then echo "not ok $name: --parse-only: exit $prc: $pchk"
    elif [ "$(wc -l <<<"$pout")" -ne "$lines" ]; then echo "not ok $name: --parse-only prints $(wc -l <<<"$pout") lines, not $lines"
    elif [ "$frames" -gt 0 ] && [ "$lines" -ne "$frames" ]; then echo "not ok $name: $lines lines, tshark counts $frames frames"
    else echo "ok $name # $lines frames"; fi
done
sum=$(build/bin/nicrx-model --summary --seed 1 captures/default.pcap 2>&1)
if grep -q '^  traffic  *[0-9]* frames in' <<<"$sum" && grep -q '^PASS' <<<"$sum" && ! grep -q '^{' <<<"$sum"; then
    echo "ok model-cli-summary"
else
    echo "not ok model-cli-summary: $(head -1 <<<"$sum")"
fi
# every value is consistent with its verdict
bad=$(build/bin/nicrx-model --seed 1 captures/default.pcap | grep -c '"verdict":"dropped".*"buffer":[0-9]\|"verdict":"delivered","reason":"')
[ "$bad" -eq 0 ] && echo "ok model-cli-verdicts" || echo "not ok model-cli-verdicts: $bad inconsistent lines"
# bad programs, program and trace options: one line "nicrx-model: ...", exit 2
mkdir -p build/tests/model_cli
printf 'x%.0s' $(seq 17) > build/tests/model_cli/odd.bin
: > build/tests/model_cli/empty.bin
head -c $((257 * 16)) /dev/zero > build/tests/model_cli/long.bin
for c in "odd:--swap-at 1 --swap-program build/tests/model_cli/odd.bin:is not a program image" \
         "empty:--swap-at 1 --swap-program build/tests/model_cli/empty.bin:empty program image" \
         "long:--swap-at 1 --swap-program build/tests/model_cli/long.bin:257 instructions, IMEM_DEPTH is 64" \
         "missing:--swap-at 1 --swap-program build/tests/model_cli/none.bin:cannot open" \
         "swap-past-end:--swap-at 999 --swap-program build/microcode/vxlan.bin:the capture has 33 frames" \
         "swap-alone:--swap-at 3:--swap-at and --swap-program go together" \
         "step-limit:--step-limit 257:--step-limit takes 1..256" \
         "flows:--flows 12:--flows takes a power of two, 8..256" \
         "flows-big:--flows 512:--flows takes a power of two, 8..256" \
         "flow-ctrl:--flow-ctrl 4:--flow-ctrl takes 0..3" \
         "flow-thresh:--flow-thresh 65536:--flow-thresh takes 0..65535" \
         "flow-tick:--flow-tick x:--flow-tick takes 0..65535" \
         "flow-age:--flow-age 4294967296:--flow-age takes 0..4294967295" \
         "flow-cmds:--flow-cmds -1:--flow-cmds takes 0..1000000" \
         "irq-count:--irq-count 65536:--irq-count takes 0..65535" \
         "irq-time:--irq-time x:--irq-time takes 0..65535" \
         "irq-tick:--irq-tick -1:--irq-tick takes 0..65535" \
         "trace-alone:--trace-parser 1:--trace-parser needs --parse-only" \
         "trace-range:--parse-only --trace-parser 5-2:--trace-parser takes frames N or N-M" \
         "trace-list:--parse-only --trace-parser 1,,2:--trace-parser takes frames N or N-M" \
         "trace-past-end:--parse-only --trace-parser 3,33:--trace-parser: frame 33 is not in captures/default.pcap (33 frames"; do
    IFS=: read -r n opts want <<<"$c"
    err=$(build/bin/nicrx-model $opts captures/default.pcap 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 2 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "^nicrx-model: .*$want" <<<"$err"; then
        echo "ok model-cli-badprog-$n # $err"
    else
        echo "not ok model-cli-badprog-$n: exit $rc: $err"
    fi
done
# --trace-parser: one line per instruction executed ("steps" of the frame's JSON
# line), the last one ending the frame, the disassembly that of nicrx-asm -d,
# and the JSON lines the same as without tracing
make -s build/bin/nicrx-asm build/microcode/default.bin >/dev/null 2>&1
T=build/tests/model_cli
build/bin/nicrx-model --parse-only captures/default.pcap > $T/plain.jsonl
build/bin/nicrx-model --parse-only --trace-parser 0,2-3,30 captures/default.pcap > $T/trace.txt; rc=$?
build/bin/nicrx-asm -d build/microcode/default.bin | sed -n 's/^    \(.*\)  # \([0-9]*\)$/\2\t\1/p' > $T/dis.tsv
why=$(awk -F'\t' 'NR == FNR { dis[$1] = $2; next }
    /^\{/ { n = $0; sub(/.*"steps":/, "", n); n += 0; i = $0; sub(/^\{"i":/, "", i); i += 0
            if (i in lines && lines[i] != n) { print "frame " i ": " lines[i] " trace lines, steps " n; exit }
            if (i in lines && !last_end) { print "frame " i ": the last trace line does not end it"; exit }
            traced += (i in lines); next }
    { split($0, w, " "); f = w[2]; lines[f]++; pc = w[6]; sub(/:$/, "", pc); d = $0; sub(/^[^:]*: /, "", d); sub(/ \| .*/, "", d)
      if (d != dis[pc]) { print "pc " pc ": trace says \"" d "\", nicrx-asm -d \"" dis[pc] "\""; exit }
      last_end = $0 ~ /; end$/ }
    END { if (traced != 4) print traced " frames traced, want 4" }' $T/dis.tsv $T/trace.txt)
if [ $rc -ne 0 ]; then echo "not ok model-cli-trace: exit $rc"
elif [ -n "$why" ]; then echo "not ok model-cli-trace: $why"
elif ! cmp -s <(grep '^{' $T/trace.txt) $T/plain.jsonl; then echo "not ok model-cli-trace: the JSON lines differ from an untraced run"
else echo "ok model-cli-trace # $(grep -vc '^{' $T/trace.txt) instructions in 4 frames"; fi
all=$(build/bin/nicrx-model --parse-only --trace-parser captures/default.pcap | grep -vc '^{')
sum=$(awk '{ sub(/.*"steps":/, ""); s += $0 } END { print s }' $T/plain.jsonl)
[ "$all" -eq "$sum" ] && echo "ok model-cli-trace-all # $all instructions" ||
    echo "not ok model-cli-trace-all: $all trace lines, the frames' steps add up to $sum"
# a swap in the model alone: the report names where the new program took over
make -s build/microcode/vxlan.bin >/dev/null 2>&1
sw=$(build/bin/nicrx-model --summary --seed 1 --swap-at 10 --swap-program build/microcode/vxlan.bin \
     --step-limit 40 captures/default.pcap 2>&1)
if grep -q '^  swap  *to build/microcode/vxlan.bin' <<<"$sw" && grep -q 'step limit 40' <<<"$sw" &&
   grep -q '^PASS' <<<"$sw"; then
    echo "ok model-cli-swap"
else
    echo "not ok model-cli-swap: $(head -1 <<<"$sw")"
fi
# the flow options in the model alone: FLOWS 8, every register written, host commands
fl=$(build/bin/nicrx-model --summary --seed 1 --flows 8 --flow-ctrl 3 --flow-thresh 100 --flow-tick 0 --flow-age 5000 \
     --flow-cmds 10 captures/default.pcap 2>&1)
if grep -q 'FLOWS 8,' <<<"$fl" && grep -q '^  flow cmds ' <<<"$fl" && grep -q '^PASS' <<<"$fl"; then
    echo "ok model-cli-flow-options"
else
    echo "not ok model-cli-flow-options: $(head -1 <<<"$fl")"
fi
