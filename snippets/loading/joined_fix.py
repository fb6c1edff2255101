"""joinedload: one query with a LEFT OUTER JOIN; with a collection it needs unique()."""

from snippets.loading.library import library
from snippets.relationships.author_book import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:joined_fix]
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, joinedload

engine = fresh_engine(Base.metadata, *library(Author, Book))

with Session(engine) as session:
    query = select(Author).options(joinedload(Author.books))
    for author in session.scalars(query).unique():  # (1)!
        #> BEGIN (implicit)
        #> SELECT author.id, author.name, book_1.id AS id_1, book_1.title, book_1.author_id FROM author LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id
        print(author.name, len(author.books))  # (2)!
        #> Ursula 2
        #> Stanisław 2
        #> Octavia 2
#> ROLLBACK
# --8<-- [end:joined_fix]

# --8<-- [start:without_unique]
with Session(engine) as session:
    try:
        session.scalars(select(Author).options(joinedload(Author.books))).all()
        #> BEGIN (implicit)
        #> SELECT author.id, author.name, book_1.id AS id_1, book_1.title, book_1.author_id FROM author LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id
    except InvalidRequestError as error:
        print(str(error).split(" (Background")[0])  # (1)!
        #> The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections
#> ROLLBACK
# --8<-- [end:without_unique]
