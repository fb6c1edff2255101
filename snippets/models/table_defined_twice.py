"""The same table defined twice on one MetaData: the second class statement fails."""

# --8<-- [start:error]
from sqlalchemy import String
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


try:

    class Writer(Base):  # (1)!
        __tablename__ = "author"

        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))

except InvalidRequestError as error:
    print(error)
    #> Table 'author' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object.
# --8<-- [end:error]
