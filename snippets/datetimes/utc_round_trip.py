"""With UTCDateTime, an aware value comes back as the same instant, in UTC, after the
commit; a naive value is refused before it reaches the database."""

from snippets.datetimes.model import Base, Booking
from snippets.support import fresh_engine

# --8<-- [start:round_trip]
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)
at_plus_two = datetime(2025, 3, 1, 12, 30, 45, 123456, timezone(timedelta(hours=2)))

with Session(engine) as session:
    booking = Booking(starts=at_plus_two)
    session.add(booking)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO booking (starts) VALUES (?) ('2025-03-01 10:30:45.123456',)
    #> COMMIT
    print(booking.starts)  # (1)!
    #> BEGIN (implicit)
    #> SELECT booking.id, booking.starts FROM booking WHERE booking.id = ? (1,)
    #> 2025-03-01 10:30:45.123456+00:00
    print(booking.starts == at_plus_two, booking.starts < datetime.now(timezone.utc))
    #> True True
    found = session.scalar(select(Booking).where(Booking.starts == at_plus_two))
    #> SELECT booking.id, booking.starts FROM booking WHERE booking.starts = ? ('2025-03-01 10:30:45.123456',)
    print(found is booking)  # (2)!
    #> True
#> ROLLBACK
# --8<-- [end:round_trip]

# --8<-- [start:refused]
with Session(engine) as session:
    session.add(Booking(starts=datetime(2025, 3, 1, 12, 30)))
    try:
        session.commit()
        #> BEGIN (implicit)
        #> ROLLBACK
    except StatementError as error:
        print(str(error).splitlines()[0])  # (1)!
        #> (builtins.ValueError) naive datetime 2025-03-01 12:30:00: say which time zone it is in
# --8<-- [end:refused]
