"""The demo data builder behind `manage.py seed_demo`.

Each app may provide a module `<app>.seed` with a function `seed(context)`; they run in
INSTALLED_APPS order after the frame has made the organisation and its people. Every seeder must be
deterministic (use context.random) and safe to run twice.
"""

import random as _random
import sys
from dataclasses import dataclass, field

from intranet.plugins import app_modules


@dataclass
class SeedContext:
    size: int
    stdout: object
    random: _random.Random = field(default_factory=lambda: _random.Random(20261122))
    data: dict = field(default_factory=dict)

    def log(self, message):
        self.stdout.write(message + "\n")

    def progress(self, label, done, total):
        """A progress bar on a terminal; a line per tenth otherwise (cron, CI logs)."""
        total = max(total, 1)
        width = 30
        filled = int(width * done / total)
        if getattr(self.stdout, "isatty", lambda: False)() or getattr(sys.stdout, "isatty", lambda: False)():
            end = "\n" if done >= total else ""
            self.stdout.write(f"\r{label:<22} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
            self.stdout.flush()
        elif done >= total or (done * 10 // total) != ((done - 1) * 10 // total):
            self.stdout.write(f"{label:<22} {done * 100 // total:3d}% ({done}/{total})\n")


def app_seeders():
    for name, module in app_modules("seed"):
        if hasattr(module, "seed"):
            yield name, module.seed
