"""onupdate= adds the column to every UPDATE the ORM sends; server_onupdate= only says the database changes it."""

from snippets.defaults.model import Base, Page
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:update]
import time

from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable

engine = fresh_engine_showing_times(Base.metadata)
print(" ".join(str(CreateTable(Page.__table__).compile(engine)).split()))  # (1)!
#> CREATE TABLE page ( id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, checked_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, PRIMARY KEY (id) )

with Session(engine) as session:
    page = Page(title="Draft")
    session.add(page)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO page (title) VALUES (?) RETURNING id, updated_at, checked_at ('Draft',)
    #> COMMIT
    created = page.updated_at
    #> BEGIN (implicit)
    #> SELECT page.id, page.title, page.updated_at, page.checked_at FROM page WHERE page.id = ? (1,)
    time.sleep(1.1)  # CURRENT_TIMESTAMP counts whole seconds on SQLite
    page.title = "Final"
    session.flush()  # (2)!
    #> UPDATE page SET title=?, updated_at=CURRENT_TIMESTAMP WHERE page.id = ? ('Final', 1)
    print(page.updated_at > created)  # (3)!
    #> SELECT page.updated_at, page.checked_at FROM page WHERE page.id = ? (1,)
    #> True
    print(page.checked_at == created)  # (4)!
    #> True
    session.commit()
    #> COMMIT
# --8<-- [end:update]
