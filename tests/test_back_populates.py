"""Every claim of docs/back_populates.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

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
    message = " ".join(str(caught[0].message).split())
    assert message.startswith(
        "relationship 'Book.author' will copy column author.id to column "
        "book.author_id, which conflicts with relationship(s): 'Author.books'"
    )
    assert "should be linked with back_populates" in message
    assert "viewonly=True should be applied to one or more if they are read-only" in (
        message
    )
    assert "To silence this warning, add the parameter 'overlaps=" in message


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


def backref_model():
    """A fresh Author whose `books` creates Book.author with backref."""

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        books: Mapped[list[Book]] = relationship(backref="author")

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))

    return Base, Author, Book


def test_the_first_object_or_query_configures_the_mappers():
    Base, Author, Book = backref_model()
    assert not hasattr(Book, "author")
    Author()  # the first new object
    assert hasattr(Book, "author")

    Base, Author, Book = backref_model()
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    assert not hasattr(Book, "author")
    with Session(engine) as session:
        session.scalars(select(Author)).all()  # the first query
    assert hasattr(Book, "author")
    engine.dispose()


@pytest.mark.parametrize("editor_linked", [False, True])
def test_a_back_populates_naming_another_relationship_fails_only_in_use(
    editor_linked,
):
    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        books: Mapped[list[Book]] = relationship(
            foreign_keys="Book.author_id",
            back_populates="editor",  # meant "author"
        )
        if editor_linked:
            edited: Mapped[list[Book]] = relationship(
                foreign_keys="Book.editor_id", back_populates="editor"
            )

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int | None] = mapped_column(ForeignKey("author.id"))
        editor_id: Mapped[int | None] = mapped_column(ForeignKey("author.id"))
        author: Mapped[Author] = relationship(
            foreign_keys=[author_id], back_populates="books"
        )
        editor: Mapped[Author] = relationship(
            foreign_keys=[editor_id],
            back_populates="edited" if editor_linked else None,
        )

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Base.registry.configure()  # no error, no warning
    conflict = pytest.raises(ValueError, match="Bidirectional attribute conflict")
    ursula, book = Author(), Book()
    if editor_linked:
        with conflict:
            ursula.books.append(book)
    else:
        ursula.books.append(book)
        assert (book.author, book.editor) == (None, ursula)  # the wrong end moved
    with conflict:
        Book().author = Author()


def test_setting_the_foreign_key_moves_no_object_until_the_commit(backend, sql_log):
    from snippets.relationships.author_book import Author, Base, Book

    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        ursula = Author(name="Ursula", books=[Book(title="Solaris")])
        stanislaw = Author(name="Stanisław")
        session.add_all([ursula, stanislaw])
        session.commit()
        book = session.scalars(select(Book)).one()
        assert (book.author, ursula.books, stanislaw.books) == (ursula, [book], [])
        book.author_id = stanislaw.id
        sql_log.clear()
        session.flush()
        assert any(
            s.startswith("UPDATE book SET author_id") for s in sql_log.statements
        )
        assert (book.author, ursula.books, stanislaw.books) == (ursula, [book], [])
        session.commit()
        assert (book.author, ursula.books, stanislaw.books) == (stanislaw, [], [book])
    engine.dispose()
