"""include_aliases: without it, aliases are not filtered, and a mixin filters nothing."""

from snippets.global_filters.model import Base, Book, SoftDelete, library
from snippets.support import fresh_engine

# --8<-- [start:without_aliases]
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, with_loader_criteria

engine = fresh_engine(Base.metadata, *library())
other = aliased(Book)
on_book = with_loader_criteria(Book, lambda cls: cls.deleted_at.is_(None))
on_mixin = with_loader_criteria(SoftDelete, lambda cls: cls.deleted_at.is_(None))
with Session(engine) as session:  # (1)!
    print(session.scalars(select(Book).options(on_book)).all())
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book WHERE book.deleted_at IS NULL
    #> [Book('Kindred')]
    print(session.scalars(select(other).options(on_book)).all())  # (2)!
    #> SELECT book_1.id, book_1.title, book_1.author_id, book_1.deleted_at FROM book AS book_1
    #> [Book('Kindred'), Book('Dawn')]
    print(session.scalars(select(Book).options(on_mixin)).all())  # (3)!
    #> SELECT book.id, book.title, book.author_id, book.deleted_at FROM book
    #> [Book('Kindred'), Book('Dawn')]
#> ROLLBACK
# --8<-- [end:without_aliases]
