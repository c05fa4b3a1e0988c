#!/usr/bin/env bash
# The host's TCP stream view (nicrx-model --streams, docs/report.md "Streams"):
#   oracle: on the shared captures (../shared/pcaps, PCAPS=dir to change), every TCP
#     direction's bytes against tshark's followed stream (-z follow,tcp,raw,N), byte for
#     byte, where tshark marks no bytes missing; the directions that differ are listed with
#     their reasons in tests/streams/known_differences.txt (a difference not listed fails, and
#     so does a line no difference matches).  make test runs a fixed sample spread over the
#     sorted list, every STREAMS_EVERY-th capture from the first (default 4); STREAMS_FULL=1
#     runs every capture (about 5 minutes on two busy cores).
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
echo "# streams: $(( $(date +%s) - start )) s"

