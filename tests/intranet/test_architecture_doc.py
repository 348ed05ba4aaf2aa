"""docs/architecture.md is the map: its app graph is the code's, its exceptions table is intranet.layers'."""

import re

from django.core.management import call_command

from intranet import layers
from intranet.management.commands import app_graph as command


def test_the_app_graph_in_the_doc_is_current():
    text = command.DOC.read_text()
    assert command.rendered(text) == text, "run `.venv/bin/python manage.py app_graph`"
    call_command("app_graph", "--check")


def test_the_diagram_shows_every_app_edge_of_the_code():
    from intranet import app_graph

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
