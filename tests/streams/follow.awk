# follow.awk - one capture's TCP directions: tshark's followed streams against the
# host's stream view (nicrx-model --streams).  Inputs, in this order:
#   VIEW/index.jsonl   the view's directions (tb/tcpview.c)
#   MODEL.jsonl        the model's line per frame (verdict and 5-tuple)
#   TSHARK.txt         tshark -q -z follow,tcp,raw,N for every stream N
# -v view=VIEW -v cap=NAME.  One line per direction with bytes on either side:
#   CAP <tab> DIRECTION <tab> VERDICT <tab> BYTES
# VERDICT: equal (BYTES compared), tshark-gap (tshark marks bytes missing in the
# capture: not compared), or the reason they differ (tests/streams/known_differences.txt).
function name(a, p) { gsub(/:/, "_", a); return a "." p }
function node(s,    a, p) {          # "1.2.3.4:80" or "[2001:db8::1]:80"
    p = s; sub(/.*:/, "", p); a = s; sub(/:[0-9]+$/, "", a); gsub(/[][]/, "", a)
    return name(a, p)
}
function unhex(h,    s, i) {
    s = ""
    for (i = 1; i < length(h); i += 2) s = s sprintf("%c", hexv[substr(h, i, 2)])
    return s
}
function binhex(f,    cmd, l, s) {
    s = ""; cmd = "od -An -v -tx1 '" f "'"
    while ((cmd | getline l) > 0) { gsub(/[ \t]/, "", l); s = s l }
    close(cmd)
    return s
}
function jnum(line, key,    m) {
    if (!match(line, "\"" key "\":[0-9]+")) return -1
    m = substr(line, RSTART, RLENGTH); sub(/.*:/, "", m); return m + 0
}
function jstr(line, key,    m) {
    if (!match(line, "\"" key "\":\"[^\"]*\"")) return ""
    m = substr(line, RSTART + length(key) + 4, RLENGTH - length(key) - 5); return m
}
BEGIN {
    for (i = 0; i < 256; i++) hexv[sprintf("%02x", i)] = i
    FS = "\n"
}
FILENAME ~ /index\.jsonl$/ {
    f = jstr($0, "file"); d = f; sub(/\.bin$/, "", d)
    vfile[d] = view "/" f; vin[d] = jnum($0, "in_order"); vgaps[d] = jnum($0, "gaps"); vall[d] = jnum($0, "bytes")
    next
}
FILENAME !~ /\.txt$/ {                 # the model's lines
    if ($0 !~ /"l4":"tcp"/) next
    d = name(jstr($0, "src"), jnum($0, "sport")) "-" name(jstr($0, "dst"), jnum($0, "dport"))
    seen[d] = 1
    if ($0 ~ /"verdict":"dropped"/) { r = jstr($0, "reason"); if (index(dropped[d] "+", "+" r "+") == 0) dropped[d] = dropped[d] "+" r }
    next
}
/^Filter: tcp\.stream eq / { st = $0; sub(/.*eq /, "", st); next }
/^Node [01]: / {
    k = substr($0, 6, 1); v = substr($0, 9)
    nd[k] = v == ":0" ? "" : node(v)
    if (k == 1 && nd[0] != "") {
        dir[0] = nd[0] "-" nd[1]; dir[1] = nd[1] "-" nd[0]
        for (k = 0; k < 2; k++) { streams[dir[k]]++; hex[dir[k]] = hex[dir[k]]; order[++n] = dir[k] }
    }
    next
}
/^=+$/ { nd[0] = nd[1] = ""; next }
/^\t?[0-9a-f]+$/ && nd[0] != "" {
    k = substr($0, 1, 1) == "\t"; h = $0; sub(/^\t/, "", h)
    if (h ~ /^5b/ && length(h) < 120 && unhex(h) ~ /^\[[0-9]+ bytes missing in capture file\]$/) tgap[dir[k]] = 1
    else hex[dir[k]] = hex[dir[k]] h
    next
}
END {
    for (d in vfile) if (vin[d] > 0 && !(d in hex)) { hex[d] = ""; order[++n] = d; onlyview[d] = 1 }
    for (i = 1; i <= n; i++) {
        d = order[i]
        if (done[d]++) continue
        mine = (d in vfile) && vin[d] > 0 ? binhex(vfile[d]) : ""
        if (hex[d] == "" && mine == "") continue
        if (tgap[d]) { print cap "\t" d "\ttshark-gap\t" length(hex[d]) / 2; continue }
        if (hex[d] == mine) { print cap "\t" d "\tequal\t" length(mine) / 2; continue }
        if (streams[d] > 1) why = "restarted"
        else if (onlyview[d]) why = "only-view"
        else if (!(d in vfile)) why = seen[d] ? "all-dropped" dropped[d] : "not-parsed"
        else if (dropped[d] != "") why = "dropped" dropped[d]
        else if (vgaps[d] > 0) why = "view-gap"
        else if (index(hex[d], mine) == 1) why = "shorter"
        else if (index(mine, hex[d]) == 1) why = "longer"
        else why = "bytes"
        print cap "\t" d "\t" why "\t" length(hex[d]) / 2
    }
}
