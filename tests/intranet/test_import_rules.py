"""The layering as a test: no cycle between apps, no import the rules in intranet.layers do not allow.

The graph is read from the source (every module of every app, imports inside functions included);
docs/architecture.md explains the floors, intranet.layers lists what is allowed.
"""

from pathlib import Path

from intranet import app_graph, layers


def test_there_is_no_cycle_between_apps():
    cycles = app_graph.cycles(app_graph.import_edges(app_graph.app_edges()))
    assert not cycles, "app cycles: " + "; ".join(" → ".join(cycle) for cycle in cycles)


def test_every_import_between_apps_is_allowed():
    wrong = [
        f"{found.path}:{found.line} {f'names the model {found.model}' if found.model else 'imports'} "
        f"{found.imported}: {why}"
        for found in app_graph.all_imports()
        if (why := found.problem())
    ]
    assert not wrong, "\n".join(wrong)


def test_every_allowed_sideways_edge_is_still_used():
    """An exception nobody needs any more is taken out of the list, so the list stays the truth."""
    edges = app_graph.app_edges()
    unused = [pair for pair in layers.SIDEWAYS if pair not in edges]
    assert not unused, f"allowed but unused (remove from intranet.layers.SIDEWAYS): {unused}"


def test_every_allowed_model_reference_is_still_used():
    used = {(layers.node(found.importer), found.model) for found in app_graph.all_imports() if found.model}
    unused = [pair for pair in layers.MODEL_REFERENCES if pair not in used]
    assert not unused, f"allowed but unused (remove from intranet.layers.MODEL_REFERENCES): {unused}"


def test_every_app_is_in_a_floor():
    apps = {path.parent.name for path in Path(app_graph.ROOT).glob("*/apps.py")}
    assert apps <= set(layers.APPS), f"apps without a floor in intranet.layers: {apps - set(layers.APPS)}"


def _problems(app, source, name="example.py"):
    path = app_graph.ROOT / app / name
    return [found.problem() for found in app_graph.imports_of(path, source)]


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
    assert _problems("teams", "import loadtest.plan\n") == ["tooling is imported by no app"]
    assert _problems("rooms", "def f():\n    from loadtest import services\n") == ["tooling is imported by no app"]
    assert _problems("teams", "from intranet.plugins import HomeBlock\nfrom people.models import Person\n") == ["", ""]


def test_the_cycle_finder_finds_a_cycle():
    assert app_graph.cycles({("people", "search"), ("search", "people"), ("home", "people")}) == [
        ["people", "search", "people"]
    ]


PRIKBORD_INTERNALS = (
    "only prikbord's public face may be imported (prikbord.stats, prikbord.selectors, prikbord.services)"
)


def test_a_model_named_by_get_model_is_an_edge():
    for call in ('apps.get_model("prikbord", "Post")', 'apps.get_model("prikbord.Post")', 'get_model("prikbord.Post")'):
        source = f"from django.apps import apps\n\ndef f():\n    return {call}\n"
        assert _problems("teams", source) == ["", PRIKBORD_INTERNALS], call
    found = list(app_graph.imports_of(app_graph.ROOT / "teams" / "example.py", 'apps.get_model("prikbord", "Post")\n'))
    assert [(each.imported, each.model, each.line) for each in found] == [("prikbord.models", "prikbord.Post", 1)]
    assert _problems("intranet", 'apps.get_model("teams", "TeamPage")\n')[0].startswith("the frame imports no app")
    # Names that are not literals, and models that are not ours, make no edge.
    assert _problems("teams", "apps.get_model(label)\napps.get_model('auth', 'Group')\n") == []


def test_a_relation_field_naming_another_apps_model_is_an_edge():
    source = (
        "from django.db import models\nfrom modelcluster.fields import ParentalKey\n\n"
        "class Thing(models.Model):\n"
        '    post = models.ForeignKey("prikbord.Post", on_delete=models.CASCADE)\n'
        '    other = models.OneToOneField(to="prikbord.Post", on_delete=models.CASCADE)\n'
        '    many = models.ManyToManyField("prikbord.Post")\n'
        '    parent = ParentalKey("prikbord.Post", on_delete=models.CASCADE)\n'
        '    own = models.ForeignKey("Thing", on_delete=models.CASCADE)\n'
        '    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE)\n'
    )
    assert _problems("teams", source, "models.py") == ["", "", *[PRIKBORD_INTERNALS] * 4]
    # The app label is what a string names: agenda's is "events".
    assert _problems("rooms", 'models.ForeignKey("events.EventPage", on_delete=models.CASCADE)\n') == [
        "rooms → agenda is not an allowed sideways import (intranet.layers.SIDEWAYS)"
    ]


def test_an_allowed_model_reference_passes_and_stays_out_of_cycles():
    source = 'apps.get_model("teams", "TeamPage")\n'
    assert _problems("agenda", source) == [""]
    assert _problems("rooms", source)[0].startswith("rooms → teams is not an allowed")
    found = app_graph.imports_of(app_graph.ROOT / "intranet" / "pages.py", 'apps.get_model("home", "HomePage")\n')
    edges = app_graph.app_edges(list(found))
    assert edges and app_graph.import_edges(edges) == set()


def test_insights_reads_the_ground_floor_only_through_its_public_face():
    assert _problems("insights", "from people.models import Person\n") == [
        "insights reads people only through its public face (people.stats, people.selectors, people.services)"
    ]
    assert _problems("insights", 'apps.get_model("social", "Like")\n')[0].startswith("insights reads social only")
    assert _problems("insights", "from people import stats\nfrom social.stats import likes\n") == ["", ""]
    assert _problems("news", "from people.models import Person\n") == [""]  # feature apps relate to people
