"""The apps' import graph, read from the source with `ast` (imports inside functions included).

A model named by a literal string is an edge too, as `<app>.models`: `apps.get_model("teams", "TeamPage")`,
`apps.get_model("teams.TeamPage")` and a relation field to "teams.TeamPage" (ForeignKey, OneToOneField,
ManyToManyField, ParentalKey, ...), so a string cannot hide a dependency the rules would refuse as an import.

Used by the import-rule test (tests/intranet/test_import_rules.py) and by `manage.py app_graph`, which
writes the Mermaid diagram in docs/architecture.md.
"""

from __future__ import annotations

import ast
import functools
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
    model: str = ""  # for a model named by a string: "<app label>.<Model>", e.g. "teams.TeamPage"

    def edge(self) -> tuple[str | None, str | None]:
        return layers.node(self.importer), layers.node(self.imported)

    def problem(self) -> str:
        return layers.problem(self.importer, self.imported, self.model)

    def late_bound(self) -> bool:
        """A model reference intranet.layers.MODEL_REFERENCES allows: drawn dotted, not part of a cycle."""
        return bool(self.model) and (layers.node(self.importer), self.model) in layers.MODEL_REFERENCES


# Relation fields whose first argument (or `to=`) names a model.
RELATION_FIELDS = {
    "ForeignKey",
    "OneToOneField",
    "ManyToManyField",
    "ParentalKey",
    "ParentalManyToManyField",
}


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


@functools.cache
def app_labels() -> dict[str, str]:
    """{app label: package} of our apps (the label is the package's name unless apps.py sets `label`)."""
    labels = {}
    for package in layers.APPS:
        labels[package] = package
        config = ROOT / package / "apps.py"
        if config.exists():
            for node in ast.walk(ast.parse(config.read_text())):
                if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "label" for t in node.targets):
                    if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                        del labels[package]
                        labels[node.value.value] = package
    return labels


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _model_named(call: ast.Call) -> str | None:
    """ "label.Model" when the call names a model by literal strings (get_model or a relation field)."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name == "get_model":
        args = [_literal(arg) for arg in call.args]
        if len(args) == 1 and args[0] and "." in args[0]:
            return args[0]
        if len(args) == 2 and args[0] and args[1]:
            return f"{args[0]}.{args[1]}"
    elif name in RELATION_FIELDS:
        target = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "to"), None)
        label = _literal(target) if target is not None else None
        if label and "." in label:  # "Model" alone is the same app
            return label
    return None


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
        elif isinstance(node, ast.Call) and (model := _model_named(node)):
            app = app_labels().get(model.split(".")[0])
            if app:  # a model of ours (not auth.Group, wagtailcore.Page, ...)
                yield Import(importer, f"{app}.models", relative, node.lineno, model)


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


def import_edges(edges: dict[tuple[str, str], list[Import]]) -> set[tuple[str, str]]:
    """The edges made by at least one import or model reference that is not an allowed late-bound one."""
    return {pair for pair, found in edges.items() if not all(each.late_bound() for each in found)}


def mermaid(edges: dict[tuple[str, str], list[Import]]) -> str:
    """The app graph as a Mermaid flowchart, floors as subgraphs, edges sorted (stable output); an edge
    made only by allowed model references by name (intranet.layers.MODEL_REFERENCES) is dotted."""
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
    solid = import_edges(edges)
    for source, target in sorted(edges):
        if "tooling" in (source, target):
            continue
        arrow = "-->" if (source, target) in solid else "-.->"
        lines.append(f"    {source} {arrow} {target}")
    return "\n".join(lines)
