"""Keyset pagination: the next page starts after the last row seen, by a WHERE on a unique key."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:keyset]
from sqlalchemy import and_, or_, select, tuple_
from sqlalchemy.orm import Session

years = {"Kindred": 1979, "Wild Seed": 1980, "Dawn": 1987, "Imago": 1989}
years |= {"Parable of the Sower": 1993, "Parable of the Talents": 1998}
books = [Book(title=title, year=year) for title, year in years.items()]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))

oldest_first = select(Book).order_by(Book.year, Book.id).limit(2)  # (1)!

with Session(engine) as session:
    page_1 = session.scalars(oldest_first).all()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (2, 0)
    print(page_1)
    #> [Book('Kindred'), Book('Wild Seed')]
    last = page_1[-1]
    after_last = tuple_(Book.year, Book.id) > (last.year, last.id)  # (2)!
    page_2 = session.scalars(oldest_first.where(after_last)).all()
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE (book.year, book.id) > (?, ?) ORDER BY book.year, book.id LIMIT ? OFFSET ? (1980, 2, 2, 0)
    print(page_2)
    #> [Book('Dawn'), Book('Imago')]
#> ROLLBACK
# --8<-- [end:keyset]

# --8<-- [start:descending]
newest_first = select(Book).order_by(Book.year.desc(), Book.id.desc()).limit(2)

with Session(engine) as session:
    page_1 = session.scalars(newest_first).all()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.year DESC, book.id DESC LIMIT ? OFFSET ? (2, 0)
    print(page_1)
    #> [Book('Parable of the Talents'), Book('Parable of the Sower')]
    last = page_1[-1]
    before_last = tuple_(Book.year, Book.id) < (last.year, last.id)  # (1)!
    print(session.scalars(newest_first.where(before_last)).all())
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE (book.year, book.id) < (?, ?) ORDER BY book.year DESC, book.id DESC LIMIT ? OFFSET ? (1993, 5, 2, 0)
    #> [Book('Imago'), Book('Dawn')]
#> ROLLBACK
# --8<-- [end:descending]

# --8<-- [start:mixed]
newest_then_title = select(Book).order_by(Book.year.desc(), Book.title, Book.id)

with Session(engine) as session:
    page_1 = session.scalars(newest_then_title.limit(2)).all()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.year DESC, book.title, book.id LIMIT ? OFFSET ? (2, 0)
    last = page_1[-1]
    after_last = or_(  # (1)!
        Book.year < last.year,
        and_(Book.year == last.year, Book.title > last.title),
        and_(Book.year == last.year, Book.title == last.title, Book.id > last.id),
    )
    print(page_1, session.scalars(newest_then_title.where(after_last).limit(2)).all())
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.year < ? OR book.year = ? AND book.title > ? OR book.year = ? AND book.title = ? AND book.id > ? ORDER BY book.year DESC, book.title, book.id LIMIT ? OFFSET ? (1993, 1993, 'Parable of the Sower', 1993, 'Parable of the Sower', 5, 2, 0)
    #> [Book('Parable of the Talents'), Book('Parable of the Sower')] [Book('Imago'), Book('Dawn')]
#> ROLLBACK
# --8<-- [end:mixed]

# --8<-- [start:shift]
with Session(engine) as session:
    page_1 = session.scalars(oldest_first).all()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (2, 0)
    last = page_1[-1]
    after_last = tuple_(Book.year, Book.id) > (last.year, last.id)
#> ROLLBACK

with Session(engine) as session:  # (1)!
    session.delete(session.get(Book, 1))
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.id = ? (1,)
    session.commit()
    #> DELETE FROM book WHERE book.id = ? (1,)
    #> COMMIT

with Session(engine) as session:
    by_offset = session.scalars(oldest_first.offset(2)).all()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book ORDER BY book.year, book.id LIMIT ? OFFSET ? (2, 2)
    by_key = session.scalars(oldest_first.where(after_last)).all()
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE (book.year, book.id) > (?, ?) ORDER BY book.year, book.id LIMIT ? OFFSET ? (1980, 2, 2, 0)
    print(by_offset, by_key)  # (2)!
    #> [Book('Imago'), Book('Parable of the Sower')] [Book('Dawn'), Book('Imago')]
#> ROLLBACK
# --8<-- [end:shift]
