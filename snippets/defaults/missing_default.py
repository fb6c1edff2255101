"""A default that lives only in the model: an INSERT written by hand leaves the column empty."""

from snippets.defaults.model import Note
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:by_hand]
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

engine = fresh_engine_showing_times(Note.metadata)  # the table of Note

with engine.connect() as connection:
    try:
        connection.execute(text("INSERT INTO note (title) VALUES ('By hand')"))  # (1)!
        #> BEGIN (implicit)
        #> INSERT INTO note (title) VALUES ('By hand')
    except DBAPIError as error:  # IntegrityError, OperationalError on MariaDB
        print(type(error).__name__, error.orig)
        #> IntegrityError NOT NULL constraint failed: note.status
#> ROLLBACK
# --8<-- [end:by_hand]
