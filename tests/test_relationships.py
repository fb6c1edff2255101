"""Every claim of docs/relationships.md, on every backend."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest
from sqlalchemy import Column, ForeignKey, Integer, create_engine, select
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.exc import IntegrityError, NoForeignKeysError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)
from sqlalchemy.schema import CreateTable

from snippets.relationships.author_book import Author, Base, Book
from tests.outputs import run_snippet

# Each example, the model module it imports (typed style), and its classic twin.
EXAMPLES = {
    "relationships.one_to_many": (
        "relationships.author_book",
        "relationships.author_book_classic",
    ),
    "relationships.one_to_one": (
        "relationships.person_passport",
        "relationships.person_passport_classic",
    ),
    "relationships.many_to_many": (
        "relationships.post_tag",
        "relationships.post_tag_classic",
    ),
    "relationships.association_object": (
        "relationships.enrollment",
        "relationships.enrollment_classic",
    ),
}
MODELS = sorted(EXAMPLES.values())
DIALECTS = {
    "sqlite": sqlite.dialect(),
    "postgresql": postgresql.dialect(),
    "mariadb": mysql.dialect(is_mariadb=True),
}


def printed(module: str, url: str) -> list[str]:
    return [text for _, text in run_snippet(module, url).printed]


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_classic_model_prints_what_the_typed_one_prints(
    example, backend, monkeypatch
):
    typed = printed(example, backend)
    model, classic = EXAMPLES[example]
    classic_module = importlib.import_module(f"snippets.{classic}")
    monkeypatch.setitem(sys.modules, f"snippets.{model}", classic_module)
    assert printed(example, backend) == typed


@pytest.mark.parametrize("model, classic", MODELS)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_both_styles_create_the_same_tables(model, classic, dialect):
    typed = importlib.import_module(f"snippets.{model}").Base.metadata
    classic = importlib.import_module(f"snippets.{classic}").Base.metadata
    assert list(typed.tables) == list(classic.tables)
    for name, table in typed.tables.items():
        ddl = str(CreateTable(table).compile(dialect=DIALECTS[dialect]))
        other = str(
            CreateTable(classic.tables[name]).compile(dialect=DIALECTS[dialect])
        )
        assert ddl == other


@pytest.mark.parametrize("model, classic", MODELS)
def test_both_styles_map_the_same_relationships(model, classic):
    def shape(module):
        module.Base.registry.configure()
        return {
            (mapper.class_.__name__, rel.key): (
                rel.direction.name,
                rel.uselist,
                rel.back_populates,
                None if rel.secondary is None else rel.secondary.name,
            )
            for mapper in module.Base.registry.mappers
            for rel in mapper.relationships
        }

    typed = importlib.import_module(f"snippets.{model}")
    classic = importlib.import_module(f"snippets.{classic}")
    assert shape(typed) == shape(classic) != {}


def test_a_relationship_without_a_foreign_key_cannot_be_configured():
    lines = printed("relationships.foreign_key_alone", None)
    assert lines[0] == f"{NoForeignKeysError.__name__}\n"
    assert lines[1].startswith("Could not determine join condition")


def test_one_to_many_flush_fills_the_foreign_key(backend):
    run = run_snippet("relationships.one_to_many", backend)
    engine = run.namespace["engine"]
    with Session(engine) as session:
        author_id = session.scalars(select(Author.id)).one()
        rows = session.execute(select(Book.title, Book.author_id).order_by(Book.id))
        assert rows.all() == [
            ("The Dispossessed", author_id),
            ("The Lathe of Heaven", author_id),
        ]
    assert f"{author_id}\n" in [text for _, text in run.printed]


@pytest.fixture
def library(backend):
    """An engine on `backend` with the empty tables author and book."""
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def test_many_to_one_reads_an_author_already_in_the_session_without_sql(
    library, sql_log
):
    engine = library
    with Session(engine) as session:
        session.add(Author(name="Ursula", books=[Book(title="Solaris")]))
        session.commit()
    with Session(engine) as session:
        author = session.get(Author, 1)
        book = session.scalars(select(Book)).one()
        sql_log.clear()
        assert book.author is author
        assert sql_log.kinds() == ()


def test_navigating_each_end_sends_one_select(backend, sql_log):
    run_snippet("relationships.one_to_many", backend)
    tables = [
        s.split(" FROM ")[1].split()[0] for s in sql_log.statements if " FROM " in s
    ]
    assert [t for t in tables if t in ("author", "book")] == [
        "book",
        "author",
        "book",
    ]


def test_one_to_one_holds_an_object_or_none(backend):
    ns = run_snippet("relationships.one_to_one", backend).namespace
    assert ns["alan"].passport is None
    assert ns["ada"].passport.number == "X123"


def test_the_unique_constraint_refuses_a_second_passport(backend):
    lines = printed("relationships.one_to_one", backend)
    assert lines[-1] == f"{IntegrityError.__name__}\n"


def test_many_to_many_rows_follow_the_collection(backend, sql_log):
    ns = run_snippet("relationships.many_to_many", backend).namespace
    post_tag = ns["Post"].tags.property.secondary
    with ns["engine"].connect() as connection:
        assert connection.execute(select(post_tag)).all() == [(1, 1)]
    assert any(s.startswith("DELETE FROM post_tag") for s in sql_log.statements)
    with Session(ns["engine"]) as session:
        assert session.scalars(select(ns["Tag"].name).order_by("id")).all() == [
            "python",
            "sql",
        ]


def test_the_association_object_stores_the_link_and_its_data(backend):
    ns = run_snippet("relationships.association_object", backend).namespace
    with Session(ns["engine"]) as session:
        enrollment = session.scalars(select(ns["Enrollment"])).one()
        assert (enrollment.student.name, enrollment.course.title) == (
            "Grace",
            "Compilers",
        )
        assert enrollment.grade == "A"


def test_a_plain_annotation_is_refused_with_zlpr():
    lines = printed("relationships.unmapped_annotation", None)
    assert lines[0] == "zlpr\n"
    assert "can't be correctly interpreted" in lines[1]
    assert "Book" not in run_snippet("relationships.unmapped_annotation").namespace


def test_allow_unmapped_accepts_the_plain_annotation():
    class Legacy(DeclarativeBase):
        __allow_unmapped__ = True

    class Shelf(Legacy):
        __tablename__ = "shelf"
        id: Mapped[int] = mapped_column(primary_key=True)

    class Box(Legacy):
        __tablename__ = "box"
        id: Mapped[int] = mapped_column(primary_key=True)
        shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))
        shelf: Shelf = relationship()

    Legacy.registry.configure()
    assert Box.shelf.property.mapper.class_ is Shelf
    assert Box(shelf=Shelf()).shelf is not None


def test_classic_and_typed_attributes_mix_in_one_class():
    class Mixed(DeclarativeBase):
        pass

    class Shelf(Mixed):
        __tablename__ = "shelf"
        id: Mapped[int] = mapped_column(primary_key=True)
        boxes = relationship("Box")

    class Box(Mixed):
        __tablename__ = "box"
        id = Column(Integer, primary_key=True)
        shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))

    Mixed.registry.configure()
    assert Shelf.boxes.property.uselist
    assert set(Box.__table__.columns.keys()) == {"id", "shelf_id"}


def test_classic_one_to_one_without_uselist_is_a_list():
    ns = run_snippet("relationships.uselist").namespace
    assert ns["Person"]().passport == []
    assert ns["Person"].passport.property.uselist is True


def test_uselist_overrules_the_annotation_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ns = run_snippet("relationships.uselist").namespace
    assert ns["Team"]().captain is None
    assert ns["Team"].captain.property.uselist is False


def test_the_annotation_alone_makes_a_one_to_many_direction_scalar():
    from snippets.relationships.person_passport import Person

    rel = Person.passport.property
    assert rel.direction.name == "ONETOMANY"
    assert rel.uselist is False
