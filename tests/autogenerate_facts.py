"""What Alembic's autogenerate proposes for a change of the models, per backend.

CHANGES is the table of docs/migrations.md (drawn by `python3 dev.py update`); the
tests build the database of each row's `before` models on every backend, compare
it with the `after` models, and require the row's value for that backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Engine, Enum, Integer, MetaData, String, Table, text

NOTHING = "nothing"


def author(
    metadata: MetaData,
    *,
    name: str = "name",
    length: int = 50,
    default: str | None = None,
    genres: tuple[str, ...] = ("novel", "poetry"),
    native_enum: bool = True,
    born: bool = False,
) -> None:
    columns = [
        Column("id", Integer, primary_key=True),
        Column(name, String(length), server_default=default),
        Column("genre", Enum(*genres, name="genre", native_enum=native_enum)),
    ]
    if born:
        columns.append(Column("born", Integer))
    Table("author", metadata, *columns)


def book(metadata: MetaData) -> None:
    Table("book", metadata, Column("id", Integer, primary_key=True))


@dataclass(frozen=True)
class Change:
    before: Callable[[MetaData], None]
    after: Callable[[MetaData], None]
    proposed: dict[str, str]  # backend -> what autogenerate proposes
    options: dict[str, bool] = field(default_factory=dict)


def everywhere(proposal: str) -> dict[str, str]:
    return dict.fromkeys(("sqlite", "postgresql", "mariadb"), proposal)


CHANGES = {
    "A new column": Change(
        author, lambda m: author(m, born=True), everywhere("add the column")
    ),
    "A column renamed": Change(
        author,
        lambda m: author(m, name="full_name"),
        everywhere("drop the old column, add the new one"),
    ),
    "`String(50)` made `String(100)`": Change(
        author, lambda m: author(m, length=100), everywhere("alter the type")
    ),
    "A value added to an `Enum`": Change(
        author,
        lambda m: author(m, genres=("novel", "poetry", "essay")),
        {"sqlite": NOTHING, "postgresql": NOTHING, "mariadb": "alter the type"},
    ),
    "A value longer than the others added to an `Enum`": Change(
        author,
        lambda m: author(m, genres=("novel", "poetry", "biography")),
        {
            "sqlite": "alter the type",
            "postgresql": NOTHING,
            "mariadb": "alter the type",
        },
    ),
    "A value added to an `Enum(..., native_enum=False)`": Change(
        lambda m: author(m, native_enum=False),
        lambda m: author(m, genres=("novel", "poetry", "essay"), native_enum=False),
        everywhere(NOTHING),
    ),
    "A value longer than the others added to an `Enum(..., native_enum=False)`": Change(
        lambda m: author(m, native_enum=False),
        lambda m: author(m, genres=("novel", "poetry", "biography"), native_enum=False),
        everywhere("alter the type"),
    ),
    "A `server_default` changed": Change(
        lambda m: author(m, default="anonymous"),
        lambda m: author(m, default="unknown"),
        everywhere(NOTHING),
    ),
    "A `server_default` changed, with `compare_server_default=True`": Change(
        lambda m: author(m, default="anonymous"),
        lambda m: author(m, default="unknown"),
        everywhere("alter the default"),
        {"compare_server_default": True},
    ),
    "A table whose model module was not imported": Change(
        lambda m: (author(m), book(m)), author, everywhere("drop the table")
    ),
}

WORDS = {
    "add_column": "add the column",
    "remove_column": "drop the old column",
    "modify_type": "alter the type",
    "modify_default": "alter the default",
    "remove_table": "drop the table",
}


def empty(engine: Engine) -> None:
    """Drop every table of the database (and PostgreSQL's enum type)."""
    existing = MetaData()
    existing.reflect(engine)
    existing.drop_all(engine)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP TYPE IF EXISTS genre"))


def proposed(engine: Engine, change: Change) -> str:
    """What autogenerate proposes on `engine` for `change`, in the table's words."""
    empty(engine)
    before, after = MetaData(), MetaData()
    change.before(before)
    change.after(after)
    before.create_all(engine)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts=change.options)
            found = compare_metadata(context, after)
    finally:
        empty(engine)
    kinds = [(item[0] if isinstance(item, list) else item)[0] for item in found]
    words = [WORDS[kind] for kind in kinds]
    if words == ["add the column", "drop the old column"]:
        return "drop the old column, add the new one"
    return ", ".join(words) or NOTHING
