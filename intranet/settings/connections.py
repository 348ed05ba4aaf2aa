"""PostgreSQL connection options that keep a request from waiting on a database that is gone."""


def postgres_connection_options(environ):
    return {
        # A database host that does not answer fails a request in seconds (the 503 page), not minutes.
        "connect_timeout": int(environ.get("DB_CONNECT_TIMEOUT", "5")),
        # A kept connection to a vanished host (failover, dropped route) is found dead in about a minute,
        # not after the kernel's two hours.
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "tcp_user_timeout": int(environ.get("DB_TCP_USER_TIMEOUT_MS", "30000")),
    }
