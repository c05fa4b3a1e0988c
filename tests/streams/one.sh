#!/usr/bin/env bash
# one.sh NAME PCAP OUT: one capture's side of tests/t_streams.sh.  nicrx-model --streams
# OUT/v (seed 1, the default bring-up: re-assembly on; STREAMS_REASM=off turns it off), then
# one tshark run following every TCP stream of the capture (-z follow,tcp,raw,N for N below
# twice the TCP address pairs the model's lines show, more while the last one asked for
# exists), then tests/streams/follow.awk: OUT/cmp.txt, a line per direction, and
# OUT/merged.txt, the frames whose data part went into a re-assembly run (ring 3).
set -u
name=$1 pcap=$2 out=$3
rm -rf "$out"; mkdir -p "$out"
build/bin/nicrx-model --seed 1 --reasm "${STREAMS_REASM:-on}" --streams "$out/v" "$pcap" > "$out/m.jsonl" 2> "$out/m.err"
rc=$?
grep -c '"parts":\[.*{"ring":3,' "$out/m.jsonl" > "$out/merged.txt"
# a capture without frames is refused as bad input (docs/report.md): nothing to compare
if [ $rc -eq 2 ] && grep -q ": no frames in capture" "$out/m.err"; then : > "$out/cmp.txt"; exit 0; fi
if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
    printf '%s\t-\tmodel-failed\t0\n' "$name" > "$out/cmp.txt"
    exit 0
fi
pairs=$(awk '/"l4":"tcp"/ { match($0, /"src":"[^"]*"/); a = substr($0, RSTART, RLENGTH)
                            match($0, /"dst":"[^"]*"/); b = substr($0, RSTART, RLENGTH)
                            match($0, /"sport":[0-9]+/); p = substr($0, RSTART, RLENGTH)
                            match($0, /"dport":[0-9]+/); q = substr($0, RSTART, RLENGTH)
                            k = a p < b q ? a p b q : b q a p; if (!(k in s)) { s[k]; n++ } } END { print n + 0 }' "$out/m.jsonl")
# no TCP the device parses: nothing of its own to compare (tunnelled TCP shows where the
# device parses TCP beside it, as not-parsed)
if [ "$pairs" = 0 ]; then : > "$out/cmp.txt"; exit 0; fi
k=$((2 * pairs + 4))
while :; do
    args=()
    for ((i = 0; i < k; i++)); do args+=(-z "follow,tcp,raw,$i"); done
    tshark -r "$pcap" -q "${args[@]}" > "$out/t.txt" 2>/dev/null
    # the highest stream asked for exists: there may be more
    grep -A2 -x "Filter: tcp.stream eq $((k - 1))" "$out/t.txt" | grep -q '^Node 0: :0$' && break
    k=$((2 * k))
done
awk -v view="$out/v" -v cap="$name" -f tests/streams/follow.awk "$out/v/index.jsonl" "$out/m.jsonl" "$out/t.txt" \
    > "$out/cmp.txt"
