#!/usr/bin/env python3
"""No process-wide mutable state in the core or a plugin.

Lists every mutable variable at namespace scope and every function-local
static in core/ and plugins/ (their sources, not their tests or benchmarks)
and fails on any that allowed_state.txt does not name with its reason. State
belongs to an object someone owns: the window's shell, the command line's
session, an ImGui context (core/src/host/context_data.hpp), a plugin's instance.

Usage: global_state.py SOURCE_DIR [ALLOWED_FILE]
"""
import pathlib
import re
import sys

SKIP_DIRS = {"tests", "bench"}
# Kinds of declaration that are not mutable variables.
IMMUTABLE = re.compile(r"^(static\s+)?(inline\s+)?(constexpr|const\b|consteval|constinit\s+const)")
NOT_VARIABLE = re.compile(
    r"^(using|typedef|namespace|template|struct|class|enum|union|friend|return|extern\s+\"C\"|"
    r"static_assert|#|//|\}|public:|private:|protected:|case|default:|else|KARTLA_)")
NAME_THEN_INIT = re.compile(r"\b([A-Za-z_]\w*)\s*(=[^=]|\{|;|\[)")


def strip_templates(text):
    """Drops <...> (nested), so the parentheses of std::function<int(int)> do not look like a call."""
    out, depth = [], 0
    for ch in text:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def strip_comments(source):
    source = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), source, flags=re.S)
    source = re.sub(r'R"([^(\s]*)\((.*?)\)\1"', lambda m: '""' + "\n" * m.group(0).count("\n"), source, flags=re.S)
    source = re.sub(r'"(\\.|[^"\\\n])*"', '""', source)  # strings may hold anything
    return re.sub(r"//[^\n]*", "", source)


def variable_name(declaration):
    """The name a declaration defines when it is a variable, else None."""
    d = strip_templates(declaration.strip())
    if not d or IMMUTABLE.match(d) or NOT_VARIABLE.match(d):
        return None
    m = NAME_THEN_INIT.search(d)
    if not m:
        return None
    if "(" in d[: m.start()] or "operator" in d[: m.end()]:
        return None  # a function's declaration or a call
    head = d[: m.start()].split()
    if not head or head[-1] in ("return", "goto", "delete", "new", "throw", "else", "do"):
        return None  # an assignment or statement, not a declaration (no type before the name)
    if d[m.start(1) - 1 : m.start(1)] in (".", ">"):
        return None
    return m.group(1)


def findings(path):
    """(line, name, kind) of each mutable global and function-local static in one file."""
    lines = strip_comments(path.read_text(encoding="utf-8")).split("\n")
    depth_stack = []  # for each open brace: True when it opened a namespace or extern "C" block
    pending_namespace = False
    out = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        in_namespace_scope = all(depth_stack)
        if stripped.startswith("namespace") or stripped.startswith('extern "C"'):
            pending_namespace = True
        if in_namespace_scope and not pending_namespace and line[:1] not in (" ", "\t") and stripped:
            name = variable_name(re.sub(r"^static\s+|^thread_local\s+", "", stripped))
            if name and not stripped.startswith(("static ", "thread_local ")) or (
                name and stripped.startswith(("static ", "thread_local "))
            ):
                if not re.match(r"^[A-Za-z_][\w:<>,\s\*&]*\s[\*&]?\w+\s*\(", strip_templates(stripped)):
                    out.append((number, name, "global"))
        elif not in_namespace_scope and re.match(r"^\s*(static|thread_local)\s", line):
            name = variable_name(re.sub(r"^\s*(static|thread_local)\s+", "", line))
            if name and not IMMUTABLE.match(stripped.replace("static ", "", 1)):
                out.append((number, name, "static"))
        for ch in line:
            if ch == "{":
                depth_stack.append(pending_namespace)
                pending_namespace = False
            elif ch == "}" and depth_stack:
                depth_stack.pop()
        if stripped.endswith(";"):
            pending_namespace = False
    return out


def main():
    root = pathlib.Path(sys.argv[1])
    allowed_file = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(__file__).with_name("allowed_state.txt")
    allowed = {}
    for raw in allowed_file.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        key, _, reason = raw.partition(" ")
        if not reason.strip():
            print(f"allowed_state.txt: {key} gives no reason")
            return 1
        allowed[key] = reason.strip()
    found = []
    for top in ("core", "plugins"):
        for path in sorted((root / top).rglob("*")):
            if path.suffix not in (".cpp", ".hpp") or SKIP_DIRS & set(path.relative_to(root).parts):
                continue
            for number, name, kind in findings(path):
                found.append((f"{path.relative_to(root)}:{name}", number, kind))
    unexplained = [f for f in found if f[0] not in allowed]
    stale = sorted(set(allowed) - {f[0] for f in found})
    for key, number, kind in found:
        mark = "allowed" if key in allowed else "NOT ALLOWED"
        print(f"{mark:12} {kind:7} {key} (line {number})")
    for key in stale:
        print(f"stale entry in allowed_state.txt (nothing found): {key}")
    if unexplained or stale:
        print(f"{len(unexplained)} mutable global(s) or static(s) not in the allowed list; {len(stale)} stale entr(y/ies)")
        return 1
    print(f"{len(found)} allowed, each with its reason in {allowed_file.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
