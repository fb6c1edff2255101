"""Without RETURNING, a server default is read by a SELECT: later, or at once with eager_defaults=True."""

from snippets.defaults.model import Base, EagerReply, Reply
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:flush]
from sqlalchemy.orm import Session

engine = fresh_engine_showing_times(Base.metadata)

with Session(engine) as session:
    reply = Reply()
    session.add(reply)
    session.flush()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO reply DEFAULT VALUES
    print(reply.created_at is None)  # (2)!
    #> SELECT reply.created_at FROM reply WHERE reply.id = ? (1,)
    #> False
    eager = EagerReply()
    session.add(eager)
    session.flush()  # (3)!
    #> INSERT INTO eager_reply DEFAULT VALUES
    #> SELECT eager_reply.created_at FROM eager_reply WHERE eager_reply.id = ? (1,)
    print(eager.created_at is None)
    #> False
#> ROLLBACK
# --8<-- [end:flush]
