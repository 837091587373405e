"""Reads a DOCX with python-docx or an ODT with odfpy, as a municipal officer's
word processor would, and checks it is a real document: its headings are the
format's heading styles (Heading 1/2, text:h with outline levels) in the order
given, each table's header row repeats and the table fits its page (portrait
or landscape), each picture has alternative text, every page's footer holds
the page number and count ("Sida N av M"), and the title page names what it
must. Prints one line per problem; exit status 1 when there is any.
Usage: check_documents.py FILE.docx|FILE.odt SAME.html TITLE_TEXT...|outline-only
SAME.html: the same document exported as HTML (report-html or the plan's html),
whose outline the word-processing document must have: h2 is level 1, h3 (and
a prioritised problem's name in the plan's list) level 2."""
import sys
import zipfile
from html.parser import HTMLParser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIPS_PER_PT = 20


def docx_problems(path, outline, title_texts):
    import docx
    document = docx.Document(path)  # raises on a package python-docx cannot read
    problems = []
    headings = []
    for p in document.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading ") and name[8:].isdigit() and int(name[8:]) <= 2:
            headings.append((int(name[8:]), p.text))
    problems += compare_outline(headings, outline)
    title_page = []
    for p in document.paragraphs:
        if p.style is not None and p.style.name.startswith("Heading"):
            break
        title_page.append(p.text)
    problems += missing(" ".join(title_page), title_texts, "title page")
    # Tables against the page of their section: a section's properties follow its content.
    body = document.element.body
    pending = []
    for child in body.iterchildren():
        if child.tag == W + "tbl":
            grid = [int(c.get(W + "w")) for c in child.iter(W + "gridCol")]
            header = child.find(W + "tr/" + W + "trPr/" + W + "tblHeader")
            pending.append((sum(grid), header is not None, len(child.findall(W + "tr"))))
        sect = child if child.tag == W + "sectPr" else child.find(W + "pPr/" + W + "sectPr")
        if sect is not None:
            size, margins = sect.find(W + "pgSz"), sect.find(W + "pgMar")
            width = int(size.get(W + "w")) - int(margins.get(W + "left")) - int(margins.get(W + "right"))
            for total, header, rows in pending:
                if total > width:
                    problems.append(f"a table {total} twips wide on a text width of {width}")
                if not header:
                    problems.append("a table whose header row does not repeat")
            if int(size.get(W + "w")) not in (11906, 16838):
                problems.append(f"page width {size.get(W + 'w')} twips is not A4")
            pending = []
    if pending:
        problems.append("tables after the last section's properties")
    for pic in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        if not pic.get("descr"):
            problems.append("a picture without alternative text")
    for section in document.sections:
        xml = section.footer._element.xml
        if "PAGE" not in xml or "NUMPAGES" not in xml:
            problems.append("a footer without the page number and count")
    return problems, headings


def odt_problems(path, outline, title_texts):
    from odf.opendocument import load
    from odf import text, table, draw, style, teletype
    document = load(path)
    problems = []
    headings = []
    for h in document.getElementsByType(text.H):
        level = int(h.getAttribute("outlinelevel"))
        if level <= 2:
            headings.append((level, teletype.extractText(h)))
    problems += compare_outline(headings, outline)
    first_heading = document.getElementsByType(text.H)
    body_text = teletype.extractText(document.text)
    cut = body_text.find(teletype.extractText(first_heading[0])) if first_heading else len(body_text)
    problems += missing(body_text[:cut], title_texts, "title page")
    # Page layouts and the widths of tables, in points.
    def points(value):
        units = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0}
        for unit, factor in units.items():
            if value.endswith(unit):
                return float(value[: -len(unit)]) * factor
        raise ValueError(value)
    layouts = {}
    for layout in document.automaticstyles.getElementsByType(style.PageLayout) + document.styles.getElementsByType(style.PageLayout):
        props = layout.getElementsByType(style.PageLayoutProperties)[0]
        width = points(props.getAttribute("pagewidth"))
        layouts[layout.getAttribute("name")] = width - points(props.getAttribute("marginleft")) - points(props.getAttribute("marginright"))
    masters = {m.getAttribute("name"): layouts[m.getAttribute("pagelayoutname")] for m in document.masterstyles.getElementsByType(style.MasterPage)}
    for m in document.masterstyles.getElementsByType(style.MasterPage):
        footer = m.getElementsByType(style.Footer)
        if not footer or not footer[0].getElementsByType(text.PageNumber) or not footer[0].getElementsByType(text.PageCount):
            problems.append("a master page without the page number and count in its footer")
    table_widths = {}
    for s in document.automaticstyles.getElementsByType(style.Style):
        if s.getAttribute("family") == "table":
            table_widths[s.getAttribute("name")] = points(s.getElementsByType(style.TableProperties)[0].getAttribute("width"))
    paragraph_masters = {s.getAttribute("name"): s.getAttribute("masterpagename")
                         for s in document.automaticstyles.getElementsByType(style.Style) if s.getAttribute("masterpagename")}
    # Walk the body in order: a paragraph style naming a master page starts that page.
    current = "Standard"
    for node in document.text.childNodes:
        name = node.getAttribute("stylename") if node.qname[1] in ("h", "p") else None
        if name in paragraph_masters:
            current = paragraph_masters[name]
        if node.qname[1] == "table":
            width = table_widths[node.getAttribute("stylename")]
            if width > masters[current] + 0.5:
                problems.append(f"a table {width:.0f} pt wide on a text width of {masters[current]:.0f} pt")
            if not node.getElementsByType(table.TableHeaderRows):
                problems.append("a table whose header row does not repeat")
    for frame in document.getElementsByType(draw.Frame):
        titles = [teletype.extractText(t) for t in frame.childNodes if t.qname[1] == "title"]
        if not titles or not titles[0].strip():
            problems.append("a picture without alternative text")
    with zipfile.ZipFile(path) as z:
        if z.namelist()[0] != "mimetype" or z.getinfo("mimetype").compress_type != zipfile.ZIP_STORED:
            problems.append("mimetype is not the first, stored entry")
    return problems, headings


def headings_of(path):
    if path.endswith(".docx"):
        import docx
        return [(int(p.style.name[8:]), p.text) for p in docx.Document(path).paragraphs
                if p.style is not None and p.style.name[:8] == "Heading " and p.style.name[8:] in ("1", "2")]
    from odf.opendocument import load
    from odf import text, teletype
    return [(int(h.getAttribute("outlinelevel")), teletype.extractText(h))
            for h in load(path).getElementsByType(text.H) if int(h.getAttribute("outlinelevel") or 9) <= 2]


def compare_outline(headings, outline):
    if headings == outline:
        return []
    for i, (got, want) in enumerate(zip(headings, outline)):
        if got != want:
            return [f"heading {i + 1} is {got}, the document's structure says {want}"]
    return [f"{len(headings)} headings, the document's structure has {len(outline)}"]


def missing(text, wanted, where):
    return [f"{where} does not name: {w}" for w in wanted if w not in text]


class Outline(HTMLParser):
    """h2 and h3 of an HTML export; in the plan's list of prioritised problems, each problem's name (li > strong)."""

    def __init__(self):
        super().__init__()
        self.headings, self.level, self.text, self.depth_of_list = [], 0, "", 0

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.level, self.text = int(tag[1]) - 1, ""
        elif tag == "ol":
            self.depth_of_list += 1
        elif tag == "strong" and self.depth_of_list:
            self.level, self.text = 2, ""

    def handle_endtag(self, tag):
        if tag == "ol":
            self.depth_of_list -= 1
        elif self.level and tag in ("h2", "h3", "strong"):
            self.headings.append((self.level, " ".join(self.text.split())))
            self.level = 0

    def handle_data(self, data):
        if self.level:
            self.text += data


def main():
    path, html, title_texts = sys.argv[1], sys.argv[2], sys.argv[3:]
    parser = Outline()
    with open(html, encoding="utf-8") as f:
        parser.feed(f.read())
    outline = parser.headings
    check = docx_problems if path.endswith(".docx") else odt_problems
    if title_texts == ["outline-only"]:  # another program's file: its headings only
        problems = compare_outline(headings_of(path), outline)
    else:
        problems, _ = check(path, outline, title_texts)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
