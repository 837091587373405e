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

from pdf_text import words_of

SECOND_COLUMN_HEADER = "Ansvarig"  # the plan table's second column: the first ends where it begins


def normal(text):
    # A soft hyphen ends the first part of a word broken at the line's end: the word is whole again.
    text = re.sub("\u00ad\\s*", "", text)
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def main():
    pdf, titles_file, headings = sys.argv[1], sys.argv[2], sys.argv[3:]
    parser = words_of(pdf)
    everything = normal(" ".join(w[4] for w in parser.words))
    # Column widths come from the content, so the measure column ends where the
    # header of the next one begins, on each page the plan's tables are on.
    ends = {}
    for page, _, x, _, word in parser.words:
        if word.replace("\u00ad", "") == SECOND_COLUMN_HEADER:
            ends[page] = min(ends.get(page, x), x)
    first_column = normal(" ".join(w[4] for w in sorted(parser.words) if w[0] in ends and w[2] < ends[w[0]] - 1))
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
