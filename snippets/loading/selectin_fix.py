"""selectinload: the books of every author in one second query."""

from snippets.loading.library import library
from snippets.relationships.author_book import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:selectin_fix]
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

engine = fresh_engine(Base.metadata, *library(Author, Book))

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
