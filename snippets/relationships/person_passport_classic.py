"""The person_passport model in the classic `Column` style."""

# --8<-- [start:model]
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, relationship


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    passport = relationship("Passport", back_populates="holder", uselist=False)  # (1)!


class Passport(Base):
    __tablename__ = "passport"

    id = Column(Integer, primary_key=True)
    number = Column(String(20), nullable=False)
    holder_id = Column(Integer, ForeignKey("person.id"), unique=True, nullable=False)
    holder = relationship("Person", back_populates="passport")

    def __repr__(self) -> str:
        return f"Passport({self.number!r})"


# --8<-- [end:model]
