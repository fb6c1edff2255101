"""What this page's examples share: a stand-in for the terminal, and a database."""

from snippets.states.model import Base, User
from snippets.support import database_url

# --8<-- [start:terminal]
import io
import re

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", re.MULTILINE)
SECONDS = re.compile(r"\d+\.\d+(e-\d+)?s(?=\]| ago\]| \()")


class Terminal(io.TextIOBase):
    """A stream for a log handler: it prints what it is given, with the time at the
    start of a line shown as <time> and the seconds of the cache notes as …s, so
    that the lines are the same on every run, and no space at the end of a line."""

    def write(self, text: str) -> int:
        shown = SECONDS.sub("…s", TIME.sub("<time> ", text))
        print("\n".join(line.rstrip() for line in shown.split("\n")), end="")
        return len(text)


def show_sql(sql: object) -> None:
    """Print a statement's SQL without the space SQLAlchemy leaves at the end of
    each line but the last."""
    print("\n".join(line.rstrip() for line in str(sql).splitlines()))


def database_with_users() -> str:
    """The URL of a database whose user_account table holds Alice and Bob."""
    url = database_url(file=True)
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all([User(name="Alice"), User(name="Bob")])
        session.commit()
    engine.dispose()
    return url


# --8<-- [end:terminal]
