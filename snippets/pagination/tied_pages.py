"""Ordered by a column with ties, pages may repeat some rows and skip others."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.orm import Session

books = [Book(title=f"Book {n}", year=2020 + n % 2) for n in range(1, 11)]  # (1)!
engine = fresh_engine(Base.metadata, Author(name="Anonymous", books=books))


def all_pages(statement, size: int = 3) -> list[list[int]]:
    """Every page of `statement`, as lists of book ids, `size` to a page."""
    with Session(engine) as session:
        return [
            session.scalars(statement.limit(size).offset(start)).all()
            for start in range(0, 10, size)
        ]


by_year = select(Book.id).order_by(Book.year)  # (2)!
print(all_pages(by_year))
#> BEGIN (implicit)
#> SELECT book.id FROM book ORDER BY book.year LIMIT ? OFFSET ? (3, 0)
#> SELECT book.id FROM book ORDER BY book.year LIMIT ? OFFSET ? (3, 3)
#> SELECT book.id FROM book ORDER BY book.year LIMIT ? OFFSET ? (3, 6)
#> SELECT book.id FROM book ORDER BY book.year LIMIT ? OFFSET ? (3, 9)
#> ROLLBACK
#> [[2, 4, 6], [8, 10, 1], [3, 5, 7], [9]]
# --8<-- [end:error]

# --8<-- [start:fix]
by_year_then_id = select(Book.id).order_by(Book.year, Book.id)  # (1)!
print(all_pages(by_year_then_id))
#> BEGIN (implicit)
#> SELECT book.id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (3, 0)
#> SELECT book.id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (3, 3)
#> SELECT book.id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (3, 6)
#> SELECT book.id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (3, 9)
#> ROLLBACK
#> [[2, 4, 6], [8, 10, 1], [3, 5, 7], [9]]
# --8<-- [end:fix]
