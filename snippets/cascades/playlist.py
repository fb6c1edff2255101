"""The model of the chapter "Cascades": a playlist and its tracks, with the cascade
each example names."""

from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def playlist_model(cascade="save-update, merge", ondelete=None, **options):
    """Playlist and Track; `Playlist.tracks` gets `cascade` and the other `options`
    of relationship(), the foreign key gets `ondelete` (an ON DELETE rule)."""

    class Base(DeclarativeBase):
        pass

    class Playlist(Base):
        __tablename__ = "playlist"

        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        tracks: Mapped[list["Track"]] = relationship(cascade=cascade, **options)

    class Track(Base):
        __tablename__ = "track"

        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(50))
        playlist_id: Mapped[int | None] = mapped_column(  # (1)!
            ForeignKey("playlist.id", ondelete=ondelete)
        )

        def __repr__(self) -> str:
            return f"Track({self.title!r})"

    return Base, Playlist, Track


def stored_playlist(cascade="save-update, merge", *, file=False, **options):
    """A database holding one playlist with two tracks, mapped by playlist_model()
    with `cascade` and the `options`; it prints the SQL sent from then on."""
    Base, Playlist, Track = playlist_model(cascade, **options)
    tracks = [Track(title="Roadrunner"), Track(title="Holiday")]
    road_trip = Playlist(name="Road trip", tracks=tracks)
    return fresh_engine(Base.metadata, road_trip, file=file), Playlist, Track


# --8<-- [end:model]
