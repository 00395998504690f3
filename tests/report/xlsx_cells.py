#!/usr/bin/env python3
"""An XLSX reader independent of the writer: prints every sheet of a workbook as JSON, read with
nothing but zipfile and xml.etree (ECMA-376 SpreadsheetML), for tests/report to compare against
`gridctl stats`.

{"sheets": [{"name": "街道", "pane": {"xSplit": "1", "ySplit": "2", "state": "frozen", ...} or null,
             "rows": [[{"ref": "A1", "type": "s"|"n"|"str"|"inlineStr"|"b", "value": "…" or 1.5}, …], …]}]}
"type" is the cell's t attribute ("n" when absent, as the standard says): a number stored as a
number is "n" with a float value; shared strings are resolved to their text.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def text_of(element):
    # A string item is <t> or rich-text runs <r><t>; phonetic runs (<rPh>) are not part of it.
    if element is None:
        return ""
    direct = element.find("m:t", NS)
    if direct is not None:
        return direct.text or ""
    return "".join(t.text or "" for t in element.findall("m:r/m:t", NS))


def main(path):
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = [text_of(si) for si in root.findall("m:si", NS)]
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        sheets = []
        for sheet in workbook.findall("m:sheets/m:sheet", NS):
            target = targets[sheet.get("{%s}id" % NS["r"])]
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            root = ET.fromstring(z.read(member))
            pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
            rows = []
            for row in root.findall("m:sheetData/m:row", NS):
                cells = []
                for c in row.findall("m:c", NS):
                    kind = c.get("t", "n")
                    v = c.find("m:v", NS)
                    if kind == "s":
                        value = shared[int(v.text)]
                    elif kind == "inlineStr":
                        value = text_of(c.find("m:is", NS))
                    elif kind == "n":
                        value = float(v.text) if v is not None else None
                    else:
                        value = v.text if v is not None else None
                    cells.append({"ref": c.get("r"), "type": kind, "value": value})
                rows.append(cells)
            sheets.append({"name": sheet.get("name"),
                           "pane": dict(pane.attrib) if pane is not None else None,
                           "rows": rows})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
