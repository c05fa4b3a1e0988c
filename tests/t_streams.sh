#!/usr/bin/env bash
# The host's TCP stream view (nicrx-model --streams, docs/report.md "Streams"):
#   oracle: on the shared captures (../shared/pcaps, PCAPS=dir to change), every TCP
#     direction's bytes against tshark's followed stream (-z follow,tcp,raw,N), byte for
#     byte, where tshark marks no bytes missing; the directions that differ are listed with
#     their reasons in tests/streams/known_differences.txt (a difference not listed fails, and
#     so does a line no difference matches).  make test runs a fixed sample spread over the
#     sorted list, every STREAMS_EVERY-th capture from the first (default 4); STREAMS_FULL=1
#     runs every capture (about 5 minutes on two busy cores).
#   generated: nicrx-gen TCP traffic with 10,000 concurrent connections, reordering,
#     retransmission and (second capture) loss, payload bytes a function of their sequence
#     number (--pay-bytes seq): every byte of every direction is what its sender sent, and
#     without loss every direction closed by a FIN holds every byte up to it.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/bin/nicrx-gen >/dev/null 2>&1 ||
    { echo "not ok streams-build: make build/bin/nicrx-model build/bin/nicrx-gen failed"; exit 1; }
command -v tshark >/dev/null || { echo "not ok streams: tshark is needed (scripts/setup.sh installs it)"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
every=${STREAMS_EVERY:-4}
[ "${STREAMS_FULL:-0}" = 1 ] && every=1
out=build/streams
fixture=tests/streams/known_differences.txt
start=$(date +%s)
rm -rf "$out"; mkdir -p "$out"
(cd "$dir" && find . -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sed 's|^\./||' | LC_ALL=C sort) |
    awk -v e="$every" '(NR - 1) % e == 0' > "$out/captures.txt"
[ -s "$out/captures.txt" ] || { echo "not ok streams: no captures in $dir"; exit 1; }

# ---- the oracle: two captures at a time ----
awk -v d="$dir" -v o="$out" '{ printf "%s\t%s/%s\t%s/c/%05d\n", $0, d, $0, o, NR - 1 }' "$out/captures.txt" |
    xargs -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r n p o <<<"$0"; bash tests/streams/one.sh "$n" "$p" "$o"'
cat "$out"/c/*/cmp.txt > "$out/all.txt"
awk -F'\t' -v fx="$fixture" -v caps="$out/captures.txt" '
    FILENAME == caps { run[$0] = 1; next }
    FILENAME == fx { if ($0 ~ /^#/ || $0 == "") next
                     if (NF < 4) { printf "not ok streams-fixture: %s: not CAPTURE DIRECTION KIND WHY\n", $0; bad++; next }
                     if ($1 in run) { want[$1 "\t" $2] = $3; line[$1 "\t" $2] = $0 }
                     next }
    $3 == "equal" { eq++; bytes += $4; next }
    $3 == "tshark-gap" { tgap++; next }
    { k = $1 "\t" $2; diff++
      if (!(k in want)) { printf "not ok streams-diff %s %s: %s (tshark %d bytes), not in %s\n", $1, $2, $3, $4, fx; bad++ }
      else if (want[k] != $3) { printf "not ok streams-diff %s %s: %s, the fixture says %s\n", $1, $2, $3, want[k]; bad++ }
      else { listed++; tbytes += $4 }
      seen[k] = 1 }
    END {
        for (k in want) if (!(k in seen)) { printf "not ok streams-stale: %s: no such difference\n", line[k]; bad++ }
        printf "# oracle: %d captures, %d directions compared with tshark, %d equal (%d bytes), %d differ (%d listed); %d where tshark marks bytes missing (not compared)\n",
               length(run), eq + diff, eq, bytes, diff, listed, tgap
        if (!bad) printf "ok streams-oracle # %d directions, %d bytes equal to tshark, %d listed differences\n", eq, bytes, listed
    }' "$out/captures.txt" "$fixture" "$out/all.txt"
echo "# oracle: $(( $(date +%s) - start )) s"

# ---- generated traffic ----
gen() {  # NAME COMPLETE OPTIONS...
    local name=$1 complete=$2 g=$out/gen-$1 r
    shift 2
    mkdir -p "$g"
    build/bin/nicrx-gen --mode tcp --count 60000 --flows 10000 --data both --life 2-8 --pay 64-512 --ipv6 30 --vlan 20 \
        --pay-bytes seq "$@" --summary -o "$g/g.pcap" > "$g/gen.txt" ||
        { echo "not ok streams-gen-$name: nicrx-gen $*"; return; }
    build/bin/nicrx-model --seed 1 --summary --streams "$g/v" "$g/g.pcap" > "$g/report.txt" 2> "$g/err.txt" ||
        { echo "not ok streams-gen-$name: nicrx-model: $(head -1 "$g/err.txt")"; return; }
    r=$(awk -v complete_wanted="$complete" -f tests/streams/gen_check.awk "$g/v/index.jsonl" \
            <(cd "$g/v" && sed 's/.*"file":"\([^"]*\)".*/\1/' index.jsonl | xargs cat | od -An -v -tx1) 2> "$g/check.err")
    read -r ndir checked nfin complete_n gapped nbad <<<"$r"
    echo "# gen-$name: $(cat "$g/gen.txt"); $ndir directions, $checked bytes checked, $complete_n of $nfin closed by a FIN complete, $gapped with gaps"
    if [ "${nbad:-1}" = 0 ] && [ "${checked:-0}" -gt 0 ]; then echo "ok streams-gen-$name"
    else echo "not ok streams-gen-$name: $(head -1 "$g/check.err")"; fi
}
gen reorder 1 --seed 31 --reorder 3 --retrans 3
gen loss 0 --seed 32 --reorder 3 --retrans 3 --loss 2
echo "# streams: $(( $(date +%s) - start )) s"
