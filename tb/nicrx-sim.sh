#!/usr/bin/env bash
# nicrx-sim - RTL + C model lockstep on a capture (installed by mk/tb.mk).
# Turns options into plusargs for the simulator built for this variant.
set -u
here=$(cd "$(dirname "$0")" && pwd)
variant=@VARIANT@
trace_variant=@TRACE@
usage() {
    cat <<USAGE
usage: $(basename "$0") [options] FILE.pcap|FILE.pcapng
Runs nicrx_top (RTL) and the C model in lockstep on a capture, compared at the
ports every cycle.  Exit status: 0 no divergence and every check passed,
1 divergence or failed check, 2 bad input.
  --seed N            PRNG seed for AXI backpressure and latencies (default: random, printed)
  --stall none|heavy  host AXI profile (default none)
  --pace line|b2b|ts  frame pacing (default line)
  --clock MHZ         clock for --pace ts (default 156.25)
  --summary           print only the report
  --max-cycles N      stop with an error after N cycles
  --program FILE.bin  parser program the driver loads at bring-up
  --swap-at N --swap-program FILE.bin
                      after N frames were sent, load FILE.bin into the shadow bank and swap
  --step-limit N      parser step limit per frame, 1..256 (default 64)
  --flows N           FLOWS: runs the simulator built with N flow entries (64; 8, 256)
  --flow-ctrl V       FLOW_CTRL: bit 0 VLAN id in the flow key, bit 1 evict (default 2)
  --flow-thresh N     FLOW_THRESH: in-order payloads shorter are SHORT (default 64)
  --flow-tick N       FLOW_TICK: cycles per time tick - 1 (default 155)
  --flow-age N        FLOW_AGE: idle ticks before a flow is aged, 0 never (default 0)
  --flow-cmds N       the host runs N random flow READ/INSTALL/INVALIDATE commands
  --trace FILE.fst    on a divergence, re-run and dump the last 2000 cycles up to it
USAGE
}
args=(); pcap=""; trace=""; flows=64
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --flows) [ $# -ge 2 ] || { echo "nicrx: $1 needs a value" >&2; exit 2; }
            flows=$2; args+=("+flows=$2"); shift 2 ;;
        --seed|--stall|--pace|--clock|--max-cycles|--program|--swap-at|--swap-program|--step-limit|\
        --flow-ctrl|--flow-thresh|--flow-tick|--flow-age|--flow-cmds)
            [ $# -ge 2 ] || { echo "nicrx: $1 needs a value" >&2; exit 2; }
            k=${1#--}; args+=("+${k//-/_}=$2"); shift 2 ;;
        --summary) args+=("+summary"); shift ;;
        --trace) [ $# -ge 2 ] || { echo "nicrx: --trace needs a file" >&2; exit 2; }
            trace=$2; shift 2 ;;
        -*) echo "nicrx: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) [ -z "$pcap" ] || { echo "nicrx: more than one capture given" >&2; exit 2; }
           pcap=$1; shift ;;
    esac
done
[ -n "$pcap" ] || { echo "nicrx: no capture file given" >&2; usage >&2; exit 2; }
# FLOWS is an elaboration parameter: one simulator per value (mk/tb.mk SIM_FLOWS).
if [ "$flows" != 64 ]; then
    case $flows in *[!0-9]*|"") echo "nicrx: --flows takes a power of two, 8..256" >&2; exit 2 ;; esac
    if [ "$variant" = icarus ]; then
        echo "nicrx: --flows $flows: no simulator built with FLOWS=$flows (Icarus: FLOWS=64 only)" >&2
        exit 2
    elif [ ! -x "$here/../verilator/${variant}f$((10#$flows))/Vnicrx_tb" ]; then
        echo "nicrx: --flows $flows: no simulator built with FLOWS=$flows (make build/verilator/${variant}f$flows/Vnicrx_tb)" >&2
        exit 2
    fi
    variant=${variant}f$((10#$flows)); trace_variant=""
fi
# Pick the seed here so a --trace re-run replays the same backpressure.
case " ${args[*]-} " in *" +seed="*) ;; *) args+=("+seed=$(od -An -N4 -tu4 /dev/urandom | tr -d " ")") ;; esac
run() {  # run VARIANT extra-plusargs...
    local v=$1; shift
    if [ "$v" = icarus ]; then
        vvp -n -M "$here/../icarus" -m nicrx "$here/../icarus/nicrx_tb.vvp" "+pcap=$pcap" "${args[@]}" "$@" \
            | grep -v '^VCD info'
        return "${PIPESTATUS[0]}"
    fi
    "$here/../verilator/$v/Vnicrx_tb" "+pcap=$pcap" "${args[@]}" "$@"
}
if [ -z "$trace" ]; then
    run "$variant"
    exit $?
fi
err=$(mktemp); trap 'rm -f "$err"' EXIT
run "$variant" 2> >(tee "$err" >&2)
rc=$?
sleep 0.1
if [ $rc -eq 1 ] && cyc=$(LC_ALL=C sed -n 's/.*: cycle \([0-9]*\), frame.*/\1/p' "$err" | head -1) && [ -n "$cyc" ]; then
    bin="$here/../verilator/$trace_variant/Vnicrx_tb"
    if [ -z "$trace_variant" ] || [ ! -x "$bin" ]; then
        echo "nicrx: no tracing build; run 'make trace' first" >&2
    else
        from=$(( cyc > 2000 ? cyc - 2000 : 0 ))
        "$bin" "+pcap=$pcap" "${args[@]}" "+trace_file=$trace" "+trace_from=$from" "+trace_to=$cyc" >/dev/null 2>&1
        echo "nicrx: trace of cycles $from..$cyc in $trace" >&2
    fi
fi
exit $rc
