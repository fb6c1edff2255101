"""Where NULL goes in an ORDER BY differs by backend; nulls_last() sends NULLS LAST, which MariaDB refuses."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:nulls_last]
from sqlalchemy import select
from sqlalchemy.orm import Session

years = {"Kindred": 1979, "Unfinished": None, "Dawn": 1987}
books = [Book(title=title, year=year) for title, year in years.items()]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))

with Session(engine) as session:
    print(session.scalars(select(Book.year).order_by(Book.year)).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT book.year FROM book ORDER BY book.year
    #> [None, 1979, 1987]
    known_first = select(Book.year).order_by(Book.year.nulls_last())  # (2)!
    print(session.scalars(known_first).all())
    #> SELECT book.year FROM book ORDER BY book.year NULLS LAST
    #> [1979, 1987, None]
#> ROLLBACK
# --8<-- [end:nulls_last]
