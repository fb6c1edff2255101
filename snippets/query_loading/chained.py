"""Loading two levels at once: chain the second option onto the first."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:selectin]
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    query = (
        select(Author)
        .order_by(Author.id)
        .options(
            selectinload(Author.books).selectinload(Book.reviews)  # (1)!
        )
    )
    ursula = session.scalars(query).first()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author ORDER BY author.id
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) ORDER BY book.id (1, 2, 3)
    #> SELECT review.book_id, review.id, review.stars FROM review WHERE review.book_id IN (?, ?, ?, ?, ?) ORDER BY review.id (1, 2, 3, 4, 5)
    print([(book.title, book.reviews) for book in ursula.books])  # (2)!
    #> [('The Dispossessed', [Review(5)]), ('Lavinia', [Review(4)])]
#> ROLLBACK
# --8<-- [end:selectin]

# --8<-- [start:joined]
with Session(engine) as session:
    query = (
        select(Author)
        .order_by(Author.id)
        .options(
            joinedload(Author.books).joinedload(Book.reviews)  # (1)!
        )
    )
    ursula = session.scalars(query).unique().first()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name, review_1.id AS id_1, review_1.stars, review_1.book_id, book_1.id AS id_2, book_1.title, book_1.year, book_1.author_id FROM author LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id LEFT OUTER JOIN review AS review_1 ON book_1.id = review_1.book_id ORDER BY author.id, book_1.id, review_1.id
    print([(book.title, book.reviews) for book in ursula.books])
    #> [('The Dispossessed', [Review(5)]), ('Lavinia', [Review(4)])]
#> ROLLBACK
# --8<-- [end:joined]
