"""A join repeats the author once per matching book: one() sees two rows; unique() one."""

from snippets.relationships.author_book import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:join_repeats]
from sqlalchemy import select
from sqlalchemy.exc import MultipleResultsFound
from sqlalchemy.orm import Session

books = [Book(title="Kindred"), Book(title="Dawn")]
engine = fresh_engine(Base.metadata, Author(name="Octavia", books=books))

with Session(engine) as session:
    titles = ["Kindred", "Dawn"]
    author_of = select(Author).join(Author.books).where(Book.title.in_(titles))
    print(session.scalars(author_of).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.title IN (?, ?) ('Kindred', 'Dawn')
    #> [Author('Octavia'), Author('Octavia')]
    try:
        session.scalars(author_of).one()
        #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.title IN (?, ?) ('Kindred', 'Dawn')
    except MultipleResultsFound as error:
        print(error)
        #> Multiple rows were found when exactly one was required
    print(session.scalars(author_of).unique().one())  # (2)!
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.title IN (?, ?) ('Kindred', 'Dawn')
    #> Author('Octavia')

    legacy = session.query(Author).join(Author.books).filter(Book.title.in_(titles))
    print(legacy.all())  # (3)!
    #> SELECT author.id AS author_id, author.name AS author_name FROM author JOIN book ON author.id = book.author_id WHERE book.title IN (?, ?) ('Kindred', 'Dawn')
    #> [Author('Octavia')]
#> ROLLBACK
# --8<-- [end:join_repeats]
