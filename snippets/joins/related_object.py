"""where(Book.author == ursula) compares the foreign key with Ursula's key: no join."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:equals]
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    ursula = session.scalars(select(Author).filter_by(name="Ursula")).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.name = ? ('Ursula',)
    hers = select(Book).where(Book.author == ursula)
    print(session.scalars(hers).all())  # (1)!
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE ? = book.author_id (1,)
    #> [Book('A Wizard of Earthsea'), Book('The Dispossessed')]
    others = select(Book).where(Book.author != ursula).order_by(Book.year)
    print(session.scalars(others).all())  # (2)!
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.author_id != ? OR book.author_id IS NULL ORDER BY book.year (1,)
    #> [Book('Go Ask Alice'), Book('Kindred')]
#> ROLLBACK
# --8<-- [end:equals]

# --8<-- [start:no_key]
with Session(engine) as session:
    ann = Author(name="Ann")  # (1)!
    try:
        session.scalars(select(Book).where(Book.author == ann)).all()
        #> BEGIN (implicit)
    except StatementError as error:
        print(type(error.orig).__name__)
        #> InvalidRequestError
        print(str(error.orig).split(" on object")[0])  # (2)!
        #> Can't resolve value for column author.id
        print(str(error.orig).split("; ")[1])
        #> no value has been set for this column
    session.add(ann)
    print(session.scalars(select(Book).where(Book.author == ann)).all())  # (3)!
    #> INSERT INTO author (name) VALUES (?) ('Ann',)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE ? = book.author_id (4,)
    #> []
#> ROLLBACK
# --8<-- [end:no_key]

# --8<-- [start:expired]
with Session(engine) as session:
    ursula = session.scalars(select(Author).filter_by(name="Ursula")).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.name = ? ('Ursula',)
    octavia = session.scalars(select(Author).filter_by(name="Octavia")).one()
    #> SELECT author.id, author.name FROM author WHERE author.name = ? ('Octavia',)
    octavia_id = octavia.id
    session.commit()  # (1)!
    #> COMMIT
    print(session.scalars(select(Book).where(Book.author == ursula)).all())  # (2)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE ? = book.author_id (1,)
    #> [Book('A Wizard of Earthsea'), Book('The Dispossessed')]
#> ROLLBACK

with Session(engine) as session:
    try:
        session.scalars(select(Book).where(Book.author == octavia)).all()  # (3)!
        #> BEGIN (implicit)
    except StatementError as error:
        print(str(error.orig).split("; ")[1])
        #> the object is detached and the value was expired
    print(
        session.scalars(select(Book).where(Book.author_id == octavia_id)).all()
    )  # (4)!
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE book.author_id = ? (2,)
    #> [Book('Kindred')]
#> ROLLBACK
# --8<-- [end:expired]
