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
from sqlalchemy.exc import ArgumentError

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


KNOWN = ("sqlite", "postgresql", "mariadb")


def configured(setting: str) -> tuple[list[str], str | None]:
    """The URLs of `setting` (GUIDE_TEST_URLS's value), each with its timeouts, or no
    URL and one line saying what is wrong with the setting and what to write."""
    urls = []
    for url in (url.strip() for url in setting.split(",") if url.strip()):
        try:
            if backend_name(url) not in KNOWN:
                raise ValueError("a database the checks do not know")
            urls.append(with_timeouts(url))
        except (ValueError, ArgumentError) as error:  # a name, a port, a typo
            return [], (
                f"{SETTING}: {url}: {error}; write comma-separated URLs of "
                f"{', '.join(KNOWN)}, such as sqlite://,"
                "postgresql+psycopg://user@host/db,mysql+pymysql://user@host/db"
            )
    return urls, None


URLS, URLS_PROBLEM = configured(os.environ.get(SETTING, DEFAULT))
SERVER_URLS = [url for url in URLS if backend_name(url) != "sqlite"]


def first_server(backend: str) -> str | None:
    """The URL of the first configured server of `backend` (postgresql, mariadb)."""
    return next((url for url in SERVER_URLS if backend_name(url) == backend), None)


def empty_database(url: str) -> None:
    """Drop every table of the server database at `url`, whatever links them (a
    table of another chapter may hold a foreign key to one of these), and on
    PostgreSQL every enum type."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        tables = inspect(engine).get_table_names()
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                if tables:
                    names = ", ".join(f'"{name}"' for name in tables)
                    connection.execute(text(f"DROP TABLE IF EXISTS {names} CASCADE"))
                types = connection.scalars(
                    text(
                        "SELECT t.typname FROM pg_type t JOIN pg_namespace n "
                        "ON n.oid = t.typnamespace "
                        "WHERE t.typtype = 'e' AND n.nspname = current_schema()"
                    )
                ).all()
                for name in types:
                    connection.execute(text(f'DROP TYPE IF EXISTS "{name}" CASCADE'))
            else:
                connection.execute(text("SET FOREIGN_KEY_CHECKS = 0"))
                for name in tables:
                    connection.execute(text(f"DROP TABLE IF EXISTS `{name}`"))
                connection.execute(text("SET FOREIGN_KEY_CHECKS = 1"))
    finally:
        engine.dispose()


def fill(engine, metadata, *rows: object):
    """`engine`, with the tables of `metadata` made anew and holding `rows` (mapped
    objects), stored and committed."""
    from sqlalchemy.orm import Session

    metadata.drop_all(engine)
    metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(rows)
        session.commit()
    return engine
