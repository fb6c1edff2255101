"""The models of the page "Types that surprise": one table per type it shows."""

# --8<-- [start:enum]
import enum
import uuid
from decimal import Decimal

from sqlalchemy import JSON, Enum, Numeric, String
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Article(Base):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status]  # (1)!


class Page(Base):
    __tablename__ = "page"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status] = mapped_column(
        Enum(
            Status,
            values_callable=lambda members: [m.value for m in members],  # (2)!
            name="page_status",  # (3)!
        )
    )


# --8<-- [end:enum]


# --8<-- [start:json]


class Settings(Base):
    __tablename__ = "settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)  # (1)!


class TrackedSettings(Base):
    __tablename__ = "tracked_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[dict] = mapped_column(MutableDict.as_mutable(JSON))  # (2)!


# --8<-- [end:json]


# --8<-- [start:uuid_money]


class Token(Base):
    __tablename__ = "token"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # (1)!
    owner: Mapped[str] = mapped_column(String(50))


class Payment(Base):
    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    as_float: Mapped[float]  # (2)!
    as_numeric: Mapped[Decimal] = mapped_column(Numeric(10, 2))  # (3)!


# --8<-- [end:uuid_money]
