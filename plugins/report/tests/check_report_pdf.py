"""Reads a report-pdf with `pdftotext -bbox-layout` and checks it: the given
headings are in the text, and every measure title (one per line in the titles
file) is in the action plan's first column, where a long title wraps over
several lines of its cell; and that the PDF is tagged and described: pdfinfo
says Tagged: yes with a Title and an Author, and the structure tree (pdfinfo
-struct) holds the headings, tables with header cells, and the plan's partner,
indicator and baseline columns are in the text.
Usage: check_report_pdf.py REPORT.pdf TITLES.txt HEADING..."""
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

FIRST_COLUMN_END = 50 + 495 * 3.4 / 14.6 + 1  # margin + the measure column's share of the width


class Words(HTMLParser):
    def __init__(self):
        super().__init__()
        self.words, self.page, self.current = [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "page":
            self.page += 1
        if tag == "word":
            a = dict(attrs)
            self.current = [self.page, float(a["ymin"]), float(a["xmin"]), ""]

    def handle_endtag(self, tag):
        if tag == "word" and self.current:
            self.words.append(tuple(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current[3] += data


def normal(text):
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def main():
    pdf, titles_file, headings = sys.argv[1], sys.argv[2], sys.argv[3:]
    with tempfile.NamedTemporaryFile(suffix=".html") as out:
        subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, out.name], check=True)
        parser = Words()
        parser.feed(open(out.name, encoding="utf-8").read())
    everything = normal(" ".join(w[3] for w in parser.words))
    first_column = normal(" ".join(w[3] for w in sorted(parser.words) if w[2] < FIRST_COLUMN_END))
    with open(titles_file, encoding="utf-8") as f:
        titles = [line.rstrip("\n") for line in f if line.strip()]
    failures = ["heading missing: " + h for h in headings if normal(h) not in everything]
    failures += ["measure missing: " + t for t in titles if normal(t) not in first_column]
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    if fields.get("Tagged", "").strip() != "yes":
        failures.append("the PDF is not tagged")
    for key in ("Title", "Author", "Subject", "Keywords"):
        if not fields.get(key, "").strip():
            failures.append("the PDF has no " + key)
    tree = subprocess.run(["pdfinfo", "-struct", pdf], check=True, capture_output=True, text=True).stdout
    # "TH (block)", or "TH:" when attributes (the header cells' /Scope) follow on the next lines.
    elements = [line.strip().split(" ")[0].rstrip(":") for line in tree.splitlines()]
    for element in ("Document", "H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "L", "LI"):
        if element not in elements:
            failures.append("the structure tree has no " + element)
    for failure in failures:
        print(failure)
    print("checked %d headings and %d measures in %d words" % (len(headings), len(titles), len(parser.words)))
    sys.exit(1 if failures else 0)


main()
