"""Over a join to a collection, Query.count() counts rows while Query.all() returns each author once."""

from snippets.pagination.model import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

butler = Author(name="Octavia Butler", books=[Book(title="Kindred", year=1979)])
butler.books.append(Book(title="Dawn", year=1987))
le_guin = Author(name="Ursula K. Le Guin")
le_guin.books.append(Book(title="The Left Hand of Darkness", year=1969))
le_guin.books.append(Book(title="The Dispossessed", year=1974))
engine = fresh_engine(Base.metadata, butler, le_guin)

with Session(engine) as session:
    after_1970 = session.query(Author).join(Author.books).filter(Book.year > 1970)
    print(after_1970.count())  # (1)!
    #> BEGIN (implicit)
    #> SELECT count(*) AS count_1 FROM (SELECT author.id AS author_id, author.name AS author_name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ?) AS anon_1 (1970,)
    #> 3
    print(after_1970.all())  # (2)!
    #> SELECT author.id AS author_id, author.name AS author_name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (1970,)
    #> [Author('Octavia Butler'), Author('Ursula K. Le Guin')]
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    authors = select(Author).join(Author.books).where(Book.year > 1970)
    print(session.scalar(select(func.count()).select_from(authors.subquery())))  # (1)!
    #> BEGIN (implicit)
    #> SELECT count(*) AS count_1 FROM (SELECT author.id AS id, author.name AS name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ?) AS anon_1 (1970,)
    #> 3
    print(session.scalars(authors).all())  # (2)!
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (1970,)
    #> [Author('Octavia Butler'), Author('Octavia Butler'), Author('Ursula K. Le Guin')]
    each_once = select(func.count(distinct(Author.id))).join(Author.books)  # (3)!
    print(session.scalar(each_once.where(Book.year > 1970)))
    #> SELECT count(DISTINCT author.id) AS count_1 FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (1970,)
    #> 2
    print(session.scalars(authors).unique().all())  # (4)!
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (1970,)
    #> [Author('Octavia Butler'), Author('Ursula K. Le Guin')]
#> ROLLBACK
# --8<-- [end:fix]
