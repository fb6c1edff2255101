"""Every claim of docs/types.md, on every backend."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from snippets.types.model import (
    Article,
    Page,
    Payment,
    Settings,
    Status,
    Token,
    TrackedSettings,
)
from tests.conftest import backend_name
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


def test_mutable_dict_saves_a_change_of_its_keys_but_not_one_nested_inside(
    backend, elsewhere
):
    run = run_snippet("types.json_mutable", backend)
    assert lines(run) == ["{'theme': 'dark', 'tags': []}"]
    with Session(elsewhere) as session:
        assert session.get(TrackedSettings, 1).data == {"theme": "dark", "tags": []}


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
