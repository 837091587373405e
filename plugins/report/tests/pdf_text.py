"""What the PDF checks share: the words of a PDF with their places
(pdftotext -bbox), and whether every page says "Sida N av M"."""
import re
import subprocess
from html.parser import HTMLParser


class Words(HTMLParser):
    """pdftotext -bbox's XHTML: `pages` as (width, height), `words` as (page, ymin, xmin, xmax, text), pages from 1."""

    def __init__(self):
        super().__init__()
        self.pages, self.words, self.current = [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "page":
            self.pages.append((float(a["width"]), float(a["height"])))
        if tag == "word":
            self.current = [len(self.pages), float(a["ymin"]), float(a["xmin"]), float(a["xmax"]), ""]

    def handle_endtag(self, tag):
        if tag == "word" and self.current:
            self.words.append(tuple(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current[4] += data


def words_of(pdf):
    layout = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    parser = Words()
    parser.feed(layout)
    return parser


def page_number_problems(pdf, pages, page_word, of_word, also=None):
    """One line per page that does not say "PAGE_WORD N OF_WORD M" (and `also`, when given)."""
    problems = []
    for number in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), pdf, "-"],
                              check=True, capture_output=True, text=True).stdout
        if not re.search(rf"{re.escape(page_word)}\s+{number}\s+{re.escape(of_word)}\s+{pages}\b", text):
            problems.append(f"page {number} does not say '{page_word} {number} {of_word} {pages}'")
        if also and also not in text:
            problems.append(f"page {number} does not give {also}")
    return problems
