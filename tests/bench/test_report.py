from bench.measure import PageResult
from bench.pages import Skipped, Target
from bench.report import END, START, render_section, replace_section, table_rows, write_report


def result(path, samples, reference=False, queries=7, note="", app="home"):
    return PageResult(
        Target(app, path.strip("/") or "Start", path, reference), list(samples), queries=queries, note=note
    )


def test_rows_show_median_p95_ratio_and_queries():
    rows = table_rows(
        [
            result("/hulp/", [10.0, 12.0, 11.0], reference=True, queries=5),
            result("/", [30.0, 33.0, 36.0], queries=12),
        ],
        [],
    )
    assert rows[0] == "| home | **hulp** (reference) | `/hulp/` | 11.0 | 11.9 | 1.00× | 5 | 3 |  |"
    assert rows[1] == "| home | Start | `/` | 33.0 | 35.7 | 3.00× | 12 | 3 |  |"


def test_skipped_pages_and_apps_get_a_note_row():
    rows = table_rows(
        [result("/hulp/", [10.0], reference=True), result("/zalen/", [], note="HTTP 404", app="rooms")],
        [Skipped("news", "", "", "bench_pages() raised LookupError: nothing | here")],
    )
    assert rows[1] == "| rooms | zalen | `/zalen/` | — | — | — | — | 0 | skipped: HTTP 404 |"
    # a pipe in a note must not break the table
    assert (
        rows[2] == "| news | — | — | — | — | — | — | 0 | skipped: bench_pages() raised LookupError: nothing \\| here |"
    )


def test_without_a_measured_reference_there_is_no_ratio():
    rows = table_rows([result("/hulp/", [], reference=True, note="HTTP 500"), result("/", [20.0])], [])
    assert "| 20.0 | 20.0 | — | 7 | 1 |" in rows[1]


def test_replace_section_keeps_the_text_around_the_markers():
    old = f"# Performance\n\nMethod first.\n\n{START}\nold table\n{END}\n\n## After\nkept\n"
    section = f"{START}\nnew table\n{END}"
    new = replace_section(old, section)
    assert new == f"# Performance\n\nMethod first.\n\n{START}\nnew table\n{END}\n\n## After\nkept\n"
    assert replace_section(new, section) == new  # idempotent


def test_replace_section_appends_when_there_are_no_markers():
    assert replace_section("# Performance\n", "S") == "# Performance\n\nS\n"


def test_write_report_creates_or_updates_the_file(tmp_path):
    path = tmp_path / "docs" / "performance.md"
    facts = [("Date", "2026-11-22 14:00 UTC"), ("Database", "SQLite 3.40")]
    write_report(path, render_section(facts, [result("/hulp/", [10.0], reference=True)], []), "# Perf\n")
    text = path.read_text()
    assert text.startswith("# Perf\n")
    assert "- **Database**: SQLite 3.40" in text
    assert "| home | **hulp** (reference) | `/hulp/` | 10.0 | 10.0 | 1.00× | 7 | 1 |  |" in text
    path.write_text(text.replace("# Perf\n", "# Perf\n\nMethod text by hand.\n"))
    write_report(path, render_section(facts, [result("/hulp/", [20.0], reference=True)], []), "# Perf\n")
    text = path.read_text()
    assert "Method text by hand." in text
    assert "| 20.0 | 20.0 |" in text and "| 10.0 | 10.0 |" not in text
    assert text.count(START) == 1 and text.count(END) == 1
