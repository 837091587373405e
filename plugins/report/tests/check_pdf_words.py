"""Compares the words of a PDF (pdftotext) with the words of the same document
as HTML, the source texts: a word of the PDF that is not a word of the source
must be the first part of a source word broken at the end of a line, shown
with its hyphen, at a point where Swedish hyphenation (libhyphen with
hyph_sv_SE.dic, through ctypes) allows a break, or the rest of such a word.
Anything else is a word split without a hyphen, or at an illegal point.
Prints each such word; exit status 1 when there is any.
Usage: check_pdf_words.py FILE.pdf SAME.html [EXTRA_WORD...]"""
import ctypes
import re
import subprocess
import sys
from html.parser import HTMLParser

STRIP = ".,;:()[]\"'«»!?*/…·–—%•▪"


def words_of(text):
    """The words of a text; a soft hyphen that ends a word is the hyphen a line break shows."""
    out = []
    text = re.sub("\u00ad(?=\\s)", "-", text).replace("\u00ad", "")
    for w in text.split():
        w = w.strip(STRIP)
        if w:
            out.append(w)
    return out


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


class Hyphenation:
    def __init__(self, dictionary="/usr/share/hyphen/hyph_sv_SE.dic"):
        self.lib = ctypes.CDLL("libhyphen.so.0")
        self.lib.hnj_hyphen_load.restype = ctypes.c_void_p
        self.lib.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
        self.lib.hnj_hyphen_hyphenate3.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                                   ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                                   ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.dict = self.lib.hnj_hyphen_load(dictionary.encode())
        if not self.dict:
            raise SystemExit("no Swedish hyphenation dictionary (hyphen-sv)")

    def legal(self, word, at):
        """True when `word` may break after its first `at` letters."""
        try:
            latin1 = word.lower().encode("latin-1")
        except UnicodeEncodeError:
            return False
        hyphens = ctypes.create_string_buffer(len(latin1) + 5)
        rep, pos, cut = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
        self.lib.hnj_hyphen_hyphenate3(self.dict, latin1, len(latin1), hyphens, None, ctypes.byref(rep), ctypes.byref(pos),
                                       ctypes.byref(cut), 2, 2, 2, 2)
        return 2 <= at <= len(latin1) - 2 and hyphens.raw[at - 1] & 1 == 1


def main():
    pdf, html, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    parser = Text()
    parser.feed(open(html, encoding="utf-8").read())
    source = set(words_of(" ".join(parser.parts))) | set(extra)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pdf_words = words_of(text)
    present = set(pdf_words)
    # pdftotext joins a word broken after its own hyphen ("EST-|rapportering" becomes "ESTrapportering").
    joined = {v.replace("-", "") for v in source if "-" in v}
    hyphenation = Hyphenation()
    problems, broken = [], 0
    for w in pdf_words:
        if w in source or w in joined or re.fullmatch(r"[\d\-–+:]+", w):
            continue
        if w.endswith("-"):
            # A word's first or middle part, broken where Swedish allows, or after a hyphen of its own.
            head = w[:-1]
            if any(v.startswith(w) for v in source) or any(
                    hyphenation.legal(v, k + len(head)) for v in source for k in [v.find(head)]
                    if k >= 0 and k + len(head) < len(v) and v[k + len(head)] != "-"):
                broken += 1
                continue
            problems.append(f"'{w}' breaks no source word at a legal point")
            continue
        # The rest of a word broken before it, its first part shown with a hyphen.
        if any(v.endswith(w) and len(v) > len(w) and (v[: len(v) - len(w)] + "-" in present or v[: len(v) - len(w)] in present)
               for v in source):
            continue
        problems.append(f"'{w}' is no word of the source: split without a hyphen")
    for p in sorted(set(problems))[:30]:
        print(p)
    print(f"{len(pdf_words)} words, {broken} broken at a legal point, {len(problems)} problems", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
