#!/usr/bin/env bash
# Re-assembly (issue 12) in lockstep: RTL and model with REASM_CTRL.en on (--reasm on), where
# every head that can touch a run (a pre-selected TCP frame of a flow) waits for the
# re-assembly table's answer and in-order payloads merge into runs in ring 3's pages (the
# host checks every merged frame and run record, and flushes at the end), on the TCP-rich
# shared captures (those the fast model gives at
# least two FIRST or CONT frames).  make test samples them: every eighth, host never stalling
# and heavily stalling in turn, FLOWS 64 and 8 in turn (FLOWS 8 evicts, so runs of reused flow
# numbers meet).  REASM_ALL=1 (make test-full): every one, both stall profiles with FLOWS 64,
# and FLOWS 8 with no stall.  One ok / not ok line per run; the harness checks every frame
# delivered or dropped and counted, every byte, and the model's ports against the RTL's.
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
    local name=$1 f=$2 log rc
    shift 2
    name="reasm-$name-$(basename "$(dirname "$f")")/$(basename "$f")"
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
    if [ "${REASM_ALL:-0}" = 1 ]; then
        printf '%s\t%s\t--stall\tnone\n' none "$f"
        printf '%s\t%s\t--stall\theavy\n' heavy "$f"
        printf '%s\t%s\t--flows\t8\n' flows8 "$f"
    elif [ $(( n % 8 )) -eq 0 ]; then
        case $(( n / 8 % 4 )) in
            0) printf '%s\t%s\t--stall\tnone\n' none "$f" ;;
            1) printf '%s\t%s\t--stall\theavy\n' heavy "$f" ;;
            2) printf '%s\t%s\t--flows\t8\n' flows8 "$f" ;;
            3) printf '%s\t%s\t--flows\t8\t--stall\theavy\n' flows8-heavy "$f" ;;
        esac
    fi
    n=$(( n + 1 ))
done < build/tests/reasm-captures.txt > build/tests/reasm-runs.txt
out=$(xargs -a build/tests/reasm-runs.txt -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r -a a <<<"$0"; one "${a[@]}"')
echo "$out"
echo "# $(grep -c '^\(not \)\?ok reasm-' <<<"$out") runs on $ncap TCP-rich captures in $(( $(date +%s) - start )) s"
