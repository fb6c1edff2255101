"""A filter added with where() also hits the reload of an expired object: skip column loads."""

from snippets.global_filters.model import Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:where_everywhere]
from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, sessionmaker
from sqlalchemy.orm.exc import ObjectDeletedError

engine = fresh_engine(Base.metadata, *library())


def where_not_deleted(state: ORMExecuteState) -> None:
    if state.is_select and state.bind_mapper is Book.__mapper__:  # (1)!
        state.statement = state.statement.where(Book.deleted_at.is_(None))


FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", where_not_deleted)

with FilteredSession() as session:
    kindred = session.get(Book, 1)
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.id = ? AND book.deleted_at IS NULL (1,)
    kindred.deleted_at = datetime(2024, 6, 1)
    session.commit()  # (2)!
    #> UPDATE book SET deleted_at=? WHERE book.id = ? ('2024-06-01 00:00:00.000000', 1)
    #> COMMIT
    try:
        print(kindred.title)  # (3)!
        #> BEGIN (implicit)
        #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.id = ? AND book.deleted_at IS NULL (1,)
    except ObjectDeletedError as error:
        print(type(error).__name__)
        #> ObjectDeletedError
#> ROLLBACK
# --8<-- [end:where_everywhere]


# --8<-- [start:skip_column_loads]
def where_not_deleted_in_queries(state: ORMExecuteState) -> None:
    if (
        state.is_select
        and not state.is_column_load  # (1)!
        and state.bind_mapper is Book.__mapper__
    ):
        state.statement = state.statement.where(Book.deleted_at.is_(None))


engine = fresh_engine(Base.metadata, *library())
FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", where_not_deleted_in_queries)

with FilteredSession() as session:
    dawn = session.get(Book, 2)  # (2)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.id = ? AND book.deleted_at IS NULL (2,)
    print(dawn)
    #> None
    kindred = session.get(Book, 1)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.id = ? AND book.deleted_at IS NULL (1,)
    kindred.deleted_at = datetime(2024, 6, 1)
    session.commit()
    #> UPDATE book SET deleted_at=? WHERE book.id = ? ('2024-06-01 00:00:00.000000', 1)
    #> COMMIT
    print(kindred.title)  # (3)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.id = ? (1,)
    #> Kindred
#> ROLLBACK
# --8<-- [end:skip_column_loads]
