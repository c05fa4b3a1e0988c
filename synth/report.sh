#!/usr/bin/env bash
# report.sh - Yosys `stat` output and nextpnr --report JSON to table rows.
#
#   report.sh row TARGET CONFIG STAT_FILE [PNR]   one TSV row (PNR: NAME of NAME.pnr.json,
#                                                 or of NAME.pnr.log when P&R failed)
#   report.sh modules TARGET STAT_FILE            one TSV row per module (synth -noflatten)
#   report.sh table ROWS_FILE                     the rows as an aligned table
#   report.sh worst ROWS_FILE                     per target and configuration, the worst
#                                                 Fmax over its seeds
#
# Columns: target, config, LUTs, FFs, BRAMs, Fmax MHz, critical path (start -> end
# cell, from the nextpnr log), notes.  ECP5 LUTs count LUT4 plus two per CCU2C (a
# carry cell holds two LUTs).
set -euo pipefail

# stat_rows STAT_FILE: "module<TAB>luts<TAB>ffs<TAB>brams<TAB>lutram" per module
stat_rows() {
    awk '
        function flush() {
            if (name == "") return
            l = c["LUT4"] + 2 * c["CCU2C"]; f = c["TRELLIS_FF"]; b = c["DP16KD"]; r = c["TRELLIS_DPR16X4"]
            printf "%s\t%d\t%d\t%d\t%d\n", name, l, f, b, r
            delete c
        }
        /^[ \t]*=== .* ===[ \t]*$/ { flush(); name = $0; sub(/^[ \t]*=== /, "", name); sub(/ ===[ \t]*$/, "", name); next }
        /^[ \t]+[$A-Za-z_][A-Za-z0-9_$]*[ \t]+[0-9]+[ \t]*$/ { c[$1] = $2 }
        END { flush() }' "$1"
}

pnr_util() {  # pnr_util JSON: "TYPE used/available" for the interesting cell types
    local t
    for t in TRELLIS_COMB TRELLIS_FF DP16KD TRELLIS_RAMW; do
        local obj
        obj=$(grep -o "\"$t\": *{[^}]*}" "$1" | head -1) || continue
        [ -n "$obj" ] || continue
        local av us
        av=$(sed -n 's/.*"available": *\([0-9]*\).*/\1/p' <<<"$obj")
        us=$(sed -n 's/.*"used": *\([0-9]*\).*/\1/p' <<<"$obj")
        printf '%s %s/%s ' "$t" "$us" "$av"
    done
}

# crit LOG: "start -> end" cells of the critical path nextpnr reported last
crit() {
    awk '/Critical path report for clock/ { s = ""; e = ""; on = 1; next }
         on && /Source / && s == "" { s = $NF }
         on && /Sink / { e = $NF }
         on && /^Info: *$/ { on = 0 }
         END { if (s != "") printf "%s -> %s", s, e }' "$1"
}

row() {
    local target=$1 config=$2 stat=$3 pnr=${4:-}
    local name luts ffs brams lutram fmax="-" path="" notes=""
    IFS=$'\t' read -r name luts ffs brams lutram < <(stat_rows "$stat" | tail -1)
    [ "$lutram" -gt 0 ] && notes="LUT-RAM $lutram DPR16X4"
    if [ -n "$pnr" ] && [ ! -f "$pnr.json" ] && [ -f "$pnr.log" ]; then
        fmax="n/a"
        local why
        if grep -q "no BELs remaining" "$pnr.log"; then
            why="does not fit: $(grep -oE '(ICESTORM_LC|TRELLIS_COMB|ICESTORM_RAM|DP16KD): *[0-9]+/ *[0-9]+' "$pnr.log" |
                sed 's/: */ /; s/\/ */\//' | tr '\n' ' ')"
            why=${why% }
        elif grep -q "^P&R TIMEOUT" "$pnr.log"; then
            # how far it got: router2's overused wires, router1's arcs still to route (the
            # last progress line's "remaining" column); either may be absent
            local over left
            over=$(grep -o 'overused=[0-9]*' "$pnr.log" | tail -1 || true)
            left=$(awk -F'|' '/^Info: +[0-9]+ +\|/ && NF >= 6 { a = $4 } END { gsub(/ /, "", a); print a }' "$pnr.log")
            why="$(grep -m1 '^P&R TIMEOUT' "$pnr.log" | cut -c5-)${over:+; $over}${left:+; $left arcs left}"
        else
            why=$(grep -m1 '^ERROR: ' "$pnr.log" | cut -c8-88 || true)
        fi
        notes="${notes:+$notes; }P&R FAILED${why:+ ($why)}"
    elif [ -n "$pnr" ]; then
        fmax=$(grep -o '"achieved": *[0-9.]*' "$pnr.json" | awk -F: 'NR == 1 || $2 < m { m = $2 } END { if (NR) printf "%.1f", m; else print "-" }')
        path=$(crit "$pnr.log")
        local u; u=$(pnr_util "$pnr.json")
        notes="${notes:+$notes; }${u% }"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$config" "$luts" "$ffs" "$brams" "$fmax" "$path" "$notes"
}

modules() {
    local target=$1 stat=$2 name luts ffs brams lutram
    while IFS=$'\t' read -r name luts ffs brams lutram; do
        [ "$name" = "design hierarchy" ] && name=total
        name=$(sed -e 's/^\$paramod\$[0-9a-f]*\\//' -e 's/^\$paramod\\\([^\\]*\)\\.*$/\1/' <<<"$name")
        printf '%s\t%s\t%s\t%s\t%s\t-\t\t%s\n' "$target" "$name" "$luts" "$ffs" "$brams" \
            "$([ "$lutram" -gt 0 ] && echo "LUT-RAM $lutram DPR16X4")"
    done < <(stat_rows "$stat")
}

table() {
    { printf 'target\tconfig\tLUTs\tFFs\tBRAMs\tFmax MHz\tcritical path\tnotes\n'; cat "$1"; } |
        awk -F'\t' '
            { n = NR; for (i = 1; i <= 8; i++) { cell[n, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
            END {
                for (r = 1; r <= n; r++) {
                    line = ""
                    for (i = 1; i <= 8; i++) line = line sprintf("%-" w[i] "s  ", cell[r, i])
                    sub(/ +$/, "", line); print line
                    if (r == 1) { line = ""; for (i = 1; i <= 8; i++) { d = ""; for (j = 0; j < w[i]; j++) d = d "-"; line = line d "  " }
                                  sub(/ +$/, "", line); print line }
                }
            }'
}

# worst ROWS: per target and configuration (the config column without its seed), the
# lowest Fmax over the seeds that ran, and how many seeds
worst() {
    awk -F'\t' '
        { c = $2; sub(/ seed [0-9]+$/, "", c); k = $1 "\t" c
          if (!(k in n)) order[++m] = k
          n[k]++
          f = ($6 ~ /^[0-9.]+$/) ? $6 + 0 : -1
          if (!(k in w) || f < w[k]) w[k] = f }
        END { for (i = 1; i <= m; i++) { k = order[i]; split(k, p, "\t")
                  printf "worst of %d seed(s)  %-22s %-32s %s\n", n[k], p[1], p[2], (w[k] < 0 ? "FAILED" : sprintf("%.1f MHz", w[k])) } }' "$1"
}

cmd=${1:-}; shift || true
case "$cmd" in
row) row "$@" ;;
modules) modules "$@" ;;
table) table "$@" ;;
worst) worst "$@" ;;
*) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
