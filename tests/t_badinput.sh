#!/usr/bin/env bash
# Bad inputs: missing file, not a capture, non-Ethernet link type, a capture
# cut short before its first frame ends, no frames.  nicrx-model and nicrx-sim
# must each print one line "TOOL: FILE: reason" on stderr, nothing on stdout,
# and exit 2 (no crash).  (A capture cut short later: tests/t_tools.sh.)
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/bin/nicrx-sim >/dev/null 2>&1 || { echo "not ok badinput-build: make failed"; exit 1; }
t=build/tests/badinput; rm -rf "$t"; mkdir -p "$t"
# pcap global header (little endian, version 2.4, snaplen 65535), link type $1
pcap_hdr() { printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00'; printf "$1"; }
# one 20-byte record
rec() { printf '\x01\x00\x00\x00\x00\x00\x00\x00\x14\x00\x00\x00\x14\x00\x00\x00'; head -c 20 /dev/zero; }
echo "this is not a capture file, just some text to fill the header" > "$t/text.pcap"
{ pcap_hdr '\x65\x00\x00\x00'; rec; } > "$t/raw-ip-101.pcap"          # LINKTYPE_RAW (101)
{ pcap_hdr '\x01\x00\x00\x00'; rec | head -c 25; } > "$t/truncated.pcap"
pcap_hdr '\x01\x00\x00\x00' > "$t/empty.pcap"
: > "$t/zero-bytes.pcap"
check() {  # TOOL FILE WHAT PATTERN
    local tool=$1 f=$2 what=$3 pat=$4 rc
    "build/bin/$tool" "$f" >"$t/out" 2>"$t/err"; rc=$?
    local name="badinput-$tool-$what" lines; lines=$(wc -l <"$t/err")
    if [ $rc -ne 2 ]; then echo "not ok $name: exit status $rc, expected 2 ($(head -1 "$t/err"))"
    elif [ "$lines" -ne 1 ]; then echo "not ok $name: $lines lines on stderr"
    elif [ -s "$t/out" ]; then echo "not ok $name: output on stdout"
    elif ! grep -q "^$tool: $f: .*$pat" "$t/err"; then echo "not ok $name: message '$(cat "$t/err")'"
    else echo "ok $name # $(cat "$t/err")"; fi
}
for tool in nicrx-model nicrx-sim; do
    check $tool "$t/does-not-exist.pcap" missing "No such file"
    check $tool "$t/text.pcap" not-a-capture "not a pcap or pcapng"
    check $tool "$t/zero-bytes.pcap" zero-bytes "not a pcap or pcapng"
    check $tool "$t/raw-ip-101.pcap" linktype "link type .*not Ethernet"
    check $tool "$t/truncated.pcap" truncated "truncated capture file: no complete frame"
    check $tool "$t/empty.pcap" no-frames "no frames"
done
# FLOWS is an elaboration parameter: nicrx-sim --flows N runs a simulator built with
# it (tests/t_tools.sh); a value that is none is refused as nicrx-model refuses it
for c in "12:--flows takes a power of two, 8..256, not '12'" "x:--flows takes a power of two, 8..256, not 'x'" \
         "-1:--flows takes a power of two, 8..256, not '-1'"; do
    n=${c%%:*}; want=${c#*:}
    build/bin/nicrx-sim --flows "$n" captures/default.pcap >"$t/out" 2>"$t/err"; rc=$?
    if [ $rc -eq 2 ] && [ "$(wc -l <"$t/err")" -eq 1 ] && [ ! -s "$t/out" ] && grep -q "^nicrx-sim: .*$want" "$t/err"; then
        echo "ok badinput-nicrx-sim-flows-$n # $(cat "$t/err")"
    else
        echo "not ok badinput-nicrx-sim-flows-$n: exit $rc: $(head -1 "$t/err")"
    fi
done
