#!/usr/bin/env bash
# Random early discard under 2x oversubscription (make bench; model only): RED_FRAMES
# (default 1,000,000) frames of nicrx-gen TCP traffic (mixed sizes: handshakes, ACKs and
# data) over 1000 connections, back to back, the host bus at half the line (--stall half).
# For each mode the frames RED decided (control frames aside: exempt) are bucketed by avg
# (64-word buckets; the plot shows those of 1000 frames or more); per bucket the measured drop fraction against the mean probability the
# decisions used (regions: the configured curve itself; Floyd-Jacobson: pa, whose count term
# the curve's pb leaves out, printed beside it); the largest absolute difference over buckets
# of at least 10000 frames (goal 1 %; such a bucket's sampling error is under 0.5 %).  Then
# the tail drops (pktmem_full) with RED off and on.
# The plot: docs/red-bench.png (gnuplot).  RED_REUSE=1 redoes the figures from the last runs.
set -u
cd "$(dirname "$0")/.."
out=build/bench; mkdir -p "$out"
n=${RED_FRAMES:-1000000}
pcap=$out/red_tcp.pcap
[ "${RED_REUSE:-0}" = 1 ] ||
    build/bin/nicrx-gen --mode tcp --flows 1000 --count "$n" --seed 5 -o "$pcap" >/dev/null || { echo "bench_red: nicrx-gen failed"; exit 1; }
load="--stall half --pace b2b --seed 1"
fj="--red-mode 1 --red-min 256 --red-max 1536 --red-maxp 2 --red-wlog 6"
rg="--red-mode 2 --red-wlog 6 --red-regions 256:16,640:64,1024:128,1536:256"
status=0
printf '\nrandom early discard: %d frames of TCP traffic over 1000 connections, back to back, host bus at half the line\n' "$n"
for m in off fj rg; do
    [ "${RED_REUSE:-0}" = 1 ] && [ -s "$out/red_$m.jsonl" ] && continue
    case $m in off) opts="" ;; fj) opts=$fj ;; rg) opts=$rg ;; esac
    # shellcheck disable=SC2086
    build/bin/nicrx-model $opts $load "$pcap" > "$out/red_$m.jsonl" || { echo "bench_red: $m run failed"; status=1; continue; }
done
# per mode: bucket, frames, measured, mean p, configured pb (fj) -> red_<m>.dat; summary line
for m in fj rg; do
    awk -v m=$m -v min=256 -v max=1536 -v maxp=2 -v dat="$out/red_$m.dat" '
        /"red":\{/ && !/"op":"ctrl"/ {
            match($0, /"avg":[0-9.]+/); a = substr($0, RSTART + 6, RLENGTH - 6)
            match($0, /"p":[0-9.]+/);   p = substr($0, RSTART + 4, RLENGTH - 4)
            b = int(a / 64); n[b]++; ps[b] += p; if ($0 ~ /"drop":"/) d[b]++
            if (b > hi) hi = b
        }
        END {
            for (b = 0; b <= hi; b++) {
                if (!n[b]) continue
                c = b * 64 + 32; meas = d[b] / n[b]; ex = ps[b] / n[b]
                pb = c < min ? 0 : c >= max ? 1 : (c - min) / ((max - min) * 2 ^ maxp)
                if (n[b] >= 1000) printf "%d %d %.5f %.5f %.5f\n", c, n[b], meas, ex, pb > dat
                if (n[b] >= 10000) { e = meas - ex; if (e < 0) e = -e; if (e > worst) { worst = e; wb = c }; k++ }
                tot += n[b]; drops += d[b]
            }
            printf "  %-15s %8d decisions, %7d dropped, %2d buckets of 10000+, max |measured - p| %.4f (avg %d words)\n",
                   m == "fj" ? "Floyd-Jacobson" : "regions", tot, drops, k, worst, wb
            if (worst > 0.01) exit 3
        }' "$out/red_$m.jsonl" || status=1
done
for m in off fj rg; do
    awk -v m=$m '
        /"verdict":"dropped"/ { d++; if (/"pktmem_full"/) t++; if (/"red_early"/) e++; if (/"red_forced"/) f++ }
        /"op":"ctrl"/ && /"red_/ { c++ }
        END { printf "  RED %-4s drops %7d: tail (pktmem_full) %7d = %5.1f %%, early %7d, forced %7d; control frames dropped by RED %d\n",
                     m, d, t, d ? 100 * t / d : 0, e, f, c }' "$out/red_$m.jsonl"
done
if command -v gnuplot >/dev/null 2>&1; then
    gnuplot <<GP || status=1
set terminal pngcairo size 900,520 noenhanced
set output "docs/red-bench.png"
set title "RED under 2x oversubscription ($n frames): drop fraction per 64-word bucket of avg"
set xlabel "avg (packet-memory words)"; set ylabel "drop probability"; set key left top; set grid
plot "$out/red_fj.dat" u 1:3 w p pt 7 ps 0.8 t "Floyd-Jacobson measured", \
     "$out/red_fj.dat" u 1:4 w l lw 2 t "Floyd-Jacobson mean pa", \
     "$out/red_fj.dat" u 1:5 w l dt 2 t "Floyd-Jacobson configured pb", \
     "$out/red_rg.dat" u 1:3 w p pt 5 ps 0.8 t "regions measured", \
     "$out/red_rg.dat" u 1:4 w l lw 2 t "regions configured"
GP
    echo "  plot: docs/red-bench.png"
fi
exit $status
