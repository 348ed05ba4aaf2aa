"""The apps' import graph, read from the source with `ast` (imports inside functions included).

Used by the import-rule test (tests/intranet/test_import_rules.py) and by `manage.py app_graph`, which
writes the Mermaid diagram in docs/architecture.md.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from intranet import layers

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Import:
    importer: str  # module, e.g. "teams.forms"
    imported: str  # module, e.g. "prikbord.selectors"
    path: str  # file, relative to the project
    line: int

    def edge(self) -> tuple[str | None, str | None]:
        return layers.node(self.importer), layers.node(self.imported)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(packages: Iterable[str] = (*layers.APPS, *layers.TOOLING)) -> Iterator[Path]:
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports_of(path: Path, source: str | None = None) -> Iterator[Import]:
    """Every import in the file, at any depth; `from a import b` names a.b when b is a module."""
    importer = _module_name(path)
    tree = ast.parse(source if source is not None else path.read_text(), filename=str(path))
    relative = path.relative_to(ROOT).as_posix()
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(importer, alias.name, relative, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                yield Import(importer, candidate if _is_module(candidate) else module, relative, node.lineno)


def all_imports() -> list[Import]:
    return [found for path in source_files() for found in imports_of(path)]


def app_edges(imports: list[Import] | None = None) -> dict[tuple[str, str], list[Import]]:
    """(importing app, imported app) → the imports that make the edge; within an app not counted."""
    edges: dict[tuple[str, str], list[Import]] = {}
    for found in all_imports() if imports is None else imports:
        source, target = found.edge()
        if source and target and source != target:
            edges.setdefault((source, target), []).append(found)
    return edges


def cycles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The app cycles (as paths a → … → a) of a set of (app, app) edges."""
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        for following in sorted(graph.get(node, ())):
            if following in path:
                cycle = path[path.index(following) :] + [following]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            else:
                visit(following, path + [following])

    for start in sorted(graph):
        visit(start, [start])
    return found


def mermaid(edges: Iterable[tuple[str, str]]) -> str:
    """The app graph as a Mermaid flowchart, floors as subgraphs, edges sorted (stable output)."""
    lines = ["flowchart TD"]
    floors = [
        ("wiring", "Wiring", ["wiring"]),
        ("adapters", "Adapters to the outside", list(layers.ADAPTERS)),
        ("top", "Insights and privacy", list(layers.TOP_APPS)),
        ("features", "Feature apps and home", list(layers.FEATURE_APPS)),
        ("ground", "Ground floor", list(layers.GROUND_FLOOR)),
        ("frame", "Frame", [layers.FRAME]),
    ]
    for key, title, nodes in floors:
        lines.append(f'    subgraph floor_{key}["{title}"]')
        lines.extend(f"        {name}" for name in nodes)
        lines.append("    end")
    for source, target in sorted(edges):
        if "tooling" in (source, target):
            continue
        lines.append(f"    {source} --> {target}")
    return "\n".join(lines)
