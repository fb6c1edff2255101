"""A filtered eager load: the option's own condition, added with and_()."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:filtered_option]
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    recent_books = Author.books.and_(Book.year > 2000)  # (1)!
    query = select(Author).options(selectinload(recent_books))
    for author in session.scalars(query):
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author
        #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?, ?) AND book.year > ? ORDER BY book.id (1, 2, 3, 2000)
        print(author.name, author.books)  # (2)!
        #> Ursula [Book('Lavinia')]
        #> Octavia [Book('Fledgling')]
        #> Stanisław []
#> ROLLBACK
# --8<-- [end:filtered_option]
