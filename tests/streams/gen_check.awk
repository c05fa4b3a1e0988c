# gen_check.awk - a stream view (nicrx-model --streams DIR) of a capture nicrx-gen wrote with
# --pay-bytes seq against what its senders sent: byte s of a direction from port sp to
# port dp is ((s mod 251) + 17 ((s div 251) mod 256) + sp + dp) mod 256 (tb/gen.c seq_byte).
# Inputs: DIR/index.jsonl, then every direction's file in the index's order through
# od -An -v -tx1.  Checks every byte of every file (a direction from its base up to its
# first gap) and, with -v complete_wanted=1 (a capture without loss), that every direction
# closed by a FIN holds every byte up to it.  Prints one line:
#   DIRECTIONS BYTES_CHECKED FIN_DIRECTIONS COMPLETE GAPPED BAD
# and the first bad direction on stderr.
function jnum(line, key,    m) {
    if (!match(line, "\"" key "\":[0-9]+")) return -1
    m = substr(line, RSTART, RLENGTH); sub(/.*:/, "", m); return m + 0
}
function jstr(line, key) {
    if (!match(line, "\"" key "\":\"[^\"]*\"")) return ""
    return substr(line, RSTART + length(key) + 4, RLENGTH - length(key) - 5)
}
function complain(msg) { if (!bad++) print msg > "/dev/stderr" }
BEGIN { for (v = 0; v < 256; v++) hexv[sprintf("%02x", v)] = v }
FNR == NR {
    ndir++
    base[ndir] = jnum($0, "base"); add[ndir] = jnum($0, "sport") + jnum($0, "dport")
    len[ndir] = jnum($0, "in_order"); file[ndir] = jstr($0, "file")
    fin = jnum($0, "fin"); gaps = jnum($0, "gaps")
    if (gaps > 0) gapped++
    if (fin >= 0) {
        nfin++
        if (gaps == 0 && len[ndir] == fin) complete++
        else if (complete_wanted) complain(file[ndir] ": " len[ndir] " bytes in order, " gaps " gaps, FIN at " fin)
    }
    next
}
{
    for (k = 1; k <= NF; k++) {
        while (d <= ndir && i >= len[d]) { d++; i = 0 }
        if (d > ndir) { complain("more bytes than the index gives"); exit }
        s = (base[d] + i) % 4294967296
        if (hexv[$k] != (s % 251 + 17 * (int(s / 251) % 256) + add[d]) % 256 && !seen[d]++)
            complain(file[d] ": byte " i " (sequence number " s ") is 0x" $k)
        i++; checked++
    }
}
BEGIN { d = 1 }
END { print ndir + 0, checked + 0, nfin + 0, complete + 0, gapped + 0, bad + 0 }
