"""Discovery of each app's bench_pages(), with fake app modules so no real app's state matters."""

import types

import pytest

from bench.pages import Target, discover, is_local_path


def fake_importer(modules):
    """import_module stand-in: known names return their module, unknown ones are 'not found'."""

    def import_module(name):
        value = modules.get(name)
        if value is None:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        if isinstance(value, Exception):
            raise value
        return value

    return import_module


def module(**attrs):
    return types.SimpleNamespace(**attrs)


def reference_module(path="/hulp/"):
    return module(
        minimal_page=lambda: ("Hulp", path),
        bench_pages=lambda: [("Startpagina", "/"), ("Hulp", path)],
    )


def test_discovers_every_apps_pages_in_app_order_with_reference_first():
    modules = {
        "home.bench": reference_module(),
        "people.bench": module(bench_pages=lambda: [("Smoelenboek", "/mensen/"), ("Profiel", "/mensen/jan-1/")]),
        "rooms.bench": module(bench_pages=lambda: [("Zalen", "/zalen/")]),
    }
    targets, skipped = discover(["people", "home", "news", "rooms"], fake_importer(modules))
    assert skipped == []
    assert [(t.app, t.path) for t in targets] == [
        ("home", "/hulp/"),
        ("people", "/mensen/"),
        ("people", "/mensen/jan-1/"),
        ("home", "/"),
        ("rooms", "/zalen/"),
    ]
    assert targets[0].reference and not any(t.reference for t in targets[1:])


def test_app_whose_bench_pages_raises_is_skipped_with_a_note():
    def broken():
        raise LookupError("no rooms seeded yet")

    modules = {"home.bench": reference_module(), "rooms.bench": module(bench_pages=broken)}
    targets, skipped = discover(["home", "rooms"], fake_importer(modules))
    assert [t.path for t in targets] == ["/hulp/", "/"]
    assert len(skipped) == 1
    assert skipped[0].app == "rooms"
    assert "bench_pages() raised LookupError: no rooms seeded yet" in skipped[0].note


def test_bench_module_that_fails_to_import_is_noted_not_fatal():
    modules = {
        "home.bench": reference_module(),
        "news.bench": ModuleNotFoundError("No module named 'news.models_v2'", name="news.models_v2"),
        "teams.bench": SyntaxError("invalid syntax"),
    }
    targets, skipped = discover(["home", "news", "teams"], fake_importer(modules))
    assert [t.path for t in targets] == ["/hulp/", "/"]
    assert [(s.app, s.note.split(" (")[0]) for s in skipped] == [
        ("news", "bench module failed to import"),
        ("teams", "bench module failed to import"),
    ]


def test_paths_that_leave_the_server_are_refused():
    modules = {
        "home.bench": reference_module(),
        "social.bench": module(
            bench_pages=lambda: [
                ("Extern", "https://example.org/"),
                ("Protocol-relative", "//example.org/x"),
                ("Relative", "sociaal/"),
                ("Not a pair",),
                ("Good", "/sociaal/"),
            ]
        ),
    }
    targets, skipped = discover(["home", "social"], fake_importer(modules))
    assert [t.path for t in targets if t.app == "social"] == ["/sociaal/"]
    assert sorted(s.note for s in skipped) == ["not a (label, path) pair"] + ["not a local path"] * 3


def test_missing_reference_is_reported_and_other_pages_still_measured():
    def no_page():
        raise LookupError("No live ContentPage 'hulp'")

    modules = {
        "home.bench": module(minimal_page=no_page, bench_pages=lambda: [("Startpagina", "/")]),
    }
    targets, skipped = discover(["home"], fake_importer(modules))
    assert targets == [Target("home", "Startpagina", "/")]
    assert "no reference page" in skipped[0].note


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("/", True),
        ("/mensen/?q=jan", True),
        ("http://127.0.0.1/", False),
        ("//evil.example/", False),
        ("/a b/", False),
        ("/\\evil", False),
        ("", False),
        (None, False),
    ],
)
def test_is_local_path(path, ok):
    assert is_local_path(path) is ok


def test_a_page_may_name_the_demo_account_that_opens_it():
    modules = {
        "home.bench": reference_module(),
        "insights.bench": module(
            bench_pages=lambda: [("Dashboard", "/admin/inzichten/", "beheerder"), ("Fout", "/x/", "a", "b")]
        ),
    }
    targets, skipped = discover(["home", "insights"], fake_importer(modules))
    assert [(t.path, t.user) for t in targets] == [("/hulp/", ""), ("/", ""), ("/admin/inzichten/", "beheerder")]
    assert [s.note for s in skipped] == ["not a (label, path) pair"]
