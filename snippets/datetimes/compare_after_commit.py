"""A comparison with datetime.now(timezone.utc) works until the commit, then raises."""

from snippets.datetimes.model import Base, Meeting
from snippets.support import fresh_engine

# --8<-- [start:compare]
from datetime import datetime, timezone

from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)
noon_utc = datetime(2025, 3, 1, 12, 30, tzinfo=timezone.utc)

with Session(engine) as session:
    meeting = Meeting(starts=noon_utc, starts_tz=noon_utc)
    session.add(meeting)
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO meeting (starts, starts_tz) VALUES (?, ?) ('2025-03-01 12:30:00.000000', '2025-03-01 12:30:00.000000')
    print(meeting.starts_tz < datetime.now(timezone.utc))  # (1)!
    #> True
    session.commit()
    #> COMMIT
    try:
        print(meeting.starts_tz < datetime.now(timezone.utc))  # (2)!
        #> BEGIN (implicit)
        #> SELECT meeting.id, meeting.starts, meeting.starts_tz FROM meeting WHERE meeting.id = ? (1,)
    except TypeError as error:
        print(f"TypeError: {error}")
        #> TypeError: can't compare offset-naive and offset-aware datetimes
#> ROLLBACK
# --8<-- [end:compare]
