"""Under DeclarativeBase, an annotation that is not Mapped[...] is an error."""

# --8<-- [start:unmapped_annotation]
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.orm.exc import MappedAnnotationError


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)


try:

    class Book(Base):
        __tablename__ = "book"

        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
        author: Author = relationship()  # (1)!

except MappedAnnotationError as error:
    print(error.code)
    #> zlpr
    print(str(error).split("  ")[0])
    #> Type annotation for "Book.author" can't be correctly interpreted for Annotated Declarative Table form.
# --8<-- [end:unmapped_annotation]
