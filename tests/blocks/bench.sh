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
