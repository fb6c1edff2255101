"""Every claim of docs/types.md, on every backend."""

from __future__ import annotations

import enum
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import (
    JSON,
    Column,
    Enum,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import CompileError, DataError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, registry
from sqlalchemy.schema import CreateTable

from snippets.types.model import (
    Article,
    Page,
    Payment,
    Settings,
    Status,
    Token,
    TrackedSettings,
)
from snippets.types.model import Base as ModelBase
from tests.conftest import backend_name, require_server
from tests.outputs import run_snippet
from tests.types_facts import FACTS, MEASURES, SERIES, expected


def lines(run) -> list[str]:
    return [text.rstrip("\n") for _, text in run.printed]


@pytest.fixture
def elsewhere(backend):
    """An engine of its own: what another program reads."""
    engine = create_engine(backend)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("fact", FACTS)
def test_each_backend_does_what_the_types_table_says(backend, fact):
    engine = create_engine(backend)
    try:
        assert MEASURES[fact](engine) == expected(FACTS[fact][backend_name(backend)])
    finally:
        engine.dispose()


def test_an_enum_column_stores_the_name_and_values_callable_stores_the_value(
    backend, elsewhere
):
    run = run_snippet("types.enum_name", backend)
    assert lines(run) == ["PUBLISHED", "published"]
    with elsewhere.connect() as connection:
        assert connection.scalar(text("SELECT status FROM article")) == "PUBLISHED"
        assert connection.scalar(text("SELECT status FROM page")) == "published"
    with Session(elsewhere) as session:  # both read back as the member
        assert session.scalar(select(Page.status)) is Status.PUBLISHED
        assert session.scalar(select(Article.status)) is Status.PUBLISHED


class Kind(enum.StrEnum):
    PUBLISHED = "published"


class Mixed(str, enum.Enum):  # noqa: UP042 (the older spelling readers have)
    PUBLISHED = "published"


def test_a_str_enum_column_stores_the_name_too(backend):
    class Base(DeclarativeBase):
        pass

    class Entry(Base):
        __tablename__ = "types_str_enum"
        id: Mapped[int] = mapped_column(primary_key=True)
        kind: Mapped[Kind] = mapped_column(Enum(Kind, name="types_kind"))
        mixed: Mapped[Mixed] = mapped_column(Enum(Mixed, name="types_mixed"))

    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(Entry(id=1, kind=Kind.PUBLISHED, mixed=Mixed.PUBLISHED))
            session.commit()
        with engine.connect() as connection:
            assert connection.execute(
                text("SELECT kind, mixed FROM types_str_enum")
            ).one() == ("PUBLISHED", "PUBLISHED")
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_a_string_the_enum_does_not_know_raises_lookup_error_until_it_is_a_member(
    backend,
):
    run = run_snippet("types.enum_unknown", backend)
    assert lines(run) == [
        "'ARCHIVED' is not among the defined enum values. Enum name: status. "
        "Possible values: DRAFT, PUBLISHED"
    ]
    run = run_snippet("types.enum_known", backend)
    assert lines(run) == ["FullStatus.ARCHIVED"]


def test_a_change_inside_a_json_value_is_not_saved_a_new_value_or_flag_modified_is(
    backend, elsewhere
):
    run = run_snippet("types.json_in_place", backend)
    assert lines(run) == [
        "IdentitySet([])",
        '{"theme": "light", "tags": []}',
        '{"theme": "dark", "tags": []}',
        '{"theme": "dark", "tags": ["new"]}',
    ]
    with Session(elsewhere) as session:
        assert session.get(Settings, 1).data == {"theme": "dark", "tags": ["new"]}
        pending = Settings(id=2, data={"tags": []})
        session.add(pending)
        pending.data["tags"].append("before the flush")  # the INSERT sends it
        session.commit()
    with Session(elsewhere) as session:
        assert session.get(Settings, 2).data == {"tags": ["before the flush"]}
    for expire_on_commit in (True, False):  # a copy made after the change in place
        with Session(elsewhere, expire_on_commit=expire_on_commit) as session:
            settings = session.get(Settings, 1)
            settings.data["theme"] = "light"
            settings.data = dict(settings.data)  # equal to the changed old value
            assert not session.is_modified(settings)
            session.commit()
        with Session(elsewhere) as session:
            assert session.get(Settings, 1).data["theme"] == "dark"


def test_mutable_dict_saves_a_change_of_its_keys_but_not_one_nested_inside(
    backend, elsewhere
):
    run = run_snippet("types.json_mutable", backend)
    assert lines(run) == ["{'theme': 'dark', 'tags': []}"]
    with Session(elsewhere) as session:
        settings = session.get(TrackedSettings, 1)
        assert settings.data == {"theme": "dark", "tags": []}
        settings.data["tags"].append("lost")  # alone: not saved
        session.commit()
        assert settings.data["tags"] == []  # the commit expired it: read again
        settings.data["tags"].append("nested")  # with a key set: the whole value goes
        settings.data["theme"] = "light"
        session.commit()
    with Session(elsewhere) as session:
        assert session.get(TrackedSettings, 1).data == {
            "theme": "light",
            "tags": ["nested"],
        }


def test_a_uuid_key_reads_back_as_uuid_on_every_backend(backend, elsewhere):
    run = run_snippet("types.uuid_round_trip", backend)
    key = uuid.UUID("12345678-1234-5678-1234-567812345678")
    raw = {
        "sqlite": "'12345678123456781234567812345678'",
        "postgresql": "UUID('12345678-1234-5678-1234-567812345678')",
        "mariadb": expected(
            "'12345678-1234-5678-1234-567812345678' on SQLAlchemy 2.1, "
            "'12345678123456781234567812345678' on 2.0"
        ),
    }[backend_name(backend)]
    assert lines(run) == [f"{key!r} True", raw]
    with Session(elsewhere) as session:
        token = session.get(Token, key)
        assert type(token.id) is uuid.UUID and token.owner == "Alice"


def test_float_keeps_the_binary_error_numeric_returns_a_rounded_decimal(
    backend, elsewhere
):
    run = run_snippet("types.money", backend)
    single = backend_name(backend) == "mariadb" and SERIES == "2.0"  # FLOAT(4 bytes)
    assert lines(run) == [
        f"{0.3 if single else 0.1 + 0.2} Decimal('0.30')",
        "19.999 Decimal('20.00')",
    ]
    with Session(elsewhere) as session:
        payment = session.get(Payment, 2)
        assert payment.as_numeric == Decimal("20.00")
        assert type(payment.as_float) is float


def test_string_without_length_fails_on_mysql_and_a_longer_value_per_backend(backend):
    run = run_snippet("types.string_length", backend)
    too_long = {
        "sqlite": "'TOO LONG'",
        "postgresql": "value too long for type character varying(5)",
        "mariadb": "(1406, \"Data too long for column 'code' at row 1\")",
    }[backend_name(backend)]
    assert lines(run) == [
        "(in table 'note', column 'title'): VARCHAR requires a length on dialect mysql",
        "CREATE TABLE memo ( id INTEGER NOT NULL AUTO_INCREMENT, title VARCHAR(200) "
        "NOT NULL, code VARCHAR(5) NOT NULL, PRIMARY KEY (id) )",
        too_long,
    ]


def test_an_object_given_none_for_json_stores_json_null_unless_none_as_null(
    backend, elsewhere
):
    Settings.__table__.drop(elsewhere, checkfirst=True)
    Settings.__table__.create(elsewhere)
    with Session(elsewhere) as session:
        session.add(Settings(id=1, data=None))  # NOT NULL column: JSON null passes
        session.commit()
        assert session.get(Settings, 1).data is None
        assert (
            session.scalars(select(Settings.id).where(Settings.data.is_(None))).all()
            == []
        )
    with elsewhere.connect() as connection:
        assert connection.scalar(text("SELECT data IS NULL FROM settings")) in (
            0,
            False,
        )
    table = Table(  # a nullable column: an object never given a value
        "types_json_unset",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("data", JSON),
    )

    class Unset:
        pass

    registry().map_imperatively(Unset, table)
    table.drop(elsewhere, checkfirst=True)
    table.create(elsewhere)
    try:
        with Session(elsewhere) as session:
            session.add(Unset())
            session.commit()
        with elsewhere.connect() as connection:
            assert connection.scalar(
                text("SELECT data IS NULL FROM types_json_unset")
            ) in (1, True)
    finally:
        table.drop(elsewhere)


@pytest.mark.server("mariadb")
def test_mariadb_refuses_a_long_string_in_strict_mode_and_cuts_it_without():
    engine = create_engine(require_server("mariadb"))
    try:
        with engine.begin() as connection:
            assert "STRICT_TRANS_TABLES" in connection.scalar(text("SELECT @@sql_mode"))
            connection.execute(text("DROP TABLE IF EXISTS types_strict"))
            connection.execute(text("CREATE TABLE types_strict (code VARCHAR(5))"))
            connection.execute(text("SET SESSION sql_mode = ''"))
            connection.execute(text("INSERT INTO types_strict VALUES ('TOO LONG')"))
            assert connection.scalar(text("SELECT code FROM types_strict")) == "TOO L"
            connection.execute(text("DROP TABLE types_strict"))
    finally:
        engine.dispose()


@pytest.mark.parametrize("first", ["names", "values"])
def test_two_enums_of_one_class_share_a_postgresql_type_unless_named(backend, first):
    def by_name(base):
        class ByName(base):
            __tablename__ = "types_by_name"
            id: Mapped[int] = mapped_column(primary_key=True)
            status: Mapped[Status]

        return ByName

    def by_value(base):
        class ByValue(base):
            __tablename__ = "types_by_value"
            id: Mapped[int] = mapped_column(primary_key=True)
            status: Mapped[Status] = mapped_column(
                Enum(Status, values_callable=lambda members: [m.value for m in members])
            )

        return ByValue

    class Base(DeclarativeBase):
        pass

    if first == "names":  # the type is made from the column defined first
        made, other = by_name(Base), by_value(Base)
    else:
        made, other = by_value(Base), by_name(Base)
    refused = '"published"' if first == "names" else '"PUBLISHED"'

    engine = create_engine(backend)
    ModelBase.metadata.drop_all(engine)  # the examples' type `status`
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(made(status=Status.PUBLISHED))
            session.commit()
            session.add(other(status=Status.PUBLISHED))
            if backend_name(backend) == "postgresql":
                with pytest.raises(
                    DataError, match=f"invalid input value for enum status: {refused}"
                ):
                    session.commit()
            else:
                session.commit()
                assert session.scalar(select(other.status)) is Status.PUBLISHED
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_a_non_native_enum_column_takes_any_string_that_fits_its_length(backend):
    table = Table(
        "types_enum_varchar",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("status", Enum(Status, native_enum=False)),  # VARCHAR(9)
    )
    engine = create_engine(backend)
    table.drop(engine, checkfirst=True)
    table.create(engine)
    try:
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO types_enum_varchar VALUES (1, 'ARCHIVED')")
            )
            assert (
                connection.scalar(text("SELECT status FROM types_enum_varchar"))
                == "ARCHIVED"
            )
        longer = text("INSERT INTO types_enum_varchar VALUES (2, 'TEN LETTERS')")
        if backend_name(backend) == "sqlite":
            with engine.begin() as connection:
                connection.execute(longer)
        else:
            with pytest.raises(DataError), engine.begin() as connection:
                connection.execute(longer)
    finally:
        table.drop(engine)
        engine.dispose()


def test_string_without_length_names_the_dialect_of_the_url():
    table = Table(
        "note",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("title", String),
    )
    for url, name in (("mysql+pymysql://", "mysql"), ("mariadb+pymysql://", "mariadb")):
        dialect = make_url(url).get_dialect()()
        with pytest.raises(
            CompileError, match=f"VARCHAR requires a length on dialect {name}$"
        ):
            CreateTable(table).compile(dialect=dialect)
