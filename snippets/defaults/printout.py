"""This page's SQL printout: the guide's, with each time a statement sends shown as <time>."""

from snippets.support import database_url

# --8<-- [start:helpers]
import re
from datetime import datetime

from sqlalchemy import Engine, MetaData, create_engine, event

A_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d)?")


def shown(value: object) -> object:
    """A time changes at every run: print it as <time>."""
    if isinstance(value, datetime) or A_TIME.fullmatch(str(value)):
        return "<time>"
    return value


def fresh_engine_showing_times(metadata: MetaData) -> Engine:
    """An engine on an empty database with the tables of `metadata`; it prints the
    SQL sent from then on, with each time it sends shown as <time>."""
    engine = create_engine(database_url())
    metadata.drop_all(engine)
    metadata.create_all(engine)

    @event.listens_for(engine, "before_cursor_execute")
    def statement(connection, cursor, sql, parameters, context, executemany):
        text = " ".join(sql.split())
        if isinstance(parameters, dict):
            parameters = {key: shown(value) for key, value in parameters.items()}
        elif parameters:
            parameters = tuple(shown(value) for value in parameters)
        print(f"{text} {parameters}" if parameters else text)

    event.listen(engine, "begin", lambda connection: print("BEGIN (implicit)"))
    event.listen(engine, "commit", lambda connection: print("COMMIT"))
    event.listen(engine, "rollback", lambda connection: print("ROLLBACK"))
    return engine


# --8<-- [end:helpers]
