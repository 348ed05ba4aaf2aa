"""On PostgreSQL the database itself refuses two bookings of one room whose times overlap.

The constraint is not in the model's Meta: SQLite has no exclusion constraints, and keeping it out
of the migration state keeps `makemigrations --check` clean on both databases. Half-open ranges
('[)') let one meeting end at 10:00 and the next begin at 10:00.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

ADD = """
ALTER TABLE rooms_booking ADD CONSTRAINT rooms_booking_no_overlap
EXCLUDE USING gist (room_id WITH =, tstzrange("start", "end", '[)') WITH &&)
"""
DROP = "ALTER TABLE rooms_booking DROP CONSTRAINT IF EXISTS rooms_booking_no_overlap"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("rooms", "0001_initial")]

    operations = [
        BtreeGistExtension(),  # a no-op on other databases
        migrations.RunPython(on_postgresql(ADD), on_postgresql(DROP), elidable=False),
    ]
