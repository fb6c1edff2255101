"""Books per author: count(*) over an outer join counts an author without books as 1."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:wrong]
from sqlalchemy import func, select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    inner = (
        select(Author.name, func.count())
        .join(Author.books)
        .group_by(Author.id, Author.name)
        .order_by(Author.id)
    )
    print(session.execute(inner).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.name, count(*) AS count_1 FROM author JOIN book ON author.id = book.author_id GROUP BY author.id, author.name ORDER BY author.id
    #> [('Ursula', 2), ('Octavia', 1)]
    outer = (
        select(Author.name, func.count())
        .outerjoin(Author.books)
        .group_by(Author.id, Author.name)
        .order_by(Author.id)
    )
    print(session.execute(outer).all())  # (2)!
    #> SELECT author.name, count(*) AS count_1 FROM author LEFT OUTER JOIN book ON author.id = book.author_id GROUP BY author.id, author.name ORDER BY author.id
    #> [('Ursula', 2), ('Octavia', 1), ('Iain', 1)]
#> ROLLBACK
# --8<-- [end:wrong]

# --8<-- [start:right]
with Session(engine) as session:
    per_author = (
        select(Author.name, func.count(Book.id))  # (1)!
        .outerjoin(Author.books)
        .group_by(Author.id, Author.name)  # (2)!
        .order_by(Author.id)
    )
    print(session.execute(per_author).all())
    #> BEGIN (implicit)
    #> SELECT author.name, count(book.id) AS count_1 FROM author LEFT OUTER JOIN book ON author.id = book.author_id GROUP BY author.id, author.name ORDER BY author.id
    #> [('Ursula', 2), ('Octavia', 1), ('Iain', 0)]
    prolific = per_author.having(func.count(Book.id) >= 2)  # (3)!
    print(session.execute(prolific).all())
    #> SELECT author.name, count(book.id) AS count_1 FROM author LEFT OUTER JOIN book ON author.id = book.author_id GROUP BY author.id, author.name HAVING count(book.id) >= ? ORDER BY author.id (2,)
    #> [('Ursula', 2)]
#> ROLLBACK
# --8<-- [end:right]
