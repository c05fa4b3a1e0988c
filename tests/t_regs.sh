#!/usr/bin/env bash
# The register map generator (nicrx-reggen, regs/nicrx.regs; docs/developing.md "Adding
# a register"):
#  - every committed generated file equals what the generator makes now (else: make regs);
#  - every error path: tests/regs/bad/*.regs, each with "# expect LINE REASON": exit 1 with
#    "nicrx-reggen: FILE:LINE: REASON..." on stderr and no file written; docs markers and usage errors;
#  - the map with tests/regs/next.regs appended (the registers planned next: more rings'
#    worth of transfer classes and split masks, a second moderation group, re-assembly pages, a W1C
#    cause) generates a model that still passes the CSR unit tests and an RTL block that
#    Verilator lints clean and Icarus builds.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-reggen >/dev/null || { echo "not ok regs-build: nicrx-reggen"; exit 1; }
REGGEN=build/bin/nicrx-reggen
T=build/tests/regs
OUTS="rtl/nicrx_regs.vh rtl/nicrx_counters.vh rtl/nicrx_csr_regs.vh cmodel/nicrx_regs.h cmodel/csr_regs.h
      cmodel/csr_map.h docs/registers.md"
fresh() { rm -rf "$1" && mkdir -p "$1/rtl" "$1/cmodel" "$1/docs"; }

# ---- the committed files are what the description makes ------------------------------------
fresh "$T/gen"
if ! msg=$($REGGEN --docs docs/registers.md -o "$T/gen" regs/nicrx.regs 2>&1); then
    echo "not ok regs-generate: $msg"
else
    for f in $OUTS; do
        if cmp -s "$f" "$T/gen/$f"; then echo "ok regs-fresh-$(basename "$f")"
        else echo "not ok regs-fresh-$(basename "$f"): stale, run make regs ($(diff "$f" "$T/gen/$f" | head -2 | tr '\n' ' '))"; fi
    done
fi

# ---- errors -------------------------------------------------------------------------------
for f in tests/regs/bad/*.regs; do
    name=regs-error-$(basename "$f" .regs)
    line=$(sed -n 's/^# expect \([0-9]*\) .*/\1/p' "$f")
    reason=$(sed -n 's/^# expect [0-9]* //p' "$f")
    fresh "$T/bad"
    msg=$($REGGEN -o "$T/bad" "$f" 2>&1 >/dev/null); rc=$?
    want="nicrx-reggen: $f:$line: $reason"
    if [ $rc -ne 1 ]; then echo "not ok $name: exit status $rc, want 1 ($msg)"
    elif [ "${msg#"$want"}" = "$msg" ]; then echo "not ok $name: got '$msg', want '$want...'"
    elif [ -n "$(find "$T/bad" -type f)" ]; then echo "not ok $name: a file was written"
    else echo "ok $name"; fi
done
# docs: a table without its markers, a marker naming nothing
fresh "$T/bad"
grep -v 'reggen .* counters -->' docs/registers.md > "$T/nomark.md"
msg=$($REGGEN --docs "$T/nomark.md" -o "$T/bad" regs/nicrx.regs 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$msg" = "nicrx-reggen: docs: no table for section counters" ] && [ -z "$(find "$T/bad" -type f)" ] &&
    echo "ok regs-error-docs-missing" || echo "not ok regs-error-docs-missing: exit $rc: $msg"
printf '<!-- reggen begin nosuch -->\n<!-- reggen end nosuch -->\n' > "$T/unknown.md"
msg=$($REGGEN --docs "$T/unknown.md" -o "$T/bad" regs/nicrx.regs 2>&1); rc=$?
[ $rc -eq 1 ] && [ "${msg#nicrx-reggen: docs: marker nosuch}" != "$msg" ] && echo "ok regs-error-docs-unknown" ||
    echo "not ok regs-error-docs-unknown: exit $rc: $msg"
msg=$($REGGEN 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q usage <<<"$msg" && echo "ok regs-error-usage" || echo "not ok regs-error-usage: exit $rc: $msg"
msg=$($REGGEN -o "$T/nosuchdir" regs/nicrx.regs 2>&1); rc=$?
[ $rc -eq 2 ] && echo "ok regs-error-write" || echo "not ok regs-error-write: exit $rc: $msg"

# ---- the next registers: one table line each ----------------------------------------------------
N=$T/next
fresh "$N"
cp cmodel/*.c cmodel/*.h "$N/cmodel/" && cp rtl/nicrx_csr.v "$N/rtl/"
cat regs/nicrx.regs tests/regs/next.regs > "$N/next.regs"
if ! msg=$($REGGEN -o "$N" "$N/next.regs" 2>&1); then
    echo "not ok regs-next-generate: $msg"
else
    if ${CC:-gcc} -std=c11 -O1 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
            -I"$N/cmodel" -Itests/unit -o "$N/test_csr" tests/unit/test_csr.c "$N/cmodel/csr.c" 2>"$N/cc.log" &&
            "$N/test_csr" > "$N/test_csr.log" && ! grep -q '^not ok' "$N/test_csr.log"; then
        echo "ok regs-next-model ($(grep -c '^ok' "$N/test_csr.log") CSR unit checks pass)"
    else
        echo "not ok regs-next-model: $(head -1 "$N/cc.log") $(grep -m1 '^not ok' "$N/test_csr.log" 2>/dev/null)"
    fi
    if verilator --lint-only -Wall -I"$N/rtl" --top-module nicrx_csr "$N/rtl/nicrx_csr.v" > "$N/lint.log" 2>&1; then
        echo "ok regs-next-rtl-lint"
    else
        echo "not ok regs-next-rtl-lint: $(grep -m1 -E '^%(Error|Warning)' "$N/lint.log")"
    fi
    if iverilog -g2005 -I"$N/rtl" -o "$N/csr.vvp" -s nicrx_csr "$N/rtl/nicrx_csr.v" 2> "$N/iverilog.log"; then
        echo "ok regs-next-rtl-icarus"
    else
        echo "not ok regs-next-rtl-icarus: $(head -1 "$N/iverilog.log")"
    fi
fi
