"""Every claim of docs/global_filters.md, on every backend."""

from __future__ import annotations

import contextvars
import warnings
from datetime import datetime

import pytest
from sqlalchemy import create_engine, delete, event, select, text, update
from sqlalchemy.exc import DBAPIError, InvalidRequestError
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    joinedload,
    selectinload,
    sessionmaker,
    with_loader_criteria,
)
from sqlalchemy.orm.exc import ObjectDeletedError
from sqlalchemy.schema import CreateSchema, DropSchema

from snippets.global_filters.filters import hide_deleted
from snippets.global_filters.model import (
    Author,
    Base,
    Book,
    Note,
    SoftDelete,
    library,
    notes,
)
from tests.conftest import backend_name, require_server
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK", "SHOW")
NOT_DELETED = "book.deleted_at IS NULL"


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


def selects(log) -> list[str]:
    return [s for s in log.statements if s.startswith("SELECT")]


def seed(engine) -> None:
    """Empty tables, then Octavia, Kindred and Dawn (soft-deleted)."""
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(library())
        session.commit()


@pytest.fixture
def library_engine(backend):
    engine = create_engine(backend)
    seed(engine)
    yield engine
    engine.dispose()


def filtered(engine, listener=hide_deleted) -> sessionmaker:
    factory = sessionmaker(engine)
    event.listen(factory, "do_orm_execute", listener)
    return factory


def test_the_filter_reaches_queries_get_lazy_and_eager_loads_joins_and_aliases(
    backend, sql_log
):
    ns = run_snippet("global_filters.reaches", backend).namespace
    found = [s for s in sql_log.statements if s.startswith("SELECT")]
    book_selects = [s for s in found if "FROM book" in s or "JOIN book" in s]
    # Each statement that reads book (query, get, lazy, selectin, joined, join,
    # aliased with include_aliases) carries the condition.
    assert len(book_selects) == 7
    for statement in book_selects:
        assert "deleted_at IS NULL" in statement, statement
    joined = next(s for s in book_selects if "LEFT OUTER JOIN" in s)
    assert "ON author.id = book_1.author_id AND book_1.deleted_at IS NULL" in joined
    join = next(s for s in book_selects if " JOIN book ON" in s)
    assert "ON author.id = book.author_id AND book.deleted_at IS NULL" in join
    # The lazy load and selectinload carry it twice: carried over, and the listener's.
    lazy = next(s for s in book_selects if "= book.author_id AND" in s)
    selectin = next(s for s in book_selects if "book.author_id IN" in s)
    assert lazy.count(NOT_DELETED) == 2 and selectin.count(NOT_DELETED) == 2
    # Sessions of the factory are filtered; a Session made directly is not.
    engine = ns["engine"]
    with ns["FilteredSession"]() as session:
        assert session.get(Book, 2) is None
        assert [b.title for b in session.get(Author, 1).books] == ["Kindred"]
    with Session(engine) as session:
        assert session.get(Book, 2).title == "Dawn"


def test_without_include_aliases_an_alias_is_skipped_and_a_mixin_filters_nothing(
    backend,
):
    lines = printed("global_filters.aliases", backend)
    assert lines == [
        "[Book('Kindred')]",
        "[Book('Kindred'), Book('Dawn')]",
        "[Book('Kindred'), Book('Dawn')]",
    ]
    engine = create_engine(backend)
    seed(engine)
    on_mixin = with_loader_criteria(SoftDelete, lambda cls: cls.deleted_at.is_(None))
    with warnings.catch_warnings(), Session(engine) as session:
        warnings.simplefilter("error")  # no warning either
        assert len(session.scalars(select(Book).options(on_mixin)).all()) == 2
    engine.dispose()


def test_a_listener_on_the_session_class_filters_every_session(library_engine):
    event.listen(Session, "do_orm_execute", hide_deleted)
    try:
        with Session(library_engine) as one, sessionmaker(library_engine)() as two:
            assert one.get(Book, 2) is None and two.get(Book, 2) is None
    finally:
        event.remove(Session, "do_orm_execute", hide_deleted)
    with Session(library_engine) as session:
        assert session.get(Book, 2) is not None


def test_the_filter_misses_objects_the_session_holds_until_they_are_reloaded(
    library_engine, sql_log
):
    Filtered = filtered(library_engine)
    for reload in ("populate_existing", "expire", "refresh"):
        with Filtered() as session:
            octavia = session.get(Author, 1)
            kindred = octavia.books[0]
            kindred.deleted_at = datetime(2024, 6, 1)
            session.flush()
            sql_log.clear()
            assert session.get(Book, 1) is kindred  # from the identity map
            assert octavia.books == [kindred]  # the loaded collection
            assert sql_log.statements == []  # no SQL for either
            if reload == "populate_existing":
                fresh = select(Author).execution_options(populate_existing=True)
                session.scalars(fresh).one()
            elif reload == "expire":
                session.expire(octavia, ["books"])
            else:
                session.refresh(octavia)
            assert octavia.books == []
            session.rollback()


def test_get_of_a_held_object_after_a_commit_reloads_it_unfiltered(
    library_engine, sql_log
):
    with filtered(library_engine)() as session:
        kindred = session.get(Book, 1)
        kindred.deleted_at = datetime(2024, 6, 1)
        session.commit()  # expires kindred, which stays in the identity map
        sql_log.clear()
        assert session.get(Book, 1) is kindred  # soft-deleted, still returned
        reloads = selects(sql_log)
        assert len(reloads) == 1 and "deleted_at IS NULL" not in reloads[0]
        assert kindred.deleted_at is not None
    with filtered(library_engine)() as session:  # an object it does not hold
        assert session.get(Book, 1) is None


def test_the_filter_misses_text_core_selects_and_counts_of_the_table(backend):
    lines = printed("global_filters.misses", backend)
    assert lines[-4:] == [
        "[('Kindred',), ('Dawn',)]",
        "[('Kindred',), ('Dawn',)]",
        "2",
        "1",
    ]
    assert lines[:3] == ["Book('Kindred')", "[Book('Kindred')]", "[]"]


def test_orm_update_and_delete_take_the_criterion_only_when_given_it(backend, sql_log):
    lines = printed("global_filters.bulk_dml", backend)
    assert lines == ["2", "1", "1"]
    dml = [s for s in sql_log.statements if s.startswith(("UPDATE", "DELETE"))]
    assert NOT_DELETED not in dml[0]
    assert all(NOT_DELETED in statement for statement in dml[1:])


@pytest.mark.parametrize("synchronize", ["auto", "evaluate", "fetch"])
def test_orm_update_with_the_criterion_leaves_held_deleted_objects_alone(
    library_engine, synchronize
):
    not_deleted = with_loader_criteria(
        SoftDelete, lambda cls: cls.deleted_at.is_(None), include_aliases=True
    )
    with Session(library_engine) as session:
        kindred, dawn = session.scalars(select(Book).order_by(Book.id)).all()
        statement = update(Book).values(title="X").options(not_deleted)
        session.execute(
            statement, execution_options={"synchronize_session": synchronize}
        )
        assert (kindred.title, dawn.title) == ("X", "Dawn")
        assert session.scalar(text("SELECT title FROM book WHERE id = 2")) == "Dawn"


def test_include_deleted_reaches_its_statement_and_its_selectinload_not_later_lazy_loads(
    backend, sql_log
):
    lines = printed("global_filters.opt_out", backend)
    assert lines == [
        "[Book('Kindred'), Book('Dawn')]",
        "[Book('Kindred')]",
        "[Book('Kindred'), Book('Dawn')]",
    ]
    lazy = [s for s in selects(sql_log) if "= book.author_id" in s]
    assert len(lazy) == 1 and NOT_DELETED in lazy[0]
    selectin = [s for s in selects(sql_log) if "book.author_id IN" in s]
    assert len(selectin) == 1 and NOT_DELETED not in selectin[0]
    engine = create_engine(backend)
    seed(engine)
    with filtered(engine)() as session:
        joined = (
            select(Author)
            .options(joinedload(Author.books))
            .execution_options(include_deleted=True)
        )
        assert len(session.scalars(joined).unique().one().books) == 2
    # A collection the session already loaded, filtered, is kept by both loaders,
    # until populate_existing makes them load it again.
    for loader in (selectinload, joinedload):
        with filtered(engine)() as session:
            octavia = session.get(Author, 1)  # held: the identity map is weak
            assert len(octavia.books) == 1
            opt_out = (
                select(Author)
                .options(loader(Author.books))
                .execution_options(include_deleted=True)
            )
            assert len(session.scalars(opt_out).unique().one().books) == 1
            again = opt_out.execution_options(populate_existing=True)
            assert session.scalars(again).unique().one() is octavia
            assert len(octavia.books) == 2
    engine.dispose()


def test_the_listener_flags_tell_the_loads_apart(library_engine):
    seen, updates_and_deletes = [], []
    factory = sessionmaker(library_engine)

    @event.listens_for(factory, "do_orm_execute")
    def record(state: ORMExecuteState) -> None:
        flags = (state.is_select, state.is_relationship_load, state.is_column_load)
        seen.append(flags)
        if state.is_update or state.is_delete:
            updates_and_deletes.append((state.is_update, state.is_delete))

    with factory() as session:
        octavia = session.get(Author, 1)  # a SELECT
        _ = octavia.books  # a lazy load
        session.scalars(select(Author).options(selectinload(Author.books))).all()
        session.expire(octavia, ["name"])
        _ = octavia.name  # an expired attribute
        session.refresh(octavia)
        session.execute(text("SELECT 1"))
        session.execute(update(Book).values(title="X"))
        session.execute(delete(Book))
    assert seen == [
        (True, False, False),
        (True, True, False),
        (True, False, False),
        (True, True, False),
        (True, False, True),
        (True, False, True),
        (False, False, False),
        (False, False, False),
        (False, False, False),
    ]
    assert [flag for flag in updates_and_deletes] == [(True, False), (False, True)]


def test_a_where_added_to_column_loads_makes_a_soft_deleted_object_unreadable(
    backend,
):
    lines = printed("global_filters.column_loads", backend)
    assert lines == ["ObjectDeletedError", "None", "Kindred"]
    ns = run_snippet("global_filters.column_loads", backend).namespace
    engine = create_engine(backend)
    seed(engine)
    broken = filtered(engine, ns["where_not_deleted"])
    with broken() as session:
        book = session.get(Book, 1)
        book.deleted_at = datetime(2024, 6, 1)
        session.flush()
        session.expire(book)
        with pytest.raises(ObjectDeletedError) as deleted:
            _ = book.title
        assert "has been deleted, or its row is otherwise not present" in str(
            deleted.value
        )
        assert str(deleted.value).startswith("Instance '<Book at 0x")
        with pytest.raises(InvalidRequestError, match="Could not refresh instance"):
            session.refresh(book)
    engine.dispose()


def test_with_loader_criteria_is_left_out_of_column_loads(library_engine, sql_log):
    def everywhere(state: ORMExecuteState) -> None:
        if state.is_select:
            state.statement = state.statement.options(
                with_loader_criteria(
                    SoftDelete,
                    lambda cls: cls.deleted_at.is_(None),
                    include_aliases=True,
                )
            )

    with filtered(library_engine, everywhere)() as session:
        kindred = session.get(Book, 1)
        kindred.deleted_at = datetime(2024, 6, 1)
        session.commit()
        sql_log.clear()
        assert kindred.title == "Kindred"
        session.expire(kindred, ["title"])
        assert kindred.title == "Kindred"
        session.refresh(kindred)
    reloads = selects(sql_log)
    assert len(reloads) == 3
    assert not any("deleted_at IS NULL" in s for s in reloads)


def test_skipping_relationship_loads_lets_deleted_rows_into_a_new_objects_collection(
    backend,
):
    lines = printed("global_filters.relationship_loads", backend)
    assert lines == [
        "[Book('Kindred'), Book('Dawn')]",
        "[Book('Kindred')]",
        "[Book('Lathe')]",
    ]


def test_a_tenant_filter_shows_each_tenant_only_its_rows(backend):
    lines = printed("global_filters.tenants", backend)
    assert lines == ["[Note('Plan A')]", "[Note('Plan B')]"]


def test_a_criterion_made_once_keeps_the_value_it_was_made_with(backend):
    lines = printed("global_filters.lambda_pitfalls", backend)
    assert lines[0] == "[Note('Plan A')]"  # tenant 1's note, asked as tenant 2


def test_a_lambda_that_reads_an_object_or_calls_a_function_raises(backend):
    lines = printed("global_filters.lambda_pitfalls", backend)
    assert lines[1] == "Closure variable named 'state'"
    engine = create_engine(backend)
    Base.metadata.create_all(engine)
    info = {"tenant_id": 1}
    current = contextvars.ContextVar("current", default=1)

    def reads_object():
        return with_loader_criteria(
            Note, lambda cls: cls.tenant_id == info["tenant_id"]
        )

    def calls_function():
        return with_loader_criteria(Note, lambda cls: cls.tenant_id == current.get())

    with Session(engine) as session:
        with pytest.raises(InvalidRequestError) as closure:
            session.scalars(select(Note).options(reads_object())).all()
        with pytest.raises(InvalidRequestError) as call:
            session.scalars(select(Note).options(calls_function())).all()
    assert "Closure variable named 'info' inside of lambda callable" in str(
        closure.value
    )
    assert (
        "does not refer to a cacheable SQL element, and also does not appear to be "
        "serving as a SQL literal bound value" in str(closure.value)
    )
    assert (
        "Can't invoke Python callable get() inside of lambda expression argument"
        in str(call.value)
    )
    engine.dispose()


@pytest.mark.server("postgresql")
def test_schema_translate_map_sends_each_tenant_to_its_own_schema(sql_log):
    url = require_server("postgresql")
    lines = printed("global_filters.schema_per_tenant", url)
    assert lines[:2] == ["[Invoice(100)]", "[Invoice(200)]"]
    selects_of = [s for s in selects(sql_log) if "invoice" in s]
    assert "FROM tenant_a.invoice" in selects_of[0]
    assert "FROM tenant_b.invoice" in selects_of[1]


@pytest.mark.server("postgresql")
def test_search_path_stays_on_the_pooled_connection():
    url = require_server("postgresql")
    lines = printed("global_filters.schema_per_tenant", url)
    assert lines[2:4] == ["tenant_a", "[Invoice(100)]"]
    # A SET whose transaction is rolled back does not stay: by rollback(), by an
    # error in the request, or by closing the session without a commit.
    engine = create_engine(url, pool_size=1)
    with engine.connect() as connection:
        default = connection.scalar(text("SHOW search_path"))
    for ending in ("rollback", "error", "close"):
        with Session(engine) as session:
            session.execute(text("SET search_path TO tenant_a"))
            if ending == "rollback":
                session.rollback()
            elif ending == "error":
                with pytest.raises(DBAPIError):
                    session.execute(text("SELECT * FROM no_such_table"))
        with Session(engine) as session:
            assert session.scalar(text("SHOW search_path")) == default != "tenant_a"
    engine.dispose()


@pytest.mark.server("postgresql")
def test_a_checkout_listener_sets_the_search_path_at_every_checkout():
    url = require_server("postgresql")
    lines = printed("global_filters.schema_per_tenant", url)
    assert lines[4:] == ["[Invoice(100)]", "public"]


@pytest.mark.server("mariadb")
def test_on_mariadb_a_schema_is_a_database_and_schema_translate_map_reaches_it():
    url = require_server("mariadb")
    engine = create_engine(url)
    schema = f"{engine.url.database}_tenant_a"  # databases are the server's: ours
    try:
        with engine.begin() as connection:
            connection.execute(DropSchema(schema, if_exists=True))
            connection.execute(CreateSchema(schema))
            databases = connection.scalars(text("SHOW DATABASES")).all()
            assert schema in databases
            in_schema = connection.execution_options(
                schema_translate_map={None: schema}
            )
            Base.metadata.create_all(in_schema)
        tenant = engine.execution_options(schema_translate_map={None: schema})
        with Session(tenant) as session:
            session.add_all(notes())
            session.commit()
            assert len(session.scalars(select(Note)).all()) == 2
        with engine.connect() as connection:
            count = connection.scalar(text(f"SELECT count(*) FROM {schema}.note"))
            assert count == 2
    finally:
        with engine.begin() as connection:
            connection.execute(DropSchema(schema, if_exists=True))
        engine.dispose()


@pytest.mark.server("mariadb")
def test_the_schema_example_stops_with_one_line_on_mariadb():
    url = require_server("mariadb")
    with pytest.raises(SystemExit) as stopped:
        run_snippet("global_filters.schema_per_tenant", url)
    assert str(stopped.value) == (
        "This example needs PostgreSQL: its schemas live in one database"
    )
    assert backend_name(url) == "mariadb"
