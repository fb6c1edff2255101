"""A filter that compares a column without a time zone with an aware datetime."""

from snippets.datetimes.model import Base, Meeting
from snippets.support import fresh_engine

# --8<-- [start:filter]
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

noon = datetime(2025, 3, 1, 12, 0)  # (1)!
engine = fresh_engine(Base.metadata, Meeting(starts=noon, starts_tz=noon))
one_pm_plus_two = datetime(2025, 3, 1, 13, 0, tzinfo=timezone(timedelta(hours=2)))

with Session(engine) as session:
    later = session.scalars(select(Meeting).where(Meeting.starts > one_pm_plus_two))
    #> BEGIN (implicit)
    #> SELECT meeting.id, meeting.starts, meeting.starts_tz FROM meeting WHERE meeting.starts > ? ('2025-03-01 13:00:00.000000',)
    print(len(later.all()))  # (2)!
    #> 0
#> ROLLBACK
# --8<-- [end:filter]

# --8<-- [start:fix]
as_naive_utc = one_pm_plus_two.astimezone(timezone.utc).replace(tzinfo=None)

with Session(engine) as session:
    later = session.scalars(select(Meeting).where(Meeting.starts > as_naive_utc))
    #> BEGIN (implicit)
    #> SELECT meeting.id, meeting.starts, meeting.starts_tz FROM meeting WHERE meeting.starts > ? ('2025-03-01 11:00:00.000000',)
    print(len(later.all()))  # (1)!
    #> 1
#> ROLLBACK
# --8<-- [end:fix]
