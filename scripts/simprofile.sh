#!/usr/bin/env bash
# simprofile.sh [CAPTURE [SIMULATOR]]: where a lockstep run's time goes.  Runs the Verilator
# simulator (build/verilator/dw64/Vnicrx_tb by default) once under cachegrind, which counts
# instructions (the same on a loaded machine, unlike wall time; no hardware counters needed),
# and prints them per cycle, split between the Verilated RTL (its eval), the C model
# (cmodel/), the harness (tb/), the host driver (host/) and the rest (libc, loader, Verilator's
# runtime), then the ten costliest functions outside the RTL.  docs/report.md "Simulation speed".
set -u
cd "$(dirname "$0")/.."
pcap=${1:-captures/default.pcap}
sim=${2:-build/verilator/dw64/Vnicrx_tb}
command -v valgrind >/dev/null && command -v cg_annotate >/dev/null ||
    { echo "simprofile: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -x "$sim" ] || { echo "simprofile: $sim: no simulator (make sim)" >&2; exit 2; }
[ -r "$pcap" ] || { echo "simprofile: $pcap: cannot read" >&2; exit 2; }
out=build/simprofile; mkdir -p "$out"
cycles=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$out/cg.out" \
             "$sim" +prog=nicrx-sim +a=--json-summary +a=--seed +a=1 +a="$pcap" 2>/dev/null | jq '.simulation.cycles')
[ -n "$cycles" ] && [ "$cycles" != null ] || { echo "simprofile: the run failed" >&2; exit 1; }
cg_annotate --auto=no --threshold=0 "$out/cg.out" 2>/dev/null > "$out/functions.txt"
awk -v cyc="$cycles" -v pcap="$pcap" -v here="$PWD/" '
/file:function/ { f = 1; next }
f && /^-+$/ { if (seen) exit; next }
f && /^ *[0-9,]+ +\(/ {
    seen = 1; n = $1; gsub(",", "", n); fn = $0; sub(/^[^)]*\) +/, "", fn); sub(here, "", fn)
    g = "rest (libc, loader, Verilator runtime)"
    if (fn ~ /Vnicrx_tb___024root/) g = "Verilated RTL (eval)"
    else if (fn ~ /cmodel\//) g = "C model (cmodel/)"
    else if (fn ~ /(^|\/)tb\//) g = "harness (tb/)"
    else if (fn ~ /host\//) g = "host driver (host/)"
    s[g] += n; t += n
    if (g != "Verilated RTL (eval)" && nt < 10) { top[++nt] = sprintf("  %-60s %8.0f", fn, n / cyc) }
}
END {
    printf "%s: %d cycles, %.0f instructions a cycle\n", pcap, cyc, t / cyc
    for (g in s) printf "  %-40s %8.0f a cycle  %5.1f%%\n", g, s[g] / cyc, 100 * s[g] / t
    print "costliest outside the RTL (instructions a cycle):"
    for (i = 1; i <= nt; i++) print top[i]
}' "$out/functions.txt"
