"""The session's time zone shifts what a server stores and returns: PostgreSQL's
TimeZone, MariaDB's time_zone."""

from snippets.datetimes.model import Base, Meeting, Note, hours_apart
from snippets.support import server_url

# --8<-- [start:zone]
from datetime import datetime, timezone

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

engine = create_engine(server_url())


@event.listens_for(engine, "connect")
def set_session_zone(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    if engine.dialect.name == "postgresql":
        cursor.execute("SET TIME ZONE 'Asia/Tokyo'")
    else:  # MariaDB
        cursor.execute("SET time_zone = '+09:00'")
    cursor.close()
    dbapi_connection.commit()  # (1)!


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
noon_utc = datetime(2025, 3, 1, 12, 30, tzinfo=timezone.utc)

with Session(engine) as session:
    meeting = Meeting(starts=noon_utc, starts_tz=noon_utc)
    session.add(meeting)
    session.commit()
    print(meeting.starts, "|", meeting.starts_tz)  # (2)!
    #> 2025-03-01 21:30:00 | 2025-03-01 21:30:00+09:00
    print(meeting.starts_tz == noon_utc)  # (3)!
    #> True
# --8<-- [end:zone]

# --8<-- [start:now]
with Session(engine) as session:
    note = Note()
    session.add(note)
    session.commit()
    print(hours_apart(note.server_time, note.app_time))  # (1)!
    #> 9
    print(hours_apart(note.server_time_tz, note.app_time))  # (2)!
    #> 0
# --8<-- [end:now]
engine.dispose()
