"""created_at and updated_at, filled by the database and read back by the flush."""

from snippets.defaults.model import Base, Task
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:lifecycle]
import time

from sqlalchemy.orm import Session

engine = fresh_engine_showing_times(Base.metadata)

with Session(engine) as session:
    task = Task(title="Write the page")
    session.add(task)
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO task (title) VALUES (?) RETURNING id, created_at, updated_at ('Write the page',)
    #> COMMIT
    created = task.created_at
    #> BEGIN (implicit)
    #> SELECT task.id, task.title, task.created_at, task.updated_at FROM task WHERE task.id = ? (1,)
    print(task.updated_at == created)
    #> True
    time.sleep(1.1)  # CURRENT_TIMESTAMP counts whole seconds on SQLite
    task.title = "Rewrite the page"
    session.commit()
    #> UPDATE task SET title=?, updated_at=CURRENT_TIMESTAMP WHERE task.id = ? ('Rewrite the page', 1)
    #> COMMIT
    print(task.updated_at > created, task.created_at == created)  # (2)!
    #> BEGIN (implicit)
    #> SELECT task.id, task.title, task.created_at, task.updated_at FROM task WHERE task.id = ? (1,)
    #> True True
    task.title = "Abandon the page"
    session.flush()
    #> UPDATE task SET title=?, updated_at=CURRENT_TIMESTAMP WHERE task.id = ? ('Abandon the page', 1)
    session.rollback()
    #> ROLLBACK
    print(task.title, task.updated_at > created)  # (3)!
    #> BEGIN (implicit)
    #> SELECT task.id, task.title, task.created_at, task.updated_at FROM task WHERE task.id = ? (1,)
    #> Rewrite the page True
#> ROLLBACK
# --8<-- [end:lifecycle]
