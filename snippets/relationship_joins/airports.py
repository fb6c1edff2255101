"""Airports and flights: two foreign keys to one table, each relationship told its own."""

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Airport(Base):
    __tablename__ = "airport"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(3))
    departures: Mapped[list["Flight"]] = relationship(
        back_populates="origin",
        foreign_keys="Flight.origin_id",  # (1)!
    )
    arrivals: Mapped[list["Flight"]] = relationship(
        back_populates="destination", foreign_keys="Flight.destination_id"
    )


class Flight(Base):
    __tablename__ = "flight"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10))
    origin_id: Mapped[int] = mapped_column(ForeignKey("airport.id"))
    destination_id: Mapped[int] = mapped_column(ForeignKey("airport.id"))
    origin: Mapped[Airport] = relationship(
        back_populates="departures",
        foreign_keys=[origin_id],  # (2)!
    )
    destination: Mapped[Airport] = relationship(
        back_populates="arrivals", foreign_keys=[destination_id]
    )

    def __repr__(self) -> str:
        return f"Flight({self.number!r})"


# --8<-- [end:model]
