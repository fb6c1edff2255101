"""limit() and offset() add LIMIT and OFFSET to the SELECT; slice() is the same by position."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:pages]
from sqlalchemy import select
from sqlalchemy.orm import Session

titles = ["Dawn", "Fledgling", "Imago", "Kindred", "Parable of the Sower", "Wild Seed"]
books = [Book(title=title) for title in titles]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))


def page(number: int, size: int = 3):
    """Page `number` (from 1) of the books, `size` to a page, in order of id."""
    return select(Book).order_by(Book.id).limit(size).offset((number - 1) * size)


with Session(engine) as session:
    print(session.scalars(page(2)).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.id LIMIT ? OFFSET ? (3, 3)
    #> [Book('Kindred'), Book('Parable of the Sower'), Book('Wild Seed')]
    by_position = select(Book).order_by(Book.id).slice(3, 6)  # (2)!
    print(session.scalars(by_position).all())
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.id LIMIT ? OFFSET ? (3, 3)
    #> [Book('Kindred'), Book('Parable of the Sower'), Book('Wild Seed')]
#> ROLLBACK
# --8<-- [end:pages]
