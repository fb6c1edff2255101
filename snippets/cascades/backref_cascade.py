"""A new book given its author, Book(author=ursula), does not join her session."""

from snippets.relationships.author_book import Author, Base, Book
from snippets.support import count_elsewhere, fresh_engine

# --8<-- [start:not_cascaded]
import warnings

from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, Author(name="Ursula"), file=True)

with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ursula = session.get(Author, 1)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    book = Book(title="The Dispossessed", author=ursula)  # (1)!
    print(book in session)
    #> False
    session.commit()  # (2)!
    #> COMMIT
    for warning in caught:
        if warning.category is SAWarning:
            print(warning.message)
            #> Object of type <Book> not in session, add operation along 'Author.books' will not proceed
print(count_elsewhere(engine, Book.__table__))  # (3)!
#> 0
# --8<-- [end:not_cascaded]

# --8<-- [start:add_it]
with Session(engine) as session:
    ursula = session.get(Author, 1)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    session.add(Book(title="The Dispossessed", author=ursula))  # (1)!
    session.commit()
    #> INSERT INTO book (title, author_id) VALUES (?, ?) ('The Dispossessed', 1)
    #> COMMIT
print(count_elsewhere(engine, Book.__table__))
#> 1
# --8<-- [end:add_it]
