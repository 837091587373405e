#!/usr/bin/python3
"""Reads the action plan's exports back with independent readers and checks them.

Usage: check_exports.py normal|hostile DIR
DIR holds plan.md, plan.csv, plan.html, plan.xlsx, plan.ics and expect.json
(written by export_test.cpp). Exits non-zero with a message on the first failure.
Run with Debian's /usr/bin/python3, which sees python3-openpyxl, python3-icalendar, python3-vobject and
libical's GObject bindings (gir1.2-ical-3.0).
"""
import csv
import datetime
import html.parser
import io
import json
import os
import re
import sys

import icalendar
import openpyxl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
ALLOWED_TAGS = {"html", "caption", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "dl", "dt", "dd", "ol",
                "ul", "li", "strong", "span", "table", "thead", "tbody", "tr", "th", "td", "br", "p", "footer"}


def fail(message):
    print("check_exports: " + message, file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def read(directory, name, mode="r"):
    with open(os.path.join(directory, name), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


# ---------------------------------------------------------------- readers

def markdown_text(md):
    """The text a CommonMark renderer shows: backslash escapes removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md)


CSV_TABLES = ("measures", "problems", "causes", "actors", "log", "measure-problems", "measure-causes")


def csv_rows(directory, name="plan.csv"):
    raw = read(directory, name, "rb")
    expect(raw.startswith(b"\xef\xbb\xbf"), "CSV %s does not start with a UTF-8 BOM" % name)
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    expect(rows, "CSV %s is empty" % name)
    header = rows[0]
    expect(len(set(header)) == len(header), "CSV %s repeats a header: %r" % (name, header))
    # A record's own id first; a link table has none, it starts with the measure's.
    expect(header[0] in ("ID", "Measure ID"), "CSV %s does not start with the id: %r" % (name, header))
    for row in rows[1:]:
        expect(len(row) == len(header), "CSV %s row has %d cells, not %d" % (name, len(row), len(header)))
    return rows


def csv_table(directory, name="plan.csv"):
    """One table per file: the header, then records."""
    rows = csv_rows(directory, name)
    return [dict(zip(rows[0], row)) for row in rows[1:]]


class HtmlReader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []
        self.cells = []  # text of each td
        self.in_td = False
        self.headings = []  # (level, text)
        self.in_heading = None
        self.events = []  # ("h3", text) / ("td", text) in order

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag == "td":
            self.in_td = True
            self.cells.append("")
        if tag in ("h1", "h2", "h3"):
            self.in_heading = tag
            self.headings.append([tag, ""])

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_td = False
            self.events.append(("td", self.cells[-1]))
        if tag in ("h1", "h2", "h3"):
            self.in_heading = None
            self.events.append((tag, self.headings[-1][1]))

    def handle_data(self, data):
        self.text.append(data)
        if self.in_td:
            self.cells[-1] += data
        if self.in_heading:
            self.headings[-1][1] += data


def html_read(directory):
    reader = HtmlReader()
    reader.feed(read(directory, "plan.html"))
    reader.close()
    for tag, attrs in reader.tags:
        expect(tag in ALLOWED_TAGS, "HTML has an unexpected element <%s>" % tag)
        for name, value in attrs:
            expect(name not in ("src", "href", "action", "srcset") and not name.startswith("on"),
                   "HTML has a reference or handler attribute %s=%r" % (name, value))
    return reader


def xlsx_read(directory):
    book = openpyxl.load_workbook(os.path.join(directory, "plan.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                expect(cell.data_type != "f", "XLSX cell %s!%s is a formula" % (sheet.title, cell.coordinate))
    return book


def ics_read(directory):
    raw = read(directory, "plan.ics", "rb")
    expect(raw.endswith(b"\r\n"), "ICS does not end in CRLF")
    for number, line in enumerate(raw.split(b"\r\n")):
        expect(len(line) <= 75, "ICS line %d has %d octets" % (number + 1, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail("ICS line %d splits a UTF-8 character" % (number + 1))
        expect(b"\n" not in line and b"\r" not in line, "ICS line %d holds a raw line break" % (number + 1))
    calendar = icalendar.Calendar.from_ical(raw)
    todos = [c for c in calendar.walk() if c.name == "VTODO"]
    return calendar, todos


def all_day(event):
    """True when an event is a whole day as Outlook imports one: dates, DTEND the next day, free time."""
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    return (not isinstance(start, datetime.datetime) and (end - start).days == 1
            and str(event.get("transp")) == "TRANSPARENT" and str(event.get("x-microsoft-cdo-alldayevent")) == "TRUE")


def check_due_events(dues, e):
    """Each measure with a due date, but a cancelled one, is also an all-day event on that day, beside its task
    (Outlook drops tasks)."""
    with_due = [m for m in e["measures"] if m["due"] and m["status"] != "Cancelled"]
    expect(len(dues) == len(with_due), "ICS has %d due-date events for %d measures with a due date" % (len(dues), len(with_due)))
    for m in with_due:
        event = [ev for ev in dues if str(ev.get("summary")).endswith(m["title"])]
        expect(event, "ICS lacks the due-date event of %r" % m["title"])
        expect(event[0].decoded("dtstart").isoformat() == m["due"], "ICS due-date event of %r is on the wrong day" % m["title"])
        expect(all_day(event[0]), "ICS due-date event of %r is not an all-day event Outlook imports" % m["title"])
        expect(m["owner"] in str(event[0].get("description")), "ICS due-date event of %r does not name the owner" % m["title"])


def check_ics_parsers(raw, todos, events):
    """Two more parsers than icalendar read the same numbers of tasks and events: vobject, and libical (which
    Evolution uses; it marks what it cannot parse with X-LIC-ERROR)."""
    import vobject
    parsed = vobject.readOne(raw.decode("utf-8"))
    counts = (len(parsed.contents.get("vtodo", [])), len(parsed.contents.get("vevent", [])))
    expect(counts == (todos, events), "vobject reads %r tasks and events, not %r" % (counts, (todos, events)))
    import gi
    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib
    calendar = ICalGLib.Component.new_from_string(raw.decode("utf-8"))
    expect(calendar is not None, "libical cannot parse the calendar")
    text = calendar.as_ical_string()
    expect("X-LIC-ERROR" not in text, "libical reports errors: %s" % text[text.find("X-LIC-ERROR"):][:200])
    counts = (calendar.count_components(ICalGLib.ComponentKind.VTODO_COMPONENT),
              calendar.count_components(ICalGLib.ComponentKind.VEVENT_COMPONENT))
    expect(counts == (todos, events), "libical reads %r tasks and events, not %r" % (counts, (todos, events)))


# ---------------------------------------------------------------- normal

def check_normal(directory, e):
    words = [e["title"], e["organisation"], e["place"]] + e["organisations"] + e["problems"] + e["causes"]
    words += [m[k] for m in e["measures"] for k in ("title", "owner", "partners", "due", "indicator") if m[k]]

    md = markdown_text(read(directory, "plan.md"))
    for w in words:
        expect(w in md, "Markdown lacks %r" % w)
    sections = re.split(r"^### ", md, flags=re.M)[1:]
    for m in e["measures"]:
        section = [s for s in sections if s.startswith(m["problem"])]
        expect(section and m["title"] in section[0], "Markdown does not list %r under %r" % (m["title"], m["problem"]))

    check_csv_normal(directory, e)

    page = html_read(directory)
    text = "".join(page.text)
    for w in words:
        expect(w in text, "HTML lacks %r" % w)
    current = None
    placed = {}
    for kind, value in page.events:
        if kind == "h3":
            current = value
        elif kind == "td":
            placed.setdefault(value, current)
    for m in e["measures"]:
        expect(placed.get(m["title"]) == m["problem"], "HTML puts %r under %r" % (m["title"], placed.get(m["title"])))
    expect("@media print" in read(directory, "plan.html"), "HTML has no print stylesheet")

    check_xlsx_normal(directory, e)

    calendar, todos = ics_read(directory)
    expect(len(todos) == len(e["measures"]), "ICS has %d tasks for %d measures" % (len(todos), len(e["measures"])))
    statuses = {"Proposed": "NEEDS-ACTION", "Decided": "NEEDS-ACTION", "In progress": "IN-PROCESS",
                "Done": "COMPLETED", "Cancelled": "CANCELLED"}
    for m in e["measures"]:
        todo = [t for t in todos if str(t.get("summary")) == m["title"]]
        expect(todo, "ICS lacks the task %r" % m["title"])
        t = todo[0]
        for key, prop in (("due", "due"), ("start", "dtstart")):
            if m[key]:
                expect(t.decoded(prop).isoformat() == m[key], "ICS %s of %r" % (prop, m["title"]))
            else:
                expect(prop.upper() not in t, "ICS task %r has a %s it should not have" % (m["title"], prop))
        expect(str(t.get("status")) == statuses[m["status"]], "ICS status of %r is %s" % (m["title"], t.get("status")))
        description = str(t.get("description"))
        expect(m["owner"] in description and m["problem"] in description, "ICS description of %r" % m["title"])
        expect(str(t.get("uid")).startswith("kartla-measure-"), "ICS UID")
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    meetings = [ev for ev in events if str(ev.get("uid")).startswith("kartla-meeting-")]
    dues = [ev for ev in events if str(ev.get("uid")).startswith("kartla-due-")]
    expect(len(meetings) + len(dues) == len(events), "ICS has events that are neither meetings nor due dates")
    expect(len(meetings) == len(e["follow_ups"]), "ICS has %d events for %d follow-up meetings" % (len(meetings), len(e["follow_ups"])))
    check_due_events(dues, e)
    check_ics_parsers(read(directory, "plan.ics", "rb"), len(todos), len(events))
    for meeting, event in zip(e["follow_ups"], meetings):
        expect(str(event.get("summary")) == meeting["title"], "ICS event is %r" % str(event.get("summary")))
        expect(event.decoded("dtstart").isoformat() == meeting["date"], "ICS event date of %r" % meeting["title"])
        expect((event.decoded("dtend") - event.decoded("dtstart")).days == 1, "ICS event of %r is not one day" % meeting["title"])
        expect(str(event.get("location")) == meeting["place"], "ICS event place of %r" % meeting["title"])
        expect(str(event.get("uid")).startswith("kartla-meeting-"), "ICS event UID")
    header = str(calendar.get("description"))
    for w in [e["organisation"], e["place"]] + e["problems"] + e["causes"] + e["organisations"]:
        expect(w in header, "ICS calendar description lacks %r" % w)


def check_csv_normal(directory, e):
    table = csv_table(directory)
    expect(table == csv_table(directory, "tables/measures.csv"), "CSV measures differ between the file and the folder")
    expect(len(table) == len(e["measures"]), "CSV has %d measure rows for %d measures" % (len(table), len(e["measures"])))
    for m in e["measures"]:
        match = [r for r in table if r["Measure"] == m["title"]]
        expect(len(match) == 1, "CSV has %d rows for the measure %r" % (len(match), m["title"]))
        r = match[0]
        linked = m["problem"] != "Measures not linked to a problem"
        expect(r["Problems"] == (m["problem"] if linked else ""), "CSV problems of %r are %r" % (m["title"], r["Problems"]))
        for key, column in (("owner", "Responsible"), ("partners", "Partners"), ("start", "Start"), ("due", "Due"),
                            ("indicator", "Indicator")):
            expect(r[column] == m[key], "CSV %s of %r is %r, not %r" % (column, m["title"], r[column], m[key]))
        # The word alone, for a filter and a sort (and a printed sheet's font: no ◔ ◑ drawn tiny).
        expect(r["Status"] == m["status"], "CSV status of %r is %r" % (m["title"], r["Status"]))
    problems = csv_table(directory, "tables/problems.csv")
    expect([p["Problem"] for p in problems if p["Prioritised"] == "Yes"] == e["problems"], "CSV problems: %r" % problems)
    problem_ids = {p["ID"] for p in problems}
    measure_ids = {r["ID"] for r in table}
    # The ids join: one row per measure and problem it serves, both in their own files.
    links = csv_table(directory, "tables/measure-problems.csv")
    for link in links:
        expect(link["Measure ID"] in measure_ids and link["Problem ID"] in problem_ids,
               "CSV link %r names a measure or problem the other files lack" % link)
    for m in e["measures"]:
        if m["problem"] != "Measures not linked to a problem":
            expect(any(l["Measure"] == m["title"] and l["Problem"] == m["problem"] for l in links),
                   "CSV measure-problems lacks %r for %r" % (m["title"], m["problem"]))
    causes = csv_table(directory, "tables/causes.csv")
    expect([c["Cause"] for c in causes] == e["causes"], "CSV causes: %r" % [c["Cause"] for c in causes])
    cause_ids = {c["ID"] for c in causes}
    expect(all(c["Problem ID"] in problem_ids for c in causes), "CSV causes do not join the problems")
    expect(all(c["Parent cause ID"] in cause_ids | {""} for c in causes), "CSV parent causes do not join")
    for link in csv_table(directory, "tables/measure-causes.csv"):
        expect(link["Measure ID"] in measure_ids and link["Cause ID"] in cause_ids,
               "CSV link %r names a measure or cause the other files lack" % link)
    actors = csv_table(directory, "tables/actors.csv")
    for m in e["measures"]:
        if m["owner"]:
            owner = [a for a in actors if a["Actor"] == m["owner"]]
            expect(owner and m["title"] in owner[0]["Responsible for"], "CSV actors: owner of %r" % m["title"])
    log = csv_table(directory, "tables/log.csv")
    expect(log and all(r["Measure ID"] in measure_ids for r in log), "CSV status log does not join the measures")


def check_page_setup(sheet, e):
    """Printed: landscape A4, one page across, the header row on every page, a footer with the page."""
    setup = sheet.page_setup
    expect(setup.orientation == "landscape", "XLSX %s prints %s" % (sheet.title, setup.orientation))
    expect(str(setup.paperSize) == "9", "XLSX %s paper is %r, not A4" % (sheet.title, setup.paperSize))
    expect(sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage,
           "XLSX %s does not fit to pages" % sheet.title)
    # OOXML's default for fitToWidth is 1, so a writer may leave it out.
    expect(setup.fitToWidth in (None, 1, "1") and str(setup.fitToHeight) == "0",
           "XLSX %s fits %r x %r pages" % (sheet.title, setup.fitToWidth, setup.fitToHeight))
    expect(sheet.print_title_rows in ("1:1", "$1:$1"), "XLSX %s print titles are %r" % (sheet.title, sheet.print_title_rows))
    footer = sheet.oddFooter
    expect("&P" in (footer.right.text or "") and "&N" in (footer.right.text or ""),
           "XLSX %s footer has no page N of M: %r" % (sheet.title, footer.right.text))
    expect(e["title"][:20] in (footer.left.text or ""), "XLSX %s footer lacks the workshop" % sheet.title)
    expect(not (footer.center.text or ""), "XLSX %s footer has a centre part, which a spreadsheet lays over the others" % sheet.title)
    for part in (footer.left.text or "", footer.right.text or ""):  # each under a third of the line
        expect(len(part.replace("&&", "&")) <= 45, "XLSX %s footer part %r is longer than a third of the line" % (sheet.title, part))
    expect(sheet.freeze_panes == "A2", "XLSX %s freezes %r" % (sheet.title, sheet.freeze_panes))
    expect(sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), "XLSX %s has no filter" % sheet.title)


def xlsx_records(sheet):
    header = [c.value for c in sheet[1]]
    expect(len(set(header)) == len(header), "XLSX %s has repeated headers %r" % (sheet.title, header))
    return [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]


def xlookup(value, keys, results):
    """Excel's XLOOKUP(value; keys; results): the result beside the first key equal to value, same type."""
    for key, result in zip(keys, results):
        if key == value and type(key) is type(value):
            return result
    return None


def check_xlsx_join(book, e):
    """The link sheet joins the measures and problems with XLOOKUP over numeric ids, one row per measure and problem."""
    measures, problems = book["Measures"], book["Problems"]
    measure_ids = [c.value for c in measures["A"][1:]]
    measure_titles = [c.value for c in measures["B"][1:]]
    problem_ids = [c.value for c in problems["A"][1:]]
    problem_titles = [c.value for c in problems["C"][1:]]
    links = xlsx_records(book["Measure–problem"])
    expect(links, "XLSX has no measure-problem links")
    for link in links:
        expect(isinstance(link["Measure ID"], int) and isinstance(link["Problem ID"], int),
               "XLSX link ids are not numbers: %r" % link)
        expect(xlookup(link["Measure ID"], measure_ids, measure_titles) == link["Measure"],
               "XLOOKUP of measure %r gives %r" % (link["Measure ID"], xlookup(link["Measure ID"], measure_ids, measure_titles)))
        expect(xlookup(link["Problem ID"], problem_ids, problem_titles) == link["Problem"],
               "XLOOKUP of problem %r gives %r" % (link["Problem ID"], xlookup(link["Problem ID"], problem_ids, problem_titles)))
    for m in e["measures"]:
        if m["problem"] != "Measures not linked to a problem":
            expect(any(l["Measure"] == m["title"] and l["Problem"] == m["problem"] for l in links),
                   "XLSX link sheet lacks %r for %r" % (m["title"], m["problem"]))
    for link in xlsx_records(book["Measure–cause"]):
        expect(all(isinstance(link[k], int) for k in ("Measure ID", "Cause ID", "Problem ID")),
               "XLSX cause link ids are not numbers: %r" % link)
        expect(xlookup(link["Measure ID"], measure_ids, measure_titles) == link["Measure"], "XLOOKUP of a cause link's measure")


def check_print_area(sheet):
    """The measures print their main columns (up to the baseline), narrow enough for 9 pt on A4 landscape."""
    area = sheet.print_area
    expect(area, "XLSX measures have no print area")
    area = area[0] if isinstance(area, list) else area  # openpyxl gives a list of ranges
    last = area.split(":")[-1].lstrip("$").split("$")[0]
    header = [c.value for c in sheet[1]]
    printed = header[:openpyxl.utils.column_index_from_string(last)]
    expect(printed[-1] == "Baseline" and "Due" in printed and "Responsible" in printed,
           "XLSX measures print %r" % printed)
    width = sum(sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(printed)))
    # A4 landscape less the margins is 784 pt; a unit of width (padding included, as stored) is a digit of the
    # default font, Calibri 11: 7 px, 5.25 pt. Fitted to the page, 10 pt text stays at 9 pt or more.
    expect(width * 5.25 <= 784 / 0.9, "XLSX measures' printed columns are %.0f characters wide" % width)


def check_xlsx_normal(directory, e):
    book = xlsx_read(directory)
    expect(book.sheetnames == ["Measures", "Problems", "Causes", "Actors", "Status log", "Measure–problem",
                               "Measure–cause", "Workshop"],
           "XLSX sheets are %r" % book.sheetnames)
    for name in book.sheetnames[:-1]:
        check_page_setup(book[name], e)
    sheet = book["Measures"]
    records = xlsx_records(sheet)
    for number, m in enumerate(e["measures"]):
        match = [r for r in records if r["Measure"] == m["title"]]
        expect(match, "XLSX lacks %r" % m["title"])
        r = match[0]
        expect(isinstance(r["ID"], int), "XLSX measure id %r is not a number" % r["ID"])
        expect(list(r)[:3] == ["ID", "Measure", "Problems"], "XLSX measures do not start with the main columns: %r" % list(r))
        linked = m["problem"] != "Measures not linked to a problem"
        expect((r["Problems"] or "") == (m["problem"] if linked else ""), "XLSX problem of %r" % m["title"])
        expect((r["Responsible"] or "") == m["owner"], "XLSX owner of %r" % m["title"])
        expect(r["Status"] == m["status"], "XLSX status of %r is %r, not the word alone" % (m["title"], r["Status"]))
        for key, column in (("start", "Start"), ("due", "Due")):
            if m[key]:
                expect(isinstance(r[column], datetime.datetime), "XLSX %s of %r is not a date" % (column, m["title"]))
                expect(r[column].date().isoformat() == m[key], "XLSX %s of %r" % (column, m["title"]))
            else:
                expect(r[column] is None, "XLSX %s of %r is %r" % (column, m["title"], r[column]))
    # Rows as tall as their wrapped text: each data row has its own height, a long text a taller one.
    heights = [sheet.row_dimensions[i].height for i in range(2, sheet.max_row + 1)]
    expect(all(h and h >= 12 for h in heights), "XLSX measure rows have no heights: %r" % heights)
    widths = [sheet.column_dimensions[letter].width for letter in ("B", "C")]
    expect(all(w and w > 5 for w in widths), "XLSX columns have no widths")
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    expect(len(rules) == 3 and all(rule.type == "containsText" for rule in rules),
           "XLSX light column has no conditional format: %r" % [rule.type for rule in rules])
    expect(sorted(rule.text for rule in rules) == ["Green", "Red", "Yellow"], "XLSX light rules are on the words")

    problems = xlsx_records(book["Problems"])
    for p in problems:
        expect(isinstance(p["ID"], int) and isinstance(p["Rank"], int), "XLSX problem id and rank are not numbers: %r" % p)
    expect([p["Problem"] for p in problems if p["Prioritised"] == "Yes"] == e["problems"],
           "XLSX prioritised problems are %r" % problems)
    causes = xlsx_records(book["Causes"])
    expect([c["Cause"] for c in causes] == e["causes"], "XLSX causes are %r" % [c["Cause"] for c in causes])
    ids = {p["ID"] for p in problems}
    expect(all(c["Problem ID"] in ids for c in causes), "XLSX cause rows do not join the problems")
    actors = xlsx_records(book["Actors"])
    for m in e["measures"]:
        if m["owner"]:
            owner = [a for a in actors if a["Actor"] == m["owner"]]
            expect(owner and m["title"] in (owner[0]["Responsible for"] or ""), "XLSX actors: owner of %r" % m["title"])
    log = xlsx_records(book["Status log"])
    expect(log and all(isinstance(r["Date"], datetime.datetime) and isinstance(r["Measure ID"], int) for r in log),
           "XLSX status log has no typed rows: %r" % log)
    measure_ids = {r["ID"] for r in records}
    expect(all(r["Measure ID"] in measure_ids for r in log), "XLSX status log does not join the measures")
    words = {"Proposed", "Decided", "In progress", "Done", "Paused", "Cancelled", None}
    expect(all(r["From status"] in words and r["To status"] in words for r in log),
           "XLSX status log's statuses are not words alone: %r" % [(r["From status"], r["To status"]) for r in log])
    check_xlsx_join(book, e)
    check_print_area(sheet)
    workshop_values = [c.value for row in book["Workshop"].iter_rows() for c in row]
    expect(e["title"] in workshop_values and e["place"] in workshop_values, "XLSX workshop sheet lacks the header")


# ---------------------------------------------------------------- hostile

def check_hostile(directory, e):
    texts = e["texts"]
    hostile = e["hostile"]

    md_raw = read(directory, "plan.md")
    expect(not re.search(r"(?<!\\)<(?!br>)", md_raw), "Markdown has an unescaped '<'")
    for line in md_raw.split("\n"):
        if line.startswith("|"):
            pipes = len(re.findall(r"(?<!\\)\|", line))
            expect(pipes == 11, "Markdown table row has %d cell borders: %r" % (pipes, line[:80]))
    md = markdown_text(md_raw)
    for t in texts:
        shown = t.replace("\t", " ").strip().replace("\n", "<br>")
        expect(shown in md, "Markdown lacks %r" % t[:40])

    rows = csv_rows(directory)
    for name in CSV_TABLES:
        csv_rows(directory, "tables/%s.csv" % name)  # each file one table of equal rows
    cells = [cell for row in rows for cell in row]
    for cell in cells:
        expect(not cell.startswith(FORMULA_STARTS), "CSV cell starts like a formula: %r" % cell[:40])
    for t in texts:
        expect(t in cells or ("'" + t) in cells, "CSV lacks the cell %r" % t[:40])

    page = html_read(directory)
    tags = [tag for tag, _ in page.tags]
    expect("script" not in tags, "HTML has a script element")
    text = "".join(page.text)
    for t in texts:
        expect(t in text, "HTML lacks %r" % t[:40])

    book = xlsx_read(directory)
    values = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    for t in texts:
        expect(t in values, "XLSX lacks the cell %r" % t[:40])

    calendar, todos = ics_read(directory)
    summaries = [str(t.get("summary")) for t in todos]
    for t in texts:
        if t != e["long"]:  # the long text is a description, checked below
            expect(t in summaries, "ICS lacks the summary %r" % t[:40])
    descriptions = "".join(str(t.get("description")) for t in todos)
    expect(e["long"] in descriptions, "ICS lacks the long description")
    expect(hostile in str(calendar.get("name")), "ICS calendar name lacks the title")


def main():
    mode, directory = sys.argv[1], sys.argv[2]
    expected = json.loads(read(directory, "expect.json"))
    {"normal": check_normal, "hostile": check_hostile}[mode](directory, expected)
    print("check_exports: %s exports are fine" % mode)


if __name__ == "__main__":
    main()
