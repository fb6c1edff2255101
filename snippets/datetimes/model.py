"""The models of the chapter: a meeting with two start times, laps timed to the
microsecond, and notes stamped by the database and by the application."""

# --8<-- [start:model]
from datetime import datetime, timezone

from sqlalchemy import DateTime, func
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    pass


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    starts: Mapped[datetime]  # (1)!
    starts_tz: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # (2)!


# --8<-- [end:model]


# --8<-- [start:lap]
class Lap(Base):
    __tablename__ = "lap"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    at_precise: Mapped[datetime] = mapped_column(
        DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")  # (1)!
    )


# --8<-- [end:lap]


# --8<-- [start:note]
def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    server_time: Mapped[datetime] = mapped_column(server_default=func.now())  # (1)!
    server_time_tz: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    app_time: Mapped[datetime] = mapped_column(  # (2)!
        DateTime(timezone=True), default=utc_now
    )


def hours_apart(later: datetime, earlier: datetime) -> int:
    """Whole hours between two datetimes, reading a naive one as UTC."""
    later, earlier = (
        value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        for value in (later, earlier)
    )
    return round((later - earlier).total_seconds() / 3600)


# --8<-- [end:note]


# --8<-- [start:utc_type]
class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; a naive datetime is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name in ("mysql", "mariadb"):
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))  # (1)!
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value}: say which time zone it is in")
        utc = value.astimezone(timezone.utc)
        if dialect.name == "postgresql":
            return utc  # (2)!
        return utc.replace(tzinfo=None)  # (3)!

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)  # (4)!
        return value.astimezone(timezone.utc)  # (5)!


class Booking(Base):
    __tablename__ = "booking"

    id: Mapped[int] = mapped_column(primary_key=True)
    starts: Mapped[datetime] = mapped_column(UTCDateTime)


# --8<-- [end:utc_type]
