"""Two foreign keys to one table: relationship() cannot choose, AmbiguousForeignKeysError."""

# --8<-- [start:error]
from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import AmbiguousForeignKeysError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Airport(Base):
    __tablename__ = "airport"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(3))


class Flight(Base):
    __tablename__ = "flight"

    id: Mapped[int] = mapped_column(primary_key=True)
    origin_id: Mapped[int] = mapped_column(ForeignKey("airport.id"))
    destination_id: Mapped[int] = mapped_column(ForeignKey("airport.id"))
    origin: Mapped[Airport] = relationship()  # (1)!


try:
    Base.registry.configure()
except AmbiguousForeignKeysError as error:
    print(type(error).__name__)
    #> AmbiguousForeignKeysError
    for part in str(error).split(" - "):
        print(part)  # (2)!
        #> Could not determine join condition between parent/child tables on relationship Flight.origin
        #> there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' argument, providing a list of those columns which should be counted as containing a foreign key reference to the parent table.
# --8<-- [end:error]
