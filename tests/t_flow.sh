#!/usr/bin/env bash
# The flow block in lockstep on nicrx-gen TCP traffic (the harness checks every
# decision against docs/opcodes.md and its shadow of the flow database, and
# every completion's opcode, flow and generation against the flow block's):
#   - host flow commands (READ, INSTALL, INVALIDATE) under traffic, several
#     seeds, both host profiles, FLOWS 64 and 8, without evict, with aging
#     and the VLAN id in the key, and once under Icarus; the
#     semantic checks must have run: READs matching the frames decided,
#     noassist frames TCP_OTHER after an INSTALL, invalidated flows back with
#     a new generation;
#   - aging: FLOW_TICK 0 and a short FLOW_AGE make idle flows age (events
#     "aged", FLOW_AGED counts them, checked by the harness); FLOW_AGE 0 never;
#   - no evict (FLOW_CTRL 0): a full table gives NO_FLOW (FLOW_NO_FLOW);
#   - the VLAN id in the key (FLOW_CTRL 3), a large FLOW_THRESH (SHORT);
#   - FLOWS 256 (its simulator built on demand by nicrx-sim, first in the list so that the
#     build overlaps the other runs; t_tools runs it again).
# SEED=N fixes the PRNG seed of the runs that do not set their own.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-sim build/bin/nicrx-sim-icarus build/bin/nicrx-gen >/dev/null 2>&1 ||
    { echo "not ok flow-build: make build/bin/nicrx-sim, nicrx-sim-icarus, nicrx-gen failed"; exit 1; }
t=build/tests/flow; mkdir -p "$t"
seed=${SEED:-20240601}
gen() {  # FILE OPTIONS...
    local f=$1; shift
    build/bin/nicrx-gen --mode tcp "$@" -o "$t/$f" >/dev/null || { echo "not ok flow-gen-$f: nicrx-gen $*"; return 1; }
}
# 16 connections at a time (they live in a 64-entry table), reordering, loss,
# retransmissions, IPv6, VLAN, short segments; 300 connections at a time.
gen c16.pcap --count 3000 --flows 16 --reorder 3 --loss 1 --retrans 2 --ipv6 30 --vlan 30 --small 10 --seed 7 || exit 1
gen c16b.pcap --count 3000 --flows 16 --reorder 5 --retrans 5 --rst 50 --data both --seed 8 || exit 1
gen c300.pcap --count 6000 --flows 300 --reorder 2 --loss 1 --retrans 2 --ipv6 20 --vlan 20 --seed 9 || exit 1
gen c8.pcap --count 600 --flows 8 --reorder 3 --retrans 3 --seed 10 || exit 1

# The runs, two at a time: "NAME SIM FILE OPTIONS..." each; the report in $t/NAME.txt, the
# exit status in $t/NAME.rc.  res NAME then gives its ok/not ok line and status.
{
    echo "f256 nicrx-sim c300.pcap --flows 256 --flow-cmds 50"
    for s in 1 2 3; do echo "cmds-s$s nicrx-sim c16.pcap --flow-cmds 150 --seed $s"; done
    echo "cmds-heavy nicrx-sim c16b.pcap --flow-cmds 150 --stall heavy --seed 4"
    echo "cmds-f8 nicrx-sim c16.pcap --flows 8 --flow-cmds 150 --seed 5"
    echo "cmds-c300 nicrx-sim c300.pcap --flow-cmds 200 --seed 6"
    echo "cmds-noevict nicrx-sim c300.pcap --flow-ctrl 0 --flow-cmds 100 --seed 8"
    echo "cmds-age-vlan nicrx-sim c16.pcap --flows 8 --flow-ctrl 1 --flow-tick 0 --flow-age 3000 --flow-cmds 100 --seed 9"
    echo "cmds-icarus nicrx-sim-icarus c8.pcap --flow-cmds 20 --seed 7"
    echo "age-on nicrx-sim c16.pcap --flow-tick 0 --flow-age 1500"
    echo "age-f8-heavy nicrx-sim c16b.pcap --flows 8 --stall heavy --flow-tick 0 --flow-age 800"
    echo "age-off nicrx-sim c16.pcap --flow-tick 0 --flow-age 0"
    for fl in 8 64; do echo "noevict-f$fl nicrx-sim c300.pcap --flows $fl --flow-ctrl 0"; done
    echo "evict-f8 nicrx-sim c300.pcap --flows 8"
    echo "vlan-key nicrx-sim c16.pcap --flow-ctrl 3"
    echo "thresh nicrx-sim c16.pcap --flow-thresh 2000"
} > "$t/runs.txt"
launch() {  # NAME SIM FILE OPTIONS...
    local name=$1 sim=$2 f=$3
    shift 3
    build/bin/$sim --summary --seed "$seed" "$@" "$t/$f" > "$t/$name.txt" 2>&1
    echo $? > "$t/$name.rc"
}
export -f launch
export t seed
xargs -a "$t/runs.txt" -d '\n' -P2 -n1 bash -c 'launch $0'
res() {  # NAME
    local name=$1 rc
    rc=$(cat "$t/$name.rc" 2>/dev/null || echo 127)
    if [ "$rc" -eq 0 ]; then echo "ok flow-$name # $(grep -m1 '^  opcodes' "$t/$name.txt" | tr -s ' ')"
    else echo "not ok flow-$name: exit $rc: $(grep -m1 '^nicrx-[a-z0-9-]*: \|^FAIL' "$t/$name.txt")"; fi
    return "$rc"
}
# field NAME KEY: the count after KEY on the report's "flow events" or "opcodes" line
field() { sed -n "/^  \(flow events\|opcodes\) /s/.* $2 \([0-9]*\).*/\1/p" "$t/$1.txt" | head -1; }

# ---- host commands under traffic ------------------------------------------------
cmd_runs=""
for r in cmds-s1 cmds-s2 cmds-s3 cmds-heavy cmds-f8 cmds-c300 cmds-noevict cmds-age-vlan cmds-icarus; do
    res $r && cmd_runs+=" $r"
done
tot() {  # sum of a "flow cmds" figure over the command runs
    local n=0 r
    for r in $cmd_runs; do n=$(( n + $(sed -n "s/^  flow cmds .*$1.*/\1/p" "$t/$r.txt" | head -1) )); done
    echo $n
}
reads=$(tot 'checked \([0-9]*\) reads')
installs=$(tot ' \([0-9]*\) installs')
invals=$(tot ' \([0-9]*\) invalidates,')
noassist=$(tot ' \([0-9]*\) noassist frames')
regen=$(tot ' \([0-9]*\) invalidated flows back')
summary="READs checked $reads, INSTALLs $installs, INVALIDATEs $invals, noassist frames TCP_OTHER $noassist, invalidated flows back with a new generation $regen"
if [ -n "$cmd_runs" ] && [ "$reads" -gt 0 ] && [ "$installs" -gt 0 ] && [ "$invals" -gt 0 ] && [ "$noassist" -gt 0 ] && [ "$regen" -gt 0 ]; then
    echo "ok flow-cmds-checked # $summary"
else
    echo "not ok flow-cmds-checked: some semantic check never ran: $summary"
fi

# ---- aging ---------------------------------------------------------------------
# FLOW_TICK 0: one tick per cycle; 16 connections share ~70-cycle frames, so a
# flow is often idle for more than 1500 cycles.
if res age-on; then
    aged=$(field age-on 'aged')
    [ "${aged:-0}" -gt 0 ] && echo "ok flow-age-events # $aged aged events (FLOW_AGED checked by the harness)" ||
        echo "not ok flow-age-events: no flow aged with FLOW_AGE 1500 ticks of one cycle"
fi
if res age-f8-heavy; then
    aged=$(field age-f8-heavy 'aged')
    [ "${aged:-0}" -gt 0 ] && echo "ok flow-age-events-f8 # $aged aged events" || echo "not ok flow-age-events-f8: no flow aged"
fi
if res age-off; then
    aged=$(field age-off 'aged')
    [ "$aged" = 0 ] && echo "ok flow-age-off-none # no aged event, FLOW_AGED 0" || echo "not ok flow-age-off-none: $aged aged events with FLOW_AGE 0"
fi

# ---- no evict: NO_FLOW when the table is full ----------------------------------------
for fl in 8 64; do
    if res noevict-f$fl; then
        nf=$(field noevict-f$fl 'no_flow'); ev=$(field noevict-f$fl 'evicted')
        if [ "${nf:-0}" -gt 0 ] && [ "$ev" = 0 ]; then echo "ok flow-noevict-f$fl-no-flow # $nf frames NO_FLOW, none evicted"
        else echo "not ok flow-noevict-f$fl-no-flow: no_flow ${nf:-?}, evicted ${ev:-?}"; fi
    fi
done
if res evict-f8; then
    ev=$(field evict-f8 'evicted')
    [ "${ev:-0}" -gt 0 ] && echo "ok flow-evict-f8-evicts # $ev flows evicted" || echo "not ok flow-evict-f8-evicts: nothing evicted"
fi

# ---- key with the VLAN id, FLOW_THRESH --------------------------------------------
res vlan-key
if res thresh; then
    sh=$(field thresh 'short'); co=$(field thresh 'cont')
    [ "${sh:-0}" -gt 0 ] && [ "$co" = 0 ] && echo "ok flow-thresh-short # FLOW_THRESH 2000: $sh SHORT, no CONT" ||
        echo "not ok flow-thresh-short: short ${sh:-?}, cont ${co:-?} with FLOW_THRESH 2000"
fi

# ---- FLOWS 256 ---------------------------------------------------------------------
res f256
