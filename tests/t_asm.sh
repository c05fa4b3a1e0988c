#!/usr/bin/env bash
# nicrx-asm and the shipped programs (docs/microcode.md, "Assembly language"):
#  - conditional assembly (.ifdef, .ifndef, .else, .endif): tests/asm/cond.nasm;
#  - every error path: tests/asm/bad/*.nasm, each with "# expect LINE REASON" (and optionally
#    "# args ARGS", "# file FILE" when the error is in an included file): the assembler must
#    exit 1 with "nicrx-asm: FILE:LINE: REASON..." on stderr and write no output file;
#  - the image formats of every microcode/*.nasm (bin, hex at depth 64 and 256, C);
#  - source -> binary -> disassembly -> binary is identical for every shipped program and
#    for random images (which need .raw);
#  - the programs on crafted frames through the model's nicrx_parse() (tests/asm/prog_test).
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-asm microcode >/dev/null || { echo "not ok asm-build: make microcode failed"; exit 1; }
ASM=build/bin/nicrx-asm
T=build/tests/asm
mkdir -p "$T"

# ---- errors ------------------------------------------------------------------------
for f in tests/asm/bad/*.nasm; do
    name=asm-error-$(basename "$f" .nasm)
    line=$(sed -n 's/^# expect \([0-9]*\) .*/\1/p' "$f")
    reason=$(sed -n 's/^# expect [0-9]* //p' "$f")
    args=$(sed -n 's/^# args //p' "$f")
    where=$(sed -n 's/^# file //p' "$f")
    rm -f "$T/err.out"
    # shellcheck disable=SC2086
    msg=$($ASM $args -o "$T/err.out" "$f" 2>&1 >/dev/null); rc=$?
    want="nicrx-asm: ${where:-$f}:$line: $reason"
    if [ $rc -ne 1 ]; then echo "not ok $name: exit status $rc, want 1 ($msg)"
    elif [ "${msg#"$want"}" = "$msg" ]; then echo "not ok $name: got '$msg', want '$want...'"
    elif [ -e "$T/err.out" ]; then echo "not ok $name: an output file was left"
    else echo "ok $name"; fi
done
out=$($ASM --depth 300 microcode/default.nasm 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q 'depth' <<<"$out" && echo "ok asm-error-usage-depth" ||
    echo "not ok asm-error-usage-depth: exit $rc: $out"
out=$($ASM -d tests/asm/bad/empty.nasm 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && grep -q 'not a program image' <<<"$out" && echo "ok asm-error-disasm-size" ||
    echo "not ok asm-error-disasm-size: exit $rc: $out"

# conditional assembly: what counts of tests/asm/cond.nasm, written out
if $ASM -o "$T/cond.bin" tests/asm/cond.nasm 2>"$T/cond.log" && $ASM -o "$T/cond_expect.bin" tests/asm/cond_expect.nasm &&
   cmp -s "$T/cond.bin" "$T/cond_expect.bin"; then echo "ok asm-conditional"
else echo "not ok asm-conditional: $(head -1 "$T/cond.log") (the image differs from tests/asm/cond_expect.nasm's)"; fi

# ---- formats and round trip of the shipped programs ----------------------------------
hexwords() { od -An -v -tx4 -w16 "$1" | awk '{ print $4 $3 $2 $1 }'; }
for src in microcode/*.nasm; do
    p=$(basename "$src" .nasm)
    bin=build/microcode/$p.bin
    n=$(( $(stat -c %s "$bin") / 16 ))
    for d in 64 256; do
        hex=build/microcode/${p}_$d.hex
        lines=$(wc -l < "$hex")
        if [ "$lines" -ne "$d" ]; then echo "not ok asm-hex-$p-$d: $lines lines, want $d"
        elif ! cmp -s <(head -n "$n" "$hex") <(hexwords "$bin"); then echo "not ok asm-hex-$p-$d: differs from the binary"
        elif [ -n "$(tail -n +$((n + 1)) "$hex" | grep -v '^0\{32\}$')" ]; then echo "not ok asm-hex-$p-$d: padding is not zero"
        else echo "ok asm-hex-$p-$d # $n instructions"; fi
    done
    # the C array, printed by a program linked with it, is the binary
    cat > "$T/${p}_main.c" <<EOF
#include <stdint.h>
#include <stdio.h>
extern const uint32_t prog_$p[], prog_${p}_insns;
int main(void)
{
    for (uint32_t i = 0; i < prog_${p}_insns; i++)
        printf("%08x%08x%08x%08x\n", prog_$p[4 * i + 3], prog_$p[4 * i + 2], prog_$p[4 * i + 1], prog_$p[4 * i]);
    return 0;
}
EOF
    $ASM -f c -n "prog_$p" -o "$T/$p.c" "$src" &&
        ${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$T/${p}_c" "$T/$p.c" "$T/${p}_main.c" 2>"$T/$p.cc.log"
    if [ $? -ne 0 ]; then echo "not ok asm-c-$p: $(head -1 "$T/$p.cc.log")"
    elif ! cmp -s <("$T/${p}_c") <(hexwords "$bin"); then echo "not ok asm-c-$p: the C array is not the binary"
    else echo "ok asm-c-$p"; fi
    $ASM -d "$bin" -o "$T/$p.dis.nasm" && $ASM -o "$T/$p.rt.bin" "$T/$p.dis.nasm" 2>"$T/$p.rt.log"
    if [ $? -ne 0 ]; then echo "not ok asm-roundtrip-$p: $(head -1 "$T/$p.rt.log")"
    elif ! cmp -s "$bin" "$T/$p.rt.bin"; then echo "not ok asm-roundtrip-$p: the binaries differ"
    elif grep -q '\.raw' "$T/$p.dis.nasm"; then echo "not ok asm-roundtrip-$p: needed .raw"
    else echo "ok asm-roundtrip-$p"; fi
done

# random images: whatever the bits, the disassembly assembles back to them.  Most
# instructions are valid clause syntax (in-range targets, reserved bits 0); about one in
# eight has something only .raw can say.
for seed in 1 2 3 4 5 6 7 8; do
    n=$(( (seed * 37) % 256 + 1 ))
    awk -v s="$seed" -v n="$n" '
        function r(k) { return int(rand() * k) }
        function le(w,  i) { for (i = 0; i < 4; i++) { printf "%c", w % 256; w = int(w / 256) } }
        BEGIN { srand(s); for (i = 0; i < n; i++) {
            odd = r(8) == 0; size = r(5) + (odd && r(2) ? 3 : 0); nr = size > 0 || odd
            le((nr ? r(4) : 0) * 2^30 + size * 2^27 + r(8) * 2^24 + (nr ? r(256) : 0) * 2^16 + (r(2) ? 65535 : r(65536)))
            tt = r(3) ? i + 1 : r(n + (odd ? 4 : 0)); tf = r(3) ? i + 1 : r(n + (odd ? 4 : 0))
            if (i == n - 1) { e = 3 } else { e = r(4) }
            le(r(65536) * 2^16 + (tt % 256) * 2^8 + tf % 256)
            le(r(8) * 2^29 + e * 2^27 + r(odd ? 32 : 16) * 2^22 + r(2) * 2^21 + r(2) * 2^20 + r(4) * 2^18 \
               + r(16) * 2^14 + r(4) * 2^12 + r(256) * 2^4 + (odd ? r(16) : 0))
            le(r(1024) + (odd && r(2) ? r(1024) * 1024 : 0)) } }' </dev/null > "$T/rand$seed.bin"
    $ASM -d "$T/rand$seed.bin" -o "$T/rand$seed.nasm" && $ASM -o "$T/rand$seed.rt.bin" "$T/rand$seed.nasm" 2>"$T/rand.log"
    if [ $? -ne 0 ]; then echo "not ok asm-roundtrip-random$seed: $(head -1 "$T/rand.log")"
    elif ! cmp -s "$T/rand$seed.bin" "$T/rand$seed.rt.bin"; then echo "not ok asm-roundtrip-random$seed: the binaries differ"
    else echo "ok asm-roundtrip-random$seed # $n instructions, $(grep -c '\.raw' "$T/rand$seed.nasm") .raw"; fi
done

# ---- the programs on crafted frames ----------------------------------------------------
if make -s build/tests/asm/prog_test >"$T/prog_test.log" 2>&1; then
    build/tests/asm/prog_test microcode || echo "not ok asm-programs: exit status $?"
else
    echo "not ok asm-programs-build: $(grep -m1 error "$T/prog_test.log")"
fi
