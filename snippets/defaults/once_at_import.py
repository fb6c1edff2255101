"""default=datetime.now(...) with its parentheses runs once, when the class is defined."""

from snippets.defaults.model import Base, Visit
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:visits]
import time

from sqlalchemy.orm import Session

engine = fresh_engine_showing_times(Base.metadata)

with Session(engine) as session:
    first = Visit()
    session.add(first)
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO visit (frozen, per_row, by_database) VALUES (?, ?, CURRENT_TIMESTAMP) RETURNING id, by_database ('<time>', '<time>')
    time.sleep(0.01)  # a moment later
    second = Visit()
    session.add(second)
    session.flush()
    #> INSERT INTO visit (frozen, per_row, by_database) VALUES (?, ?, CURRENT_TIMESTAMP) RETURNING id, by_database ('<time>', '<time>')
    print(first.frozen == second.frozen, first.per_row == second.per_row)  # (1)!
    #> True False
    print(Visit.__table__.c.frozen.default.is_callable)  # (2)!
    #> False
    print(Visit.__table__.c.per_row.default.is_callable)
    #> True
    session.commit()
    #> COMMIT
# --8<-- [end:visits]
