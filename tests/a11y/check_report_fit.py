#!/usr/bin/python3
"""The workshop report's HTML fits its page, on screen and on paper, and says in text what its pictures show.

Usage: check_report_fit.py REPORT.html [REPORT.html ...]
In headless Chromium (Debian's chromium, chromium-driver, python3-selenium), for each page:
- at a 1,200 px wide window no element's box reaches past the page's right edge, and the page
  does not scroll sideways (a 100,000-letter word included);
- every picture is followed by a table of what it shows (a chart: the table of its values beside
  it), and its alternative text says more than its caption;
- printed to A4 by Chromium itself (Page.printToPDF with the page's own print stylesheet), each
  part (section) starts on a new page, and no word pdftotext finds lies past the page's edge.
Exit 1 with one line per failure.
"""
import base64
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

WIDTH = 1200

# Every element's box against the page's width (the viewport less any scrollbar).
MEASURE = """
const width = document.documentElement.clientWidth, wide = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.right > width + 0.5) wide.push(e.tagName.toLowerCase() + ' ' + Math.round(r.right) + ' px: '
                                     + (e.textContent || '').trim().slice(0, 40));
}
return {width: width, scroll: document.documentElement.scrollWidth, elements: document.querySelectorAll('body *').length,
        wide: wide};
"""

# Each figure's table and alternative text. A chart's figure sits in a div.chart with its values table.
PICTURES = """
const out = [];
for (const f of document.querySelectorAll('figure')) {
  const img = f.querySelector('img'), svg = f.querySelector('svg');
  const alt = img ? img.getAttribute('alt') : (svg ? svg.getAttribute('aria-label') : '');
  const caption = (f.querySelector('figcaption strong') || f.querySelector('figcaption') || {textContent: ''}).textContent;
  const next = f.nextElementSibling;
  out.push({caption: caption.trim(), alt: (alt || '').trim(), table: !!next && next.tagName === 'TABLE',
            rows: next && next.tagName === 'TABLE' ? next.tBodies[0].rows.length : 0});
}
return {pictures: out, parts: Array.from(document.querySelectorAll('body > section > h2')).map(h => h.textContent.trim())};
"""


def printed_pages(driver, folder, name):
    """The page printed to A4 by Chromium: each page's text lines and its words' right edges."""
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    path = os.path.join(folder, name + ".pdf")
    with open(path, "wb") as f:
        f.write(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    bbox = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(bbox.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    past_edge = []
    for page in root.iter("page"):
        width = float(page.get("width"))
        past_edge += [w.text for w in page.iter("word") if float(w.get("xMax")) > width + 0.5]
    return [p.splitlines() for p in text.split("\f")], past_edge, path


def check(driver, page, folder):
    failures = []
    driver.get("file://" + os.path.abspath(page))
    m = driver.execute_script(MEASURE)
    if m["scroll"] > m["width"]:
        failures.append("the page scrolls sideways: %d px wide in a %d px window" % (m["scroll"], m["width"]))
    for line in m["wide"][:5]:
        failures.append("wider than the page (%d px): %s" % (m["width"], line))
    if len(m["wide"]) > 5:
        failures.append("... %d elements wider than the page in all" % len(m["wide"]))
    p = driver.execute_script(PICTURES)
    for pic in p["pictures"]:
        if not pic["table"] or pic["rows"] == 0:
            failures.append("the picture '%s' has no table of what it shows after it" % pic["caption"][:60])
        if len(pic["alt"]) <= len(pic["caption"]):
            failures.append("the picture '%s' has an alternative text that says no more than its caption: '%s'"
                            % (pic["caption"][:60], pic["alt"][:60]))
    pages, past_edge, pdf = printed_pages(driver, folder, os.path.splitext(os.path.basename(page))[0])
    firsts = [next((line.strip() for line in lines if line.strip()), "") for lines in pages]
    for part in p["parts"]:
        if not any(first.startswith(part[:40]) for first in firsts):
            failures.append("printed, the part '%s' does not start a page of %s" % (part, pdf))
    for word in past_edge[:5]:
        failures.append("printed, the word '%s' lies past the page's edge" % word[:40])
    print("check_report_fit: %s: %d elements within %d px, %d pictures with their tables, %d parts on %d printed pages"
          % (page, m["elements"], m["width"], len(p["pictures"]), len(p["parts"]), len(pages) - 1))
    return ["%s: %s" % (page, f) for f in failures]


def main():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 "--window-size=%d,1000" % WIDTH):
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + tempfile.mkdtemp(prefix="kartla-fit-"))
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = []
    try:
        folder = tempfile.mkdtemp(prefix="kartla-fit-pdf-")
        for page in sys.argv[1:]:
            failures += check(driver, page, folder)
    finally:
        driver.quit()
    for f in failures:
        print("check_report_fit: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
