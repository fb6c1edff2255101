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
    func,
    insert,
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
    "How a flush of one new row learns its key": {
        "sqlite": "cursor.lastrowid",
        "postgresql": "INSERT … RETURNING",
        "mariadb": "cursor.lastrowid",
    },
    "How a flush of several new rows learns their keys": {
        "sqlite": "one INSERT … RETURNING per row",
        "postgresql": "one INSERT … RETURNING per 1000 rows",
        "mariadb": "one INSERT … RETURNING per 1000 rows",
    },
    "A rollback undoes a CREATE TABLE that opened the transaction": {
        "sqlite": "no",
        "postgresql": "yes",
        "mariadb": "no",
    },
    "A rollback undoes a CREATE TABLE run after an INSERT": {
        "sqlite": "yes",
        "postgresql": "yes",
        "mariadb": "no, and the INSERT stays committed",
    },
    "A transaction's second plain read sees a commit made in between": {
        "sqlite": "yes",
        "postgresql": "yes",
        "mariadb": "no",
    },
}


def isolation_level(engine: Engine) -> str:
    with engine.connect() as connection:
        return connection.get_isolation_level()


def inserts_of_a_flush(engine: Engine, *names: str) -> list[str]:
    """The INSERT statements that a flush of new users named `names` sends."""
    sent = []

    def listener(connection, cursor, statement, *args):
        if statement.startswith("INSERT"):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    try:
        with Session(engine) as session:
            users = [User(name=name) for name in names]
            session.add_all(users)
            session.flush()
            assert all(user.id is not None for user in users)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return sent


def key_of_one_row(engine: Engine) -> str:
    (sent,) = inserts_of_a_flush(engine, "Alice")
    return "INSERT … RETURNING" if "RETURNING" in sent else "cursor.lastrowid"


def keys_of_several_rows(engine: Engine) -> str:
    rows = 1001  # one more than a statement holds, where several rows share one
    sent = inserts_of_a_flush(engine, *(f"User {n}" for n in range(rows)))
    if not all("RETURNING" in statement for statement in sent):
        return "cursor.lastrowid"
    if len(sent) == rows:
        return "one INSERT … RETURNING per row"
    if len(sent) == 2:  # 1000 rows, then the last one
        return "one INSERT … RETURNING per 1000 rows"
    return f"{len(sent)} INSERT … RETURNING for {rows} rows"


PROBE = Table("probe", MetaData(), Column("id", Integer, primary_key=True))


def rollback_of_create_table(engine: Engine, *, after_insert: bool) -> str:
    """Create a table (after an INSERT, if `after_insert`), roll back, look."""
    PROBE.drop(engine, checkfirst=True)
    with engine.begin() as connection:
        connection.execute(User.__table__.delete())
    with engine.connect() as connection:
        if after_insert:
            connection.execute(insert(User).values(name="Alice"))
        PROBE.create(connection)
        connection.rollback()
    undone = not inspect(engine).has_table("probe")
    PROBE.drop(engine, checkfirst=True)
    with engine.connect() as connection:
        kept = connection.scalar(select(func.count()).select_from(User))
    if not undone and after_insert and kept:
        return "no, and the INSERT stays committed"
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
    "How a flush of one new row learns its key": key_of_one_row,
    "How a flush of several new rows learns their keys": keys_of_several_rows,
    "A rollback undoes a CREATE TABLE that opened the transaction": (
        lambda engine: rollback_of_create_table(engine, after_insert=False)
    ),
    "A rollback undoes a CREATE TABLE run after an INSERT": (
        lambda engine: rollback_of_create_table(engine, after_insert=True)
    ),
    "A transaction's second plain read sees a commit made in between": (
        second_read_sees_new_commit
    ),
}
