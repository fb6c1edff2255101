"""Every claim of docs/bulk.md, on every backend."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.exc import IntegrityError, InvalidRequestError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, validates
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError

from snippets.cascades.playlist import playlist_model
from snippets.fresh_reads.account import Base as AccountBase
from snippets.fresh_reads.account import VersionedAccount
from snippets.states.model import User
from snippets.states.state_of import state_of
from tests.conftest import backend_name, rows_seen_elsewhere
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


def sent(sql_log, kind: str) -> list[str]:
    return [s for s in sql_log.statements if s.startswith(kind)]


@pytest.fixture
def users(engine):
    """The engine of conftest, holding Alice (id 1) and Bob (id 2)."""
    with Session(engine) as session:
        session.add_all([User(name="Alice"), User(name="Bob")])
        session.commit()
    return engine


# Inserting


ADD_ALL_INSERTS = {"sqlite": 3, "postgresql": 1, "mariadb": 1}


def test_add_all_sends_an_insert_per_row_on_sqlite_and_one_on_the_servers(
    engine, backend, sql_log
):
    with Session(engine) as session:
        session.add_all([User(name=name) for name in ("Alice", "Bob", "Carol")])
        sql_log.clear()
        session.flush()
    inserts = sent(sql_log, "INSERT")
    assert len(inserts) == ADD_ALL_INSERTS[backend_name(backend)]
    assert all("RETURNING" in statement for statement in inserts)


def test_insert_with_a_list_of_dicts_sends_one_statement_and_makes_no_objects(
    backend, sql_log
):
    ns = run_snippet("bulk.bulk_insert", backend).namespace
    without_returning = [s for s in sent(sql_log, "INSERT") if "RETURNING" not in s]
    assert len(without_returning) == 1  # Dave, Erin and Frank: one call
    assert without_returning[0].startswith("INSERT INTO user_account (name) VALUES (")
    assert "0" in printed("bulk.bulk_insert", backend)  # nothing in the session
    assert rows_seen_elsewhere(backend)[:6] == [
        "Alice",
        "Bob",
        "Carol",
        "Dave",
        "Erin",
        "Frank",
    ]
    assert ns["rows"] == [{"name": "Grace"}, {"name": "Heidi"}]


def test_insert_returning_gives_objects_that_the_session_holds(backend, sql_log):
    lines = printed("bulk.bulk_insert", backend)
    assert lines[-1] == "[User(name='Grace'), User(name='Heidi')] [7, 8] True"
    (grace,) = [s for s in sent(sql_log, "INSERT") if re.search("RETURNING .*name", s)]
    assert grace.startswith("INSERT INTO user_account (name) VALUES (")
    assert rows_seen_elsewhere(backend)[6:] == ["Grace", "Heidi"]


def test_dicts_with_different_keys_go_in_separate_statements(engine, sql_log):
    with Session(engine) as session:
        alternating = [{"name": "Alice"}, {"id": 10, "name": "Bob"}, {"name": "Carol"}]
        sql_log.clear()
        session.execute(insert(User), alternating)
        assert len(sent(sql_log, "INSERT")) == 3  # each change of keys: a new one
        grouped = [{"name": "Dave"}, {"name": "Erin"}, {"id": 20, "name": "Frank"}]
        sql_log.clear()
        session.execute(insert(User), grouped)
        assert len(sent(sql_log, "INSERT")) == 2  # a run of the same keys: one
        session.commit()


SORTED_INSERTS = {"sqlite": 3, "postgresql": 1, "mariadb": 1}


def test_sort_by_parameter_order_keeps_the_rows_order_at_one_insert_per_row_on_sqlite(
    engine, backend, sql_log
):
    rows = [{"name": name} for name in ("Carol", "Alice", "Bob")]
    in_order = insert(User).returning(User, sort_by_parameter_order=True)
    with Session(engine) as session:
        sql_log.clear()
        users = session.scalars(in_order, rows).all()
        assert [user.name for user in users] == ["Carol", "Alice", "Bob"]
        assert [user.id for user in users] == [1, 2, 3]
        assert len(sent(sql_log, "INSERT")) == SORTED_INSERTS[backend_name(backend)]
        session.rollback()


ROWS_OF_2500 = {  # INSERT statements for 2500 rows: without and with RETURNING,
    # and the flush of 2500 new objects
    "sqlite": (1, 3, 2500),
    "postgresql": (1, 3, 3),
    "mariadb": (1, 3, 3),
}


def test_returning_puts_a_thousand_rows_in_each_insert_and_add_all_one_per_row_on_sqlite(
    engine, backend, sql_log
):
    assert engine.dialect.insertmanyvalues_page_size == 1000  # the default
    counts = []
    with Session(engine) as session:
        sql_log.clear()
        session.execute(insert(User), [{"name": f"a{i}"} for i in range(2500)])
        counts.append(len(sent(sql_log, "INSERT")))
        sql_log.clear()
        returning = insert(User).returning(User)
        users = session.scalars(returning, [{"name": f"b{i}"} for i in range(2500)])
        assert len(users.all()) == 2500
        inserts = sent(sql_log, "INSERT")
        assert all("RETURNING" in s and "VALUES" in s for s in inserts)
        counts.append(len(inserts))
        sql_log.clear()
        session.add_all([User(name=f"c{i}") for i in range(2500)])
        session.flush()
        counts.append(len(sent(sql_log, "INSERT")))
        session.rollback()
    assert tuple(counts) == ROWS_OF_2500[backend_name(backend)]


def test_a_statement_holds_at_most_32700_parameters_so_wide_rows_come_fewer_at_a_time(
    backend, sql_log
):
    wide = Table(
        "wide_bulk",
        MetaData(),
        Column("id", Integer, primary_key=True),
        *[Column(f"c{i}", Integer) for i in range(40)],
    )
    engine = create_engine(backend)
    wide.drop(engine, checkfirst=True)
    wide.create(engine)
    try:
        assert engine.dialect.insertmanyvalues_max_parameters == 32700
        rows = [{f"c{i}": i for i in range(40)} for _ in range(1000)]
        with engine.begin() as connection:
            sql_log.clear()
            connection.execute(insert(wide).returning(wide.c.id), rows).all()
        # 1000 rows of 40 parameters are 40000: two statements, of 817 and 183 rows
        assert len(sent(sql_log, "INSERT")) == 2
    finally:
        wide.drop(engine)
        engine.dispose()


def test_psycopg2_alone_writes_rows_into_the_statement_even_without_returning(engine):
    from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2

    assert engine.dialect.use_insertmanyvalues_wo_returning is False  # this driver
    assert PGDialect_psycopg2.use_insertmanyvalues_wo_returning is True


# Updating and deleting


def test_update_with_a_list_of_dicts_updates_by_primary_key_in_one_statement(
    backend, sql_log
):
    run_snippet("bulk.bulk_update", backend)
    updates = sent(sql_log, "UPDATE")
    by_key = updates[0]
    assert by_key.startswith("UPDATE user_account SET name=")
    assert "WHERE user_account.id = " in by_key
    assert len([s for s in updates if "WHERE user_account.id = " in s]) == 2
    assert rows_seen_elsewhere(backend) == ["Alicia", "carol", "dave"]


def test_update_with_a_list_of_dicts_needs_the_primary_key(users):
    with Session(users) as session, pytest.raises(InvalidRequestError) as raised:
        session.execute(update(User), [{"name": "Alicia"}])
    assert str(raised.value).startswith(
        "No primary key value supplied for column(s) user_account.id; per-row ORM "
        "Bulk UPDATE by Primary Key requires that records contain primary key values"
    )


def test_an_update_by_primary_key_updates_the_objects_the_session_holds(users):
    with Session(users) as session:
        alice = session.get(User, 1)
        session.execute(update(User), [{"id": 1, "name": "Alicia"}])
        assert alice.name == "Alicia" and not inspect(alice).expired_attributes


def test_an_update_by_primary_key_raises_stale_data_error_for_a_missing_row_after_writing_the_others(
    users, backend
):
    with Session(users) as session:
        changes = [{"id": 1, "name": "Alicia"}, {"id": 3, "name": "Carol"}]
        with pytest.raises(StaleDataError) as raised:
            session.execute(update(User), changes)
        assert str(raised.value) == (
            "UPDATE statement on table 'user_account' expected to update 2 row(s); "
            "1 were matched."
        )
        assert session.is_active  # no rollback needed, none done
        session.commit()
    assert rows_seen_elsewhere(backend) == ["Alicia", "Bob"]  # user 1 was changed


def test_changing_loaded_objects_costs_a_select_and_one_update_call(users, sql_log):
    with Session(users) as session:
        sql_log.clear()
        for user in session.scalars(select(User)):
            user.name = user.name.upper()
        session.commit()
    assert sql_log.kinds() == ("BEGIN", "SELECT", "UPDATE", "COMMIT")


def test_an_update_or_delete_with_a_where_is_one_statement_with_a_rowcount(
    backend, sql_log
):
    lines = printed("bulk.bulk_update", backend)
    assert lines == ["2 1"]
    where = [
        s
        for s in sql_log.statements
        if s.startswith(("UPDATE", "DELETE"))
        and ("id >= " in s or "WHERE user_account.name = " in s)
    ]
    assert [s.split()[0] for s in where] == ["UPDATE", "DELETE"]


# RETURNING

RETURNING = {  # INSERT, UPDATE, DELETE
    "sqlite": (True, True, True),
    "postgresql": (True, True, True),
    "mariadb": (True, False, True),
}


def test_returning_works_for_insert_and_delete_everywhere_and_for_update_except_on_mariadb(
    users, backend
):
    dialect = users.dialect
    expected = RETURNING[backend_name(backend)]
    flags = (dialect.insert_returning, dialect.update_returning)
    assert flags + (dialect.delete_returning,) == expected
    with Session(users) as session:
        inserted = session.execute(
            insert(User).values(name="Carol").returning(User.id)
        ).scalar_one()
        assert inserted == 3
        renaming = (
            update(User).where(User.id == 1).values(name="Ann").returning(User.name)
        )
        if expected[1]:
            assert session.execute(renaming).scalar_one() == "Ann"
        else:
            with pytest.raises(ProgrammingError) as raised:
                session.execute(renaming)
            assert raised.value.orig.args[0] == 1064  # a syntax error, from MariaDB
            assert "RETURNING" in raised.value.statement
            session.rollback()
        removed = session.execute(
            delete(User).where(User.id == 2).returning(User.name)
        ).scalar_one()
        assert removed == "Bob"


def test_the_returning_example_prints_the_changed_rows_and_fails_on_mariadb(backend):
    if backend_name(backend) == "mariadb":
        with pytest.raises(ProgrammingError):
            run_snippet("bulk.returning", backend)
        return
    assert printed("bulk.returning", backend) == [
        "[(1, 'Alice Smith'), (2, 'Bob Smith')]",
        "['Carol']",
    ]


# Upserts

UPSERT_SQL = {
    "sqlite": "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
    "postgresql": "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
    "mariadb": "ON DUPLICATE KEY UPDATE name = VALUES(name)",
}


def test_the_upsert_inserts_or_updates_with_each_backends_syntax(backend, sql_log):
    lines = printed("bulk.upsert", backend)
    upserts = [s for s in sent(sql_log, "INSERT") if "Alicia" not in s]
    assert upserts and all(UPSERT_SQL[backend_name(backend)] in s for s in upserts[-2:])
    assert rows_seen_elsewhere(backend) == ["Alicia", "Bob"]
    assert lines == ["Alice", "[User(name='Alicia'), User(name='Bob')] Alicia"]


def test_an_upsert_naming_a_key_twice_fails_on_postgresql_and_keeps_the_last_elsewhere(
    backend,
):
    ns = run_snippet("bulk.upsert", backend).namespace  # rows: Alicia, Bob
    upsert, engine = ns["upsert"], ns["engine"]
    twice = [{"id": 1, "name": "Ann"}, {"id": 1, "name": "Anna"}]
    with Session(engine) as session:
        if backend_name(backend) == "postgresql":
            with pytest.raises(ProgrammingError) as raised:
                session.execute(upsert(engine.dialect.name, twice))
            assert str(raised.value.orig).splitlines()[0] == (
                "ON CONFLICT DO UPDATE command cannot affect row a second time"
            )
            session.rollback()
        else:
            session.execute(upsert(engine.dialect.name, twice))
            session.commit()
    postgresql = backend_name(backend) == "postgresql"
    assert rows_seen_elsewhere(backend) == ["Alicia" if postgresql else "Anna", "Bob"]


def upsert_without_rows(dialect_name: str):
    """The upsert of snippets/bulk/upsert.py, its rows left to execute()."""
    if dialect_name in ("mysql", "mariadb"):
        statement = mysql.insert(User)
        return statement.on_duplicate_key_update(name=statement.inserted.name)
    insert = postgresql.insert if dialect_name == "postgresql" else sqlite.insert
    statement = insert(User)
    return statement.on_conflict_do_update(
        index_elements=[User.id], set_={"name": statement.excluded.name}
    )


def test_an_upsert_with_values_is_one_statement_and_with_rows_apart_is_batched(
    backend, sql_log
):
    ns = run_snippet("bulk.upsert", backend).namespace
    upsert, engine = ns["upsert"], ns["engine"]
    rows = [{"id": key, "name": f"user {key}"} for key in range(1, 1201)]
    with Session(engine) as session:
        sql_log.clear()
        session.execute(upsert(engine.dialect.name, rows))  # values(rows)
        assert len(sent(sql_log, "INSERT")) == 1  # all 1200 rows in it
        apart = upsert_without_rows(engine.dialect.name)
        sql_log.clear()
        session.execute(apart, rows)
        assert len(sent(sql_log, "INSERT")) == 1  # one call
        sql_log.clear()
        users = session.scalars(
            apart.returning(User), rows, execution_options={"populate_existing": True}
        ).all()
        assert len(sent(sql_log, "INSERT")) == 2  # 1000 rows, then 200
        assert len(users) == 1200
        session.commit()
    assert len(rows_seen_elsewhere(backend)) == 1200


def test_a_key_written_by_hand_moves_no_sequence_on_postgresql(backend):
    ns = run_snippet("bulk.upsert", backend).namespace  # ids: 1 generated, 2 by hand
    with Session(ns["engine"]) as session:
        carol = User(name="Carol")
        session.add(carol)
        if backend_name(backend) == "postgresql":
            with pytest.raises(IntegrityError, match="user_account_pkey"):
                session.commit()  # the sequence hands out 2 again
        else:
            session.commit()
            assert carol.id == 3


# What happens to the objects in the session


def test_by_default_a_where_that_python_can_evaluate_updates_the_objects_at_no_cost(
    backend, sql_log
):
    lines = printed("bulk.synchronize", backend)
    assert lines[:2] == ["Alicia", "deleted False"]
    assert lines[2] == "Alice"  # synchronize_session=False
    kinds = "".join(f"{kind} " for kind in sql_log.kinds())
    # the first session: its SELECT, the UPDATE, the DELETE, and nothing else
    assert "BEGIN SELECT UPDATE DELETE ROLLBACK " in kinds
    writes = sent(sql_log, "UPDATE") + sent(sql_log, "DELETE")
    assert not [s for s in writes if "RETURNING" in s]
    ns = run_snippet("bulk.synchronize", backend).namespace
    assert state_of(ns["bob"]) == "detached"  # the rollback let go of it


def test_after_a_commit_evaluate_skips_the_expired_objects_so_a_deleted_one_stays(
    users, sql_log
):
    with Session(users) as session:
        alice, bob = session.scalars(select(User).order_by(User.id)).all()
        session.commit()  # every attribute expired
        sql_log.clear()
        session.execute(update(User).where(User.name == "Alice").values(name="Alicia"))
        session.execute(delete(User).where(User.name == "Bob"))
        assert sql_log.kinds() == ("BEGIN", "UPDATE", "DELETE")  # evaluated: no fetch
        assert "name" in inspect(alice).expired_attributes
        assert alice.name == "Alicia"  # loaded again, with the new value
        assert state_of(bob) == "persistent" and bob in session  # not marked deleted
        with pytest.raises(ObjectDeletedError):
            _ = bob.name
        session.rollback()


FETCH = {  # what `fetch` sends for an UPDATE and for a DELETE
    "sqlite": (("UPDATE",), ("DELETE",)),
    "postgresql": (("UPDATE",), ("DELETE",)),
    "mariadb": (("SELECT", "UPDATE"), ("DELETE",)),
}


@pytest.mark.parametrize("synchronize", ["auto", "fetch"])
def test_fetch_uses_returning_where_it_can_and_a_select_first_on_mariadb_updates(
    users, backend, sql_log, synchronize
):
    like_a = User.name.like("A%")  # not something Python evaluates
    options = {"synchronize_session": synchronize}
    with Session(users) as session:
        alice = session.get(User, 1)
        sql_log.clear()
        session.execute(
            update(User).where(like_a).values(name="Ann").execution_options(**options)
        )
        updating = sql_log.kinds()
        update_sent = sent(sql_log, "UPDATE")[0]
        assert alice.name == "Ann"
        sql_log.clear()
        session.execute(delete(User).where(like_a).execution_options(**options))
        deleting = sql_log.kinds()
        delete_sent = sent(sql_log, "DELETE")[0]
        assert state_of(alice) == "deleted" and alice not in session
        session.rollback()
    assert (updating, deleting) == FETCH[backend_name(backend)]
    expected = backend_name(backend) != "mariadb"
    assert ("RETURNING" in update_sent) is expected
    assert "RETURNING" in delete_sent


def test_evaluate_refuses_a_where_it_cannot_run_in_python_before_sending_it(
    backend, sql_log
):
    lines = printed("bulk.evaluate_refused", backend)
    assert lines[:2] == [
        "InvalidRequestError",
        'Could not evaluate current criteria in Python: "Cannot evaluate '
        'BinaryExpression with operator <function like_op at 0x…>". Specify '
        "'fetch' or False for the synchronize_session execution option.",
    ]
    updates = sent(sql_log, "UPDATE")
    assert len(updates) == 1  # only the fix's UPDATE was sent
    assert lines[2] == "Ann"
    assert rows_seen_elsewhere(backend) == ["Ann", "Bob"]


def test_evaluate_error_has_no_code(users):
    with Session(users) as session, pytest.raises(InvalidRequestError) as raised:
        session.execute(
            update(User)
            .where(User.name.like("A%"))
            .values(name="Ann")
            .execution_options(synchronize_session="evaluate")
        )
    assert type(raised.value) is InvalidRequestError
    assert raised.value.code is None


def test_without_synchronizing_the_objects_keep_stale_values_until_they_expire(
    users,
):
    with Session(users) as session:
        alice = session.get(User, 1)
        blind = update(User).execution_options(synchronize_session=False)
        session.execute(blind.where(User.id == 1).values(name="Alicia"))
        assert alice.name == "Alice"
        bob = session.get(User, 2)
        session.execute(
            delete(User)
            .where(User.id == 2)
            .execution_options(synchronize_session=False)
        )
        assert state_of(bob) == "persistent" and bob in session
        session.commit()
        assert alice.name == "Alicia"  # expired by the commit, loaded again
        with pytest.raises(ObjectDeletedError):
            _ = bob.name


# What a bulk statement skips


def test_a_delete_statement_does_not_apply_the_relationships_cascade(backend):
    Base, Playlist, Track = playlist_model("all, delete-orphan")
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(Playlist(name="Road trip", tracks=[Track(title="Holiday")]))
            session.commit()
            if backend_name(backend) == "sqlite":
                session.execute(delete(Playlist))
                session.commit()
                count = select(func.count()).select_from(Track)
                assert session.scalar(count) == 1  # the track stays, orphaned
            else:
                with pytest.raises(IntegrityError):
                    session.execute(delete(Playlist))
                session.rollback()
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_an_update_statement_neither_checks_nor_counts_the_version(backend, sql_log):
    engine = create_engine(backend)
    AccountBase.metadata.drop_all(engine)
    AccountBase.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(VersionedAccount(id=1, balance=100))
            session.commit()
            sql_log.clear()
            session.execute(
                update(VersionedAccount)
                .where(VersionedAccount.id == 1)
                .values(balance=200)
            )
            session.commit()
            (statement,) = sent(sql_log, "UPDATE")
            assert "version" not in re.sub(r"versioned_account", "", statement)
            account = session.get(VersionedAccount, 1)
            assert (account.balance, account.version) == (200, 1)
    finally:
        engine.dispose()


def test_an_update_by_primary_key_checks_and_counts_the_version(backend):
    engine = create_engine(backend)
    AccountBase.metadata.drop_all(engine)
    AccountBase.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(VersionedAccount(id=1, balance=100))
            session.commit()
            with pytest.raises(KeyError, match="version"):
                session.execute(update(VersionedAccount), [{"id": 1, "balance": 1}])
            session.rollback()
            read = [{"id": 1, "balance": 110, "version": 1}]
            session.execute(update(VersionedAccount), read)
            session.commit()
            account = session.get(VersionedAccount, 1)
            assert (account.balance, account.version) == (110, 2)
            with pytest.raises(StaleDataError, match="0 were matched"):
                session.execute(update(VersionedAccount), read)  # version 1: stale
            session.rollback()
    finally:
        engine.dispose()


def test_bulk_statements_run_no_mapper_events_and_no_validators(backend):
    class Base(DeclarativeBase):
        pass

    class Person(Base):
        __tablename__ = "person_bulk"

        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))

        @validates("name")
        def title_case(self, key, name):
            calls.append("validates")
            return name.title()

    calls = []
    for name in ("before_insert", "before_update", "before_delete"):
        event.listen(Person, name, lambda *args, name=name: calls.append(name))
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.execute(insert(Person), [{"name": "alice"}, {"name": "bob"}])
            session.execute(update(Person), [{"id": 1, "name": "alicia"}])
            session.execute(update(Person).where(Person.id == 2).values(name="rob"))
            session.execute(delete(Person).where(Person.id == 2))
            session.commit()
            assert calls == []
            assert session.scalars(select(Person.name)).all() == ["alicia"]
            session.add(Person(name="carol"))  # the flush runs both
            session.commit()
            assert calls == ["validates", "before_insert"]
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_bulk_statements_run_the_sessions_do_orm_execute_but_not_after_bulk_update(
    users,
):
    fired = []
    with Session(users) as session:
        for name in ("do_orm_execute", "after_bulk_update", "after_bulk_delete"):
            event.listen(session, name, lambda *args, name=name: fired.append(name))
        session.execute(insert(User), [{"name": "Carol"}, {"name": "Dave"}])
        session.execute(update(User), [{"id": 1, "name": "Alicia"}])
        session.execute(update(User).where(User.id == 2).values(name="Rob"))
        session.execute(delete(User).where(User.id == 2))
        session.rollback()
    assert fired == ["do_orm_execute"] * 4


def test_the_session_bulk_methods_are_legacy_in_sqlalchemys_documentation():
    for method in ("bulk_insert_mappings", "bulk_update_mappings", "bulk_save_objects"):
        assert "This method is a legacy feature" in getattr(Session, method).__doc__


def test_the_rowcount_counts_matched_rows_even_when_nothing_changes(users):
    with Session(users) as session:
        same = session.execute(update(User).where(User.id == 1).values(name="Alice"))
        assert same.rowcount == 1
        session.rollback()


def test_deleting_loaded_objects_costs_a_select_and_one_delete_call(users, sql_log):
    with Session(users) as session:
        sql_log.clear()
        for user in session.scalars(select(User)):
            session.delete(user)
        session.commit()
    assert sql_log.kinds() == ("BEGIN", "SELECT", "DELETE", "COMMIT")


@pytest.mark.parametrize("synchronize", ["evaluate", "fetch"])
def test_a_new_value_python_cannot_compute_is_expired_and_loaded_on_the_next_read(
    users, sql_log, synchronize
):
    with Session(users) as session:
        alice = session.get(User, 1)
        session.execute(
            update(User)
            .where(User.id == 1)
            .values(name=func.upper(User.name))
            .execution_options(synchronize_session=synchronize)
        )
        assert "name" in inspect(alice).expired_attributes
        sql_log.clear()
        assert alice.name == "ALICE"
        assert sql_log.kinds() == ("SELECT",)
