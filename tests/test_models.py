"""Every claim of docs/models.md: models that fail to configure, and their fixes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import (
    ForeignKey,
    String,
    create_engine,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import (
    InvalidRequestError,
    NoReferencedTableError,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
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
    ):
        _, Book = book_without_author()
        select(Book).where(Book.id == 1)  # building a statement configures nothing
        with pytest.raises(InvalidRequestError, match="failed to locate a name"):
            first_use(Book)


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


def test_a_class_without_primary_key_fails_at_the_class_statement():
    assert printed("models.no_primary_key") == [
        "Mapper Mapper[LogLine(log_line)] could not assemble any primary key "
        "columns for mapped table 'log_line'"
    ]


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
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "sqlalchemy.exc.InvalidRequestError: Table 'author' is already defined for "
        "this MetaData instance.  Specify 'extend_existing=True' to redefine options "
        "and columns on an existing Table object."
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
    for name in ("Author", "Writer"):
        body = {
            "__tablename__": "author",
            "__table_args__": {"extend_existing": True},
            "__annotations__": {"id": Mapped[int]},
            "id": mapped_column(primary_key=True),
        }
        classes.append(type(name, (Base,), body))
    assert classes[0].__table__ is classes[1].__table__
    assert inspect(classes[1]).local_table is Base.metadata.tables["author"]
