"""Every claim of docs/fresh_reads.md, on every backend."""

from __future__ import annotations

import re
import threading
import time

import pytest
from sqlalchemy import (
    create_engine,
    delete,
    event,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import (
    ArgumentError,
    InvalidRequestError,
    NotSupportedError,
    OperationalError,
    PendingRollbackError,
    SAWarning,
)
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from sqlalchemy.sql.elements import BinaryExpression

from snippets.fresh_reads.account import Account, Base, VersionedAccount
from snippets.relationships.author_book import Author, Book
from snippets.relationships.author_book import Base as LibraryBase
from snippets.states.model import User
from tests.conftest import backend_name
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK", "SET")


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


@pytest.fixture
def accounts(backend):
    """An engine on `backend` with account 1 and versioned account 1, balance 100."""
    yield from accounts_on(backend)


@pytest.fixture
def server_accounts(server):
    """The same on a server only."""
    yield from accounts_on(server)


def accounts_on(url: str):
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(
            [Account(id=1, balance=100), VersionedAccount(id=1, balance=100)]
        )
        session.commit()
    yield engine
    engine.dispose()


def balance_elsewhere(url: str, model=Account) -> int:
    other = create_engine(url)
    try:
        with other.connect() as connection:
            return connection.scalar(select(model.balance).where(model.id == 1))
    finally:
        other.dispose()


# Fresh values


BALANCES_SEEN = {  # after each deposit elsewhere: query, refresh, expire, populate
    "sqlite": ["100", "110", "120", "130"],
    "postgresql": ["100", "110", "120", "130"],
    "mariadb": ["100", "100", "100", "100"],
}


def test_refresh_expire_and_populate_existing_load_the_new_values_but_not_in_a_mariadb_transaction(
    backend,
):
    assert (
        printed("fresh_reads.fresh_values", backend)
        == (BALANCES_SEEN[backend_name(backend)])
    )


def deposit_while_reading(engine, url: str):
    """A session that has read account 1; another connection then added 10."""
    session = Session(engine)
    account = session.get(Account, 1)
    other = create_engine(url)
    with other.begin() as connection:
        connection.execute(
            update(Account).where(Account.id == 1).values(balance=Account.balance + 10)
        )
    other.dispose()
    return session, account


@pytest.mark.parametrize("end", ["commit", "rollback"])
def test_after_the_transaction_ends_the_next_read_shows_the_new_values_everywhere(
    accounts, backend, end
):
    session, account = deposit_while_reading(accounts, backend)
    getattr(session, end)()  # both expire the account
    assert account.balance == 110
    session.close()


def test_a_locking_refresh_reads_the_latest_commit_and_mariadb_then_goes_back_to_its_snapshot(
    accounts, backend
):
    session, account = deposit_while_reading(accounts, backend)
    session.refresh(account)
    plain_before = account.balance
    session.refresh(account, with_for_update=True)
    locked = account.balance
    session.refresh(account)  # plain loads, in the same transaction
    plain_after = account.balance
    session.expire(account)
    expired_after = account.balance
    column_after = session.scalars(select(Account.balance)).one()
    snapshot = 100 if backend_name(backend) == "mariadb" else 110
    assert locked == 110  # every backend
    assert (plain_before, plain_after, expired_after, column_after) == (snapshot,) * 4
    session.close()


def test_read_committed_makes_mariadb_read_the_latest_commit(server):
    assert printed("fresh_reads.read_committed", server) == ["READ COMMITTED", "110"]
    engine = create_engine(server)
    with engine.connect() as connection:  # the server's own default
        default = connection.get_isolation_level()
    assert (
        default
        == {"postgresql": "READ COMMITTED", "mariadb": "REPEATABLE READ"}[
            backend_name(server)
        ]
    )
    engine.dispose()


ARGUMENT_ERROR = (
    "Invalid value 'READ COMMITTED' for isolation_level. Valid isolation levels for "
    "'sqlite' are READ UNCOMMITTED, SERIALIZABLE, AUTOCOMMIT"
)


def test_isolation_level_per_engine_or_per_transaction_and_sqlite_refuses_read_committed(
    accounts, backend
):
    url, level = backend, "READ COMMITTED"
    if backend_name(backend) == "sqlite":
        with accounts.connect() as connection:
            assert connection.get_isolation_level() == "SERIALIZABLE"
        with pytest.raises(ArgumentError) as raised:
            create_engine(url, isolation_level=level).connect()
        assert str(raised.value) == ARGUMENT_ERROR
        with pytest.raises(ArgumentError, match="Invalid value 'READ COMMITTED'"):
            Session(accounts).connection(execution_options={"isolation_level": level})
        return
    default = (
        "READ COMMITTED"
        if backend_name(backend) == "postgresql"
        else ("REPEATABLE READ")
    )

    def refreshed_balance(session: Session) -> int:
        account = session.get(Account, 1)
        other = create_engine(url)
        with other.begin() as connection:
            connection.execute(update(Account).values(balance=Account.balance + 10))
        other.dispose()
        session.refresh(account)
        return account.balance

    every = create_engine(url, isolation_level=level, pool_size=1, max_overflow=0)
    with Session(every) as session:  # create_engine(): every connection
        assert refreshed_balance(session) == 110
    with every.connect() as connection:
        assert connection.get_isolation_level() == level
    every.dispose()
    one = create_engine(url, pool_size=1, max_overflow=0)
    with Session(one) as session:  # connection(): this transaction only
        session.connection(execution_options={"isolation_level": level})
        assert refreshed_balance(session) == 120
        session.commit()
        assert session.connection().get_isolation_level() == default
        session.rollback()
        session.connection(execution_options={"isolation_level": level})
        session.rollback()
        assert session.connection().get_isolation_level() == default
        session.rollback()
        session.scalars(select(Account.balance)).one()  # the transaction has begun
        with pytest.warns(SAWarning, match="execution_options ignored"):
            session.connection(execution_options={"isolation_level": level})
        assert session.connection().get_isolation_level() == default  # too late
    with one.connect() as connection:  # the pooled connection is back to default
        assert connection.get_isolation_level() == default
    with Session(one.execution_options(isolation_level=level)) as session:  # a copy
        assert session.connection().get_isolation_level() == level
        assert refreshed_balance(session) == 130
    with one.connect() as connection:  # the same pooled connection, back again
        assert connection.get_isolation_level() == default
    one.dispose()


# Lost updates


def test_two_sessions_that_read_then_write_lose_a_deposit(backend, sql_log):
    lines = printed("fresh_reads.lost_update", backend)
    assert lines == ["110"]
    updates = [s for s in sql_log.statements if s.startswith("UPDATE")]
    assert len(updates) == 2  # both sent balance=110
    assert balance_elsewhere(backend) == 110


def test_under_repeatable_read_postgresql_refuses_the_second_write_and_mariadb_loses_it(
    server_accounts, server
):
    strict = server_accounts.execution_options(isolation_level="REPEATABLE READ")
    with Session(strict) as first, Session(strict) as second:
        mine, theirs = first.get(Account, 1), second.get(Account, 1)
        mine.balance += 10
        first.commit()
        theirs.balance += 10
        if backend_name(server) == "postgresql":
            with pytest.raises(OperationalError) as raised:
                second.commit()
            assert type(raised.value.orig).__name__ == "SerializationFailure"
            assert str(raised.value.orig).splitlines()[0] == (
                "could not serialize access due to concurrent update"
            )
            assert raised.value.code == "e3q8"
        else:
            second.commit()  # MariaDB: no error, and the deposit is lost
    assert balance_elsewhere(server) == 110


def test_under_serializable_both_servers_refuse_one_of_the_two_writes(
    server_accounts, server
):
    strict = server_accounts.execution_options(isolation_level="SERIALIZABLE")
    failures, committed = [], []

    def commit(session: Session, name: str) -> None:
        try:
            session.commit()
            committed.append(name)
        except OperationalError as error:
            failures.append(error)
            session.rollback()

    with Session(strict) as first, Session(strict) as second:
        mine, theirs = first.get(Account, 1), second.get(Account, 1)
        mine.balance += 10
        theirs.balance += 10
        # On MariaDB the first commit waits for the second session's read lock.
        thread = threading.Thread(target=commit, args=(first, "first"))
        thread.start()
        thread.join(timeout=1)
        waited = thread.is_alive()
        commit(second, "second")
        thread.join(timeout=15)
        assert not thread.is_alive()
    assert len(failures) == len(committed) == 1  # one refused, one went through
    (error,) = failures
    if backend_name(server) == "postgresql":
        assert committed == ["first"]
        assert str(error.orig).splitlines()[0] == (
            "could not serialize access due to concurrent update"
        )
    else:
        assert waited  # for the second session's shared lock
        assert error.orig.args == (
            1213,
            "Deadlock found when trying to get lock; try restarting transaction",
        )
    assert error.code == "e3q8"
    assert balance_elsewhere(server) == 110  # one deposit, and an error for the other


def test_an_sql_expression_as_the_new_value_keeps_both_deposits(backend, sql_log):
    assert printed("fresh_reads.atomic_update", backend) == ["120"]
    updates = [s for s in sql_log.statements if s.startswith("UPDATE")]
    assert len(updates) == 2
    assert all("SET balance=(account.balance + " in s for s in updates)
    assert balance_elsewhere(backend) == 120


def test_under_repeatable_read_postgresql_refuses_even_sql_arithmetic(
    server_accounts, server
):
    strict = server_accounts.execution_options(isolation_level="REPEATABLE READ")
    with Session(strict) as first, Session(strict) as second:
        mine, theirs = first.get(Account, 1), second.get(Account, 1)
        mine.balance = Account.balance + 10
        first.commit()
        theirs.balance = Account.balance + 10
        if backend_name(server) == "postgresql":
            with pytest.raises(OperationalError, match="could not serialize access"):
                second.commit()
        else:
            second.commit()  # MariaDB adds to the latest commit
    expected = {"postgresql": 110, "mariadb": 120}[backend_name(server)]
    assert balance_elsewhere(server) == expected


def test_the_expression_waits_in_the_attribute_and_the_flush_expires_it(accounts):
    with Session(accounts) as session:
        account = session.get(Account, 1)
        account.balance = Account.balance + 10
        assert isinstance(account.balance, BinaryExpression)
        session.flush()
        assert "balance" in inspect(account).expired_attributes
        assert account.balance == 110


# Locks


def test_with_for_update_sends_for_update_on_the_servers_and_nothing_on_sqlite(
    accounts, backend, sql_log
):
    with Session(accounts) as session:
        session.scalars(select(Account).with_for_update()).all()
        session.scalars(select(Account).with_for_update(nowait=True)).all()
        session.scalars(select(Account).with_for_update(skip_locked=True)).all()
    selects = [s for s in sql_log.statements if s.startswith("SELECT")]
    if backend_name(backend) == "sqlite":
        assert not [s for s in selects if "FOR UPDATE" in s]
    else:
        assert [s[s.index("FOR UPDATE") :] for s in selects] == [
            "FOR UPDATE",
            "FOR UPDATE NOWAIT",
            "FOR UPDATE SKIP LOCKED",
        ]


def test_for_update_with_a_joinedload_fails_on_postgresql_until_of_names_the_table(
    backend, sql_log
):
    engine = create_engine(backend)
    LibraryBase.metadata.drop_all(engine)
    LibraryBase.metadata.create_all(engine)
    books = joinedload(Author.books)  # a LEFT OUTER JOIN
    try:
        with Session(engine) as session:
            session.add(Author(name="Octavia", books=[Book(title="Kindred")]))
            session.commit()
            locking = select(Author).options(books).with_for_update()
            if backend_name(backend) == "postgresql":
                with pytest.raises(NotSupportedError) as raised:
                    session.scalars(locking).unique().all()
                assert str(raised.value.orig).splitlines()[0] == (
                    "FOR UPDATE cannot be applied to the nullable side of an outer join"
                )
                session.rollback()
            else:
                assert len(session.scalars(locking).unique().all()) == 1
            sql_log.clear()
            only_authors = select(Author).options(books).with_for_update(of=Author)
            assert len(session.scalars(only_authors).unique().all()) == 1
            (sent,) = [s for s in sql_log.statements if s.startswith("SELECT")]
            ending = {
                "sqlite": "book_1.author_id",  # no FOR UPDATE at all
                "postgresql": "FOR UPDATE OF author",
                "mariadb": "book_1.author_id FOR UPDATE",  # OF left out
            }[backend_name(backend)]
            assert sent.endswith(ending)
            session.rollback()
    finally:
        LibraryBase.metadata.drop_all(engine)
        engine.dispose()


def test_on_sqlite_two_locking_reads_do_not_block_and_a_deposit_is_lost(tmp_path):
    sqlite = create_engine(f"sqlite:///{tmp_path / 'accounts.db'}")
    Base.metadata.create_all(sqlite)
    with Session(sqlite) as session:
        session.add(Account(id=1, balance=100))
        session.commit()
    with Session(sqlite) as first, Session(sqlite) as second:
        mine = first.scalars(select(Account).with_for_update()).one()
        theirs = second.scalars(select(Account).with_for_update()).one()  # no wait
        assert second.scalars(select(Account).with_for_update(nowait=True)).all()
        assert second.scalars(select(Account).with_for_update(skip_locked=True)).all()
        mine.balance += 10
        first.commit()
        theirs.balance += 10
        second.commit()
    with Session(sqlite) as session:
        assert session.get(Account, 1).balance == 110
    sqlite.dispose()


LOCK_TIMEOUT = {
    "postgresql": ("LockNotAvailable", "canceling statement due to lock timeout"),
    "mariadb": (
        "OperationalError",
        "(1205, 'Lock wait timeout exceeded; try restarting transaction')",
    ),
}


def test_a_second_locker_gives_up_at_its_lock_timeout_with_e3q8(server):
    run = run_snippet("fresh_reads.row_lock", server)
    lines = printed("fresh_reads.row_lock", server)
    name, message = LOCK_TIMEOUT[backend_name(server)]
    assert lines == ["OperationalError e3q8", message, "110"]
    assert balance_elsewhere(server) == 120  # both deposits, one after the other
    assert run.namespace["engine"] is not None


def test_the_lock_timeout_error_is_the_drivers_own_class_wrapped(server):
    engine = create_engine(server)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Account(id=1, balance=100))
        session.commit()
    with Session(engine) as first, Session(engine) as second:
        first.scalars(select(Account).with_for_update()).one()
        lock_timeout_of_one_second(second)
        with pytest.raises(OperationalError) as raised:
            second.scalars(select(Account).with_for_update()).one()
        second.rollback()
    name, message = LOCK_TIMEOUT[backend_name(server)]
    assert type(raised.value.orig).__name__ == name
    assert str(raised.value.orig).splitlines()[0] == message
    assert raised.value.code == "e3q8"
    engine.dispose()


def lock_timeout_of_one_second(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL lock_timeout = '1s'"))
    else:
        session.execute(text("SET SESSION innodb_lock_wait_timeout = 1"))


def test_a_second_locker_waits_for_the_first_to_commit_then_reads_its_value(server):
    engine = create_engine(server)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Account(id=1, balance=100))
        session.commit()
    locked, seen = threading.Event(), []

    def second_deposit():
        locked.wait()
        with Session(engine) as second:
            account = second.scalars(select(Account).with_for_update()).one()
            seen.append(account.balance)
            account.balance += 10
            second.commit()

    thread = threading.Thread(target=second_deposit)
    thread.start()
    with Session(engine) as first:
        account = first.scalars(select(Account).with_for_update()).one()
        locked.set()
        thread.join(timeout=1.5)
        assert thread.is_alive() and seen == []  # still waiting for the lock
        account.balance += 10
        first.commit()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert seen == [110]  # it read the first deposit
    assert balance_elsewhere(server) == 120
    engine.dispose()


LOCKING_READS = {  # how a session that holds account 1 reads it with a lock
    "select().with_for_update()": lambda session: session.scalars(
        select(Account).where(Account.id == 1).with_for_update()
    ).one(),
    "get(with_for_update=True)": lambda session: session.get(
        Account, 1, with_for_update=True
    ),
    "the same, with populate_existing": lambda session: session.scalars(
        select(Account)
        .where(Account.id == 1)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one(),
    "get(with_for_update=True, populate_existing=True)": lambda session: session.get(
        Account, 1, with_for_update=True, populate_existing=True
    ),
    "refresh(with_for_update=True)": lambda session: (
        session.refresh(session.get(Account, 1), with_for_update=True)
        or session.get(Account, 1)
    ),
    "select().with_for_update() after commit()": lambda session: (
        session.commit()  # expires the object it holds
        or session.scalars(
            select(Account).where(Account.id == 1).with_for_update()
        ).one()
    ),
}


def test_a_locking_read_of_an_object_the_session_holds_keeps_its_old_values_and_loses_a_deposit(
    accounts, backend, sql_log
):
    """Both sessions hold account 1, loaded plainly; each locks it, then adds 10."""
    outcome, other = {}, create_engine(backend)
    for way, lock in LOCKING_READS.items():
        with accounts.begin() as connection:
            connection.execute(update(Account).values(balance=100))
        with Session(accounts) as first, Session(accounts) as second:
            held = first.get(Account, 1), second.get(Account, 1)
            for session in (first, second):
                sql_log.clear()
                account = lock(session)
                assert account is held[session is second]  # the object it holds
                locking = [s for s in sql_log.statements if s.startswith("SELECT")]
                if backend_name(backend) != "sqlite":
                    assert locking and locking[-1].endswith("FOR UPDATE")
                    assert row_is_locked(other)
                account.balance += 10
                session.commit()
        outcome[way] = balance_elsewhere(backend)
    other.dispose()
    assert outcome == {
        "select().with_for_update()": 110,  # the second deposit went on 100: lost
        "get(with_for_update=True)": 110,
        "the same, with populate_existing": 120,
        "get(with_for_update=True, populate_existing=True)": 120,
        "refresh(with_for_update=True)": 120,
        "select().with_for_update() after commit()": 120,  # nothing loaded to keep
    }


def row_is_locked(other) -> bool:
    """Whether another connection, of the engine `other`, fails to lock account 1
    at once."""
    try:
        with other.connect() as connection:
            connection.execute(
                select(Account).where(Account.id == 1).with_for_update(nowait=True)
            ).all()
            return False
    except OperationalError:
        return True


def test_the_locking_read_of_a_held_object_shows_its_old_balance_until_populate_existing(
    server,
):
    assert printed("fresh_reads.lock_held_object", server) == ["True 100", "110"]
    assert balance_elsewhere(server) == 120


def test_with_a_version_counter_a_locking_get_of_a_stale_object_raises(
    accounts, backend
):
    with Session(accounts) as session:
        account = session.get(VersionedAccount, 1)
        other = create_engine(backend)
        with other.begin() as connection:
            connection.execute(
                update(VersionedAccount).values(
                    balance=110, version=VersionedAccount.version + 1
                )
            )
        other.dispose()
        locked = session.scalars(select(VersionedAccount).with_for_update()).one()
        assert (locked is account, locked.balance, locked.version) == (True, 100, 1)
        with pytest.raises(StaleDataError) as raised:
            session.get(VersionedAccount, 1, with_for_update=True)
        assert re.sub(r"0x[0-9a-f]+", "0x…", str(raised.value)) == (
            "Instance '<VersionedAccount at 0x…>' has version id '1' which does not "
            "match database-loaded version id '2'."
        )


def test_a_plain_read_of_a_locked_row_does_not_wait_and_sees_the_committed_value(
    server_accounts, server
):
    with Session(server_accounts) as first, Session(server_accounts) as second:
        account = first.scalars(select(Account).with_for_update()).one()
        account.balance += 10
        first.flush()  # the row is locked, and changed inside `first`
        started = time.monotonic()
        assert second.scalars(select(Account.balance)).one() == 100
        assert time.monotonic() - started < 1  # no wait for the lock
        first.commit()
        second.rollback()
        assert second.scalars(select(Account.balance)).one() == 110


def test_without_a_timeout_of_its_own_postgresql_waits_forever_and_mariadb_50_seconds(
    server_accounts, server
):
    """The servers' built-in defaults (the test URLs set shorter ones)."""
    with server_accounts.connect() as connection:
        if backend_name(server) == "postgresql":
            default = connection.exec_driver_sql(
                "SELECT boot_val FROM pg_settings WHERE name = 'lock_timeout'"
            ).scalar()
            assert default == "0"  # 0: no timeout, wait until the lock is released
        else:
            default = connection.exec_driver_sql(
                "SELECT default_value FROM information_schema.system_variables "
                "WHERE variable_name = 'INNODB_LOCK_WAIT_TIMEOUT'"
            ).scalar()
            assert default == "50"  # seconds


def test_mariadbs_set_session_stays_with_the_pooled_connection_and_set_local_does_not(
    server,
):
    engine = create_engine(server, pool_size=1, max_overflow=0)  # one connection
    if backend_name(server) == "postgresql":
        setting, show = "SET LOCAL lock_timeout = '1s'", "SHOW lock_timeout"
    else:
        setting = "SET SESSION innodb_lock_wait_timeout = 1"
        show = "SELECT @@SESSION.innodb_lock_wait_timeout"
    with Session(engine) as session:
        default = session.execute(text(show)).scalar()
        session.execute(text(setting))
        assert str(session.execute(text(show)).scalar()) in ("1", "1s")
        session.commit()
    with Session(engine) as session:  # the same pooled connection
        after = session.execute(text(show)).scalar()
    if backend_name(server) == "postgresql":
        assert after == default  # SET LOCAL ended with the transaction
    else:
        assert after == 1  # SET SESSION stayed with the connection
    engine.dispose()


NOWAIT = {
    "postgresql": 'could not obtain lock on row in relation "account"',
    "mariadb": "(1205, 'Lock wait timeout exceeded; try restarting transaction')",
}


def test_nowait_fails_at_once_and_skip_locked_skips_the_locked_row(server):
    engine = create_engine(server)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all([Account(id=1, balance=100), Account(id=2, balance=50)])
        session.commit()
    with Session(engine) as first, Session(engine) as second:
        first.scalars(select(Account).where(Account.id == 1).with_for_update()).one()
        others = second.scalars(
            select(Account).order_by(Account.id).with_for_update(skip_locked=True)
        ).all()
        assert [account.id for account in others] == [2]
        started = time.monotonic()
        with pytest.raises(OperationalError) as raised:
            second.scalars(
                select(Account).where(Account.id == 1).with_for_update(nowait=True)
            ).one()
        waited = time.monotonic() - started
        second.rollback()
    assert str(raised.value.orig).splitlines()[0] == NOWAIT[backend_name(server)]
    assert waited < 2  # at once: the lock timeouts in force are 10 s or more
    engine.dispose()


# Version counter


def test_a_version_counter_turns_the_lost_update_into_stale_data_error(
    backend, sql_log
):
    lines = printed("fresh_reads.version_counter", backend)
    assert lines[:2] == [
        "1 1",
        "StaleDataError: UPDATE statement on table 'versioned_account' expected to "
        "update 1 row(s); 0 were matched.",
    ]
    updates = [s for s in sql_log.statements if s.startswith("UPDATE")]
    assert all(
        re.search(r"SET balance=\S+, version=\S+ WHERE .* AND versioned_account\.", s)
        for s in updates
    )
    assert lines[2:] == ["110 2", "130"]  # no deposit lost
    assert balance_elsewhere(backend, VersionedAccount) == 130


def test_stale_data_error_has_no_code_and_the_failed_commit_rolled_back(
    accounts, sql_log
):
    with Session(accounts) as first, Session(accounts) as second:
        mine, theirs = first.get(VersionedAccount, 1), second.get(VersionedAccount, 1)
        mine.balance += 10
        first.commit()
        theirs.balance += 10
        sql_log.clear()
        with pytest.raises(StaleDataError) as raised:
            second.commit()
        assert sql_log.kinds()[-2:] == ("UPDATE", "ROLLBACK")
        assert raised.value.code is None
        assert not second.is_active  # it waits for rollback()
        with pytest.raises(PendingRollbackError):
            second.get(VersionedAccount, 1)
        second.rollback()
        assert (theirs.balance, theirs.version) == (110, 2)


def test_a_delete_checks_the_version_too(accounts):
    with Session(accounts) as first, Session(accounts) as second:
        mine, theirs = first.get(VersionedAccount, 1), second.get(VersionedAccount, 1)
        mine.balance += 10
        first.commit()
        second.delete(theirs)
        with pytest.raises(StaleDataError, match="DELETE statement on table"):
            second.commit()
    assert balance_elsewhere(str(accounts.url), VersionedAccount) == 110


def test_deposit_loads_again_and_redoes_the_change_after_a_conflict(backend):
    ns = run_snippet("fresh_reads.version_counter", backend).namespace
    engine, deposit = ns["engine"], ns["deposit"]
    interfered = []

    def another_program_deposits_5(session, flush_context, instances):
        if len(interfered) < 1:
            other = create_engine(engine.url)
            with other.begin() as connection:
                connection.execute(
                    update(VersionedAccount)
                    .where(VersionedAccount.id == 1)
                    .values(
                        balance=VersionedAccount.balance + 5,
                        version=VersionedAccount.version + 1,
                    )
                )
            other.dispose()
            interfered.append(True)

    event.listen(Session, "before_flush", another_program_deposits_5)
    try:
        assert deposit(1, 10) == 145  # 130, + 5 elsewhere, + 10 on the second try
    finally:
        event.remove(Session, "before_flush", another_program_deposits_5)
    assert interfered == [True]
    assert balance_elsewhere(backend, VersionedAccount) == 145


def test_deposit_gives_up_after_its_attempts(backend):
    ns = run_snippet("fresh_reads.version_counter", backend).namespace
    engine, deposit = ns["engine"], ns["deposit"]

    def always_deposit_elsewhere(session, flush_context, instances):
        other = create_engine(engine.url)
        with other.begin() as connection:
            connection.execute(
                update(VersionedAccount).values(version=VersionedAccount.version + 1)
            )
        other.dispose()

    event.listen(Session, "before_flush", always_deposit_elsewhere)
    try:
        with pytest.raises(RuntimeError, match="tried 3 times"):
            deposit(1, 10)
    finally:
        event.remove(Session, "before_flush", always_deposit_elsewhere)


def test_a_version_counter_checks_only_the_version_its_own_session_loaded(accounts):
    with Session(accounts) as session:  # a form shows balance 100, version 1
        shown = session.get(VersionedAccount, 1)
        form = {"balance": shown.balance + 10, "version": shown.version}
    with Session(accounts) as elsewhere:  # meanwhile, another deposit
        elsewhere.get(VersionedAccount, 1).balance += 5
        elsewhere.commit()
    with Session(accounts) as session:  # the form comes back: a new session
        account = session.get(VersionedAccount, 1)
        assert (account.version, form["version"]) == (2, 1)  # the check to write
        account.balance = form["balance"]
        session.commit()  # no StaleDataError: version 2 is what it loaded
    assert balance_elsewhere(str(accounts.url), VersionedAccount) == 110  # 5 lost


# A row deleted elsewhere


def test_an_expired_object_whose_row_was_deleted_raises_object_deleted_error(
    backend,
):
    lines = printed("fresh_reads.deleted_elsewhere", backend)
    assert lines == [
        "ObjectDeletedError",
        "Instance '<Account at 0x…>' has been deleted, or its row is otherwise not "
        "present.",
        "None",
    ]


def delete_elsewhere(url: str) -> None:
    other = create_engine(url)
    with other.begin() as connection:
        connection.execute(delete(Account))
    other.dispose()


def test_object_deleted_error_has_no_code_and_get_lets_go_of_the_object(
    accounts, backend, sql_log
):
    with Session(accounts) as session:
        account = session.get(Account, 1)
        session.commit()
        delete_elsewhere(backend)
        with pytest.raises(ObjectDeletedError) as raised:
            _ = account.balance
        assert raised.value.code is None
        assert isinstance(raised.value, InvalidRequestError)
        assert account in session  # still held, and still persistent
        sql_log.clear()
        assert session.get(Account, 1) is None
        assert sql_log.kinds() == ("SELECT", "SELECT")
        assert account not in session and not inspect(account).persistent


@pytest.mark.parametrize("model", [Account, VersionedAccount])
def test_changing_an_object_whose_row_was_deleted_raises_stale_data_error(
    accounts, backend, model
):
    with Session(accounts) as session:
        account = session.get(model, 1)
        other = create_engine(backend)
        with other.begin() as connection:
            connection.execute(delete(model))
        other.dispose()
        account.balance += 10
        with pytest.raises(StaleDataError) as raised:
            session.commit()
    assert str(raised.value) == (
        f"UPDATE statement on table '{model.__tablename__}' expected to update "
        "1 row(s); 0 were matched."
    )


def test_deleting_an_object_whose_row_was_deleted_only_warns_without_a_version_counter(
    accounts, backend
):
    for model in (Account, VersionedAccount):
        with Session(accounts) as session:
            account = session.get(model, 1)
            other = create_engine(backend)
            with other.begin() as connection:
                connection.execute(delete(model))
            other.dispose()
            session.delete(account)
            if model is Account:
                with pytest.warns(SAWarning) as caught:
                    session.commit()  # no error
                assert str(caught[0].message).startswith(
                    "DELETE statement on table 'account' expected to delete 1 row(s); "
                    "0 were matched."
                )
            else:
                with pytest.raises(StaleDataError, match="expected to delete 1 row"):
                    session.commit()


def test_refresh_of_an_object_whose_row_was_deleted_raises_invalid_request_error(
    accounts, backend
):
    with Session(accounts) as session:
        account = session.get(Account, 1)
        session.commit()  # a new transaction for refresh(), MariaDB's included
        delete_elsewhere(backend)
        with pytest.raises(InvalidRequestError) as raised:
            session.refresh(account)
        assert type(raised.value) is InvalidRequestError
        assert re.sub(r"0x[0-9a-f]+", "0x…", str(raised.value)) == (
            "Could not refresh instance '<Account at 0x…>'"
        )


def test_in_a_transaction_that_has_read_the_row_mariadb_still_finds_it_in_its_snapshot(
    accounts, backend
):
    def outcome(load) -> object:
        with Session(accounts) as session:
            account = session.get(Account, 1)  # the transaction reads the row
            delete_elsewhere(backend)
            try:
                return load(session, account)
            except InvalidRequestError as error:  # ObjectDeletedError is one
                return type(error).__name__
            finally:
                session.rollback()
                with accounts.begin() as connection:  # the row, back for the next
                    connection.execute(delete(Account))
                    connection.execute(insert(Account).values(id=1, balance=100))

    seen = {
        "expire": outcome(lambda s, a: s.expire(a) or a.balance),
        "refresh": outcome(lambda s, a: s.refresh(a) or a.balance),
        "get": outcome(
            lambda s, a: s.expire(a) or getattr(s.get(Account, 1), "balance", None)
        ),
    }
    if backend_name(backend) == "mariadb":  # the snapshot still has the row
        assert seen == {"expire": 100, "refresh": 100, "get": 100}
    else:
        assert seen == {
            "expire": "ObjectDeletedError",
            "refresh": "InvalidRequestError",
            "get": None,
        }


def test_an_object_with_loaded_values_notices_nothing_until_it_loads(accounts, backend):
    with Session(accounts, expire_on_commit=False) as session:
        account = session.get(Account, 1)
        session.commit()
        delete_elsewhere(backend)
        assert account.balance == 100  # no load, no error
        session.expire(account)
        with pytest.raises(ObjectDeletedError):
            _ = account.balance


# Troubleshooting: another instance with the same key


def test_add_of_a_detached_copy_where_the_session_holds_the_row_raises_and_merge_fixes_it(
    backend,
):
    run = run_snippet("states.merge_when_held", backend)
    lines = [text.rstrip("\n") for _, text in run.printed]
    assert (
        "Can't attach instance <User at …>; another instance with key (…, (1,), None) "
        "is already present in this session." in lines
    )
    assert "True Alice Smith" in lines
    ns = run.namespace
    with Session(ns["engine"]) as session:
        held = session.get(User, 1)
        detached = User(id=1, name="Alicia")
        with Session(ns["engine"]) as elsewhere:
            detached = elsewhere.get(User, 1)
        with pytest.raises(InvalidRequestError) as raised:
            session.add(detached)
        assert type(raised.value) is InvalidRequestError
        assert raised.value.code is None
        assert session.merge(detached) is held
