"""Every claim of docs/datetimes.md, on every backend."""

from __future__ import annotations

import datetime as datetime_module
import os
import subprocess
import sys
import warnings
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import (
    DateTime,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from snippets.datetimes.model import Base, Booking, Meeting
from tests.conftest import backend_name
from tests.datetime_facts import (
    COLUMNS,
    FACTS,
    GIVEN,
    ROUND_TRIPS,
    engine_at,
    shown,
    stored_and_read,
)
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")
NAIVE_ERROR = "TypeError: can't compare offset-naive and offset-aware datetimes"


def printed(run) -> list[str]:
    """What a snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run.printed]
    return [line for line in lines if not line.startswith(SQL)]


def session_zone(url: str) -> ZoneInfo | timezone:
    """The session time zone a new connection of `url` gets from the server."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                return ZoneInfo(connection.scalar(text("SHOW TimeZone")))
            now = connection.scalar(
                text("SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW())")
            )
            return timezone(timedelta(minutes=int(now)))
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "row", ROUND_TRIPS, ids=lambda r: f"{r.column} {r.given} at {r.zone}"
)
def test_what_a_stored_datetime_comes_back_as(row, backend):
    assert row.measure(backend) == row.comes_back[backend_name(backend)]


@pytest.mark.parametrize("fact", FACTS)
def test_datetime_fact(fact, backend):
    assert FACTS[fact].measure_on(backend) == FACTS[fact].values[backend_name(backend)]


def test_an_offset_is_dropped_by_sqlite_and_mariadb_and_converted_by_postgresql(
    backend,
):
    ns = run_snippet("datetimes.what_comes_back", backend).namespace
    meeting, given = ns["meeting"], ns["at_plus_two"]
    if backend_name(backend) == "postgresql":
        # The same instant, in the session's zone; the naive column keeps its clock.
        assert meeting.starts_tz == given and meeting.starts_tz.tzinfo is not None
        assert meeting.starts == meeting.starts_tz.replace(tzinfo=None)
    else:  # the wall clock time, without its offset, in both columns
        assert meeting.starts == meeting.starts_tz == given.replace(tzinfo=None)


def test_pymysql_drops_the_offset_and_psycopg_sends_it(server):
    engine = create_engine(server)
    plus_two = datetime(2025, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    try:
        # SQLAlchemy hands the datetime to the driver unchanged ...
        for column_type in (DateTime(), DateTime(timezone=True)):
            described = engine.dialect.type_descriptor(column_type)
            assert described.bind_processor(engine.dialect) is None
        with engine.connect() as connection:
            sent = connection.scalar(select(func.cast(plus_two, DateTime(True))))
            if backend_name(server) == "mariadb":
                # ... and PyMySQL writes the clock time alone into the SQL.
                raw = connection.connection.dbapi_connection
                assert raw.escape(plus_two) == "'2025-03-01 12:30:00'"
                assert sent == plus_two.replace(tzinfo=None)
            else:  # psycopg sends the offset: the server gets the instant
                assert sent == plus_two and sent.tzinfo is not None
    finally:
        engine.dispose()


def test_a_session_time_zone_shifts_postgresql_and_not_mariadb(server):
    run = run_snippet("datetimes.session_time_zone", server)
    ns = run.namespace
    meeting, noon_utc = ns["meeting"], ns["noon_utc"]
    if backend_name(server) == "postgresql":
        assert meeting.starts == datetime(2025, 3, 1, 21, 30)
        assert meeting.starts_tz == noon_utc
        assert meeting.starts_tz.utcoffset() == timedelta(hours=9)
        assert printed(run)[1:] == ["True", "9", "0"]
    else:
        assert meeting.starts == meeting.starts_tz == datetime(2025, 3, 1, 12, 30)
        assert printed(run)[1:] == ["False", "9", "9"]  # == of naive and aware


def test_a_session_setting_made_on_connect_needs_a_commit_on_postgresql(server):
    def zone_on_second_checkout(commit: bool) -> str:
        engine = create_engine(server)
        postgresql = engine.dialect.name == "postgresql"

        @event.listens_for(engine, "connect")
        def set_zone(dbapi_connection, connection_record):
            cursor = dbapi_connection.cursor()
            if postgresql:
                cursor.execute("SET TIME ZONE 'Asia/Tokyo'")
            else:
                cursor.execute("SET time_zone = '+09:00'")
            cursor.close()
            if commit:
                dbapi_connection.commit()

        show = "SHOW TimeZone" if postgresql else "SELECT @@session.time_zone"
        try:
            with engine.connect() as connection:
                connection.scalar(text(show))
            with engine.connect() as connection:  # the same pooled connection
                return connection.scalar(text(show))
        finally:
            engine.dispose()

    assert zone_on_second_checkout(commit=True) in ("Asia/Tokyo", "+09:00")
    without = zone_on_second_checkout(commit=False)
    if backend_name(server) == "postgresql":
        assert without != "Asia/Tokyo"  # the pool's rollback undid the SET
    else:
        assert without == "+09:00"


def test_a_new_connection_gets_the_server_default_zone(server, monkeypatch):
    def unpinned(row) -> str:
        engine = create_engine(server)  # no connect event: the server's default
        try:
            return shown(stored_and_read(engine, COLUMNS[row.column], GIVEN[row.given]))
        finally:
            engine.dispose()

    engine = create_engine(server)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                source = connection.scalar(
                    text("SELECT source FROM pg_settings WHERE name = 'TimeZone'")
                )
                assert source in ("configuration file", "default")  # not the client
            else:
                session, server_wide = connection.execute(
                    text("SELECT @@session.time_zone, @@global.time_zone")
                ).one()
                assert session == server_wide == "SYSTEM"  # the server machine's zone
    finally:
        engine.dispose()
    # A server whose default is UTC gives the table's UTC rows without any setting.
    assert session_zone(server).utcoffset(datetime(2025, 3, 1)) == timedelta(0)
    at_utc = [row for row in ROUND_TRIPS if row.zone == "+00:00"]
    for row in at_utc:
        assert unpinned(row) == row.comes_back[backend_name(server)], row
    if backend_name(server) == "postgresql":
        # The client's PGTZ overrides the server's default, and the answers move.
        monkeypatch.setenv("PGTZ", "Asia/Tokyo")
        (in_tokyo,) = [
            row
            for row in ROUND_TRIPS
            if (row.column, row.given, row.zone)
            == ("`DateTime(timezone=True)`", "`12:30+00:00`", "+09:00")
        ]
        assert unpinned(in_tokyo) == in_tokyo.comes_back["postgresql"]


def test_mariadb_datetime_drops_microseconds_unless_fsp_6(backend):
    run = run_snippet("datetimes.microseconds", backend)
    lap, split = run.namespace["lap"], run.namespace["split"]
    assert lap.at_precise == split
    if backend_name(backend) == "mariadb":
        assert lap.at == split.replace(microsecond=0)
    else:
        assert lap.at == split
    assert printed(run)[:3] == [
        "sqlite ['DATETIME', 'DATETIME', 'DATETIME']",
        "postgresql ['TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP WITH TIME ZONE',"
        " 'TIMESTAMP WITHOUT TIME ZONE']",
        "mysql ['DATETIME', 'DATETIME', 'DATETIME(6)']",
    ]


def test_func_now_is_left_to_the_database_and_a_python_default_is_sent(
    backend, sql_log
):
    ns = run_snippet("datetimes.clock", backend).namespace
    (insert,) = [s for s in sql_log.statements if s.startswith("INSERT INTO note")]
    assert insert.split(" VALUES")[0] == "INSERT INTO note (app_time)"
    note = ns["note"]
    if backend_name(backend) in ("sqlite", "mariadb"):
        assert note.server_time.microsecond == 0
    assert note.server_time.tzinfo is None


def test_a_loaded_value_compares_with_aware_now_until_the_commit(backend):
    run = run_snippet("datetimes.compare_after_commit", backend)
    lines, ns = printed(run), run.namespace
    meeting, noon_utc = ns["meeting"], ns["noon_utc"]
    if backend_name(backend) == "postgresql":
        assert lines == ["True", "True"]
        assert meeting.starts_tz == noon_utc
    else:
        assert lines == ["True", NAIVE_ERROR]
        assert meeting.starts_tz != noon_utc  # == of naive and aware: False, no error
        with pytest.raises(TypeError) as raised:
            datetime.now(datetime_module.UTC) - meeting.starts_tz
        assert str(raised.value) == (
            "can't subtract offset-naive and offset-aware datetimes"
        )


def test_a_plain_datetime_annotation_maps_to_a_column_without_time_zone():
    columns = Meeting.__table__.c
    assert isinstance(columns.starts.type, DateTime)
    assert columns.starts.type.timezone is False
    assert columns.starts_tz.type.timezone is True


def test_an_aware_filter_on_a_naive_column_compares_the_clock_or_the_instant(backend):
    lines = printed(run_snippet("datetimes.aware_filter", backend))
    if backend_name(backend) == "postgresql":
        # The naive 12:00 is read in the session's zone, the bound is 11:00 UTC.
        stored = datetime(2025, 3, 1, 12, 0, tzinfo=session_zone(backend))
        bound = datetime(2025, 3, 1, 11, 0, tzinfo=datetime_module.UTC)
        assert lines == [str(int(stored > bound)), "1"]
    else:  # 12:00 > 13:00: the offset was dropped
        assert lines == ["0", "1"]


@pytest.mark.parametrize("zone", ["+00:00", "+09:00"])
def test_a_naive_utc_filter_finds_the_row_whatever_the_session_zone(backend, zone):
    ns = run_snippet("datetimes.aware_filter", backend).namespace
    engine = engine_at(backend, zone)
    try:
        with Session(engine) as session:
            later = select(Meeting).where(Meeting.starts > ns["as_naive_utc"])
            assert len(session.scalars(later).all()) == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("zone", ["+00:00", "+09:00"])
def test_the_utc_type_returns_the_same_instant_in_utc_after_the_commit(backend, zone):
    engine = engine_at(backend, zone)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    given = datetime(2025, 3, 1, 12, 30, 45, 123456, timezone(timedelta(hours=2)))
    earlier = datetime(2025, 3, 1, 10, 0, tzinfo=datetime_module.UTC)
    try:
        with Session(engine) as session:
            booking = Booking(starts=given)
            session.add_all([booking, Booking(starts=earlier)])
            session.commit()  # expires: the next read loads from the database
            assert (
                booking.starts == given and booking.starts.tzinfo is datetime_module.UTC
            )
            assert booking.starts < datetime.now(datetime_module.UTC)
            found = session.scalars(select(Booking).where(Booking.starts > earlier))
            assert found.all() == [booking]
            ordered = session.scalars(select(Booking.starts).order_by(Booking.starts))
            assert ordered.all() == [earlier, given]
            # Bulk insert() and update() statements convert their values too.
            session.execute(insert(Booking), [{"id": 10, "starts": given}])
            moved = given + timedelta(days=1)
            session.execute(
                update(Booking).where(Booking.starts == earlier).values(starts=moved)
            )
            bulk = session.scalars(select(Booking.starts).where(Booking.id == 10))
            assert bulk.one() == given
            assert session.scalars(select(Booking).where(Booking.starts == moved)).all()
        with Session(engine, expire_on_commit=False) as session:
            kept = Booking(starts=given)
            session.add(kept)
            session.commit()
            assert kept.starts is given  # not reloaded: the value you assigned
        with Session(engine) as session:  # a new session, a new load
            loaded = session.get(Booking, booking.id)
            assert (
                loaded.starts == given and loaded.starts.tzinfo is datetime_module.UTC
            )
            assert loaded.starts.microsecond == 123456
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_the_utc_type_refuses_a_timedelta_added_in_a_query(backend):
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    at = datetime(2025, 3, 1, 12, 30, tzinfo=datetime_module.UTC)
    try:
        with Session(engine) as session:
            session.add(Booking(starts=at))
            session.commit()
            shifted = select(Booking).where(Booking.starts + timedelta(hours=1) > at)
            with pytest.raises(StatementError) as raised:
                session.scalars(shifted).all()
            assert str(raised.value).splitlines()[0] == (
                "(builtins.AttributeError) 'datetime.timedelta' object has no"
                " attribute 'tzinfo'"
            )
            session.rollback()
            moved = select(Booking).where(Booking.starts > at - timedelta(hours=1))
            assert len(session.scalars(moved).all()) == 1
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_the_utc_type_example_round_trips_and_refuses_naive_values(backend, sql_log):
    run = run_snippet("datetimes.utc_round_trip", backend)
    assert printed(run) == [
        "2025-03-01 10:30:45.123456+00:00",
        "True True",
        "True",
        "(builtins.ValueError) naive datetime 2025-03-01 12:30:00: say which time"
        " zone it is in",
    ]
    inserts = [s for s in sql_log.statements if s.startswith("INSERT INTO booking")]
    assert len(inserts) == 1  # the naive value never reached the database
    with run.namespace["engine"].connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Booking)) == 1


def test_utcnow_warns_from_python_3_12_on():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        naive = datetime.utcnow()
    assert naive.tzinfo is None
    messages = [str(w.message) for w in caught if w.category is DeprecationWarning]
    if sys.version_info >= (3, 12):
        assert messages == [
            "datetime.datetime.utcnow() is deprecated and scheduled for removal in a"
            " future version. Use timezone-aware objects to represent datetimes in"
            " UTC: datetime.datetime.now(datetime.UTC)."
        ]
    else:
        assert messages == []
    # Python 3.11 and later: datetime.UTC is the object the examples use.
    assert datetime_module.UTC is datetime_module.timezone.utc  # noqa: UP017


def test_a_deprecation_warning_shows_for_the_main_script_only(tmp_path):
    # utcnow() warns from 3.12; on older Pythons the same kind of warning stands in,
    # since which DeprecationWarnings Python shows does not depend on the version.
    call = (
        "datetime.utcnow()"
        if sys.version_info >= (3, 12)
        else "warnings.warn('utcnow() is deprecated', DeprecationWarning)"
    )
    code = f"import warnings\nfrom datetime import datetime\ndef stamp():\n    {call}\n"
    (tmp_path / "models.py").write_text(code)
    (tmp_path / "main.py").write_text(code + "stamp()\n")
    (tmp_path / "uses.py").write_text("import models\nmodels.stamp()\n")

    def stderr(*args: str) -> str:
        run = [sys.executable, *args]
        done = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stderr

    assert "DeprecationWarning" in stderr("main.py")
    assert stderr("uses.py") == ""  # called in an imported module: silent
    assert "DeprecationWarning" in stderr("-W", "default", "uses.py")


def test_sqlite_current_timestamp_is_utc_whatever_the_machine_time_zone(tmp_path):
    code = (
        "import sqlite3, time\n"
        "from datetime import datetime, timezone\n"
        "time.tzset()\n"
        "now = sqlite3.connect(':memory:').execute('SELECT CURRENT_TIMESTAMP')\n"
        "print(now.fetchone()[0], datetime.now(timezone.utc).strftime('%Y-%m-%d %H'),"
        " datetime.now().strftime('%Y-%m-%d %H'), sep='|')\n"
    )
    env = {**os.environ, "TZ": "Asia/Tokyo"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    sqlite_now, utc_hour, local_hour = result.stdout.strip().split("|")
    assert local_hour != utc_hour  # the machine's zone is +09:00 here
    assert sqlite_now[:13] in (
        utc_hour,
        (datetime.now(datetime_module.UTC)).strftime("%Y-%m-%d %H"),
    )
    assert len(sqlite_now) == 19  # YYYY-MM-DD HH:MM:SS: whole seconds
