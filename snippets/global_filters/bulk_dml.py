"""ORM update() and delete(): the SELECT filter skips them; with_loader_criteria on them works."""

from snippets.global_filters.filters import hide_deleted
from snippets.global_filters.model import Base, Book, SoftDelete, library
from snippets.support import fresh_engine

# --8<-- [start:bulk_dml]
from sqlalchemy import delete, event, update
from sqlalchemy.orm import sessionmaker, with_loader_criteria

engine = fresh_engine(Base.metadata, *library())
FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", hide_deleted)

with FilteredSession() as session:
    shout = update(Book).values(title=Book.title + "!")
    print(session.execute(shout).rowcount)  # (1)!
    #> BEGIN (implicit)
    #> UPDATE book SET title=(book.title || ?) ('!',)
    #> 2
    session.rollback()
    #> ROLLBACK

    not_deleted = with_loader_criteria(
        SoftDelete, lambda cls: cls.deleted_at.is_(None), include_aliases=True
    )
    print(session.execute(shout.options(not_deleted)).rowcount)  # (2)!
    #> BEGIN (implicit)
    #> UPDATE book SET title=(book.title || ?) WHERE book.deleted_at IS NULL ('!',)
    #> 1
    print(session.execute(delete(Book).options(not_deleted)).rowcount)  # (3)!
    #> DELETE FROM book WHERE book.deleted_at IS NULL
    #> 1
#> ROLLBACK
# --8<-- [end:bulk_dml]
