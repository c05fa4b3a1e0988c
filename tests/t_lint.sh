#!/usr/bin/env bash
# Static checks of rtl/ (synth/lint.sh): Verilator -Wall of nicrx_top at DATA_WIDTH
# 64 and 32 and two parser shapes, make fpga's wrapper at both widths, Yosys proc + check -assert + no latches;
# then synth/report.sh's rows for a place-and-route that did not finish.  Prints ok / not ok lines.
cd "$(dirname "$0")/.."
bash synth/lint.sh

# synth/report.sh's row for a place-and-route that did not finish: a row, with why and how
# far it got, for each way it ends (a row lost here leaves a hole in make synth's table)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
printf '=== top ===\n     LUT4    100\n     CCU2C   10\n     TRELLIS_FF   50\n' > "$t/top.stat"
printf 'Info: Routing 900 arcs.\nInfo:       1000 |       54        945 |   54   945 |    177367|      19.55      19.55|\nP&R TIMEOUT after 60s\n' > "$t/r1.pnr.log"
printf 'Info:  iter=18 wires=12 overused=3000 overuse=9\nP&R TIMEOUT after 60s\n' > "$t/r2.pnr.log"
printf 'ERROR: Unable to place cell x\n' > "$t/err.pnr.log"
for c in "r1|TIMEOUT after 60s; 177367 arcs left" "r2|TIMEOUT after 60s; overused=3000" "err|Unable to place cell x"; do
    row=$(bash synth/report.sh row "ecp5-85 s8 ooc" "top seed 1" "$t/top.stat" "$t/${c%%|*}.pnr" 2>&1)
    if [ "$row" = "$(printf 'ecp5-85 s8 ooc\ttop seed 1\t120\t50\t0\tn/a\t\tP&R FAILED (%s)' "${c#*|}")" ]; then
        echo "ok synth-report-failed-${c%%|*}"
    else
        echo "not ok synth-report-failed-${c%%|*}: got '$row'"
    fi
done
