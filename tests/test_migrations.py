"""Every claim of docs/migrations.md: Alembic run for real, on every backend.

The walkthrough test follows the page: it reads the page's shell commands and file
edits, in order, and runs them with the alembic command in an empty folder.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import shlex
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from alembic.config import main as alembic_main
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    inspect,
    text,
)
from sqlalchemy.exc import DBAPIError
from standalone import ALEMBIC_INSTALL, script

from tests.autogenerate_facts import CHANGES, empty, proposed
from tests.conftest import require
from tests.databases import URLS, backend_name
from tests.outputs import ROOT, run_snippet

PAGE = ROOT / "docs" / "migrations.md"
FENCE = re.compile(r'^```(\w+)(?: title="([^"]+)")?\n(.*?)^```$', re.M | re.S)
SQLITE_DATABASE = "sqlite:///library.db"  # the URL the page writes in alembic.ini


def walkthrough_steps() -> list[tuple[str, str, str]]:
    """The page's walkthrough, in order: ("run", command, ""), ("edit", file, diff),
    ("save", file, module)."""
    section = PAGE.read_text(encoding="utf-8").split("## A first migration")[1]
    section = section.split("\n## ")[0]
    steps = []
    for language, title, body in FENCE.findall(section):
        if language == "bash":
            steps += [("run", line, "") for line in body.splitlines() if line]
        elif language == "diff":
            steps.append(("edit", title, body))
        elif language == "python" and '"snippets/migrations/models.py' in body:
            steps.append(("save", "models.py", "migrations.models"))
    return steps


def apply_diff(path: Path, diff: str) -> None:
    """Apply a diff block of the page: its context and `-` lines become its context
    and `+` lines, once."""
    old = [line[1:] for line in diff.splitlines() if line[:1] in (" ", "-")]
    new = [line[1:] for line in diff.splitlines() if line[:1] in (" ", "+")]
    before, after = "\n".join(old) + "\n", "\n".join(new) + "\n"
    content = path.read_text(encoding="utf-8")
    assert content.count(before) == 1, f"{path.name}: the diff does not apply"
    path.write_text(content.replace(before, after), encoding="utf-8")


def in_folder(folder: Path, work: Callable[[], object]) -> tuple[int, str]:
    """Run `work` in a process forked from this one, in `folder` and with `folder` on
    sys.path, as a command run there would; its exit code and everything it printed.
    Forked, because SQLAlchemy and Alembic are imported already: a new interpreter
    per command cost most of this file's time."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read)
            sys.stdout = sys.stderr = os.fdopen(write, "w")
            os.chdir(folder)
            sys.path.insert(0, str(folder))
            work()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as output:
        printed = output.read()
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), printed


def alembic(folder: Path, *args: str) -> tuple[int, str]:
    """The `alembic` command (its entry point, alembic.config.main), run in `folder`."""
    return in_folder(folder, lambda: alembic_main(argv=list(args), prog="alembic"))


def point_at(folder: Path, url: str) -> None:
    """Put `url` in the alembic.ini that `alembic init` wrote, every % doubled."""
    ini = folder / "alembic.ini"
    placeholder = "driver://user:pass@localhost/dbname"
    ini.write_text(ini.read_text().replace(placeholder, url.replace("%", "%%")))


def hand_written(folder: Path, migrations: dict[str, str]) -> Path:
    """Write `migrations` (revision id -> lines of its upgrade()), one after the other,
    with `alembic revision`; the folder that holds them."""
    versions = folder / "migrations" / "versions"
    empty_upgrade = '    """Upgrade schema."""\n    pass\n'
    for revision, operations in migrations.items():
        code, printed = alembic(
            folder, "revision", "-m", revision, "--rev-id", revision
        )
        assert code == 0, printed
        (path,) = versions.glob(f"{revision}_*.py")
        source = path.read_text()
        assert source.count(empty_upgrade) == 1
        path.write_text(source.replace(empty_upgrade, empty_upgrade + operations))
    return versions


@dataclass
class Walk:
    folder: Path
    url: str
    rows: list[list[dict]] = field(default_factory=list)  # after each up/downgrade


def authors(url: str) -> list[dict]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            table = Table("author", MetaData(), autoload_with=connection)
            return [dict(row._mapping) for row in connection.execute(table.select())]
    finally:
        engine.dispose()


def database(url: str, folder: Path) -> str:
    """The URL the walkthrough uses: the page's SQLite file in `folder`, or a server."""
    if backend_name(url) == "sqlite":
        return f"sqlite:///{folder / 'library.db'}"
    return url


def walk(url: str, folder: Path) -> Walk:
    """Follow the page's walkthrough in the empty `folder`, on `url`."""
    done = Walk(folder, database(url, folder))
    engine = create_engine(done.url)
    empty(engine)
    moves = 0
    try:
        for kind, what, detail in walkthrough_steps():
            if kind == "save":
                module = script(detail, ALEMBIC_INSTALL)
                (folder / what).write_text(module, encoding="utf-8")
            elif kind == "edit":
                if what == "alembic.ini" and done.url != SQLITE_DATABASE:
                    target = done.url.replace("%", "%%")
                    detail = detail.replace(SQLITE_DATABASE, target)
                apply_diff(folder / what, detail)
            else:
                if what.startswith("pip "):  # what the reader environment holds
                    assert what == ALEMBIC_INSTALL
                    continue
                command = shlex.split(what)
                assert command[0] == "alembic", f"the page runs {what}"
                code, printed = alembic(folder, *command[1:])
                assert code == 0, f"{what}:\n{printed}"
                if command[1] in ("upgrade", "downgrade"):
                    moves += 1
                    if moves == 1:  # the tables exist: a row for each
                        with engine.begin() as connection:
                            connection.execute(
                                text(
                                    "INSERT INTO author (id, name) VALUES (1, 'Le Guin')"
                                )
                            )
                            connection.execute(
                                text(
                                    "INSERT INTO book (id, title, author_id)"
                                    " VALUES (1, 'The Dispossessed', 1)"
                                )
                            )
                    elif moves == 2:  # `born` is there: give it a value
                        with engine.begin() as connection:
                            connection.execute(text("UPDATE author SET born = 1929"))
                    done.rows.append(authors(done.url))
    finally:
        engine.dispose()
    return done


_walks: dict[str, Walk] = {}


@pytest.fixture(scope="module", params=URLS, ids=backend_name)
def walked(request, tmp_path_factory) -> Walk:
    """The page's walkthrough, followed once per backend."""
    url = request.param if backend_name(request.param) == "sqlite" else None
    url = url or require(request.param)
    if url not in _walks:
        _walks[url] = walk(url, tmp_path_factory.mktemp("walkthrough"))
    yield _walks[url]
    if backend_name(url) != "sqlite":
        engine = create_engine(url)
        empty(engine)
        engine.dispose()


def test_the_walkthrough_runs_as_written_and_keeps_the_rows(walked):
    le_guin = {"id": 1, "name": "Le Guin"}
    assert walked.rows == [
        [le_guin],  # create author and book
        [{**le_guin, "born": 1929}],  # add born
        [le_guin],  # downgrade -1: the column is gone, the row is not
        [{**le_guin, "born": None}],  # upgrade head: the column is back, empty
    ]
    versions = sorted((walked.folder / "migrations" / "versions").glob("*.py"))
    assert len(versions) == 2
    first = next(v for v in versions if "create_author_and_book" in v.name)
    written = first.read_text(encoding="utf-8").split("def upgrade() -> None:")[1]
    written = written.split("def downgrade")[0].split('"""Upgrade schema."""')[-1]
    rendered = [line for _, line in run_snippet("migrations.first_migration").printed]
    assert [line.strip() for line in "".join(rendered).splitlines()] == [
        line.strip() for line in written.strip().splitlines()
    ]


def copied(folder: Path) -> str:
    """The URL of the SQLite walkthrough's database, in a copy of its folder."""
    return f"sqlite:///{folder / 'library.db'}"


def sqlite_copy(tmp_path: Path) -> Path:
    """A copy of the SQLite walkthrough's folder (walked once per session), its
    alembic.ini pointing at the copy's own database."""
    url = next(url for url in URLS if backend_name(url) == "sqlite")
    if url not in _walks:
        (tmp_path / "walkthrough").mkdir()
        _walks[url] = walk(url, tmp_path / "walkthrough")
    folder = tmp_path / "copy"
    shutil.copytree(_walks[url].folder, folder)
    ini = folder / "alembic.ini"
    ini.write_text(ini.read_text().replace(_walks[url].url, copied(folder)))
    return folder


def test_the_in_step_test_passes_after_the_walkthrough_and_fails_when_a_model_changes(
    tmp_path,
):
    folder = sqlite_copy(tmp_path)
    block = run_snippet("migrations.in_sync").namespace  # the page's block, as saved
    source = Path(block["__file__"]).read_text(encoding="utf-8")
    test = source.split("# --8<-- [start:test]\n")[1].split("# --8<-- [end:test]")[0]
    (folder / "test_migrations.py").write_text("from models import Base\n" + test)

    def the_test() -> None:
        module = importlib.import_module("test_migrations")
        fresh = Path(tempfile.mkdtemp(dir=tmp_path))  # a new database each run
        module.test_the_migrations_build_the_schema_of_the_models(fresh)

    passed, printed = in_folder(folder, the_test)
    assert passed == 0, printed
    models = folder / "models.py"
    walked = models.read_text()
    models.write_text(
        walked.replace(
            "    born: Mapped[int | None]\n",
            "    born: Mapped[int | None]\n    died: Mapped[int | None]\n",
        )
    )
    failed, printed = in_folder(folder, the_test)
    assert failed == 1
    assert "AssertionError" in printed and "'add_column'" in printed
    assert "died" in printed
    code, printed = alembic(folder, "check")  # the database of alembic.ini
    assert code == 255
    assert "FAILED: New upgrade operations detected: [('add_column'" in printed
    assert "died" in printed
    models.write_text(walked.replace("    born: Mapped[int | None]\n", ""))
    failed, printed = in_folder(folder, the_test)
    assert failed == 1 and "'remove_column'" in printed and "born" in printed
    models.write_text(walked.replace("String(50))", 'String(50), server_default="?")'))
    assert 'server_default="?"' in models.read_text()
    assert in_folder(folder, the_test)[0] == 0  # not seen: the test passes
    code, printed = alembic(folder, "check")
    assert code == 0
    # env.py's fileConfig() disables the loggers that exist, until the page's diff

    def the_test_then_an_application_logger() -> None:
        application = logging.getLogger("library.app")  # made before the test runs
        the_test()
        records: list[logging.LogRecord] = []
        handler = logging.Handler()
        handler.emit = records.append
        application.addHandler(handler)
        application.warning("a record")
        sys.exit(0 if records else 3)  # 3: the record never reached the handler

    assert in_folder(folder, the_test_then_an_application_logger)[0] == 3
    section = PAGE.read_text(encoding="utf-8").split("## Keeping migrations and")[1]
    section = section.split("\n## ")[0]
    ((title, diff),) = [
        (t, b) for lang, t, b in FENCE.findall(section) if lang == "diff"
    ]
    apply_diff(folder / title, diff)
    assert in_folder(folder, the_test_then_an_application_logger)[0] == 0
    # SQL of another database in a migration: the test's SQLite fails on it
    code, printed = alembic(folder, "revision", "-m", "essay", "--rev-id", "essay")
    assert code == 0
    (revision,) = (folder / "migrations" / "versions").glob("essay_*.py")
    source = revision.read_text()
    pass_ = '    """Upgrade schema."""\n    pass\n'
    assert source.count(pass_) == 1
    revision.write_text(
        source.replace(
            pass_, pass_ + "    op.execute(\"ALTER TYPE genre ADD VALUE 'essay'\")\n"
        )
    )
    failed, printed = in_folder(folder, the_test)
    assert failed == 1 and 'near "TYPE": syntax error' in printed


def test_autogenerate_reads_a_rename_as_drop_and_add_and_a_missing_model_as_drop(
    backend,
):
    engine = create_engine(backend)
    empty(engine)
    try:
        lines = [
            line.strip()
            for _, line in run_snippet("migrations.blind_spots", backend).printed
        ]
        assert lines == [
            "remove_table book",
            "add_column author.full_name",
            "remove_column author.name",
        ]
    finally:
        empty(engine)
        engine.dispose()


def test_autogenerate_proposes_what_the_table_says(backend):
    engine = create_engine(backend)
    try:
        found = {name: proposed(engine, change) for name, change in CHANGES.items()}
    finally:
        engine.dispose()
    expected = {
        name: change.proposed[backend_name(backend)] for name, change in CHANGES.items()
    }
    assert found == expected


def test_alter_column_with_new_column_name_keeps_the_values(backend):
    engine = create_engine(backend)
    empty(engine)
    try:
        run = run_snippet("migrations.rename_column", backend)
        assert [line for _, line in run.printed] == ["[('Ursula K. Le Guin',)]\n"]
        assert [c["name"] for c in inspect(engine).get_columns("author")] == [
            "id",
            "full_name",
        ]
    finally:
        empty(engine)
        engine.dispose()


ENUM_MIGRATIONS = {  # three migrations, applied together by `upgrade head`
    "r1": "    op.execute(\"CREATE TYPE genre AS ENUM ('novel', 'poetry')\")\n"
    "    op.execute('CREATE TABLE author (id INTEGER PRIMARY KEY, genre genre)')\n",
    "r2": "    op.execute(\"ALTER TYPE genre ADD VALUE 'essay'\")\n",
    "r3": "    op.execute(\"INSERT INTO author VALUES (1, 'essay')\")\n",
}


@pytest.mark.server("postgresql")
def test_postgresql_takes_a_new_enum_value_from_alter_type(tmp_path):
    url = require_postgresql()
    engine = create_engine(url)
    empty(engine)
    try:
        assert alembic(tmp_path, "init", "migrations")[0] == 0
        point_at(tmp_path, url)
        versions = hand_written(tmp_path, ENUM_MIGRATIONS)
        code, printed = alembic(tmp_path, "upgrade", "head")
        assert code == 1
        assert 'unsafe use of new value "essay" of enum type genre' in printed
        assert not inspect(engine).has_table("author")  # all three rolled back
        assert not inspect(engine).has_table("alembic_version")
        (r2,) = versions.glob("r2_*.py")
        r2.write_text(
            r2.read_text().replace(
                ENUM_MIGRATIONS["r2"],
                "    with op.get_context().autocommit_block():\n    "
                + ENUM_MIGRATIONS["r2"],
            )
        )
        assert 'autocommit_block():\n        op.execute("ALTER TYPE' in r2.read_text()
        code, printed = alembic(tmp_path, "upgrade", "head")
        assert code == 0, printed
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT genre FROM author")) == "essay"
    finally:
        engine.dispose()
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        empty(engine)
        engine.dispose()


def require_postgresql() -> str:
    from tests.conftest import require_server

    return require_server("postgresql")


NO_CONVENTION = {
    "sqlite": None,
    "postgresql": "book_author_id_fkey",
    "mariadb": "book_ibfk_1",
}


def test_a_naming_convention_gives_constraints_the_same_name_everywhere(backend):
    from snippets.migrations.models import Base

    engine = create_engine(backend)
    empty(engine)
    try:
        Base.metadata.create_all(engine)
        names = [fk["name"] for fk in inspect(engine).get_foreign_keys("book")]
        assert names == ["fk_book_author_id_author"]
        primary = inspect(engine).get_pk_constraint("author")["name"]
        assert primary == (None if backend_name(backend) == "mariadb" else "pk_author")
        if backend_name(backend) == "mariadb":  # the name MariaDB gives it
            with engine.connect() as connection:
                assert (
                    connection.scalar(
                        text(
                            "SELECT constraint_name FROM information_schema.table_constraints"
                            " WHERE table_schema = DATABASE() AND table_name = 'author'"
                            " AND constraint_type = 'PRIMARY KEY'"
                        )
                    )
                    == "PRIMARY"
                )
        empty(engine)
        plain = MetaData()
        for table in Base.metadata.sorted_tables:
            table.to_metadata(plain)
        for (
            table
        ) in plain.tables.values():  # the same tables, names left to the database
            for constraint in table.constraints:
                constraint.name = None
        plain.create_all(engine)
        names = [fk["name"] for fk in inspect(engine).get_foreign_keys("book")]
        assert names == [NO_CONVENTION[backend_name(backend)]]
    finally:
        empty(engine)
        engine.dispose()


def test_create_all_adds_no_column_to_a_table_that_exists(backend):
    engine = create_engine(backend)
    empty(engine)
    try:
        Table("author", MetaData(), Column("id", Integer, primary_key=True)).create(
            engine
        )
        models = MetaData()
        Table(
            "author",
            models,
            Column("id", Integer, primary_key=True),
            Column("name", String(50)),
        )
        models.create_all(engine)
        assert [c["name"] for c in inspect(engine).get_columns("author")] == ["id"]
    finally:
        empty(engine)
        engine.dispose()


def test_alembics_common_failures_reproduce_with_their_messages(backend, tmp_path):
    url = database(backend, tmp_path)
    engine = create_engine(url)
    empty(engine)
    try:
        assert alembic(tmp_path, "init", "migrations")[0] == 0
        code, printed = alembic(tmp_path, "revision", "--autogenerate", "-m", "first")
        assert code == 1
        assert printed.splitlines()[-1] == (
            "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: "
            "sqlalchemy.dialects:driver"
        )
        point_at(tmp_path, url)
        code, printed = alembic(tmp_path, "revision", "--autogenerate", "-m", "first")
        assert code == 255
        assert (
            "Can't proceed with --autogenerate option; environment script "
            f"{tmp_path / 'migrations' / 'env.py'} does not provide a MetaData object"
            " or sequence of objects to the context." in printed
        )
        assert alembic(tmp_path, "revision", "-m", "first")[0] == 0
        code, printed = alembic(tmp_path, "revision", "-m", "second")
        assert code == 0  # without --autogenerate the database is not compared
        code, printed = alembic(tmp_path, "revision", "--autogenerate", "-m", "x")
        assert code == 255 and "FAILED: Target database is not up to date." in printed
        assert alembic(tmp_path, "upgrade", "head")[0] == 0
        code, printed = alembic(tmp_path, "revision", "--autogenerate", "-m", "x")
        assert code == 255  # up to date now, but the MetaData is still missing
        assert "does not provide a MetaData object" in printed
    finally:
        empty(engine)
        engine.dispose()


NOT_NULL_WITHOUT_DEFAULT = {
    "sqlite": "refused",  # Cannot add a NOT NULL column with default value NULL
    "postgresql": "refused",  # column "born" ... contains null values
    "mariadb": [(1, 0)],  # the type's zero for every row
}


def test_a_not_null_column_added_to_a_table_with_rows_needs_a_server_default(
    backend,
):
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    engine = create_engine(backend)
    empty(engine)

    def add(column: Column) -> object:
        try:
            with engine.begin() as connection:
                op = Operations(MigrationContext.configure(connection))
                op.add_column("author", column)
        except DBAPIError:
            return "refused"
        with engine.connect() as connection:
            return connection.execute(text("SELECT id, born FROM author")).all()

    try:
        author = Table("author", MetaData(), Column("id", Integer, primary_key=True))
        author.create(engine)
        with engine.begin() as connection:
            connection.execute(author.insert(), {"id": 1})
        found = add(Column("born", Integer, nullable=False))
        assert found == NOT_NULL_WITHOUT_DEFAULT[backend_name(backend)]
        if found != "refused":
            with engine.begin() as connection:
                connection.execute(text("ALTER TABLE author DROP COLUMN born"))
        born = Column("born", Integer, nullable=False, server_default="1900")
        assert add(born) == [(1, 1900)]
    finally:
        empty(engine)
        engine.dispose()


def test_a_rename_on_mariadb_keeps_only_what_alter_column_is_told(backend):
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from alembic.util import CommandError

    engine = create_engine(backend)
    empty(engine)
    mariadb = backend_name(backend) == "mariadb"

    def rename(**existing) -> tuple[bool, bool]:
        """Rename name (NOT NULL, default 'anonymous') to full_name: is the column
        nullable, has it its default?"""
        empty(engine)
        Table(
            "author",
            MetaData(),
            Column("id", Integer, primary_key=True),
            Column("name", String(50), nullable=False, server_default="anonymous"),
        ).create(engine)
        with engine.begin() as connection:
            op = Operations(MigrationContext.configure(connection))
            op.alter_column("author", "name", new_column_name="full_name", **existing)
        column = inspect(engine).get_columns("author")[1]
        assert column["name"] == "full_name"
        default = column["default"]
        return column["nullable"], default is not None and "anonymous" in default

    try:
        if mariadb:
            with pytest.raises(CommandError, match="require the existing type"):
                rename()
        else:
            assert rename() == (False, True)
        told = {"existing_type": String(50)}
        # the type alone: MariaDB's CHANGE makes the column nullable, no default
        assert rename(**told) == (mariadb, not mariadb)
        told["existing_nullable"] = False  # and the nullability: still no default
        assert rename(**told) == (False, not mariadb)
        told["existing_server_default"] = "anonymous"
        assert rename(**told) == (False, True)
    finally:
        empty(engine)
        engine.dispose()


def test_sqlite_alters_a_column_only_in_batch_mode(tmp_path):
    folder = sqlite_copy(tmp_path)
    database = copied(folder)
    versions = folder / "migrations" / "versions"
    models = folder / "models.py"
    models.write_text(models.read_text().replace("String(50)", "String(100)"))
    before = alembic(folder, "current")[1]
    assert alembic(folder, "revision", "--autogenerate", "-m", "longer")[0] == 0
    (written,) = versions.glob("*_longer.py")
    assert "op.alter_column('author', 'name'," in written.read_text()
    code, printed = alembic(folder, "upgrade", "head")
    assert code == 1 and 'near "ALTER": syntax error' in printed
    assert alembic(folder, "current")[1] == before  # still the revision before
    written.unlink()
    section = PAGE.read_text(encoding="utf-8").split("## SQLite: alter a column")[1]
    section = section.split("\n## ")[0]
    ((title, diff),) = [
        (t, b) for lang, t, b in FENCE.findall(section) if lang == "diff"
    ]
    apply_diff(folder / title, diff)
    assert alembic(folder, "revision", "--autogenerate", "-m", "longer")[0] == 0
    (written,) = versions.glob("*_longer.py")
    source = written.read_text()
    batch = "with op.batch_alter_table('author', schema=None) as batch_op:"
    assert source.count(batch) == 2  # upgrade and downgrade
    engine = create_engine(database)
    try:
        for step, length in (("upgrade", 100), ("downgrade", 50), ("upgrade", 100)):
            code, printed = alembic(folder, step, "head" if step == "upgrade" else "-1")
            assert code == 0, printed
            (name,) = [
                c for c in inspect(engine).get_columns("author") if c["name"] == "name"
            ]
            assert name["type"].length == length
            with engine.connect() as connection:
                created = connection.scalar(
                    text("SELECT sql FROM sqlite_master WHERE name = 'author'")
                )
                assert created.startswith('CREATE TABLE "author"')  # built again
                assert connection.execute(
                    text("SELECT id, name FROM author")
                ).all() == [(1, "Le Guin")]
                assert connection.execute(text("SELECT id FROM book")).all() == [(1,)]
            engine.dispose()
    finally:
        engine.dispose()


def test_import_models_works_from_the_folder_of_alembic_ini_only(tmp_path):
    folder = sqlite_copy(tmp_path)
    (folder / "elsewhere").mkdir()

    def bare(where: Path, *args: str) -> tuple[int, str]:
        """The alembic command, with nothing but prepend_sys_path putting `where`
        on sys.path (the `alembic` script's own folder is sys.path[0])."""

        def run() -> None:  # also "" (the working folder), as under `python -c`
            here = where.resolve()
            sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
            alembic_main(argv=list(args), prog="alembic")

        return in_folder(where, run)

    assert bare(folder, "current")[0] == 0
    code, printed = bare(folder / "elsewhere", "-c", "../alembic.ini", "current")
    assert code == 1 and "No module named 'models'" in printed
    ini = folder / "alembic.ini"
    assert ini.read_text().count("\nprepend_sys_path = .\n") == 1
    ini.write_text(ini.read_text().replace("\nprepend_sys_path = .\n", "\n"))
    code, printed = bare(folder, "current")
    assert code == 1 and "No module named 'models'" in printed


def test_a_percent_in_alembic_ini_is_written_twice(tmp_path):
    assert alembic(tmp_path, "init", "migrations")[0] == 0
    ini = tmp_path / "alembic.ini"
    placeholder = ini.read_text()
    for written, code in (("%", 1), ("%%", 0)):
        url = f"sqlite:///{tmp_path / ('100' + written + '.db')}"
        ini.write_text(placeholder.replace("driver://user:pass@localhost/dbname", url))
        found, printed = alembic(tmp_path, "upgrade", "head")
        assert found == code, printed
        if code:
            assert "InterpolationSyntaxError: '%' must be followed by '%' or '('" in (
                printed
            )
    assert [path.name for path in tmp_path.glob("*.db")] == ["100%.db"]


HALF_DONE = {  # a migration that fails after its first operation
    "sqlite": ("non-transactional", ["id", "born"]),  # the column stays
    "postgresql": ("transactional", ["id"]),  # all of it rolled back
    "mariadb": ("non-transactional", ["id", "born"]),
}
HALF_DONE_MIGRATIONS = {
    "r1": "    op.create_table('author', sa.Column('id', sa.Integer, primary_key=True))\n"
    "    op.execute('INSERT INTO author (id) VALUES (1)')\n",
    "r2": "    op.add_column('author', sa.Column('born', sa.Integer))\n"
    "    op.execute('INSERT INTO author (id) VALUES (1)')\n",  # a duplicate key
}


def test_a_migration_that_fails_halfway_is_undone_only_on_postgresql(backend, tmp_path):
    url = backend
    engine = create_engine(url)
    empty(engine)
    ddl, columns = HALF_DONE[backend_name(backend)]
    try:
        assert alembic(tmp_path, "init", "migrations")[0] == 0
        point_at(tmp_path, url)
        hand_written(tmp_path, HALF_DONE_MIGRATIONS)
        assert alembic(tmp_path, "upgrade", "r1")[0] == 0
        code, printed = alembic(tmp_path, "upgrade", "head")
        assert code == 1 and "IntegrityError" in printed
        assert f"Will assume {ddl} DDL." in printed
        with engine.connect() as connection:
            version = connection.scalar(text("SELECT version_num FROM alembic_version"))
        assert version == "r1"  # the database is still at the revision before
        assert [c["name"] for c in inspect(engine).get_columns("author")] == columns
        engine.dispose()
        code, printed = alembic(tmp_path, "upgrade", "head")  # once more
        assert code == 1
        if ddl == "transactional":
            assert "IntegrityError" in printed  # the same failure
        else:  # the step that was done fails now
            assert "uplicate column name" in printed and "born" in printed
    finally:
        engine.dispose()
        empty(engine)
        engine.dispose()


def test_tables_made_by_create_all_are_stamped_not_upgraded(tmp_path):
    folder = sqlite_copy(tmp_path)
    (folder / "library.db").unlink()
    code, printed = in_folder(  # the tables of the models, with no migration run
        folder,
        lambda: importlib.import_module("models").Base.metadata.create_all(
            create_engine(copied(folder))
        ),
    )
    assert code == 0, printed
    code, printed = alembic(folder, "revision", "--autogenerate", "-m", "next")
    assert code == 255 and "FAILED: Target database is not up to date." in printed
    code, printed = alembic(folder, "upgrade", "head")
    assert code == 1 and "table author already exists" in printed
    assert alembic(folder, "stamp", "head")[0] == 0  # runs no migration
    assert alembic(folder, "check")[0] == 0  # the models and the database agree
    code, printed = alembic(folder, "revision", "--autogenerate", "-m", "next")
    assert code == 0, printed
