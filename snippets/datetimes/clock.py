"""func.now() is computed by the database, a Python default by the application."""

from snippets.datetimes.model import Base, Note, hours_apart
from snippets.support import database_url

# --8<-- [start:clock]
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

with Session(engine) as session:
    note = Note()
    session.add(note)
    session.commit()
    print(hours_apart(note.server_time, note.app_time))  # (1)!
    #> 0
    print(hours_apart(note.server_time_tz, note.app_time))
    #> 0
    print(note.server_time.microsecond, note.server_time.tzinfo)  # (2)!
    #> 0 None
# --8<-- [end:clock]
