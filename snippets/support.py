"""The helpers of every example: which database to use, and a printout of its SQL."""

# --8<-- [start:helpers]
import atexit
import os
import shutil
import tempfile
from functools import cache

from sqlalchemy import Engine, MetaData, create_engine, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

SETTING = "GUIDE_DATABASE_URL"  # the one setting: which database the examples use
DRIVERS = {"psycopg": '"psycopg[binary]"'}  # what to pip install, where not the name


def database_url(*, file: bool = False) -> str:
    """The URL in GUIDE_DATABASE_URL, or else an in-memory SQLite database; with
    `file=True`, SQLite in a temporary file, which several connections can share."""
    url = os.environ.get(SETTING) or "sqlite://"
    if not url.startswith("sqlite"):
        reachable(url)
    elif file and url == "sqlite://":
        folder = tempfile.mkdtemp()
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        url = f"sqlite:///{folder}/guide.db"
    return url


def server_url() -> str:
    """GUIDE_DATABASE_URL, for the examples that need PostgreSQL or MariaDB."""
    url = os.environ.get(SETTING, "")
    if not url.startswith(("postgresql", "mysql", "mariadb")):
        raise SystemExit(
            f"This example needs a PostgreSQL or MariaDB server: set {SETTING} to "
            "the URL of a scratch database on it, for instance "
            "postgresql+psycopg://user@localhost/scratch"
        )
    return database_url()


@cache  # once per program and URL
def reachable(url: str) -> None:
    """Stop with one line if the driver of `url` is missing or its server is down."""
    try:
        create_engine(url, poolclass=NullPool).connect().close()
    except ModuleNotFoundError as error:
        driver = DRIVERS.get(error.name, error.name)
        raise SystemExit(f"{SETTING} needs a driver: pip install {driver}") from None
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0]
        raise SystemExit(f"{SETTING}: no connection: {reason}") from None


def fresh_engine(metadata: MetaData, *rows: object, file: bool = False) -> Engine:
    """An engine on an empty database with the tables of `metadata`, holding `rows`
    (mapped objects, stored first); it prints the SQL sent from then on."""
    engine = create_engine(database_url(file=file))
    metadata.drop_all(engine)
    metadata.create_all(engine)
    if rows:
        with Session(engine) as session:
            session.add_all(rows)
            session.commit()
    print_sql(engine)
    return engine


def print_sql(engine: Engine, *, executed: bool = False) -> None:
    """Print every statement the engine sends, and where transactions begin and end;
    with `executed`, each statement once the database has run it, so that one that
    never reaches the database prints nothing."""

    @event.listens_for(
        engine, "after_cursor_execute" if executed else "before_cursor_execute"
    )
    def statement(connection, cursor, sql, parameters, context, executemany):
        text = " ".join(sql.split())
        print(f"{text} {parameters}" if parameters else text)

    @event.listens_for(engine, "begin")
    def begin(connection):
        print("BEGIN (implicit)")

    @event.listens_for(engine, "commit")
    def commit(connection):
        print("COMMIT")

    @event.listens_for(engine, "rollback")
    def rollback(connection):
        print("ROLLBACK")


def count_elsewhere(engine: Engine, table) -> int:
    """Count the rows of `table` through a new connection: what other programs see."""
    observer = create_engine(engine.url)  # its own pool, and no SQL printout
    try:
        with observer.connect() as connection:
            return connection.scalar(select(func.count()).select_from(table))
    finally:
        observer.dispose()


# --8<-- [end:helpers]
