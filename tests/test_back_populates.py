"""Every claim of docs/back_populates.md, on every backend."""

from __future__ import annotations

import warnings

from sqlalchemy import select
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session

from tests.outputs import run_snippet


def printed(module: str, url: str | None = None) -> list[str]:
    return [text.rstrip("\n") for _, text in run_snippet(module, url).printed]


def test_back_populates_synchronises_both_ends_without_a_session():
    ns = run_snippet("back_populates.in_python_sync").namespace
    book, ursula, stanislaw = ns["book"], ns["ursula"], ns["stanislaw"]
    assert book.author is stanislaw
    assert (ursula.books, stanislaw.books) == ([], [book])
    assert book.author_id is None


def test_two_unlinked_ends_warn_qzyx():
    caught = run_snippet("back_populates.one_sided").namespace["caught"]
    caught = [w for w in caught if w.category is SAWarning]
    assert [(w.category.__name__, w.message.code) for w in caught] == [
        ("SAWarning", "qzyx")
    ]
    assert "back_populates" in str(caught[0].message)


def test_unlinked_ends_agree_only_after_a_round_trip(backend, sql_log):
    lines = printed("back_populates.one_sided", backend)
    insert = next(
        i for i, line in enumerate(lines) if line.startswith("INSERT INTO book")
    )
    assert lines.index("None") < insert < lines.index("Author('Ursula')")
    loads = [s for s in sql_log.statements if s.startswith("SELECT author.id")]
    assert len(loads) == 1


def test_a_backref_attribute_appears_only_at_configuration():
    assert printed("back_populates.backref")[:3] == ["False", "True", "books author"]


def test_backref_synchronises_like_back_populates(backend):
    ns = run_snippet("back_populates.backref", backend).namespace
    with Session(ns["engine"]) as session:
        book = session.scalars(select(ns["Book"])).one()
        assert book.author.name == "Ursula"
        assert book.author.books == [book]


def test_backref_is_not_deprecated():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run_snippet("back_populates.backref")


def test_backref_function_configures_the_created_end():
    ns = run_snippet("back_populates.backref").namespace
    assert ns["Box"].shelf.property.lazy == "joined"
    assert ns["Shelf"].boxes.property.lazy == "select"


def test_a_misnamed_back_populates_fails_at_configuration():
    assert printed("back_populates.misnamed") == [
        "Mapper 'Mapper[Book(book)]' has no property 'writer'."
    ]
