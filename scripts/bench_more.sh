#!/usr/bin/env bash
# The batching hint (make bench; model only, every record checked against the harness's own
# count): MORE_FRAMES (default 20,000) frames of nicrx-gen TCP traffic over 50 connections,
# interleaved round robin and at random, back to back, the host bus at half the line
# (--stall half) so that the frame queue holds frames, and not throttled for comparison.
# Per run: the fraction of completions with `more` set and the mean run (flow frames per
# batch a host closing a batch at a record without `more` would take; docs/report.md
# "batching").
set -u
cd "$(dirname "$0")/.."
out=build/bench; mkdir -p "$out"
n=${MORE_FRAMES:-20000}
status=0
printf '\nbatching hint: %d frames of TCP traffic over 50 connections, back to back\n' "$n"
for il in rr random; do
    pcap=$out/more_$il.pcap
    build/bin/nicrx-gen --mode tcp --flows 50 --interleave "$il" --count "$n" --seed 7 -o "$pcap" >/dev/null \
        || { echo "bench_more: nicrx-gen failed"; exit 1; }
    for st in none half; do
        js=$(build/bin/nicrx-model --json-summary --stall "$st" --pace b2b --seed 1 "$pcap") \
            || { echo "bench_more: $il $st run failed"; status=1; continue; }
        jq -r --arg il "$il" --arg st "$st" \
            '"  interleave \($il | .[0:6] + "      " | .[0:6]) host bus \(if $st == "half" then "at half" else "free   " end): \(.traffic.delivered) delivered, \(.batching.more) with more (fraction \(.batching.more_fraction)), mean run \(.batching.mean_run) flow frames, frame queue peak \(.occupancy.fq_peak)"' \
            <<< "$js" || status=1
    done
done
exit $status
