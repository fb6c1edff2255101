"""default= fills a column at the INSERT: the attribute stays None until the flush."""

from snippets.defaults.model import Base, Note
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:until_flush]
from sqlalchemy.orm import Session

engine = fresh_engine_showing_times(Base.metadata)

with Session(engine) as session:
    note = Note(title="First note")
    session.add(note)
    print(note.status, note.created_at)  # (1)!
    #> None None
    session.flush()  # (2)!
    #> BEGIN (implicit)
    #> INSERT INTO note (title, status, created_at) VALUES (?, ?, ?) ('First note', 'draft', '<time>')
    print(note.status, note.created_at is None)  # (3)!
    #> draft False
    session.commit()
    #> COMMIT
    print(note.status)  # (4)!
    #> BEGIN (implicit)
    #> SELECT note.id, note.title, note.status, note.created_at FROM note WHERE note.id = ? (1,)
    #> draft
#> ROLLBACK
# --8<-- [end:until_flush]

# --8<-- [start:keep]
with Session(engine, expire_on_commit=False) as session:
    note = Note(title="Second note")
    session.add(note)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO note (title, status, created_at) VALUES (?, ?, ?) ('Second note', 'draft', '<time>')
    #> COMMIT
    print(note.status, note.created_at is None)  # (1)!
    #> draft False
# --8<-- [end:keep]
