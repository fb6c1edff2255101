"""Every claim of docs/relationships.md, on every backend."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest
from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    String,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.exc import (
    IntegrityError,
    InvalidRequestError,
    NoForeignKeysError,
    SAWarning,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)
from sqlalchemy.orm.exc import MappedAnnotationError
from sqlalchemy.schema import CreateTable

from snippets.relationships.author_book import Author, Base, Book
from snippets.relationships.post_tag import Post, Tag
from tests.databases import backend_name
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

    class Strict(DeclarativeBase):
        pass

    attributes = {"built by mapped_column()": mapped_column(String(50)), "bare": None}
    for name, value in attributes.items():
        body = {"__tablename__": "shelf", "__annotations__": {"id": Mapped[int]}}
        body["id"] = mapped_column(primary_key=True)
        body["__annotations__"]["label"] = str
        if value is not None:
            body["label"] = value
        with pytest.raises(MappedAnnotationError) as caught:
            type(f"Shelf{len(name)}", (Strict,), body)
        assert caught.value.code == "zlpr", name


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


def test_only_sqlite_accepts_a_book_whose_author_does_not_exist(library):
    engine = library
    orphan = {"title": "Solaris", "author_id": 42}  # there is no author 42
    if engine.dialect.name != "sqlite":
        with pytest.raises(IntegrityError), Session(engine) as session:
            session.add(Book(**orphan))
            session.commit()
        return
    with Session(engine) as session:  # SQLite, as it comes: accepted
        session.add(Book(**orphan))
        session.commit()
    checked = create_engine(engine.url)  # the same file, foreign keys turned on

    @event.listens_for(checked, "connect")
    def enforce_foreign_keys(dbapi_connection, connection_record):
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    with pytest.raises(IntegrityError), Session(checked) as session:
        session.add(Book(**orphan))
        session.commit()
    checked.dispose()
    with Session(engine) as session:
        assert session.scalars(select(Book.author_id)).all() == [42]


def test_after_a_failed_configuration_every_class_raises_invalid_request_error():
    run = run_snippet("relationships.foreign_key_alone")
    lines = [text for _, text in run.printed]
    assert lines[2] == "One or more mappers failed to initialize\n"
    engine = create_engine("sqlite://")
    for cls in (run.namespace["Shelf"], run.namespace["ShelvedBook"]):
        with pytest.raises(InvalidRequestError) as created:
            cls()
        with Session(engine) as session, pytest.raises(InvalidRequestError) as queried:
            session.scalars(select(cls)).all()
        for caught in (created, queried):
            message = str(caught.value)
            assert message.startswith("One or more mappers failed to initialize")
            original = message.split("Original exception was: ")[1]
            assert original.startswith(
                "Could not determine join condition between parent/child tables "
                "on relationship Shelf.books"
            )
    engine.dispose()


def stored_shelves(Shelf, ShelvedBook, url: str):
    """An engine on `url` holding a shelf of two books and a book on no shelf."""
    engine = create_engine(url)
    Shelf.metadata.drop_all(engine)
    Shelf.metadata.create_all(engine)
    with Session(engine) as session:
        books = [ShelvedBook(title="Solaris"), ShelvedBook(title="Kindred")]
        session.add(Shelf(books=books))
        session.add(ShelvedBook(title="Dawn", shelf_id=99))  # no shelf 99
        session.commit()
    return engine


def test_primaryjoin_and_foreign_map_a_relationship_without_a_foreign_key(backend):
    ns = run_snippet("relationships.join_without_foreign_key", backend).namespace
    Shelf, ShelvedBook = ns["Shelf"], ns["ShelvedBook"]
    assert ShelvedBook.__table__.foreign_keys == set()
    engine = stored_shelves(Shelf, ShelvedBook, backend)
    with Session(engine) as session:
        shelf = session.get(Shelf, 1)
        assert sorted(book.title for book in shelf.books) == ["Kindred", "Solaris"]
        rows = session.execute(select(ShelvedBook.title, ShelvedBook.shelf_id))
        assert sorted(rows) == [("Dawn", 99), ("Kindred", 1), ("Solaris", 1)]
    engine.dispose()


def test_foreign_keys_marks_the_foreign_column_as_well(backend):
    class Base(DeclarativeBase):
        pass

    class Shelf(Base):
        __tablename__ = "shelf"
        id: Mapped[int] = mapped_column(primary_key=True)
        books: Mapped[list[ShelvedBook]] = relationship(
            primaryjoin="Shelf.id == ShelvedBook.shelf_id",
            foreign_keys="ShelvedBook.shelf_id",
        )

    class ShelvedBook(Base):
        __tablename__ = "shelved_book"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        shelf_id: Mapped[int]

    engine = stored_shelves(Shelf, ShelvedBook, backend)
    with Session(engine) as session:
        shelf = session.get(Shelf, 1)
        assert sorted(book.title for book in shelf.books) == ["Kindred", "Solaris"]
    engine.dispose()


def test_many_to_many_ends_stay_in_step_without_a_session():
    python, sql = Tag(name="python"), Tag(name="sql")
    post = Post(title="Loading strategies", tags=[python, sql])
    assert (python.posts, sql.posts) == ([post], [post])
    post.tags.remove(sql)
    assert sql.posts == []
    lines = printed("relationships.many_to_many", None)
    assert lines[0] == "[Post('Loading strategies')]\n"


def test_many_to_many_inserts_the_pairs_in_one_statement(backend, sql_log):
    run_snippet("relationships.many_to_many", backend)
    inserts = [s.split(" (")[0] for s in sql_log.statements if s.startswith("INSERT")]
    per_tag = backend_name(backend) == "sqlite"
    assert inserts == [
        "INSERT INTO post",
        *(["INSERT INTO tag"] * (2 if per_tag else 1)),
        "INSERT INTO post_tag",
    ]


def enrollment_with_courses(viewonly: bool):
    """The enrollment model, plus Student.courses over the enrollment table."""

    class Base(DeclarativeBase):
        pass

    class Enrollment(Base):
        __tablename__ = "enrollment"
        student_id: Mapped[int] = mapped_column(
            ForeignKey("student.id"), primary_key=True
        )
        course_id: Mapped[int] = mapped_column(
            ForeignKey("course.id"), primary_key=True
        )
        grade: Mapped[str | None] = mapped_column(String(2))
        student: Mapped[Student] = relationship(back_populates="enrollments")
        course: Mapped[Course] = relationship(back_populates="enrollments")

    class Student(Base):
        __tablename__ = "student"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        enrollments: Mapped[list[Enrollment]] = relationship(back_populates="student")
        courses: Mapped[list[Course]] = relationship(
            secondary="enrollment", viewonly=viewonly
        )

    class Course(Base):
        __tablename__ = "course"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        enrollments: Mapped[list[Enrollment]] = relationship(back_populates="course")

    return Base, Student, Course, Enrollment


def test_a_viewonly_secondary_beside_the_association_object_reads_without_warning(
    backend,
):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Base, Student, Course, Enrollment = enrollment_with_courses(viewonly=True)
        Base.registry.configure()
        engine = create_engine(backend)
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            grace = Student(name="Grace")
            grace.enrollments.append(
                Enrollment(course=Course(title="Compilers"), grade="A")
            )
            session.add(grace)
            session.commit()
        with Session(engine) as session:
            grace = session.scalars(select(Student)).one()
            assert [course.title for course in grace.courses] == ["Compilers"]
        engine.dispose()


def test_a_writable_secondary_beside_the_association_object_warns_qzyx():
    Base, *_ = enrollment_with_courses(viewonly=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Base.registry.configure()
    codes = {w.message.code for w in caught if issubclass(w.category, SAWarning)}
    assert codes == {"qzyx"}
    assert any("Student.courses" in str(w.message) for w in caught)


def test_a_plain_annotation_on_a_column_or_a_plain_value_is_accepted():
    class Plain(DeclarativeBase):
        pass

    class Shelf(Plain):
        __tablename__ = "shelf"
        id: Mapped[int] = mapped_column(primary_key=True)
        count: int = 5
        name: str = Column(String(50))

    assert Shelf.count == 5
    assert list(Shelf.__table__.columns.keys()) == ["id", "name"]
    assert set(inspect(Shelf).column_attrs.keys()) == {"id", "name"}


def test_a_single_object_annotation_wins_even_over_uselist_true():
    class Typed(DeclarativeBase):
        pass

    class Team(Typed):
        __tablename__ = "team"
        id: Mapped[int] = mapped_column(primary_key=True)
        captain: Mapped[Player] = relationship(uselist=True)

    class Player(Typed):
        __tablename__ = "player"
        id: Mapped[int] = mapped_column(primary_key=True)
        team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Typed.registry.configure()
    assert Team.captain.property.direction.name == "ONETOMANY"
    assert Team.captain.property.uselist is False
    assert Team().captain is None


def test_a_list_annotation_on_the_foreign_key_side_is_still_one_object():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = run_snippet("relationships.uselist")
    Member = run.namespace["Member"]
    assert Member.team.property.direction.name == "MANYTOONE"
    assert Member.team.property.uselist is False
    assert Member().team is None
    assert [text for _, text in run.printed][-1] == "None\n"


def test_the_pair_table_refuses_the_same_pair_twice(backend):
    ns = run_snippet("relationships.many_to_many", backend).namespace
    post_tag = ns["Post"].tags.property.secondary
    with pytest.raises(IntegrityError), ns["engine"].begin() as connection:
        connection.execute(post_tag.insert(), {"post_id": 1, "tag_id": 1})
