"""The databases of the checks: GUIDE_TEST_URLS, and nothing else.

GUIDE_TEST_URLS holds comma-separated SQLAlchemy URLs: SQLite (`sqlite://`, which
the tests turn into a file of their own) and the servers. Everything the checks
run against a server reads it from here: the behaviour tests, the examples, the
notebooks and the benchmarks. The default is SQLite and the PostgreSQL and MariaDB
servers of the development machines. Every server URL gets short connect and lock
timeouts, unless it sets its own, so that a missing server or a stuck lock fails
in seconds.
"""

from __future__ import annotations

import os

from sqlalchemy import make_url

SETTING = "GUIDE_TEST_URLS"
DEFAULT = (
    "sqlite://,"
    "postgresql+psycopg://root@127.0.0.1:5432/test,"
    "mysql+pymysql://root@127.0.0.1:3306/test"
)
TIMEOUTS = {
    "postgresql": {"connect_timeout": "3", "options": "-c lock_timeout=10s"},
    "mariadb": {
        "connect_timeout": "3",
        "init_command": "SET SESSION lock_wait_timeout=10",
    },
}


def backend_name(url: str) -> str:
    name = make_url(url).get_backend_name()
    return "mariadb" if name == "mysql" else name


def with_timeouts(url: str) -> str:
    """`url` with the connect and lock timeouts it does not set itself."""
    parsed = make_url(url)
    missing = {
        key: value
        for key, value in TIMEOUTS.get(backend_name(url), {}).items()
        if key not in parsed.query
    }
    return parsed.update_query_dict(missing).render_as_string(hide_password=False)


URLS = [
    with_timeouts(url.strip())
    for url in os.environ.get(SETTING, DEFAULT).split(",")
    if url.strip()
]
SERVER_URLS = [url for url in URLS if backend_name(url) != "sqlite"]


def first_server(backend: str) -> str | None:
    """The URL of the first configured server of `backend` (postgresql, mariadb)."""
    return next((url for url in SERVER_URLS if backend_name(url) == backend), None)
