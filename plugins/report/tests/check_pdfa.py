"""Checks what an archive and a reader of the printed report look for in a
report-pdf, with what Debian offers (poppler, qpdf, an XMP parse):
- XMP: pdfaid:part 2 and a conformance level, xmp:CreateDate, ModifyDate,
  MetadataDate, pdf:Producer, and the same producer and dates in the Info dictionary;
- an sRGB output intent (GTS_PDFA1, an ICC profile of 3 components);
- every font embedded (pdffonts), PDF 1.7, qpdf --check without a warning;
- bookmarks (qpdf's outlines) for every heading given, in order;
- on every page "PAGE_WORD N OF_WORD M" and the date of issue.
Not verifiable here (no veraPDF in Debian): the whole of ISO 19005-2's rules.
- with --part PART NEXT LABEL...: each label a bookmark inside the part PART,
  before the part NEXT (every prioritised problem in the plan part).
Usage: check_pdfa.py FILE.pdf PAGE_WORD OF_WORD ISSUED BOOKMARK... [--part PART NEXT LABEL...]"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from pdf_text import page_number_problems

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/"}


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def main():
    pdf, page_word, of_word, issued, bookmarks = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
    part = []
    if "--part" in bookmarks:
        part = bookmarks[bookmarks.index("--part") + 1:]
        bookmarks = bookmarks[:bookmarks.index("--part")]
    problems = []
    meta = run("pdfinfo", "-meta", pdf)
    if not meta.strip():
        print("no XMP metadata")
        sys.exit(1)
    xmp = ET.fromstring(meta.encode("utf-8"))
    def xmp_value(path):
        found = xmp.find(".//" + path, NS)
        return found.text if found is not None else None
    if xmp_value("pdfaid:part") != "2":
        problems.append(f"pdfaid:part is {xmp_value('pdfaid:part')}")
    if xmp_value("pdfaid:conformance") not in ("A", "B", "U"):
        problems.append(f"pdfaid:conformance is {xmp_value('pdfaid:conformance')}")
    for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "pdf:Producer"):
        if not xmp_value(key):
            problems.append(f"XMP has no {key}")
    info = dict(line.split(":", 1) for line in run("pdfinfo", "-isodates", pdf).splitlines() if ":" in line)
    info = {k.strip(): v.strip() for k, v in info.items()}
    if info.get("Producer") != xmp_value("pdf:Producer"):
        problems.append(f"Info's Producer {info.get('Producer')!r} is not the XMP's {xmp_value('pdf:Producer')!r}")
    create = (xmp_value("xmp:CreateDate") or "")[:19]
    if info.get("CreationDate", "")[:19] != create:
        problems.append(f"Info's CreationDate {info.get('CreationDate')} is not the XMP's {create}")
    if info.get("PDF version") != "1.7":
        problems.append(f"PDF version {info.get('PDF version')}")
    if info.get("Tagged") != "yes":
        problems.append("not tagged")
    # qpdf's JSON version 1: an object by its reference, a stream as its dictionary.
    document = json.loads(run("qpdf", "--json=1", "--json-key=objects", "--json-key=outlines", pdf))
    objects = document["objects"]
    def resolved(value):
        return objects.get(value, value) if isinstance(value, str) else value
    root = resolved(objects["trailer"]["/Root"])
    ok = False
    for ref in resolved(root.get("/OutputIntents", [])):
        intent = resolved(ref)
        profile = resolved(intent.get("/DestOutputProfile", {}))
        ok |= intent.get("/S") == "/GTS_PDFA1" and isinstance(profile, dict) and profile.get("/N") == 3
    if not ok:
        problems.append("no sRGB output intent (GTS_PDFA1 with a 3-component ICC profile)")
    check = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    if check.returncode != 0:
        problems.append("qpdf --check: " + (check.stdout + check.stderr).strip().splitlines()[-1])
    for line in run("pdffonts", pdf).splitlines()[2:]:
        if line.split()[-5] != "yes":
            problems.append("a font not embedded: " + line)
    titles = []
    def walk(items):
        for item in items:
            titles.append(item["title"])
            walk(item.get("kids", []))
    walk(document.get("outlines", []))
    position = 0
    for wanted in bookmarks:
        try:
            position = titles.index(wanted, position) + 1
        except ValueError:
            problems.append(f"no bookmark '{wanted}' (in order) among {len(titles)}")
    if part:
        inside = titles[titles.index(part[0]):titles.index(part[1])] if part[0] in titles and part[1] in titles else []
        for label in part[2:]:
            if label not in inside:
                problems.append(f"'{label}' is no bookmark in the part '{part[0]}'")
    problems += page_number_problems(pdf, int(info["Pages"]), page_word, of_word, also=issued)
    for p in problems[:25]:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
