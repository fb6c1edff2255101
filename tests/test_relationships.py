"""Every claim of docs/relationships.md, on every backend."""

from __future__ import annotations

import importlib
import itertools
import sys
import warnings
from typing import ClassVar, Optional

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

    class Shelf(Strict):  # no value, and accepted: a ClassVar is not mapped
        __tablename__ = "shelf"
        id: Mapped[int] = mapped_column(primary_key=True)
        limit: ClassVar[int]

    assert "limit" not in inspect(Shelf).attrs


def test_allow_unmapped_still_reads_a_plain_annotation():
    run = run_snippet("relationships.allow_unmapped")
    assert [text for _, text in run.printed] == [
        "[] None\n",
        "False True\n",
        "False\n",
    ]
    ns = run.namespace
    Shelf, Box = ns["Shelf"], ns["Box"]
    boxes, shelf = Shelf.boxes.property, Box.shelf.property
    assert (boxes.mapper.class_, boxes.uselist, boxes.collection_class) == (
        Box,
        True,
        list,
    )
    assert (shelf.mapper.class_, shelf.uselist) == (Shelf, False)
    assert "cache" not in Box.__table__.columns

    # More cases, with annotations that are objects, as in a module without
    # `from __future__ import annotations` (this one has it).
    class Legacy(DeclarativeBase):
        __allow_unmapped__ = True

    class Crate(Legacy):
        __tablename__ = "crate"
        id = mapped_column(Integer, primary_key=True)
        shelf_id = mapped_column(ForeignKey("rack.id"))

    body = {
        "__tablename__": "rack",
        "__annotations__": {
            "crates": set[Crate],  # a set, from the annotation
            "first": Crate | None,  # one object, against the direction
            "named": str,  # a mapped_column() without a type
            "maybe": str | None,
            "perhaps": Optional[str],  # noqa: UP045 (the older spelling, on purpose)
        },
        "id": mapped_column(Integer, primary_key=True),
        "crates": relationship(),
        "first": relationship(viewonly=True),
        "named": mapped_column(),
        "maybe": mapped_column(String(20)),
        "perhaps": mapped_column(String(20)),
    }
    Rack = type("Rack", (Legacy,), body)
    Legacy.registry.configure()
    crates, first = Rack.crates.property, Rack.first.property
    assert (crates.mapper.class_, crates.collection_class) == (Crate, set)
    assert (first.direction.name, first.uselist) == ("ONETOMANY", False)
    named, maybe = Rack.__table__.c.named, Rack.__table__.c.maybe
    assert isinstance(named.type, String) and named.nullable is False
    assert maybe.nullable is True
    assert Rack.__table__.c.perhaps.nullable is True


def test_with_future_annotations_a_plain_list_of_a_later_class_is_not_read():
    # This module has `from __future__ import annotations`: every annotation is
    # a string, and Crate is defined after Rack.
    class Legacy(DeclarativeBase):
        __allow_unmapped__ = True

    class Rack(Legacy):
        __tablename__ = "rack"
        id: Mapped[int] = mapped_column(primary_key=True)
        crates: list[Crate] = relationship("Crate")
        typed: Mapped[list[Crate]] = relationship(viewonly=True)

    class Crate(Legacy):
        __tablename__ = "crate"
        id: Mapped[int] = mapped_column(primary_key=True)
        rack_id: Mapped[int] = mapped_column(ForeignKey("rack.id"))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Legacy.registry.configure()
    assert Rack.crates.property.direction.name == "ONETOMANY"
    assert Rack.crates.property.uselist is False  # one object, silently
    assert Rack().crates is None
    assert Rack.typed.property.uselist is True  # Mapped[...] is read

    class Bare(DeclarativeBase):
        __allow_unmapped__ = True

    class Shelf(Bare):
        __tablename__ = "shelf"
        id: Mapped[int] = mapped_column(primary_key=True)
        boxes: list[Box] = relationship()

    class Box(Bare):
        __tablename__ = "box"
        id: Mapped[int] = mapped_column(primary_key=True)
        shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))

    with pytest.raises(InvalidRequestError, match="seems to be using a generic class"):
        Bare.registry.configure()


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
    assert Shelf.__table__.c.name.nullable is True  # the annotation str is not read
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


# Giving a person a new passport

NOT_NULL_REFUSES = {  # the first line of the driver's message, per backend
    "sqlite": "NOT NULL constraint failed: passport.holder_id",
    "postgresql": 'null value in column "holder_id" of relation "passport" '
    "violates not-null constraint",
    "mariadb": "(1048, \"Column 'holder_id' cannot be null\")",
}
UNIQUE_REFUSES = {
    "sqlite": "UNIQUE constraint failed: passport.holder_id",
    "postgresql": 'duplicate key value violates unique constraint "passport_holder_id_key"',
    "mariadb": "(1062, \"Duplicate entry '1' for key 'holder_id'\")",
}


def passport_model(cascade: str | None = None, nullable: bool = False):
    """The person and passport model, with a cascade or a nullable holder_id."""

    class Base(DeclarativeBase):
        pass

    class Person(Base):
        __tablename__ = "person"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        passport: Mapped[Passport | None] = relationship(
            back_populates="holder", **({"cascade": cascade} if cascade else {})
        )

    class Passport(Base):
        __tablename__ = "passport"
        id: Mapped[int] = mapped_column(primary_key=True)
        number: Mapped[str] = mapped_column(String(20))
        holder_id: Mapped[int | None] = mapped_column(
            ForeignKey("person.id"), unique=True, nullable=nullable
        )
        holder: Mapped[Person] = relationship(back_populates="passport")

    return Base, Person, Passport


def passport_engines(url: str):
    """Engines on `url`; on SQLite, one as it comes and one with foreign keys on."""
    engines = [create_engine(url)]
    if backend_name(url) == "sqlite":
        checked = create_engine(url)

        @event.listens_for(checked, "connect")
        def enforce_foreign_keys(dbapi_connection, connection_record):
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

        engines.append(checked)
    return engines


def swap_passport(engine, model, how, sql_log):
    """Store Ada with passport X123, then run `how(session, ada, Passport)` and
    commit. Returns the first line of the database's refusal (or None), the
    statements of the swap, and the passport rows afterwards, read elsewhere."""
    Base, Person, Passport = model
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Person(name="Ada", passport=Passport(number="X123")))
        session.commit()
    refusal = None
    with Session(engine) as session:
        ada = session.scalars(select(Person)).one()
        sql_log.clear()
        how(session, ada, Passport)
        try:
            session.commit()
        except IntegrityError as error:
            refusal = str(error.orig).splitlines()[0]
    sent = [
        s for s in sql_log.statements if s.startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    observer = create_engine(engine.url)
    with observer.connect() as connection:
        rows = connection.execute(
            select(Passport.number, Passport.holder_id).order_by(Passport.number)
        ).all()
    observer.dispose()
    engine.dispose()
    return refusal, [s.split(" (")[0].split(" WHERE")[0] for s in sent], rows


def assign_new(session, ada, Passport):
    ada.passport = Passport(number="Y456")


def delete_flush_assign(session, ada, Passport):
    session.delete(ada.passport)
    session.flush()
    ada.passport = Passport(number="Y456")


def test_a_new_passport_over_the_old_one_is_refused_by_not_null(backend, sql_log):
    lines = printed("relationships.replace_one_to_one", backend)
    expected = NOT_NULL_REFUSES[backend_name(backend)]
    assert lines[lines.index("ROLLBACK\n") + 1].startswith(expected)

    def new_with_holder(session, ada, Passport):
        session.add(Passport(number="Y456", holder=ada))

    for engine, how in itertools.product(
        passport_engines(backend), (assign_new, new_with_holder)
    ):
        refusal, sent, rows = swap_passport(engine, passport_model(), how, sql_log)
        assert refusal == expected
        assert len(sent) == 1  # the old passport's holder_id set to NULL, refused
        assert sent[0].startswith("UPDATE passport SET holder_id=")
        assert rows == [("X123", 1)]


def test_delete_orphan_inserts_the_new_passport_before_deleting_the_old_one(
    backend, sql_log
):
    model = passport_model(cascade="all, delete-orphan")
    for engine in passport_engines(backend):
        refusal, sent, rows = swap_passport(engine, model, assign_new, sql_log)
        assert refusal == UNIQUE_REFUSES[backend_name(backend)]
        assert [s.split(" (")[0] for s in sent] == ["INSERT INTO passport"]
        assert rows == [("X123", 1)]


@pytest.mark.parametrize("cascade", [None, "all, delete-orphan"])
def test_deleting_and_flushing_the_old_passport_first_lets_the_new_one_in(
    backend, sql_log, cascade
):
    model = passport_model(cascade=cascade)
    for engine in passport_engines(backend):
        refusal, sent, rows = swap_passport(engine, model, delete_flush_assign, sql_log)
        assert refusal is None
        assert [s.split(" (")[0] for s in sent] == [
            "DELETE FROM passport",
            "INSERT INTO passport",
        ]
        assert rows == [("Y456", 1)]


def test_changing_the_passport_in_place_sends_one_update(backend, sql_log):
    def change(session, ada, Passport):
        ada.passport.number = "Y456"

    for engine in passport_engines(backend):
        refusal, sent, rows = swap_passport(engine, passport_model(), change, sql_log)
        assert refusal is None
        assert len(sent) == 1 and sent[0].startswith("UPDATE passport SET number=")
        assert rows == [("Y456", 1)]
    ns = run_snippet("relationships.replace_one_to_one", backend).namespace
    with ns["engine"].connect() as connection:  # the page's example, all of it
        Passport = ns["Passport"]
        stored = connection.execute(select(Passport.number, Passport.holder_id))
        assert stored.all() == [("Z789", 1)]  # replaced, then changed in place


def test_with_a_nullable_holder_the_old_passport_stays_without_a_holder(
    backend, sql_log
):
    model = passport_model(nullable=True)
    for engine in passport_engines(backend):
        refusal, sent, rows = swap_passport(engine, model, assign_new, sql_log)
        assert refusal is None
        assert [s.split(" SET")[0].split(" (")[0] for s in sent] == [
            "UPDATE passport",
            "INSERT INTO passport",
        ]
        assert rows == [("X123", None), ("Y456", 1)]


def test_an_explicit_uselist_decides_where_no_single_object_annotation_does():
    class Explicit(DeclarativeBase):
        pass

    class Team(Explicit):
        __tablename__ = "team"
        id: Mapped[int] = mapped_column(primary_key=True)
        as_set: Mapped[set[Member]] = relationship(uselist=False, viewonly=True)
        classic = relationship("Member", uselist=False, viewonly=True)

    class Member(Explicit):
        __tablename__ = "member"
        id: Mapped[int] = mapped_column(primary_key=True)
        team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
        as_list: Mapped[list[Team]] = relationship(uselist=True, viewonly=True)
        classic = relationship("Team", uselist=True, viewonly=True)

    Explicit.registry.configure()
    for cls, key, direction, one_object in [
        (Team, "as_set", "ONETOMANY", True),
        (Team, "classic", "ONETOMANY", True),
        (Member, "as_list", "MANYTOONE", False),  # a list on the many-to-one side
        (Member, "classic", "MANYTOONE", False),
    ]:
        rel = getattr(cls, key).property
        assert rel.direction.name == direction
        assert rel.uselist is not one_object
        assert (getattr(cls(), key) is None) is one_object
