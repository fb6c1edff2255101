"""The model of the chapter "Object states" in the classic `Column` style."""

# --8<-- [start:model]
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)

    def __repr__(self) -> str:
        return f"User(name={self.name!r})"


# --8<-- [end:model]
