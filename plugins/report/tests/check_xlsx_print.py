"""Reads the PDF LibreOffice Calc printed from the plan's XLSX and checks what the printed
measures look like: A4 landscape, text at least 9 pt on every page of the Measures sheet
(the pages whose repeated header row holds MEASURES_WORD, the last printed column), the
technical columns left off the paper, no footer whose parts run into each other, and no
status shape that the printing font draws at a third of the text's height (Liberation Sans's
◔ and ◑: the status is printed as its word alone).
Usage: check_xlsx_print.py FILE.pdf MEASURES_WORD TECHNICAL_WORD
A word's box from pdftotext -bbox is its font's ascent to descent: about 1.12 times the
size for Liberation Sans, 1.16 for DejaVu Sans, so a box under 9 x 1.1 pt is text under 9 pt."""
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
LEAST_BOX = 9 * 1.1
TINY_SHAPES = "\u25d4\u25d1"  # ◔ ◑


def pages_of(pdf):
    """Each page as (width, height, words), a word as (xmin, ymin, xmax, ymax, text)."""
    xhtml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for chunk in xhtml.split("<page ")[1:]:
        width, height = map(float, PAGE.match("<page " + chunk).groups())
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(chunk)]
        pages.append((width, height, words))
    return pages


def footer_overlaps(words, height):
    """Words of the footer (the bottom 8 % of the page) whose boxes overlap on one line."""
    footer = sorted((w for w in words if w[1] > height * 0.92), key=lambda w: (round(w[1]), w[0]))
    return [(a[4], b[4]) for a, b in zip(footer, footer[1:]) if round(a[1]) == round(b[1]) and b[0] < a[2] - 0.5]


def main():
    pdf, measures_word, technical_word = sys.argv[1:4]
    problems = []
    pages = pages_of(pdf)
    measures_pages, smallest = 0, None
    for number, (width, height, words) in enumerate(pages, 1):
        if (round(width), round(height)) != (842, 595):
            problems.append(f"page {number} is {width:.0f} x {height:.0f} pt, not A4 landscape")
        for a, b in footer_overlaps(words, height):
            problems.append(f"page {number}: the footer's '{a}' and '{b}' overlap")
        tiny = sorted({c for w in words for c in w[4] if c in TINY_SHAPES})
        if tiny:
            problems.append(f"page {number}: the status shapes {''.join(tiny)} are printed (tiny in Liberation Sans)")
        if not any(w[4] == measures_word for w in words):
            continue
        measures_pages += 1
        body = [w for w in words if w[1] < height * 0.92]
        box = min(w[3] - w[1] for w in body)
        smallest = box if smallest is None else min(smallest, box)
        if box < LEAST_BOX:
            problems.append(f"page {number}: text {box:.1f} pt high, under 9 pt")
        if any(w[4] == technical_word for w in words):
            problems.append(f"page {number}: the technical column '{technical_word}' is printed with the main ones")
    if measures_pages == 0:
        problems.append(f"no page has the measures' header '{measures_word}'")
    for p in problems[:20]:
        print(p)
    if not problems:
        print(f"check_xlsx_print: {len(pages)} pages, {measures_pages} of measures, smallest word box {smallest:.1f} pt")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
