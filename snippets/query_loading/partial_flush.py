"""A flush works from the collection as loaded: a filtered list hides books from
clear() and from the delete cascade."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:clear]
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager

engine = fresh_engine(Base.metadata, *library())
recent = (
    select(Author)
    .join(Author.books)
    .where(Book.year > 2000, Author.name == "Ursula")
    .options(contains_eager(Author.books))
)

with Session(engine) as session:
    ursula = session.scalars(recent).unique().one()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? AND author.name = ? (2000, 'Ursula')
    ursula.books.clear()  # (1)!
    session.commit()
    #> SELECT review.id, review.stars, review.book_id FROM review WHERE ? = review.book_id ORDER BY review.id (2,)
    #> DELETE FROM review WHERE review.id = ? (2,)
    #> DELETE FROM book WHERE book.id = ? (2,)
    #> COMMIT
    print(session.scalars(select(Book.title).where(Book.author_id == 1)).all())  # (2)!
    #> BEGIN (implicit)
    #> SELECT book.title FROM book WHERE book.author_id = ? (1,)
    #> ['The Dispossessed']
#> ROLLBACK
# --8<-- [end:clear]

# --8<-- [start:delete]
engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    ursula = session.scalars(recent).unique().one()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? AND author.name = ? (2000, 'Ursula')
    session.delete(ursula)  # (1)!
    #> SELECT review.id, review.stars, review.book_id FROM review WHERE ? = review.book_id ORDER BY review.id (2,)
    try:
        session.commit()
        #> DELETE FROM review WHERE review.id = ? (2,)
        #> DELETE FROM book WHERE book.id = ? (2,)
        #> DELETE FROM author WHERE author.id = ? (1,)
        #> COMMIT
    except IntegrityError:  # (2)!
        print("refused by the foreign key")
    else:
        left = select(Book.title, Book.author_id).where(Book.author_id == 1)
        print(session.execute(left).all())  # (3)!
        #> BEGIN (implicit)
        #> SELECT book.title, book.author_id FROM book WHERE book.author_id = ? (1,)
        #> [('The Dispossessed', 1)]
#> ROLLBACK
# --8<-- [end:delete]

# --8<-- [start:fix]
engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    ursula = session.scalars(recent).unique().one()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? AND author.name = ? (2000, 'Ursula')
    session.refresh(ursula, ["books"])  # (1)!
    #> SELECT author.id FROM author WHERE author.id = ? (1,)
    #> SELECT book.id, book.title, book.year, book.author_id FROM book WHERE ? = book.author_id ORDER BY book.id (1,)
    print(ursula.books)
    #> [Book('The Dispossessed'), Book('Lavinia')]
    session.delete(ursula)
    #> SELECT review.id, review.stars, review.book_id FROM review WHERE ? = review.book_id ORDER BY review.id (1,)
    #> SELECT review.id, review.stars, review.book_id FROM review WHERE ? = review.book_id ORDER BY review.id (2,)
    session.commit()
    #> DELETE FROM review WHERE review.id = ? [(1,), (2,)]
    #> DELETE FROM book WHERE book.id = ? [(1,), (2,)]
    #> DELETE FROM author WHERE author.id = ? (1,)
    #> COMMIT
    print(session.scalar(select(func.count()).select_from(Book)))  # (2)!
    #> BEGIN (implicit)
    #> SELECT count(*) AS count_1 FROM book
    #> 3
#> ROLLBACK
# --8<-- [end:fix]
