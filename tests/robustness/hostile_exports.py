"""Exports never trust the file (issue 13): a workshop whose every text cell of
every table holds markup, quotes, ill-formed UTF-8, bidi overrides and personal
data split by zero-width characters, and whose code columns hold injection
strings and out-of-range numbers, written straight with SQLite, goes through
every export of the real program. Each file is read by a real parser and
checked: no value from the file makes markup or an attribute outside an
allow-list, no ill-formed UTF-8 or invisible format character comes out, and
with --redact none of the seeded personal data is left (HTML, PDF text via
pdftotext, XLSX cells via openpyxl, iCalendar via icalendar, SVG text and
attributes, Markdown, CSV, the summary).

Usage: hostile_exports.py KARTLA OUT_DIR
Personal data here is generated: checksum-valid identity numbers from a seeded
generator, phone numbers from the range reserved for fiction, example.se."""
import json
import random
import re
import sqlite3
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

KARTLA, OUT = sys.argv[1], Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
failures = []


def fail(what):
    failures.append(what)
    print("FAIL:", what, file=sys.stderr)


# ---------------------------------------------------------------- personal data, generated

def luhn_digit(nine):
    total = 0
    for i, ch in enumerate(nine):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p // 10 + p % 10
    return (10 - total % 10) % 10


def identity_number(rng, coordination=False):
    """(12-digit form with a dash, the 10 digits a leak would show)."""
    year, month, day = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
    day += 60 if coordination else 0
    serial = rng.randint(0, 999)
    nine = f"{year % 100:02}{month:02}{day:02}{serial:03}"
    ten = nine + str(luhn_digit(nine))
    return f"{year}{month:02}{day:02}-{serial:03}{ten[-1]}", ten


rng = random.Random(20260313)
PNR_DASH, PNR_DIGITS = identity_number(rng)
PNR2_DASH, PNR2_DIGITS = identity_number(rng)
SAM_DASH, SAM_DIGITS = identity_number(rng, coordination=True)
PHONE_DIGITS = "701740605"  # 070-174 06 05: the range PTS keeps for fiction
EMAIL_USER, EMAIL_DOMAIN = "bf.samordnare7", "example.se"

ZWSP, ZWJ, SHY, RLO, PDF_, LRI, PDI, BOM = "\u200b", "\u200d", "\u00ad", "\u202e", "\u202c", "\u2066", "\u2069", "\ufeff"
INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# The soft hyphens kartla itself puts where Swedish allows a word to break (kartla/hyphenation.hpp):
# only between two letters (or after a letter at the end of a PDF line, where it shows as the
# hyphen of the break), never beside a digit, so they cannot hide a personnummer.
OUR_SOFT_HYPHEN = re.compile(r"(?<=[^\W\d_])\u00ad(?=[^\W\d_]|\s)")


def split(text, char):
    middle = len(text) // 2
    return text[:middle] + char + text[middle:]


# Every payload carries personal data in a form a plain search misses.
PAYLOADS = [
    f'"><img src=x onerror=alert(1)> <script>alert(1)</script> \' & <b>fet</b> {split(PNR_DASH, ZWSP)}'.encode(),
    f"Ring 070-174{ZWJ} 06 05 {RLO}gpj.exe{PDF_} «citat» åäö ÅÄÖ é".encode(),
    f"{EMAIL_USER}{SHY}@{split(EMAIL_DOMAIN, ZWSP)} javascript:alert(1) =HYPERLINK(\"x\")".encode(),
    b"\xff\xfe \xc3\x28 \xed\xa0\x80 " + split(SAM_DASH, BOM).encode() + b" \xf0\x28\x8c\xbc",
    f"{LRI}{PNR2_DIGITS[:6]}{ZWSP}-{PNR2_DIGITS[6:]}{PDI} \x01\x1b[31m\x7f \u0085 ' onmouseover='alert(1)".encode(),
]

# Columns that name rows rather than hold content: changed, the workshop would fall apart
# instead of showing what its text does.
KEYS = {("core_meta", "key"), ("action_plan_meta", "key"), ("problem_map_setting", "key"), ("core_link", "from_kind"),
        ("core_link", "to_kind"), ("core_link", "role"), ("follow_up_snapshot", "kind"), ("core_meeting", "kind")}
OUT_OF_RANGE = {"priority": 99, "severity": -7, "impact": 40, "influence": 1e300, "interest": -1e300, "strength": 1000,
                "dots": -3, "minutes": 10**12, "net_x": 1e308, "net_y": -1e308, "color": -1, "spent_seconds": -5}
DATE_COLUMNS = {"start", "due", "date", "indicator_date"}


def hostile_json(text, n):
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if isinstance(data, dict):
        for i, key in enumerate(list(data)):
            data[key] = PAYLOADS[(n + i) % len(PAYLOADS)].decode("utf-8", "replace")
    return json.dumps(data, ensure_ascii=False)


def keyvals(row):
    return tuple(row) if isinstance(row, tuple) else (row,)


def marks(row):
    return ", ".join("?" for _ in keyvals(row))


def make_hostile(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")  # a stranger's file has no CHECK it did not want
    # Tables the sample leaves empty get a row, so their text reaches the exports too.
    meeting = db.execute("SELECT min(id) FROM core_meeting").fetchone()[0]
    db.execute("INSERT INTO core_agenda_step(meeting_id, position, title, minutes, view_key, spent_seconds) "
               "VALUES (?, 1, 'x', 5, 'x', 60)", (meeting,))
    for kind in ("decision", "note", "parked"):
        db.execute("INSERT INTO core_meeting_note(meeting_id, kind, text, done, position) VALUES (?, ?, 'x', 0, 1)",
                   (meeting, kind))
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                       " AND name <> 'core_plugin_schema'")]
    cells = 0
    for table in tables:
        info = list(db.execute(f'PRAGMA table_info("{table}")'))
        columns = [(r[1], r[2].upper()) for r in info]
        # Rows by rowid, or by primary key in a WITHOUT ROWID table.
        key = "rowid"
        try:
            db.execute(f'SELECT rowid FROM "{table}" LIMIT 1')
        except sqlite3.OperationalError:
            key = "(" + ", ".join(f'"{r[1]}"' for r in sorted(info, key=lambda r: r[5]) if r[5]) + ")"
        rowids = [r[0] if key == "rowid" else r for r in db.execute(f'SELECT {key.strip("()")} FROM "{table}"')]
        for n, rowid in enumerate(rowids):
            for c, (column, kind) in enumerate(columns):
                if (table, column) in KEYS:
                    continue
                if column in OUT_OF_RANGE and kind in ("INTEGER", "REAL"):
                    db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {key} = ({marks(rowid)})', (OUT_OF_RANGE[column], *keyvals(rowid)))
                    continue
                if kind != "TEXT":
                    continue
                # Half the dates stay valid, so calendar entries and charts are made and their labels checked.
                if column in DATE_COLUMNS and n % 2 == 0:
                    db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {key} = ({marks(rowid)})', (f"2026-0{1 + n % 9}-1{n % 10}", *keyvals(rowid)))
                    continue
                if column == "attributes":
                    old = db.execute(f'SELECT attributes FROM "{table}" WHERE {key} = ({marks(rowid)})', keyvals(rowid)).fetchone()[0]
                    db.execute(f'UPDATE "{table}" SET attributes = ? WHERE {key} = ({marks(rowid)})',
                               (hostile_json(old, n), *keyvals(rowid)))
                    continue
                payload = PAYLOADS[(n + c) % len(PAYLOADS)] + f" r{n}".encode()  # unique, for UNIQUE columns
                db.execute(f'UPDATE "{table}" SET "{column}" = CAST(? AS TEXT) WHERE {key} = ({marks(rowid)})',
                           (payload, *keyvals(rowid)))
                cells += 1
    # Every card face up and prioritised, so every card's text reaches the report.
    db.execute("UPDATE problem_map_card SET hidden = 0, prioritised = 1")
    db.execute("UPDATE core_meta SET value = CAST(? AS TEXT) WHERE key = 'title'", (PAYLOADS[0],))
    db.execute("UPDATE action_plan_meta SET value = CAST(? AS TEXT) WHERE key = 'uid'", (PAYLOADS[4],))
    db.commit()
    db.close()
    return cells


# ---------------------------------------------------------------- checks

def normalised(text):
    """The text with invisible characters, whitespace and separators gone, lower-case."""
    return re.sub(r"[\s\-+.()]", "", INVISIBLE.sub("", text)).lower()


def leaks(text):
    flat = normalised(text)
    found = [d for d in (PNR_DIGITS, PNR2_DIGITS, SAM_DIGITS, PHONE_DIGITS) if d in flat]
    if re.sub(r"\s", "", INVISIBLE.sub("", text)).lower().find(EMAIL_USER + "@") >= 0:
        found.append("e-mail")
    if "example" in flat and "bfsamordnare7" in flat:
        found.append("e-mail parts")
    return found


def check_text(name, text, redacted):
    found = INVISIBLE.search(OUR_SOFT_HYPHEN.sub("", text))
    if found:
        fail(f"{name}: an invisible format character U+{ord(found.group()):04X} came out")
    if redacted and leaks(text):
        fail(f"{name}: personal data left after --redact: {leaks(text)}")


def decoded(name, data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{name}: ill-formed UTF-8 at byte {e.start}")
        return data.decode("utf-8", "replace")


NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
COLOUR = re.compile(r"^(#[0-9a-f]{6}|#[0-9a-f]{3}|none)$")
CLASSES = {"meta", "causes", "nature", "none", "light", "light-green", "light-yellow", "light-red", "nowrap", "details",
           "subtitle", "chart", "baseline"}
FREE_TEXT = {"alt", "aria-label"}  # escaped text, checked for personal data only


def html_value_ok(tag, name, value):
    if name in FREE_TEXT:
        return True
    rules = {
        "lang": lambda v: v in ("sv", "en"),
        "charset": lambda v: v == "utf-8",
        "http-equiv": lambda v: v == "Content-Security-Policy",
        "content": lambda v: v.startswith("default-src 'none';") and "<" not in v,
        "class": lambda v: all(c in CLASSES for c in v.split()),
        "style": lambda v: re.fullmatch(r"(margin-left: [0-9.]+em|width:[0-9.]+%)", v) is not None,
        "src": lambda v: re.fullmatch(r"data:image/png;base64,[A-Za-z0-9+/=]*", v) is not None,
        "xmlns": lambda v: v == "http://www.w3.org/2000/svg",
        "viewbox": lambda v: re.fullmatch(r"[0-9. ]+", v) is not None,
        "role": lambda v: v == "img",
        "scope": lambda v: v in ("col", "row"),
        "font-family": lambda v: v == "DejaVu Sans, sans-serif",
        "text-anchor": lambda v: v in ("start", "middle", "end"),
        "font-weight": lambda v: v == "bold",
        "fill": lambda v: COLOUR.match(v) is not None,
        "stroke": lambda v: COLOUR.match(v) is not None,
        "stroke-dasharray": lambda v: re.fullmatch(r"[0-9. ]+", v) is not None,
        "d": lambda v: re.fullmatch(r"[MLVH0-9. -]+", v) is not None,
    }
    if name in ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "font-size", "stroke-width"):
        return NUMBER.match(value) is not None
    return name in rules and rules[name](value)


HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "dl", "dt", "dd", "ol", "ul", "li",
             "strong", "span", "table", "thead", "tbody", "tr", "th", "td", "br", "footer", "section", "figure",
             "figcaption", "caption", "img", "colgroup", "col", "svg", "line", "text", "path", "circle"}


class HtmlCheck(HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.texts = name, []

    def handle_starttag(self, tag, attrs):
        if tag not in HTML_TAGS:
            fail(f"{self.name}: unexpected element <{tag}>")
        for key, value in attrs:
            value = value or ""
            self.texts.append(value)
            if key.startswith("on") or not html_value_ok(tag, key, value):
                fail(f"{self.name}: <{tag} {key}={value[:60]!r}> is outside the allow-list")

    def handle_data(self, data):
        self.texts.append(data)


def check_html(name, data, redacted):
    text = decoded(name, data)
    parser = HtmlCheck(name)
    parser.feed(text)
    parser.close()
    check_text(name, "\n".join(parser.texts), redacted)


SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_TAGS = {"svg", "title", "rect", "polyline", "polygon", "text"}


def check_svg(name, data, redacted):
    decoded(name, data)
    root = ElementTree.fromstring(data)
    texts = []
    for element in root.iter():
        tag = element.tag.replace(SVG_NS, "")
        if tag not in SVG_TAGS:
            fail(f"{name}: unexpected element <{tag}>")
        for key, value in element.attrib.items():
            ok = (NUMBER.match(value) or COLOUR.match(value) or key in ("font-family", "text-anchor", "font-weight",
                                                                          "stroke-linecap", "viewBox", "points")
                  or (key == "xmlns"))
            if key == "stroke-dasharray":
                ok = re.fullmatch(r"[0-9. ]+", value) is not None
            if key == "points" and not re.fullmatch(r"[-0-9., ]*", value):
                ok = False
            if key == "viewBox" and not re.fullmatch(r"[-0-9. ]+", value):
                ok = False
            if key.startswith("on") or not ok:
                fail(f"{name}: {tag} {key}={value[:60]!r} is outside the allow-list")
        texts += [element.text or "", element.tail or ""]
    check_text(name, "\n".join(texts), redacted)


def check_xlsx(name, path, redacted):
    import openpyxl
    book = openpyxl.load_workbook(path)
    texts = [book.properties.title or ""]
    for sheet in book.worksheets:
        texts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            texts += [str(v) for v in row if v is not None]
    check_text(name, "\n".join(texts), redacted)
    with zipfile.ZipFile(path) as z:  # the XML itself, as Excel reads it
        for member in z.namelist():
            if member.endswith(".xml"):
                check_text(f"{name}:{member}", decoded(f"{name}:{member}", z.read(member)), redacted)


def check_ics(name, data, redacted):
    import icalendar
    text = decoded(name, data)
    calendar = icalendar.Calendar.from_ical(data)
    texts, uids = [], []
    for component in calendar.walk():
        for key, value in component.property_items(recursive=False):
            texts.append(value.to_ical().decode("utf-8") if hasattr(value, "to_ical") else str(value))
            if key == "UID":
                uids.append(texts[-1])
            if key == "STATUS" and texts[-1] not in ("NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED"):
                fail(f"{name}: STATUS {texts[-1]!r}")
    if not uids:
        fail(f"{name}: no calendar entry to check (the hostile file should still have due dates)")
    for uid in uids:
        if not re.fullmatch(r"kartla-(measure|due|meeting)-[0-9]+-[0-9a-z-]+@kartla\.invalid", uid):
            fail(f"{name}: UID {uid!r} is not kartla's own form")
    for line in text.split("\r\n"):
        if len(line.encode()) > 75:
            fail(f"{name}: a line of {len(line.encode())} octets")
    check_text(name, "\n".join(texts), redacted)


def check_pdf(name, path, redacted):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    if info.returncode != 0:
        fail(f"{name}: pdfinfo: {info.stderr.strip()}")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True).stdout
    check_text(name, decoded(name, text), redacted)
    # What pdf_finish.cpp adds: the XMP parses as XML and its texts, like the
    # figures' /Alt, hold nothing ill-formed, invisible or (with --redact) personal.
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True).stdout
    try:
        xmp = ElementTree.fromstring(meta)
        check_text(name + " XMP", "\n".join(t for t in xmp.itertext()), redacted)
    except ElementTree.ParseError as e:
        fail(f"{name}: the XMP is not well-formed: {e}")
    objects = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", str(path)], capture_output=True).stdout
    alts = [o["value"]["/Alt"][2:] for o in json.loads(objects)["qpdf"][1].values()
            if isinstance(o.get("value"), dict) and str(o["value"].get("/Alt", "")).startswith("u:")]
    if not alts:
        fail(f"{name}: no figure has an /Alt")
    check_text(name + " /Alt", "\n".join(alts), redacted)


def check_png(name, data):
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        fail(f"{name}: not a PNG")


def check_plain(name, data, redacted):
    if data.startswith(b"\xef\xbb\xbf"):  # the file's own BOM (CSV, for Excel), not one from the data
        data = data[3:]
    check_text(name, decoded(name, data), redacted)


FORMATS = {
    "md": check_plain, "csv": check_plain, "html": check_html, "xlsx": None, "ics": check_ics, "meeting-md": check_plain,
    "actor-network-svg": check_svg, "actor-network-png": None, "actor-grid-svg": check_svg, "actor-grid-png": None,
    "report-html": check_html, "report-pdf": None,
}


def run(*args):
    return subprocess.run([KARTLA, *args], capture_output=True, text=True)


def main():
    workshop = OUT / "hostile.kartla"
    workshop.unlink(missing_ok=True)
    made = run("sample", str(workshop))
    if made.returncode != 0:
        sys.exit("kartla sample failed: " + made.stderr)
    cells = make_hostile(workshop)
    print(f"hostile cells written: {cells}")
    listed = run("export", "--help").stdout
    for fmt in FORMATS:
        if fmt not in listed:
            fail(f"export format {fmt} is not offered")
    for fmt, check in FORMATS.items():
        for redacted in (False, True):
            ext = {"xlsx": "xlsx", "report-pdf": "pdf"}.get(fmt, "out")  # openpyxl reads by extension
            out = OUT / f"{fmt}{'.redacted' if redacted else ''}.{ext}"
            out.unlink(missing_ok=True)
            done = run("export", str(workshop), "--format", fmt, "-o", str(out), "--lang", "sv",
                       *(["--redact"] if redacted else []))
            name = f"{fmt}{' --redact' if redacted else ''}"
            if done.returncode != 0 or not out.exists():
                fail(f"{name}: export failed: {done.stderr.strip()}")
                continue
            data = out.read_bytes()
            if fmt == "xlsx":
                check_xlsx(name, out, redacted)
            elif fmt == "report-pdf":
                check_pdf(name, out, redacted)
            elif fmt.endswith("png"):
                check_png(name, data)
            else:
                check(name, data, redacted)
            print(f"checked {name}: {len(data)} bytes")
    for redacted in (False, True):
        csv, md = OUT / "summary.csv", OUT / "summary.md"
        done = run("summary", str(workshop), "--csv", str(csv), "--md", str(md), *(["--redact"] if redacted else []))
        name = f"summary{' --redact' if redacted else ''}"
        if done.returncode != 0:
            fail(f"{name}: {done.stderr.strip()}")
            continue
        check_plain(name + " csv", csv.read_bytes(), redacted)
        check_plain(name + " md", md.read_bytes(), redacted)
    # The unredacted exports really hold the seeded data (so the redacted checks can fail).
    plain = (OUT / "md.out").read_text(encoding="utf-8", errors="replace")
    if not leaks(plain):
        fail("the unredacted Markdown holds none of the seeded personal data: the check would prove nothing")
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        sys.exit(1)
    print("every export of the hostile workshop passed")


main()
