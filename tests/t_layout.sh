#!/usr/bin/env bash
# The generated layouts (scripts/layout.awk) against their tables: each committed file must
# equal a fresh generation, a changed table must change the output (so the comparison can
# fail), and a bad table is refused.  Prints ok / not ok lines.
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fresh generation of TABLE... under $1; lists the files it wrote
gen() {
    local dir=$1; shift
    awk -f scripts/layout.awk -v root="$dir" "$@" && (cd "$dir" && find . -type f | sed 's|^\./||' | sort)
}

for tables in "rtl/nicrx_streams.txt" "rtl/nicrx_streams.txt tests/blocks/traces.txt"; do
    last=${tables##* }
    name="layout-fresh-$(basename "$last" .txt)"
    files=$(gen "$tmp/$name" $tables) || { echo "not ok $name: generator failed"; continue; }
    stale=""
    for f in $files; do
        cmp -s "$tmp/$name/$f" "$f" || stale="$stale $f"
    done
    if [ -n "$stale" ]; then
        echo "not ok $name: stale (run make layouts):$stale"
    else
        echo "ok $name: $(echo $files | wc -w) files"
    fi
done

# a field added to a copy of the stream table must show in every output of its layout
mkdir -p "$tmp/m/rtl"
sed "/^layout fl /a extra 3 a field that is not there" rtl/nicrx_streams.txt > "$tmp/m/rtl/nicrx_streams.txt"
(cd "$tmp/m" && awk -f "$OLDPWD/scripts/layout.awk" -v root=../mut rtl/nicrx_streams.txt)
if ! cmp -s "$tmp/mut/rtl/nicrx_stream_fl.vh" rtl/nicrx_stream_fl.vh \
   && ! cmp -s "$tmp/mut/cmodel/streams.h" cmodel/streams.h \
   && cmp -s "$tmp/mut/rtl/nicrx_stream_hv.vh" rtl/nicrx_stream_hv.vh; then
    echo "ok layout-change-detected"
else
    echo "not ok layout-change-detected: a new fl field does not change exactly fl's outputs"
fi

# bad tables: an unknown width, bytes that are not whole, a field twice
i=0
for bad in "x unknownparam d" "x 65 d" "len 16 d"; do
    i=$((i + 1))
    sed "/^layout fl /a $bad" rtl/nicrx_streams.txt > "$tmp/bad$i.txt"
    if msg=$(awk -f scripts/layout.awk -v root="$tmp/bad$i" "$tmp/bad$i.txt" 2>&1); then
        echo "not ok layout-bad-$i: '$bad' accepted"
    elif echo "$msg" | grep -q "^layout.awk: .*bad$i.txt:[0-9]*: "; then
        echo "ok layout-bad-$i: $msg"
    else
        echo "not ok layout-bad-$i: message '$msg'"
    fi
done
