"""Where SQLite, PostgreSQL and MariaDB differ in what the page "Types that surprise"
shows.

FACTS is the table on the page (drawn by `python3 dev.py update`); the tests measure
every cell on its own backend with the function MEASURES names for that row. A cell
written "`A` on SQLAlchemy 2.1, `B` on 2.0" is measured on each series: `expected()`
picks the part of the series that runs.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import sqlalchemy
from sqlalchemy import (
    JSON,
    Column,
    Engine,
    Enum,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Uuid,
    event,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import CompileError, DBAPIError

from snippets.types.model import Base, Payment, Status

FACTS = {
    "An `Enum(Status)` column, in the `CREATE TABLE`": {
        "sqlite": "`VARCHAR(9)`, no `CHECK`",
        "postgresql": "`status`, a type of its own: `CREATE TYPE status AS ENUM"
        " ('DRAFT', 'PUBLISHED')`",
        "mariadb": "`ENUM('DRAFT','PUBLISHED')`",
    },
    "`Enum(Status, native_enum=False)`, in the `CREATE TABLE`": {
        "sqlite": "`VARCHAR(9)`, no `CHECK`",
        "postgresql": "`VARCHAR(9)`, no `CHECK`",
        "mariadb": "`VARCHAR(9)`, no `CHECK`",
    },
    "An INSERT by hand of `'ARCHIVED'` into the `Enum(Status)` column": {
        "sqlite": "stored",
        "postgresql": '`DataError`: `invalid input value for enum status: "ARCHIVED"`',
        "mariadb": "`DataError`: `(1265, \"Data truncated for column 'status' at"
        ' row 1")`',
    },
    "A `JSON` column, read with plain SQL": {
        "sqlite": "a `str`",
        "postgresql": "a `dict` (the driver decodes it)",
        "mariadb": "a `str`",
    },
    "`JSON().with_variant(postgresql.JSONB(), 'postgresql')`, in the `CREATE TABLE`": {
        "sqlite": "`JSON`",
        "postgresql": "`JSONB`",
        "mariadb": "`JSON`",
    },
    "A `JSON` column given `None`: is the column SQL `NULL`?": {
        "sqlite": "no: it holds the JSON text `null`",
        "postgresql": "no: it holds the JSON text `null`",
        "mariadb": "no: it holds the JSON text `null`",
    },
    "The same with `JSON(none_as_null=True)`": {
        "sqlite": "yes",
        "postgresql": "yes",
        "mariadb": "yes",
    },
    "A `Uuid` column (`Mapped[uuid.UUID]`), in the `CREATE TABLE`": {
        "sqlite": "`CHAR(32)`",
        "postgresql": "`UUID`",
        "mariadb": "`UUID` on SQLAlchemy 2.1, `CHAR(32)` on 2.0",
    },
    "A `Uuid` value, read with plain SQL": {
        "sqlite": "`'12345678123456781234567812345678'`",
        "postgresql": "`UUID('12345678-1234-5678-1234-567812345678')`",
        "mariadb": "`'12345678-1234-5678-1234-567812345678'` on SQLAlchemy 2.1,"
        " `'12345678123456781234567812345678'` on 2.0",
    },
    "`Mapped[float]`, in the `CREATE TABLE`": {
        "sqlite": "`DOUBLE` on SQLAlchemy 2.1, `FLOAT` on 2.0",
        "postgresql": "`DOUBLE PRECISION` on SQLAlchemy 2.1, `FLOAT` on 2.0",
        "mariadb": "`DOUBLE` on SQLAlchemy 2.1, `FLOAT` on 2.0",
    },
    "`Mapped[float]` given `1234567.89` reads back": {
        "sqlite": "`1234567.89`",
        "postgresql": "`1234567.89`",
        "mariadb": "`1234567.89` on SQLAlchemy 2.1, `1234570.0` on 2.0",
    },
    "`Numeric(10, 2)` given `Decimal('1.005')` reads back": {
        "sqlite": "`Decimal('1.00')`",
        "postgresql": "`Decimal('1.01')`",
        "mariadb": "`Decimal('1.01')`",
    },
    "`Numeric(10, 2)` given `Decimal('1.005')`, read with plain SQL": {
        "sqlite": "`1.005`",
        "postgresql": "`Decimal('1.01')`",
        "mariadb": "`Decimal('1.01')`",
    },
    "`Numeric(10, 2, asdecimal=False)` given `2.675` reads back": {
        "sqlite": "`2.675`",
        "postgresql": "`2.68`",
        "mariadb": "`2.68`",
    },
    "`String()` without a length, in the `CREATE TABLE`": {
        "sqlite": "`VARCHAR`",
        "postgresql": "`VARCHAR`",
        "mariadb": "`CompileError`: `VARCHAR requires a length on dialect mysql`",
    },
    "`String(5)` given 8 characters": {
        "sqlite": "stored whole",
        "postgresql": "`DataError`: `value too long for type character varying(5)`",
        "mariadb": "`DataError`: `(1406, \"Data too long for column 'code' at"
        ' row 1")`',
    },
}

SERIES = "2.1" if sqlalchemy.__version__.startswith("2.1") else "2.0"


def expected(cell: str) -> str:
    """The part of `cell` that holds for the series that runs."""
    if " on SQLAlchemy 2.1, " not in cell:
        return cell
    newer, older = cell.split(" on SQLAlchemy 2.1, ")
    return newer if SERIES == "2.1" else older.removesuffix(" on 2.0")


def create_sent(engine: Engine, table: Table) -> str:
    """The CREATE TABLE sent for `table`, on one line (dropped again afterwards)."""
    sent: list[str] = []

    def listener(connection, cursor, statement, *args):
        sent.append(" ".join(statement.split()))

    table.metadata.drop_all(engine)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        table.metadata.create_all(engine)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    table.metadata.drop_all(engine)
    return " ; ".join(s for s in sent if s.startswith("CREATE"))


def column_in(ddl: str, name: str) -> str:
    """The type the CREATE TABLE gives column `name`."""
    table = ddl.rsplit("CREATE TABLE", 1)[1]
    (line,) = [
        part.strip()
        for part in table.split("(", 1)[1].split(", ")
        if part.strip().startswith(f"{name} ")
    ]
    return line.removeprefix(f"{name} ").removesuffix(" NOT NULL")


def enum_ddl(engine: Engine, **options) -> str:
    Base.metadata.drop_all(engine)  # the examples' type `status`, on PostgreSQL
    table = Table(
        "types_enum",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("status", Enum(Status, **options), nullable=False),
    )
    ddl = create_sent(engine, table)
    check = "a `CHECK`" if "CHECK" in ddl else "no `CHECK`"
    kind = column_in(ddl, "status")
    if ddl.startswith("CREATE TYPE"):
        created = ddl.split(" ; ")[0]
        return f"`{kind}`, a type of its own: `{created}`"
    if kind.startswith("ENUM"):
        return f"`{kind}`"
    return f"`{kind}`, {check}"


def native_enum(engine: Engine) -> str:
    return enum_ddl(engine)


def enum_not_native(engine: Engine) -> str:
    return enum_ddl(engine, native_enum=False)


def failure(error: DBAPIError) -> str:
    return f"`{type(error).__name__}`: `{str(error.orig).strip().splitlines()[0]}`"


def enum_insert_by_hand(engine: Engine) -> str:
    table = Table(
        "types_enum",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("status", Enum(Status), nullable=False),
    )
    Base.metadata.drop_all(engine)
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO types_enum VALUES (1, 'ARCHIVED')"))
            stored = connection.execute(text("SELECT status FROM types_enum")).scalar()
        return "stored" if stored == "ARCHIVED" else f"stored as {stored!r}"
    except DBAPIError as error:
        return failure(error)
    finally:
        table.metadata.drop_all(engine)


def json_raw(engine: Engine) -> str:
    table = Table(
        "types_json",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("data", JSON),
    )
    table.drop(engine, checkfirst=True)
    table.create(engine)
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(id=1, data={"a": 1}))
            value = connection.execute(text("SELECT data FROM types_json")).scalar()
        if isinstance(value, dict):
            return "a `dict` (the driver decodes it)"
        return f"a `{type(value).__name__}`"
    finally:
        table.metadata.drop_all(engine)


def jsonb_variant(engine: Engine) -> str:
    table = Table(
        "types_json",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("data", JSON().with_variant(postgresql.JSONB(), "postgresql")),
    )
    return f"`{column_in(create_sent(engine, table), 'data')}`"


def json_none(engine: Engine, **options) -> str:
    table = Table(
        "types_json",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("data", JSON(**options)),
    )
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(id=1, data=None))
            is_null, as_text = connection.execute(
                text("SELECT data IS NULL, CAST(data AS CHAR(10)) FROM types_json")
                if engine.dialect.name == "mysql"
                else text("SELECT data IS NULL, CAST(data AS TEXT) FROM types_json")
            ).one()
        if is_null:
            return "yes"
        return f"no: it holds the JSON text `{as_text}`"
    finally:
        table.metadata.drop_all(engine)


def json_none_default(engine: Engine) -> str:
    return json_none(engine)


def json_none_as_null(engine: Engine) -> str:
    return json_none(engine, none_as_null=True)


KEY = uuid.UUID("12345678-1234-5678-1234-567812345678")


def uuid_table() -> Table:
    return Table(
        "types_uuid",
        MetaData(),
        Column("id", Uuid, primary_key=True),
    )


def uuid_ddl(engine: Engine) -> str:
    return f"`{column_in(create_sent(engine, uuid_table()), 'id')}`"


def uuid_raw(engine: Engine) -> str:
    table = uuid_table()
    table.drop(engine, checkfirst=True)
    table.create(engine)
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(id=KEY))
            assert connection.execute(table.select()).scalar() == KEY
            value = connection.execute(text("SELECT id FROM types_uuid")).scalar()
        return f"`{value!r}`"
    finally:
        table.metadata.drop_all(engine)


def float_table() -> Table:
    return Table(
        "types_float",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("amount", Payment.__table__.c.as_float.type),  # what Mapped[float] gives
    )


def float_ddl(engine: Engine) -> str:
    return f"`{column_in(create_sent(engine, float_table()), 'amount')}`"


def float_read(engine: Engine) -> str:
    table = float_table()
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(id=1, amount=1234567.89))
            return f"`{connection.execute(select(table.c.amount)).scalar()!r}`"
    finally:
        table.metadata.drop_all(engine)


def numeric_table(**options) -> Table:
    return Table(
        "types_numeric",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("amount", Numeric(10, 2, **options)),
    )


def numeric_value(engine: Engine, value, raw: bool = False, **options) -> str:
    table = numeric_table(**options)
    table.drop(engine, checkfirst=True)
    table.create(engine)
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(id=1, amount=value))
            if raw:
                read = connection.execute(text("SELECT amount FROM types_numeric"))
            else:
                read = connection.execute(
                    table.select().with_only_columns(table.c.amount)
                )
            return f"`{read.scalar()!r}`"
    finally:
        table.metadata.drop_all(engine)


def numeric_read(engine: Engine) -> str:
    return numeric_value(engine, Decimal("1.005"))


def numeric_raw(engine: Engine) -> str:
    return numeric_value(engine, Decimal("1.005"), raw=True)


def numeric_float(engine: Engine) -> str:
    return numeric_value(engine, 2.675, asdecimal=False)


def string_no_length(engine: Engine) -> str:
    table = Table(
        "types_string",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("title", String),
    )
    try:
        return f"`{column_in(create_sent(engine, table), 'title')}`"
    except CompileError as error:
        return f"`CompileError`: `{str(error).split('): ', 1)[1]}`"


def string_too_long(engine: Engine) -> str:
    table = Table(
        "types_string",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("code", String(5)),
    )
    table.drop(engine, checkfirst=True)
    table.create(engine)
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(id=1, code="TOO LONG"))
            stored = connection.execute(text("SELECT code FROM types_string")).scalar()
        return "stored whole" if stored == "TOO LONG" else f"stored as {stored!r}"
    except DBAPIError as error:
        return failure(error)
    finally:
        table.metadata.drop_all(engine)


MEASURES = dict(
    zip(
        FACTS,
        [
            native_enum,
            enum_not_native,
            enum_insert_by_hand,
            json_raw,
            jsonb_variant,
            json_none_default,
            json_none_as_null,
            uuid_ddl,
            uuid_raw,
            float_ddl,
            float_read,
            numeric_read,
            numeric_raw,
            numeric_float,
            string_no_length,
            string_too_long,
        ],
        strict=True,
    )
)
