"""server_default= puts the default in the table; the flush reads it back with RETURNING."""

from snippets.defaults.model import Base, Comment
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:flush]
from sqlalchemy.orm import Session

engine = fresh_engine_showing_times(Base.metadata)

with Session(engine) as session:
    comment = Comment()
    session.add(comment)
    print(comment.likes, comment.created_at)
    #> None None
    session.flush()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO comment DEFAULT VALUES RETURNING id, likes, created_at
    print(comment.likes, comment.created_at is None)  # (2)!
    #> 0 False
    session.commit()
    #> COMMIT
    print(comment.likes)  # (3)!
    #> BEGIN (implicit)
    #> SELECT comment.id, comment.likes, comment.created_at FROM comment WHERE comment.id = ? (1,)
    #> 0
#> ROLLBACK
# --8<-- [end:flush]
