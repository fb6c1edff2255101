"""Where the soft-delete filter reaches: queries, get(), lazy and eager loads, joins, aliases."""

from snippets.global_filters.filters import hide_deleted
from snippets.global_filters.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:setup]
from sqlalchemy import event, select
from sqlalchemy.orm import aliased, joinedload, selectinload, sessionmaker

engine = fresh_engine(Base.metadata, *library())
FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", hide_deleted)  # (1)!
# --8<-- [end:setup]

# --8<-- [start:queries]
with FilteredSession() as session:
    print(session.scalars(select(Book)).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.deleted_at IS NULL
    #> [Book('Kindred')]
    print(session.get(Book, 2))  # (2)!
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.id = ? AND book.deleted_at IS NULL (2,)
    #> None
#> ROLLBACK
# --8<-- [end:queries]

# --8<-- [start:relationships]
with FilteredSession() as session:
    octavia = session.get(Author, 1)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    print(octavia.books)  # (1)!
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id AND book.deleted_at IS NULL AND book.deleted_at IS NULL (1,)
    #> [Book('Kindred')]
#> ROLLBACK

with FilteredSession() as session:
    eager = select(Author).options(selectinload(Author.books))
    print(session.scalars(eager).one().books)  # (2)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author
    #> SELECT book.author_id, book.id, book.title, book.deleted_at FROM book WHERE book.author_id IN (?) AND book.deleted_at IS NULL AND book.deleted_at IS NULL (1,)
    #> [Book('Kindred')]
#> ROLLBACK

with FilteredSession() as session:
    joined = select(Author).options(joinedload(Author.books))
    print(session.scalars(joined).unique().one().books)  # (3)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name, book_1.id AS id_1, book_1.title, book_1.author_id, book_1.deleted_at FROM author LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id AND book_1.deleted_at IS NULL
    #> [Book('Kindred')]
#> ROLLBACK
# --8<-- [end:relationships]

# --8<-- [start:joins]
with FilteredSession() as session:
    wrote_dawn = select(Author).join(Author.books).where(Book.title == "Dawn")
    print(session.scalars(wrote_dawn).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id AND book.deleted_at IS NULL WHERE book.title = ? ('Dawn',)
    #> []
    other = aliased(Book)
    print(session.scalars(select(other)).all())  # (2)!
    #> SELECT book_1.id, book_1.title, book_1.author_id, book_1.deleted_at FROM book AS book_1 WHERE book_1.deleted_at IS NULL
    #> [Book('Kindred')]
#> ROLLBACK
# --8<-- [end:joins]
