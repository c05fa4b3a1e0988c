#!/usr/bin/env bash
# Re-assembly (issue 12) in lockstep: RTL and model with REASM_CTRL.en on (--reasm on), where
# every head that can touch a run (a pre-selected TCP frame of a flow) waits for the
# re-assembly table's answer and in-order payloads merge into runs in ring 3's pages (the
# host checks every merged frame and run record, and flushes at the end), on the TCP-rich
# shared captures (those the fast model gives at
# least two FIRST or CONT frames).  Re-assembly is the default bring-up, so t_lockstep runs it
# on every capture (both stall profiles, FLOWS 64; FLOWS 8 with no stall); this test adds the
# settings t_lockstep does not combine with it: FLOWS 8 heavily stalling (FLOWS 8 evicts, so
# runs of reused flow numbers meet, the host slow to give pages back), the header ring down
# (--split off), no page ring (--pages off) and the host bus at half the line (--stall half).
# Header stripping (--reasm strip, REASM_CTRL.strip: an appended frame goes with no header
# and no record; the host checks each run's page against the capture's payloads) in two more
# columns: FLOWS 8 heavily stalling, and FLOWS 64 with no stall; on each capture a strip column
# runs, the model's stream view (--streams) must be the same with and without stripping (unless
# either run dropped a frame: then it is skipped, as the views differ by those frames).
# make test samples them: every eighth capture, the four in turn, and every eighth from the
# fourth on, the two strip columns in turn with the stream views.  REASM_ALL=1 (make
# test-full): all on every one.  One ok / not ok line per run; the harness checks every frame delivered or dropped and
# counted, every byte, and the model's ports against the RTL's.
# SEED=N fixes the PRNG seed.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
make -s build/bin/nicrx-sim build/bin/nicrx-model >/dev/null 2>&1 ||
    { echo "not ok reasm-build: make build/bin/nicrx-sim and nicrx-model failed"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
seed=${SEED:-20240601}
[ -d "$dir" ] || { echo "not ok reasm: no capture directory $dir"; exit 1; }
mkdir -p build/tests
echo "# seed $seed, captures from $dir"
start=$(date +%s)
# the TCP-rich captures: FIRST (4) or CONT (5) frames in the fast model's lines
find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort |
    xargs -d '\n' -P2 -n1 bash -c 'n=$(build/bin/nicrx-model --fast "$0" 2>/dev/null | grep -c "\"opcode\":[45],"); [ "$n" -ge 2 ] && echo "$0"' |
    LC_ALL=C sort > build/tests/reasm-captures.txt
ncap=$(wc -l < build/tests/reasm-captures.txt)
[ "$ncap" -gt 0 ] || { echo "not ok reasm-captures: no capture with FIRST or CONT frames in $dir"; exit 1; }
one() {  # NAME FILE OPTIONS...
    local name=$1 f=$2 log rc d
    shift 2
    name="reasm-$name-$(basename "$(dirname "$f")")/$(basename "$f")"
    if [ "${name#reasm-strip-streams-}" != "$name" ]; then
        # the views can differ only by frames one run dropped (pktmem_full at line rate:
        # stripping frees the issue FSM sooner, so it may drop fewer): then no comparison
        local don dst
        d=$(mktemp -d) || { echo "not ok $name: mktemp"; return; }
        if ! don=$(build/bin/nicrx-model --seed "$seed" --reasm on --json-summary --streams "$d/on" "$f" 2>/dev/null |
                   jq -r .traffic.dropped) ||
           ! dst=$(build/bin/nicrx-model --seed "$seed" --reasm strip --json-summary --streams "$d/strip" "$f" 2>/dev/null |
                   jq -r .traffic.dropped); then
            echo "not ok $name: a model run failed"
        elif [ "$don" != 0 ] || [ "$dst" != 0 ]; then
            echo "ok $name # SKIP frames dropped at line rate: $don on, $dst with stripping"
        elif diff -r "$d/on" "$d/strip" >/dev/null; then
            echo "ok $name"
        else
            echo "not ok $name: the stream views with and without stripping differ"
        fi
        rm -rf "$d"
        return
    fi
    log=$(build/bin/nicrx-sim --summary --seed "$seed" --reasm on "$@" "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then
        echo "ok $name"
    else
        echo "not ok $name: exit $rc: $(sim_reason "$log")"
    fi
}
export -f one
export seed
n=0
while read -r f; do
    for k in 0 1 2 3 4 5 6; do
        if [ "${REASM_ALL:-0}" != 1 ]; then
            if [ $k -lt 4 ]; then
                { [ $(( n % 8 )) -eq 0 ] && [ $(( n / 8 % 4 )) -eq $k ]; } || continue
            else
                { [ $(( n % 8 )) -eq 4 ] && { [ $k -eq 6 ] || [ $(( n / 8 % 2 )) -eq $(( k - 4 )) ]; }; } || continue
            fi
        fi
        case $k in
            0) printf '%s\t%s\t--flows\t8\t--stall\theavy\n' flows8-heavy "$f" ;;
            1) printf '%s\t%s\t--split\toff\n' split-off "$f" ;;
            2) printf '%s\t%s\t--pages\toff\n' pages-off "$f" ;;
            3) printf '%s\t%s\t--stall\thalf\n' half "$f" ;;
            4) printf '%s\t%s\t--reasm\tstrip\t--flows\t8\t--stall\theavy\n' strip-flows8-heavy "$f" ;;
            5) printf '%s\t%s\t--reasm\tstrip\t--stall\tnone\n' strip-none "$f" ;;
            6) printf '%s\t%s\n' strip-streams "$f" ;;
        esac
    done
    n=$(( n + 1 ))
done < build/tests/reasm-captures.txt > build/tests/reasm-runs.txt
out=$(xargs -a build/tests/reasm-runs.txt -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r -a a <<<"$0"; one "${a[@]}"')
echo "$out"
echo "# $(grep -c '^\(not \)\?ok reasm-' <<<"$out") runs on $ncap TCP-rich captures in $(( $(date +%s) - start )) s"
