# oracle.sh - the tshark oracle for one parser program on a list of captures,
# sourced by tests/t_oracle.sh (the default program, every capture) and
# tests/t_programs.sh (the program library, the captures that carry each).
#
#   oracle_run OUT LIST PROGRAM TUNNEL
#
# LIST: one line per capture, "NAME<TAB>FILE" (NAME is what the fixture and
# the checks call it); PROGRAM: default (the reset program) or the name of a
# microcode/*.nasm, run from build/microcode/PROGRAM.bin; TUNNEL: the tshark
# protocol whose inner IP header the program parses (oracle_cmp --tunnel), or
# empty.  The parse of nicrx-model --parse-only against tshark's dissection,
# field by field (tests/oracle/oracle_cmp.c).  tshark starts slowly (about
# 1 s), so it runs once on all captures concatenated (mergecap -a -I none: the
# interface id names the capture), with TCP reassembly, IP defragmentation
# and sequence analysis off so each frame is dissected on its own.  The
# frames tshark flags (malformed, or an expert error) are dissected again as
# PDML to find the layer at fault.  Every difference must be listed in
# tests/oracle/known_differences.txt.  Prints the checks; returns 1 if one failed.
oracle_run() {
    local out=$1 list=$2 prog=$3 tunnel=$4 model_pid
    local popts=() copts=()
    [ "$prog" = default ] || { popts=(--program "build/microcode/$prog.bin"); copts=(--program "$prog"); }
    [ -z "$tunnel" ] || copts+=(--tunnel "$tunnel")
    rm -rf "$out"; mkdir -p "$out/model"
    # The model: one JSON line per frame and capture, two at a time, while tshark runs.
    awk -F'\t' -v o="$out/model" '{ printf "%s\t%s/%05d.jsonl\n", $2, o, NR - 1 }' "$list" > "$out/jobs.txt"
    ORACLE_POPTS="${popts[*]}" xargs -a "$out/jobs.txt" -d '\n' -P2 -n1 bash -c \
        'IFS=$'"'"'\t'"'"' read -r f j <<<"$0"; build/bin/nicrx-model --parse-only $ORACLE_POPTS "$f" > "$j" 2>/dev/null; true' &
    model_pid=$!

    local topts=(-o tcp.desegment_tcp_streams:FALSE -o tcp.analyze_sequence_numbers:FALSE
                 -o ip.defragment:FALSE -o ipv6.defragment:FALSE) fields=() f
    cut -f2 "$list" | xargs -d '\n' mergecap -a -I none -w "$out/all.pcapng" 2>/dev/null ||
        { echo "not ok oracle-$prog: mergecap failed"; wait "$model_pid"; return 1; }
    while read -r f; do fields+=(-e "$f"); done < tests/oracle/tshark_fields.txt
    tshark -r "$out/all.pcapng" "${topts[@]}" -T fields -E separator=/t -E occurrence=a -E aggregator=, \
        "${fields[@]}" > "$out/tshark.tsv" 2>/dev/null ||
        { echo "not ok oracle-$prog: tshark failed"; wait "$model_pid"; return 1; }
    tshark -r "$out/all.pcapng" "${topts[@]}" -Y '_ws.malformed || _ws.expert.severity == 0x00800000' -T pdml 2>/dev/null |
        awk -f tests/oracle/errors.awk > "$out/errors.txt"
    wait "$model_pid"

    cut -f2 "$out/jobs.txt" | paste <(cut -f1 "$list") - > "$out/list.txt"
    build/tests/oracle_cmp --list "$out/list.txt" --tshark "$out/tshark.tsv" --errors "$out/errors.txt" \
        --fixture tests/oracle/known_differences.txt --header-bytes 128 "${copts[@]}"
}
