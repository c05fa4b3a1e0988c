# session.nasm - the default program, and TCP from or to a session protocol's port sets the
# `session` class bit (claim 29): iSCSI (ISCSI_PORT, 3260) and NFS over ONC RPC (NFS_PORT,
# 2049).  The flows a host may want to treat as sessions (issue 12: host-posted buffer
# lists); four more steps for a TCP frame that is not fragmented.
.equ ISCSI_PORT 3260
.equ NFS_PORT   2049
.equ PRESEL_TCP presel
.equ V4_UDP     ipv4|udp
.equ V6_UDP     ipv6|udp
.include "ether.inc"
tcp_nofrag: read l4+0 2 test eq ISCSI_PORT set session then tcp_hdr   # source port
            read l4+0 2 test eq NFS_PORT set session then tcp_hdr
            read l4+2 2 test eq ISCSI_PORT set session then tcp_hdr   # destination port
            read l4+2 2 test eq NFS_PORT set session
tcp_frag:
.include "tcp.inc"
udp4:
udp6:
.include "udp.inc"
