#!/usr/bin/env bash
# The RGMII receive MAC (fpga/nicrx_rgmii_rx.v) under Icarus on frames of shared captures
# turned into RGMII pin values by tests/board/rgmii_gen.c, at DATA_WIDTH 64 and 32 at 1000 Mb/s,
# and at DATA_WIDTH 32 at 10/100 Mb/s (a nibble a clock: rgmii_gen -n, the MAC's nibble input).
# Prints ok / not ok lines.  CAPS="a.pcap ..." and MAX_FRAMES pick the traffic.
set -u
cd "$(dirname "$0")/../.."
out=build/tests/board
mkdir -p "$out"
gcc -std=gnu11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror \
    -Itb tests/board/rgmii_gen.c tb/capture.c -lpcap -o "$out/rgmii_gen" \
    || { echo "not ok rgmii-gen-build"; exit 1; }
caps=${CAPS:-"captures/default.pcap $(ls ../shared/pcaps/tcpdump/*.pcap 2>/dev/null | sort | sed -n '3p;40p')"}
seed=1
for mode in 64 32 32n; do
    dw=${mode%n}
    nib=0 flag=""
    [ "$mode" = "$dw" ] || { nib=1 flag=-n; }
    for cap in $caps; do
        seed=$((seed + 1))
        name="rgmii-rx-dw$dw-$(basename "$cap" .pcap)"
        [ "$nib" = 1 ] && name="rgmii-rx-10-100-dw$dw-$(basename "$cap" .pcap)"
        # shellcheck disable=SC2086
        info=$("$out/rgmii_gen" $flag "$cap" "$dw" "$seed" "${MAX_FRAMES:-150}" "$out/$name.stim" "$out/$name.exp") \
            || { echo "not ok $name: generator failed"; continue; }
        read -r periods beats frames fcs align _ <<< "$info"
        iverilog -g2005 -Pnicrx_rgmii_rx_tb.DATA_WIDTH="$dw" -Pnicrx_rgmii_rx_tb.NIBBLE="$nib" -Pnicrx_rgmii_rx_tb.PERIODS="$periods" \
            -Pnicrx_rgmii_rx_tb.BEATS="$beats" -Pnicrx_rgmii_rx_tb.FRAMES="$frames" \
            -Pnicrx_rgmii_rx_tb.FCS="$fcs" -Pnicrx_rgmii_rx_tb.ALIGN="$align" \
            -Pnicrx_rgmii_rx_tb.STIM="\"$out/$name.stim\"" -Pnicrx_rgmii_rx_tb.EXPECT="\"$out/$name.exp\"" \
            -Pnicrx_rgmii_rx_tb.NAME="\"$name\"" -o "$out/$name.vvp" \
            tests/board/nicrx_rgmii_rx_tb.v fpga/nicrx_rgmii_rx.v fpga/sim/IDDRX1F.v \
            || { echo "not ok $name: iverilog"; continue; }
        res=$(vvp -n "$out/$name.vvp" | grep -E '^(not )?ok')
        echo "${res:-not ok $name: no verdict}"
    done
done
# behind a FIFO that fills (a beat out every 20 clocks against one in every 8 at most)
name=rgmii-rx-overflow
if info=$("$out/rgmii_gen" captures/default.pcap 64 9 150 "$out/$name.stim" "$out/$name.exp"); then
    read -r periods beats frames fcs align _ <<< "$info"
    if iverilog -g2005 -Pnicrx_rgmii_rx_tb.DRAIN=20 -Pnicrx_rgmii_rx_tb.PERIODS="$periods" \
        -Pnicrx_rgmii_rx_tb.BEATS="$beats" -Pnicrx_rgmii_rx_tb.FRAMES="$frames" -Pnicrx_rgmii_rx_tb.FCS="$fcs" \
        -Pnicrx_rgmii_rx_tb.ALIGN="$align" -Pnicrx_rgmii_rx_tb.STIM="\"$out/$name.stim\"" \
        -Pnicrx_rgmii_rx_tb.EXPECT="\"$out/$name.exp\"" -Pnicrx_rgmii_rx_tb.NAME="\"$name\"" -o "$out/$name.vvp" \
        tests/board/nicrx_rgmii_rx_tb.v fpga/nicrx_rgmii_rx.v fpga/sim/IDDRX1F.v; then
        res=$(vvp -n "$out/$name.vvp" | grep -E '^(not )?ok')
        echo "${res:-not ok $name: no verdict}"
    else
        echo "not ok $name: iverilog"
    fi
else
    echo "not ok $name: generator failed"
fi
