"""Every claim of docs/defaults.md, on every backend."""

from __future__ import annotations

import sys
import time
import warnings
from datetime import UTC, datetime

import pytest
from sqlalchemy import (
    String,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    MappedAsDataclass,
    Session,
    mapped_column,
)

from snippets.defaults.model import Base, Note, utc_now
from snippets.defaults.printout import shown
from tests.conftest import backend_name
from tests.defaults_facts import FACTS, MEASURES, statements_during
from tests.outputs import run_snippet

SQL = (
    "select nextval",
    "BEGIN",
    "SELECT",
    "INSERT",
    "UPDATE",
    "COMMIT",
    "ROLLBACK",
    "PRAGMA",
    "SHOW",
)


def printed(run) -> list[str]:
    """What a snippet printed itself, without its SQL printout."""
    lines = [text.rstrip("\n") for _, text in run.printed]
    return [line for line in lines if not line.startswith(SQL)]


@pytest.fixture
def notes(backend):
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("fact", FACTS)
def test_each_backend_does_what_the_defaults_table_says(backend, fact):
    engine = create_engine(backend)
    try:
        assert MEASURES[fact](engine) == FACTS[fact][backend_name(backend)]
    finally:
        engine.dispose()


def test_a_python_default_is_none_until_the_flush_which_sends_it_in_the_insert(
    backend, notes, sql_log
):
    with Session(notes) as session:
        note = Note(title="First note")
        session.add(note)
        assert (note.status, note.created_at) == (None, None)
        assert sql_log.kinds() == ()
        session.flush()
        (sent,) = [s for s in sql_log.statements if s.startswith("INSERT")]
        assert "status" in sent and "created_at" in sent
        sql_log.clear()
        assert note.status == "draft" and note.created_at is not None
        assert sql_log.kinds() == ()  # known from the flush, no SELECT
        assert note.created_at.tzinfo is not None  # the value utc_now() returned
        session.commit()
        sql_log.clear()
        assert note.status == "draft"
        assert "SELECT" in sql_log.kinds()  # expired by the commit, read again
        # read from the row: the time zone survives on PostgreSQL only
        aware = backend_name(backend) == "postgresql"
        assert (note.created_at.tzinfo is not None) == aware
        if not aware:
            with pytest.raises(TypeError, match="offset-naive and offset-aware"):
                _ = note.created_at < utc_now()
    with Session(notes, expire_on_commit=False) as session:
        note = Note(title="Second note")
        session.add(note)
        session.commit()
        sql_log.clear()
        assert note.status == "draft" and note.created_at is not None
        assert sql_log.kinds() == ()
    with Session(notes) as session:  # a value of its own wins over the default
        session.add(Note(title="Third note", status="published"))
        session.commit()
        assert session.scalar(
            select(Note.status).where(Note.title == "Third note")
        ) == ("published")
    with notes.begin() as connection:  # an insert() statement gets it too
        connection.execute(insert(Note.__table__).values(title="Fourth note"))
        row = connection.execute(
            select(Note.__table__).where(Note.title == "Fourth note")
        ).one()
    assert row.status == "draft" and row.created_at is not None
    run = run_snippet("defaults.python_default", notes.url.render_as_string(False))
    assert printed(run) == ["None None", "draft False", "draft", "draft False"]


def test_insert_default_does_what_default_does_and_is_the_one_for_dataclasses():
    class Plain(DeclarativeBase):
        pass

    class A(Plain):
        __tablename__ = "a"
        id: Mapped[int] = mapped_column(primary_key=True)
        status: Mapped[str] = mapped_column(insert_default="draft")

    class B(Plain):
        __tablename__ = "b"
        id: Mapped[int] = mapped_column(primary_key=True)
        status: Mapped[str] = mapped_column(default="draft")

    assert A.__table__.c.status.default.arg == B.__table__.c.status.default.arg
    calls = []

    class L(Plain):
        __tablename__ = "l"
        id: Mapped[int] = mapped_column(primary_key=True)
        n: Mapped[int] = mapped_column(default=lambda: len(calls.append(1) or calls))

    memory = create_engine("sqlite://")
    Plain.metadata.create_all(memory)
    with Session(memory) as session:
        rows = [L(), L()]
        session.add_all(rows)
        session.flush()
        assert [row.n for row in rows] == [1, 2]  # a lambda is called per row
    assert A(id=1).status is None and B(id=1).status is None

    class Data(MappedAsDataclass, DeclarativeBase):
        pass

    class C(Data):
        __tablename__ = "c"
        id: Mapped[int] = mapped_column(primary_key=True, init=False)
        status: Mapped[str] = mapped_column(default="draft")
        stamp: Mapped[datetime] = mapped_column(insert_default=utc_now, init=False)

    c = C()
    assert c.status == "draft"  # a dataclass default: set at construction
    assert c.stamp is None  # an insert default: set at the INSERT
    engine = create_engine("sqlite://")
    Data.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(c)
        session.flush()
        assert c.stamp is not None


def test_a_default_called_in_the_class_body_gives_every_row_the_same_value(
    backend, sql_log
):
    run = run_snippet("defaults.once_at_import", backend)
    assert printed(run) == ["True False", "False", "True"]
    inserts = [s for s in sql_log.statements if s.startswith("INSERT INTO visit")]
    assert len(inserts) == 2
    for sent in inserts:  # func.now() is SQL in the INSERT, read back by RETURNING
        values, returning = sent.split("RETURNING")
        assert "by_database" in returning
        assert ("CURRENT_TIMESTAMP" in values) or ("now()" in values)
    other = create_engine(backend)
    try:
        with other.connect() as connection:
            table = run.namespace["Visit"].__table__
            rows = connection.execute(select(table).order_by(table.c.id)).all()
    finally:
        other.dispose()
    assert len(rows) == 2 and rows[0].frozen == rows[1].frozen
    assert rows[0].per_row <= rows[1].per_row  # MariaDB's DATETIME keeps seconds


def test_utcnow_warns_from_python_3_12_and_now_with_utc_is_aware_and_silent():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        naive = datetime.utcnow()  # noqa: DTZ003
        aware = datetime.now(UTC)
        ours = utc_now()
    deprecated = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecated) == (1 if sys.version_info >= (3, 12) else 0)
    if deprecated:
        assert "utcnow() is deprecated" in str(deprecated[0].message)
    assert naive.tzinfo is None
    assert aware.utcoffset().total_seconds() == 0 == ours.utcoffset().total_seconds()

    class Own(DeclarativeBase):
        pass

    class Old(Own):
        __tablename__ = "old"
        id: Mapped[int] = mapped_column(primary_key=True)
        at: Mapped[datetime] = mapped_column(default=datetime.utcnow)  # noqa: DTZ003

    engine = create_engine("sqlite://")
    Own.metadata.create_all(engine)
    with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session.add(Old())
        session.flush()
    deprecated = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecated) == (1 if sys.version_info >= (3, 12) else 0)
    if deprecated:  # raised in SQLAlchemy's code: Python's default filters hide it
        (warning,) = deprecated
        assert "sqlalchemy" in warning.filename
        assert "scheduled for removal" in str(warning.message)
    engine.dispose()


def test_a_server_default_is_read_back_by_the_flush_and_again_after_the_commit(
    backend, sql_log
):
    run = run_snippet("defaults.server_default", backend)
    assert printed(run) == ["None None", "0 False", "0"]
    inserts = [s for s in sql_log.statements if s.startswith("INSERT INTO comment")]
    (sent,) = inserts
    assert "likes" not in sent.split("RETURNING")[0]  # the database fills it
    assert "likes" in sent.split("RETURNING")[1]
    Comment = run.namespace["Comment"]
    engine = create_engine(backend)
    try:
        with Session(engine, expire_on_commit=False) as session:
            comment = Comment()
            session.add(comment)
            session.commit()
            sql_log.clear()
            assert comment.likes == 0 and comment.created_at is not None
            assert sql_log.kinds() == ()
    finally:
        engine.dispose()


def test_eager_defaults_is_auto_unless_set_and_false_leaves_a_select(backend, sql_log):
    assert Note.__mapper__.eager_defaults == "auto"

    class Own(DeclarativeBase):
        pass

    class Lazy(Own):
        __tablename__ = "defaults_lazy"
        __mapper_args__ = {"eager_defaults": False}
        id: Mapped[int] = mapped_column(primary_key=True)
        at: Mapped[datetime] = mapped_column(server_default=func.now())

    engine = create_engine(backend)
    try:
        Own.metadata.drop_all(engine)
        Own.metadata.create_all(engine)
        with Session(engine) as session:
            row = Lazy()
            session.add(row)
            session.flush()
            assert "at" in inspect(row).unloaded
            sent = statements_during(engine, lambda: row.at)
            assert len(sent) == 1 and sent[0].startswith("SELECT")
    finally:
        engine.dispose()


def test_without_returning_auto_reads_at_first_use_and_true_reads_in_the_flush(
    backend, sql_log
):
    run = run_snippet("defaults.without_returning", backend)
    assert printed(run) == ["False", "False"]
    ns = run.namespace
    engine = create_engine(backend)
    try:
        with Session(engine) as session:
            reply, eager = ns["Reply"](), ns["EagerReply"]()
            session.add(reply)
            flushed = statements_during(engine, session.flush)
            # PostgreSQL takes the new id from its sequence first
            flushed = [s for s in flushed if not s.startswith("select nextval")]
            assert [s.split()[0] for s in flushed] == ["INSERT"]
            assert "RETURNING" not in flushed[0]
            assert [
                s.split()[0]
                for s in statements_during(engine, lambda: reply.created_at)
            ] == ["SELECT"]
            session.add(eager)
            flushed = statements_during(engine, session.flush)
            flushed = [s for s in flushed if not s.startswith("select nextval")]
            assert [s.split()[0] for s in flushed] == ["INSERT", "SELECT"]
            assert statements_during(engine, lambda: eager.created_at) == []
    finally:
        engine.dispose()


def test_onupdate_is_in_the_update_and_server_onupdate_makes_no_ddl(backend, sql_log):
    run = run_snippet("defaults.onupdate", backend)
    lines = printed(run)
    ddl = lines[0]
    assert ddl.startswith("CREATE TABLE page") and "checked_at" in ddl
    assert "ON UPDATE" not in ddl.upper() and "TRIGGER" not in ddl.upper()
    assert lines[-2:] == ["True", "True"]
    (sent,) = [s for s in sql_log.statements if s.startswith("UPDATE page")]
    assert "updated_at=" in sent and "checked_at" not in sent
    Page = run.namespace["Page"]
    engine = create_engine(backend)
    try:
        with Session(engine) as session:
            page = session.get(Page, 1)
            page.title = "Again"
            session.flush()
            assert {"updated_at", "checked_at"} <= inspect(page).unloaded
            page.updated_at = datetime(2001, 1, 1)  # a value of its own wins
            page.title = "Once more"
            sql_log.clear()
            session.flush()
            (sent,) = [s for s in sql_log.statements if s.startswith("UPDATE page")]
            assert "now()" not in sent and "CURRENT_TIMESTAMP" not in sent
            assert page.updated_at == datetime(2001, 1, 1)
    finally:
        engine.dispose()
    other = create_engine(backend)
    try:
        with other.connect() as connection:
            table = run.namespace["Page"].__table__
            row = connection.execute(select(table)).one()
    finally:
        other.dispose()
    assert row.updated_at > row.checked_at  # no trigger: checked_at never moved


def test_a_python_onupdate_value_stays_in_memory_after_the_flush(backend):
    class Own(DeclarativeBase):
        pass

    class Doc(Own):
        __tablename__ = "defaults_doc"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(20))
        updated_at: Mapped[datetime | None] = mapped_column(onupdate=datetime.now)

    engine = create_engine(backend)
    try:
        Own.metadata.drop_all(engine)
        Own.metadata.create_all(engine)
        with Session(engine) as session:
            doc = Doc(title="a")
            session.add(doc)
            session.flush()
            assert doc.updated_at is None
            doc.title = "b"
            session.flush()
            assert "updated_at" not in inspect(doc).unloaded
            assert statements_during(engine, lambda: doc.updated_at) == []
            assert isinstance(doc.updated_at, datetime)
    finally:
        engine.dispose()


def test_a_computed_and_an_identity_column_are_read_back_by_the_flush(backend, sql_log):
    run = run_snippet("defaults.generated", backend)
    lines = printed(run)
    assert "GENERATED ALWAYS AS (quantity * unit_price) STORED" in lines[0]
    assert lines[-2:] == ["1 750", "1000"]
    (sent,) = [s for s in sql_log.statements if s.startswith("INSERT INTO line")]
    assert "total" in sent.split("RETURNING")[1]
    (after_update,) = [
        s for s in sql_log.statements if s.startswith("SELECT line.total")
    ]
    assert after_update


def test_the_timestamps_recipe_holds_after_commit_rollback_and_by_hand(backend):
    run = run_snippet("defaults.timestamps", backend)
    assert printed(run) == ["True", "True True", "Rewrite the page True"]
    Task = run.namespace["Task"]
    engine = create_engine(backend)
    try:
        with Session(engine) as session:
            task = session.get(Task, 1)
            committed = (task.title, task.created_at, task.updated_at)
            task.title = "Abandon the page"
            session.flush()
            session.rollback()
            assert (task.title, task.created_at, task.updated_at) == committed
    finally:
        engine.dispose()
    table = Task.__table__
    other = create_engine(backend)
    try:
        with other.begin() as connection:  # the table's DEFAULT fills both
            connection.execute(text("INSERT INTO task (id, title) VALUES (2, 'a')"))
            inserted = connection.execute(select(table).where(table.c.id == 2)).one()
        # each UPDATE in a transaction of its own, a second later: PostgreSQL's now()
        # is the start of the transaction, SQLite's and MariaDB's count whole seconds
        time.sleep(1.1)
        with other.begin() as connection:
            connection.execute(text("UPDATE task SET title = 'b' WHERE id = 2"))
            by_hand = connection.execute(select(table).where(table.c.id == 2)).one()
        time.sleep(1.1)
        with other.begin() as connection:
            connection.execute(update(table).where(table.c.id == 2).values(title="c"))
            by_core = connection.execute(select(table).where(table.c.id == 2)).one()
        with Session(other) as session:  # the ORM's update() statement
            time.sleep(1.1)
            session.execute(update(Task).where(Task.id == 2).values(title="d"))
            session.commit()
            by_orm = session.execute(select(table).where(table.c.id == 2)).one()
    finally:
        other.dispose()
    assert inserted.created_at is not None and inserted.updated_at is not None
    assert by_hand.updated_at == inserted.updated_at  # SQL text leaves it
    assert by_core.updated_at > by_hand.updated_at  # update() sets it
    assert by_orm.updated_at > by_core.updated_at


MESSAGES = {
    "sqlite": "IntegrityError NOT NULL constraint failed: {table}.{column}",
    "postgresql": 'IntegrityError null value in column "{column}" of relation'
    ' "{table}" violates not-null constraint',
    "mariadb": "OperationalError (1364, \"Field '{column}' doesn't have a default"
    ' value")',
}


def test_a_default_only_in_the_model_fails_an_insert_written_by_hand(backend):
    run = run_snippet("defaults.missing_default", backend)
    (line,) = printed(run)
    expected = MESSAGES[backend_name(backend)].format(table="note", column="status")
    assert line.startswith(expected)


def test_a_table_made_without_the_server_default_fails_the_flush_until_it_has_it(
    backend,
):
    run = run_snippet("defaults.made_without_default", backend)
    lines = printed(run)
    expected = MESSAGES[backend_name(backend)].format(table="post", column="created_at")
    assert lines[0].startswith(expected)
    assert (
        lines[-4:-1] == ["id None", "title None", "created_at None"]
        or (
            backend_name(backend) == "postgresql"  # its id has a sequence as default
            and lines[-3:-1] == ["title None", "created_at None"]
        )
    )
    default = {"sqlite": "CURRENT_TIMESTAMP", "postgresql": "now()"}
    assert lines[-1] == default.get(backend_name(backend), "current_timestamp()")


def test_computed_without_persisted_warns_on_postgresql_under_2_1(backend):
    import sqlalchemy
    from sqlalchemy import Column, Computed, Integer, MetaData, Table
    from sqlalchemy.exc import SAWarning
    from sqlalchemy.schema import CreateTable

    table = Table(
        "t",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("a", Integer),
        Column("b", Integer, Computed("a * 2")),
    )
    engine = create_engine(backend)
    try:
        with engine.connect() as connection, warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            ddl = str(CreateTable(table).compile(connection))
    finally:
        engine.dispose()
    warned = [x for x in w if issubclass(x.category, SAWarning)]
    expected = backend_name(backend) == "postgresql" and sqlalchemy.__version__ >= "2.1"
    assert bool(warned) == expected
    if expected:
        assert "STORED" in ddl and "persisted=True" in str(warned[0].message)


def test_the_printout_shows_each_time_as_a_placeholder_and_nothing_else():
    when = datetime(2026, 12, 1, 9, 30, 5, 123456, tzinfo=UTC)
    assert shown(when) == shown(when.replace(tzinfo=None)) == "<time>"
    assert shown("2026-12-01 09:30:05.123456") == "<time>"  # as SQLite receives it
    assert shown("2026-12-01 09:30:05+00:00") == "<time>"
    for value in ("draft", 1, "2026-12-01", "First note"):
        assert shown(value) == value
    run = run_snippet("defaults.python_default")
    sql = [text for _, text in run.printed if text.startswith("INSERT")]
    assert sql and all("'<time>'" in text for text in sql)


def test_mariadb_refuses_not_null_on_a_generated_column(backend):
    from sqlalchemy import Column, Computed, Integer, MetaData, Table

    table = Table(
        "defaults_generated",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("a", Integer),
        Column("b", Integer, Computed("a * 2", persisted=True), nullable=False),
    )
    engine = create_engine(backend)
    try:
        table.drop(engine, checkfirst=True)
        if backend_name(backend) == "mariadb":
            with pytest.raises(DBAPIError, match="NOT NULL"):
                table.create(engine)
        else:
            table.create(engine)
            table.drop(engine)
    finally:
        engine.dispose()
    assert run_snippet("defaults.generated", backend)


def test_updated_at_read_after_the_session_closes_needs_eager_defaults(backend):
    from sqlalchemy.orm.exc import DetachedInstanceError

    from snippets.defaults.model import Timestamped

    class Own(DeclarativeBase):
        pass

    class Lazy(Timestamped, Own):
        __tablename__ = "defaults_lazy_task"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(20))

    class Eager(Timestamped, Own):
        __tablename__ = "defaults_eager_task"
        __mapper_args__ = {"eager_defaults": True}  # the fix the page gives
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(20))

    engine = create_engine(backend)
    try:
        Own.metadata.drop_all(engine)
        Own.metadata.create_all(engine)
        lazy, eager = Lazy(title="a"), Eager(title="a")
        with Session(engine, expire_on_commit=False) as session:
            session.add_all([lazy, eager])
            session.commit()
        assert lazy.created_at is not None and lazy.updated_at is not None
        with Session(engine, expire_on_commit=False) as session:
            session.add_all([lazy, eager])
            lazy.title = eager.title = "b"
            session.commit()
        assert lazy.created_at is not None  # not in the UPDATE: kept
        with pytest.raises(
            DetachedInstanceError,
            match="is not bound to a Session;"
            " attribute refresh operation cannot proceed",
        ):
            _ = lazy.updated_at
        assert eager.updated_at is not None
    finally:
        engine.dispose()


def test_a_nullable_identity_off_the_key_stays_null_or_fails_the_create(backend):
    from sqlalchemy import Identity

    class Own(DeclarativeBase):
        pass

    class Counter(Own):
        __tablename__ = "defaults_counter"
        id: Mapped[int] = mapped_column(primary_key=True)
        number: Mapped[int | None] = mapped_column(Identity(start=100))

    engine = create_engine(backend)
    try:
        Own.metadata.drop_all(engine)
        if backend_name(backend) == "postgresql":
            with pytest.raises(DBAPIError, match="conflicting NULL/NOT NULL"):
                Own.metadata.create_all(engine)
            return
        Own.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Counter())
            session.commit()  # nothing fails: the column is nullable
            assert session.scalar(select(Counter.number)) is None
    finally:
        engine.dispose()
