"""Reads a report-html file with Python's html.parser and checks it: every
measure title (one per line in the titles file) is a table cell, the three
images are inline PNGs, the follow-up part has the expected number of charts (inline SVG),
and there is no script, link or event handler.
Usage: check_report_html.py REPORT.html TITLES.txt CHARTS"""
import sys
from html.parser import HTMLParser


class Report(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.headings, self.images, self.problems = [], [], [], []
        self.charts = 0
        self.stack, self.text = [], ""

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "a", "link", "iframe", "object"):
            self.problems.append("unexpected tag " + tag)
        for name, value in attrs:
            if name.startswith("on") or name == "href":
                self.problems.append("unexpected attribute " + name)
        if tag == "svg":
            self.charts += 1
        if tag == "img":
            self.images.append(dict(attrs).get("src", ""))
        if tag in ("td", "h2", "h3"):
            self.stack.append(tag)
            self.text = ""

    def handle_endtag(self, tag):
        if self.stack and tag == self.stack[-1]:
            self.stack.pop()
            # Soft hyphens mark where a long word may break; a reader's search ignores them.
            (self.cells if tag == "td" else self.headings).append(self.text.replace("\u00ad", "").strip())

    def handle_data(self, data):
        self.text += data


def main():
    report = Report()
    with open(sys.argv[1], encoding="utf-8") as f:
        report.feed(f.read())
    report.close()
    with open(sys.argv[2], encoding="utf-8") as f:
        titles = [line.rstrip("\n") for line in f if line.strip()]
    failures = list(report.problems)
    failures += ["measure missing: " + t for t in titles if t not in report.cells]
    for h in ("Om kartläggningen", "Problembild", "Aktörskarta", "Åtgärdsplan", "Uppföljning",
              "Förändringar sedan förra mötet", "Indikatorer över tid"):
        if h not in report.headings:
            failures.append("heading missing: " + h)
    pngs = [src for src in report.images if src.startswith("data:image/png;base64,iVBOR")]
    if len(pngs) != 3:  # the problem board, the actor network, the influence x interest grid
        failures.append("expected 3 inline PNG images, found %d" % len(pngs))
    if report.charts != int(sys.argv[3]):
        failures.append("expected %s charts (svg), found %d" % (sys.argv[3], report.charts))
    for failure in failures:
        print(failure)
    print("checked %d measures, %d cells, %d headings" % (len(titles), len(report.cells), len(report.headings)))
    sys.exit(1 if failures else 0)


main()
