"""join(Book) takes its left side from the select: a count has none to give."""

from snippets.joins.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import func, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    try:
        session.scalar(select(func.count()).join(Book))  # (1)!
        #> BEGIN (implicit)
    except InvalidRequestError as error:
        message = str(error)
        print(message.split(" <")[0])  # (2)!
        #> Don't know how to join to
        print(message.split(">. ")[1])
        #> Please use the .select_from() method to establish an explicit left side, as well as providing an explicit ON clause if not present already to help resolve the ambiguity.
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    books_of = select(func.count()).select_from(Author).join(Author.books)  # (1)!
    print(session.scalar(books_of.where(Author.name == "Ursula")))
    #> BEGIN (implicit)
    #> SELECT count(*) AS count_1 FROM author JOIN book ON author.id = book.author_id WHERE author.name = ? ('Ursula',)
    #> 2
    same = select(func.count()).join_from(Author, Book)  # (2)!
    print(session.scalar(same.where(Author.name == "Ursula")))
    #> SELECT count(*) AS count_1 FROM author JOIN book ON author.id = book.author_id WHERE author.name = ? ('Ursula',)
    #> 2
    titles = select(Book.title).join_from(Author, Author.books)  # (3)!
    print(session.scalars(titles.where(Author.name == "Octavia")).all())
    #> SELECT book.title FROM author JOIN book ON author.id = book.author_id WHERE author.name = ? ('Octavia',)
    #> ['Kindred']
#> ROLLBACK
# --8<-- [end:fix]
