"""docs/architecture.md is the map: its app graph is the code's, its exceptions table is intranet.layers'."""

import importlib
import re

from django.apps import apps as django_apps
from django.core.management import call_command

from intranet import app_graph, layers
from intranet.management.commands import app_graph as command


def test_the_app_graph_in_the_doc_is_current():
    text = command.DOC.read_text()
    assert command.rendered(text) == text, "run `.venv/bin/python manage.py app_graph`"
    call_command("app_graph", "--check")


def test_the_diagram_shows_every_app_edge_of_the_code():
    block = command.DOC.read_text().split(command.START, 1)[1].split(command.END, 1)[0]
    for source, target in app_graph.app_edges():
        if "tooling" not in (source, target):
            assert f"{source} --> {target}" in block or f"{source} -.-> {target}" in block


def test_the_doc_lists_exactly_the_allowed_sideways_imports():
    text = command.DOC.read_text()
    table = text.split("<!-- sideways:start -->", 1)[1].split("<!-- sideways:end -->", 1)[0]
    rows = re.findall(r"^\| (\w+) \| (\w+) \| (.+) \|$", table, re.M)
    documented = {(source, target): why for source, target, why in rows if source != "importing app"}
    assert documented == layers.SIDEWAYS


def test_the_doc_lists_exactly_the_allowed_model_references():
    text = command.DOC.read_text()
    table = text.split("<!-- model-references:start -->", 1)[1].split("<!-- model-references:end -->", 1)[0]
    rows = re.findall(r"^\| (\w+) \| ([\w.]+) \| (.+) \|$", table, re.M)
    documented = {(app, model): why for app, model, why in rows if app != "app"}
    assert documented == layers.MODEL_REFERENCES


# Backticked names in the map that name our code: dotted names under one of our packages
# (`teams.selectors.FILTER_GENERATION`, `people.RoleGroupMapping`) and paths (`intranet/layers.py`, `bench/`).
_DOTTED = re.compile(r"^[a-z_]+(?:\.[A-Za-z_]\w*)+(?:\(\))?$")
_PATH = re.compile(r"^[\w.-]+(?:/[\w.-]+)*/?$")


def _backticked(text):
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # the diagram
    return sorted(set(re.findall(r"`([^`\n]+)`", text)))


def _resolves(name):
    parts = name.removesuffix("()").split(".")
    for cut in range(len(parts), 0, -1):
        module_name = ".".join(parts[:cut])
        try:
            found = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if not module_name.startswith(exc.name or "\0"):
                raise
            continue
        rest = parts[cut:]
        if cut == 1 and len(rest) == 1 and not hasattr(found, rest[0]):  # "app_label.Model"
            try:
                return bool(django_apps.get_model(parts[0], rest[0]))
            except LookupError:
                return False
        for attribute in rest:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_every_module_path_and_name_in_the_map_exists():
    """So the map cannot go stale: a moved or renamed module, function or setting fails here."""
    ours = {*layers.APPS, *layers.TOOLING, "tests", "docs", "static", "deploy", "locale", "templates"}
    missing = []
    for span in _backticked(command.DOC.read_text()):
        top = re.split(r"[./]", span, maxsplit=1)[0]
        if top not in ours or ("/" not in span and span.endswith(".py")):  # a file of the app named above
            continue
        if _DOTTED.match(span) and "/" not in span:
            if not _resolves(span):
                missing.append(span)
        elif _PATH.match(span) and "/" in span and not (app_graph.ROOT / span).exists():
            missing.append(span)
    assert not missing, f"docs/architecture.md names what the code no longer has: {missing}"


def test_the_name_check_tells_a_gone_name_from_a_present_one():
    assert _resolves("intranet.layers.SIDEWAYS") and _resolves("intranet.pages.homepage()")
    assert _resolves("people.RoleGroupMapping") and _resolves("intranet.DailyPageView")  # app label + model
    assert not _resolves("search.visibility") and not _resolves("insights.metrics.optional")
    assert not _resolves("intranet.plugins.NoSuchContract") and not _resolves("people.NoSuchModel")
