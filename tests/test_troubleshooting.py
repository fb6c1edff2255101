"""Every entry of docs/troubleshooting.md: the example raises exactly its error, class
and message, on every backend, and the fix works."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import String, create_engine, event, func, inspect, select, text
from sqlalchemy.exc import (
    IntegrityError,
    InvalidRequestError,
    OperationalError,
    PendingRollbackError,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    raiseload,
    relationship,
    selectinload,
)
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.pooling.server_side import kill, server_id
from snippets.relationships.author_book import Author, Base, Book
from snippets.states.model import User
from tests.conftest import backend_name, rows_seen_elsewhere
from tests.outputs import run_snippet


def printed(module: str, url: str | None = None) -> list[str]:
    return [text.rstrip("\n") for _, text in run_snippet(module, url).printed]


def test_detached_instance_error_reproduces_bhk3(backend):
    ns = run_snippet("expiry.detached_instance_error", backend).namespace
    with pytest.raises(DetachedInstanceError) as raised:
        _ = ns["user"].name
    assert raised.value.code == "bhk3"
    assert "is not bound to a Session; attribute refresh operation cannot proceed" in (
        str(raised.value)
    )


def test_gkpj_and_e3q8_are_the_codes_of_every_integrity_and_operational_error(
    backend,
):
    assert (IntegrityError.code, OperationalError.code) == ("gkpj", "e3q8")
    ns = run_snippet("troubleshooting.pending_rollback", backend).namespace
    with Session(ns["engine"]) as session:
        session.add(ns["User"](id=1, name="Alicia"))
        with pytest.raises(IntegrityError) as raised:
            session.flush()  # a duplicate key, not a delete
    assert raised.value.code == "gkpj"


def test_pool_exhaustion_reproduces_3o7r(backend):
    lines = printed("pooling.exhaustion", backend)
    assert lines[0].startswith("QueuePool limit of size 1 overflow 1 reached")
    assert lines[0].endswith("/3o7r)")
    assert lines[-1] == "2"  # after one close(), checkouts work again


def test_attached_elsewhere_reproduces_and_closing_the_first_session_fixes_it(
    backend,
):
    lines = printed("troubleshooting.attached_elsewhere", backend)
    assert "Object '<User at …>' is already attached to session … (this is …)" in lines
    assert lines[-2:] == ["ROLLBACK", "True"]  # first.close(), then the print
    ns = run_snippet("troubleshooting.attached_elsewhere", backend).namespace
    with Session(ns["engine"]) as first, Session(ns["engine"]) as second:
        user = first.get(ns["User"], 1)
        with pytest.raises(InvalidRequestError, match="is already attached to session"):
            second.add(user)
        copy = second.merge(user)  # the other fix: a copy for the second session
        assert copy is not user and copy in second and user in first


def test_pending_rollback_reproduces_7s2a_and_rollback_fixes_it(backend):
    ns = run_snippet("troubleshooting.pending_rollback", backend).namespace
    lines = printed("troubleshooting.pending_rollback", backend)
    assert "the flush failed" in lines
    assert (
        "7s2a This Session's transaction has been rolled back due to a previous "
        "exception during flush" in lines
    )
    assert "User(name='Alice')" in lines
    session = Session(ns["engine"])
    session.add(ns["User"](id=1, name="Alicia"))
    with pytest.raises(IntegrityError):
        session.flush()
    with pytest.raises(PendingRollbackError) as raised:
        session.get(ns["User"], 1)
    assert raised.value.code == "7s2a"
    session.rollback()
    assert session.get(ns["User"], 1).name == "Alice"
    session.close()


def test_a_failed_flush_has_rolled_back_and_the_session_refuses_database_work(
    backend, sql_log
):
    ns = run_snippet("troubleshooting.pending_rollback", backend).namespace
    User = ns["User"]
    session = Session(ns["engine"])
    session.add(User(id=1, name="Alicia"))
    sql_log.clear()
    with pytest.raises(IntegrityError):
        session.flush()
    assert sql_log.kinds()[-1] == "ROLLBACK"  # sent by the failed flush itself
    work = {
        "get": lambda: session.get(User, 1),
        "query": lambda: session.scalars(select(User)).all(),
        "execute": lambda: session.execute(text("SELECT 1")),
        "commit": session.commit,
    }
    for name, call in work.items():
        with pytest.raises(PendingRollbackError) as raised:
            call()
        assert raised.value.code == "7s2a", name
    session.rollback()
    assert session.get(User, 1).name == "Alice"
    session.close()


NOT_NULL = {
    "sqlite": "NOT NULL constraint failed: track.playlist_id",
    "postgresql": 'null value in column "playlist_id"',
    "mariadb": "Column 'playlist_id' cannot be null",
}


def test_integrity_error_on_delete_reproduces_on_every_backend(backend):
    lines = printed("troubleshooting.integrity_error_on_delete", backend)
    assert any(NOT_NULL[backend_name(backend)] in line for line in lines)
    ns = run_snippet("troubleshooting.integrity_error_on_delete", backend).namespace
    assert lines[-2:] == ["[]", "ROLLBACK"]
    with Session(ns["engine"]) as session:
        assert session.scalars(select(ns["Playlist"])).all() == []


def test_integrity_error_class_and_code(backend):
    ns = run_snippet("troubleshooting.integrity_error_on_delete", backend).namespace
    Playlist, Track = ns["Playlist"], ns["Track"]
    with Session(ns["engine"]) as session:
        session.add(Playlist(name="Again", tracks=[Track(title="Holiday")]))
        session.commit()
        session.delete(session.scalars(select(Playlist)).one())
        with pytest.raises(IntegrityError) as raised:
            session.commit()
    assert raised.value.code == "gkpj"


FOREIGN_KEY = {
    "postgresql": (
        'update or delete on table "playlist" violates foreign key constraint'
    ),
    "mariadb": "Cannot delete or update a parent row: a foreign key constraint fails",
}


def test_deleting_a_parent_no_relationship_knows_fails_on_a_server_not_on_sqlite(
    backend,
):
    run = run_snippet("troubleshooting.foreign_key_error_on_delete", backend)
    lines = [text.rstrip("\n") for _, text in run.printed]
    name = backend_name(backend)
    if name == "sqlite":
        assert "no error; tracks left pointing at playlist 1: 1" in lines
    else:
        assert any(FOREIGN_KEY[name] in line for line in lines)
    with Session(run.namespace["engine"]) as session:  # after the fix
        for table in (run.namespace["Playlist"], run.namespace["Track"]):
            assert session.scalar(select(func.count()).select_from(table)) == 0


def test_sqlite_refuses_the_orphan_once_foreign_keys_are_switched_on(tmp_path):
    ns = run_snippet("troubleshooting.foreign_key_error_on_delete").namespace
    Playlist, Track = ns["Playlist"], ns["Track"]
    engine = create_engine(f"sqlite:///{tmp_path / 'fk.db'}")
    event.listen(
        engine,
        "connect",
        lambda dbapi_connection, record: dbapi_connection.execute(
            "PRAGMA foreign_keys=ON"
        ),
    )
    ns["Base"].metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(
            [Playlist(id=1, name="Road trip"), Track(title="Holiday", playlist_id=1)]
        )
        session.commit()
        session.delete(session.get(Playlist, 1))
        with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
            session.commit()
    engine.dispose()


def test_lazy_raise_reproduces_and_a_loader_option_fixes_it(backend):
    lines = printed("loading.raiseload", backend)
    assert "'Author.books' is not available due to lazy='raise'" in lines
    ns = run_snippet("loading.raise_by_default", backend).namespace
    with Session(ns["engine"]) as session:
        query = select(ns["Author"]).options(raiseload(ns["Author"].books))
        author = session.scalars(query.limit(1)).one()
        with pytest.raises(InvalidRequestError, match="lazy='raise'"):
            _ = author.books
    assert printed("loading.raise_by_default", backend)[-2:] == ["2", "ROLLBACK"]


def test_raise_on_sql_names_itself_in_the_message(backend):
    ns = run_snippet("loading.raiseload", backend).namespace
    Book = ns["Book"]
    with Session(ns["engine"]) as session:
        query = select(Book).options(raiseload(Book.author, sql_only=True))
        book = session.scalars(query.limit(1)).one()
        with pytest.raises(
            InvalidRequestError,
            match=r"^'Book.author' is not available due to lazy='raise_on_sql'",
        ):
            _ = book.author


def test_n_plus_one_reproduces_and_selectinload_fixes_it(backend, sql_log):
    run_snippet("loading.n_plus_one", backend)
    per_author = [s for s in sql_log.statements if "FROM book WHERE" in s]
    assert len(per_author) == 3
    sql_log.clear()
    run_snippet("loading.selectin_fix", backend)
    assert len([s for s in sql_log.statements if "FROM book WHERE" in s]) == 1


def test_selectinload_sends_one_more_statement_per_500_parents(backend, sql_log):
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            authors = [Author(name=f"Author {n}") for n in range(1001)]
            session.add_all(authors)
            session.flush()
            session.add_all(Book(title="A book", author_id=a.id) for a in authors)
            session.commit()
        with Session(engine) as session:
            sql_log.clear()
            query = select(Author).options(selectinload(Author.books))
            assert len(session.scalars(query).all()) == 1001
            selects = [s for s in sql_log.statements if s.startswith("SELECT")]
            assert len(selects) == 1 + 3  # 500 + 500 + 1 authors
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


DROPPED = {
    "postgresql": "terminating connection due to administrator command",
    "mariadb": "Lost connection to MySQL server during query",
}


def test_dropped_connection_reproduces_e3q8_and_pre_ping_fixes_it(server):
    engine = create_engine(server, pool_size=1)
    with engine.connect() as connection:
        victim = server_id(connection)
    kill(engine, victim)
    with pytest.raises(OperationalError) as raised, engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert raised.value.code == "e3q8"
    assert DROPPED[backend_name(server)] in str(raised.value.orig)
    assert raised.value.connection_invalidated
    engine.dispose()
    ns = run_snippet("pooling.dropped_connection", server).namespace
    assert (ns["answer"], ns["replaced_by_ping"]) == (1, True)


def test_a_connection_dropped_inside_a_transaction_raises_8s2b_until_rollback(
    server,
):
    run = run_snippet("troubleshooting.dropped_in_transaction", server)
    lines = [text.rstrip("\n") for _, text in run.printed]
    assert lines[1].startswith("e3q8 ") and DROPPED[backend_name(server)] in lines[1]
    assert lines[2] == (
        "8s2b Can't reconnect until invalid transaction is rolled back.  Please "
        "rollback() fully before proceeding"
    )
    assert lines[3] == "1"  # after rollback()
    engine = create_engine(server)
    with Session(engine) as session:
        session.execute(text("SELECT 1"))
        kill(engine, server_id(session.connection()))
        with pytest.raises(OperationalError):
            session.execute(text("SELECT 1"))
        for _ in range(3):  # every later statement, not only the next one
            with pytest.raises(PendingRollbackError) as raised:
                session.execute(text("SELECT 1"))
            assert raised.value.code == "8s2b"
    engine.dispose()


IDLE = {
    "postgresql": (
        "SET idle_session_timeout = '1s'",
        "terminating connection due to idle-session timeout",
    ),
    "mariadb": ("SET SESSION wait_timeout = 1", "MySQL server has gone away"),
}


def test_a_connection_dropped_for_idleness_raises_e3q8_with_its_own_words(server):
    setting, words = IDLE[backend_name(server)]
    engine = create_engine(server, pool_size=1)

    @event.listens_for(engine, "connect")
    def short_timeout(dbapi_connection, record):
        cursor = dbapi_connection.cursor()
        cursor.execute(setting)
        cursor.close()
        dbapi_connection.commit()

    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    time.sleep(2.5)
    with pytest.raises(OperationalError) as raised, engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert raised.value.code == "e3q8"
    assert words in str(raised.value.orig)
    assert raised.value.connection_invalidated
    engine.dispose()


def books_or_refused(author) -> int | str:
    try:
        return len(author.books)
    except InvalidRequestError as error:
        return str(error).split(" (Background")[0]


RAISE_MESSAGE = "'Author.books' is not available due to lazy='raise'"


def test_lazy_raise_after_an_expiry_ignores_the_option_until_queried_again(
    backend, sql_log
):
    ns = run_snippet("loading.raise_by_default", backend).namespace
    Author = ns["Author"]
    query = select(Author).options(selectinload(Author.books)).where(Author.id == 1)
    ends = {
        "commit": Session.commit,
        "rollback": Session.rollback,
        "expire()": lambda session: session.expire(author),
    }
    for end, call in ends.items():
        with Session(ns["engine"]) as session:
            author = session.scalars(query).one()
            assert books_or_refused(author) == 2
            call(session)
            assert books_or_refused(author) == RAISE_MESSAGE, end
            sql_log.clear()
            assert session.scalars(query).one() is author
            assert books_or_refused(author) == 2, end  # the option loaded them again
            assert sql_log.kinds()[-2:] == ("SELECT", "SELECT"), end


def test_lazy_raise_on_an_object_the_code_stored_until_queried_with_the_option(
    backend,
):
    ns = run_snippet("loading.raise_by_default", backend).namespace
    Author, Book = ns["Author"], ns["Book"]
    query = select(Author).options(selectinload(Author.books))
    with Session(ns["engine"]) as session:
        author = Author(name="Octavia E. Butler")
        session.add(author)
        session.flush()  # no query loaded it: no option
        assert books_or_refused(author) == RAISE_MESSAGE
        session.add(Book(title="Kindred", author_id=author.id))
        session.flush()
        found = session.scalars(query.where(Author.id == author.id)).one()
        assert found is author and books_or_refused(author) == 1


def test_merge_of_a_detached_object_whose_row_is_gone_brings_the_row_back(
    engine, backend, sql_log
):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        user.name  # noqa: B018 (loads what the commit expired)
    with Session(engine) as other:  # another program deletes the row
        other.delete(other.get(User, 1))
        other.commit()
    assert inspect(user).detached and rows_seen_elsewhere(backend) == []
    with Session(engine) as session:  # the fix: look the row up first
        assert session.get(User, user.id) is None
    with Session(engine) as session:
        sql_log.clear()
        merged = session.merge(user)
        assert inspect(merged).pending and merged is not user  # no error
        session.commit()
        assert sql_log.kinds()[-2:] == ("INSERT", "COMMIT")
    assert rows_seen_elsewhere(backend) == ["Alice"]  # back, with its old key
    with engine.connect() as connection:
        assert connection.scalar(select(User.id)) == 1


def test_a_primaryjoin_names_its_foreign_column_with_foreign_or_foreign_keys(
    backend,
):
    for style in ("foreign()", "foreign_keys="):

        class Base(DeclarativeBase):
            pass

        class Purchase(Base):
            __tablename__ = "purchase"

            id: Mapped[int] = mapped_column(primary_key=True)
            customer_code: Mapped[str] = mapped_column(String(10))

        join = (
            "Customer.code == foreign(Purchase.customer_code)"
            if style == "foreign()"
            else "Customer.code == Purchase.customer_code"
        )
        extra = (
            {} if style == "foreign()" else {"foreign_keys": [Purchase.customer_code]}
        )

        class Customer(Base):
            __tablename__ = "customer"

            id: Mapped[int] = mapped_column(primary_key=True)
            code: Mapped[str] = mapped_column(String(10), unique=True)
            purchases: Mapped[list[Purchase]] = relationship(primaryjoin=join, **extra)

        Base.registry.configure()  # no ArgumentError
        engine = create_engine(backend)
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Customer(code="C1", purchases=[Purchase()]))
            session.commit()
        with Session(engine) as session:
            customer = session.scalars(select(Customer)).one()
            assert [p.customer_code for p in customer.purchases] == ["C1"], style
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_the_sql_a_server_prints_differs_in_placeholders_returning_and_batching(
    backend,
):
    """What running.md says of the SQL printed on a server, against SQLite's #> lines:
    placeholders; one new row: RETURNING on PostgreSQL only; several: one INSERT."""
    name = backend_name(backend)
    one = [line for _, line in run_snippet("states.lifecycle", backend).printed]
    one = [line for line in one if line.startswith("INSERT")]
    assert len(one) == 1
    assert ("VALUES (?)" in one[0]) == (name == "sqlite")
    assert ("%(name)s" in one[0]) == (name != "sqlite")
    assert ("RETURNING" in one[0]) == (name == "postgresql")
    several = [line for _, line in run_snippet("bulk.bulk_insert", backend).printed]
    first = [line for line in several if line.startswith("INSERT")][:3]
    rows_in_first = len(re.findall(r"\?|%\(name__\d\)s", first[0]))
    assert rows_in_first == (1 if name == "sqlite" else 3)
    assert "RETURNING" in first[0]  # the new keys, on every backend


def test_a_relationship_loaded_before_a_commit_is_forgotten_and_raises_bhk3_again(
    backend,
):
    ns = run_snippet("expiry.detached_lazy_load", backend).namespace
    Playlist = ns["Playlist"]
    query = select(Playlist).options(selectinload(Playlist.tracks))
    for expire_on_commit in (True, False):
        with Session(ns["engine"], expire_on_commit=expire_on_commit) as session:
            playlist = session.scalars(query.where(Playlist.id == 1)).one()
            assert "tracks" in inspect(playlist).dict  # loaded
            session.commit()
        if expire_on_commit:  # the commit forgot the tracks, and the close came next
            with pytest.raises(DetachedInstanceError) as raised:
                _ = playlist.tracks
            assert raised.value.code == "bhk3"
            assert "lazy load operation of attribute 'tracks'" in str(raised.value)
        else:
            assert len(playlist.tracks) == 2


def test_a_flush_that_fails_in_a_savepoint_block_rolls_back_only_the_savepoint(
    engine, backend, sql_log
):
    with Session(engine) as session:
        session.add(User(id=1, name="Alice"))
        session.commit()
        session.add(User(id=2, name="Bob"))
        session.flush()  # the transaction's first write, before the savepoint
        with pytest.raises(IntegrityError), session.begin_nested():
            session.add(User(id=1, name="Alicia"))
        assert sql_log.statements[-1].startswith("ROLLBACK TO SAVEPOINT")  # only
        assert session.get(User, 2).name == "Bob"  # no PendingRollbackError
        session.commit()
    assert rows_seen_elsewhere(backend) == ["Alice", "Bob"]


def test_the_merge_example_brings_the_row_back_and_get_first_prevents_it(backend):
    run = run_snippet("troubleshooting.merge_brings_back_deleted", backend)
    lines = [text.rstrip("\n") for _, text in run.printed]
    inserts = [line for line in lines if line.startswith("INSERT")]
    assert len(inserts) == 1 and "'Alicia'" in inserts[0]  # merge() inserted it
    assert lines[-2:] == ["deleted meanwhile: not saved", "ROLLBACK"]
    assert rows_seen_elsewhere(backend) == []  # the fix merged nothing
