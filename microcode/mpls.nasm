# mpls.nasm - the default program, and MPLS (EtherType 0x8847 unicast, 0x8848
# multicast): the label stack is skipped up to the entry with the
# bottom-of-stack bit, and what follows parsed as IPv4 or IPv6 by its first
# nibble (4 or 6), in place of the Ethernet payload; anything else (a
# pseudowire control word, Ethernet over MPLS): no L3.  The labels are not
# kept (the header vector has no field for them); a stack longer than the
# header memory ends the frame truncated.
.equ PRESEL_TCP presel
.equ V4_UDP     ipv4|udp
.equ V6_UDP     ipv6|udp
.equ ETHER_HOOK 1            # ether.inc offers other EtherTypes at ether_type
.equ ET_MPLS_UC 0x8847
.equ ET_MPLS_MC 0x8848
.include "ether.inc"
tcp_nofrag:
tcp_frag:
.include "tcp.inc"
udp4:
udp6:
.include "udp.inc"
ether_type: read ETHERTYPE test eq ET_MPLS_UC adv 14 then mpls
            read ETHERTYPE test eq ET_MPLS_MC adv 14 end-if-false          # cur = the first label entry
# a label stack entry: label (20 bits), traffic class (3), bottom of stack (1), TTL (8)
mpls:       read cur+2 1 mask 0x01 test eq 0 adv 4 then mpls               # not the bottom: the next entry
            read cur+4 1 mask 0xf0 test eq 0x40 adv 4 save l3 then ip4
            read cur+4 1 mask 0xf0 test eq 0x60 adv 4 save l3 then ip6 end-if-false
