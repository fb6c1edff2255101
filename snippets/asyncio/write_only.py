"""A write-only collection never loads: add to it, and query it with an await."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.loading.library import library

# --8<-- [start:write_only]
import asyncio

from sqlalchemy import ForeignKey, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    WriteOnlyMapped,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: WriteOnlyMapped["Book"] = relationship()  # (1)!


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        ursula = await session.get(Author, 1)
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
        ursula.books.add(Book(title="The Word for World Is Forest"))  # (2)!
        await session.flush()
        #> INSERT INTO book (title, author_id) VALUES (?, ?) ('The Word for World Is Forest', 1)
        titles = await session.scalars(ursula.books.select().order_by(Book.id))  # (3)!
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id ORDER BY book.id (1,)
        print([book.title for book in titles])
        #> ['The Dispossessed', 'The Lathe of Heaven', 'The Word for World Is Forest']
        await session.commit()
        #> COMMIT
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:write_only]
