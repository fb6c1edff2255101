"""any() and has() send an EXISTS subquery: each parent once, whatever the children."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:any]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    joined = select(Author).join(Author.books).where(Book.year > 1960)
    print(session.scalars(joined.order_by(Author.id)).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? ORDER BY author.id (1960,)
    #> [Author('Ursula'), Author('Ursula'), Author('Octavia')]
    exists = select(Author).where(Author.books.any(Book.year > 1960))
    print(session.scalars(exists.order_by(Author.id)).all())  # (2)!
    #> SELECT author.id, author.name FROM author WHERE EXISTS (SELECT 1 FROM book WHERE author.id = book.author_id AND book.year > ?) ORDER BY author.id (1960,)
    #> [Author('Ursula'), Author('Octavia')]
    without_books = select(Author).where(~Author.books.any())
    print(session.scalars(without_books).all())  # (3)!
    #> SELECT author.id, author.name FROM author WHERE NOT (EXISTS (SELECT 1 FROM book WHERE author.id = book.author_id))
    #> [Author('Iain')]
#> ROLLBACK
# --8<-- [end:any]

# --8<-- [start:has]
with Session(engine) as session:
    by_name = select(Book).where(Book.author.has(Author.name == "Ursula"))
    print(session.scalars(by_name).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE EXISTS (SELECT 1 FROM author WHERE author.id = book.author_id AND author.name = ?) ('Ursula',)
    #> [Book('A Wizard of Earthsea'), Book('The Dispossessed')]
    joined = select(Book).join(Book.author).where(Author.name == "Ursula")
    print(session.scalars(joined).all())  # (2)!
    #> SELECT book.id, book.title, book.year, book.author_id FROM book JOIN author ON author.id = book.author_id WHERE author.name = ? ('Ursula',)
    #> [Book('A Wizard of Earthsea'), Book('The Dispossessed')]
    anonymous = select(Book).where(~Book.author.has())
    print(session.scalars(anonymous).all())  # (3)!
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE NOT (EXISTS (SELECT 1 FROM author WHERE author.id = book.author_id))
    #> [Book('Go Ask Alice')]
#> ROLLBACK
# --8<-- [end:has]
