#!/usr/bin/env bash
# Formal checks (formal/run.sh --quick): BMC, k-induction and cover of the `ifdef FORMAL`
# properties (docs/formal.md lists them) and of the AXI4 master checker.  One ok / not ok line per proof.
# FORMAL_ALL=1 (make test-full) runs every proof but the open ones (make formal's set).
cd "$(dirname "$0")/.."
for t in yosys yosys-smtbmc z3; do
    command -v "$t" >/dev/null 2>&1 || { echo "not ok formal: $t not installed"; exit 1; }
done
quick=--quick
# dma-bmc at depth 12 took 1359 s on a loaded machine: more than run.sh's 600 s default
[ "${FORMAL_ALL:-0}" = 1 ] && { quick=; export FORMAL_TIMEOUT=${FORMAL_TIMEOUT:-3600}; }
bash formal/run.sh $quick | while read -r verdict name mode _ depth secs rest; do
    case "$verdict" in
        PASS) echo "ok formal-$name ($mode depth $depth, $secs)" ;;
        *)    echo "not ok formal-$name: $mode depth $depth $rest" ;;
    esac
done
