#!/usr/bin/env python3
"""report.py - turn Yosys `stat` output and nextpnr --report JSON into one table row.

  report.py row TARGET CONFIG STAT_FILE [NEXTPNR_REPORT_JSON]  -> prints one TSV row
  report.py table ROWS_FILE                                    -> prints the aligned table
  report.py modules TARGET STAT_FILE                           -> one row per module (synth -noflatten)
NEXTPNR_REPORT is the path without extension: NAME.pnr.json, or NAME.pnr.log if P&R failed.
"""
import json
import os
import re
import sys


def modules(stat_path):
    """{module name: {cell type: count}} of a Yosys stat log, in order."""
    out = {}
    text = open(stat_path).read()
    for blk in re.split(r"^\s*=== ", text, flags=re.M)[1:]:
        name = blk.split(" ===", 1)[0].strip()
        counts = {}
        for m in re.finditer(r"^\s+(\$?[A-Za-z_][\w$]*)\s+(\d+)\s*$", blk, re.M):
            counts[m.group(1)] = int(m.group(2))
        out[name] = counts
    return out


def cells(stat_path):
    """Cell counts of the last module summary of a Yosys stat log (the top after
    flattening; the whole design when "design hierarchy" comes last)."""
    mods = modules(stat_path)
    return list(mods.values())[-1] if mods else {}


def figures(target, c):
    if target.startswith("ice40"):
        return (c.get("SB_LUT4", 0), sum(v for k, v in c.items() if k.startswith("SB_DFF")),
                c.get("SB_RAM40_4K", 0), 0)
    return (c.get("LUT4", 0) + 2 * c.get("CCU2C", 0), c.get("TRELLIS_FF", 0), c.get("DP16KD", 0),
            c.get("TRELLIS_DPR16X4", 0))


def row(target, config, stat_path, pnr=None):
    luts, ffs, bram, lutram = figures(target, cells(stat_path))
    fmax = "-"
    util = ""
    if pnr and not os.path.exists(pnr + ".json") and os.path.exists(pnr + ".log"):
        # place-and-route failed: say so, with the utilisation nextpnr printed
        log = open(pnr + ".log").read()
        used = re.findall(r"(ICESTORM_LC|TRELLIS_COMB|ICESTORM_RAM|DP16KD):\s*(\d+)/\s*(\d+)", log)
        err = re.findall(r"^ERROR: (.*)$", log, re.M)
        util = "P&R FAILED" + (" (does not fit: " + " ".join("%s %s/%s" % u for u in used) + ")"
                                if "no BELs remaining" in log else (": " + err[0][:80] if err else ""))
        fmax = "n/a"
    elif pnr:
        r = json.load(open(pnr + ".json"))
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


def module_rows(target, stat_path):
    rows = []
    for name, c in modules(stat_path).items():
        if name == "design hierarchy":
            name = "total"
        luts, ffs, bram, lutram = figures(target, c)
        short = re.sub(r"^\$paramod\$[0-9a-f]+\\", "", name)
        short = re.sub(r"^\$paramod\\([^\\]+)\\.*$", r"\1", short)
        rows.append("\t".join([target, short, str(luts), str(ffs), str(bram), "-",
                               ("LUT-RAM %d DPR16X4" % lutram) if lutram else ""]))
    return "\n".join(rows)


if __name__ == "__main__":
    if sys.argv[1] == "row":
        print(row(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None))
    elif sys.argv[1] == "modules":
        print(module_rows(sys.argv[2], sys.argv[3]))
    elif sys.argv[1] == "table":
        print(table(sys.argv[2]))
    else:
        sys.exit("usage: report.py row|table ...")
