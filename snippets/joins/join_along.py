"""join() along a relationship writes the ON clause from the foreign key."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:join]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    pairs = select(Author.name, Book.title).join(Author.books).order_by(Book.year)
    for row in session.execute(pairs):  # (1)!
        #> BEGIN (implicit)
        #> SELECT author.name, book.title FROM author JOIN book ON author.id = book.author_id ORDER BY book.year
        print(row)
        #> ('Ursula', 'A Wizard of Earthsea')
        #> ('Ursula', 'The Dispossessed')
        #> ('Octavia', 'Kindred')
    everyone = select(Author.name, Book.title).outerjoin(Author.books)
    print(session.execute(everyone.order_by(Author.id, Book.year)).all())  # (2)!
    #> SELECT author.name, book.title FROM author LEFT OUTER JOIN book ON author.id = book.author_id ORDER BY author.id, book.year
    #> [('Ursula', 'A Wizard of Earthsea'), ('Ursula', 'The Dispossessed'), ('Octavia', 'Kindred'), ('Iain', None)]
    by_ursula = select(Book).join(Book.author).where(Author.name == "Ursula")  # (3)!
    print(session.scalars(by_ursula).all())
    #> SELECT book.id, book.title, book.year, book.author_id FROM book JOIN author ON author.id = book.author_id WHERE author.name = ? ('Ursula',)
    #> [Book('A Wizard of Earthsea'), Book('The Dispossessed')]
#> ROLLBACK
# --8<-- [end:join]
