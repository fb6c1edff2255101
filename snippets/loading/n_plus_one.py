"""The N+1 problem: one query for the authors, then one more for each author's books."""

from snippets.loading.library import library
from snippets.relationships.author_book import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:n_plus_one]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library(Author, Book))

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
