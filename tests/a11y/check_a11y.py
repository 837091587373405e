#!/usr/bin/python3
"""Runs axe-core on exported HTML pages in headless Chromium; 0 violations at WCAG 2.1 AA or exit 1.

Usage: check_a11y.py AXE_MIN_JS PAGE.html [PAGE.html ...]
Run with Debian's /usr/bin/python3 (python3-selenium), chromium and chromium-driver.
The page's own Content-Security-Policy forbids scripts; WebDriver's script
injection runs in the page all the same, so the page is checked as it is sent.
"""
import json
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def main():
    axe_path, pages = sys.argv[1], sys.argv[2:]
    if not os.path.exists(axe_path):
        print("check_a11y: %s is missing; run scripts/setup-a11y.sh" % axe_path, file=sys.stderr)
        return 1
    axe = open(axe_path, encoding="utf-8").read()
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1600"):
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + tempfile.mkdtemp(prefix="kartla-a11y-"))
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = 0
    try:
        driver.set_script_timeout(60)
        for page in pages:
            driver.get("file://" + os.path.abspath(page))
            driver.execute_script(axe)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
                ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))"
                ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));" % json.dumps(TAGS))
            passes = driver.execute_script("return typeof axe === 'object' ? axe.version : null")
            if not passes:
                print("check_a11y: axe-core did not load in %s" % page, file=sys.stderr)
                failures += 1
            for v in result:
                failures += 1
                print("check_a11y: %s: %s (%s): %s" % (page, v["id"], v.get("impact"), v["help"]), file=sys.stderr)
                for node in v["nodes"]:
                    print("    " + node.replace("\n", " "), file=sys.stderr)
            if not result:
                print("check_a11y: %s: 0 violations (axe-core %s, WCAG 2.1 AA)" % (page, passes))
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
