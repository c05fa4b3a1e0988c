# flow_split.awk - splits tshark's output for the flow oracle into one file per
# capture (tests/t_flow_oracle.sh).
#
# Input: tshark -T fields -E occurrence=a with frame.interface_id, the fields of
# flow_fields.txt (frame.protocols last), then ip.src ip.dst ipv6.src ipv6.dst tcp.srcport tcp.dstport;
# then the table of -z conv,tcp.  -v map=FILE: "INTERFACE<TAB>OUTFILE" per
# capture (mergecap -a -I none: the interface id is the capture).  Writes each
# capture's TCP frames (flow_fields columns, frame numbers counted from 1 in the
# capture) and its conversations ("A:pa <-> B:pb"); with -v counts=FILE also
# "INTERFACE<TAB>FRAMES" per capture written (to check the interface ids).
#
# TCP analysis is per conversation, so a capture whose address/port pairs
# appear in no other capture is analysed by one run on all captures as by a
# run on its own.  The others ("shared": a pair in two captures) are not
# written; their interface ids go to stdout, to be run on their own.  With
# -v single=1 (one capture's run) everything goes to the map's one file.
function last(s,   n, x) { n = split(s, x, ","); return n ? x[n] : "" }
function pair(a, b) { return a < b ? a " " b : b " " a }
BEGIN {
    FS = "\t"
    while ((getline l < map) > 0) { split(l, x, "\t"); file[x[1]] = x[2] }
}
NF > 1 {
    id = single ? 0 : $1
    if (!(id in first)) first[id] = $2
    count[id]++
    if ($(NF - 1) == "") next                       # not TCP
    # The addresses of the IP layer that carries TCP (the innermost before it).
    v6 = 0
    n = split($(NF - 6), pr, ":")
    for (i = 1; i <= n && pr[i] != "tcp"; i++) if (pr[i] == "ip" || pr[i] == "ipv6") v6 = pr[i] == "ipv6"
    a = last($(NF - 5 + 2 * v6)) ":" last($(NF - 1))
    b = last($(NF - 4 + 2 * v6)) ":" last($NF)
    p = pair(a, b)
    if (!((p, id) in pid)) { pid[p, id] = 1; nid[p]++; owner[p] = id }
    line = $2 - first[id] + 1
    for (i = 3; i <= NF - 6; i++) line = line "\t" $i
    frames[id] = frames[id] line "\n"
    next
}
split($0, w, " ") >= 3 && w[2] == "<->" { conv[pair(w[1], w[3])] = 1 }
END {
    for (p in nid) if (nid[p] > 1) for (id in file) if ((p, id) in pid) shared[id] = 1
    for (id in file) {
        if (id in shared) { print id; continue }
        printf "%s", frames[id] > file[id]
        close(file[id])
        if (counts != "") print id "\t" count[id] + 0 > counts
    }
    for (p in conv) {
        id = single ? 0 : owner[p]
        if (!single && !(p in nid)) { print "a conversation of no frame: " p > "/dev/stderr"; continue }
        if (!single && ((id in shared) || !(id in file))) continue
        split(p, e, " ")
        print e[1] " <-> " e[2] >> file[id]
        close(file[id])
    }
}
