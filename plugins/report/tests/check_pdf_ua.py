"""Checks what report-pdf adds for PDF/UA after cairo (pdf_finish.cpp), read
back by other programs than the one that wrote it: qpdf --check finds the file
sound; pdfinfo says Tagged: yes with a Title and an Author; the catalog (qpdf
--json) has /Lang LANG, /ViewerPreferences /DisplayDocTitle true and /MarkInfo
/Marked true; every Figure in the structure tree has a non-empty /Alt (and
there are FIGURES of them, when given) and every TH has /Scope /Column; the XMP stream (pdfinfo -meta) parses
as XML, its dc:title and dc:creator are the document information's Title and
Author, its dc:language is LANG, and its title holds the text in TITLE_FILE.
Usage: check_pdf_ua.py REPORT.pdf LANG TITLE_FILE [FIGURES]"""
import json
import subprocess
import sys
from xml.etree import ElementTree

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/"}


def run(*command):
    return subprocess.run(command, capture_output=True)


def text_of(value):
    """A PDF string in qpdf's JSON v2: "u:" then UTF-8, or "b:" then hex bytes."""
    if isinstance(value, str) and value.startswith("u:"):
        return value[2:]
    if isinstance(value, str) and value.startswith("b:"):
        return bytes.fromhex(value[2:]).decode("latin-1")
    return None


def main():
    pdf, lang, title_file = sys.argv[1], sys.argv[2], sys.argv[3]
    figures_expected = int(sys.argv[4]) if len(sys.argv) > 4 else None
    expected_title = open(title_file, encoding="utf-8").read().strip("\n")
    failures = []
    check = run("qpdf", "--check", pdf)
    if check.returncode != 0:
        failures.append("qpdf --check: " + check.stdout.decode(errors="replace")[-500:])
    info = run("pdfinfo", "-enc", "UTF-8", pdf)
    if info.returncode != 0:
        sys.exit("pdfinfo refuses the PDF: " + info.stderr.decode(errors="replace"))
    fields = {}
    for line in info.stdout.decode("utf-8").splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key, value.strip())
    if fields.get("Tagged") != "yes":
        failures.append("not tagged")
    for key in ("Title", "Author"):
        if not fields.get(key):
            failures.append("no " + key + " in the document information")

    objects = json.loads(run("qpdf", "--json=2", "--json-key=qpdf", pdf).stdout)["qpdf"][1]

    def value(ref):
        obj = objects.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
        return (obj.get("value", obj.get("stream", {}).get("dict")) if obj else ref)

    catalog = value(objects["trailer"]["value"]["/Root"])
    if text_of(catalog.get("/Lang")) != lang:
        failures.append("catalog /Lang is %r, not %r" % (catalog.get("/Lang"), lang))
    if value(catalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        failures.append("no /DisplayDocTitle true")
    if value(catalog.get("/MarkInfo", {})).get("/Marked") is not True:
        failures.append("no /MarkInfo /Marked true")
    if "/Metadata" not in catalog:
        failures.append("no /Metadata on the catalog")

    figures, header_cells, seen = [], [], set()

    def walk(node):
        node_ref = node if isinstance(node, str) and node.endswith(" R") else None
        node = value(node)
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict) and "/S" in node and node_ref not in seen:
            seen.add(node_ref)
            if node["/S"] == "/Figure":
                figures.append(node)
            if node["/S"] == "/TH":
                header_cells.append(node)
            walk(node.get("/K"))

    walk(value(catalog["/StructTreeRoot"]).get("/K"))
    if not figures:
        failures.append("no Figure in the structure tree")
    if figures_expected is not None and len(figures) != figures_expected:
        failures.append("%d figures, not %d" % (len(figures), figures_expected))
    if not header_cells:
        failures.append("no TH in the structure tree")
    for i, cell in enumerate(header_cells):
        if value(cell.get("/A", {})).get("/Scope") != "/Column":
            failures.append("header cell %d has no /Scope /Column" % (i + 1))
            break
    for i, figure in enumerate(figures):
        if not (text_of(figure.get("/Alt")) or "").strip():
            failures.append("figure %d has no /Alt" % (i + 1))

    meta = run("pdfinfo", "-meta", pdf).stdout
    try:
        root = ElementTree.fromstring(meta)
    except ElementTree.ParseError as e:
        sys.exit("the XMP is not well-formed XML: %s" % e)
    description = root.find(".//rdf:Description", NS)

    def xmp(path):
        found = description.find(path, NS)
        return found.text if found is not None and found.text else ""

    title = xmp("dc:title/rdf:Alt/rdf:li")
    if title != fields.get("Title"):
        failures.append("XMP title %r is not the document information's %r" % (title[:80], fields.get("Title", "")[:80]))
    if expected_title not in title:
        failures.append("XMP title %r does not hold %r" % (title[:80], expected_title[:80]))
    if xmp("dc:creator/rdf:Seq/rdf:li") != fields.get("Author"):
        failures.append("XMP creator is not the document information's Author")
    if xmp("dc:language/rdf:Bag/rdf:li") != lang:
        failures.append("XMP language is not " + lang)
    if xmp("xmp:CreatorTool") != "kartla":
        failures.append("XMP CreatorTool is not kartla")
    if "pdfuaid" in meta.decode("utf-8", errors="replace"):
        failures.append("the XMP claims PDF/UA conformance")

    for failure in failures:
        print(failure)
    print("checked %d figures, %d header cells, /Lang %s, XMP title of %d characters" % (len(figures), len(header_cells), lang, len(title)))
    sys.exit(1 if failures else 0)


main()
