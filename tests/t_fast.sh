#!/usr/bin/env bash
# nicrx-model --fast (docs/report.md "Fast mode") against the cycle model with re-assembly
# off (the fast model's only mode, --reasm off): the
# same lines, byte for byte, on every shared capture; on a capture where the
# cycle model drops frames for want of packet memory (pktmem_full, a matter of
# time the fast model has not), the same lines up to the first such frame.  Then
# other configurations on a part of the captures (FLOWS 8: eviction all the
# time; the VLAN key and no eviction; a short-segment threshold; other parser
# programs; a step limit), many TCP flows from nicrx-gen, a capture cut short,
# and the options --fast refuses.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/bin/nicrx-gen microcode >/dev/null 2>&1 || { echo "not ok fast-build: make failed"; exit 1; }
out=build/tests/fast; mkdir -p "$out"
dir=${PCAPS:-../shared/pcaps}
find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort > "$out/captures.txt"

# cmp_one NAME OPTIONS CAPTURE: "" when --fast agrees, else why; the count of
# captures agreeing only up to a pktmem_full drop goes to $out/$1.upto
cmp_one() {
    local tag=$1 opts=$2 f=$3 c="$out/$1.cycle" x="$out/$1.fast" rc1 rc2 first full
    # shellcheck disable=SC2086
    build/bin/nicrx-model --seed 1 --reasm off $opts "$f" > "$c" 2>/dev/null; rc1=$?
    # shellcheck disable=SC2086
    build/bin/nicrx-model --fast $opts "$f" > "$x" 2>/dev/null; rc2=$?
    if [ $rc1 -ne $rc2 ]; then echo "exit $rc2, the cycle model's $rc1"; return; fi
    # the batching hint is a matter of time (null in the fast model)
    sed -i 's/,"more":[a-z]*,"more_cnt":[0-9a-z]*//' "$c" "$x"
    cmp -s "$c" "$x" && return
    first=$(cmp "$c" "$x" 2>/dev/null | sed -n 's/.* line \([0-9]*\).*/\1/p')
    full=$(grep -n -m1 '"reason":"pktmem_full"' "$c" | cut -d: -f1)
    if [ -n "$full" ] && [ -n "$first" ] && [ "$first" -ge "$full" ]; then
        echo x >> "$out/$tag.upto"; return
    fi
    echo "line ${first:-?} differs: $(sed -n "${first:-1}p" "$x" | cut -c1-160)"
}

# check NAME OPTIONS CAPTURE...: one verdict for the lot
check() {
    local tag=$1 opts=$2 n=0 bad="" why f
    shift 2
    rm -f "$out/$tag.upto"
    for f in "$@"; do
        n=$((n + 1))
        why=$(cmp_one "$tag" "$opts" "$f")
        [ -z "$why" ] || { bad="$f: $why"; break; }
    done
    local upto=0; [ -f "$out/$tag.upto" ] && upto=$(wc -l < "$out/$tag.upto")
    if [ -n "$bad" ]; then echo "not ok fast-$tag: $bad"
    else echo "ok fast-$tag # $n captures, $((n - upto)) identical, $upto up to a pktmem_full drop"; fi
}

mapfile -t all < "$out/captures.txt"
mapfile -t some < <(awk 'NR % 12 == 1' "$out/captures.txt")
check shared "" "${all[@]}"
check flows8 "--flows 8" "${some[@]}"
check vlan-noevict "--flow-ctrl 1" "${some[@]}"
check thresh "--flow-thresh 600" "${some[@]}"
check nohttp "--program build/microcode/nohttp.bin" "${some[@]}"
check vxlan "--program build/microcode/vxlan.bin" "${some[@]}"
check step-limit "--step-limit 6" "${some[@]}"
build/bin/nicrx-gen --mode tcp --flows 300 --count 6000 --reorder 5 --loss 2 --retrans 2 --vlan 30 --ipv6 30 --ts 50 \
    --ts-change 20 --seed 7 -o "$out/tcp.pcap" >/dev/null 2>&1 || echo "not ok fast-gen: nicrx-gen failed"
check gen-tcp "" "$out/tcp.pcap"
check gen-tcp-flows256 "--flows 256" "$out/tcp.pcap"

# a capture cut short: the same frames and status 3
head -c 30000 "$out/tcp.pcap" > "$out/cut.pcap"
why=$(cmp_one cut "" "$out/cut.pcap")
build/bin/nicrx-model --fast "$out/cut.pcap" >/dev/null 2>&1; rc=$?
if [ -z "$why" ] && [ $rc -eq 3 ]; then echo "ok fast-cut"; else echo "not ok fast-cut: exit $rc ${why}"; fi

# a capture bad after its frames (a record longer than any snapshot): read as it goes, the
# fast mode gives their lines, then the error and status 2 (the cycle model refuses it whole)
{ cat captures/default.pcap; printf '\0\0\0\0\0\0\0\0\377\377\377\177\377\377\377\177'; } > "$out/bad.pcap"
build/bin/nicrx-model --fast captures/default.pcap > "$out/good.fast" 2>/dev/null
build/bin/nicrx-model --fast "$out/bad.pcap" > "$out/bad.fast" 2>"$out/err"; rc=$?
if [ $rc -eq 2 ] && cmp -s "$out/good.fast" "$out/bad.fast" && [ "$(wc -l < "$out/err")" -eq 1 ] &&
   grep -q "^nicrx-model: $out/bad.pcap: bad capture file after $(wc -l < "$out/good.fast") frames" "$out/err"; then
    echo "ok fast-bad-after-frames"
else
    echo "not ok fast-bad-after-frames: exit $rc, $(wc -l < "$out/bad.fast") lines: $(head -1 "$out/err")"
fi

# the options of time: one line "nicrx-model: --fast has no timing: ...", exit 2, nothing on stdout
for o in "--seed 1" "--stall heavy" "--pace b2b" "--pace ts" "--max-cycles 100" "--flow-cmds 3" "--flow-age 5" \
         "--summary" "--json-summary" "--junit $out/j.xml" "--parse-only" "--reasm on" \
         "--swap-at 3 --swap-program build/microcode/vxlan.bin"; do
    nm=$(awk '{ print $1 ($2 ~ /^[a-z0-9]+$/ ? "-" $2 : "") }' <<<"$o")
    # shellcheck disable=SC2086
    so=$(build/bin/nicrx-model --fast $o captures/default.pcap 2>"$out/err"); rc=$?
    if [ $rc -eq 2 ] && [ -z "$so" ] && [ "$(wc -l < "$out/err")" -eq 1 ] &&
       grep -q '^nicrx-model: --fast has no timing: .* does not apply$' "$out/err"; then
        echo "ok fast-refuses$nm"
    else
        echo "not ok fast-refuses$nm: exit $rc: $(head -1 "$out/err")"
    fi
done
# what does apply is taken: FLOW_AGE 0 (no ageing), the flow registers, re-assembly off, a program
build/bin/nicrx-model --fast --flow-age 0 --flow-tick 7 --stall none --pace line --reasm off captures/default.pcap >/dev/null 2>"$out/err" &&
    echo "ok fast-accepts" || echo "not ok fast-accepts: $(head -1 "$out/err")"
