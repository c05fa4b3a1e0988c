#!/usr/bin/env bash
# make install PREFIX=DIR (mk/install.mk) into a scratch prefix: the library, its public
# headers, the pkg-config file, the tools and their man pages are where they belong; a
# driver loop (examples/rx_host.c) builds from the installed files alone, through
# pkg-config, and runs; every man page renders without a warning; every installed tool
# answers --version with the package's version.
set -u
cd "$(dirname "$0")/.."
pre=$PWD/build/tests/install/prefix
rm -rf "$pre"
log=$(make -s install PREFIX="$pre" 2>&1) || { echo "not ok install: make install failed: $(tail -1 <<<"$log")"; exit 0; }
missing=""
for f in lib/libnicrx.a lib/pkgconfig/nicrx.pc include/nicrx/nicrx_model.h include/nicrx/nicrx_hw.h \
         include/nicrx/nicrx_regs.h include/nicrx/nicrx_isa.h include/nicrx/nicrx_drv.h; do
    [ -f "$pre/$f" ] || missing="$missing $f"
done
for t in nicrx-model nicrx-sim nicrx-asm nicrx-gen; do
    [ -x "$pre/bin/$t" ] || missing="$missing bin/$t"
    [ -f "$pre/share/man/man1/$t.1" ] || missing="$missing man1/$t.1"
done
[ -z "$missing" ] && echo "ok install-files" || echo "not ok install-files: missing$missing"
export PKG_CONFIG_PATH=$pre/lib/pkgconfig
ver=$(pkg-config --modversion nicrx 2>&1)
bin=build/tests/install/rx_host
# shellcheck disable=SC2046
if ${CC:-cc} -std=gnu11 -Wall -Wextra -Werror $(pkg-config --cflags nicrx) -o "$bin" examples/rx_host.c \
       $(pkg-config --libs nicrx) -lpcap 2>build/tests/install/cc.log &&
   out=$("$bin" captures/default.pcap 2>&1); then
    echo "ok install-pkg-config # nicrx $ver: $out"
else
    echo "not ok install-pkg-config: $(head -1 build/tests/install/cc.log)${out:+ $out}"
fi
for t in nicrx-model nicrx-sim nicrx-asm nicrx-gen; do
    w=$(groff -man -Tutf8 -ww "$pre/share/man/man1/$t.1" 2>&1 >/dev/null)
    v=$("$pre/bin/$t" --version 2>&1 | head -1)
    if [ -z "$w" ] && [ "$v" = "$t $ver" ] && grep -q "^$t \\\\- " "$pre/share/man/man1/$t.1"; then
        echo "ok install-$t # $v, man page"
    else
        echo "not ok install-$t: --version '$v' (package $ver)${w:+, groff: $(head -1 <<<"$w")}"
    fi
done
