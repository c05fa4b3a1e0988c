#!/usr/bin/env bash
# The tshark oracle: for every frame of every capture in ../shared/pcaps
# (PCAPS=dir to change), the parse of nicrx-model --parse-only (default
# program) against tshark's dissection, field by field (tests/oracle/).
# tshark starts slowly (about 1 s), so it runs once on all captures
# concatenated (mergecap -a -I none: the interface id names the capture),
# with TCP reassembly, IP defragmentation and sequence analysis off so each
# frame is dissected on its own.  The frames tshark flags (malformed, or an
# expert error) are dissected again as PDML to find the layer at fault.
# Every difference must be listed in tests/oracle/known_differences.txt.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/tests/oracle_cmp >/dev/null 2>&1 ||
    { echo "not ok oracle-build: make build/bin/nicrx-model build/tests/oracle_cmp failed"; exit 1; }
command -v tshark >/dev/null && command -v mergecap >/dev/null ||
    { echo "not ok oracle: tshark and mergecap are needed (scripts/setup.sh installs them)"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
out=build/oracle
start=$(date +%s)
rm -rf "$out"; mkdir -p "$out/model"
(cd "$dir" && find . -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sed 's|^\./||' | LC_ALL=C sort) > "$out/captures.txt"
n=$(wc -l < "$out/captures.txt")
[ "$n" -gt 0 ] || { echo "not ok oracle: no captures in $dir"; exit 1; }
echo "# $n captures from $dir"

# The model: one JSON line per frame and capture, two at a time, while tshark runs.
awk -v d="$dir" -v o="$out/model" '{ printf "%s/%s\t%s/%05d.jsonl\n", d, $0, o, NR - 1 }' "$out/captures.txt" > "$out/jobs.txt"
xargs -a "$out/jobs.txt" -d '\n' -P2 -n1 bash -c \
    'IFS=$'"'"'\t'"'"' read -r f j <<<"$0"; build/bin/nicrx-model --parse-only "$f" > "$j" 2>/dev/null; true' &
model_pid=$!

topts=(-o tcp.desegment_tcp_streams:FALSE -o tcp.analyze_sequence_numbers:FALSE
       -o ip.defragment:FALSE -o ipv6.defragment:FALSE)
sed "s|^|$dir/|" "$out/captures.txt" | xargs -d '\n' mergecap -a -I none -w "$out/all.pcapng" 2>/dev/null ||
    { echo "not ok oracle: mergecap failed"; exit 1; }
fields=()
while read -r f; do fields+=(-e "$f"); done < tests/oracle/tshark_fields.txt
tshark -r "$out/all.pcapng" "${topts[@]}" -T fields -E separator=/t -E occurrence=a -E aggregator=, \
    "${fields[@]}" > "$out/tshark.tsv" 2>/dev/null ||
    { echo "not ok oracle: tshark failed"; exit 1; }
tshark -r "$out/all.pcapng" "${topts[@]}" -Y '_ws.malformed || _ws.expert.severity == 0x00800000' -T pdml 2>/dev/null |
    awk -f tests/oracle/errors.awk > "$out/errors.txt"
wait "$model_pid"

cut -f2 "$out/jobs.txt" | paste "$out/captures.txt" - > "$out/list.txt"
build/tests/oracle_cmp --list "$out/list.txt" --tshark "$out/tshark.tsv" --errors "$out/errors.txt" \
    --fixture tests/oracle/known_differences.txt --header-bytes 128
rc=$?
echo "# oracle: $(( $(date +%s) - start )) s"
exit $rc
