#!/usr/bin/env bash
# The program library (microcode/gre, geneve, mpls, pppoe; docs/microcode.md
# "Shipped programs"), each on the captures of ../shared/pcaps (PCAPS=dir to
# change) that carry what it parses and on a nicrx-gen capture (--encap, 80 %
# of the connections encapsulated, so the fall-backs run too):
#   - the listed captures carry it (tshark's display filter finds it);
#   - RTL and model in lockstep with the program loaded (nicrx-sim --program),
#     the generated capture with the host stalling heavily too; the harness
#     checks every header vector against nicrx_parse() with the program;
#   - the tshark oracle (tests/oracle/oracle.sh) with the IP header after the
#     tunnel as the one compared: every difference listed in
#     tests/oracle/known_differences.txt (prog= lines);
#   - on the generated capture, the model's flow is the inner one: every frame
#     tshark sees encapsulated with TCP inside is tcp and presel.
# SEED=N fixes the PRNG seed of the lockstep runs.
set -u
cd "$(dirname "$0")/.."
source tests/simlog.sh
progs="gre geneve mpls pppoe"
make -s build/bin/nicrx-sim build/bin/nicrx-model build/bin/nicrx-gen build/tests/oracle_cmp \
    $(printf 'build/microcode/%s.bin ' $progs) >/dev/null 2>&1 ||
    { echo "not ok programs-build: make nicrx-sim, nicrx-model, nicrx-gen, oracle_cmp and the programs failed"; exit 1; }
. tests/oracle/oracle.sh
dir=${PCAPS:-../shared/pcaps}
seed=${SEED:-20240601}
out=build/tests/programs
rm -rf "$out"; mkdir -p "$out"
start=$(date +%s)
# The tshark protocol of each program's tunnel (oracle_cmp --tunnel, the display
# filter), its nicrx-gen --encap kind, and the captures that carry it.
declare -A tunnel encap caps
tunnel[gre]=gre;       encap[gre]=gre
caps[gre]="suricata-verify/tests_bug-5633-gre-01_gre-udp.pcap suricata-verify/tests_bug-5633-gre-02_gre-sample.pcap
    suricata-verify/tests_bug-2576-02-ips_temp1.pcap suricata-verify/tests_bug-2576-03-ips_temp6.pcap
    suricata-verify/tests_bug-5437-02_input.pcap suricata-verify/tests_decode-erspan-typeI-02_input.pcap
    suricata-verify/tests_defrag_bug-6942-6887-defrag-eth-ip-gre-ppp-ip-udp-data_eth-ip-gre-ppp-max-ip-packet.pcap
    tcpdump/various_gre.pcap tcpdump/pptp.pcap tcpdump/wccp_redirect_gre.pcap tcpdump/nhrp-trace.pcap
    tcpdump/NHRP_registration.pcap tcpdump/erspan-type-i-4.pcap tcpdump/erspan-type-ii-3.pcap
    tcpdump/erspan-type-iii-ft-7.pcap"
tunnel[geneve]=geneve; encap[geneve]=geneve
caps[geneve]="tcpdump/geneve.pcap tcpdump/geneve-gcp.pcap tcpdump/gso-ipv4-geneve-ipv4.pcap
    tcpdump/gso-ipv4-geneve-ipv6.pcap tcpdump/gso-ipv6-geneve-ipv4.pcap tcpdump/gso-ipv6-geneve-ipv6.pcap"
tunnel[mpls]=mpls;     encap[mpls]=mpls
caps[mpls]="tcpdump/tok2str-oobr-2.pcap tcpdump/arista_ether.pcap"
tunnel[pppoe]=pppoes;  encap[pppoe]=pppoe
caps[pppoe]="suricata-verify/tests_pppoe_input.pcap tcpdump/pppoes.pcap"

for p in $progs; do
    gen=$out/gen-$p.pcap
    build/bin/nicrx-gen --mode tcp --count 1500 --flows 30 --seed 17 --ipv6 30 --vlan 20 --pay 1-600 \
        --encap "${encap[$p]}:80" -o "$gen" >/dev/null || echo "not ok programs-gen-$p: nicrx-gen failed"
    { for c in ${caps[$p]}; do printf '%s\t%s\n' "$c" "$dir/$c"; done; printf 'gen-%s.pcap\t%s\n' "$p" "$gen"; } \
        > "$out/$p.list"
done

# Lockstep, two runs at a time: every capture, the generated one with heavy stalls too.
lockstep() {  # PROGRAM STALL FILE
    local log rc name="programs-$1-lockstep-$2-$(basename "$3")"
    log=$(build/bin/nicrx-sim --summary --seed "$seed" --stall "$2" --program "build/microcode/$1.bin" "$3" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then echo "ok $name # $(sed -n 's/^  traffic *\([0-9]*\) frames in.*/\1/p' <<<"$log") frames"
    else echo "not ok $name: exit $rc: $(sim_reason "$log")"; fi
}
export -f lockstep
export seed
for p in $progs; do
    cut -f2 "$out/$p.list" | awk -v p="$p" '{ print p "\tnone\t" $0 }'
    printf '%s\theavy\t%s\n' "$p" "$out/gen-$p.pcap"
done > "$out/runs.txt"
xargs -a "$out/runs.txt" -d '\n' -P2 -n1 bash -c 'IFS=$'"'"'\t'"'"' read -r -a a <<<"$0"; lockstep "${a[@]}"'

for p in $progs; do
    # the tshark oracle
    oracle_run "$out/oracle-$p" "$out/$p.list" "$p" "${tunnel[$p]}" | grep -v '^# fixture line\|^# cause .*: 0 listed'
    # from tshark's rows (interface id = the capture's line in the list, protocols):
    # every listed capture carries the tunnel; in the generated one (the last), a
    # frame with TCP inside the tunnel is the inner flow's for the model
    n=$(wc -l < "$out/$p.list")
    awk -F'\t' -v t="${tunnel[$p]}" '$5 ~ (":" t "(:|$)") { print $1 }' "$out/oracle-$p/tshark.tsv" | sort -un \
        > "$out/$p.carry"
    missing=$(awk 'NR == FNR { c[$1] = 1; next } !((FNR - 1) in c) { printf " %s", $1 }' "$out/$p.carry" "$out/$p.list")
    [ -z "$missing" ] && echo "ok programs-$p-captures # $n captures carry ${tunnel[$p]}" ||
        echo "not ok programs-$p-captures: no ${tunnel[$p]} in$missing"
    awk -F'\t' -v i=$((n - 1)) '$1 == i { print $5 }' "$out/oracle-$p/tshark.tsv" |
        paste - "$out/oracle-$p/model/$(printf '%05d' $((n - 1))).jsonl" |
        awk -F'\t' -v t="${tunnel[$p]}" -v p="$p" '
            $1 ~ (":" t ":") && $1 ~ /:tcp/ { n++; if ($2 !~ /"l4":"tcp"/ || $2 !~ /"presel"/) { bad++; if (!first) first = NR } }
            END { if (n && !bad) print "ok programs-" p "-inner-flow # " n " encapsulated TCP frames are the inner flow"
                  else print "not ok programs-" p "-inner-flow: " bad + 0 " of " n + 0 " encapsulated TCP frames are not tcp/presel (first: frame " first ")" }'
done
echo "# programs: $(( $(date +%s) - start )) s"
