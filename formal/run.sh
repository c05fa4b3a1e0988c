#!/usr/bin/env bash
# run.sh - formal checks of the `ifdef FORMAL` properties in rtl/ (docs/formal.md).
# Yosys turns one block (small parameters) into SMT-LIB2, yosys-smtbmc checks it with z3
# (--unroll: z3 4.8 stalls at step 0 on the un-unrolled encoding of these blocks):
#   bmc    bounded model check from reset, DEPTH steps            (-t DEPTH; assumptions
#          checked satisfiable over all DEPTH steps first)
#   prove  k-induction with k = DEPTH (closes: holds at any depth) (-i -t DEPTH)
#   cover  every cover() reached within DEPTH steps               (-c -t DEPTH)
# Usage: formal/run.sh [--quick] [--list] [NAME ...]
#   --quick   only the proofs marked quick (tests/t_formal.sh)
#   NAME      run only these proofs (see --list)
# Prints one line per proof: "PASS|FAIL NAME MODE depth N  Ts", in the table's order once
# all have run (FORMAL_JOBS proofs at once, 2 by default); exit 1 if any failed.
# Logs, SMT-LIB2 and counterexample traces: build/formal/ (FORMAL_OUT to change).
# FORMAL_RTL=dir checks the rtl/ files of another directory (for mutation checks).
# The proof's top module M is read with FORMAL_TOP_M defined: a block keeps the covers of its
# own inputs under it (they only mean something with the inputs free, not inside a user).
set -u
cd "$(dirname "$0")/.."
RTL=${FORMAL_RTL:-rtl}
OUT=${FORMAL_OUT:-build/formal}
SOLVER=${FORMAL_SOLVER:-z3}
TMO=${FORMAL_TIMEOUT:-600}          # seconds per proof
JOBS=${FORMAL_JOBS:-2}              # proofs at once (each is one solver process)
mkdir -p "$OUT"

# name | module | parameters | mode | depth | quick? (y, n, or o: open, run only by
# name: the induction does not close yet, docs/formal.md) | outputs no property reads (dropped
# before the SMT-LIB2 is written so the solver does not carry them; its register <output>_reg
# gets its enable and is split into bits, so the bits of a stream register only that
# output read go too).  The proofs start in this order: the longest quick one first, so that
# it does not start last
PROOFS='
dma-bmc-quick  | nicrx_dma     | DATA_WIDTH=64 AXI_DATA_WIDTH=128 PM_AW=4 NUM_CQ=2 FQ_DEPTH=4 MAX_BURST=4 FLOWS=8 | bmc | 9 | y | cnt_delivered cnt_drop_no_fit cnt_drop_no_cq cnt_drop_red_early cnt_drop_red_forced cnt_drop_no_buf cnt_desc_error cnt_axi_error cnt_reasm_no_page st_idle
ingress-bmc    | nicrx_ingress | DATA_WIDTH=32 PM_AW=4 HEADER_BYTES=64 MAX_FRAME=64 FQ_DEPTH=4 | bmc   | 10 | y | cnt_rx_bytes pm_wr_data
ingress-prove  | nicrx_ingress | DATA_WIDTH=32 PM_AW=4 HEADER_BYTES=64 MAX_FRAME=64 FQ_DEPTH=4 | prove | 4  | o | cnt_rx_bytes pm_wr_data
ingress-cover  | nicrx_ingress | DATA_WIDTH=32 PM_AW=4 HEADER_BYTES=64 MAX_FRAME=64 FQ_DEPTH=4 | cover | 24 | n | cnt_rx_bytes pm_wr_data
csr-bmc        | nicrx_csr     | NUM_CQ=2                                                       | bmc   | 16 | n |
csr-prove      | nicrx_csr     | NUM_CQ=2                                                       | prove | 4  | y |
csr-cover      | nicrx_csr     | NUM_CQ=2                                                       | cover | 12 | n |
parser-bmc     | nicrx_parser  | HEADER_BYTES=64 PM_AW=4 FQ_DEPTH=4 IMEM_DEPTH=16               | bmc   | 10 | n | m_hv_data cnt_perr cnt_trunc
parser-prove   | nicrx_parser  | HEADER_BYTES=64 PM_AW=4 FQ_DEPTH=4 IMEM_DEPTH=16               | prove | 6  | o | m_hv_data cnt_perr cnt_trunc
parser-cover   | nicrx_parser  | HEADER_BYTES=64 PM_AW=4 FQ_DEPTH=2 IMEM_DEPTH=16 PARSE_ENGINES=1 | cover | 23 | n | m_hv_data cnt_perr cnt_trunc
parser1-bmc    | nicrx_parser  | HEADER_BYTES=64 PM_AW=4 FQ_DEPTH=2 IMEM_DEPTH=16 PARSE_ENGINES=1 | bmc | 10 | y | m_hv_data cnt_perr cnt_trunc
irq-bmc        | nicrx_irq     | NUM_CQ=2                                                       | bmc   | 12 | y |
irq-prove      | nicrx_irq     | NUM_CQ=2                                                       | prove | 4  | y |
irq-cover      | nicrx_irq     | NUM_CQ=2                                                       | cover | 12 | y |
flowkey-bmc    | nicrx_flow_key | DATA_WIDTH=32 HEADER_BYTES=64 FQ_DEPTH=4                     | bmc   | 10 | n | m_fk_data
rss-bmc        | nicrx_rss     | PM_AW=4 FQ_DEPTH=4 RETA_SIZE=16                                | bmc   | 14 | n | m_fl_data
xfer-prove     | nicrx_xfer_plan |                                                              | prove | 3  | y |
xfer-cover     | nicrx_xfer_plan |                                                              | cover | 6  | y |
rss-cover      | nicrx_rss     | PM_AW=4 FQ_DEPTH=4 RETA_SIZE=16                                | cover | 22 | n | m_fl_data
descfetch-bmc  | nicrx_desc_fetch | AXI_DATA_WIDTH=128 NUM_FBR=2 DESC_DEPTH=4              | bmc   | 16 | y | m_desc_data
dma-bmc        | nicrx_dma     | DATA_WIDTH=64 AXI_DATA_WIDTH=128 PM_AW=4 NUM_CQ=2 FQ_DEPTH=4 MAX_BURST=4 FLOWS=8 | bmc | 12 | n | cnt_delivered cnt_drop_no_fit cnt_drop_no_cq cnt_drop_red_early cnt_drop_red_forced cnt_drop_no_buf cnt_desc_error cnt_axi_error cnt_reasm_no_page st_idle
msix-bmc       | nicrx_msix    | NUM_CQ=2 AXI_DATA_WIDTH=64                                     | bmc   | 9  | y |
msix-cover     | nicrx_msix    | NUM_CQ=2 AXI_DATA_WIDTH=128                                    | cover | 16 | y |
dma-cover      | nicrx_dma     | DATA_WIDTH=64 AXI_DATA_WIDTH=128 PM_AW=4 NUM_CQ=2 FQ_DEPTH=4 MAX_BURST=4 FLOWS=8 | cover | 12 | n | cnt_delivered cnt_drop_no_fit cnt_drop_no_cq cnt_drop_red_early cnt_drop_red_forced cnt_drop_no_buf cnt_desc_error cnt_axi_error cnt_reasm_no_page st_idle
descfetch-cover | nicrx_desc_fetch | AXI_DATA_WIDTH=128 NUM_FBR=2 DESC_DEPTH=4              | cover | 16 | y | m_desc_data
flow-bmc       | nicrx_flow    | FLOWS=8                                                        | bmc   | 11 | n | m_fl_data flow_fail flow_idx flow_gen flow_time ctx_info ctx_seq ctx_ack ctx_opt ctx_time ctx_count ctx_key cnt_created cnt_removed cnt_evicted cnt_aged cnt_no_flow
red-bmc        | nicrx_red     | DATA_WIDTH=64 PM_AW=4 FQ_DEPTH=4                               | bmc   | 20 | y | st_red_peak
red-cover      | nicrx_red     | DATA_WIDTH=64 PM_AW=4 FQ_DEPTH=4                               | cover | 14 | y | st_red_peak
reasm-prove    | nicrx_reasm   | FLOWS=8                                                        | prove | 3  | y |
reasm-cover    | nicrx_reasm   | FLOWS=8                                                        | cover | 20 | y |
flist-prove    | nicrx_flist   | LISTS=2 DEPTH=2                                                | prove | 4  | y | cnt_fallback st_head
flist-cover    | nicrx_flist   | LISTS=2 DEPTH=2                                                | cover | 12 | y | cnt_fallback st_head
stage-prove    | nicrx_stage   | W=4                                                            | prove | 2  | y |
stage-cover    | nicrx_stage   | W=4                                                            | cover | 6  | y |
'

quick=0; list=0; only=""
for a in "$@"; do
    case "$a" in
        --quick) quick=1 ;;
        --list)  list=1 ;;
        -*)      echo "usage: formal/run.sh [--quick] [--list] [NAME ...]" >&2; exit 2 ;;
        *)       only="$only $a " ;;
    esac
done

trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; echo "${s%"${s##*[![:space:]]}"}"; }

for t in yosys yosys-smtbmc "$SOLVER"; do
    command -v "$t" >/dev/null 2>&1 || { echo "FAIL formal: $t not installed (scripts/setup.sh)"; exit 1; }
done

fail=0; n=0; names=""
while IFS='|' read -r name mod params mode depth q cut; do
    name=$(trim "$name"); [ -z "$name" ] && continue
    mod=$(trim "$mod"); params=$(trim "$params"); mode=$(trim "$mode")
    depth=$(trim "$depth"); q=$(trim "$q")
    cut=$(trim "$cut"); del=""
    for w in $cut; do del="$del delete -output w:$w; opt_dff w:${w}_reg %ci1; simplemap w:${w}_reg %ci1 t:*dff* %i;"; done
    if [ "$list" -eq 1 ]; then printf '%-16s %-14s %-6s %3s  %s%s\n' "$name" "$mod" "$mode" "$depth" "$params" \
        "$([ "$q" = o ] && echo '  (open: run by name)')"; continue; fi
    [ "$quick" -eq 1 ] && [ "$q" != y ] && continue
    [ -z "$only" ] && [ "$q" = o ] && continue
    [ -n "$only" ] && [[ "$only" != *" $name "* ]] && continue
    n=$((n + 1))
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    (
    log="$OUT/$name.log"; smt="$OUT/$name.smt2"
    start=$(date +%s)
    chp=""; for p in $params; do chp="$chp chparam -set ${p%%=*} ${p#*=} $mod;"; done
    ok=1
    if ! yosys -q -l "$log.yosys" -p "read_verilog -defer -formal -DFORMAL -DFORMAL_TOP_$mod -Iformal $RTL/*.v formal/*_check.v; $chp
            hierarchy -top $mod; prep -top $mod; flatten;$del opt_clean; async2sync; dffunmap;
            write_smt2 -wires $smt" > /dev/null 2>&1; then
        ok=0; why="yosys (see $log.yosys)"
    else
        case "$mode" in
            bmc)   flags="-t $depth" ;;
            prove) flags="-i -t $depth" ;;
            cover) flags="-c -t $depth" ;;
            *)     echo "FAIL $name: unknown mode $mode"; exit 1 ;;
        esac
        # Assumptions that contradict each other would pass every assertion after them.  A BMC
        # checks them once over all its steps (-t 0:D:D --final-only: one query, about 20 s
        # for the DMA) before it runs without --presat, which would check them at every step
        # again (more than half of dma-bmc-quick's time); prove and cover keep --presat.
        pre="--presat"; rc=0
        if [ "$mode" = bmc ]; then
            pre=""
            timeout "$TMO" yosys-smtbmc -s "$SOLVER" --presat --final-only --unroll -t "0:$depth:$depth" "$smt" > "$log.presat" 2>&1
            rc=$?
            tail -1 "$log.presat" | grep -q 'PASSED' || { cp "$log.presat" "$log"; [ "$rc" -eq 0 ] && rc=1; }
        fi
        if [ "$rc" -eq 0 ]; then
            # shellcheck disable=SC2086
            timeout "$TMO" yosys-smtbmc -s "$SOLVER" $pre --unroll $flags --dump-vcd "$OUT/$name.vcd" "$smt" > "$log" 2>&1
            rc=$?
        fi
        if [ "$rc" -ne 0 ] || ! tail -1 "$log" | grep -q 'PASSED'; then
            ok=0
            why=$(grep -m1 -E "Assert failed|Unreached cover|Assumptions are unsatisfiable|ERROR|Error" "$log" | sed -e "s/^.*##[^A-Za-z]*//" -e "s/ (\$assert.*//")
            [ "$rc" -eq 124 ] && why="timeout after ${TMO}s (FORMAL_TIMEOUT)"
            [ -z "$why" ] && why="exit status $rc"
            why="$why (trace $OUT/$name.vcd, log $log)"
        fi
    fi
    secs=$(( $(date +%s) - start ))
    if [ "$ok" -eq 1 ]; then
        printf 'PASS %-16s %-5s depth %-3s %4ds\n' "$name" "$mode" "$depth" "$secs"
    else
        printf 'FAIL %-16s %-5s depth %-3s %4ds  %s\n' "$name" "$mode" "$depth" "$secs" "$why"
    fi
    ) > "$OUT/$name.verdict" &
    names="$names $name"
done <<< "$PROOFS"
wait
for name in $names; do
    cat "$OUT/$name.verdict"
    grep -q '^PASS' "$OUT/$name.verdict" || fail=1
done
[ "$list" -eq 1 ] && exit 0
[ "$n" -eq 0 ] && { echo "FAIL formal: no proof selected"; exit 2; }
exit "$fail"
