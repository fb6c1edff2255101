"""Two entities and no join condition: every author paired with every book, and a warning."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:warning]
import warnings

from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pairs = select(Author.name, Book.title)  # (1)!
    rows = session.execute(pairs).all()
    #> BEGIN (implicit)
    #> SELECT author.name, book.title FROM author, book
    print(len(rows))  # (2)!
    #> 12
    for warning in caught:
        print(type(warning.message).__name__)
        #> SAWarning
        message = str(warning.message)
        print(message.split(' "')[0])  # (3)!
        #> SELECT statement has a cartesian product between FROM element(s)
        print(message.split(".  ")[1])
        #> Apply join condition(s) between each element to resolve.
#> ROLLBACK
# --8<-- [end:warning]

# --8<-- [start:fix]
with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pairs = select(Author.name, Book.title).join(Author.books)  # (1)!
    print(len(session.execute(pairs).all()), len(caught))
    #> BEGIN (implicit)
    #> SELECT author.name, book.title FROM author JOIN book ON author.id = book.author_id
    #> 3 0
#> ROLLBACK
# --8<-- [end:fix]
