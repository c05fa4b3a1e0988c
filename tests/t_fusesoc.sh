#!/usr/bin/env bash
# nicrx.core (FuseSoC, CAPI2): its version is the VERSION register's, it lists every
# rtl/*.v, rtl/*.vh and cmodel/*.c; its lint target (Verilator) passes and its sim target
# (Icarus + the C model in lockstep) passes on the default capture.  fusesoc comes from
# PyPI into .venv (make setup-fusesoc); where it cannot be installed the runs are skipped.
set -u
cd "$(dirname "$0")/.."
core=nicrx.core
v=$(printf '%d.%d.%d' $(sed -n 's/^reg VERSION .* value=0x\(..\)\(..\)\(..\)\(..\).*/0x\2 0x\3 0x\4/p' regs/nicrx.regs))
grep -qx "name: ::nicrx:$v" $core && echo "ok fusesoc-version" || echo "not ok fusesoc-version: $(grep '^name:' $core), VERSION is $v"
missing=$(for f in rtl/*.v rtl/*.vh cmodel/*.c; do
              case $f in rtl/nicrx_streams*) continue ;; esac
              grep -q "^ *- $f\b" $core || echo "$f"
          done)
[ -z "$missing" ] && echo "ok fusesoc-files" || echo "not ok fusesoc-files: not in $core: $(echo $missing)"
make -s setup-fusesoc >/dev/null 2>&1
fs=.venv/bin/fusesoc
if [ ! -x "$fs" ]; then echo "ok fusesoc-runs # SKIP: fusesoc not installable (make setup-fusesoc)"; exit 0; fi
b=build/tests/fusesoc; rm -rf "$b"; mkdir -p "$b"
nice $fs --cores-root . run --build-root "$b" --target lint nicrx > "$b/lint.log" 2>&1; rc=$?
[ $rc -eq 0 ] && echo "ok fusesoc-lint" || echo "not ok fusesoc-lint: exit $rc: $(grep -m1 'ERROR\|%Error' "$b/lint.log")"
# --no-export: the sim target's hook makes its generated inputs with the Makefile here
nice $fs --cores-root . run --no-export --build-root "$b" --target sim nicrx > "$b/sim.log" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q '^PASS: RTL and model agree' "$b/sim.log" && echo "ok fusesoc-sim" ||
    echo "not ok fusesoc-sim: exit $rc: $(grep -m1 'ERROR\|FAIL\|nicrx-sim: ' "$b/sim.log")"
