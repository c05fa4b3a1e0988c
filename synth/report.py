#!/usr/bin/env python3
"""report.py - turn Yosys `stat` output and nextpnr --report JSON into one table row.

  report.py row TARGET CONFIG STAT_FILE [NEXTPNR_REPORT_JSON]  -> prints one TSV row
  report.py table ROWS_FILE                                    -> prints the aligned table
"""
import json
import re
import sys


def cells(stat_path):
    """Cell counts of the last (top) module summary of a Yosys stat log."""
    counts = {}
    text = open(stat_path).read()
    # The design total ("=== design hierarchy ===") comes last when there is a
    # hierarchy; after flattening there is only the top module.  Take the last block.
    blocks = re.split(r"\n\s*===", text)
    last = blocks[-1]
    for m in re.finditer(r"^\s+(\$?[A-Za-z_][\w$]*)\s+(\d+)\s*$", last, re.M):
        counts[m.group(1)] = int(m.group(2))
    return counts


def row(target, config, stat_path, pnr=None):
    c = cells(stat_path)
    if target.startswith("ice40"):
        luts = c.get("SB_LUT4", 0)
        ffs = sum(v for k, v in c.items() if k.startswith("SB_DFF"))
        bram = c.get("SB_RAM40_4K", 0)
        lutram = 0
    else:  # ecp5
        luts = c.get("LUT4", 0) + 2 * c.get("CCU2C", 0)
        ffs = c.get("TRELLIS_FF", 0)
        bram = c.get("DP16KD", 0)
        lutram = c.get("TRELLIS_DPR16X4", 0)
    fmax = "-"
    util = ""
    if pnr:
        r = json.load(open(pnr))
        f = [v.get("achieved", 0.0) for v in r.get("fmax", {}).values()]
        if f:
            fmax = "%.1f" % min(f)
        u = r.get("utilization", {})
        keys = ["ICESTORM_LC", "ICESTORM_RAM", "TRELLIS_COMB", "TRELLIS_FF", "DP16KD", "TRELLIS_RAMW"]
        util = " ".join("%s %d/%d" % (k, u[k]["used"], u[k]["available"]) for k in keys if k in u)
    notes = []
    if lutram:
        notes.append("LUT-RAM %d DPR16X4" % lutram)
    if util:
        notes.append(util)
    return "\t".join([target, config, str(luts), str(ffs), str(bram), fmax, "; ".join(notes)])


def table(rows_path):
    hdr = ["target", "config", "LUTs", "FFs", "BRAMs", "Fmax MHz", "notes"]
    rows = [l.rstrip("\n").split("\t") for l in open(rows_path) if l.strip()]
    rows = [r + [""] * (len(hdr) - len(r)) for r in rows]
    w = [max(len(x[i]) for x in [hdr] + rows) for i in range(len(hdr))]
    out = []
    for r in [hdr, ["-" * n for n in w]] + rows:
        out.append("  ".join(r[i].ljust(w[i]) for i in range(len(hdr))).rstrip())
    return "\n".join(out)


if __name__ == "__main__":
    if sys.argv[1] == "row":
        print(row(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None))
    elif sys.argv[1] == "table":
        print(table(sys.argv[2]))
    else:
        sys.exit("usage: report.py row|table ...")
