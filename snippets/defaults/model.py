"""The models of this page: each column gets its value from a default or the database."""

# --8<-- [start:model]
from datetime import datetime, timezone

from sqlalchemy import Computed, DateTime, FetchedValue, Identity, String, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utc_now() -> datetime:
    """The time now, in UTC, with its time zone attached."""
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="draft")  # (1)!
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        default=utc_now,  # (2)!
    )


# --8<-- [end:model]


# --8<-- [start:visit]
class Visit(Base):
    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    frozen: Mapped[datetime] = mapped_column(default=datetime.now(timezone.utc))  # (1)!
    per_row: Mapped[datetime] = mapped_column(default=utc_now)  # (2)!
    by_database: Mapped[datetime] = mapped_column(default=func.now())  # (3)!


# --8<-- [end:visit]


# --8<-- [start:comment]
class Comment(Base):
    __tablename__ = "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    likes: Mapped[int] = mapped_column(server_default=text("0"))  # (1)!
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())  # (2)!


# --8<-- [end:comment]


# --8<-- [start:replies]
class Reply(Base):
    __tablename__ = "reply"
    __table_args__ = {"implicit_returning": False}  # (1)!

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class EagerReply(Base):
    __tablename__ = "eager_reply"
    __table_args__ = {"implicit_returning": False}
    __mapper_args__ = {"eager_defaults": True}  # (2)!

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


# --8<-- [end:replies]


# --8<-- [start:page]
class Page(Base):
    __tablename__ = "page"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(
        server_default=func.now(),
        onupdate=func.now(),  # (1)!
    )
    checked_at: Mapped[datetime] = mapped_column(
        server_default=func.now(),
        server_onupdate=FetchedValue(),  # (2)!
    )


# --8<-- [end:page]


# --8<-- [start:line]
class Line(Base):
    __tablename__ = "line"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)  # (1)!
    quantity: Mapped[int]
    unit_price: Mapped[int]
    total: Mapped[int] = mapped_column(
        Computed("quantity * unit_price", persisted=True),  # (2)!
        nullable=True,  # (3)!
    )


# --8<-- [end:line]


# --8<-- [start:timestamps]
class Timestamped:
    """Mix into a mapped class: the database sets both columns."""

    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),  # (1)!
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        onupdate=func.now(),  # (2)!
    )


class Task(Timestamped, Base):
    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))


# --8<-- [end:timestamps]
