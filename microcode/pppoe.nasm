# pppoe.nasm - the default program, and PPPoE sessions (RFC 2516, EtherType
# 0x8864): a PPPoE header of version 1, type 1, code 0 sets session; the PPP
# protocol after it (two bytes; the compressed one-byte form is not followed)
# names the packet parsed in place of the Ethernet payload: 0x0021 IPv4,
# 0x0057 IPv6.  Other PPP protocols (LCP, IPCP, ...): session, no L3.
.equ PRESEL_TCP presel
.equ V4_UDP     ipv4|udp
.equ V6_UDP     ipv6|udp
.equ ETHER_HOOK 1            # ether.inc offers other EtherTypes at ether_type
.equ ET_PPPOES  0x8864
.equ PPPOE_DATA 0x1100       # version 1, type 1, code 0: session data
.equ PPP_IPV4   0x0021
.equ PPP_IPV6   0x0057
.include "ether.inc"
tcp_nofrag:
tcp_frag:
.include "tcp.inc"
udp4:
udp6:
.include "udp.inc"
# cur+14: the PPPoE header (version and type, code, session id, length), then the PPP protocol
ether_type: read ETHERTYPE test eq ET_PPPOES end-if-false
            read ETHERTYPE+2 test eq PPPOE_DATA set session end-if-false
            read ETHERTYPE+8 test eq PPP_IPV4 adv 22 save l3 then ip4
            read ETHERTYPE+8 test eq PPP_IPV6 adv 22 save l3 then ip6 end-if-false
