"""The total for a page: count the statement as a subquery; the legacy Query.count() does the same."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:count]
from sqlalchemy import func, select
from sqlalchemy.orm import Session

years = {"Kindred": 1979, "Dawn": 1987, "Imago": 1989, "Fledgling": 2005}
books = [Book(title=title, year=year) for title, year in years.items()]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))

with Session(engine) as session:
    since_1985 = select(Book).where(Book.year >= 1985)  # (1)!
    first_page = since_1985.order_by(Book.year, Book.id).limit(2)
    print(session.scalars(first_page).all())
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.year >= ? ORDER BY book.year, book.id LIMIT ? OFFSET ? (1985, 2, 0)
    #> [Book('Dawn'), Book('Imago')]
    total = select(func.count()).select_from(since_1985.subquery())  # (2)!
    print(session.scalar(total))
    #> SELECT count(*) AS count_1 FROM (SELECT book.id AS id, book.title AS title, book.year AS year, book.author_id AS author_id FROM book WHERE book.year >= ?) AS anon_1 (1985,)
    #> 3

    legacy = session.query(Book).filter(Book.year >= 1985)
    print(legacy.count())  # (3)!
    #> SELECT count(*) AS count_1 FROM (SELECT book.id AS book_id, book.title AS book_title, book.year AS book_year, book.author_id AS book_author_id FROM book WHERE book.year >= ?) AS anon_1 (1985,)
    #> 3
#> ROLLBACK
# --8<-- [end:count]
