"""A filtered eager load does not replace a collection the session already holds;
populate_existing does."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:already_loaded]
from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    everything = select(Author).options(selectinload(Author.books))
    authors = session.scalars(everything).all()  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) ORDER BY book.id (1, 2, 3)

    recent = (
        select(Author)
        .join(Author.books)
        .where(Book.year > 2000)
        .options(contains_eager(Author.books))
    )
    for author in session.scalars(recent).unique():
        #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (2000,)
        print(author.name, author.books)  # (2)!
        #> Ursula [Book('The Dispossessed'), Book('Lavinia')]
        #> Octavia [Book('Kindred'), Book('Fledgling')]

    reload = recent.execution_options(populate_existing=True)  # (3)!
    for author in session.scalars(reload).unique():
        #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? (2000,)
        print(author.name, author.books)
        #> Ursula [Book('Lavinia')]
        #> Octavia [Book('Fledgling')]
#> ROLLBACK
# --8<-- [end:already_loaded]

# --8<-- [start:and_]
with Session(engine) as session:
    authors = session.scalars(everything).all()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) ORDER BY book.id (1, 2, 3)
    query = select(Author).options(selectinload(Author.books.and_(Book.year > 2000)))
    for author in session.scalars(query):
        #> SELECT author.id, author.name FROM author
        #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) AND book.year > ? ORDER BY book.id (1, 2, 3, 2000)
        print(author.name, author.books)  # (1)!
        #> Ursula [Book('The Dispossessed'), Book('Lavinia')]
        #> Octavia [Book('Kindred'), Book('Fledgling')]
        #> Stanisław [Book('Solaris')]
#> ROLLBACK
# --8<-- [end:and_]
