"""selectinload: the books of every author in one second query."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from snippets.loading.library import add_library
from snippets.relationships.author_book import Author, Base
from snippets.support import fresh_engine

engine = fresh_engine(Base.metadata)
add_library(engine)
#> BEGIN (implicit)
#> INSERT INTO author (name) VALUES (?) RETURNING id ('Ursula',)
#> INSERT INTO author (name) VALUES (?) RETURNING id ('Stanisław',)
#> INSERT INTO author (name) VALUES (?) RETURNING id ('Octavia',)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Dispossessed', 1)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Lathe of Heaven', 1)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('Solaris', 2)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Cyberiad', 2)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('Kindred', 3)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('Dawn', 3)
#> COMMIT

# --8<-- [start:selectin_fix]
with Session(engine) as session:
    query = select(Author).options(selectinload(Author.books))  # (1)!
    for author in session.scalars(query):
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author
        #> SELECT book.author_id, book.id, book.title FROM book WHERE book.author_id IN (?, ?, ?) (1, 2, 3)
        print(author.name, len(author.books))  # (2)!
        #> Ursula 2
        #> Stanisław 2
        #> Octavia 2
#> ROLLBACK
# --8<-- [end:selectin_fix]
