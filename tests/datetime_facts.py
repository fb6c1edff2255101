"""What SQLite, PostgreSQL and MariaDB do with datetimes, for the chapter "Dates, times
and time zones".

ROUND_TRIPS and FACTS are the two tables of the page (drawn by `python3 dev.py update`
into docs/includes/); the tests measure every cell on its own backend, with the
session's time zone pinned as the row says (UTC unless it says +09:00).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Table,
    create_engine,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.dialects import mysql

from snippets.datetimes.model import hours_apart

NAIVE = datetime(2025, 3, 1, 12, 30)
AT_UTC = datetime(2025, 3, 1, 12, 30, tzinfo=UTC)
PLUS_TWO = datetime(2025, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
GIVEN = {"`12:30` naive": NAIVE, "`12:30+00:00`": AT_UTC, "`12:30+02:00`": PLUS_TWO}
COLUMNS = {"`DateTime()`": DateTime(), "`DateTime(timezone=True)`": DateTime(True)}


def engine_at(url: str, zone: str) -> Engine:
    """An engine on `url` whose every connection has the session time zone `zone`
    ("+00:00" or "+09:00"); SQLite has no session time zone."""
    engine = create_engine(url)
    name = engine.dialect.name
    if name == "sqlite":
        return engine
    named = {"+00:00": "UTC", "+09:00": "Asia/Tokyo"}[zone]

    @event.listens_for(engine, "connect")
    def set_zone(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        if name == "postgresql":
            cursor.execute(f"SET TIME ZONE '{named}'")
        else:
            cursor.execute(f"SET time_zone = '{zone}'")
        cursor.close()
        dbapi_connection.commit()

    return engine


def shown(value: datetime) -> str:
    """`12:30` naive, or `12:30+09:00`: the time and, if aware, its offset."""
    text = f"{value:%H:%M}"
    if value.tzinfo is None:
        return f"`{text}` naive"
    offset = value.utcoffset()
    sign, minutes = ("-", -offset) if offset < timedelta(0) else ("+", offset)
    hours, rest = divmod(int(minutes.total_seconds()) // 60, 60)
    return f"`{text}{sign}{hours:02}:{rest:02}`"


def one_column(column_type, **options) -> Table:
    """A table of one column, `value`, of `column_type` (`options` go to it)."""
    return Table(
        "when_probe",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("value", column_type, **options),
    )


def stored_and_read(engine: Engine, column_type, value: datetime) -> datetime:
    """Store `value` in a column of `column_type`, read it back on a new connection."""
    table = one_column(column_type)
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(table).values(value=value))
    engine.dispose()  # a new connection reads it, as after a restart
    with engine.connect() as connection:
        read = connection.scalar(select(table.c.value))
    table.metadata.drop_all(engine)
    return read


@dataclass(frozen=True)
class RoundTrip:
    column: str
    given: str
    zone: str  # the session's time zone
    comes_back: dict[str, str]

    def measure(self, url: str) -> str:
        engine = engine_at(url, self.zone)
        try:
            read = stored_and_read(engine, COLUMNS[self.column], GIVEN[self.given])
        finally:
            engine.dispose()
        return shown(read)


def _row(column: str, given: str, zone: str, sqlite: str, pg: str, maria: str):
    values = {"sqlite": sqlite, "postgresql": pg, "mariadb": maria}
    return RoundTrip(column, given, zone, values)


PLAIN, WITH_TZ = COLUMNS
N, Z, P = "`12:30` naive", "`12:30+00:00`", "`12:30+02:00`"
ROUND_TRIPS = [
    _row(*row)
    for row in [
        # column, you store, session zone, SQLite, PostgreSQL, MariaDB
        (PLAIN, N, "+00:00", N, N, N),
        (PLAIN, Z, "+00:00", N, N, N),
        (PLAIN, P, "+00:00", N, "`10:30` naive", N),
        (WITH_TZ, N, "+00:00", N, Z, N),
        (WITH_TZ, Z, "+00:00", N, Z, N),
        (WITH_TZ, P, "+00:00", N, "`10:30+00:00`", N),
        (PLAIN, Z, "+09:00", N, "`21:30` naive", N),
        (WITH_TZ, N, "+09:00", N, "`12:30+09:00`", N),
        (WITH_TZ, Z, "+09:00", N, "`21:30+09:00`", N),
    ]
]


# The other differences: each fact, its value per backend, and how to measure it
# (on an engine whose session time zone is UTC, unless the fact says +09:00).


def sql_types(engine: Engine) -> str:
    return " / ".join(
        f"`{t.compile(dialect=engine.dialect)}`" for t in (DateTime(), DateTime(True))
    )


SPLIT = datetime(2025, 3, 1, 12, 30, 45, 123456)


def microseconds_kept(column_type) -> Callable[[Engine], str]:
    def measure(engine: Engine) -> str:
        read = stored_and_read(engine, column_type, SPLIT)
        if read == SPLIT:
            return "yes"
        return f"no: `{SPLIT:%H:%M:%S.%f}` comes back `{read:%H:%M:%S.%f}`"

    return measure


def now_sql(engine: Engine) -> str:
    return f"`{func.now().compile(dialect=engine.dialect)}`"


def now_has_microseconds(engine: Engine) -> str:
    with engine.connect() as connection:
        values = [connection.scalar(select(func.now())) for _ in range(3)]
        connection.rollback()  # PostgreSQL: a new transaction, a new now()
    return "yes" if any(value.microsecond for value in values) else "no: whole seconds"


def now_twice_in_one_transaction(engine: Engine) -> str:
    table = one_column(DateTime())
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(table).values(value=func.now()))
        time.sleep(1.1)  # more than a second: SQLite and MariaDB keep whole seconds
        connection.execute(insert(table).values(value=func.now()))
    with engine.connect() as connection:
        first, second = connection.scalars(select(table.c.value).order_by(table.c.id))
    table.metadata.drop_all(engine)
    return "the same value" if first == second else "a later value"


def server_default_hours_ahead(column_type) -> Callable[[Engine], str]:
    """Hours between what server_default=func.now() stored and the application's UTC
    clock, reading a naive value as UTC."""

    def measure(engine: Engine) -> str:
        table = one_column(column_type, server_default=func.now())
        table.metadata.drop_all(engine)
        table.metadata.create_all(engine)
        with engine.begin() as connection:
            app = datetime.now(UTC)
            connection.execute(insert(table))
        with engine.connect() as connection:
            read = connection.scalar(select(table.c.value))
        table.metadata.drop_all(engine)
        return str(hours_apart(read, app))

    return measure


def server_default_has_microseconds(column_type) -> Callable[[Engine], str]:
    def measure(engine: Engine) -> str:
        table = one_column(column_type, server_default=func.now())
        table.metadata.drop_all(engine)
        table.metadata.create_all(engine)
        with engine.begin() as connection:
            for _ in range(3):  # one in a million is a whole second
                connection.execute(insert(table))
        with engine.connect() as connection:
            values = connection.scalars(select(table.c.value)).all()
        table.metadata.drop_all(engine)
        return "yes" if any(v.microsecond for v in values) else "no: whole seconds"

    return measure


def filter_finds_row(engine: Engine) -> str:
    """A naive 12:00 (meant as UTC) > 13:00+02:00 (11:00 UTC): it should match."""
    table = one_column(DateTime())
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(table).values(value=datetime(2025, 3, 1, 12, 0)))
    bound = datetime(2025, 3, 1, 13, 0, tzinfo=timezone(timedelta(hours=2)))
    with engine.connect() as connection:
        found = connection.scalars(
            select(table.c.id).where(table.c.value > bound)
        ).all()
    table.metadata.drop_all(engine)
    return "yes" if found else "no"


def loaded_value_compares_with_aware_now(engine: Engine) -> str:
    read = stored_and_read(engine, DateTime(timezone=True), AT_UTC)
    try:
        earlier = read < datetime.now(UTC)
    except TypeError as error:
        return f"`TypeError`: {error}"
    return "works" if earlier else "works, but says it is later than now"


@dataclass(frozen=True)
class Fact:
    zone: str
    values: dict[str, str]
    measure: Callable[[Engine], str]

    def measure_on(self, url: str) -> str:
        engine = engine_at(url, self.zone)
        try:
            return self.measure(engine)
        finally:
            engine.dispose()


def _fact(measure, sqlite: str, pg: str, maria: str, zone: str = "+00:00") -> Fact:
    return Fact(zone, {"sqlite": sqlite, "postgresql": pg, "mariadb": maria}, measure)


FSP6 = DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
DROPPED = "no: `12:30:45.123456` comes back `12:30:45.000000`"
COMPARE_ERROR = "`TypeError`: can't compare offset-naive and offset-aware datetimes"
FACTS = {
    "SQL type of `DateTime()` / `DateTime(timezone=True)`": _fact(
        sql_types,
        "`DATETIME` / `DATETIME`",
        "`TIMESTAMP WITHOUT TIME ZONE` / `TIMESTAMP WITH TIME ZONE`",
        "`DATETIME` / `DATETIME`",
    ),
    "`DateTime()` keeps microseconds": _fact(
        microseconds_kept(DateTime()), "yes", "yes", DROPPED
    ),
    "`DateTime()` with `mysql.DATETIME(fsp=6)` for MariaDB keeps microseconds": _fact(
        microseconds_kept(FSP6), "yes", "yes", "yes"
    ),
    "A loaded `DateTime(timezone=True)` value `<` `datetime.now(timezone.utc)`": _fact(
        loaded_value_compares_with_aware_now, COMPARE_ERROR, "works", COMPARE_ERROR
    ),
    "`DateTime()` column holding `12:00` `>` `13:00+02:00` finds the row": _fact(
        filter_finds_row, "no", "yes", "no"
    ),
    "The same filter, session at +09:00, finds the row": _fact(
        filter_finds_row, "no", "no", "no", zone="+09:00"
    ),
    "`func.now()` is sent as": _fact(
        now_sql, "`CURRENT_TIMESTAMP`", "`now()`", "`now()`"
    ),
    "`select(func.now())` has microseconds": _fact(
        now_has_microseconds, "no: whole seconds", "yes", "no: whole seconds"
    ),
    "`server_default=func.now()` in `DateTime()`, `DATETIME(6)` on MariaDB, has"
    " microseconds": _fact(
        server_default_has_microseconds(FSP6), "no: whole seconds", "yes", "yes"
    ),
    "`func.now()` twice in one transaction, a second apart, gives": _fact(
        now_twice_in_one_transaction, "a later value", "the same value", "a later value"
    ),
    "`server_default=func.now()` in `DateTime()`, session at +09:00: hours ahead"
    " of UTC": _fact(server_default_hours_ahead(DateTime()), "0", "9", "9", "+09:00"),
    "… in `DateTime(timezone=True)`, session at +09:00": _fact(
        server_default_hours_ahead(DateTime(True)), "0", "0", "9", "+09:00"
    ),
}
