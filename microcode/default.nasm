# default.nasm - the default parser program: Ethernet II, 802.3 LLC/SNAP,
# 802.1Q/802.1ad tags, IPv4, IPv6 with extension headers, TCP and UDP.
# TCP that is not fragmented is pre-selected.
.equ PRESEL_TCP presel
.equ V4_UDP     ipv4|udp
.equ V6_UDP     ipv6|udp
.include "ether.inc"
tcp_nofrag:
tcp_frag:
.include "tcp.inc"
udp4:
udp6:
.include "udp.inc"
