"""Checks that Word's layout keeps every table header's words whole: each word of a DOCX
table's header row (split at spaces) must come out of LibreOffice's PDF of that DOCX as
one word, not broken over two lines ("Styrka (1–" / "3)"), which it is when a column is
narrower than its header's longest word or the word has a break point inside.
Usage: check_docx_headers.py FILE.docx FILE.pdf (the PDF LibreOffice made of the DOCX)."""
import collections
import subprocess
import sys

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What the writers put inside a word and a PDF's text may or may not keep: soft hyphen,
# word joiner, non-breaking hyphen (as a plain one).
INVISIBLE = {"\u00ad": "", "\u2060": "", "\u2011": "-"}


def plain(text):
    for mark, instead in INVISIBLE.items():
        text = text.replace(mark, instead)
    return text


def header_words(path):
    import docx
    document = docx.Document(path)
    words = collections.Counter()
    for table in document.element.body.iter(W + "tbl"):
        first = table.find(W + "tr")
        for cell in first.findall(W + "tc"):
            text = "".join(t.text or "" for t in cell.iter(W + "t"))
            words.update(plain(text).split())
    return words


def pdf_words(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True, text=True).stdout
    return collections.Counter(plain(text).split())


def main():
    docx_path, pdf_path = sys.argv[1:3]
    wanted, printed = header_words(docx_path), pdf_words(pdf_path)
    problems = [f"the header word '{word}' is broken in Word's layout ({count} in the tables, {printed[word]} whole)"
                for word, count in sorted(wanted.items()) if printed[word] < count]
    for p in problems[:20]:
        print(p)
    if not problems:
        print(f"check_docx_headers: {sum(wanted.values())} header words, all whole")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
