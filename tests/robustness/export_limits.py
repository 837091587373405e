"""Two promises of every export (issue 13), through the real program:
  long-text   report-pdf of a workshop whose title is one 100,000-character word
              and whose descriptions are 100,000 characters long finishes with a
              valid PDF (pdfinfo); ctest's TIMEOUT is the only clock here, the
              time is printed for the record.
  no-partial  an export that fails half-way (the file size limit is hit while
              it writes) leaves no file behind, and an older file of that name
              byte for byte as it was.
Usage: export_limits.py KARTLA OUT_DIR {long-text|no-partial}"""
import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

KARTLA, OUT, CASE = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
OUT.mkdir(parents=True, exist_ok=True)


def sample(name):
    path = OUT / name
    path.unlink(missing_ok=True)
    done = subprocess.run([KARTLA, "sample", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("kartla sample failed: " + done.stderr)
    return path


def long_text():
    workshop = sample("long.kartla")
    word = "brottsförebyggandesamverkansöverenskommelse" * (100_000 // 43 + 1)
    prose = ("Trygghetsvandring vid busstorget, kvällstid och helger; " * 2000)[:100_000]
    db = sqlite3.connect(workshop)
    db.execute("UPDATE core_meta SET value = ? WHERE key = 'title'", (word[:100_000],))
    db.execute("UPDATE core_meta SET value = ? WHERE key = 'purpose'", (prose,))
    db.execute("UPDATE problem_map_card SET title = ?, description = ?", (word[:100_000], prose))
    db.execute("UPDATE action_plan_measure SET title = ?, description = ?", (word[:100_000], prose))
    db.execute("UPDATE actor_map_actor SET name = ?, mandate = ?", (word[:100_000], prose))
    db.commit()
    db.close()
    pdf = OUT / "long.pdf"
    pdf.unlink(missing_ok=True)
    start = time.monotonic()
    done = subprocess.run([KARTLA, "export", str(workshop), "--format", "report-pdf", "-o", str(pdf)],
                          capture_output=True, text=True)
    seconds = time.monotonic() - start
    print(f"report-pdf with 100,000-character fields: {seconds:.2f} s")
    if done.returncode != 0:
        sys.exit("export failed: " + done.stderr)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    if info.returncode != 0:
        sys.exit("pdfinfo refuses the PDF: " + info.stderr)
    print(info.stdout.strip().splitlines()[-3:])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    if "brottsförebyggande" not in text.replace("\n", ""):
        sys.exit("the long title is not in the PDF at all")
    if "more characters in the workshop file" not in text.replace("\n", " "):
        sys.exit("a cut text does not say it was cut")


def no_partial():
    workshop = sample("partial.kartla")
    limit = 8 * 1024  # bytes: every format below writes more than this
    for fmt in ("html", "report-pdf", "xlsx", "report-html", "md"):
        folder = OUT / f"partial-{fmt}"
        folder.mkdir(exist_ok=True)
        for leftover in folder.iterdir():
            leftover.unlink()
        for existing in (False, True):
            target = folder / f"out.{fmt}"
            target.unlink(missing_ok=True)
            if existing:
                target.write_bytes(b"an older export that must survive\n")
            before = hashlib.sha256(target.read_bytes()).hexdigest() if existing else None

            def limited():
                # A write past the limit fails with EFBIG instead of killing the program.
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

            done = subprocess.run([KARTLA, "export", str(workshop), "--format", fmt, "-o", str(target)],
                                  capture_output=True, text=True, preexec_fn=limited)
            left = sorted(p.name for p in folder.iterdir())
            ours = "\n".join(line for line in done.stderr.splitlines() if line.startswith("kartla:"))
            if f".{target.name}." in ours:
                sys.exit(f"{fmt}: the message names the temporary file, not the user's: {done.stderr}")
            if done.returncode == 0:
                sys.exit(f"{fmt}: the export should have failed at {limit} bytes, it wrote {left}")
            if existing:
                after = hashlib.sha256(target.read_bytes()).hexdigest() if target.exists() else None
                if after != before or left != [target.name]:
                    sys.exit(f"{fmt}: the older file changed or something was left: {left}")
            elif left:
                sys.exit(f"{fmt}: a failed export left {left}")
            print(f"{fmt}{' over an older file' if existing else ''}: failed cleanly ({done.stderr.strip()[:100]})")
        # And without the limit the same export works, so the failure above was the limit's.
        ok = subprocess.run([KARTLA, "export", str(workshop), "--format", fmt, "-o", str(folder / f"out.{fmt}")],
                            capture_output=True, text=True)
        if ok.returncode != 0 or os.path.getsize(folder / f"out.{fmt}") <= limit:
            sys.exit(f"{fmt}: the unlimited export failed or is too small: {ok.stderr}")


{"long-text": long_text, "no-partial": no_partial}[CASE]()
print("ok")
