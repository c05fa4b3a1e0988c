# gre.nasm - the default program, and GRE (IP protocol 47, RFC 2784 and 2890)
# over IPv4 and IPv6: the GRE header, with its checksum, key and sequence
# number when their flags say so, is skipped and the packet it carries parsed
# in place of the outer one (IPv4, IPv6, or an Ethernet frame: protocol type
# 0x6558), so the flow (addresses, ports, classes) is the inner packet's.
# GRE with routing (RFC 1701) or of version 1 (PPTP), and other protocol
# types: the outer packet, l4other.  No class bit is set before that decision.
.equ PRESEL_TCP presel
.equ V4_UDP     ipv4|udp
.equ V6_UDP     ipv6|udp
.equ IP_HOOK    1            # ether.inc offers other IP protocols at ip4_proto, ip6_proto
.equ IP_GRE     47
.equ ET_TEB     0x6558       # transparent Ethernet bridging: an Ethernet frame
.include "ether.inc"
tcp_nofrag:
tcp_frag:
.include "tcp.inc"
udp4:
udp6:
.include "udp.inc"
ip4_proto:  read l3+9 1 test eq IP_GRE then gre else ip4_l4other
ip6_proto:  read l4+0 1 test eq IP_GRE save l4 else ip6_l4other
# L4 = cur = the GRE header: flags and version, protocol type, then 4 bytes
# each for the checksum (C, 0x80), the key (K, 0x20), the sequence number (S, 0x10)
gre:        read l4+0 2 mask 0x4007 test eq 0 adv 4 else gre_outer         # no routing, version 0
            read l4+0 1 mask 0x80 shr 5 adv                                # C: cur += 4
            read l4+0 1 mask 0x20 shr 3 adv                                # K
            read l4+0 1 mask 0x10 shr 2 adv                                # S
            read l4+2 2 test eq ET_IPV4 save l3 then ip4
            read l4+2 2 test eq ET_IPV6 save l3 then ip6
            read l4+2 2 test eq ET_TEB then ether                           # cur = the inner Ethernet header
gre_outer:  read l3+0 1 mask 0xf0 test eq 0x40 set ipv4,l4other end-if-true  # L3 is still the outer header
            set ipv6,l4other end
