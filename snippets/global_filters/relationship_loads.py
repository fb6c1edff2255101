"""Skipping relationship loads in the listener lets deleted rows into some collections."""

from snippets.global_filters.filters import hide_deleted
from snippets.global_filters.model import Author, Base, Book, SoftDelete
from snippets.support import fresh_engine

# --8<-- [start:skipped]
from datetime import datetime

from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, sessionmaker, with_loader_criteria

engine = fresh_engine(Base.metadata)


def hide_deleted_at_top_level(state: ORMExecuteState) -> None:
    if (
        state.is_select
        and not state.is_column_load
        and not state.is_relationship_load  # (1)!
    ):
        state.statement = state.statement.options(
            with_loader_criteria(
                SoftDelete, lambda cls: cls.deleted_at.is_(None), include_aliases=True
            )
        )


FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", hide_deleted_at_top_level)

with FilteredSession() as session:
    dawn = Book(title="Dawn", deleted_at=datetime(2024, 1, 1))
    octavia = Author(name="Octavia", books=[Book(title="Kindred"), dawn])
    session.add(octavia)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Octavia',)
    #> INSERT INTO book (title, author_id, deleted_at) VALUES (?, ?, ?) RETURNING id ('Kindred', 1, None)
    #> INSERT INTO book (title, author_id, deleted_at) VALUES (?, ?, ?) RETURNING id ('Dawn', 1, '2024-01-01 00:00:00.000000')
    #> COMMIT
    print(octavia.books)  # (2)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id (1,)
    #> [Book('Kindred'), Book('Dawn')]
#> ROLLBACK

with FilteredSession() as session:
    octavia = session.scalars(select(Author)).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author
    print(octavia.books)  # (3)!
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id AND book.deleted_at IS NULL (1,)
    #> [Book('Kindred')]
#> ROLLBACK
# --8<-- [end:skipped]

# --8<-- [start:fixed]
FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", hide_deleted)  # (1)!

with FilteredSession() as session:
    gone = Book(title="Orsinian Tales", deleted_at=datetime(2024, 1, 1))
    ursula = Author(name="Ursula", books=[Book(title="Lathe"), gone])
    session.add(ursula)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Ursula',)
    #> INSERT INTO book (title, author_id, deleted_at) VALUES (?, ?, ?) RETURNING id ('Lathe', 2, None)
    #> INSERT INTO book (title, author_id, deleted_at) VALUES (?, ?, ?) RETURNING id ('Orsinian Tales', 2, '2024-01-01 00:00:00.000000')
    #> COMMIT
    print(ursula.books)  # (2)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (2,)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE ? = book.author_id AND book.deleted_at IS NULL (2,)
    #> [Book('Lathe')]
#> ROLLBACK
# --8<-- [end:fixed]
