"""raiseload("*") for one query: every relationship the query did not ask for
refuses to load; the options it names still load."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:raiseload_guard]
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, raiseload, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    query = (
        select(Author)
        .order_by(Author.id)
        .options(
            raiseload("*"),  # (1)!
            selectinload(Author.books),  # (2)!
        )
    )
    ursula = session.scalars(query).first()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author ORDER BY author.id
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) ORDER BY book.id (1, 2, 3)
    print(ursula.books)
    #> [Book('The Dispossessed'), Book('Lavinia')]
    try:
        print(ursula.books[0].reviews)  # (3)!
    except InvalidRequestError as error:
        print(error)
        #> 'Book.reviews' is not available due to lazy='raise'
#> ROLLBACK
# --8<-- [end:raiseload_guard]

# --8<-- [start:chained]
with Session(engine) as session:
    query = (
        select(Author)
        .order_by(Author.id)
        .options(
            raiseload("*"),
            selectinload(Author.books).selectinload(Book.reviews),  # (1)!
        )
    )
    ursula = session.scalars(query).first()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author ORDER BY author.id
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) ORDER BY book.id (1, 2, 3)
    #> SELECT review.book_id, review.id, review.stars FROM review WHERE review.book_id IN (?, ?, ?, ?, ?) ORDER BY review.id (1, 2, 3, 4, 5)
    print(ursula.books[0].reviews)
    #> [Review(5)]
#> ROLLBACK
# --8<-- [end:chained]
