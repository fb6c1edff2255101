"""aliased() lets one query join the same table twice: two books of one author."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, aliased

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    twice = select(Author.name).join(Book).join(Book)  # (1)!
    try:
        session.execute(twice).all()
        #> BEGIN (implicit)
        #> SELECT author.name FROM author JOIN book ON author.id = book.author_id JOIN book ON author.id = book.author_id
    except DatabaseError as error:
        print(type(error).__name__, error.orig)  # (2)!
        #> OperationalError ambiguous column name: book.author_id
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:aliased]
with Session(engine) as session:
    early, late = aliased(Book), aliased(Book)  # (1)!
    both = (
        select(Author.name, early.title, late.title)
        .join(Author.books.of_type(early))  # (2)!
        .join(Author.books.of_type(late))
        .where(early.year < 1970, late.year >= 1970)
    )
    print(session.execute(both).all())  # (3)!
    #> BEGIN (implicit)
    #> SELECT author.name, book_1.title, book_2.title AS title_1 FROM author JOIN book AS book_1 ON author.id = book_1.author_id JOIN book AS book_2 ON author.id = book_2.author_id WHERE book_1.year < ? AND book_2.year >= ? (1970, 1970)
    #> [('Ursula', 'A Wizard of Earthsea', 'The Dispossessed')]
#> ROLLBACK
# --8<-- [end:aliased]
