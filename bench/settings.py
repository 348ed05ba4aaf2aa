"""Production settings for the benchmark, with static files collected under bench-results/.

Everything else comes from the environment the harness sets (a throwaway SECRET_KEY, the bench
database, SECURE_SSL_REDIRECT off because the loopback traffic is plain HTTP).
"""

from intranet.settings.production import *  # noqa: F401,F403
from intranet.settings.production import BASE_DIR

STATIC_ROOT = BASE_DIR / "bench-results" / "static"
