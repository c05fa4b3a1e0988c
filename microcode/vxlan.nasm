# vxlan.nasm - the default program, except that UDP to VXLAN_PORT is VXLAN:
# the 8-byte VXLAN header is skipped and the inner Ethernet frame parsed from
# the start, so the flow (addresses, ports, classes) is the inner frame's.
# No class bit is set before that decision (class bits are never cleared).
.equ VXLAN_PORT 4789
.equ PRESEL_TCP presel
.equ V4_UDP     0            # set below, once VXLAN is ruled out
.equ V6_UDP     0
.include "ether.inc"
tcp_nofrag:
tcp_frag:
.include "tcp.inc"
udp4:       read l4+0 4 test eq VXLAN_PORT store ports adv 16 then ether  # UDP and VXLAN headers
            set ipv4,udp then udp_hdr
udp6:       read l4+0 4 test eq VXLAN_PORT store ports adv 16 then ether
            set ipv6,udp then udp_hdr
.include "udp.inc"
