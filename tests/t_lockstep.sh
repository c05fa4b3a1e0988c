#!/usr/bin/env bash
# RTL/model lockstep on every capture in ../shared/pcaps (PCAPS=dir to change),
# two runs at a time, one ok/not ok line per run, re-assembly on (the default bring-up,
# docs/host-interface.md "Re-assembly") unless a run says otherwise:
#   - the default program (IMEM_INIT), host never stalling and heavily stalling;
#     heavy mode must tail-drop (pktmem_full) on some captures;
#   - each shipped program (build/microcode/*.bin) loaded by the driver, no stall: default on
#     every capture, nohttp and vxlan each on every other (LOCKSTEP_FULL=1: all on every one);
#   - FLOWS=8 (the flow database evicts all the time), no stall;
#   - nicrx-gen TCP traffic with 10,000 concurrent connections, FLOWS 64 and 8;
#   - header/data split on (the default) everywhere, off (--split off: every frame whole) on
#     every sixteenth capture;
#   - page rings 0 and 2 (the default) everywhere, none (--pages off) in the FLOWS=8 run of
#     every sixteenth capture;
#   - re-assembly off (--reasm off: every frame as the transfer engine alone sends it) on
#     every sixteenth capture, the stall profiles in turn;
#   - LOCKSTEP_FULL=1 (make test-full): split off, page rings off and re-assembly off on
#     every capture, each with both host profiles, instead of the sixteenth;
#   - interrupt moderation (docs/architecture.md "nicrx_irq"): every IRQ_EVERY-th capture
#     (default 8; IRQ_EVERY=1 for all), both stall profiles, a NAPI host (--irq-napi) and
#     one of five COUNT/TIME/TICK settings in turn (contradictions included); the harness
#     checks no line while masked and every pending record announced in time; the heavy
#     ones and the 10,000-connection run (FLOWS 64) with interrupt messages on (--msix:
#     one write per rise of a line, checked at the end);
#   - program swaps while traffic flows, default -> vxlan and back (and
#     default -> nohttp), at several points, some heavy or back to back, on
#     every other capture of 100 frames or more and on the VXLAN captures;
#     those on tcpdump/vxlan.pcap must show the switch (frames only the new
#     program parses).
# The harness checks each frame's header vector against nicrx_parse() with the
# program that parsed it, and that a swap is clean and monotonic.
# SEED=N fixes the PRNG seed.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
progs="default nohttp vxlan"
make -s build/bin/nicrx-sim build/bin/nicrx-gen $(printf 'build/microcode/%s.bin ' $progs) >/dev/null 2>&1 ||
    { echo "not ok lockstep-build: make build/bin/nicrx-sim, nicrx-gen and the program images failed"; exit 1; }
dir=${PCAPS:-../shared/pcaps}
seed=${SEED:-20240601}
[ -d "$dir" ] || { echo "not ok lockstep: no capture directory $dir"; exit 1; }
mkdir -p build/tests
echo "# seed $seed, captures from $dir"
one() {  # NAME FILE OPTIONS...
    local name=$1 f=$2 log rc n sw
    shift 2
    name="lockstep-$name-$(basename "$(dirname "$f")")/$(basename "$f")"
    log=$(build/bin/nicrx-sim --summary --seed "$seed" "$@" "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then
        n=$(sed -n 's/^  drops .*pktmem_full \([1-9][0-9]*\).*/\1/p' <<<"$log" | head -1)
        sw=$(sed -n 's/^  swap .*, \(the new program parsed from frame [0-9]*\|no frame parsed only by the new program\).*/\1/p' <<<"$log")
        im=$(sed -n 's/^  moderation .*, \([0-9]*\) interrupts (.*, \([0-9]*\) raised by records that arrived masked.*/\1 interrupts, \2 at an unmask/p' <<<"$log")
        mg=$(sed -n 's/^  reasm .* \([0-9]*\) frames merged.*/\1/p' <<<"$log")
        echo "ok $name${n:+ # pktmem_full $n}${sw:+ # $sw}${im:+ # $im}${mg:+ # merged $mg}"
    elif [ $rc -eq 2 ] && grep -q ': no frames in capture' <<<"$log"; then
        echo "ok $name # no frames: rejected as bad input, as it should be"
    else
        echo "not ok $name: exit $rc: $(sim_reason "$log")"
    fi
}
export -f one
export seed
start=$(date +%s)
find "$dir" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | LC_ALL=C sort > build/tests/lockstep-captures.txt
B=build/microcode
g10k=build/tests/lockstep-10k-flows.pcap
# COUNT TIME TICK: moderated, the timer alone, a COUNT never reached, COUNT 0 with TIME 0,
# a tick every cycle
irq_sets=("4 2 155" "0 1 30" "1000 3 9" "0 0 155" "2 0 0")
irq_every=${IRQ_EVERY:-8}
nf=0
build/bin/nicrx-gen --mode tcp --count 40000 --flows 10000 --reorder 2 --loss 1 --retrans 1 --ipv6 20 --vlan 20 \
    --seed 11 -o "$g10k" >/dev/null || echo "not ok lockstep-gen10k: nicrx-gen failed"
{
    while read -r f; do
        printf '%s\t%s\t--stall\tnone\n' none "$f"
        printf '%s\t%s\t--stall\theavy\n' heavy "$f"
        # the default program loaded by the driver on every capture, nohttp and vxlan on every
        # other in turn (LOCKSTEP_FULL=1 both everywhere): re-assembly on costs the runs some 8%
        # of CPU, and make test's time stays within its budget
        for p in $progs; do
            case $p in nohttp) alt=0 ;; vxlan) alt=1 ;; *) alt=x ;; esac
            [ "${LOCKSTEP_FULL:-0}" = 1 ] || [ $alt = x ] || [ $(( nf % 2 )) -eq $alt ] || continue
            printf '%s\t%s\t--program\t%s\n' "prog-$p" "$f" "$B/$p.bin"
        done
        # no page ring (--pages off: one frame or part a buffer) in the FLOWS 8 run of every
        # sixteenth capture; page rings (the default) everywhere else
        if [ $(( nf % 16 )) -eq 13 ]; then printf '%s\t%s\t--flows\t8\t--pages\toff\n' flows8-pages-off "$f"
        else printf '%s\t%s\t--flows\t8\n' flows8 "$f"; fi
        if [ $(( ++nf % irq_every )) -eq 0 ]; then
            set -- ${irq_sets[$(( nf / irq_every % ${#irq_sets[@]} ))]}
            printf '%s\t%s\t--stall\tnone\t--irq-napi\t--irq-count\t%s\t--irq-time\t%s\t--irq-tick\t%s\n' \
                "irq-$1-$2-$3-none" "$f" "$1" "$2" "$3"
            printf '%s\t%s\t--stall\theavy\t--irq-napi\t--irq-count\t%s\t--irq-time\t%s\t--irq-tick\t%s\t--msix\n' \
                "irq-$1-$2-$3-heavy-msix" "$f" "$1" "$2" "$3"
        fi
        # every frame whole (the header ring down) on every sixteenth capture
        if [ "${LOCKSTEP_FULL:-0}" = 1 ]; then
            for st in none heavy; do
                for x in split pages reasm; do printf '%s\t%s\t--%s\toff\t--stall\t%s\n' "$x-off-$st" "$f" $x $st; done
            done
        elif [ $(( nf % 16 )) -eq 5 ]; then printf '%s\t%s\t--split\toff\n' split-off "$f"
        elif [ $(( nf % 16 )) -eq 9 ]; then
            st=$([ $(( nf / 16 % 2 )) -eq 0 ] && echo none || echo heavy)
            printf '%s\t%s\t--reasm\toff\t--stall\t%s\n' "reasm-off-$st" "$f" $st
        fi
    done < build/tests/lockstep-captures.txt
    printf '%s\t%s\t--flows\t%s\n' gen10k-flows8 "$g10k" 8
    printf '%s\t%s\t--flows\t%s\t--msix\n' gen10k-flows64-msix "$g10k" 64
    printf '%s\t%s\t--reta\t3,2,1,0\t--reta-rewrite-at\t%s\n' gen10k-rss-rewrite "$g10k" 20000
    # Swaps, after N frames were sent; the load takes some 800 cycles, so the
    # traffic must go on: captures of 100 frames or more at line rate or back
    # to back, and the VXLAN captures (few frames) at their timestamps.
    xargs -a build/tests/lockstep-captures.txt -d '\n' capinfos -c -M -T -r 2>/dev/null |
    awk -F'\t' -v B="$B" -v K2="$(printf '%078d' 0 | tr 0 3)a5" -v K3="$(printf '%s' 0123456789abcdef{,,,,})" '
        function run(name, f, opts) { gsub(/ /, "\t", opts); printf "%s\t%s\t%s\n", name, f, opts }
        { n = $2; f = $1 }
        tolower(f) ~ /vxlan/ && n >= 4 {
            run("swap-vxlan-ts-at" int(n / 3), f, "--pace ts --swap-at " int(n / 3) " --swap-program " B "/vxlan.bin")
            run("swap-back-ts-at" int(n / 2) "-heavy", f, "--pace ts --stall heavy --program " B "/vxlan.bin --swap-at " int(n / 2) " --swap-program " B "/default.bin")
            next
        }
        n >= 100 && ++big % 2 == 1 {
            run("swap-vxlan-at" int(n / 4), f, "--swap-at " int(n / 4) " --swap-program " B "/vxlan.bin")
            run("swap-back-at" int(n / 2) "-heavy", f, "--stall heavy --program " B "/vxlan.bin --swap-at " int(n / 2) " --swap-program " B "/default.bin")
            run("swap-nohttp-at" int(n / 3) "-b2b", f, "--pace b2b --swap-at " int(n / 3) " --swap-program " B "/nohttp.bin")
        }
        # RSS (host-interface.md "Receive-side scaling"): another key, types, table or mode,
        # and the table rewritten under traffic, on every fourth capture of 100 frames or more
        n >= 100 && ++rb % 4 == 0 {
            k = (rb / 4) % 4
            if (k == 0) run("rss-modulo", f, "--rss-mode modulo")
            if (k == 1) run("rss-key-reta", f, "--rss-key " K2 " --reta 3,1,2 --rss-types 27")
            if (k == 2) run("rss-rewrite-at" int(n / 3), f, "--reta 0,1,2,3 --reta-rewrite-at " int(n / 3))
            if (k == 3) run("rss-rewrite-at" int(n / 2) "-heavy", f, "--stall heavy --rss-key " K3 " --reta-rewrite-at " int(n / 2))
        }'
} > build/tests/lockstep-runs.txt
out=$(xargs -a build/tests/lockstep-runs.txt -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r -a a <<<"$0"; one "${a[@]}"')
echo "$out"
drops=$(grep -c '^ok lockstep-heavy-.*pktmem_full' <<<"$out")
runs=$(grep -c '^\(not \)\?ok lockstep-' <<<"$out")
swaps=$(grep -c '^ok lockstep-swap-' <<<"$out")
switched=$(grep -c '^ok lockstep-swap-.*the new program parsed from frame' <<<"$out")
# tcpdump/vxlan.pcap carries VXLAN on port 4789: default and vxlan parse it differently
vx=$(grep -c '^\(not \)\?ok lockstep-swap-.*-ts-.*/vxlan\.pcap' <<<"$out")
vx_switched=$(grep -c '^ok lockstep-swap-.*-ts-.*/vxlan\.pcap .*the new program parsed from frame' <<<"$out")
echo "# $runs runs in $(( $(date +%s) - start )) s; heavy profile tail-dropped (pktmem_full) on $drops captures"
echo "# $swaps swap runs passed, $switched of them with frames only the new program parses this way"
echo "# $(grep -c '^ok lockstep-\(gen10k-\)\?rss-' <<<"$out") RSS runs passed (other keys, tables, modes, table rewrites under traffic)"
if [ "$drops" -gt 0 ]; then
    echo "ok lockstep-heavy-tail-drop: pktmem_full drops on $drops captures"
else
    echo "not ok lockstep-heavy-tail-drop: heavy backpressure never filled packet memory"
fi
if [ "$vx" -gt 0 ] && [ "$vx_switched" -eq "$vx" ]; then
    echo "ok lockstep-swap-observed: the $vx swap runs on vxlan.pcap show the switch ($switched of $swaps swap runs in all)"
else
    echo "not ok lockstep-swap-observed: $vx_switched of $vx swap runs on vxlan.pcap had a frame parsed only by the new program"
fi
# re-assembly on by default: runs that merged frames; --reasm off: no run section at all
merging=$(grep -c '^ok lockstep-.* # merged [1-9]' <<<"$out")
off_merged=$(grep -c '^ok lockstep-reasm-off-.* # merged' <<<"$out")
off_runs=$(grep -c '^ok lockstep-reasm-off-' <<<"$out")
if [ "$merging" -gt 0 ] && [ "$off_runs" -gt 0 ] && [ "$off_merged" -eq 0 ]; then
    echo "ok lockstep-reasm-observed: $merging runs merged frames into re-assembly runs; $off_runs with --reasm off merged none"
else
    echo "not ok lockstep-reasm-observed: $merging runs merged frames; $off_merged of $off_runs with --reasm off merged (or ran)"
fi
irq_runs=$(grep -c '^\(not \)\?ok lockstep-irq-' <<<"$out")
irq_unmask=$(grep -c '^ok lockstep-irq-.*[1-9][0-9]* at an unmask' <<<"$out")
if [ "$irq_runs" -gt 0 ] && [ "$irq_unmask" -gt 0 ]; then
    echo "ok lockstep-irq-observed: $irq_runs moderated runs, $irq_unmask with interrupts raised at an unmask"
else
    echo "not ok lockstep-irq-observed: $irq_unmask of $irq_runs moderated runs raised an interrupt at an unmask"
fi
