"""The layering as a test: no cycle between apps, no import the rules in intranet.layers do not allow.

The graph is read from the source (every module of every app, imports inside functions included);
docs/architecture.md explains the floors, intranet.layers lists what is allowed.
"""

from pathlib import Path

from intranet import app_graph, layers


def test_there_is_no_cycle_between_apps():
    cycles = app_graph.cycles(app_graph.app_edges())
    assert not cycles, "app cycles: " + "; ".join(" → ".join(cycle) for cycle in cycles)


def test_every_import_between_apps_is_allowed():
    wrong = [
        f"{found.path}:{found.line} imports {found.imported}: {why}"
        for found in app_graph.all_imports()
        if (why := layers.problem(found.importer, found.imported))
    ]
    assert not wrong, "\n".join(wrong)


def test_every_allowed_sideways_edge_is_still_used():
    """An exception nobody needs any more is taken out of the list, so the list stays the truth."""
    edges = app_graph.app_edges()
    unused = [pair for pair in layers.SIDEWAYS if pair not in edges]
    assert not unused, f"allowed but unused (remove from intranet.layers.SIDEWAYS): {unused}"


def test_every_app_is_in_a_floor():
    apps = {path.parent.name for path in Path(app_graph.ROOT).glob("*/apps.py")}
    assert apps <= set(layers.APPS), f"apps without a floor in intranet.layers: {apps - set(layers.APPS)}"


def _problems(app, source):
    path = app_graph.ROOT / app / "example.py"
    return [layers.problem(found.importer, found.imported) for found in app_graph.imports_of(path, source)]


def test_the_rules_catch_a_sideways_import_into_internals_also_inside_a_function():
    assert _problems("teams", "def f():\n    from prikbord.models import Post\n") == [
        "only prikbord's public face may be imported (prikbord.stats, prikbord.selectors, prikbord.services)"
    ]
    assert _problems("teams", "from prikbord import selectors\n") == [""]
    assert _problems("rooms", "from news import stats\n")[0].startswith("rooms → news is not an allowed")
    assert _problems("people", "from home import blocks\n") == ["the ground floor imports no feature app"]
    assert _problems("people", "from social import models\n") == [
        "people (the ground floor's base) imports only the frame"
    ]
    assert _problems("intranet", "import teams.models\n")[0].startswith("the frame imports no app")
    assert _problems("teams", "from bench.stats import median\n") == ["tooling is imported by no app"]
    assert _problems("teams", "from intranet.plugins import HomeBlock\nfrom people.models import Person\n") == ["", ""]


def test_the_cycle_finder_finds_a_cycle():
    assert app_graph.cycles({("people", "search"), ("search", "people"), ("home", "people")}) == [
        ["people", "search", "people"]
    ]
