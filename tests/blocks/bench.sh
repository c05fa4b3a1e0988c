# bench.sh - what every block bench's run script shares (sourced by tests/blocks/*_run.sh):
# the build directory, the C generator's build and the verdict of one Icarus run.
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
out=build/tests/blocks
mkdir -p "$out"

# bench_gen NAME SOURCE...: the block's trace generator, $out/nicrx_NAME_gen, built with
# the model's warnings; a build failure is the bench's one verdict
bench_gen() {
    local name=$1; shift
    gcc -std=c11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
        -Icmodel -Itests/blocks -Itools tools/cli.c "$@" -o "$out/nicrx_${name}_gen" \
        || { echo "not ok ${name//_/-}-block-build"; exit 1; }
}

# bench_verdict VVP NAME [NOTE]: run one bench; its ok / not ok lines (NOTE appended to an
# ok), or a not ok when it printed no verdict at all
bench_verdict() {
    local res
    res=$(vvp -n "$1" | grep -E '^(not )?ok|^#')
    [ -n "$res" ] || res="not ok $2: no verdict"
    echo "$res" | sed "/^ok /s/\$/${3:+ ($3)}/"
}

# bench_build NAME RTL...: the Icarus build of tests/blocks/nicrx_NAME_tb.v with the block's
# RTL, $out/NAME_tb.vvp, its NAME parameter the bench's verdict name (NAME-block-lockstep,
# _ as -); a failed build is the bench's one verdict
bench_build() {
    local name=$1 n=${1//_/-}; shift
    iverilog -g2005 -Irtl -Itests/blocks -Pnicrx_${name}_tb.NAME="\"$n-block-lockstep\"" \
        -o "$out/${name}_tb.vvp" "tests/blocks/nicrx_${name}_tb.v" "$@" \
        || { echo "not ok $n-block: iverilog"; exit 0; }
}
