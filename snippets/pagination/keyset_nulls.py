"""Keyset pages by a column that holds NULL lose those rows: a comparison with NULL is never true."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

years = {"Kindred": 1979, "Dawn": 1987, "Imago": 1989}
years |= {"Unfinished": None, "Untitled": None}
books = [Book(title=title, year=year) for title, year in years.items()]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))


def every_page(year, size: int = 2) -> list[str]:
    """Every page of books ordered by `year` then id, by keyset; their titles."""
    titles, after = [], None
    with Session(engine) as session:
        while True:
            statement = select(Book.id, year.label("year"), Book.title)
            statement = statement.order_by(year, Book.id).limit(size)
            if after is not None:
                statement = statement.where(tuple_(year, Book.id) > after)
            page = session.execute(statement).all()
            if not page:
                return titles
            titles += [row.title for row in page]
            after = (page[-1].year, page[-1].id)


print(every_page(Book.year))  # (1)!
#> BEGIN (implicit)
#> SELECT book.id, book.year AS year, book.title FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (2, 0)
#> SELECT book.id, book.year AS year, book.title FROM book WHERE (book.year, book.id) > (?, ?) ORDER BY book.year, book.id LIMIT ? OFFSET ? (None, 5, 2, 0)
#> ROLLBACK
#> ['Unfinished', 'Untitled']
# --8<-- [end:error]

# --8<-- [start:fix]
print(every_page(func.coalesce(Book.year, 9999)))  # (1)!
#> BEGIN (implicit)
#> SELECT book.id, coalesce(book.year, ?) AS year, book.title FROM book ORDER BY coalesce(book.year, ?), book.id LIMIT ? OFFSET ? (9999, 9999, 2, 0)
#> SELECT book.id, coalesce(book.year, ?) AS year, book.title FROM book WHERE (coalesce(book.year, ?), book.id) > (?, ?) ORDER BY coalesce(book.year, ?), book.id LIMIT ? OFFSET ? (9999, 9999, 1987, 2, 9999, 2, 0)
#> SELECT book.id, coalesce(book.year, ?) AS year, book.title FROM book WHERE (coalesce(book.year, ?), book.id) > (?, ?) ORDER BY coalesce(book.year, ?), book.id LIMIT ? OFFSET ? (9999, 9999, 9999, 4, 9999, 2, 0)
#> SELECT book.id, coalesce(book.year, ?) AS year, book.title FROM book WHERE (coalesce(book.year, ?), book.id) > (?, ?) ORDER BY coalesce(book.year, ?), book.id LIMIT ? OFFSET ? (9999, 9999, 9999, 5, 9999, 2, 0)
#> ROLLBACK
#> ['Kindred', 'Dawn', 'Imago', 'Unfinished', 'Untitled']
# --8<-- [end:fix]
