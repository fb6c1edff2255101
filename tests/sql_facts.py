"""The SQL that statements of the examples send on each backend, where the backends
spell it differently: the pages show one tab per backend (drawn by `python3 dev.py
update` into docs/includes/sql_<name>.md), and a test runs each statement on each
backend and compares what it sent with its tab.

SENT: include name -> (the example module, the name of its statement) and the SQL
each backend received, with a line break before each clause.
"""

from __future__ import annotations

import re

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

from tests.databases import empty_database
from tests.outputs import run_snippet

SENT = {
    "join_along": {
        "statement": ("joins.join_along", "pairs"),
        "sqlite": "SELECT author.name, book.title\nFROM author\nJOIN book ON author.id = book.author_id\nORDER BY book.year",
        "postgresql": "SELECT author.name, book.title\nFROM author\nJOIN book ON author.id = book.author_id\nORDER BY book.year",
        "mariadb": "SELECT author.name, book.title\nFROM author\nINNER JOIN book ON author.id = book.author_id\nORDER BY book.year",
    },
    "joinedload_limit": {
        "statement": ("query_loading.with_limit", "limited"),
        "sqlite": "SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id\nFROM (SELECT author.id AS id, author.name AS name\nFROM author\nORDER BY author.name\nLIMIT ? OFFSET ?) AS anon_1\nLEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id\nORDER BY anon_1.name, book_1.id",
        "postgresql": "SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id\nFROM (SELECT author.id AS id, author.name AS name\nFROM author\nORDER BY author.name\nLIMIT %(param_1)s::INTEGER) AS anon_1\nLEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id\nORDER BY anon_1.name, book_1.id",
        "mariadb": "SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id\nFROM (SELECT author.id AS id, author.name AS name\nFROM author\nORDER BY author.name\nLIMIT %(param_1)s) AS anon_1\nLEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id\nORDER BY anon_1.name, book_1.id",
    },
}
BACKENDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mariadb": "MariaDB"}
CLAUSE = re.compile(
    r"(?<!INNER)(?<!OUTER) (?=FROM |(?:INNER |LEFT OUTER )?JOIN |WHERE |ORDER BY |LIMIT )"
)


def clauses(sql: str) -> str:
    """`sql` on one line per clause, as the tabs show it."""
    return CLAUSE.sub("\n", " ".join(sql.split()))


def sent(name: str, url: str) -> str:
    """The SQL the statement of include `name` sends on the database at `url`: its
    example runs there, then the statement runs once more, its SQL recorded."""
    module, variable = SENT[name]["statement"]
    if not url.startswith("sqlite"):
        empty_database(url)  # another chapter's tables may hold keys to its tables
    statement = run_snippet(module, url).namespace[variable]
    engine = create_engine(url)
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(connection, cursor, sql, parameters, context, executemany):
        if context.invoked_statement is statement:  # not a load it led to
            seen.append(sql)

    try:
        with Session(engine) as session:
            session.execute(statement).unique().all()
    finally:
        engine.dispose()
    (sql,) = seen
    return clauses(sql)


def tabs(name: str) -> str:
    """The include: one content tab per backend, each with the SQL it received."""
    lines = []
    for backend, title in BACKENDS.items():
        sql = SENT[name][backend].replace("\n", "\n    ")
        lines += [f'=== "{title}"', "", "    ```sql", f"    {sql}", "    ```", ""]
    return "\n".join(lines)
