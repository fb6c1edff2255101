"""raiseload turns a lazy load into an error; raise_on_sql spares what needs no SQL."""

from snippets.loading.library import library
from snippets.relationships.author_book import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:raiseload]
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, raiseload

engine = fresh_engine(Base.metadata, *library(Author, Book))

with Session(engine) as session:
    author = session.scalars(
        select(Author).options(raiseload(Author.books)).limit(1)
    ).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author LIMIT ? OFFSET ? (1, 0)
    try:
        print(author.books)  # (1)!
    except InvalidRequestError as error:
        print(str(error).split(" (Background")[0])
        #> 'Author.books' is not available due to lazy='raise'
#> ROLLBACK
# --8<-- [end:raiseload]

# --8<-- [start:raise_on_sql]
with Session(engine) as session:
    ursula = session.get(Author, 1)  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    first = session.scalars(
        select(Book).options(raiseload(Book.author, sql_only=True)).where(Book.id == 1)
    ).one()
    #> SELECT book.id, book.title, book.author_id FROM book WHERE book.id = ? (1,)
    print(first.author is ursula)  # (2)!
    #> True

    second = session.scalars(
        select(Book).options(raiseload(Book.author)).where(Book.id == 2)
    ).one()
    #> SELECT book.id, book.title, book.author_id FROM book WHERE book.id = ? (2,)
    try:
        print(second.author)  # (3)!
    except InvalidRequestError as error:
        print(type(error).__name__)
        #> InvalidRequestError
#> ROLLBACK
# --8<-- [end:raise_on_sql]
