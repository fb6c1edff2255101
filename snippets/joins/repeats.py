"""A join to a collection sends one row per child: the parent comes back once per child."""

from snippets.joins.model import Author, Base, library
from snippets.support import fresh_engine

# --8<-- [start:repeats]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    with_books = select(Author).join(Author.books).order_by(Author.id)
    print(session.scalars(with_books).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id ORDER BY author.id
    #> [Author('Ursula'), Author('Ursula'), Author('Octavia')]
    print(session.scalars(with_books.distinct()).all())  # (2)!
    #> SELECT DISTINCT author.id, author.name FROM author JOIN book ON author.id = book.author_id ORDER BY author.id
    #> [Author('Ursula'), Author('Octavia')]
    print(session.scalars(with_books).unique().all())  # (3)!
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id ORDER BY author.id
    #> [Author('Ursula'), Author('Octavia')]
    have_books = select(Author).where(Author.books.any()).order_by(Author.id)
    print(session.scalars(have_books).all())  # (4)!
    #> SELECT author.id, author.name FROM author WHERE EXISTS (SELECT 1 FROM book WHERE author.id = book.author_id) ORDER BY author.id
    #> [Author('Ursula'), Author('Octavia')]
#> ROLLBACK
# --8<-- [end:repeats]
