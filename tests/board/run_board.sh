#!/usr/bin/env bash
# The whole board under Verilator (tests/board/board_tb.sv: fpga/boards/ecpix5/nicrx_ecpix5.v
# with the core, the MAC, the FIFO, the host agent and the UART bridge), RGMII pins driven
# from captures (tests/board/rgmii_gen.c: bad FCS, RX_ER, short gaps, alignment errors), the
# UART on a pseudo-terminal read by the real nicrx-uart.  Four runs: a sample of the shared
# captures (tests/board/board_captures.txt: the first MAX_PER_CAPTURE frames of each, one after
# the other) with the core at 62.5 MHz and at 100 MHz against the PHY's 125 at 1000 Mb/s, and
# captures/default.pcap's first MAX_FRAMES_100 frames at 62.5 MHz against 25 MHz at 100 Mb/s
# (a nibble a clock), and bulk TCP from nicrx-gen (four connections, full-size segments: the
# runs re-assembly merges) at 62.5 MHz.  In each: the MAC's counters equal the generator's,
# every frame the MAC pushed reached the core (RX_FRAMES), the core accounted for every one
# (delivered + drops = RX_FRAMES, DROP_BAD_FRAME = the frames sent bad), the host agent took
# every completion (frame records = DELIVERED) and posted its buffers again (a buffer per
# record, a page per run record, one more per split frame whose data part was not merged:
# the model's two-part frames less the merged ones), every merged frame is in exactly one run
# record once the runs are flushed (REASM_CTRL.flush over the UART), and the counters read
# over the UART equal nicrx-model's on the frames that reached the core intact.
# Every cycle the core's ports agree with the model's (tests/board/board_lockstep.c: "lockstep:
# N cycles compared, 0 mismatches"), and a flipped model output is caught (board-lockstep-negative).
# Prints ok / not ok lines.  BOARD_CAPS="a.pcap ..." runs each of those captures (its first
# MAX_FRAMES frames) at every clock pair instead.
set -u
cd "$(dirname "$0")/../.."
source tests/board/pty_sim.sh
vdir=$out/board_vl
tool=build/bin/nicrx-uart
hex=build/microcode/default_64.hex
make -s "$tool" "$hex" build/bin/nicrx-model build/lib/libnicrx.a build/include/nicrx_model.h >/dev/null 2>&1 ||
    { echo "not ok board-build: make $tool"; exit 0; }
gcc -std=gnu11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
    -Itb tests/board/rgmii_gen.c tb/capture.c -lpcap -o "$out/rgmii_gen" || { echo "not ok board-gen-build"; exit 0; }
srcs="tests/board/board_tb.sv fpga/boards/ecpix5/nicrx_ecpix5.v $(ls fpga/nicrx_*.v | grep -v fpga_wrap | tr '\n' ' ') fpga/sim/IDDRX1F.v $(ls rtl/*.v | tr '\n' ' ')"
# the core's lockstep checker: the model library and the harness's port comparison (tb/outcmp.h)
PTY_C=tests/board/board_lockstep.c PTY_CFLAGS="-Ibuild/include -Itb" PTY_LIBS=build/lib/libnicrx.a
# shellcheck disable=SC2086
pty_sim_build "$vdir" board_tb "-Wno-lint -Wno-style -Irtl -O3 --x-assign fast --x-initial fast" \
    "-GIMEM_INIT=\"$PWD/$hex\" -MAKEFLAGS OPT_FAST=-O1" $srcs || { echo "not ok board-sim-build: see $vdir.log"; exit 0; }
# reg NAME: one line of the tool's output
val() { awk -v n="$1" '$1 == n { print $2 }' <<<"$2"; }

pcaps=${PCAPS:-../shared/pcaps}
[ -d "$pcaps" ] || { echo "not ok board-sample: no capture directory $pcaps"; exit 0; }
sample=$(grep -v '^#' tests/board/board_captures.txt | sed "s|^|$pcaps/|" | paste -sd,)
make -s build/bin/nicrx-gen >/dev/null 2>&1 &&
    build/bin/nicrx-gen --mode tcp --flows 4 --count 120 --pay 1000-1448 --acks 0 --life 0 --psh 0 --ts 0 --seed 3 \
        -o "$out/bulk.pcap" >/dev/null || { echo "not ok board-bulk-gen: nicrx-gen"; exit 0; }
# the board's core configuration (fpga/boards/ecpix5/nicrx_ecpix5.v): the model runs at it too
dw=32 core_cfg="--data-width 32 --flows 16"
# core clock period (ps) : PHY clock period (ps) : captures ("sample": the list above)
for run in ${BOARD_RUNS:-16000:8000:sample 10000:8000:sample 16000:40000:captures/default.pcap 16000:8000:$out/bulk.pcap}; do
    ps=${run%%:*} rest=${run#*:}
    eps=${rest%%:*} caps=${BOARD_CAPS:-${rest#*:}}
    for cap in $caps; do
        label=$(basename "$cap" .pcap) max=${MAX_FRAMES:-200}
        [ "$cap" = sample ] && cap=$sample label=shared-sample max=${MAX_PER_CAPTURE:-40}
        name="board-$label-core$((1000000 / ps))mhz"
        gflag=""
        if [ "$eps" != 8000 ]; then
            name="$name-eth$((4000000 / eps))mbps" gflag=-n max=${MAX_FRAMES_100:-12}
        fi
        # shellcheck disable=SC2086
        info=$("$out/rgmii_gen" $gflag "$cap" "$dw" 3 "$max" "$out/$name.stim" "$out/$name.exp" "$out/$name.good.pcap") ||
            { echo "not ok $name: generator failed"; continue; }
        read -r periods _ frames fcs align bad <<< "$info"
        pty_sim_start "$out/$name.log" "$vdir/Vboard_tb" +core_ps="$ps" +eth_ps="$eps" +stim="$out/$name.stim" +periods="$periods" \
            || { echo "not ok $name: no pseudo-terminal"; continue; }
        dev=$pty_dev
        # wait for the MAC to have seen every frame, then for the core and the agent to settle
        brd="" cnt=""
        for _ in $(seq 300); do
            brd=$("$tool" -t 5000 "$dev" board 2>&1) || break
            [ "$(val mac_frames "$brd")" = "$frames" ] && [ "$(val mac_align "$brd")" = "$align" ] && break
            sleep 1
        done
        sleep 2
        # close the open runs (re-assembly stays on, 64 KB pages), then read
        "$tool" -t 5000 "$dev" write 0xa40 0x1003 >/dev/null 2>&1
        sleep 1
        brd=$("$tool" -t 5000 "$dev" board 2>&1); cnt=$("$tool" -t 5000 "$dev" counters 2>&1)
        pty_sim_stop
        rx=$(val rx_frames "$cnt"); del=$(val delivered "$cnt")
        drops=0
        for k in drop_bad_frame drop_runt drop_oversize drop_pktmem_full drop_disabled drop_no_fit drop_no_cq drop_red_early \
                 drop_red_forced drop_no_buf_small drop_no_buf_large drop_no_buf_hdr; do
            drops=$((drops + $(val $k "$cnt")))
        done
        why=""
        speed=1; [ "$eps" = 8000 ] || speed=0
        [ "$(val mac_1000 "$brd")" = "$speed" ] || why="$why mac_1000 $(val mac_1000 "$brd") != $speed;"
        [ "$(val mac_frames "$brd")" = "$frames" ] || why="$why mac_frames $(val mac_frames "$brd") != $frames;"
        [ "$(val mac_fcs "$brd")" = "$fcs" ] || why="$why mac_fcs $(val mac_fcs "$brd") != $fcs;"
        [ "$(val mac_align "$brd")" = "$align" ] || why="$why mac_align $(val mac_align "$brd") != $align;"
        [ "$rx" = "$frames" ] || why="$why rx_frames $rx != $frames;"
        [ $((del + drops)) = "$rx" ] || why="$why delivered $del + drops $drops != rx_frames $rx;"
        [ "$(val drop_bad_frame "$cnt")" = "$bad" ] || why="$why drop_bad_frame $(val drop_bad_frame "$cnt") != $bad;"
        [ "$(val agent_completions "$brd")" = "$del" ] || why="$why agent records $(val agent_completions "$brd") != delivered $del;"
        runs=$(val agent_runs "$brd") merged=$(val agent_merged "$brd")
        [ "$(val agent_run_segs "$brd")" = "$merged" ] || why="$why run records name $(val agent_run_segs "$brd") segments, $merged merged;"
        # the model on the frames that reached the core intact: the same decisions
        # shellcheck disable=SC2086
        js=$(build/bin/nicrx-model $core_cfg --json-summary "$out/$name.good.pcap" 2>/dev/null)
        # shellcheck disable=SC2086
        two=$(build/bin/nicrx-model $core_cfg "$out/$name.good.pcap" 2>/dev/null | grep -c '"parts":\[{[^]]*},{')
        want=$((del + two - merged + runs))
        [ "$(val agent_reposts "$brd")" = "$want" ] ||
            why="$why agent reposts $(val agent_reposts "$brd") != $want ($del records, $two split, $merged merged, $runs runs);"
        jv() { grep -o "\"$1\":{[^}]*}" <<<"$js" | grep -o "\"$2\":[0-9]*" | cut -d: -f2; }
        [ "$(grep -o '"delivered":[0-9]*' <<<"$js" | cut -d: -f2)" = "$del" ] || why="$why delivered $del, the model's $(grep -o '"delivered":[0-9]*' <<<"$js");"
        for k in runt oversize no_fit pktmem_full; do
            [ "$(jv drops $k)" = "$(val drop_$k "$cnt")" ] || why="$why drop_$k $(val drop_$k "$cnt"), the model's $(jv drops $k);"
        done
        [ "$(jv parser parse_errors)" = "$(val parse_error "$cnt")" ] || why="$why parse_error differs from the model's;"
        [ "$(jv parser truncated)" = "$(val parse_trunc "$cnt")" ] || why="$why parse_trunc differs from the model's;"
        [ "$(jv flow_events created)" = "$(val flow_created "$cnt")" ] || why="$why flow_created differs from the model's;"
        [ "$(jv flow_events removed)" = "$(val flow_removed "$cnt")" ] || why="$why flow_removed differs from the model's;"
        for op in not_tcp tcp_other no_flow ctrl first cont ooo short no_merge; do
            [ "$(jv opcodes $op)" = "$(val agent_op_$op "$brd")" ] ||
                why="$why records $op $(val agent_op_$op "$brd"), the model's $(jv opcodes $op);"
        done
        # the core's ports against the model's, every cycle (tests/board/board_lockstep.c)
        ls=$(grep -m1 -E '^lockstep: ([1-9][0-9]* cycles compared, 0 mismatches|mismatch)' "$out/$name.log")
        lsn=$(sed -n 's/^lockstep: \([1-9][0-9]*\) cycles compared, 0 mismatches$/\1/p' <<<"$ls")
        [ -n "$lsn" ] || why="$why lockstep: ${ls:-no verdict};"
        if [ -z "$why" ]; then echo "ok $name ($frames frames, $fcs bad FCS, $align alignment errors, $del delivered, $merged merged in $runs runs, $lsn cycles in lockstep)"
        else echo "not ok $name:$why (log $out/$name.log)"; fi
    done
done

# the checker catches a mismatch: one bit of the model's outputs flipped at edge 3000 ends the
# simulation with status 1 and names the cycle and the port
name=board-lockstep-negative
if info=$("$out/rgmii_gen" captures/default.pcap "$dw" 3 4 "$out/$name.stim" "$out/$name.exp" "$out/$name.good.pcap"); then
    read -r periods _ <<< "$info"
    if pty_sim_start "$out/$name.log" "$vdir/Vboard_tb" +stim="$out/$name.stim" +periods="$periods" +lockstep_inject=3000; then
        wait "$simpid"; st=$?
        rm -f "$pty_names"
        if [ "$st" != 0 ] && grep -q '^lockstep: mismatch at cycle 3000 .* on s_axil_rdata: ' "$out/$name.log"; then
            echo "ok $name (caught: status $st)"
        else echo "not ok $name: a flipped model output went unnoticed (status $st, log $out/$name.log)"; fi
    else echo "not ok $name: no pseudo-terminal"; fi
else echo "not ok $name: generator failed"; fi
