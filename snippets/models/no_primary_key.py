"""A mapped class needs a primary key: without one, the class statement fails."""

# --8<-- [start:error]
from sqlalchemy import String
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


try:

    class LogLine(Base):
        __tablename__ = "log_line"

        at: Mapped[str] = mapped_column(String(30))
        message: Mapped[str] = mapped_column(String(200))

except ArgumentError as error:
    print(error)
    #> Mapper Mapper[LogLine(log_line)] could not assemble any primary key columns for mapped table 'log_line'
# --8<-- [end:error]
