"""An option for the books' reviews must start from the query's entity: a path of
its own is refused."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    query = select(Author).options(
        selectinload(Author.books),
        selectinload(Book.reviews),  # (1)!
    )
    try:
        session.scalars(query).all()
        #> BEGIN (implicit)
    except ArgumentError as error:
        print(str(error).strip().split(". ")[-1])  # (2)!
        #> Please specify the full path from one of the root entities to the target attribute.
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    query = select(Author).options(
        selectinload(Author.books).selectinload(Book.reviews)  # (1)!
    )
    ursula = session.scalars(query.where(Author.name == "Ursula")).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.name = ? ('Ursula',)
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?) ORDER BY book.id (1,)
    #> SELECT review.book_id, review.id, review.stars FROM review WHERE review.book_id IN (?, ?) ORDER BY review.id (1, 2)
    print([(book.title, book.reviews) for book in ursula.books])
    #> [('The Dispossessed', [Review(5)]), ('Lavinia', [Review(4)])]
#> ROLLBACK
# --8<-- [end:fix]
