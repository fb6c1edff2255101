"""Every claim of docs/models.md: models that fail to configure, and their fixes."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    String,
    Table,
    create_engine,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import (
    ArgumentError,
    InvalidRequestError,
    NoReferencedTableError,
    SAWarning,
    SQLAlchemyError,
)
from sqlalchemy.ext.automap import automap_base
from sqlalchemy.ext.declarative import DeferredReflection
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    aliased,
    configure_mappers,
    mapped_column,
    relationship,
    selectinload,
)
from sqlalchemy.orm.exc import StaleDataError

from tests.outputs import run_snippet

LOCATE = "expression 'Author' failed to locate a name ('Author')"
FAILED = "One or more mappers failed to initialize - can't proceed"


def printed(module: str, url: str | None = None) -> list[str]:
    return [line.rstrip("\n") for _, line in run_snippet(module, url).printed]


def book_without_author():
    """A fresh registry whose Book names an Author that is never defined."""

    class Base(DeclarativeBase):
        pass

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
        author: Mapped[Author] = relationship()  # noqa: F821

    return Base, Book


def test_a_missing_relationship_target_fails_at_first_use_not_at_the_class():
    lines = printed("models.failed_to_locate")
    assert LOCATE in lines[0] and lines[0].startswith("When initializing mapper")
    # The class statements and building a statement ran; these are first uses:
    for first_use in (
        lambda Book: Book(),
        lambda Book: str(select(Book)),
        lambda Book: inspect(Book).relationships,
        # Built, not compiled, yet they configure: a loader option, a relationship
        # comparison, an alias.
        lambda Book: select(Book).options(selectinload(Book.author)),
        lambda Book: select(Book).where(Book.author.has()),
        lambda Book: aliased(Book),
    ):
        Base, Book = book_without_author()
        select(Book).where(Book.id == 1).join(Book.author)  # configures nothing
        assert Base.registry._new_mappers
        with pytest.raises(InvalidRequestError, match="failed to locate a name"):
            first_use(Book)
    # create_all() configures nothing either: it stops at the foreign key instead.
    Base, _ = book_without_author()
    engine = create_engine("sqlite://")
    with pytest.raises(NoReferencedTableError, match="could not find table 'author'"):
        Base.metadata.create_all(engine)
    assert Base.registry._new_mappers
    engine.dispose()


def broken(cause: str):
    """A registry whose Book's relationship has `cause`, with a correct Author."""

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)

    options = {"back_populates": "books"} if cause == "back_populates" else {}
    if cause == "lazy":
        options = {"lazy": "selectn"}

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(
            *([] if cause == "no foreign key" else [ForeignKey("author.id")])
        )
        author: Mapped[Author] = relationship(**options)

    return Base, Author, Book


def test_once_configuration_failed_every_class_of_the_registry_fails_even_when_fixed():
    lines = printed("models.failed_to_locate")
    assert lines[1].startswith(FAILED) and LOCATE in lines[1]  # Author, defined later
    Base, Book = book_without_author()
    with pytest.raises(InvalidRequestError):
        Book()

    class Other(DeclarativeBase):  # another registry is not affected
        pass

    class Note(Other):
        __tablename__ = "note"
        id: Mapped[int] = mapped_column(primary_key=True)

    Note()
    with pytest.raises(InvalidRequestError, match=FAILED):
        Base.registry.configure()  # configuring again does not retry
    # unless it points into the failed one: its first use fails too
    Failed, _, Shelf = broken("no foreign key")  # the class that failed

    class Rooms(DeclarativeBase):
        pass

    class Room(Rooms):
        __tablename__ = "room"
        id: Mapped[int] = mapped_column(primary_key=True)
        shelf_id: Mapped[int] = mapped_column(ForeignKey(Shelf.id))
        shelf: Mapped[Shelf] = relationship(Shelf)

    with pytest.raises(SQLAlchemyError):
        Failed.registry.configure()
    with pytest.raises(InvalidRequestError, match=FAILED):
        Room()
    with pytest.raises(InvalidRequestError):
        configure_mappers()  # every registry, the failed ones included


def test_any_configuration_error_sticks_not_only_a_missing_class():
    for cause, first in (
        ("no foreign key", "Could not determine join condition"),
        ("back_populates", "has no property 'books'"),
        ("lazy", "Can't find strategy"),
    ):
        Base, Author, _ = broken(cause)
        with pytest.raises(SQLAlchemyError, match=first):
            Author()
        with pytest.raises(InvalidRequestError, match=FAILED):
            Author()


def test_configuring_the_registry_at_startup_raises_the_error_there():
    Base, _ = book_without_author()
    with pytest.raises(InvalidRequestError, match="failed to locate a name"):
        Base.registry.configure()


def test_with_every_model_defined_first_the_registry_configures_and_works(backend):
    run = run_snippet("models.configure_at_startup", backend)
    assert [line for _, line in run.printed][-2:] == ["['Dune']\n", "ROLLBACK\n"]
    assert (
        inspect(run.namespace["Book"]).relationships["author"].mapper.class_
        is (run.namespace["Author"])
    )


def test_a_second_table_of_the_same_name_on_one_metadata_fails_at_the_class():
    assert printed("models.table_defined_twice") == [
        "Table 'author' is already defined for this MetaData instance.  Specify "
        "'extend_existing=True' to redefine options and columns on an existing "
        "Table object."
    ]
    run = run_snippet("models.table_defined_twice")

    class Archived(run.namespace["Base"]):  # same name, another schema: no error
        __tablename__ = "author"
        __table_args__ = {"schema": "archive"}
        id: Mapped[int] = mapped_column(primary_key=True)

    assert sorted(run.namespace["Base"].metadata.tables) == ["archive.author", "author"]


def test_a_class_without_primary_key_fails_at_the_class_statement():
    assert printed("models.no_primary_key") == [
        "Mapper Mapper[LogLine(log_line)] could not assemble any primary key "
        "columns for mapped table 'log_line'"
    ]


def test_a_reflected_table_without_primary_key_fails_at_prepare_and_automap_skips_it(
    backend,
):
    engine = create_engine(backend)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS log_line_reflected"))
        connection.execute(
            text(
                "CREATE TABLE log_line_reflected (at VARCHAR(30), message VARCHAR(200))"
            )
        )
    try:

        class Base(DeclarativeBase):
            pass

        class Reflected(DeferredReflection):
            __abstract__ = True

        class LogLine(Reflected, Base):  # the class statement succeeds
            __tablename__ = "log_line_reflected"

        with pytest.raises(ArgumentError, match="could not assemble any primary key"):
            Reflected.prepare(engine)
        automapped = automap_base()
        automapped.prepare(autoload_with=engine)
        assert "log_line_reflected" in automapped.metadata.tables
        assert "log_line_reflected" not in automapped.classes  # no class, no error
    finally:
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE log_line_reflected"))
        engine.dispose()


def test_a_table_without_primary_key_maps_with_the_columns_named_as_key(backend):
    run = run_snippet("models.primary_key_named", backend)
    lines = [line.rstrip("\n") for _, line in run.printed]
    assert lines[0] == "[]" and "started True" in lines
    engine = create_engine(backend)  # the database table has no primary key
    try:
        assert (
            inspect(engine).get_pk_constraint("log_line")["constrained_columns"] == []
        )
    finally:
        engine.dispose()


def test_two_rows_with_the_same_named_key_are_one_object_and_cannot_be_updated(
    backend,
):
    run = run_snippet("models.primary_key_named", backend)
    LogLine, table = run.namespace["LogLine"], run.namespace["log_line"]
    engine = create_engine(backend)
    try:
        with engine.begin() as connection:
            line = connection.execute(select(table)).one()
            connection.execute(insert(table), [dict(line._mapping)])
        with Session(engine) as session:
            found = session.scalars(select(LogLine)).all()
            assert len(found) == 2 and found[0] is found[1]
            found[0].message = "changed"
            with pytest.raises(StaleDataError, match="2 were matched"):
                session.commit()
    finally:
        engine.dispose()


def test_rows_sharing_the_named_key_are_deleted_together_and_null_keys_load_none(
    backend,
):
    class Base(DeclarativeBase):
        pass

    table = Table(
        "log_line_nullable",
        Base.metadata,
        Column("at", DateTime),
        Column("message", String(200)),
    )

    class LogLine(Base):
        __table__ = table
        __mapper_args__ = {"primary_key": [table.c.at, table.c.message]}

    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with engine.begin() as connection:
            twice = {"at": datetime(2026, 12, 1), "message": "started"}
            nulls = {"at": None, "message": None}
            connection.execute(insert(table), [twice, twice, nulls])
        with Session(engine) as session:
            lines = session.scalars(select(LogLine)).all()
            assert len(lines) == 3 and lines.count(None) == 1  # the NULL row
            one, other = (line for line in lines if line is not None)
            assert one is other
            session.delete(one)
            with pytest.warns(SAWarning, match="expected to delete 1 row"):
                session.commit()
        with engine.connect() as connection:
            left = connection.execute(select(table.c.message)).scalars().all()
        assert left == [None]  # both 'started' rows are gone
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_a_foreign_key_into_another_metadata_fails_when_the_table_is_created(backend):
    engine = create_engine(backend)
    try:
        with engine.begin() as connection:
            for table in ("book", "author"):
                connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
        lines = printed("models.two_bases", backend)
        assert lines == [
            "Foreign key associated with column 'book.author_id' could not find "
            "table 'author' with which to generate a foreign key to target column "
            "'id'",
            "['author'] ['book']",
        ]
        assert not inspect(engine).has_table("book")
        run = run_snippet("models.two_bases", backend)  # author in the database
        run.namespace["AuthorsBase"].metadata.create_all(engine)
        with pytest.raises(NoReferencedTableError):
            run.namespace["BooksBase"].metadata.create_all(engine)
        # A book table already there is skipped, and nothing is checked.
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE book (id INTEGER PRIMARY KEY)"))
        run.namespace["BooksBase"].metadata.create_all(engine)
    finally:
        with engine.begin() as connection:
            for table in ("book", "author"):
                connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
        engine.dispose()


def test_a_relationship_to_a_class_of_another_base_fails_to_locate_it():
    class AuthorsBase(DeclarativeBase):
        pass

    class BooksBase(DeclarativeBase):
        pass

    class Author(AuthorsBase):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))

    class Book(BooksBase):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column()
        author: Mapped[Author] = relationship(
            primaryjoin="Book.author_id == Author.id", foreign_keys="Book.author_id"
        )

    with pytest.raises(InvalidRequestError, match="failed to locate a name"):
        BooksBase.registry.configure()
    assert Author.__name__ == "Author"  # defined, but in the other registry


def test_the_class_itself_of_another_base_is_found_but_needs_a_column_foreign_key(
    backend,
):
    class AuthorsBase(DeclarativeBase):
        pass

    class Author(AuthorsBase):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))

    def book_base(foreign_key):
        class BooksBase(DeclarativeBase):
            pass

        class Book(BooksBase):
            __tablename__ = "book"
            id: Mapped[int] = mapped_column(primary_key=True)
            author_id: Mapped[int] = mapped_column(ForeignKey(foreign_key))
            author: Mapped[Author] = relationship(Author)  # the class, not a string

        return BooksBase, Book

    _, Book = book_base("author.id")  # a string: looked up in BooksBase.metadata
    with pytest.raises(NoReferencedTableError, match="could not find table 'author'"):
        Book()  # at first use, not at create_all()
    BooksBase, Book = book_base(Author.id)  # the column itself
    with pytest.raises(InvalidRequestError, match="cascade=False"):
        BooksBase.registry.configure()
    BooksBase.registry.configure(cascade=True)
    engine = create_engine(backend)
    try:
        AuthorsBase.metadata.create_all(engine)
        BooksBase.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Book(author=Author(name="Frank Herbert")))
            session.commit()
        with engine.connect() as other:
            joined = select(Author.name).join_from(Book, Author)
            assert other.execute(joined).scalars().all() == ["Frank Herbert"]
    finally:
        BooksBase.metadata.drop_all(engine)
        AuthorsBase.metadata.drop_all(engine)
        engine.dispose()


def test_a_relationship_given_the_class_needs_the_class_defined_above_it():
    class Base(DeclarativeBase):
        pass

    with pytest.raises(NameError, match="Writer"):

        class Book(Base):
            __tablename__ = "book"
            id: Mapped[int] = mapped_column(primary_key=True)
            writer = relationship(Writer)  # noqa: F821


def test_importing_the_models_module_under_two_names_defines_its_tables_twice(
    tmp_path,
):
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "base.py").write_text(
        "from sqlalchemy.orm import DeclarativeBase\n\n\n"
        "class Base(DeclarativeBase):\n    pass\n"
    )
    (app / "models.py").write_text(
        "from sqlalchemy.orm import Mapped, mapped_column\n"
        "from app.base import Base\n\n\n"
        "class Author(Base):\n    __tablename__ = 'author'\n"
        "    id: Mapped[int] = mapped_column(primary_key=True)\n"
    )
    main = "import sys\nsys.path.insert(0, 'app')\nimport app.models\nimport models\n"
    done = subprocess.run(
        [sys.executable, "-c", main], cwd=tmp_path, capture_output=True, text=True
    )
    # Run as a script, and imported by a module it imports:
    (app / "routes.py").write_text("from app.models import Author\n")
    with (app / "models.py").open("a") as models:
        models.write("\n\nif __name__ == '__main__':\n    import app.routes\n")
    script = subprocess.run(
        [sys.executable, "-m", "app.models"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    for run in (done, script):
        assert run.returncode == 1
        assert run.stderr.splitlines()[-1] == (
            "sqlalchemy.exc.InvalidRequestError: Table 'author' is already defined "
            "for this MetaData instance.  Specify 'extend_existing=True' to redefine "
            "options and columns on an existing Table object."
        )


def test_a_new_base_has_a_new_metadata_so_the_class_can_be_defined_again():
    tables = []
    for _ in range(2):  # a notebook run again from the cell that creates Base

        class Base(DeclarativeBase):
            pass

        class Author(Base):
            __tablename__ = "author"
            id: Mapped[int] = mapped_column(primary_key=True)

        tables.append(Author.__table__)
    assert tables[0] is not tables[1]


def test_extend_existing_maps_a_second_class_onto_the_same_table():
    class Base(DeclarativeBase):
        pass

    classes = []
    for module in ("app.models", "models"):  # one module imported under two names
        body = {
            "__module__": module,
            "__tablename__": "author",
            "__table_args__": {"extend_existing": True},
            "__annotations__": {"id": Mapped[int]},
            "id": mapped_column(primary_key=True),
        }
        classes.append(type("Author", (Base,), body))

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
        author: Mapped[Author] = relationship()  # noqa: F821

    with pytest.raises(
        InvalidRequestError, match='Multiple classes found for path "Author"'
    ):
        Book()
    assert classes[0].__table__ is classes[1].__table__
    assert inspect(classes[1]).local_table is Base.metadata.tables["author"]
