"""A collection loaded filtered stays filtered: later reads and queries see the
partial list, until the author expires."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:partial_stays]
from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    recent = (
        select(Author)
        .join(Author.books)
        .where(Book.year > 2000)
        .options(contains_eager(Author.books))
    )
    authors = session.scalars(recent).unique().all()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (2000,)

    ursula = session.get(Author, 1)  # (1)!
    print(ursula.books)
    #> [Book('Lavinia')]

    everything = select(Author).options(selectinload(Author.books))
    ursula = session.scalars(everything.where(Author.id == 1)).one()
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?) ORDER BY book.id (1,)
    print(ursula.books)  # (2)!
    #> [Book('Lavinia')]

    session.commit()  # (3)!
    #> COMMIT
    print(ursula.books)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE ? = book.author_id ORDER BY book.id (1,)
    #> [Book('The Dispossessed'), Book('Lavinia')]
#> ROLLBACK
# --8<-- [end:partial_stays]
