"""Books go in through their author; each side then reaches the other."""

from snippets.relationships.author_book import Author, Base, Book
from snippets.support import fresh_engine

# --8<-- [start:save]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    author = Author(name="Ursula")
    author.books.append(Book(title="The Dispossessed"))  # (1)!
    author.books.append(Book(title="The Lathe of Heaven"))
    session.add(author)  # (2)!
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Ursula',)
    #> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Dispossessed', 1)
    #> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Lathe of Heaven', 1)
    print(author.books[0].author_id)  # (3)!
    #> 1
    session.commit()
    #> COMMIT
# --8<-- [end:save]

# --8<-- [start:navigate]
with Session(engine) as session:
    book = session.scalars(select(Book).where(Book.title == "The Dispossessed")).one()
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id FROM book WHERE book.title = ? ('The Dispossessed',)
    print(book.author)  # (1)!
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> Author('Ursula')
    print(book.author.books)  # (2)!
    #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (1,)
    #> [Book('The Dispossessed'), Book('The Lathe of Heaven')]
#> ROLLBACK
# --8<-- [end:navigate]
