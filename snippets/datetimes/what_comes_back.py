"""An aware datetime at +02:00, stored in a column without and one with a time zone,
read back after the commit."""

from snippets.datetimes.model import Base, Meeting
from snippets.support import fresh_engine

# --8<-- [start:offset]
from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)
at_plus_two = datetime(2025, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))

with Session(engine) as session:
    meeting = Meeting(starts=at_plus_two, starts_tz=at_plus_two)
    session.add(meeting)
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO meeting (starts, starts_tz) VALUES (?, ?) ('2025-03-01 12:30:00.000000', '2025-03-01 12:30:00.000000')
    #> COMMIT
    print(meeting.starts, "|", meeting.starts_tz)  # (2)!
    #> BEGIN (implicit)
    #> SELECT meeting.id, meeting.starts, meeting.starts_tz FROM meeting WHERE meeting.id = ? (1,)
    #> 2025-03-01 12:30:00 | 2025-03-01 12:30:00
#> ROLLBACK
# --8<-- [end:offset]
