"""contains_eager() without the join: a cartesian product, a warning, and every
author holding every book."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:error]
import warnings

from sqlalchemy import select
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session, contains_eager

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", SAWarning)
    query = (
        select(Author)
        .where(Book.year > 2000)  # (1)!
        .options(contains_eager(Author.books))
    )
    for author in session.scalars(query).unique():
        #> BEGIN (implicit)
        #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author, book WHERE book.year > ? (2000,)
        print(author.name, author.books)  # (2)!
        #> Ursula [Book('Lavinia'), Book('Fledgling')]
        #> Octavia [Book('Lavinia'), Book('Fledgling')]
        #> Stanisław [Book('Lavinia'), Book('Fledgling')]
    warning = next(w.message for w in caught if w.category is SAWarning)
    print("SAWarning:", str(warning).split(' "')[0])  # (3)!
    #> SAWarning: SELECT statement has a cartesian product between FROM element(s)
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    query = (
        select(Author)
        .join(Author.books)  # (1)!
        .where(Book.year > 2000)
        .options(contains_eager(Author.books))
    )
    for author in session.scalars(query).unique():
        #> BEGIN (implicit)
        #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (2000,)
        print(author.name, author.books)
        #> Ursula [Book('Lavinia')]
        #> Octavia [Book('Fledgling')]
#> ROLLBACK
# --8<-- [end:fix]
