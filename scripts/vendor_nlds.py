"""Vendor the NL Design System components Plein uses, and nothing more (issue 15).

    npm pack @utrecht/component-library-css@9.0.4   # EUPL-1.2, prebuilt CSS; no JS build step
    tar xzf utrecht-component-library-css-9.0.4.tgz
    python scripts/vendor_nlds.py package/dist/index.css > static/vendor/nlds/utrecht-components.css

Keeps every rule (also inside @media) whose selectors all belong to one of COMPONENTS; the licence
travels as static/vendor/nlds/LICENSE.md. Plein's theme (the --utrecht-* tokens, set from the
organisation's colour) is static/css/plein-theme.css.
"""

import re
import sys

COMPONENTS = ("utrecht-nav-bar", "utrecht-nav-list", "utrecht-button", "utrecht-skip-link")
# A selector belongs to a component when it starts with the component's class (or a modifier/element of it).
PATTERN = re.compile(r"^\.(" + "|".join(re.escape(c) for c in COMPONENTS) + r")(?:--|__|[^a-z-]|$)")


def _blocks(css):
    """Top-level (prelude, body) pairs, with comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    i, depth, start, prelude_start = 0, 0, 0, 0
    while i < len(css):
        char = css[i]
        if char == "{":
            if depth == 0:
                prelude, start = css[prelude_start:i].strip(), i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield prelude, css[start:i]
                prelude_start = i + 1
        elif char == ";" and depth == 0:
            prelude_start = i + 1  # @charset and the like
        i += 1


def _wanted(selector_list):
    selectors = [s.strip() for s in selector_list.split(",") if s.strip()]
    return bool(selectors) and all(PATTERN.search(s) for s in selectors)


def extract(css):
    out = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = extract(body)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif not prelude.startswith("@") and _wanted(prelude):
            compact = " ".join(body.split())
            out.append(f"{' '.join(prelude.split())}{{{compact}}}")
    return "\n".join(out)


if __name__ == "__main__":
    source = open(sys.argv[1], encoding="utf-8").read()
    print("/* @license EUPL-1.2 — Copyright (c) 2020-2025 Gemeente Utrecht, Frameless B.V.")
    print(" * From @utrecht/component-library-css 9.0.4 (npm), only: " + ", ".join(COMPONENTS))
    print(" * Extracted by scripts/vendor_nlds.py; licence in LICENSE.md next to this file. */")
    print(extract(source))
