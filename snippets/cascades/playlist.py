"""The model of the chapter "Cascades": a playlist and its tracks, with the cascade
each example names."""

from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from snippets.support import database_url, print_sql


# --8<-- [start:model]
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


# --8<-- [end:model]


def stored_playlist(cascade: str):
    """A database holding one playlist with two tracks, mapped with `cascade`; the SQL
    sent from then on is printed."""
    Base, Playlist, Track = playlist_model(cascade)
    engine = create_engine(database_url())
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        tracks = [Track(title="Roadrunner"), Track(title="Holiday")]
        session.add(Playlist(name="Road trip", tracks=tracks))
        session.commit()
    print_sql(engine)
    return engine, Playlist, Track
