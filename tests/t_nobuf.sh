#!/usr/bin/env bash
# Empty rings (issue 11 item 6, docs/host-interface.md "Which buffer a frame gets"): the
# host stops posting ring R (nicrx-sim --starve-ring R:20: no buffer of R again after 20
# completion records; --pages off, so the ring runs dry) on nicrx-gen TCP traffic whose
# frames use all three rings (payloads up to 4000 bytes: small, large and header buffers),
# host stalling heavily, XFER_BUF_WAIT 500. For each ring:
#   - lockstep passes: the harness's per-frame accounting (delivered or dropped, never both
#     or neither), the counters against the model's events (DROP_NO_BUF of each ring), the
#     AXI slave's check of every write against the buffers posted (a starved buffer is not);
#   - the model's frames (nicrx-model, same options and seed): some dropped no_buf, each
#     naming ring R, and a frame that needs no buffer of R delivered after the first of them;
# and, model only: with XFER_BUF_WAIT 0 (wait forever) the same run must not end, and the
# default bound must drop no_buf with no option but the starved ring.  The re-assembly ring
# starved takes nothing from anyone, and a ring above it is refused.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-sim build/bin/nicrx-model build/bin/nicrx-gen >/dev/null 2>&1 ||
    { echo "not ok nobuf-build: make nicrx-sim, nicrx-model, nicrx-gen failed"; exit 1; }
seed=${SEED:-7}
cap=build/tests/nobuf-mix.pcap
mkdir -p build/tests
build/bin/nicrx-gen --mode tcp --count 600 --flows 8 --pay 64-4000 --seed 5 -o "$cap" >/dev/null ||
    { echo "not ok nobuf-gen: nicrx-gen failed"; exit 1; }
# re-assembly off: a merged frame needs a header buffer (ring 2) where it would take ring 0 or
# 1, so with it on ring 2 runs dry too and a no_buf may name it (the starve-reasm run turns it on)
opts=(--seed "$seed" --stall heavy --pages off --buf-wait 500 --reasm off)
for r in 0 1 2; do
    name="nobuf-lockstep-starve-ring$r"
    log=$(build/bin/nicrx-sim --summary "${opts[@]}" --starve-ring $r:20 "$cap" 2>&1); rc=$?
    n=$(sed -n 's/^  drops .*no_buf \([0-9]*\).*/\1/p' <<<"$log")
    if [ $rc -eq 0 ] && [ "${n:-0}" -gt 0 ]; then
        echo "ok $name # no_buf $n"
    else
        echo "not ok $name: exit $rc, no_buf ${n:-none}: $(grep -m1 -E '^nicrx-|DIVERGENCE|FAIL' <<<"$log")"
    fi
    name="nobuf-model-starve-ring$r-others-delivered"
    res=$(build/bin/nicrx-model "${opts[@]}" --starve-ring $r:20 "$cap" | awk -v r=$r '
        { match($0, /"i":[0-9]+/); i = substr($0, RSTART + 4, RLENGTH - 4) + 0 }
        /"reason":"no_buf"/ { n++; if (first == "") first = i; if ($0 !~ "\"ring\":" r ",") bad++ }
        /"verdict":"delivered"/ && first != "" && i > first {
            match($0, /"parts":\[[^]]*\]/); if (substr($0, RSTART, RLENGTH) !~ "\"ring\":" r ",") after++ }
        END { printf "%d %d %d", n, bad, after }')
    read -r n bad after <<<"$res"
    if [ "${n:-0}" -gt 0 ] && [ "${bad:-1}" -eq 0 ] && [ "${after:-0}" -gt 0 ]; then
        echo "ok $name # $n no_buf, all ring $r; $after frames of other rings delivered after the first"
    else
        echo "not ok $name: $n no_buf, $bad naming another ring, $after of other rings delivered after"
    fi
done
# the bounded runs end within 120,000 cycles; waiting forever, the frames behind the first one
# that needs a header buffer are never accounted for
log=$(build/bin/nicrx-model --summary "${opts[@]}" --buf-wait 0 --starve-ring 2:20 --max-cycles 300000 "$cap" 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q '^FAIL: .*stopped at --max-cycles' <<<"$log"; then
    echo "ok nobuf-wait-forever-holds-the-queue # $(grep -m1 '^FAIL' <<<"$log")"
else
    echo "not ok nobuf-wait-forever-holds-the-queue: XFER_BUF_WAIT 0 with ring 2 starved: exit $rc, $(head -1 <<<"$log")"
fi
log=$(build/bin/nicrx-model --summary --seed "$seed" --pages off --starve-ring 2:20 "$cap" 2>&1); rc=$?
n=$(sed -n 's/^  drops .*no_buf \([0-9]*\).*/\1/p' <<<"$log")
[ $rc -eq 0 ] && [ "${n:-0}" -gt 0 ] && echo "ok nobuf-default-bound # no_buf $n at XFER_BUF_WAIT's reset value" ||
    echo "not ok nobuf-default-bound: exit $rc, no_buf ${n:-none}"
# the re-assembly ring (3) starved from the start, re-assembly on: it takes no frame, so no
# frame waits for it (no_buf names rings 0..2 only) and lockstep passes with its doorbell at 0
name=nobuf-lockstep-starve-reasm-ring
log=$(build/bin/nicrx-sim --summary "${opts[@]}" --reasm on --starve-ring 3 "$cap" 2>&1); rc=$?
n=$(sed -n 's/^  drops .*no_buf \([0-9]*\).*/\1/p' <<<"$log")
if [ $rc -eq 0 ] && [ "${n:-0}" -eq 0 ]; then
    echo "ok $name # $(grep -m1 -o 'agree on all [0-9]* cycles' <<<"$log")"
else
    echo "not ok $name: exit $rc, no_buf ${n:-none}: $(grep -m1 -E '^nicrx-|DIVERGENCE|FAIL' <<<"$log")"
fi
# a bad --starve-ring value: status 2 and the option's one wording, whichever part is wrong
for v in 4 1x 1: 1:x 1:-1 1:18446744073709551616; do
    err=$(build/bin/nicrx-model --starve-ring "$v" "$cap" 2>&1 >/dev/null); rc=$?
    if [ $rc -eq 2 ] && [ "$err" = "nicrx-model: --starve-ring takes R or R:N, a ring 0..3 and a record count, not '$v'" ]; then
        echo "ok nobuf-bad-starve-ring-$v"
    else echo "not ok nobuf-bad-starve-ring-$v: exit $rc: $err"; fi
done
