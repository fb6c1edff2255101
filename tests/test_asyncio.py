"""Every claim of docs/asyncio.md, on every backend, through its asyncio driver.

The tests are plain functions that run a coroutine with asyncio.run(). Every engine
they make is disposed inside the event loop, before the loop closes.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import gc
import importlib.metadata
import inspect as python_inspect
import os
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from collections.abc import Awaitable, Callable

import pytest
import sqlalchemy
from packaging.requirements import Requirement
from sqlalchemy import (
    ForeignKey,
    String,
    create_engine,
    event,
    inspect,
    literal_column,
    select,
    text,
)
from sqlalchemy.exc import (
    IllegalStateChangeError,
    InvalidRequestError,
    MissingGreenlet,
    NoInspectionAvailable,
    SQLAlchemyError,
    StatementError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import (
    AsyncAttrs,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.ext.asyncio.exc import AsyncContextNotStarted, AsyncMethodRequired
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)
from sqlalchemy.pool import AsyncAdaptedQueuePool, QueuePool, StaticPool

from snippets.asyncio.engine import async_url, fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library
from snippets.states.state_of import state_of
from snippets.support import SETTING
from tests.databases import backend_name
from tests.outputs import comparable, run_snippet

ON_2_1 = sqlalchemy.__version__.startswith("2.1.")
WRAPPED = "(sqlalchemy.exc.MissingGreenlet) "


@contextlib.contextmanager
def unawaited_cursor_ignored():
    """Leave out the RuntimeWarning of the cursor coroutine that a failed read leaves
    behind with aiosqlite on 2.1 (a claim of its own, tested below): collect it here,
    rather than let it surface in whichever test runs next."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "coroutine 'Connection.cursor'")
        # and, on 2.1, that of a connection that psycopg or aiomysql never opened
        warnings.filterwarnings("ignore", "coroutine '(AsyncConnection.)?_?connect'")
        yield
        gc.collect()


def printed(module: str, url: str) -> list[str]:
    """What the snippet prints on `url`, line by line."""
    with unawaited_cursor_ignored():
        run = run_snippet(module, url)
    return "".join(text for _, text in run.printed).splitlines()


def run(main: Callable[[], Awaitable[object]]) -> object:
    """Run a coroutine function as a script does, with asyncio.run()."""
    return asyncio.run(main())


async def stored(backend: str, *rows: object, metadata=Base.metadata, **options):
    """An asyncio engine on `backend`, with fresh tables holding `rows`, no printout."""
    previous = os.environ.get(SETTING)
    os.environ[SETTING] = backend
    try:
        return await fresh_async_engine(metadata, *rows, show_sql=False, **options)
    finally:
        if previous is None:
            del os.environ[SETTING]
        else:
            os.environ[SETTING] = previous


def names_elsewhere(url: str) -> list[str]:
    """The names in the author table, read through a synchronous engine of its own."""
    other = create_engine(url)
    try:
        with other.connect() as connection:
            return list(connection.scalars(select(Author.name).order_by(Author.id)))
    finally:
        other.dispose()


def after_setup(sql_log, *, rows: bool = True) -> list[str]:
    """The statements an example sent after fresh_async_engine() stored its tables
    (one COMMIT) and its rows (another)."""
    statements, commits = sql_log.statements, 2 if rows else 1
    ends = [at for at, statement in enumerate(statements) if statement == "COMMIT"]
    return statements[ends[commits - 1] + 1 :]


def kinds(statements: list[str]) -> tuple[str, ...]:
    return tuple(statement.split()[0].upper() for statement in statements)


def cause(error: SQLAlchemyError) -> BaseException:
    return getattr(error, "orig", error)


def is_xd2s(error: BaseException) -> bool:
    return isinstance(cause(error), MissingGreenlet) and error.code == "xd2s"


def python(code: str, url: str | None = None) -> subprocess.CompletedProcess:
    """Run `code` in a new interpreter of this environment (same SQLAlchemy series)."""
    env = {k: v for k, v in os.environ.items() if k != SETTING}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), url or ""],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# Installing


def greenlet_installed(machine: str, extra: str = "") -> bool:
    """Whether pip installs greenlet with this SQLAlchemy on `machine`, given `extra`
    ("" for none), following the extras that include the asyncio one."""
    for line in importlib.metadata.requires("sqlalchemy"):
        requirement = Requirement(line)
        environment = {"platform_machine": machine, "extra": extra}
        if requirement.marker is not None and not requirement.marker.evaluate(
            environment
        ):
            continue
        if requirement.name == "greenlet":
            return True
        if requirement.name == "sqlalchemy" and "asyncio" in requirement.extras:
            return greenlet_installed(machine, "asyncio")
    return False


def test_greenlet_comes_with_the_asyncio_extras_and_with_2_0_on_listed_machines():
    machines = ("x86_64", "aarch64", "arm64")
    for extra in ("asyncio", "aiosqlite", "aiomysql"):  # on both series
        assert all(greenlet_installed(machine, extra) for machine in machines)
    for extra in ("postgresql-psycopg", "postgresql-psycopgbinary"):
        assert not greenlet_installed("arm64", extra)  # psycopg's extras: no
    listed = ("x86_64", "amd64", "AMD64", "aarch64", "ppc64le", "win32")
    if ON_2_1:
        assert not any(greenlet_installed(machine) for machine in (*listed, "arm64"))
    else:  # 2.0: by itself on these machines, not on an Apple-silicon Mac
        assert all(greenlet_installed(machine) for machine in listed)
        assert not greenlet_installed("arm64")


def test_without_greenlet_2_1_refuses_the_import_and_2_0_the_first_use():
    done = python(
        """
        import asyncio, sys
        sys.modules["greenlet"] = None  # as if it were not installed
        try:
            from sqlalchemy.ext.asyncio import create_async_engine
        except ImportError as error:
            print("import:", type(error).__name__, error)
            raise SystemExit
        async def main():
            engine = create_async_engine("sqlite+aiosqlite://")
            async with engine.connect():
                pass
        try:
            asyncio.run(main())
        except Exception as error:
            print("use:", type(error).__name__, error)
        """
    )
    assert done.returncode == 0, done.stderr
    if ON_2_1:
        assert done.stdout.startswith("import: ImportError")
        assert "pip install sqlalchemy[asyncio]" in done.stdout
    else:
        assert done.stdout.startswith(
            "use: ValueError the greenlet library is required to use this function"
        )


# What stays the same, what changes

AWAITED = [
    "execute",
    "scalar",
    "scalars",
    "get",
    "stream",
    "stream_scalars",
    "flush",
    "commit",
    "rollback",
    "close",
    "refresh",
    "merge",
    "delete",
    "run_sync",
]
PLAIN = ["add", "add_all", "expire", "expire_all", "expunge", "expunge_all"]


def test_the_methods_the_table_lists_are_awaited_or_plain_as_it_says():
    for name in AWAITED:
        assert python_inspect.iscoroutinefunction(getattr(AsyncSession, name)), name
    for name in PLAIN:
        method = getattr(AsyncSession, name)
        assert not python_inspect.iscoroutinefunction(method), name
        assert name in dir(Session)


def test_an_async_session_keeps_its_objects_in_the_session_inside_it(backend):
    async def main():
        engine = await stored(backend)
        async with AsyncSession(engine) as session:
            assert type(session.sync_session) is Session
            author = Author(name="Ursula")
            session.add(author)
            assert inspect(author).session is session.sync_session
            assert author in session.sync_session.new
        await engine.dispose()

    run(main)


def test_awaited_calls_run_sqlalchemy_code_in_a_greenlet_and_plain_code_does_not(
    backend,
):
    import greenlet

    def where(session: Session) -> bool:
        return greenlet.getcurrent().parent is not None  # not the main greenlet

    async def main():
        engine = await stored(backend)
        try:
            async with AsyncSession(engine) as session:
                return greenlet.getcurrent().parent is None, await session.run_sync(
                    where
                )
        finally:
            await engine.dispose()

    assert run(main) == (True, True)


@pytest.mark.parametrize(
    "name", ["before_cursor_execute", "begin", "connect", "checkout"]
)  # events of connections, and of the pool
def test_engine_events_go_on_the_sync_engine_not_on_the_async_engine(name):
    async def main():
        engine = create_async_engine("sqlite+aiosqlite://")
        try:
            with pytest.raises(NotImplementedError) as refused:
                event.listen(engine, name, print)
            event.listen(engine.sync_engine, name, print)
            return str(refused.value)
        finally:
            await engine.dispose()

    assert run(main).startswith("asynchronous events are not implemented at this time")


def test_creating_an_async_engine_opens_no_connection(backend):
    async def main():
        engine = create_async_engine(async_url(backend))
        try:
            return engine.pool.checkedin() + engine.pool.checkedout()
        finally:
            await engine.dispose()

    assert run(main) == 0


def test_async_sessionmaker_begin_commits_or_rolls_back_and_closes(backend):
    async def main():
        engine = await stored(backend)
        try:
            Session = async_sessionmaker(engine)
            async with Session.begin() as session:
                kept = Author(name="Ursula")
                session.add(kept)
            with contextlib.suppress(RuntimeError):
                async with Session.begin() as failing:
                    failing.add(Author(name="Octavia"))
                    await failing.flush()
                    raise RuntimeError("the work fails after the flush")
            return state_of(kept), failing.sync_session.in_transaction()
        finally:
            await engine.dispose()

    assert run(main) == ("detached", False)
    assert names_elsewhere(backend) == ["Ursula"]


def test_async_sessions_expire_on_commit_by_default(backend):
    async def main():
        engine = await stored(backend)
        try:
            made = async_sessionmaker(engine)()
            plain = AsyncSession(engine)
            for session in (made, plain):
                assert session.sync_session.expire_on_commit is True
                author = Author(name="Ursula")
                session.add(author)
                await session.commit()
                assert "name" in inspect(author).expired_attributes
                await session.close()
        finally:
            await engine.dispose()

    run(main)


def test_sync_and_asyncio_objects_refuse_each_other(backend):
    lines = printed("asyncio.mixing", backend)
    assert lines[0] == "MissingGreenlet xd2s"  # create_engine(), asyncio driver
    assert lines[-1].startswith("ArgumentError AsyncEngine expected, got Engine(")
    if backend_name(backend) == "postgresql":  # psycopg: its asyncio mode, no error
        assert len(lines) == 2
    else:
        driver = {"sqlite": "pysqlite", "mariadb": "pymysql"}[backend_name(backend)]
        assert lines[1] == (
            "The asyncio extension requires an async driver to be used. "
            f"The loaded '{driver}' is not async."
        )

    async def main():
        engine = create_async_engine(backend)  # postgresql+psycopg://
        try:
            async with engine.connect() as connection:
                return await connection.scalar(text("SELECT 1"))
        finally:
            await engine.dispose()

    if backend_name(backend) == "postgresql":
        assert run(main) == 1


def test_a_session_on_an_async_engine_raises_async_context_not_started(backend):
    async def main():
        engine = create_async_engine(async_url(backend))
        try:
            with (
                pytest.raises(AsyncContextNotStarted) as raised,
                Session(engine) as session,
            ):
                session.execute(text("SELECT 1"))
            return raised.value
        finally:
            await engine.dispose()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        error = run(main)
        gc.collect()
    assert isinstance(error, InvalidRequestError)
    assert str(error) == (
        "AsyncConnection context has not been started and object has not been awaited."
    )
    assert "coroutine 'AsyncConnection.close' was never awaited" in [
        str(warning.message) for warning in caught
    ]


def test_making_sessions_commits_the_begin_block_and_closes_every_session(
    backend, sql_log
):
    assert printed("asyncio.making_sessions", backend)[-2:] == [
        "[Author('Ursula')]",
        "ROLLBACK",
    ]
    setup = sql_log.kinds()[: sql_log.kinds().index("COMMIT")]
    assert setup[0] == "BEGIN" and "CREATE" in setup  # engine.begin(): committed
    assert kinds(after_setup(sql_log, rows=False)) == (  # after its COMMIT:
        "BEGIN",
        "INSERT",
        "COMMIT",
        "BEGIN",
        "SELECT",
        "ROLLBACK",
    )
    assert names_elsewhere(backend) == ["Ursula"]


# MissingGreenlet


def test_reading_an_attribute_expired_by_the_commit_raises_xd2s(backend):
    lines = printed("asyncio.read_after_commit", backend)
    # The printout shows a statement once the database has run it: no SELECT did.
    assert lines[-4:] == [
        "COMMIT",
        "BEGIN (implicit)",
        "MissingGreenlet xd2s",
        "ROLLBACK",
    ]


async def failed_read(backend: str) -> SQLAlchemyError:
    """The error of reading an attribute that the commit expired."""
    engine = await stored(backend)
    try:
        async with AsyncSession(engine) as session:
            author = Author(name="Ursula")
            session.add(author)
            await session.commit()
            try:
                print(author.name)
            except SQLAlchemyError as error:
                return error
            raise AssertionError("the read did not fail")
    finally:
        await engine.dispose()


def test_the_error_is_missing_greenlet_or_a_statement_error_around_it(backend):
    with unawaited_cursor_ignored():
        error = run(lambda: failed_read(backend))
    wrapped = ON_2_1 or backend_name(backend) == "mariadb"
    assert type(error) is (StatementError if wrapped else MissingGreenlet)
    assert isinstance(cause(error), MissingGreenlet) and error.code == "xd2s"
    assert isinstance(error, MissingGreenlet) == (not wrapped)  # what except catches
    message = comparable(str(error))
    if wrapped:
        assert message.startswith(WRAPPED)
        assert "[SQL: SELECT author.id, author.name" in message
    await_name = "await_()" if ON_2_1 else "await_only()"
    assert message.removeprefix(WRAPPED).startswith(
        "greenlet_spawn has not been called; "
        f"can't call {await_name} here. Was IO attempted in an unexpected place?"
    )


def test_with_aiosqlite_on_2_1_a_cursor_coroutine_is_left_unawaited():
    done = python(
        """
        import asyncio, gc, sys
        from sqlalchemy.exc import SQLAlchemyError
        from sqlalchemy.ext.asyncio import AsyncSession
        from snippets.asyncio.engine import fresh_async_engine
        from snippets.asyncio.model import Author, Base

        async def main():
            engine = await fresh_async_engine(Base.metadata, show_sql=False)
            async with AsyncSession(engine) as session:
                author = Author(name="Ursula")
                session.add(author)
                await session.commit()
                try:
                    author.name
                except SQLAlchemyError:
                    pass
            await engine.dispose()

        asyncio.run(main())
        gc.collect()
        """
    )
    assert done.returncode == 0, done.stderr
    warned = "RuntimeWarning: coroutine 'Connection.cursor' was never awaited"
    assert (warned in done.stderr) == ON_2_1, done.stderr


def test_the_example_silences_that_warning_and_prints_only_its_lines():
    done = python(
        """
        import gc, runpy
        runpy.run_module("snippets.asyncio.read_after_commit", run_name="__main__")
        gc.collect()
        """
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.splitlines()[-2:] == ["MissingGreenlet xd2s", "ROLLBACK"]


class Deferred(DeclarativeBase):
    pass


class Note(Deferred):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(50), deferred=True)


@pytest.mark.parametrize(
    "case",
    [
        "commit",
        "rollback",
        "expire",
        "repr",
        "deferred",
        "collection",
        "append",
        "many-to-one",
    ],
)
def test_every_read_that_needs_sql_raises_xd2s(case, backend):
    async def main():
        metadata = Deferred.metadata if case == "deferred" else Base.metadata
        rows = [Note(text="x")] if case == "deferred" else library(Author, Book)
        engine = await stored(backend, *rows, metadata=metadata)
        try:
            async with AsyncSession(engine) as session:
                if case == "deferred":
                    note = await session.get(Note, 1)
                    read = lambda: note.text  # noqa: E731
                elif case == "many-to-one":
                    book = await session.scalar(select(Book).where(Book.id == 3))
                    read = lambda: book.author  # noqa: E731
                else:
                    author = await session.get(Author, 1)
                    if case in ("commit", "repr"):
                        await session.commit()
                    elif case == "rollback":
                        await session.rollback()
                    elif case == "expire":
                        session.expire(author, ["name"])
                    read = {
                        "collection": lambda: author.books,
                        "append": lambda: author.books.append(Book(title="New")),
                        "repr": lambda: print(author),  # __repr__ reads the name
                    }.get(case, lambda: author.name)
                with pytest.raises(SQLAlchemyError) as raised:
                    read()
                assert is_xd2s(raised.value)
        finally:
            await engine.dispose()

    with unawaited_cursor_ignored():
        run(main)


@pytest.mark.parametrize("case", ["pool_pre_ping", "empty pool"])
def test_a_read_that_must_ping_or_connect_first_raises_a_bare_missing_greenlet(
    case, backend
):
    """The IO fails while the session takes its connection, before any statement."""

    async def main():
        options = {"pool_pre_ping": True} if case == "pool_pre_ping" else {}
        engine = await stored(backend, *library(Author, Book), **options)
        try:
            async with AsyncSession(engine) as session:
                author = await session.get(Author, 1)
                await session.commit()
                if case == "empty pool":
                    await engine.dispose()
                try:
                    print(author.name)
                except SQLAlchemyError as error:
                    return error
                finally:  # the failed ping leaves aiosqlite's connection
                    gc.collect()  # behind: let it close while the loop runs
                    await asyncio.sleep(0.1)
                raise AssertionError("the read did not fail")
        finally:
            await engine.dispose()

    with unawaited_cursor_ignored():
        error = run(main)
    assert type(error) is MissingGreenlet and error.code == "xd2s"


# The ways out


def test_expire_on_commit_false_keeps_the_values_through_the_commit(backend, sql_log):
    assert printed("asyncio.keep_values", backend)[-1] == "Ursula"
    assert sql_log.kinds()[-1] == "COMMIT"  # no SELECT after it


def test_expire_on_commit_false_does_not_help_after_a_rollback_or_for_a_relationship(
    backend,
):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            Session = async_sessionmaker(engine, expire_on_commit=False)
            async with Session() as session:
                author = await session.get(Author, 1)
                await session.commit()
                assert author.name == "Ursula"  # kept
                await session.rollback()  # no transaction in progress: no expiry
                assert author.name == "Ursula"
                with pytest.raises(SQLAlchemyError) as raised:
                    print(author.books)  # never loaded
                assert is_xd2s(raised.value)
                await session.scalar(select(Author.id))  # a transaction that reads
                await session.rollback()
                with pytest.raises(SQLAlchemyError) as raised:
                    print(author.name)  # the rollback expired it
                assert is_xd2s(raised.value)
                await session.refresh(author)
                new = Author(name="Octavia")
                session.add(new)
                await session.flush()
                await session.rollback()
                with pytest.raises(SQLAlchemyError) as raised:
                    print(author.name)  # the rollback expired it all the same
                assert is_xd2s(raised.value)
                assert state_of(new) == "transient" and new.name == "Octavia"
        finally:
            await engine.dispose()

    with unawaited_cursor_ignored():
        run(main)


class Stamped(DeclarativeBase):
    pass


class Page(Stamped):
    __tablename__ = "page"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(50))
    edited: Mapped[int | None] = mapped_column(onupdate=literal_column("1") + 1)


class EagerPage(Stamped):
    __tablename__ = "eager_page"
    __mapper_args__ = {"eager_defaults": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(50))
    edited: Mapped[int | None] = mapped_column(onupdate=literal_column("1") + 1)


@pytest.mark.parametrize("eager_defaults", [False, True])
def test_an_onupdate_column_expires_at_the_flush_unless_eager_defaults(
    eager_defaults, backend
):
    mapped = EagerPage if eager_defaults else Page

    async def main():
        engine = await stored(backend, mapped(text="a"), metadata=Stamped.metadata)
        try:
            Session = async_sessionmaker(engine, expire_on_commit=False)
            async with Session() as session:
                page = await session.get(mapped, 1)
                page.text = "b"
                await session.flush()  # the UPDATE sets `edited` in the database
                try:
                    return page.edited
                except SQLAlchemyError as error:
                    return error
        finally:
            await engine.dispose()

    with unawaited_cursor_ignored():
        edited = run(main)
    if eager_defaults:
        assert edited == 2
    else:
        assert is_xd2s(edited)


def test_refresh_with_names_loads_those_attributes_a_relationship_too(backend, sql_log):
    lines = printed("asyncio.refresh", backend)
    assert "Ursula" in lines
    assert lines[-2:] == ["[Book('The Dispossessed')]", "ROLLBACK"]
    after_commit = [comparable(s) for s in after_setup(sql_log, rows=False)[4:]]
    assert after_commit[0] == "BEGIN"
    assert after_commit[1].startswith("SELECT author.name FROM author WHERE")
    assert after_commit[-2].startswith("SELECT book.id, book.title, book.author_id")


def test_refresh_loads_a_relationship_mapped_lazy_raise(backend):
    from snippets.asyncio.raise_guard import Author as Guarded
    from snippets.asyncio.raise_guard import Base as GuardedBase
    from snippets.asyncio.raise_guard import Book as GuardedBook

    async def main():
        rows = library(Guarded, GuardedBook)
        engine = await stored(backend, *rows, metadata=GuardedBase.metadata)
        try:
            async with AsyncSession(engine) as session:
                author = await session.get(Guarded, 1)
                await session.refresh(author, ["books"])
                assert len(author.books) == 2
        finally:
            await engine.dispose()

    run(main)


def test_selectinload_lets_the_loop_read_the_books_without_sql(backend, sql_log):
    lines = printed("asyncio.eager_loading", backend)
    assert lines[-4:] == ["Ursula 2", "Stanisław 2", "Octavia 2", "ROLLBACK"]
    assert sql_log.kinds()[-4:] == ("BEGIN", "SELECT", "SELECT", "ROLLBACK")


@pytest.mark.parametrize("expire_on_commit", [True, False])
def test_a_commit_expires_what_selectinload_loaded_unless_told_not_to(
    expire_on_commit, backend
):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            Session = async_sessionmaker(engine, expire_on_commit=expire_on_commit)
            async with Session() as session:
                query = select(Author).options(selectinload(Author.books))
                author = (await session.scalars(query)).first()
                await session.commit()
                try:
                    return len(author.books)
                except SQLAlchemyError as error:
                    return error
        finally:
            await engine.dispose()

    with unawaited_cursor_ignored():
        books = run(main)
    if expire_on_commit:
        assert is_xd2s(books)
    else:
        assert books == 2


def test_awaitable_attrs_loads_a_relationship_or_an_expired_column(backend, sql_log):
    lines = printed("asyncio.awaitable_attrs", backend)
    assert lines[-7:] == [
        "[Book('The Dispossessed'), Book('The Lathe of Heaven')]",
        "COMMIT",
        "BEGIN (implicit)",
        lines[-4],  # the SELECT, in the backend's own words
        "Ursula",
        "Ursula",  # loaded: the second read sends nothing
        "ROLLBACK",
    ]
    assert comparable(lines[-4]).startswith("SELECT author.id, author.name FROM author")


def test_lazy_raise_refuses_plain_and_awaitable_reads_with_its_message(backend):
    lines = printed("asyncio.raise_guard", backend)
    assert "'Author.books' is not available due to lazy='raise'" in lines
    assert lines[-2:] == ["2", "ROLLBACK"]  # the query that asked for the books

    class AttrsBase(AsyncAttrs, DeclarativeBase):
        pass

    class Writer(AttrsBase):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        books: Mapped[list[Volume]] = relationship(lazy="raise")

    class Volume(AttrsBase):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))

    async def main():
        engine = await stored(
            backend, *library(Writer, Volume), metadata=AttrsBase.metadata
        )
        try:
            async with AsyncSession(engine) as session:
                writer = await session.get(Writer, 1)
                message = "'Writer.books' is not available due to lazy='raise'"
                with pytest.raises(InvalidRequestError, match=message):
                    print(writer.books)
                with pytest.raises(InvalidRequestError, match=message):
                    await writer.awaitable_attrs.books
                query = select(Writer).options(selectinload(Writer.books))
                await session.scalars(query)  # a later query that asks for them
                assert len(writer.books) == 2  # loaded into the same object
                await session.commit()
                with pytest.raises(SQLAlchemyError) as raised:
                    print(writer.name)  # a column the commit expired: unguarded
                assert is_xd2s(raised.value)
        finally:
            await engine.dispose()

    with unawaited_cursor_ignored():
        run(main)


def test_write_only_adds_without_loading_and_selects_with_await(backend, sql_log):
    lines = printed("asyncio.write_only", backend)
    assert lines[-2:] == [
        "['The Dispossessed', 'The Lathe of Heaven', 'The Word for World Is Forest']",
        "COMMIT",
    ]
    assert sql_log.kinds()[-5:] == (
        "BEGIN",
        "SELECT",  # the author, by get()
        "INSERT",  # the flush: the book, and no load of the collection before it
        "SELECT",
        "COMMIT",
    )


# Relationships


def test_relationships_example_on_every_backend(backend, sql_log):
    lines = printed("asyncio.relationships", backend)
    assert [line for line in lines if line == "xd2s"] == ["xd2s", "xd2s"]
    assert "Author('Ursula')" in lines
    sent = after_setup(sql_log)
    assert [kind for kind in kinds(sent) if kind != "SELECT"] == [
        "BEGIN",
        "INSERT",  # the one new book
        "COMMIT",
    ]
    assert names_of_books(backend, 1) == [
        "The Dispossessed",
        "The Lathe of Heaven",
        "Always Coming Home",
    ]


def names_of_books(url: str, author_id: int) -> list[str]:
    other = create_engine(url)
    try:
        with other.connect() as connection:
            query = select(Book.title).where(Book.author_id == author_id)
            return list(connection.scalars(query.order_by(Book.id)))
    finally:
        other.dispose()


def test_a_many_to_one_found_in_the_identity_map_needs_no_sql(backend, sql_log):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            async with AsyncSession(engine) as session:
                ursula = await session.get(Author, 1)
                book = await session.scalar(select(Book).where(Book.id == 1))
                sql_log.clear()
                assert book.author is ursula
                assert sql_log.kinds() == ()
        finally:
            await engine.dispose()

    run(main)


def test_setting_the_many_to_one_does_not_load_the_collection(backend, sql_log):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            async with AsyncSession(engine) as session:
                ursula = await session.get(Author, 1)
                sql_log.clear()
                session.add(Book(title="Always Coming Home", author=ursula))
                assert "books" not in inspect(ursula).dict  # still not loaded
                assert sql_log.kinds() == ()
                await session.commit()
                assert sql_log.kinds() == ("INSERT", "COMMIT")
        finally:
            await engine.dispose()

    run(main)


def test_the_collections_of_new_objects_are_empty_without_sql(backend, sql_log):
    async def main():
        engine = await stored(backend)
        try:
            sql_log.clear()
            async with AsyncSession(engine) as session:
                author = Author(name="Ursula")
                assert author.books == []  # transient
                session.add(author)
                assert author.books == []  # pending
                assert sql_log.kinds() == ()
        finally:
            await engine.dispose()

    run(main)


def test_delete_is_awaited_because_a_delete_cascade_loads_the_children(
    backend, sql_log
):
    class Cascading(DeclarativeBase):
        pass

    class Shelf(Cascading):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        books: Mapped[list[Item]] = relationship(cascade="all, delete-orphan")

    class Item(Cascading):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))

    async def main():
        rows = library(Shelf, Item)
        engine = await stored(backend, *rows, metadata=Cascading.metadata)
        try:
            async with AsyncSession(engine) as session:
                shelf = await session.get(Shelf, 1)
                sql_log.clear()
                await session.delete(shelf)
                assert sql_log.kinds() == ("SELECT",)
                assert "FROM book" in sql_log.statements[0]
                await session.commit()
        finally:
            await engine.dispose()

    run(main)


# run_sync


def test_run_sync_runs_synchronous_code_whose_lazy_loads_work(backend, sql_log):
    lines = printed("asyncio.run_sync", backend)
    assert lines[-2:] == ["{'Ursula': 2, 'Stanisław': 2, 'Octavia': 2}", "ROLLBACK"]
    assert sql_log.kinds()[-6:] == ("BEGIN",) + ("SELECT",) * 4 + ("ROLLBACK",)


def test_an_async_connection_cannot_be_inspected_but_run_sync_can(backend):
    lines = printed("asyncio.run_sync_connection", backend)
    assert lines[0] == "NoInspectionAvailable xd3s"
    tables = [line for line in lines if line.startswith("[")]
    assert {"author", "book"} <= set(ast.literal_eval(tables[0]))

    async def main():
        engine = await stored(backend)
        try:
            with pytest.raises(NoInspectionAvailable) as refused:
                inspect(engine)
            assert refused.value.code == "xd3s"
            assert str(refused.value).startswith(
                "Inspection on an AsyncEngine is currently not supported."
            )
            async with engine.connect() as connection:
                with pytest.raises(NoInspectionAvailable) as refused:
                    inspect(connection)
                assert refused.value.code == "xd3s"
                assert str(refused.value).startswith(
                    "Inspection on an AsyncConnection is currently not supported. "
                    "Please use ``run_sync`` to pass a callable where it's possible "
                    "to call ``inspect`` on the passed connection."
                )
            assert inspect(Author(name="Ursula")).transient  # a mapped object: yes
        finally:
            await engine.dispose()

    run(main)


# The same rules


def test_states_autoflush_and_the_identity_map_hold_under_asyncio(backend, sql_log):
    lines = printed("asyncio.same_rules", backend)
    assert "pending True" in lines
    assert "True persistent" in lines
    assert "persistent ['books', 'id', 'name']" in lines
    assert lines[-1] == "detached"
    kinds = sql_log.kinds()
    begin = kinds.index("BEGIN", kinds.index("COMMIT") + 1)  # after the setup
    assert kinds[begin:] == ("BEGIN", "INSERT", "SELECT", "COMMIT")  # get(): none


# One session per task


def test_tasks_sharing_a_session_that_must_connect_get_isce(backend):
    lines = printed("asyncio.shared_session", backend)
    assert lines[-4:-1] == [
        "Ursula",
        "InvalidRequestError isce",
        lines[-2],
    ]
    assert lines[-2].startswith(
        "This session is provisioning a new connection; "
        "concurrent operations are not permitted"
    )


async def shared(backend: str, first, second, *, connected: bool):
    """Run `first(session)` and `second(session)` at once, on one session; with
    `connected`, the session has its connection before they start."""
    engine = await stored(backend, *library(Author, Book))
    try:
        async with AsyncSession(engine) as session:
            if connected:
                await session.execute(text("SELECT 1"))
            results = await asyncio.gather(
                first(session), second(session), return_exceptions=True
            )
            return results, engine.pool.checkedout()
    finally:
        await engine.dispose()


async def name_of(session: AsyncSession, author_id: int = 1) -> str:
    return (await session.get(Author, author_id)).name


def test_tasks_sharing_a_connected_session_take_turns_on_its_one_connection(
    backend,
):
    async def second(session):
        return await name_of(session, 2)

    async def main():
        return await shared(backend, name_of, second, connected=True)

    names, connections = run(main)
    assert (names, connections) == (["Ursula", "Stanisław"], 1)


SLEEP = {
    "sqlite": "SELECT sleep(0.3)",  # a function of our own, below
    "postgresql": "SELECT pg_sleep(0.3)",
    "mariadb": "SELECT SLEEP(0.3)",
}
SLEEPING = {  # how many of those queries the server is running at this moment
    "postgresql": "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
    "AND datname = current_database() AND query LIKE 'SELECT pg_sleep(%'",
    "mariadb": "SELECT count(*) FROM information_schema.processlist "
    "WHERE db = DATABASE() AND info LIKE 'SELECT SLEEP(%'",
}


def test_tasks_sharing_a_session_run_their_queries_one_after_the_other(backend):
    """Two tasks run a sleeping query each: through one session, the database never
    runs both at once; through two sessions, it does. The database says how many it
    runs (a server's list of its sessions; on SQLite, the sleep function itself)."""
    name = backend_name(backend)
    lock, sleeping, most = threading.Lock(), [0], [0]  # SQLite: calls in progress

    def sleep(seconds):
        with lock:
            sleeping[0] += 1
            most[0] = max(most[0], sleeping[0])
        time.sleep(seconds)
        with lock:
            sleeping[0] -= 1

    async def main():
        engine = await stored(backend)

        @event.listens_for(engine.sync_engine, "connect")
        def sqlite_sleep(dbapi_connection, record):
            if name == "sqlite":
                dbapi_connection.create_function("sleep", 1, sleep)

        await engine.dispose()  # connections from now on have the function
        Session = async_sessionmaker(engine)
        observer = create_async_engine(async_url(backend))

        async def at_most_at_once(*queries: Awaitable[object]) -> int:
            most[0] = 0
            both = asyncio.gather(*queries)
            while not both.done():
                if name != "sqlite":
                    async with observer.connect() as connection:
                        now = await connection.scalar(text(SLEEPING[name]))
                    most[0] = max(most[0], now)
                await asyncio.sleep(0.02)
            await both
            return most[0]

        connected, both_connected = [0], asyncio.Event()

        async def own_session():
            async with Session() as session:
                # Each holds its connection before either sleeps: a new connection
                # can take longer than the sleep on a busy machine.
                await session.execute(text("SELECT 1"))
                connected[0] += 1
                if connected[0] == 2:
                    both_connected.set()
                await both_connected.wait()
                await session.execute(text(SLEEP[name]))

        try:
            async with Session() as session:
                await session.execute(text("SELECT 1"))  # it has its connection
                sleep_here = text(SLEEP[name])
                shared = await at_most_at_once(
                    session.execute(sleep_here), session.execute(sleep_here)
                )
            return shared, await at_most_at_once(own_session(), own_session())
        finally:
            await observer.dispose()
            await engine.dispose()

    assert run(main) == (1, 2)  # one after the other; at the same time


def test_a_read_while_another_task_commits_is_refused(backend):
    async def commit(session):
        await session.commit()

    async def main():
        return await shared(backend, commit, name_of, connected=True)

    (committed, refused), _ = run(main)
    assert committed is None
    assert type(refused) is InvalidRequestError
    assert str(refused) == (
        "This session is in 'prepared' state; no further SQL can be emitted "
        "within this transaction."
    )


def test_a_commit_while_another_task_reads_waits_except_with_aiomysql(backend):
    async def commit(session):
        await session.commit()

    async def main():
        return await shared(backend, name_of, commit, connected=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # aiomysql's broken connection, collected
        (name, committed), _ = run(main)
    if backend_name(backend) == "mariadb":
        assert type(committed) is RuntimeError
        assert str(committed) == (
            "readexactly() called while another coroutine is already waiting "
            "for incoming data"
        )
    else:
        assert (name, committed) == ("Ursula", None)


def test_a_close_while_another_task_connects_the_session_raises_isce(backend):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        await engine.dispose()  # the session must open a connection
        try:
            session = AsyncSession(engine)
            results = await asyncio.gather(
                name_of(session), session.close(), return_exceptions=True
            )
            held = engine.pool.checkedout()  # the session still has it
            await session.close()  # gives it back
            return results, (held, engine.pool.checkedout())
        finally:
            await engine.dispose()

    (name, refused), checked_out = run(main)
    assert name == "Ursula" and checked_out == (1, 0)
    assert type(refused) is IllegalStateChangeError and refused.code == "isce"
    assert isinstance(refused, InvalidRequestError)
    assert str(refused).startswith(
        "Method 'close()' can't be called here; method '_connection_for_bind()' "
        "is already in progress and this would cause an unexpected state change"
    )


def test_one_session_per_task_gives_each_task_a_connection(backend):
    assert printed("asyncio.one_session_per_task", backend) == [
        "['Ursula', 'Stanisław']",
        "2",
    ]


# The pool


def test_the_pool_is_an_async_adapted_queue_pool_with_queue_pool_defaults(backend):
    async def main():
        engine = create_async_engine(async_url(backend))
        memory = create_async_engine("sqlite+aiosqlite://")
        try:
            return engine.pool, memory.pool
        finally:
            await engine.dispose()
            await memory.dispose()

    pool, memory = run(main)
    assert type(pool) is AsyncAdaptedQueuePool and isinstance(pool, QueuePool)
    assert (pool.size(), pool._max_overflow, pool.timeout()) == (5, 10, 30.0)
    assert type(memory) is StaticPool


def test_a_waiting_checkout_lets_other_tasks_run_then_times_out_with_3o7r(backend):
    assert printed("asyncio.pool", backend) == [
        "AsyncAdaptedQueuePool",
        "1",
        "Checked out.",
        "TimeoutError 3o7r",
        "QueuePool limit of size 1 overflow 0 reached, connection timed out, "
        "timeout 0.50 (Background on this error at: "
        f"https://sqlalche.me/e/{'21' if ON_2_1 else '20'}/3o7r)",
    ]


def test_the_pool_timeout_is_sqlalchemys_own_timeout_error(backend):
    async def main():
        engine = await stored(backend, pool_size=1, max_overflow=0, pool_timeout=0.2)
        try:
            async with engine.connect():
                with pytest.raises(PoolTimeoutError) as raised:
                    async with engine.connect():
                        pass
            return raised.value
        finally:
            await engine.dispose()

    error = run(main)
    assert error.code == "3o7r" and not isinstance(error, TimeoutError)


DISPOSE = """
    import asyncio, sys
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine
    from snippets.asyncio.engine import async_url

    async def main():
        engine = create_async_engine(async_url(sys.argv[1]))
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        {dispose}

    asyncio.run(main())
"""


@pytest.mark.parametrize("dispose", [True, False], ids=["dispose", "no-dispose"])
def test_without_dispose_aiomysql_complains_when_the_loop_is_gone(dispose, backend):
    code = DISPOSE.format(dispose="await engine.dispose()" if dispose else "pass")
    done = python(code, backend)
    assert done.returncode == 0 and done.stdout == ""
    if dispose or backend_name(backend) != "mariadb":
        assert done.stderr == ""
    else:
        assert "Exception ignored in" in done.stderr
        assert "RuntimeError: Event loop is closed" in done.stderr


def test_a_disposed_engine_opens_new_connections_on_demand(backend):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            assert engine.pool.checkedin() == 1  # from storing the rows
            await engine.dispose()
            assert engine.pool.checkedin() == 0
            async with AsyncSession(engine) as session:
                assert (await session.get(Author, 1)).name == "Ursula"
            assert engine.pool.checkedin() == 1
        finally:
            await engine.dispose()

    run(main)


TWO_LOOPS = """
    import asyncio, sys
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine
    from snippets.asyncio.engine import async_url

    engine = create_async_engine(async_url(sys.argv[1]))

    async def main():
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        {dispose}

    for loop in (1, 2):
        try:
            asyncio.run(main())
            print(loop, "ok")
        except RuntimeError as error:
            print(loop, error)
"""


@pytest.mark.parametrize("dispose", [True, False], ids=["dispose", "no-dispose"])
def test_pooled_connections_belong_to_the_loop_that_opened_them(dispose, backend):
    code = TWO_LOOPS.format(dispose="await engine.dispose()" if dispose else "pass")
    done = python(code, backend)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first == "1 ok"
    if dispose or backend_name(backend) != "mariadb":
        assert second == "2 ok"
    else:  # aiomysql: the connection pooled by the first loop fails in the second
        assert second.startswith("2 Task <Task pending")
        assert second.endswith("attached to a different loop")


# Streaming


def test_the_streaming_example_prints_the_same_on_every_backend(backend):
    lines = printed("asyncio.streaming", backend)
    titles = ["The Dispossessed", "The Lathe of Heaven", "Solaris", "The Cyberiad"]
    assert lines[2:8] == [*titles, "Kindred", "Dawn"]
    assert lines[-3:] == [
        str([Book(title=title) for title in titles]),
        "[Book('Kindred'), Book('Dawn')]",
        "ROLLBACK",
    ]


def test_stream_runs_the_statement_with_a_server_side_cursor(backend):
    seen: list[tuple[object, bool]] = []  # stream_results, a server-side cursor

    async def main():
        engine = await stored(backend, *library(Author, Book))

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def remember(connection, cursor, sql, parameters, context, executemany):
            options = context.execution_options
            seen.append((options.get("stream_results"), context._is_server_side))

        try:
            async with AsyncSession(engine) as session:
                result = await session.stream(select(Book.title))
                assert type(result).__name__ == "AsyncResult"
                assert seen[-1] == (True, True)
                if backend_name(backend) == "postgresql":
                    cursors = text("SELECT count(*) FROM pg_cursors")
                    assert await session.scalar(cursors) == 1
                assert len(await result.all()) == 6
                buffered = await session.scalars(select(Book))
                assert type(buffered).__name__ == "ScalarResult"
                assert seen[-1] == (None, False)
                assert len(list(buffered)) == 6  # a plain for: nothing to await
        finally:
            await engine.dispose()

    run(main)


def test_scalars_has_every_row_before_it_returns(backend):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            async with AsyncSession(engine) as session:
                books = await session.scalars(select(Book.title))
            return list(books)  # read after the session closed
        finally:
            await engine.dispose()

    assert len(run(main)) == 6


def test_yield_per_or_stream_results_with_execute_or_scalars_asks_for_stream(backend):
    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            async with AsyncSession(engine) as session:
                query = select(Book).execution_options(yield_per=4)
                with pytest.raises(AsyncMethodRequired) as refused:
                    await session.scalars(query)
                with pytest.raises(AsyncMethodRequired):
                    await session.execute(query)
                streamed = select(Book).execution_options(stream_results=True)
                with pytest.raises(AsyncMethodRequired):
                    await session.execute(streamed)
                return refused.value
        finally:
            await engine.dispose()

    error = run(main)
    assert isinstance(error, InvalidRequestError)
    assert str(error) == (
        "Can't use the AsyncSession.execute() method with a server-side cursor. "
        "Use the AsyncSession.stream() method for an async streaming result set."
    )


STREAMED = 50  # books, more than the batches below, few enough to stay cheap


def test_an_orm_stream_fetches_every_row_at_the_first_unless_yield_per(backend):
    """How many rows the DBAPI cursor had given when the first row came out of the
    stream, found by reading what is left in that cursor."""
    cursor_results = []  # SQLAlchemy's reader of each statement's DBAPI cursor

    async def taken(engine, query, first) -> int:
        async with AsyncSession(engine) as session:
            assert await first(session, query)  # the first row, or rows
            cursor = cursor_results[-1].cursor
            if cursor is None:  # SQLAlchemy read the cursor to its end and closed it
                return STREAMED
            connection = await session.connection()
            return STREAMED - len(
                await connection.run_sync(lambda _: cursor.fetchall())
            )

    async def first_of_stream(session, query):
        return await anext(await session.stream(query))

    async def first_of_stream_scalars(session, query):
        return await anext(await session.stream_scalars(query))

    async def first_fetchmany(session, query):
        return await (await session.stream(query)).fetchmany(10)

    async def first_partition(session, query):
        return await anext((await session.stream(query)).partitions(10))

    async def main():
        books = [Book(title=f"Book {n}") for n in range(STREAMED)]
        engine = await stored(backend, Author(name="Ursula", books=books))
        event.listen(
            engine.sync_engine,
            "after_execute",
            lambda *arguments: cursor_results.append(arguments[-1]),
        )
        books, batches = select(Book), select(Book).execution_options(yield_per=10)
        try:
            return {
                "stream": await taken(engine, books, first_of_stream),
                "stream_scalars": await taken(engine, books, first_of_stream_scalars),
                "yield_per": await taken(engine, batches, first_of_stream),
                "fetchmany": await taken(engine, books, first_fetchmany),
                "partitions": await taken(engine, books, first_partition),
                "text": await taken(
                    engine, text("SELECT title FROM book"), first_of_stream
                ),
            }
        finally:
            await engine.dispose()

    assert run(main) == {
        "stream": STREAMED,  # every row, at the first one
        "stream_scalars": STREAMED,
        "yield_per": 10,  # one batch
        "fetchmany": 10,  # as many as asked for
        "partitions": 10,
        "text": 1,  # not an ORM statement: SQLAlchemy's own small buffer
    }


@pytest.fixture(params=[None, 2], ids=["no-yield_per", "yield_per"])
def closed_stream(request, backend):
    """What `all()` returns for the rest of a stream, after its first row came out of
    `async for` and its session closed, with or without yield_per=2."""
    query = select(Book.title).order_by(Book.id)
    if request.param:
        query = query.execution_options(yield_per=request.param)

    async def main():
        engine = await stored(backend, *library(Author, Book))
        try:
            async with AsyncSession(engine) as session:
                result = await session.stream(query)
                first = await anext(result)
            try:
                return first, await result.all()
            except SQLAlchemyError as error:
                return first, error
        finally:
            await engine.dispose()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first, rest = run(main)
    return request.param, first, rest, [str(w.message) for w in caught]


def test_after_its_session_closed_a_stream_gives_the_rows_it_took_and_the_rest_by_driver(
    backend, closed_stream
):
    yield_per, first, rest, warned = closed_stream
    incomplete = "Previous unbuffered result was left incomplete"
    assert first == ("The Dispossessed",)
    name = backend_name(backend)
    if yield_per is None or name == "sqlite":
        # without yield_per, the first row fetched them all; aiosqlite reads on
        assert [title for (title,) in rest] == [
            "The Lathe of Heaven",
            "Solaris",
            "The Cyberiad",
            "Kindred",
            "Dawn",
        ]
        assert incomplete not in warned
    elif name == "postgresql":
        assert type(rest).__name__ == "ProgrammingError" and rest.code == "f405"
        assert "does not exist" in str(rest)  # the server closed the cursor
    else:
        # the row taken with the first, then nothing: the rest are lost, warned
        assert rest == [("The Lathe of Heaven",)]
        assert incomplete in warned


# The troubleshooting entries


def test_missing_greenlet_reproduces_xd2s_and_keeping_values_fixes_it(backend):
    lines = printed("asyncio.read_after_commit", backend)
    assert "MissingGreenlet xd2s" in lines
    with unawaited_cursor_ignored():
        error = run(lambda: failed_read(backend))
    assert is_xd2s(error)
    assert "greenlet_spawn has not been called; can't call await_" in str(error)
    assert printed("asyncio.keep_values", backend)[-2:] == ["COMMIT", "Ursula"]


def test_sharing_a_session_reproduces_isce_and_a_session_per_task_fixes_it(backend):
    lines = printed("asyncio.shared_session", backend)
    assert "InvalidRequestError isce" in lines
    assert printed("asyncio.one_session_per_task", backend)[0] == (
        "['Ursula', 'Stanisław']"
    )
