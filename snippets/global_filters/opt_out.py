"""Seeing soft-deleted rows: an execution option the listener reads, and where it reaches."""

from snippets.global_filters.filters import hide_deleted
from snippets.global_filters.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:opt_out]
from sqlalchemy import event, select
from sqlalchemy.orm import selectinload, sessionmaker

engine = fresh_engine(Base.metadata, *library())
FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", hide_deleted)

with FilteredSession() as session:
    everything = select(Book).order_by(Book.id).execution_options(include_deleted=True)
    print(session.scalars(everything).all())  # (1)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book ORDER BY book.id
    #> [Book('Kindred'), Book('Dawn')]
#> ROLLBACK

with FilteredSession() as session:
    octavia = session.scalars(
        select(Author).execution_options(include_deleted=True)
    ).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author
    print(octavia.books)  # (2)!
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id AND book.deleted_at IS NULL (1,)
    #> [Book('Kindred')]
#> ROLLBACK

with FilteredSession() as session:
    with_books = (
        select(Author)
        .options(selectinload(Author.books))
        .execution_options(include_deleted=True)
    )
    print(session.scalars(with_books).one().books)  # (3)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author
    #> SELECT book.author_id, book.id, book.title, book.deleted_at FROM book WHERE book.author_id IN (?) (1,)
    #> [Book('Kindred'), Book('Dawn')]
#> ROLLBACK
# --8<-- [end:opt_out]
