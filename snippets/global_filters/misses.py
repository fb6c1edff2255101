"""What the soft-delete filter misses: objects the session holds, SQL it does not build."""

from snippets.global_filters.filters import hide_deleted
from snippets.global_filters.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:held]
from datetime import datetime

from sqlalchemy import event, func, select, text
from sqlalchemy.orm import sessionmaker

engine = fresh_engine(Base.metadata, *library())
FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", hide_deleted)

with FilteredSession() as session:
    octavia = session.get(Author, 1)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    kindred = octavia.books[0]
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id AND book.deleted_at IS NULL AND book.deleted_at IS NULL (1,)
    kindred.deleted_at = datetime(2024, 6, 1)  # (1)!
    session.flush()
    #> UPDATE book SET deleted_at=? WHERE book.id = ? ('2024-06-01 00:00:00.000000', 1)
    print(session.get(Book, 1))  # (2)!
    #> Book('Kindred')
    print(octavia.books)  # (3)!
    #> [Book('Kindred')]
    fresh = select(Author).execution_options(populate_existing=True)
    session.scalars(fresh).one()
    #> SELECT author.id, author.name FROM author
    print(octavia.books)  # (4)!
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id AND book.deleted_at IS NULL AND book.deleted_at IS NULL (1,)
    #> []
#> ROLLBACK
# --8<-- [end:held]

# --8<-- [start:not_built]
with FilteredSession() as session:
    print(session.execute(text("SELECT title FROM book ORDER BY id")).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT title FROM book ORDER BY id
    #> [('Kindred',), ('Dawn',)]
    book_table = Book.__table__
    titles = select(book_table.c.title).order_by(book_table.c.id)
    print(session.execute(titles).all())  # (2)!
    #> SELECT book.title FROM book ORDER BY book.id
    #> [('Kindred',), ('Dawn',)]
    print(session.scalar(select(func.count()).select_from(book_table)))  # (3)!
    #> SELECT count(*) AS count_1 FROM book
    #> 2
    print(session.scalar(select(func.count()).select_from(Book)))  # (4)!
    #> SELECT count(*) AS count_1 FROM book WHERE book.deleted_at IS NULL
    #> 1
#> ROLLBACK
# --8<-- [end:not_built]
