"""The N+1 problem: one query for the authors, then one more for each author's books."""

from sqlalchemy import select
from sqlalchemy.orm import Session

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

# --8<-- [start:n_plus_one]
with Session(engine) as session:
    for author in session.scalars(select(Author)):  # (1)!
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author
        print(author.name, len(author.books))  # (2)!
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (1,)
        #> Ursula 2
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (2,)
        #> Stanisław 2
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (3,)
        #> Octavia 2
#> ROLLBACK
# --8<-- [end:n_plus_one]
