"""Where SQLite, PostgreSQL and MariaDB differ in what the chapter "Flush and commit" shows.

FACTS is the table on the page (drawn by `python3 dev.py update`); the tests measure
every cell on its own backend with the function MEASURES names for that row.
"""

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    Table,
    event,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Session

from snippets.states.model import User

FACTS = {
    "Default isolation level": {
        "sqlite": "SERIALIZABLE",
        "postgresql": "READ COMMITTED",
        "mariadb": "REPEATABLE READ",
    },
    "How the flush learns a new primary key": {
        "sqlite": "cursor.lastrowid",
        "postgresql": "INSERT … RETURNING",
        "mariadb": "cursor.lastrowid",
    },
    "A rollback undoes CREATE TABLE": {
        "sqlite": "no",
        "postgresql": "yes",
        "mariadb": "no",
    },
    "A transaction's second read sees a commit made in between": {
        "sqlite": "yes",
        "postgresql": "yes",
        "mariadb": "no",
    },
}


# --8<-- [start:isolation_level]
def isolation_level(engine: Engine) -> str:
    with engine.connect() as connection:
        return connection.get_isolation_level()


# --8<-- [end:isolation_level]


def primary_key_source(engine: Engine) -> str:
    """Insert one row through the ORM and look at the statement it sent."""
    sent = []

    def listener(connection, cursor, statement, *args):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    try:
        with Session(engine) as session:
            session.add(User(name="Alice"))
            session.flush()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return "INSERT … RETURNING" if "RETURNING" in sent[-1] else "cursor.lastrowid"


def rollback_undoes_create_table(engine: Engine) -> str:
    table = Table("probe", MetaData(), Column("id", Integer, primary_key=True))
    table.drop(engine, checkfirst=True)
    with engine.connect() as connection:
        table.create(connection)
        connection.rollback()
    undone = not inspect(engine).has_table("probe")
    table.drop(engine, checkfirst=True)
    return "yes" if undone else "no"


def second_read_sees_new_commit(engine: Engine) -> str:
    """Read a row, let another connection change it, read it again."""
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        first = session.scalar(select(User.name))
        with engine.connect() as elsewhere:
            elsewhere.execute(update(User).values(name="Alicia"))
            elsewhere.commit()
        second = session.scalar(select(User.name))
    return "yes" if (first, second) == ("Alice", "Alicia") else "no"


MEASURES = {
    "Default isolation level": isolation_level,
    "How the flush learns a new primary key": primary_key_source,
    "A rollback undoes CREATE TABLE": rollback_undoes_create_table,
    "A transaction's second read sees a commit made in between": (
        second_read_sees_new_commit
    ),
}
