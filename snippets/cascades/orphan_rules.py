"""delete-orphan needs a single parent: on many-to-one and many-to-many, say single_parent."""

# --8<-- [start:many_to_one]
from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Playlist(Base):
    __tablename__ = "playlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlist.id"))
    playlist: Mapped[Playlist] = relationship(cascade="all, delete-orphan")  # (1)!


try:
    Base.registry.configure()
except ArgumentError as error:
    print(str(error).split("  ")[0])
    #> For many-to-one relationship Track.playlist, delete-orphan cascade is normally configured only on the "one" side of a one-to-many relationship, and not on the "many" side of a many-to-one or many-to-many relationship.
# --8<-- [end:many_to_one]
