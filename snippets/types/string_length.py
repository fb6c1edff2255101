"""String() without a length cannot make a table on MariaDB and MySQL; String(n) can."""

from snippets.support import database_url

# --8<-- [start:no_length]
from sqlalchemy import String, create_engine, select
from sqlalchemy.dialects import mysql
from sqlalchemy.exc import CompileError, DataError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.schema import CreateTable


class NoteBase(DeclarativeBase):
    pass


class Note(NoteBase):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]  # (1)!


try:
    CreateTable(Note.__table__).compile(dialect=mysql.dialect())  # (2)!
except CompileError as error:
    print(error)
    #> (in table 'note', column 'title'): VARCHAR requires a length on dialect mysql
# --8<-- [end:no_length]


# --8<-- [start:with_length]
class LengthBase(DeclarativeBase):
    type_annotation_map = {str: String(200)}  # (1)!


class Memo(LengthBase):
    __tablename__ = "memo"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    code: Mapped[str] = mapped_column(String(5))  # (2)!


print(
    " ".join(str(CreateTable(Memo.__table__).compile(dialect=mysql.dialect())).split())
)
#> CREATE TABLE memo ( id INTEGER NOT NULL AUTO_INCREMENT, title VARCHAR(200) NOT NULL, code VARCHAR(5) NOT NULL, PRIMARY KEY (id) )
# --8<-- [end:with_length]

# --8<-- [start:too_long]
engine = create_engine(database_url())
LengthBase.metadata.drop_all(engine)
LengthBase.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Memo(title="Hello", code="TOO LONG"))  # 8 characters in a String(5)
    try:
        session.commit()
        print(repr(session.scalar(select(Memo.code))))
        #> 'TOO LONG'
    except DataError as error:  # PostgreSQL and MariaDB
        print(error.orig)
# --8<-- [end:too_long]
