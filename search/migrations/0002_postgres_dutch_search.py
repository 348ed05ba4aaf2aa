"""PostgreSQL only: accent folding and typo tolerance for search.

- unaccent + an immutable f_unaccent() wrapper (indexable), used by Wagtail's Fuzzy(unaccent=True);
- pg_trgm with trigram indexes on the search index's text and on people's sort_name;
- the text search configuration "plein_dutch": Dutch stemming after folding accents, so "cafe" finds
  "café" (settings switch SEARCH_CONFIG to it on PostgreSQL).
SQLite skips all of it (Django's extension operations check the vendor themselves).
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

FORWARD_SQL = [
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $func$ SELECT public.unaccent('public.unaccent', $1) $func$;
    """,
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'plein_dutch') THEN
            CREATE TEXT SEARCH CONFIGURATION plein_dutch (COPY = pg_catalog.dutch);
            ALTER TEXT SEARCH CONFIGURATION plein_dutch
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
        END IF;
    END $$;
    """,
    "CREATE INDEX IF NOT EXISTS search_title_text_trgm ON wagtailsearch_indexentry "
    "USING gin (f_unaccent(title_text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_body_text_trgm ON wagtailsearch_indexentry "
    "USING gin (f_unaccent(body_text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_person_sort_name_trgm ON people_person USING gin (sort_name gin_trgm_ops)",
]

BACKWARD_SQL = [
    "DROP INDEX IF EXISTS search_person_sort_name_trgm",
    "DROP INDEX IF EXISTS search_body_text_trgm",
    "DROP INDEX IF EXISTS search_title_text_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS plein_dutch",
    "DROP FUNCTION IF EXISTS f_unaccent(text)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("people", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(_run(FORWARD_SQL), _run(BACKWARD_SQL)),
    ]
