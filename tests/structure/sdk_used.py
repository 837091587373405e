#!/usr/bin/env python3
"""The SDK (core/include/kartla) holds what plugins use, nothing the host alone needs.

Two checks, each failing on what sdk_used_allowed.txt does not name with its reason:
 1. every header of the SDK is included by some plugin's sources;
 2. every symbol the SDK exports (a declaration marked KARTLA_API: a function, or
    a class's members) is among the symbols some built plugin takes from the core
    (`nm -D --undefined-only`, demangled).
A declaration only the host uses belongs in core/src, beside its code.

Usage: sdk_used.py SOURCE_DIR PLUGIN_DIR [ALLOWED_FILE]
"""
import pathlib
import re
import subprocess
import sys

NAMESPACE = re.compile(r"^\s*namespace\s+([\w:]+)\s*\{")
API_CLASS = re.compile(r"^\s*(?:class|struct)\s+KARTLA_API\s+(\w+)")
API_FUNCTION = re.compile(r"^\s*KARTLA_API\s+[^;(]*?\b(~?\w+)\s*\(")


def declarations(header):
    """(qualified name, is_class) of every KARTLA_API declaration, by the namespace it is in."""
    namespaces, depth, out = [], 0, []  # namespaces: (name, brace depth inside it)
    for line in header.read_text().splitlines():
        code = line.split("//", 1)[0]
        namespace = "::".join(name for name, _ in namespaces)
        if m := NAMESPACE.match(code):
            namespaces.append((m.group(1), depth + 1))
        elif m := API_CLASS.match(code):
            out.append((f"{namespace}::{m.group(1)}", True))
        elif m := API_FUNCTION.match(code):
            out.append((f"{namespace}::{m.group(1)}", False))
        depth += code.count("{") - code.count("}")
        while namespaces and depth < namespaces[-1][1]:
            namespaces.pop()
    return out


INCLUDE = re.compile(r'#include "(kartla/[\w.]+)"')


def sdk_headers_included(source):
    """The SDK headers the plugins' sources include, directly or through another SDK header."""
    sdk = source / "core/include"
    todo = [name for p in (source / "plugins").rglob("*") if p.suffix in {".cpp", ".hpp"}
            for name in INCLUDE.findall(p.read_text())]
    seen = set()
    while todo:
        name = todo.pop()
        if name in seen or not (sdk / name).exists():
            continue
        seen.add(name)
        todo += INCLUDE.findall((sdk / name).read_text())
    return seen


def plugin_imports(plugin_dir):
    names = set()
    for plugin in sorted(plugin_dir.glob("*.kplug")):
        listing = subprocess.run(["nm", "-DC", "--undefined-only", str(plugin)], check=True,
                                 capture_output=True, text=True).stdout
        for line in listing.splitlines():
            # A function returning std::string is demangled as name[abi:cxx11](...).
            names.add(line.split(" U ", 1)[-1].strip().replace("[abi:cxx11]", ""))
    return names


def used(name, is_class, imports):
    if is_class:
        return any(f"{name}::" in symbol for symbol in imports)
    return any(symbol.startswith(name + "(") or symbol.startswith(name + "<") for symbol in imports)


def main():
    source, plugin_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    allowed_file = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else pathlib.Path(__file__).with_name("sdk_used_allowed.txt")
    allowed = {line.split("#", 1)[0].strip() for line in allowed_file.read_text().splitlines()} - {""}
    imports = plugin_imports(plugin_dir)
    if len(imports) < 50:
        sys.exit(f"only {len(imports)} imported symbols in {plugin_dir}: are the plugins built?")
    included = sdk_headers_included(source)
    unused = []
    for header in sorted((source / "core/include/kartla").glob("*.hpp")):
        key = f"kartla/{header.name}"
        if key not in included and key not in allowed:
            unused.append(f"{key}: no plugin includes it")
        for name, is_class in declarations(header):
            if not used(name, is_class, imports) and name not in allowed:
                unused.append(f"{key}: {name} is used by no plugin")
    stale = sorted(a for a in allowed if a not in {u.split(":")[0] for u in unused} and "::" not in a and not (source / "core/include" / a).exists())
    for line in unused:
        print(line)
    for name in stale:
        print(f"sdk_used_allowed.txt names {name}, which is no longer in the SDK")
    print(f"{len(unused)} unused declarations, {len(imports)} symbols imported by the plugins")
    sys.exit(1 if unused or stale else 0)


if __name__ == "__main__":
    main()
