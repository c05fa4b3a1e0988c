# nohttp.nasm - the default program, except that TCP to or from HTTP_PORT is
# not pre-selected: it gets noassist instead.
.equ HTTP_PORT  80
.equ PRESEL_TCP 0            # decided below, once the ports are known
.equ V4_UDP     ipv4|udp
.equ V6_UDP     ipv6|udp
.include "ether.inc"
tcp_nofrag: read l4+0 8 byte 6 test eq HTTP_PORT store ports_seq then http  # source port
            read l4+2 2 test ne HTTP_PORT set presel then tcp_ack else http  # destination port
http:       set noassist then tcp_ack
tcp_frag:
.include "tcp.inc"
udp4:
udp6:
.include "udp.inc"
