#!/usr/bin/env bash
# The tshark oracle: for every frame of every capture in ../shared/pcaps
# (PCAPS=dir to change), the parse of nicrx-model --parse-only (default
# program) against tshark's dissection, field by field (tests/oracle/oracle.sh).
# Every difference must be listed in tests/oracle/known_differences.txt.
set -u
cd "$(dirname "$0")/.."
make -s build/bin/nicrx-model build/tests/oracle_cmp >/dev/null 2>&1 ||
    { echo "not ok oracle-build: make build/bin/nicrx-model build/tests/oracle_cmp failed"; exit 1; }
command -v tshark >/dev/null && command -v mergecap >/dev/null ||
    { echo "not ok oracle: tshark and mergecap are needed (scripts/setup.sh installs them)"; exit 1; }
. tests/oracle/oracle.sh
dir=${PCAPS:-../shared/pcaps}
out=build/oracle
start=$(date +%s)
mkdir -p build/tests
(cd "$dir" && find . -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sed 's|^\./||' | LC_ALL=C sort) |
    awk -v d="$dir" '{ printf "%s\t%s/%s\n", $0, d, $0 }' > build/tests/oracle-captures.txt
n=$(wc -l < build/tests/oracle-captures.txt)
[ "$n" -gt 0 ] || { echo "not ok oracle: no captures in $dir"; exit 1; }
echo "# $n captures from $dir"
oracle_run "$out" build/tests/oracle-captures.txt default ""
rc=$?
echo "# oracle: $(( $(date +%s) - start )) s"
exit $rc
