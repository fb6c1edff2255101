"""Pages without ORDER BY: an edit between two pages shows one book twice, another never."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.orm import Session

titles = ["Dawn", "Fledgling", "Imago", "Kindred", "Parable of the Sower", "Wild Seed"]
books = [Book(title=title) for title in titles]
engine = fresh_engine(Base.metadata, Author(name="Octavia Butler", books=books))

listing = select(Book.id, Book.title)  # (1)!

with Session(engine) as session:
    print(session.execute(listing.limit(3)).all())
    #> BEGIN (implicit)
    #> SELECT book.id, book.title FROM book LIMIT ? OFFSET ? (3, 0)
    #> [(1, 'Dawn'), (2, 'Fledgling'), (3, 'Imago')]
#> ROLLBACK

with Session(engine) as session:  # (2)!
    session.get(Book, 1).title = "Xenogenesis: Dawn"
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.id = ? (1,)
    session.commit()
    #> UPDATE book SET title=? WHERE book.id = ? ('Xenogenesis: Dawn', 1)
    #> COMMIT

with Session(engine) as session:
    print(session.execute(listing.limit(3).offset(3)).all())  # (3)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title FROM book LIMIT ? OFFSET ? (3, 3)
    #> [(5, 'Parable of the Sower'), (6, 'Wild Seed'), (1, 'Xenogenesis: Dawn')]
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
in_order = listing.order_by(Book.id)  # (1)!

with Session(engine) as session:
    print(session.execute(in_order.limit(3)).all())
    #> BEGIN (implicit)
    #> SELECT book.id, book.title FROM book ORDER BY book.id LIMIT ? OFFSET ? (3, 0)
    #> [(1, 'Xenogenesis: Dawn'), (2, 'Fledgling'), (3, 'Imago')]
#> ROLLBACK

with Session(engine) as session:
    session.get(Book, 2).title = "Fledgling: A Novel"
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.id = ? (2,)
    session.commit()
    #> UPDATE book SET title=? WHERE book.id = ? ('Fledgling: A Novel', 2)
    #> COMMIT

with Session(engine) as session:
    print(session.execute(in_order.limit(3).offset(3)).all())  # (2)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title FROM book ORDER BY book.id LIMIT ? OFFSET ? (3, 3)
    #> [(4, 'Kindred'), (5, 'Parable of the Sower'), (6, 'Wild Seed')]
#> ROLLBACK
# --8<-- [end:fix]
