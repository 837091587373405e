#!/usr/bin/python3
"""Drives kartla's phone page in headless Chromium as a phone would (phones_page.sh).

Usage: phone_page.py JOIN_URL WORKSHOP_FILE OUT_DIR [AXE_MIN_JS]
Reads the workshop with sqlite3 (read-only) to check what arrived. Every wait is
bounded; the server is on 127.0.0.1 only.
"""
import json
import os
import sqlite3
import urllib.error
import urllib.request
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException

URL, FILE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
AXE = sys.argv[4] if len(sys.argv) > 4 else ""
CODE = os.environ.get("KARTLA_JOIN_CODE", "")
SHORT = URL[:URL.rindex("/")]  # http://127.0.0.1:PORT: the address typed on a phone


def query(sql, *args):
    db = sqlite3.connect("file:%s?mode=ro" % FILE, uri=True, timeout=5)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def wait_for(what, test, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        value = test()
        if value:
            return value
        time.sleep(0.1)
    raise SystemExit("phone_page: timed out waiting for " + what)


def browser(language):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=390,844",
                 "--lang=" + language):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.add_argument("--user-data-dir=" + tempfile.mkdtemp(prefix="kartla-phone-"))
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def add_card(driver, title):
    field = driver.find_element(By.ID, "title")
    field.clear()
    field.send_keys(title)
    driver.find_element(By.CSS_SELECTOR, "#card-form button[type=submit]").click()


def tap_first_vote(driver, button):
    """Taps button 0 (-) or 1 (+) of the first vote row. The page draws the list anew when a
    poll brings news, so a row found a moment ago can be gone: find it again, as a thumb would."""
    for _ in range(10):
        try:
            first = driver.find_elements(By.CSS_SELECTOR, "#vote-list li")[0]
            first.find_elements(By.TAG_NAME, "button")[button].click()
            return
        except StaleElementReferenceException:
            time.sleep(0.1)
    raise AssertionError("the first vote row kept being redrawn under the tap")


def check_axe(driver):
    if not AXE or not os.path.exists(AXE):
        print("phone_page: axe-core not installed here; accessibility not checked")
        return
    driver.execute_script(open(AXE, encoding="utf-8").read())
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help))).catch(e => done(['axe: ' + e]));")
    if violations:
        raise SystemExit("phone_page: accessibility: " + "; ".join(violations))
    print("phone_page: 0 accessibility violations (axe-core, WCAG 2.1 AA)")


def join_by_code(driver):
    """The short address, then the code typed as on the screen: the page and its files load without the token."""
    driver.get(SHORT + "/")
    field = wait_for("the code field", lambda: driver.find_element(By.ID, "code").is_displayed() and
                     driver.find_element(By.ID, "code"))
    field.send_keys(CODE.lower())  # typed on a phone: the case does not matter
    driver.find_element(By.CSS_SELECTOR, "#join-form button[type=submit]").click()
    wait_for("the join address after the code", lambda: driver.current_url == URL)
    print("phone_page: joined by typing the code at " + SHORT)


def post_card(body, phone):
    request = urllib.request.Request(URL + "/cards", data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "X-Kartla": "1", "X-Kartla-Phone": phone})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def same_card_twice():
    """A phone that never heard the answer sends the card again: still one card in the file."""
    card = {"title": "Skadegörelse vid busshållplatsen", "sent_id": "0123456789abcdef0123456789abcdee"}
    phone = "abcdefabcdefabcdefabcdefabcdefab"
    first, second = post_card(card, phone), post_card(card, phone)
    count = query("SELECT count(*) FROM problem_map_card WHERE title = ?", card["title"])[0][0]
    assert (first, second, count) == (201, 200, 1), "the same card twice: %r" % ((first, second, count),)
    print("phone_page: the same card sent twice is one card")


def check_narrow(driver):
    """The vote page on small phones: every + inside the screen, -, count and + lined up, no axe violation."""
    for width, height in ((320, 568), (375, 667)):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        time.sleep(0.3)
        rows = driver.execute_script(
            "return Array.from(document.querySelectorAll('#vote-list li')).map(li => {"
            "  const b = li.querySelectorAll('button'); const d = li.querySelector('.dots');"
            "  return [li.querySelector('.title').textContent, b[0].getBoundingClientRect().left,"
            "          d.getBoundingClientRect().left, b[1].getBoundingClientRect().right]; });")
        inner = driver.execute_script("return document.documentElement.clientWidth;")
        assert rows, "no vote rows at %d px" % width
        outside = [r[0] for r in rows if r[3] > inner + 0.5]
        assert not outside, "at %d px the + runs off the screen for: %r" % (width, outside)
        for column in (1, 2, 3):
            assert max(r[column] for r in rows) - min(r[column] for r in rows) < 1, \
                "at %d px the -, count and + do not line up: %r" % (width, rows)
        driver.execute_script("document.querySelector('#vote-list li:last-child').scrollIntoView({block: 'center'});")
        driver.save_screenshot(os.path.join(OUT, "phone-sv-voting-%d.png" % width))
        check_axe(driver)
        print("phone_page: at %dx%d every + is inside the screen (%d rows, rightmost %.0f of %d px)" %
              (width, height, len(rows), max(r[3] for r in rows), inner))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    same_card_twice()
    cards_before = query("SELECT count(*) FROM problem_map_card")[0][0]
    driver = browser("sv-SE")
    try:
        driver.set_script_timeout(30)
        if CODE:
            join_by_code(driver)
        else:
            driver.get(URL)
        wait_for("the page to connect", lambda: "Ansluten" in text(driver, "status"))
        assert "Tyst runda" in text(driver, "phase"), text(driver, "phase")
        driver.save_screenshot(os.path.join(OUT, "phone-sv.png"))
        check_axe(driver)

        add_card(driver, "Klotter vid Östra torget")
        wait_for("the card in the file", lambda: query(
            "SELECT hidden FROM problem_map_card WHERE title = 'Klotter vid Östra torget'"))
        hidden = query("SELECT hidden FROM problem_map_card WHERE title = 'Klotter vid Östra torget'")[0][0]
        assert hidden == 1, "a card sent during the silent round must be face down"

        # The network drops: the card waits on the phone and arrives when it is back.
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        add_card(driver, "Nedskräpning i Älvparken")
        wait_for("the card to wait on the phone", lambda: "Väntar" in text(driver, "outbox"))
        time.sleep(1)
        assert not query("SELECT 1 FROM problem_map_card WHERE title = 'Nedskräpning i Älvparken'")
        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
        wait_for("the waiting card in the file", lambda: query(
            "SELECT 1 FROM problem_map_card WHERE title = 'Nedskräpning i Älvparken'"), 20)
        wait_for("the outbox to empty", lambda: text(driver, "outbox") == "")
        assert query("SELECT count(*) FROM problem_map_card")[0][0] == cards_before + 2

        # The facilitator reveals the cards and opens voting (here straight into the file).
        db = sqlite3.connect(FILE, timeout=5)
        db.execute("UPDATE problem_map_card SET hidden = 0")
        # The longest Swedish word the room is likely to write, for the narrow screens below.
        db.execute("INSERT INTO problem_map_card(title, hidden) VALUES "
                   "('Narkotikapåverkade ungdomsgängsmedlemmar vid centralstationen', 0)")
        db.execute("UPDATE problem_map_setting SET value = '0' WHERE key = 'silent_round'")
        db.execute("INSERT INTO problem_map_setting(key, value) VALUES ('phone_voting', '1') "
                   "ON CONFLICT(key) DO UPDATE SET value = '1'")
        db.commit()
        db.close()
        wait_for("the vote list", lambda: driver.find_elements(By.CSS_SELECTOR, "#vote-list li"))
        first = driver.find_elements(By.CSS_SELECTOR, "#vote-list li")[0]
        card_title = first.find_element(By.CSS_SELECTOR, ".title").text
        for expected in (2, 1, 0):
            tap_first_vote(driver, 1)
            wait_for("%d dots left" % expected, lambda: text(driver, "dots-left").endswith(": %d" % expected))
        driver.save_screenshot(os.path.join(OUT, "phone-sv-voting.png"))
        check_narrow(driver)
        tap_first_vote(driver, 0)  # take one back
        wait_for("1 dot left", lambda: text(driver, "dots-left").endswith(": 1"))
        dots = query("SELECT sum(v.dots) FROM problem_map_phone_vote AS v JOIN problem_map_card AS c "
                     "ON c.id = v.card_id WHERE c.title = ?", card_title)[0][0]
        assert dots == 2, "the phone's dots in the file: %r" % dots
    finally:
        driver.quit()

    english = browser("en-GB")
    try:
        english.get(URL)
        wait_for("the English page", lambda: "Connected" in text(english, "status"))
        english.save_screenshot(os.path.join(OUT, "phone-en-voting.png"))
    finally:
        english.quit()
    print("phone_page: joined, 2 cards (one sent after the network came back), 3 dots, 1 taken back")


if __name__ == "__main__":
    sys.exit(main())
