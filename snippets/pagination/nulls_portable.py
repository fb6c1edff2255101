"""Ordering by IS NULL first puts the NULLs last on SQLite, PostgreSQL and MariaDB alike."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:fix]
from sqlalchemy import select
from sqlalchemy.orm import Session

years = {"Kindred": 1979, "Unfinished": None, "Dawn": 1987}
books = [Book(title=title, year=year) for title, year in years.items()]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))

with Session(engine) as session:
    known_first = select(Book.year).order_by(Book.year.is_(None), Book.year)  # (1)!
    print(session.scalars(known_first).all())
    #> BEGIN (implicit)
    #> SELECT book.year FROM book ORDER BY book.year IS NULL, book.year
    #> [1979, 1987, None]
    newest_first = select(Book.year).order_by(Book.year.is_(None), Book.year.desc())
    print(session.scalars(newest_first).all())  # (2)!
    #> SELECT book.year FROM book ORDER BY book.year IS NULL, book.year DESC
    #> [1987, 1979, None]
#> ROLLBACK
# --8<-- [end:fix]
