#!/usr/bin/env python3
"""Runtime only hosts plugins (issue 24): it keeps at most 15 public members.

What the registrations offer is asked of Offers, the edits go through the Session,
the words and text zoom through the Frontend. A new public member of Runtime beyond
the limit fails here, so the god object does not grow back one convenience at a time.
Counts each public member function or data member once by name (overloads of one name
count once; constructors, the destructor and deleted copies do not count).
"""
import re
import sys
from pathlib import Path

LIMIT = 15


def class_body(text, name):
    start = re.search(r"class\s+(?:\w+\s+)?" + name + r"\s*\{", text)
    if not start:
        sys.exit(f"class {name} not found")
    depth, i = 1, start.end()
    while depth:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return text[start.end():i - 1]


def public_statements(body):
    """The declarations at the class's own level while access is public (inline bodies skipped)."""
    statements, depth, access, current = [], 0, "private", ""
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:  # an inline body ends its declaration
                statements.append((access, current))
                current = ""
        elif depth == 0 and ch == ";":
            statements.append((access, current))
            current = ""
        elif depth == 0:
            current += ch
            label = re.search(r"\b(public|private|protected)\s*:\s*$", current)
            if label:
                access, current = label.group(1), ""
    return [s for a, s in statements if a == "public" and s.strip()]


def member_name(statement):
    statement = re.sub(r"template\s*<[^>]*>", "", statement)
    call = re.search(r"(~?\w+|operator\s*\S+)\s*\(", statement)
    if call:
        return call.group(1)
    data = re.findall(r"(\w+)\s*(?:=.*)?$", statement.strip())
    return data[0] if data else None


def main():
    root = Path(sys.argv[1])
    text = (root / "core/src/host/runtime.hpp").read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)
    names = []
    for statement in public_statements(class_body(text, "Runtime")):
        name = member_name(statement)
        if not name or name in ("Runtime", "~Runtime") or name.startswith("operator"):
            continue
        if name not in names:
            names.append(name)
    print(f"Runtime's public members ({len(names)}, at most {LIMIT}): {', '.join(names)}")
    if len(names) > LIMIT:
        sys.exit("Runtime has grown: ask Offers, the Session or the Frontend instead (issue 24)")


if __name__ == "__main__":
    main()
