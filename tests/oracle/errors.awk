# errors.awk - from tshark's PDML of the frames it flags (malformed, or an
# expert item of severity Error), prints one line per such frame:
#   FRAME_NUMBER <TAB> layer:message[|layer:message...]
# where layer is the top-level protocol whose dissection raised the error (a
# "Malformed Packet" belongs to the protocol dissected before it).
function flush() {
    if (num != "" && errs != "") print num "\t" errs
    num = ""; errs = ""; cur = ""
}
function add(m,    e) {
    e = (cur == "" ? "frame" : cur) ":" m
    if (index("|" errs "|", "|" e "|") == 0) errs = errs (errs == "" ? "" : "|") e
}
/^<packet>/ { flush() }
/^  <proto name="/ && !/name="_ws\.malformed"/ { match($0, /name="[^"]*"/); cur = substr($0, RSTART + 6, RLENGTH - 7) }
/<field name="num" / && num == "" { match($0, /show="[0-9]*"/); num = substr($0, RSTART + 6, RLENGTH - 7) }
/<proto name="_ws\.malformed"/ { add("Malformed Packet") }
/<field name="_ws\.expert" showname="Expert Info \(Error\// && !/Malformed Packet/ {
    match($0, /showname="[^"]*"/); m = substr($0, RSTART + 10, RLENGTH - 11); sub(/^[^)]*\): /, "", m)
    gsub(/&quot;/, "\"", m); gsub(/&lt;/, "<", m); gsub(/&gt;/, ">", m); gsub(/&apos;/, "'", m); gsub(/&amp;/, "\\&", m)
    gsub(/[|\t]/, " ", m)
    add(m)
}
END { flush() }
