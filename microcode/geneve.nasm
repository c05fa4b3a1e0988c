# geneve.nasm - the default program, and Geneve (RFC 8926, UDP destination
# port GENEVE_PORT) over IPv4 and IPv6: the UDP header, the Geneve header and
# its options (length in its first byte) are skipped and the packet Geneve
# carries parsed in place of the outer one (an Ethernet frame, protocol type
# 0x6558, from the start; IPv4 or IPv6), so the flow (addresses, ports,
# classes) is the inner packet's.  Another version or protocol type: UDP.
# No class bit is set before that decision (class bits are never cleared).
.equ GENEVE_PORT 6081
.equ PRESEL_TCP presel
.equ V4_UDP     0            # set below, once Geneve is ruled out
.equ V6_UDP     0
.equ ET_TEB     0x6558       # transparent Ethernet bridging: an Ethernet frame
.include "ether.inc"
tcp_nofrag:
tcp_frag:
.include "tcp.inc"
# L4 = cur = the UDP header; the Geneve header follows it: version and options
# length (4-byte words), flags, protocol type, VNI
udp4:
udp6:       read l4+0 4 test eq GENEVE_PORT store ports else udp_only     # destination port
            read l4+8 1 mask 0xc0 test eq 0 else udp_only                  # version 0
            read l4+10 2 test eq ET_TEB else geneve_ip
            read l4+8 1 mask 0x3f shl 2 add 16 adv then ether             # cur = L4 + 8 + 8 + 4 * options
geneve_ip:  read l4+10 2 test eq ET_IPV4 then geneve4
            read l4+10 2 test eq ET_IPV6 else udp_only
            read l4+8 1 mask 0x3f shl 2 add 16 adv save l3 then ip6
geneve4:    read l4+8 1 mask 0x3f shl 2 add 16 adv save l3 then ip4
udp_only:   read l3+0 1 mask 0xf0 test eq 0x40 set ipv4,udp then udp_hdr  # L3 is the outer header
            set ipv6,udp then udp_hdr
.include "udp.inc"
