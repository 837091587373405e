"""Checks that Word's layout keeps every table header's words whole: each word of a DOCX
table's header row (split at spaces) must come out of LibreOffice's PDF of that DOCX as
one word, or hyphenated at a soft hyphen the writer put where Swedish allows
("Samverkans-" / "parter" in the plan's eight columns), never broken elsewhere
("Styrka (1–" / "3)"), which it is when a column is narrower than its header's longest
word or the word has a break point inside.
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
    """The header rows' words, each with its soft hyphens (Word's w:softHyphen) as U+00AD."""
    import docx
    document = docx.Document(path)
    words = collections.Counter()
    for table in document.element.body.iter(W + "tbl"):
        first = table.find(W + "tr")
        for cell in first.findall(W + "tc"):
            text = "".join(e.text or "" if e.tag == W + "t" else "\u00ad"
                           for e in cell.iter() if e.tag in (W + "t", W + "softHyphen"))
            words.update(text.replace("\u2060", "").split())
    return words


def pdf_words(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True, text=True).stdout
    return plain(text).split()


def times_printed(word, printed):
    """How often the word comes out whole or broken once at one of its soft hyphens, with the hyphen
    shown (the two halves anywhere: pdftotext may put the next cell's words between them)."""
    whole = printed[plain(word)]
    splits = [i for i, c in enumerate(word) if c == "\u00ad"]
    broken = sum(min(printed[plain(word[:i]) + "-"], printed[plain(word[i + 1:])]) for i in splits)
    return whole + broken


def main():
    docx_path, pdf_path = sys.argv[1:3]
    wanted, words = header_words(docx_path), pdf_words(pdf_path)
    printed = collections.Counter(words)
    problems = [f"the header word '{plain(word)}' is broken in Word's layout ({count} in the tables, "
                f"{times_printed(word, printed)} whole or hyphenated where Swedish allows)"
                for word, count in sorted(wanted.items()) if times_printed(word, printed) < count]
    for p in problems[:20]:
        print(p)
    if not problems:
        print(f"check_docx_headers: {sum(wanted.values())} header words, all whole")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
