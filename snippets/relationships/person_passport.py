"""One-to-one: a person holds at most one passport, a passport belongs to one person."""

# --8<-- [start:model]
from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    passport: Mapped[Optional["Passport"]] = relationship(  # (1)!
        back_populates="holder"
    )


class Passport(Base):
    __tablename__ = "passport"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    holder_id: Mapped[int] = mapped_column(ForeignKey("person.id"), unique=True)  # (2)!
    holder: Mapped["Person"] = relationship(back_populates="passport")

    def __repr__(self) -> str:
        return f"Passport({self.number!r})"


# --8<-- [end:model]
