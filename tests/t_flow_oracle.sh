#!/usr/bin/env bash
# The flow oracle: nicrx-model (timing model, default program, FLOWS 64) against
# tshark's TCP analysis, on every capture of ../shared/pcaps (PCAPS=dir to
# change) that holds TCP and on a few nicrx-gen captures.
#   flows: in captures with fewer than 64 TCP conversations, the pairs our flows
#          were created for equal tshark's conversations (-z conv,tcp);
#   ooo:   frames tshark flags out_of_order, lost_segment or retransmission
#          have operation code OOO, and OOO frames tshark does not flag are
#          counted too.
# tshark's sequence analysis must see each capture alone (captures share
# 5-tuples).  tshark starts slowly, so it runs once on all captures merged and
# that run is kept for the captures none of whose address/port pairs appears in
# another capture (analysis is per conversation: the same result, checked frame
# by frame against runs of their own on every capture of ../shared/pcaps);
# the others and the generated captures get a run of their own, two at a time
# (tests/oracle/flow_split.awk).  Differences and their reasons are listed in
# tests/oracle/flow_known_differences.txt (tests/oracle/flow_cmp.c).  The model runs with
# re-assembly off: the oracle is the flow manager's decisions, and with re-assembly on at line
# rate some captures lose frames pktmem_full (make bench BENCH=reasm, mixed traffic), which
# would show here as dropped frames, not as a decision.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/bin/nicrx-gen build/tests/flow_cmp >/dev/null 2>&1 ||
    { echo "not ok flow-oracle-build: make build/bin/nicrx-model build/bin/nicrx-gen build/tests/flow_cmp failed"; exit 1; }
command -v tshark >/dev/null && command -v mergecap >/dev/null ||
    { echo "not ok flow-oracle: tshark and mergecap are needed (scripts/setup.sh installs them)"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
out=build/flow_oracle
start=$(date +%s)
rm -rf "$out"; mkdir -p "$out/m" "$out/t" "$out/gen"
(cd "$dir" && find . -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sed 's|^\./||' | LC_ALL=C sort) > "$out/captures.txt"
[ -s "$out/captures.txt" ] || { echo "not ok flow-oracle: no captures in $dir"; exit 1; }

topts=(-n -o tcp.desegment_tcp_streams:FALSE -o tcp.relative_sequence_numbers:FALSE
       -T fields -E occurrence=a -E aggregator=, -e frame.interface_id)
while read -r f; do topts+=(-e "$f"); done < tests/oracle/flow_fields.txt
topts+=(-e ip.src -e ip.dst -e ipv6.src -e ipv6.dst -e tcp.srcport -e tcp.dstport -z conv,tcp)

# All captures merged (mergecap -a -I none: the interface id is the capture's line).
sed "s|^|$dir/|" "$out/captures.txt" | xargs -d '\n' mergecap -a -I none -w "$out/all.pcapng" 2>/dev/null ||
    { echo "not ok flow-oracle: mergecap failed"; exit 1; }
tshark -r "$out/all.pcapng" "${topts[@]}" > "$out/all.txt" 2>/dev/null ||
    { echo "not ok flow-oracle: tshark failed"; exit 1; }
rm -f "$out/all.pcapng"

# The captures with TCP: NAME, PCAP, MODEL, TSHARK.
awk -F'\t' 'NF > 1 && $(NF - 1) != "" { print $1 }' "$out/all.txt" | sort -un > "$out/tcp_ids.txt"
awk -v d="$dir" -v o="$out" 'NR == FNR { tcp[$1] = 1; next }
    (FNR - 1) in tcp { printf "%s\t%s/%s\t%s/m/%05d.jsonl\t%s/t/%05d.txt\n", $0, d, $0, o, FNR - 1, o, FNR - 1 }' \
    "$out/tcp_ids.txt" "$out/captures.txt" > "$out/jobs.txt"
[ -s "$out/jobs.txt" ] || { echo "not ok flow-oracle: no captures with TCP in $dir"; exit 1; }
awk -F'\t' -v o="$out" '{ id = $3; sub(/.*\//, "", id); sub(/\..*/, "", id); printf "%d\t%s\n", id, $4 }' \
    "$out/jobs.txt" > "$out/map.txt"
awk -v map="$out/map.txt" -v counts="$out/counts.txt" -f tests/oracle/flow_split.awk "$out/all.txt" \
    > "$out/shared_ids.txt" 2> "$out/split.err"
[ -s "$out/split.err" ] && { echo "not ok flow-oracle-split: $(head -1 "$out/split.err")"; exit 1; }
rm -f "$out/all.txt"

# Generated captures: in-order traffic, impairments, and more connections
# than flow entries (evictions; the flows check is skipped there).
gen() { local name=$1; shift
    build/bin/nicrx-gen --mode tcp "$@" -o "$out/gen/$name.pcap" ||
        { echo "not ok flow-oracle-gen: nicrx-gen $*"; exit 1; }
    printf 'gen:%s\t%s\t%s\t%s\n' "$name" "$out/gen/$name.pcap" "$out/m/$name.jsonl" "$out/t/$name.txt" >> "$out/jobs.txt"
}
gen clean --count 3000 --flows 20 --seed 21 --data both --ipv6 30 --vlan 20 --small 5 --ts 100 --ts-change 30
gen impaired --count 3000 --flows 20 --seed 22 --data both --ipv6 30 --vlan 20 --reorder 3 --loss 2 --retrans 2 --small 5
gen evict --count 20000 --flows 200 --seed 23 --reorder 2 --loss 1 --retrans 1 --ipv6 20

# Per capture, two at a time: the model, and tshark alone for the shared and
# generated captures.
awk 'NR == FNR { own[sprintf("%05d", $1)] = 1; next }
     { id = $3; sub(/.*\//, "", id); sub(/\..*/, "", id); print (id in own || $1 ~ /^gen:/) "\t" $0 }' \
    "$out/shared_ids.txt" "$out/jobs.txt" > "$out/run.txt"
export TOPTS_FILE="$out/topts"
printf '%s\n' "${topts[@]}" > "$TOPTS_FILE"
# shellcheck disable=SC2016
xargs -a "$out/run.txt" -d '\n' -P2 -n1 bash -c '
    IFS=$'"'"'\t'"'"' read -r own name pcap model ts <<<"$0"
    build/bin/nicrx-model --seed 1 --reasm off "$pcap" > "$model" 2>/dev/null
    if [ "$own" = 1 ]; then
        mapfile -t topts < "$TOPTS_FILE"
        printf "0\t%s\n" "$ts" > "$ts.map"
        tshark -r "$pcap" "${topts[@]}" 2>/dev/null |
            awk -v single=1 -v map="$ts.map" -v counts="$ts.count" -f tests/oracle/flow_split.awk
    fi
    true'
# tshark and the model saw the same frames (and in the merged run, each
# capture has one interface, so its id is its line).
while IFS=$'\t' read -r own name pcap model ts; do
    if [ "$own" = 1 ]; then n=$(cut -f2 "$ts.count"); else
        id=${model##*/}; id=$((10#${id%%.*})); n=$(awk -v i="$id" '$1 == i { print $2 }' "$out/counts.txt"); fi
    [ "$(wc -l < "$model")" = "$n" ] ||
        { echo "not ok flow-oracle-frames: $name: $n frames for tshark, $(wc -l < "$model") for the model"; exit 1; }
done < "$out/run.txt"
echo "# $(wc -l < "$out/jobs.txt") captures with TCP: $(grep -c '^gen:' "$out/jobs.txt") generated," \
     "$(wc -l < "$out/shared_ids.txt") sharing a 5-tuple with another (tshark on their own), the rest in one tshark run"

# The generated captures exercise what they were made for: every operation
# code of in-order TCP and no OOO, OOO with impairments, evictions with 200
# connections.
gen_has() { local name=$1 miss=""; shift
    for w in "$@"; do
        case $w in
        !*) grep -q "\"${w#!}\"" "$out/m/$name.jsonl" && miss+=" ${w#!} present;" ;;
        *) grep -q "\"$w\"" "$out/m/$name.jsonl" || miss+=" no $w;" ;;
        esac
    done
    if [ -z "$miss" ]; then echo "ok flow-oracle-gen-$name-codes"; else echo "not ok flow-oracle-gen-$name-codes:$miss"; fi
}
gen_has clean first cont short no_merge ctrl created removed !ooo !no_flow
gen_has impaired ooo first cont short no_merge ctrl created removed
gen_has evict evicted ooo

cut -f1,3,4 "$out/jobs.txt" > "$out/list.txt"
build/tests/flow_cmp --list "$out/list.txt" --fixture tests/oracle/flow_known_differences.txt --flows 64 \
    ${FLOW_ORACLE_ALL:+--all}
rc=$?
echo "# flow oracle: $(( $(date +%s) - start )) s"
exit $rc
