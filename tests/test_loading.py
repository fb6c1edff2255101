"""Every claim of docs/loading.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
import sqlalchemy
from sqlalchemy import create_engine
from sqlalchemy.exc import SADeprecationWarning
from sqlalchemy.orm import Query, Session, joinedload

from snippets.loading.library import LIBRARY, add_library
from snippets.loading.strategies import STRATEGIES, mapped_with, measure
from snippets.relationships.author_book import Author, Base
from tests.outputs import run_snippet

AUTHORS = len(LIBRARY)
BOOKS = sum(map(len, LIBRARY.values()))
ON_2_1 = sqlalchemy.__version__.startswith("2.1.")


def statements(sql_log, table: str) -> list[str]:
    return [s for s in sql_log.statements if s.startswith("SELECT") and table in s]


def test_the_lazy_default_sends_one_query_per_author(backend, sql_log):
    run_snippet("loading.n_plus_one", backend)
    assert len(statements(sql_log, "FROM author")) == 1
    assert len(statements(sql_log, "FROM book WHERE")) == AUTHORS


def test_selectinload_sends_two_statements(backend, sql_log):
    run_snippet("loading.selectin_fix", backend)
    selects = statements(sql_log, "FROM ")
    selects = [s for s in selects if "author" in s or "book" in s]
    assert len(selects) == 2
    assert " IN " in selects[1]


def test_joinedload_sends_one_statement(backend, sql_log):
    run = run_snippet("loading.joined_fix", backend)
    joins = statements(sql_log, "LEFT OUTER JOIN book")
    assert len(joins) == 2  # one per example of the module
    assert len(statements(sql_log, "FROM book WHERE")) == 0
    lines = [text for _, text in run.printed]
    assert all(f"{name} 2\n" in lines for name in LIBRARY)


def test_joined_collection_without_unique_is_refused(backend):
    lines = [text for _, text in run_snippet("loading.joined_fix", backend).printed]
    assert lines[-2].startswith("The unique() method must be invoked on this Result")


def test_legacy_query_removes_joined_duplicates_silently(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'guide.db'}")
    Base.metadata.create_all(engine)
    add_library(engine)
    with Session(engine) as session:
        authors = session.query(Author).options(joinedload(Author.books)).all()
    assert len(authors) == AUTHORS
    engine.dispose()


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.lazy)
def test_each_strategy_sends_as_many_statements_on_every_backend(strategy, backend):
    on_sqlite = measure(strategy.lazy)
    here = measure(strategy.lazy, backend)
    assert (len(here.loading), len(here.reading), here.books) == (
        len(on_sqlite.loading),
        len(on_sqlite.reading),
        on_sqlite.books,
    )


def test_the_measured_counts_are_what_the_strategies_promise():
    counts = {
        s.lazy: (len(m.loading) + len(m.reading), m.books)
        for s in STRATEGIES
        for m in [measure(s.lazy)]
    }
    assert counts == {
        "select": (1 + AUTHORS, BOOKS),
        "joined": (1, BOOKS),
        "subquery": (2, BOOKS),
        "selectin": (2, BOOKS),
        "immediate": (1 + AUTHORS, BOOKS),
        "raise": (1, "InvalidRequestError"),
        "raise_on_sql": (1, "InvalidRequestError"),
        "noload": (1, 0),
        "dynamic": (1 + AUTHORS, BOOKS),
        "write_only": (1 + AUTHORS, BOOKS),
    }


def test_immediate_loads_with_the_authors_and_select_when_read():
    assert len(measure("immediate").loading) == 1 + AUTHORS
    assert len(measure("select").loading) == 1


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.lazy)
def test_only_noload_warns_and_only_on_2_1(strategy):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Base_, *_ = mapped_with(strategy.lazy)
        Base_.registry.configure()
    deprecated = [w for w in caught if issubclass(w.category, SADeprecationWarning)]
    expected = strategy.lazy == "noload" and ON_2_1
    assert bool(deprecated) == expected, [str(w.message) for w in caught]
    assert ("deprecated" in strategy.status) == (strategy.lazy == "noload")


def test_the_option_overrides_lazy_raise_on_the_mapping(backend):
    lines = [
        text for _, text in run_snippet("loading.raise_by_default", backend).printed
    ]
    assert "refused\n" in lines
    assert lines[lines.index("refused\n") :].count("2\n") == 1


def test_raiseload_refuses_to_load(backend):
    lines = [text for _, text in run_snippet("loading.raiseload", backend).printed]
    assert "'Author.books' is not available due to lazy='raise'\n" in lines


def test_raise_on_sql_allows_what_the_session_already_has(backend):
    ns = run_snippet("loading.raiseload", backend).namespace
    lines = [text for _, text in run_snippet("loading.raiseload", backend).printed]
    assert ns["first"].author is ns["ursula"]
    assert lines[-2:] == ["InvalidRequestError\n", "ROLLBACK\n"]


def test_write_only_adds_without_loading_and_cannot_be_iterated(backend, sql_log):
    run = run_snippet("loading.write_only", backend)
    lines = [text for _, text in run.printed]
    assert "The Word for World Is Forest\n" in lines
    assert any(line.startswith("WriteOnly collections don't support") for line in lines)
    # between get() and the commit's INSERT, nothing was loaded
    log = sql_log.statements
    get = next(i for i, s in enumerate(log) if s.startswith("SELECT author.id"))
    assert log[get + 1].startswith("INSERT INTO book")


def test_dynamic_is_a_legacy_query(backend):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ns = run_snippet("loading.dynamic", backend).namespace
    with Session(ns["engine"]) as session:
        books = session.get(ns["Author"], 1).books
        assert isinstance(books, Query)
        assert type(books).__name__ == "AppenderQuery"
        assert books.count() == 2


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.lazy)
def test_each_strategy_names_a_real_option_or_annotation(strategy):
    import sqlalchemy.orm

    name = strategy.option.split("(")[0]
    assert hasattr(sqlalchemy.orm, name)


def test_2_0_labels_the_columns_of_relationship_loads_and_2_1_does_not():
    lazy = measure("select").reading[0]
    selectin = measure("selectin").loading[1]
    on_2_0 = sqlalchemy.__version__.startswith("2.0.")
    assert (" AS book_id" in lazy) == on_2_0
    assert (" AS book_id" in selectin) == on_2_0
