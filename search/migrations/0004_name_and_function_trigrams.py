"""PostgreSQL only: trigram indexes for how people search now matches.

Each typed word is compared with the full name as written (`people_person.search_name`, "jan van den
berg") by `LIKE 'word%' OR LIKE '% word%'`, and on the results page with the function
(`UPPER(job_title) LIKE '%WORD%'`, Django's icontains). Both are answered from these GIN indexes, so
the people query is a bitmap OR/AND of index scans instead of a scan of 50,000 rows. SQLite skips it.
"""

from importlib import import_module

from django.db import migrations

# The PostgreSQL-only runner of the first Dutch-search migration (SQLite skips the statements).
_run = import_module("search.migrations.0002_postgres_dutch_search")._run

FORWARD_SQL = [
    "CREATE INDEX IF NOT EXISTS search_person_search_name_trgm ON people_person "
    "USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_person_job_title_trgm ON people_person "
    "USING gin ((UPPER(job_title::text)) gin_trgm_ops)",
]

BACKWARD_SQL = [
    "DROP INDEX IF EXISTS search_person_job_title_trgm",
    "DROP INDEX IF EXISTS search_person_search_name_trgm",
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_editor_permissions"),
        ("people", "0007_person_search_name"),
    ]

    operations = [migrations.RunPython(_run(FORWARD_SQL), _run(BACKWARD_SQL))]
