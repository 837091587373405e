"""Reads a PDF that LibreOffice made from a DOCX or ODT of kartla's and checks
what a reader of the printed document sees: every page A4 (portrait or
landscape), "PAGE_WORD N OF_WORD M" on every page, and no word past the
page's right edge (a table wider than its page would be cut there).
Usage: check_libreoffice_pdf.py FILE.pdf PAGE_WORD OF_WORD"""
import sys

from pdf_text import page_number_problems, words_of

A4 = sorted((595, 842))


def main():
    pdf, page_word, of_word = sys.argv[1:4]
    problems = []
    words = words_of(pdf)
    count = len(words.pages)
    if count < 2:
        problems.append(f"{count} pages: no title page and content")
    for number, (width, height) in enumerate(words.pages, 1):
        if sorted((round(width), round(height))) != A4:
            problems.append(f"page {number} is {width:.0f} x {height:.0f} pt, not A4")
    problems += page_number_problems(pdf, count, page_word, of_word)
    for page, _, _, xmax, word in words.words:
        if xmax > words.pages[page - 1][0] - 5:
            problems.append(f"page {page}: '{word}' runs past the right edge")
    for p in problems[:20]:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
