"""joinedload() loads every book, whatever the WHERE says; contains_eager() loads the
rows of the query's own join, so only the books that matched."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:joinedload]
from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, joinedload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    recent = (
        select(Author)
        .join(Author.books)
        .where(Book.year > 2000)
        .options(joinedload(Author.books))  # (1)!
    )
    for author in session.scalars(recent).unique():
        #> BEGIN (implicit)
        #> SELECT author.id, author.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id FROM author JOIN book ON author.id = book.author_id LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id WHERE book.year > ? ORDER BY book_1.id (2000,)
        print(author.name, author.books)  # (2)!
        #> Ursula [Book('The Dispossessed'), Book('Lavinia')]
        #> Octavia [Book('Kindred'), Book('Fledgling')]
#> ROLLBACK
# --8<-- [end:joinedload]

# --8<-- [start:contains_eager]
with Session(engine) as session:
    recent = (
        select(Author)
        .join(Author.books)
        .where(Book.year > 2000)
        .options(contains_eager(Author.books))  # (1)!
    )
    for author in session.scalars(recent).unique():  # (2)!
        #> BEGIN (implicit)
        #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (2000,)
        print(author.name, author.books)
        #> Ursula [Book('Lavinia')]
        #> Octavia [Book('Fledgling')]
#> ROLLBACK
# --8<-- [end:contains_eager]
